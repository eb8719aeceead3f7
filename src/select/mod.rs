//! Content selection: Pruned → Option<[`MainContent`]>.
//!
//! Every text block left after boilerplate removal is weighed: prose (long,
//! few links) counts for its container, link text and link-dense blocks count
//! against it. Sums run up the tree in one bottom-up pass (scores live in a
//! side table indexed by node, never in the DOM), and the container with the
//! highest prose-minus-junk score wins: it holds as much article as possible
//! for as little navigation as possible. Ties go to the first in document
//! order (the outermost), so output is deterministic.
//!
//! Around that core:
//! - a ladder of policies (`rules::thresholds::LADDER`, strict to lenient) is
//!   tried in order: the first attempt reaching its policy's score is kept,
//!   else the best (comment-classed forum posts put back; cards and teasers
//!   scored as prose on a page with no article); a page declaring itself a
//!   forum thread (schema.org `DiscussionForumPosting`) always tries the
//!   posts-put-back rung;
//! - the page's `<noscript>` copy, when there is one, is weighed the same way
//!   and wins if it scores higher (forum software renders posts with scripts);
//! - a winner that is one item of a list (one of several alike siblings
//!   holding under half the list's text) widens to the list;
//! - the winner widens to the page's `<main>` landmark when it holds under
//!   half the landmark's text (one card, section or post of many) or lies
//!   outside it, and sibling containers scoring like content join it;
//! - on a card page the cards' headline links are kept as item names.
//!
//! Finding no container with enough prose is a normal outcome (`None`).

pub mod declared;

use crate::blocks::{segment, subtree_sums, TextBlock};
use crate::boilerplate::{removal, Pruned};
use crate::document::{BlockKind, Kind, Removal};
use crate::metadata::describes_product_item;
use crate::parse::{Dom, NodeKind, Tag};
use crate::rules::compiled::{split_words_into, Words};
use crate::rules::structure::{
    ANSWER_MARKS, CONTENT_HINTS, CURRENCY_SIGNS, DISCUSSION_TYPES, PRODUCT_OTHER_ITEMS,
    QA_PAGE_TYPES,
};
use crate::rules::thresholds::{
    Tuning, CARD_PAGE_MIN_SHARE, ITEM_MAX_SHARE_OF_LIST, LADDER, LINK_DENSE, PROSE_MIN_CHARS,
    SHORT_BLOCK_WEIGHT,
};

/// A card list has at least this many cards.
const CARD_LIST_MIN: usize = 3;
/// A card's linked headline has at least this many chars.
const CARD_MIN_LINK_CHARS: u32 = 15;

/// ... and it is at least this share of the card's text.
const CARD_MIN_LINK_SHARE: f32 = 0.15;

/// How much a content hint raises a container's score (0.5 = half again).
const CONTENT_HINT_BONUS: f32 = 0.5;

/// Below this score (one short sentence) a page has no article.
const MIN_ARTICLE_SCORE: f32 = 15.0;

/// The selected article container and its blocks.
#[derive(Debug)]
pub struct MainContent {
    /// The container node.
    pub root: usize,
    /// The blocks inside it, in document order.
    pub blocks: Vec<TextBlock>,
    /// Set when the body is the page's `<noscript>` copy: then `root` and
    /// the blocks are nodes of the copy's own DOM
    /// ([`crate::boilerplate::NoscriptPage::dom`]).
    pub copy: Option<CopyBody>,
}

/// A body read from the page's `<noscript>` copy, with the copy's removals
/// at their nodes in the copy (where post headers are looked for).
#[derive(Debug)]
pub struct CopyBody {
    /// The `<noscript>` element in the outer page.
    pub at: usize,
    /// The copy's removals.
    pub log: Vec<(usize, Removal)>,
}

impl CopyBody {
    /// Moves the copy's `blocks` and removals to its `<noscript>` element
    /// of the outer page (its removals into `log`): the outer page's order
    /// keys have no node inside the copy.
    pub fn settle(self, blocks: &mut [TextBlock], log: &mut Vec<(usize, Removal)>) {
        let at = self.at;
        for b in blocks {
            (b.owner, b.start, b.stop) = (at, at, at + 1);
        }
        log.extend(self.log.into_iter().map(|(_, r)| (at, r)));
    }
}

/// Prose and junk weights of one block.
fn weigh(block: &TextBlock) -> (f32, f32) {
    let chars = block.chars as f32;
    let links = block.link_chars as f32;
    let density = block.link_density();
    if density >= LINK_DENSE {
        (0.0, chars)
    } else if block.is_teaser() {
        (0.0, links)
    } else if block.chars >= PROSE_MIN_CHARS {
        (chars - links, links)
    } else {
        (SHORT_BLOCK_WEIGHT * (chars - links), links)
    }
}

/// Picks the article container with the thresholds of `tuning`. Returns it
/// with its blocks, plus a `low_content` log of the text left outside it.
pub fn select(
    dom: &Dom,
    pruned: &Pruned,
    tuning: &Tuning,
) -> (Option<MainContent>, Vec<(usize, Removal)>) {
    let discussion = declares_discussion(dom);
    let outer = Choice::climb(dom, pruned, tuning, discussion);
    if let Some(ns) = &pruned.noscript {
        let inner = Choice::climb(&ns.dom, &ns.pruned, tuning, discussion);
        if inner.score() > outer.score() {
            // The page's script-free copy wins: everything of the outer page
            // is outside. The copy's body and removals stay at their nodes
            // in the copy until the caller is done with them.
            let mut log = outside_log(dom, &outer.blocks, None, &|_| false);
            let mut copy_log = ns.pruned.log.clone();
            let (main, inner_log) = inner.finish(&ns.dom, tuning, pruned.product_page);
            copy_log.extend(inner_log);
            let copy = CopyBody {
                at: ns.at,
                log: copy_log,
            };
            return match main {
                Some(mut m) => {
                    m.copy = Some(copy);
                    (Some(m), log)
                }
                None => {
                    copy.settle(&mut [], &mut log);
                    (None, log)
                }
            };
        }
    }
    outer.finish(dom, tuning, pruned.product_page)
}

/// The best container of one page and its score.
struct Choice {
    blocks: Vec<TextBlock>,
    best: Option<(usize, f32)>,
    /// Per node: its prose-minus-junk score.
    score: Vec<f32>,
    /// Per node: inside a card of a card list.
    in_card: Vec<bool>,
    /// Per node: inside a card or a headline-only card of a grid (see
    /// [`is_headline_grid`]): items a landmark holds, never scored as prose.
    in_grid: Vec<bool>,
}

