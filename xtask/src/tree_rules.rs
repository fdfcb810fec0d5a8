//! The tree's two rules, checked by `cargo xtask test`: no module cycle inside a crate, and no
//! source file over [`MAX_CODE_LINES`] lines of code (tests aside).
//!
//! A module's dependencies are read from its `crate::…` and `super::…` paths (comments and its
//! `#[cfg(test)] mod tests` left out). A path to a module's own ancestor or descendant is not
//! an edge (a parent declares its children); any other edge is lifted to the two siblings
//! under the modules' closest common ancestor, and a cycle among siblings is an error.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::process::{root, Result};

/// The longest a source file may be, in lines that are neither blank nor comments.
pub const MAX_CODE_LINES: usize = 600;

/// The source trees of the workspace's crates (each a crate root directory).
const SOURCE_DIRS: &[&str] = &[
    "src",
    "crates/report-model/src",
    "crates/reportc/src",
    "crates/page-logic/src",
    "crates/precompress/src",
    "xtask/src",
    "tests/e2e/src",
    "tests/bench/src",
];

/// Checks both rules over the workspace; the error lists every breach.
pub fn check() -> Result {
    let mut problems = Vec::new();
    for dir in SOURCE_DIRS {
        let dir = root().join(dir);
        if !dir.is_dir() {
            continue;
        }
        let modules = modules(&dir)?;
        for (module, text) in &modules {
            let lines = code_lines(text);
            if lines > MAX_CODE_LINES {
                problems.push(format!(
                    "{}: {lines} lines of code (at most {MAX_CODE_LINES})",
                    shown(&dir, module)
                ));
            }
        }
        for cycle in cycles(&modules) {
            problems.push(format!(
                "{}: module cycle {}",
                dir.strip_prefix(root()).unwrap_or(&dir).display(),
                cycle.join(" → ")
            ));
        }
    }
    if problems.is_empty() {
        eprintln!("tree: no module cycle, no file over {MAX_CODE_LINES} lines of code");
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn shown(dir: &Path, module: &[String]) -> String {
    let rel = dir.strip_prefix(root()).unwrap_or(dir);
    if module.is_empty() {
        format!("{} (crate root)", rel.display())
    } else {
        format!("{} {}", rel.display(), module.join("::"))
    }
}

/// Every module of the crate under `dir` (path from the crate root → source text). Binaries
/// under `bin/` are crates of their own.
fn modules(dir: &Path) -> Result<BTreeMap<Vec<String>, String>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| format!("{}: {e}", d.display()))?.path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "bin") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text =
                    fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                out.insert(module_path(dir, &path), text);
            }
        }
    }
    Ok(out)
}

fn module_path(dir: &Path, file: &Path) -> Vec<String> {
    let rel: PathBuf = file.strip_prefix(dir).unwrap_or(file).with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts
        .last()
        .is_some_and(|l| ["mod", "lib", "main"].contains(&l.as_str()))
    {
        parts.pop();
    }
    parts
}

/// The text without its unit-test module (by convention the last item of a file).
fn without_tests(text: &str) -> &str {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let next = &text[at + line.len()..];
        if line.trim() == "#[cfg(test)]" && next.trim_start().starts_with("mod tests") {
            return &text[..at];
        }
        at += line.len();
    }
    text
}

/// Lines that are neither blank nor comments, the unit tests left out.
fn code_lines(text: &str) -> usize {
    without_tests(text)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .count()
}

/// The module paths `text` names with `crate::` or `super::`, comments left out.
fn named_paths(module: &[String], text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for line in without_tests(text).lines() {
        let code = line.split("//").next().unwrap_or_default();
        for (start, keyword) in [("crate::", true), ("super::", false)] {
            let mut rest = code;
            while let Some(i) = rest.find(start) {
                let before = rest[..i].chars().last();
                rest = &rest[i + start.len()..];
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let base: Vec<String> = if keyword {
                    Vec::new()
                } else {
                    module[..module.len().saturating_sub(1)].to_vec()
                };
                for tail in path_tails(rest) {
                    let mut full = base.clone();
                    full.extend(tail);
                    out.push(full);
                }
            }
        }
    }
    out
}

