//! Refine pass over the selected article's blocks (HTML) or lines (text).
//!
//! These rules need what the page-wide passes do not know: where the article
//! starts and ends (bylines sit at its head, bios at its tail) and the page's
//! metadata (the title to drop, the author names to recognise).

use crate::blocks::TextBlock;
use crate::document::{BlockKind, Kind, Metadata, Removal};
use crate::rules::compiled::{CompiledRules, Hit, Place};
use crate::rules::structure::PRODUCT_REPEATED_BLOCK;
use crate::rules::thresholds::{LinkDenseDrop, Tuning, LINK_DENSE, PROSE_MIN_CHARS, TAIL_BLOCKS};

/// A dek repeats the page description and is at most this long (chars).
const DEK_MAX_CHARS: usize = 400;
/// Descriptions shorter than this are labels, not deks.
const DEK_MIN_CHARS: usize = 30;
/// How many first blocks count as the article's head (title, byline, date).
const HEAD_BLOCKS: usize = 6;
/// A byline block is at most this much longer than the names it holds
/// ("By", a date, a role).
const BYLINE_SLACK_CHARS: usize = 45;
/// A body whose text is at least this share link text is a list of links
/// (an index page, a listing), and its link-dense blocks are kept.
const LINK_BODY_MIN_SHARE: f32 = 0.5;
/// A link box between paragraphs ("Read: <headline>") is at most this long.
const LINK_BOX_MAX_CHARS: usize = 220;
/// ... and nearly all link.
const LINK_BOX_MIN_DENSITY: f32 = 0.85;

const DEK: Hit = Hit {
    kind: Kind::TitleRepeat,
    id: "dek-description",
};
const PAGE_URL: Hit = Hit {
    kind: Kind::Share,
    id: "share-page-url",
};
const TITLE_REPEAT: Hit = Hit {
    kind: Kind::TitleRepeat,
    id: "title-repeat",
};
const BYLINE_AUTHOR: Hit = Hit {
    kind: Kind::Byline,
    id: "byline-author-name",
};
const BIO_AUTHOR: Hit = Hit {
    kind: Kind::AuthorBio,
    id: "bio-author-name",
};
const LINK_BOX: Hit = Hit {
    kind: Kind::SeeAlso,
    id: "see-also-link-box",
};
const LINK_DENSE_HIT: Hit = Hit {
    kind: Kind::LowContent,
    id: "link-dense",
};
const REPEATED_PHRASE: Hit = Hit {
    kind: Kind::LowContent,
    id: "repeated-phrase",
};

const PRODUCT_REPEAT: Hit = Hit {
    kind: Kind::LowContent,
    id: PRODUCT_REPEATED_BLOCK,
};
/// A product page's block repeated from an earlier one is dropped from this
/// many words on: a short label ("Add to cart", a size) repeats by design.
const PRODUCT_REPEAT_MIN_WORDS: usize = 6;

/// A block that is one phrase said this many times or more is a ticker (a
/// marquee of "Book Now * Book Now * ...", a logo strip's names looped for
/// scrolling), not prose.
const TICKER_MIN_REPEATS: usize = 4;
/// The shortest repeated unit of a ticker looked for (bytes of its start).
const TICKER_PROBE_BYTES: usize = 6;

