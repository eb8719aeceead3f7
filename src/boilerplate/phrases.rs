//! Phrase pass: short text blocks judged by the phrase rules.
//!
//! Each block is judged on its whole text, so "Share this article" goes while
//! "The council will share its findings" stays. Only rules that may fire
//! anywhere run here; head and tail rules need the article's extent and run
//! in [`refine`](super::refine).

use super::Pruned;
use crate::blocks::{segment, subtree_sums, TextBlock};
use crate::document::Kind;
use crate::parse::Dom;
use crate::parse::Tag;
use crate::rules::compiled::{CompiledRules, Hit};
use crate::rules::thresholds::{GUARD_PROSE_SHARE, LINK_DENSE};

use super::structure::visible_text;

/// A widget box (share row, newsletter box, cookie banner) holds at most this
/// many chars: more, and the container is page content, not a widget.
const BOX_MAX_CHARS: u32 = 500;
/// A "see also" box holds a headline, maybe a teaser line.
const SEE_ALSO_BOX_MAX_CHARS: u32 = 300;
/// Author boxes hold a bio paragraph or two.
const BIO_BOX_MAX_CHARS: u32 = 1200;
/// Rules whose match is a lone token, not part of a widget: a counter or a
/// URL sits in a share bar as often as beside a step of the article; a
/// "Quantity" label sits beside the price and the description; a "Get
/// started" button closes a service card as often as a sign-up box; a
/// shop's "Recently viewed" heading sits in the box of the product's title
/// and price (its rail of headlines goes with it all the same).
const NO_BOX: &[&str] = &[
    "share-counter",
    "shop-controls",
    "cta-button",
    "related-shop-heading",
];
/// Rules whose match is a label whose value sits in the next element
/// ("Joined" then "Mar 2019" in a definition list): they take the smallest
/// element around both, up to [`PAIR_BOX_MAX_CHARS`].
const LABEL_RULES: &[&str] = &["forum-poster-stat"];
/// Rules whose match is one bare number: a counter, unless it numbers steps.
const NUMBER_RULES: &[&str] = &["bare-counter"];
/// How many blocks on either side of a bare number are searched for the
/// number before or after it: a step's text lies between two numbers.
const STEP_WINDOW_BLOCKS: usize = 12;

/// Whether `hit`, matched on block `at`, is a bare-number rule matching a
/// step's number (see [`counts_up`]): then it stays.
pub(super) fn numbers_a_step(blocks: &[TextBlock], at: usize, hit: Hit) -> bool {
    NUMBER_RULES.contains(&hit.id) && counts_up(blocks, at)
}

/// Whether the bare number in block `at` numbers steps: the nearest other
/// bare number before it is one less, or the nearest after it one more
/// (1, 2, 3 down a recipe; a vote count beside its post follows no order).
fn counts_up(blocks: &[TextBlock], at: usize) -> bool {
    let value = |b: &TextBlock| {
        (b.chars <= 5 && b.text.bytes().all(|c| c.is_ascii_digit()))
            .then(|| b.text.parse::<u32>().ok())
            .flatten()
    };
    let Some(v) = value(&blocks[at]) else {
        return false;
    };
    let before = blocks[at.saturating_sub(STEP_WINDOW_BLOCKS)..at]
        .iter()
        .rev()
        .find_map(value);
    let after = blocks
        .iter()
        .skip(at + 1)
        .take(STEP_WINDOW_BLOCKS)
        .find_map(value);
    before.is_some_and(|b| b.checked_add(1) == Some(v))
        || after.is_some_and(|a| v.checked_add(1) == Some(a))
}

/// A label and its value ("Reaction score 401") are this short.
const PAIR_BOX_MAX_CHARS: u32 = 40;
/// Rules whose match is a section heading, heading what follows it.
const SECTION_HEADINGS: &[&str] = &["comments-heading", "product-reviews-heading"];
/// A section heading heads a section only after this share of the page's
/// prose (the article) has gone by. Related headings are not section
/// headings: a "Trending:" rail above an article passes this test too.
const SECTION_MIN_PROSE_BEFORE: f32 = 0.25;
/// A widget box never holds more than this share of the page's prose.
const BOX_MAX_PROSE_SHARE: f32 = 0.3;

/// How many following link-dense blocks a "Related" heading takes with it.
const RELATED_LIST_MAX_BLOCKS: usize = 24;
/// A related item's summary under its linked headline is at most this long.
const RELATED_SUMMARY_MAX_CHARS: usize = 300;

