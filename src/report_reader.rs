//! Reads the typed [`Report`] from the JavaScript value the browser's `JSON.parse` returns.
//!
//! Written out by hand rather than through serde's derives: the same rules as the model's
//! serde attributes and `serde_json` (unknown fields refused, `default` fields optional, enums
//! by their snake_case name, integers whole and in range, nesting at most 128 levels), and the
//! same error wording ("missing field `title`"), in a fraction of the derives' code in the wasm.

use js_sys::{Array, Number, Object};
use report_model::{
    Change, Direction, Indicator, IndicatorKind, Measure, Meta, Paragraph, Qualifier,
    QualifierKind, QualifierPlace, Report, Section, SourceRef, Status, Summary, SummaryFigure,
    TargetCompletion,
};
use wasm_bindgen::{JsCast, JsValue};

/// What is wrong, worded as serde words it.
type Read<T> = Result<T, String>;

/// `serde_json`'s nesting limit.
const MAX_DEPTH: u32 = 128;

/// The report in `value`, or what is wrong with it.
pub fn read_report(value: &JsValue) -> Read<Report> {
    let mut r = Report {
        schema_version: String::new(),
        meta: empty_meta(),
        summary: None,
        sections: Vec::new(),
    };
    let entries = fields(value, "struct Report", 0)?;
    for (key, v, depth) in &entries {
        match key.as_str() {
            "schema_version" => r.schema_version = string(v)?,
            "meta" => r.meta = read_meta(v, *depth)?,
            "summary" => r.summary = option(v, |v| read_summary(v, *depth))?,
            "sections" => r.sections = seq(v, *depth, read_section)?,
            _ => return Err(unknown_field(key, REPORT_FIELDS)),
        }
    }
    require(&entries, &["schema_version", "meta", "sections"])?;
    Ok(r)
}

const REPORT_FIELDS: &[&str] = &["schema_version", "meta", "summary", "sections"];

// Each reader starts from an empty value and fills in what the object holds; `require` then
// refuses an object that lacks a field with no default, so no placeholder survives.

fn empty_meta() -> Meta {
    Meta {
        title: String::new(),
        published: None,
        source: None,
        year: None,
        lang: String::new(),
    }
}

fn read_meta(value: &JsValue, depth: u32) -> Read<Meta> {
    let mut m = empty_meta();
    let entries = fields(value, "struct Meta", depth)?;
    for (key, v, _) in &entries {
        match key.as_str() {
            "title" => m.title = string(v)?,
            "published" => m.published = option(v, string)?,
            "source" => m.source = option(v, string)?,
            "year" => {
                m.year = option(v, |v| unsigned(v, u16::MAX.into(), "u16"))?.map(|y| y as u16)
            }
            "lang" => m.lang = string(v)?,
            _ => {
                return Err(unknown_field(
                    key,
                    &["title", "published", "source", "year", "lang"],
                ))
            }
        }
    }
    require(&entries, &["title", "lang"])?;
    Ok(m)
}

fn read_summary(value: &JsValue, depth: u32) -> Read<Summary> {
    let mut s = Summary {
        tasks_total: None,
        tasks_on_target: None,
        completion_rate: None,
        tasks_lagging: None,
        special_indicators: None,
    };
    for (key, v, depth) in &fields(value, "struct Summary", depth)? {
        let slot = match key.as_str() {
            "tasks_total" => &mut s.tasks_total,
            "tasks_on_target" => &mut s.tasks_on_target,
            "completion_rate" => &mut s.completion_rate,
            "tasks_lagging" => &mut s.tasks_lagging,
            "special_indicators" => &mut s.special_indicators,
            _ => return Err(unknown_field(key, SUMMARY_FIELDS)),
        };
        *slot = option(v, |v| read_summary_figure(v, *depth))?;
    }
    Ok(s)
}

const SUMMARY_FIELDS: &[&str] = &[
    "tasks_total",
    "tasks_on_target",
    "completion_rate",
    "tasks_lagging",
    "special_indicators",
];

fn read_summary_figure(value: &JsValue, depth: u32) -> Read<SummaryFigure> {
    let mut f = SummaryFigure {
        value: empty_measure(),
        indicator_id: String::new(),
    };
    let entries = fields(value, "struct SummaryFigure", depth)?;
    for (key, v, depth) in &entries {
        match key.as_str() {
            "value" => f.value = read_measure(v, *depth)?,
            "indicator_id" => f.indicator_id = string(v)?,
            _ => return Err(unknown_field(key, &["value", "indicator_id"])),
        }
    }
    require(&entries, &["value", "indicator_id"])?;
    Ok(f)
}

