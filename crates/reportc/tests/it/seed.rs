//! The seed report (通州区2019年度绩效管理工作报告): metadata, structure and every figure the
//! brief names, checked by value.

use crate::common::*;
use reportc::report_model::{Direction, IndicatorKind, Status};

#[test]
fn meta_is_read() {
    let r = seed_report();
    assert_eq!(r.meta.title, "通州区2019年度绩效管理工作报告");
    assert_eq!(r.meta.published.as_deref(), Some("2020-01-10"));
    assert_eq!(r.meta.source.as_deref(), Some("区信息中心"));
    assert_eq!(r.meta.year, Some(2019));
    assert_eq!(r.meta.lang, "zh-CN");
    assert_eq!(r.schema_version, reportc::report_model::SCHEMA_VERSION);
}

#[test]
fn the_report_is_valid_and_converts_without_warnings() {
    let c = convert_valid(seed_text().as_bytes());
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
}

#[test]
fn heading_tree() {
    let r = seed_report();
    let top: Vec<(&str, &str, u8)> = r
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str(), s.level))
        .collect();
    assert_eq!(
        top,
        vec![
            ("s-1", "总体情况", 1),
            ("s-2", "主要做法和工作成效", 1),
            ("s-3", "存在问题及改进措施", 1)
        ]
    );
    let numbers: Vec<&str> = r.sections.iter().map(|s| s.number.as_str()).collect();
    assert_eq!(numbers, vec!["一", "二", "三"]);
    let two: Vec<(&str, &str, &str, u8)> = r.sections[1]
        .children
        .iter()
        .map(|s| (s.id.as_str(), s.number.as_str(), s.title.as_str(), s.level))
        .collect();
    assert_eq!(
        two,
        vec![
            ("s-2-1", "一", "高质量发展", 2),
            ("s-2-2", "二", "高效率落实", 2),
            ("s-2-3", "三", "高效能管理", 2)
        ]
    );
    let three: Vec<(&str, &str, &str, u8)> = r.sections[2]
        .children
        .iter()
        .map(|s| (s.id.as_str(), s.number.as_str(), s.title.as_str(), s.level))
        .collect();
    assert_eq!(
        three,
        vec![
            ("s-3-1", "1", "总消费增速进展相对滞后", 3),
            ("s-3-2", "2", "辖区降尘量控制进度相对滞后", 3)
        ]
    );
    // Paragraph ids follow the section path.
    assert_eq!(r.sections[0].paragraphs.len(), 1);
    assert_eq!(r.sections[0].paragraphs[0].id, "p-1-1");
    let p: Vec<&str> = r.sections[1].children[0]
        .paragraphs
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(p, vec!["p-2-1-1", "p-2-1-2", "p-2-1-3"]);
    let p: Vec<&str> = r.sections[2].children[0]
        .paragraphs
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(p, vec!["p-3-1-1", "p-3-1-2"]);
}

#[test]
fn no_boilerplate_in_paragraphs() {
    let r = seed_report();
    for s in r.sections_flat() {
        for p in &s.paragraphs {
            for junk in ["分享", "字号", "日期:"] {
                assert!(
                    !p.text.starts_with(junk),
                    "{junk:?} opens {}: {}",
                    p.id,
                    p.text
                );
            }
            for junk in ["主办:", "承办:", "ICP", "公网安备", "网站标识码", "来源:"]
            {
                assert!(!p.text.contains(junk), "{junk:?} in {}: {}", p.id, p.text);
            }
        }
    }
}

#[test]
fn paragraph_text_is_kept_exactly() {
    let text = seed_text();
    let r = seed_report();
    for s in r.sections_flat() {
        for p in &s.paragraphs {
            assert!(text.contains(&p.text), "{} is not verbatim", p.id);
        }
    }
}

