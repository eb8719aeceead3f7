//! `deboiler eval`: scores extraction against a dataset folder.
//!
//! Input: `DIR/ground-truth.json` and one input file per id (or a file of
//! someone else's predictions). Output: a report on stdout, optionally the
//! per-page results as JSON and the extracted texts as a predictions file.
//!
//! The order is fixed: load the ground truth and every input into memory,
//! clean all pages on the thread pool (the only timed part), score them with
//! [`super::metric`] (pure functions), then report. A page that cannot be
//! read or cleaned never aborts the run: it is scored with an empty output
//! and listed as an error.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use deboiler::{Cleaner, Input, InputKind};

use super::eval_metadata::{self, FieldScore, MetaTruth};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::input::maybe_gunzip;
use super::metric::{self, BodyScore, BodySummary, ShingleCounts, Snippets};
use super::{FavorArg, InputArg};

/// Words shown of what a page missed or added, in reports.
const DIAGNOSTIC_WORDS: usize = 12;

/// Pages whose F1 moved by more than this are listed by `--compare`.
const COMPARE_THRESHOLD: f64 = 0.01;

const HELP: &str = "\
Dataset: DIR/ground-truth.json ({id: {\"articleBody\": str|null, \"url\": ..., \"with\": [...], \
\"without\": [...], \"pageType\": ...}}) and per id one of html/<id>.html.gz, html/<id>.html, \
text/<id>.txt.gz, text/<id>.txt. HTML files are cleaned as HTML and text files as scraped text \
unless --input says otherwise; the ground truth's url is passed to the cleaner.

Metrics (as bench/README.md defines them):
  shingle    article-extraction-benchmark: \\w+ tokens as Python's re has them (runs of
             Unicode letters, numbers and _), case kept; multisets of 4-token shingles;
             per-page tp/fp/fn normalized to sum 1; precision and recall are means over
             pages, F1 is of the two means; accuracy is the share of pages whose token
             lists are identical. Pages with a null or missing articleBody are not scored
             (counted as skipped).
  word-F1    WCXB: per page, F1 of the multisets of lower-cased \\w+ words (1 when both are
             empty, 0 when one is); mean over pages.
  with       a snippet is found when, after collapsing every whitespace run to one space and
  without    folding typographic quotes to ASCII ones in both the snippet and the extracted
             text, it is a case-sensitive substring of the text. with recall = found / all `with` snippets, without leak rate = found /
             all `without` snippets, pooled over every page that lists them (scored or not).

Speed: cleaning only (not loading or scoring), one run, wall clock on the -j thread pool;
MB are of the uncompressed input (10^6 bytes).

A page that cannot be read or cleaned is scored as an empty output and listed under errors.
Exit codes: 0 done; 1 shingle F1 below --min-f1 or word F1 below --min-word-f1 (after the
full report); 2 the dataset or a file named by an option cannot be used.";

