//! The writer side of `batch`: output records (DESIGN.md §3 plus `id` and
//! passed-through fields), the JSONL stream (stdout, a file, a `.gz`), the
//! `--out-dir` tree, and what `--resume` reads back from an earlier run.
//!
//! A record is the library's own JSON line with fields spliced in, so its
//! field order stays the documented one (a `serde_json::Map` would sort it).

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::fs::{File, OpenOptions};
use std::hash::{Hash, Hasher};
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use deboiler::Document;
use flate2::write::GzEncoder;
use serde_json::{Map, Value};

/// What is known about a record besides its page: where it came from, its
/// id, URL, and the input fields passed through to the output.
#[derive(Debug, Default)]
pub struct Meta {
    pub source: String,
    pub id: Option<Value>,
    pub url: Option<String>,
    pub extra: Map<String, Value>,
}

impl Meta {
    pub fn from_source(source: String) -> Meta {
        Meta {
            source,
            ..Meta::default()
        }
    }

    /// The `--resume` key: the id when the record has one, else its source.
    pub fn key(&self) -> u64 {
        record_key(self.id.as_ref(), &self.source)
    }
}

/// Hash of a record's identity (ids are hashed so a resumed run over
/// hundreds of millions of records holds 8 bytes per record, not the ids).
pub fn record_key(id: Option<&Value>, source: &str) -> u64 {
    let mut h = DefaultHasher::new();
    match id {
        Some(id) => {
            0u8.hash(&mut h);
            id.to_string().hash(&mut h);
        }
        None => {
            1u8.hash(&mut h);
            source.hash(&mut h);
        }
    }
    h.finish()
}

/// The cleaned record as one JSON line: `{"id":…, <document>, <extra>}`.
pub fn doc_line(doc: &Document, meta: &Meta) -> String {
    let body = deboiler::render::json_line(doc);
    let inner = body
        .strip_prefix('{')
        .and_then(|b| b.strip_suffix('}'))
        .unwrap_or("");
    let mut out = String::with_capacity(body.len() + 64);
    out.push('{');
    if let Some(id) = &meta.id {
        out.push_str("\"id\":");
        out.push_str(&id.to_string());
        out.push(',');
    }
    out.push_str(inner);
    push_extra(&mut out, &meta.extra);
    out.push('}');
    out
}

/// An error record: `{"id":…, "status":"error", "source", "url", "error", <extra>}`.
pub fn error_line(meta: &Meta, error: &str) -> String {
    let mut out = String::from("{");
    if let Some(id) = &meta.id {
        out.push_str("\"id\":");
        out.push_str(&id.to_string());
        out.push(',');
    }
    out.push_str("\"status\":\"error\",\"source\":");
    out.push_str(&Value::from(meta.source.as_str()).to_string());
    out.push_str(",\"url\":");
    out.push_str(
        &meta
            .url
            .as_deref()
            .map_or(Value::Null, Value::from)
            .to_string(),
    );
    out.push_str(",\"error\":");
    out.push_str(&Value::from(error).to_string());
    push_extra(&mut out, &meta.extra);
    out.push('}');
    out
}

fn push_extra(out: &mut String, extra: &Map<String, Value>) {
    for (k, v) in extra {
        out.push(',');
        out.push_str(&Value::from(k.as_str()).to_string());
        out.push(':');
        out.push_str(&v.to_string());
    }
}

/// Field names an output record already has: input fields with these names
/// are not passed through (a JSON object must not repeat a key).
pub fn reserved_fields() -> HashSet<String> {
    let template = deboiler::Cleaner::new()
        .clean(b"")
        .map(|d| serde_json::to_value(&d).unwrap_or(Value::Null))
        .unwrap_or(Value::Null);
    let mut keys: HashSet<String> = template
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    keys.extend(["id", "error", "status", "source", "url"].map(String::from));
    keys
}

