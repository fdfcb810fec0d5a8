//! Another report of the genre (a made-up district and year, written the way the portals
//! publish): other punctuation (full-width), numbering (1、), metadata line and phrasing.

use crate::common::*;
use reportc::report_model::{Direction, IndicatorKind, Status};

fn sample() -> reportc::Conversion {
    convert_valid(include_str!("../chaoyang-2021-sample.txt").as_bytes())
}

#[test]
fn metadata_and_structure() {
    let c = sample();
    let r = &c.report;
    assert_eq!(r.meta.title, "朝阳区2021年度绩效管理工作报告");
    assert_eq!(r.meta.published.as_deref(), Some("2022-01-15"));
    assert_eq!(r.meta.source.as_deref(), Some("朝阳区政府办"));
    assert_eq!(r.meta.year, Some(2021));
    let ids: Vec<(&str, &str)> = r
        .sections_flat()
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        ids,
        vec![
            ("s-0", "前言"),
            ("s-1", "总体情况"),
            ("s-2", "主要工作成效"),
            ("s-2-1", "经济发展稳中有进"),
            ("s-2-1-1", "营商环境持续优化"),
            ("s-2-1-2", "城市更新加快推进"),
            ("s-2-2", "民生保障持续改善"),
            ("s-3", "存在的问题"),
            ("s-3-1", "部分重点任务进度滞后"),
            ("s-3-2", "垃圾分类准确率有待提高"),
        ]
    );
    assert_exact_copies(r);
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
}

#[test]
fn summary_from_the_preamble() {
    let r = sample().report;
    let s = r.summary.as_ref().unwrap();
    assert_eq!(s.tasks_total.as_ref().unwrap().value.raw, "62");
    assert_eq!(s.tasks_on_target.as_ref().unwrap().value.raw, "60");
    assert_eq!(s.completion_rate.as_ref().unwrap().value.raw, "96.77");
    assert_eq!(s.tasks_lagging.as_ref().unwrap().value.raw, "2");
    assert_eq!(s.special_indicators.as_ref().unwrap().value.raw, "12");
    let rate = by_value(&r, "96.77", "%");
    assert_eq!(rate.kind, IndicatorKind::Share);
    assert_eq!(rate.status, Status::Unstated);
}

#[test]
fn figures() {
    let r = sample().report;
    let gdp = by_value(&r, "7811.3", "亿元");
    assert_eq!(gdp.name, "地区生产总值");
    assert_eq!(gdp.change.as_ref().unwrap().raw, "同比增长8.2%");
    let budget = by_value(&r, "549.6", "亿元");
    assert_eq!(budget.name, "一般公共预算收入");
    assert_eq!(budget.target.as_ref().unwrap().raw, "完成年度预算的103.5%");
    assert_eq!(budget.status, Status::Exceeded);
    let pm = by_value(&r, "34", "微克/立方米");
    let c = pm.change.as_ref().unwrap();
    assert_eq!((c.basis.as_str(), c.direction), ("较上年", Direction::Down));
    let days = by_value(&r, "268", "天");
    assert_eq!(days.change.as_ref().unwrap().raw, "比上年增加15天");
    let online = by_value(&r, "98.5", "%");
    let c = online.change.as_ref().unwrap();
    assert_eq!(
        (c.raw.as_str(), c.basis.as_str()),
        ("较2020年提高3.2个百分点", "较2020年")
    );
    let jobs = by_value(&r, "４．５万", "个");
    assert_eq!(jobs.value.as_ref().unwrap().number, 45000.0);
    assert_eq!(by_value(&r, "2.1", "%").name, "城镇登记失业率");
    assert_eq!(
        by_value(&r, "1.2万", "户").value.as_ref().unwrap().number,
        12000.0
    );
    let late = by_value(&r, "3", "个");
    assert_eq!(late.status, Status::Lagging);
    let lagging: Vec<_> = r
        .indicators()
        .into_iter()
        .filter(|i| i.kind == IndicatorKind::Qualitative)
        .collect();
    assert_eq!(lagging.len(), 1);
    assert_eq!(lagging[0].name, "部分重点任务");
    // No dates: 2021年, 2022年1月15日, 10:30, 2020年.
    for i in r.indicators() {
        if let Some(v) = &i.value {
            assert!(
                !["2021", "2022", "2020", "10", "30", "15"].contains(&v.raw.as_str())
                    || !v.unit.is_empty(),
                "{v:?}"
            );
        }
    }
    // "距离90%的目标仍有差距": 90% is the goal of the 85%, which the text calls behind.
    let accuracy = by_value(&r, "85", "%");
    assert_eq!(accuracy.goal.as_ref().map(|g| g.raw.as_str()), Some("90"));
    assert_eq!(accuracy.status, Status::Lagging);
    assert_eq!(accuracy.status_basis.as_deref(), Some("仍有差距"));
    assert_eq!(r.indicators().len(), 20);
}
