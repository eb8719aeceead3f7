//! Named thresholds, each with the reason for its value.

/// Phrase rules only look at texts up to this many chars: boilerplate lines
/// are short, and article paragraphs that happen to start with "See also" are long.
pub const MAX_PHRASE_CHARS: usize = 400;

/// A text block at least this long (chars) counts as prose when its link
/// density is low: shorter blocks are headings, labels and menu entries.
pub const PROSE_MIN_CHARS: usize = 80;

/// Link density (link chars / chars) at or above which a block is link text,
/// not prose: menus and related lists are mostly links.
pub const LINK_DENSE: f32 = 0.5;

/// Link density below which a long block counts as prose.
pub const PROSE_MAX_LINK_DENSITY: f32 = 0.3;

/// A structural rule never removes a node holding more than this share of the
/// page's prose: a `sidebar` or `share` token on a wrapper must not take the
/// article with it.
pub const GUARD_PROSE_SHARE: f32 = 0.5;

/// ... unless that prose is tiny anyway (below this many chars).
pub const GUARD_MIN_PROSE: usize = 400;

/// How many final blocks of the article count as its tail, where bios and
/// trailing notices sit.
pub const TAIL_BLOCKS: usize = 4;

/// Removal texts longer than this are shortened in the log.
pub const MAX_LOGGED_CHARS: usize = 300;

/// Weight of junk text (links, link-dense blocks) against prose when scoring a
/// container: 1.0 means one char of junk cancels one char of prose.
pub const JUNK_WEIGHT: f32 = 1.0;

/// Short blocks (under [`PROSE_MIN_CHARS`]) count this fraction of their
/// length as prose: headings and short paragraphs belong to articles too.
pub const SHORT_BLOCK_WEIGHT: f32 = 0.3;

/// A `<noscript>` holding at least this much markup (bytes) may be the page's
/// content for readers without scripts; smaller ones hold tracking pixels and
/// "please enable JavaScript" notes.
pub const NOSCRIPT_MIN_CHARS: usize = 2000;

/// One rung of the content-selection ladder: which removals it undoes before
/// scoring the page again.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// Stable id.
    pub id: &'static str,
    /// Removal kinds whose subtrees this policy puts back.
    pub restore: &'static [crate::document::Kind],
    /// Whether cards of card lists and teasers count as prose, not links.
    pub cards: bool,
    /// An attempt scoring at least this is kept without trying the next rung.
    pub accept: f32,
    /// Why the rung exists.
    pub note: &'static str,
}

/// Selection policies from strict to lenient, tried in order: the first
/// attempt reaching its `accept` score is kept, else the best-scoring one.
#[rustfmt::skip]
pub const LADDER: &[Policy] = &[
    Policy { id: "strict", restore: &[], cards: false, accept: 400.0, note: "every boilerplate rule applies: articles, documentation, most pages" },
    Policy { id: "thread", restore: &[crate::document::Kind::Comments], cards: false, accept: 400.0, note: "forum software marks every post, the first too, as a comment: when the page has no article outside them, the posts are the content" },
    Policy { id: "cards", restore: &[crate::document::Kind::Caption], cards: true, accept: 0.0, note: "a page without an article may be a listing: its cards and teasers are the content, not links away" },
];

/// The best-scoring container must hold at least this share of the text in
/// the page's `<main>` landmark, else the whole landmark is the content:
/// listings, collections, service pages and threads spread it over many
/// cards, sections or posts, none of which alone is the page.
pub const LANDMARK_MIN_SHARE_OF_MAIN: f32 = 0.5;

/// Cards (repeated siblings with a linked headline) holding at least this
/// share of the selected content's text make it a card page, whose cards are
/// kept whole: below it, a card grid inside an article is a related rail.
pub const CARD_PAGE_MIN_SHARE: f32 = 0.4;

/// A soft structural rule (a word page builders also use for content blocks)
/// spares an element holding at least this many chars of prose: two or three
/// sentences, more than a sidebar box's blurb.
pub const SOFT_RULE_MAX_PROSE: usize = 200;

