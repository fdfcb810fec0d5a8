//! Filtering the indicator table (the sort orders are in `sort`).
//!
//! Rows are never copied or reordered: [`visible_rows`] returns indices into the row list, so the
//! page re-renders only what changed and the published order stays available as "index order".

use report_model::{IndicatorKind, Status};

use crate::char_set::CharSet;
use crate::normalize::query_terms;
use crate::rows::IndicatorRow;
use crate::sort::{sort_rows, SortDir, SortKey};

/// What the reader has narrowed the table to. The default filter shows everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Search text as typed. Every whitespace-separated term must occur in a row's
    /// [`search_text`](IndicatorRow::search_text), after the search normalization (full-width
    /// to half-width, case and space folding) on both sides.
    pub query: String,
    /// A section id: rows in that section *or any of its sub-sections* match (by id prefix: "s-2"
    /// holds "s-2-1", not "s-21").
    pub section: Option<String>,
    /// Only rows of this status.
    pub status: Option<Status>,
    /// Only rows of this kind.
    pub kind: Option<IndicatorKind>,
}

impl Filter {
    /// Whether this filter lets every row through.
    pub fn is_empty(&self) -> bool {
        self.query.trim().is_empty()
            && self.section.is_none()
            && self.status.is_none()
            && self.kind.is_none()
    }

    /// Whether `row` passes the filter. For many rows use [`visible_rows`], which normalizes the
    /// query once instead of once per row.
    pub fn matches(&self, row: &IndicatorRow) -> bool {
        Matcher::new(self).matches(row)
    }
}

/// A filter with its query already split and normalized.
struct Matcher<'a> {
    filter: &'a Filter,
    /// Each normalized term with its character set, for the quick pre-check.
    terms: Vec<(String, CharSet)>,
}

impl<'a> Matcher<'a> {
    fn new(filter: &'a Filter) -> Self {
        Matcher {
            filter,
            terms: query_terms(&filter.query)
                .into_iter()
                .map(|t| {
                    let set = CharSet::of(&t);
                    (t, set)
                })
                .collect(),
        }
    }

    fn matches(&self, row: &IndicatorRow) -> bool {
        let f = self.filter;
        // Cheap equality checks first; the substring search last.
        f.status.is_none_or(|s| row.status == s)
            && f.kind.is_none_or(|k| row.kind == k)
            && f.section
                .as_deref()
                .is_none_or(|s| section_contains(s, &row.section_id))
            && self
                .terms
                .iter()
                .all(|(t, set)| row.may_contain(set) && row.search_text().contains(t.as_str()))
    }
}

impl Matcher<'_> {
    /// Whether every query term is in the row's name; false without a query.
    fn in_name(&self, row: &IndicatorRow) -> bool {
        !self.terms.is_empty()
            && self
                .terms
                .iter()
                .all(|(t, _)| row.search_name().contains(t.as_str()))
    }
}

/// Whether section `id` is `section` or one of its descendants, by id prefix: "s-2" contains
/// "s-2" and "s-2-1" but not "s-21". This relies on the converter's hierarchical section ids
/// (a child's id is its parent's id plus "-n"), which is also what makes ids stable.
pub(crate) fn section_contains(section: &str, id: &str) -> bool {
    match id.strip_prefix(section) {
        Some(rest) => rest.is_empty() || rest.starts_with('-'),
        None => false,
    }
}

/// Indices of the rows that pass `filter`, sorted by `key` in `dir`.
///
/// * Figures sort as numbers (never as strings).
/// * Rows lacking the key (no value, no target, …) come last in **both** directions, in
///   published order: flipping the direction should not bring the blanks to the top.
/// * Ties keep published order, in both directions.
/// * `Published` descending is the report's order reversed.
///
/// `rows` must be (a slice of) one list returned by [`crate::rows()`], unmodified: sorting by
/// name uses the name ranks computed there.
pub fn visible_rows(
    rows: &[IndicatorRow],
    filter: &Filter,
    key: SortKey,
    dir: SortDir,
) -> Vec<usize> {
    let matcher = Matcher::new(filter);
    let matched = rows.iter().enumerate().filter(|(_, r)| matcher.matches(r));
    // A search lists the rows whose name matches first when in published order.
    sort_rows(matched, key, dir, |r| matcher.in_name(r))
}

