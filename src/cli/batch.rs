//! `deboiler batch`: many pages in, one record per page out, on every core,
//! in bounded memory.
//!
//! Three stages joined by channels:
//!
//! - the **reader** (one thread, [`inputs`]) walks the inputs in order and
//!   turns them into numbered [`Job`]s, after taking a permit from the
//!   [`Gate`], which bounds the records (and bytes) between reader and writer;
//! - **workers** (`-j`, default every core) parse JSON lines and clean pages.
//!   Each record runs under `catch_unwind`, and a **watchdog** turns a record
//!   over `--timeout-ms` into an error record and starts a replacement
//!   worker (a Rust thread cannot be stopped; the library has no time budget
//!   yet, see the note on [`watchdog`]);
//! - the **writer** (the main thread) puts records back in input order (a
//!   window of at most the gate's size) unless `--unordered`, writes them,
//!   releases permits, draws the progress bar and counts.
//!
//! Every record that enters yields exactly one output record, `"status":
//! "error"` with a message when it fails; the run never stops for one record.

mod inputs;
mod output;
mod warc;

use std::collections::{BTreeMap, HashSet};
use std::io::{IsTerminal, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::Args;
use deboiler::{render, Cleaner, Input, InputKind, Status};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Map, Value};

use self::inputs::{InputSpec, Job, Payload, ReadOptions};
use self::output::{DirSink, Meta, Out};
use super::{FavorArg, Format, InputArg};

const HELP: &str = "\
Inputs: page files (.html .htm .xhtml .txt, or anything named explicitly, optionally .gz);
directories (walked recursively, sorted, for those extensions and their .gz); JSONL or
JSONL.gz (.jsonl, .ndjson: one JSON object per line; --html-field holds the page, --url-field
its URL, --id-field its id; other fields are passed through unless the output record has a
field of that name); WARC or WARC.gz (.warc: response records; the HTTP Content-Type charset is
used, non-HTML responses are skipped and counted, other record types ignored); - reads JSONL
from standard input.

Output: one JSON line per input record, in input order (--unordered: as finished): the fields
of `deboiler clean --format json` plus `id` when the input has one. `source` is the file path,
`FILE:LINE` for JSONL, `FILE#N` (N-th WARC record) for WARC. A record that fails yields
{\"status\":\"error\",\"source\",\"url\",\"error\",...} and the run goes on. With --out-dir,
each page file gets one file in --format (mirroring its path under the directory given), each
JSONL/WARC input one .jsonl file; a page that fails gets no file, only a line on stderr.

--resume: records whose id (or, without one, source) is already in the -o file are skipped;
a partial last line left by a killed run is cut off first. With --out-dir, page files whose
output exists are skipped (JSONL/WARC inputs are redone).

A summary goes to stderr at the end; a progress bar too when stderr is a terminal.
Exit codes: 0 every record is ok or empty (or --exit-zero); 1 some record failed; 2 the output
cannot be written or the arguments are wrong. A closed pipe (| head) exits quietly.";

/// Cleans many pages: files, directories, JSONL, WARC, or JSONL on stdin.
#[derive(Debug, Args)]
#[command(after_long_help = HELP)]
pub struct BatchArgs {
    /// Files, directories, .jsonl[.gz], .warc[.gz], or - for JSONL on stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Write JSONL here instead of stdout (.gz compresses).
    #[arg(
        short = 'o',
        long = "output",
        value_name = "FILE",
        conflicts_with = "out_dir"
    )]
    pub output: Option<PathBuf>,
    /// Write one file per input into DIR (in --format), mirroring input names.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Format of --out-dir page files (JSONL output is always json).
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Worker threads [default: all cores].
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    pub jobs: Option<usize>,
    /// Write records as they finish, not in input order.
    #[arg(long)]
    pub unordered: bool,
    /// Skip records already in the output (by id, else source).
    #[arg(long)]
    pub resume: bool,
    /// JSONL field holding the page.
    #[arg(long, value_name = "NAME", default_value = "html")]
    pub html_field: String,
    /// JSONL field holding the page URL.
    #[arg(long, value_name = "NAME", default_value = "url")]
    pub url_field: String,
    /// JSONL field holding the record id.
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,
    /// Lean towards precision (less chrome) or recall (more body text).
    #[arg(long, value_enum, default_value_t = FavorArg::Balanced)]
    pub favor: FavorArg,
    /// Pages larger than this many bytes become error records.
    #[arg(long, value_name = "BYTES", default_value_t = deboiler::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// A page still cleaning after this many milliseconds becomes an error record (0: no limit).
    #[arg(long, value_name = "MS", default_value_t = 30_000)]
    pub timeout_ms: u64,
    /// How to read pages [default: .txt as text, .html as HTML, otherwise detected].
    #[arg(long, value_enum, value_name = "KIND")]
    pub input: Option<InputArg>,
    /// No summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,
    /// Exit 0 even when records failed (their error records say so), for
    /// runners that discard a task's output on a non-zero exit (Spark's RDD.pipe).
    #[arg(long)]
    pub exit_zero: bool,
}

