//! `deboiler eval` end to end: the built binary on a tiny dataset written
//! into a temporary folder.
//!
//! The exact figures are checked through `--score-predictions` (hand-made
//! predictions, hand-computed metrics), so these tests do not move when the
//! extraction improves; runs through the cleaner check what does not depend
//! on it (page accounting, error pages, files written, round trips).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary folder, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let path =
            std::env::temp_dir().join(format!("deboiler-eval-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn arg(&self, rel: &str) -> String {
        self.0.join(rel).display().to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// Four pages:
/// - `a` (html, with a `with` and a `without` snippet),
/// - `b` (gzipped scraped text),
/// - `c` (no articleBody: skipped for body metrics, but has a `with`),
/// - `d` (no input file: an error page when the cleaner runs).
fn dataset(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    let truth = r#"{
        "b": {"articleBody": "One two three four five", "url": "https://example.com/b", "pageType": "article"},
        "a": {"articleBody": "a b c d e", "url": "https://example.com/a", "pageType": "article",
              "with": ["a b  c"], "without": ["x"]},
        "c": {"articleBody": null, "with": ["Hello"]},
        "d": {"articleBody": "only in the truth"}
    }"#;
    write(&dir.path().join("ground-truth.json"), truth.as_bytes());
    write(
        &dir.path().join("html/a.html"),
        b"<html><body><p>a b c d e</p></body></html>",
    );
    write(
        &dir.path().join("html/c.html"),
        b"<html><body><p>Hello world</p></body></html>",
    );
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b"One two three four five\n").unwrap();
    write(&dir.path().join("text/b.txt.gz"), &gz.finish().unwrap());
    // Hand-made predictions, in the peer-outputs shape.
    let predictions = r#"{"version": "test", "output": {
        "a": {"articleBody": "a b c d x"},
        "b": {"articleBody": "One, two three four five."},
        "c": {"articleBody": "Hello world"},
        "d": {"articleBody": null}
    }}"#;
    write(&dir.path().join("pred.json"), predictions.as_bytes());
    dir
}

fn deboiler(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_deboiler"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn line<'a>(text: &'a str, prefix: &str) -> &'a str {
    text.lines()
        .find(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no line starting with {prefix:?} in:\n{text}"))
}

#[test]
fn scores_predictions_with_hand_computed_metrics() {
    let dir = dataset("known");
    let out = deboiler(&[
        "eval",
        "--dataset",
        &dir.arg(""),
        "--score-predictions",
        &dir.arg("pred.json"),
    ]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    // a: P .5 R .5; b: P 1 R 1 (same tokens); d: empty output, so no
    // precision, recall 0. P = .75, R = .5, F1 = .6, accuracy 1/3.
    assert_eq!(
        line(&text, "pages"),
        "pages      4: 3 scored, 1 skipped (no articleBody), 0 errors"
    );
    assert!(line(&text, "shingle")
        .starts_with("shingle    precision 0.7500  recall 0.5000  F1 0.6000  accuracy 0.3333"));
    // Word F1: a .8, b 1, d 0.
    assert!(line(&text, "word-F1").starts_with("word-F1    0.6000"));
    // "a b  c" (whitespace-normalized) in a, "Hello" in c; "x" leaks in a.
    assert!(line(&text, "with").starts_with("with       recall 1.0000   (2 of 2 snippets found)"));
    assert!(line(&text, "without").starts_with("without    leak rate 1.0000   (1 of 1"));
    // No speed line: nothing was cleaned.
    assert!(!text.contains("pages/s"));
    // Per-type table: a and b are articles, P = R = .75.
    let row: Vec<&str> = line(&text, "article").split_whitespace().collect();
    assert_eq!(
        row,
        ["article", "2", "0.9000", "0.7500", "1.0000", "1.0000"]
    );
    // Worst page first, with what it missed and added.
    let worst = text.split("worst 3 pages by shingle F1:").nth(1).unwrap();
    let mut worst_lines = worst.lines().skip(1);
    let first = worst_lines.next().unwrap();
    assert!(first.starts_with("  F1 0.000  P 0.000  R 0.000") && first.ends_with(" d"));
    assert!(worst.contains("missed: only in the truth"));
    assert!(worst.contains("missed: e") && worst.contains("extra : x"));
}

#[test]
fn floors_gate_the_exit_code() {
    let dir = dataset("gate");
    let run = |flag: &str, min: &str| {
        deboiler(&[
            "eval",
            "--dataset",
            &dir.arg(""),
            "--score-predictions",
            &dir.arg("pred.json"),
            flag,
            min,
        ])
    };
    let out = run("--min-f1", "0.61");
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    // The full report is printed before failing.
    assert!(stdout(&out).contains("worst 3 pages"));
    assert!(stdout(&out).contains("F1 0.6000 is below 0.6100: FAIL"));
    let out = run("--min-f1", "0.59");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("ok"));
    // The same gate on WCXB's word F1.
    let out = run("--min-word-f1", "0.99");
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("min-word-f1: word-F1 "));
    assert!(stdout(&out).contains("is below 0.9900: FAIL"));
    let out = run("--min-word-f1", "0.01");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains(">= 0.0100: ok"));
}