/// Scores extraction against a dataset folder.
#[derive(Debug, clap::Args)]
#[command(after_long_help = HELP)]
pub struct EvalArgs {
    /// Dataset folder: ground-truth.json plus html/<id>.html[.gz] or text/<id>.txt[.gz].
    #[arg(long, value_name = "DIR")]
    pub dataset: PathBuf,
    /// How to read the inputs [default: by folder, html/ as HTML, text/ as text].
    #[arg(long, value_enum, value_name = "KIND")]
    pub input: Option<InputArg>,
    /// Lean towards precision (less chrome) or recall (more body text).
    #[arg(long, value_enum, default_value_t = FavorArg::Balanced)]
    pub favor: FavorArg,
    /// Cleaning threads [default: all cores].
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    pub jobs: Option<usize>,
    /// How many of the worst pages (by shingle F1) to show.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub worst: usize,
    /// Write the per-page results and the summary as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Compare with a previous --json FILE: summary deltas and the pages whose
    /// F1 moved by more than 0.01.
    #[arg(long, value_name = "FILE")]
    pub compare: Option<PathBuf>,
    /// Evaluate only the first N pages (in id order).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Evaluate only page ID (repeatable).
    #[arg(long, value_name = "ID")]
    pub only: Vec<String>,
    /// Print the extracted text of page ID, then its ground truth (evaluates only that page).
    #[arg(long, value_name = "ID")]
    pub print: Option<String>,
    /// Exit with code 1 when the shingle F1 is below X (a regression gate).
    #[arg(long, value_name = "X")]
    pub min_f1: Option<f64>,
    /// Exit with code 1 when the WCXB word F1 is below X (a regression gate).
    #[arg(long, value_name = "X")]
    pub min_word_f1: Option<f64>,
    /// Also score metadata against the ground truth's `title`, `author` and
    /// `date` labels: title exact after whitespace normalisation, authors as
    /// a case-insensitive set, date_published on the same day; a label set to
    /// null is right when nothing is output.
    #[arg(long)]
    pub metadata: bool,
    /// With --metadata: list up to N pages per field whose value is wrong,
    /// with the label, what was output and the source that won.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub metadata_misses: usize,
    /// Write the extracted texts to FILE as {id: {"articleBody": text}}.
    #[arg(long, value_name = "FILE")]
    pub dump_predictions: Option<PathBuf>,
    /// Score the predictions in FILE instead of running the cleaner
    /// ({id: {"articleBody": text}} or {"version": .., "output": {...}}).
    #[arg(long, value_name = "FILE")]
    pub score_predictions: Option<PathBuf>,
}

