//! The page's files as resource timing names them, and per-load figures read from them.

use serde_json::Value;

/// The latest value of `field` among the resources whose name passes `pick`, per load.
pub fn resource_column(loads: &[Value], pick: fn(&str) -> bool, field: &str) -> Vec<f64> {
    loads
        .iter()
        .filter_map(|l| {
            l["resources"]
                .as_array()?
                .iter()
                .filter(|r| pick(r["name"].as_str().unwrap_or_default()))
                .filter_map(|r| r[field].as_f64())
                .reduce(f64::max)
        })
        .collect()
}

pub fn is_wasm(n: &str) -> bool {
    n.ends_with(".wasm")
}
/// wasm-bindgen's JavaScript glue (`report-page-….js`).
pub fn is_glue(n: &str) -> bool {
    n.starts_with("report-page") && n.ends_with(".js")
}
pub fn is_json(n: &str) -> bool {
    n == "report.json"
}
pub fn is_boot(n: &str) -> bool {
    n == "boot.js"
}
pub fn is_css(n: &str) -> bool {
    n.ends_with(".css")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latest_end_of_the_picked_files_per_load() {
        let loads: Vec<Value> = serde_json::from_str(
            r#"[{"resources": [{"name": "a.wasm", "end": 5}, {"name": "b.wasm", "end": 9},
                              {"name": "report.json", "end": 20}]},
               {"resources": [{"name": "report.json", "end": 7}]}]"#,
        )
        .expect("json");
        assert_eq!(resource_column(&loads, is_wasm, "end"), [9.0]);
        assert_eq!(resource_column(&loads, is_json, "end"), [20.0, 7.0]);
        assert!(is_glue("report-page-1a2b.js") && !is_glue("boot.js"));
    }
}
