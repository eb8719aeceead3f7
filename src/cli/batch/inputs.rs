//! The reader side of `batch`: what each input argument is, and the records
//! it yields, one after another, without holding more than one in memory.
//!
//! Input: the paths given on the command line. Output: [`Job`]s sent to the
//! workers, each with a sequence number, after a permit from the
//! [`Gate`](super::Gate) (so the reader never runs far ahead of the writer).
//! The reader does only what must be sequential (listing directories,
//! splitting lines, gunzipping, WARC framing); parsing JSON and cleaning are
//! the workers'.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use deboiler::InputKind;

use super::warc::{WarcItem, WarcReader};

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Page file extensions picked up in directories (also under `.gz`).
const PAGE_EXTENSIONS: [&str; 4] = ["html", "htm", "xhtml", "txt"];

/// What one command-line input is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSpec {
    /// One page file (any name when given explicitly).
    Page(PathBuf),
    /// A directory, walked recursively for page files.
    Dir(PathBuf),
    /// JSONL or JSONL.gz, one record per line.
    Jsonl(PathBuf),
    /// WARC or WARC.gz.
    Warc(PathBuf),
    /// JSONL on standard input (`-`).
    Stdin,
}

impl InputSpec {
    /// Classifies a command-line argument by what it is and how it is named.
    pub fn classify(arg: &Path) -> InputSpec {
        if arg == Path::new("-") {
            return InputSpec::Stdin;
        }
        if arg.is_dir() {
            return InputSpec::Dir(arg.to_path_buf());
        }
        let name = lower_name(arg);
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
            InputSpec::Jsonl(arg.to_path_buf())
        } else if name.ends_with(".warc") || name.ends_with(".wet") {
            InputSpec::Warc(arg.to_path_buf())
        } else {
            InputSpec::Page(arg.to_path_buf())
        }
    }
}

fn lower_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// Whether a file found in a directory is a page to clean.
pub fn is_page_name(path: &Path) -> bool {
    let name = lower_name(path);
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| PAGE_EXTENSIONS.contains(&ext))
}

/// The input kind implied by a page file's name, unless `--input` says.
pub fn page_kind(path: &Path, forced: Option<InputKind>) -> InputKind {
    if let Some(kind) = forced {
        return kind;
    }
    let name = lower_name(path);
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("txt") => InputKind::Text,
        Some("html" | "htm" | "xhtml") => InputKind::Html,
        _ => InputKind::Auto,
    }
}

/// One unit of work for a worker.
#[derive(Debug)]
pub struct Job {
    /// Position in the input order (the writer re-orders by it).
    pub seq: u64,
    /// Where the output goes in `--out-dir` mode (relative to the directory).
    pub dest: Option<Arc<PathBuf>>,
    pub payload: Payload,
}

impl Job {
    /// Bytes this job holds (for the in-flight budget).
    pub fn weight(&self) -> usize {
        match &self.payload {
            Payload::Page { bytes, .. } | Payload::Warc { body: bytes, .. } => bytes.len(),
            Payload::JsonLine { line, .. } => line.len(),
            Payload::Failed { .. } | Payload::End { .. } => 0,
        }
    }
}

/// What a job carries.
#[derive(Debug)]
pub enum Payload {
    /// A page file's (gunzipped) bytes.
    Page {
        source: String,
        bytes: Vec<u8>,
        kind: InputKind,
    },
    /// One JSONL line, not yet parsed.
    JsonLine { source: String, line: Vec<u8> },
    /// A WARC response record's HTTP body, or a WET conversion record's text.
    Warc {
        source: String,
        id: String,
        url: Option<String>,
        charset: Option<String>,
        body: Vec<u8>,
        /// A conversion record (scraped text), not HTML.
        text: bool,
    },
    /// A record that failed before it could be cleaned.
    Failed {
        source: String,
        id: Option<String>,
        url: Option<String>,
        error: String,
    },
    /// No more records for `dest` after `records` of them (`--out-dir` only).
    End { records: u64 },
}

/// Where the reader sends jobs; returns false when the run is over (the
/// writer stopped), so the reader stops too.
pub trait Emit {
    fn emit(&mut self, dest: Option<Arc<PathBuf>>, payload: Payload) -> bool;
    /// A record skipped without output (a non-HTML WARC response).
    fn skipped(&mut self);
    /// Whether a page file's output already exists (`--resume` with `--out-dir`).
    fn page_done(&mut self, dest: &Path) -> bool;
}

/// Settings the reader needs.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    pub max_bytes: usize,
    pub forced_kind: Option<InputKind>,
    /// `Some(extension)` in `--out-dir` mode: the extension page outputs get.
    pub out_dir_ext: Option<&'static str>,
}