pub fn run(args: &EvalArgs) -> Result<ExitCode> {
    let dir = &args.dataset;
    if !dir.is_dir() {
        bail!("dataset folder {} does not exist", dir.display());
    }
    let mut pages = load_ground_truth(&dir.join("ground-truth.json"))?;
    select_pages(&mut pages, args)?;
    // Read the comparison file first: a bad name should not cost a full run.
    let previous = args.compare.as_deref().map(read_report).transpose()?;

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start the thread pool")?;
    let (extracted, speed, source) = match &args.score_predictions {
        Some(path) => (
            read_predictions(path, &pages)?,
            None,
            format!("predictions {}", path.display()),
        ),
        None => {
            let (extracted, speed) = clean_all(
                &pages,
                dir,
                args.input,
                args.favor,
                &pool,
                args.metadata_misses > 0,
            )?;
            let source = match args.favor {
                FavorArg::Balanced => format!("deboiler {}", env!("CARGO_PKG_VERSION")),
                favor => format!(
                    "deboiler {} --favor {}",
                    env!("CARGO_PKG_VERSION"),
                    deboiler::Favor::from(favor).tuning().id
                ),
            };
            (extracted, Some(speed), source)
        }
    };
    if let Some(path) = &args.dump_predictions {
        write_predictions(path, &pages, &extracted)?;
    }

    let results: Vec<PageResult> = pool.install(|| {
        pages
            .par_iter()
            .zip(&extracted)
            .map(|(page, ex)| score_page(page, ex))
            .collect()
    });
    let mut summary = summarize(dir, source, &results, speed);
    if args.metadata {
        summary.metadata = eval_metadata::score(
            pages
                .iter()
                .zip(&extracted)
                .map(|(p, ex)| (&p.meta, ex.metadata.as_ref())),
        );
    }

    let mut out = String::new();
    write_summary(&mut out, &summary);
    if args.metadata {
        eval_metadata::write_table(&mut out, &summary.metadata);
        eval_metadata::write_misses(
            &mut out,
            pages.iter().zip(&extracted).filter_map(|(p, ex)| {
                Some((
                    p.id.as_str(),
                    &p.meta,
                    ex.metadata.as_ref()?,
                    ex.metadata_sources.as_slice(),
                ))
            }),
            args.metadata_misses,
        );
    }
    write_worst(&mut out, &results, args.worst);
    write_errors(&mut out, &results);
    if let Some(id) = &args.print {
        if let Some(i) = pages.iter().position(|p| &p.id == id) {
            write_page_text(&mut out, &pages[i], &extracted[i], &results[i]);
        }
    }
    if let (Some(path), Some(previous)) = (&args.compare, &previous) {
        write_comparison(&mut out, path, previous, &summary, &results);
    }
    let report = Report {
        summary,
        pages: results,
    };
    if let Some(path) = &args.json {
        let json = serde_json::to_string_pretty(&report).context("cannot serialize results")?;
        std::fs::write(path, json + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
    }

    let mut code = ExitCode::SUCCESS;
    let body = report.summary.body;
    let gates = [
        ("min-f1", "F1", args.min_f1, body.map(|b| b.f1)),
        (
            "min-word-f1",
            "word-F1",
            args.min_word_f1,
            body.map(|b| b.word_f1),
        ),
    ];
    for (gate, metric, min, value) in gates {
        let Some(min) = min else { continue };
        match value {
            Some(v) if v >= min => {
                let _ = writeln!(out, "\n{gate}: {metric} {v:.4} >= {min:.4}: ok");
            }
            Some(v) => {
                let _ = writeln!(out, "\n{gate}: {metric} {v:.4} is below {min:.4}: FAIL");
                code = ExitCode::from(1);
            }
            None => {
                let _ = writeln!(out, "\n{gate}: no page has an articleBody to score: FAIL");
                code = ExitCode::from(1);
            }
        }
    }
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(code)
}

// ---------------------------------------------------------------------------
// Loading

/// One page of the ground truth.
#[derive(Debug)]
struct Page {
    id: String,
    /// `None` when `articleBody` is null or missing: not scored for body.
    body: Option<String>,
    url: Option<String>,
    with: Option<Vec<String>>,
    without: Option<Vec<String>>,
    page_type: Option<String>,
    /// Metadata labels, for `--metadata`.
    meta: MetaTruth,
}

fn load_ground_truth(path: &Path) -> Result<Vec<Page>> {
    let raw = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let raw = maybe_gunzip(raw).with_context(|| format!("cannot decompress {}", path.display()))?;
    let map: Map<String, Value> = serde_json::from_slice(&raw)
        .with_context(|| format!("cannot parse {} as a JSON object of pages", path.display()))?;
    let mut pages = Vec::with_capacity(map.len());
    for (id, v) in map {
        let Some(obj) = v.as_object() else {
            bail!("{}: page {id} is not a JSON object", path.display());
        };
        let string = |key: &str| obj.get(key).and_then(Value::as_str).map(str::to_owned);
        let snippets = |key: &str| -> Option<Vec<String>> {
            match obj.get(key)? {
                Value::Array(items) => Some(
                    items
                        .iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect(),
                ),
                Value::String(s) => Some(vec![s.clone()]),
                _ => None,
            }
        };
        pages.push(Page {
            body: string("articleBody"),
            url: string("url").filter(|u| !u.is_empty()),
            with: snippets("with"),
            without: snippets("without"),
            page_type: string("pageType"),
            meta: MetaTruth::from_json(obj),
            id,
        });
    }
    // Id order, as the reference scorer: reports and floating-point sums
    // do not depend on the file's key order.
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}

/// Applies --print, --only and --limit.
fn select_pages(pages: &mut Vec<Page>, args: &EvalArgs) -> Result<()> {
    let wanted: Vec<&String> = args.print.iter().chain(&args.only).collect();
    for id in &wanted {
        if !pages.iter().any(|p| &p.id == *id) {
            bail!(
                "no page {id} in {}",
                args.dataset.join("ground-truth.json").display()
            );
        }
    }
    if let Some(id) = &args.print {
        pages.retain(|p| &p.id == id);
    } else if !args.only.is_empty() {
        pages.retain(|p| args.only.contains(&p.id));
    }
    if let Some(n) = args.limit {
        pages.truncate(n);
    }
    Ok(())
}

/// For each metadata field with a value, the source that won it.
type MetadataSources = Vec<(&'static str, String)>;

/// What was extracted from one page.
#[derive(Debug, Default)]
struct Extracted {
    text: String,
    /// The metadata the cleaner found (not when scoring a predictions file).
    metadata: Option<deboiler::Metadata>,
    /// The source that won each metadata field (only for --metadata-misses).
    metadata_sources: MetadataSources,
    /// Why the page has no output, when it failed.
    error: Option<String>,
}

impl Extracted {
    fn failed(error: String) -> Extracted {
        Extracted {
            text: String::new(),
            metadata: None,
            metadata_sources: Vec::new(),
            error: Some(error),
        }
    }
}

/// How fast the cleaning ran.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Speed {
    threads: usize,
    pages: usize,
    megabytes: f64,
    seconds: f64,
    pages_per_second: f64,
    megabytes_per_second: f64,
}

/// Where a page's input may be, in order, and how to read it.
const INPUT_FILES: [(&str, &str, InputKind); 4] = [
    ("html", ".html.gz", InputKind::Html),
    ("html", ".html", InputKind::Html),
    ("text", ".txt.gz", InputKind::Text),
    ("text", ".txt", InputKind::Text),
];

fn load_input(
    dir: &Path,
    id: &str,
    kind: Option<InputArg>,
) -> Result<(Vec<u8>, InputKind), String> {
    for (folder, ext, found_kind) in INPUT_FILES {
        let path = dir.join(folder).join(format!("{id}{ext}"));
        if !path.is_file() {
            continue;
        }
        let bytes = std::fs::read(&path)
            .and_then(maybe_gunzip)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        return Ok((bytes, kind.map_or(found_kind, InputKind::from)));
    }
    Err(format!(
        "no input file html/{id}.html[.gz] or text/{id}.txt[.gz] in {}",
        dir.display()
    ))
}

fn clean_all(
    pages: &[Page],
    dir: &Path,
    kind: Option<InputArg>,
    favor: FavorArg,
    pool: &rayon::ThreadPool,
    sources: bool,
) -> Result<(Vec<Extracted>, Speed)> {
    let cleaner = Cleaner::builder()
        .favor(favor.into())
        .build()
        .context("cannot build the cleaner")?;
    let loaded: Vec<Result<(Vec<u8>, InputKind), String>> = pool.install(|| {
        pages
            .par_iter()
            .map(|p| load_input(dir, &p.id, kind))
            .collect()
    });
    let start = Instant::now();
    let extracted: Vec<Extracted> = pool.install(|| {
        pages
            .par_iter()
            .zip(&loaded)
            .map(|(page, input)| match input {
                Ok((bytes, kind)) => clean_one(&cleaner, page, bytes, *kind, sources),
                Err(e) => Extracted::failed(e.clone()),
            })
            .collect()
    });
    let seconds = start.elapsed().as_secs_f64();
    let ok = loaded.iter().flatten();
    let bytes: usize = ok.clone().map(|(b, _)| b.len()).sum();
    let cleaned = ok.count();
    let megabytes = bytes as f64 / 1e6;
    let per_second = |x: f64| if seconds > 0.0 { x / seconds } else { 0.0 };
    let speed = Speed {
        threads: pool.current_num_threads(),
        pages: cleaned,
        megabytes,
        seconds,
        pages_per_second: per_second(cleaned as f64),
        megabytes_per_second: per_second(megabytes),
    };
    Ok((extracted, speed))
}

fn clean_one(
    cleaner: &Cleaner,
    page: &Page,
    bytes: &[u8],
    kind: InputKind,
    sources: bool,
) -> Extracted {
    let mut input = Input::new(bytes).source(&page.id).kind(kind);
    if let Some(url) = &page.url {
        input = input.url(url);
    }
    // The explanation carries the metadata sources; plain cleaning is cheaper.
    let run = || -> Result<(deboiler::Document, MetadataSources), deboiler::Error> {
        if sources {
            let e = cleaner.explain(&input)?;
            Ok((e.document, e.metadata_sources))
        } else {
            Ok((cleaner.clean_input(&input)?, Vec::new()))
        }
    };
    // A panic on one page is a bug to report, not a reason to lose the run.
    match catch_unwind(AssertUnwindSafe(run)) {
        Ok(Ok((doc, metadata_sources))) => Extracted {
            text: doc.text,
            metadata: Some(doc.metadata),
            metadata_sources,
            error: None,
        },
        Ok(Err(e)) => Extracted::failed(format!("cannot clean: {e}")),
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Extracted::failed(format!("the cleaner panicked: {msg}"))
        }
    }
}

