//! User rules (`--rules FILE`, `CleanerBuilder::rules_file`) and
//! `deboiler clean --explain`, as a user runs them, with the shipped
//! `examples/rules.toml`.

use std::path::PathBuf;
use std::process::{Command, Output};

use deboiler::{Cleaner, Input, Kind, UserPhrase, UserRules};

fn deboiler(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_deboiler"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn example_rules() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples/rules.toml")
        .display()
        .to_string()
}

const PARA: &str = "The harbour reopened on Monday after three weeks of repairs to the \
    sea wall, and the first ferries left on time, the port authority said.";

/// A page exercising every rule of `examples/rules.toml`.
fn page(canonical: &str) -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><title>Harbour reopens</title>
<link rel="canonical" href="{canonical}"></head><body>
<article><h1>Harbour reopens</h1>
<p>{PARA}</p>
<p>Shop the look</p>
<div class="promo-rail"><a href="/a">Boots</a> <a href="/b">Coats</a></div>
<p>{PARA} Second.</p>
<p>Only on Example News</p>
<p>{PARA} Third.</p>
<div class="popular-box"><a href="/p">Most shared: the ferry timetable</a></div>
<p>{PARA} Fourth.</p>
</article>
<div id="nl-modal"><p>Our letters every morning</p></div>
</body></html>"#
    )
}

fn write(name: &str, text: &str) -> String {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, text).expect("write temp file");
    path.display().to_string()
}