pub fn run(args: &BatchArgs) -> Result<ExitCode> {
    if args.out_dir.is_none() && args.format != Format::Json {
        bail!(
            "--format {:?} needs --out-dir (JSONL output is json)",
            args.format
        );
    }
    if args.resume && args.out_dir.is_none() && args.output.is_none() {
        bail!("--resume needs -o FILE or --out-dir DIR (the output to resume)");
    }
    let stdin_inputs = args.inputs.iter().filter(|p| *p == Path::new("-")).count();
    if stdin_inputs > 1 {
        bail!("- (stdin) can be given once");
    }
    let cleaner = Cleaner::builder()
        .max_bytes(args.max_bytes)
        .favor(args.favor.into())
        .build()
        .context("cannot build the cleaner")?;
    let threads = args.jobs.unwrap_or_else(rayon::current_num_threads).max(1);
    let inputs: Vec<InputSpec> = args.inputs.iter().map(|p| InputSpec::classify(p)).collect();

    let done_keys = match (&args.output, args.resume) {
        (Some(path), true) => output::load_done(path)?,
        _ => HashSet::new(),
    };
    let resumed_before = done_keys.len();
    let sink = match &args.out_dir {
        Some(dir) => Sink::Dir(DirSink::new(dir.clone())?),
        None => Sink::Stream(Out::open(args.output.as_deref(), args.resume)?),
    };

    let ctx = Arc::new(WorkContext {
        cleaner,
        forced_kind: args.input.map(InputKind::from),
        html_field: args.html_field.clone(),
        url_field: args.url_field.clone(),
        id_field: args.id_field.clone(),
        reserved: output::reserved_fields(),
        done_keys,
        format: args.out_dir.as_ref().map(|_| args.format),
    });

    // The window: records between the reader and the writer. Enough to keep
    // every worker busy while one slow page holds up ordered output; small
    // enough that memory stays bounded.
    let gate = Arc::new(Gate::new(threads * 8 + 16, 256 << 20));
    let (job_tx, job_rx) = mpsc::channel::<Job>();
    let (done_tx, done_rx) = mpsc::channel::<Msg>();
    let read_bytes = Arc::new(AtomicU64::new(0));
    let skipped = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));

    install_panic_hook();
    let shared = Arc::new(Shared {
        ctx,
        jobs: Mutex::new(job_rx),
        done: Mutex::new(done_tx.clone()),
        slots: Mutex::new(Vec::new()),
        timeout: (args.timeout_ms > 0).then(|| Duration::from_millis(args.timeout_ms)),
        stop: stop.clone(),
    });
    for _ in 0..threads {
        spawn_worker(&shared)?;
    }
    if shared.timeout.is_some() {
        let shared = shared.clone();
        std::thread::Builder::new()
            .name("batch-watchdog".into())
            .spawn(move || watchdog(&shared))
            .context("cannot start the watchdog")?;
    }

    let total_bytes = inputs.iter().try_fold(0u64, |sum, i| match i {
        InputSpec::Page(p) | InputSpec::Jsonl(p) | InputSpec::Warc(p) => {
            std::fs::metadata(p).ok().map(|m| sum + m.len())
        }
        InputSpec::Dir(_) | InputSpec::Stdin => None,
    });
    let progress = progress_bar(total_bytes);

    let reader = {
        let opts = ReadOptions {
            max_bytes: args.max_bytes,
            forced_kind: args.input.map(InputKind::from),
            out_dir_ext: args.out_dir.as_ref().map(|_| extension(args.format)),
        };
        let mut emitter = Emitter {
            seq: 0,
            gate: gate.clone(),
            jobs: job_tx,
            skipped: skipped.clone(),
            out_dir: if args.resume {
                args.out_dir.clone()
            } else {
                None
            },
            resumed: 0,
        };
        let read_bytes = read_bytes.clone();
        let done_tx = done_tx.clone();
        std::thread::Builder::new()
            .name("batch-reader".into())
            .spawn(move || {
                inputs::read_all(&inputs, &opts, &read_bytes, &mut emitter);
                let _ = done_tx.send(Msg::ReaderDone {
                    records: emitter.seq,
                    resumed: emitter.resumed,
                });
            })
            .context("cannot start the reader")?
    };
    drop(done_tx);

    let start = Instant::now();
    let mut writer = Writer {
        sink,
        ordered: !args.unordered,
        pending: BTreeMap::new(),
        next: 0,
        gate: gate.clone(),
        counts: Counts::default(),
        progress: progress.clone(),
        read_bytes: read_bytes.clone(),
        quiet_errors: args.out_dir.is_none(),
    };
    let result = writer.run(&done_rx);
    stop.store(true, Ordering::Relaxed);
    gate.close();
    progress.finish_and_clear();
    result?;
    let _ = reader.join();
    let mut counts = writer.counts;
    counts.skipped = skipped.load(Ordering::Relaxed);
    writer.sink.finish()?;

    if !args.quiet {
        let elapsed = start.elapsed().as_secs_f64();
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            counts.summary(elapsed, threads, resumed_before)
        );
    }
    Ok(if counts.error > 0 && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn extension(format: Format) -> &'static str {
    match format {
        Format::Text => "txt",
        Format::Markdown => "md",
        Format::Html => "html",
        Format::Json => "json",
    }
}