/// Reads `{id: {"articleBody": text}}` or `{"version": .., "output": {...}}`.
/// A page missing from the file is scored as empty and listed as an error.
fn read_predictions(path: &Path, pages: &[Page]) -> Result<Vec<Extracted>> {
    let raw = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let raw = maybe_gunzip(raw).with_context(|| format!("cannot decompress {}", path.display()))?;
    let mut map: Map<String, Value> = serde_json::from_slice(&raw)
        .with_context(|| format!("cannot parse {} as a JSON object", path.display()))?;
    let wrapped = map.get("output").is_some_and(Value::is_object)
        && map.keys().all(|k| k == "version" || k == "output");
    if wrapped {
        if let Some(Value::Object(output)) = map.remove("output") {
            map = output;
        }
    }
    Ok(pages
        .iter()
        .map(|p| match map.get(&p.id) {
            Some(Value::Object(o)) => Extracted {
                text: o
                    .get("articleBody")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
                metadata: None,
                metadata_sources: Vec::new(),
                error: None,
            },
            Some(Value::String(s)) => Extracted {
                text: s.clone(),
                metadata: None,
                metadata_sources: Vec::new(),
                error: None,
            },
            Some(Value::Null) => Extracted::default(),
            Some(_) => Extracted::failed(format!("unreadable prediction in {}", path.display())),
            None => Extracted::failed(format!("no prediction in {}", path.display())),
        })
        .collect())
}