#[test]
fn lead_sentences() {
    let r = seed_report();
    let heads: Vec<Option<&str>> = r
        .sections_flat()
        .into_iter()
        .flat_map(|s| s.paragraphs.iter().map(|p| p.lead.as_deref()))
        .collect();
    assert_eq!(
        heads,
        vec![
            None,
            Some("绿化造林面积持续增加。"),
            // "大气污染防治取得成效我区…" lacks its full stop: no lead sentence is invented.
            None,
            Some("促进城乡劳动者就业效果明显。"),
            Some("“疏解整治促提升”深入推进。"),
            Some("营商环境持续优化。"),
            Some("农村人居环境有效改善。"),
            Some("餐饮单位油烟整治全面升级。"),
            Some("垃圾分类工作更加深入。"),
            Some("交通综合治理工作稳步推进。"),
            Some("依法行政进一步深化。"),
            Some("政务服务水平不断提升。"),
            Some("接诉即办工作水平明显提高。"),
            None,
            None,
            None,
            None,
        ]
    );
}

#[test]
fn figures_named_in_the_brief() {
    let r = seed_report();

    let trees = by_value(&r, "37814", "亩");
    assert_eq!(trees.name, "新增大树种植");
    assert_eq!(trees.value.as_ref().unwrap().number, 37814.0);
    let t = trees.target.as_ref().unwrap();
    assert_eq!(t.raw, "完成总目标的114.59%");
    assert_eq!(
        (
            t.percent.raw.as_str(),
            t.percent.number,
            t.percent.unit.as_str()
        ),
        ("114.59", 114.59, "%")
    );
    assert_eq!(trees.status, Status::Exceeded);
    assert_eq!(trees.kind, IndicatorKind::Completion);

    let forest = by_value(&r, "33", "%");
    assert_eq!(forest.name, "森林覆盖率");
    assert_eq!(forest.kind, IndicatorKind::Share);
    let c = forest.change.as_ref().unwrap();
    assert_eq!(c.raw, "同比提高2.8个百分点");
    assert_eq!(c.basis, "同比");
    assert_eq!(c.direction, Direction::Up);
    assert_eq!(
        (
            c.amount.raw.as_str(),
            c.amount.number,
            c.amount.unit.as_str()
        ),
        ("2.8", 2.8, "个百分点")
    );

    let park = by_value(&r, "85.8", "%");
    assert_eq!(park.name, "公园500米服务半径覆盖率");
    let b = park.baseline.as_ref().unwrap();
    assert_eq!(
        (b.raw.as_str(), b.number, b.unit.as_str()),
        ("80", 80.0, "%")
    );

    let pm = by_value(&r, "46", "微克/立方米");
    assert!(pm.name.contains("细颗粒物浓度"), "{}", pm.name);
    let c = pm.change.as_ref().unwrap();
    assert_eq!(c.raw, "同比改善16.7%");
    assert_eq!(
        c.direction,
        Direction::Down,
        "改善 of a concentration is a fall"
    );
    assert_eq!(
        (c.amount.raw.as_str(), c.amount.unit.as_str()),
        ("16.7", "%")
    );

    for (raw, name, pct) in [
        ("1006.4", "化学需氧量减排", "201.28"),
        ("148.3", "氨氮减排", "247.17"),
    ] {
        let i = by_value(&r, raw, "吨");
        assert_eq!(i.name, name);
        assert_eq!(i.target.as_ref().unwrap().percent.raw, pct);
        assert_eq!(i.status, Status::Exceeded);
    }

    let jobs = by_value(&r, "19275", "人");
    assert_eq!(jobs.name, "城乡劳动力就业");
    assert_eq!(jobs.target.as_ref().unwrap().percent.raw, "160.6");
    assert_eq!(jobs.status, Status::Exceeded);

    let posts = by_value(&r, "8.6万", "个");
    assert_eq!(posts.name, "提供岗位");
    assert_eq!(posts.value.as_ref().unwrap().number, 86000.0);

    let demolished = by_value(&r, "1010", "万平方米");
    assert_eq!(demolished.name, "拆除违法建设");
    assert_eq!(demolished.value.as_ref().unwrap().number, 1010.0);

    let solved = by_value(&r, "71.07", "%");
    assert!(solved.name.ends_with("诉求解决率"), "{}", solved.name);
    assert_eq!(solved.baseline.as_ref().unwrap().raw, "35.62");
    let c = solved.change.as_ref().unwrap();
    assert_eq!(
        (c.raw.as_str(), c.direction, c.amount.raw.as_str()),
        ("涨幅99.52%", Direction::Up, "99.52")
    );

    let satisfied = by_value(&r, "83.28", "%");
    assert_eq!(satisfied.name, "满意率");
    assert_eq!(satisfied.baseline.as_ref().unwrap().raw, "58.79");
    assert_eq!(satisfied.change.as_ref().unwrap().amount.raw, "41.66");

    let entry = by_value(&r, "90.64", "%");
    assert_eq!(entry.name, "进驻率");
    assert_eq!(entry.kind, IndicatorKind::Share);

    let roads = by_value(&r, "86.15", "公里");
    assert_eq!(roads.name, "道路大修");
    assert_eq!(roads.target.as_ref().unwrap().percent.raw, "111.88");
    assert_eq!(roads.status, Status::Exceeded);

    let waste = by_value(&r, "757831.04", "吨");
    assert!(waste.name.contains("焚烧"), "{}", waste.name);
    assert_eq!(waste.value.as_ref().unwrap().number, 757831.04);

    let less = by_value(&r, "16.4", "%");
    assert_eq!(less.kind, IndicatorKind::Change);
    assert_eq!(less.change.as_ref().unwrap().direction, Direction::Down);

    let calls = by_value(&r, "90.89", "%");
    assert_eq!(calls.name, "月接诉量");
    assert_eq!(calls.change.as_ref().unwrap().basis, "较年初");

    let all = by_value(&r, "百分百", "");
    assert_eq!(all.value.as_ref().unwrap().number, 100.0);

    let approx = by_value(&r, "2000余", "人次");
    assert_eq!(approx.value.as_ref().unwrap().number, 2000.0);
    let approx = by_value(&r, "6万余", "处");
    assert_eq!(approx.value.as_ref().unwrap().number, 60000.0);
    let area = by_value(&r, "330", "万平米");
    assert_eq!(area.value.as_ref().unwrap().number, 330.0);
    let calls = by_value(&r, "15.4万", "件");
    assert_eq!(calls.value.as_ref().unwrap().number, 154000.0);
    let hours = by_value(&r, "2", "个小时");
    assert_eq!(hours.name, "登记时限");
}

