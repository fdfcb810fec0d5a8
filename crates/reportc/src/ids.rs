//! Stable indicator ids: "i-" + 10 hex digits of FNV-1a 64 over the source sentence, the
//! figure as published (raw + unit) and the occurrence index of that same figure text in the
//! sentence. The same text gives the same id; editing one paragraph changes no id elsewhere.
//! Collisions (the same sentence twice in a report) get "-2", "-3" … in document order.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a, 64 bits, over a whole buffer (the tests check the hashers against it).
#[cfg(test)]
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    })
}

/// FNV-1a as a `Hasher`, for the id sets (faster than SipHash on short keys; ids are not
/// attacker-chosen hash-flooding material worth SipHash's cost here).
#[derive(Default)]
pub struct FnvHasher(u64);

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let start = if self.0 == 0 { FNV_OFFSET } else { self.0 };
        self.0 = bytes
            .iter()
            .fold(start, |h, &b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME));
    }
}

/// A `HashSet` with FNV hashing.
pub type FnvSet<T> = HashSet<T, BuildHasherDefault<FnvHasher>>;

/// FNV-1a over the sentence and the 0x1f after it: the part of [`indicator_key`] that all
/// figures of one sentence share, hashed once per sentence ([`indicator_key_from`]).
pub fn sentence_key(sentence: &str) -> u64 {
    let h = sentence.as_bytes().iter().fold(FNV_OFFSET, fnv_step);
    fnv_step(h, &0x1f)
}

#[inline(always)]
fn fnv_step(h: u64, b: &u8) -> u64 {
    (h ^ u64::from(*b)).wrapping_mul(FNV_PRIME)
}

/// [`indicator_key`] from the sentence's [`sentence_key`].
pub fn indicator_key_from(sentence_key: u64, figure: &str, occurrence: usize) -> u64 {
    indicator_key_from_parts(sentence_key, figure, "", occurrence)
}

/// [`indicator_key_from`] with the figure's text in two parts (raw and unit), hashed as if
/// joined.
pub fn indicator_key_from_parts(
    sentence_key: u64,
    raw: &str,
    unit: &str,
    occurrence: usize,
) -> u64 {
    let h = raw.as_bytes().iter().fold(sentence_key, fnv_step);
    let h = unit.as_bytes().iter().fold(h, fnv_step);
    let h = fnv_step(h, &0x1f);
    // The occurrence in decimal, without allocating.
    let mut digits = [0u8; 20];
    let len = decimal(occurrence as u64, &mut digits);
    digits
        .get(digits.len() - len..)
        .unwrap_or(&[])
        .iter()
        .fold(h, fnv_step)
        >> 24
}

/// Appends `n` in decimal.
fn push_decimal(out: &mut String, n: u64) {
    let mut digits = [0u8; 20];
    let len = decimal(n, &mut digits);
    for &d in digits.get(digits.len() - len..).unwrap_or(&[]) {
        out.push(char::from(d));
    }
}

/// Writes `n` in decimal at the end of `buf`; returns the number of digits.
fn decimal(mut n: u64, buf: &mut [u8; 20]) -> usize {
    let mut k = buf.len();
    loop {
        k -= 1;
        if let Some(d) = buf.get_mut(k) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || k == 0 {
            break;
        }
    }
    buf.len() - k
}

/// The 40 bits of the hash that make an indicator's id ("i-" + their 10 hex digits).
pub fn indicator_key(sentence: &str, figure: &str, occurrence: usize) -> u64 {
    // FNV-1a over sentence, 0x1f, figure, 0x1f, occurrence (decimal), streamed.
    indicator_key_from(sentence_key(sentence), figure, occurrence)
}

/// Unique indicator ids from their keys, without hashing strings: a taken key gets "-2",
/// "-3" … in order.
///
/// Only the count of claims per key is kept: the suffixes of one key are handed out in
/// order and no other key can produce them, so a set of (key, suffix) pairs (72 000 entries
/// for the 10 MB benchmark text, whose sentences repeat) would add nothing but hashing.
#[derive(Debug, Default)]
pub struct KeySet {
    claims: std::collections::HashMap<u64, u64, BuildHasherDefault<FnvHasher>>,
}

