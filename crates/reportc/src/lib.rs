//! `reportc`: converts a government performance report (通州区2019年度绩效管理工作报告 and others
//! of the genre) from plain text or the portal's HTML page into `report.json`
//! ([`report_model::Report`]).
//!
//! The library is pure: bytes or text in, values out; warnings are returned, never printed.
//! Everything public is at the crate root: [`convert_bytes`] / [`convert_str`], [`curate`],
//! [`to_json`], [`parse_report_json`], [`schema_json`], [`synthetic_report_text`].
//!
//! ```
//! let text = "通州区2019年度绩效管理工作报告\n\
//!             一、总体情况\n\
//!             我区全年新增大树种植37814亩，同比增长2.5%。\n";
//! let conv = reportc::convert_str(text, &Default::default()).expect("a report");
//! let ind = &conv.report.indicators()[0];
//! assert_eq!(ind.name, "新增大树种植");
//! assert_eq!(ind.value.as_ref().map(|v| (v.raw.as_str(), v.unit.as_str())), Some(("37814", "亩")));
//! assert!(reportc::report_model::validate(&conv.report).is_empty());
//! assert!(reportc::to_json(&conv.report).contains("\"schema_version\": \"2.0\""));
//! ```
//!
//! # The pipeline
//!
//! Text flows through one module per stage; each depends only on the stages before it and on
//! the leaves below.
//!
//! 1. `decode`: bytes → text (UTF-8, UTF-16 with BOM, GBK/GB18030), cleaned.
//! 2. `html_in`: the portal's HTML page → text and metadata hints (HTML input only).
//! 3. `segment`: text → title, metadata, headings and paragraphs.
//! 4. `sentences`: a paragraph → sentence spans.
//! 5. `figures`: a sentence → its indicators (numbers, roles, names; its submodules).
//! 6. `assemble`: segmented text → the [`Report`]: the section tree,
//!    paragraphs with their lead sentences, indicators with ids and sources, the summary.
//! 7. `curation`: a publisher's corrections ([`Curation`], applied by [`curate`]).
//!
//! Leaves: `numbers` (digits, Chinese numerals, units), `ids` (stable ids, FNV hashing),
//! `synth` (synthetic reports for benchmarks).

#![deny(missing_docs)]

mod assemble;
mod curation;
mod decode;
mod figures;
mod html_in;
mod ids;
mod numbers;
mod segment;
mod sentences;
mod synth;

use std::fmt;

pub use report_model;
use report_model::{Problem, Report};

pub use assemble::{MAX_PARAGRAPH, UNTITLED};
pub use curation::{Curation, CurationEntry, CURATED_BASIS};
pub use sentences::MAX_SENTENCE;
pub use synth::synthetic_report_text;

/// Largest input accepted, in bytes.
pub const MAX_INPUT: usize = 512 * 1024 * 1024;

/// Conversion settings.
#[derive(Debug, Clone, Default)]
pub struct ConvertOptions {
    /// Title to use when the text has no title line (the CLI passes the file name).
    pub fallback_title: Option<String>,
}

/// A converted report and what was noticed on the way.
#[derive(Debug, Clone)]
pub struct Conversion {
    /// The report, valid by construction.
    pub report: Report,
    /// Human-readable warnings (no "warning: " prefix).
    pub warnings: Vec<String>,
}

/// Why a conversion or check failed. `Display` is one line.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The input cannot be read as a report.
    Input(String),
    /// The curation file is malformed.
    Curation(String),
    /// A report JSON file cannot be parsed.
    Json(String),
    /// The report breaks the model's rules (from `report_model::validate`).
    Invalid(Vec<Problem>),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Input(m) => write!(f, "{m}"),
            Error::Curation(m) => write!(f, "curation file: {m}"),
            Error::Json(m) => write!(f, "{m}"),
            Error::Invalid(p) => {
                let first = p.first().map(|p| p.to_string()).unwrap_or_default();
                write!(
                    f,
                    "the report is invalid ({} problem(s)); first: {first}",
                    p.len()
                )
            }
        }
    }
}

impl std::error::Error for Error {}

