//! Tests of a sentence's figures: tokens, roles and the assembled indicators.

use super::*;

fn figs(s: &str) -> Vec<(String, String)> {
    let c: Vec<char> = s.chars().collect();
    tokenize(&c)
        .into_iter()
        .filter(|t| t.skip.is_none())
        .map(|t| (t.raw, t.unit.into_owned()))
        .collect()
}

fn ex(s: &str) -> Vec<Extracted> {
    let c: Vec<char> = s.chars().collect();
    extract(&c, &Context::default(), false).0
}

#[test]
fn numbers_units_and_multipliers() {
    assert_eq!(
        figs("提供岗位8.6万个,达成意向2.8万人次。"),
        vec![
            ("8.6万".into(), "个".into()),
            ("2.8万".into(), "人次".into())
        ]
    );
    assert_eq!(
        figs("拆除违法建设1010万平方米"),
        vec![("1010".into(), "万平方米".into())]
    );
    assert_eq!(
        figs("完成6万余处约330万平米"),
        vec![
            ("6万余".into(), "处".into()),
            ("330".into(), "万平米".into())
        ]
    );
    assert_eq!(
        figs("培训2000余人次"),
        vec![("2000余".into(), "人次".into())]
    );
    assert_eq!(
        figs("浓度为46微克/立方米"),
        vec![("46".into(), "微克/立方米".into())]
    );
    assert_eq!(
        figs("提高2.8个百分点"),
        vec![("2.8".into(), "个百分点".into())]
    );
    assert_eq!(
        figs("实现百分百就业"),
        vec![("百分百".into(), String::new())]
    );
    assert_eq!(figs("压缩到2个小时。"), vec![("2".into(), "个小时".into())]);
    assert_eq!(figs("投资1,234万元"), vec![("1,234".into(), "万元".into())]);
}

#[test]
fn non_figures_are_skipped() {
    assert!(figs("2019年是元年").is_empty());
    assert!(figs("1-12月细颗粒物").is_empty());
    assert!(figs("12月31日前").is_empty());
    assert!(figs("区级12345市民热线").is_empty());
    assert!(figs("形成“1+X+N”体系").is_empty());
    assert!(figs("依托大运河5A级景区").is_empty());
    assert!(figs("PM2.5浓度").is_empty());
    assert!(figs("《2020年通州区重要民生实事项目》").is_empty());
    assert!(figs("打造一批24小时活力街区").is_empty());
    assert!(figs("公园500米服务半径").is_empty());
    assert!(figs("排名第4位").is_empty());
    assert!(figs("一是;1.完善机制;(2)规范").is_empty());
    assert!(figs("政府网站标识码:1101120001").is_empty());
    assert!(figs("2020-01-10发布").is_empty());
    assert!(figs("10:30召开").is_empty());
    assert_eq!(
        figs("完成率95.56%2项任务"),
        vec![("95.56".into(), "%".into()), ("2".into(), "项".into())]
    );
}

#[test]
fn target_attaches_to_the_preceding_figure() {
    let e = ex("我区全年新增大树种植37814亩,完成总目标的114.59%,全区森林覆盖率达到33%,同比提高2.8个百分点。");
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].name, "新增大树种植");
    assert_eq!(e[0].value.as_ref().map(|m| m.raw.as_str()), Some("37814"));
    assert_eq!(
        e[0].target.as_ref().map(|t| t.raw.as_str()),
        Some("完成总目标的114.59%")
    );
    assert_eq!(e[0].status, Status::Exceeded);
    assert_eq!(e[1].name, "森林覆盖率");
    let c = e[1].change.as_ref();
    assert_eq!(c.map(|c| c.raw.as_str()), Some("同比提高2.8个百分点"));
    assert_eq!(c.map(|c| c.basis.as_str()), Some("同比"));
    assert_eq!(c.map(|c| c.direction), Some(Direction::Up));
}

#[test]
fn baseline_and_change() {
    let e = ex("市民诉求解决率由35.62%上升至最高71.07%,涨幅99.52%;满意率由58.79%上升至最高83.28%,涨幅41.66%。");
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].name, "市民诉求解决率");
    assert_eq!(
        e[0].baseline.as_ref().map(|m| m.raw.as_str()),
        Some("35.62")
    );
    assert_eq!(e[0].value.as_ref().map(|m| m.raw.as_str()), Some("71.07"));
    assert_eq!(
        e[0].change.as_ref().map(|c| c.raw.as_str()),
        Some("涨幅99.52%")
    );
    assert_eq!(e[1].name, "满意率");
}

#[test]
fn standalone_change_and_improvement() {
    let e = ex("细颗粒物浓度预计为46微克/立方米,同比改善16.7%,三年滑动平均浓度下降16.4%。");
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].name, "细颗粒物浓度");
    assert_eq!(
        e[0].change.as_ref().map(|c| c.direction),
        Some(Direction::Down)
    );
    assert_eq!(e[1].kind, IndicatorKind::Change);
    assert_eq!(e[1].name, "三年滑动平均浓度");
    let e = ex("月接诉量较年初增长90.89%。");
    assert_eq!(
        e[0].change.as_ref().map(|c| c.basis.as_str()),
        Some("较年初")
    );
    assert_eq!(e[0].name, "月接诉量");
}

#[test]
fn done_and_total_fold_into_the_completion_rate() {
    let e = ex("总体来看,45任务中,有43能够完成年初既定目标,完成率95.56%2项任务进度有所滞后,7个专项指标完成情况良好。");
    assert_eq!(e.len(), 3, "{e:#?}");
    // A share of the tasks done (for the summary), not completion of a stated target.
    assert_eq!(e[0].kind, IndicatorKind::Share);
    assert!(e[0].target.is_none());
    assert_eq!(e[0].status, Status::Unstated);
    assert_eq!(e[0].done.as_ref().map(|m| m.raw.as_str()), Some("43"));
    assert_eq!(e[0].total.as_ref().map(|m| m.raw.as_str()), Some("45"));
    assert_eq!(e[0].name, "任务完成率");
    assert_eq!(e[1].status, Status::Lagging);
    assert_eq!(e[2].status, Status::Unstated);
}
