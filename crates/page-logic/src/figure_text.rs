//! Every presentation decision about a figure, made once: the figure text with its qualifier
//! words ("约 6593.69亩", "60%以上", "2000余人次"), a change with its direction in words
//! ("↓ 降低 14%"), the kind and status labels, and the tooltip lines.
//!
//! The app (table, cards, tooltips), the CSV / text export and the static page
//! (`reportc`'s `render.rs`) all call these functions, so that a figure reads the same wherever
//! it is shown. Numbers are never re-formatted: the text is the published `raw` and `unit`, and
//! the qualifier words as published.

use report_model::{
    Change, Direction, Indicator, IndicatorKind, Measure, QualifierKind, QualifierPlace, Status,
    TargetCompletion,
};

/// A measure as the page shows it: the published number and unit with the published qualifier
/// words where the text has them.
///
/// * [`QualifierPlace::Before`]: the word, a space, the number ("约 6593.69亩",
///   "预计 46微克/立方米", "最高 71.07%"). Several words before the number are joined as
///   published ("预计约 46吨").
/// * [`QualifierPlace::After`]: after the number and unit ("60%以上").
/// * [`QualifierPlace::Within`]: already inside `raw` ("2000余" + "人次" → "2000余人次"), never
///   added twice. If `raw` does not hold the word after all, it is put after the number, before
///   the unit, so that the meaning is never lost.
pub fn measure_text(m: &Measure) -> String {
    let mut before = String::new();
    let mut within = String::new();
    let mut after = String::new();
    for q in &m.qualifiers {
        let word = q.word.trim();
        if word.is_empty() {
            continue;
        }
        match q.place {
            QualifierPlace::Before => before.push_str(word),
            QualifierPlace::After => after.push_str(word),
            QualifierPlace::Within if m.raw.contains(word) => {}
            QualifierPlace::Within => within.push_str(word),
        }
    }
    let mut out = String::with_capacity(m.raw.len() + m.unit.len() + 12);
    if !before.is_empty() {
        out.push_str(&before);
        out.push(' ');
    }
    out.push_str(&m.raw);
    out.push_str(&within);
    out.push_str(&m.unit);
    out.push_str(&after);
    out
}

/// The qualifier words of a measure as published, in text order, joined by "、" ("约",
/// "以上", "预计、约"); empty when the number is unqualified. For the CSV's 限定 column.
pub(crate) fn qualifier_words(m: &Measure) -> String {
    m.qualifiers
        .iter()
        .map(|q| q.word.trim())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("、")
}

/// "上升" / "下降".
pub(crate) fn direction_word(d: Direction) -> &'static str {
    match d {
        Direction::Up => "上升",
        Direction::Down => "下降",
    }
}

/// "↑" / "↓".
pub(crate) fn direction_arrow(d: Direction) -> &'static str {
    match d {
        Direction::Up => "↑",
        Direction::Down => "↓",
    }
}

/// Verbs a change phrase is read from when the words before its amount are more than a verb
/// ("精简各类政务服务事项申报材料60%以上" → 精简).
const CHANGE_VERBS: [&str; 20] = [
    "提高", "提升", "增长", "增加", "上升", "上涨", "涨幅", "增幅", "扩大", "降低", "下降", "减少",
    "降幅", "减幅", "精简", "压缩", "缩短", "改善", "减排", "削减",
];

/// The published verb of a change: the words between its comparison ("同比") and its amount
/// ("同比改善16.7%" → "改善"), or a known verb among them; empty when none is found.
fn change_verb(c: &Change) -> String {
    let raw = c.raw.trim();
    let amount = c.amount.raw.trim();
    let before = match (amount.is_empty(), raw.find(amount)) {
        (false, Some(at)) => &raw[..at],
        _ => raw,
    };
    let basis = c.basis.trim();
    let before = before.strip_prefix(basis).unwrap_or(before);
    let before = before.trim_matches(|ch: char| ch.is_whitespace() || ",，、:：".contains(ch));
    if !before.is_empty() && before.chars().count() <= 4 {
        return before.to_string();
    }
    CHANGE_VERBS
        .iter()
        .filter_map(|v| before.find(v).map(|at| (at, *v)))
        .min()
        .map(|(_, v)| v.to_string())
        .unwrap_or_default()
}

/// Whether a verb itself says which way ("提高" up, "降低" down): "改善" does not.
fn verb_says(verb: &str, d: Direction) -> bool {
    let marks: &[char] = match d {
        Direction::Up => &['增', '提', '升', '涨', '高', '加', '扩', '多'],
        Direction::Down => &['降', '减', '少', '低', '简', '缩', '压', '下', '削'],
    };
    verb.contains(marks)
}

