//! The static HTML rendering: structure, accessibility, deep links, escaping.

mod common;

use std::collections::HashSet;

use common::*;
use reportc::{render_html_body, render_html_document};

/// Values of `attr="…"` in `html`.
fn attr_values(html: &str, attr: &str) -> Vec<String> {
    let pat = format!(" {attr}=\"");
    html.match_indices(&pat)
        .map(|(i, _)| {
            let rest = &html[i + pat.len()..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect()
}

#[test]
fn the_document_is_complete_and_accessible() {
    let r = seed_report();
    let page = render_html_document(&r);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(page.contains("<meta charset=\"utf-8\">"));
    assert!(
        page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    );
    assert!(page.contains("<title>通州区2019年度绩效管理工作报告</title>"));
    assert!(page.contains("<h1>通州区2019年度绩效管理工作报告</h1>"));
    assert!(page.contains("<time datetime=\"2020-01-10\">2020-01-10</time>"));
    assert!(page.contains("来源：区信息中心"));
    assert!(page.contains("<nav aria-labelledby=\"toc-title\">"));
    assert!(page.ends_with("</html>\n"));
    // Heading levels follow the depth in the tree, without gaps: 三、 (h2) → 1. is an h3.
    assert!(page.contains("<h2 id=\"s-1-h\">一、总体情况</h2>"));
    assert!(page.contains("<h3 id=\"s-2-1-h\">（一）高质量发展</h3>"));
    assert!(page.contains("<h3 id=\"s-3-1-h\">1.总消费增速进展相对滞后</h3>"));
    assert!(page.contains("<meta name=\"description\" content=\"通州区2019年度绩效管理工作报告（2020-01-10，区信息中心）全文"));
    // The table.
    assert!(page.contains("<table>\n<caption>"));
    let headers: Vec<&str> = page
        .match_indices("<th scope=\"col\">")
        .map(|(i, _)| {
            let rest = &page[i + "<th scope=\"col\">".len()..];
            &rest[..rest.find("</th>").unwrap()]
        })
        .collect();
    assert_eq!(
        headers,
        vec![
            "指标",
            "所在章节",
            "数值",
            "基期→数值",
            "变化",
            "目标完成",
            "状态",
            "来源"
        ]
    );
    // No script, no inline style attributes, no event handlers.
    assert!(!page.contains("<script"));
    assert!(!page.contains(" style="));
    assert!(!page.contains(" onclick=") && !page.contains(" onload="));
}

#[test]
fn every_indicator_row_is_a_deep_link_target_and_every_link_resolves() {
    let r = seed_report();
    let page = render_html_document(&r);
    let ids: HashSet<String> = attr_values(&page, "id").into_iter().collect();
    assert_eq!(ids.len(), attr_values(&page, "id").len(), "ids are unique");
    for ind in r.indicators() {
        assert!(
            page.contains(&format!("<tr id=\"{}\">", ind.id)),
            "{}",
            ind.id
        );
        let target = ind
            .source
            .paragraph_id
            .clone()
            .unwrap_or_else(|| ind.section_id.clone());
        assert!(ids.contains(&target));
    }
    for href in attr_values(&page, "href") {
        if href == "data:," {
            continue; // the declared absence of an icon
        }
        let frag = href.strip_prefix('#').expect("only in-page links");
        assert!(ids.contains(frag), "dangling link #{frag}");
    }
    // The 来源 cell of a paragraph figure links to its paragraph.
    let trees = by_value(&r, "37814", "亩");
    let row_start = page.find(&format!("<tr id=\"{}\">", trees.id)).unwrap();
    let row = &page[row_start..row_start + page[row_start..].find("</tr>").unwrap()];
    assert!(row.contains("<a href=\"#p-2-1-1\""), "{row}");
    assert!(
        row.contains("37814亩") && row.contains("完成总目标的114.59%") && row.contains("超额完成"),
        "{row}"
    );
    let park = by_value(&r, "85.8", "%");
    let row_start = page.find(&format!("<tr id=\"{}\">", park.id)).unwrap();
    let row = &page[row_start..row_start + page[row_start..].find("</tr>").unwrap()];
    assert!(row.contains("80% → 85.8%"), "{row}");
}

#[test]
fn body_is_the_main_element_of_the_document() {
    let r = seed_report();
    let body = render_html_body(&r);
    assert!(body.starts_with("<main id=\"report\">"));
    assert!(body.ends_with("</main>\n"));
    assert!(render_html_document(&r).contains(&body));
    assert_eq!(body, render_html_body(&r), "deterministic");
}

#[test]
fn hostile_text_is_escaped() {
    let mut r = seed_report();
    let evil = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>&amp;";
    r.meta.title = format!("标题{evil}");
    r.meta.source = Some(evil.into());
    r.sections[0].title = evil.into();
    let p = &mut r.sections[0].paragraphs[0];
    p.text = format!("{evil}{}", p.text);
    for i in &mut p.indicators {
        i.name = evil.into();
        i.category = Some(evil.into());
    }
    p.headline = None;
    // The paragraph moved its figures; sources no longer match but rendering must still be safe.
    for page in [render_html_document(&r), render_html_body(&r)] {
        assert!(!page.contains("<script"), "unescaped script");
        assert!(!page.contains("<img"), "unescaped tag");
        assert!(!page.contains("onerror=alert(1)>"));
        assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;"));
    }
}

#[test]
fn reports_without_summary_or_meta_render() {
    let text = "一、总体情况\n\n全年完成植树造林1200亩。\n";
    let r = convert(text.as_bytes()).report;
    let page = render_html_document(&r);
    assert!(!page.contains("<time"));
    assert!(page.contains("共 1 项指标"));
}

/// The `<tr>` of indicator `id` in `page`.
fn row_of<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!("<tr id=\"{id}\">"))
        .unwrap_or_else(|| panic!("no row {id}"));
    &page[start..start + page[start..].find("</tr>").unwrap()]
}

#[test]
fn figures_keep_their_meaning_on_the_static_page() {
    use reportc::report_model::{IndicatorKind, Status};
    let r = seed_report();
    let page = render_html_body(&r);
    // The qualifier beside its number, as the app shows it.
    for (raw, unit, shown) in [
        ("6593.69", "亩", "约 6593.69亩"),
        ("46", "微克/立方米", "预计 46微克/立方米"),
        ("71.07", "%", "最高 71.07%"),
        ("2000余", "人次", "2000余人次"),
    ] {
        let ind = by_value(&r, raw, unit);
        let row = row_of(&page, &ind.id);
        assert!(
            row.contains(&format!("<td class=\"num\">{shown}</td>")),
            "{row}"
        );
    }
    // A change reads as a change, with its direction.
    let fewer = r
        .indicators()
        .into_iter()
        .find(|i| i.kind == IndicatorKind::Change && i.name.starts_with("精简"))
        .expect("精简…60%以上");
    assert!(
        row_of(&page, &fewer.id).contains("<td class=\"num\">↓ 精简 60%以上</td>"),
        "{}",
        row_of(&page, &fewer.id)
    );
    // A rank as its ordinal.
    let rank = r
        .indicators()
        .into_iter()
        .find(|i| i.kind == IndicatorKind::Rank)
        .expect("a rank");
    let rank_raw = rank
        .value
        .as_ref()
        .map(|v| v.raw.clone())
        .unwrap_or_default();
    assert!(row_of(&page, &rank.id).contains(&format!(">{rank_raw}</td>")));
    // The share of tasks done is no completion and not lagging.
    let rate = by_value(&r, "95.56", "%");
    let row = row_of(&page, &rate.id);
    assert!(
        row.contains(">未说明</td>") && !row.contains("status-lagging"),
        "{row}"
    );
    assert!(!row.contains("完成率95.56%</td>"), "{row}");
    // One unstated label, the app's; lagging only where the text says so, with its words.
    assert!(!page.contains("无目标"));
    for ind in r.indicators() {
        let row = row_of(&page, &ind.id);
        assert_eq!(
            row.contains("class=\"status-lagging\""),
            ind.status == Status::Lagging,
            "{row}"
        );
    }
    // The source sentence is sliced from the paragraph into the link's title.
    let trees = by_value(&r, "37814", "亩");
    assert!(row_of(&page, &trees.id).contains("title=\"我区全年新增大树种植37814亩"));
}
