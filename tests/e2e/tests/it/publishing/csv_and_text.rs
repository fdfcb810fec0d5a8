//! CSV download and copy-as-text: the rows shown, with the report's provenance, or offered in a
//! selected text box to copy by hand when the page cannot write to the clipboard.

use std::time::Duration;

use e2e::page;
use e2e::{
    all_indicators, downloaded_csv, fresh_download_dir, open_built_with, parse_csv, served_report,
    Browser, Session, SessionOptions,
};
use serde_json::Value;

use super::{open, PREFIX, TITLE};

/// The rows the table shows: id, name, figure as shown (with its qualifiers), status label.
async fn rows_on_screen(s: &Session) -> Vec<[String; 4]> {
    let rows = s
        .js(
            r#"return [...document.querySelectorAll('.indicator-table tbody tr')].map(tr => {
            const td = tr.querySelectorAll('td');
            return [tr.id, tr.querySelector('.cell-name strong').textContent,
                    td[2].querySelector('.figure-text').textContent.trim(), td[6].textContent];
        })"#,
        )
        .await;
    rows.as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            let f = |i: usize| r[i].as_str().unwrap_or_default().to_string();
            [f(0), f(1), f(2), f(3)]
        })
        .collect()
}

#[tokio::test(flavor = "current_thread")]
async fn the_csv_download_holds_the_rows_shown_with_the_reports_provenance() {
    let dir = fresh_download_dir("csv");
    let options = SessionOptions {
        download_dir: Some(dir.clone()),
        ..SessionOptions::default()
    };
    let (server, s) = open_built_with(PREFIX, 1280, 900, "", options).await;
    s.wait_for(page::STATUS_MENU)
        .await
        .select_by_value("exceeded")
        .await
        .expect("filter");
    s.eventually("return location.search", Value::from("?status=exceeded"))
        .await;
    let shown = rows_on_screen(&s).await;
    let total = all_indicators(&served_report()).len();
    assert!(shown.len() >= 3 && shown.len() < total, "{}", shown.len());
    s.click(page::DOWNLOAD_CSV).await;
    let (name, bytes) = downloaded_csv(&dir).await;
    assert_eq!(name, format!("{TITLE}-指标.csv"));
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "no UTF-8 BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
    let records = parse_csv(&text);
    let link = server.url("?status=exceeded");
    // The header first (Excel's filter, csv.DictReader and pandas name the columns from it),
    // the rows, a blank line, then the report's provenance as notes under the table.
    let header = &records[0];
    assert_eq!(header.len(), 21, "{header:?}");
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let (c_name, c_value, c_number, c_unit) =
        (col("指标"), col("数值"), col("数值（数字）"), col("单位"));
    let (c_pct, c_status, c_link) = (col("目标完成（%）"), col("状态"), col("链接"));
    let blank = records
        .iter()
        .position(|r| r.len() == 1 && r[0].is_empty())
        .expect("a blank line before the notes");
    let rows = &records[1..blank];
    let notes = &records[blank + 1..];
    assert_eq!(notes[0], ["报告标题", TITLE]);
    assert_eq!(notes[1], ["来源", "区信息中心"]);
    assert_eq!(notes[2], ["发布日期", "2020-01-10"]);
    assert_eq!(notes[3], ["链接", link.as_str()]);
    assert_eq!(notes[4][0], "说明");
    assert_eq!(rows.len(), shown.len());
    for (csv, [id, name, value, status]) in rows.iter().zip(&shown) {
        assert_eq!(csv.len(), header.len(), "{csv:?}");
        assert_eq!(&csv[c_name], name);
        // The figure as the table shows it, qualifier words and all.
        assert_eq!(&csv[c_value], value, "{name}");
        assert_eq!(&csv[c_status], status);
        assert_eq!(csv[c_link], format!("{link}#{id}"));
    }
    // Published figures stay as published ("114.59", not re-formatted), and the numeric
    // columns are plain numbers.
    let trees = rows
        .iter()
        .find(|r| r[c_value] == "37814亩")
        .expect("新增大树种植 is exceeded");
    assert_eq!(
        (
            trees[c_number].as_str(),
            trees[c_unit].as_str(),
            trees[c_pct].as_str()
        ),
        ("37814", "亩", "114.59")
    );
    let announced = s
        .js("return document.querySelector('[aria-live=polite]').textContent")
        .await;
    assert_eq!(
        announced,
        Value::from(format!("已生成表格文件，共 {} 项指标", shown.len()))
    );
    s.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// Checks "复制为文本" output against the rows shown.
fn assert_text_lists(text: &str, rows: &[[String; 4]], link: &str) {
    assert!(
        text.starts_with(&format!(
            "{TITLE}\n来源：区信息中心\n发布日期：2020-01-10\n链接：{link}\n"
        )),
        "{text}"
    );
    for (n, [id, name, value, _]) in rows.iter().enumerate() {
        let head = format!("\n{}. {name}：{value}", n + 1);
        assert!(text.contains(&head), "{head:?} not in {text}");
        assert!(text.contains(&format!("链接：{link}#{id}\n")), "{id}");
    }
    assert!(!text.contains(&format!("\n{}. ", rows.len() + 1)));
}

#[tokio::test(flavor = "current_thread")]
async fn copy_as_text_lists_the_rows_shown_or_offers_them_to_copy_by_hand() {
    let (server, s) = open(1280, 900, "?status=lagging").await;
    let shown = rows_on_screen(&s).await;
    assert!(!shown.is_empty());
    let link = server.url("?status=lagging");

    // Whatever headless Chromium does with the real clipboard: either it is written, or the
    // text is shown, selected, in a read-only field.
    s.click(page::COPY_TEXT).await;
    let mut outcome = Value::Null;
    for _ in 0..50 {
        outcome = s
            .js("const t = document.getElementById('copy-fallback-text');
                 return t ? ['fallback', t.value] : [document.querySelector('.page-tools .copy-status').textContent]")
            .await;
        if outcome[0] == "fallback" || outcome[0].as_str().is_some_and(|t| t.starts_with("已复制"))
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    if outcome[0] == "fallback" {
        eprintln!("clipboard refused: the fallback field is shown");
        assert_text_lists(outcome[1].as_str().unwrap_or_default(), &shown, &link);
    } else {
        eprintln!("clipboard written: {outcome}");
        assert_eq!(
            outcome[0],
            Value::from(format!("已复制 {} 项指标", shown.len()))
        );
        // Read it back (Chromium: reading needs a permission, granted here).
        if Browser::from_env() == Browser::Chromium {
            s.cdp(
                "Browser.grantPermissions",
                serde_json::json!({
                    "origin": server.origin(),
                    "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]
                }),
            )
            .await;
            let copied = s.js("return navigator.clipboard.readText()").await;
            assert_text_lists(copied.as_str().unwrap_or_default(), &shown, &link);
        }
    }

    // Both paths, made certain by stubbing the clipboard. Refused: the field appears with the
    // text, focused and selected, and the status says what to do.
    s.js("navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError')); return 1")
        .await;
    s.click(page::COPY_TEXT).await;
    s.wait_for(page::COPY_FALLBACK).await;
    let field = s
        .js("const t = document.getElementById('copy-fallback-text');
             return [t.value, t.readOnly, document.activeElement === t,
                     t.selectionStart === 0 && t.selectionEnd === t.value.length,
                     t.closest('label').textContent.startsWith('指标文本'),
                     document.querySelector('.page-tools .copy-status').textContent]")
        .await;
    assert_text_lists(field[0].as_str().unwrap_or_default(), &shown, &link);
    assert_eq!(field[1], Value::Bool(true));
    // Focus moves in the frame after the field appears.
    s.eventually(
        "const t = document.getElementById('copy-fallback-text');
         return document.activeElement === t && t.selectionStart === 0
             && t.selectionEnd === t.value.length",
        Value::Bool(true),
    )
    .await;
    assert_eq!(field[4], Value::Bool(true));
    assert!(
        field[5].as_str().unwrap_or_default().contains("请手动复制"),
        "{field}"
    );
    // Written: the status counts the rows and the field goes away.
    s.js("window.__copied = null;
          navigator.clipboard.writeText = t => { window.__copied = t; return Promise.resolve(); };
          return 1")
        .await;
    s.click(page::COPY_TEXT).await;
    s.eventually(
        "return document.querySelector('.page-tools .copy-status').textContent",
        Value::from(format!("已复制 {} 项指标", shown.len())),
    )
    .await;
    let copied = s.js("return window.__copied").await;
    assert_text_lists(copied.as_str().unwrap_or_default(), &shown, &link);
    assert_eq!(
        s.js("return document.getElementById('copy-fallback-text')")
            .await,
        Value::Null
    );
    s.close().await;
}
