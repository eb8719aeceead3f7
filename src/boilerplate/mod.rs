//! Boilerplate stage: Dom + &Metadata → [`Pruned`] (+ the removal log).
//!
//! Two passes over the page, then one over the selected article:
//! 1. [`structure`]: elements removed by tag, ARIA role, class/id words and
//!    selectors, guarded so that no rule takes the article with it.
//! 2. [`phrases`]: short text blocks removed by the whole-line phrase rules
//!    ("Share this article", "See also: ...", "By Jane Doe").
//! 3. [`refine`] (after content selection, also used by text mode): rules
//!    that need the article's extent or the metadata: the repeated title, the
//!    author's name, bios in the tail, link boxes between paragraphs.
//!
//! Invariants: the DOM is never mutated (removals are a mask by node index);
//! every removal is logged with its kind and rule id; the log is in document
//! order once the pipeline sorts it by node.

pub mod phrases;
pub mod refine;
pub mod structure;

use crate::document::{Kind, Metadata, Removal};
use crate::parse::Dom;
use crate::rules::compiled::{CompiledRules, Hit};
use crate::rules::thresholds::MAX_LOGGED_CHARS;

/// The page with boilerplate marked.
#[derive(Debug)]
pub struct Pruned {
    /// Per node: the root of a removed subtree (descendants are not marked).
    pub removed: Vec<bool>,
    /// Removals with the node (or line) they start at, for ordering.
    pub log: Vec<(usize, Removal)>,
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
    let _ = metadata;
    let mut pruned = Pruned {
        removed: vec![false; dom.len()],
        log: Vec::new(),
    };
    structure::prune(dom, rules, &mut pruned);
    phrases::prune(dom, rules, &mut pruned);
    pruned
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
