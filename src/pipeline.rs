//! The only place that knows the order of the stages.
//!
//! HTML: bytes ─decode→ text ─parse→ Dom ─┬─ metadata → Metadata
//!                                        └─ boilerplate(&Metadata) → Pruned ─ select → MainContent ─ render
//! Text: bytes ─decode→ text ─text_mode (same stages over lines)→ blocks ─ render

use crate::cleaner::{Cleaner, Input, InputKind};
use crate::decode::decode;
use crate::document::{Block, Document, Kind, Status};
use crate::parse::Dom;
use crate::{boilerplate, metadata, render, select, text_mode};

pub(crate) fn run(cleaner: &Cleaner, input: &Input<'_>) -> Document {
    let kind = match input.kind.unwrap_or(cleaner.options.input) {
        InputKind::Auto => sniff(input.bytes),
        other => other,
    };
    let decoded = decode(input.bytes, input.charset, kind == InputKind::Html);
    let (mut metadata, blocks, mut removed) = if kind == InputKind::Text {
        text_mode::clean(&decoded.text, &cleaner.rules)
    } else {
        let dom = Dom::parse(&decoded.text);
        let metadata = metadata::extract(&dom, input.url);
        let mut pruned = boilerplate::prune(&dom, &metadata, &cleaner.rules);
        let (main, outside) = select::select(&dom, &pruned);
        pruned.log.extend(outside);
        let blocks = match main {
            Some(main) => {
                let (kept, log) =
                    boilerplate::refine::refine(main.blocks, &metadata, &cleaner.rules);
                pruned.log.extend(log);
                kept
            }
            None => Vec::new(),
        };
        (metadata, blocks, pruned.log)
    };
    // Document order: removals are keyed by the node (or line) they start at.
    removed.sort_by_key(|(order, _)| *order);
    if metadata.reading_time_minutes.is_none() {
        metadata.reading_time_minutes = removed
            .iter()
            .find(|(_, r)| r.kind == Kind::ReadingTime)
            .and_then(|(_, r)| first_number(&r.text));
    }
    let blocks: Vec<Block> = blocks
        .into_iter()
        .map(|b| Block {
            kind: b.kind,
            text: b.text,
        })
        .collect();
    let removed = removed.into_iter().map(|(_, r)| r).collect();
    let text = render::text(&blocks);
    Document {
        status: if text.is_empty() {
            Status::Empty
        } else {
            Status::Ok
        },
        source: input.source.map(str::to_owned),
        url: input.url.map(str::to_owned),
        metadata,
        encoding: decoded.encoding.name().to_owned(),
        text,
        removed,
        blocks,
    }
}

/// The first run of ASCII digits in `text`, as a number.
fn first_number(text: &str) -> Option<u32> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let digits: String = text[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
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
    let lower: Vec<u8> = trimmed
        .iter()
        .take(64)
        .map(u8::to_ascii_lowercase)
        .collect();
    if lower.starts_with(b"<!doctype") || lower.starts_with(b"<html") || lower.starts_with(b"<?xml")
    {
        return InputKind::Html;
    }
    let tags = trimmed
        .windows(2)
        .filter(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
        .count();
    if tags * 1024 >= HTML_TAGS_PER_KB * trimmed.len().max(1)
        || (trimmed.first() == Some(&b'<') && tags >= 2)
    {
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
        assert_eq!(
            sniff(b"Title\n\nBy Jane Doe\n\nA paragraph with a < sign."),
            InputKind::Text
        );
    }
}