fn progress_bar(total_bytes: Option<u64>) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match total_bytes {
        Some(total) => ProgressBar::new(total).with_style(
            ProgressStyle::with_template(
                "{spinner} {elapsed_precise} [{wide_bar}] {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {elapsed_precise} {bytes} read, {bytes_per_sec} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
    bar.enable_steady_tick(Duration::from_millis(250));
    bar
}

// ---------------------------------------------------------------------------
// The gate: a bound on records (and bytes) in flight.

/// Permits for records between the reader and the writer. The reader takes
/// one per record; the writer gives it back when the record is written. So
/// the channels, the workers and the re-ordering window together never hold
/// more than `max_records` records or (beyond one record) `max_bytes` bytes.
struct Gate {
    state: Mutex<GateState>,
    cv: Condvar,
    max_records: usize,
    max_bytes: usize,
}

#[derive(Default)]
struct GateState {
    records: usize,
    bytes: usize,
    closed: bool,
}

impl Gate {
    fn new(max_records: usize, max_bytes: usize) -> Gate {
        Gate {
            state: Mutex::new(GateState::default()),
            cv: Condvar::new(),
            max_records,
            max_bytes,
        }
    }

    /// Waits for room; false when the run is over.
    fn acquire(&self, bytes: usize) -> bool {
        let mut s = lock(&self.state);
        while !s.closed
            && s.records > 0
            && (s.records >= self.max_records || s.bytes + bytes > self.max_bytes)
        {
            s = self.cv.wait(s).unwrap_or_else(|e| e.into_inner());
        }
        if s.closed {
            return false;
        }
        s.records += 1;
        s.bytes += bytes;
        true
    }

    fn release(&self, bytes: usize) {
        let mut s = lock(&self.state);
        s.records = s.records.saturating_sub(1);
        s.bytes = s.bytes.saturating_sub(bytes);
        self.cv.notify_all();
    }

    fn close(&self) {
        lock(&self.state).closed = true;
        self.cv.notify_all();
    }
}

/// Locks, ignoring poisoning (a panic is caught per record; state stays valid).
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The reader's end: numbers jobs and sends them through the gate.
struct Emitter {
    seq: u64,
    gate: Arc<Gate>,
    jobs: Sender<Job>,
    skipped: Arc<AtomicU64>,
    /// `--resume` with `--out-dir`: the directory to look in.
    out_dir: Option<PathBuf>,
    resumed: u64,
}

impl inputs::Emit for Emitter {
    fn emit(&mut self, dest: Option<Arc<PathBuf>>, payload: Payload) -> bool {
        let job = Job {
            seq: self.seq,
            dest,
            payload,
        };
        if !self.gate.acquire(job.weight()) {
            return false;
        }
        self.seq += 1;
        self.jobs.send(job).is_ok()
    }

    fn skipped(&mut self) {
        self.skipped.fetch_add(1, Ordering::Relaxed);
    }

    fn page_done(&mut self, dest: &Path) -> bool {
        let done = self
            .out_dir
            .as_deref()
            .is_some_and(|root| DirSink::exists(root, dest));
        self.resumed += u64::from(done);
        done
    }
}

// ---------------------------------------------------------------------------
// Workers.

/// What every worker needs; built once.
struct WorkContext {
    cleaner: Cleaner,
    forced_kind: Option<InputKind>,
    html_field: String,
    url_field: String,
    id_field: String,
    reserved: HashSet<String>,
    done_keys: HashSet<u64>,
    /// `Some` in `--out-dir` mode: the format of page files.
    format: Option<Format>,
}

/// A finished record, on its way to the writer.
struct Done {
    seq: u64,
    dest: Option<Arc<PathBuf>>,
    outcome: Outcome,
    /// The rendered output (a JSON line, or a page file's contents).
    text: String,
    /// For messages: the record's source.
    source: String,
    /// For messages: why it failed.
    error: Option<String>,
    /// Bytes of the page (for MB/s).
    page_bytes: u64,
    /// Bytes the job held in the gate.
    weight: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Ok,
    Empty,
    Error,
    /// Already in the output (`--resume`): nothing to write.
    Resumed,
    /// End of a stream input (`--out-dir`) after this many records.
    End(u64),
}

enum Msg {
    Done(Box<Done>),
    ReaderDone { records: u64, resumed: u64 },
}

/// State shared by workers and the watchdog.
struct Shared {
    ctx: Arc<WorkContext>,
    jobs: Mutex<Receiver<Job>>,
    done: Mutex<Sender<Msg>>,
    slots: Mutex<Vec<Arc<Slot>>>,
    timeout: Option<Duration>,
    stop: Arc<AtomicBool>,
}

/// What one worker is doing, for the watchdog.
#[derive(Default)]
struct Slot {
    state: Mutex<SlotState>,
}

#[derive(Default)]
enum SlotState {
    #[default]
    Idle,
    Running {
        seq: u64,
        started: Instant,
        dest: Option<Arc<PathBuf>>,
        meta: Arc<Meta>,
        weight: usize,
    },
    /// The watchdog gave up on this worker's record and wrote its error
    /// record; the worker exits when (if ever) the page finishes.
    Abandoned,
}

fn spawn_worker(shared: &Arc<Shared>) -> Result<()> {
    let slot = Arc::new(Slot::default());
    lock(&shared.slots).push(slot.clone());
    let shared = shared.clone();
    std::thread::Builder::new()
        .name("batch-worker".into())
        .spawn(move || worker(&shared, &slot))
        .context("cannot start a worker thread")?;
    Ok(())
}

fn worker(shared: &Shared, slot: &Slot) {
    loop {
        let job = match lock(&shared.jobs).recv() {
            Ok(job) => job,
            Err(_) => break, // the reader is done
        };
        let seq = job.seq;
        let dest = job.dest.clone();
        let weight = job.weight();
        let source = source_of(&job.payload).to_string();
        let registered = |meta: Arc<Meta>| {
            *lock(&slot.state) = SlotState::Running {
                seq,
                started: Instant::now(),
                dest: dest.clone(),
                meta,
                weight,
            };
        };
        let result = catch_unwind(AssertUnwindSafe(|| process(&shared.ctx, job, &registered)));
        let done = match result {
            Ok(done) => done,
            Err(panic) => {
                let meta = match &*lock(&slot.state) {
                    SlotState::Running { meta, .. } => meta.clone(),
                    _ => Arc::new(Meta::from_source(source)),
                };
                let error = format!("panic: {}", panic_message(&*panic));
                error_done(seq, dest, &meta, error, weight)
            }
        };
        let mut state = lock(&slot.state);
        if matches!(*state, SlotState::Abandoned) {
            return; // its error record was written; a replacement took over
        }
        *state = SlotState::Idle;
        drop(state);
        if lock(&shared.done).send(Msg::Done(Box::new(done))).is_err() {
            break;
        }
    }
    lock(&shared.slots).retain(|s| !std::ptr::eq(Arc::as_ptr(s), slot));
}

fn source_of(p: &Payload) -> &str {
    match p {
        Payload::Page { source, .. }
        | Payload::JsonLine { source, .. }
        | Payload::Warc { source, .. }
        | Payload::Failed { source, .. } => source,
        Payload::End { .. } => "",
    }
}

/// Cleans one job. `register` is called once the record's identity is known
/// (before cleaning), so a timeout can still write an error record with it.
fn process(ctx: &WorkContext, job: Job, register: &dyn Fn(Arc<Meta>)) -> Done {
    let seq = job.seq;
    let dest = job.dest;
    let weight = match &job.payload {
        Payload::Page { bytes, .. } | Payload::Warc { body: bytes, .. } => bytes.len(),
        Payload::JsonLine { line, .. } => line.len(),
        _ => 0,
    };
    let resumed = |meta: &Meta| ctx.done_keys.contains(&meta.key());
    match job.payload {
        Payload::End { records } => Done {
            seq,
            dest,
            outcome: Outcome::End(records),
            text: String::new(),
            source: String::new(),
            error: None,
            page_bytes: 0,
            weight,
        },
        Payload::Failed {
            source,
            id,
            url,
            error,
        } => {
            let meta = Meta {
                source,
                id: id.map(Value::from),
                url,
                extra: Map::new(),
            };
            if resumed(&meta) {
                return resumed_done(seq, dest, weight);
            }
            error_done(seq, dest, &meta, error, weight)
        }
        Payload::Page {
            source,
            bytes,
            kind,
        } => {
            let meta = Arc::new(Meta::from_source(source));
            if resumed(&meta) {
                return resumed_done(seq, dest, weight);
            }
            register(meta.clone());
            let input = Input::new(&bytes).source(&meta.source).kind(kind);
            clean_done(ctx, true, seq, dest, &meta, &input, weight)
        }
        Payload::Warc {
            source,
            id,
            url,
            charset,
            body,
            text,
        } => {
            let meta = Arc::new(Meta {
                source,
                id: Some(Value::from(id)),
                url,
                extra: Map::new(),
            });
            if resumed(&meta) {
                return resumed_done(seq, dest, weight);
            }
            register(meta.clone());
            let mut input = Input::new(&body)
                .source(&meta.source)
                .kind(ctx.forced_kind.unwrap_or(if text {
                    InputKind::Text
                } else {
                    InputKind::Html
                }));
            if let Some(url) = &meta.url {
                input = input.url(url);
            }
            if let Some(cs) = &charset {
                input = input.charset(cs);
            }
            clean_done(ctx, false, seq, dest, &meta, &input, weight)
        }
        Payload::JsonLine { source, line } => {
            let (meta, html) = parse_line(ctx, source, &line);
            drop(line);
            let meta = Arc::new(meta);
            if resumed(&meta) {
                return resumed_done(seq, dest, weight);
            }
            register(meta.clone());
            match html {
                Ok(html) => {
                    // The page arrived as a JSON string: it is Unicode now,
                    // whatever its <meta charset> says.
                    let mut input = Input::new(html.as_bytes())
                        .source(&meta.source)
                        .charset("utf-8");
                    if let Some(kind) = ctx.forced_kind {
                        input = input.kind(kind);
                    }
                    if let Some(url) = &meta.url {
                        input = input.url(url);
                    }
                    clean_done(ctx, false, seq, dest, &meta, &input, weight)
                }
                Err(error) => error_done(seq, dest, &meta, error, weight),
            }
        }
    }
}

/// Splits a JSONL record into its identity, passed-through fields and page.
fn parse_line(ctx: &WorkContext, source: String, line: &[u8]) -> (Meta, Result<String, String>) {
    let mut meta = Meta::from_source(source);
    let mut record: Map<String, Value> = match serde_json::from_slice(line) {
        Ok(Value::Object(m)) => m,
        Ok(other) => {
            let kind = match other {
                Value::Array(_) => "an array",
                Value::String(_) => "a string",
                Value::Number(_) => "a number",
                Value::Bool(_) => "a boolean",
                _ => "null",
            };
            return (meta, Err(format!("JSON line is {kind}, not an object")));
        }
        Err(e) => return (meta, Err(format!("invalid JSON: {e}"))),
    };
    meta.id = record.remove(&ctx.id_field);
    let html = record.remove(&ctx.html_field);
    match record.remove(&ctx.url_field) {
        Some(Value::String(url)) => meta.url = Some(url),
        Some(other) if !ctx.reserved.contains(&ctx.url_field) => {
            meta.extra.insert(ctx.url_field.clone(), other);
        }
        _ => {}
    }
    for (k, v) in record {
        if !ctx.reserved.contains(&k) {
            meta.extra.insert(k, v);
        }
    }
    let html = match html {
        Some(Value::String(s)) => Ok(s),
        Some(Value::Null) | None => Err(format!("no \"{}\" field", ctx.html_field)),
        Some(_) => Err(format!("field \"{}\" is not a string", ctx.html_field)),
    };
    (meta, html)
}

/// `page_file`: a page file in `--out-dir` mode, written in `--format`.
fn clean_done(
    ctx: &WorkContext,
    page_file: bool,
    seq: u64,
    dest: Option<Arc<PathBuf>>,
    meta: &Meta,
    input: &Input<'_>,
    weight: usize,
) -> Done {
    let page_bytes = weight as u64;
    let doc = match ctx.cleaner.clean_input(input) {
        Ok(doc) => doc,
        Err(e) => return error_done(seq, dest, meta, e.to_string(), weight),
    };
    let outcome = match doc.status {
        Status::Ok => Outcome::Ok,
        Status::Empty => Outcome::Empty,
        Status::Error => Outcome::Error,
    };
    // Page files in --out-dir mode get the chosen format; records get a line.
    let text = match (ctx.format, page_file) {
        (Some(Format::Text), true) => render::text(&doc.blocks),
        (Some(Format::Markdown), true) => render::markdown(&doc),
        (Some(Format::Html), true) => render::html(&doc),
        (Some(Format::Json), true) => render::json(&doc),
        _ => output::doc_line(&doc, meta),
    };
    Done {
        seq,
        dest,
        outcome,
        text,
        source: meta.source.clone(),
        error: None,
        page_bytes,
        weight,
    }
}

fn error_done(
    seq: u64,
    dest: Option<Arc<PathBuf>>,
    meta: &Meta,
    error: String,
    weight: usize,
) -> Done {
    Done {
        seq,
        dest,
        outcome: Outcome::Error,
        text: output::error_line(meta, &error),
        source: meta.source.clone(),
        error: Some(error),
        page_bytes: 0,
        weight,
    }
}

fn resumed_done(seq: u64, dest: Option<Arc<PathBuf>>, weight: usize) -> Done {
    Done {
        seq,
        dest,
        outcome: Outcome::Resumed,
        text: String::new(),
        source: String::new(),
        error: None,
        page_bytes: 0,
        weight,
    }
}

// ---------------------------------------------------------------------------
// Panics and timeouts.

thread_local! {
    static PANIC_AT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Worker panics are reported in their record (with their location), not
/// printed; other threads keep the default hook.
fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() == Some("batch-worker") {
            let at = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()));
            PANIC_AT.with(|p| *p.borrow_mut() = at);
        } else {
            default(info);
        }
    }));
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown".into());
    match PANIC_AT.with(|p| p.borrow_mut().take()) {
        Some(at) => format!("{msg} (at {at})"),
        None => msg,
    }
}

