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
//! a value in every column). A copy printed in another place (a slide's
//! heading above its picture on phones, beside it on desktops) is found by
//! its class showing it on some screens only (`md:hidden`, `d-lg-none`): the
//! later of two same-markup elements with the same text goes when one has it.
//!
//! Input: the DOM and the marks of the earlier passes. Output: more marks.
//! The DOM is never mutated.

use std::collections::HashMap;

use super::Pruned;
use crate::blocks::is_invisible;
use crate::document::Kind;
use crate::parse::{Dom, NodeKind, Tag};
use crate::rules::compiled::Hit;
use crate::rules::structure::{
    LAYOUT_TWIN, SCREEN_BREAKPOINTS, SCREEN_VARIANT_CLASSES, SCREEN_VARIANT_TWIN,
};

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
const SCREEN_TWIN: Hit = Hit {
    kind: Kind::LowContent,
    id: SCREEN_VARIANT_TWIN,
};
/// A screen-variant element is compared with at most this many others of
/// its size: a page of equal-sized cards must not cost a square.
const SCREEN_TWIN_MAX_PEERS: usize = 24;

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
        for group in in_document_order(&by_chars) {
            mark_twins(dom, group, pruned);
        }
    }
    mark_screen_twins(dom, &chars, pruned);
}

/// Marks the later of two elements with the same text anywhere on the page
/// (neither inside the other) when one of them is shown on some screens only
/// ([`is_screen_variant`]): a block printed once for phones and once for
/// desktops in different places (a slide's heading above its picture on a
/// phone, beside it on a desktop).
fn mark_screen_twins(dom: &Dom, chars: &[u32], pruned: &mut Pruned) {
    let elements = (0..dom.len()).filter(|&i| {
        chars[i] >= TWIN_MIN_CHARS
            && matches!(dom.kind(i), NodeKind::Element(t) if !is_table_part(t))
    });
    let mut by_chars: HashMap<u32, Vec<usize>> = HashMap::new();
    for i in elements {
        by_chars.entry(chars[i]).or_default().push(i);
    }
    // Texts read so far, by node: an element is compared with several.
    let mut texts: HashMap<usize, String> = HashMap::new();
    for group in in_document_order(&by_chars) {
        for (k, &later) in group.iter().enumerate().skip(1) {
            let peers = group[..k].iter().rev().take(SCREEN_TWIN_MAX_PEERS);
            let variant = is_screen_variant(dom, later);
            let mut text = None;
            for &earlier in peers {
                // Copies of one block are the same markup (tag and node
                // count); a heading and the table-of-contents entry naming
                // it are not.
                if dom.contains(earlier, later)
                    || dom.element_name(earlier) != dom.element_name(later)
                    || dom.end(earlier) - earlier != dom.end(later) - later
                    || !(variant || is_screen_variant(dom, earlier))
                {
                    continue;
                }
                if is_marked(dom, pruned, later) || is_marked(dom, pruned, earlier) {
                    continue;
                }
                let t = text.get_or_insert_with(|| visible_text(dom, later));
                let other = texts
                    .entry(earlier)
                    .or_insert_with(|| visible_text(dom, earlier));
                if t.split_whitespace().count() >= TWIN_MIN_WORDS && other == t {
                    pruned.remove(later, SCREEN_TWIN, t);
                    break;
                }
            }
        }
    }
}

/// Whether element `i` or an ancestor carries a class shown on some screens
/// only: a word of [`SCREEN_VARIANT_CLASSES`], or a display utility naming a
/// breakpoint of [`SCREEN_BREAKPOINTS`] (`md:hidden`, `lg:block`,
/// `d-md-none`, `hidden-md-up`, `visible-xs`).
fn is_screen_variant(dom: &Dom, i: usize) -> bool {
    std::iter::once(i)
        .chain(dom.ancestors(i))
        .take(SCREEN_VARIANT_MAX_LEVELS)
        .filter_map(|n| dom.attr(n, "class"))
        .flat_map(str::split_ascii_whitespace)
        .any(is_screen_class)
}

