//! A number found in a sentence ([`Token`]), and the char-slice helpers the figure readers
//! share to look around one.

use std::borrow::Cow;

use report_model::{Measure, Qualifier};

use crate::numbers::{is_point, UnitClass};

/// Why a number is not a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// A year, month or day; names start after it ("2019年全区…").
    Date,
    /// Anything else that is not a figure.
    Other,
}

/// A number found in a sentence.
#[derive(Debug, Clone)]
pub struct Token {
    /// First char (the sign if any).
    pub start: usize,
    /// End of the digits.
    pub num_end: usize,
    /// End of the unit (or of `raw` when there is none).
    pub end: usize,
    pub raw: String,
    /// Borrowed from the unit table except for 万/亿 + unit ("万平方米"): no allocation for
    /// most numbers.
    pub unit: Cow<'static, str>,
    pub class: Option<UnitClass>,
    pub number: f64,
    pub skip: Option<Skip>,
    /// What the words around the number say about it (see [`super::qualifiers`]); read for
    /// figures only.
    pub qualifiers: Vec<Qualifier>,
}

impl Token {
    /// The figure as a model measure (a copy of its text, unit and qualifiers).
    pub fn measure(&self) -> Measure {
        Measure {
            raw: self.raw.clone(),
            number: self.number,
            unit: self.unit.to_string(),
            qualifiers: self.qualifiers.clone(),
        }
    }

    /// A percentage ("5%", "百分百").
    pub fn is_percent(&self) -> bool {
        matches!(self.class, Some(UnitClass::Percent)) || self.raw.starts_with("百分")
    }

    /// A whole, non-negative number as published (no decimal point).
    pub fn is_integer(&self) -> bool {
        !self.raw.chars().any(is_point) && self.number.fract() == 0.0 && self.number >= 0.0
    }
}

#[inline(always)]
/// Ends a clause: ，；：。！？ and their ASCII forms.
pub fn is_clause_delim(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？' | '!' | '?'
    )
}

#[inline(always)]
/// The char at `i`, if any.
pub fn at(chars: &[char], i: usize) -> Option<char> {
    chars.get(i).copied()
}

#[inline(always)]
/// The char before `i`, if any.
pub fn before(chars: &[char], i: usize) -> Option<char> {
    i.checked_sub(1).and_then(|j| chars.get(j)).copied()
}

#[inline(always)]
/// A range dash (or 至/到).
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '－' | '—' | '–' | '~' | '～' | '至' | '到')
}