/// Splits `blocks` into the kept ones and logged removals (keyed by `start`).
pub fn refine(
    blocks: Vec<TextBlock>,
    metadata: &Metadata,
    rules: &CompiledRules,
    tuning: &Tuning,
) -> (Vec<TextBlock>, Vec<(usize, Removal)>) {
    let title = metadata
        .title
        .as_deref()
        .map(normalize)
        .filter(|t| !t.is_empty());
    let description = metadata
        .description
        .as_deref()
        .map(|d| normalize(d.trim_end_matches(['.', '…'])))
        .filter(|d| d.chars().count() >= DEK_MIN_CHARS);
    let authors: Vec<String> = metadata
        .authors
        .iter()
        .map(|a| normalize(a))
        .filter(|a| a.len() >= 3)
        .collect();
    let blocks: Vec<TextBlock> = blocks.into_iter().map(read_once).collect();
    let n = blocks.len();
    let last_prose = blocks
        .iter()
        .rposition(|b| b.chars >= PROSE_MIN_CHARS && b.link_density() < LINK_DENSE)
        .unwrap_or(n);
    // A body that is mostly links (an index, a list of items) was chosen as
    // such by content selection: its links are its content.
    let total_chars: usize = blocks.iter().map(|b| b.chars).sum();
    let link_chars: usize = blocks.iter().map(|b| b.link_chars).sum();
    let link_body = link_chars as f32 >= LINK_BODY_MIN_SHARE * total_chars as f32;
    let mut verdicts: Vec<Option<Hit>> = vec![None; n];
    for (i, block) in blocks.iter().enumerate() {
        let place = Place {
            head: i < HEAD_BLOCKS,
            tail: i + TAIL_BLOCKS >= n || i > last_prose,
        };
        // Normalized only when a test below needs it: most blocks are
        // paragraphs in the middle of the article, which no test compares.
        let norm_cell = std::cell::OnceCell::new();
        let norm = || norm_cell.get_or_init(|| normalize(&block.text)).as_str();
        let is_title = match (&title, &block.kind) {
            (Some(t), _)
                if (place.head || matches!(block.kind, BlockKind::Heading(_))) && norm() == t =>
            {
                true
            }
            (Some(t), BlockKind::Heading(_)) if place.head && norm().len() >= 20 => {
                t.starts_with(norm()) || norm().starts_with(t.as_str())
            }
            (_, BlockKind::Heading(1)) => place.head,
            _ => false,
        };
        // Only a dek set as a heading: many sites copy their first paragraph
        // into the description, and that paragraph is the article.
        let is_dek = place.head
            && matches!(block.kind, BlockKind::Heading(_))
            && i + 1 < n
            && block.chars <= DEK_MAX_CHARS
            && description.as_deref().is_some_and(|d| norm() == d);
        let is_page_url = metadata
            .canonical_url
            .as_deref()
            .is_some_and(|u| same_url(u, &block.text));
        verdicts[i] = if is_page_url {
            Some(PAGE_URL)
        } else if is_title {
            Some(TITLE_REPEAT)
        } else if is_dek {
            Some(DEK)
        } else if (place.head || place.tail)
            && !authors.is_empty()
            && is_author_line(norm(), block.chars, &authors)
        {
            Some(BYLINE_AUTHOR)
        } else if let Some(hit) = rules.classify_at(&block.text, place) {
            Some(hit)
        } else if let Some(hit) = unjudged_phrase(rules, block, tuning)
            .filter(|h| !super::phrases::numbers_a_step(&blocks, i, *h))
        {
            Some(hit)
        } else if place.tail
            && block.chars >= 60
            && !authors.is_empty()
            && starts_with_author_bio(norm(), &authors)
        {
            Some(BIO_AUTHOR)
        } else if is_link_box(&blocks, i) {
            Some(LINK_BOX)
        } else if !matches!(block.kind, BlockKind::Code | BlockKind::Table(_))
            && is_ticker(&block.text)
        {
            Some(REPEATED_PHRASE)
        } else if block.link_density() >= LINK_DENSE
            && !link_body
            && !matches!(block.kind, BlockKind::Heading(_))
            && match tuning.link_dense {
                LinkDenseDrop::TailAndRuns => i > last_prose || neighbour_link_dense(&blocks, i),
                LinkDenseDrop::All => true,
                LinkDenseDrop::Tail => i > last_prose,
            }
        {
            Some(LINK_DENSE_HIT)
        } else {
            None
        };
    }
    if rules.is_product_page() {
        drop_repeated_blocks(&blocks, &mut verdicts);
    }
    let mut kept = Vec::with_capacity(n);
    let mut removed = Vec::new();
    for (block, verdict) in blocks.into_iter().zip(verdicts) {
        match verdict {
            Some(hit) => removed.push((block.start, super::removal(hit.kind, hit.id, &block.text))),
            None => kept.push(block),
        }
    }
    (kept, removed)
}

/// On a product page, marks each kept block (of [`PRODUCT_REPEAT_MIN_WORDS`]
/// words or more) equal to an earlier kept one: a shop prints the short
/// description beside the price and again atop the description tab, the
/// same note under every variant. Readers read it once.
fn drop_repeated_blocks(blocks: &[TextBlock], verdicts: &mut [Option<Hit>]) {
    let mut seen = std::collections::HashSet::new();
    for (block, verdict) in blocks.iter().zip(verdicts.iter_mut()) {
        if verdict.is_some() || matches!(block.kind, BlockKind::Code) {
            continue;
        }
        let norm = normalize(&block.text);
        if norm.split(' ').count() >= PRODUCT_REPEAT_MIN_WORDS && !seen.insert(norm) {
            *verdict = Some(PRODUCT_REPEAT);
        }
    }
}

