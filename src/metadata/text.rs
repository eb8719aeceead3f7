//! String hygiene shared by the metadata sources.
//!
//! Input: raw strings from attributes, JSON-LD and visible text. Output: the
//! same strings with HTML entities decoded (JSON-LD and `content` attributes
//! are often entity-encoded twice), tags stripped, whitespace collapsed and
//! trimmed. Invariants: char-safe (no byte slicing inside a char), never panics.

use crate::parse::{push_collapsed, Dom, Tag};

/// Decodes entities, strips stray tags and collapses whitespace.
pub(crate) fn clean(text: &str) -> String {
    let decoded = repair_mojibake(&decode_entities(text));
    // Markup only when a closing tag says so: "<table>: The Table element"
    // is a title about HTML, "<p>Ships unloaded.</p>" a description in HTML.
    let stripped = if decoded.contains("</") {
        strip_tags(&decoded)
    } else {
        decoded
    };
    let mut out = String::with_capacity(stripped.len());
    push_collapsed(&mut out, &stripped);
    let trimmed = out.trim_end();
    trimmed.to_owned()
}

/// Undoes UTF-8 read as windows-1252 or Latin-1 ("fÃ¼r" → "für"), which
/// meta values copied between systems often carry, up to twice (a value
/// encoded twice: "â\u{80}\u{94}" → "—"). Kept as is unless the round trip
/// yields valid UTF-8.
fn repair_mojibake(text: &str) -> String {
    let mut out = text.to_owned();
    for _ in 0..MAX_MOJIBAKE_ROUNDS {
        match repair_once(&out) {
            Some(fixed) => out = fixed,
            None => break,
        }
    }
    out
}

/// Times a value may have been mis-decoded and is repaired.
const MAX_MOJIBAKE_ROUNDS: usize = 2;

fn repair_once(text: &str) -> Option<String> {
    if !text.contains(['Ã', 'Â', 'â']) {
        return None;
    }
    let mut bytes = Vec::with_capacity(text.len());
    let mut buf = [0u8; 4];
    for c in text.chars() {
        let code = u32::from(c);
        if let Ok(b) = u8::try_from(code) {
            // ASCII, Latin-1 and the C1 controls Latin-1 decoding leaves.
            bytes.push(b);
        } else {
            let (encoded, _, had_errors) =
                encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
            if had_errors {
                return None;
            }
            bytes.extend_from_slice(&encoded);
        }
    }
    let fixed = String::from_utf8(bytes).ok()?;
    (fixed.chars().count() < text.chars().count()).then_some(fixed)
}

/// Removes `<...>` markup (a JSON-LD description sometimes carries HTML).
fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let starts_tag = c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/' || *n == '!');
        if starts_tag {
            for d in chars.by_ref() {
                if d == '>' {
                    break;
                }
            }
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// Common named entities; numeric ones are decoded generically.
const NAMED_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", ' '),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("middot", '·'),
    ("bull", '•'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("iacute", 'í'),
    ("oacute", 'ó'),
    ("uacute", 'ú'),
    ("ntilde", 'ñ'),
    ("ccedil", 'ç'),
    ("auml", 'ä'),
    ("ouml", 'ö'),
    ("uuml", 'ü'),
    ("Auml", 'Ä'),
    ("Ouml", 'Ö'),
    ("Uuml", 'Ü'),
    ("szlig", 'ß'),
];

/// Longest entity name we look for after `&`.
const MAX_ENTITY_LEN: usize = 10;

/// Decodes the common named and all numeric HTML entities; unknown ones are kept.
pub(crate) fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        let end = after
            .char_indices()
            .take(MAX_ENTITY_LEN + 1)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|end| decode_one(&after[..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_one(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    NAMED_ENTITIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| *c)
}

/// Most nodes [`visible_text`] visits: bounds the work on huge or deep subtrees.
const MAX_TEXT_NODES: usize = 2_000;

/// The visible text of element `i`: invisible subtrees skipped, a space at
/// block boundaries, whitespace collapsed. Stops after about `limit` bytes
/// or [`MAX_TEXT_NODES`] nodes.
pub(crate) fn visible_text(dom: &Dom, i: usize, limit: usize) -> String {
    collect_text(dom, i, limit, Boundaries::Blocks)
}

/// Like [`visible_text`], with a space at every element boundary: for bylines,
/// where `By<a>Jane Doe</a><span>CEO</span>` must not glue words together.
pub(crate) fn spaced_text(dom: &Dom, i: usize, limit: usize) -> String {
    collect_text(dom, i, limit, Boundaries::Spaced)
}

/// Like [`spaced_text`], with " | " where a block or a `<br>` starts: a
/// byline's name and the affiliation or date under it stay apart
/// (`<div>By Jane Doe</div><div>Daily News</div>` → "By Jane Doe | Daily News").
pub(crate) fn line_text(dom: &Dom, i: usize, limit: usize) -> String {
    collect_text(dom, i, limit, Boundaries::Lines)
}

/// What an element boundary becomes in collected text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Boundaries {
    /// A space at block boundaries only.
    Blocks,
    /// A space at every element.
    Spaced,
    /// A space at every element, " | " at blocks.
    Lines,
}

/// The separator [`line_text`] puts between blocks.
pub(crate) const LINE_BREAK: &str = " | ";

fn collect_text(dom: &Dom, i: usize, limit: usize, mode: Boundaries) -> String {
    let mut out = String::new();
    let end = dom.end(i).min(i + 1 + MAX_TEXT_NODES);
    let mut j = i + 1;
    while j < end {
        if let Some(tag) = dom.tag(j) {
            if tag.is_invisible() {
                j = dom.end(j);
                continue;
            }
            let block = tag.is_block() || tag == Tag::Br;
            if mode == Boundaries::Lines && block {
                let trimmed = out.trim_end().len();
                out.truncate(trimmed);
                if !out.is_empty() && !out.ends_with(LINE_BREAK.trim_end()) {
                    out.push_str(LINE_BREAK);
                }
            } else if mode != Boundaries::Blocks || block {
                push_collapsed(&mut out, " ");
            }
        } else if let Some(t) = dom.text(j) {
            push_collapsed(&mut out, t);
            if out.len() > limit {
                break;
            }
        }
        j += 1;
    }
    let out = out.trim();
    out.strip_suffix(LINE_BREAK.trim())
        .unwrap_or(out)
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_entities_and_collapses() {
        assert_eq!(
            clean("  Tom &amp;amp; Jerry&#39;s\n <b>show</b> "),
            "Tom &amp; Jerry's show"
        );
        assert_eq!(
            clean("caf&#xE9; &eacute;t&eacute; &unknown; & co"),
            "café été &unknown; & co"
        );
        assert_eq!(clean("a &#0; b"), "a &#0; b");
        assert_eq!(clean("jetzt fÃ¼r nur 5,99 â‚¬"), "jetzt für nur 5,99 €");
        assert_eq!(clean("SÃO PAULO"), "SÃO PAULO");
        assert_eq!(
            clean("itertools \u{e2}\u{80}\u{94} iterators"),
            "itertools — iterators"
        );
        assert_eq!(clean("itertools Ã¢Â\u{80}Â\u{94} x"), "itertools — x");
    }
}
