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

/// Extracts the text blocks of a page.
pub fn extract(html: &str) -> HtmlText {
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
