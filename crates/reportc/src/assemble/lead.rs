//! A paragraph's lead sentence: the short summary sentence some paragraphs open with
//! ("绿化造林面积持续增加。"), shown in bold (`Paragraph::lead`;
//! `headline` in report.json).

use crate::numbers::is_digit;
use crate::sentences;

/// The paragraph's lead sentence (`Paragraph::lead` in the model): a short sentence ending in 。 or ！, without figures or
/// clause breaks, with more text after it ("绿化造林面积持续增加。").
pub fn lead_sentence(text: &str) -> Option<String> {
    let mut end = None;
    let mut count = 0;
    for (i, c) in text.char_indices() {
        count += 1;
        if count > 20
            || c.is_whitespace()
            || is_digit(c)
            || matches!(c, '，' | ',' | '：' | ':' | '；' | ';' | '、')
        {
            return None;
        }
        if crate::segment::is_terminator(c) {
            if !matches!(c, '。' | '！') {
                return None;
            }
            end = Some(i + c.len_utf8());
            break;
        }
    }
    let end = end?;
    if count < 4 {
        return None;
    }
    let rest = text.get(end..)?;
    let next = rest.chars().next()?;
    if crate::segment::is_terminator(next)
        || sentences::is_closer(next)
        || rest.trim_start().is_empty()
    {
        return None;
    }
    text.get(..end).map(str::to_string)
}