impl Choice {
    /// Tries the [`LADDER`]'s policies in order: the first attempt reaching
    /// its policy's `accept` score wins, else the best one (the earlier on ties).
    ///
    /// On a page that declares itself a forum thread (see
    /// [`declares_discussion`]) the first rung is never accepted early: the
    /// opening post alone may reach its score, and the replies are content.
    fn climb(dom: &Dom, pruned: &Pruned, tuning: &Tuning, discussion: bool) -> Choice {
        let mut best: Option<Choice> = None;
        // What the tuning puts back is back on every rung.
        let mut base = pruned.removed.clone();
        for (node, r) in &pruned.log {
            if tuning.restore.contains(&r.kind) {
                if let Some(slot) = base.get_mut(*node) {
                    *slot = false;
                }
            }
        }
        // The first rung reached its score on a discussion page: only the
        // rung putting the posts back is still tried.
        let mut deferred = false;
        for (rung, policy) in LADDER.iter().enumerate() {
            let mut removed = base.clone();
            let mut changed = false;
            for (node, r) in &pruned.log {
                if policy.restore.contains(&r.kind) {
                    if let Some(slot) = removed.get_mut(*node) {
                        changed |= std::mem::replace(slot, false);
                    }
                }
            }
            // A rung that would repeat an earlier attempt is skipped.
            if !policy.restore.is_empty() && !changed && !policy.cards {
                continue;
            }
            if deferred && !policy.restore.contains(&Kind::Comments) {
                break;
            }
            // A product page's comments are its customers' reviews.
            if pruned.product_page && policy.restore.contains(&Kind::Comments) {
                continue;
            }
            let attempt = Choice::new(dom, &removed, policy.cards, tuning);
            let accepted = attempt.score() >= policy.accept;
            if best.as_ref().is_none_or(|b| attempt.score() > b.score()) {
                best = Some(attempt);
            }
            if accepted && discussion && rung == 0 {
                deferred = true;
            } else if accepted || deferred {
                break;
            }
        }
        best.unwrap_or_else(|| Choice::new(dom, &base, false, tuning))
    }

    fn new(dom: &Dom, removed: &[bool], cards_are_content: bool, tuning: &Tuning) -> Choice {
        let blocks = segment(dom, removed, 0);
        let (in_card, in_grid) = card_members(dom, &blocks);
        let (best, score) = best_container(
            dom,
            &blocks,
            &in_card,
            cards_are_content,
            tuning.junk_weight,
        );
        Choice {
            blocks,
            best,
            score,
            in_card,
            in_grid,
        }
    }

    /// The winning score, or below any real one when there is no container.
    fn score(&self) -> f32 {
        self.best
            .map(|(_, s)| s)
            .filter(|&s| s >= MIN_ARTICLE_SCORE)
            .unwrap_or(f32::MIN)
    }

    /// The winner widened to its list, landmark and siblings, with its
    /// blocks. On a `product_page` the cards inside it go: the page sells
    /// one item, and a list of linked cards beside it is other items (a
    /// "similar items" carousel, the seller's other listings).
    fn finish(
        self,
        dom: &Dom,
        tuning: &Tuning,
        product_page: bool,
    ) -> (Option<MainContent>, Vec<(usize, Removal)>) {
        let blocks = self.blocks;
        let root = match self.best {
            Some((root, s)) if s >= MIN_ARTICLE_SCORE => root,
            // No container reaches an article's score: the page's `<main>`
            // holding text other than links is that text (a collection of
            // a few items), not an empty page.
            _ => match (0..dom.len()).find(|&m| {
                is_landmark(dom, m, false)
                    && blocks_in(dom, &blocks, m).any(|b| b.link_density() < LINK_DENSE)
            }) {
                Some(m) => m,
                None => return (None, outside_log(dom, &blocks, None, &|_| false)),
            },
        };
        // A shop's grid of items for sale is its category page's content,
        // as much as the buying guide beside it.
        let grids = shop_grids(dom, &blocks, &self.in_card);
        let root = match grids.first() {
            Some(&grid) if !product_page && !grids.iter().any(|&g| dom.contains(root, g)) => {
                std::iter::once(root)
                    .chain(dom.ancestors(root))
                    .find(|&a| dom.contains(a, grid))
                    .filter(|&a| !matches!(dom.tag(a), Some(Tag::Body | Tag::Html)))
                    .unwrap_or(root)
            }
            _ => root,
        };
        let root = widen_to_prose(dom, &blocks, &self.in_card, root);
        let root = widen_to_item_list(dom, &blocks, root);
        let winner = root;
        let root = widen_to_landmark(dom, &blocks, &self.in_grid, winner, tuning);
        let mut siblings = content_siblings(dom, &self.score, root, tuning);
        if introduces(dom, winner, root) {
            siblings.push(winner);
        }
        let is_inside = |b: &TextBlock| {
            dom.contains(root, b.start) || siblings.iter().any(|&s| dom.contains(s, b.start))
        };
        let mut log = outside_log(dom, &blocks, Some(root), &is_inside);
        let mut inside: Vec<TextBlock> = blocks.iter().filter(|b| is_inside(b)).cloned().collect();
        // On a card page (a listing, a collection) the cards are the content:
        // their headline links are the items' names, not links away, so
        // they stop counting as link text for the refine pass.
        let total: usize = inside.iter().map(|b| b.chars).sum();
        let cards: usize = inside
            .iter()
            .filter(|b| self.in_card[b.owner])
            .map(|b| b.chars)
            .sum();
        let card_page = cards as f32 >= CARD_PAGE_MIN_SHARE * total as f32;
        // A card page declared a product by its `og:type` alone is a shop's
        // category page; a product described as an item is one product.
        if product_page && (!card_page || describes_product_item(dom)) {
            log.extend(other_items(dom, &mut inside, &self.in_card));
        }
        if card_page {
            for b in inside.iter_mut().filter(|b| self.in_card[b.owner]) {
                b.link_chars = 0;
                b.lead_link_chars = 0;
            }
        }
        (
            Some(MainContent {
                root,
                blocks: inside,
                copy: None,
            }),
            log,
        )
    }
}

/// Takes the blocks of priced card lists (see [`card_members`]: a list with
/// a card that [`shows_price`]) and of [`priced_items`] out of a product
/// page's content, logged per run of adjacent blocks. A list without a
/// price is part of the product's own page (the seller's box, feedback
/// entries, buying options).
fn other_items(dom: &Dom, inside: &mut Vec<TextBlock>, in_card: &[bool]) -> Vec<(usize, Removal)> {
    // The list of the outermost card holding each card block.
    let card_of = |b: &TextBlock| -> Option<usize> {
        in_card[b.owner]
            .then(|| {
                std::iter::once(b.owner)
                    .chain(dom.ancestors(b.owner))
                    .take_while(|&a| in_card[a])
                    .last()
                    .and_then(|card| dom.parent(card))
            })
            .flatten()
    };
    let priced: std::collections::HashSet<usize> = inside
        .iter()
        .filter(|b| shows_price(&b.text))
        .filter_map(card_of)
        .collect();
    let items = priced_items(dom, inside);
    let mut runs: Vec<(usize, String)> = Vec::new();
    let mut last_went = false;
    inside.retain(|b| {
        let goes = card_of(b).is_some_and(|c| priced.contains(&c))
            || std::iter::once(b.owner)
                .chain(dom.ancestors(b.owner))
                .any(|a| items.contains(&a));
        if goes {
            match runs.last_mut() {
                Some((_, text)) if last_went => {
                    text.push_str(" / ");
                    text.push_str(&b.text);
                }
                _ => runs.push((b.start, b.text.clone())),
            }
        }
        last_went = goes;
        !goes
    });
    runs.into_iter()
        .map(|(at, text)| (at, removal(Kind::Related, PRODUCT_OTHER_ITEMS, &text)))
        .collect()
}

/// How many ancestors above a price may be the item card holding it (shop
/// themes nest a card's price ten wrappers deep).
const PRICED_ITEM_MAX_LEVELS: usize = 10;

