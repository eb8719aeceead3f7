//! The output of cleaning one page: metadata, body, and the removal log.
//!
//! Field names of [`Document`] are the public JSON contract (DESIGN.md §3).

use serde::Serialize;

/// Whether an article was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// An article body was found.
    Ok,
    /// No article was found (an index page, a login wall); metadata is still set.
    Empty,
    /// The record could not be processed (batch mode only).
    Error,
}

/// The kind of a removed piece of boilerplate. Names are stable: they appear
/// in JSON output, snapshots and user rule files.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// "By Jane Doe", author lines.
    Byline,
    /// "13 min read".
    ReadingTime,
    /// The headline repeated inside the body.
    TitleRepeat,
    /// Inline "See also / Read more / Also read" links between paragraphs.
    SeeAlso,
    /// Blocks and grids of other articles.
    Related,
    /// Share bars, "Share this article", "Follow us on ...".
    Share,
    /// Subscribe / sign-up / paywall prompts.
    Newsletter,
    /// Author biographies.
    AuthorBio,
    /// Wire and auto-generated feed notices.
    Syndication,
    /// Cookie and consent banners.
    CookieNotice,
    /// Ads and "Advertisement" labels.
    Advertisement,
    /// Comment lists and comment forms.
    Comments,
    /// Menus, breadcrumbs, pagination, skip links.
    Navigation,
    /// Page footers.
    Footer,
    /// "Tags:", "Filed under", category lists.
    Taxonomy,
    /// Image captions and photo credits.
    Caption,
    /// Dropped by content selection without a specific rule.
    LowContent,
}

impl Kind {
    /// Every kind, in declaration order.
    pub const ALL: [Kind; 17] = [
        Kind::Byline,
        Kind::ReadingTime,
        Kind::TitleRepeat,
        Kind::SeeAlso,
        Kind::Related,
        Kind::Share,
        Kind::Newsletter,
        Kind::AuthorBio,
        Kind::Syndication,
        Kind::CookieNotice,
        Kind::Advertisement,
        Kind::Comments,
        Kind::Navigation,
        Kind::Footer,
        Kind::Taxonomy,
        Kind::Caption,
        Kind::LowContent,
    ];

    /// The stable snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Byline => "byline",
            Kind::ReadingTime => "reading_time",
            Kind::TitleRepeat => "title_repeat",
            Kind::SeeAlso => "see_also",
            Kind::Related => "related",
            Kind::Share => "share",
            Kind::Newsletter => "newsletter",
            Kind::AuthorBio => "author_bio",
            Kind::Syndication => "syndication",
            Kind::CookieNotice => "cookie_notice",
            Kind::Advertisement => "advertisement",
            Kind::Comments => "comments",
            Kind::Navigation => "navigation",
            Kind::Footer => "footer",
            Kind::Taxonomy => "taxonomy",
            Kind::Caption => "caption",
            Kind::LowContent => "low_content",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One removed piece of the page, with the rule that removed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removal {
    /// What kind of boilerplate it was.
    pub kind: Kind,
    /// The stable id of the rule that fired (for example `phrase-see-also`).
    pub rule: String,
    /// The removed text, whitespace-collapsed (long texts are shortened).
    pub text: String,
}

/// Page metadata. Every field is optional; absent values serialize as `null`
/// (or `[]` for lists).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Metadata {
    /// Headline, without " | Site name" suffixes.
    pub title: Option<String>,
    /// People who wrote the article, without "By".
    pub authors: Vec<String>,
    /// ISO 8601 date or date-time.
    pub date_published: Option<String>,
    /// ISO 8601 date or date-time.
    pub date_modified: Option<String>,
    /// Name of the publication.
    pub site_name: Option<String>,
    /// Summary or dek.
    pub description: Option<String>,
    /// BCP 47 language tag.
    pub language: Option<String>,
    /// The page's canonical URL.
    pub canonical_url: Option<String>,
    /// Lead image URL.
    pub image: Option<String>,
    /// Keywords and categories.
    pub tags: Vec<String>,
    /// Reading time stated by the page.
    pub reading_time_minutes: Option<u32>,
}

/// The structural role of one block of body text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// A paragraph of prose.
    Paragraph,
    /// A heading, level 1–6.
    Heading(u8),
    /// A list item; `ordered` lists number their items; `depth` 0 is top level.
    ListItem {
        /// Numbered list.
        ordered: bool,
        /// Nesting depth, 0 for a top-level list.
        depth: u8,
    },
    /// A quotation.
    Quote,
    /// Preformatted text or code, whitespace kept.
    Code,
    /// A table; each row a list of cells.
    Table(Vec<Vec<String>>),
}

/// One block of the cleaned body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its text: whitespace-collapsed, except for [`BlockKind::Code`]. For a
    /// table, the rows joined by newlines, cells by spaces.
    pub text: String,
}

/// The result of cleaning one page.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// `ok` or `empty` (or `error` in batch mode).
    pub status: Status,
    /// Input path or record id, when known.
    pub source: Option<String>,
    /// The page URL, when known.
    pub url: Option<String>,
    /// Page metadata (flattened into the top-level JSON object).
    #[serde(flatten)]
    pub metadata: Metadata,
    /// Name of the encoding the input was decoded with (`UTF-8`, `windows-1252`, ...).
    pub encoding: String,
    /// The article body: blocks separated by a blank line.
    pub text: String,
    /// What was removed, in document order.
    pub removed: Vec<Removal>,
    /// The body as structured blocks, for the Markdown and HTML renderers.
    #[serde(skip)]
    pub blocks: Vec<Block>,
}

/// What happened to one block of the page, for [`Explanation`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Kept in the article, as this kind of block.
    Kept(BlockKind),
    /// Removed by a rule.
    Removed {
        /// What kind of boilerplate it was.
        kind: Kind,
        /// The id of the rule that fired.
        rule: String,
    },
}

/// One block of the page (kept) or one removal, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    /// Document order key: the node (HTML) or line (text) the block starts at.
    pub order: usize,
    /// Kept or removed, and why.
    pub verdict: Verdict,
    /// The block's text (removals: as logged, shortened when long).
    pub text: String,
}

/// Why a page came out as it did: every kept block and every removal in
/// document order, the language and site sections the rules were selected
/// for, and where each metadata field came from. Built by
/// [`Cleaner::explain`](crate::Cleaner::explain); not part of the JSON output.
#[derive(Debug, Clone)]
pub struct Explanation {
    /// The cleaned document, exactly as [`Cleaner::clean_input`](crate::Cleaner::clean_input) returns it.
    pub document: Document,
    /// Kept blocks and removals, in document order.
    pub entries: Vec<Explained>,
    /// The language whose phrase tables applied (`None`: all of them).
    pub language: Option<String>,
    /// Where that language came from: `declared`, `detected, confidence 0.93` or `unknown`.
    pub language_source: String,
    /// The domains of the user site sections that applied.
    pub sites: Vec<String>,
    /// For each metadata field with a value, the source that won
    /// (`json-ld-article`, `open-graph`, `html-lang`, ...).
    pub metadata_sources: Vec<(&'static str, String)>,
}
