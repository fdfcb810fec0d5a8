//! Segmented text → `Report`: the section tree with ids, paragraphs with headlines, indicators
//! with ids and sources, and the summary.

use report_model::{
    Indicator, IndicatorKind, Measure, Meta, Paragraph, Report, Section, SourceRef, Status, Summary,
    SummaryFigure, SCHEMA_VERSION,
};

use crate::figures::{self, Context, Extracted};
use crate::ids::{indicator_id, IdSet};
use crate::naming;
use crate::numbers::{is_cjk, is_digit};
use crate::segment::{year_of_title, Block, Segmented};
use crate::sentences;
use crate::{ConvertOptions, Error};

/// Title used when the text has none and the caller gave no fallback.
pub const UNTITLED: &str = "未命名报告";

struct Node {
    section: Section,
    parent: Option<usize>,
    /// The numbering path ("2-1"), for child ids.
    path: String,
}

/// What the summary needs to know about an indicator beyond the model.
struct Noted {
    node: usize,
    id: String,
    ex: Extracted,
}

struct Builder {
    nodes: Vec<Node>,
    stack: Vec<usize>,
    ids: IdSet,
    section_ids: std::collections::HashSet<String>,
    noted: Vec<Noted>,
    ctx: Context,
    warnings: Vec<String>,
    cut_sentences: usize,
    has_headings: bool,
}