/// The roots of priced items inside a product page's content that are not
/// linked cards: at least [`CARD_LIST_MIN`] alike siblings (same tag and
/// first class) that each hold two blocks or more and a price, found from
/// each price up. A carousel of other items with unlinked names.
fn priced_items(dom: &Dom, inside: &[TextBlock]) -> std::collections::HashSet<usize> {
    let starts: Vec<usize> = inside
        .iter()
        .filter(|b| shows_price(&b.text))
        .map(|b| b.start)
        .collect();
    let priced = |n: usize| {
        let first = starts.partition_point(|&s| s < n);
        starts.get(first).is_some_and(|&s| dom.contains(n, s))
    };
    let mut items = std::collections::HashSet::new();
    for b in inside.iter().filter(|b| shows_price(&b.text)) {
        if std::iter::once(b.owner)
            .chain(dom.ancestors(b.owner))
            .any(|a| items.contains(&a))
        {
            continue;
        }
        for a in std::iter::once(b.owner)
            .chain(dom.ancestors(b.owner))
            .take(PRICED_ITEM_MAX_LEVELS)
        {
            let Some(p) = dom.parent(a) else { break };
            let (name, class) = (dom.element_name(a), class_key(dom, a));
            let alike: Vec<usize> = dom
                .children(p)
                .filter(|&c| matches!(dom.kind(c), NodeKind::Element(_)))
                .filter(|&c| dom.element_name(c) == name && class_key(dom, c) == class)
                .filter(|&c| priced(c) && blocks_with_text(inside, dom, c) >= 2)
                .collect();
            if alike.len() >= CARD_LIST_MIN {
                items.extend(alike);
                break;
            }
        }
    }
    items
}

/// A shop grid has at least this many cards ...
const SHOP_GRID_MIN_CARDS: usize = 6;

/// The page's shop grids, the one of the most cards first: lists of at least
/// [`SHOP_GRID_MIN_CARDS`] cards (see [`card_members`]) of which at least
/// half [`shows_price`]. An article's rails of other stories show no
/// prices; a category page lists its items with theirs.
fn shop_grids(dom: &Dom, blocks: &[TextBlock], in_card: &[bool]) -> Vec<usize> {
    // Per list: its cards, and the cards showing a price.
    let mut lists: std::collections::HashMap<usize, (Vec<usize>, usize)> = Default::default();
    let mut last: Option<(usize, bool)> = None;
    for b in blocks.iter().filter(|b| in_card[b.owner]) {
        let Some(card) = std::iter::once(b.owner)
            .chain(dom.ancestors(b.owner))
            .take_while(|&a| in_card[a])
            .last()
        else {
            continue;
        };
        let Some(list) = dom.parent(card) else {
            continue;
        };
        let entry = lists.entry(list).or_default();
        if entry.0.last() != Some(&card) {
            entry.0.push(card);
            last = Some((card, false));
        }
        if shows_price(&b.text) && last.is_some_and(|(c, priced)| c == card && !priced) {
            entry.1 += 1;
            last = Some((card, true));
        }
    }
    let mut grids: Vec<(usize, usize)> = lists
        .into_iter()
        .filter(|(_, (cards, priced))| {
            cards.len() >= SHOP_GRID_MIN_CARDS && 2 * priced >= cards.len()
        })
        .map(|(list, (cards, _))| (list, cards.len()))
        .collect();
    // Most cards first, then document order.
    grids.sort_by_key(|&(list, cards)| (std::cmp::Reverse(cards), list));
    grids.into_iter().map(|(list, _)| list).collect()
}

/// Whether `text` shows a price: a [`CURRENCY_SIGNS`] entry with a digit
/// right before or after it (one space allowed).
fn shows_price(text: &str) -> bool {
    CURRENCY_SIGNS.iter().any(|sign| {
        text.match_indices(sign).any(|(at, _)| {
            let before = text[..at].trim_end_matches(' ');
            let after = text[at + sign.len()..].trim_start_matches(' ');
            before.ends_with(|c: char| c.is_ascii_digit())
                || after.starts_with(|c: char| c.is_ascii_digit())
        })
    })
}

/// Whether the page declares itself a forum thread in its schema.org data:
/// JSON-LD or microdata naming one of [`DISCUSSION_TYPES`]. Its replies are
/// content, not comments under an article. A page declaring a question and
/// its answers ([`QA_PAGE_TYPES`]) whose markup marks no answer (no
/// [`ANSWER_MARKS`] word in a class or `itemprop`) is one too: its answers
/// sit in comment-marked elements.
fn declares_discussion(dom: &Dom) -> bool {
    let declares = |types: &[&str]| {
        let names = |text: &str| types.iter().any(|t| text.contains(t));
        dom.elements(Tag::Script)
            .filter(|&i| dom.attr(i, "type").is_some_and(|t| t.contains("ld+json")))
            .any(|i| dom.children(i).filter_map(|c| dom.text(c)).any(names))
            || (0..dom.len()).any(|i| dom.attr(i, "itemtype").is_some_and(names))
    };
    let marks_answers = || {
        (0..dom.len()).any(|i| {
            ["class", "itemprop"].iter().any(|a| {
                dom.attr(i, a).is_some_and(|v| {
                    let v = v.to_ascii_lowercase();
                    ANSWER_MARKS.iter().any(|m| v.contains(m))
                })
            })
        })
    };
    declares(DISCUSSION_TYPES) || (declares(QA_PAGE_TYPES) && !marks_answers())
}

/// The page's `<main>` (or `role=main`) landmark instead of `root` when the
/// scoring missed what the page itself calls its content: `root` lies outside
/// the landmark (a footer blurb beating a product grid), or inside it with
/// less than the tuning's `landmark_min_share` of its text (one card, one
/// section, one post out of many).
fn widen_to_landmark(
    dom: &Dom,
    blocks: &[TextBlock],
    in_card: &[bool],
    root: usize,
    tuning: &Tuning,
) -> usize {
    // Prose and cards, not raw text: a `<main>` full of menu entries and
    // share labels does not outweigh the article inside it.
    let chars = |n: usize| -> usize {
        blocks_in(dom, blocks, n)
            .filter(|b| {
                in_card[b.owner] || (b.chars >= PROSE_MIN_CHARS && b.link_density() < LINK_DENSE)
            })
            .map(|b| b.chars)
            .sum()
    };
    // The innermost landmark holding `root`, else the first `<main>` with
    // text (an id alone is too weak a claim to jump to).
    let main = match std::iter::once(root)
        .chain(dom.ancestors(root))
        .find(|&m| is_landmark(dom, m, true))
    {
        Some(m) => m,
        None => match (0..dom.len()).find(|&m| is_landmark(dom, m, false) && chars(m) > 0) {
            Some(m) if !dom.contains(root, m) => return m,
            // A container around the landmark adding little prose or cards
            // of its own is the landmark plus the chrome around it (an
            // announcement bar outweighing nothing).
            Some(m) if chars(m) as f32 >= LANDMARK_NARROW_MIN_SHARE * chars(root) as f32 => {
                return m
            }
            _ => return root,
        },
    };
    if main != root && (chars(root) as f32) < tuning.landmark_min_share * chars(main) as f32 {
        main
    } else {
        root
    }
}

/// Whether the `winner` that [`widen_to_landmark`] left for the `landmark`
/// is the page's introduction to it: before the landmark, outside it, and
/// holding the page's first `<h1>`. A category page's title and blurb often
/// sit in a band above the `<main>` holding its items; both are the page.
fn introduces(dom: &Dom, winner: usize, landmark: usize) -> bool {
    winner < landmark
        && !dom.contains(winner, landmark)
        && !dom.contains(landmark, winner)
        && dom
            .elements(Tag::H1)
            .next()
            .is_some_and(|h| dom.contains(winner, h))
}

