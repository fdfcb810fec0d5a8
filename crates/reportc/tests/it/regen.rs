//! The committed public files are what the converter makes today.

use crate::common::*;

const HOW: &str = "regenerate with `cargo run -p reportc -- convert reports/tongzhou-2019-performance-report.txt -o public/report.json` \
and `cargo run -p reportc -- schema -o public/report.schema.json`";

#[test]
fn public_report_json_is_up_to_date() {
    let path = root().join("public/report.json");
    let committed =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}; {HOW}", path.display()));
    let fresh = reportc::to_json(&seed_report());
    assert!(
        committed == fresh,
        "public/report.json is out of date; {HOW}"
    );
}

#[test]
fn public_schema_is_up_to_date() {
    let path = root().join("public/report.schema.json");
    let committed =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}; {HOW}", path.display()));
    assert!(
        committed == reportc::schema_json(),
        "public/report.schema.json is out of date; {HOW}"
    );
}

#[test]
fn output_is_deterministic_and_ends_with_a_newline() {
    let a = reportc::to_json(&seed_report());
    let b = reportc::to_json(&seed_report());
    assert_eq!(a, b);
    assert!(a.ends_with("}\n"));
    assert_eq!(reportc::schema_json(), reportc::schema_json());
    // The JSON reads back to the same report.
    assert_eq!(reportc::parse_report_json(&a).unwrap(), seed_report());
}

#[test]
fn the_schema_describes_the_report() {
    let schema: serde_json::Value = serde_json::from_str(&reportc::schema_json()).unwrap();
    assert_eq!(schema["title"], "Report");
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    for field in ["schema_version", "meta", "sections"] {
        assert!(required.contains(&field), "{field}");
    }
    let defs = schema["$defs"].as_object().unwrap();
    for def in [
        "Section",
        "Paragraph",
        "Indicator",
        "Measure",
        "Change",
        "TargetCompletion",
        "Status",
        "IndicatorKind",
    ] {
        assert!(defs.contains_key(def), "{def}");
    }
}