/// Turns records over `--timeout-ms` into error records.
///
/// The library has no per-document time budget, and a thread cannot be
/// stopped from outside, so a runaway page keeps its thread busy until it
/// finishes: the watchdog writes its error record at the deadline, marks the
/// worker abandoned (its late result is dropped) and starts a replacement
/// worker so throughput holds. A time budget checked inside the pipeline
/// (`CleanerBuilder::time_budget`, returning `Error::Timeout`) would make
/// this exact and free the thread.
fn watchdog(shared: &Arc<Shared>) {
    let Some(timeout) = shared.timeout else {
        return;
    };
    let tick = (timeout / 4).clamp(Duration::from_millis(5), Duration::from_millis(200));
    while !shared.stop.load(Ordering::Relaxed) {
        std::thread::sleep(tick);
        let slots: Vec<Arc<Slot>> = lock(&shared.slots).clone();
        for slot in slots {
            let mut state = lock(&slot.state);
            let SlotState::Running {
                seq,
                started,
                dest,
                meta,
                weight,
            } = &*state
            else {
                continue;
            };
            if started.elapsed() < timeout {
                continue;
            }
            let error = format!(
                "over the time limit of {} ms (--timeout-ms)",
                timeout.as_millis()
            );
            let done = error_done(*seq, dest.clone(), meta, error, *weight);
            *state = SlotState::Abandoned;
            drop(state);
            if lock(&shared.done).send(Msg::Done(Box::new(done))).is_err() {
                return;
            }
            let _ = spawn_worker(shared);
        }
    }
}

