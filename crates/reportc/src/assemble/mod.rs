//! Segmented text → `Report`: the section tree with ids, paragraphs with their lead sentences, indicators
//! with ids and sources, and the summary.

use report_model::{
    Indicator, IndicatorKind, Meta, Paragraph, Report, Section, SourceRef, Status, SCHEMA_VERSION,
};

use crate::figures::{self, Context, Extracted};
use crate::ids::{indicator_key, indicator_key_from_parts, sentence_key, IdSet, KeySet};
use crate::numbers::{is_cjk, is_digit, string_of};
use crate::segment::{year_of_title, Block, Segmented};
use crate::sentences;

mod lead;
mod summary;

use crate::{ConvertOptions, Error};
use lead::lead_sentence;
use summary::{summary, Noted, SummaryNotes, SUMMARY_KEYS};

/// Longest paragraph kept whole, in chars (real paragraphs of the genre are under 2000).
pub const MAX_PARAGRAPH: usize = 4000;

/// Title used when the text has none and the caller gave no fallback.
pub const UNTITLED: &str = "未命名报告";

struct Node {
    section: Section,
    parent: Option<usize>,
    /// The numbering path ("2-1"), for child ids.
    path: String,
    /// Under a heading such as 总体情况 (the summary's source).
    in_keyword: bool,
    /// The first section or under it (the summary's source when no heading says 总体情况).
    in_first: bool,
}

struct Builder {
    nodes: Vec<Node>,
    stack: Vec<usize>,
    ids: KeySet,
    section_ids: IdSet,
    /// The indicators the summary may be read from.
    notes: SummaryNotes,
    ctx: Context,
    warnings: Vec<String>,
    cut_sentences: usize,
    split_paragraphs: usize,
    /// Reused char buffer for paragraphs.
    buf: Vec<char>,
    /// Byte offset in the paragraph of each char of `buf`, and the paragraph's length.
    offsets: Vec<usize>,
    /// Buffers reused by every sentence's extraction.
    scratch: figures::Scratch,
    /// Reused buffer for a paragraph's extracted figures.
    found: Vec<Extracted>,
    has_headings: bool,
}

fn to_u32(n: usize) -> Result<u32, Error> {
    u32::try_from(n)
        .map_err(|_| Error::Input("a paragraph is too long (over 4 billion characters)".into()))
}

