//! Layout twins: one block laid out twice, once per screen size.
//!
//! Shop themes and page builders often print a product description, a
//! feature row or a slide twice side by side, one copy styled for phones and
//! one for desktops (`hidden-md-up` / `hidden-md-down`, `mobile` /
//! `desktop`, a carousel's `slick-cloned` slides), and a stylesheet we do not
//! read hides one of them. Readers see the text once; a reader of the markup
//! sees it twice. Two sibling elements with the same text whose class lists
//! differ are such a pair, and the later copy goes. Siblings with the same
//! class list (list items, paragraphs, the cards of a grid) repeat on
//! purpose and are kept, and so are table cells (a comparison table repeats
//! a value in every column).
//!
//! Input: the DOM and the marks of the earlier passes. Output: more marks.
//! The DOM is never mutated.

use std::collections::HashMap;

use super::Pruned;
use crate::blocks::is_invisible;
use crate::document::Kind;
use crate::parse::{Dom, NodeKind, Tag};
use crate::rules::compiled::Hit;
use crate::rules::structure::LAYOUT_TWIN;

use super::structure::visible_text;

/// A twin holds at least this many visible non-space chars: short labels
/// ("Add to cart", a price) repeat for reasons of their own.
const TWIN_MIN_CHARS: u32 = 40;
/// ... and at least this many words: a long part number is not a block.
const TWIN_MIN_WORDS: usize = 8;

const TWIN: Hit = Hit {
    kind: Kind::LowContent,
    id: LAYOUT_TWIN,
};

/// Marks the later copy of every pair of layout twins.
pub(super) fn prune(dom: &Dom, pruned: &mut Pruned) {
    let chars = visible_chars(dom);
    // Twins are found among one parent's children with equal char counts.
    let mut by_chars: HashMap<u32, Vec<usize>> = HashMap::new();
    for parent in 0..dom.len() {
        if !matches!(dom.kind(parent), NodeKind::Element(_)) || chars[parent] < 2 * TWIN_MIN_CHARS {
            continue;
        }
        by_chars.clear();
        for c in dom.children(parent) {
            if chars[c] >= TWIN_MIN_CHARS
                && matches!(dom.kind(c), NodeKind::Element(t) if !is_table_part(t))
            {
                by_chars.entry(chars[c]).or_default().push(c);
            }
        }
        for group in by_chars.values().filter(|g| g.len() > 1) {
            mark_twins(dom, group, pruned);
        }
    }
}

/// Among `group` (siblings of one char count, in document order), marks each
/// element whose text equals an earlier one's and whose class list differs.
fn mark_twins(dom: &Dom, group: &[usize], pruned: &mut Pruned) {
    let class = |n: usize| dom.attr(n, "class").unwrap_or("").trim();
    // Alike siblings (a list of 40,000 paragraphs) are never twins: skip
    // them before reading any text.
    if group.iter().all(|&c| class(c) == class(group[0])) {
        return;
    }
    // Each text, with the class list of its first copy.
    let mut first: HashMap<String, &str> = HashMap::new();
    for &c in group {
        if is_marked(dom, pruned, c) {
            continue;
        }
        let text = visible_text(dom, c);
        if text.split_whitespace().count() < TWIN_MIN_WORDS {
            continue;
        }
        match first.get(&text) {
            Some(&k) if k != class(c) => pruned.remove(c, TWIN, &text),
            Some(_) => {}
            None => {
                first.insert(text, class(c));
            }
        }
    }
}

/// Table rows and cells repeat values by design.
fn is_table_part(tag: Tag) -> bool {
    matches!(tag, Tag::Tr | Tag::Td | Tag::Th)
}

/// Whether node `i` or an ancestor is already marked removed.
fn is_marked(dom: &Dom, pruned: &Pruned, i: usize) -> bool {
    std::iter::once(i)
        .chain(dom.ancestors(i))
        .any(|n| pruned.removed.get(n).copied().unwrap_or(false))
}

/// Per node: visible non-space chars in its subtree (0 inside invisible
/// elements), summed children-first in one backward pass.
fn visible_chars(dom: &Dom) -> Vec<u32> {
    let n = dom.len();
    let mut sums = vec![0u32; n];
    for i in (0..n).rev() {
        if is_invisible(dom, i) {
            sums[i] = 0;
            continue;
        }
        if let Some(t) = dom.text(i) {
            sums[i] =
                sums[i].saturating_add(t.chars().filter(|c| !c.is_whitespace()).count() as u32);
        }
        if let Some(p) = dom.parent(i) {
            sums[p] = sums[p].saturating_add(sums[i]);
        }
    }
    sums
}

#[cfg(test)]
mod tests {
    fn twin_texts(html: &str) -> Vec<String> {
        super::super::removals_of(html)
            .into_iter()
            .filter(|r| r.rule == super::LAYOUT_TWIN)
            .map(|r| r.text)
            .collect()
    }

    const DESCRIPTION: &str = "<p>A wheel thrown stoneware mug in a speckled glaze, \
        made by hand and fired twice.</p><p>Holds about 350 ml.</p>";

    #[test]
    fn the_phone_copy_of_a_description_goes() {
        let html = format!(
            "<body><h1>Mug</h1><div class=meta>\
             <div class='description hidden-up-md'>{DESCRIPTION}</div>\
             <div class='description hidden-down-md'>{DESCRIPTION}</div></div></body>"
        );
        let got = twin_texts(&html);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].starts_with("A wheel thrown"));
    }

    #[test]
    fn alike_items_and_table_cells_stay() {
        let item =
            "<li class=step>Warm up for ten minutes of easy jogging before the intervals</li>";
        let cell = "<td class=a>Nearly eight thousand offered out of the box today</td>";
        let cell2 = "<td class=b>Nearly eight thousand offered out of the box today</td>";
        let html = format!(
            "<body><ul>{item}{item}{item}</ul><table><tr>{cell}{cell2}</tr></table>\
             <div class=x>{DESCRIPTION}</div><div class=y>Another text altogether, \
             long enough to be a block of its own here.</div></body>"
        );
        assert!(twin_texts(&html).is_empty());
    }
}