/// How many ancestors above the winner may hold the article it is one part of.
const PROSE_WIDEN_MAX_LEVELS: usize = 3;

/// An ancestor with this many times the winner's prose is the article the
/// winner is one section of: a list-heavy article (a "massive list" of links
/// between paragraphs) scores below one of its own tables or boxes.
const PROSE_WIDEN_MIN_GAIN: f32 = 4.0;

/// `root` widened, step by step up to [`PROSE_WIDEN_MAX_LEVELS`] ancestors
/// (below `<body>`), to each ancestor holding [`PROSE_WIDEN_MIN_GAIN`] times
/// the prose of the last step, else `root`. A winner with no
/// prose of its own (a table, a box of cards or specs) is one part of its
/// parent: a product's spec table beside its description, a grid under its
/// intro.
fn widen_to_prose(dom: &Dom, blocks: &[TextBlock], in_card: &[bool], root: usize) -> usize {
    let prose = |n: usize| -> usize {
        blocks_in(dom, blocks, n)
            .filter(|b| {
                !in_card[b.owner] && b.chars >= PROSE_MIN_CHARS && b.link_density() < LINK_DENSE
            })
            .map(|b| b.chars - b.link_chars)
            .sum()
    };
    let mut widest = root;
    let mut own = prose(root);
    for a in dom
        .ancestors(root)
        .take(PROSE_WIDEN_MAX_LEVELS)
        .take_while(|&a| !matches!(dom.tag(a), Some(Tag::Body | Tag::Html)))
    {
        let theirs = prose(a);
        // Each step needs the gain over the last one: a table widened to its
        // box widens again to the article around the box.
        if theirs as f32 >= PROSE_WIDEN_MIN_GAIN * own as f32 && (theirs > 0 || widest == root) {
            (widest, own) = (a, theirs);
        }
    }
    widest
}

/// A winner around the page's `<main>` narrows to it when the landmark holds
/// at least this share of the winner's prose and cards: what lies outside
/// is a line of chrome, not a second part of the content.
const LANDMARK_NARROW_MIN_SHARE: f32 = 0.9;

/// How many ancestors above the winner may be the repeated item it belongs
/// to (a card's body inside the card inside its list item).
const ITEM_MAX_DEPTH: usize = 3;

/// An alike sibling counts as another item when it holds at least this share
/// of the winner's text.
const ITEM_MIN_SIZE_OF_WINNER: f32 = 0.25;

/// The list holding `root` instead of `root` when `root` (or one of its
/// nearest ancestors) is one item of a list: one of at least
/// [`CARD_LIST_MIN`] sibling elements with the same tag and class, holding
/// less than [`ITEM_MAX_SHARE_OF_LIST`] of the list's text. A listing, a
/// catalogue or a thread is all of its items; the best-written one alone
/// is not the page.
fn widen_to_item_list(dom: &Dom, blocks: &[TextBlock], root: usize) -> usize {
    let chars = |n: usize| -> usize { blocks_in(dom, blocks, n).map(|b| b.chars).sum() };
    for item in std::iter::once(root)
        .chain(dom.ancestors(root))
        .take(ITEM_MAX_DEPTH + 1)
    {
        let Some(list) = dom.parent(item) else { break };
        let name = dom.element_name(item);
        let class = dom.attr(item, "class");
        // Bare `<div>`s are wrappers of anything; list items and articles
        // are items by their tag, other elements by a shared class.
        let item_like = matches!(dom.tag(item), Some(Tag::Li | Tag::Article))
            || class.is_some_and(|c| !c.trim().is_empty());
        if !item_like {
            continue;
        }
        let own = chars(item) as f32;
        // Alike siblings of comparable size: one-line headlines beside a
        // story are a news ticker, not more of the same content.
        let alike = dom
            .children(list)
            .filter(|&c| dom.element_name(c) == name && dom.attr(c, "class") == class)
            .filter(|&c| chars(c) as f32 >= ITEM_MIN_SIZE_OF_WINNER * own)
            .count();
        if alike >= CARD_LIST_MIN && own < ITEM_MAX_SHARE_OF_LIST * chars(list) as f32 {
            return list;
        }
    }
    root
}

/// Element ids that name the page's main content region where the page has
/// no `<main>`: the skip-link targets of most site templates.
const MAIN_IDS: &[&str] = &[
    "main",
    "main-content",
    "maincontent",
    "content",
    "page-content",
    "primary",
];

/// Whether element `i` is the page's own main-content landmark: `<main>`,
/// `role=main`, or with `by_id` an element whose id is one of [`MAIN_IDS`].
fn is_landmark(dom: &Dom, i: usize, by_id: bool) -> bool {
    dom.tag(i) == Some(Tag::Main)
        || dom.attr(i, "role") == Some("main")
        || (by_id
            && dom
                .attr(i, "id")
                .is_some_and(|id| MAIN_IDS.iter().any(|m| id.eq_ignore_ascii_case(m))))
}

/// Siblings of `root` that score like content themselves: an article split
/// by an inline widget, a service page's sections side by side.
fn content_siblings(dom: &Dom, score: &[f32], root: usize, tuning: &Tuning) -> Vec<usize> {
    let Some(parent) = dom.parent(root).filter(|_| score[root] > 0.0) else {
        return Vec::new();
    };
    let min = (tuning.sibling_min_share * score[root]).max(tuning.sibling_min_score);
    // A page built of `<section>`s (a service page: a hero, the offer, the
    // process, the areas served) is all of them, short ones too; a tuning
    // that takes no siblings takes none of these either.
    let sectioned = dom.tag(root) == Some(Tag::Section) && tuning.sibling_min_share <= 1.0;
    let joins = |c: usize| {
        score[c] >= min
            || (sectioned
                && dom.tag(c) == Some(Tag::Section)
                && score[c] >= SECTION_SIBLING_MIN_SCORE)
    };
    dom.children(parent)
        .filter(|&c| c != root && matches!(dom.kind(c), NodeKind::Element(_)) && joins(c))
        .collect()
}

/// A `<section>` beside a selected `<section>` joins it from this score: a
/// heading and a line of text, more than a bare button row.
const SECTION_SIBLING_MIN_SCORE: f32 = 20.0;

/// The blocks starting inside node `n` (`blocks` in document order): a
/// binary search to the first, then a run.
fn blocks_in<'a>(
    dom: &'a Dom,
    blocks: &'a [TextBlock],
    n: usize,
) -> impl Iterator<Item = &'a TextBlock> + 'a {
    let first = blocks.partition_point(|b| b.start < n);
    blocks[first..]
        .iter()
        .take_while(move |b| dom.contains(n, b.start))
}