// ---------------------------------------------------------------------------
// The writer.

enum Sink {
    Stream(Out),
    Dir(DirSink),
}

impl Sink {
    fn finish(self) -> Result<()> {
        match self {
            Sink::Stream(out) => out.finish().context("cannot write the output"),
            Sink::Dir(dir) => dir.finish(),
        }
    }
}

#[derive(Debug, Default)]
struct Counts {
    ok: u64,
    empty: u64,
    error: u64,
    skipped: u64,
    resumed: u64,
    page_bytes: u64,
}

impl Counts {
    fn records(&self) -> u64 {
        self.ok + self.empty + self.error
    }

    fn summary(&self, secs: f64, threads: usize, resumed_before: usize) -> String {
        let secs = secs.max(1e-9);
        let mut s = format!(
            "deboiler batch: {} records: {} ok, {} empty, {} error, {} skipped (non-HTML)",
            self.records(),
            self.ok,
            self.empty,
            self.error,
            self.skipped
        );
        if self.resumed > 0 || resumed_before > 0 {
            s.push_str(&format!(", {} already done (--resume)", self.resumed));
        }
        s.push_str(&format!(
            "; {:.1} s on {threads} thread{}, {:.1} pages/s, {:.1} MB/s",
            secs,
            if threads == 1 { "" } else { "s" },
            self.records() as f64 / secs,
            self.page_bytes as f64 / 1e6 / secs
        ));
        s
    }
}

