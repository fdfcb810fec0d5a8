//! Bytes → text: BOM, UTF-8, GBK/GB18030, HTML `<meta charset>`; junk detection and clean-up.
//!
//! Rules, in order:
//! 1. A BOM (UTF-8, UTF-16LE/BE) decides.
//! 2. For an HTML page, a declared charset (`<meta charset>` / `http-equiv` content) is
//!    honoured, except that bytes which are valid UTF-8 with non-ASCII text are read as UTF-8
//!    (portals re-save pages without updating the declaration), with a warning.
//! 3. Valid UTF-8 is UTF-8.
//! 4. Mostly valid UTF-8 (a few broken sequences among many good ones) is read as UTF-8 with
//!    the broken bytes replaced, with a warning.
//! 5. Anything else is read as GB18030 (a superset of GBK and GB2312), with a warning if some
//!    bytes could not be decoded.
//!
//! Then NUL and other control characters are removed (with a warning), line breaks are
//! normalised to `\n`, and text that is mostly control or undecodable characters is rejected.

use std::borrow::Cow;

use encoding_rs::{Encoding, GB18030, UTF_8};

use crate::Error;

/// Decoded text plus what was noticed on the way.
pub struct Decoded<'a> {
    /// Borrowed from the input when that is clean UTF-8 (no copy of a large file).
    pub text: Cow<'a, str>,
    /// What was noticed (invalid bytes, a declared charset that is not the real one …).
    pub warnings: Vec<String>,
}

/// Does the input look like an HTML page? Looks only at the first few KB, as ASCII.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = ascii_lower_head(bytes, 4096);
    let trimmed = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if !trimmed.starts_with('<') {
        return false;
    }
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<div",
        "<p>",
        "<p ",
        "<title",
    ]
    .iter()
    .any(|tag| head.contains(tag))
}

/// Lower-cased ASCII view of the first `n` bytes (non-ASCII bytes become `?`).
fn ascii_lower_head(bytes: &[u8], n: usize) -> String {
    let end = bytes.len().min(n);
    bytes
        .get(..end)
        .unwrap_or(&[])
        .iter()
        .map(|&b| {
            if b.is_ascii() {
                b.to_ascii_lowercase() as char
            } else {
                '?'
            }
        })
        .collect()
}

/// The charset an HTML page declares in its first 4 KB, if any.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = ascii_lower_head(bytes, 4096);
    let mut from = 0;
    while let Some(pos) = head.get(from..).and_then(|h| h.find("charset")) {
        let after = from + pos + "charset".len();
        from = after;
        let rest = head.get(after..).unwrap_or("");
        let rest = rest.trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start().trim_start_matches(['"', '\'']);
        let label: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        if let Some(enc) = Encoding::for_label(label.as_bytes()) {
            return Some(enc);
        }
    }
    None
}

/// Counts (valid multi-byte characters, invalid sequences) in `bytes` read as UTF-8.
fn utf8_quality(bytes: &[u8]) -> (usize, usize) {
    let mut good = 0;
    let mut bad = 0;
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            bad += 1;
        }
    }
    (good, bad)
}

