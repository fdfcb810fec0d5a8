//! Export of the visible rows: a CSV file for spreadsheets and analysis, and a plain-text
//! "copy as text".
//!
//! Both carry the report's title, source, date and the page's link, so an exported figure can be
//! traced back to where it was published. In the CSV they come *after* the table, as a
//! statistics office prints its notes under a table: the first record is the header, so that
//! Excel's filter, Python's `csv.DictReader` and pandas name the columns correctly, and a file
//! forwarded on its own still says where its figures come from.

use report_model::Meta;

use crate::figure_text::{direction_word, kind_label, status_label};
use crate::numtext::shortest;
use crate::rows::IndicatorRow;

/// The CSV header row: the first record of the file.
pub const CSV_HEADER: [&str; 21] = [
    "指标",
    "章节",
    "类型",
    "数值",
    "数值（数字）",
    "单位",
    "限定",
    "基期",
    "基期（数字）",
    "变化",
    "变化方向",
    "变化量（数字）",
    "变化单位",
    "目标完成",
    "目标完成（%）",
    "目标",
    "目标（数字）",
    "状态",
    "状态依据",
    "原文",
    "链接",
];

/// What the columns mean, for the notes under the table.
pub const CSV_NOTE: &str = "“数值”“基期”“目标”为原文表述（含“约”“以上”“最高”等限定词，变化指标为变化的方向和幅度）；“（数字）”列为同一数字的纯数值（“万”“亿”已换算，如8.6万记为86000，“百分百”记为100），供排序和计算；“限定”为原文限定词；“变化量（数字）”下降为负；“状态”只记原文所述，原文未说明的记为“未说明”。";

/// The rows as a CSV file, in the order given.
///
/// * UTF-8 with a BOM, so that Excel opens the Chinese text correctly; CRLF line ends; fields
///   quoted per RFC 4180 when they hold `,` `"` CR or LF, quotes doubled.
/// * First `CSV_HEADER`, then one record per row; then a blank line and the notes: 报告标题,
///   来源, 发布日期, 链接 (`page_url` as given) and 说明 (`CSV_NOTE`). A reader of the table
///   stops at the blank line (pandas: `skip_blank_lines=False` and cut at the first empty row,
///   or simply drop rows whose 章节 is empty).
/// * 数值 is the figure as the page shows it, with its qualifier words ("约 6593.69亩",
///   "60%以上", "↓ 降低 14%", "第四"); 数值（数字） the same number as a plain decimal (86000 for
///   "8.6万"), never re-formatted by the float formatter ([`shortest`] gives the shortest
///   decimal that reads back as the published number); 限定 the qualifier words; 变化 the whole
///   published change phrase ("同比提高2.8个百分点"), 变化方向 上升/下降, 变化量（数字） the signed
///   amount, 变化单位 its unit (points vs percent); 目标完成 the published completion phrase and
///   目标完成（%） its percent (completion figures only); 目标 a stated target level; 状态 and
///   状态依据 what the text states and the words it was read from; 链接 the page URL (without
///   any fragment) + "#" + the indicator id.
///
/// **Formula defusing.** A spreadsheet runs a cell starting with `=` `+` `-` `@` (or tab / CR) as
/// a formula, so a hostile report text could run one on the reader's machine. Text cells (names,
/// titles, sentences, units, links, …) starting with one of those get a leading `'`. Number
/// cells are plain signed decimals ("-14"), written unchanged (a spreadsheet reads them as the
/// number, not a formula); anything else in them is defused like text.
pub fn rows_to_csv(meta: &Meta, page_url: &str, rows: &[&IndicatorRow]) -> String {
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = CSV_HEADER.iter().map(|h| text_cell(h)).collect();
    push_record(&mut out, &header);
    let number = |n: Option<f64>| {
        figure_cell(
            &n.filter(|x| x.is_finite())
                .map(shortest)
                .unwrap_or_default(),
        )
    };
    let text = |s: Option<&str>| text_cell(s.unwrap_or_default());
    for row in rows {
        let change = row.change.as_ref();
        let cells = [
            text_cell(&row.name),
            text_cell(&row.section_title),
            text_cell(kind_label(row.kind)),
            text_cell(&row.figure),
            number(row.value_number),
            text_cell(&row.value_unit),
            text_cell(&row.value_qualifiers),
            text(row.baseline_text.as_deref()),
            number(row.baseline_number),
            text(change.map(|c| c.phrase.as_str())),
            text(change.map(|c| direction_word(c.direction))),
            number(change.and_then(|c| c.signed_number)),
            text(change.map(|c| c.amount_unit.as_str())),
            text(row.completion_phrase.as_deref()),
            number(row.completion),
            text(row.goal_text.as_deref()),
            number(row.goal_number),
            text_cell(status_label(row.status)),
            text(row.status_basis.as_deref()),
            text_cell(&row.sentence),
            text_cell(&row_link(page_url, &row.id)),
        ];
        push_record(&mut out, &cells);
    }
    out.push_str("\r\n");
    let notes = [
        ("报告标题", meta.title.as_str()),
        ("来源", meta.source.as_deref().unwrap_or_default()),
        ("发布日期", meta.published.as_deref().unwrap_or_default()),
        ("链接", page_url),
        ("说明", CSV_NOTE),
    ];
    for (label, value) in notes {
        push_record(&mut out, &[text_cell(label), text_cell(value)]);
    }
    out
}

