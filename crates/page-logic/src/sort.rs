//! Sorting the indicator table: the columns ([`SortKey`]), the direction ([`SortDir`]), what a
//! click on a header does ([`next_sort`]) and the orders themselves (numbers as numbers, blanks
//! last in both directions, ties in published order).

use report_model::Status;

use crate::rows::IndicatorRow;

/// The column the table is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// The order of the report itself.
    #[default]
    Published,
    /// By name, in Unicode code point order (`Ord` on `str`). Pinyin or stroke collation would
    /// need large tables in the wasm; code point order groups names sharing a first character,
    /// which is what a reader scanning the column needs.
    Name,
    /// By the section's position in the report (not its title's spelling).
    Section,
    /// By the value's number ("8.6万" sorts as 86000).
    Value,
    /// By the baseline's number ("由A提升至B": A).
    Baseline,
    /// By the signed change (down is negative), points and percent on one scale.
    Change,
    /// By percent of target reached.
    Completion,
    /// Ascending is Lagging, Met, Exceeded (worst first, like `Completion`); rows whose status
    /// the text does not state (`Unstated`) lack this key.
    Status,
}

impl SortKey {
    /// Every key, in table-column order.
    pub const ALL: [SortKey; 8] = [
        SortKey::Published,
        SortKey::Name,
        SortKey::Section,
        SortKey::Value,
        SortKey::Baseline,
        SortKey::Change,
        SortKey::Completion,
        SortKey::Status,
    ];

    /// The key's URL token ("completion").
    pub fn token(self) -> &'static str {
        match self {
            SortKey::Published => "published",
            SortKey::Name => "name",
            SortKey::Section => "section",
            SortKey::Value => "value",
            SortKey::Baseline => "baseline",
            SortKey::Change => "change",
            SortKey::Completion => "completion",
            SortKey::Status => "status",
        }
    }

    /// The key for a URL token (ASCII case ignored); `None` for anything else.
    pub fn from_token(token: &str) -> Option<Self> {
        SortKey::ALL
            .into_iter()
            .find(|k| k.token().eq_ignore_ascii_case(token.trim()))
    }

    /// The direction a column starts in when first clicked: text and position ascending, figures
    /// descending (biggest first), status ascending (lagging first: what a reader looks for).
    pub fn default_dir(self) -> SortDir {
        match self {
            SortKey::Published | SortKey::Name | SortKey::Section | SortKey::Status => SortDir::Asc,
            SortKey::Value | SortKey::Baseline | SortKey::Change | SortKey::Completion => {
                SortDir::Desc
            }
        }
    }
}

/// Sort direction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum SortDir {
    /// Smallest first (published order for `Published`).
    #[default]
    Asc,
    /// Largest first (the report's order reversed for `Published`).
    Desc,
}

impl SortDir {
    /// The direction's URL token ("asc" / "desc").
    pub fn token(self) -> &'static str {
        match self {
            SortDir::Asc => "asc",
            SortDir::Desc => "desc",
        }
    }

    /// The direction for a URL token (ASCII case ignored); `None` for anything else.
    pub fn from_token(token: &str) -> Option<Self> {
        let t = token.trim();
        if t.eq_ignore_ascii_case("asc") {
            Some(SortDir::Asc)
        } else if t.eq_ignore_ascii_case("desc") {
            Some(SortDir::Desc)
        } else {
            None
        }
    }

    /// The other direction.
    pub fn reversed(self) -> Self {
        match self {
            SortDir::Asc => SortDir::Desc,
            SortDir::Desc => SortDir::Asc,
        }
    }

    /// The `aria-sort` value for the sorted column header.
    pub fn aria_sort(self) -> &'static str {
        match self {
            SortDir::Asc => "ascending",
            SortDir::Desc => "descending",
        }
    }
}

/// The sort after a click on column `clicked`: the same column flips direction, another column
/// starts in its [`default_dir`](SortKey::default_dir).
pub fn next_sort(current: (SortKey, SortDir), clicked: SortKey) -> (SortKey, SortDir) {
    if current.0 == clicked {
        (clicked, current.1.reversed())
    } else {
        (clicked, clicked.default_dir())
    }
}

