//! Content selection (placeholder while the real one lands).
use crate::boilerplate::Pruned;
use crate::parse::Dom;

/// The selected container.
#[derive(Debug)]
pub struct MainContent {
    /// Its node.
    pub root: usize,
}

/// Picks the main content.
pub fn select(_dom: &Dom, _p: &Pruned) -> Option<MainContent> {
    Some(MainContent { root: 0 })
}