/// How far up a screen-variant class is looked for: the copy's own box and
/// the few wrappers a theme puts around it.
const SCREEN_VARIANT_MAX_LEVELS: usize = 4;

/// Whether class token `t` shows or hides its element on some screens only.
fn is_screen_class(t: &str) -> bool {
    if SCREEN_VARIANT_CLASSES
        .iter()
        .any(|c| t.eq_ignore_ascii_case(c))
    {
        return true;
    }
    let is_bp = |w: &str| SCREEN_BREAKPOINTS.iter().any(|b| w.eq_ignore_ascii_case(b));
    if let Some((bp, display)) = t.rsplit_once(':') {
        // Tailwind: `md:hidden`, `max-lg:block`.
        let bp = bp.rsplit('-').next().unwrap_or(bp);
        return is_bp(bp)
            && matches!(
                display,
                "hidden" | "block" | "flex" | "grid" | "inline-block"
            );
    }
    let parts: Vec<&str> = t.split('-').collect();
    match parts.as_slice() {
        // Bootstrap 4+: `d-md-none`, `d-lg-block`.
        ["d", bp, _] => is_bp(bp),
        // Bootstrap 3 and shop themes: `hidden-md-up`, `visible-xs`, `hidden-lg`.
        ["hidden" | "visible", bp, ..] => is_bp(bp),
        _ => false,
    }
}

/// Among `group` (siblings of one char count, in document order), marks each
/// element whose text equals an earlier one's and whose class list differs.
/// The groups of two or more nodes, by their first node: a hash map's own
/// order changes from run to run, and so would the removals.
fn in_document_order(by_chars: &HashMap<u32, Vec<usize>>) -> Vec<&[usize]> {
    let mut groups: Vec<&[usize]> = by_chars
        .values()
        .filter(|g| g.len() > 1)
        .map(Vec::as_slice)
        .collect();
    groups.sort_unstable_by_key(|g| g.first().copied());
    groups
}

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
            .filter(|r| r.rule == super::LAYOUT_TWIN || r.rule == super::SCREEN_VARIANT_TWIN)
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

    #[test]
    fn a_block_printed_for_phones_in_another_place_goes_once() {
        let slide = "<p>The larger sensor balances bright and shadowy areas in \
            high-contrast scenes, so birds are clear when backlit.</p>";
        let html = format!(
            "<body><div class=slides><div class=slide>\
             <div class=text><div class='mb-4 md:hidden'>{slide}</div></div>\
             <div class=media><img src=a.jpg><div class='hidden md:block'>{slide}</div></div>\
             </div></div></body>"
        );
        let got = twin_texts(&html);
        assert_eq!(got.len(), 1, "{got:?}");
        // Without a screen-size class the two are two statements, both kept.
        let plain = html
            .replace("mb-4 md:hidden", "mb-4")
            .replace("hidden md:block", "x")
            .replace("class=text", "class=col")
            .replace("class=media", "class=col");
        assert!(twin_texts(&plain).is_empty());
    }

    #[test]
    fn a_heading_named_by_a_phone_table_of_contents_stays() {
        let title = "How to measure the performance of a query in the database";
        let html = format!(
            "<body><div class='outline lg:hidden'><a href=#m>{title}</a></div>\
             <article><h2 id=m>{title}</h2><p>{DESCRIPTION}</p></article></body>"
        );
        assert!(twin_texts(&html).iter().all(|t| t != title));
    }

    #[test]
    fn screen_classes_name_a_breakpoint_and_a_display() {
        for t in [
            "md:hidden",
            "lg:block",
            "max-md:flex",
            "d-md-none",
            "hidden-md-up",
            "visible-xs",
            "mobile-only",
        ] {
            assert!(super::is_screen_class(t), "{t}");
        }
        for t in [
            "hidden",
            "md:px-4",
            "d-flex",
            "hidden-field",
            "product-description",
        ] {
            assert!(!super::is_screen_class(t), "{t}");
        }
    }
}
