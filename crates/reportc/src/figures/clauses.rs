//! The clauses of a sentence: where each starts, and which one holds a position.

use super::token::{is_clause_delim, Token};

/// The clause delimiters of a sentence (char positions, ascending), ignoring those inside a
/// number ("1,234").
pub struct Clauses<'a> {
    delims: &'a [usize],
}

impl<'a> Clauses<'a> {
    /// Finds the delimiters of `chars` into `buf` (a reused buffer).
    pub fn new(chars: &[char], tokens: &[Token], buf: &'a mut Vec<usize>) -> Self {
        buf.clear();
        buf.extend(
            chars
                .iter()
                .enumerate()
                .filter(|&(k, &c)| {
                    is_clause_delim(c) && !tokens.iter().any(|t| t.start <= k && k < t.end)
                })
                .map(|(k, _)| k),
        );
        Clauses { delims: buf }
    }

    /// Start of the clause holding position `p`.
    pub fn start_of(&self, p: usize) -> usize {
        self.delims
            .iter()
            .take_while(|&&d| d < p)
            .last()
            .map_or(0, |&d| d + 1)
    }

    /// Index of the clause holding position `p`.
    pub fn index_of(&self, p: usize) -> usize {
        self.delims.iter().take_while(|&&d| d < p).count()
    }
}
