//! Rendering: the cleaned body and metadata as text, Markdown, HTML or JSON.
//!
//! Input: a [`Document`] (its structured `blocks`). The renderers never see
//! the DOM: the HTML output is built from blocks and escaped text, so it is
//! sanitized by construction (no script, style, iframe, event handler or URL
//! can pass through).

mod explain;
mod html;
mod markdown;

pub use explain::explain;
pub use html::html;
pub use markdown::markdown;

use crate::document::{Block, Document};

/// The body as plain text: one block per paragraph, blank lines between.
/// Table rows are lines of the table's paragraph, cells separated by spaces.
pub fn text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        if block.text.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&block.text);
    }
    out
}

/// The document as one pretty-printed JSON object (DESIGN.md §3).
pub fn json(doc: &Document) -> String {
    serde_json::to_string_pretty(doc)
        .unwrap_or_else(|e| format!("{{\"status\":\"error\",\"error\":\"{e}\"}}"))
}

/// The document as one JSON line (for JSONL streams).
pub fn json_line(doc: &Document) -> String {
    serde_json::to_string(doc)
        .unwrap_or_else(|e| format!("{{\"status\":\"error\",\"error\":\"{e}\"}}"))
}
