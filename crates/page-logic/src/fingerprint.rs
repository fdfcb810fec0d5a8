//! The fingerprint of a report file: the build writes it beside the rendering it made from the
//! file (`data-report` on `#app`), and the page compares it with the file it fetched before it
//! takes that rendering over. A different file (a publisher swapped report.json without
//! rendering again) is then rendered afresh instead.

/// FNV-1a (64 bits) of the file's text, without a leading byte-order mark (the browser's
/// `Response.text()` drops it), as 16 lowercase hex digits.
pub fn report_fingerprint(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_and_the_byte_order_mark() {
        assert_eq!(report_fingerprint(""), "cbf29ce484222325");
        assert_eq!(report_fingerprint("a"), "af63dc4c8601ec8c");
        assert_eq!(report_fingerprint("\u{feff}{}"), report_fingerprint("{}"));
        assert_ne!(report_fingerprint("{}"), report_fingerprint("{ }"));
    }
}