#[test]
fn task_completion_and_summary() {
    let r = seed_report();
    // 43 of 45 tasks: a share of the tasks done, not completion of a stated target, and the
    // text calls it neither behind nor met.
    let rate = by_value(&r, "95.56", "%");
    assert_eq!(rate.kind, IndicatorKind::Share);
    assert!(rate.target.is_none());
    assert_eq!(rate.status, Status::Unstated);
    assert_eq!(rate.status_basis, None);
    assert_eq!(rate.section_id, "s-1");

    let s = r
        .summary
        .as_ref()
        .expect("the seed states its summary figures");
    let fig = |f: &Option<reportc::report_model::SummaryFigure>| {
        let f = f.as_ref().expect("summary figure");
        (
            f.value.raw.clone(),
            f.value.unit.clone(),
            f.indicator_id.clone(),
        )
    };
    let ids: std::collections::HashMap<String, &reportc::report_model::Indicator> = r
        .indicators()
        .into_iter()
        .map(|i| (i.id.clone(), i))
        .collect();
    let (raw, unit, id) = fig(&s.tasks_total);
    assert_eq!((raw.as_str(), unit.as_str()), ("45", "项"));
    assert_eq!(ids[&id].value.as_ref().unwrap().raw, "45");
    let (raw, _, id) = fig(&s.tasks_on_target);
    assert_eq!(raw, "43");
    assert_eq!(id, rate.id);
    let (raw, unit, id) = fig(&s.completion_rate);
    assert_eq!((raw.as_str(), unit.as_str()), ("95.56", "%"));
    assert_eq!(id, rate.id);
    let (raw, unit, id) = fig(&s.tasks_lagging);
    assert_eq!((raw.as_str(), unit.as_str()), ("2", "项"));
    assert_eq!(ids[&id].status, Status::Lagging);
    let (raw, unit, id) = fig(&s.special_indicators);
    assert_eq!((raw.as_str(), unit.as_str()), ("7", "个"));
    assert!(ids[&id].name.contains("专项指标"));
}

