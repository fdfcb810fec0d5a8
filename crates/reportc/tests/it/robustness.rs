//! Hostile and malformed input: clear errors or valid best-effort reports, never a panic.

use std::time::Instant;

use crate::common::*;
use reportc::report_model::validate;
use reportc::{convert_bytes, Error};

fn input_error(bytes: &[u8]) -> String {
    match convert_bytes(bytes, &Default::default()) {
        Err(Error::Input(m)) => m,
        Err(e) => panic!("expected an input error, got {e:?}"),
        Ok(c) => panic!(
            "expected an error, got a report with {} sections",
            c.report.sections.len()
        ),
    }
}

/// Converts; when that succeeds the report must be valid and copy its figures exactly.
fn best_effort(bytes: &[u8]) -> Option<reportc::Conversion> {
    match convert_bytes(bytes, &Default::default()) {
        Ok(c) => {
            let problems = validate(&c.report);
            assert!(problems.is_empty(), "invalid report: {problems:#?}");
            assert_exact_copies(&c.report);
            Some(c)
        }
        Err(e) => {
            assert!(
                !e.to_string().contains('\n'),
                "error messages are one line: {e}"
            );
            None
        }
    }
}

#[test]
fn empty_and_blank_input_is_an_error() {
    assert!(input_error(b"").contains("empty"));
    assert!(input_error(b"   \n\n\t  ").contains("no text"));
    assert!(input_error("\u{feff}".as_bytes()).contains("no text"));
}

#[test]
fn binary_junk_is_an_error() {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for len in [16usize, 100, 4096, 100_000] {
        let junk: Vec<u8> = (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 24) as u8
            })
            .collect();
        let m = input_error(&junk);
        assert!(
            m.contains("does not look like text") || m.contains("no report text"),
            "{m}"
        );
    }
    // A PNG header and a ZIP header.
    input_error(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa");
    input_error(b"PK\x03\x04\x14\0\0\0\x08\0\0\0!\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0");
}

#[test]
fn only_boilerplate_is_an_error() {
    let m = input_error("分享:\n字号:\n主办:某区人民政府 京ICP备05031679号\n".as_bytes());
    assert!(m.contains("no report text"), "{m}");
}

#[test]
fn no_headings_gives_one_section_with_a_warning() {
    let text = "某区2020年度绩效管理工作报告\n\n日期:2021-01-05    来源:区政府办\n\n全年完成植树造林1200亩,完成全年目标的105%。\n\n群众满意度达到95.5%。\n";
    let c = best_effort(text.as_bytes()).unwrap();
    assert_eq!(c.report.sections.len(), 1);
    let s = &c.report.sections[0];
    assert_eq!(
        (s.id.as_str(), s.title.as_str(), s.level),
        ("s-0", "正文", 1)
    );
    assert_eq!(s.paragraphs.len(), 2);
    assert_eq!(c.report.indicators().len(), 2);
    assert!(
        c.warnings.iter().any(|w| w.contains("no headings")),
        "{:?}",
        c.warnings
    );
}

#[test]
fn no_title_gives_a_warning_and_a_fallback() {
    let text = "一、总体情况\n\n全年完成植树造林1200亩。\n";
    let c = best_effort(text.as_bytes()).unwrap();
    assert_eq!(c.report.meta.title, reportc::UNTITLED);
    assert!(
        c.warnings.iter().any(|w| w.contains("no title")),
        "{:?}",
        c.warnings
    );
    let opts = reportc::ConvertOptions {
        fallback_title: Some("某区报告".into()),
    };
    let c = convert_bytes(text.as_bytes(), &opts).unwrap();
    assert_eq!(c.report.meta.title, "某区报告");
}

#[test]
fn text_before_the_first_heading_is_a_preamble() {
    let text = "某区2020年度报告\n\n日期:2021-01-05\n\n2020年,全区共完成重点任务50项。\n\n一、总体情况\n\n正文。\n";
    let c = best_effort(text.as_bytes()).unwrap();
    let ids: Vec<&str> = c.report.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, vec!["s-0", "s-1"]);
    assert_eq!(c.report.sections[0].title, "前言");
    assert_eq!(c.report.indicators().len(), 1);
}

#[test]
fn truncated_copies_convert_with_a_warning() {
    let text = seed_text();
    let chars: Vec<char> = text.chars().collect();
    let mut warned = 0;
    for cut in (40..chars.len()).step_by(61) {
        let part: String = chars[..cut].iter().collect();
        if let Some(c) = best_effort(part.as_bytes()) {
            if c.warnings.iter().any(|w| w.contains("truncated")) {
                warned += 1;
            }
        }
    }
    assert!(warned > 30, "{warned}");
    // Cut inside a figure: "完成率95.5" must not yield a made-up 95.5.
    let at = text.find("完成率95.56%").unwrap() + "完成率95.5".len();
    let c = best_effort(&text.as_bytes()[..at]).unwrap();
    assert!(c
        .report
        .indicators()
        .iter()
        .all(|i| i.value.as_ref().is_none_or(|v| v.raw != "95.5")));
    assert!(c.warnings.iter().any(|w| w.contains("truncated")));
}

