//! Curation files: rename, set id, category, status, drop; unmatched entries are warnings.

use crate::common::*;
use reportc::report_model::Status;
use reportc::{curate, Curation, Error};

fn curation(toml: &str) -> Curation {
    match Curation::from_toml(toml) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn corrections_are_applied_and_unmatched_entries_reported() {
    let mut r = seed_report();
    let trees_id = by_value(&r, "37814", "亩").id.clone();
    let rate_id = by_value(&r, "95.56", "%").id.clone();
    let before = r.indicators().len();
    let c = curation(&format!(
        r#"
[[indicator]]
id = "{trees_id}"
rename = "新增大树种植面积"
category = "生态环境"

[[indicator]]
sentence_contains = "化学需氧量减排"
value = "1006.4吨"
set_id = "i-cod"
status = "met"

[[indicator]]
sentence_contains = "完成率95.56%"
value = "95.56"
set_id = "i-task-rate"

[[indicator]]
sentence_contains = "公开复议报告"
value = "2"
drop = true

[[indicator]]
id = "i-ffffffffff"
category = "无"

[[indicator]]
sentence_contains = "不存在的句子"
value = "1"
drop = true
"#
    ));
    let warnings = curate(&mut r, &c).unwrap();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].contains("entry 5")
            && warnings[0].contains("i-ffffffffff")
            && warnings[0].contains("matched no indicator")
    );
    assert!(warnings[1].contains("entry 6") && warnings[1].contains("不存在的句子"));

    let trees = r
        .indicators()
        .into_iter()
        .find(|i| i.id == trees_id)
        .unwrap()
        .clone();
    assert_eq!(trees.name, "新增大树种植面积");
    assert_eq!(trees.category.as_deref(), Some("生态环境"));
    let cod = r
        .indicators()
        .into_iter()
        .find(|i| i.id == "i-cod")
        .unwrap()
        .clone();
    assert_eq!(cod.value.as_ref().unwrap().raw, "1006.4");
    assert_eq!(cod.status, Status::Met);
    assert_eq!(r.indicators().len(), before - 1);
    assert!(r.indicators().iter().all(|i| i
        .value
        .as_ref()
        .is_none_or(|v| v.raw != "2" || v.unit != "篇")));
    // The summary follows the renamed id.
    let s = r.summary.as_ref().unwrap();
    assert_eq!(
        s.completion_rate.as_ref().unwrap().indicator_id,
        "i-task-rate"
    );
    assert_eq!(
        s.tasks_on_target.as_ref().unwrap().indicator_id,
        "i-task-rate"
    );
    assert!(!r.indicators().iter().any(|i| i.id == rate_id));
    assert!(reportc::report_model::validate(&r).is_empty());
}

#[test]
fn dropping_a_summary_indicator_removes_the_figure_with_a_warning() {
    let mut r = seed_report();
    let c = curation(
        "[[indicator]]\nsentence_contains = \"进度有所滞后\"\nvalue = \"2\"\ndrop = true\n",
    );
    let w = curate(&mut r, &c).unwrap();
    assert!(
        w.iter().any(|w| w.contains("summary.tasks_lagging")),
        "{w:?}"
    );
    assert!(r.summary.as_ref().unwrap().tasks_lagging.is_none());
    assert!(reportc::report_model::validate(&r).is_empty());
}

#[test]
fn ambiguous_or_conflicting_ids_are_not_set() {
    let mut r = seed_report();
    let taken = r.indicators()[0].id.clone();
    let c = curation(&format!(
        "[[indicator]]\nsentence_contains = \"专项指标\"\nset_id = \"i-two\"\n\n[[indicator]]\nsentence_contains = \"新增大树种植\"\nvalue = \"37814\"\nset_id = \"{taken}\"\n"
    ));
    let w = curate(&mut r, &c).unwrap();
    assert!(
        w.iter()
            .any(|w| w.contains("entry 1") && w.contains("set_id needs exactly one")),
        "{w:?}"
    );
    assert!(
        w.iter()
            .any(|w| w.contains("entry 2") && w.contains("already used")),
        "{w:?}"
    );
    assert!(!r.indicators().iter().any(|i| i.id == "i-two"));
    assert!(reportc::report_model::validate(&r).is_empty());
}

#[test]
fn malformed_curation_files_are_errors() {
    let bad = [
        ("[[indicator]]\nid = \"i-1\"\nrenamed = \"x\"\n", "renamed"),
        (
            "[[indicator]]\nrename = \"x\"\n",
            "needs `id` or `sentence_contains`",
        ),
        ("[[indicator]]\nid = \"i-1\"\n", "changes nothing"),
        (
            "[[indicator]]\nid = \"i-1\"\nset_id = \"<script>\"\n",
            "not a valid id",
        ),
        ("[[indicator]]\nid = \"i-1\"\nstatus = \"done\"\n", "done"),
        (
            "[[indicator]]\nid = \"i-1\"\nrename = \"  \"\n",
            "rename is empty",
        ),
        ("indicator = 3", "indicator"),
        ("[[indicator]\n", "curation"),
    ];
    for (text, needle) in bad {
        match Curation::from_toml(text) {
            Err(e @ Error::Curation(_)) => {
                let m = e.to_string();
                assert!(m.contains(needle), "{m:?} lacks {needle:?}");
                assert!(!m.contains('\n'), "{m:?}");
            }
            other => panic!("{text:?}: {other:?}"),
        }
    }
    assert_eq!(Curation::from_toml("").unwrap(), Curation::default());
}