/// ... on pages where at least this many elements holding that much prose
/// match the soft rule: a page builder's blocks, not one donation box.
pub const SOFT_RULE_MIN_HOLDERS: usize = 3;

/// A sibling of the selected container joins it when it scores at least this
/// (a few sentences of prose) ...
pub const SIBLING_MIN_SCORE: f32 = 150.0;

/// ... and at least this share of the container's own score: a related box
/// with a blurb stays out, a second section of the same page comes in.
pub const SIBLING_MIN_SHARE: f32 = 0.25;

/// The selected container, when it is one of several alike siblings (same
/// tag and class), is one item of a list if it holds less than this share of
/// the list's text: the list is the content (a listing's entries, a thread's
/// posts), not its longest entry.
pub const ITEM_MAX_SHARE_OF_LIST: f32 = 0.5;

/// Which link-dense blocks inside the selected body the refine pass drops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkDenseDrop {
    /// Those after the last prose block and those next to another
    /// link-dense block (a menu row, a list of links), not a lone linked line.
    TailAndRuns,
    /// Every one: a linked line between paragraphs goes too.
    All,
    /// Only those after the last prose block.
    Tail,
}

/// How content selection and the refine pass trade precision against recall
/// (`--favor`, `CleanerBuilder::favor`): [`BALANCED`] by default, or the
/// stricter [`PRECISION`] or the more lenient [`RECALL`].
#[derive(Debug, Clone, Copy)]
pub struct Tuning {
    /// Stable id (the `--favor` value).
    pub id: &'static str,
    /// Weight of junk against prose when scoring a container (see [`JUNK_WEIGHT`]).
    pub junk_weight: f32,
    /// The selected container widens to the `<main>` landmark when it holds
    /// less than this share of it (see [`LANDMARK_MIN_SHARE_OF_MAIN`]); 0 never widens.
    pub landmark_min_share: f32,
    /// Siblings join the container from this share of its score (see
    /// [`SIBLING_MIN_SHARE`]); above 1 none do.
    pub sibling_min_share: f32,
    /// ... and from this score (see [`SIBLING_MIN_SCORE`]).
    pub sibling_min_score: f32,
    /// Removal kinds put back before content selection, on every rung.
    pub restore: &'static [crate::document::Kind],
    /// Which link-dense blocks the refine pass drops from the body.
    pub link_dense: LinkDenseDrop,
    /// Why.
    pub note: &'static str,
}

/// The default: the thresholds above as they are.
pub const BALANCED: Tuning = Tuning {
    id: "balanced",
    junk_weight: JUNK_WEIGHT,
    landmark_min_share: LANDMARK_MIN_SHARE_OF_MAIN,
    sibling_min_share: SIBLING_MIN_SHARE,
    sibling_min_score: SIBLING_MIN_SCORE,
    restore: &[],
    link_dense: LinkDenseDrop::TailAndRuns,
    note: "the best F1 on the development sets",
};

/// Less chrome, at the cost of some body text: junk weighs more, the
/// container never widens to its landmark nor takes its siblings, and every
/// link-dense line goes.
pub const PRECISION: Tuning = Tuning {
    id: "precision",
    junk_weight: 1.5,
    landmark_min_share: 0.0,
    sibling_min_share: 2.0,
    sibling_min_score: SIBLING_MIN_SCORE,
    restore: &[],
    link_dense: LinkDenseDrop::All,
    note: "for corpora where a stray menu line costs more than a lost paragraph",
};

/// More body text, at the cost of some chrome: junk weighs less, the
/// container widens to its landmark more readily and takes smaller
/// siblings, captions stay, and link-dense lines go only after the body.
pub const RECALL: Tuning = Tuning {
    id: "recall",
    junk_weight: 0.7,
    landmark_min_share: 0.8,
    sibling_min_share: 0.1,
    sibling_min_score: 60.0,
    restore: &[crate::document::Kind::Caption],
    link_dense: LinkDenseDrop::Tail,
    note: "for corpora where a lost paragraph costs more than a stray menu line",
};