fn read_section(value: &JsValue, depth: u32) -> Read<Section> {
    let mut s = Section {
        id: String::new(),
        level: 0,
        number: String::new(),
        title: String::new(),
        paragraphs: Vec::new(),
        children: Vec::new(),
        indicators: Vec::new(),
    };
    let entries = fields(value, "struct Section", depth)?;
    for (key, v, depth) in &entries {
        match key.as_str() {
            "id" => s.id = string(v)?,
            "level" => s.level = unsigned(v, u8::MAX.into(), "u8")? as u8,
            "number" => s.number = string(v)?,
            "title" => s.title = string(v)?,
            "paragraphs" => s.paragraphs = seq(v, *depth, read_paragraph)?,
            "children" => s.children = seq(v, *depth, read_section)?,
            "indicators" => s.indicators = seq(v, *depth, read_indicator)?,
            _ => return Err(unknown_field(key, SECTION_FIELDS)),
        }
    }
    require(&entries, &["id", "level", "number", "title"])?;
    Ok(s)
}

const SECTION_FIELDS: &[&str] = &[
    "id",
    "level",
    "number",
    "title",
    "paragraphs",
    "children",
    "indicators",
];

fn read_paragraph(value: &JsValue, depth: u32) -> Read<Paragraph> {
    let mut p = Paragraph {
        id: String::new(),
        lead: None,
        text: String::new(),
        indicators: Vec::new(),
    };
    let entries = fields(value, "struct Paragraph", depth)?;
    for (key, v, depth) in &entries {
        match key.as_str() {
            "id" => p.id = string(v)?,
            "headline" => p.lead = option(v, string)?,
            "text" => p.text = string(v)?,
            "indicators" => p.indicators = seq(v, *depth, read_indicator)?,
            _ => {
                return Err(unknown_field(
                    key,
                    &["id", "headline", "text", "indicators"],
                ))
            }
        }
    }
    require(&entries, &["id", "text"])?;
    Ok(p)
}

fn read_indicator(value: &JsValue, depth: u32) -> Read<Indicator> {
    let mut i = Indicator {
        id: String::new(),
        name: String::new(),
        section_id: String::new(),
        kind: IndicatorKind::Level,
        value: None,
        baseline: None,
        change: None,
        target: None,
        goal: None,
        status: Status::Unstated,
        status_basis: None,
        category: None,
        source: SourceRef {
            paragraph_id: None,
            start: 0,
            end: 0,
        },
    };
    let entries = fields(value, "struct Indicator", depth)?;
    for (key, v, depth) in &entries {
        let depth = *depth;
        match key.as_str() {
            "id" => i.id = string(v)?,
            "name" => i.name = string(v)?,
            "section_id" => i.section_id = string(v)?,
            "kind" => i.kind = variant(v, "enum IndicatorKind", INDICATOR_KINDS)?,
            "value" => i.value = optional_measure(v, depth)?,
            "baseline" => i.baseline = optional_measure(v, depth)?,
            "change" => i.change = option(v, |v| read_change(v, depth))?,
            "target" => i.target = option(v, |v| read_target(v, depth))?,
            "goal" => i.goal = optional_measure(v, depth)?,
            "status" => i.status = variant(v, "enum Status", STATUSES)?,
            "status_basis" => i.status_basis = option(v, string)?,
            "category" => i.category = option(v, string)?,
            "source" => i.source = read_source(v, depth)?,
            _ => return Err(unknown_field(key, INDICATOR_FIELDS)),
        }
    }
    require(
        &entries,
        &["id", "name", "section_id", "kind", "status", "source"],
    )?;
    Ok(i)
}

const INDICATOR_FIELDS: &[&str] = &[
    "id",
    "name",
    "section_id",
    "kind",
    "value",
    "baseline",
    "change",
    "target",
    "goal",
    "status",
    "status_basis",
    "category",
    "source",
];

const INDICATOR_KINDS: &[(&str, IndicatorKind)] = &[
    ("level", IndicatorKind::Level),
    ("share", IndicatorKind::Share),
    ("change", IndicatorKind::Change),
    ("completion", IndicatorKind::Completion),
    ("rank", IndicatorKind::Rank),
    ("qualitative", IndicatorKind::Qualitative),
];

const STATUSES: &[(&str, Status)] = &[
    ("exceeded", Status::Exceeded),
    ("met", Status::Met),
    ("lagging", Status::Lagging),
    ("unstated", Status::Unstated),
];

fn empty_measure() -> Measure {
    Measure {
        raw: String::new(),
        number: 0.0,
        unit: String::new(),
        qualifiers: Vec::new(),
    }
}

fn optional_measure(value: &JsValue, depth: u32) -> Read<Option<Measure>> {
    option(value, |v| read_measure(v, depth))
}