struct Writer {
    sink: Sink,
    ordered: bool,
    pending: BTreeMap<u64, Box<Done>>,
    next: u64,
    gate: Arc<Gate>,
    counts: Counts,
    progress: ProgressBar,
    read_bytes: Arc<AtomicU64>,
    /// In JSONL mode errors are in the records; in --out-dir mode they go to stderr.
    quiet_errors: bool,
}

impl Writer {
    fn run(&mut self, rx: &Receiver<Msg>) -> Result<()> {
        let mut expected: Option<u64> = None;
        let mut written: u64 = 0;
        loop {
            if expected == Some(written) {
                return Ok(());
            }
            let msg = match rx.recv() {
                Ok(m) => m,
                Err(_) => bail!("internal error: workers stopped with records outstanding"),
            };
            match msg {
                Msg::ReaderDone { records, resumed } => {
                    expected = Some(records);
                    self.counts.resumed += resumed;
                }
                Msg::Done(done) if self.ordered => {
                    self.pending.insert(done.seq, done);
                    while let Some(done) = self.pending.remove(&self.next) {
                        self.next += 1;
                        written += 1;
                        self.write(*done)?;
                    }
                }
                Msg::Done(done) => {
                    written += 1;
                    self.write(*done)?;
                }
            }
        }
    }