/// Converts input bytes: plain text or an HTML page, in UTF-8 (with or without BOM), UTF-16
/// with BOM, or GBK/GB18030.
///
/// The report is valid by construction (the test suite checks every output it makes with
/// `report_model::validate`, including random input); the conversion itself does not run the
/// validator, which costs about as much as the conversion. The CLI validates before writing.
pub fn convert_bytes(bytes: &[u8], opts: &ConvertOptions) -> Result<Conversion, Error> {
    if bytes.len() > MAX_INPUT {
        return Err(Error::Input(format!(
            "the input is {} bytes, more than the {} byte limit",
            bytes.len(),
            MAX_INPUT
        )));
    }
    let html = decode::looks_like_html(bytes);
    let decoded = decode::decode(bytes, html)?;
    let mut warnings = decoded.warnings;
    let conv = convert_decoded(&decoded.text, html, opts)?;
    warnings.extend(conv.warnings);
    Ok(Conversion {
        report: conv.report,
        warnings,
    })
}

/// Converts text already decoded (plain text or an HTML page).
pub fn convert_str(text: &str, opts: &ConvertOptions) -> Result<Conversion, Error> {
    let html = decode::looks_like_html(text.as_bytes());
    let mut warnings = Vec::new();
    let cleaned = decode::clean(text.to_string(), &mut warnings)?;
    let mut conv = convert_decoded(&cleaned, html, opts)?;
    warnings.append(&mut conv.warnings);
    conv.warnings = warnings;
    Ok(conv)
}

fn convert_decoded(text: &str, html: bool, opts: &ConvertOptions) -> Result<Conversion, Error> {
    let head = text.trim_start();
    if (head.starts_with('{') || head.starts_with('['))
        && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
    {
        return Err(Error::Input(
            "the input is JSON, not a report text (use `reportc check` for report.json)".into(),
        ));
    }
    // Plain text is segmented as it is (no copy of a possibly large text).
    let (body, hints) = if html {
        let h = html_in::extract(text);
        let hints = segment::Hints {
            title: h.title,
            published: h.published,
            source: h.source,
        };
        (std::borrow::Cow::Owned(h.text), hints)
    } else {
        (std::borrow::Cow::Borrowed(text), segment::Hints::default())
    };
    let seg = segment::segment(&body, &hints);
    let (report, warnings) = assemble::assemble(seg, opts)?;
    Ok(Conversion { report, warnings })
}

/// Applies a curation file to a report and checks the result.
pub fn curate(report: &mut Report, curation: &Curation) -> Result<Vec<String>, Error> {
    let warnings = curation::apply(report, curation);
    let problems = report_model::validate(report);
    if problems.is_empty() {
        Ok(warnings)
    } else {
        Err(Error::Invalid(problems))
    }
}

/// The report as pretty-printed JSON with a trailing newline (deterministic).
pub fn to_json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report)
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
    s.push('\n');
    s
}

/// Parses report JSON; the error names the line and column. The `schema_version` is read
/// first, so that a file of another version gets `check_schema_version`'s message rather than
/// a complaint about a field that version did not have.
pub fn parse_report_json(json: &str) -> Result<Report, Error> {
    #[derive(serde::Deserialize)]
    struct VersionOnly {
        schema_version: Option<String>,
    }
    if let Ok(VersionOnly {
        schema_version: Some(v),
    }) = serde_json::from_str::<VersionOnly>(json)
    {
        report_model::check_schema_version(&v).map_err(Error::Json)?;
    }
    serde_json::from_str(json).map_err(|e| Error::Json(format!("invalid report JSON: {e}")))
}

/// The JSON Schema of `report.json`, pretty-printed with sorted keys and a trailing newline
/// (sorted so that the output does not depend on serde_json's `preserve_order` feature).
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Report);
    let value = serde_json::to_value(&schema).unwrap_or(serde_json::Value::Null);
    let mut s = serde_json::to_string_pretty(&Sorted(&value)).unwrap_or_default();
    s.push('\n');
    s
}

/// Serializes a JSON value with object keys in sorted order.
struct Sorted<'a>(&'a serde_json::Value);

impl serde::Serialize for Sorted<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self.0 {
            serde_json::Value::Object(map) => {
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort();
                let mut m = ser.serialize_map(Some(keys.len()))?;
                for k in keys {
                    if let Some(v) = map.get(k) {
                        m.serialize_entry(k, &Sorted(v))?;
                    }
                }
                m.end()
            }
            serde_json::Value::Array(items) => {
                let mut s = ser.serialize_seq(Some(items.len()))?;
                for v in items {
                    s.serialize_element(&Sorted(v))?;
                }
                s.end()
            }
            other => other.serialize(ser),
        }
    }
}
