//! The only place that knows the order of the stages.
//!
//! HTML: bytes ─decode→ text ─parse→ Dom ─┬─ metadata → Metadata
//!                                        └─ boilerplate(&Metadata) → Pruned ─ select → MainContent ─ render
//! Text: bytes ─decode→ text ─text_mode (same stages over lines)→ blocks ─ render

use crate::cleaner::{Cleaner, Input, InputKind};
use crate::decode::decode;
use crate::document::{Document, Status};
use crate::parse::Dom;
use crate::{boilerplate, metadata, render, select, text_mode};

pub(crate) fn run(cleaner: &Cleaner, input: &Input<'_>) -> Document {
    let kind = match input.kind.unwrap_or(cleaner.options.input) {
        InputKind::Auto => sniff(input.bytes),
        other => other,
    };
    let decoded = decode(input.bytes, input.charset, kind == InputKind::Html);
    let (metadata, blocks, removed) = if kind == InputKind::Text {
        let out = text_mode::clean(&decoded.text, &cleaner.rules);
        (out.metadata, out.blocks, out.removed)
    } else {
        let dom = Dom::parse(&decoded.text);
        let metadata = metadata::extract(&dom, input.url);
        let pruned = boilerplate::prune(&dom, &metadata, &cleaner.rules);
        let main = select::select(&dom, &pruned);
        let (blocks, removed) = render::blocks(&dom, pruned, main.as_ref(), &metadata, &cleaner.rules);
        (metadata, blocks, removed)
    };
    let text = render::text(&blocks);
    Document {
        status: if text.is_empty() { Status::Empty } else { Status::Ok },
        source: input.source.map(str::to_owned),
        url: input.url.map(str::to_owned),
        metadata,
        encoding: decoded.encoding.name().to_owned(),
        text,
        removed,
        blocks,
    }
}

/// Markup density above which input is taken for HTML: real pages have a tag
/// every few dozen bytes, scraped text has almost none.
const HTML_TAGS_PER_KB: usize = 4;
/// How much of the input the sniffer reads.
const SNIFF_BYTES: usize = 8192;

/// Decides whether `bytes` is HTML or plain text.
pub(crate) fn sniff(bytes: &[u8]) -> InputKind {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF))
        .unwrap_or(head.len());
    let trimmed = &head[start..];
    let lower: Vec<u8> = trimmed.iter().take(64).map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"<!doctype") || lower.starts_with(b"<html") || lower.starts_with(b"<?xml") {
        return InputKind::Html;
    }
    let tags = trimmed
        .windows(2)
        .filter(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
        .count();
    if tags * 1024 >= HTML_TAGS_PER_KB * trimmed.len().max(1) || (trimmed.first() == Some(&b'<') && tags >= 2) {
        InputKind::Html
    } else {
        InputKind::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_html_and_text() {
        assert_eq!(sniff(b"  <!DOCTYPE html><html>"), InputKind::Html);
        assert_eq!(sniff(b"<div><p>fragment</p></div>"), InputKind::Html);
        assert_eq!(sniff(b"Title\n\nBy Jane Doe\n\nA paragraph with a < sign."), InputKind::Text);
    }
}