impl KeySet {
    pub fn claim(&mut self, key: u64) -> String {
        let n = self.claims.entry(key).or_insert(0);
        *n += 1;
        // "i-" + at least 10 hex digits (+ "-n"), written as bytes: `format!` costs more than
        // the rest of the claim.
        let mut id = Vec::with_capacity(20);
        id.extend_from_slice(b"i-");
        let width = (64 - key.leading_zeros()).div_ceil(4).max(10);
        for shift in (0..width).rev() {
            let d = ((key >> (4 * shift)) & 0xf) as usize;
            id.push(b"0123456789abcdef".get(d).copied().unwrap_or(b'0'));
        }
        if *n > 1 {
            id.push(b'-');
            let mut digits = [0u8; 20];
            let len = decimal(*n, &mut digits);
            id.extend_from_slice(digits.get(digits.len() - len..).unwrap_or(&[]));
        }
        String::from_utf8(id).unwrap_or_default()
    }
}

/// The id an indicator gets before collisions are resolved, from the whole key: the tests'
/// reference for [`KeySet::claim`], which hashes the same bytes in place.
#[cfg(test)]
pub fn indicator_id(sentence: &str, figure: &str, occurrence: usize) -> String {
    let mut key = Vec::with_capacity(sentence.len() + figure.len() + 8);
    key.extend_from_slice(sentence.as_bytes());
    key.push(0x1f);
    key.extend_from_slice(figure.as_bytes());
    key.push(0x1f);
    key.extend_from_slice(occurrence.to_string().as_bytes());
    let h = format!("{:016x}", fnv1a64(&key));
    format!("i-{}", h.get(..10).unwrap_or(&h))
}

/// Safe as an HTML id, a CSS selector and a URL fragment (the rule `report_model::validate`
/// applies).
pub fn is_html_id(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && s.len() <= 64
}

/// Hands out unique ids: a taken id gets "-2", "-3" … appended.
#[derive(Debug, Default)]
pub struct IdSet {
    used: FnvSet<String>,
    /// Next suffix to try per base id, so that a sentence repeated n times costs O(n), not
    /// O(n²).
    next: std::collections::HashMap<String, u64, BuildHasherDefault<FnvHasher>>,
}

impl IdSet {
    /// `base`, or `base` + "-2", "-3" … when taken (the tests' reference for [`KeySet`]).
    #[cfg(test)]
    pub fn claim(&mut self, base: &str) -> String {
        self.claim_with(base, '-')
    }

    /// `base`, or `base` + `sep` + "2", "3" … when taken: like `claim` with another separator before the suffix ("s-3-1_2").
    pub fn claim_with(&mut self, base: &str, sep: char) -> String {
        if !self.used.contains(base) {
            self.used.insert(base.to_string());
            return base.to_string();
        }
        let mut n = self.next.get(base).copied().unwrap_or(2);
        loop {
            // base + sep + n, without `format!`.
            let mut id = String::with_capacity(base.len() + sep.len_utf8() + 4);
            id.push_str(base);
            id.push(sep);
            push_decimal(&mut id, n);
            n += 1;
            if self.used.insert(id.clone()) {
                match self.next.get_mut(base) {
                    Some(next) => *next = n,
                    None => {
                        self.next.insert(base.to_string(), n);
                    }
                }
                return id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_reference_values() {
        assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn ids_are_stable_and_unique() {
        let a = indicator_id("全年新增37814亩。", "37814亩", 0);
        assert_eq!(a, indicator_id("全年新增37814亩。", "37814亩", 0));
        assert_ne!(a, indicator_id("全年新增37814亩。", "37814亩", 1));
        assert!(a.starts_with("i-") && a.len() == 12);
        let mut set = IdSet::default();
        assert_eq!(set.claim(&a), a);
        assert_eq!(set.claim(&a), format!("{a}-2"));
        assert_eq!(set.claim(&a), format!("{a}-3"));
        let k = indicator_key("全年新增37814亩。", "37814亩", 0);
        assert_eq!(format!("i-{k:010x}"), a);
        let mut keys = KeySet::default();
        assert_eq!(keys.claim(k), a);
        assert_eq!(keys.claim(k), format!("{a}-2"));
        assert_eq!(keys.claim(k), format!("{a}-3"));
    }

    #[test]
    fn keys_and_ids_match_their_formatted_forms() {
        let mut keys = KeySet::default();
        for key in [0u64, 1, 0xab, 0xff_ffff_ffff, 0x0100_0000_0000, u64::MAX] {
            assert_eq!(keys.claim(key), format!("i-{key:010x}"));
            for n in 2..13 {
                assert_eq!(keys.claim(key), format!("i-{key:010x}-{n}"));
            }
        }
        for occ in [0, 1, 9, 10, 99, 100, 123_456, usize::MAX] {
            let mut bytes = b"sentence\x1ffigure\x1f".to_vec();
            bytes.extend_from_slice(occ.to_string().as_bytes());
            assert_eq!(
                indicator_key("sentence", "figure", occ),
                fnv1a64(&bytes) >> 24
            );
        }
    }
}
