//! Publishing the page (issue 5), one module per feature: embedded in a portal's iframe from
//! another origin (`embedding`), the report source fixed by the deployer (`report_source`), CSV
//! download and copy-as-text (`csv_and_text`), print (`print`), the large-font (适老化) mode
//! (`large_font`), dark mode and forced colours (`colours`). Here: what they share.
//!
//! Media emulation (print, `prefers-color-scheme`, `forced-colors`) goes through Chromium's
//! DevTools protocol; those tests are skipped under `E2E_BROWSER=firefox`.

mod colours;
mod csv_and_text;
mod embedding;
mod large_font;
mod print;
mod report_source;

use e2e::{Browser, Session, StaticServer};

const TITLE: &str = "通州区2019年度绩效管理工作报告";
const PREFIX: &str = "/portal/report/";
fn chromium_only(test: &str) -> bool {
    let chromium = Browser::from_env() == Browser::Chromium;
    if !chromium {
        eprintln!("{test}: skipped, media emulation needs Chromium's DevTools protocol");
    }
    chromium
}

async fn open(width: u32, height: u32, path: &str) -> (StaticServer, Session) {
    e2e::open_built(PREFIX, width, height, path).await
}

/// Colour arithmetic for the contrast checks, evaluated in the page: `parse` reads a computed
/// colour (`rgb()`, `rgba()` or `color(srgb …)`), `bgOf` composites the backgrounds from the root
/// down to an element, `contrast` is the WCAG 2 ratio.
const COLOUR_JS: &str = r#"
const parse = c => {
  let m = c.match(/^rgba?\(([^)]+)\)$/);
  if (m) {
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
    return [p[0] / 255, p[1] / 255, p[2] / 255, p.length > 3 ? p[3] : 1];
  }
  m = c.match(/^color\(srgb ([^)]+)\)$/);
  if (m) {
    const p = m[1].split(/[\s\/]+/).filter(Boolean).map(parseFloat);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  }
  return null;
};
const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
const bgOf = el => {
  const chain = [];
  for (let e = el; e; e = e.parentElement) chain.unshift(e);
  let c = [1, 1, 1, 1];
  for (const e of chain) {
    const b = parse(getComputedStyle(e).backgroundColor);
    if (b && b[3] > 0) c = over(b, c);
  }
  return c;
};
const lum = c => {
  const f = v => v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
};
const contrast = (a, b) => {
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};
const rendered = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible';
const textContrast = el => {
  const b = bgOf(el);
  return contrast(over(parse(getComputedStyle(el).color), b), b);
};
"#;
