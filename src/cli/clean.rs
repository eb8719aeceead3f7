//! `deboiler clean`: one page in, the cleaned article out.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;
use deboiler::{render, Cleaner, Input, Status};

use super::input::read_input;
use super::{FavorArg, Format, InputArg};

#[derive(Debug, Args)]
pub struct CleanArgs {
    /// The page: an HTML or text file, a .gz of one, or - for stdin.
    pub page: PathBuf,
    /// The page's URL (for metadata and site rules).
    #[arg(long)]
    pub url: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// How to read the input.
    #[arg(long, value_enum, default_value_t = InputArg::Auto)]
    pub input: InputArg,
    /// The charset known from outside the page (an HTTP header), if any.
    #[arg(long)]
    pub charset: Option<String>,
    /// A rules file (TOML) adding and disabling rules, globally or per site.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// Lean towards precision (less chrome) or recall (more body text).
    #[arg(long, value_enum, default_value_t = FavorArg::Balanced)]
    pub favor: FavorArg,
    /// Show every block in document order, kept or removed (with kind and
    /// rule), and where each metadata field came from, instead of the output.
    #[arg(long)]
    pub explain: bool,
}

/// Exit codes: 0 an article was found, 1 none was found, 2 the input could not be read.
pub fn run(args: &CleanArgs) -> Result<ExitCode> {
    // Rules first: a bad rules file is an error before any input is read.
    let mut builder = Cleaner::builder()
        .input(args.input.into())
        .favor(args.favor.into());
    if let Some(rules) = &args.rules {
        builder = builder.rules_file(rules);
    }
    let cleaner = builder.build()?;
    let bytes = read_input(&args.page)?;
    let source = args.page.display().to_string();
    let mut input = Input::new(&bytes).source(&source);
    if let Some(url) = &args.url {
        input = input.url(url);
    }
    if let Some(charset) = &args.charset {
        input = input.charset(charset);
    }
    if args.explain {
        let explanation = cleaner
            .explain(&input)
            .with_context(|| format!("cannot clean {source}"))?;
        let width = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(EXPLAIN_WIDTH);
        let out = render::explain(&explanation, width);
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(out.as_bytes())?;
        stdout.flush()?;
        return Ok(exit_code(explanation.document.status));
    }
    let doc = cleaner
        .clean_input(&input)
        .with_context(|| format!("cannot clean {source}"))?;
    let out = match args.format {
        Format::Text => render::text(&doc.blocks),
        Format::Markdown => render::markdown(&doc),
        Format::Html => render::html(&doc),
        Format::Json => render::json(&doc),
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    if !out.ends_with('\n') {
        stdout.write_all(b"\n")?;
    }
    stdout.flush()?;
    Ok(exit_code(doc.status))
}

/// Line width of `--explain` when the terminal's (`COLUMNS`) is not known.
const EXPLAIN_WIDTH: usize = 120;

fn exit_code(status: Status) -> ExitCode {
    match status {
        Status::Ok => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    }
}