fn write_predictions(path: &Path, pages: &[Page], extracted: &[Extracted]) -> Result<()> {
    let map: Map<String, Value> = pages
        .iter()
        .zip(extracted)
        .map(|(p, e)| {
            let mut o = Map::new();
            o.insert("articleBody".into(), Value::String(e.text.clone()));
            (p.id.clone(), Value::Object(o))
        })
        .collect();
    let json = serde_json::to_string_pretty(&map).context("cannot serialize predictions")?;
    std::fs::write(path, json + "\n").with_context(|| format!("cannot write {}", path.display()))
}

// ---------------------------------------------------------------------------
// Scoring

/// The results of one page (one entry of `--json`'s `pages`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
struct PageResult {
    id: String,
    page_type: Option<String>,
    /// Page precision, recall and F1 of the shingle metric (null: not scored).
    precision: Option<f64>,
    recall: Option<f64>,
    f1: Option<f64>,
    word_f1: Option<f64>,
    /// Identical token lists.
    exact: Option<bool>,
    /// Normalized shingle tp/fp/fn (enough to recompute the summary).
    counts: Option<ShingleCounts>,
    with_found: Option<usize>,
    with_total: Option<usize>,
    without_found: Option<usize>,
    without_total: Option<usize>,
    /// Characters of extracted text.
    extracted_chars: usize,
    /// The first words of the ground truth missing from the output.
    missed: Option<String>,
    /// The first words of the output not in the ground truth.
    extra: Option<String>,
    error: Option<String>,
}

impl PageResult {
    fn body_score(&self) -> Option<BodyScore> {
        Some(BodyScore {
            counts: self.counts?,
            exact: self.exact?,
            word_f1: self.word_f1?,
        })
    }
}

fn score_page(page: &Page, ex: &Extracted) -> PageResult {
    let mut r = PageResult {
        id: page.id.clone(),
        page_type: page.page_type.clone(),
        extracted_chars: ex.text.chars().count(),
        error: ex.error.clone(),
        ..PageResult::default()
    };
    if let Some(truth) = &page.body {
        let (t, p) = (metric::words(truth), metric::words(&ex.text));
        let s = metric::score_body_tokens(truth, &ex.text, &t, &p);
        r.precision = Some(s.counts.precision());
        r.recall = Some(s.counts.recall());
        r.f1 = Some(s.counts.f1());
        r.word_f1 = Some(s.word_f1);
        r.exact = Some(s.exact);
        r.counts = Some(s.counts);
        r.missed = Some(metric::unmatched_words(&t, &p, DIAGNOSTIC_WORDS));
        r.extra = Some(metric::unmatched_words(&p, &t, DIAGNOSTIC_WORDS));
    }
    if page.with.is_some() || page.without.is_some() {
        let text = Snippets::new(&ex.text);
        if let Some(with) = &page.with {
            let (found, total) = text.count(with);
            (r.with_found, r.with_total) = (Some(found), Some(total));
        }
        if let Some(without) = &page.without {
            let (found, total) = text.count(without);
            (r.without_found, r.without_total) = (Some(found), Some(total));
        }
    }
    r
}

