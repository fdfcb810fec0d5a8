//! The project's task runner: `cargo xtask <task>`.
//!
//! It owns the tool set-up so that a fresh Debian machine (root, package registries only) needs
//! nothing but the two README commands. Every tool is built or installed from a registry, never
//! downloaded as a prebuilt binary, and each step is skipped when the right version is present.

use std::env;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

mod audit;
mod bench;
mod csp;
mod lighthouse;
mod page_build;
mod process;
mod serve;
mod setup;
mod sizes;
mod test;
mod tree_rules;
mod wasm_crates;

use process::root;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let task = args.first().map(String::as_str).unwrap_or("help");
    let started = Instant::now();
    let result = match task {
        "setup" => setup::setup(),
        "build" => setup::setup().and_then(|()| page_build::build_release()),
        "serve" => serve::Options::parse(&args[1..]).and_then(|options| {
            setup::setup()?;
            page_build::build_release()?;
            serve::serve(&root().join("dist"), &options)
        }),
        "test" => setup::setup().and_then(|()| test::test()),
        // An optional directory, e.g. another build's `--dist`.
        "audit" => audit::audit(&root().join("dist")),
        "sizes" => sizes::print(
            &args
                .get(1)
                .map_or_else(|| root().join("dist"), PathBuf::from),
        ),
        "bench" => bench::bench(&args[1..]),
        "tree" => tree_rules::check(),
        // twiggy's sizes by crate, of cargo's wasm (it keeps the names) or the one given.
        "wasm-crates" => wasm_crates::print(&args.get(1).map_or_else(
            || root().join("target/wasm32-unknown-unknown/release/report-page.wasm"),
            PathBuf::from,
        )),
        // Re-renders the first paint and report.html for the report.json in dist/ (or the
        // directory given): publishing a new report needs no rebuild of the wasm.
        "render" => page_build::render_page(
            &args
                .get(1)
                .map_or_else(|| root().join("dist"), PathBuf::from),
        ),
        "help" | "--help" | "-h" => {
            print_help();
            Ok(())
        }
        other => Err(format!("unknown task {other:?}; run `cargo xtask help`")),
    };
    match result {
        Ok(()) => {
            eprintln!(
                "xtask {task}: done in {:.1} s",
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("xtask {task}: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn print_help() {
    println!(
        "cargo xtask <task>\n\n  setup   install the tools (skips what is already there)\n  build   release build of the page into dist/\n  serve   build the page into dist/ (as `build` does) and serve it on http://127.0.0.1:8080\n          [--port N (0: any free port)] [--address A]; Ctrl-C stops\n  test    format, lint, native tests, release build, browser tests\n  audit   Lighthouse (accessibility, best practices, SEO) and pa11y on dist/\n  render  re-render the first paint (index.html) and report.html for dist/report.json [DIR]\n  sizes   raw / gzip / brotli size of each file in dist/ (or the directory given)\n  tree    check the tree: no module cycle, no file over 600 lines of code\n  bench   performance benchmark (sizes, load times, 10k report, converter) into bench-results/\n  wasm-crates  the wasm's bytes by crate (twiggy) [WASM, default cargo's release wasm]"
    );
}
