//! The view's state in the URL, so that a filtered, sorted table can be bookmarked and shared.
//!
//! URLs are untrusted input: [`ViewState::from_query`] never panics, ignores unknown parameters
//! and garbage values, and bounds what it keeps.

use report_model::{IndicatorKind, Report, Status};

use crate::filter::{visible_rows, Filter};
use crate::rows::IndicatorRow;
use crate::sort::{SortDir, SortKey};

/// The longest search query kept from a URL, in chars. Longer ones are cut, not rejected.
pub const MAX_QUERY_CHARS: usize = 200;

/// Everything the URL records: the filter and the sort.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// What the table is narrowed to (`q`, `section`, `status`, `kind`).
    pub filter: Filter,
    /// The column sorted by (`sort`).
    pub sort: SortKey,
    /// The direction (`dir`).
    pub dir: SortDir,
}

impl ViewState {
    /// The query string for this state, with its leading '?', e.g.
    /// `?q=%E7%BB%BF&section=s-2&status=lagging&kind=share&sort=completion&dir=desc`.
    ///
    /// Parameters are always in that order; defaults are left out, and the result is the empty
    /// string when everything is default (so the page's plain URL stays plain). The query is
    /// written trimmed and a section that is not a safe id is left out, exactly as
    /// [`from_query`](Self::from_query) would read them.
    pub fn to_query(&self) -> String {
        let mut ser = form_urlencoded::Serializer::new(String::new());
        let q = self.filter.query.trim();
        if !q.is_empty() {
            ser.append_pair("q", q);
        }
        if let Some(s) = self.filter.section.as_deref().filter(|s| is_safe_id(s)) {
            ser.append_pair("section", s);
        }
        if let Some(s) = self.filter.status {
            ser.append_pair("status", status_token(s));
        }
        if let Some(k) = self.filter.kind {
            ser.append_pair("kind", kind_token(k));
        }
        if self.sort != SortKey::default() {
            ser.append_pair("sort", self.sort.token());
        }
        if self.dir != SortDir::default() {
            ser.append_pair("dir", self.dir.token());
        }
        let s = ser.finish();
        if s.is_empty() {
            s
        } else {
            format!("?{s}")
        }
    }

    /// Reads a state from `location.search` (with or without the leading '?').
    ///
    /// Never panics. Unknown parameters, unknown tokens, unsafe section ids and undecodable
    /// bytes are ignored (bad UTF-8 becomes U+FFFD); for a repeated parameter the first usable
    /// value wins. The query is stripped of control characters, trimmed and cut to
    /// `MAX_QUERY_CHARS`. Tokens match ignoring ASCII case.
    pub fn from_query(query: &str) -> ViewState {
        let query = query.strip_prefix('?').unwrap_or(query);
        // A fragment is never part of a query string; drop one if a caller passes it along.
        let query = query.split('#').next().unwrap_or_default();
        let mut q: Option<String> = None;
        let mut section: Option<String> = None;
        let mut status: Option<Status> = None;
        let mut kind: Option<IndicatorKind> = None;
        let mut sort: Option<SortKey> = None;
        let mut dir: Option<SortDir> = None;
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            match key.as_ref() {
                "q" if q.is_none() => q = Some(clean_query(&value)),
                "section" if section.is_none() => {
                    section = Some(value.trim())
                        .filter(|s| is_safe_id(s))
                        .map(str::to_string)
                }
                "status" if status.is_none() => status = status_from_token(&value),
                "kind" if kind.is_none() => kind = kind_from_token(&value),
                "sort" if sort.is_none() => sort = SortKey::from_token(&value),
                "dir" if dir.is_none() => dir = SortDir::from_token(&value),
                _ => {}
            }
        }
        ViewState {
            filter: Filter {
                query: q.unwrap_or_default(),
                section,
                status,
                kind,
            },
            sort: sort.unwrap_or_default(),
            dir: dir.unwrap_or_default(),
        }
    }

    /// The rows this state shows, in order (see [`visible_rows`]).
    pub fn visible_rows(&self, rows: &[IndicatorRow]) -> Vec<usize> {
        visible_rows(rows, &self.filter, self.sort, self.dir)
    }

    /// Drops a section filter that names no section of `report` (a stale or hand-edited link):
    /// otherwise the table would be empty with no visible reason, as the section menu cannot show
    /// the unknown choice.
    pub fn forget_unknown_section(&mut self, report: &Report) {
        if let Some(id) = &self.filter.section {
            if !report.sections_flat().iter().any(|s| &s.id == id) {
                self.filter.section = None;
            }
        }
    }
}