pub(super) fn prune(dom: &Dom, rules: &CompiledRules, pruned: &mut Pruned) {
    let blocks = segment(dom, &pruned.removed, 0);
    // Boxes are measured with the comments in: on a forum thread the posts
    // are the content (see the selection ladder), and the box holding the
    // thread's title and posts is no widget. Comment rules themselves (a
    // comments heading taking its section) measure what is left.
    let mut with_comments = pruned.removed.clone();
    let mut restored = false;
    for (node, r) in &pruned.log {
        if r.kind == Kind::Comments {
            if let Some(slot) = with_comments.get_mut(*node) {
                restored |= std::mem::replace(slot, false);
            }
        }
    }
    let sizes = Sizes::new(dom, &blocks);
    let sizes_with_comments = restored.then(|| Sizes::new(dom, &segment(dom, &with_comments, 0)));
    let mut i = 0;
    while i < blocks.len() {
        let block = &blocks[i];
        i += 1;
        if block.chars > rules.max_phrase_chars() {
            continue;
        }
        let Some(hit) = rules.classify_text(&block.text) else {
            continue;
        };
        if numbers_a_step(&blocks, i - 1, hit) {
            continue;
        }
        let box_sizes = match &sizes_with_comments {
            Some(with) if hit.kind != Kind::Comments => with,
            _ => &sizes,
        };
        if let Some(boxed) = enclosing_box(dom, box_sizes, &blocks, i - 1, hit) {
            if !pruned.removed[boxed] {
                pruned.remove(boxed, hit, &visible_text(dom, boxed));
            }
            while i < blocks.len() && dom.contains(boxed, blocks[i].start) {
                i += 1;
            }
            continue;
        }
        remove_block(dom, pruned, block);
        pruned
            .log
            .push((block.start, super::removal(hit.kind, hit.id, &block.text)));
        // A "Related" or "Read more" heading heads a list of linked
        // headlines, each maybe followed by a one-paragraph summary.
        if matches!(hit.kind, Kind::Related | Kind::SeeAlso) {
            let mut taken = 0;
            let mut after_headline = false;
            while i < blocks.len() && taken < RELATED_LIST_MAX_BLOCKS {
                let b = &blocks[i];
                let headline =
                    b.link_density() >= LINK_DENSE && b.chars <= rules.max_phrase_chars();
                let summary =
                    after_headline && b.link_chars == 0 && b.chars <= RELATED_SUMMARY_MAX_CHARS;
                if !headline && !summary {
                    break;
                }
                remove_block(dom, pruned, b);
                pruned
                    .log
                    .push((b.start, super::removal(hit.kind, hit.id, &b.text)));
                after_headline = headline;
                i += 1;
                taken += 1;
            }
        }
    }
}

/// Visible chars and prose chars under each node, after the structural pass.
struct Sizes {
    chars: Vec<u32>,
    prose: Vec<u32>,
}

impl Sizes {
    fn new(dom: &Dom, blocks: &[TextBlock]) -> Sizes {
        Sizes {
            chars: subtree_sums(dom, blocks, |b| b.chars as u32),
            prose: subtree_sums(
                dom,
                blocks,
                |b| if b.is_prose() { b.chars as u32 } else { 0 },
            ),
        }
    }
}