/// Found / total of snippets, pooled over pages.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
struct Rate {
    found: usize,
    total: usize,
    rate: f64,
}

impl Rate {
    fn pooled(pairs: impl Iterator<Item = (Option<usize>, Option<usize>)>) -> Option<Rate> {
        let (mut found, mut total, mut any) = (0, 0, false);
        for (f, t) in pairs {
            if let (Some(f), Some(t)) = (f, t) {
                found += f;
                total += t;
                any = true;
            }
        }
        any.then(|| Rate {
            found,
            total,
            rate: if total == 0 {
                0.0
            } else {
                found as f64 / total as f64
            },
        })
    }
}

/// One row of the per-page-type table.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
struct TypeRow {
    pages: usize,
    body: Option<BodySummary>,
    with: Option<Rate>,
    without: Option<Rate>,
}

/// The dataset-level results (`--json`'s `summary`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
struct Summary {
    dataset: String,
    /// What produced the texts: `deboiler <version>` or `predictions <file>`.
    source: String,
    pages: usize,
    /// Pages with an articleBody.
    scored: usize,
    /// Pages without one (not in the body metrics).
    skipped: usize,
    errors: usize,
    body: Option<BodySummary>,
    with: Option<Rate>,
    without: Option<Rate>,
    speed: Option<Speed>,
    by_type: BTreeMap<String, TypeRow>,
    /// Per-field metadata results (`--metadata`).
    metadata: Vec<FieldScore>,
}

/// What `--json` writes and `--compare` reads.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
struct Report {
    summary: Summary,
    pages: Vec<PageResult>,
}

fn summarize(dir: &Path, source: String, results: &[PageResult], speed: Option<Speed>) -> Summary {
    let type_row = |rs: &[&PageResult]| TypeRow {
        pages: rs.len(),
        body: BodySummary::of(
            rs.iter()
                .filter_map(|r| r.body_score())
                .collect::<Vec<_>>()
                .iter(),
        ),
        with: Rate::pooled(rs.iter().map(|r| (r.with_found, r.with_total))),
        without: Rate::pooled(rs.iter().map(|r| (r.without_found, r.without_total))),
    };
    let all: Vec<&PageResult> = results.iter().collect();
    let overall = type_row(&all);
    let mut groups: BTreeMap<String, Vec<&PageResult>> = BTreeMap::new();
    for r in results {
        if let Some(t) = &r.page_type {
            groups.entry(t.clone()).or_default().push(r);
        }
    }
    let scored = results.iter().filter(|r| r.counts.is_some()).count();
    Summary {
        dataset: dir.display().to_string(),
        source,
        pages: results.len(),
        scored,
        skipped: results.len() - scored,
        errors: results.iter().filter(|r| r.error.is_some()).count(),
        body: overall.body,
        with: overall.with,
        without: overall.without,
        speed,
        by_type: groups
            .iter()
            .map(|(t, rs)| (t.clone(), type_row(rs)))
            .collect(),
        metadata: Vec::new(),
    }
}

// ---------------------------------------------------------------------------
// Reporting (into a String: `write!` to a String cannot fail)

fn opt(x: Option<f64>, decimals: usize) -> String {
    x.map_or_else(|| "-".into(), |x| format!("{x:.decimals$}"))
}