/// A change as the page shows it: arrow, comparison, the published verb, the amount with its
/// qualifiers, and the direction in words when the verb does not say it:
/// "↑ 同比提高 2.8个百分点", "↓ 降低 14%", "↓ 精简 60%以上", "↓ 同比改善 16.7%（下降）".
/// Points ("个百分点") and percent ("%") keep their published unit.
pub fn change_text(c: &Change) -> String {
    let verb = change_verb(c);
    let basis = c.basis.trim();
    // "预计" belongs to the whole change ("↓ 预计下降 5.6%"); the other words to the amount.
    let mut amount = c.amount.clone();
    let (estimate, rest): (Vec<_>, Vec<_>) = amount
        .qualifiers
        .drain(..)
        .partition(|q| q.kind == QualifierKind::Estimate && q.place == QualifierPlace::Before);
    amount.qualifiers = rest;
    let mut out = String::new();
    out.push_str(direction_arrow(c.direction));
    out.push(' ');
    for q in &estimate {
        out.push_str(q.word.trim());
    }
    out.push_str(basis);
    if verb.is_empty() {
        out.push_str(direction_word(c.direction));
    } else {
        out.push_str(&verb);
    }
    out.push(' ');
    out.push_str(&measure_text(&amount));
    if !verb.is_empty() && !verb_says(&verb, c.direction) {
        out.push('（');
        out.push_str(direction_word(c.direction));
        out.push('）');
    }
    out
}

/// The percent of target reached as published ("114.59%", with its qualifiers). Its unit is
/// "%" in practice; if the converter left it empty, "%" is added (the field *is* a percent),
/// which changes no digit.
pub(crate) fn completion_text(t: &TargetCompletion) -> String {
    if t.percent.unit.trim().is_empty() {
        let mut m = t.percent.clone();
        m.unit = "%".into();
        measure_text(&m)
    } else {
        measure_text(&t.percent)
    }
}

/// The target completion of an indicator, only for a [`IndicatorKind::Completion`]: a share
/// such as "完成率95.56%" (of tasks) is not the completion of a target, whatever the file says.
pub fn completion_of(ind: &Indicator) -> Option<&TargetCompletion> {
    (ind.kind == IndicatorKind::Completion)
        .then_some(ind.target.as_ref())
        .flatten()
}

/// The indicator's main figure, as the table's 数值 column, the cards and the exports show it:
/// a change reads as a change ("↓ 降低 14%", never a bare "14%"), a rank as its ordinal
/// ("第四"), any other figure with its qualifiers; empty for a qualitative item.
pub fn figure_text(ind: &Indicator) -> String {
    match (ind.kind, &ind.change, &ind.value) {
        (IndicatorKind::Change, Some(c), _) => change_text(c),
        (_, _, Some(v)) => measure_text(v),
        (_, Some(c), None) => change_text(c),
        (_, None, None) => String::new(),
    }
}

/// A status as the page shows it, only what the text states. `Unstated` reads 未说明: the
/// report says nothing about it, which is neither completion nor lagging.
pub fn status_label(s: Status) -> &'static str {
    match s {
        Status::Exceeded => "超额完成",
        Status::Met => "已完成",
        Status::Lagging => "滞后",
        Status::Unstated => "未说明",
    }
}

/// An indicator kind (the figure's role) as the page shows it.
pub fn kind_label(k: IndicatorKind) -> &'static str {
    match k {
        IndicatorKind::Level => "数量",
        IndicatorKind::Share => "比率",
        IndicatorKind::Change => "变化",
        IndicatorKind::Completion => "目标完成",
        IndicatorKind::Rank => "排名",
        IndicatorKind::Qualitative => "定性",
    }
}

/// The lines of a figure's tooltip (and the static page's title text), in order: the figure,
/// the baseline, a change beside a level, the target completion (completions only), the stated
/// target, the status with the words it was read from.
pub fn figure_details(ind: &Indicator) -> Vec<String> {
    let mut out = Vec::new();
    let figure = figure_text(ind);
    if !figure.is_empty() {
        let label = match ind.kind {
            IndicatorKind::Change => "变化",
            IndicatorKind::Rank => "排名",
            _ => "数值",
        };
        out.push(format!("{label}：{figure}"));
    }
    if let Some(b) = &ind.baseline {
        out.push(format!("基期：{}", measure_text(b)));
    }
    if let (Some(c), false) = (&ind.change, ind.kind == IndicatorKind::Change) {
        out.push(format!("变化：{}", change_text(c)));
    }
    if let Some(t) = completion_of(ind) {
        out.push(format!("目标完成：{}", t.raw));
    }
    if let Some(g) = &ind.goal {
        out.push(format!("目标：{}", measure_text(g)));
    }
    out.push(status_line(ind.status, ind.status_basis.as_deref()));
    out
}

