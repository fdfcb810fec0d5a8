//! Stable indicator ids: "i-" + 10 hex digits of FNV-1a 64 over the source sentence, the
//! figure as published (raw + unit) and the occurrence index of that same figure text in the
//! sentence. The same text gives the same id; editing one paragraph changes no id elsewhere.
//! Collisions (the same sentence twice in a report) get "-2", "-3" … in document order.

use std::collections::HashSet;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a, 64 bits.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, &b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
}

/// The id an indicator gets before collisions are resolved.
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
    used: HashSet<String>,
}

impl IdSet {
    pub fn claim(&mut self, base: &str) -> String {
        if self.used.insert(base.to_string()) {
            return base.to_string();
        }
        let mut n = 2u64;
        loop {
            let id = format!("{base}-{n}");
            if self.used.insert(id.clone()) {
                return id;
            }
            n += 1;
        }
    }

    /// Marks an id as taken; false if it already was.
    pub fn insert(&mut self, id: &str) -> bool {
        self.used.insert(id.to_string())
    }

    pub fn contains(&self, id: &str) -> bool {
        self.used.contains(id)
    }

    pub fn remove(&mut self, id: &str) {
        self.used.remove(id);
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
    }
}