fn write_summary(out: &mut String, s: &Summary) {
    let _ = writeln!(out, "deboiler eval {}  ({})", s.dataset, s.source);
    let _ = writeln!(
        out,
        "pages      {}: {} scored, {} skipped (no articleBody), {} errors",
        s.pages, s.scored, s.skipped, s.errors
    );
    match &s.body {
        Some(b) => {
            let _ = writeln!(
                out,
                "shingle    precision {:.4}  recall {:.4}  F1 {:.4}  accuracy {:.4}   (article-extraction-benchmark)",
                b.precision, b.recall, b.f1, b.accuracy
            );
            let _ = writeln!(
                out,
                "word-F1    {:.4}   (WCXB: mean per-page F1 of lower-cased words)",
                b.word_f1
            );
        }
        None => {
            let _ = writeln!(out, "shingle    - (no page has an articleBody)");
            let _ = writeln!(out, "word-F1    -");
        }
    }
    if let Some(w) = &s.with {
        let _ = writeln!(
            out,
            "with       recall {:.4}   ({} of {} snippets found)",
            w.rate, w.found, w.total
        );
    }
    if let Some(w) = &s.without {
        let _ = writeln!(
            out,
            "without    leak rate {:.4}   ({} of {} snippets found)",
            w.rate, w.found, w.total
        );
    }
    if let Some(sp) = &s.speed {
        let _ = writeln!(
            out,
            "speed      {} pages, {:.1} MB in {:.3} s on {} thread{}: {:.1} pages/s, {:.1} MB/s (cleaning only)",
            sp.pages,
            sp.megabytes,
            sp.seconds,
            sp.threads,
            if sp.threads == 1 { "" } else { "s" },
            sp.pages_per_second,
            sp.megabytes_per_second
        );
    }
    if !s.by_type.is_empty() {
        let _ = writeln!(
            out,
            "\n{:<16} {:>6} {:>8} {:>10} {:>8} {:>8}",
            "page type", "pages", "word-F1", "shingle-F1", "with", "leak"
        );
        for (t, row) in &s.by_type {
            let _ = writeln!(
                out,
                "{:<16} {:>6} {:>8} {:>10} {:>8} {:>8}",
                t,
                row.pages,
                opt(row.body.map(|b| b.word_f1), 4),
                opt(row.body.map(|b| b.f1), 4),
                opt(row.with.map(|w| w.rate), 4),
                opt(row.without.map(|w| w.rate), 4),
            );
        }
    }
}

fn write_worst(out: &mut String, results: &[PageResult], n: usize) {
    let mut scored: Vec<&PageResult> = results.iter().filter(|r| r.f1.is_some()).collect();
    if n == 0 || scored.is_empty() {
        return;
    }
    scored.sort_by(|a, b| {
        a.f1.unwrap_or(0.0)
            .total_cmp(&b.f1.unwrap_or(0.0))
            .then_with(|| a.id.cmp(&b.id))
    });
    let _ = writeln!(out, "\nworst {} pages by shingle F1:", n.min(scored.len()));
    for r in scored.iter().take(n) {
        let _ = write!(
            out,
            "  F1 {}  P {}  R {}  word-F1 {}  {}",
            opt(r.f1, 3),
            opt(r.precision, 3),
            opt(r.recall, 3),
            opt(r.word_f1, 3),
            r.id
        );
        if let Some(t) = &r.page_type {
            let _ = write!(out, "  [{t}]");
        }
        if let Some(e) = &r.error {
            let _ = write!(out, "  (error: {e})");
        }
        out.push('\n');
        for (label, words) in [("missed", &r.missed), ("extra ", &r.extra)] {
            if let Some(w) = words.as_deref().filter(|w| !w.is_empty()) {
                let _ = writeln!(out, "      {label}: {w}");
            }
        }
    }
}

fn write_errors(out: &mut String, results: &[PageResult]) {
    let errors: Vec<&PageResult> = results.iter().filter(|r| r.error.is_some()).collect();
    if errors.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nerrors ({}), scored as empty output:", errors.len());
    for r in errors {
        let _ = writeln!(
            out,
            "  {}: {}",
            r.id,
            r.error.as_deref().unwrap_or_default()
        );
    }
}

fn write_page_text(out: &mut String, page: &Page, ex: &Extracted, r: &PageResult) {
    let _ = writeln!(
        out,
        "\n=== page {}  F1 {}  P {}  R {}  word-F1 {}",
        page.id,
        opt(r.f1, 3),
        opt(r.precision, 3),
        opt(r.recall, 3),
        opt(r.word_f1, 3)
    );
    let _ = writeln!(
        out,
        "=== extracted ({} words) ===\n{}",
        metric::words(&ex.text).len(),
        ex.text.trim_end()
    );
    match &page.body {
        Some(truth) => {
            let _ = writeln!(
                out,
                "=== ground truth ({} words) ===\n{}",
                metric::words(truth).len(),
                truth.trim_end()
            );
        }
        None => {
            let _ = writeln!(out, "=== ground truth: no articleBody ===");
        }
    }
    for (label, list) in [("with", &page.with), ("without", &page.without)] {
        if let Some(list) = list {
            let _ = writeln!(out, "=== {label} snippets ===");
            let text = Snippets::new(&ex.text);
            for s in list {
                let found = text.count(std::slice::from_ref(s)).0 > 0;
                let _ = writeln!(out, "  [{}] {s}", if found { "found" } else { "     " });
            }
        }
    }
}

