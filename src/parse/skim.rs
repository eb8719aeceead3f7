//! Finds the bodies of `<script>` and `<style>` elements before parsing, so
//! that the tokenizer need not walk them: on news pages they are over half
//! the bytes, and no stage reads them (scripts and styles are invisible).
//! Data scripts (`type="application/ld+json"` and any other non-JavaScript
//! type) are kept for metadata.
//!
//! Each body found is replaced by [`PLACEHOLDER`], which keeps the element's
//! single text node (a body of whitespace only is left as it is). The scan
//! follows the tokenizer's rules for where a script ends (the escaped and
//! double-escaped states after `<!--`) exactly; for where an element starts
//! it is a skim: it does not know the tree builder's state (a `<script>`
//! inside `<svg>` is no raw-text element, a `<noscript>` inside `<select>`
//! is ignored). So the parse of the cut text is checked
//! ([`Dom::cuts_hold`](super::Dom)): every placeholder must be the whole
//! text of an HTML `<script>` or `<style>`, else the page is parsed uncut.

/// What a dropped body becomes: a noncharacter, never in real text (a page
/// holding one is just parsed uncut).
pub(super) const PLACEHOLDER: &str = "\u{FDD0}";

/// Byte ranges of the droppable script and style bodies of `text`.
pub(super) fn droppable_bodies(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut cuts = Vec::new();
    // Open <svg> and <math>: no cuts inside foreign content.
    let mut foreign: usize = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + off;
        let rest = &b[lt..];
        if rest.starts_with(b"<!--") {
            i = comment_end(b, lt);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            // Doctype, CDATA (outside foreign content), bogus comment.
            i = memchr::memchr(b'>', &b[lt..]).map_or(b.len(), |e| lt + e + 1);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_at = lt + 1 + usize::from(closing);
        if !b.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            i = if closing {
                // `</>` is dropped, `</3` a bogus comment.
                memchr::memchr(b'>', &b[lt..]).map_or(b.len(), |e| lt + e + 1)
            } else {
                lt + 1
            };
            continue;
        }
        let name_end = name_at
            + b[name_at..]
                .iter()
                .take_while(|&&c| !is_space(c) && c != b'/' && c != b'>')
                .count();
        let name = &b[name_at..name_end];
        let (tag_end, self_closing) = tag_end(b, name_end);
        let is = |n: &str| name.eq_ignore_ascii_case(n.as_bytes());
        if closing {
            if is("svg") || is("math") {
                foreign = foreign.saturating_sub(1);
            }
            i = tag_end;
            continue;
        }
        if is("svg") || is("math") {
            if !self_closing {
                foreign += 1;
            }
            i = tag_end;
            continue;
        }
        if foreign > 0 {
            // Inside foreign content tags are just tags; look for its end.
            i = tag_end;
            continue;
        }
        if is("plaintext") {
            // Everything after it is text.
            break;
        }
        let body_end = if is("script") {
            let end = script_end(b, tag_end);
            if is_executable(&b[lt..tag_end]) {
                cuts.push((tag_end, end));
            }
            end
        } else if is("style") {
            let end = raw_text_end(b, tag_end, b"style");
            cuts.push((tag_end, end));
            end
        } else if [
            "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
        ]
        .iter()
        .any(|n| is(n))
        {
            // Raw text too, but read (titles, noscript copies): skipped only.
            raw_text_end(b, tag_end, name)
        } else {
            tag_end
        };
        i = body_end;
    }
    // A body of whitespace only stays: its text node must stay empty.
    cuts.retain(|&(s, e)| s < e && !text[s..e].trim().is_empty());
    cuts
}

