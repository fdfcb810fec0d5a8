//! The same report in other encodings and as the portal's HTML page.

use crate::common::*;
use reportc::report_model::Report;

/// Sections, paragraphs and indicators (everything but metadata), for comparison.
fn body(r: &Report) -> String {
    serde_json::to_string(&(&r.sections, &r.summary)).unwrap()
}

#[test]
fn gbk_converts_to_the_same_report() {
    // The portal's text has no-break spaces in its date line; GBK has none.
    let text = seed_text().replace('\u{a0}', " ");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "the test input really is GBK"
    );
    let c = convert_valid(&gbk);
    assert_eq!(c.report, seed_report());
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
}

#[test]
fn gb18030_and_utf8_bom_and_utf16_bom_convert_to_the_same_report() {
    let text = seed_text();
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    assert!(std::str::from_utf8(&gb).is_err());
    assert_eq!(convert_valid(&gb).report, seed_report());

    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    assert_eq!(convert_valid(&bom).report, seed_report());

    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    assert_eq!(convert_valid(&utf16).report, seed_report());
}

#[test]
fn crlf_line_ends_make_no_difference() {
    let text = seed_text().replace('\n', "\r\n");
    assert_eq!(convert_valid(text.as_bytes()).report, seed_report());
}

/// The seed as the district portal publishes it: site header, navigation, breadcrumbs,
/// scripts, share buttons, the article, and the footer.
fn portal_page(charset: &str) -> String {
    let text = seed_text();
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let title = lines.next().unwrap();
    let meta = lines.next().unwrap();
    let at = meta.find("来源").unwrap();
    let (date, source) = (meta[..at].trim(), &meta[at..]);
    let mut article = String::new();
    for l in lines {
        if l.starts_with("分享") || l.starts_with("字号") || l.starts_with("主办") {
            continue;
        }
        article.push_str(&format!(
            "<p style=\"text-indent:2em\">{}</p>\n",
            l.replace('&', "&amp;").replace('<', "&lt;")
        ));
    }
    format!(
        r##"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="2020-01-10 09:30">
<title>{title}_北京市通州区人民政府</title>
<link rel="stylesheet" href="/css/main.css">
<style>.nav li {{ float: left }}</style>
<script type="text/javascript">var _hmt = _hmt || []; document.write("<p>一、假标题</p>");</script>
</head>
<body>
<div class="top"><div class="logo">北京市通州区人民政府</div>
<div class="search"><form action="/search"><input name="q"><button>搜索</button></form></div></div>
<nav class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/bsfw">办事服务</a></li></ul></nav>
<div class="crumb">首页 &gt; 政务公开 &gt; 绩效管理</div>
<div class="article">
<h1 class="title">{title}</h1>
<div class="info"><span>{date}</span>    <span>{source}</span></div>
<div class="share">分享: <a href="#">微信</a> <a href="#">微博</a></div>
<div class="fontsize">字号: <a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>
<div class="TRS_Editor">
{article}</div>
</div>
<div class="related"><h3>相关链接</h3><ul><li><a href="#">通州区2018年度绩效管理工作报告</a></li></ul></div>
<footer><p>主办:北京市通州区人民政府 承办:北京市通州区人民政府办公室</p><p>政府网站标识码:1101120001 京公网安备 11011202001838号 京ICP备05031679号</p></footer>
<script src="/js/stats.js"></script>
<script>window.onload = function () {{ alert("<b>1.假的</b>"); }};</script>
</body>
</html>
"##
    )
}

#[test]
fn the_portal_page_converts_to_the_same_sections_and_indicators() {
    let page = portal_page("utf-8");
    let c = convert_valid(page.as_bytes());
    let seed = seed_report();
    assert_eq!(c.report.meta, seed.meta);
    assert_eq!(body(&c.report), body(&seed));
    for w in &c.warnings {
        assert!(w.contains("before the title"), "unexpected warning: {w}");
    }
}

#[test]
fn a_gbk_portal_page_honours_its_meta_charset() {
    let page = portal_page("gb2312").replace('\u{a0}', " ");
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&page);
    assert!(!unmappable);
    let c = convert_valid(&bytes);
    assert_eq!(body(&c.report), body(&seed_report()));
    assert_eq!(c.report.meta.title, "通州区2019年度绩效管理工作报告");
}

#[test]
fn a_utf8_page_that_claims_gbk_is_read_as_utf8_with_a_warning() {
    let page = portal_page("gbk");
    let c = convert_valid(page.as_bytes());
    assert_eq!(body(&c.report), body(&seed_report()));
    assert!(
        c.warnings.iter().any(|w| w.contains("valid UTF-8")),
        "{:?}",
        c.warnings
    );
}

#[test]
fn a_page_without_a_title_line_uses_its_title_element() {
    let page = portal_page("utf-8").replace(
        "<h1 class=\"title\">通州区2019年度绩效管理工作报告</h1>",
        "",
    );
    let page = page.replace(
        "<meta name=\"ArticleTitle\" content=\"通州区2019年度绩效管理工作报告\">",
        "",
    );
    let c = convert_valid(page.as_bytes());
    assert_eq!(c.report.meta.title, "通州区2019年度绩效管理工作报告");
    assert_eq!(body(&c.report), body(&seed_report()));
}

#[test]
fn convert_str_matches_convert_bytes() {
    let text = seed_text();
    let a = reportc::convert_str(&text, &Default::default())
        .unwrap()
        .report;
    assert_eq!(a, seed_report());
}