/// The rows as readable plain text (LF line ends), for the clipboard: a heading block with the
/// report's provenance, then per row a numbered line "名称：约 6593.69亩；↑ 同比提高 2.8个百分点；
/// 完成总目标的114.59%；状态：超额完成" and indented 章节 / 原文 / 链接 lines. Nothing is quoted or
/// defused: this is for reading, not for a spreadsheet. Line breaks inside fields become spaces
/// so each entry keeps its shape.
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
        if !row.figure.is_empty() {
            facts.push(row.figure.clone());
        }
        if let Some(b) = &row.baseline_text {
            facts.push(format!("基期{b}"));
        }
        if let (Some(c), false) = (&row.change, row.kind == report_model::IndicatorKind::Change) {
            facts.push(c.text.clone());
        }
        if let Some(p) = &row.completion_phrase {
            facts.push(p.clone());
        }
        if let Some(g) = &row.goal_text {
            facts.push(format!("目标{g}"));
        }
        facts.push(format!("状态：{}", status_label(row.status)));
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
pub(crate) fn row_link(page_url: &str, id: &str) -> String {
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
    use std::collections::HashMap;

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

    /// Records as `csv.DictReader` gives them: the first record names the columns, every later
    /// non-empty record is a dict; here the data rows are those before the blank line.
    type Record = HashMap<String, String>;

    fn dict_rows(csv: &str) -> (Vec<String>, Vec<Record>, Vec<Vec<String>>) {
        let recs = parse_csv(csv.strip_prefix('\u{feff}').unwrap_or(csv));
        let header = recs[0].clone();
        let blank = recs
            .iter()
            .position(|r| r.len() == 1 && r[0].is_empty())
            .unwrap_or(recs.len());
        let rows = recs[1..blank]
            .iter()
            .map(|r| header.iter().cloned().zip(r.iter().cloned()).collect())
            .collect();
        (header, rows, recs[blank + 1..].to_vec())
    }

    fn qualified_report() -> report_model::Report {
        use report_model::QualifierKind::*;
        use report_model::QualifierPlace::*;
        let mut report = fixture::report();
        fixture::each_indicator_mut(&mut report, &mut |i| {
            if i.id == "i-posts" {
                // "余" inside the number, as published.
                i.value = Some(fixture::mq("8600余", "名", &[(MoreThan, "余", Within)]));
            }
            if i.id == "i-park" {
                i.value = Some(fixture::mq("85.8", "%", &[(Peak, "最高", Before)]));
            }
        });
        report
    }

    #[test]
    fn csv_is_header_first_with_numeric_columns_and_notes_after() {
        let report = qualified_report();
        let all = rows(&report);
        let picked: Vec<&IndicatorRow> = all.iter().collect();
        let csv = rows_to_csv(&report.meta, URL, &picked);
        assert!(csv.starts_with("\u{feff}指标,章节,类型,数值,数值（数字）,"));
        // Every line ends in CRLF; no bare LF.
        assert_eq!(csv.matches('\n').count(), csv.matches("\r\n").count());
        assert!(csv.ends_with("\r\n"));

        let (header, dicts, notes) = dict_rows(&csv);
        assert_eq!(header, CSV_HEADER);
        assert_eq!(dicts.len(), all.len());
        assert_eq!(notes[0], ["报告标题", "通州区2019年度绩效管理工作报告"]);
        assert_eq!(notes[1], ["来源", "区信息中心"]);
        assert_eq!(notes[2], ["发布日期", "2020-01-10"]);
        assert_eq!(notes[3], ["链接", URL]);
        assert_eq!(notes[4], ["说明", CSV_NOTE]);
        assert_eq!(notes.len(), 5);

        // The numeric value column parses as numbers wherever the row has a value.
        for d in &dicts {
            let n = &d["数值（数字）"];
            if d["数值"].is_empty() {
                assert_eq!(n, "", "{d:?}");
            } else {
                assert!(n.parse::<f64>().is_ok(), "{n:?} in {d:?}");
                assert!(is_plain_number(n), "{n:?}");
            }
        }
        let by = |id: &str| {
            dicts
                .iter()
                .find(|d| d["链接"].ends_with(&format!("#{id}")))
                .unwrap_or_else(|| panic!("no record for {id}"))
        };
        let trees = by("i-trees");
        assert_eq!(trees["指标"], "新增大树种植");
        assert_eq!(trees["章节"], "（一）高质量发展");
        assert_eq!(trees["类型"], "目标完成");
        assert_eq!(
            (trees["数值"].as_str(), trees["数值（数字）"].as_str()),
            ("37814亩", "37814")
        );
        assert_eq!(trees["单位"], "亩");
        assert_eq!(trees["目标完成"], "完成总目标的114.59%");
        assert_eq!(trees["目标完成（%）"], "114.59");
        assert_eq!(trees["状态"], "超额完成");
        assert_eq!(trees["状态依据"], "完成总目标的114.59%");
        assert!(trees["原文"].contains("完成总目标的114.59%,全区森林覆盖率"));
        assert_eq!(
            trees["链接"],
            "https://example.org/report/?status=exceeded#i-trees"
        );
        let posts = by("i-posts");
        assert_eq!(posts["数值"], "8600余名");
        assert_eq!(posts["数值（数字）"], "8600");
        assert_eq!(posts["限定"], "余");
        assert_eq!(posts["目标完成"], "");
        let park = by("i-park");
        assert_eq!(
            (park["数值"].as_str(), park["限定"].as_str()),
            ("最高 85.8%", "最高")
        );
        assert_eq!(
            (park["基期"].as_str(), park["基期（数字）"].as_str()),
            ("80%", "80")
        );
        let pm = by("i-pm25");
        assert_eq!(pm["数值"], "预计 46微克/立方米");
        assert_eq!(pm["限定"], "预计");
        assert_eq!(pm["变化"], "同比改善16.7%");
        assert_eq!(pm["变化方向"], "下降");
        assert_eq!(pm["变化量（数字）"], "-16.7");
        assert_eq!(pm["变化单位"], "%");
        let forest = by("i-forest");
        assert_eq!(forest["变化单位"], "个百分点");
        assert_eq!(forest["变化量（数字）"], "2.8");
        assert_eq!(forest["类型"], "比率");
        let rate = by("i-rate");
        assert_eq!(
            (rate["目标完成"].as_str(), rate["状态"].as_str()),
            ("", "未说明")
        );
        let dust = by("i-dust");
        assert_eq!((dust["数值"].as_str(), dust["状态"].as_str()), ("", "滞后"));
        assert_eq!(dust["状态依据"], "相对滞后");
    }

    #[test]
    fn numeric_cells_never_come_from_float_formatting() {
        let report = fixture::report();
        let mut r = rows(&report)
            .into_iter()
            .find(|r| r.id == "i-trees")
            .unwrap_or_else(|| panic!("trees"));
        // 114.59 as parsed is 114.5899999999999963… : the cell says 114.59.
        r.completion = Some("114.59".parse().unwrap_or_default());
        r.value_number = Some(86000.0);
        let csv = rows_to_csv(&report.meta, "", &[&r]);
        let (_, dicts, _) = dict_rows(&csv);
        assert_eq!(dicts[0]["目标完成（%）"], "114.59");
        assert_eq!(dicts[0]["数值（数字）"], "86000");
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
        r.figure = "-5.6吨".into();
        r.value_number = Some(-5.6);
        r.baseline_text = Some("+2+cmd|' /C calc'!A0".into());
        r.completion = Some(-3.0);
        let mut meta = report.meta.clone();
        meta.title = "+标题,含逗号".into();
        let csv = rows_to_csv(&meta, "", &[&r]);
        let (_, dicts, notes) = dict_rows(&csv);
        assert_eq!(notes[0][1], "'+标题,含逗号");
        assert_eq!(notes[3], ["链接", ""]);
        let row = &dicts[0];
        assert_eq!(row["指标"], "'=HYPERLINK(\"http://evil\",\"点我\")");
        assert_eq!(row["章节"], "'@SUM(A1)");
        assert_eq!(row["数值"], "'-5.6吨");
        assert_eq!(row["数值（数字）"], "-5.6");
        assert_eq!(row["基期"], "'+2+cmd|' /C calc'!A0");
        assert_eq!(row["目标完成（%）"], "-3");
        assert_eq!(row["原文"], "'-“通州区行政复议规范化建设”成功入围");
        assert_eq!(row["链接"], "#i-trees");
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
        let (_, dicts, _) = dict_rows(&csv);
        assert_eq!(dicts[0]["原文"], "第一行\r\n第二行,\"引号\"");
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

1. 森林覆盖率：33%；↑ 同比提高 2.8个百分点；状态：未说明
   章节：（一）高质量发展
   原文：我区全年新增大树种植37814亩,完成总目标的114.59%,全区森林覆盖率达到33%,同比提高2.8个百分点,逐步实现副中心主要通道景观“景不断链、绿不断线”。
   链接：https://example.org/report/?status=exceeded#i-forest

2. 化学需氧量减排：1006.4吨；完成全年目标的201.28%；状态：超额完成
   章节：（一）高质量发展
   原文：经测算,化学需氧量减排1006.4吨,完成全年目标的201.28%,氨氮减排148.3吨,完成全年目标的247.17%,预计实现万元地区生产总值二氧化碳排放下降5.6%。
   链接：https://example.org/report/?status=exceeded#i-cod

3. 总消费增速：状态：滞后
   章节：1.总消费增速进展相对滞后
   原文：总消费增速进展相对滞后
   链接：https://example.org/report/?status=exceeded#i-consume
";
        assert_eq!(text, expected);
        assert_eq!(row_link("", "i-x"), "#i-x");
    }
}