/// The kinds the kind filter offers, in [`IndicatorKind::ALL`] order, each with how many of
/// `rows` it gives: only kinds some row has, plus `selected` (the filter in force, e.g. from a
/// link) so that the menu can show it even when it gives nothing.
pub fn kind_options(
    rows: &[IndicatorRow],
    selected: Option<IndicatorKind>,
) -> Vec<(IndicatorKind, usize)> {
    IndicatorKind::ALL
        .into_iter()
        .map(|k| (k, rows.iter().filter(|r| r.kind == k).count()))
        .filter(|&(k, n)| n > 0 || selected == Some(k))
        .collect()
}

/// The statuses the status filter offers, like [`kind_options`]: in [`Status::ALL`] order,
/// with their row counts, none that no row has (unless `selected`).
pub fn status_options(rows: &[IndicatorRow], selected: Option<Status>) -> Vec<(Status, usize)> {
    Status::ALL
        .into_iter()
        .map(|s| (s, rows.iter().filter(|r| r.status == s).count()))
        .filter(|&(s, n)| n > 0 || selected == Some(s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::{self, ind, m, section, value};
    use crate::rows::rows;
    use crate::sort::status_rank;
    use report_model::{Direction, Report, TargetCompletion};
    use std::cmp::Ordering;

    fn ids(rows: &[IndicatorRow], idx: &[usize]) -> Vec<String> {
        idx.iter().map(|&i| rows[i].id.clone()).collect()
    }

    fn fixture_rows() -> Vec<IndicatorRow> {
        rows(&fixture::report())
    }

    fn query(q: &str) -> Filter {
        Filter {
            query: q.into(),
            ..Filter::default()
        }
    }

    #[test]
    fn a_full_width_query_finds_the_published_figure() {
        let rows = fixture_rows();
        let hits = visible_rows(
            &rows,
            &query("９５．５６％"),
            SortKey::Published,
            SortDir::Asc,
        );
        let hit_ids = ids(&rows, &hits);
        assert!(hit_ids.contains(&"i-rate".to_string()), "{hit_ids:?}");
        assert!(rows
            .iter()
            .find(|r| r.id == "i-rate")
            .is_some_and(|r| r.sentence.contains("完成率95.56%")));
        assert!(!hit_ids.contains(&"i-trees".to_string()));
    }

    #[test]
    fn every_query_term_must_match() {
        let rows = fixture_rows();
        let f = query("减排　２０１．２８");
        let hits = visible_rows(&rows, &f, SortKey::Published, SortDir::Asc);
        // Both indicators share the sentence; the terms need not be adjacent.
        assert_eq!(ids(&rows, &hits), vec!["i-cod", "i-nh3"]);
        assert!(visible_rows(
            &rows,
            &query("减排 不存在"),
            SortKey::Published,
            SortDir::Asc
        )
        .is_empty());
        // A blank query shows everything.
        assert_eq!(
            visible_rows(&rows, &query(" \u{3000}"), SortKey::Published, SortDir::Asc).len(),
            rows.len()
        );
        // The section heading is searched too.
        let hits = visible_rows(&rows, &query("高效率"), SortKey::Published, SortDir::Asc);
        assert_eq!(ids(&rows, &hits), vec!["i-waste", "i-roads"]);
    }

    #[test]
    fn a_search_lists_name_matches_before_sentence_matches() {
        let rows = fixture_rows();
        let hits = visible_rows(&rows, &query("完成率"), SortKey::Published, SortDir::Asc);
        let names: Vec<&str> = hits.iter().map(|&i| rows[i].name.as_str()).collect();
        let first_text_only = names
            .iter()
            .position(|n| !n.contains("完成率"))
            .unwrap_or(names.len());
        assert!(
            names[first_text_only..]
                .iter()
                .all(|n| !n.contains("完成率")),
            "{names:?}"
        );
        assert!(first_text_only > 0, "{names:?}");
        // Without a query, and reversed, the order is the report's own.
        let all = visible_rows(&rows, &query(""), SortKey::Published, SortDir::Asc);
        assert!(all.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn section_filter_uses_id_prefixes_with_a_dash() {
        assert!(section_contains("s-2", "s-2"));
        assert!(section_contains("s-2", "s-2-1"));
        assert!(section_contains("s-2", "s-2-1-3"));
        assert!(!section_contains("s-2", "s-21"));
        assert!(!section_contains("s-2-1", "s-2"));
        assert!(!section_contains("s-2", "s-"));

        let mut report = fixture::report();
        let mut s21 = section("s-21", 1, "二十一", "另一章");
        s21.indicators
            .push(ind("i-other", "其他", IndicatorKind::Qualitative, "另一章"));
        report.sections.push(s21);
        let rows = rows(&report);
        let f = Filter {
            section: Some("s-2".into()),
            ..Filter::default()
        };
        let hits = ids(
            &rows,
            &visible_rows(&rows, &f, SortKey::Published, SortDir::Asc),
        );
        assert_eq!(hits.len(), 10);
        assert!(!hits.contains(&"i-other".to_string()));
        assert!(hits.contains(&"i-roads".to_string()));
    }

    #[test]
    fn filter_options_carry_counts_and_leave_out_empty_ones() {
        let rows = fixture_rows();
        let kinds = kind_options(&rows, None);
        assert_eq!(
            kinds,
            [
                (IndicatorKind::Level, 6),
                (IndicatorKind::Share, 4),
                (IndicatorKind::Completion, 5),
                (IndicatorKind::Qualitative, 2),
            ]
        );
        // Every count is what the filter then gives.
        for (k, n) in &kinds {
            let f = Filter {
                kind: Some(*k),
                ..Filter::default()
            };
            assert_eq!(
                visible_rows(&rows, &f, SortKey::Published, SortDir::Asc).len(),
                *n
            );
        }
        assert_eq!(kinds.iter().map(|(_, n)| n).sum::<usize>(), rows.len());
        // A kind no row has is offered only while a link selects it.
        let with_rank = kind_options(&rows, Some(IndicatorKind::Rank));
        assert!(with_rank.contains(&(IndicatorKind::Rank, 0)));
        assert_eq!(with_rank.len(), 5);

        let statuses = status_options(&rows, None);
        assert_eq!(
            statuses,
            [
                (Status::Exceeded, 5),
                (Status::Met, 1),
                (Status::Lagging, 3),
                (Status::Unstated, 8),
            ]
        );
        for (st, n) in &statuses {
            let f = Filter {
                status: Some(*st),
                ..Filter::default()
            };
            assert_eq!(
                visible_rows(&rows, &f, SortKey::Published, SortDir::Asc).len(),
                *n
            );
        }
        let mut none_met = rows.clone();
        none_met.retain(|r| r.status != Status::Met);
        assert!(status_options(&none_met, None)
            .iter()
            .all(|(s, _)| *s != Status::Met));
    }

    #[test]
    fn status_and_kind_filters_combine() {
        let rows = fixture_rows();
        let f = Filter {
            status: Some(Status::Lagging),
            ..Filter::default()
        };
        let hits = visible_rows(&rows, &f, SortKey::Published, SortDir::Asc);
        assert_eq!(ids(&rows, &hits), vec!["i-lagging", "i-consume", "i-dust"]);
        let f = Filter {
            status: Some(Status::Exceeded),
            kind: Some(IndicatorKind::Completion),
            section: Some("s-2-1".into()),
            query: String::new(),
        };
        assert!(!f.is_empty());
        let hits = visible_rows(&rows, &f, SortKey::Published, SortDir::Asc);
        assert_eq!(
            ids(&rows, &hits),
            vec!["i-trees", "i-cod", "i-nh3", "i-jobs"]
        );
        assert!(hits.iter().all(|&i| f.matches(&rows[i])));
    }

    #[test]
    fn numbers_sort_as_numbers_and_blanks_stay_last() {
        let rows = fixture_rows();
        let all = Filter::default();
        let desc = ids(
            &rows,
            &visible_rows(&rows, &all, SortKey::Completion, SortDir::Desc),
        );
        assert_eq!(
            &desc[..6],
            ["i-nh3", "i-cod", "i-jobs", "i-trees", "i-roads", "i-tasks"]
        );
        let asc = ids(
            &rows,
            &visible_rows(&rows, &all, SortKey::Completion, SortDir::Asc),
        );
        assert_eq!(
            &asc[..5],
            ["i-roads", "i-trees", "i-jobs", "i-cod", "i-nh3"]
        );
        // Blanks in published order after the keyed rows, in both directions; the share of
        // tasks done ("完成率95.56%") is not a completion and has no key.
        assert_eq!(asc[5..], desc[5..]);
        assert_eq!(asc[5], "i-tasks");
        assert!(asc[5..].contains(&"i-rate".to_string()));

        // "8.6万" is 86000: larger than 37814 although "8" < "3" is false and "8.6" < "37814".
        let by_value = ids(
            &rows,
            &visible_rows(&rows, &all, SortKey::Value, SortDir::Desc),
        );
        assert_eq!(&by_value[..2], ["i-posts", "i-trees"]);
        assert_eq!(&by_value[by_value.len() - 2..], ["i-consume", "i-dust"]);

        let by_change = ids(
            &rows,
            &visible_rows(&rows, &all, SortKey::Change, SortDir::Asc),
        );
        assert_eq!(&by_change[..2], ["i-pm25", "i-forest"]);
    }

    #[test]
    fn status_sorts_worst_first_and_published_reverses() {
        let rows = fixture_rows();
        let all = Filter::default();
        let by_status = ids(
            &rows,
            &visible_rows(&rows, &all, SortKey::Status, SortDir::Asc),
        );
        assert_eq!(
            &by_status[..4],
            ["i-lagging", "i-consume", "i-dust", "i-waste"]
        );
        assert_eq!(by_status.last().map(String::as_str), Some("i-posts"));
        let published = visible_rows(&rows, &all, SortKey::Published, SortDir::Asc);
        let mut reversed = visible_rows(&rows, &all, SortKey::Published, SortDir::Desc);
        reversed.reverse();
        assert_eq!(published, reversed);
        assert_eq!(published, (0..rows.len()).collect::<Vec<_>>());
    }

    /// A small deterministic generator (xorshift64*), so the test needs no crate.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    /// 100 sections × 100 indicators with random names, values, targets and changes; some of
    /// each missing, many ties.
    fn synthetic_report(rng: &mut Rng) -> Report {
        const FILLER: &str = "深入落实国家森林城市创建指标体系,建设小微绿地、城市公园13处,面积3087.2亩,群众“出门见绿、起步闻香”的绿色生活体验不断增强。";
        const NAMES: [&str; 8] = [
            "绿化",
            "就业",
            "减排",
            "道路",
            "垃圾",
            "营商",
            "Ａpp",
            "完成率",
        ];
        let mut report = fixture::report();
        report.sections.clear();
        for s in 0..100 {
            let sid = format!("s-{}", s + 1);
            let mut sec = section(&sid, 1, &(s + 1).to_string(), &format!("第{s}章"));
            for j in 0..100 {
                let name = format!("{}{}", NAMES[rng.below(8) as usize], rng.below(50));
                // Real sentences run to 100+ chars; search time depends on it.
                let sentence = format!("{name}达到{j}。{FILLER}");
                let kind = [
                    IndicatorKind::Level,
                    IndicatorKind::Share,
                    IndicatorKind::Completion,
                ][rng.below(3) as usize];
                let mut i = ind(&format!("i-{s}-{j}"), &name, kind, &sentence);
                i.section_id = sid.clone();
                if rng.below(10) > 0 {
                    let n = rng.below(200) as f64 / 4.0 - 10.0;
                    i = value(i, m(&n.to_string(), n, "%"));
                }
                if rng.below(3) == 0 {
                    let p = rng.below(300) as f64 / 2.0;
                    i.target = Some(TargetCompletion {
                        raw: format!("完成{p}%"),
                        percent: m(&p.to_string(), p, "%"),
                        done: None,
                        total: None,
                    });
                    i.status = if p > 100.0 {
                        Status::Exceeded
                    } else if p == 100.0 {
                        Status::Met
                    } else {
                        Status::Lagging
                    };
                }
                if rng.below(4) == 0 {
                    let a = rng.below(20) as f64;
                    let dir = if rng.below(2) == 0 {
                        Direction::Up
                    } else {
                        Direction::Down
                    };
                    i.change = Some(report_model::Change {
                        raw: format!("同比变化{a}%"),
                        basis: "同比".into(),
                        direction: dir,
                        amount: m(&a.to_string(), a, "%"),
                    });
                }
                if rng.below(5) == 0 {
                    i.baseline = Some(m("1", rng.below(10) as f64, "%"));
                }
                let (pid, text) = (format!("p-{s}-{j}"), sentence.clone());
                sec.paragraphs
                    .push(fixture::paragraph(&sid, &pid, &text, vec![i]));
            }
            report.sections.push(sec);
        }
        report
    }

    /// The key of a row as the reference sees it.
    fn reference_key(r: &IndicatorRow, key: SortKey, index: usize) -> Option<f64> {
        match key {
            SortKey::Published => Some(index as f64),
            SortKey::Name => None, // checked separately
            SortKey::Section => Some(r.section_index as f64),
            SortKey::Value => r.value_number,
            SortKey::Baseline => r.baseline_number,
            SortKey::Change => r.change.as_ref().and_then(|c| c.signed_number),
            SortKey::Completion => r.completion,
            SortKey::Status => status_rank(r.status).map(f64::from),
        }
    }

    #[test]
    fn ten_thousand_rows_filter_and_sort_correctly() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let report = synthetic_report(&mut rng);
        let rows = rows(&report);
        assert_eq!(rows.len(), 10_000);
        let filters = [
            Filter::default(),
            query("绿化"),
            query("ａｐｐ 达到"),
            Filter {
                section: Some("s-1".into()),
                ..Filter::default()
            },
            Filter {
                status: Some(Status::Lagging),
                kind: Some(IndicatorKind::Share),
                ..Filter::default()
            },
        ];
        for filter in &filters {
            let expected: Vec<usize> = (0..rows.len())
                .filter(|&i| filter.matches(&rows[i]))
                .collect();
            if let Some(s) = &filter.section {
                // Prefix semantics: "s-1" is s-1 only, not s-10..s-19 nor s-100.
                assert_eq!(s, "s-1");
                assert_eq!(expected.len(), 100);
            }
            for key in SortKey::ALL {
                for dir in [SortDir::Asc, SortDir::Desc] {
                    let got = visible_rows(&rows, filter, key, dir);
                    let mut sorted = got.clone();
                    sorted.sort_unstable();
                    assert_eq!(
                        sorted, expected,
                        "{key:?} {dir:?} must be a permutation of the matches"
                    );
                    check_order(&rows, &got, key, dir);
                }
            }
        }
    }

    /// Not a pass/fail test (timing depends on the machine): run with
    /// `cargo test -p page-logic --release -- --ignored --nocapture timing` to see how long a
    /// filter + sort of 10,000 rows takes. The budget is well under 5 ms.
    #[test]
    #[ignore]
    fn timing_of_ten_thousand_rows() {
        let report = synthetic_report(&mut Rng(42));
        let rows = rows(&report);
        let cases = [
            (Filter::default(), SortKey::Published),
            (query("绿化 达到"), SortKey::Published),
            (query("绿化 达到"), SortKey::Completion),
            (Filter::default(), SortKey::Name),
            (Filter::default(), SortKey::Value),
            (query("完成率"), SortKey::Status),
            // Worst case: both characters occur in every row, the term in none, so the
            // character-set pre-check passes and every text is scanned.
            (query("色绿"), SortKey::Value),
        ];
        for (filter, key) in cases {
            let mut times: Vec<std::time::Duration> = (0..21)
                .map(|_| {
                    let t = std::time::Instant::now();
                    let v = visible_rows(&rows, &filter, key, SortDir::Desc);
                    std::hint::black_box(v);
                    t.elapsed()
                })
                .collect();
            times.sort_unstable();
            println!("{:?} {key:?}: median {:?}", filter.query, times[10]);
        }
    }

    fn check_order(rows: &[IndicatorRow], got: &[usize], key: SortKey, dir: SortDir) {
        let has_key = |i: usize| match key {
            SortKey::Name => !rows[i].name.trim().is_empty(),
            _ => reference_key(&rows[i], key, i).is_some(),
        };
        let first_missing = got.iter().position(|&i| !has_key(i)).unwrap_or(got.len());
        assert!(
            got[first_missing..].iter().all(|&i| !has_key(i)),
            "{key:?}: blanks are last"
        );
        assert!(
            got[first_missing..].windows(2).all(|w| w[0] < w[1]),
            "{key:?}: blanks in published order"
        );
        for w in got[..first_missing].windows(2) {
            let (a, b) = (w[0], w[1]);
            let ord = match key {
                SortKey::Name => rows[a].name.cmp(&rows[b].name),
                _ => {
                    let ka = reference_key(&rows[a], key, a).unwrap_or(f64::NAN);
                    let kb = reference_key(&rows[b], key, b).unwrap_or(f64::NAN);
                    ka.partial_cmp(&kb).unwrap_or(Ordering::Equal)
                }
            };
            let ord = if dir == SortDir::Desc {
                ord.reverse()
            } else {
                ord
            };
            match ord {
                Ordering::Less => {}
                Ordering::Equal => assert!(
                    a < b || key == SortKey::Published,
                    "{key:?} {dir:?}: ties keep published order"
                ),
                Ordering::Greater => panic!("{key:?} {dir:?}: rows {a} and {b} out of order"),
            }
        }
    }
}