/// Whitespace as the tokenizer sees it (a carriage return becomes a line feed).
fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// Where the comment opening at `lt` (`<!--`) ends.
fn comment_end(b: &[u8], lt: usize) -> usize {
    let body = lt + 4;
    // `<!-->` and `<!--->` close at once.
    if b.get(body) == Some(&b'>') {
        return body + 1;
    }
    if b.get(body..body + 2) == Some(b"->") {
        return body + 2;
    }
    let mut at = body;
    while let Some(off) = memchr::memmem::find(&b[at..], b"--") {
        let dashes = at + off;
        let mut k = dashes + 2;
        while b.get(k) == Some(&b'-') {
            k += 1;
        }
        match b.get(k) {
            Some(b'>') => return k + 1,
            Some(b'!') if b.get(k + 1) == Some(&b'>') => return k + 2,
            _ => at = k.max(dashes + 1),
        }
    }
    b.len()
}

/// The end of a tag whose name ends at `from` (one past its `>`), and
/// whether it closes itself (`/>`). Quoted attribute values may hold `>`.
fn tag_end(b: &[u8], from: usize) -> (usize, bool) {
    let mut k = from;
    // Whether an attribute name was just read (a `=` then starts its value).
    let mut after_name = false;
    // Whether the last char was a `/` between attributes.
    let mut slash = false;
    while k < b.len() {
        let c = b[k];
        match c {
            b'>' => return (k + 1, slash),
            _ if is_space(c) => {
                // `a = "x"` is still one attribute.
                slash = false;
                k += 1;
            }
            b'/' => {
                after_name = false;
                slash = true;
                k += 1;
            }
            b'=' if after_name => {
                k += 1;
                while k < b.len() && is_space(b[k]) {
                    k += 1;
                }
                match b.get(k) {
                    Some(&q) if q == b'"' || q == b'\'' => {
                        k = memchr::memchr(q, &b[k + 1..]).map_or(b.len(), |e| k + 1 + e + 1);
                    }
                    _ => {
                        while k < b.len() && !is_space(b[k]) && b[k] != b'>' {
                            k += 1;
                        }
                    }
                }
                after_name = false;
                slash = false;
            }
            _ => {
                // An attribute name (its first char may be `=`).
                k += 1;
                while k < b.len() && !is_space(b[k]) && !matches!(b[k], b'/' | b'>' | b'=') {
                    k += 1;
                }
                after_name = true;
                slash = false;
            }
        }
    }
    (b.len(), false)
}

/// Whether a script start tag (`<script ...>`, raw) is JavaScript: no type
/// or a JavaScript one, and no JSON anywhere in it.
fn is_executable(tag: &[u8]) -> bool {
    let has = |needle: &[u8]| {
        tag.windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
    };
    !has(b"json") && (!has(b"type") || has(b"javascript"))
}

