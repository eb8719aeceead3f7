//! Boilerplate stage: Dom + &Metadata → [`Pruned`] (+ the removal log).
//!
//! Two passes over the page, then one over the selected article:
//! 1. [`structure`]: elements removed by tag, ARIA role, class/id words and
//!    selectors, guarded so that no rule takes the article with it.
//! 2. [`phrases`]: short text blocks removed by the whole-line phrase rules
//!    ("Share this article", "See also: ...", "By Jane Doe").
//!    [`twins`]: the second copy of a block laid out once per screen size.
//! 3. [`refine`] (after content selection, also used by text mode): rules
//!    that need the article's extent or the metadata: the repeated title, the
//!    author's name, bios in the tail, link boxes between paragraphs.
//!
//! Invariants: the DOM is never mutated (removals are a mask by node index);
//! every removal is logged with its kind and rule id; the log is in document
//! order once the pipeline sorts it by node.
//!
//! A page that renders its content with scripts and keeps a copy for readers
//! without them inside `<noscript>` (forum software does) has that copy parsed
//! and pruned too ([`Pruned::noscript`]); content selection weighs both.

pub mod phrases;
pub mod posts;
pub mod refine;
pub mod structure;
pub mod twins;

use crate::document::{Kind, Metadata, Removal};
use crate::parse::Dom;
use crate::rules::compiled::{CompiledRules, Hit};
use crate::rules::thresholds::{MAX_LOGGED_CHARS, NOSCRIPT_MIN_CHARS};

/// The page with boilerplate marked.
#[derive(Debug)]
pub struct Pruned {
    /// Per node: the root of a removed subtree (descendants are not marked).
    pub removed: Vec<bool>,
    /// Removals with the node (or line) they start at, for ordering.
    pub log: Vec<(usize, Removal)>,
    /// The largest `<noscript>` copy of the page, parsed and pruned, if any.
    pub noscript: Option<Box<NoscriptPage>>,
    /// Whether the page declares one product (its rules applied): its
    /// reviews, removed as comments, are never content.
    pub product_page: bool,
}

/// The markup a page shows readers without scripts, parsed on its own.
pub struct NoscriptPage {
    /// The `<noscript>` element in the outer page.
    pub at: usize,
    /// Its content, parsed as a document.
    pub dom: Dom,
    /// Its boilerplate.
    pub pruned: Pruned,
}

impl std::fmt::Debug for NoscriptPage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NoscriptPage")
            .field("at", &self.at)
            .field("nodes", &self.dom.len())
            .field("pruned", &self.pruned)
            .finish()
    }
}

impl Pruned {
    pub(crate) fn remove(&mut self, node: usize, hit: Hit, text: &str) {
        if let Some(slot) = self.removed.get_mut(node) {
            *slot = true;
        }
        self.log.push((node, removal(hit.kind, hit.id, text)));
    }
}

/// Marks the page's boilerplate.
pub fn prune(dom: &Dom, metadata: &Metadata, rules: &CompiledRules) -> Pruned {
    let mut pruned = Pruned {
        removed: vec![false; dom.len()],
        log: Vec::new(),
        noscript: None,
        product_page: rules.is_product_page(),
    };
    structure::prune(dom, rules, &mut pruned);
    phrases::prune(dom, rules, &mut pruned);
    twins::prune(dom, &mut pruned);
    pruned.noscript = noscript_page(dom, metadata, rules);
    pruned
}

/// The page's `<noscript>` copy ([`Dom::noscript_copy`] of at least
/// [`NOSCRIPT_MIN_CHARS`]), parsed and pruned.
fn noscript_page(
    dom: &Dom,
    metadata: &Metadata,
    rules: &CompiledRules,
) -> Option<Box<NoscriptPage>> {
    let (at, markup) = dom.noscript_copy(NOSCRIPT_MIN_CHARS)?;
    let inner = Dom::parse(markup);
    // A nested <noscript> cannot hold another copy: no recursion.
    let mut pruned = Pruned {
        removed: vec![false; inner.len()],
        log: Vec::new(),
        noscript: None,
        product_page: rules.is_product_page(),
    };
    structure::prune(&inner, rules, &mut pruned);
    phrases::prune(&inner, rules, &mut pruned);
    let _ = metadata;
    Some(Box::new(NoscriptPage {
        at,
        dom: inner,
        pruned,
    }))
}

/// A log entry, its text shortened to [`MAX_LOGGED_CHARS`].
pub(crate) fn removal(kind: Kind, rule: &str, text: &str) -> Removal {
    let text = text.trim();
    let text = match text.char_indices().nth(MAX_LOGGED_CHARS) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_owned(),
    };
    Removal {
        kind,
        rule: rule.to_owned(),
        text,
    }
}

/// The removal log of page `html` pruned with the built-in rules, for tests
/// of the page-wide passes.
#[cfg(test)]
pub(crate) fn removals_of(html: &str) -> Vec<Removal> {
    let dom = Dom::parse(html);
    let pruned = prune(
        &dom,
        &Metadata::default(),
        crate::rules::compiled::builtin(),
    );
    pruned.log.into_iter().map(|(_, r)| r).collect()
}
