//! `reportc`: the command line over the `reportc` library.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use reportc::{ConvertOptions, Curation, MAX_INPUT};

#[derive(Parser)]
#[command(name = "reportc", version, about = "Performance report → report.json")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Convert a report (plain text or the portal's HTML page; UTF-8 or GBK) to report.json.
    Convert {
        /// The report file ("-" for standard input).
        input: PathBuf,
        /// Where to write the JSON (standard output if absent).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// A TOML curation file applied after conversion.
        #[arg(long)]
        curation: Option<PathBuf>,
    },
    /// Check a report.json: parse it and validate it against the model's rules.
    Check {
        /// The report.json to check.
        file: PathBuf,
    },
    /// Write the JSON Schema of report.json.
    Schema {
        /// Where to write the schema (standard output if absent).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// A one-line failure message.
struct Fail(String);

impl<E: std::fmt::Display> From<E> for Fail {
    fn from(e: E) -> Self {
        Fail(e.to_string())
    }
}

fn read_input(path: &Path) -> Result<Vec<u8>, Fail> {
    let show = path.display();
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(MAX_INPUT as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Fail(format!("cannot read standard input: {e}")))?;
        return Ok(buf);
    }
    let meta = std::fs::metadata(path).map_err(|e| Fail(format!("cannot read {show}: {e}")))?;
    if meta.is_dir() {
        return Err(Fail(format!("{show} is a directory")));
    }
    if meta.len() > MAX_INPUT as u64 {
        return Err(Fail(format!(
            "{show} is {} bytes, more than the {MAX_INPUT} byte limit",
            meta.len()
        )));
    }
    std::fs::read(path).map_err(|e| Fail(format!("cannot read {show}: {e}")))
}

fn read_text(path: &Path) -> Result<String, Fail> {
    let bytes = read_input(path)?;
    String::from_utf8(bytes).map_err(|e| Fail(format!("{} is not UTF-8: {e}", path.display())))
}

/// Writes `text` to `output` (via a temporary file and a rename), or to standard output.
fn write_output(output: Option<&Path>, text: &str) -> Result<(), Fail> {
    match output {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| Fail(format!("cannot write to standard output: {e}")))
        }
        Some(path) => {
            let show = path.display();
            let mut tmp = path.as_os_str().to_owned();
            tmp.push(".reportc-tmp");
            let tmp = PathBuf::from(tmp);
            std::fs::write(&tmp, text).map_err(|e| Fail(format!("cannot write {show}: {e}")))?;
            std::fs::rename(&tmp, path).map_err(|e| {
                let _ = std::fs::remove_file(&tmp);
                Fail(format!("cannot write {show}: {e}"))
            })
        }
    }
}

fn warn_all(warnings: &[String]) {
    for w in warnings {
        eprintln!("warning: {w}");
    }
}

fn convert(input: &Path, output: Option<&Path>, curation: Option<&Path>) -> Result<(), Fail> {
    // Read the curation file first: a bad one must stop everything before any output.
    let curation = match curation {
        Some(p) => Some(
            Curation::from_toml(&read_text(p)?)
                .map_err(|e| Fail(format!("{}: {e}", p.display())))?,
        ),
        None => None,
    };
    let bytes = read_input(input)?;
    let opts = ConvertOptions {
        fallback_title: input
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| s != "-" && !s.is_empty()),
    };
    let mut conv = reportc::convert_bytes(&bytes, &opts)
        .map_err(|e| Fail(format!("{}: {e}", input.display())))?;
    let mut warnings = conv.warnings;
    if let Some(c) = &curation {
        warnings.extend(reportc::curate(&mut conv.report, c)?);
    }
    // Never write a report the page would reject.
    let problems = reportc::report_model::validate(&conv.report);
    if let Some(p) = problems.first() {
        return Err(Fail(format!(
            "{}: internal error: the converted report is invalid ({} problem(s)); first: {p}",
            input.display(),
            problems.len()
        )));
    }
    warn_all(&warnings);
    write_output(output, &reportc::to_json(&conv.report))
}

fn check(file: &Path) -> Result<bool, Fail> {
    let text = read_text(file)?;
    let report =
        reportc::parse_report_json(&text).map_err(|e| Fail(format!("{}: {e}", file.display())))?;
    let problems = reportc::report_model::validate(&report);
    if problems.is_empty() {
        println!(
            "ok: {} sections, {} indicators",
            report.sections_flat().len(),
            report.indicators().len()
        );
        Ok(true)
    } else {
        for p in &problems {
            eprintln!("{}: {}", p.path, p.message);
        }
        eprintln!("error: {}: {} problem(s)", file.display(), problems.len());
        Ok(false)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Convert {
            input,
            output,
            curation,
        } => convert(input, output.as_deref(), curation.as_deref()).map(|()| true),
        Command::Check { file } => check(file),
        Command::Schema { output } => {
            write_output(output.as_deref(), &reportc::schema_json()).map(|()| true)
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(Fail(msg)) => {
            let one_line = msg.split_whitespace().collect::<Vec<_>>().join(" ");
            eprintln!("error: {one_line}");
            ExitCode::FAILURE
        }
    }
}
