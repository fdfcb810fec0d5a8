//! Export of the visible rows: a CSV file for spreadsheets and a plain-text "copy as text".
//!
//! Both carry the report's title, source, date and the page's link, so an exported figure can be
//! traced back to where it was published.

use report_model::Meta;

use crate::labels::status_label;
use crate::rows::IndicatorRow;

/// The CSV header row.
pub const CSV_HEADER: [&str; 10] = [
    "指标",
    "章节",
    "数值",
    "单位",
    "基期",
    "变化",
    "目标完成(%)",
    "状态",
    "原文",
    "链接",
];

/// The rows as a CSV file, in the order given.
///
/// * UTF-8 with a BOM, so that Excel opens the Chinese text correctly; CRLF line ends; fields
///   quoted per RFC 4180 when they hold `,` `"` CR or LF, quotes doubled.
/// * First the report's 报告标题, 来源, 发布日期 and 链接 (`page_url` as given), a blank line,
///   then [`CSV_HEADER`] and one line per row.
/// * 数值 / 单位 are the published value and unit; 基期 the published baseline with unit; 变化
///   the whole published change phrase ("同比提高2.8个百分点", unambiguous about points vs
///   percent and the comparison); 目标完成(%) the published percent ("114.59"); 链接 the page
///   URL (without any fragment) + "#" + the indicator id.
///
/// **Formula defusing.** A spreadsheet runs a cell starting with `=` `+` `-` `@` (or tab / CR) as
/// a formula, so a hostile report text could run one on the reader's machine. Text cells (names,
/// titles, sentences, units, links, …) starting with one of those get a leading `'`. Figure
/// cells (数值, 基期, 目标完成) are published numbers: a plain signed decimal such as "-5.6" is
/// written unchanged (a spreadsheet reads it as the number, not a formula, and prefixing `'`
/// would corrupt a published figure); any other figure starting with a trigger is defused like
/// text.
pub fn rows_to_csv(meta: &Meta, page_url: &str, rows: &[&IndicatorRow]) -> String {
    let mut out = String::from("\u{feff}");
    let meta_lines = [
        ("报告标题", meta.title.as_str()),
        ("来源", meta.source.as_deref().unwrap_or_default()),
        ("发布日期", meta.published.as_deref().unwrap_or_default()),
        ("链接", page_url),
    ];
    for (label, value) in meta_lines {
        push_record(&mut out, &[text_cell(label), text_cell(value)]);
    }
    out.push_str("\r\n");
    let header: Vec<String> = CSV_HEADER.iter().map(|h| text_cell(h)).collect();
    push_record(&mut out, &header);
    for row in rows {
        let completion = row
            .completion_display
            .as_deref()
            .map(|d| {
                // "114.59%" → "114.59": the header already says (%). Kept whole if the unit is
                // something else.
                match row.completion_raw.as_deref() {
                    Some(raw) if d.strip_suffix('%') == Some(raw) => raw,
                    _ => d,
                }
            })
            .unwrap_or_default();
        let cells = [
            text_cell(&row.name),
            text_cell(&row.section_title),
            figure_cell(&row.value_raw),
            text_cell(&row.value_unit),
            figure_cell(row.baseline_display.as_deref().unwrap_or_default()),
            text_cell(
                row.change
                    .as_ref()
                    .map(|c| c.phrase.as_str())
                    .unwrap_or_default(),
            ),
            figure_cell(completion),
            text_cell(status_label(row.status)),
            text_cell(&row.sentence),
            text_cell(&row_link(page_url, &row.id)),
        ];
        push_record(&mut out, &cells);
    }
    out
}

/// The rows as readable plain text (LF line ends), for the clipboard: a heading block like the
/// CSV's, then per row a numbered line "名称：数值；同比 +2.8个百分点；目标完成114.59%；状态" and
/// indented 章节 / 原文 / 链接 lines. Nothing is quoted or defused: this is for reading, not for a
/// spreadsheet. Line breaks inside fields become spaces so each entry keeps its shape.
pub fn rows_to_text(meta: &Meta, page_url: &str, rows: &[&IndicatorRow]) -> String {
    let mut out = String::new();
    out.push_str(&one_line(&meta.title));
    out.push('\n');
    if let Some(s) = meta.source.as_deref().filter(|s| !s.trim().is_empty()) {
        out.push_str(&format!("来源：{}\n", one_line(s)));
    }
    if let Some(d) = meta.published.as_deref().filter(|d| !d.trim().is_empty()) {
        out.push_str(&format!("发布日期：{}\n", one_line(d)));
    }
    if !page_url.trim().is_empty() {
        out.push_str(&format!("链接：{}\n", one_line(page_url)));
    }
    for (n, row) in rows.iter().enumerate() {
        let mut facts: Vec<String> = Vec::new();
        if !row.value_display.is_empty() {
            facts.push(row.value_display.clone());
        }
        if let Some(c) = &row.change {
            facts.push(c.display_with_basis());
        }
        if let Some(d) = &row.completion_display {
            facts.push(format!("目标完成{d}"));
        }
        facts.push(status_label(row.status).to_string());
        out.push('\n');
        out.push_str(&format!(
            "{}. {}：{}\n",
            n + 1,
            one_line(&row.name),
            one_line(&facts.join("；"))
        ));
        out.push_str(&format!("   章节：{}\n", one_line(&row.section_title)));
        out.push_str(&format!("   原文：{}\n", one_line(&row.sentence)));
        out.push_str(&format!(
            "   链接：{}\n",
            one_line(&row_link(page_url, &row.id))
        ));
    }
    out
}

