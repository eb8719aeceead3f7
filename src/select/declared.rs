//! Body text a page declares in structured data instead of its markup.
//!
//! A product page often renders its description with scripts: the markup
//! holds the price and the buttons, the JSON-LD `Product` object holds the
//! description. When the selected body lacks that description and has less
//! prose than it, it is put at the body's head, cut into blocks like any
//! markup.

use crate::blocks::{segment, TextBlock};
use crate::boilerplate::refine::normalize;
use crate::parse::Dom;

/// A declared description shorter than this (chars) is a label or a
/// slogan, not a description worth adding.
const DECLARED_MIN_CHARS: usize = 40;
/// The body holds the description when it holds this many of its first
/// chars (normalized): enough to be specific, short enough to survive
/// markup that splits the rest differently.
const DECLARED_PROBE_CHARS: usize = 80;

/// Puts the product `description` (from the JSON-LD `<script>` at node
/// `at`) at the head of `blocks` unless the body already holds it or holds
/// more prose than it.
pub fn add_product_description(blocks: &mut Vec<TextBlock>, at: usize, description: &str) {
    // Plain text keeps its line breaks as paragraph breaks; markup is parsed.
    let markup = if description.contains('<') {
        description.to_owned()
    } else {
        description.replace('\n', "<br>")
    };
    let dom = Dom::parse(&markup);
    let mut declared = segment(&dom, &[], 0);
    let chars: usize = declared.iter().map(|b| b.chars).sum();
    // A body with more prose than the description is the page's own
    // account of the product; the declared one is a blurb beside it.
    let prose: usize = blocks
        .iter()
        .filter(|b| b.is_prose())
        .map(|b| b.chars)
        .sum();
    if chars < DECLARED_MIN_CHARS || prose >= chars {
        return;
    }
    let probe: String = normalize(
        &declared
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    )
    .chars()
    .take(DECLARED_PROBE_CHARS)
    .collect();
    let body = normalize(
        &blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    );
    if body.contains(probe.trim()) {
        return;
    }
    for b in &mut declared {
        (b.owner, b.start, b.stop) = (at, at, at + 1);
        b.link_chars = 0;
        b.lead_link_chars = 0;
    }
    blocks.splice(0..0, declared);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(blocks: &[TextBlock]) -> Vec<&str> {
        blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn a_missing_description_heads_the_body_a_present_one_is_not_repeated() {
        let desc = "<p>These socks are knitted for comfort and built to stay up all day.</p>\
                    <ul><li>Honeycomb arch support</li></ul>";
        let mut blocks = Vec::new();
        add_product_description(&mut blocks, 7, desc);
        assert_eq!(
            texts(&blocks),
            [
                "These socks are knitted for comfort and built to stay up all day.",
                "Honeycomb arch support"
            ]
        );
        assert!(blocks.iter().all(|b| b.start == 7));
        let before = blocks.len();
        add_product_description(&mut blocks, 7, desc);
        assert_eq!(blocks.len(), before);
        let mut short = Vec::new();
        add_product_description(&mut short, 7, "Warm socks");
        assert!(short.is_empty());
    }

    #[test]
    fn a_body_with_more_prose_keeps_its_own_account() {
        let page = "<p>".to_string()
            + &"Our socks are knitted in Portugal from combed cotton and nylon. ".repeat(3)
            + "</p>";
        let dom = Dom::parse(&page);
        let mut blocks = segment(&dom, &[], 0);
        add_product_description(
            &mut blocks,
            7,
            "Socks that stay up all day, every day, in every shoe.",
        );
        assert_eq!(blocks.len(), 1);
    }
}