/// The element a matched block takes with it.
///
/// A section heading ("Related articles", "Comments") that follows the
/// article heads everything after it in its section: it takes the largest
/// element that starts with it. Any other match takes the largest small
/// element around it that is still a widget: a share prompt its button row,
/// a "reader-supported" line its donation box. `None` when the block stands
/// alone in a large container.
fn enclosing_box(
    dom: &Dom,
    sizes: &Sizes,
    blocks: &[TextBlock],
    at: usize,
    hit: Hit,
) -> Option<usize> {
    let block = &blocks[at];
    let total_prose = sizes.prose.first().copied().unwrap_or(0) as f32;
    if NO_BOX.contains(&hit.id) {
        return None;
    }
    let section = SECTION_HEADINGS.contains(&hit.id);
    let (limit, prose_cap) = if section {
        // A heading above the article (a "0 Comments" link in its meta line,
        // a "Trending" rail) heads nothing.
        let before: u32 = blocks[..at]
            .iter()
            .filter(|b| b.is_prose())
            .map(|b| b.chars as u32)
            .sum();
        if before == 0 || (before as f32) < SECTION_MIN_PROSE_BEFORE * total_prose {
            return None;
        }
        (
            u32::MAX,
            GUARD_PROSE_SHARE.max(1.0 - before as f32 / total_prose.max(1.0)) * total_prose,
        )
    } else {
        let limit = match hit.kind {
            _ if LABEL_RULES.contains(&hit.id) => PAIR_BOX_MAX_CHARS,
            Kind::Share
            | Kind::Newsletter
            | Kind::Related
            | Kind::CookieNotice
            | Kind::Advertisement => BOX_MAX_CHARS,
            Kind::SeeAlso => SEE_ALSO_BOX_MAX_CHARS,
            Kind::AuthorBio => BIO_BOX_MAX_CHARS,
            _ => return None,
        };
        (limit, BOX_MAX_PROSE_SHARE * total_prose)
    };
    let mut node = block.owner;
    let mut found = None;
    loop {
        let stop_tags: &[Tag] = if section {
            &[Tag::Body, Tag::Html, Tag::Main]
        } else {
            &[Tag::Body, Tag::Html, Tag::Main, Tag::Article]
        };
        if dom.tag(node).is_none_or(|t| stop_tags.contains(&t)) {
            break;
        }
        if sizes.chars[node] > limit || sizes.prose[node] as f32 > prose_cap {
            break;
        }
        // A table cell of a page laid out in a table (old forum software:
        // one cell per post) is a part of the page, never a widget's box.
        if !section && matches!(dom.tag(node), Some(Tag::Td | Tag::Th)) {
            break;
        }
        // A section starts at its heading: an element with prose before the
        // heading is the article around it.
        if section && prose_before(dom, blocks, at, node) {
            break;
        }
        found = Some(node);
        match dom.parent(node) {
            Some(p) => node = p,
            None => break,
        }
    }
    found
}

/// Whether `node` holds a prose block before block `at`.
fn prose_before(dom: &Dom, blocks: &[TextBlock], at: usize, node: usize) -> bool {
    blocks[..at]
        .iter()
        .rev()
        .take_while(|b| dom.contains(node, b.start))
        .any(TextBlock::is_prose)
}