/// `matched` (indices and rows) sorted by `key` in `dir`; see [`visible_rows`](crate::visible_rows)
/// for the rules. In published order, the rows `in_name` says match by name come first.
pub(crate) fn sort_rows<'a>(
    matched: impl Iterator<Item = (usize, &'a IndicatorRow)>,
    key: SortKey,
    dir: SortDir,
    in_name: impl Fn(&IndicatorRow) -> bool,
) -> Vec<usize> {
    match key {
        SortKey::Published => {
            // A search lists the rows whose name matches first (both groups in published
            // order): "完成率" finds the completion rates before sentences that mention them.
            let (mut v, mut by_text) = (Vec::new(), Vec::new());
            for (i, r) in matched {
                if in_name(r) {
                    v.push(i);
                } else {
                    by_text.push(i);
                }
            }
            v.append(&mut by_text);
            if dir == SortDir::Desc {
                v.reverse();
            }
            v
        }
        SortKey::Name => sort_keyed(matched, dir, |r| r.name_rank().map(u64::from)),
        SortKey::Section => sort_keyed(matched, dir, |r| Some(r.section_index as u64)),
        SortKey::Value => sort_keyed(matched, dir, |r| r.value_number.map(f64_key)),
        SortKey::Baseline => sort_keyed(matched, dir, |r| r.baseline_number.map(f64_key)),
        SortKey::Change => sort_keyed(matched, dir, |r| {
            r.change.as_ref().and_then(|c| c.signed_number).map(f64_key)
        }),
        SortKey::Completion => sort_keyed(matched, dir, |r| r.completion.map(f64_key)),
        SortKey::Status => sort_keyed(matched, dir, |r| status_rank(r.status).map(u64::from)),
    }
}

/// Sorts the rows having a key, then appends those without one in published order.
///
/// Why the packing: every key is first mapped to an order-preserving `u64` (see [`f64_key`];
/// names use a rank computed once in [`crate::rows()`]), flipped for descending, and packed with
/// the row index into one `u128`. Sorting plain integers needs no comparison closure and makes
/// each key unique, so an unstable sort gives the stable "ties in published order" result. This
/// keeps 10,000 rows far under the 5 ms budget even in the size-optimised (`opt-level = "z"`)
/// wasm build, where comparison closures and string comparisons are not inlined.
fn sort_keyed<'a>(
    matched: impl Iterator<Item = (usize, &'a IndicatorRow)>,
    dir: SortDir,
    key: impl Fn(&'a IndicatorRow) -> Option<u64>,
) -> Vec<usize> {
    let mut keyed: Vec<u128> = Vec::new();
    let mut missing = Vec::new();
    for (i, row) in matched {
        match key(row) {
            Some(k) => {
                let k = match dir {
                    SortDir::Asc => k,
                    SortDir::Desc => !k,
                };
                keyed.push((u128::from(k) << 64) | i as u128);
            }
            None => missing.push(i),
        }
    }
    keyed.sort_unstable();
    let mut out: Vec<usize> = keyed.into_iter().map(|p| p as u64 as usize).collect();
    out.extend(missing);
    out
}

/// Maps a finite `f64` to a `u64` with the same order (the usual sign-flip trick), with -0.0
/// and 0.0 equal. Rows hold only finite numbers (they turn NaN/∞ into `None`).
fn f64_key(x: f64) -> u64 {
    let x = if x == 0.0 { 0.0 } else { x };
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

/// Worst first when ascending; `NoTarget` has no rank and sorts last.
pub(crate) fn status_rank(s: Status) -> Option<u8> {
    match s {
        Status::Lagging => Some(0),
        Status::Met => Some(1),
        Status::Exceeded => Some(2),
        Status::Unstated => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_keys_keep_numeric_order() {
        let xs = [
            -1e300, -86000.0, -2.8, -0.0, 0.0, 1e-300, 2.8, 16.7, 37814.0, 1e300,
        ];
        for w in xs.windows(2) {
            assert!(f64_key(w[0]) <= f64_key(w[1]), "{} {}", w[0], w[1]);
        }
        assert_eq!(f64_key(-0.0), f64_key(0.0));
        assert!(f64_key(2.8) < f64_key(16.7));
    }

    #[test]
    fn sort_tokens_and_clicks() {
        for k in SortKey::ALL {
            assert_eq!(SortKey::from_token(k.token()), Some(k));
        }
        assert_eq!(SortKey::from_token("Completion"), Some(SortKey::Completion));
        assert_eq!(SortKey::from_token("bogus"), None);
        assert_eq!(SortDir::from_token("DESC"), Some(SortDir::Desc));
        assert_eq!(SortDir::from_token(""), None);
        let s = next_sort((SortKey::Published, SortDir::Asc), SortKey::Completion);
        assert_eq!(s, (SortKey::Completion, SortDir::Desc));
        assert_eq!(
            next_sort(s, SortKey::Completion),
            (SortKey::Completion, SortDir::Asc)
        );
        assert_eq!(next_sort(s, SortKey::Name), (SortKey::Name, SortDir::Asc));
    }
}