/// A search query from a URL: no control characters, trimmed, at most `MAX_QUERY_CHARS`.
fn clean_query(raw: &str) -> String {
    let kept: String = raw
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .chars()
        .take(MAX_QUERY_CHARS)
        .collect();
    kept.trim_end().to_string()
}

/// A status's URL token, its snake_case name in `report.json` ("unstated"). Also the end of
/// its CSS class (`status-unstated`), in the app and the static page alike.
pub fn status_token(s: Status) -> &'static str {
    match s {
        Status::Exceeded => "exceeded",
        Status::Met => "met",
        Status::Lagging => "lagging",
        Status::Unstated => "unstated",
    }
}

/// The status for a URL token (ASCII case ignored); `None` for anything else. Links made
/// before schema 2.0 said `no_target` for what is now `unstated`.
pub fn status_from_token(token: &str) -> Option<Status> {
    let token = token.trim();
    if token.eq_ignore_ascii_case("no_target") {
        return Some(Status::Unstated);
    }
    Status::ALL
        .into_iter()
        .find(|s| status_token(*s).eq_ignore_ascii_case(token))
}

/// An indicator kind's URL token, its snake_case name in `report.json` ("share").
pub fn kind_token(k: IndicatorKind) -> &'static str {
    match k {
        IndicatorKind::Level => "level",
        IndicatorKind::Share => "share",
        IndicatorKind::Change => "change",
        IndicatorKind::Completion => "completion",
        IndicatorKind::Rank => "rank",
        IndicatorKind::Qualitative => "qualitative",
    }
}

/// The kind for a URL token (ASCII case ignored); `None` for anything else. Links made before
/// schema 2.0 said `quantity` and `rate` for what are now `level` and `share`.
pub fn kind_from_token(token: &str) -> Option<IndicatorKind> {
    let token = token.trim();
    let token = match token.to_ascii_lowercase().as_str() {
        "quantity" => "level",
        "rate" => "share",
        _ => token,
    };
    IndicatorKind::ALL
        .into_iter()
        .find(|k| kind_token(*k).eq_ignore_ascii_case(token))
}

/// Whether `s` is safe as an HTML id, a CSS selector and a URL fragment without escaping: the
/// rule `report-model` validates ids with (an ASCII letter, then ASCII letters, digits, '-' or
/// '_', at most 64 bytes).
pub(crate) fn is_safe_id(s: &str) -> bool {
    report_model::is_html_id(s)
}