fn read_measure(value: &JsValue, depth: u32) -> Read<Measure> {
    let mut m = empty_measure();
    let entries = fields(value, "struct Measure", depth)?;
    for (key, v, depth) in &entries {
        match key.as_str() {
            "raw" => m.raw = string(v)?,
            "number" => m.number = float(v)?,
            "unit" => m.unit = string(v)?,
            "qualifiers" => m.qualifiers = seq(v, *depth, read_qualifier)?,
            _ => return Err(unknown_field(key, &["raw", "number", "unit", "qualifiers"])),
        }
    }
    require(&entries, &["raw", "number", "unit"])?;
    Ok(m)
}

fn read_qualifier(value: &JsValue, depth: u32) -> Read<Qualifier> {
    let mut q = Qualifier {
        kind: QualifierKind::Approximate,
        word: String::new(),
        place: QualifierPlace::Before,
    };
    let entries = fields(value, "struct Qualifier", depth)?;
    for (key, v, _) in &entries {
        match key.as_str() {
            "kind" => q.kind = variant(v, "enum QualifierKind", QUALIFIER_KINDS)?,
            "word" => q.word = string(v)?,
            "place" => q.place = variant(v, "enum QualifierPlace", QUALIFIER_PLACES)?,
            _ => return Err(unknown_field(key, &["kind", "word", "place"])),
        }
    }
    require(&entries, &["kind", "word", "place"])?;
    Ok(q)
}

const QUALIFIER_KINDS: &[(&str, QualifierKind)] = &[
    ("approximate", QualifierKind::Approximate),
    ("at_least", QualifierKind::AtLeast),
    ("more_than", QualifierKind::MoreThan),
    ("at_most", QualifierKind::AtMost),
    ("less_than", QualifierKind::LessThan),
    ("estimate", QualifierKind::Estimate),
    ("peak", QualifierKind::Peak),
    ("lowest", QualifierKind::Lowest),
];

const QUALIFIER_PLACES: &[(&str, QualifierPlace)] = &[
    ("before", QualifierPlace::Before),
    ("after", QualifierPlace::After),
    ("within", QualifierPlace::Within),
];

fn read_change(value: &JsValue, depth: u32) -> Read<Change> {
    let mut c = Change {
        raw: String::new(),
        basis: String::new(),
        direction: Direction::Up,
        amount: empty_measure(),
    };
    let entries = fields(value, "struct Change", depth)?;
    for (key, v, depth) in &entries {
        match key.as_str() {
            "raw" => c.raw = string(v)?,
            "basis" => c.basis = string(v)?,
            "direction" => c.direction = variant(v, "enum Direction", DIRECTIONS)?,
            "amount" => c.amount = read_measure(v, *depth)?,
            _ => return Err(unknown_field(key, &["raw", "basis", "direction", "amount"])),
        }
    }
    require(&entries, &["raw", "basis", "direction", "amount"])?;
    Ok(c)
}

const DIRECTIONS: &[(&str, Direction)] = &[("up", Direction::Up), ("down", Direction::Down)];

fn read_target(value: &JsValue, depth: u32) -> Read<TargetCompletion> {
    let mut t = TargetCompletion {
        raw: String::new(),
        percent: empty_measure(),
        done: None,
        total: None,
    };
    let entries = fields(value, "struct TargetCompletion", depth)?;
    for (key, v, depth) in &entries {
        match key.as_str() {
            "raw" => t.raw = string(v)?,
            "percent" => t.percent = read_measure(v, *depth)?,
            "done" => t.done = option(v, count)?,
            "total" => t.total = option(v, count)?,
            _ => return Err(unknown_field(key, &["raw", "percent", "done", "total"])),
        }
    }
    require(&entries, &["raw", "percent"])?;
    Ok(t)
}

fn read_source(value: &JsValue, depth: u32) -> Read<SourceRef> {
    let mut s = SourceRef {
        paragraph_id: None,
        start: 0,
        end: 0,
    };
    let entries = fields(value, "struct SourceRef", depth)?;
    for (key, v, _) in &entries {
        match key.as_str() {
            "paragraph_id" => s.paragraph_id = option(v, string)?,
            "start" => s.start = count(v)?,
            "end" => s.end = count(v)?,
            _ => return Err(unknown_field(key, &["paragraph_id", "start", "end"])),
        }
    }
    require(&entries, &["start", "end"])?;
    Ok(s)
}

/// A `u32` field.
fn count(value: &JsValue) -> Read<u32> {
    unsigned(value, u32::MAX.into(), "u32").map(|n| n as u32)
}

