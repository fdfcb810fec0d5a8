//! The browser tests: one test binary (fantoccini, tokio, axum and the app's renderer link
//! once instead of once per file), one module per subject. The harness (server, session,
//! report JSON, downloads) is the `e2e` library in `src/`; the selectors more than one test
//! uses are `e2e::page`.
//!
//! Run one subject with a module filter, e.g. `cargo test -p e2e --test it -- skeleton::`;
//! several filters may follow one another. `cargo xtask test` runs every test in Chromium, then
//! the subjects listed there in Firefox (`E2E_BROWSER=firefox`, without the `on_a_phone` tests:
//! headless Firefox has no viewport under 500 px). Always `--test-threads=1`: two cores cannot
//! run several browsers without timeouts.

mod accessibility;
mod first_paint;
mod hostile;
mod interactive;
mod large;
mod meaning;
mod no_script;
mod publishing;
mod serve;
mod skeleton;
mod take_over;
mod usability;
