//! `deboiler bench`: how fast cleaning is, measured against a bare parse.
//!
//! Every page of the given dataset folders (`html/*.html.gz`, or the folder's
//! own `*.html[.gz]`) is loaded into memory first, so only in-memory work is
//! timed. Then, for several rounds: a bare `scraper::Html::parse_document`
//! of each page (the floor any DOM-based cleaner pays) and
//! `Cleaner::clean_input` of each page, each on one thread and on `-j`
//! threads (rayon pools). The best round of each counts (the least disturbed
//! by other work on the machine); the median is in `--json`.
//!
//! The bare parse gets the page already decoded to UTF-8 (decoding is done
//! before timing); the clean pays its own decoding, so the ratio is slightly
//! pessimistic for the cleaner.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::Args;
use deboiler::{Cleaner, Input};
use rayon::prelude::*;
use serde::Serialize;

/// Measures pages/s, MB/s and the cost relative to a bare HTML parse.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Dataset folders (html/*.html.gz inside, or *.html[.gz] directly).
    #[arg(required = true, value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Threads for the parallel runs [default: all cores].
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    pub jobs: Option<usize>,
    /// Rounds of each measurement; the best counts.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub rounds: usize,
    /// Print the figures as one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

struct Page {
    bytes: Vec<u8>,
    /// Decoded text, for the bare parse.
    text: String,
}

#[derive(Debug, Serialize)]
struct Timing {
    best_s: f64,
    median_s: f64,
    pages_per_s: f64,
    mb_per_s: f64,
}

impl Timing {
    fn new(mut runs: Vec<Duration>, pages: usize, bytes: usize) -> Timing {
        runs.sort();
        let best = runs
            .first()
            .copied()
            .unwrap_or_default()
            .as_secs_f64()
            .max(1e-9);
        let median = runs
            .get(runs.len() / 2)
            .copied()
            .unwrap_or_default()
            .as_secs_f64();
        Timing {
            best_s: best,
            median_s: median,
            pages_per_s: pages as f64 / best,
            mb_per_s: bytes as f64 / 1e6 / best,
        }
    }
}

#[derive(Debug, Serialize)]
struct Report {
    dirs: Vec<String>,
    pages: usize,
    mb: f64,
    rounds: usize,
    threads: usize,
    parse_1: Timing,
    clean_1: Timing,
    parse_n: Timing,
    clean_n: Timing,
    /// clean time / bare parse time, one thread (best rounds).
    ratio_1: f64,
    /// clean time / bare parse time, N threads.
    ratio_n: f64,
    /// clean pages/s on N threads / on one thread.
    speedup_n: f64,
    /// Peak resident memory after loading the pages (MB).
    rss_loaded_mb: Option<f64>,
    /// Peak resident memory at the end (MB), pages included.
    rss_peak_mb: Option<f64>,
}

