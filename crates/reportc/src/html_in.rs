//! The portal's HTML page → text blocks (one per line, blank line between), using html5ever
//! through `scraper`. Page chrome (script, style, nav, forms, site header/footer) is dropped;
//! block elements and `<br>` end a block; inline text is joined with HTML whitespace rules.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Text and metadata hints read from a page.
#[derive(Debug, Default)]
pub struct HtmlText {
    /// Blocks joined by blank lines, ready for the plain-text segmenter.
    pub text: String,
    /// `<title>` or `<meta name="ArticleTitle">`.
    pub title: Option<String>,
    /// `<meta name="PubDate">` and the like.
    pub published: Option<String>,
    /// `<meta name="ContentSource">` and the like.
    pub source: Option<String>,
}

/// Elements whose whole subtree is chrome or not text.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "nav"
            | "aside"
            | "form"
            | "button"
            | "select"
            | "textarea"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "math"
            | "canvas"
            | "head"
            | "audio"
            | "video"
            | "map"
    )
}

/// Elements that end a text block.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "tr"
            | "td"
            | "th"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "caption"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "blockquote"
            | "pre"
            | "hr"
            | "figure"
            | "figcaption"
            | "address"
            | "fieldset"
            | "center"
            | "body"
            | "html"
    )
}

/// Nesting deeper than this is not a real page: html5ever's tree building is quadratic in the
/// depth, so such input is read with [`strip_tags`] instead.
pub const MAX_DEPTH: usize = 1000;

/// An upper estimate of the element nesting depth (unclosed `<p>`s count as nested).
pub fn depth_estimate(html: &str) -> usize {
    const VOID: &[&str] = &[
        "br", "img", "meta", "link", "input", "hr", "area", "base", "col", "embed", "source",
        "track", "wbr", "param", "keygen",
    ];
    let b = html.as_bytes();
    let n = b.len();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while i < n {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let next = if i + 1 < n { b[i + 1] } else { 0 };
        if next == b'/' {
            depth = depth.saturating_sub(1);
        } else if next.is_ascii_alphabetic() {
            let mut j = i + 1;
            while j < n && b[j].is_ascii_alphanumeric() {
                j += 1;
            }
            let name = html.get(i + 1..j).unwrap_or("").to_ascii_lowercase();
            let mut k = j;
            while k < n && b[k] != b'>' && b[k] != b'<' {
                k += 1;
            }
            let self_closing = k > 0 && k < n && b[k] == b'>' && b[k - 1] == b'/';
            if !VOID.contains(&name.as_str()) && !self_closing {
                depth += 1;
                max = max.max(depth);
            }
            i = k;
            continue;
        }
        i += 1;
    }
    max
}

/// Extracts the text blocks of a page.
pub fn extract(html: &str) -> HtmlText {
    if depth_estimate(html) > MAX_DEPTH {
        return strip_tags(html);
    }
    let doc = Html::parse_document(html);
    let mut out = HtmlText::default();
    let mut blocks: Vec<String> = Vec::new();
    let mut current = String::new();
    // Depth inside a skipped subtree (0 = not skipping), and inside <pre>.
    let mut skip_depth = 0usize;
    let mut pre_depth = 0usize;
    // Depth inside <article>/<main>: a <header>/<footer> there is content, elsewhere chrome.
    let mut content_depth = 0usize;
    let flush = |current: &mut String, blocks: &mut Vec<String>| {
        let t = current.trim_matches(|c: char| c.is_whitespace());
        if !t.is_empty() {
            blocks.push(t.to_string());
        }
        current.clear();
    };
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if name == "meta" {
                        meta_hint(e.attr("name"), e.attr("content"), &mut out);
                    }
                    if name == "title" && out.title.is_none() {
                        let t: String = node
                            .children()
                            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                            .collect();
                        let t = t.trim();
                        if !t.is_empty() {
                            out.title = Some(t.to_string());
                        }
                    }
                    let chrome = skipped(name)
                        || (matches!(name, "header" | "footer") && content_depth == 0)
                        || e.attr("role")
                            .is_some_and(|r| matches!(r, "navigation" | "banner" | "contentinfo"))
                        || e.attr("hidden").is_some()
                        || e.attr("aria-hidden") == Some("true");
                    if skip_depth > 0 || chrome {
                        skip_depth += 1;
                        continue;
                    }
                    if matches!(name, "article" | "main") {
                        content_depth += 1;
                    }
                    if name == "pre" {
                        pre_depth += 1;
                    }
                    if is_block(name) {
                        flush(&mut current, &mut blocks);
                    }
                }
                Node::Text(t) if skip_depth == 0 => {
                    if pre_depth > 0 {
                        for (i, line) in t.split('\n').enumerate() {
                            if i > 0 {
                                flush(&mut current, &mut blocks);
                            }
                            current.push_str(line);
                        }
                    } else {
                        push_collapsed(&mut current, t);
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                        continue;
                    }
                    let name = e.name();
                    if matches!(name, "article" | "main") {
                        content_depth = content_depth.saturating_sub(1);
                    }
                    if name == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                    if is_block(name) {
                        flush(&mut current, &mut blocks);
                    }
                }
            }
        }
    }
    flush(&mut current, &mut blocks);
    out.text = blocks.join("\n\n");
    out
}

