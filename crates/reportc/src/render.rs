//! A static, script-free, accessible HTML5 rendering of a report. Every piece of report text
//! is escaped: the report is untrusted input.

use std::collections::HashMap;
use std::fmt::Write as _;

use report_model::{Indicator, IndicatorKind, Report, Section};
use report_view::figure_text::{
    change_text, completion_of, figure_text, kind_label, measure_text, status_label,
};
use report_view::url_state::status_token;

/// Escapes text for HTML element content and quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "\
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--muted:#5a5a5a;--line:#d0d0d0;--ok:#1a7f37;--bad:#b3261e;--accent:#0b5cad}
@media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--bg:#121212;--muted:#a8a8a8;--line:#3a3a3a;--ok:#6fd28a;--bad:#ff8a80;--accent:#8ab4f8}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.7 system-ui,-apple-system,\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:60rem;margin:0 auto;padding:1rem}
a{color:var(--accent)}
a:focus-visible,tr:target{outline:3px solid var(--accent);outline-offset:2px}
.meta{color:var(--muted)}
nav ol{padding-left:1.25rem}
p{text-indent:0;margin:.6rem 0}
.headline{font-weight:700}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:700;padding:.4rem 0}
th,td{border:1px solid var(--line);padding:.3rem .45rem;vertical-align:top;text-align:left}
thead th{position:sticky;top:0;background:var(--bg)}
td.num{white-space:nowrap}
.status-exceeded,.status-met{color:var(--ok)}
.status-lagging{color:var(--bad);font-weight:700}
.status-unstated,.kind{color:var(--muted)}
.kind{font-weight:400;font-size:.85em}
.table-wrap{overflow-x:auto}
dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.summary dt{color:var(--muted)}
dl.summary dd{margin:0}
";

/// The whole page: `<!DOCTYPE html>` … `</html>`, with a trailing newline.
pub fn render_html_document(report: &Report) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", esc(&report.meta.title));
    let _ = writeln!(
        out,
        "<meta name=\"description\" content=\"{}\">",
        esc(&report_view::page_description(report))
    );
    // No icon: without this the browser asks for /favicon.ico, which the portal may not have.
    out.push_str("<link rel=\"icon\" href=\"data:,\">\n");
    let _ = writeln!(out, "<style>\n{STYLE}</style>");
    out.push_str("</head>\n<body>\n");
    out.push_str(&render_html_body(report));
    out.push_str("</body>\n</html>\n");
    out
}

/// Numbering as printed before a heading ("一、", "（一）", "1.", "（1）").
fn numbering(s: &Section) -> String {
    if s.number.is_empty() {
        return String::new();
    }
    match s.level {
        1 => format!("{}、", s.number),
        2 | 4 => format!("（{}）", s.number),
        _ => format!("{}.", s.number),
    }
}

/// The opening of the page: `<main id="report">`, the header and the summary figures.
fn overview(out: &mut String, report: &Report) {
    out.push_str("<main id=\"report\">\n<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", esc(&report.meta.title));
    let mut meta = Vec::new();
    if let Some(d) = &report.meta.published {
        meta.push(format!(
            "发布日期：<time datetime=\"{0}\">{0}</time>",
            esc(d)
        ));
    }
    if let Some(s) = &report.meta.source {
        meta.push(format!("来源：{}", esc(s)));
    }
    if !meta.is_empty() {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", meta.join(" · "));
    }
    out.push_str("</header>\n");

    // Summary.
    if let Some(sum) = &report.summary {
        let rows = [
            ("任务总数", &sum.tasks_total),
            ("完成目标的任务", &sum.tasks_on_target),
            ("完成率", &sum.completion_rate),
            ("进度滞后的任务", &sum.tasks_lagging),
            ("专项指标", &sum.special_indicators),
        ];
        out.push_str("<section aria-labelledby=\"summary-title\">\n<h2 id=\"summary-title\">概要</h2>\n<dl class=\"summary\">\n");
        for (label, fig) in rows {
            if let Some(f) = fig {
                let _ = writeln!(
                    out,
                    "<dt>{label}</dt><dd><a href=\"#{}\">{}</a></dd>",
                    esc(&f.indicator_id),
                    esc(&measure_text(&f.value))
                );
            }
        }
        out.push_str("</dl>\n</section>\n");
    }
}