/// serde's check after an object's entries: the first field in declaration order that has no
/// default and is not there.
fn require(entries: &[(String, JsValue, u32)], names: &[&str]) -> Read<()> {
    match names
        .iter()
        .find(|n| !entries.iter().any(|(k, _, _)| k == *n))
    {
        Some(name) => Err(format!("missing field `{name}`")),
        None => Ok(()),
    }
}

/// The entries of an object, in their order, each with the depth of what it holds.
fn fields(value: &JsValue, expected: &str, depth: u32) -> Read<Vec<(String, JsValue, u32)>> {
    if !value.is_object() || Array::is_array(value) {
        return Err(invalid_type(value, expected));
    }
    let depth = nested(depth)?;
    let entries = Object::entries(value.unchecked_ref());
    Ok(entries
        .iter()
        .map(|entry| {
            let entry: Array = entry.unchecked_into();
            (
                entry.get(0).as_string().unwrap_or_default(),
                entry.get(1),
                depth,
            )
        })
        .collect())
}

/// An array, each item read by `item`.
fn seq<T>(value: &JsValue, depth: u32, item: fn(&JsValue, u32) -> Read<T>) -> Read<Vec<T>> {
    if !Array::is_array(value) {
        return Err(invalid_type(value, "a sequence"));
    }
    let depth = nested(depth)?;
    let items: &Array = value.unchecked_ref();
    items.iter().map(|v| item(&v, depth)).collect()
}

fn nested(depth: u32) -> Read<u32> {
    if depth >= MAX_DEPTH {
        return Err("recursion limit exceeded".to_string());
    }
    Ok(depth + 1)
}

/// `null` (or nothing) as `None`.
fn option<T>(value: &JsValue, read: impl FnOnce(&JsValue) -> Read<T>) -> Read<Option<T>> {
    if value.is_null() || value.is_undefined() {
        return Ok(None);
    }
    read(value).map(Some)
}

fn string(value: &JsValue) -> Read<String> {
    value
        .as_string()
        .ok_or_else(|| invalid_type(value, "a string"))
}

fn float(value: &JsValue) -> Read<f64> {
    match value.as_f64() {
        Some(n) if n.is_finite() => Ok(n),
        Some(_) => Err("number out of range".to_string()),
        None => Err(invalid_type(value, "f64")),
    }
}

/// A whole number from 0 to `max`; `expected` names the type ("u32").
fn unsigned(value: &JsValue, max: u64, expected: &str) -> Read<u64> {
    match integer(value) {
        Some(i) if i >= 0 && i as u64 <= max => Ok(i as u64),
        Some(i) if i >= 0 => Err(format!("invalid value: integer `{i}`, expected {expected}")),
        _ => Err(invalid_type(value, expected)),
    }
}

/// The number, if it is a whole number JavaScript holds exactly.
fn integer(value: &JsValue) -> Option<i64> {
    Number::is_safe_integer(value).then(|| value.as_f64().unwrap_or_default() as i64)
}

/// A unit variant, written as its name (`"rate"`).
fn variant<T: Copy>(value: &JsValue, expected: &str, variants: &[(&str, T)]) -> Read<T> {
    let name = value
        .as_string()
        .ok_or_else(|| invalid_type(value, expected))?;
    match variants.iter().find(|(n, _)| *n == name) {
        Some((_, v)) => Ok(*v),
        None => {
            let names: Vec<&str> = variants.iter().map(|(n, _)| *n).collect();
            Err(format!(
                "unknown variant `{name}`, expected {}",
                one_of(&names)
            ))
        }
    }
}

fn unknown_field(name: &str, expected: &[&str]) -> String {
    if expected.is_empty() {
        return format!("unknown field `{name}`, there are no fields");
    }
    format!("unknown field `{name}`, expected {}", one_of(expected))
}

/// serde's list of what was expected: "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
fn one_of(names: &[&str]) -> String {
    match names {
        [one] => format!("`{one}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => {
            let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("one of {}", quoted.join(", "))
        }
    }
}

/// "invalid type: string \"x\", expected u32", naming what `value` is as serde does.
fn invalid_type(value: &JsValue, expected: &str) -> String {
    let found = if value.is_null() || value.is_undefined() {
        "null".to_string()
    } else if let Some(b) = value.as_bool() {
        format!("boolean `{b}`")
    } else if let Some(i) = integer(value) {
        format!("integer `{i}`")
    } else if value.as_f64().is_some() {
        "floating point".to_string()
    } else if let Some(s) = value.as_string() {
        format!("string {s:?}")
    } else if Array::is_array(value) {
        "sequence".to_string()
    } else {
        "map".to_string()
    };
    format!("invalid type: {found}, expected {expected}")
}