/// Decodes `bytes` following the module rules; `html` enables the `<meta charset>` rule.
pub fn decode(bytes: &[u8], html: bool) -> Result<Decoded<'_>, Error> {
    let mut warnings = Vec::new();
    if bytes.is_empty() {
        return Err(Error::Input("the input is empty".into()));
    }
    let (text, _encoding): (Cow<'_, str>, &'static str) = if let Some((enc, bom_len)) =
        Encoding::for_bom(bytes)
    {
        let body = bytes.get(bom_len..).unwrap_or(&[]);
        let (cow, had_errors) = enc.decode_without_bom_handling(body);
        if had_errors {
            warnings.push(format!(
                "some bytes are not valid {}; they were replaced by U+FFFD",
                enc.name()
            ));
        }
        (Cow::Owned(cow.into_owned()), enc.name())
    } else {
        let declared = if html { declared_charset(bytes) } else { None };
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                if let Some(enc) = declared {
                    if enc != UTF_8 && !s.is_ascii() {
                        warnings.push(format!(
                                "the page declares charset {} but its bytes are valid UTF-8; read as UTF-8",
                                enc.name()
                            ));
                    }
                }
                (Cow::Borrowed(s), "UTF-8")
            }
            Err(_) => {
                let (good, bad) = utf8_quality(bytes);
                let enc = match declared {
                    Some(enc) if enc != UTF_8 => enc,
                    Some(_) => UTF_8,
                    None if good >= 10 * bad.max(1) => UTF_8,
                    None => GB18030,
                };
                let (cow, had_errors) = enc.decode_without_bom_handling(bytes);
                if enc == UTF_8 {
                    warnings.push(format!(
                            "the input is not valid UTF-8 ({bad} broken byte sequence(s)); they were replaced by U+FFFD"
                        ));
                } else if had_errors {
                    let n = cow.chars().filter(|&c| c == '\u{FFFD}').count();
                    warnings.push(format!(
                            "the input was decoded as {} but {n} byte sequence(s) could not be decoded (replaced by U+FFFD)",
                            enc.name()
                        ));
                }
                (Cow::Owned(cow.into_owned()), enc.name())
            }
        }
    };
    let text = match text {
        Cow::Borrowed(t) if !needs_cleaning(t) => {
            if t.trim().is_empty() {
                return Err(Error::Input("the input has no text".into()));
            }
            Cow::Borrowed(t)
        }
        t => Cow::Owned(clean(t.into_owned(), &mut warnings)?),
    };
    Ok(Decoded { text, warnings })
}

/// Does the text hold anything [`clean`] would change or count? (A byte scan: most input
/// is clean, and this keeps a 50 MB file fast.)
fn needs_cleaning(text: &str) -> bool {
    any_byte_triple(text.as_bytes(), dirty_at)
}

/// Does `at(b[i], b[i + 1], b[i + 2])` hold for some `i` (with 0 past the end)? Runs over
/// 64 positions at a time without branches (the compiler vectorises the block), so that a
/// scan of a large text runs at memory speed; `at` must be branch-free too.
#[inline(always)]
pub(crate) fn any_byte_triple(b: &[u8], at: impl Fn(u8, u8, u8) -> bool) -> bool {
    let n = b.len();
    let body = n.saturating_sub(2);
    let mut i = 0;
    while i + 64 <= body {
        let block = |from: usize| -> Option<&[u8; 64]> { b.get(from..from + 64)?.try_into().ok() };
        let (Some(x), Some(y), Some(z)) = (block(i), block(i + 1), block(i + 2)) else {
            break;
        };
        let mut hit = false;
        // Arrays, a fixed count and no early exit: this loop is what gets vectorised.
        for k in 0..64 {
            hit |= at(x[k], y[k], z[k]);
        }
        if hit {
            return true;
        }
        i += 64;
    }
    (i..n).any(|i| {
        let byte = |k: usize| b.get(k).copied().unwrap_or(0);
        at(byte(i), byte(i + 1), byte(i + 2))
    })
}

/// Is the byte `x` (followed by `y`, `z`) the start of something [`clean`] changes: a control
/// character other than `\n` and `\t`, DEL, a C1 control or NEL (U+0080..U+009F), U+200B..U+200D,
/// U+2028, U+2029, U+2060, U+FEFF or U+FFFD? Without branches (`&` and `|`, not `&&`).
#[inline(always)]
fn dirty_at(x: u8, y: u8, z: u8) -> bool {
    let control = (x < 0x20) & (x != b'\n') & (x != b'\t') | (x == 0x7f);
    let c1 = (x == 0xC2) & (y <= 0x9f);
    let e2 = (x == 0xE2)
        & ((y == 0x80) & ((z.wrapping_sub(0x8b) <= 2) | (z == 0xa8) | (z == 0xa9))
            | (y == 0x81) & (z == 0xa0));
    let ef = (x == 0xEF) & ((y == 0xbb) & (z == 0xbf) | (y == 0xbf) & (z == 0xbd));
    control | c1 | e2 | ef
}