/// The district a title names ("通州区2019年度…" → "通州区"), to drop from names.
fn districts(title: &str) -> Vec<String> {
    let head: String = title
        .chars()
        .take_while(|&c| is_cjk(c) && !is_digit(c))
        .collect();
    let mut out = Vec::new();
    for (i, c) in head.char_indices() {
        if matches!(c, '区' | '县' | '市' | '旗') {
            let name = head.get(..i + c.len_utf8()).unwrap_or("");
            let n = name.chars().count();
            if (2..=10).contains(&n) {
                out.push(name.to_string());
                // "北京市通州区" → also "通州区".
                if let Some(p) = name.find(['省', '市']) {
                    let tail = name.get(p + 3..).unwrap_or("");
                    if tail.chars().count() >= 2 {
                        out.push(tail.to_string());
                    }
                }
            }
        }
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    out.dedup();
    out
}

impl Builder {
    fn summary_candidate(&self, node: usize) -> bool {
        self.nodes
            .get(node)
            .is_some_and(|n| n.in_keyword || n.in_first)
    }

    fn new_section(
        &mut self,
        level: u8,
        number: String,
        value: Option<u32>,
        title: String,
    ) -> Result<usize, Error> {
        while let Some(&top) = self.stack.last() {
            if self
                .nodes
                .get(top)
                .is_some_and(|n| n.section.level >= level)
            {
                self.stack.pop();
            } else {
                break;
            }
        }
        let parent = self.stack.last().copied();
        let parent_path = parent
            .and_then(|p| self.nodes.get(p))
            .map(|n| n.path.clone());
        let own = value.map_or_else(|| "0".to_string(), |v| v.to_string());
        let path = match parent_path {
            Some(p) => format!("{p}-{own}"),
            None => own,
        };
        let id = self.section_ids.claim_with(&format!("s-{path}"), '_');
        let path = id.trim_start_matches("s-").to_string();
        let mut section = Section {
            id: id.clone(),
            level,
            number,
            title: title.clone(),
            paragraphs: Vec::new(),
            children: Vec::new(),
            indicators: Vec::new(),
        };
        // Indicators of the heading itself ("1.总消费增速进展相对滞后").
        let chars: Vec<char> = title.chars().collect();
        let title_len = to_u32(chars.len())?;
        let (found, w) = figures::extract(&chars, &self.ctx, false);
        self.warnings.extend(w);
        let idx = self.nodes.len();
        let parent_node = parent.and_then(|p| self.nodes.get(p));
        let in_keyword = SUMMARY_KEYS.iter().any(|k| title.contains(k))
            || parent_node.is_some_and(|p| p.in_keyword);
        let in_first = idx == 0 || parent_node.is_some_and(|p| p.in_first);
        // The node goes in first so that the heading's indicators can see its flags.
        self.nodes.push(Node {
            section: Section {
                id: String::new(),
                level,
                number: String::new(),
                title: String::new(),
                paragraphs: Vec::new(),
                children: Vec::new(),
                indicators: Vec::new(),
            },
            parent,
            path: String::new(),
            in_keyword,
            in_first,
        });
        let mut inds = Vec::new();
        if found.is_empty() && figures::mentions_lagging(&chars) {
            inds.push(self.qualitative(&title, &id, None, 0, title_len, idx, &title));
        } else {
            let skey = sentence_key(&title);
            let mut occs = Vec::with_capacity(found.len());
            occurrences(&found, &mut occs);
            for (ex, occ) in found.into_iter().zip(occs) {
                inds.push(self.indicator(ex, skey, occ, &id, None, 0, title_len, idx));
            }
        }
        section.indicators = inds;
        if let Some(n) = self.nodes.get_mut(idx) {
            n.section = section;
            n.path = path;
        }
        self.stack.push(idx);
        Ok(idx)
    }

    #[allow(clippy::too_many_arguments)]
    fn qualitative(
        &mut self,
        name_from: &str,
        section_id: &str,
        paragraph_id: Option<&str>,
        start: u32,
        end: u32,
        node: usize,
        sentence: &str,
    ) -> Indicator {
        let id = self.ids.claim(indicator_key(sentence, "", 0));
        let name = figures::lagging_name(name_from);
        let chars: Vec<char> = sentence.chars().collect();
        let basis = figures::stated(&chars).map_or_else(|| "滞后".to_string(), |(_, b)| b);
        if self.summary_candidate(node) {
            self.notes.note(Noted {
                node,
                id: id.clone(),
                ex: Extracted {
                    status: Status::Lagging,
                    status_basis: Some(basis.clone()),
                    ..Extracted::figure(name.clone(), IndicatorKind::Qualitative, None, (0, 0))
                },
            });
        }
        Indicator {
            id,
            name,
            section_id: section_id.to_string(),
            kind: IndicatorKind::Qualitative,
            value: None,
            baseline: None,
            change: None,
            target: None,
            goal: None,
            status: Status::Lagging,
            status_basis: Some(basis),
            category: None,
            source: SourceRef {
                paragraph_id: paragraph_id.map(str::to_string),
                start,
                end,
            },
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn indicator(
        &mut self,
        ex: Extracted,
        sentence_key: u64,
        occurrence: usize,
        section_id: &str,
        paragraph_id: Option<&str>,
        start: u32,
        end: u32,
        node: usize,
    ) -> Indicator {
        let (raw, unit) = ex.figure_text();
        let id = self.ids.claim(indicator_key_from_parts(
            sentence_key,
            raw,
            unit,
            occurrence,
        ));
        if self.summary_candidate(node) && self.notes.wants(&ex) {
            self.notes.note(Noted {
                node,
                id: id.clone(),
                ex: ex.clone(),
            });
        }
        Indicator {
            id,
            name: ex.name,
            section_id: section_id.to_string(),
            kind: ex.kind,
            value: ex.value,
            baseline: ex.baseline,
            change: ex.change,
            target: ex.target,
            goal: ex.goal,
            status: ex.status,
            status_basis: ex.status_basis,
            category: None,
            source: SourceRef {
                paragraph_id: paragraph_id.map(str::to_string),
                start,
                end,
            },
        }
    }

    /// Adds a paragraph; one longer than [`MAX_PARAGRAPH`] chars (a page without line
    /// breaks) is split at sentence ends into several.
    fn paragraph(&mut self, text: String, last_of_truncated: bool) -> Result<(), Error> {
        if text.len() <= MAX_PARAGRAPH || text.chars().count() <= MAX_PARAGRAPH {
            return self.one_paragraph(text, last_of_truncated);
        }
        let chars: Vec<char> = text.chars().collect();
        let (spans, _) = sentences::split(&chars);
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        for (s, e) in spans {
            match pieces.last_mut() {
                Some(last) if e - last.0 <= MAX_PARAGRAPH => last.1 = e,
                _ => pieces.push((s, e)),
            }
        }
        self.split_paragraphs += 1;
        let count = pieces.len();
        for (k, (s, e)) in pieces.into_iter().enumerate() {
            let piece: String = string_of(chars.get(s..e).unwrap_or(&[]));
            self.one_paragraph(piece, last_of_truncated && k + 1 == count)?;
        }
        Ok(())
    }

    fn one_paragraph(&mut self, text: String, last_of_truncated: bool) -> Result<(), Error> {
        if self.stack.is_empty() {
            let title = if self.has_headings {
                "前言"
            } else {
                "正文"
            };
            self.new_section(1, String::new(), None, title.to_string())?;
        }
        let Some(&node) = self.stack.last() else {
            return Err(Error::Input("internal: no section for a paragraph".into()));
        };
        let (section_id, n) = match self.nodes.get(node) {
            Some(nd) => (nd.section.id.clone(), nd.section.paragraphs.len() + 1),
            None => return Err(Error::Input("internal: lost section".into())),
        };
        let pid = format!("p-{}-{n}", section_id.trim_start_matches("s-"));
        let lead = lead_sentence(&text);
        let mut lagging_lead = None;
        if let Some(h) = &lead {
            let hc: Vec<char> = h.chars().collect();
            if figures::mentions_lagging(&hc) {
                let end = to_u32(hc.len())?;
                lagging_lead = Some(self.qualitative(h, &section_id, Some(&pid), 0, end, node, h));
            }
        }
        // The paragraph's figures, all sentences in one reused buffer, so that the list of
        // indicators is allocated once at its final size (indicators are large: growing the
        // list sentence by sentence was a tenth of the conversion time).
        let mut found = std::mem::take(&mut self.found);
        found.clear();
        // Per sentence with figures: (end of its figures in `found`, sentence, start, end).
        let mut sentences_found: Vec<(usize, u64, u32, u32)> = Vec::new();
        // Most paragraphs of a long file have no figure at all: one byte scan decides.
        if may_have_figures(&text) {
            // One buffer for all paragraphs (taken out of `self` while `self` is borrowed).
            let mut chars = std::mem::take(&mut self.buf);
            let mut offsets = std::mem::take(&mut self.offsets);
            chars.clear();
            offsets.clear();
            for (b, c) in text.char_indices() {
                chars.push(c);
                offsets.push(b);
            }
            offsets.push(text.len());
            let (spans, cut) = sentences::split(&chars);
            self.cut_sentences += cut;
            let last_span = spans.len().saturating_sub(1);
            for (k, &(s, e)) in spans.iter().enumerate() {
                let sc = chars.get(s..e).unwrap_or(&[]);
                let before = found.len();
                figures::extract_into(
                    sc,
                    &self.ctx,
                    last_of_truncated && k == last_span,
                    &mut found,
                    &mut self.warnings,
                    &mut self.scratch,
                );
                if found.len() == before {
                    continue;
                }
                // The sentence is a slice of the paragraph: hashed in place for the ids.
                let (bs, be) = (offsets.get(s).copied(), offsets.get(e).copied());
                let skey = match bs.zip(be).and_then(|(bs, be)| text.get(bs..be)) {
                    Some(t) => sentence_key(t),
                    None => sentence_key(&string_of(sc)),
                };
                sentences_found.push((found.len(), skey, to_u32(s)?, to_u32(e)?));
            }
            self.buf = chars;
            self.offsets = offsets;
        }
        let mut indicators = Vec::with_capacity(usize::from(lagging_lead.is_some()) + found.len());
        indicators.extend(lagging_lead);
        let mut occs = Vec::with_capacity(found.len());
        let mut from = 0;
        for &(to, ..) in &sentences_found {
            occurrences(found.get(from..to).unwrap_or(&[]), &mut occs);
            from = to;
        }
        let mut figs = found.drain(..).zip(occs);
        let mut from = 0;
        for (to, skey, start, end) in sentences_found {
            let count = to - from;
            for (ex, occ) in figs.by_ref().take(count) {
                indicators.push(self.indicator(
                    ex,
                    skey,
                    occ,
                    &section_id,
                    Some(&pid),
                    start,
                    end,
                    node,
                ));
            }
            from = to;
        }
        drop(figs);
        self.found = found;
        if let Some(nd) = self.nodes.get_mut(node) {
            nd.section.paragraphs.push(Paragraph {
                id: pid,
                lead,
                text,
                indicators,
            });
        }
        Ok(())
    }

    /// Assembles the flat nodes into the tree.
    fn into_tree(self) -> (Vec<Section>, Vec<Noted>) {
        let mut slots: Vec<Option<Section>> = Vec::with_capacity(self.nodes.len());
        let mut parents = Vec::with_capacity(self.nodes.len());
        for n in self.nodes {
            parents.push(n.parent);
            slots.push(Some(n.section));
        }
        // Children come after their parent: attach from the back.
        let mut roots = Vec::new();
        for i in (0..slots.len()).rev() {
            let Some(sec) = slots.get_mut(i).and_then(Option::take) else {
                continue;
            };
            match parents.get(i).copied().flatten() {
                Some(p) => {
                    if let Some(Some(parent)) = slots.get_mut(p) {
                        parent.children.insert(0, sec);
                    }
                }
                None => roots.push(sec),
            }
        }
        roots.reverse();
        (roots, self.notes.into_noted())
    }
}

/// For each figure of a sentence, how many figures before it in the sentence have the same
/// text (part of its id); appended to `out`.
fn occurrences(found: &[Extracted], out: &mut Vec<usize>) {
    out.extend(found.iter().enumerate().map(|(k, ex)| {
        found
            .get(..k)
            .unwrap_or(&[])
            .iter()
            .filter(|f| same_text(f.figure_text(), ex.figure_text()))
            .count()
    }));
}

/// Are the two texts, each in two parts, the same when joined?
fn same_text(a: (&str, &str), b: (&str, &str)) -> bool {
    a.0.len() + a.1.len() == b.0.len() + b.1.len()
        && a.0
            .bytes()
            .chain(a.1.bytes())
            .eq(b.0.bytes().chain(b.1.bytes()))
}

/// Could the text hold a figure (an ASCII or full-width digit, or 百分百)? A byte scan.
fn may_have_figures(text: &str) -> bool {
    // U+FF10..U+FF19 (full-width digits) = EF BC 90..99; 百 = E7 99 BE.
    crate::decode::any_byte_triple(text.as_bytes(), |x, y, z| {
        x.is_ascii_digit()
            | (x == 0xEF) & (y == 0xBC) & (z.wrapping_sub(0x90) <= 9)
            | (x == 0xE7) & (y == 0x99) & (z == 0xBE)
    }) || text.contains([
        '第', '两', '二', '三', '四', '五', '六', '七', '八', '九', '十',
    ])
}

/// Assembles the report from segmented text.
pub fn assemble(seg: Segmented, opts: &ConvertOptions) -> Result<(Report, Vec<String>), Error> {
    let mut warnings = seg.warnings;
    let title = match seg.title {
        Some(t) => t,
        None => {
            let t = opts
                .fallback_title
                .clone()
                .unwrap_or_else(|| UNTITLED.to_string());
            warnings.push(format!("no title line found; using {t:?}"));
            t
        }
    };
    if seg.published.is_none() {
        warnings.push("no publication date found".into());
    }
    let has_headings = seg.blocks.iter().any(|b| matches!(b, Block::Heading(_)));
    if !has_headings {
        warnings.push("no headings found; the whole text is one section \"正文\"".into());
    }
    let mut b = Builder {
        nodes: Vec::new(),
        stack: Vec::new(),
        ids: KeySet::default(),
        section_ids: Default::default(),
        notes: SummaryNotes::default(),
        ctx: Context {
            district: districts(&title),
        },
        warnings: Vec::new(),
        cut_sentences: 0,
        split_paragraphs: 0,
        buf: Vec::new(),
        offsets: Vec::new(),
        found: Vec::new(),
        scratch: figures::Scratch::default(),
        has_headings,
    };
    let last_para = seg.blocks.iter().rposition(|b| matches!(b, Block::Para(_)));
    for (i, block) in seg.blocks.into_iter().enumerate() {
        match block {
            Block::Heading(h) => {
                b.new_section(h.level, h.number, Some(h.value), h.title)?;
            }
            Block::Para(p) => {
                let last = seg.truncated && Some(i) == last_para;
                b.paragraph(p, last)?;
            }
        }
    }
    if b.nodes.is_empty() {
        return Err(Error::Input(
            "the input has no report text (only boilerplate)".into(),
        ));
    }
    if b.split_paragraphs > 0 {
        b.warnings.push(format!(
            "{} paragraph(s) longer than {MAX_PARAGRAPH} characters were split at sentence ends",
            b.split_paragraphs
        ));
    }
    if b.cut_sentences > 0 {
        b.warnings.push(format!(
            "{} over-long sentence(s) were cut at clause boundaries",
            b.cut_sentences
        ));
    }
    warnings.append(&mut b.warnings);
    // The first section (often an untitled preamble) and any section titled 总体情况 & co.
    let pool_nodes: Vec<bool> = b.nodes.iter().map(|n| n.in_first || n.in_keyword).collect();
    let (sections, noted) = b.into_tree();
    let pool: Vec<&Noted> = noted
        .iter()
        .filter(|n| pool_nodes.get(n.node).copied().unwrap_or(false))
        .collect();
    let summary = summary(&pool);
    let year = year_of_title(&title);
    let report = Report {
        schema_version: SCHEMA_VERSION.to_string(),
        meta: Meta {
            title,
            published: seg.published,
            source: seg.source,
            year,
            lang: "zh-CN".to_string(),
        },
        summary,
        sections,
    };
    Ok((report, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_scan() {
        for (text, expected) in [
            ("", false),
            ("1", true),
            ("字字", false),
            ("１", true),
            ("百", true),
            ("百分", true),
            ("佰", false),
            ("，。", false),
        ] {
            assert_eq!(may_have_figures(text), expected, "{text:?}");
            let long = format!("{}{text}{}", "字".repeat(50), "，".repeat(30));
            assert_eq!(may_have_figures(&long), expected, "{long:?}");
        }
    }

    #[test]
    fn district_names() {
        assert_eq!(districts("通州区2019年度绩效管理工作报告"), vec!["通州区"]);
        assert_eq!(
            districts("北京市通州区2019年度报告"),
            vec!["北京市通州区", "北京市", "通州区"]
        );
    }
}
