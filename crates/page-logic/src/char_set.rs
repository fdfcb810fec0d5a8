//! Which characters a text holds, as 256 bits: the search's quick "certainly not here" test.

/// A 256-bit summary of which characters a text holds (each char sets one bit, by a hash).
///
/// Why: a term can only occur in a text holding all of its characters, so a row whose set does
/// not cover the term's set is skipped with four AND operations instead of a scan of its
/// 100–300-byte text. With about 80 distinct characters per row roughly a quarter of the bits
/// are set, so a two-character Chinese term rules out ~95% of non-matching rows. It never rules
/// out a match: filtering 10,000 rows stays well inside the 5 ms budget even in the
/// size-optimised wasm build.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct CharSet([u64; 4]);

impl CharSet {
    pub(crate) fn of(s: &str) -> Self {
        let mut set = [0u64; 4];
        for c in s.chars() {
            // Fibonacci hashing: the top 8 bits of the product spread neighbouring code points.
            let h = (u32::from(c).wrapping_mul(0x9E37_79B9) >> 24) as usize;
            if let Some(word) = set.get_mut(h >> 6) {
                *word |= 1 << (h & 63);
            }
        }
        CharSet(set)
    }

    /// Every bit of `other` is set in `self`.
    pub(crate) fn covers(&self, other: &CharSet) -> bool {
        self.0.iter().zip(&other.0).all(|(a, b)| a & b == *b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;
    use crate::normalize::normalize;

    #[test]
    fn a_char_set_never_rules_out_a_real_match() {
        let text = normalize(fixture::S_LONG);
        let chars: Vec<char> = text.chars().collect();
        for start in 0..chars.len() {
            for len in 1..=4.min(chars.len() - start) {
                let term: String = chars[start..start + len].iter().collect();
                assert!(CharSet::of(&text).covers(&CharSet::of(&term)), "{term:?}");
            }
        }
        // And it does rule out most absent characters.
        let absent = "鑫龘彧赟堃燚淼犇骉羴";
        let set = CharSet::of(&text);
        let ruled_out = absent
            .chars()
            .filter(|c| !set.covers(&CharSet::of(&c.to_string())))
            .count();
        assert!(ruled_out >= 4, "{ruled_out}");
        assert!(set.covers(&CharSet::default()));
    }
}
