//! The `reportc` command line: convert, check, html, schema; exit codes and messages.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::common::*;

fn reportc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reportc"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("reportc runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A fresh scratch directory for one test.
fn scratch() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "reportc-cli-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

const SEED: &str = "reports/tongzhou-2019-performance-report.txt";

#[test]
fn convert_writes_the_report() {
    let dir = scratch();
    let out = dir.join("report.json");
    let o = reportc(&["convert", SEED, "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "no warnings for the seed");
    assert_eq!(stdout(&o), "");
    let json = std::fs::read_to_string(&out).unwrap();
    assert_eq!(json, reportc::to_json(&seed_report()));
    // To standard output when -o is absent.
    let o = reportc(&["convert", SEED]);
    assert!(o.status.success());
    assert_eq!(stdout(&o), json);
    // Nothing but the output is left behind.
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(files.len(), 1);
}

#[test]
fn convert_errors_are_one_line_and_write_nothing() {
    let dir = scratch();
    let out = dir.join("out.json");
    for (input, needle) in [
        ("no/such/file.txt", "cannot read"),
        ("crates", "is a directory"),
    ] {
        let o = reportc(&["convert", input, "-o", s(&out)]);
        assert_eq!(o.status.code(), Some(1));
        let e = stderr(&o);
        assert!(e.starts_with("error: ") && e.contains(needle), "{e}");
        assert_eq!(e.lines().count(), 1, "{e}");
        assert!(!out.exists());
    }
    let junk = dir.join("junk.bin");
    std::fs::write(
        &junk,
        (0..5000u32)
            .map(|i| (i * 7919 % 251) as u8)
            .collect::<Vec<u8>>(),
    )
    .unwrap();
    let o = reportc(&["convert", s(&junk), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.starts_with("error: ") && e.contains("junk.bin") && e.contains("does not look like text"),
        "{e}"
    );
    assert!(!out.exists());
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let o = reportc(&["convert", s(&empty), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("empty"));
    assert!(!out.exists());
}

#[test]
fn convert_warns_on_stderr_and_uses_the_file_name_as_fallback_title() {
    let dir = scratch();
    let input = dir.join("某区报告.txt");
    std::fs::write(&input, "一、总体情况\n\n全年完成植树造林1200亩\n").unwrap();
    let out = dir.join("r.json");
    let o = reportc(&["convert", s(&input), "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(!e.is_empty());
    for line in e.lines() {
        assert!(line.starts_with("warning: "), "{line}");
    }
    assert!(e.contains("no title") && e.contains("truncated"), "{e}");
    let r = reportc::parse_report_json(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(r.meta.title, "某区报告");
}

#[test]
fn convert_with_curation() {
    let dir = scratch();
    let cur = dir.join("curation.toml");
    std::fs::write(
        &cur,
        r#"
[[indicator]]
sentence_contains = "新增大树种植"
value = "37814"
rename = "新增大树种植面积"
category = "生态环境"

[[indicator]]
id = "i-0000000000"
drop = true
"#,
    )
    .unwrap();
    let out = dir.join("r.json");
    let o = reportc(&["convert", SEED, "-o", s(&out), "--curation", s(&cur)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let e = stderr(&o);
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(
        e.starts_with("warning: curation entry 2") && e.contains("matched no indicator"),
        "{e}"
    );
    let r = reportc::parse_report_json(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let i = by_value(&r, "37814", "亩");
    assert_eq!(i.name, "新增大树种植面积");
    assert_eq!(i.category.as_deref(), Some("生态环境"));

    std::fs::write(&cur, "[[indicator]]\nid = \"i-1\"\nrenamed = \"x\"\n").unwrap();
    let out2 = dir.join("r2.json");
    let o = reportc(&["convert", SEED, "-o", s(&out2), "--curation", s(&cur)]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.starts_with("error: ") && e.contains("curation") && e.contains("renamed"),
        "{e}"
    );
    assert_eq!(e.lines().count(), 1);
    assert!(!out2.exists());
}

#[test]
fn check_accepts_a_good_report() {
    let dir = scratch();
    let out = dir.join("r.json");
    assert!(reportc(&["convert", SEED, "-o", s(&out)]).status.success());
    let o = reportc(&["check", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r = seed_report();
    assert_eq!(
        stdout(&o),
        format!(
            "ok: {} sections, {} indicators\n",
            r.sections_flat().len(),
            r.indicators().len()
        )
    );
    assert_eq!(stdout(&o), "ok: 8 sections, 99 indicators\n");
}

#[test]
fn check_refuses_a_1_0_file_with_the_version_message() {
    let dir = scratch();
    let old = dir.join("old.json");
    // A 1.0 file: fields 2.0 does not have (source.sentence) must not be what is reported.
    std::fs::write(
        &old,
        "{\"schema_version\": \"1.0\", \"meta\": {\"title\": \"x\", \"lang\": \"zh-CN\"}, \"sections\": [{\"source\": {\"sentence\": \"s\"}}]}",
    )
    .unwrap();
    let o = reportc(&["check", s(&old)]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    let expected = reportc::report_model::check_schema_version("1.0").unwrap_err();
    assert!(e.starts_with("error: ") && e.contains(&expected), "{e}");
    assert_eq!(e.lines().count(), 1);
}

#[test]
fn check_reports_malformed_json_with_its_position() {
    let dir = scratch();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{\n  \"schema_version\": \"1.0\",\n  \"meta\": {\n}").unwrap();
    let o = reportc(&["check", s(&bad)]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.starts_with("error: ") && e.contains("bad.json") && e.contains("line"),
        "{e}"
    );
    assert_eq!(e.lines().count(), 1);
}

#[test]
fn check_lists_every_problem_with_its_path() {
    let dir = scratch();
    let mut r = seed_report();
    r.meta.published = Some("2020-13-45".into());
    let first = r.sections[1].children[0].paragraphs[0].indicators[0]
        .id
        .clone();
    r.sections[1].children[0].paragraphs[0].indicators[1].id = first;
    r.sections[0].paragraphs[0].indicators[0].source.end = 100_000;
    let path = dir.join("broken.json");
    std::fs::write(&path, reportc::to_json(&r)).unwrap();
    let o = reportc(&["check", s(&path)]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 4, "{e}");
    assert!(lines[0].starts_with("meta.published: "), "{e}");
    assert!(
        lines[1].starts_with("sections[0].paragraphs[0].indicators[0].source: "),
        "{e}"
    );
    assert!(
        lines[2].starts_with("sections[1].children[0].paragraphs[0].indicators[1].id: "),
        "{e}"
    );
    assert!(
        lines[3].starts_with("error: ") && lines[3].contains("3 problem"),
        "{e}"
    );
    assert_eq!(stdout(&o), "");
}

#[test]
fn schema_is_written() {
    let dir = scratch();
    let out = dir.join("schema.json");
    let o = reportc(&["schema", "-o", s(&out)]);
    assert!(o.status.success());
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        reportc::schema_json()
    );
    let o = reportc(&["schema"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["title"], "Report");
}

#[test]
fn usage_errors() {
    let o = reportc(&[]);
    assert_eq!(o.status.code(), Some(2));
    let o = reportc(&["convert"]);
    assert_eq!(o.status.code(), Some(2));
    let o = reportc(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
    let o = reportc(&["--help"]);
    assert!(o.status.success());
    for cmd in ["convert", "check", "schema"] {
        assert!(stdout(&o).contains(cmd));
    }
}
