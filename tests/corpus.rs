//! The corpus: every `corpus/<slug>/source.*` cleaned, its JSON (with the
//! removal log) and Markdown snapshotted into `snapshots/`, and every case's
//! hard expectations checked, all failures reported at once.

use std::path::{Path, PathBuf};

use deboiler::{Cleaner, Document, Input};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    origin: String,
    licence: String,
    url: Option<String>,
    charset: Option<String>,
    input: String,
    #[serde(default)]
    kinds: Vec<String>,
    #[serde(default)]
    must_contain: Vec<String>,
    #[serde(default)]
    must_not_contain: Vec<String>,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn source_file(dir: &Path) -> PathBuf {
    ["source.html", "source.txt"]
        .iter()
        .map(|f| dir.join(f))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("{}: no source.html or source.txt", dir.display()))
}

fn load_case(dir: &Path) -> Case {
    let path = dir.join("case.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Cleans a case the way a user would: the raw bytes, the URL, no charset
/// hint (the page must declare or reveal its own encoding).
fn clean_case(dir: &Path) -> Document {
    let case = load_case(dir);
    let bytes = std::fs::read(source_file(dir)).expect("readable source");
    let slug = dir.file_name().and_then(|s| s.to_str()).unwrap_or("case");
    let mut input = Input::new(&bytes).source(slug);
    if let Some(url) = &case.url {
        input = input.url(url);
    }
    Cleaner::new()
        .clean_input(&input)
        .expect("corpus cases clean")
}

fn case_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("corpus/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn corpus_snapshots() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::glob!("../corpus", "*/source.*", |path| {
            let dir = path.parent().expect("case folder");
            let doc = clean_case(dir);
            insta::assert_json_snapshot!("json", doc);
            insta::assert_snapshot!("markdown", deboiler::render::markdown(&doc));
        });
    });
}

#[test]
fn corpus_hard_expectations() {
    let mut failures = Vec::new();
    let mut unlabelled = Vec::new();
    let mut covered = std::collections::BTreeSet::new();
    let dirs = case_dirs();
    assert!(dirs.len() >= 20, "the corpus has {} cases", dirs.len());
    for dir in &dirs {
        let slug = dir
            .file_name()
            .and_then(|s| s.to_str())
            .unwrap_or("?")
            .to_owned();
        let case = load_case(dir);
        let doc = clean_case(dir);
        let source = source_file(dir);
        let is_text = source.extension().is_some_and(|e| e == "txt");
        if (case.input == "text") != is_text {
            failures.push(format!(
                "{slug}: input = {:?} but the source is {}",
                case.input,
                source.display()
            ));
        }
        if let Some(charset) = &case.charset {
            let expected = encoding_rs::Encoding::for_label(charset.as_bytes()).map(|e| e.name());
            if expected != Some(doc.encoding.as_str()) {
                failures.push(format!(
                    "{slug}: decoded as {} but the page is {charset}",
                    doc.encoding
                ));
            }
        }
        if case.origin.is_empty() || case.licence.is_empty() {
            failures.push(format!("{slug}: origin and licence are required"));
        }
        for kind in &case.kinds {
            if deboiler::Kind::ALL.iter().all(|k| k.as_str() != kind) {
                failures.push(format!("{slug}: unknown kind {kind:?} in case.toml"));
            } else if !doc.removed.iter().any(|r| r.kind.as_str() == kind) {
                // The text went under a coarser kind (a byline box holding
                // the reading time): labelling precision, not a leak.
                unlabelled.push(format!("{slug}: {kind}"));
            }
        }
        covered.extend(doc.removed.iter().map(|r| r.kind));
        for s in &case.must_contain {
            if !doc.text.contains(s.as_str()) {
                failures.push(format!("{slug}: missing {s:?}"));
            }
        }
        for s in &case.must_not_contain {
            if doc.text.contains(s.as_str()) {
                failures.push(format!("{slug}: leaked {s:?}"));
            }
        }
    }
    for kind in deboiler::Kind::ALL {
        if !covered.contains(&kind) {
            failures.push(format!("no corpus case exercises kind {kind}"));
        }
    }
    if !unlabelled.is_empty() {
        eprintln!(
            "kinds removed under another label: {}",
            unlabelled.join(", ")
        );
    }
    assert!(
        failures.is_empty(),
        "{} corpus expectation(s) failed:\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}
