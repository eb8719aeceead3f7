//! [`Cleaner`]: rules compiled once, shared across threads, cleaning many pages.

use std::path::PathBuf;
use std::sync::Arc;

use crate::document::{Document, Explanation};
use crate::error::Error;
use crate::pipeline;
use crate::rules::compiled::{builtin_book, RuleBook};
use crate::rules::thresholds::{Tuning, BALANCED, PRECISION, RECALL};
use crate::rules::user::{SiteRules, UserRules};

/// Default input size limit: larger pages are almost always not articles
/// (data dumps, binary blobs) and would cost memory for nothing.
pub const DEFAULT_MAX_BYTES: usize = 64 * 1024 * 1024;

/// What the input bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputKind {
    /// Decide from the bytes: markup-looking input is HTML, the rest text.
    #[default]
    Auto,
    /// An HTML page.
    Html,
    /// Plain text scraped from a page (one block per line).
    Text,
}

/// One page to clean, with what the caller knows about it.
///
/// ```
/// use deboiler::{Cleaner, Input};
/// let cleaner = Cleaner::new();
/// let page = Input::new(b"<p>Hello</p>").url("https://example.com/a").charset("utf-8");
/// let doc = cleaner.clean_input(&page).unwrap();
/// assert_eq!(doc.url.as_deref(), Some("https://example.com/a"));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) url: Option<&'a str>,
    pub(crate) charset: Option<&'a str>,
    pub(crate) source: Option<&'a str>,
    pub(crate) kind: Option<InputKind>,
}

impl<'a> Input<'a> {
    /// The page's raw bytes.
    pub fn new(bytes: &'a [u8]) -> Self {
        Input {
            bytes,
            url: None,
            charset: None,
            source: None,
            kind: None,
        }
    }
    /// The page's URL.
    pub fn url(mut self, url: &'a str) -> Self {
        self.url = Some(url);
        self
    }
    /// The charset known from outside the page (HTTP header, WARC record).
    pub fn charset(mut self, charset: &'a str) -> Self {
        self.charset = Some(charset);
        self
    }
    /// The input path or record id, echoed as `source`.
    pub fn source(mut self, source: &'a str) -> Self {
        self.source = Some(source);
        self
    }
    /// Overrides the cleaner's input kind for this page.
    pub fn kind(mut self, kind: InputKind) -> Self {
        self.kind = Some(kind);
        self
    }
}

/// What content selection leans towards when a block could be body or
/// chrome. The three settings are rows of one table of thresholds
/// (`rules::thresholds::{PRECISION, BALANCED, RECALL}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Favor {
    /// Less chrome, some body text lost.
    Precision,
    /// The best F1 (the default).
    #[default]
    Balanced,
    /// More body text, some chrome kept.
    Recall,
}

impl Favor {
    /// The thresholds this setting selects.
    pub fn tuning(self) -> &'static Tuning {
        match self {
            Favor::Precision => &PRECISION,
            Favor::Balanced => &BALANCED,
            Favor::Recall => &RECALL,
        }
    }
}

/// Settings a [`Cleaner`] is built with.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    pub max_bytes: usize,
    pub input: InputKind,
    pub favor: Favor,
}

/// Cleans pages. Build it once and share it: it is `Send + Sync` and carries
/// no state between documents.
///
/// ```
/// let cleaner = deboiler::Cleaner::builder().max_bytes(1 << 20).build().unwrap();
/// let doc = cleaner
///     .clean(b"<html><body><article><h1>T</h1><p>One long enough paragraph of article text, \
///              with commas, clauses, and a full stop at the end of it.</p></article></body></html>")
///     .unwrap();
/// assert!(doc.text.contains("One long enough paragraph"));
/// ```
#[derive(Debug)]
pub struct Cleaner {
    pub(crate) options: Options,
    /// Every rule, compiled once; per-page selections cached inside.
    pub(crate) book: Arc<RuleBook>,
}

/// Where user rules come from, read when the cleaner is built.
#[derive(Debug, Clone)]
enum RulesSource {
    Typed(UserRules),
    File(PathBuf),
    Toml(String),
}

/// Builds a [`Cleaner`].
///
/// ```
/// use deboiler::{Cleaner, Kind};
/// let cleaner = Cleaner::builder()
///     .rules_toml(r#"
///         disable = ["cls-sidebar"]
///         [[phrase]]
///         id = "user-shop-the-look"
///         kind = "advertisement"
///         text = "Shop the look"
///     "#)
///     .build()
///     .unwrap();
/// let doc = cleaner.clean(b"<article><p>A paragraph long enough to be the article, \
///     with a clause or two, and a full stop.</p><p>SHOP THE LOOK</p></article>").unwrap();
/// assert!(doc.removed.iter().any(|r| r.rule == "user-shop-the-look" && r.kind == Kind::Advertisement));
/// ```
#[derive(Debug, Clone)]
pub struct CleanerBuilder {
    options: Options,
    rules: Vec<RulesSource>,
}

impl Default for CleanerBuilder {
    fn default() -> Self {
        CleanerBuilder {
            options: Options {
                max_bytes: DEFAULT_MAX_BYTES,
                input: InputKind::Auto,
                favor: Favor::Balanced,
            },
            rules: Vec::new(),
        }
    }
}

impl CleanerBuilder {
    /// Inputs larger than this fail with [`Error::TooLarge`]. Default 64 MiB.
    pub fn max_bytes(mut self, limit: usize) -> Self {
        self.options.max_bytes = limit;
        self
    }

    /// How inputs are interpreted. Default [`InputKind::Auto`].
    pub fn input(mut self, kind: InputKind) -> Self {
        self.options.input = kind;
        self
    }