/// `a::b::C` → [[a, b, C]]; `{a, b::c}` → [[a], [b, c]] (one level of braces).
fn path_tails(rest: &str) -> Vec<Vec<String>> {
    let ident = |s: &str| -> Vec<String> {
        s.split("::")
            .map(|p| {
                p.trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
            .take_while(|p| !p.is_empty())
            .collect()
    };
    if let Some(group) = rest.strip_prefix('{') {
        let inner = group.split('}').next().unwrap_or_default();
        inner.split(',').map(ident).collect()
    } else {
        vec![ident(rest)]
    }
}

/// The module a path names: its longest prefix that is a module.
fn resolve(modules: &BTreeMap<Vec<String>, String>, path: &[String]) -> Option<Vec<String>> {
    (1..=path.len())
        .rev()
        .map(|k| path[..k].to_vec())
        .find(|p| modules.contains_key(p))
}

/// Cycles among sibling modules, each as the siblings' paths.
fn cycles(modules: &BTreeMap<Vec<String>, String>) -> Vec<Vec<String>> {
    let mut graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (module, text) in modules {
        for path in named_paths(module, text) {
            let Some(target) = resolve(modules, &path) else {
                continue;
            };
            let common = module
                .iter()
                .zip(&target)
                .take_while(|(a, b)| a == b)
                .count();
            if common == module.len() || common == target.len() {
                continue;
            }
            let from = module[..=common].to_vec();
            let to = target[..=common].to_vec();
            graph.entry(from).or_default().insert(to);
        }
    }
    strongly_connected(&graph)
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|c| c.iter().map(|m| m.join("::")).collect())
        .collect()
}

/// Tarjan's strongly connected components.
fn strongly_connected(
    graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
) -> Vec<Vec<Vec<String>>> {
    struct Walk<'g> {
        graph: &'g BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<&'g Vec<String>, usize>,
        low: BTreeMap<&'g Vec<String>, usize>,
        stack: Vec<&'g Vec<String>>,
        out: Vec<Vec<Vec<String>>>,
    }
    impl<'g> Walk<'g> {
        fn visit(&mut self, v: &'g Vec<String>) {
            let i = self.index.len();
            self.index.insert(v, i);
            self.low.insert(v, i);
            self.stack.push(v);
            for w in self.graph.get(v).into_iter().flatten() {
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let lw = self.low[w];
                    let lv = self.low[v];
                    self.low.insert(v, lv.min(lw));
                } else if self.stack.contains(&w) {
                    let iw = self.index[w];
                    let lv = self.low[v];
                    self.low.insert(v, lv.min(iw));
                }
            }
            if self.low[v] == self.index[v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    component.push(w.clone());
                    if w == v {
                        break;
                    }
                }
                self.out.push(component);
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !walk.index.contains_key(v) {
            walk.visit(v);
        }
    }
    walk.out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[(&str, &str)]) -> BTreeMap<Vec<String>, String> {
        files
            .iter()
            .map(|(m, t)| {
                let path = if m.is_empty() {
                    Vec::new()
                } else {
                    m.split("::").map(String::from).collect()
                };
                (path, t.to_string())
            })
            .collect()
    }

    #[test]
    fn a_cycle_between_siblings_is_found() {
        let t = tree(&[
            ("", "mod a; mod b;"),
            ("a", "use crate::b::Thing;"),
            ("b", "use crate::{a::Other, c};"),
        ]);
        assert_eq!(cycles(&t), vec![vec!["b".to_string(), "a".to_string()]]);
    }

    #[test]
    fn a_cycle_deep_down_is_lifted_to_the_siblings() {
        let t = tree(&[
            ("", ""),
            ("x", ""),
            ("x::inner", "use crate::y::Y;"),
            ("y", "use super::x::inner::Z;"),
        ]);
        assert_eq!(cycles(&t).len(), 1);
    }

    #[test]
    fn parents_children_comments_and_tests_are_no_edges() {
        let t = tree(&[
            ("", "use crate::a::A;"),
            (
                "a",
                "use super::Root; // crate::b::B\nuse crate::a::child::C;",
            ),
            ("a::child", "use super::A;"),
            (
                "b",
                "use crate::a::A;\n#[cfg(test)]\nmod tests {\n    use crate::b::B;\n}\n",
            ),
        ]);
        assert!(cycles(&t).is_empty());
    }

    #[test]
    fn code_lines_leave_out_blanks_comments_and_unit_tests() {
        let text = "//! doc\n\nfn a() {}\n// note\nfn b() {}\n#[cfg(test)]\nmod tests {\n    fn t() {}\n}\n";
        assert_eq!(code_lines(text), 2);
    }
}