/// The JSONL destination: stdout, a file, or a gzip file.
pub enum Out {
    Stdout(BufWriter<io::Stdout>),
    File(BufWriter<File>),
    Gz(GzEncoder<BufWriter<File>>),
}

impl Out {
    /// Opens `-o FILE` (appending when resuming) or stdout.
    pub fn open(path: Option<&Path>, append: bool) -> Result<Out> {
        let Some(path) = path else {
            return Ok(Out::Stdout(BufWriter::with_capacity(1 << 16, io::stdout())));
        };
        let file = OpenOptions::new()
            .create(true)
            .write(true)
            .append(append)
            .truncate(!append)
            .open(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        let file = BufWriter::with_capacity(1 << 16, file);
        Ok(if is_gz(path) {
            // Appending to a .gz adds a gzip member: readers of multi-member
            // gzip (zcat, flate2's MultiGzDecoder, Python's gzip) see one stream.
            Out::Gz(GzEncoder::new(file, flate2::Compression::default()))
        } else {
            Out::File(file)
        })
    }

    pub fn finish(self) -> io::Result<()> {
        match self {
            Out::Stdout(mut w) => w.flush(),
            Out::File(mut w) => w.flush(),
            Out::Gz(w) => w.finish()?.flush(),
        }
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Out::Stdout(w) => w.write(buf),
            Out::File(w) => w.write(buf),
            Out::Gz(w) => w.write(buf),
        }
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Out::Stdout(w) => w.write_all(buf),
            Out::File(w) => w.write_all(buf),
            Out::Gz(w) => w.write_all(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Out::Stdout(w) => w.flush(),
            Out::File(w) => w.flush(),
            Out::Gz(w) => w.flush(),
        }
    }
}

pub fn is_gz(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// Reads the records an earlier run wrote to `path` and returns their keys.
/// A run that was killed can leave a partial last line (or a truncated gzip
/// member): the file is cut back to its last complete record so that
/// appending continues cleanly.
pub fn load_done(path: &Path) -> Result<HashSet<u64>> {
    let mut done = HashSet::new();
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(done),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let gz = is_gz(path);
    let reader: Box<dyn Read> = if gz {
        Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(file)))
    } else {
        Box::new(file)
    };
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut good_end: u64 = 0; // uncompressed offset after the last good line
    let mut damaged = false;
    let mut line = Vec::new();
    let mut kept: Option<Vec<u8>> = None; // gz: the good lines, in case we must rewrite
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) if line.ends_with(b"\n") => {}
            Ok(_) | Err(_) => {
                damaged = true;
                break;
            }
        }
        let Ok(Value::Object(record)) = serde_json::from_slice::<Value>(&line) else {
            damaged = true;
            break;
        };
        let source = record.get("source").and_then(Value::as_str).unwrap_or("");
        done.insert(record_key(record.get("id"), source));
        good_end += line.len() as u64;
        if gz {
            kept.get_or_insert_with(Vec::new).extend_from_slice(&line);
        }
    }
    if damaged {
        if gz {
            // A gzip stream cannot be cut at a line: write the good lines anew.
            let tmp = path.with_extension("gz.resume-tmp");
            let mut w = GzEncoder::new(
                BufWriter::new(
                    File::create(&tmp)
                        .with_context(|| format!("cannot write {}", tmp.display()))?,
                ),
                flate2::Compression::default(),
            );
            w.write_all(kept.as_deref().unwrap_or(&[]))?;
            w.finish()?.flush()?;
            std::fs::rename(&tmp, path)
                .with_context(|| format!("cannot replace {}", path.display()))?;
        } else {
            let f = OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            f.set_len(good_end)?;
        }
    }
    Ok(done)
}

/// `--out-dir`: one file per page, one JSONL file per JSONL or WARC input.
pub struct DirSink {
    root: PathBuf,
    streams: HashMap<PathBuf, StreamFile>,
}

struct StreamFile {
    out: BufWriter<File>,
    written: u64,
    expected: Option<u64>,
}

