//! The `deboiler clean` command as a user runs it: formats, stdin, gzip,
//! exit codes and error messages.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn deboiler(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_deboiler"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    if let Some(bytes) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(bytes)
            .expect("write stdin");
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().expect("binary finishes")
}

fn corpus(path: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(path)
        .display()
        .to_string()
}

#[test]
fn seed_as_json_has_metadata_text_and_removals() {
    let out = deboiler(
        &[
            "clean",
            &corpus("seed-scraped-article/source.txt"),
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["status"], "ok");
    assert_eq!(
        v["title"],
        "Explained: How ISIS-K, the group behind the Moscow terror attacks, was created"
    );
    assert_eq!(v["authors"], serde_json::json!(["Pooja Sood"]));
    assert_eq!(v["reading_time_minutes"], 13);
    let text = v["text"].as_str().expect("text");
    assert!(text.starts_with("Sanaullah Ghafari, 29, is the leader"));
    assert!(text.contains("\n\nInternational recruitment\n\n"));
    assert!(text.contains("\n\nCrosshairs between Russia and the West\n\n"));
    for gone in [
        "By Pooja Sood",
        "13 Min Read",
        "See also",
        "Share This Article",
        "syndicated feed",
        "dynamic blog writer",
    ] {
        assert!(!text.contains(gone), "{gone} leaked");
    }
    let removed = v["removed"].as_array().expect("removed");
    let kinds: Vec<&str> = removed.iter().filter_map(|r| r["kind"].as_str()).collect();
    for kind in [
        "byline",
        "reading_time",
        "title_repeat",
        "see_also",
        "syndication",
        "share",
        "author_bio",
    ] {
        assert!(kinds.contains(&kind), "no {kind} removal");
    }
    assert!(removed
        .iter()
        .all(|r| r["rule"].as_str().is_some_and(|s| !s.is_empty())));
}

#[test]
fn stdin_gzip_and_formats() {
    let html = std::fs::read(corpus("lists-and-blockquote/source.html")).expect("case");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&html).expect("gzip");
    let gz = gz.finish().expect("gzip");
    let text = deboiler(&["clean", "-"], Some(&gz));
    assert_eq!(text.status.code(), Some(0));
    let md = deboiler(&["clean", "-", "--format", "markdown"], Some(&html));
    let md = String::from_utf8(md.stdout).expect("utf8");
    assert!(md.starts_with("# "));
    assert!(md.contains("\n- ") || md.contains("\n1. "));
    let out = deboiler(&["clean", "-", "--format", "html"], Some(&html));
    let h = String::from_utf8(out.stdout).expect("utf8");
    assert!(h.starts_with("<article>") && h.contains("<blockquote>"));
    assert!(!h.contains("<script") && !h.contains("onclick"));
}

#[test]
fn no_article_exits_1_with_status_empty() {
    let page = b"<html><head><title>Index</title></head><body><ul><li><a href=/a>One</a></li><li><a href=/b>Two</a></li></ul></body></html>";
    let out = deboiler(&["clean", "-", "--format", "json"], Some(page));
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["status"], "empty");
    assert_eq!(v["title"], "Index");
}

#[test]
fn unreadable_input_exits_2_naming_the_file() {
    let out = deboiler(&["clean", "/nonexistent/page.html"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("utf8");
    assert!(err.contains("/nonexistent/page.html"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn favor_recall_keeps_a_caption_the_default_drops() {
    let page = b"<html><body><article><p>The dockworkers returned to the quays on Monday after \
        nine days, and the first ships were unloaded within hours of the agreement.</p>\
        <figure><img src=a.jpg><figcaption>Cranes idle at the port</figcaption></figure>\
        <p>The union said the deal would be put to a vote of all members next week, and \
        the port authority welcomed the end of the strike.</p><p>Shipping lines had diverted \
        dozens of vessels to other ports while the strike lasted, and some said they would \
        return at once.</p><p>Freight rates on the route had doubled in the second week, \
        traders said, and are expected to fall back within a month.</p></article></body></html>";
    let text = |args: &[&str]| {
        let out = deboiler(args, Some(page));
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).expect("utf8")
    };
    assert!(!text(&["clean", "-"]).contains("Cranes idle"));
    assert!(text(&["clean", "-", "--favor", "recall"]).contains("Cranes idle"));
    assert!(text(&["clean", "-", "--favor", "precision"]).contains("dockworkers"));
    // Rejected before any input is read (no stdin: it would not be read).
    let out = deboiler(&["clean", "-", "--favor", "most"], None);
    assert_eq!(out.status.code(), Some(2));
}