    /// Whether content selection favours precision, recall, or neither
    /// (the default, [`Favor::Balanced`]).
    pub fn favor(mut self, favor: Favor) -> Self {
        self.options.favor = favor;
        self
    }

    /// Adds user rules (see [`UserRules`]): extra phrases, class/id words and
    /// selectors, and built-in rules to disable, globally or per site.
    pub fn rules(mut self, rules: UserRules) -> Self {
        self.rules.push(RulesSource::Typed(rules));
        self
    }

    /// Adds the rules of a TOML rules file (format: README, "Rules file"),
    /// read when [`build`](Self::build) runs.
    pub fn rules_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.rules.push(RulesSource::File(path.into()));
        self
    }

    /// Adds rules given as TOML text, in the rules-file format.
    pub fn rules_toml(mut self, toml: &str) -> Self {
        self.rules.push(RulesSource::Toml(toml.to_owned()));
        self
    }

    /// Reads and checks the user rules and compiles them with the built-in
    /// ones. Without user rules, the built-in rules compiled once per process
    /// are shared. A bad rules file is an [`Error::RulesFile`] naming the file,
    /// line and problem.
    pub fn build(self) -> Result<Cleaner, Error> {
        let book = if self.rules.is_empty() {
            Arc::clone(builtin_book())
        } else {
            let mut all = UserRules::default();
            for source in self.rules {
                let rules = match source {
                    RulesSource::Typed(r) => r,
                    RulesSource::File(path) => UserRules::from_file(path)?,
                    RulesSource::Toml(text) => UserRules::from_toml(&text)?,
                };
                merge(&mut all, rules);
            }
            all.validate()?;
            Arc::new(RuleBook::compile(all.specs())?)
        };
        Ok(Cleaner {
            options: self.options,
            book,
        })
    }
}

/// Appends `more` to `all`, joining site sections with the same domain.
fn merge(all: &mut UserRules, more: UserRules) {
    all.disable.extend(more.disable);
    all.phrases.extend(more.phrases);
    all.tokens.extend(more.tokens);
    all.selectors.extend(more.selectors);
    for site in more.sites {
        match all
            .sites
            .iter_mut()
            .find(|s| s.domain.eq_ignore_ascii_case(&site.domain))
        {
            Some(s) => {
                let SiteRules {
                    disable,
                    phrases,
                    tokens,
                    selectors,
                    ..
                } = site;
                s.disable.extend(disable);
                s.phrases.extend(phrases);
                s.tokens.extend(tokens);
                s.selectors.extend(selectors);
            }
            None => all.sites.push(site),
        }
    }
}

impl Default for Cleaner {
    fn default() -> Self {
        Cleaner::new()
    }
}

impl Cleaner {
    /// A cleaner with the default settings and built-in rules.
    pub fn new() -> Cleaner {
        Cleaner {
            options: CleanerBuilder::default().options,
            book: Arc::clone(builtin_book()),
        }
    }

    /// Starts a builder.
    pub fn builder() -> CleanerBuilder {
        CleanerBuilder::default()
    }

    /// Cleans one page given as raw bytes (HTML in any encoding, or text).
    pub fn clean(&self, bytes: &[u8]) -> Result<Document, Error> {
        self.clean_input(&Input::new(bytes))
    }

    /// Cleans one page with what the caller knows about it.
    pub fn clean_input(&self, input: &Input<'_>) -> Result<Document, Error> {
        if input.bytes.len() > self.options.max_bytes {
            return Err(Error::TooLarge {
                size: input.bytes.len(),
                limit: self.options.max_bytes,
            });
        }
        Ok(pipeline::run(self, input))
    }

    /// Cleans one page and says why: every kept block and every removal in
    /// document order, the language and site sections the rules were chosen
    /// for, and where each metadata field came from. The document inside is
    /// exactly what [`clean_input`](Self::clean_input) returns.
    pub fn explain(&self, input: &Input<'_>) -> Result<Explanation, Error> {
        if input.bytes.len() > self.options.max_bytes {
            return Err(Error::TooLarge {
                size: input.bytes.len(),
                limit: self.options.max_bytes,
            });
        }
        Ok(pipeline::explain(self, input))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaner_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Cleaner>();
    }

    #[test]
    fn too_large_is_an_error() {
        let cleaner = Cleaner::builder().max_bytes(10).build().unwrap();
        assert!(matches!(
            cleaner.clean(b"01234567890"),
            Err(Error::TooLarge {
                size: 11,
                limit: 10
            })
        ));
    }

    fn clean_with(favor: Favor, html: &str) -> String {
        let cleaner = Cleaner::builder().favor(favor).build().unwrap();
        cleaner.clean(html.as_bytes()).unwrap().text
    }

    const PARA: &str = "<p>The dockworkers returned to the quays on Monday after nine days, \
        and the first ships were unloaded within hours of the agreement being signed.</p>";

    #[test]
    fn favor_recall_keeps_captions_balanced_does_not() {
        let html = format!(
            "<article>{PARA}<figure><img src=a.jpg><figcaption>Cranes idle at the \
             port during the strike</figcaption></figure>{PARA}{PARA}</article>"
        );
        assert!(!clean_with(Favor::Balanced, &html).contains("Cranes idle"));
        assert!(clean_with(Favor::Recall, &html).contains("Cranes idle"));
    }

    #[test]
    fn favor_precision_drops_a_linked_line_balanced_keeps() {
        let html = format!(
            "<article>{PARA}<p>See the <a href=/r>full text of the agreement</a> online.</p>\
             {PARA}{PARA}</article>"
        );
        assert!(clean_with(Favor::Balanced, &html).contains("full text of the agreement"));
        assert!(!clean_with(Favor::Precision, &html).contains("full text of the agreement"));
    }
}