fn rules_of(json: &str) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(json).expect("json");
    v["removed"]
        .as_array()
        .expect("removed")
        .iter()
        .map(|r| {
            (
                r["kind"].as_str().unwrap_or("").to_owned(),
                r["rule"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[test]
fn example_rules_add_and_disable_rules_with_site_sections() {
    let rules = example_rules();
    // The canonical URL puts the page on a subdomain of example.com.
    let file = write(
        "rules-page-site.html",
        &page("https://www.example.com/harbour"),
    );
    let out = deboiler(&["clean", &file, "--rules", &rules, "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let removed = rules_of(&String::from_utf8_lossy(&out.stdout));
    let has = |kind: &str, rule: &str| removed.iter().any(|(k, r)| k == kind && r == rule);
    assert!(has("advertisement", "user-shop-the-look"), "{removed:?}");
    assert!(has("advertisement", "user-promo-rail"), "{removed:?}");
    assert!(has("newsletter", "user-newsletter-modal"), "{removed:?}");
    assert!(has("advertisement", "user-example-only-on"), "{removed:?}");
    assert!(
        !removed.iter().any(|(_, r)| r == "cls-popular"),
        "{removed:?}"
    );

    // Another site: the example.com section does not apply; --url wins over canonical.
    let out = deboiler(&[
        "clean",
        &file,
        "--rules",
        &rules,
        "--format",
        "json",
        "--url",
        "https://other.test/a",
    ]);
    let removed = rules_of(&String::from_utf8_lossy(&out.stdout));
    assert!(
        !removed.iter().any(|(_, r)| r == "user-example-only-on"),
        "{removed:?}"
    );
    assert!(
        removed.iter().any(|(_, r)| r == "user-shop-the-look"),
        "{removed:?}"
    );

    // Without the rules file, the built-in rule removes the popular box.
    let out = deboiler(&["clean", &file, "--format", "json"]);
    let removed = rules_of(&String::from_utf8_lossy(&out.stdout));
    assert!(
        removed.iter().any(|(_, r)| r == "cls-popular"),
        "{removed:?}"
    );
    assert!(
        !removed.iter().any(|(_, r)| r.starts_with("user-")),
        "{removed:?}"
    );
}

#[test]
fn a_bad_rules_file_is_a_start_up_error_naming_file_line_and_problem() {
    let cases: &[(&str, &str, &str)] = &[
        ("bad-kind.toml", "[[phrase]]\nid = \"user-a\"\nkind = \"sharebar\"\ntext = \"x\"\n", ":3:"),
        ("bad-regex.toml", "[[phrase]]\nid = \"user-a\"\nkind = \"share\"\npattern = \"(open\"\n", ":4:"),
        ("bad-selector.toml", "[[selector]]\nid = \"user-a\"\nkind = \"share\"\nselector = \"div[\"\n", ":4:"),
        ("bad-disable.toml", "\n[site.\"a.com\"]\ndisable = [\"cls-sidebr\"]\n", ":3:"),
        ("bad-key.toml", "[[token]]\nid = \"user-a\"\nkind = \"share\"\ntokens = \"a\"\ncolour = 1\n", ":5:"),
        ("dup-id.toml", "[[token]]\nid = \"user-a\"\nkind = \"share\"\ntokens = \"a\"\n[[token]]\nid = \"user-a\"\nkind = \"share\"\ntokens = \"b\"\n", ":6:"),
        ("builtin-id.toml", "[[token]]\nid = \"cls-share\"\nkind = \"share\"\ntokens = \"a\"\n", ":2:"),
    ];
    let page = write("rules-page-any.html", &page("https://a.test/"));
    for (name, text, line) in cases {
        let file = write(name, text);
        let out = deboiler(&["clean", &page, "--rules", &file]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains(&format!("{file}{line}")), "{name}: {err}");
        assert!(out.stdout.is_empty(), "{name}");
    }
    let out = deboiler(&["clean", &page, "--rules", "/no/such/rules.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/rules.toml"));
}

#[test]
fn explain_lists_blocks_in_order_with_verdicts_and_metadata_sources() {
    let file = write(
        "rules-page-explain.html",
        &page("https://www.example.com/harbour"),
    );
    let out = deboiler(&["clean", &file, "--rules", &example_rules(), "--explain"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("language  en (declared)"), "{text}");
    assert!(text.contains("sites     example.com"), "{text}");
    assert!(
        text.contains("title                Harbour reopens  ← title-tag"),
        "{text}"
    );
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.contains(" + ") || l.contains(" - "))
        .collect();
    let pos = |needle: &str| {
        lines
            .iter()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle}:\n{text}"))
    };
    let first = pos("+ paragraph");
    let shop = pos("- advertisement  user-shop-the-look");
    let modal = pos("- newsletter     user-newsletter-modal");
    assert!(
        pos("- title_repeat") < first && first < shop && shop < modal,
        "{text}"
    );
    // Kept paragraphs are cut to the line width.
    assert!(lines.iter().all(|l| l.chars().count() <= 130), "{text}");
}

#[test]
fn library_builder_takes_a_file_toml_text_or_typed_rules() {
    let html = page("https://news.example.com/x");
    let input = Input::new(html.as_bytes());
    let from_file = Cleaner::builder()
        .rules_file(example_rules())
        .build()
        .unwrap();
    let doc = from_file.clean_input(&input).unwrap();
    assert!(doc.removed.iter().any(|r| r.rule == "user-example-only-on"));

    let typed = UserRules {
        phrases: vec![UserPhrase::text(
            "user-only-on",
            Kind::Advertisement,
            &["only on example news"],
        )],
        disable: vec!["cls-popular".into()],
        ..UserRules::default()
    };
    let cleaner = Cleaner::builder().rules(typed).build().unwrap();
    let explained = cleaner.explain(&input).unwrap();
    assert!(explained
        .document
        .removed
        .iter()
        .any(|r| r.rule == "user-only-on"));
    // The explanation's document is the one clean_input returns.
    let plain = cleaner.clean_input(&input).unwrap();
    assert_eq!(
        deboiler::render::json(&plain),
        deboiler::render::json(&explained.document)
    );

    let err = Cleaner::builder()
        .rules_toml("disable = [1]")
        .build()
        .unwrap_err();
    assert!(err.to_string().starts_with("<rules>:1:"), "{err}");
}