impl DirSink {
    pub fn new(root: PathBuf) -> Result<DirSink> {
        std::fs::create_dir_all(&root)
            .with_context(|| format!("cannot create {}", root.display()))?;
        Ok(DirSink {
            root,
            streams: HashMap::new(),
        })
    }

    /// Whether a page's output exists already (`--resume`).
    pub fn exists(root: &Path, dest: &Path) -> bool {
        root.join(dest).is_file()
    }

    /// Writes one page's output, atomically (a killed run leaves no half file).
    pub fn write_page(&self, dest: &Path, text: &str) -> Result<()> {
        let path = self.root.join(dest);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        let tmp = path.with_extension(format!(
            "{}.tmp",
            path.extension().and_then(|e| e.to_str()).unwrap_or("")
        ));
        let mut bytes = Vec::with_capacity(text.len() + 1);
        bytes.extend_from_slice(text.as_bytes());
        if !text.ends_with('\n') {
            bytes.push(b'\n');
        }
        std::fs::write(&tmp, &bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
        std::fs::rename(&tmp, &path).with_context(|| format!("cannot write {}", path.display()))?;
        Ok(())
    }

    /// Appends one record line to a stream input's JSONL file.
    pub fn write_record(&mut self, dest: &Path, line: &str) -> Result<()> {
        let file = self.stream(dest)?;
        file.out.write_all(line.as_bytes())?;
        file.out.write_all(b"\n")?;
        file.written += 1;
        self.close_if_complete(dest)
    }

    /// The reader has sent all `records` of a stream input.
    pub fn end(&mut self, dest: &Path, records: u64) -> Result<()> {
        self.stream(dest)?.expected = Some(records);
        self.close_if_complete(dest)
    }

    fn stream(&mut self, dest: &Path) -> Result<&mut StreamFile> {
        if !self.streams.contains_key(dest) {
            let path = self.root.join(dest);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            let file =
                File::create(&path).with_context(|| format!("cannot write {}", path.display()))?;
            self.streams.insert(
                dest.to_path_buf(),
                StreamFile {
                    out: BufWriter::with_capacity(1 << 16, file),
                    written: 0,
                    expected: None,
                },
            );
        }
        Ok(self.streams.get_mut(dest).expect("inserted above"))
    }

    fn close_if_complete(&mut self, dest: &Path) -> Result<()> {
        let complete = self
            .streams
            .get(dest)
            .is_some_and(|f| f.expected == Some(f.written));
        if complete {
            if let Some(mut f) = self.streams.remove(dest) {
                f.out.flush()?;
            }
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<()> {
        for (_, mut f) in self.streams.drain() {
            f.out.flush()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_splice_id_and_extra() {
        let doc = deboiler::Cleaner::new().clean(b"<p>x</p>").unwrap();
        let mut extra = Map::new();
        extra.insert("lang".into(), Value::from("de"));
        let meta = Meta {
            source: "s".into(),
            id: Some(Value::from(7)),
            url: None,
            extra,
        };
        let line = doc_line(&doc, &meta);
        assert!(line.starts_with("{\"id\":7,\"status\":"), "{line}");
        let v: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["lang"], "de");
        let err: Value = serde_json::from_str(&error_line(&meta, "bad \"x\"")).unwrap();
        assert_eq!(err["status"], "error");
        assert_eq!(err["error"], "bad \"x\"");
        assert_eq!(err["id"], 7);
    }

    #[test]
    fn keys_tell_id_from_source() {
        assert_ne!(
            record_key(Some(&Value::from("a")), "a"),
            record_key(None, "a")
        );
        assert_eq!(
            record_key(Some(&Value::from(1)), "x"),
            record_key(Some(&Value::from(1)), "y")
        );
    }

    #[test]
    fn reserved_fields_include_the_schema() {
        let r = reserved_fields();
        for k in ["text", "title", "removed", "id", "encoding"] {
            assert!(r.contains(k), "{k}");
        }
    }
}
