//! Command-line interface: argument parsing and the subcommands.
//!
//! Errors get their context here, at the edge (file names, record ids); the
//! library's errors stay typed.

mod batch;
mod bench;
mod clean;
mod eval;
mod eval_metadata;
mod input;
mod metric;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Turn scraped web pages into clean article text plus metadata.
#[derive(Debug, Parser)]
#[command(name = "deboiler", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Clean one page (HTML in any encoding, scraped text, .gz, or - for stdin).
    Clean(clean::CleanArgs),
    /// Score extraction against a dataset folder (html/<id>.html.gz + ground-truth.json).
    Eval(eval::EvalArgs),
    /// Clean many pages (files, directories, JSONL, WARC, - for JSONL on stdin) into JSONL.
    Batch(batch::BatchArgs),
    /// Measure speed (pages/s, MB/s, cost relative to a bare HTML parse, peak memory).
    Bench(bench::BenchArgs),
}

/// Output formats of `clean`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The article body as plain text.
    Text,
    /// Title and body as Markdown.
    Markdown,
    /// The body as sanitized HTML.
    Html,
    /// One JSON object with metadata, text and the removal log.
    Json,
}

/// How to read the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputArg {
    /// Detect from the content.
    Auto,
    /// HTML.
    Html,
    /// Plain text scraped from a page.
    Text,
}

impl From<InputArg> for deboiler::InputKind {
    fn from(a: InputArg) -> Self {
        match a {
            InputArg::Auto => deboiler::InputKind::Auto,
            InputArg::Html => deboiler::InputKind::Html,
            InputArg::Text => deboiler::InputKind::Text,
        }
    }
}

/// What content selection leans towards (`--favor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FavorArg {
    /// Less chrome, some body text lost.
    Precision,
    /// The best F1.
    Balanced,
    /// More body text, some chrome kept.
    Recall,
}

impl From<FavorArg> for deboiler::Favor {
    fn from(a: FavorArg) -> Self {
        match a {
            FavorArg::Precision => deboiler::Favor::Precision,
            FavorArg::Balanced => deboiler::Favor::Balanced,
            FavorArg::Recall => deboiler::Favor::Recall,
        }
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Clean(args) => clean::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Batch(args) => batch::run(args),
        Command::Bench(args) => bench::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            let _ = writeln!(io::stderr(), "deboiler: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// A closed pipe (`deboiler ... | head`) is a normal way to stop reading.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