fn to_u32(n: usize) -> Result<u32, Error> {
    u32::try_from(n).map_err(|_| Error::Input("a paragraph is too long (over 4 billion characters)".into()))
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
    fn new_section(&mut self, level: u8, number: String, value: Option<u32>, title: String) -> Result<usize, Error> {
        while let Some(&top) = self.stack.last() {
            if self.nodes.get(top).is_some_and(|n| n.section.level >= level) {
                self.stack.pop();
            } else {
                break;
            }
        }
        let parent = self.stack.last().copied();
        let parent_path = parent.and_then(|p| self.nodes.get(p)).map(|n| n.path.clone());
        let own = value.map_or_else(|| "0".to_string(), |v| v.to_string());
        let path = match parent_path {
            Some(p) => format!("{p}-{own}"),
            None => own,
        };
        let base = format!("s-{path}");
        let mut id = base.clone();
        let mut k = 2;
        while self.section_ids.contains(&id) {
            id = format!("{base}_{k}");
            k += 1;
        }
        self.section_ids.insert(id.clone());
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
        let mut inds = Vec::new();
        if found.is_empty() && figures::mentions_lagging(&chars) {
            inds.push(self.qualitative(&title, &id, None, 0, title_len, idx, &title));
        } else {
            let mut seen: Vec<String> = Vec::new();
            for ex in found {
                let occ = seen.iter().filter(|f| **f == ex.figure_text).count();
                seen.push(ex.figure_text.clone());
                inds.push(self.indicator(ex, &title, occ, &id, None, 0, title_len, idx));
            }
        }
        section.indicators = inds;
        self.nodes.push(Node {
            section,
            parent,
            path,
        });
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
        let id = self.ids.claim(&indicator_id(sentence, "", 0));
        let name = naming::lagging_name(name_from);
        self.noted.push(Noted {
            node,
            id: id.clone(),
            ex: Extracted {
                name: name.clone(),
                kind: IndicatorKind::Qualitative,
                value: None,
                baseline: None,
                change: None,
                target: None,
                status: Status::Lagging,
                figure_text: String::new(),
                done: None,
                total: None,
                span: (0, 0),
            },
        });
        Indicator {
            id,
            name,
            section_id: section_id.to_string(),
            kind: IndicatorKind::Qualitative,
            value: None,
            baseline: None,
            change: None,
            target: None,
            status: Status::Lagging,
            category: None,
            source: SourceRef {
                paragraph_id: paragraph_id.map(str::to_string),
                start,
                end,
                sentence: sentence.to_string(),
            },
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn indicator(
        &mut self,
        ex: Extracted,
        sentence: &str,
        occurrence: usize,
        section_id: &str,
        paragraph_id: Option<&str>,
        start: u32,
        end: u32,
        node: usize,
    ) -> Indicator {
        let id = self.ids.claim(&indicator_id(sentence, &ex.figure_text, occurrence));
        let ind = Indicator {
            id: id.clone(),
            name: ex.name.clone(),
            section_id: section_id.to_string(),
            kind: ex.kind,
            value: ex.value.clone(),
            baseline: ex.baseline.clone(),
            change: ex.change.clone(),
            target: ex.target.clone(),
            status: ex.status,
            category: None,
            source: SourceRef {
                paragraph_id: paragraph_id.map(str::to_string),
                start,
                end,
                sentence: sentence.to_string(),
            },
        };
        self.noted.push(Noted { node, id, ex });
        ind
    }

    fn paragraph(&mut self, text: String, last_of_truncated: bool) -> Result<(), Error> {
        if self.stack.is_empty() {
            let title = if self.has_headings { "前言" } else { "正文" };
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
        let chars: Vec<char> = text.chars().collect();
        let (spans, cut) = sentences::split(&chars);
        self.cut_sentences += cut;

        // Headline: a short lead sentence without figures or clause breaks, more text after.
        let mut headline = None;
        if let Some(&(s, e)) = spans.first() {
            let lead = chars.get(s..e).unwrap_or(&[]);
            let ends = lead.last().is_some_and(|&c| matches!(c, '。' | '！'));
            let plain = !lead.iter().any(|&c| {
                is_digit(c) || matches!(c, '，' | ',' | '：' | ':' | '；' | ';' | '、')
            });
            if s == 0 && ends && plain && lead.len() <= 20 && e < chars.len() && lead.len() >= 4 {
                headline = Some(lead.iter().collect::<String>());
            }
        }

        let mut indicators = Vec::new();
        if let Some(h) = &headline {
            let hc: Vec<char> = h.chars().collect();
            if figures::mentions_lagging(&hc) {
                let end = to_u32(hc.len())?;
                indicators.push(self.qualitative(h, &section_id, Some(&pid), 0, end, node, h));
            }
        }
        let last_span = spans.len().saturating_sub(1);
        for (k, &(s, e)) in spans.iter().enumerate() {
            let sc = chars.get(s..e).unwrap_or(&[]);
            let (found, w) = figures::extract(sc, &self.ctx, last_of_truncated && k == last_span);
            self.warnings.extend(w);
            if found.is_empty() {
                continue;
            }
            let sentence: String = sc.iter().collect();
            let (start, end) = (to_u32(s)?, to_u32(e)?);
            let mut seen: Vec<String> = Vec::new();
            for ex in found {
                let occ = seen.iter().filter(|f| **f == ex.figure_text).count();
                seen.push(ex.figure_text.clone());
                indicators.push(self.indicator(ex, &sentence, occ, &section_id, Some(&pid), start, end, node));
            }
        }
        if let Some(nd) = self.nodes.get_mut(node) {
            nd.section.paragraphs.push(Paragraph {
                id: pid,
                headline,
                text,
                indicators,
            });
        }
        Ok(())
    }

    /// Assembles the flat nodes into the tree.
    fn into_tree(self) -> (Vec<Section>, Vec<Noted>, Vec<(usize, Option<usize>, String)>) {
        let info: Vec<(usize, Option<usize>, String)> = self
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (i, n.parent, n.section.title.clone()))
            .collect();
        let mut slots: Vec<Option<Section>> = Vec::with_capacity(self.nodes.len());
        let mut parents = Vec::with_capacity(self.nodes.len());
        for n in self.nodes {
            parents.push(n.parent);
            slots.push(Some(n.section));
        }
        // Children come after their parent: attach from the back.
        let mut roots = Vec::new();
        for i in (0..slots.len()).rev() {
            let Some(sec) = slots.get_mut(i).and_then(Option::take) else { continue };
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
        (roots, self.noted, info)
    }
}

/// Builds the report from segmented text.
pub fn build(seg: Segmented, opts: &ConvertOptions) -> Result<(Report, Vec<String>), Error> {
    let mut warnings = seg.warnings;
    let title = match seg.title {
        Some(t) => t,
        None => {
            let t = opts.fallback_title.clone().unwrap_or_else(|| UNTITLED.to_string());
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
        ids: IdSet::default(),
        section_ids: Default::default(),
        noted: Vec::new(),
        ctx: Context {
            district: districts(&title),
        },
        warnings: Vec::new(),
        cut_sentences: 0,
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
        return Err(Error::Input("the input has no report text (only boilerplate)".into()));
    }
    if b.cut_sentences > 0 {
        b.warnings.push(format!(
            "{} over-long sentence(s) were cut at clause boundaries",
            b.cut_sentences
        ));
    }
    warnings.append(&mut b.warnings);
    let (sections, noted, info) = b.into_tree();
    let summary = summary(&noted, &info);
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

/// Sections the summary is read from: those titled 总体情况/概况/…, with their sub-sections;
/// else the first section.
fn summary_nodes(info: &[(usize, Option<usize>, String)]) -> Vec<usize> {
    let keys = ["总体", "概况", "基本情况", "总述", "综述", "总体情况"];
    let mut chosen: Vec<usize> = info
        .iter()
        .filter(|(_, _, t)| keys.iter().any(|k| t.contains(k)))
        .map(|(i, _, _)| *i)
        .collect();
    if chosen.is_empty() {
        if let Some((i, _, _)) = info.first() {
            chosen.push(*i);
        }
    }
    // Add descendants (parents come first).
    for (i, parent, _) in info {
        if let Some(p) = parent {
            if chosen.contains(p) && !chosen.contains(i) {
                chosen.push(*i);
            }
        }
    }
    chosen
}

fn summary(noted: &[Noted], info: &[(usize, Option<usize>, String)]) -> Option<Summary> {
    let nodes = summary_nodes(info);
    let pool: Vec<&Noted> = noted.iter().filter(|n| nodes.contains(&n.node)).collect();
    let fig = |m: &Measure, id: &str| SummaryFigure {
        value: m.clone(),
        indicator_id: id.to_string(),
    };
    let unit_is = |n: &Noted, units: &[&str]| n.ex.value.as_ref().is_some_and(|v| units.contains(&v.unit.as_str()));
    let completion = pool
        .iter()
        .find(|n| n.ex.kind == IndicatorKind::Completion && (n.ex.done.is_some() || n.ex.name.contains("完成率")));
    let tasks_total = pool
        .iter()
        .find(|n| {
            n.ex.kind == IndicatorKind::Quantity
                && n.ex.status != Status::Lagging
                && unit_is(n, &["项"])
                && n.ex.name.contains("任务")
        })
        .and_then(|n| n.ex.value.as_ref().map(|v| fig(v, &n.id)))
        .or_else(|| completion.and_then(|n| n.ex.total.as_ref().map(|t| fig(t, &n.id))));
    let tasks_on_target = completion.and_then(|n| n.ex.done.as_ref().map(|d| fig(d, &n.id)));
    let completion_rate = completion.and_then(|n| n.ex.value.as_ref().map(|v| fig(v, &n.id)));
    let tasks_lagging = pool
        .iter()
        .find(|n| n.ex.kind == IndicatorKind::Quantity && n.ex.status == Status::Lagging && unit_is(n, &["项", ""]))
        .and_then(|n| n.ex.value.as_ref().map(|v| fig(v, &n.id)));
    let special_indicators = pool
        .iter()
        .find(|n| n.ex.kind == IndicatorKind::Quantity && unit_is(n, &["个", "项"]) && n.ex.name.contains("指标"))
        .and_then(|n| n.ex.value.as_ref().map(|v| fig(v, &n.id)));
    let s = Summary {
        tasks_total,
        tasks_on_target,
        completion_rate,
        tasks_lagging,
        special_indicators,
    };
    let empty = s.tasks_total.is_none()
        && s.tasks_on_target.is_none()
        && s.completion_rate.is_none()
        && s.tasks_lagging.is_none()
        && s.special_indicators.is_none();
    (!empty).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn district_names() {
        assert_eq!(districts("通州区2019年度绩效管理工作报告"), vec!["通州区"]);
        assert_eq!(districts("北京市通州区2019年度报告"), vec!["北京市通州区", "北京市", "通州区"]);
    }
}