/// Counts the raw bytes read from inputs (for the progress bar).
#[derive(Debug)]
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Reads every input in order and emits its records.
pub fn read_all(
    inputs: &[InputSpec],
    opts: &ReadOptions,
    read_bytes: &Arc<AtomicU64>,
    out: &mut dyn Emit,
) {
    for input in inputs {
        let go_on = match input {
            InputSpec::Page(path) => {
                let dest = opts
                    .out_dir_ext
                    .map(|ext| Arc::new(page_dest(path, None, ext)));
                read_page(path, dest, opts, read_bytes, out)
            }
            InputSpec::Dir(root) => read_dir(root, opts, read_bytes, out),
            InputSpec::Jsonl(path) => read_stream(input, path, opts, read_bytes, out),
            InputSpec::Warc(path) => read_stream(input, path, opts, read_bytes, out),
            InputSpec::Stdin => read_stream(input, Path::new("-"), opts, read_bytes, out),
        };
        if !go_on {
            return;
        }
    }
}

/// The output path of a page file in `--out-dir` mode: its path under the
/// walked directory (or its file name), with the format's extension.
pub fn page_dest(path: &Path, root: Option<&Path>, ext: &str) -> PathBuf {
    let rel = root
        .and_then(|r| path.strip_prefix(r).ok())
        .map(Path::to_path_buf)
        .or_else(|| path.file_name().map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("page"));
    with_extension(&rel, &["html", "htm", "xhtml", "txt"], ext)
}

/// The output path of a JSONL or WARC input in `--out-dir` mode.
pub fn stream_dest(path: &Path) -> PathBuf {
    if path == Path::new("-") {
        return PathBuf::from("stdin.jsonl");
    }
    let name = path
        .file_name()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("input"));
    with_extension(&name, &["jsonl", "ndjson", "warc", "wet"], "jsonl")
}

/// `a/b.html.gz` -> `a/b.<ext>`: drops `.gz` and one known extension.
fn with_extension(rel: &Path, known: &[&str], ext: &str) -> PathBuf {
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut stem = name.as_str();
    if let Some(s) = stem
        .strip_suffix(".gz")
        .or_else(|| stem.strip_suffix(".GZ"))
    {
        stem = s;
    }
    if let Some((s, e)) = stem.rsplit_once('.') {
        if known.contains(&e.to_lowercase().as_str()) {
            stem = s;
        }
    }
    rel.with_file_name(format!("{stem}.{ext}"))
}

fn read_page(
    path: &Path,
    dest: Option<Arc<PathBuf>>,
    opts: &ReadOptions,
    read_bytes: &Arc<AtomicU64>,
    out: &mut dyn Emit,
) -> bool {
    let source = path.display().to_string();
    if let Some(d) = &dest {
        if out.page_done(d) {
            return true;
        }
    }
    let payload = match read_page_bytes(path, opts.max_bytes, read_bytes) {
        Ok(bytes) => Payload::Page {
            source,
            bytes,
            kind: page_kind(path, opts.forced_kind),
        },
        Err(error) => Payload::Failed {
            source,
            id: None,
            url: None,
            error,
        },
    };
    out.emit(dest, payload)
}

/// Reads a page file, gunzipping by magic bytes, refusing more than `max`
/// bytes without reading them all.
fn read_page_bytes(
    path: &Path,
    max: usize,
    read_bytes: &Arc<AtomicU64>,
) -> Result<Vec<u8>, String> {
    let file = File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut reader = BufReader::new(Counting {
        inner: file,
        count: read_bytes.clone(),
    });
    let gz = reader
        .fill_buf()
        .map(|b| b.starts_with(&GZIP_MAGIC))
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let limit = max as u64 + 1;
    let mut bytes = Vec::new();
    let result = if gz {
        flate2::bufread::MultiGzDecoder::new(reader)
            .take(limit)
            .read_to_end(&mut bytes)
    } else {
        reader.take(limit).read_to_end(&mut bytes)
    };
    result.map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if bytes.len() > max {
        return Err(format!("input is over --max-bytes ({max} bytes)"));
    }
    Ok(bytes)
}