#[test]
fn missing_dataset_and_bad_ground_truth_are_clear_errors() {
    let dir = TempDir::new("missing");
    let missing = dir.arg("no-such-dataset");
    let out = deboiler(&["eval", "--dataset", &missing]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(&missing), "{}", stderr(&out));

    // A folder without ground truth, then one with a broken ground truth.
    let out = deboiler(&["eval", "--dataset", &dir.arg("")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("ground-truth.json"),
        "{}",
        stderr(&out)
    );
    write(&dir.path().join("ground-truth.json"), b"{ not json");
    let out = deboiler(&["eval", "--dataset", &dir.arg("")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("ground-truth.json"),
        "{}",
        stderr(&out)
    );

    // An unknown --only id.
    let dir = dataset("only");
    let out = deboiler(&["eval", "--dataset", &dir.arg(""), "--only", "zz"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no page zz"), "{}", stderr(&out));
}

#[test]
fn cleaner_run_lists_error_pages_and_round_trips_its_outputs() {
    let dir = dataset("clean");
    let out = deboiler(&[
        "eval",
        "--dataset",
        &dir.arg(""),
        "-j",
        "1",
        "--json",
        &dir.arg("run.json"),
        "--dump-predictions",
        &dir.arg("dump.json"),
    ]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    assert_eq!(
        line(&text, "pages"),
        "pages      4: 3 scored, 1 skipped (no articleBody), 1 errors"
    );
    assert!(line(&text, "speed").contains("3 pages") && text.contains("on 1 thread:"));
    assert!(text.contains("errors (1), scored as empty output:"));
    assert!(text.contains("  d: no input file"));

    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("run.json")).unwrap()).unwrap();
    let pages = report["pages"].as_array().unwrap();
    let ids: Vec<&str> = pages.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
    assert!(pages[3]["error"].is_string() && pages[3]["f1"] == 0.0);
    assert!(pages[2]["f1"].is_null() && pages[2]["with_total"] == 1);
    assert_eq!(report["summary"]["errors"], 1);
    assert_eq!(report["summary"]["speed"]["threads"], 1);

    // Scoring the dumped texts gives the same figures as the run itself,
    // and comparing with the run's JSON shows no change.
    let dump: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("dump.json")).unwrap()).unwrap();
    assert_eq!(dump["d"]["articleBody"], "");
    let again = deboiler(&[
        "eval",
        "--dataset",
        &dir.arg(""),
        "--score-predictions",
        &dir.arg("dump.json"),
        "--compare",
        &dir.arg("run.json"),
    ]);
    let again_text = stdout(&again);
    assert!(again.status.success(), "{again_text}{}", stderr(&again));
    assert_eq!(line(&again_text, "shingle"), line(&text, "shingle"));
    assert_eq!(line(&again_text, "word-F1"), line(&text, "word-F1"));
    assert!(again_text.contains("  F1           "));
    assert!(again_text.contains("(+0.0000)"));
    assert!(again_text.contains("worse by more than 0.01 F1: 0 pages"));
    assert!(again_text.contains("better by more than 0.01 F1: 0 pages"));
}

#[test]
fn print_shows_one_page_and_its_ground_truth() {
    let dir = dataset("print");
    let out = deboiler(&[
        "eval",
        "--dataset",
        &dir.arg(""),
        "--score-predictions",
        &dir.arg("pred.json"),
        "--print",
        "a",
    ]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    assert!(text.starts_with("deboiler eval"));
    assert_eq!(
        line(&text, "pages"),
        "pages      1: 1 scored, 0 skipped (no articleBody), 0 errors"
    );
    let page = text.split("=== page a").nth(1).unwrap();
    assert!(page.contains("=== extracted (5 words) ===\na b c d x\n"));
    assert!(page.contains("=== ground truth (5 words) ===\na b c d e\n"));
    assert!(page.contains("  [found] a b  c"));
}

#[test]
fn metadata_is_scored_per_field() {
    let dir = TempDir::new("metadata");
    let truth = r#"{
        "p1": {"title": "Port strike ends", "author": "Jane Doe", "date": "2024-03-25T09:00:00Z"},
        "p2": {"title": "Wrong title", "author": null, "date": null},
        "p3": {"articleBody": "x"}
    }"#;
    write(&dir.path().join("ground-truth.json"), truth.as_bytes());
    let page = |title: &str, author: &str, date: &str| {
        format!(
            "<html><head><title>{title} | Gazette</title><meta property=\"og:site_name\" content=\"Gazette\">\
             <meta name=\"author\" content=\"{author}\"><meta property=\"article:published_time\" content=\"{date}\">\
             </head><body><article><h1>{title}</h1><p>A paragraph of the article that is long enough \
             to be kept as the body, with a clause.</p></article></body></html>"
        )
    };
    write(
        &dir.path().join("html/p1.html"),
        page("Port strike ends", "Jane Doe", "2024-03-25T10:00:00+01:00").as_bytes(),
    );
    write(
        &dir.path().join("html/p2.html"),
        page("Ferry fined", "John Roe", "2024-03-26").as_bytes(),
    );
    write(
        &dir.path().join("html/p3.html"),
        page("T", "A", "2024-01-01").as_bytes(),
    );
    let out = deboiler(&["eval", "--dataset", &dir.arg(""), "--metadata"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    // p1 right on every field; p2 wrong on all three (a title that differs,
    // an author and a date where the labels say none); p3 is not annotated.
    assert!(
        line(&text, "title").contains("1           2  0.500"),
        "{text}"
    );
    assert!(
        line(&text, "authors").contains("1           2  0.500"),
        "{text}"
    );
    assert!(
        line(&text, "date_published").contains("1           2  0.500"),
        "{text}"
    );
}
