//! A stated target level: "距离90%的目标仍有差距", "年度目标为1.2万人". Such a figure is the
//! goal of the indicator it is said about (the one before it in the sentence, or else the
//! next), not an indicator of its own.

use crate::numbers::{ends_with_any, starts_with_at};

/// Is the figure at `start..end` a goal?
pub fn is_goal(chars: &[char], start: usize, end: usize) -> bool {
    let mut k = end;
    if chars.get(k) == Some(&'的') {
        k += 1;
    }
    let after = ["目标", "年度目标", "全年目标", "预期目标", "控制目标"]
        .iter()
        .any(|w| starts_with_at(chars, k, w))
        && !["目标的", "目标任务的"]
            .iter()
            .any(|w| starts_with_at(chars, k, w));
    let before = ends_with_any(
        chars,
        start,
        &[
            "目标为",
            "目标值为",
            "目标值",
            "目标是",
            "目标设定为",
            "计划目标为",
        ],
    )
    .is_some();
    after || before
}
