//! The throttling profiles a load runs under, and how DevTools applies them.
//!
//! Lighthouse's mobile preset (`mobileSlow4G`, in its lantern `Constants.js`) has two sets of
//! numbers: the round trip and throughput its *simulation* assumes (150 ms, 1.6 Mbit/s), and
//! what its DevTools mode *applies* to the browser, adjusted for how Chromium's throttling
//! works (request latency 150 × 3.75 = 562.5 ms; 1.6 × 1024 × 0.9 = 1,474.56 kbit/s down and
//! 750 × 0.9 = 675 kbit/s up, turned into bytes/s as `floor(kbps × 1024 / 8)` in Lighthouse's
//! `emulation.js`). Issue 11's budget is stated under the applied numbers; the 150 ms profile
//! is the older series, kept comparable with earlier runs.

use serde_json::{json, Value};

use crate::format::number;

/// A network and CPU throttling, and the screen a load runs on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Profile {
    /// Lighthouse's simulated mobile numbers applied in DevTools, a phone screen (the older
    /// series).
    Mobile,
    /// Lighthouse's DevTools-applied mobile throttling, a phone screen (issue 11's budget).
    MobileDevtools,
    /// The machine as it is, desktop window.
    Unthrottled,
}

/// DevTools' `Network.emulateNetworkConditions` and `Emulation.setCPUThrottlingRate` values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Throttling {
    pub latency_ms: f64,
    pub download_bytes_per_s: u32,
    pub upload_bytes_per_s: u32,
    pub cpu_slowdown: u32,
    /// The numbers as bench.md states them.
    pub label: &'static str,
}

/// 150 ms, 1.6 Mbit/s down (as 1.6 × 128 000 bytes/s), 750 kbit/s up, CPU × 4.
pub const MOBILE: Throttling = Throttling {
    latency_ms: 150.0,
    download_bytes_per_s: 204_800,
    upload_bytes_per_s: 96_000,
    cpu_slowdown: 4,
    label: "150 ms latency, 1.6 Mbit/s down, 750 kbit/s up, CPU slowed 4×",
};

/// Lighthouse's `mobileSlow4G` as its DevTools throttling applies it: 562.5 ms,
/// floor(1474.56 × 1024 / 8) = 188 743 bytes/s down, floor(675 × 1024 / 8) = 86 400 up, CPU × 4.
pub const MOBILE_DEVTOOLS: Throttling = Throttling {
    latency_ms: 562.5,
    download_bytes_per_s: 188_743,
    upload_bytes_per_s: 86_400,
    cpu_slowdown: 4,
    label: "562.5 ms request latency, 1.47 Mbit/s down (1,474.56 kbit/s: 188 743 B/s), \
        675 kbit/s up (86 400 B/s), CPU slowed 4×",
};

/// Lighthouse's phone screen (a Moto G Power): 412 × 823 CSS px at 1.75.
const PHONE_SCREEN: &str = "412x823 @1.75, mobile";

impl Profile {
    /// The name in bench.json's series ("app/mobile-devtools").
    pub fn key(self) -> &'static str {
        match self {
            Profile::Mobile => "mobile",
            Profile::MobileDevtools => "mobile-devtools",
            Profile::Unthrottled => "unthrottled",
        }
    }

    pub fn throttling(self) -> Option<Throttling> {
        match self {
            Profile::Mobile => Some(MOBILE),
            Profile::MobileDevtools => Some(MOBILE_DEVTOOLS),
            Profile::Unthrottled => None,
        }
    }

    /// As bench.json records a throttled profile.
    pub fn json(self) -> Value {
        match self.throttling() {
            Some(t) => json!({
                "latency_ms": number(t.latency_ms),
                "download_bytes_per_s": t.download_bytes_per_s,
                "upload_bytes_per_s": t.upload_bytes_per_s,
                "cpu_slowdown": t.cpu_slowdown,
                "screen": PHONE_SCREEN,
            }),
            None => Value::Null,
        }
    }
}

/// Cold cache and the profile's network, CPU and screen. Applied before every load.
pub async fn apply(s: &e2e::Session, p: Profile) {
    s.cdp("Network.enable", json!({})).await;
    s.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
        .await;
    s.cdp("Network.clearBrowserCache", json!({})).await;
    match p.throttling() {
        Some(t) => {
            s.cdp(
                "Network.emulateNetworkConditions",
                json!({
                    "offline": false,
                    "latency": t.latency_ms,
                    "downloadThroughput": t.download_bytes_per_s,
                    "uploadThroughput": t.upload_bytes_per_s,
                }),
            )
            .await;
            s.cdp(
                "Emulation.setCPUThrottlingRate",
                json!({ "rate": t.cpu_slowdown }),
            )
            .await;
            s.cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": 412, "height": 823, "deviceScaleFactor": 1.75, "mobile": true }),
            )
            .await;
        }
        None => {
            s.cdp(
                "Network.emulateNetworkConditions",
                json!({ "offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
            )
            .await;
            s.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 1 }))
                .await;
            s.cdp("Emulation.clearDeviceMetricsOverride", json!({}))
                .await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devtools_profile_is_lighthouses_applied_mobile_throttling() {
        // lantern Constants.js: requestLatencyMs 150 × 3.75, downloadThroughputKbps 1.6 × 1024
        // × 0.9, uploadThroughputKbps 750 × 0.9; emulation.js: floor(kbps × 1024 / 8).
        let bytes = |kbps: f64| (kbps * 1024.0 / 8.0).floor() as u32;
        assert_eq!(MOBILE_DEVTOOLS.latency_ms, 150.0 * 3.75);
        assert_eq!(
            MOBILE_DEVTOOLS.download_bytes_per_s,
            bytes(1.6 * 1024.0 * 0.9)
        );
        assert_eq!(MOBILE_DEVTOOLS.upload_bytes_per_s, bytes(750.0 * 0.9));
        assert_eq!(MOBILE_DEVTOOLS.cpu_slowdown, 4);
    }

    #[test]
    fn the_older_profile_keeps_its_recorded_numbers() {
        let v = Profile::Mobile.json();
        assert_eq!(v["latency_ms"].to_string(), "150");
        assert_eq!(v["download_bytes_per_s"], 204_800);
        assert_eq!(v["upload_bytes_per_s"], 96_000);
        assert_eq!(Profile::Unthrottled.json(), Value::Null);
    }
}
