//! The published `report.json` validates against the published `report.schema.json`, checked
//! with an independent JSON Schema validator (as a consumer of the files would).

use std::path::Path;

fn read(name: &str) -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../public")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_published_report_validates_against_the_published_schema() {
    let schema = read("report.schema.json");
    let report = read("report.json");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn the_schema_rejects_a_report_with_a_wrong_field() {
    let schema = read("report.schema.json");
    let mut report = read("report.json");
    report["sections"][0]["level"] = serde_json::Value::from("one");
    report["meta"]["unexpected"] = serde_json::Value::from(1);
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    assert!(validator.iter_errors(&report).count() >= 2);
}
