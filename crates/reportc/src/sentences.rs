//! Paragraph → sentences, as char ranges.
//!
//! A sentence ends at 。！？!? (plus any closing quotes or brackets right after). Semicolons do
//! not end a sentence. A sentence longer than [`MAX_SENTENCE`] chars (a page without
//! punctuation, or a 50 MB line) is cut at the last clause delimiter before the limit, or
//! failing that just before a number, so that every indicator's `source.sentence` stays short.

use crate::numbers::{is_digit, is_point};
use crate::segment::is_terminator;

/// Longest sentence kept whole, in chars.
pub const MAX_SENTENCE: usize = 400;

/// Closing marks that belong to the sentence they follow.
#[inline(always)]
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》' | '"' | '\''
    )
}

#[inline(always)]
fn is_clause_delim(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '、')
}

/// Sentences of `chars` as (start, end) char ranges, whitespace between sentences excluded.
/// The second value counts sentences that had to be cut for length.
pub fn split(chars: &[char]) -> (Vec<(usize, usize)>, usize) {
    let mut out = Vec::new();
    let mut cut = 0;
    let n = chars.len();
    let mut i = 0;
    while i < n {
        // Skip whitespace between sentences.
        while i < n && chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        if i >= n {
            break;
        }
        let start = i;
        let mut end = None;
        while i < n {
            let c = chars.get(i).copied().unwrap_or(' ');
            i += 1;
            if is_terminator(c) {
                while i < n
                    && chars
                        .get(i)
                        .is_some_and(|&c| is_terminator(c) || is_closer(c))
                {
                    i += 1;
                }
                end = Some(i);
                break;
            }
            if i - start >= MAX_SENTENCE {
                // Too long: cut at the last clause delimiter, or before a number.
                let lo = start + MAX_SENTENCE / 4;
                let at = (lo..i)
                    .rev()
                    .find(|&k| chars.get(k).is_some_and(|&c| is_clause_delim(c)))
                    .map(|k| k + 1)
                    .or_else(|| {
                        (lo..i).rev().find(|&k| {
                            let here = chars.get(k).copied().unwrap_or(' ');
                            let before = k.checked_sub(1).and_then(|b| chars.get(b)).copied();
                            !is_digit(here)
                                && !is_point(here)
                                && !before.is_some_and(|b| is_digit(b) || is_point(b))
                        })
                    })
                    .unwrap_or(i);
                i = at;
                end = Some(at);
                cut += 1;
                break;
            }
        }
        let mut e = end.unwrap_or(n);
        while e > start && chars.get(e - 1).is_some_and(|c| c.is_whitespace()) {
            e -= 1;
        }
        if e > start {
            out.push((start, e));
        }
    }
    (out, cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(t: &str) -> Vec<String> {
        let c: Vec<char> = t.chars().collect();
        split(&c)
            .0
            .into_iter()
            .map(|(a, b)| c[a..b].iter().collect())
            .collect()
    }

    #[test]
    fn splits_at_terminators_and_keeps_closers() {
        assert_eq!(s("甲。乙“丙。”丁"), vec!["甲。", "乙“丙。”", "丁"]);
        assert_eq!(s("  "), Vec::<String>::new());
        assert_eq!(s("有问题吗?!好。"), vec!["有问题吗?!", "好。"]);
    }

    #[test]
    fn long_sentences_are_cut_short() {
        let long: String = "字".repeat(1000) + "123456";
        let c: Vec<char> = long.chars().collect();
        let (parts, cut) = split(&c);
        assert!(cut >= 2);
        assert!(parts.iter().all(|(a, b)| b - a <= MAX_SENTENCE));
        assert_eq!(parts.last().map(|p| p.1), Some(c.len()));
        // the number is not cut in two
        let joined: Vec<String> = parts
            .iter()
            .map(|&(a, b)| c[a..b].iter().collect())
            .collect();
        assert!(joined.iter().any(|p| p.ends_with("123456")));
    }
}
