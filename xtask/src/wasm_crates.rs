//! Where the wasm's bytes are, by crate: twiggy's per-function sizes summed by the crate each
//! function's name starts with (issue 11's size work, measured step by step).

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use crate::process::Result;

/// Prints the crates of `wasm` (a build with a name section, e.g. cargo's own output in
/// target/wasm32-unknown-unknown/release/) by the bytes of code and data they hold. For what
/// ships, give it the release build optimised with its names kept: wasm-bindgen's output run
/// through `wasm-opt -Oz -g --low-memory-unused`.
pub fn print(wasm: &Path) -> Result {
    let out = Command::new("twiggy")
        .args(["top", "-n", "1000000", "--format", "csv"])
        .arg(wasm)
        .output()
        .map_err(|e| format!("twiggy: {e} (install it with `cargo install twiggy`)"))?;
    if !out.status.success() {
        return Err(format!(
            "twiggy: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let csv = String::from_utf8_lossy(&out.stdout);
    let mut by_crate: HashMap<String, (u64, u32)> = HashMap::new();
    for line in csv.lines().skip(1) {
        let Some((name, size)) = name_and_size(line) else {
            continue;
        };
        let entry = by_crate.entry(owner(&name)).or_default();
        entry.0 += size;
        entry.1 += 1;
    }
    let total: u64 = by_crate.values().map(|(b, _)| b).sum();
    let mut rows: Vec<_> = by_crate.into_iter().collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    println!("| crate | bytes | share | items |\n|---|---:|---:|---:|");
    for (name, (bytes, items)) in rows.iter().take(40) {
        let share = *bytes as f64 * 100.0 / total.max(1) as f64;
        println!("| {name} | {bytes} | {share:.1} % | {items} |");
    }
    println!("| **total** | {total} | | |");
    Ok(())
}

/// A CSV row's first two fields (twiggy quotes names with commas, doubling inner quotes).
fn name_and_size(line: &str) -> Option<(String, u64)> {
    let (name, rest) = if let Some(quoted) = line.strip_prefix('"') {
        let mut name = String::new();
        let mut chars = quoted.char_indices();
        loop {
            let (i, c) = chars.next()?;
            if c != '"' {
                name.push(c);
            } else if quoted[i + 1..].starts_with('"') {
                name.push('"');
                chars.next();
            } else {
                break (name, quoted.get(i + 2..)?);
            }
        }
    } else {
        let (name, rest) = line.split_once(',')?;
        (name.to_string(), rest)
    };
    let size = rest.split(',').next()?.parse().ok()?;
    Some((name, size))
}

/// The crate a function belongs to: the first path segment of its name, of the `Self` type of
/// a trait impl (`<report_page::fetch::Map as serde::MapAccess>::…`), or of the trait when the
/// type is generic or primitive (`<T as tachys::view::any_view::IntoAny>::…`). Sections and
/// segments keep their own names; wasm-bindgen's describe functions (dropped by wasm-bindgen)
/// are one group.
fn owner(name: &str) -> String {
    if name.starts_with("__wbindgen_describe") {
        return "(wasm-bindgen describe, not shipped)".to_string();
    }
    if name.starts_with("custom section")
        || name.starts_with("data segment")
        || name.contains("subsection")
        || !name.contains("::")
    {
        return name.to_string();
    }
    // `core[c5930c85a12de822]::…` is core.
    let plain = |segment: &str| {
        let segment = segment.split('[').next().unwrap_or(segment);
        segment.trim_end_matches('>').to_string()
    };
    let Some(inner) = name.strip_prefix('<') else {
        return plain(name.split("::").next().unwrap_or(name));
    };
    let inner = inner.trim_start_matches(['&', '*', '(', '[']);
    let inner = inner
        .strip_prefix("mut ")
        .or_else(|| inner.strip_prefix("const "))
        .unwrap_or(inner);
    let self_type = inner.split(" as ").next().unwrap_or(inner);
    if self_type.contains("::") {
        return plain(self_type.split("::").next().unwrap_or(self_type));
    }
    match inner.split_once(" as ") {
        Some((_, tr)) => plain(tr.split("::").next().unwrap_or(tr)),
        None => plain(self_type),
    }
}

#[cfg(test)]
mod tests {
    use super::{name_and_size, owner};

    #[test]
    fn rows_and_owners() {
        let row = r#""<report_page::fetch::de::Map as serde_core::de::MapAccess>::next_value_seed::h5,x",5800,0.2,,"#;
        let (name, size) = name_and_size(row).expect("a row");
        assert_eq!(size, 5800);
        assert_eq!(owner(&name), "report_page");
        let (name, size) = name_and_size("core[c59]::fmt::write,510,0.1,,").expect("a row");
        assert_eq!((owner(&name), size), ("core".to_string(), 510));
        assert_eq!(
            owner("<T as tachys::view::any_view::IntoAny>::into_any::build::h1"),
            "tachys"
        );
        assert_eq!(owner("<&mut alloc::vec::Vec<u8> as x::Y>::z"), "alloc");
        assert_eq!(owner("<char>::escape_debug_ext"), "char");
        let (name, _) = name_and_size(r#""a ""b"" c",3,0,,"#).expect("a row");
        assert_eq!(name, r#"a "b" c"#);
        assert_eq!(
            owner("data segment \".rodata\""),
            "data segment \".rodata\""
        );
    }
}