pub fn run(args: &BenchArgs) -> Result<ExitCode> {
    let pages = load(&args.dirs)?;
    if pages.is_empty() {
        bail!("no pages found under {:?}", args.dirs);
    }
    let bytes: usize = pages.iter().map(|p| p.bytes.len()).sum();
    let rss_loaded = peak_rss_mb();
    let threads = args.jobs.unwrap_or_else(rayon::current_num_threads).max(1);
    let rounds = args.rounds.max(1);
    let cleaner = Cleaner::new();
    let one = pool(1)?;
    let many = pool(threads)?;

    let parse = |p: &Page| drop(std::hint::black_box(scraper::Html::parse_document(&p.text)));
    let clean = |p: &Page| {
        drop(std::hint::black_box(
            cleaner.clean_input(&Input::new(&p.bytes)),
        ))
    };
    // Warm up (lazy statics, allocator, page cache) before timing.
    one.install(|| {
        pages.iter().take(20).for_each(|p| {
            parse(p);
            clean(p);
        })
    });

    let show_rounds = std::io::stderr().is_terminal();
    let (mut p1, mut c1, mut pn, mut cn) = (vec![], vec![], vec![], vec![]);
    for round in 0..rounds {
        if show_rounds {
            eprint!("\rbench: round {}/{rounds}", round + 1);
        }
        p1.push(time(|| one.install(|| pages.iter().for_each(parse))));
        c1.push(time(|| one.install(|| pages.iter().for_each(clean))));
        pn.push(time(|| many.install(|| pages.par_iter().for_each(parse))));
        cn.push(time(|| many.install(|| pages.par_iter().for_each(clean))));
    }
    if show_rounds {
        eprint!("\r{:30}\r", "");
    }
    let n = pages.len();
    let report = Report {
        dirs: args.dirs.iter().map(|d| d.display().to_string()).collect(),
        pages: n,
        mb: bytes as f64 / 1e6,
        rounds,
        threads,
        parse_1: Timing::new(p1, n, bytes),
        clean_1: Timing::new(c1, n, bytes),
        parse_n: Timing::new(pn, n, bytes),
        clean_n: Timing::new(cn, n, bytes),
        ratio_1: 0.0,
        ratio_n: 0.0,
        speedup_n: 0.0,
        rss_loaded_mb: rss_loaded,
        rss_peak_mb: peak_rss_mb(),
    };
    let report = Report {
        ratio_1: report.clean_1.best_s / report.parse_1.best_s,
        ratio_n: report.clean_n.best_s / report.parse_n.best_s,
        speedup_n: report.clean_n.pages_per_s / report.clean_1.pages_per_s,
        ..report
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        write!(out, "{}", table(&report))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn table(r: &Report) -> String {
    let row = |name: &str, t: &Timing| {
        format!(
            "{name:<22} {:>9.1} pages/s {:>8.1} MB/s   (best {:.3} s, median {:.3} s)\n",
            t.pages_per_s, t.mb_per_s, t.best_s, t.median_s
        )
    };
    let mb = |x: Option<f64>| x.map_or("n/a".to_string(), |v| format!("{v:.0} MB"));
    let mut s = format!(
        "{} pages, {:.1} MB ({}), best of {} rounds\n",
        r.pages,
        r.mb,
        r.dirs.join(", "),
        r.rounds
    );
    s += &row("bare parse, 1 thread", &r.parse_1);
    s += &row("clean, 1 thread", &r.clean_1);
    s += &row(&format!("bare parse, {} threads", r.threads), &r.parse_n);
    s += &row(&format!("clean, {} threads", r.threads), &r.clean_n);
    s += &format!(
        "clean / bare parse: {:.2}x on 1 thread, {:.2}x on {} threads\n",
        r.ratio_1, r.ratio_n, r.threads
    );
    s += &format!(
        "clean speedup, {} threads over 1: {:.2}x\n",
        r.threads, r.speedup_n
    );
    s += &format!(
        "peak RSS: {} (of which pages loaded: {})\n",
        mb(r.rss_peak_mb),
        mb(r.rss_loaded_mb)
    );
    s
}

fn time(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn pool(threads: usize) -> Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start the thread pool")
}

/// Loads every page of the folders, gunzipped and decoded.
fn load(dirs: &[PathBuf]) -> Result<Vec<Page>> {
    let mut pages = Vec::new();
    for dir in dirs {
        let html = dir.join("html");
        let folder = if html.is_dir() { html } else { dir.clone() };
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
            .with_context(|| format!("cannot list {}", folder.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| is_html(p))
            .collect();
        paths.sort();
        for path in paths {
            let bytes = read(&path)?;
            let text = deboiler::decode::decode(&bytes, None, true).text;
            pages.push(Page { bytes, text });
        }
    }
    Ok(pages)
}

fn is_html(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    name.ends_with(".html") || name.ends_with(".html.gz") || name.ends_with(".htm")
}

fn read(path: &Path) -> Result<Vec<u8>> {
    let raw = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::with_capacity(raw.len() * 4);
        flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .with_context(|| format!("cannot decompress {}", path.display()))?;
        Ok(out)
    } else {
        Ok(raw)
    }
}

/// Peak resident set size of this process (Linux `VmHWM`), in MB.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