/// Whether `b[at..]` starts with `</name` followed by whitespace, `/` or
/// `>`: an end tag that closes a raw-text element.
fn closes(b: &[u8], at: usize, name: &[u8]) -> bool {
    b.get(at + 1) == Some(&b'/')
        && b.get(at + 2..at + 2 + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
        && b.get(at + 2 + name.len())
            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

/// Whether `b[at..]` starts with `<script` (or `</script`) followed by
/// whitespace, `/` or `>`.
fn names_script(b: &[u8], name_at: usize) -> bool {
    b.get(name_at..name_at + 6)
        .is_some_and(|n| n.eq_ignore_ascii_case(b"script"))
        && b.get(name_at + 6)
            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

/// Where the raw text of an element named `name` starting at `from` ends:
/// at its first closing tag, else at the end of the input.
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(off) = memchr::memchr(b'<', &b[at..]) {
        let lt = at + off;
        if closes(b, lt, name) {
            return lt;
        }
        at = lt + 1;
    }
    b.len()
}

/// The tokenizer's states inside a script after `<!--`.
#[derive(Clone, Copy, PartialEq)]
enum Escape {
    Escaped,
    EscapedDash,
    EscapedDashDash,
    Double,
    DoubleDash,
    DoubleDashDash,
}

/// Where a script body starting at `from` ends: the `<` of the `</script`
/// that closes it, else the end of the input. The body may hide
/// `</script>` behind `<!--` and `<script>` (the escaped states).
fn script_end(b: &[u8], from: usize) -> usize {
    let mut at = from;
    loop {
        // Script data: a closing tag ends it, `<!--` escapes.
        let Some(off) = memchr::memchr(b'<', &b[at..]) else {
            return b.len();
        };
        let lt = at + off;
        if closes(b, lt, b"script") {
            return lt;
        }
        if b.get(lt + 1..lt + 4) == Some(b"!--") {
            match escaped_end(b, lt + 4) {
                Ok(end) => return end,
                Err(resume) => at = resume,
            }
        } else {
            at = lt + 1;
        }
    }
}

/// Walks the escaped states from `from` (just after `<!--`): `Ok` with the
/// script's end, or `Err` with where plain script data resumes (after `-->`).
fn escaped_end(b: &[u8], from: usize) -> Result<usize, usize> {
    use Escape::*;
    let mut state = EscapedDashDash;
    let mut k = from;
    while k < b.len() {
        let c = b[k];
        let double = matches!(state, Double | DoubleDash | DoubleDashDash);
        match c {
            b'-' => {
                state = match state {
                    Escaped => EscapedDash,
                    EscapedDash | EscapedDashDash => EscapedDashDash,
                    Double => DoubleDash,
                    DoubleDash | DoubleDashDash => DoubleDashDash,
                };
                k += 1;
            }
            b'>' if matches!(state, EscapedDashDash | DoubleDashDash) => return Err(k + 1),
            b'<' if !double => {
                if closes(b, k, b"script") {
                    return Ok(k);
                }
                // `<script` + delimiter escapes once more; anything else
                // is reconsumed as escaped text.
                state = if names_script(b, k + 1) {
                    Double
                } else {
                    Escaped
                };
                k += if state == Double { 7 } else { 1 };
            }
            b'<' => {
                // `</script` + delimiter ends the double escape.
                state = if b.get(k + 1) == Some(&b'/') && names_script(b, k + 2) {
                    Escaped
                } else {
                    Double
                };
                k += if state == Escaped { 8 } else { 1 };
            }
            _ => {
                state = if double { Double } else { Escaped };
                k += 1;
            }
        }
    }
    Ok(b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bodies(html: &str) -> Vec<&str> {
        droppable_bodies(html)
            .into_iter()
            .map(|(s, e)| &html[s..e])
            .collect()
    }

    #[test]
    fn scripts_and_styles_are_found_data_scripts_kept() {
        let html = "<head><script>var a = 1 < 2;</script><style>p{}</style>\
                    <script type=\"application/ld+json\">{\"a\":1}</script>\
                    <script type='text/template'><p>x</p></script>\
                    <script type=text/javascript data-x=\"a>b\">go()</script>\
                    <script> </script><script></script></head>";
        assert_eq!(bodies(html), ["var a = 1 < 2;", "p{}", "go()"]);
    }

    #[test]
    fn script_ends_follow_the_escape_states() {
        let html = "<script><!-- a </script>b";
        assert_eq!(bodies(html), ["<!-- a "]);
        let html = "<script><!--<script>x</script>y--></script>z";
        assert_eq!(bodies(html), ["<!--<script>x</script>y-->"]);
        let html = "<script><!--<script>x</script>y</script>z";
        assert_eq!(bodies(html), ["<!--<script>x</script>y"]);
        let html = "<script><!-- x --> </scripts> </SCRIPT >z";
        assert_eq!(bodies(html), ["<!-- x --> </scripts> "]);
        let html = "<script>never closed";
        assert_eq!(bodies(html), ["never closed"]);
    }

    #[test]
    fn raw_text_comments_and_foreign_content_are_skipped() {
        let html = "<textarea><script>a</script></textarea><!-- <script>b</script> -->\
                    <noscript><script>c</script></noscript><svg><script>d</script></svg>\
                    <title><style>e</style></title><script>f</script>";
        assert_eq!(bodies(html), ["f"]);
        let html = "<plaintext><script>a</script>";
        assert!(bodies(html).is_empty());
    }
}
