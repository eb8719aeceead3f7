//! Hostile input gets a clear error or an empty result: never a panic, a hang
//! or a stack overflow.

use deboiler::{Cleaner, Error, Input, InputKind, Status};

#[test]
fn deeply_nested_page_does_not_overflow_the_stack() {
    let depth = 100_000;
    let html = format!(
        "<html><body>{}<p>Deep inside the page sits a paragraph of article text, long enough to be kept.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let doc = deboiler::clean(html.as_bytes()).expect("cleans");
    assert!(doc.text.contains("Deep inside the page"));
}

#[test]
fn deeply_nested_inline_and_list_tags() {
    let html = "<b><i><ul><li>".repeat(20_000) + "x";
    let doc = deboiler::clean(html.as_bytes()).expect("cleans");
    assert!(doc.status == Status::Ok || doc.status == Status::Empty);
}

#[test]
fn empty_and_whitespace_input_is_empty_not_an_error() {
    for input in [&b""[..], b"   \n\t ", b"<html></html>"] {
        let doc = deboiler::clean(input).expect("cleans");
        assert_eq!(doc.status, Status::Empty);
        assert!(doc.text.is_empty());
    }
}

#[test]
fn binary_input_does_not_panic() {
    let mut bytes: Vec<u8> = (0..=255u8).cycle().take(200_000).collect();
    bytes.extend_from_slice(b"\x00\xff\xfe<p>\x80\x81</p>");
    for kind in [InputKind::Auto, InputKind::Html, InputKind::Text] {
        let doc = Cleaner::new()
            .clean_input(&Input::new(&bytes).kind(kind))
            .expect("cleans");
        assert!(doc.removed.len() < 100_000);
    }
}

#[test]
fn huge_page_is_cleaned_and_over_limit_is_a_typed_error() {
    let para = "<p>A sentence of the article that goes on for a while, with commas, and ends.</p>";
    let html = format!(
        "<html><body><article>{}</article></body></html>",
        para.repeat(40_000)
    );
    let doc = deboiler::clean(html.as_bytes()).expect("cleans a 3 MB page");
    assert_eq!(doc.status, Status::Ok);
    let small = Cleaner::builder()
        .max_bytes(1_000_000)
        .build()
        .expect("builds");
    match small.clean(html.as_bytes()) {
        Err(Error::TooLarge { size, limit }) => {
            assert_eq!(limit, 1_000_000);
            assert_eq!(size, html.len());
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

#[test]
fn unclosed_and_malformed_markup() {
    let html = b"<html><body><article><p>Unclosed paragraph of text that is long enough to be an article body here.<p>Another <b><i>badly</b> nested</i> one with <a href='javascript:alert(1)'>a link</a> and <script>alert(1)</script> more text.</article>";
    let doc = deboiler::clean(html).expect("cleans");
    assert!(doc.text.contains("Unclosed paragraph"));
    assert!(!doc.text.contains("alert(1)"));
    let html_out = deboiler::render::html(&doc);
    assert!(!html_out.contains("<script") && !html_out.contains("javascript:"));
}

#[test]
fn cleaner_is_shared_across_threads() {
    let cleaner = std::sync::Arc::new(Cleaner::new());
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let c = cleaner.clone();
            std::thread::spawn(move || {
                let page = format!("<article><p>Thread {i} writes a paragraph long enough to be the body of an article.</p></article>");
                c.clean(page.as_bytes()).expect("cleans").text
            })
        })
        .collect();
    for (i, h) in handles.into_iter().enumerate() {
        assert!(h.join().expect("no panic").contains(&format!("Thread {i}")));
    }
}

/// Scraped text whose every line is chrome or a section heading, and a
/// Markdown rendering with a bracket that never closes over thousands of
/// wrapped lines: each line is looked at a bounded number of times (these
/// took minutes when it was not).
#[test]
fn long_scraped_texts_are_linear() {
    let rows = [
        "Home",
        "Share this article",
        "Privacy Policy",
        "A paragraph of prose that is long enough to count as prose in the span and more words here.",
        "Comments",
    ];
    let menu: Vec<&str> = rows.iter().copied().cycle().take(30_000).collect();
    let doc = Cleaner::new()
        .clean_input(&Input::new(menu.join("\n").as_bytes()).kind(InputKind::Text))
        .expect("cleans");
    assert!(doc.text.len() < 10_000);

    let filled = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ut";
    let mut md =
        String::from("[a](http://x) [b](http://y) [c](http://z)\n[a label that never closes\n");
    for _ in 0..20_000 {
        md.push_str(filled);
        md.push('\n');
    }
    let doc = Cleaner::new()
        .clean_input(&Input::new(md.as_bytes()).kind(InputKind::Text))
        .expect("cleans");
    // One 1.6 MB run of words without a sentence end: a keyword list.
    assert!(doc.status == Status::Ok || doc.status == Status::Empty);
}