/// The element id a deep link points at, from `location.hash` ("#i-0a1b2c3d4e" →
/// "i-0a1b2c3d4e"). The '#' is optional; the rest is percent-decoded. `None` unless the result
/// is a safe id (an ASCII letter, then letters, digits, `-` or `_`), so it can go straight into `getElementById` or a selector.
pub fn fragment_id(hash: &str) -> Option<String> {
    let raw = hash.strip_prefix('#').unwrap_or(hash);
    let decoded = percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .ok()?;
    is_safe_id(&decoded).then(|| decoded.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn the_default_state_is_the_empty_query() {
        assert_eq!(ViewState::default().to_query(), "");
        assert_eq!(ViewState::from_query(""), ViewState::default());
        assert_eq!(ViewState::from_query("?"), ViewState::default());
    }

    #[test]
    fn a_full_state_is_written_in_a_fixed_order() {
        let s = ViewState {
            filter: Filter {
                query: "绿".into(),
                section: Some("s-2".into()),
                status: Some(Status::Lagging),
                kind: Some(IndicatorKind::Share),
            },
            sort: SortKey::Completion,
            dir: SortDir::Desc,
        };
        let q = s.to_query();
        assert_eq!(
            q,
            "?q=%E7%BB%BF&section=s-2&status=lagging&kind=share&sort=completion&dir=desc"
        );
        assert_eq!(ViewState::from_query(&q), s);
        assert_eq!(ViewState::from_query(q.trim_start_matches('?')), s);
    }

    #[test]
    fn queries_are_trimmed_and_reserved_characters_survive() {
        let mut s = ViewState::default();
        s.filter.query = "  a&b=c+d %25 #x ?  ".into();
        let q = s.to_query();
        assert_eq!(ViewState::from_query(&q).filter.query, "a&b=c+d %25 #x ?");
        s.filter.query = " \u{3000} ".into();
        assert_eq!(s.to_query(), "");
    }

    #[test]
    fn hostile_queries_are_ignored_or_bounded() {
        let long = format!("?q={}", "绿".repeat(10_000));
        assert_eq!(
            ViewState::from_query(&long).filter.query.chars().count(),
            MAX_QUERY_CHARS
        );
        let cases = [
            "%",
            "%%%",
            "?q=%FF%FE%",
            "q",
            "=&&==&",
            "??q=x",
            "?section=%3Cscript%3E&status=LAGGING&kind=nope&sort=%00&dir=up",
            "?section=s-2%22onmouseover%3D&sort=value;drop",
            "?q=%E7%BB&q=second",
            "?q=a%00b%0Ac",
            "?section=1abc&section=s-3",
            "?dir=desc&dir=asc&sort=name&sort=value",
        ];
        let got: Vec<ViewState> = cases.iter().map(|c| ViewState::from_query(c)).collect();
        assert_eq!(got[0], ViewState::default());
        assert_eq!(got[1], ViewState::default());
        assert_eq!(got[2].filter.query, "\u{FFFD}\u{FFFD}%");
        assert_eq!(got[4], ViewState::default());
        assert_eq!(got[5], ViewState::default());
        assert_eq!(got[6].filter.section, None);
        assert_eq!(got[6].filter.status, Some(Status::Lagging));
        assert_eq!(got[6].filter.kind, None);
        assert_eq!(got[6].sort, SortKey::Published);
        assert_eq!(got[6].dir, SortDir::Asc);
        assert_eq!(got[7].filter.section, None);
        assert_eq!(got[7].sort, SortKey::Published);
        assert_eq!(got[8].filter.query, "\u{FFFD}");
        assert_eq!(got[9].filter.query, "abc");
        // The first *usable* value wins.
        assert_eq!(got[10].filter.section.as_deref(), Some("s-3"));
        assert_eq!((got[11].sort, got[11].dir), (SortKey::Name, SortDir::Desc));
    }

    #[test]
    fn random_garbage_never_panics() {
        let mut rng = Rng(7);
        let alphabet: Vec<char> =
            "?&=%+#;qsectionstatuskindsortdir0123456789abcdefABCDEF-_绿\u{0}\u{FFFF}é "
                .chars()
                .collect();
        for _ in 0..5_000 {
            let len = rng.below(60) as usize;
            let s: String = (0..len)
                .map(|_| alphabet[rng.below(alphabet.len() as u64) as usize])
                .collect();
            let state = ViewState::from_query(&s);
            // Whatever was read writes back and reads again the same.
            assert_eq!(ViewState::from_query(&state.to_query()), state, "{s:?}");
            let _ = fragment_id(&s);
        }
    }

    struct Rng(u64);
    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n.max(1)
        }
    }

    fn random_state(rng: &mut Rng) -> ViewState {
        const PIECES: [&str; 14] = [
            "绿",
            "化",
            "95.56%",
            "９５％",
            "a",
            "B",
            "&",
            "=",
            "+",
            "%",
            "#",
            "?",
            " ",
            "😀",
        ];
        let mut query = String::new();
        for _ in 0..rng.below(12) {
            query.push_str(PIECES[rng.below(PIECES.len() as u64) as usize]);
        }
        let query = query.trim().to_string();
        let sections = ["s-1", "s-2-1", "s-10-3-2", "a", "Z_9-x"];
        let statuses = Status::ALL;
        let kinds = IndicatorKind::ALL;
        let pick = |rng: &mut Rng, n: usize| -> Option<usize> {
            let k = rng.below(n as u64 + 1) as usize;
            (k < n).then_some(k)
        };
        ViewState {
            filter: Filter {
                query,
                section: pick(rng, sections.len()).map(|i| sections[i].to_string()),
                status: pick(rng, statuses.len()).map(|i| statuses[i]),
                kind: pick(rng, kinds.len()).map(|i| kinds[i]),
            },
            sort: SortKey::ALL[rng.below(SortKey::ALL.len() as u64) as usize],
            dir: if rng.below(2) == 0 {
                SortDir::Asc
            } else {
                SortDir::Desc
            },
        }
    }

    #[test]
    fn states_round_trip_through_the_url() {
        let mut rng = Rng(0x1234_5678_9abc_def1);
        for _ in 0..5_000 {
            let s = random_state(&mut rng);
            let q = s.to_query();
            assert_eq!(ViewState::from_query(&q), s, "{q}");
            assert_eq!(q.is_empty(), s == ViewState::default());
            assert!(q.is_ascii(), "{q}");
        }
    }

    #[test]
    fn unknown_sections_can_be_forgotten() {
        let report = fixture::report();
        let mut s = ViewState::from_query("?section=s-9&status=met");
        s.forget_unknown_section(&report);
        assert_eq!(s.filter.section, None);
        assert_eq!(s.filter.status, Some(Status::Met));
        let mut s = ViewState::from_query("?section=s-2-1");
        s.forget_unknown_section(&report);
        assert_eq!(s.filter.section.as_deref(), Some("s-2-1"));
        assert_eq!(s.visible_rows(&crate::rows(&report)).len(), 8);
    }

    #[test]
    fn fragments_are_decoded_and_checked() {
        assert_eq!(
            fragment_id("#i-0a1b2c3d4e").as_deref(),
            Some("i-0a1b2c3d4e")
        );
        assert_eq!(fragment_id("i-0a1b").as_deref(), Some("i-0a1b"));
        assert_eq!(fragment_id("#%69-x").as_deref(), Some("i-x"));
        assert_eq!(fragment_id("#"), None);
        assert_eq!(fragment_id(""), None);
        assert_eq!(fragment_id("#1abc"), None);
        assert_eq!(fragment_id("#i-x%22%3E%3Cimg"), None);
        assert_eq!(fragment_id("#%E7%BB%BF"), None);
        assert_eq!(fragment_id("#%FF"), None);
        assert_eq!(fragment_id("#%"), None);
        assert_eq!(
            fragment_id(&format!("#a{}", "b".repeat(63))).map(|s| s.len()),
            Some(64)
        );
        assert_eq!(fragment_id(&format!("#a{}", "b".repeat(64))), None);
        assert_eq!(fragment_id("#i x"), None);
    }

    #[test]
    fn tokens_round_trip() {
        for s in Status::ALL {
            assert_eq!(status_from_token(status_token(s)), Some(s));
        }
        assert_eq!(status_token(Status::Unstated), "unstated");
        assert_eq!(status_from_token("no_target"), Some(Status::Unstated));
        for k in IndicatorKind::ALL {
            assert_eq!(kind_from_token(kind_token(k)), Some(k));
        }
        assert_eq!(kind_from_token("Rate"), Some(IndicatorKind::Share));
        assert_eq!(kind_from_token("quantity"), Some(IndicatorKind::Level));
        assert_eq!(kind_from_token("rates"), None);
    }
}