/// Walks a directory depth-first, entries sorted by name, so runs are
/// reproducible; symlinked directories are not followed (no cycles).
fn read_dir(
    root: &Path,
    opts: &ReadOptions,
    read_bytes: &Arc<AtomicU64>,
    out: &mut dyn Emit,
) -> bool {
    let mut stack: Vec<std::vec::IntoIter<PathBuf>> = Vec::new();
    match list_dir(root) {
        Ok(entries) => stack.push(entries.into_iter()),
        Err(error) => {
            return out.emit(
                None,
                Payload::Failed {
                    source: root.display().to_string(),
                    id: None,
                    url: None,
                    error,
                },
            )
        }
    }
    while let Some(top) = stack.last_mut() {
        let Some(path) = top.next() else {
            stack.pop();
            continue;
        };
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            match list_dir(&path) {
                Ok(entries) => stack.push(entries.into_iter()),
                Err(error) => {
                    let failed = Payload::Failed {
                        source: path.display().to_string(),
                        id: None,
                        url: None,
                        error,
                    };
                    if !out.emit(None, failed) {
                        return false;
                    }
                }
            }
        } else if is_page_name(&path) && path.is_file() {
            let dest = opts
                .out_dir_ext
                .map(|ext| Arc::new(page_dest(&path, Some(root), ext)));
            if !read_page(&path, dest, opts, read_bytes, out) {
                return false;
            }
        }
    }
    true
}

fn list_dir(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    Ok(paths)
}

/// Opens a JSONL or WARC input (or stdin), gunzipping by magic bytes.
fn open_stream(path: &Path, read_bytes: &Arc<AtomicU64>) -> io::Result<Box<dyn BufRead + Send>> {
    let raw: Box<dyn Read + Send> = if path == Path::new("-") {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(path)?)
    };
    let mut reader = BufReader::with_capacity(
        256 * 1024,
        Counting {
            inner: raw,
            count: read_bytes.clone(),
        },
    );
    if reader.fill_buf()?.starts_with(&GZIP_MAGIC) {
        let decoder = flate2::bufread::MultiGzDecoder::new(reader);
        Ok(Box::new(BufReader::with_capacity(256 * 1024, decoder)))
    } else {
        Ok(Box::new(reader))
    }
}

/// Reads a JSONL or WARC input; emits an `End` marker in `--out-dir` mode.
fn read_stream(
    spec: &InputSpec,
    path: &Path,
    opts: &ReadOptions,
    read_bytes: &Arc<AtomicU64>,
    out: &mut dyn Emit,
) -> bool {
    let dest = opts.out_dir_ext.map(|_| Arc::new(stream_dest(path)));
    let name = if path == Path::new("-") {
        "stdin".to_string()
    } else {
        path.display().to_string()
    };
    let mut records = 0u64;
    let mut emit = |payload: Payload, out: &mut dyn Emit| {
        records += 1;
        out.emit(dest.clone(), payload)
    };
    let go_on = match open_stream(path, read_bytes) {
        Err(e) => {
            let failed = Payload::Failed {
                source: name.clone(),
                id: None,
                url: None,
                error: format!("cannot read {name}: {e}"),
            };
            emit(failed, out)
        }
        Ok(reader) => match spec {
            InputSpec::Warc(_) => read_warc(reader, &name, opts.max_bytes, out, &mut emit),
            _ => read_jsonl(reader, &name, opts.max_bytes, out, &mut emit),
        },
    };
    if go_on && dest.is_some() {
        return out.emit(dest, Payload::End { records });
    }
    go_on
}

type EmitFn<'a> = dyn FnMut(Payload, &mut dyn Emit) -> bool + 'a;

fn read_jsonl(
    mut reader: Box<dyn BufRead + Send>,
    name: &str,
    max_bytes: usize,
    out: &mut dyn Emit,
    emit: &mut EmitFn<'_>,
) -> bool {
    // JSON escaping can double a page's size; the html field itself is
    // checked against --max-bytes after parsing.
    let limit = max_bytes.saturating_mul(2).saturating_add(64 * 1024);
    let mut line_no = 0u64;
    loop {
        let mut line = Vec::new();
        line_no += 1;
        let source = format!("{name}:{line_no}");
        let payload = match read_line_limited(&mut reader, &mut line, limit) {
            Ok(Line::Eof) => return true,
            Ok(Line::Complete) => {
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue; // a blank line is not a record
                }
                Payload::JsonLine { source, line }
            }
            Ok(Line::TooLong(len)) => Payload::Failed {
                source,
                id: None,
                url: None,
                error: format!(
                    "line of {len} bytes is over the limit of {limit} bytes (2 × --max-bytes)"
                ),
            },
            Err(e) => {
                let failed = Payload::Failed {
                    source,
                    id: None,
                    url: None,
                    error: format!(
                        "cannot read {name} at line {line_no}: {e}; rest of the input skipped"
                    ),
                };
                return emit(failed, out);
            }
        };
        if !emit(payload, out) {
            return false;
        }
    }
}

