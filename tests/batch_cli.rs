//! `deboiler batch` as a user runs it: directories, JSONL (bad lines
//! included), WARC.gz, stdin, --out-dir, --resume, limits and exit codes.
//! Every test builds its inputs in its own temporary directory.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::Value;

/// A directory removed when the test ends.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "deboiler-batch-{}-{}-{name}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
    fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }
    fn write(&self, rel: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    }
    fn s(&self, rel: &str) -> String {
        self.path(rel).display().to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn deboiler(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_deboiler"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.map(<[u8]>::to_vec);
    let feeder = std::thread::spawn(move || {
        if let Some(bytes) = input {
            let _ = pipe.write_all(&bytes);
        }
    });
    let out = child.wait_with_output().expect("binary finishes");
    feeder.join().unwrap();
    out
}

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad output line {l:?}: {e}")))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn article(n: usize) -> String {
    format!(
        "<html><head><title>Story {n}</title></head><body><nav><a href=/>Home</a></nav>\
         <article><h1>Story {n}</h1><p>Paragraph {n} of an article long enough to be kept, \
         with commas, clauses, and a full stop at the end of it.</p><p>A second paragraph \
         follows, so that the page reads as prose and not as a list of links.</p></article>\
         </body></html>"
    )
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn jsonl(lines: &[String]) -> Vec<u8> {
    let mut s = lines.join("\n");
    s.push('\n');
    s.into_bytes()
}

fn record_line(id: &str, html: &str, extra: &str) -> String {
    format!(
        "{{\"id\":{},\"url\":\"https://news.example.com/{id}\",\"html\":{}{extra}}}",
        Value::from(id),
        Value::from(html)
    )
}

#[test]
fn directory_tree_html_gz_and_txt() {
    let t = TempDir::new("tree");
    t.write("in/a/one.html", article(1).as_bytes());
    t.write("in/a/b/two.html.gz", &gz(article(2).as_bytes()));
    t.write(
        "in/three.txt",
        b"Home | News | Sport\n\nA scraped article paragraph long enough to be kept, with commas, \
          clauses, and a full stop at the end of it.\n\nAnother paragraph of the same article, \
          also long enough, with a verb and an ending.\n",
    );
    t.write("in/notes.json", b"{}");
    let out = deboiler(&["batch", &t.s("in")], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let recs = records(&out.stdout);
    let sources: Vec<&str> = recs.iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert_eq!(
        sources,
        [
            t.s("in/a/b/two.html.gz"),
            t.s("in/a/one.html"),
            t.s("in/three.txt")
        ],
        "sorted walk, page extensions only"
    );
    assert!(recs[0]["text"]
        .as_str()
        .unwrap()
        .contains("Paragraph 2 of an article"));
    assert!(recs[2]["text"]
        .as_str()
        .unwrap()
        .contains("scraped article paragraph"));
    assert!(
        stderr(&out).contains("3 records: 3 ok, 0 empty, 0 error"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn jsonl_bad_lines_yield_error_records_in_order() {
    let t = TempDir::new("jsonl");
    let lines = vec![
        record_line(
            "a",
            &article(1),
            ",\"crawl\":\"CC-2024\",\"text\":\"clashes\"",
        ),
        "{not json".to_string(),
        "{\"id\":\"c\",\"url\":\"https://x.example/c\",\"lang\":\"de\"}".to_string(),
        "{\"id\":\"d\",\"html\":42}".to_string(),
        "[1,2]".to_string(),
        String::new(),
        record_line("f", &article(6), ""),
    ];
    let path = t.write("in.jsonl", &jsonl(&lines));
    let out = deboiler(&["batch", path.to_str().unwrap(), "-j", "2"], None);
    assert_eq!(out.status.code(), Some(1), "a failed record makes exit 1");
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 6, "one output per non-blank input line");
    let ids: Vec<&Value> = recs.iter().map(|r| &r["id"]).collect();
    assert_eq!(
        ids,
        [
            &Value::from("a"),
            &Value::Null,
            &Value::from("c"),
            &Value::from("d"),
            &Value::Null,
            &Value::from("f")
        ]
    );
    let status: Vec<&str> = recs.iter().map(|r| r["status"].as_str().unwrap()).collect();
    assert_eq!(status, ["ok", "error", "error", "error", "error", "ok"]);
    assert_eq!(recs[0]["crawl"], "CC-2024", "other fields pass through");
    assert!(
        recs[0]["text"].as_str().unwrap().contains("Paragraph 1"),
        "no field clash"
    );
    assert_eq!(recs[0]["url"], "https://news.example.com/a");
    assert!(recs[1]["error"].as_str().unwrap().contains("invalid JSON"));
    assert!(recs[1]["source"].as_str().unwrap().ends_with("in.jsonl:2"));
    assert!(recs[2]["error"]
        .as_str()
        .unwrap()
        .contains("no \"html\" field"));
    assert_eq!(recs[2]["lang"], "de", "passthrough kept on error records");
    assert_eq!(recs[2]["url"], "https://x.example/c");
    assert!(recs[3]["error"].as_str().unwrap().contains("not a string"));
    assert!(recs[4]["error"].as_str().unwrap().contains("not an object"));
    let err = stderr(&out);
    assert!(err.contains("6 records: 2 ok, 0 empty, 4 error"), "{err}");
}

#[test]
fn custom_field_names_and_gz_jsonl() {
    let t = TempDir::new("fields");
    let line = format!(
        "{{\"doc_id\":17,\"page\":{},\"link\":\"https://e.example/17\"}}",
        Value::from(article(17))
    );
    let path = t.write("in.jsonl.gz", &gz(&jsonl(&[line])));
    let out = deboiler(
        &[
            "batch",
            path.to_str().unwrap(),
            "--html-field",
            "page",
            "--url-field",
            "link",
            "--id-field",
            "doc_id",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let recs = records(&out.stdout);
    assert_eq!(recs[0]["id"], 17);
    assert_eq!(recs[0]["url"], "https://e.example/17");
    assert_eq!(recs[0]["status"], "ok");
}

#[test]
fn stdin_filter_keeps_order_across_threads() {
    let lines: Vec<String> = (0..300)
        .map(|i| {
            if i % 7 == 3 {
                format!("{{\"id\":{i}}}")
            } else {
                record_line(&i.to_string(), &article(i), "")
            }
        })
        .collect();
    let out = deboiler(&["batch", "-", "-j", "3"], Some(&jsonl(&lines)));
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 300);
    for (i, r) in recs.iter().enumerate() {
        let id = r["id"]
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| r["id"].to_string());
        assert_eq!(id, i.to_string());
    }
    let unordered = deboiler(
        &["batch", "-", "--unordered", "-j", "3"],
        Some(&jsonl(&lines)),
    );
    let mut ids: Vec<String> = records(&unordered.stdout)
        .iter()
        .map(|r| r["id"].to_string())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 300, "every record once");
}

fn warc_record(kind: &str, id: &str, uri: &str, content: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2024-03-25T10:00:00Z\r\nWARC-Record-ID: {id}\r\n\
         WARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        content.len()
    )
    .into_bytes();
    r.extend_from_slice(content);
    r.extend_from_slice(b"\r\n\r\n");
    // Common Crawl compresses each record as its own gzip member.
    gz(&r)
}

#[test]
fn warc_gz_responses_only_html_charset_from_http() {
    let t = TempDir::new("warc");
    let page = article(1).replace("Paragraph 1", "Caf\u{e9} paragraph");
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
    let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\
                     X-Crawler-Content-Encoding: gzip\r\n\r\n"
        .to_vec();
    http.extend_from_slice(&latin1);
    let mut warc = warc_record("warcinfo", "<urn:uuid:0>", "", b"software: test\r\n");
    warc.extend(warc_record(
        "request",
        "<urn:uuid:1>",
        "https://news.example.com/cafe",
        b"GET /cafe HTTP/1.1\r\nHost: news.example.com\r\n\r\n",
    ));
    warc.extend(warc_record(
        "response",
        "<urn:uuid:2>",
        "https://news.example.com/cafe",
        &http,
    ));
    warc.extend(warc_record(
        "response",
        "<urn:uuid:3>",
        "https://news.example.com/logo.png",
        b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n",
    ));
    warc.extend(warc_record(
        "metadata",
        "<urn:uuid:4>",
        "https://news.example.com/cafe",
        b"fetchTimeMs: 10\r\n",
    ));
    let path = t.write("cc.warc.gz", &warc);
    let out = deboiler(&["batch", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 1, "one HTML response");
    assert_eq!(recs[0]["id"], "<urn:uuid:2>");
    assert_eq!(recs[0]["url"], "https://news.example.com/cafe");
    assert_eq!(recs[0]["encoding"], "windows-1252");
    assert!(
        recs[0]["text"].as_str().unwrap().contains("Café paragraph"),
        "{}",
        recs[0]["text"]
    );
    assert!(
        stderr(&out).contains("1 skipped (non-HTML)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn wet_conversion_records_are_cleaned_as_text() {
    let t = TempDir::new("wet");
    let para = "The harbour board voted on Tuesday to extend the breakwater by two hundred metres, a plan debated for a decade.";
    let text = format!(
        "Home\nNews\nSport\nBreakwater extension approved after decade of debate\nBy Jane Doe\n{para}\n{para} Again.\n{para} Once more.\nShare this article\nPrivacy Policy\nTerms"
    );
    let mut wet = warc_record("warcinfo", "<urn:uuid:0>", "", b"software: test\r\n");
    wet.extend(warc_record(
        "conversion",
        "<urn:uuid:5>",
        "https://news.example.com/breakwater",
        text.as_bytes(),
    ));
    let path = t.write("CC-MAIN-00000.warc.wet.gz", &wet);
    let out = deboiler(&["batch", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 1, "one conversion record");
    assert_eq!(recs[0]["id"], "<urn:uuid:5>");
    assert_eq!(recs[0]["url"], "https://news.example.com/breakwater");
    assert_eq!(recs[0]["authors"][0], "Jane Doe");
    let body = recs[0]["text"].as_str().unwrap();
    assert!(body.starts_with("The harbour board voted"), "{body}");
    for chrome in [
        "Share this article",
        "Privacy Policy",
        "By Jane Doe",
        "Sport",
    ] {
        assert!(!body.contains(chrome), "{chrome} in {body}");
    }
}

#[test]
fn resume_skips_done_ids_and_repairs_a_cut_line() {
    let t = TempDir::new("resume");
    let lines: Vec<String> = (0..5)
        .map(|i| record_line(&format!("r{i}"), &article(i), ""))
        .collect();
    let input = t.write("in.jsonl", &jsonl(&lines));
    let out_path = t.path("out.jsonl");
    // A run killed after two records, in the middle of the third.
    let full = deboiler(&["batch", input.to_str().unwrap()], None);
    let text = String::from_utf8(full.stdout).unwrap();
    let mut partial: String = text.lines().take(2).map(|l| format!("{l}\n")).collect();
    partial.push_str(&text.lines().nth(2).unwrap()[..40]);
    std::fs::write(&out_path, &partial).unwrap();

    let args = [
        "batch",
        input.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
        "--resume",
    ];
    let out = deboiler(&args, None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("3 records") && stderr(&out).contains("2 already done"),
        "{}",
        stderr(&out)
    );
    let recs = records(&std::fs::read(&out_path).unwrap());
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["r0", "r1", "r2", "r3", "r4"]);

    // Nothing left to do.
    let again = deboiler(&args, None);
    assert_eq!(again.status.code(), Some(0));
    assert!(
        stderr(&again).contains("0 records") && stderr(&again).contains("5 already done"),
        "{}",
        stderr(&again)
    );
    assert_eq!(records(&std::fs::read(&out_path).unwrap()).len(), 5);
}

#[test]
fn resume_gz_output() {
    let t = TempDir::new("resumegz");
    let lines: Vec<String> = (0..4)
        .map(|i| record_line(&format!("g{i}"), &article(i), ""))
        .collect();
    let input = t.write("in.jsonl", &jsonl(&lines[..2]));
    let out_path = t.path("out.jsonl.gz");
    let first = deboiler(
        &[
            "batch",
            input.to_str().unwrap(),
            "-o",
            out_path.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    std::fs::write(&input, jsonl(&lines)).unwrap();
    let args = [
        "batch",
        input.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
        "--resume",
    ];
    let out = deboiler(&args, None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut text = Vec::new();
    flate2::read::MultiGzDecoder::new(std::fs::File::open(&out_path).unwrap())
        .read_to_end(&mut text)
        .unwrap();
    let ids: Vec<String> = records(&text)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["g0", "g1", "g2", "g3"]);
}

#[test]
fn out_dir_mirrors_input_names() {
    let t = TempDir::new("outdir");
    t.write("in/a/one.html", article(1).as_bytes());
    t.write("in/two.htm.gz", &gz(article(2).as_bytes()));
    let jl = t.write(
        "recs.jsonl",
        &jsonl(&[record_line("x", &article(3), ""), "oops".into()]),
    );
    let out = deboiler(
        &[
            "batch",
            &t.s("in"),
            jl.to_str().unwrap(),
            "--out-dir",
            &t.s("out"),
            "--format",
            "text",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "the bad JSONL line fails");
    let one = std::fs::read_to_string(t.path("out/a/one.txt")).unwrap();
    assert!(one.starts_with("Paragraph 1 of an article"), "{one}");
    assert!(t.path("out/two.txt").is_file());
    let recs = records(&std::fs::read(t.path("out/recs.jsonl")).unwrap());
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[1]["status"], "error");

    // --resume skips pages whose output exists.
    std::fs::write(t.path("out/a/one.txt"), "kept").unwrap();
    let again = deboiler(
        &[
            "batch",
            &t.s("in"),
            "--out-dir",
            &t.s("out"),
            "--format",
            "markdown",
            "--resume",
        ],
        None,
    );
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(
        t.path("out/a/one.md").is_file(),
        "other format: other file names"
    );
}

#[test]
fn limits_make_error_records() {
    let t = TempDir::new("limits");
    let page = |n| {
        format!(
            "<html><body>{}</body></html>",
            "<p>Some words in a paragraph, again and again.</p>".repeat(n)
        )
    };
    let lines = vec![
        record_line("small", &article(1), ""),
        record_line("big", &page(3_000), ""),
        record_line("huge", &page(10_000), ""),
    ];
    let input = t.write("in.jsonl", &jsonl(&lines));
    let out = deboiler(
        &["batch", input.to_str().unwrap(), "--max-bytes", "100000"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["status"], "ok");
    assert_eq!(recs[1]["status"], "error");
    assert_eq!(recs[1]["id"], "big", "a page over --max-bytes keeps its id");
    assert!(
        recs[1]["error"]
            .as_str()
            .unwrap()
            .contains("over the limit"),
        "{}",
        recs[1]["error"]
    );
    // A line over twice the limit is never held in memory: it is reported by position.
    assert_eq!(recs[2]["status"], "error");
    assert!(recs[2]["source"].as_str().unwrap().ends_with("in.jsonl:3"));

    let big = t.write("big.html", page(60_000).as_bytes());
    let out = deboiler(&["batch", big.to_str().unwrap(), "--timeout-ms", "1"], None);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 1);
    assert!(
        recs[0]["error"].as_str().unwrap().contains("time limit"),
        "{}",
        recs[0]
    );
}

#[test]
fn gz_output_and_usage_errors() {
    let t = TempDir::new("exit");
    let page = t.write("p.html", article(1).as_bytes());
    let gz_out = t.path("o.jsonl.gz");
    let out = deboiler(
        &[
            "batch",
            page.to_str().unwrap(),
            "-o",
            gz_out.to_str().unwrap(),
            "-q",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "-q: no summary, no progress bar off a terminal"
    );
    let mut text = Vec::new();
    flate2::read::MultiGzDecoder::new(std::fs::File::open(&gz_out).unwrap())
        .read_to_end(&mut text)
        .unwrap();
    assert_eq!(records(&text)[0]["status"], "ok");

    let missing = deboiler(&["batch", page.to_str().unwrap(), &t.s("nope.html")], None);
    assert_eq!(
        missing.status.code(),
        Some(1),
        "a missing input is an error record"
    );
    let recs = records(&missing.stdout);
    assert_eq!(recs.len(), 2);
    assert!(recs[1]["error"].as_str().unwrap().contains("cannot read"));

    let zero = deboiler(
        &[
            "batch",
            page.to_str().unwrap(),
            &t.s("nope.html"),
            "--exit-zero",
        ],
        None,
    );
    assert_eq!(zero.status.code(), Some(0), "--exit-zero");

    let usage = deboiler(&["batch", page.to_str().unwrap(), "--format", "text"], None);
    assert_eq!(usage.status.code(), Some(2));
    let unwritable = deboiler(
        &[
            "batch",
            page.to_str().unwrap(),
            "-o",
            &t.s("no/such/dir/o.jsonl"),
        ],
        None,
    );
    assert_eq!(unwritable.status.code(), Some(2));
    assert!(stderr(&unwritable).contains("cannot write"));
}

#[test]
fn closed_pipe_exits_quietly() {
    let lines: Vec<String> = (0..2000)
        .map(|i| record_line(&i.to_string(), &article(i), ""))
        .collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_deboiler"))
        .args(["batch", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let data = jsonl(&lines);
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&data);
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
