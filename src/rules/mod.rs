//! DATA ONLY: the built-in rule tables and thresholds.
//!
//! Every rule has a stable kebab-case id, a [`Kind`], what it matches, and a
//! note saying why it exists (and its known false positives). Engines that
//! apply these tables live in the stage modules (`boilerplate`, `text_mode`);
//! [`compiled`] turns the tables into matchers once per [`Cleaner`](crate::Cleaner);
//! [`user`] reads the user's rules file into more rows of the same tables.

pub mod compiled;
pub mod page;
pub mod phrases;
pub mod structure;
pub mod thresholds;
pub mod user;

use crate::document::Kind;

/// Where in the article a phrase rule may fire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// Anywhere.
    Anywhere,
    /// Only in the first blocks of the article (bylines with trailing text).
    Head,
    /// Only in the last blocks of the article (bios, trailing notices).
    Tail,
}

/// A rule on the whole text of a short block or line.
#[derive(Debug, Clone, Copy)]
pub struct PhraseRule {
    /// Stable id.
    pub id: &'static str,
    /// What it removes.
    pub kind: Kind,
    /// Language (ISO 639-1) or `*` for any.
    pub lang: &'static str,
    /// Regular expression over the whitespace-collapsed, trimmed text.
    pub pattern: &'static str,
    /// Texts longer than this (in chars) never match: rules look at short lines.
    pub max_chars: usize,
    /// Where it may fire.
    pub position: Position,
    /// Why.
    pub note: &'static str,
}

/// A rule on class/id words: `tokens` is a word sequence (`["author", "bio"]`)
/// that must appear, in order and adjacent, among the words of one class name
/// or id, where names split into words on `-`, `_` and camelCase. So `related`
/// matches `related-posts` and `relatedPosts` but never `unrelated`.
#[derive(Debug, Clone, Copy)]
pub struct TokenRule {
    /// Stable id.
    pub id: &'static str,
    /// What it removes.
    pub kind: Kind,
    /// The word sequence, lower case.
    pub tokens: &'static [&'static str],
    /// Why, and known false positives.
    pub note: &'static str,
}

/// A rule on an element's tag name.
#[derive(Debug, Clone, Copy)]
pub struct TagRule {
    /// Stable id.
    pub id: &'static str,
    /// What it removes.
    pub kind: Kind,
    /// Lower-case tag name.
    pub tag: &'static str,
    /// Why.
    pub note: &'static str,
}

/// A rule on an element's ARIA `role`.
#[derive(Debug, Clone, Copy)]
pub struct RoleRule {
    /// Stable id.
    pub id: &'static str,
    /// What it removes.
    pub kind: Kind,
    /// The role value.
    pub role: &'static str,
    /// Why.
    pub note: &'static str,
}

/// A rule applied by code with context a table cannot express (the page's
/// metadata, a block's position). Listed here so that every id that can
/// appear in `removed` is declared, documented and unique.
#[derive(Debug, Clone, Copy)]
pub struct ContextRule {
    /// Stable id.
    pub id: &'static str,
    /// What it removes.
    pub kind: Kind,
    /// What the code checks, and why.
    pub note: &'static str,
}

/// A hint that an element holds the article body: class/id word sequences
/// (same whole-word matching as [`TokenRule`]) or an attribute value.
#[derive(Debug, Clone, Copy)]
pub struct ContentHint {
    /// Stable id.
    pub id: &'static str,
    /// The word sequence, lower case; empty when `attr` is used.
    pub tokens: &'static [&'static str],
    /// `(attribute, value)` that marks the body, e.g. `("itemprop", "articleBody")`.
    pub attr: Option<(&'static str, &'static str)>,
    /// Why.
    pub note: &'static str,
}

/// A rule on a CSS selector.
#[derive(Debug, Clone, Copy)]
pub struct SelectorRule {
    /// Stable id.
    pub id: &'static str,
    /// What it removes.
    pub kind: Kind,
    /// A CSS selector (see [`crate::parse::Selector`] for the dialect).
    pub selector: &'static str,
    /// Why.
    pub note: &'static str,
}