/// "状态：超额完成（完成全年目标的201.28%）", "状态：未说明".
pub(crate) fn status_line(status: Status, basis: Option<&str>) -> String {
    match basis.map(str::trim).filter(|b| !b.is_empty()) {
        Some(b) if status != Status::Unstated => format!("状态：{}（{b}）", status_label(status)),
        _ => format!("状态：{}", status_label(status)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::{ind, m, mq};
    use report_model::QualifierKind::*;
    use report_model::QualifierPlace::*;

    #[test]
    fn qualifiers_before_after_and_within() {
        assert_eq!(
            measure_text(&mq("6593.69", "亩", &[(Approximate, "约", Before)])),
            "约 6593.69亩"
        );
        assert_eq!(
            measure_text(&mq("71.07", "%", &[(Peak, "最高", Before)])),
            "最高 71.07%"
        );
        assert_eq!(
            measure_text(&mq("12", "微克", &[(Lowest, "最低", Before)])),
            "最低 12微克"
        );
        assert_eq!(
            measure_text(&mq("46", "微克/立方米", &[(Estimate, "预计", Before)])),
            "预计 46微克/立方米"
        );
        assert_eq!(
            measure_text(&mq("60", "%", &[(AtLeast, "以上", After)])),
            "60%以上"
        );
        assert_eq!(
            measure_text(&mq("5", "天", &[(AtMost, "以内", After)])),
            "5天以内"
        );
        assert_eq!(
            measure_text(&mq("3", "万人", &[(AtMost, "不超过", Before)])),
            "不超过 3万人"
        );
        assert_eq!(
            measure_text(&mq("5", "%", &[(LessThan, "不足", Before)])),
            "不足 5%"
        );
        assert_eq!(
            measure_text(&mq("30", "微克/立方米", &[(LessThan, "以下", After)])),
            "30微克/立方米以下"
        );
        // Within: the word is part of the published number, shown once.
        assert_eq!(
            measure_text(&mq("2000余", "人次", &[(MoreThan, "余", Within)])),
            "2000余人次"
        );
        assert_eq!(
            measure_text(&mq("6万余", "处", &[(MoreThan, "余", Within)])),
            "6万余处"
        );
        // A "within" word the number lacks is still shown, before the unit.
        assert_eq!(
            measure_text(&mq("1700", "处", &[(MoreThan, "余", Within)])),
            "1700余处"
        );
        // Several, in text order.
        assert_eq!(
            measure_text(&mq(
                "30",
                "%",
                &[(Estimate, "预计", Before), (AtLeast, "以上", After)]
            )),
            "预计 30%以上"
        );
        assert_eq!(
            measure_text(&mq(
                "46",
                "吨",
                &[(Estimate, "预计", Before), (Approximate, "约", Before)]
            )),
            "预计约 46吨"
        );
        assert_eq!(measure_text(&m("37814", 37814.0, "亩")), "37814亩");
        assert_eq!(measure_text(&m("百分百", 100.0, "")), "百分百");
        assert_eq!(
            qualifier_words(&mq(
                "30",
                "%",
                &[(Estimate, "预计", Before), (AtLeast, "以上", After)]
            )),
            "预计、以上"
        );
        assert_eq!(qualifier_words(&m("1", 1.0, "")), "");
    }

    fn change(raw: &str, basis: &str, d: Direction, amount: Measure) -> Change {
        Change {
            raw: raw.into(),
            basis: basis.into(),
            direction: d,
            amount,
        }
    }

    #[test]
    fn changes_read_as_changes_in_both_directions() {
        use Direction::*;
        let up = change("同比提高2.8个百分点", "同比", Up, m("2.8", 2.8, "个百分点"));
        assert_eq!(change_text(&up), "↑ 同比提高 2.8个百分点");
        let down = change("降低14%", "", Down, m("14", 14.0, "%"));
        assert_eq!(change_text(&down), "↓ 降低 14%");
        let fewer = change(
            "精简各类政务服务事项申报材料60%以上",
            "",
            Down,
            mq("60", "%", &[(AtLeast, "以上", After)]),
        );
        assert_eq!(change_text(&fewer), "↓ 精简 60%以上");
        // "改善" does not say which way: the direction is added in words.
        let better = change("同比改善16.7%", "同比", Down, m("16.7", 16.7, "%"));
        assert_eq!(change_text(&better), "↓ 同比改善 16.7%（下降）");
        let rise = change("较年初增长90.89%", "较年初", Up, m("90.89", 90.89, "%"));
        assert_eq!(change_text(&rise), "↑ 较年初增长 90.89%");
        let gain = change("涨幅99.52%", "", Up, m("99.52", 99.52, "%"));
        assert_eq!(change_text(&gain), "↑ 涨幅 99.52%");
        // No verb found: the direction word.
        let bare = change("5.6%", "", Down, m("5.6", 5.6, "%"));
        assert_eq!(change_text(&bare), "↓ 下降 5.6%");
        let est = change(
            "下降5.6%",
            "",
            Down,
            mq("5.6", "%", &[(Estimate, "预计", Before)]),
        );
        assert_eq!(change_text(&est), "↓ 预计下降 5.6%");
        // A verb that contradicts the direction is shown with the direction in words.
        let odd = change("提高3%", "", Down, m("3", 3.0, "%"));
        assert_eq!(change_text(&odd), "↓ 提高 3%（下降）");
    }

    #[test]
    fn every_kind_has_its_figure_text_and_label() {
        use IndicatorKind::*;
        let mut level = ind("a", "细颗粒物浓度", Level, "x");
        level.value = Some(mq("46", "微克/立方米", &[(Estimate, "预计", Before)]));
        assert_eq!(figure_text(&level), "预计 46微克/立方米");

        let mut share = ind("b", "任务完成率", Share, "x");
        share.value = Some(m("95.56", 95.56, "%"));
        // A share carrying a target (an old converter's reading) is still no completion.
        share.target = Some(TargetCompletion {
            raw: "完成率95.56%".into(),
            percent: m("95.56", 95.56, "%"),
            done: Some(43),
            total: Some(45),
        });
        assert_eq!(figure_text(&share), "95.56%");
        assert_eq!(completion_of(&share), None);
        assert!(figure_details(&share).iter().all(|l| !l.contains("目标")));

        let mut ch = ind("c", "餐饮业环境投诉", Change, "x");
        ch.value = Some(m("14", 14.0, "%"));
        ch.change = Some(change("降低14%", "", Direction::Down, m("14", 14.0, "%")));
        assert_eq!(figure_text(&ch), "↓ 降低 14%");
        assert_eq!(figure_details(&ch)[0], "变化：↓ 降低 14%");
        assert_eq!(figure_details(&ch).len(), 2, "the change once");

        let mut done = ind("d", "新增大树种植", Completion, "x");
        done.value = Some(m("37814", 37814.0, "亩"));
        done.target = Some(TargetCompletion {
            raw: "完成总目标的114.59%".into(),
            percent: m("114.59", 114.59, ""),
            done: None,
            total: None,
        });
        done.status = Status::Exceeded;
        done.status_basis = Some("完成总目标的114.59%".into());
        assert_eq!(figure_text(&done), "37814亩");
        assert_eq!(
            completion_of(&done).map(completion_text).as_deref(),
            Some("114.59%")
        );
        assert_eq!(
            figure_details(&done),
            [
                "数值：37814亩",
                "目标完成：完成总目标的114.59%",
                "状态：超额完成（完成总目标的114.59%）"
            ]
        );

        let mut rank = ind("e", "法治政府示范创建总分排名", Rank, "x");
        rank.value = Some(m("第四", 4.0, ""));
        assert_eq!(figure_text(&rank), "第四");
        assert_eq!(figure_details(&rank)[0], "排名：第四");

        let q = ind("f", "总消费增速", Qualitative, "x");
        assert_eq!(figure_text(&q), "");
        assert_eq!(figure_details(&q), ["状态：未说明"]);

        let mut labels: Vec<&str> = IndicatorKind::ALL.into_iter().map(kind_label).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), IndicatorKind::ALL.len());
    }

    #[test]
    fn a_level_with_a_change_and_a_goal() {
        let mut forest = ind("g", "森林覆盖率", IndicatorKind::Share, "x");
        forest.value = Some(m("33", 33.0, "%"));
        forest.baseline = Some(mq("30.2", "%", &[(Approximate, "约", Before)]));
        forest.change = Some(change(
            "同比提高2.8个百分点",
            "同比",
            Direction::Up,
            m("2.8", 2.8, "个百分点"),
        ));
        forest.goal = Some(m("1.2万", 12000.0, "人"));
        assert_eq!(figure_text(&forest), "33%");
        assert_eq!(
            figure_details(&forest),
            [
                "数值：33%",
                "基期：约 30.2%",
                "变化：↑ 同比提高 2.8个百分点",
                "目标：1.2万人",
                "状态：未说明"
            ]
        );
    }

    #[test]
    fn status_labels_say_only_what_the_text_says() {
        let labels: Vec<&str> = Status::ALL.into_iter().map(status_label).collect();
        assert_eq!(labels, ["超额完成", "已完成", "滞后", "未说明"]);
        // The unstated label suggests neither completion nor lagging.
        assert!(!status_label(Status::Unstated).contains(['完', '滞', '目']));
        assert_eq!(
            status_line(Status::Lagging, Some("有所滞后")),
            "状态：滞后（有所滞后）"
        );
        assert_eq!(status_line(Status::Unstated, Some("x")), "状态：未说明");
        assert_eq!(status_line(Status::Met, Some(" ")), "状态：已完成");
    }
}
