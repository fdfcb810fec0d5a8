//! Every figure keeps the meaning the text gives it: the qualifier words ("约", "预计",
//! "最高", "以上") beside the number in the table, the phone cards and the tooltips; changes
//! with their direction; only what the text calls lagging looks lagging; completion bars on one
//! scale; the CSV header first with numeric columns; the filter menus with their row counts;
//! an old file's clear message. Runs in Chromium and Firefox.

use std::collections::HashMap;
use std::time::Duration;

use e2e::page;
use e2e::{
    all_indicators, downloaded_csv, error_message_for, fresh_download_dir, open_built_with,
    parse_csv, screenshot, served_report, Browser, Session, SessionOptions, StaticServer,
};
use serde_json::Value;

async fn open(width: u32, height: u32, path: &str) -> (StaticServer, Session) {
    let (server, s) = e2e::open_built("/gov/report/", width, height, path).await;
    // Every row, not only the first frame's.
    let total = all_indicators(&served_report()).len();
    s.eventually(page::ROW_COUNT, Value::from(total)).await;
    (server, s)
}

/// The served indicator whose value carries the qualifier `word`, and the figure text the page
/// must show for it.
fn qualified(word: &str) -> (String, String) {
    let ind = all_indicators(&served_report())
        .into_iter()
        .find(|i| {
            i["value"]["qualifiers"]
                .as_array()
                .is_some_and(|q| q.iter().any(|q| q["word"] == word))
        })
        .unwrap_or_else(|| panic!("the seed report has a figure qualified by {word}"));
    let id = ind["id"].as_str().unwrap_or_default().to_string();
    (id, expected_figure(&ind))
}

/// The figure text as the page must show it, worked out here independently from the JSON.
fn expected_figure(ind: &Value) -> String {
    let v = &ind["value"];
    let (raw, unit) = (
        v["raw"].as_str().unwrap_or_default(),
        v["unit"].as_str().unwrap_or_default(),
    );
    let words = |place: &str| -> String {
        v["qualifiers"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|q| q["place"] == place)
            .filter_map(|q| q["word"].as_str())
            .collect()
    };
    let (before, after) = (words("before"), words("after"));
    let amount = if before.is_empty() {
        format!("{raw}{unit}{after}")
    } else {
        format!("{before} {raw}{unit}{after}")
    };
    if ind["kind"] == "change" {
        let arrow = if ind["change"]["direction"] == "down" {
            "↓"
        } else {
            "↑"
        };
        // The arrow, the words ("预计" goes before the verb: "↓ 预计下降 5.6%"), then the amount
        // with its other qualifiers.
        let estimate: String = v["qualifiers"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|q| q["kind"] == "estimate")
            .filter_map(|q| q["word"].as_str())
            .collect();
        let before = before.replace(&estimate, "");
        let amount = if before.is_empty() {
            format!("{raw}{unit}{after}")
        } else {
            format!("{before} {raw}{unit}{after}")
        };
        return format!("{arrow} {estimate}…{amount}");
    }
    amount
}

/// The visible text of the 数值 cell's figure for indicator `id`.
async fn figure_cell(s: &Session, id: &str) -> String {
    s.texts(&format!("tr[id='{id}'] td:nth-child(3) .figure-text"))
        .await
        .join("")
}

fn matches_expected(shown: &str, expected: &str) -> bool {
    match expected.split_once('…') {
        Some((start, amount)) => shown.starts_with(start) && shown.ends_with(amount),
        None => shown == expected,
    }
}

