//! Text folding for search, so that what a reader types matches what the report prints.
//!
//! Chinese text mixes full-width and half-width forms freely ("９５．５６％" and "95.56%" are the
//! same figure), and an IME often produces full-width digits and punctuation. Search therefore
//! compares both the query and the searched text after [`normalize`].
//!
//! No Unicode tables are pulled in (they would bloat the wasm): only the folds below are applied.

/// Folds `s` for searching. Applied identically to the query and to the searched text.
///
/// * Full-width ASCII forms U+FF01..=U+FF5E become their ASCII counterparts: "９５．５６％" →
///   "95.56%", "，；：（）" → ",;:()".
/// * Curly quotes “” ‘’ become `"` and `'`; the minus sign U+2212 and the hyphens U+2010/U+2011
///   become `-`. They are typographic variants of the same character, and readers type the ASCII
///   one.
/// * `。` (U+3002) and `、` (U+3001) are **kept**: mapping `。` to `.` would let a query such as
///   "5.全" match across a sentence end, because `.` is also the decimal point.
/// * Zero-width characters (U+200B..=U+200D, U+2060, U+FEFF) are dropped: they arrive with
///   pasted text and are invisible.
/// * ASCII letters are lowercased (only ASCII: full Unicode case folding needs tables; Chinese has
///   no case).
/// * Every run of whitespace (U+3000 included) becomes one ASCII space, and the ends are trimmed.
pub(crate) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // A space is written only before the next visible character, and never first: this both
    // collapses runs and trims the ends.
    let mut pending_space = false;
    for c in s.chars() {
        let Some(c) = fold_char(c) else { continue };
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// One character as the filter compares it, without dropping or collapsing anything (so that a
/// match's position maps back to the published text): zero-width characters and whitespace
/// become a space, everything else folds as in [`normalize`].
pub(crate) fn fold_for_search(c: char) -> char {
    match fold_char(c) {
        Some(c) if !c.is_whitespace() => c.to_ascii_lowercase(),
        _ => ' ',
    }
}

/// One character's fold; `None` drops it.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        // Full-width ASCII: a fixed offset from the ASCII block.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{201C}' | '\u{201D}' | '\u{201E}' => '"',
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{2212}' | '\u{2010}' | '\u{2011}' => '-',
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => return None,
        _ => c,
    })
}

/// The whitespace-separated terms of a query, each normalized; empty terms are dropped.
pub(crate) fn query_terms(query: &str) -> Vec<String> {
    normalize(query)
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_figures_become_ascii() {
        assert_eq!(normalize("９５．５６％"), "95.56%");
        assert_eq!(normalize("ＰＭ２．５"), "pm2.5");
        assert_eq!(
            normalize("（一）高质量发展，提高；比例："),
            "(一)高质量发展,提高;比例:"
        );
    }

    #[test]
    fn whitespace_is_collapsed_and_trimmed() {
        assert_eq!(
            normalize("  绿化\u{3000}\u{3000}造林 \t\n面积  "),
            "绿化 造林 面积"
        );
        assert_eq!(normalize(""), "");
        assert_eq!(normalize(" \u{3000} "), "");
    }

    #[test]
    fn typographic_variants_fold_and_sentence_marks_stay() {
        assert_eq!(normalize("“五局一办一公司”"), "\"五局一办一公司\"");
        assert_eq!(normalize("\u{2212}16.7%"), "-16.7%");
        assert_eq!(normalize("增加。全区、乡镇"), "增加。全区、乡镇");
        assert_eq!(normalize("绿\u{200B}化\u{FEFF}"), "绿化");
    }

    #[test]
    fn ascii_is_lowercased_other_text_kept() {
        assert_eq!(normalize("APP Ｘ"), "app x");
        assert_eq!(normalize("Émile"), "Émile");
    }

    #[test]
    fn query_terms_split_on_any_whitespace() {
        assert_eq!(query_terms(" 完成率\u{3000}９５％ "), vec!["完成率", "95%"]);
        assert!(query_terms("   ").is_empty());
    }
}
