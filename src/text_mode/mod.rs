//! Text mode (placeholder while the real one lands).
use crate::document::{Block, BlockKind, Metadata, Removal};
use crate::rules::compiled::CompiledRules;

/// Output of text mode.
pub struct TextOutput {
    /// Metadata.
    pub metadata: Metadata,
    /// Blocks.
    pub blocks: Vec<Block>,
    /// Removals.
    pub removed: Vec<Removal>,
}

/// Cleans scraped text.
pub fn clean(text: &str, _r: &CompiledRules) -> TextOutput {
    TextOutput { metadata: Metadata::default(), blocks: text.split("\n\n").map(|t| Block { kind: BlockKind::Paragraph, text: t.trim().to_owned() }).collect(), removed: vec![] }
}
