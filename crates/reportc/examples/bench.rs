//! Conversion throughput.
//!
//! `cargo run --release -p reportc --example bench [FILE]`: converts FILE (default: a
//! synthetic report of 200 sections and 10 000 indicators, and the seed repeated to 10 MB, as `cargo xtask bench` does) and
//! prints MB/s for the conversion, the JSON writing and the validation.
use std::time::Instant;

fn run(label: &str, bytes: &[u8]) {
    let t = Instant::now();
    let c = match reportc::convert_bytes(bytes, &Default::default()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{label}: error: {e}");
            return;
        }
    };
    let convert = t.elapsed();
    let json = reportc::to_json(&c.report);
    let to_json = t.elapsed() - convert;
    let problems = reportc::report_model::validate(&c.report).len();
    let validate = t.elapsed() - convert - to_json;
    let mb = bytes.len() as f64 / 1e6;
    println!(
        "{label}: {:.1} MB, {} indicators: convert {:.0} ms ({:.1} MB/s), json {:.0} ms ({} bytes), validate {:.0} ms ({problems} problems)",
        mb,
        c.report.indicators().len(),
        convert.as_secs_f64() * 1e3,
        mb / convert.as_secs_f64(),
        to_json.as_secs_f64() * 1e3,
        json.len(),
        validate.as_secs_f64() * 1e3,
    );
}

fn main() {
    if let Some(path) = std::env::args().nth(1) {
        match std::fs::read(&path) {
            Ok(bytes) => run(&path, &bytes),
            Err(e) => eprintln!("{path}: {e}"),
        }
        return;
    }
    let synthetic = reportc::synthetic_report_text(200, 10_000, 1);
    run("synthetic(200, 10000)", synthetic.as_bytes());
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../reports/tongzhou-2019-performance-report.txt"
    ))
    .unwrap_or_default();
    if let Some(start) = seed.find("一、") {
        let end = seed
            .rfind("主办")
            .filter(|&e| e > start)
            .unwrap_or(seed.len());
        let body = &seed[start..end];
        let mut text = seed[..start].to_string();
        while text.len() < 10_000_000 {
            text.push_str(body);
        }
        let times = (text.len() - start) / body.len().max(1);
        run(&format!("seed x {times}"), text.as_bytes());
    }
}