/// The highest-scoring element and its score.
fn best_container(
    dom: &Dom,
    blocks: &[TextBlock],
    in_card: &[bool],
    cards_are_content: bool,
    junk_weight: f32,
) -> (Option<(usize, f32)>, Vec<f32>) {
    let mut score = subtree_sums(dom, blocks, |block| {
        // A table of links is a listing's rows when cards are content.
        let table = matches!(block.kind, BlockKind::Table(_));
        let (prose, junk) =
            if cards_are_content && (in_card[block.owner] || block.is_teaser() || table) {
                (block.chars as f32, 0.0)
            } else if in_card[block.owner] {
                (0.0, block.link_chars as f32)
            } else {
                weigh(block)
            };
        prose - junk_weight * junk
    });
    // A content hint raises the hinted container's own score (not its
    // ancestors'): a short article marked as the body beats a longer box.
    let mut words = Words::default();
    for (i, s) in score.iter_mut().enumerate() {
        if *s > 0.0 && has_content_hint(dom, i, &mut words) {
            *s *= 1.0 + CONTENT_HINT_BONUS;
        }
    }
    let mut best: Option<(usize, f32)> = None;
    for (i, &s) in score.iter().enumerate() {
        if matches!(dom.kind(i), NodeKind::Element(_)) && best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    (best, score)
}

/// Per node: inside a card of a card list, i.e. one of at least
/// [`CARD_LIST_MIN`] sibling elements with the same tag and class that each
/// hold a linked headline. Other articles are listed that way (related
/// grids, "More from ..." rails); an article's paragraphs never are.
fn card_members(dom: &Dom, blocks: &[TextBlock]) -> (Vec<bool>, Vec<bool>) {
    let link_chars = subtree_sums(dom, blocks, |b| b.link_chars as u32);
    let text_chars = subtree_sums(dom, blocks, |b| b.chars as u32);
    let mut card = vec![false; dom.len()];
    let mut grid = vec![false; dom.len()];
    let mut groups: Vec<(Option<Tag>, &str, Vec<usize>)> = Vec::new();
    for parent in 0..dom.len() {
        if !matches!(dom.kind(parent), NodeKind::Element(_)) {
            continue;
        }
        groups.clear();
        for child in dom.children(parent) {
            let NodeKind::Element(tag) = dom.kind(child) else {
                continue;
            };
            // A card is mostly its headline link; an article's paragraphs
            // and sections carry far more text than links.
            if matches!(tag, Tag::P | Tag::Tr | Tag::Td | Tag::Option)
                || link_chars[child] < CARD_MIN_LINK_CHARS
                || (link_chars[child] as f32) < CARD_MIN_LINK_SHARE * text_chars[child] as f32
            {
                continue;
            }
            let class = class_key(dom, child);
            match groups
                .iter_mut()
                .find(|(t, c, _)| *t == Some(tag) && *c == class)
            {
                Some((_, _, members)) => members.push(child),
                None => groups.push((Some(tag), class, vec![child])),
            }
        }
        for (tag, _, members) in &groups {
            // List items and table rows repeat by nature; only wrappers of
            // linked headlines with more text are cards.
            if members.len() >= CARD_LIST_MIN && tag.is_some() {
                let headlines = is_headline_grid(*tag, members, &link_chars);
                for &m in members {
                    card[m] = blocks_with_text(blocks, dom, m) >= 2;
                    grid[m] = card[m] || headlines;
                }
            }
        }
    }
    for i in 1..dom.len() {
        if let Some(p) = dom.parent(i) {
            card[i] |= card[p];
            grid[i] |= grid[p];
        }
    }
    (card, grid)
}

/// The part of an element's class that alike items share: its first class
/// name without a digit. Shops add per-item names after it (`product
/// post-2909 instock first`), so the whole attribute tells items apart that
/// are alike, and blog themes put the item's own name first (`post-30149
/// post type-post`). A class made only of numbered names keeps its first.
fn class_key(dom: &Dom, i: usize) -> &str {
    let class = dom.attr(i, "class").unwrap_or("");
    class
        .split_ascii_whitespace()
        .find(|n| !n.contains(|c: char| c.is_ascii_digit()))
        .or_else(|| class.split_ascii_whitespace().next())
        .unwrap_or("")
}

/// A grid of headline-only cards has at least this many ...
const HEADLINE_GRID_MIN: usize = 4;
/// ... whose linked headlines average at least this many chars: whole
/// titles ("Easy Slow-Cooker Pork Ragù"), not menu labels ("World").
const HEADLINE_GRID_MIN_MEAN_CHARS: u32 = 25;

/// Whether alike siblings that are each one linked headline (no summary)
/// are a listing's items: linked wrappers other than list items (a menu's
/// entries), enough of them, with title-long links. They are not scored as
/// prose (a related rail is made the same way), but they are content a
/// landmark holds, like cards.
fn is_headline_grid(tag: Option<Tag>, members: &[usize], link_chars: &[u32]) -> bool {
    if tag == Some(Tag::Li) || members.len() < HEADLINE_GRID_MIN {
        return false;
    }
    let total: u32 = members.iter().map(|&m| link_chars[m]).sum();
    total >= HEADLINE_GRID_MIN_MEAN_CHARS * members.len() as u32
}

/// How many blocks lie inside `node` (stops counting at 2).
fn blocks_with_text(blocks: &[TextBlock], dom: &Dom, node: usize) -> usize {
    let first = blocks.partition_point(|b| b.start < node);
    blocks[first..]
        .iter()
        .take_while(|b| dom.contains(node, b.start))
        .take(2)
        .count()
}

/// Whether element `i` carries a content hint (see `rules::structure::CONTENT_HINTS`).
/// `words` is scratch space, reused from element to element.
fn has_content_hint(dom: &Dom, i: usize, words: &mut Words) -> bool {
    if !matches!(dom.kind(i), NodeKind::Element(_)) {
        return false;
    }
    let by_attr = CONTENT_HINTS.iter().any(|h| {
        h.attr.is_some_and(|(attr, value)| {
            dom.attr(i, attr)
                .is_some_and(|v| v.split_ascii_whitespace().any(|w| w == value))
        })
    });
    if by_attr {
        return true;
    }
    let names = dom
        .attr(i, "class")
        .unwrap_or("")
        .split_ascii_whitespace()
        .chain(dom.attr(i, "id"));
    for name in names {
        words.clear();
        split_words_into(name, words);
        let hinted = CONTENT_HINTS.iter().any(|h| {
            h.attr.is_none()
                && words
                    .windows(h.tokens.len())
                    .any(|win| win.iter().zip(h.tokens).all(|(a, b)| a == b))
        });
        if hinted {
            return true;
        }
    }
    false
}

/// One `low_content` entry per run of outside blocks under the same top-level
/// branch (the child of the nearest ancestor shared with the content).
fn outside_log(
    dom: &Dom,
    blocks: &[TextBlock],
    root: Option<usize>,
    is_inside: &dyn Fn(&TextBlock) -> bool,
) -> Vec<(usize, Removal)> {
    let mut log: Vec<(usize, Removal)> = Vec::new();
    let mut current: Option<(usize, usize, String)> = None;
    for b in blocks {
        let key = match root {
            Some(_) if is_inside(b) => {
                flush(&mut current, &mut log);
                continue;
            }
            Some(r) => branch(dom, b.owner, r),
            None => 0,
        };
        match &mut current {
            Some((k, _, text)) if *k == key => {
                text.push_str(" / ");
                text.push_str(&b.text);
            }
            _ => {
                flush(&mut current, &mut log);
                current = Some((key, b.start, b.text.clone()));
            }
        }
    }
    flush(&mut current, &mut log);
    log
}

fn flush(current: &mut Option<(usize, usize, String)>, log: &mut Vec<(usize, Removal)>) {
    if let Some((_, start, text)) = current.take() {
        log.push((start, removal(Kind::LowContent, "outside-content", &text)));
    }
}

/// The highest ancestor of `node` (or itself) that does not contain `root`.
fn branch(dom: &Dom, node: usize, root: usize) -> usize {
    let mut n = node;
    while let Some(p) = dom.parent(n) {
        if dom.contains(p, root) {
            break;
        }
        n = p;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Metadata;
    use crate::rules::thresholds::BALANCED;

    #[test]
    fn picks_the_prose_container_over_menus_and_link_lists() {
        let para = "<p>".to_string()
            + &"This is a sentence of the real article, with words. ".repeat(3)
            + "</p>";
        let links = "<li><a href=/a>Another headline that is a link</a></li>".repeat(8);
        let html = format!(
            "<body><div id=menu><a href=/>Home</a> <a href=/w>World</a></div>\
             <div id=story>{para}{para}{para}</div><div id=more><ul>{links}</ul></div></body>"
        );
        let dom = Dom::parse(&html);
        let pruned = crate::boilerplate::prune(
            &dom,
            &Metadata::default(),
            crate::rules::compiled::builtin(),
        );
        let (main, log) = select(&dom, &pruned, &BALANCED);
        let main = main.expect("an article");
        assert_eq!(dom.attr(main.root, "id"), Some("story"));
        assert_eq!(main.blocks.len(), 3);
        assert!(log.iter().all(|(_, r)| r.kind == Kind::LowContent));
        assert!(log.iter().any(|(_, r)| r.text.contains("Another headline")));
    }

    #[test]
    fn a_main_landmark_with_a_few_short_items_is_not_an_empty_page() {
        let (dom, main) = select_html(
            "<body><nav><a href=/>Home</a></nav><main id=m><p>Trio</p><p>£42</p></main>\
             <footer><a href=/c>Contact</a></footer></body>",
        );
        let main = main.expect("the landmark's text");
        assert_eq!(dom.attr(main.root, "id"), Some("m"));
        assert!(main.blocks.iter().any(|b| b.text == "Trio"));
        // A landmark of links only stays empty.
        let (_, main) = select_html("<body><main><a href=/a>Another page</a></main></body>");
        assert!(main.is_none());
    }

    #[test]
    fn an_index_page_has_no_article() {
        let links = "<li><a href=/a>Another headline</a></li>".repeat(20);
        let dom = Dom::parse(&format!("<body><ul>{links}</ul></body>"));
        let pruned = crate::boilerplate::prune(
            &dom,
            &Metadata::default(),
            crate::rules::compiled::builtin(),
        );
        assert!(select(&dom, &pruned, &BALANCED).0.is_none());
    }

    fn select_html(html: &str) -> (Dom, Option<MainContent>) {
        let dom = Dom::parse(html);
        let pruned = crate::boilerplate::prune(
            &dom,
            &Metadata::default(),
            crate::rules::compiled::builtin(),
        );
        let (main, _) = select(&dom, &pruned, &BALANCED);
        (dom, main)
    }

    /// A product page: its description, then a list of alike cards (linked
    /// name plus a line), priced when `priced`.
    fn product_with_cards(priced: bool, described: bool, n: usize) -> (Dom, Option<MainContent>) {
        let ld = if described {
            r#"<script type="application/ld+json">{"@type":"Product","name":"Oak desk","offers":{"@type":"Offer","price":"240"}}</script>"#
        } else {
            ""
        };
        let para = "<p>".to_string()
            + &"The desk is made of solid oak with a waxed top and two drawers. ".repeat(4)
            + "</p>";
        let cards: String = (0..n)
            .map(|i| {
                let line = if priced { format!("$1{i}9.00") } else { format!("Seller note {i}") };
                format!(
                    "<div class=card><a href=/i/{i}>Another desk model number {i}</a><p>{line}</p></div>"
                )
            })
            .collect();
        let html = format!(
            "<html><head><meta property=og:type content=product>{ld}</head>\
             <body><main><h1>Oak desk</h1>{para}<div class=rail>{cards}</div></main></body></html>"
        );
        select_product(&html)
    }

    /// Selection on a page whose product-page rules apply.
    fn select_product(html: &str) -> (Dom, Option<MainContent>) {
        let dom = Dom::parse(html);
        let rules = crate::rules::compiled::builtin().clone().on_product_page();
        let pruned = crate::boilerplate::prune(&dom, &Metadata::default(), &rules);
        let (main, _) = select(&dom, &pruned, &BALANCED);
        (dom, main)
    }

    fn has_text(main: &MainContent, needle: &str) -> bool {
        main.blocks.iter().any(|b| b.text.contains(needle))
    }

    #[test]
    fn a_product_page_drops_priced_cards_of_other_items_keeps_unpriced_ones() {
        let (_, main) = product_with_cards(true, true, 4);
        let main = main.expect("the product");
        assert!(has_text(&main, "solid oak"));
        assert!(!has_text(&main, "Another desk model"));
        assert!(!has_text(&main, "$139.00"));
        let (_, main) = product_with_cards(false, true, 4);
        let main = main.expect("the product");
        assert!(has_text(&main, "solid oak"));
        assert!(has_text(&main, "Seller note 2"));
    }

    #[test]
    fn a_product_page_drops_a_carousel_of_unlinked_priced_items() {
        let para = "<p>".to_string()
            + &"The desk is made of solid oak with a waxed top and two drawers. ".repeat(4)
            + "</p>";
        let item = |i: usize| {
            format!(
                "<li><div class=tile><div class=body><h3>Walnut desk model {i}</h3>\
                 <ul><li>Private seller</li><li>${i}9.50</li></ul></div></div></li>"
            )
        };
        let items: String = (0..4).map(item).collect();
        let html = format!(
            "<html><head><script type=\"application/ld+json\">{{\"@type\":\"Product\",\"name\":\"Oak desk\",\
             \"offers\":{{\"@type\":\"Offer\",\"price\":\"240\"}}}}</script></head>\
             <body><main><h1>Oak desk</h1>{para}<p>Price: $240.00</p><ul class=rail>{items}</ul></main></body></html>"
        );
        let main = select_product(&html).1.expect("the product");
        assert!(has_text(&main, "solid oak"));
        assert!(has_text(&main, "$240.00"));
        assert!(!has_text(&main, "Walnut desk model 2"));
        assert!(!has_text(&main, "$29.50"));
    }

    #[test]
    fn a_shop_category_tagged_product_by_og_type_alone_keeps_its_cards() {
        // Mostly cards, no schema.org item: a category page.
        let (_, main) = product_with_cards(true, false, 12);
        assert!(has_text(
            &main.expect("the grid"),
            "Another desk model number 7"
        ));
        // The same page describing its product as an item drops them.
        let (_, main) = product_with_cards(true, true, 12);
        assert!(!has_text(
            &main.expect("the product"),
            "Another desk model number 7"
        ));
    }

    /// A category page: a grid of `n` cards (priced or not) in one box, a
    /// long buying guide in another.
    fn category_page(priced: bool) -> (Dom, Option<MainContent>) {
        let cards: String = (0..8)
            .map(|i| {
                let line = if priced { format!("€{i}4,90") } else { format!("Story {i} of the week") };
                format!("<li class=item><a href=/p/{i}>Ceramic flower pot, size {i}</a><p>{line}</p></li>")
            })
            .collect();
        let guide = "<p>".to_string()
            + &"A pot needs a drainage hole, a saucer and a size a little above the root ball. "
                .repeat(4)
            + "</p>";
        let html = format!(
            "<body><div id=page><div id=grid><ul>{cards}</ul></div>\
             <div id=guide>{guide}{guide}{guide}{guide}</div></div></body>"
        );
        select_html(&html)
    }

    #[test]
    fn a_category_page_keeps_its_priced_grid_beside_its_guide() {
        let (_, main) = category_page(true);
        let main = main.expect("the page");
        assert!(has_text(&main, "Ceramic flower pot, size 5"));
        assert!(has_text(&main, "drainage hole"));
        // Unpriced cards are a rail of other stories: the guide alone.
        let (_, main) = category_page(false);
        let main = main.expect("the guide");
        assert!(!has_text(&main, "Ceramic flower pot, size 5"));
        assert!(has_text(&main, "drainage hole"));
    }

    #[test]
    fn shows_price_needs_a_currency_beside_a_number() {
        assert!(shows_price("$13.40"));
        assert!(shows_price("13,40 €"));
        assert!(shows_price("+ GBP 9.99 delivery"));
        assert!(!shows_price("Save $$$ today"));
        assert!(!shows_price("Model 300 in oak"));
    }

    #[test]
    fn a_winning_table_widens_through_its_box_to_the_article() {
        let sentence = "A sentence of the guide that a reader came for, with some words. ";
        let para = |n: usize| format!("<p>{}</p>", sentence.repeat(n));
        let cells = "<tr><td>Provider with free certificates in many subjects</td>\
                     <td>Four hundred courses and badges on offer</td></tr>"
            .repeat(3);
        let html = format!(
            "<body><div id=article>{}<div id=box><table>{cells}</table>{}</div>{}</div></body>",
            para(2),
            para(14),
            para(60)
        );
        let dom = Dom::parse(&html);
        let blocks = segment(&dom, &vec![false; dom.len()], 0);
        let (in_card, _) = card_members(&dom, &blocks);
        let table = dom.elements(Tag::Table).next().expect("a table");
        // The box holds 4x the table's prose, the article 4x the box's: the
        // table is one part of a box that is one part of the article.
        let root = widen_to_prose(&dom, &blocks, &in_card, table);
        assert_eq!(dom.attr(root, "id"), Some("article"));
    }

    #[test]
    fn a_table_of_links_is_not_the_article_but_a_listing_is_its_table() {
        let para = "<p>".to_string()
            + &"A sentence of the article body that a reader came for, with words. ".repeat(2)
            + "</p>";
        let row = |i: usize| {
            format!(
                "<tr><td><a href=/c{i}>Provider {i} free certificates and badges</a></td>\
                 <td><a href=/l{i}>See the list</a></td></tr>"
            )
        };
        let rows: String = (0..30).map(row).collect();
        // Links inside a data table count as links: the prose beside it wins.
        let (dom, main) = select_html(&format!(
            "<body><div id=story>{para}{para}{para}{para}</div><div id=grid><table>{rows}</table></div></body>"
        ));
        let main = main.expect("the article");
        assert_eq!(dom.attr(main.root, "id"), Some("story"));
        // A page that is only the table (a ranked list, a link index in table
        // form) still gets it as its body.
        let (_, main) = select_html(&format!(
            "<body><div id=grid><table>{rows}</table></div></body>"
        ));
        let main = main.expect("the table");
        assert!(main
            .blocks
            .iter()
            .any(|b| matches!(b.kind, BlockKind::Table(_)) && b.text.contains("Provider 29")));
    }

    #[test]
    fn a_list_heavy_article_is_whole_not_its_best_box() {
        let sentence = "A sentence of the guide that explains the next list of links. ";
        let para = format!("<p>{}</p>", sentence.repeat(2));
        let links = "<a href=/c>A linked course name</a> / ".repeat(25);
        let section = format!("{para}{para}<p class=links>{links}</p>");
        let html = format!(
            "<body><nav><a href=/>Home</a></nav><div id=guide>\
             <div class=box>{para}{para}</div>{}</div></body>",
            section.repeat(4)
        );
        let (dom, main) = select_html(&html);
        let main = main.expect("the guide");
        assert_eq!(dom.attr(main.root, "id"), Some("guide"));
    }

    #[test]
    fn a_listing_keeps_its_cards() {
        let card = "<div class=card><h3><a href=/p>Product name of the card</a></h3>\
                    <p>A short blurb about this product.</p></div>";
        let html = format!(
            "<body><nav><a href=/>Home</a></nav><main><h1>Shoes</h1>{}</main>\
             <footer><p>{}</p></footer></body>",
            card.repeat(6),
            "A long footer blurb about the company and its history, long enough to be prose. "
                .repeat(2)
        );
        let (_, main) = select_html(&html);
        let main = main.expect("the cards");
        let names = main
            .blocks
            .iter()
            .filter(|b| b.text == "Product name of the card")
            .count();
        assert_eq!(names, 6);
        assert!(main.blocks.iter().all(|b| !b.text.contains("footer")));
    }

    #[test]
    fn a_banner_outside_the_landmark_stays_out() {
        let card = |i: usize| {
            format!(
                "<div class=card><h3><a href=/p{i}>Oak bookcase with five shelves, model {i}</a></h3>\
                 <p>Solid oak veneer.</p></div>"
            )
        };
        let cards: String = (1..7).map(card).collect();
        let html = format!(
            "<body><div class=bar>Free delivery on orders over £50</div>\
             <main><h1>Bookcases</h1><div class=grid>{cards}</div></main></body>"
        );
        let (dom, main) = select_html(&html);
        let main = main.expect("the cards");
        assert_eq!(dom.tag(main.root), Some(Tag::Main));
        assert!(main
            .blocks
            .iter()
            .all(|b| !b.text.starts_with("Free delivery")));
    }

    #[test]
    fn a_list_of_entries_is_kept_whole_not_its_longest_entry() {
        let entry = |i: usize| {
            format!(
                "<li><a href=/b{i}>Catalogue of hardware and tools, number {i}</a> \
                 (Chicago, 1916), by the Wrecking Co.</li>"
            )
        };
        let long = "<li><a href=/w>Price wrecker</a> (Chicago, 1916), by the Wrecking Co., \
                    with plans, prices and pictures of houses, barns and every kind of building \
                    supply sold by mail.</li>";
        let entries: String = (1..6).map(entry).collect();
        let html = format!(
            "<body><div id=top><a href=/>Home</a></div><h1>Hardware -- Catalogs</h1>\
             <ul id=entries>{entries}{long}</ul></body>"
        );
        let (dom, main) = select_html(&html);
        let main = main.expect("the entries");
        assert_eq!(dom.attr(main.root, "id"), Some("entries"));
        let catalogues = main
            .blocks
            .iter()
            .filter(|b| b.text.starts_with("Catalogue of hardware"))
            .count();
        assert_eq!(catalogues, 5);
    }

    #[test]
    fn a_landmark_of_headline_cards_is_kept_whole() {
        let card = |i: usize| {
            format!(
                "<a class=card href=/r{i}><div class=card__content>\
                 <span>Slow-cooked tomato sauce, recipe number {i}</span></div></a>"
            )
        };
        let cards: String = (1..9).map(card).collect();
        let html = format!(
            "<body><nav><a href=/>Home</a></nav><main><h1>Tomato Sauce Recipes</h1>\
             <p>Our collection of tomato sauce recipes has something for every dish.</p>\
             <div class=list>{cards}</div></main><footer><p>About us</p></footer></body>"
        );
        let (dom, main) = select_html(&html);
        let main = main.expect("the listing");
        assert_eq!(dom.tag(main.root), Some(Tag::Main));
        let titles = main
            .blocks
            .iter()
            .filter(|b| b.text.starts_with("Slow-cooked tomato sauce"))
            .count();
        assert_eq!(titles, 8);
    }

    #[test]
    fn a_category_intro_above_the_landmark_joins_its_headline_cards() {
        // A blog theme's archive: the title and blurb in a band above the
        // `<main>`, each post a headline whose first class is its own id.
        let card = |i: usize| {
            format!(
                "<article class='post-{i} post type-post entry'><h2><a href=/r{i}>\
                 Crispy baked potato wedges, recipe number {i}</a></h2></article>"
            )
        };
        let cards: String = (1..9).map(card).collect();
        let html = format!(
            "<body><nav><a href=/>Home</a></nav><div class=archive-description><h1>Potato Recipes</h1>\
             <p>Roasted, mashed or fried: these are the potato recipes our readers cook most often, \
             with tips for getting them crisp every time.</p></div>\
             <main>{cards}</main><footer><p>About us</p></footer></body>"
        );
        let (_, main) = select_html(&html);
        let main = main.expect("the listing");
        assert!(has_text(&main, "Roasted, mashed or fried"));
        let titles = main
            .blocks
            .iter()
            .filter(|b| b.text.starts_with("Crispy baked potato"))
            .count();
        assert_eq!(titles, 8);
        assert!(!has_text(&main, "About us"));
    }

    #[test]
    fn shop_cards_with_per_item_class_names_are_cards() {
        let card = |i: usize, state: &str| {
            format!(
                "<li class='product type-product post-{i} {state}'>\
                 <a href=/p{i}><h2>Insulated travel cup, size {i}</h2></a>\
                 <div class=swatches><a href=/p{i}?c=1>Amber</a> <a href=/p{i}?c=2>Blue</a></div>\
                 <span class=price>$2{i}.95</span></li>"
            )
        };
        let cards: String = (1..9)
            .map(|i| {
                card(
                    i,
                    if i % 2 == 0 {
                        "instock"
                    } else {
                        "outofstock first"
                    },
                )
            })
            .collect();
        let html = format!(
            "<body><div id=page><p>Showing all 8 results</p><ul class=products>{cards}</ul></div></body>"
        );
        let (_, main) = select_html(&html);
        let main = main.expect("the cards");
        let names = main
            .blocks
            .iter()
            .filter(|b| b.text.starts_with("Insulated travel cup"))
            .count();
        assert_eq!(names, 8);
    }

    #[test]
    fn a_page_of_sections_keeps_its_short_sections_not_its_link_rows() {
        let prose = "<p>".to_string()
            + &"We deliver, set up and collect the equipment wherever you need it. ".repeat(4)
            + "</p>";
        let items = "<li>Treadmills and ellipticals</li><li>Rowing machines</li>\
                     <li>Exercise bikes</li><li>Power racks</li><li>Cable machines</li>\
                     <li>Dumbbell sets</li><li>Weight benches</li>";
        let links: String = (1..20)
            .map(|i| format!("<a href=/s{i}>Other service {i}</a> "))
            .collect();
        let html = format!(
            "<body><header><a href=/>Home</a></header><div id=page>\
             <section><h2>Equipment rental</h2><p>Flexible rental solutions for homes, \
             studios and events, with delivery.</p></section>\
             <section><h2>How it works</h2>{prose}{prose}</section>\
             <section><h2>Available for rent</h2><ul>{items}</ul></section>\
             <section id=more><h2>Our other services</h2>{links}</section></div></body>"
        );
        let (_, main) = select_html(&html);
        let main = main.expect("the sections");
        let texts: Vec<&str> = main.blocks.iter().map(|b| b.text.as_str()).collect();
        for t in ["Equipment rental", "Rowing machines", "Weight benches"] {
            assert!(texts.contains(&t), "{t} missing from {texts:?}");
        }
        assert!(
            !texts.iter().any(|t| t.contains("Other service")),
            "{texts:?}"
        );
    }

    #[test]
    fn a_story_beside_one_line_headlines_is_not_widened() {
        let story = "<div class=item><p>".to_string()
            + &"The story itself, told in whole sentences with enough words to be prose. "
                .repeat(3)
            + "</p></div>";
        let headline = "<div class=item><a href=/n>Another headline of the day</a></div>";
        let html = format!(
            "<body><div id=ticker>{story}{}</div></body>",
            headline.repeat(6)
        );
        let (dom, main) = select_html(&html);
        let main = main.expect("the story");
        assert_eq!(dom.attr(main.root, "class"), Some("item"));
    }

    #[test]
    fn a_declared_forum_thread_keeps_its_replies_beside_a_long_opening_post() {
        let opening = "<div class=post><p>".to_string()
            + &"I am finishing a degree in IT and wonder whether consulting is worth the hours. "
                .repeat(8)
            + "</p></div>";
        let reply = "<div class=comment><p>".to_string()
            + &"Consultants in my office work long weeks but the weekends stay free. ".repeat(2)
            + "</p></div>";
        let page = |head: &str| {
            format!(
                "<html><head>{head}</head><body><div id=thread>{opening}{}</div></body></html>",
                reply.repeat(3)
            )
        };
        let replies = |html: &str| {
            let (_, main) = select_html(html);
            main.expect("the thread")
                .blocks
                .iter()
                .filter(|b| b.text.starts_with("Consultants in my office"))
                .count()
        };
        let ld =
            r#"<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>"#;
        assert_eq!(replies(&page(ld)), 3);
        // Without the declaration, the long post is an article and the
        // replies are its comments.
        assert_eq!(replies(&page("")), 0);
        // A question page marking no answer has its answers in comment
        // markup; one marking answers has comments under them.
        let qa = r#"<script type="application/ld+json">{"@type": "QAPage"}</script>"#;
        assert_eq!(replies(&page(qa)), 3);
        let answered = page(qa).replace("<div id=thread>", "<div id=thread class=answer>");
        assert_eq!(replies(&answered), 0);
    }

    #[test]
    fn a_thread_of_comment_posts_is_kept() {
        let post = "<div class=comment><p>".to_string()
            + &"I have the same problem with the update and found no way around it. ".repeat(3)
            + "</p></div>";
        let html = format!(
            "<body><h1>Topic</h1><div class=posts>{}</div></body>",
            post.repeat(4)
        );
        let (_, main) = select_html(&html);
        let main = main.expect("the posts");
        let posts = main
            .blocks
            .iter()
            .filter(|b| b.text.contains("same problem"))
            .count();
        assert_eq!(posts, 4);
    }

    #[test]
    fn a_noscript_copy_is_read_when_the_page_is_empty() {
        let para = "<p>".to_string()
            + &"The first post of the thread, as readers without scripts see it. ".repeat(3)
            + "</p>";
        let html = format!(
            "<body><div id=app></div><noscript><div id=posts>{}</div></noscript></body>",
            para.repeat(12)
        );
        let (_, main) = select_html(&html);
        assert_eq!(main.expect("the copy").blocks.len(), 12);
    }
}