/// Normalises line breaks, drops control characters, rejects binary junk.
pub fn clean(text: String, warnings: &mut Vec<String>) -> Result<String, Error> {
    if !needs_cleaning(&text) {
        if text.trim().is_empty() {
            return Err(Error::Input("the input has no text".into()));
        }
        return Ok(text);
    }
    let mut total = 0usize;
    let mut junk = 0usize;
    let mut nul = 0usize;
    let mut controls = 0usize;
    for c in text.chars() {
        total += 1;
        match c {
            '\n' | '\r' | '\t' => {}
            '\0' => {
                nul += 1;
                junk += 1;
            }
            '\u{FFFD}' => junk += 1,
            c if c.is_control() && c != '\u{0C}' => {
                controls += 1;
                junk += 1;
            }
            _ => {}
        }
    }
    if total == 0 {
        return Err(Error::Input("the input is empty".into()));
    }
    // Text of the genre has no control characters at all; a tenth of them is binary data.
    if junk * 10 > total && junk >= 4 {
        return Err(Error::Input(format!(
            "the input does not look like text ({junk} of {total} characters are control or undecodable characters)"
        )));
    }
    if nul > 0 {
        warnings.push(format!("removed {nul} NUL character(s)"));
    }
    if controls > 0 {
        warnings.push(format!("removed {controls} control character(s)"));
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{2028}' | '\u{2029}' | '\u{0C}' | '\u{0B}' | '\u{85}' => out.push('\n'),
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' => {}
            '\t' => out.push('\t'),
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    if out.trim().is_empty() {
        return Err(Error::Input("the input has no text".into()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_and_bom_are_decoded() {
        let s = "通州区2019年度绩效管理工作报告\n一、总体情况";
        let (gbk, _, _) = encoding_rs::GBK.encode(s);
        let d = decode(&gbk, false).map(|d| d.text).unwrap_or_default();
        assert_eq!(d, s);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(s.as_bytes());
        assert_eq!(decode(&bom, false).map(|d| d.text).unwrap_or_default(), s);
    }

    #[test]
    fn meta_charset_is_found() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>";
        assert_eq!(declared_charset(page).map(|e| e.name()), Some("GBK"));
        assert!(looks_like_html(page));
        assert!(!looks_like_html("一、总体情况 <p>".as_bytes()));
    }

    /// The byte-at-a-time scan that [`needs_cleaning`] replaced.
    fn needs_cleaning_reference(b: &[u8]) -> bool {
        let n = b.len();
        (0..n).any(|i| {
            let x = b[i];
            if x < 0x20 {
                return x != b'\n' && x != b'\t';
            }
            if x >= 0xC2 {
                let y = if i + 1 < n { b[i + 1] } else { 0 };
                let z = if i + 2 < n { b[i + 2] } else { 0 };
                return match x {
                    0xC2 => y <= 0x9f,
                    0xE2 => {
                        (y == 0x80 && matches!(z, 0x8b..=0x8d | 0xa8 | 0xa9))
                            || (y == 0x81 && z == 0xa0)
                    }
                    0xEF => (y == 0xbb && z == 0xbf) || (y == 0xbf && z == 0xbd),
                    _ => false,
                };
            }
            x == 0x7f
        })
    }

    #[test]
    fn the_block_scan_finds_what_the_byte_scan_finds() {
        let dirty = [
            "\0", "\r", "\u{7f}", "\u{85}", "\u{9f}", "\u{200b}", "\u{200d}", "\u{2028}",
            "\u{2029}", "\u{2060}", "\u{feff}", "\u{fffd}",
        ];
        let clean = [
            "\n", "\t", "\u{a0}", "\u{200e}", "\u{2026}", "“", "，", "\u{ff0c}", "字",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for len in 0..300usize {
            for _ in 0..20 {
                let mut s = String::new();
                while s.len() < len {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    let pick = (state % 1000) as usize;
                    let piece = if pick < 3 {
                        dirty[pick * 7 % dirty.len()]
                    } else {
                        clean[pick % clean.len()]
                    };
                    s.push_str(piece);
                }
                assert_eq!(
                    needs_cleaning(&s),
                    needs_cleaning_reference(s.as_bytes()),
                    "{s:?}"
                );
            }
        }
        for d in dirty {
            let s = format!("{}{d}{}", "字".repeat(40), "字".repeat(40));
            assert!(needs_cleaning(&s), "{d:?}");
            assert!(needs_cleaning(d), "{d:?}");
        }
    }

    #[test]
    fn junk_is_rejected_and_nul_removed() {
        let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert!(decode(&junk, false).is_err());
        let d = decode("标题\0\n正文".as_bytes(), false);
        let d = d.ok().map(|d| (d.text.into_owned(), d.warnings.len()));
        assert_eq!(d, Some(("标题\n正文".to_string(), 1)));
        assert!(decode(b"", false).is_err());
    }
}