/// The `<main>` element alone: header, table of contents, sections and the indicator table.
/// Meant to be inlined into the app's page as its no-JavaScript fallback.
pub fn render_html_body(report: &Report) -> String {
    let mut out = String::new();
    overview(&mut out, report);

    // Table of contents.
    contents(&mut out, report);
    out.push_str("<p><a href=\"#indicators\">指标一览</a></p>\n</nav>\n");

    // Sections.
    for s in &report.sections {
        section(&mut out, s, 0);
    }

    // Indicator table.
    let mut where_: HashMap<&str, String> = HashMap::new();
    for s in report.sections_flat() {
        where_.insert(s.id.as_str(), format!("{}{}", numbering(s), s.title));
    }
    let inds = report.indicators();
    // Each indicator with the text its source range is a slice of: the paragraph's, or the
    // heading's for an indicator read from a heading.
    let mut sources: HashMap<&str, &str> = HashMap::new();
    for s in report.sections_flat() {
        for i in &s.indicators {
            sources.insert(i.id.as_str(), s.title.as_str());
        }
        for p in &s.paragraphs {
            for i in &p.indicators {
                sources.insert(i.id.as_str(), p.text.as_str());
            }
        }
    }
    out.push_str("<section id=\"indicators\" aria-labelledby=\"indicators-title\">\n");
    out.push_str(
        "<h2 id=\"indicators-title\">指标一览</h2>\n<div class=\"table-wrap\">\n<table>\n",
    );
    let _ = writeln!(
        out,
        "<caption>{}：共 {} 项指标</caption>",
        esc(&report.meta.title),
        inds.len()
    );
    out.push_str("<thead>\n<tr>");
    for h in [
        "指标",
        "所在章节",
        "数值",
        "基期→数值",
        "变化",
        "目标完成",
        "状态",
        "来源",
    ] {
        let _ = write!(out, "<th scope=\"col\">{h}</th>");
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for ind in inds {
        let text = sources.get(ind.id.as_str()).copied().unwrap_or_default();
        row(&mut out, ind, &where_, text);
    }
    out.push_str("</tbody>\n</table>\n</div>\n</section>\n</main>\n");
    out
}

/// Above this size, [`inline_into_page`] inlines only [`render_html_overview`]: parsing and
/// laying out megabytes of HTML would delay the first paint it is there to speed up.
pub const INLINE_MAX_BYTES: usize = 512 * 1024;

/// A very large report's opening for the page's first paint: header, summary figures, the
/// table of contents (linking the sections the app will show), and a link to the full static
/// page `report.html` for readers without JavaScript.
pub fn render_html_overview(report: &Report) -> String {
    let mut out = String::new();
    overview(&mut out, report);
    contents(&mut out, report);
    out.push_str("</nav>\n<p class=\"notice\">报告全文较长，正在加载。未启用 JavaScript 时，请阅读<a href=\"report.html\">无脚本版本的完整报告</a>（含全部指标表）。</p>\n</main>\n");
    out
}

/// The markers in the app's `index.html` between which [`inline_into_page`] puts the report.
pub const INLINE_START: &str = "<!-- report:start -->";
pub const INLINE_END: &str = "<!-- report:end -->";

/// Puts `report`'s static rendering ([`render_html_body`]) into `page`, the app's built
/// `index.html`, between [`INLINE_START`] and [`INLINE_END`] (replacing what was there), and
/// its title into `<title>` (a very large report: its overview only, see [`INLINE_MAX_BYTES`]).
/// The browser paints it as soon as the HTML and CSS arrive, long
/// before the app has started, and it is the whole page for a reader without JavaScript; the
/// app replaces it once the report is loaded. Running it again with another report swaps the
/// content: a deployer publishing a new report.json re-inlines it without rebuilding the app.
pub fn inline_into_page(page: &str, report: &Report) -> Result<String, String> {
    let (Some(start), Some(end)) = (page.find(INLINE_START), page.find(INLINE_END)) else {
        return Err(format!(
            "the page has no {INLINE_START} … {INLINE_END} markers to put the report between"
        ));
    };
    let body_start = start + INLINE_START.len();
    if end < body_start {
        return Err(format!("{INLINE_END} comes before {INLINE_START}"));
    }
    let mut out = String::with_capacity(page.len() + 64 * 1024);
    out.push_str(&page[..body_start]);
    out.push('\n');
    let body = render_html_body(report);
    if body.len() <= INLINE_MAX_BYTES {
        out.push_str(&body);
    } else {
        out.push_str(&render_html_overview(report));
    }
    out.push_str(&page[end..]);
    // The title, for tabs, bookmarks and search engines before the app sets it.
    if let (Some(t0), Some(t1)) = (out.find("<title>"), out.find("</title>")) {
        if t0 < t1 {
            out.replace_range(t0 + "<title>".len()..t1, &esc(&report.meta.title));
        }
    }
    // The description, likewise: this report's, not the template's generic one.
    const DESCRIPTION: &str = "<meta name=\"description\" content=\"";
    if let Some(d0) = out.find(DESCRIPTION).map(|i| i + DESCRIPTION.len()) {
        if let Some(len) = out[d0..].find('"') {
            out.replace_range(d0..d0 + len, &esc(&report_view::page_description(report)));
        }
    }
    Ok(out)
}

/// The opening of the table of contents, `<nav>` with its heading and the section list; the
/// caller closes it.
fn contents(out: &mut String, report: &Report) {
    out.push_str("<nav aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">目录</h2>\n");
    toc(out, &report.sections);
}

fn toc(out: &mut String, sections: &[Section]) {
    if sections.is_empty() {
        return;
    }
    out.push_str("<ol>\n");
    for s in sections {
        let _ = write!(
            out,
            "<li><a href=\"#{}\">{}{}</a>",
            esc(&s.id),
            esc(&numbering(s)),
            esc(&s.title)
        );
        if !s.children.is_empty() {
            out.push('\n');
            toc(out, &s.children);
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
}

fn section(out: &mut String, s: &Section, depth: usize) {
    let h = report_view::heading_level(depth);
    let _ = writeln!(
        out,
        "<section id=\"{0}\" aria-labelledby=\"{0}-h\">\n<h{h} id=\"{0}-h\">{1}{2}</h{h}>",
        esc(&s.id),
        esc(&numbering(s)),
        esc(&s.title)
    );
    for p in &s.paragraphs {
        let _ = write!(out, "<p id=\"{}\">", esc(&p.id));
        match p
            .headline
            .as_deref()
            .and_then(|hl| p.text.strip_prefix(hl).map(|rest| (hl, rest)))
        {
            Some((hl, rest)) => {
                let _ = write!(
                    out,
                    "<span class=\"headline\">{}</span>{}",
                    esc(hl),
                    esc(rest)
                );
            }
            None => out.push_str(&esc(&p.text)),
        }
        out.push_str("</p>\n");
    }
    for c in &s.children {
        section(out, c, depth + 1);
    }
    out.push_str("</section>\n");
}

/// One row of the indicator table. Every figure, kind and status text is
/// `report_view::figure_text`'s, as in the app: the qualifier beside its number, a change with
/// its direction, a completion only for a completion, only the status the text states.
fn row(out: &mut String, ind: &Indicator, where_: &HashMap<&str, String>, source_text: &str) {
    let dash = "—".to_string();
    let figure = figure_text(ind);
    let value = if figure.is_empty() {
        dash.clone()
    } else {
        figure
    };
    let base = match (&ind.baseline, &ind.value) {
        (Some(b), Some(v)) => format!("{} → {}", measure_text(b), measure_text(v)),
        _ => dash.clone(),
    };
    // A change indicator's change is its figure: not shown twice.
    let change = match (&ind.change, ind.kind) {
        (Some(c), k) if k != IndicatorKind::Change => change_text(c),
        _ => dash.clone(),
    };
    let target = completion_of(ind).map_or_else(
        || dash.clone(),
        |t| match (t.done, t.total) {
            (Some(d), Some(n)) => format!("{}（{d}/{n}）", t.raw),
            _ => t.raw.clone(),
        },
    );
    let section_name = where_
        .get(ind.section_id.as_str())
        .cloned()
        .unwrap_or_default();
    // Link text names the target, so that the links read apart in a screen reader's list.
    let (href, label) = match &ind.source.paragraph_id {
        Some(p) => (p.clone(), format!("段落 {}", p.trim_start_matches("p-"))),
        None => (
            ind.section_id.clone(),
            format!("标题 {}", ind.section_id.trim_start_matches("s-")),
        ),
    };
    let sentence = ind.source.slice(source_text).unwrap_or_default();
    let mut name = format!(
        "{} <span class=\"kind\">{}</span>",
        esc(&ind.name),
        kind_label(ind.kind)
    );
    if let Some(c) = &ind.category {
        name.push_str(&format!("<br><small>{}</small>", esc(c)));
    }
    let status_title = ind
        .status_basis
        .as_deref()
        .map(|b| format!(" title=\"{}\"", esc(b)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<tr id=\"{id}\"><th scope=\"row\">{name}</th><td><a href=\"#{sid}\">{sname}</a></td><td class=\"num\">{value}</td><td class=\"num\">{base}</td><td>{change}</td><td>{target}</td><td class=\"status-{scls}\"{status_title}>{status}</td><td><a href=\"#{href}\" title=\"{sentence}\">{label}</a></td></tr>",
        id = esc(&ind.id),
        sid = esc(&ind.section_id),
        sname = esc(&section_name),
        value = esc(&value),
        base = esc(&base),
        change = esc(&change),
        target = esc(&target),
        scls = status_token(ind.status),
        status = status_label(ind.status),
        href = esc(&href),
        sentence = esc(sentence),
        label = esc(&label),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> String {
        format!(
            "<html><head><title>x</title></head><body><div id=\"app\">{INLINE_START}\n<p>old</p>\n{INLINE_END}</div></body></html>"
        )
    }

    fn seed() -> Report {
        let json = include_str!("../../../public/report.json");
        serde_json::from_str(json).expect("the published report parses")
    }

    #[test]
    fn inlining_replaces_what_is_between_the_markers_and_sets_the_title() {
        let report = seed();
        let once = inline_into_page(&page(), &report).expect("inline");
        assert!(!once.contains("<p>old</p>"));
        assert!(once.contains(&render_html_body(&report)));
        assert!(once.contains(&format!("<title>{}</title>", esc(&report.meta.title))));
        assert!(once.starts_with("<html><head><title>"));
        assert!(once.ends_with(&format!("{INLINE_END}</div></body></html>")));
        // Again (a new report over the old one): the same page, not two reports.
        assert_eq!(
            inline_into_page(&once, &report).as_deref(),
            Ok(once.as_str())
        );
    }

    #[test]
    fn a_very_large_report_inlines_its_overview_and_links_the_full_page() {
        let text = crate::synthetic_report_text(200, 10_000, 1);
        let report = crate::convert_bytes(text.as_bytes(), &Default::default())
            .expect("convert")
            .report;
        assert!(render_html_body(&report).len() > INLINE_MAX_BYTES);
        let page = inline_into_page(&page(), &report).expect("inline");
        assert!(page.contains(&render_html_overview(&report)));
        assert!(page.contains("href=\"report.html\""));
        assert!(page.len() < 200 * 1024, "{}", page.len());
    }

    #[test]
    fn inlining_needs_both_markers_in_order() {
        let report = seed();
        assert!(inline_into_page("<html></html>", &report).is_err());
        let swapped = format!("{INLINE_END}{INLINE_START}");
        assert!(inline_into_page(&swapped, &report).is_err());
    }

    #[test]
    fn escapes_everything() {
        assert_eq!(
            esc("<script>alert('x')&\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;)&amp;&quot;&lt;/script&gt;"
        );
    }
}
