//! Which browser the tests drive: `E2E_BROWSER` (Chromium unless it says `firefox`).

/// Which browser the tests drive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Browser {
    Chromium,
    Firefox,
}

impl Browser {
    /// From `E2E_BROWSER` (`chromium`, the default, or `firefox`).
    pub fn from_env() -> Self {
        match std::env::var("E2E_BROWSER").as_deref() {
            Ok("firefox") => Browser::Firefox,
            _ => Browser::Chromium,
        }
    }
}