/// Marks the nodes of one block removed: its owner when the block is all the
/// owner holds, else the maximal subtrees inside the block's node range.
pub(crate) fn remove_block(dom: &Dom, pruned: &mut Pruned, block: &TextBlock) {
    let owner_only = block.start > block.owner
        && !(block.owner + 1..block.start)
            .any(|j| dom.text(j).is_some_and(|t| !t.trim().is_empty()))
        && !(block.stop..dom.end(block.owner))
            .any(|j| dom.text(j).is_some_and(|t| !t.trim().is_empty()));
    if owner_only
        && block.owner != 0
        && dom
            .tag(block.owner)
            .is_some_and(|t| !matches!(t, crate::parse::Tag::Body | crate::parse::Tag::Html))
    {
        pruned.removed[block.owner] = true;
        return;
    }
    let mut j = block.start;
    while j < block.stop {
        if dom.end(j) <= block.stop {
            pruned.removed[j] = true;
            j = dom.end(j);
        } else {
            j += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Metadata;
    use crate::parse::Dom;

    /// The texts of the blocks left after the page-wide passes.
    fn kept_texts(html: &str) -> Vec<String> {
        let dom = Dom::parse(html);
        let pruned = super::super::prune(
            &dom,
            &Metadata::default(),
            crate::rules::compiled::builtin(),
        );
        crate::blocks::segment(&dom, &pruned.removed, 0)
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    #[test]
    fn vote_counts_go_step_numbers_stay() {
        let answer = "<div class=answer><div class=votes>14</div>\
                      <p>Swap the fuse before you touch the wiring.</p></div>";
        let texts = kept_texts(&format!(
            "<body>{answer}{}</body>",
            answer.replace("14", "3")
        ));
        assert!(texts.iter().all(|t| t != "14" && t != "3"), "{texts:?}");
        let steps = "<body><div>1</div><p>Soak the beans overnight.</p>\
                     <div>2</div><p>Simmer them for an hour.</p></body>";
        let texts = kept_texts(steps);
        assert!(
            texts.contains(&"1".to_string()) && texts.contains(&"2".to_string()),
            "{texts:?}"
        );
    }

    #[test]
    fn a_share_button_in_a_posts_table_cell_leaves_the_post() {
        let post = |text: &str| {
            format!(
                "<tr><td><div class=post>{text}</div><div class=buttons><span>Share</span></div></td></tr>"
            )
        };
        let long = "The opening post of the thread, long enough to outweigh every reply below it. "
            .repeat(8);
        let reply = "A short reply that says the library runs on every kind of processor.";
        let html = format!(
            "<body><table><tbody>{}{}</tbody></table></body>",
            post(&long),
            post(reply)
        );
        let texts = kept_texts(&html);
        assert!(texts.iter().any(|t| t == reply), "{texts:?}");
        assert!(texts.iter().all(|t| t != "Share"), "{texts:?}");
        // The same row in a div takes its small box.
        let texts = kept_texts(&format!(
            "<body><p>{long}</p><div class=row><p>Liked it?</p><span>Share</span></div></body>"
        ));
        assert!(texts.iter().all(|t| t != "Liked it?"), "{texts:?}");
    }

    #[test]
    fn a_poster_statistic_label_takes_its_value_with_it() {
        let html = "<body><div class=post><dl><dt>Joined</dt><dd>Mar 2019</dd></dl>\
                    <dl><dt>Messages</dt><dd>1,204</dd></dl>\
                    <p>Four or five hours of sun is not hopeless for tumbling tomatoes.</p></div></body>";
        let texts = kept_texts(html);
        assert_eq!(
            texts,
            vec!["Four or five hours of sun is not hopeless for tumbling tomatoes.".to_string()]
        );
    }

    #[test]
    fn a_reviews_heading_takes_its_section_on_a_product_page_only() {
        let para = "<p>".to_string()
            + &"The planter is cut from western red cedar and oiled by hand before it ships. "
                .repeat(3)
            + "</p>";
        let review = "<div><p>Held up all winter on our balcony, no cracks at all.</p></div>";
        let html = format!(
            "<body><main><div>{para}{para}</div><div><h2>Customer Reviews (3)</h2>{}</div></main></body>",
            review.repeat(3)
        );
        let texts = |rules: &crate::rules::compiled::CompiledRules| {
            let dom = Dom::parse(&html);
            let pruned = super::super::prune(&dom, &Metadata::default(), rules);
            crate::blocks::segment(&dom, &pruned.removed, 0)
                .into_iter()
                .map(|b| b.text)
                .collect::<Vec<_>>()
        };
        let builtin = crate::rules::compiled::builtin();
        let product = texts(&builtin.clone().on_product_page());
        assert_eq!(product.len(), 2, "{product:?}");
        assert!(product.iter().all(|t| t.starts_with("The planter")));
        assert_eq!(texts(builtin).len(), 6);
    }

    #[test]
    fn a_shop_rail_heading_takes_its_tiles_not_the_title_beside_it() {
        let tile = |name: &str| format!("<div><a href=/p><h3>{name}</h3></a><p>£9.50</p></div>");
        let html = format!(
            "<body><div class=top><h1>Cedar planter</h1><p>£84.00</p>\
             <h2>Recently viewed</h2>{}{}</div>\
             <p>Cut from western red cedar grown in Scotland and joined with stainless screws.</p></body>",
            tile("Peat-free potting mix"),
            tile("Ash-handled hand trowel")
        );
        let texts = kept_texts(&html);
        assert_eq!(
            texts,
            [
                "Cedar planter",
                "£84.00",
                "Cut from western red cedar grown in Scotland and joined with stainless screws."
            ]
        );
    }

    #[test]
    fn a_collection_grid_loses_its_sort_controls_and_result_count() {
        let html = "<body><div class=toolbar><span>Filter &amp; Sort</span>\
                    <p>Showing 24 of 291 results</p><p>Trending Searches</p></div>\
                    <div><h3>Linen duvet cover</h3><p>$129.00</p></div></body>";
        assert_eq!(kept_texts(html), ["Linen duvet cover", "$129.00"]);
    }

    #[test]
    fn a_call_to_action_goes_alone_its_service_card_stays() {
        let html = "<body><div class=card><h3>Boiler repair</h3>\
                    <p>Same-day repairs for every make, with parts in the van.</p>\
                    <a class=button href=/book>Book now</a></div></body>";
        let texts = kept_texts(html);
        assert_eq!(
            texts,
            [
                "Boiler repair",
                "Same-day repairs for every make, with parts in the van."
            ]
        );
    }
}