#[test]
fn nul_bytes_are_removed_with_a_warning() {
    let text = seed_text()
        .replace("。\n", "。\0\n")
        .replace("一、", "\0一、");
    let c = best_effort(text.as_bytes()).unwrap();
    assert_eq!(c.report, seed_report());
    assert!(
        c.warnings.iter().any(|w| w.contains("NUL")),
        "{:?}",
        c.warnings
    );
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning() {
    let mut bytes = seed_text().into_bytes();
    // Break a few characters (lone continuation bytes, an encoded surrogate, a cut sequence).
    let at = bytes.len() / 2;
    bytes.splice(at..at, [0x80, 0xED, 0xA0, 0x80, 0xE4, 0xB8].iter().copied());
    let c = best_effort(&bytes).unwrap();
    assert!(
        c.warnings.iter().any(|w| w.contains("not valid UTF-8")),
        "{:?}",
        c.warnings
    );
    assert_eq!(c.report.meta.title, "通州区2019年度绩效管理工作报告");
    assert!(c.report.indicators().len() >= 88);
}

#[test]
fn an_extremely_long_line() {
    // 1 MB on one line, no full stops: sentences and paragraphs are cut to size.
    let unit = "全区完成道路养护面积1234.5亩,完成全年目标的112.3%,同比提高2.1个百分点;";
    let line: String = unit.repeat(1_000_000 / unit.len() + 1);
    let text = format!("某区2020年度报告\n\n一、总体情况\n\n{line}\n");
    let c = best_effort(text.as_bytes()).unwrap();
    for s in c.report.sections_flat() {
        for p in &s.paragraphs {
            assert!(p.text.chars().count() <= reportc::MAX_PARAGRAPH);
            for i in &p.indicators {
                assert!((i.source.end - i.source.start) as usize <= reportc::MAX_SENTENCE);
            }
        }
    }
    let n = c.report.indicators().len();
    let expected = line.matches("1234.5亩").count();
    assert!(
        n >= expected * 95 / 100 && n <= expected,
        "{n} of {expected}"
    );
    assert!(
        c.warnings.iter().any(|w| w.contains("split")),
        "{:?}",
        c.warnings
    );
    // And 20 MB on one line without any figure.
    let plain =
        "改进措施加强协调积极对接市级相关部门共同研究制定有效扬尘防控措施".repeat(20_000_000 / 96);
    let c = best_effort(format!("某区报告\n\n一、总体情况\n\n{plain}").as_bytes()).unwrap();
    assert_eq!(c.report.indicators().len(), 0);
}

/// A 50 MB report, built in memory: the seed, then many sections of realistic paragraphs,
/// one in twenty with figures. Must convert fast even in a debug build.
#[test]
fn fifty_megabytes() {
    let prose = [
        "主要原因:一是副中心建设正处于转型阵痛期,新型产业尚未形成,服务性领域消费增长缓慢;二是品牌特色少,居民消费意愿仍以商品性消费和居住类服务消费为主。",
        "改进措施:加强协调,积极对接市级相关部门,共同研究制定有效扬尘防控措施。加强顶层制度设计,对扬尘污染防治工作进行专项部署。",
        "充分利用智能平台和大数据资源,实现联防联控、科学治理、精准治污,强化建筑垃圾运输车闭环管理,完善路面尘土残存量考核机制。",
    ];
    let mut text = seed_text();
    text.truncate(text.find("主办").unwrap());
    let mut figures = 0;
    let mut i = 0usize;
    while text.len() < 50 * 1024 * 1024 {
        if i.is_multiple_of(400) {
            text.push_str(&format!("{}.专题工作\n\n", i / 400 % 90 + 1));
        }
        text.push_str(prose[i % 3]);
        if i.is_multiple_of(20) {
            text.push_str(&format!(
                "全年完成治理任务{}项,完成全年目标的{}.{}%。",
                i % 900 + 10,
                101 + i % 50,
                i % 10
            ));
            figures += 1;
        }
        text.push_str("\n\n");
        i += 1;
    }
    let start = Instant::now();
    let c = best_effort(text.as_bytes()).unwrap();
    let took = start.elapsed();
    eprintln!("50 MB converted and checked in {took:?}");
    assert_eq!(
        c.report.indicators().len(),
        seed_report().indicators().len() + figures
    );
    assert!(took.as_secs() < 120, "far too slow: {took:?}");
}

/// Random text from the genre's alphabet: numbers, units, headings, punctuation, brackets.
#[test]
fn random_genre_text_never_panics() {
    let pieces = [
        "一、",
        "(一)",
        "（二）",
        "1.",
        "2、",
        "（3）",
        "第一部分",
        "总体情况",
        "全区",
        "完成",
        "目标的",
        "占全年任务的",
        "同比",
        "提高",
        "下降",
        "改善",
        "涨幅",
        "由",
        "提升至",
        "最高",
        "完成率",
        "任务中,有",
        "滞后",
        "个百分点",
        "%",
        "％",
        "万",
        "亿",
        "余",
        "多",
        "亩",
        "吨",
        "万平方米",
        "微克/立方米",
        "个",
        "项",
        "人次",
        "2019年",
        "1-12月",
        "12345",
        "《",
        "》",
        "“",
        "”",
        "(",
        ")",
        "。",
        ",",
        "，",
        "、",
        ";",
        ":",
        "\n",
        "\n\n",
        " ",
        "0",
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
        ".",
        "．",
        "５",
        "-",
        "－",
        "+",
        "百分百",
        "PM2.5",
        "5A级",
        "第",
        "日期:2020-01-10",
        "来源:区信息中心",
        "分享:",
        "主办:",
        "ICP备",
        "\u{3000}",
        "\u{a0}",
        "\r",
        "\t",
        "<p>",
        "</p>",
        "<script>",
        "&amp;",
        "\u{feff}",
        "\u{200b}",
        "😀",
        "ｘ",
        "x",
    ];
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..400 {
        let len = (next() % 300) as usize;
        let mut s = String::from("某区2020年度报告\n");
        for _ in 0..len {
            s.push_str(pieces[(next() % pieces.len() as u64) as usize]);
        }
        best_effort(s.as_bytes());
        // Also without the title line, and as raw bytes cut at an arbitrary point.
        best_effort(s.as_bytes().get(17..).unwrap_or(&[]));
        let cut = (next() as usize) % (s.len() + 1);
        best_effort(&s.as_bytes()[..cut]);
    }
}

#[test]
fn hostile_html_does_not_hurt() {
    // Deep nesting, unclosed tags, scripts everywhere.
    let mut page =
        String::from("<!DOCTYPE html><html><head><title>某区2020年度报告</title></head><body>");
    for _ in 0..20_000 {
        page.push_str("<div><span>");
    }
    page.push_str("<p>一、总体情况</p><p>全年完成植树造林1200亩<script>alert(1)</script>,完成全年目标的105%。</p>");
    page.push_str("<p><b>二、<i>工作成效</p><p>群众满意度达到95.5%</table></body>");
    let c = best_effort(page.as_bytes()).unwrap();
    assert_eq!(c.report.meta.title, "某区2020年度报告");
    assert!(c.report.indicators().len() >= 2);
    let all = serde_json::to_string(&c.report).unwrap();
    assert!(!all.contains("alert"), "script text leaked into the report");
    // A page that is nothing but scripts.
    assert!(convert_bytes(
        b"<html><script>var a = 1;</script></html>",
        &Default::default()
    )
    .is_err());
}

#[test]
fn repeated_sentences_and_numbering_get_unique_ids() {
    let para = "全年完成植树造林1200亩,完成全年目标的105%。";
    let text = format!(
        "某区2020年度报告\n\n一、总体情况\n\n{para}\n\n{para}\n\n一、总体情况\n\n{para}\n\n(一)小节\n\n{para}\n\n(一)小节\n\n{para}\n"
    );
    let c = best_effort(text.as_bytes()).unwrap();
    let ids: Vec<String> = c.report.indicators().iter().map(|i| i.id.clone()).collect();
    assert_eq!(ids.len(), 5);
    assert_eq!(ids[1], format!("{}-2", ids[0]));
    let sids: Vec<&str> = c
        .report
        .sections_flat()
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(sids, vec!["s-1", "s-1_2", "s-1_2-1", "s-1_2-1_2"]);
}

#[test]
fn headings_without_paragraphs_and_skipped_levels() {
    let text = "某区2020年度报告\n\n一、总体情况\n\n1.没有二级标题\n\n（1）四级\n\n内容。\n\n二、空章节\n\n三、又一章\n";
    let c = best_effort(text.as_bytes()).unwrap();
    let flat: Vec<(&str, u8)> = c
        .report
        .sections_flat()
        .iter()
        .map(|s| (s.id.as_str(), s.level))
        .collect();
    assert_eq!(
        flat,
        vec![
            ("s-1", 1),
            ("s-1-1", 3),
            ("s-1-1-1", 4),
            ("s-2", 1),
            ("s-3", 1)
        ]
    );
}

#[test]
fn json_input_is_refused() {
    let json = reportc::to_json(&seed_report());
    let m = input_error(json.as_bytes());
    assert!(m.contains("JSON"), "{m}");
    // A text that merely starts with a brace is still text.
    let c = best_effort(
        "{草稿}某区2020年度报告\n\n一、总体情况\n\n全年完成植树造林1200亩。\n".as_bytes(),
    );
    assert!(c.is_some());
}
