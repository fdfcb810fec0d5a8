//! Walking a report.json as the tests need it: every indicator, every paragraph, an
//! indicator's generated id from its published value.

/// Every indicator object of a report, depth first in published order.
pub fn all_indicators(report: &serde_json::Value) -> Vec<serde_json::Value> {
    fn walk(s: &serde_json::Value, out: &mut Vec<serde_json::Value>) {
        let list = |v: &serde_json::Value| v.as_array().cloned().unwrap_or_default();
        out.extend(list(&s["indicators"]));
        for p in list(&s["paragraphs"]) {
            out.extend(list(&p["indicators"]));
        }
        for c in list(&s["children"]) {
            walk(&c, out);
        }
    }
    let mut out = Vec::new();
    for s in report["sections"].as_array().cloned().unwrap_or_default() {
        walk(&s, &mut out);
    }
    out
}

/// Every paragraph object of a report, depth first in published order.
pub fn all_paragraphs(report: &serde_json::Value) -> Vec<serde_json::Value> {
    fn walk(s: &serde_json::Value, out: &mut Vec<serde_json::Value>) {
        out.extend(s["paragraphs"].as_array().cloned().unwrap_or_default());
        for c in s["children"].as_array().into_iter().flatten() {
            walk(c, out);
        }
    }
    let mut out = Vec::new();
    for s in report["sections"].as_array().into_iter().flatten() {
        walk(s, &mut out);
    }
    out
}

/// The id of the indicator whose value is published as `raw` + `unit` ("37814" + "亩").
pub fn indicator_id_by_value(report: &serde_json::Value, raw: &str, unit: &str) -> String {
    all_indicators(report)
        .into_iter()
        .find(|i| i["value"]["raw"] == raw && i["value"]["unit"] == unit)
        .and_then(|i| i["id"].as_str().map(str::to_string))
        .unwrap_or_else(|| panic!("no indicator with value {raw}{unit}"))
}