/// The tooltip of the figure `id` in the text, shown by focusing the figure (after a deep link
/// to it opened its section).
async fn tooltip(s: &Session, id: &str) -> String {
    s.wait_for(&page::figure_mark(id)).await;
    s.js(&format!(
        "document.getElementById('fig-{id}').focus(); return 1"
    ))
    .await;
    let tip = page::figure_tip(id);
    for _ in 0..50 {
        if s.attr(&tip, "hidden").await.is_none() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(s.attr(&tip, "hidden").await, None, "tooltip {id} shown");
    s.texts(&tip).await.join("\n")
}

const WORDS: [&str; 4] = ["约", "预计", "最高", "以上"];

#[tokio::test(flavor = "current_thread")]
async fn qualifiers_show_beside_their_numbers_in_the_table_and_the_tooltips() {
    let (server, s) = open(1280, 900, "").await;
    for word in WORDS {
        let (id, expected) = qualified(word);
        let shown = figure_cell(&s, &id).await;
        assert!(shown.contains(word), "{id}: {shown:?} lacks {word}");
        assert!(
            matches_expected(&shown, &expected),
            "{id}: {shown:?} vs {expected:?}"
        );
    }
    // "余" is inside the published number: shown once, as published.
    let more = all_indicators(&served_report())
        .into_iter()
        .find(|i| i["value"]["raw"] == "2000余")
        .and_then(|i| i["id"].as_str().map(str::to_string))
        .expect("2000余人次");
    assert_eq!(figure_cell(&s, &more).await, "2000余人次");
    for word in ["约", "最高"] {
        let (id, _) = qualified(word);
        s.js(&format!(
            "document.getElementById('{id}').scrollIntoView({{block: 'center'}}); return 1"
        ))
        .await;
        screenshot(&s, &format!("meaning-table-1280-{}", id)).await;
    }

    // The tooltips of the same figures in the text.
    for word in WORDS {
        let (id, _) = qualified(word);
        s.client
            .goto(&server.url(&page::figure_mark(&id)))
            .await
            .expect("deep link");
        let tip = tooltip(&s, &id).await;
        assert!(tip.contains(word), "tooltip of {id} lacks {word}: {tip}");
    }
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn changes_read_with_their_direction_never_as_a_bare_level() {
    let (_server, s) = open(1280, 900, "").await;
    let changes: Vec<Value> = all_indicators(&served_report())
        .into_iter()
        .filter(|i| i["kind"] == "change")
        .collect();
    assert!(changes.len() >= 3, "{}", changes.len());
    for c in &changes {
        let id = c["id"].as_str().unwrap_or_default();
        let shown = figure_cell(&s, id).await;
        let expected = expected_figure(c);
        assert!(
            matches_expected(&shown, &expected),
            "{id}: {shown:?} vs {expected:?}"
        );
        // Its direction in words: a verb that says it, or 上升 / 下降.
        let words = [
            "降", "减", "精简", "下降", "提高", "增", "涨", "升", "上升", "改善",
        ];
        assert!(words.iter().any(|w| shown.contains(w)), "{id}: {shown:?}");
    }
    let cut = changes
        .iter()
        .find(|c| c["change"]["raw"] == "降低14%")
        .and_then(|c| c["id"].as_str())
        .expect("降低14%");
    assert_eq!(figure_cell(&s, cut).await, "↓ 降低 14%");
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn on_a_narrow_screen_the_cards_keep_the_qualifiers() {
    // Headless Firefox will not make a viewport narrower than 500 px; the cards start at 40rem.
    let width = if Browser::from_env() == Browser::Firefox {
        500
    } else {
        375
    };
    let (_server, s) = open(width, 900, "").await;
    let display = s
        .js("return getComputedStyle(document.querySelector('.indicator-table tbody tr')).display")
        .await;
    assert_eq!(display, Value::from("block"), "rows are cards");
    for word in WORDS {
        let (id, expected) = qualified(word);
        s.js(&format!(
            "document.getElementById('{id}').scrollIntoView({{block: 'center'}}); return 1"
        ))
        .await;
        // The visible text of the card's value line.
        let shown = figure_cell(&s, &id).await;
        assert!(
            matches_expected(&shown, &expected),
            "card {id}: {shown:?} vs {expected:?}"
        );
        // Nothing of it is cut off: the figure fits its card.
        let fits = s
            .js(&format!(
                "const f = document.querySelector(\"tr[id='{id}'] .figure-text\");
                 const c = document.getElementById('{id}').getBoundingClientRect();
                 const r = f.getBoundingClientRect();
                 return r.width > 0 && r.left >= c.left - 1 && r.right <= c.right + 1"
            ))
            .await;
        assert_eq!(fits, Value::Bool(true), "card {id} shows its whole figure");
        screenshot(&s, &format!("meaning-cards-{width}-{id}")).await;
    }
    // Nothing scrolls sideways; if something does, name what sticks out.
    let sideways = s
        .js("const w = document.documentElement.clientWidth;
             if (document.documentElement.scrollWidth <= w) return [];
             return [...document.querySelectorAll('body *')]
               .filter(e => !e.closest('thead') && e.getBoundingClientRect().right > w + 1)
               .slice(0, 8)
               .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + ' ' + (e.textContent || '').slice(0, 30))")
        .await;
    assert_eq!(sideways, Value::Array(vec![]), "sticks out of {width} px");
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn only_what_the_text_calls_lagging_looks_lagging() {
    let report = served_report();
    let inds = all_indicators(&report);
    let (server, s) = open(1280, 900, "").await;
    // The share of tasks done, 95.56%: no completion of a target, not lagging.
    let rate = inds
        .iter()
        .find(|i| i["value"]["raw"] == "95.56")
        .and_then(|i| i["id"].as_str())
        .expect("95.56%");
    let row = format!("tr[id='{rate}']");
    let status = s.texts(&format!("{row} td:nth-child(7)")).await.join("");
    assert!(!status.contains("滞后"), "{status}");
    assert_eq!(
        s.js(&format!(
            "return document.querySelectorAll(\"{row} .bar-lagging, {row} .status-lagging, {row} td:nth-child(6) .bar\").length"
        ))
        .await,
        Value::from(0)
    );
    // The items the text names as lagging are lagging, in text and look.
    let lagging: Vec<&str> = inds
        .iter()
        .filter(|i| i["status"] == "lagging")
        .filter_map(|i| i["id"].as_str())
        .collect();
    assert!(lagging.len() >= 2, "{lagging:?}");
    for id in &lagging {
        let badge = s
            .texts(&format!("tr[id='{id}'] .status-lagging"))
            .await
            .join("");
        assert!(badge.contains("滞后"), "{id}: {badge:?}");
    }
    let badges = s.texts(page::LAGGING_STATUSES).await;
    assert_eq!(badges.len(), lagging.len(), "{badges:?}");
    // Its tooltip speaks of no target.
    s.client
        .goto(&server.url(&page::figure_mark(rate)))
        .await
        .expect("deep link");
    let tip = tooltip(&s, rate).await;
    assert!(tip.contains("95.56%") && !tip.contains("目标"), "{tip}");
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn completion_bars_share_one_scale() {
    let report = served_report();
    let by_percent = |p: &str| {
        all_indicators(&report)
            .into_iter()
            .find(|i| i["kind"] == "completion" && i["target"]["percent"]["raw"] == p)
            .and_then(|i| i["id"].as_str().map(str::to_string))
            .unwrap_or_else(|| panic!("a completion of {p}%"))
    };
    let (_server, s) = open(1280, 900, "").await;
    let mut measured = Vec::new();
    for p in ["114.59", "160.6", "247.17"] {
        let id = by_percent(p);
        let sizes = s
            .js(&format!(
                "const b = document.querySelector(\"tr[id='{id}'] td:nth-child(6) .bar\");
                 return [b.querySelector('.bar-track').getBoundingClientRect().width,
                         b.querySelector('.bar-fill').getBoundingClientRect().width]"
            ))
            .await;
        let track = sizes[0].as_f64().unwrap_or_default();
        let fill = sizes[1].as_f64().unwrap_or_default();
        measured.push((p.parse::<f64>().unwrap_or_default(), track, fill));
    }
    let (_, track0, _) = measured[0];
    assert!(track0 > 40.0, "{measured:?}");
    for &(p, track, fill) in &measured {
        assert!((track - track0).abs() < 0.5, "equal tracks: {measured:?}");
        // Length proportional to the percent on the one scale.
        let (p0, _, fill0) = measured[0];
        assert!(
            (fill / fill0 - p / p0).abs() < 0.03,
            "{p}% is {fill}px, {p0}% is {fill0}px"
        );
    }
    assert!(
        measured[0].2 < measured[1].2 && measured[1].2 < measured[2].2,
        "increasing: {measured:?}"
    );
    // Over 100 % is marked.
    let marks = s
        .texts(".indicator-table td:nth-child(6) .bar-overflow-mark")
        .await;
    assert!(marks.iter().all(|m| m == "超100%") && marks.len() >= 3);
    let first = by_percent("114.59");
    s.js(&format!(
        "document.getElementById('{first}').scrollIntoView({{block: 'start'}}); return 1"
    ))
    .await;
    screenshot(&s, "meaning-bars-1280").await;
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_filter_menus_offer_each_kind_and_status_with_its_count_and_none_empty() {
    let inds = all_indicators(&served_report());
    let (_server, s) = open(1280, 900, "").await;
    for (menu, field) in [(page::KIND_MENU, "kind"), (page::STATUS_MENU, "status")] {
        let options = s
            .js(&format!(
                "return [...document.querySelectorAll('{menu} option')].map(o => [o.value, o.textContent])"
            ))
            .await;
        let options = options.as_array().cloned().unwrap_or_default();
        assert_eq!(options[0][0], "", "{menu}: the 'all' option first");
        for o in &options[1..] {
            let value = o[0].as_str().unwrap_or_default();
            let label = o[1].as_str().unwrap_or_default();
            let n = inds.iter().filter(|i| i[field] == value).count();
            assert!(n > 0, "{menu} offers {value} with no rows");
            assert!(label.ends_with(&format!("（{n}）")), "{label} vs {n}");
        }
        // Every value the report has is offered.
        let offered: Vec<&str> = options[1..].iter().filter_map(|o| o[0].as_str()).collect();
        for i in &inds {
            let v = i[field].as_str().unwrap_or_default();
            assert!(offered.contains(&v), "{menu} lacks {v}");
        }
    }
    // Picking the rank kind shows exactly its rows.
    let ranks = inds.iter().filter(|i| i["kind"] == "rank").count();
    if ranks > 0 {
        s.wait_for(page::KIND_MENU)
            .await
            .select_by_value("rank")
            .await
            .expect("pick rank");
        s.eventually(page::ROW_COUNT, Value::from(ranks)).await;
        let figures = s.texts(".indicator-table tbody .figure-text").await;
        assert!(figures.iter().all(|f| f.starts_with('第')), "{figures:?}");
    }
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_csv_starts_with_its_header_and_has_a_numeric_value_column() {
    let dir = fresh_download_dir("meaning-csv");
    let options = SessionOptions {
        download_dir: Some(dir.clone()),
        ..SessionOptions::default()
    };
    let (_server, s) = open_built_with("/gov/report/", 1280, 900, "", options).await;
    s.click(page::DOWNLOAD_CSV).await;
    let (_, bytes) = downloaded_csv(&dir).await;
    let text = String::from_utf8(bytes).expect("UTF-8");
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // As csv.DictReader reads it: the first record names the columns.
    let records = parse_csv(text);
    let header = records[0].clone();
    assert_eq!(header[0], "指标");
    for col in [
        "数值",
        "数值（数字）",
        "单位",
        "限定",
        "类型",
        "状态",
        "变化",
        "变化方向",
        "变化量（数字）",
    ] {
        assert!(
            header.iter().any(|h| h == col),
            "no column {col}: {header:?}"
        );
    }
    let end = records
        .iter()
        .position(|r| r.len() == 1 && r[0].is_empty())
        .unwrap_or(records.len());
    let rows: Vec<HashMap<&str, &str>> = records[1..end]
        .iter()
        .map(|r| {
            header
                .iter()
                .map(String::as_str)
                .zip(r.iter().map(String::as_str))
                .collect()
        })
        .collect();
    let inds = all_indicators(&served_report());
    assert_eq!(rows.len(), inds.len());
    // The numeric column: a number wherever there is a value, equal to the JSON's number.
    for (row, ind) in rows.iter().zip(&inds) {
        let cell = row["数值（数字）"];
        match ind["value"]["number"].as_f64() {
            Some(n) => {
                let parsed: f64 = cell
                    .parse()
                    .unwrap_or_else(|_| panic!("{cell:?} is not a number ({row:?})"));
                assert_eq!(parsed, n, "{row:?}");
                assert!(!cell.contains('e') && cell.len() < 20, "{cell}");
            }
            None => assert_eq!(cell, "", "{row:?}"),
        }
    }
    let find = |col: &str, v: &str| {
        rows.iter()
            .find(|r| r[col] == v)
            .unwrap_or_else(|| panic!("no row with {col} = {v}"))
    };
    assert_eq!(find("数值", "8.6万个")["数值（数字）"], "86000");
    let about = find("数值", "约 6593.69亩");
    assert_eq!((about["限定"], about["数值（数字）"]), ("约", "6593.69"));
    let cut = find("变化", "降低14%");
    assert_eq!(
        (cut["变化方向"], cut["变化量（数字）"], cut["类型"]),
        ("下降", "-14", "变化")
    );
    // The provenance follows the table, after a blank line.
    assert!(records[end + 1..]
        .iter()
        .any(|r| r[0] == "报告标题" && r[1] == "通州区2019年度绩效管理工作报告"));
    s.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "current_thread")]
async fn a_file_of_an_older_schema_gets_the_version_message_not_a_field_complaint() {
    let mut old = served_report();
    old["schema_version"] = Value::from("1.0");
    // A 1.0 source still had its sentence copy: a field 2.0 does not know.
    old["sections"][0]["paragraphs"][0]["indicators"][0]["source"]["sentence"] = Value::from("……");
    let text = error_message_for(serde_json::to_vec(&old).unwrap_or_default()).await;
    assert!(
        text.contains("格式版本为 1.0") && text.contains("2.0") && text.contains("reportc"),
        "{text}"
    );
    assert!(!text.contains("unknown field"), "{text}");
}