fn read_report(path: &Path) -> Result<Report> {
    let raw = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_slice(&raw)
        .with_context(|| format!("cannot parse {} as an eval --json report", path.display()))
}

fn write_comparison(
    out: &mut String,
    path: &Path,
    old: &Report,
    new: &Summary,
    results: &[PageResult],
) {
    let _ = writeln!(
        out,
        "\ncompared with {} ({}):",
        path.display(),
        old.summary.source
    );
    let body = |s: &Summary, f: fn(&BodySummary) -> f64| s.body.as_ref().map(f);
    let rows: [(&str, Option<f64>, Option<f64>); 7] = [
        (
            "precision",
            body(&old.summary, |b| b.precision),
            body(new, |b| b.precision),
        ),
        (
            "recall",
            body(&old.summary, |b| b.recall),
            body(new, |b| b.recall),
        ),
        ("F1", body(&old.summary, |b| b.f1), body(new, |b| b.f1)),
        (
            "accuracy",
            body(&old.summary, |b| b.accuracy),
            body(new, |b| b.accuracy),
        ),
        (
            "word-F1",
            body(&old.summary, |b| b.word_f1),
            body(new, |b| b.word_f1),
        ),
        (
            "with recall",
            old.summary.with.map(|w| w.rate),
            new.with.map(|w| w.rate),
        ),
        (
            "leak rate",
            old.summary.without.map(|w| w.rate),
            new.without.map(|w| w.rate),
        ),
    ];
    for (name, a, b) in rows {
        if a.is_none() && b.is_none() {
            continue;
        }
        let delta = match (a, b) {
            (Some(a), Some(b)) => format!("{:+.4}", b - a),
            _ => "-".into(),
        };
        let _ = writeln!(
            out,
            "  {name:<12} {} -> {}  ({delta})",
            opt(a, 4),
            opt(b, 4)
        );
    }
    if let (Some(a), Some(b)) = (&old.summary.speed, &new.speed) {
        let _ = writeln!(
            out,
            "  {:<12} {:.1} -> {:.1} pages/s  ({:+.1}%)",
            "speed",
            a.pages_per_second,
            b.pages_per_second,
            if a.pages_per_second > 0.0 {
                100.0 * (b.pages_per_second / a.pages_per_second - 1.0)
            } else {
                0.0
            }
        );
    }
    let before: BTreeMap<&str, f64> = old
        .pages
        .iter()
        .filter_map(|p| Some((p.id.as_str(), p.f1?)))
        .collect();
    let mut changed: Vec<(f64, f64, f64, &str)> = results
        .iter()
        .filter_map(|r| {
            let (a, b) = (*before.get(r.id.as_str())?, r.f1?);
            ((b - a).abs() > COMPARE_THRESHOLD).then_some((b - a, a, b, r.id.as_str()))
        })
        .collect();
    changed.sort_by(|x, y| x.0.total_cmp(&y.0).then_with(|| x.3.cmp(y.3)));
    let worse: Vec<_> = changed.iter().filter(|c| c.0 < 0.0).collect();
    let better: Vec<_> = changed.iter().rev().filter(|c| c.0 > 0.0).collect();
    for (label, list) in [("worse", worse), ("better", better)] {
        let _ = writeln!(
            out,
            "  {label} by more than {COMPARE_THRESHOLD} F1: {} page{}",
            list.len(),
            if list.len() == 1 { "" } else { "s" }
        );
        for (delta, a, b, id) in list {
            let _ = writeln!(out, "    {delta:+.3}  {a:.3} -> {b:.3}  {id}");
        }
    }
}