/// The link to one indicator: `page_url` with any fragment replaced by `#id`. The query string
/// is kept, so the link reopens the same filtered view.
pub fn row_link(page_url: &str, id: &str) -> String {
    let base = page_url.split('#').next().unwrap_or_default();
    format!("{base}#{id}")
}

fn push_record(out: &mut String, cells: &[String]) {
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// Characters that make a spreadsheet treat a cell as a formula.
fn starts_like_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A text cell: defused, then quoted.
fn text_cell(s: &str) -> String {
    if starts_like_formula(s) {
        quote(&format!("'{s}"))
    } else {
        quote(s)
    }
}

/// A published figure: kept as published when it is a plain number, else treated as text.
fn figure_cell(s: &str) -> String {
    if is_plain_number(s) {
        s.to_string()
    } else {
        text_cell(s)
    }
}

/// An optional sign, digits, and at most one '.' followed by digits: "-5.6", "+3", "37814".
fn is_plain_number(s: &str) -> bool {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    digits(int) && frac.is_none_or(digits)
}

/// RFC 4180: quote a field holding a comma, quote, CR or LF, doubling its quotes.
fn quote(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn one_line(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{fixture, rows};

    const URL: &str = "https://example.org/report/?status=exceeded#top";

    /// A small RFC 4180 reader: records of fields, CRLF or LF record ends, quoted fields with
    /// doubled quotes. Enough to check what `rows_to_csv` wrote.
    fn parse_csv(s: &str) -> Vec<Vec<String>> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut chars = s.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            if quoted {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => quoted = false,
                    _ => field.push(c),
                }
                continue;
            }
            match c {
                '"' if field.is_empty() => quoted = true,
                ',' => record.push(std::mem::take(&mut field)),
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' => {
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                _ => field.push(c),
            }
        }
        assert!(!quoted, "unterminated quote");
        if !field.is_empty() || !record.is_empty() {
            record.push(field);
            records.push(record);
        }
        records
    }

    #[test]
    fn csv_has_bom_meta_header_and_published_figures() {
        let report = fixture::report();
        let all = rows(&report);
        let picked: Vec<&IndicatorRow> = all.iter().collect();
        let csv = rows_to_csv(&report.meta, URL, &picked);
        assert!(csv.starts_with("\u{feff}报告标题,"));
        // Every line ends in CRLF; no bare LF.
        assert_eq!(csv.matches('\n').count(), csv.matches("\r\n").count());
        assert!(csv.ends_with("\r\n"));

        let recs = parse_csv(csv.trim_start_matches('\u{feff}'));
        assert_eq!(recs[0], ["报告标题", "通州区2019年度绩效管理工作报告"]);
        assert_eq!(recs[1], ["来源", "区信息中心"]);
        assert_eq!(recs[2], ["发布日期", "2020-01-10"]);
        assert_eq!(recs[3], ["链接", URL]);
        assert_eq!(recs[4], [""]);
        assert_eq!(recs[5], CSV_HEADER);
        assert_eq!(recs.len(), 6 + all.len());

        let find = |id: &str| {
            recs.iter()
                .find(|r| r.get(9).is_some_and(|l| l.ends_with(&format!("#{id}"))))
                .unwrap_or_else(|| panic!("no record for {id}"))
        };
        let trees = find("i-trees");
        assert_eq!(trees[0], "新增大树种植");
        assert_eq!(trees[1], "（一）高质量发展");
        assert_eq!((trees[2].as_str(), trees[3].as_str()), ("37814", "亩"));
        assert_eq!(trees[6], "114.59");
        assert_eq!(trees[7], "超额完成");
        assert!(trees[8].contains("完成总目标的114.59%,全区森林覆盖率"));
        assert_eq!(
            trees[9],
            "https://example.org/report/?status=exceeded#i-trees"
        );
        let posts = find("i-posts");
        assert_eq!((posts[2].as_str(), posts[3].as_str()), ("8.6万", "个"));
        assert_eq!(posts[6], "");
        let park = find("i-park");
        assert_eq!(park[4], "80%");
        let forest = find("i-forest");
        assert_eq!(forest[5], "同比提高2.8个百分点");
        let dust = find("i-dust");
        assert_eq!((dust[2].as_str(), dust[7].as_str()), ("", "滞后"));
    }

    #[test]
    fn formulas_are_defused_in_text_but_signed_numbers_are_kept() {
        let report = fixture::report();
        let mut r = rows(&report)
            .into_iter()
            .find(|r| r.id == "i-trees")
            .unwrap_or_else(|| panic!("trees"));
        r.name = "=HYPERLINK(\"http://evil\",\"点我\")".into();
        r.sentence = "-“通州区行政复议规范化建设”成功入围".into();
        r.section_title = "@SUM(A1)".into();
        r.value_raw = "-5.6".into();
        r.baseline_display = Some("+2+cmd|' /C calc'!A0".into());
        r.completion_display = Some("-3%".into());
        r.completion_raw = Some("-3".into());
        let mut meta = report.meta.clone();
        meta.title = "+标题,含逗号".into();
        let csv = rows_to_csv(&meta, "", &[&r]);
        let recs = parse_csv(csv.trim_start_matches('\u{feff}'));
        assert_eq!(recs[0][1], "'+标题,含逗号");
        assert_eq!(recs[3], ["链接", ""]);
        let row = &recs[6];
        assert_eq!(row[0], "'=HYPERLINK(\"http://evil\",\"点我\")");
        assert_eq!(row[1], "'@SUM(A1)");
        assert_eq!(row[2], "-5.6");
        assert_eq!(row[4], "'+2+cmd|' /C calc'!A0");
        assert_eq!(row[6], "-3");
        assert_eq!(row[8], "'-“通州区行政复议规范化建设”成功入围");
        assert_eq!(row[9], "#i-trees");
    }

    #[test]
    fn plain_numbers() {
        for ok in ["0", "37814", "-5.6", "+3", "95.56"] {
            assert!(is_plain_number(ok), "{ok}");
        }
        for bad in [
            "", "-", ".5", "5.", "8.6万", "1.2.3", "-1+1", "--1", "2000余",
        ] {
            assert!(!is_plain_number(bad), "{bad}");
        }
    }

    #[test]
    fn quoting_follows_rfc_4180() {
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(quote("纯文本"), "纯文本");
        let report = fixture::report();
        let mut r = rows(&report).remove(0);
        r.sentence = "第一行\r\n第二行,\"引号\"".into();
        let csv = rows_to_csv(&report.meta, URL, &[&r]);
        let recs = parse_csv(csv.trim_start_matches('\u{feff}'));
        assert_eq!(recs[6][8], "第一行\r\n第二行,\"引号\"");
    }

    #[test]
    fn text_export_is_readable() {
        let report = fixture::report();
        let all = rows(&report);
        let picked: Vec<&IndicatorRow> = all
            .iter()
            .filter(|r| ["i-forest", "i-cod", "i-consume"].contains(&r.id.as_str()))
            .collect();
        let text = rows_to_text(&report.meta, URL, &picked);
        let expected = "通州区2019年度绩效管理工作报告
来源：区信息中心
发布日期：2020-01-10
链接：https://example.org/report/?status=exceeded#top

1. 森林覆盖率：33%；同比 +2.8个百分点；无目标值
   章节：（一）高质量发展
   原文：我区全年新增大树种植37814亩,完成总目标的114.59%,全区森林覆盖率达到33%,同比提高2.8个百分点,逐步实现副中心主要通道景观“景不断链、绿不断线”。
   链接：https://example.org/report/?status=exceeded#i-forest

2. 化学需氧量减排：1006.4吨；目标完成201.28%；超额完成
   章节：（一）高质量发展
   原文：经测算,化学需氧量减排1006.4吨,完成全年目标的201.28%,氨氮减排148.3吨,完成全年目标的247.17%,预计实现万元地区生产总值二氧化碳排放下降5.6%。
   链接：https://example.org/report/?status=exceeded#i-cod

3. 总消费增速：滞后
   章节：1.总消费增速进展相对滞后
   原文：总消费增速进展相对滞后
   链接：https://example.org/report/?status=exceeded#i-consume
";
        assert_eq!(text, expected);
        assert_eq!(row_link("", "i-x"), "#i-x");
    }
}