/// A plain tag stripper for pathological pages: drops comments, `<script>`, `<style>`,
/// `<noscript>`, `<template>` and `<textarea>` content, ends a block at block elements, decodes
/// the common entities.
pub fn strip_tags(html: &str) -> HtmlText {
    let mut out = HtmlText::default();
    let lower = html.to_ascii_lowercase();
    let mut blocks: Vec<String> = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, blocks: &mut Vec<String>| {
        let t = current.trim_matches(|c: char| c.is_whitespace());
        if !t.is_empty() {
            blocks.push(t.to_string());
        }
        current.clear();
    };
    let mut i = 0;
    while i < html.len() {
        let rest = html.get(i..).unwrap_or("");
        let lrest = lower.get(i..).unwrap_or("");
        if !rest.starts_with('<') {
            let end = rest.find('<').map_or(html.len(), |p| i + p);
            let text = html.get(i..end).unwrap_or("");
            push_collapsed(&mut current, &decode_entities(text));
            i = end;
            continue;
        }
        if lrest.starts_with("<!--") {
            i = lrest.find("-->").map_or(html.len(), |p| i + p + 3);
            continue;
        }
        let name: String = lrest
            .chars()
            .skip(1)
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect();
        let tag_end = lrest.find('>').map_or(html.len(), |p| i + p + 1);
        if matches!(
            name.as_str(),
            "script" | "style" | "noscript" | "template" | "title" | "textarea"
        ) {
            let close = format!("</{name}");
            let body_end = lower
                .get(tag_end..)
                .and_then(|l| l.find(&close))
                .map_or(html.len(), |p| tag_end + p);
            if name == "title" && out.title.is_none() {
                let t = decode_entities(html.get(tag_end..body_end).unwrap_or(""))
                    .trim()
                    .to_string();
                if !t.is_empty() {
                    out.title = Some(t);
                }
            }
            i = lower
                .get(body_end..)
                .and_then(|l| l.find('>'))
                .map_or(html.len(), |p| body_end + p + 1);
            continue;
        }
        if is_block(name.trim_start_matches('/')) {
            flush(&mut current, &mut blocks);
        }
        i = tag_end.max(i + 1);
        while i < html.len() && !html.is_char_boundary(i) {
            i += 1;
        }
    }
    flush(&mut current, &mut blocks);
    out.text = blocks.join("\n\n");
    out
}

/// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`, `&apos;`, `&nbsp;` and numeric references.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(rest.get(..p).unwrap_or(""));
        let tail = rest.get(p..).unwrap_or("");
        let end = tail.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let ent = tail.get(1..e)?;
            let c = match ent {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" | "#39" => '\'',
                "nbsp" => '\u{a0}',
                _ => {
                    let num = ent.strip_prefix('#')?;
                    let v = match num.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => num.parse::<u32>().ok()?,
                    };
                    char::from_u32(v)?
                }
            };
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = tail.get(len..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// Appends text with runs of ASCII whitespace collapsed to one space (HTML rendering rules).
fn push_collapsed(out: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_ascii_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// Metadata the portals' CMS put in `<meta name=…>`.
fn meta_hint(name: Option<&str>, content: Option<&str>, out: &mut HtmlText) {
    let (Some(name), Some(content)) = (name, content) else {
        return;
    };
    let content = content.trim();
    if content.is_empty() {
        return;
    }
    match name.to_ascii_lowercase().as_str() {
        "articletitle" => out.title = Some(content.to_string()),
        "pubdate" | "publishdate" | "firstpublishedtime" | "dc.date" => {
            out.published.get_or_insert_with(|| content.to_string());
        }
        "contentsource" | "source" => {
            out.source.get_or_insert_with(|| content.to_string());
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pathological_nesting_is_stripped_instead() {
        let mut page =
            String::from("<html><head><title>标题</title><script>x<y</script></head><body>");
        page.push_str(&"<div>".repeat(MAX_DEPTH + 10));
        page.push_str(
            "<p>一、总体情况</p><p>全年&amp;完成&#45;&#x4e00;<b>12</b>项。</p><!-- 注释 -->",
        );
        assert!(depth_estimate(&page) > MAX_DEPTH);
        let h = extract(&page);
        assert_eq!(h.title.as_deref(), Some("标题"));
        assert_eq!(h.text, "一、总体情况\n\n全年&完成-一12项。");
        assert_eq!(depth_estimate("<p>a<br>b<img src=x/></p><hr/>"), 1);
    }

    #[test]
    fn drops_chrome_and_keeps_blocks() {
        let page = r#"<!DOCTYPE html><html><head><title>报告_某区政府</title>
            <script>var x = "一、假标题";</script><style>p{}</style></head>
            <body><header><a href="/">首页</a></header><nav><ul><li>新闻</li></ul></nav>
            <div class="content"><h1>某区2019年度绩效管理工作报告</h1>
            <p>一、总体情况</p><p>全年  完成
            <b>45</b>项任务。</p>第二行<br>第三行</div>
            <footer>主办:某区人民政府</footer></body></html>"#;
        let h = extract(page);
        assert_eq!(
            h.text,
            "某区2019年度绩效管理工作报告\n\n一、总体情况\n\n全年 完成 45项任务。\n\n第二行\n\n第三行"
        );
        assert_eq!(h.title.as_deref(), Some("报告_某区政府"));
    }
}