#[test]
fn lagging_items_are_heading_indicators() {
    let r = seed_report();
    let lagging: Vec<_> = r
        .indicators()
        .into_iter()
        .filter(|i| i.kind == IndicatorKind::Qualitative)
        .collect();
    assert_eq!(lagging.len(), 2);
    let expect = [
        ("s-3-1", "总消费增速", "总消费增速进展相对滞后"),
        ("s-3-2", "辖区降尘量控制", "辖区降尘量控制进度相对滞后"),
    ];
    for (ind, (sid, name, title)) in lagging.iter().zip(expect) {
        assert_eq!(ind.status, Status::Lagging);
        assert!(ind.value.is_none());
        assert_eq!(ind.section_id, sid);
        assert_eq!(ind.name, name);
        assert_eq!(ind.source.paragraph_id, None);
        assert_eq!(sentence_of(&r, ind), title);
        let basis = ind.status_basis.as_deref().unwrap_or_default();
        assert!(
            basis.ends_with("相对滞后") && title.contains(basis),
            "{basis}"
        );
        assert_eq!(
            (ind.source.start, ind.source.end),
            (0, title.chars().count() as u32)
        );
    }
    let three = &r.sections[2];
    assert_eq!(three.children[0].indicators.len(), 1);
    assert_eq!(three.children[1].indicators.len(), 1);
}

#[test]
fn every_figure_is_copied_exactly() {
    assert_exact_copies(&seed_report());
}

/// 99 indicators today (91 figures, 6 ranks, 2 lagging items); the range leaves room for
/// small heuristic changes, not for losing or inventing a sentence's worth of figures.
#[test]
fn indicator_count_is_in_range() {
    let n = seed_report().indicators().len();
    assert!((95..=103).contains(&n), "{n} indicators");
}

#[test]
fn no_dates_or_names_become_indicators() {
    let r = seed_report();
    for ind in r.indicators() {
        let Some(v) = &ind.value else { continue };
        let shown = format!("{}{}", v.raw, v.unit);
        for bad in [
            "2019",
            "2019年",
            "2020",
            "1",
            "12",
            "12月",
            "12345",
            "1101120001",
            "11011202001838",
            "05031679",
            "500米",
            "24小时",
            "5",
            "3",
            "2.5",
        ] {
            assert_ne!(shown, bad, "{}", ind.name);
        }
        assert!(!(v.unit == "年" || v.unit == "月"), "{shown}");
    }
}

#[test]
fn ids_are_stable_and_local() {
    let text = seed_text();
    let a = seed_report();
    let edited = text.replace("建设小微绿地、城市公园13处", "建设小微绿地、城市公园14处");
    let b = convert(edited.as_bytes()).report;
    let ids = |r: &reportc::report_model::Report| -> Vec<(String, String)> {
        r.indicators()
            .into_iter()
            .map(|i| (sentence_of(r, i), i.id.clone()))
            .collect()
    };
    let (ia, ib) = (ids(&a), ids(&b));
    assert_eq!(ia.len(), ib.len());
    let mut changed = 0;
    for ((sa, a), (_, b)) in ia.iter().zip(&ib) {
        if a != b {
            changed += 1;
            assert!(
                sa.contains("城市公园13处"),
                "an id changed outside the edited sentence: {sa}"
            );
        }
    }
    // The two figures of the edited sentence (13处 and 3087.2亩, baseline 80%→85.8%).
    assert!((1..=3).contains(&changed), "{changed}");
    assert_eq!(
        ids(&convert(text.as_bytes()).report),
        ia,
        "conversion is deterministic"
    );
    for (_, id) in &ia {
        assert!(
            id.starts_with("i-")
                && id.len() == 12
                && id[2..]
                    .chars()
                    .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()),
            "{id}"
        );
    }
}
