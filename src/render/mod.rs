//! Rendering (placeholder while the real one lands).
use crate::boilerplate::Pruned;
use crate::document::{Block, BlockKind, Metadata, Removal};
use crate::parse::{push_collapsed, Dom, NodeKind};
use crate::rules::compiled::CompiledRules;
use crate::select::MainContent;

/// Body blocks.
pub fn blocks(dom: &Dom, _p: Pruned, _m: Option<&MainContent>, _md: &Metadata, _r: &CompiledRules) -> (Vec<Block>, Vec<Removal>) {
    let mut text = String::new();
    for i in 0..dom.len() {
        if dom.kind(i) == NodeKind::Text && !dom.ancestors(i).any(|a| dom.tag(a).is_some_and(|t| t.is_invisible())) {
            push_collapsed(&mut text, dom.text(i).unwrap_or(""));
        }
    }
    (vec![Block { kind: BlockKind::Paragraph, text: text.trim().to_owned() }], vec![])
}

/// Plain text of blocks.
pub fn text(blocks: &[Block]) -> String {
    blocks.iter().map(|b| b.text.as_str()).filter(|t| !t.is_empty()).collect::<Vec<_>>().join("\n\n")
}

/// Markdown.
pub fn markdown(doc: &crate::Document) -> String { text(&doc.blocks) }
/// HTML.
pub fn html(doc: &crate::Document) -> String { text(&doc.blocks) }
/// JSON.
pub fn json(doc: &crate::Document) -> String { serde_json::to_string_pretty(doc).unwrap_or_default() }