    fn write(&mut self, done: Done) -> Result<()> {
        self.gate.release(done.weight);
        match done.outcome {
            Outcome::Ok => self.counts.ok += 1,
            Outcome::Empty => self.counts.empty += 1,
            Outcome::Error => self.counts.error += 1,
            Outcome::Resumed => {
                self.counts.resumed += 1;
                return Ok(());
            }
            Outcome::End(records) => {
                if let (Sink::Dir(dir), Some(dest)) = (&mut self.sink, &done.dest) {
                    dir.end(dest, records)?;
                }
                return Ok(());
            }
        }
        self.counts.page_bytes += done.page_bytes;
        match (&mut self.sink, &done.dest) {
            (Sink::Stream(out), _) => {
                out.write_all(done.text.as_bytes())
                    .and_then(|()| out.write_all(b"\n"))
                    .context("cannot write the output")?;
            }
            (Sink::Dir(dir), Some(dest)) if dest.extension().is_some_and(|e| e == "jsonl") => {
                dir.write_record(dest, &done.text)?;
            }
            (Sink::Dir(dir), Some(dest)) => {
                if done.outcome != Outcome::Error {
                    dir.write_page(dest, &done.text)?;
                }
            }
            (Sink::Dir(_), None) => {}
        }
        if let (Some(error), false) = (&done.error, self.quiet_errors) {
            self.progress
                .suspend(|| eprintln!("deboiler: {}: {error}", done.source));
        }
        if !self.progress.is_hidden() {
            self.progress
                .set_position(self.read_bytes.load(Ordering::Relaxed));
            let secs = self.progress.elapsed().as_secs_f64().max(1e-3);
            self.progress.set_message(format!(
                "{} records, {:.0}/s, {} error",
                self.counts.records(),
                self.counts.records() as f64 / secs,
                self.counts.error
            ));
        }
        Ok(())
    }
}