/// How a line read ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    Eof,
    Complete,
    /// Over the limit: its bytes were read and dropped (the length is given).
    TooLong(u64),
}

/// Reads one `\n`-terminated line into `buf` (without the newline), never
/// holding more than `limit` bytes of it.
pub fn read_line_limited(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Line> {
    let mut total: u64 = 0;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(if total == 0 {
                Line::Eof
            } else if too_long {
                Line::TooLong(total)
            } else {
                Line::Complete
            });
        }
        let (chunk, consumed, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..i], i + 1, true),
            None => (available, available.len(), false),
        };
        total += chunk.len() as u64;
        if !too_long {
            if buf.len() + chunk.len() > limit {
                too_long = true;
                *buf = Vec::new();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        reader.consume(consumed);
        if done {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok(if too_long {
                Line::TooLong(total)
            } else {
                Line::Complete
            });
        }
    }
}

fn read_warc(
    reader: Box<dyn BufRead + Send>,
    name: &str,
    max_bytes: usize,
    out: &mut dyn Emit,
    emit: &mut EmitFn<'_>,
) -> bool {
    let mut warc = WarcReader::new(reader, max_bytes);
    loop {
        let item = warc.next_item();
        let source = format!("{name}#{}", warc.records());
        let payload = match item {
            None => return true,
            Some(WarcItem::Ignored) => continue,
            Some(WarcItem::NotHtml) => {
                out.skipped();
                continue;
            }
            Some(WarcItem::Response {
                id,
                url,
                charset,
                body,
                text,
            }) => Payload::Warc {
                source,
                id,
                url,
                charset,
                body,
                text,
            },
            Some(WarcItem::Failed { id, url, error }) => Payload::Failed {
                source,
                id,
                url,
                error,
            },
            Some(WarcItem::Fatal(error)) => {
                let failed = Payload::Failed {
                    source,
                    id: None,
                    url: None,
                    error: format!("{name}: {error}; rest of the input skipped"),
                };
                return emit(failed, out);
            }
        };
        if !emit(payload, out) {
            return false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_by_name() {
        assert_eq!(InputSpec::classify(Path::new("-")), InputSpec::Stdin);
        assert!(matches!(
            InputSpec::classify(Path::new("x.jsonl.gz")),
            InputSpec::Jsonl(_)
        ));
        assert!(matches!(
            InputSpec::classify(Path::new("x.NDJSON")),
            InputSpec::Jsonl(_)
        ));
        assert!(matches!(
            InputSpec::classify(Path::new("cc.warc.gz")),
            InputSpec::Warc(_)
        ));
        assert!(matches!(
            InputSpec::classify(Path::new("a.html")),
            InputSpec::Page(_)
        ));
    }

    #[test]
    fn page_names() {
        assert!(is_page_name(Path::new("a/b.html.gz")));
        assert!(is_page_name(Path::new("b.XHTML")));
        assert!(is_page_name(Path::new("b.txt")));
        assert!(!is_page_name(Path::new("b.json")));
        assert!(!is_page_name(Path::new("html")));
    }

    #[test]
    fn destinations_mirror_names() {
        let p = page_dest(Path::new("in/a/b.html.gz"), Some(Path::new("in")), "txt");
        assert_eq!(p, PathBuf::from("a/b.txt"));
        assert_eq!(
            page_dest(Path::new("x/y.htm"), None, "md"),
            PathBuf::from("y.md")
        );
        assert_eq!(
            page_dest(Path::new("x/y.v2"), None, "md"),
            PathBuf::from("y.v2.md")
        );
        assert_eq!(
            stream_dest(Path::new("d/cc.warc.gz")),
            PathBuf::from("cc.jsonl")
        );
        assert_eq!(stream_dest(Path::new("-")), PathBuf::from("stdin.jsonl"));
    }

    #[test]
    fn long_lines_are_dropped_not_held() {
        let data = b"short\r\n0123456789abcdef\nlast";
        let mut r: &[u8] = data;
        let mut buf = Vec::new();
        assert_eq!(
            read_line_limited(&mut r, &mut buf, 8).unwrap(),
            Line::Complete
        );
        assert_eq!(buf, b"short");
        buf.clear();
        assert_eq!(
            read_line_limited(&mut r, &mut buf, 8).unwrap(),
            Line::TooLong(16)
        );
        assert!(buf.is_empty());
        assert_eq!(
            read_line_limited(&mut r, &mut buf, 8).unwrap(),
            Line::Complete
        );
        assert_eq!(buf, b"last");
        buf.clear();
        assert_eq!(read_line_limited(&mut r, &mut buf, 8).unwrap(), Line::Eof);
    }
}