/// `block` with its text read once when it is one text printed twice
/// ([`doubled_half`]): a visible label beside its screen-reader copy
/// ("EUR 163.12EUR 163.12", "Seller's other items Seller's other items").
fn read_once(mut block: TextBlock) -> TextBlock {
    if let Some(half) = doubled_half(&block.text) {
        block.text = half.to_owned();
        block.chars /= 2;
        block.link_chars /= 2;
        block.lead_link_chars /= 2;
    }
    block
}

/// A doubled text's half is at least this many bytes ("Contacts", a price).
const DOUBLED_MIN_BYTES: usize = 4;
/// A half repeated after a space is at least this many words: "Leong Leong"
/// and "Talk Talk" are names, "Sale ends soon Sale ends soon" is a doubled label.
const DOUBLED_SPACED_MIN_WORDS: usize = 3;

/// The first half of `text` when `text` is that half twice: glued ("GBP
/// 0.00GBP 0.00") or, for a half of [`DOUBLED_SPACED_MIN_WORDS`] words with
/// a letter, after a space.
fn doubled_half(text: &str) -> Option<&str> {
    let n = text.len();
    let glued = text
        .get(..n / 2)
        .filter(|h| n % 2 == 0 && h.len() >= DOUBLED_MIN_BYTES && text.get(n / 2..) == Some(*h));
    if glued.is_some() {
        return glued;
    }
    let half = text.get(..n / 2)?;
    (n % 2 == 1
        && text.get(n / 2..=n / 2) == Some(" ")
        && text.get(n / 2 + 1..) == Some(half)
        && half.split_whitespace().count() >= DOUBLED_SPACED_MIN_WORDS
        && half.chars().any(char::is_alphabetic))
    .then_some(half)
}

/// Whether `text` is one phrase repeated [`TICKER_MIN_REPEATS`] times or
/// more: it equals itself shifted by the phrase's length.
fn is_ticker(text: &str) -> bool {
    let n = text.len();
    let Some(probe) = text.get(..TICKER_PROBE_BYTES) else {
        return false;
    };
    // The first repeat of the opening bytes, within the first quarter.
    let second = text.char_indices().nth(1).map_or(n, |(at, _)| at);
    // Looked for in the first quarter only: most paragraphs never repeat
    // their opening, and the scan stays short.
    let mut limit = (n / TICKER_MIN_REPEATS + TICKER_PROBE_BYTES).min(n);
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let Some(period) = text
        .get(second..limit)
        .and_then(|head| head.find(probe))
        .map(|at| at + second)
        .filter(|&p| p * TICKER_MIN_REPEATS <= n)
    else {
        return false;
    };
    // Words, not a rule of dashes or a star rating.
    let unit_has_words = text
        .get(..period)
        .is_some_and(|u| u.chars().any(char::is_alphabetic));
    match (text.get(..n - period), text.get(period..)) {
        (Some(a), Some(b)) => unit_has_words && a == b,
        _ => false,
    }
}

/// The anywhere-phrase rule matching a block the page-wide phrase pass never
/// saw: it lay inside a subtree removed before that pass (a forum's posts,
/// marked as comments) that content selection put back. Blocks the pass did
/// judge cannot match again; kinds the tuning keeps are not judged.
fn unjudged_phrase(rules: &CompiledRules, block: &TextBlock, tuning: &Tuning) -> Option<Hit> {
    rules
        .classify_text(&block.text)
        .filter(|hit| !tuning.restore.contains(&hit.kind))
}

/// Whether two URLs name the same page, ignoring scheme and a final slash.
fn same_url(a: &str, b: &str) -> bool {
    let strip = |u: &str| {
        let u = u.trim();
        let u = u.split_once("://").map_or(u, |(_, rest)| rest);
        u.trim_end_matches('/').to_ascii_lowercase()
    };
    !b.contains(char::is_whitespace) && strip(a) == strip(b)
}

/// Lower-case letters and digits only, single spaces: "By Jane Doe |" → "by jane doe".
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            // ASCII without the case-mapping iterator.
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

fn is_author_line(norm: &str, chars: usize, authors: &[String]) -> bool {
    if authors.is_empty() || !authors.iter().any(|a| norm.contains(a.as_str())) {
        return false;
    }
    let names: usize = authors
        .iter()
        .filter(|a| norm.contains(a.as_str()))
        .map(|a| a.chars().count())
        .sum();
    chars <= names + BYLINE_SLACK_CHARS
}

