//! Boilerplate stage (placeholder while the real one lands).
use crate::document::Metadata;
use crate::parse::Dom;
use crate::rules::compiled::CompiledRules;

/// Nodes removed from the page.
#[derive(Debug, Default)]
pub struct Pruned {
    /// Per node: removed.
    pub removed: Vec<bool>,
}

/// Removes boilerplate.
pub fn prune(dom: &Dom, _m: &Metadata, _r: &CompiledRules) -> Pruned {
    Pruned { removed: vec![false; dom.len()] }
}
