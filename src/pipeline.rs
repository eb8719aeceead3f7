//! The only place that knows the order of the stages.
//!
//! HTML: bytes ─decode→ text ─parse→ Dom ─┬─ metadata → Metadata
//!                                        └─ boilerplate(&Metadata) → Pruned ─ select → MainContent ─ render
//! Text: bytes ─decode→ text ─text_mode (same stages over lines)→ blocks ─ render
//!
//! The rules a page is cleaned with are chosen after metadata: its language
//! (declared, else detected) selects the phrase tables, its URL's host (the
//! caller's URL, else the canonical one) the user's site sections.

use crate::cleaner::{Cleaner, Input, InputKind};
use crate::decode::decode;
use crate::document::{Block, Document, Explained, Explanation, Kind, Status, Verdict};
use crate::parse::Dom;
use crate::rules::page::{sample_dom, sample_text, LanguageSource, PageLanguage};
use crate::{boilerplate, metadata, render, select, text_mode};

pub(crate) fn run(cleaner: &Cleaner, input: &Input<'_>) -> Document {
    run_traced(cleaner, input, false).0
}

/// Cleans a page and, when asked, says why: every block and removal in
/// document order, the rule selection and the metadata sources.
pub(crate) fn explain(cleaner: &Cleaner, input: &Input<'_>) -> Explanation {
    let (document, trace) = run_traced(cleaner, input, true);
    trace.unwrap_or_else(|| Explanation {
        document: document.clone(),
        entries: Vec::new(),
        language: None,
        language_source: String::new(),
        sites: Vec::new(),
        metadata_sources: Vec::new(),
    })
}

fn run_traced(
    cleaner: &Cleaner,
    input: &Input<'_>,
    trace: bool,
) -> (Document, Option<Explanation>) {
    let kind = match input.kind.unwrap_or(cleaner.options.input) {
        InputKind::Auto => sniff(input.bytes),
        other => other,
    };
    let decoded = decode(input.bytes, input.charset, kind == InputKind::Html);
    let book = &cleaner.book;
    let (mut metadata, blocks, mut removed, language, sites, mut sources) =
        if kind == InputKind::Text {
            let language = PageLanguage::choose(None, || sample_text(&decoded.text));
            let (rules, sites) = book.for_page(language.tag.as_deref(), input.url);
            let (metadata, blocks, removed) = text_mode::clean(&decoded.text, &rules);
            let sources = Vec::new();
            (metadata, blocks, removed, language, sites, sources)
        } else {
            let dom = Dom::parse_lean(&decoded.text, book.selector_words());
            let (metadata, sources) = metadata::extract_with_sources(&dom, input.url);
            let language = PageLanguage::choose(metadata.language.as_deref(), || sample_dom(&dom));
            let url = input.url.or(metadata.canonical_url.as_deref());
            let (rules, sites) = book.for_page(language.tag.as_deref(), url);
            let rules = if metadata::declares_product(&dom) {
                rules.on_product_page()
            } else {
                rules
            };
            let mut pruned = boilerplate::prune(&dom, &metadata, &rules);
            let tuning = cleaner.options.favor.tuning();
            let (main, outside) = select::select(&dom, &pruned, tuning);
            pruned.log.extend(outside);
            let mut blocks = match main {
                Some(main) => {
                    let (mut kept, log) =
                        boilerplate::refine::refine(main.blocks, &metadata, &rules, tuning);
                    match (main.copy, &pruned.noscript) {
                        // A body read from the <noscript> copy has its post
                        // headers among the copy's removals, in its DOM.
                        (Some(mut copy), Some(ns)) => {
                            copy.log.extend(log);
                            boilerplate::posts::restore_headers(
                                &ns.dom,
                                main.root,
                                &mut kept,
                                &mut copy.log,
                                &rules,
                            );
                            copy.settle(&mut kept, &mut pruned.log);
                        }
                        _ => {
                            pruned.log.extend(log);
                            boilerplate::posts::restore_headers(
                                &dom,
                                main.root,
                                &mut kept,
                                &mut pruned.log,
                                &rules,
                            );
                        }
                    }
                    kept
                }
                None => Vec::new(),
            };
            if let Some((at, description)) = metadata::product_description(&dom) {
                select::declared::add_product_description(&mut blocks, at, &description);
            }
            (metadata, blocks, pruned.log, language, sites, sources)
        };
    // Document order: removals are keyed by the node (or line) they start at.
    removed.sort_by_key(|(order, _)| *order);
    // No declared language: the one detected in the text, when confident.
    if metadata.language.is_none() {
        if let LanguageSource::Detected(_) = language.source {
            metadata.language = language.tag.clone();
            sources.push(("language", "detected in the text".to_owned()));
        }
    }
    if metadata.reading_time_minutes.is_none() {
        metadata.reading_time_minutes = removed
            .iter()
            .find(|(_, r)| r.kind == Kind::ReadingTime)
            .and_then(|(_, r)| reading_minutes(&r.text));
        if metadata.reading_time_minutes.is_some() {
            sources.push(("reading_time_minutes", "reading-time line".to_owned()));
        }
    }
    let mut entries: Vec<Explained> = Vec::new();
    if trace {
        entries.extend(removed.iter().map(|(order, r)| Explained {
            order: *order,
            verdict: Verdict::Removed {
                kind: r.kind,
                rule: r.rule.clone(),
            },
            text: r.text.clone(),
        }));
        entries.extend(blocks.iter().map(|b| Explained {
            order: b.start,
            verdict: Verdict::Kept(b.kind.clone()),
            text: b.text.clone(),
        }));
        entries.sort_by_key(|e| e.order);
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
    let document = Document {
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
    };
    let explanation = trace.then(|| Explanation {
        document: document.clone(),
        entries,
        language: language.tag.clone(),
        language_source: match language.source {
            LanguageSource::Declared => "declared".to_owned(),
            LanguageSource::Detected(c) => format!("detected, confidence {c:.2}"),
            LanguageSource::Unknown => "unknown".to_owned(),
        },
        sites: sites.iter().map(|s| (*s).to_owned()).collect(),
        metadata_sources: if kind == InputKind::Text {
            vec![(
                "*",
                "text mode: title, byline and dateline lines".to_owned(),
            )]
        } else {
            sources
        },
    });
    (document, explanation)
}

/// The minutes a reading-time line states: the number before a minutes
/// word ("Lesezeit: 4 Minuten", "14.02.2024 · 4 min read"), else its only
/// number ("Reading time: 4").
fn reading_minutes(text: &str) -> Option<u32> {
    let mut numbers = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let digits: String = rest[start..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let after = &rest[start + digits.len()..];
        let unit = after
            .trim_start_matches([' ', '-', '\u{a0}'])
            .to_lowercase();
        if unit.starts_with("min") || unit.starts_with("мин") {
            return digits.parse().ok();
        }
        numbers.push(digits);
        rest = after;
    }
    match numbers.as_slice() {
        [only] => only.parse().ok(),
        _ => None,
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
    fn reading_minutes_take_the_number_before_the_unit() {
        assert_eq!(
            reading_minutes("Von Anna Schmidt · 14.02.2024, 16:45 Uhr · Lesezeit: 4 Minuten"),
            Some(4)
        );
        assert_eq!(reading_minutes("13 Min Read"), Some(13));
        assert_eq!(reading_minutes("Reading time: 7"), Some(7));
        assert_eq!(reading_minutes("12.03.2024 · 5-minute read"), Some(5));
        assert_eq!(reading_minutes("Время чтения: 3 мин"), Some(3));
    }

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