fn starts_with_author_bio(norm: &str, authors: &[String]) -> bool {
    const BIO_STARTS: [&str; 8] = [
        " a ", " an ", " is ", " was ", " has ", " writes ", " covers ", " the ",
    ];
    authors.iter().any(|a| {
        norm.strip_prefix(a.as_str())
            .is_some_and(|rest| BIO_STARTS.iter().any(|w| rest.starts_with(w)))
    })
}

/// A short all-link paragraph sitting between two prose blocks.
fn is_link_box(blocks: &[TextBlock], i: usize) -> bool {
    let b = &blocks[i];
    if b.kind != BlockKind::Paragraph
        || b.chars > LINK_BOX_MAX_CHARS
        || b.link_density() < LINK_BOX_MIN_DENSITY
    {
        return false;
    }
    let prose = |x: &TextBlock| x.chars >= PROSE_MIN_CHARS && x.link_density() < LINK_DENSE;
    blocks[..i].iter().any(prose) && blocks[i + 1..].iter().any(prose)
}

fn neighbour_link_dense(blocks: &[TextBlock], i: usize) -> bool {
    let dense = |x: &TextBlock| x.link_density() >= LINK_DENSE;
    (i > 0 && dense(&blocks[i - 1])) || blocks.get(i + 1).is_some_and(dense)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::thresholds::BALANCED;

    #[test]
    fn a_label_printed_twice_reads_once_names_and_numbers_stay() {
        assert_eq!(doubled_half("EUR 163.12EUR 163.12"), Some("EUR 163.12"));
        assert_eq!(
            doubled_half("Seller's other items Seller's other items"),
            Some("Seller's other items")
        );
        assert_eq!(doubled_half("Leong Leong"), None);
        assert_eq!(doubled_half("0 1 2 3 ... 0 1 2 3 ..."), None);
        assert_eq!(doubled_half("A sentence of the article."), None);
        let (kept, _) = refine(
            vec![block("GBP 0.00GBP 0.00", BlockKind::Paragraph, 0, 1)],
            &Metadata::default(),
            crate::rules::compiled::builtin(),
            &BALANCED,
        );
        assert_eq!(kept[0].text, "GBP 0.00");
    }

    fn block(text: &str, kind: BlockKind, link_chars: usize, start: usize) -> TextBlock {
        TextBlock {
            owner: 0,
            start,
            stop: start + 1,
            kind,
            text: text.into(),
            chars: text.chars().count(),
            link_chars,
            lead_link_chars: 0,
        }
    }

    #[test]
    fn a_product_page_reads_a_repeated_description_once() {
        let short = "A strappy dress in three flowing layers of hemp, with a side zip.";
        let blocks = || {
            vec![
                block(short, BlockKind::Paragraph, 0, 0),
                block("Size: S", BlockKind::Paragraph, 0, 1),
                block("Description", BlockKind::Heading(2), 0, 2),
                block(short, BlockKind::Paragraph, 0, 3),
                block("Size: S", BlockKind::Paragraph, 0, 4),
            ]
        };
        let rules = crate::rules::compiled::builtin().clone();
        let product = rules.clone().on_product_page();
        let (kept, removed) = refine(blocks(), &Metadata::default(), &product, &BALANCED);
        let rules_hit: Vec<&str> = removed.iter().map(|(_, r)| r.rule.as_str()).collect();
        assert_eq!(rules_hit, [PRODUCT_REPEATED_BLOCK], "{removed:?}");
        // The short label repeats; the first copy of the text stays.
        assert_eq!(kept.len(), 4);
        assert_eq!(kept[0].text, short);
        // Other pages keep what they repeat.
        let (kept, _) = refine(blocks(), &Metadata::default(), &rules, &BALANCED);
        assert_eq!(kept.len(), 5);
    }

    #[test]
    fn title_author_and_bio_are_removed_with_their_kinds() {
        let prose =
            "A paragraph of the article, long enough to be prose, with several clauses in it.";
        let blocks = vec![
            block("Port strike ends", BlockKind::Heading(1), 0, 0),
            block("Jane Doe", BlockKind::Paragraph, 0, 1),
            block(prose, BlockKind::Paragraph, 0, 2),
            block(prose, BlockKind::Paragraph, 0, 3),
            block(
                "Jane Doe covers labour and the docks for the paper since 2019, from Hamburg.",
                BlockKind::Paragraph,
                0,
                4,
            ),
        ];
        let metadata = Metadata {
            title: Some("Port strike ends".into()),
            authors: vec!["Jane Doe".into()],
            ..Metadata::default()
        };
        let (kept, removed) = refine(
            blocks,
            &metadata,
            crate::rules::compiled::builtin(),
            &BALANCED,
        );
        assert_eq!(kept.len(), 2);
        let kinds: Vec<Kind> = removed.iter().map(|(_, r)| r.kind).collect();
        assert_eq!(
            kinds,
            vec![Kind::TitleRepeat, Kind::Byline, Kind::AuthorBio]
        );
    }

    #[test]
    fn a_ticker_of_one_phrase_goes_prose_with_repeats_stays() {
        assert!(is_ticker(&"Book Now *".repeat(40)));
        assert!(is_ticker(
            "Free shipping · Free shipping · Free shipping · Free shipping · Free"
        ));
        assert!(!is_ticker("Book Now *Book Now *Book Now"));
        assert!(!is_ticker(
            "Row, row, row your boat, gently down the stream. Merrily, merrily, merrily, merrily, life is but a dream."
        ));
        assert!(!is_ticker("na na na na na na na na, hey hey hey, goodbye"));
        assert!(!is_ticker("★★★★★"));
        assert!(!is_ticker(&"=".repeat(40)));
        let blocks = vec![
            block(
                "The port reopened on Monday after nine days, and the first ships were unloaded by noon.",
                BlockKind::Paragraph,
                0,
                0,
            ),
            block(&"Book Now *".repeat(30), BlockKind::Paragraph, 0, 1),
        ];
        let (kept, removed) = refine(
            blocks,
            &Metadata::default(),
            crate::rules::compiled::builtin(),
            &BALANCED,
        );
        assert_eq!(kept.len(), 1);
        assert_eq!(removed[0].1.rule, "repeated-phrase");
    }

    #[test]
    fn a_sentence_naming_the_author_is_kept() {
        let text = "Critics said Jane Doe had been right about the strike all along, and the union agreed.";
        let blocks = vec![block(text, BlockKind::Paragraph, 0, 0)];
        let metadata = Metadata {
            authors: vec!["Jane Doe".into()],
            ..Metadata::default()
        };
        let (kept, _) = refine(
            blocks,
            &metadata,
            crate::rules::compiled::builtin(),
            &BALANCED,
        );
        assert_eq!(kept.len(), 1);
    }

    #[test]
    fn chrome_inside_restored_posts_is_judged_here() {
        let prose = "A paragraph of the post, long enough to be prose, with several clauses in it.";
        let blocks = vec![
            block(prose, BlockKind::Paragraph, 0, 0),
            block(
                "permalink",
                BlockKind::ListItem {
                    ordered: false,
                    depth: 0,
                },
                9,
                1,
            ),
            block("Posts: 4032", BlockKind::Paragraph, 0, 2),
            block(prose, BlockKind::Paragraph, 0, 3),
        ];
        let (kept, removed) = refine(
            blocks,
            &Metadata::default(),
            crate::rules::compiled::builtin(),
            &crate::rules::thresholds::BALANCED,
        );
        assert_eq!(kept.len(), 2);
        let rules: Vec<&str> = removed.iter().map(|(_, r)| r.rule.as_str()).collect();
        assert_eq!(rules, vec!["forum-post-actions", "forum-poster-stat"]);
    }

    #[test]
    fn link_box_between_paragraphs_is_see_also() {
        let prose =
            "A paragraph of the article, long enough to be prose, with several clauses in it.";
        let blocks = vec![
            block(prose, BlockKind::Paragraph, 0, 0),
            block(prose, BlockKind::Paragraph, 0, 1),
            block("Headline of another story", BlockKind::Paragraph, 25, 2),
            block(prose, BlockKind::Paragraph, 0, 3),
            block(prose, BlockKind::Paragraph, 0, 4),
            block(prose, BlockKind::Paragraph, 0, 5),
            block(prose, BlockKind::Paragraph, 0, 6),
        ];
        let (kept, removed) = refine(
            blocks,
            &Metadata::default(),
            crate::rules::compiled::builtin(),
            &BALANCED,
        );
        assert_eq!(kept.len(), 6);
        assert_eq!(removed[0].1.kind, Kind::SeeAlso);
    }
}
