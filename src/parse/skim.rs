//! Finds what the tokenizer need not walk before parsing: on news pages
//! most bytes are markup no stage reads.
//!
//! - The bodies of `<script>` and `<style>` elements (scripts and styles are
//!   invisible). Data scripts (`type="application/ld+json"` and any other
//!   non-JavaScript type) are kept for metadata. Each body becomes
//!   [`PLACEHOLDER`], which keeps the element's single text node (a body of
//!   whitespace only is left as it is).
//! - The bodies of comments (the tree keeps comments bare), which the
//!   tokenizer reads a char at a time.
//! - On request ([`Dom::parse_lean`](super::Dom::parse_lean)), the
//!   attributes no stage reads: `data-*` (often JSON, char references by
//!   the hundred), event handlers and [`UNREAD_ATTRIBUTES`]. Those of one
//!   start tag become one valueless attribute named [`PLACEHOLDER`], which
//!   the tree sink drops.
//!
//! The scan follows the tokenizer's rules for where a script ends (the
//! escaped and double-escaped states after `<!--`) and for a tag's
//! attributes exactly; for where an element starts it is a skim: it does
//! not know the tree builder's state (a `<script>` inside `<svg>` is no
//! raw-text element, a `<noscript>` inside `<select>` is ignored). So the
//! parse of the cut text is checked ([`Dom::cuts_hold`](super::Dom)): every
//! placeholder in text must be the whole text of an HTML `<script>` or
//! `<style>`, one per body cut, and none may land in an element name or
//! attribute value; else the page is parsed uncut.

/// What a dropped body becomes: a noncharacter, never in real text (a page
/// holding one is just parsed uncut).
pub(super) const PLACEHOLDER: &str = "\u{FDD0}";

/// Comment bodies shorter than this stay: cutting costs more than reading.
const MIN_COMMENT_CUT: usize = 32;

/// Attributes no stage reads (besides `data-*` and `on*` event handlers),
/// dropped by a lean parse unless a rule's selector names them.
pub(super) const UNREAD_ATTRIBUTES: [&str; 21] = [
    "srcset",
    "sizes",
    "target",
    "width",
    "height",
    "loading",
    "decoding",
    "tabindex",
    "hreflang",
    "draggable",
    "dir",
    "media",
    "xmlns",
    "focusable",
    "alt",
    "src",
    "aria-label",
    "aria-level",
    "integrity",
    "crossorigin",
    "fetchpriority",
];

/// [`UNREAD_ATTRIBUTES`] by their first letter (`a` to `z`): each
/// attribute of each tag is looked up, and most share no letter with any.
static UNREAD_BY_LETTER: std::sync::LazyLock<[Vec<&'static str>; 26]> =
    std::sync::LazyLock::new(|| {
        let mut by: [Vec<&'static str>; 26] = Default::default();
        for a in UNREAD_ATTRIBUTES {
            if let Some(slot) = a
                .bytes()
                .next()
                .and_then(|c| by.get_mut(usize::from(c.wrapping_sub(b'a'))))
            {
                slot.push(a);
            }
        }
        by
    });

/// The byte ranges to replace before tokenizing, in order, each with what
/// replaces it.
pub(super) struct Skim {
    /// `(start, end, replacement)`.
    pub cuts: Vec<(usize, usize, &'static str)>,
    /// How many of the cuts are script and style bodies.
    pub bodies: usize,
}

/// Whether a lean parse drops attribute `name` (as written, any case):
/// `data-*`, event handlers and [`UNREAD_ATTRIBUTES`], unless `kept` (the
/// lower-case words of the rules' selectors, sorted) holds it.
pub(super) fn is_unread(name: &[u8], kept: &[String]) -> bool {
    let Some(&first) = name.first() else {
        return false;
    };
    // Most attributes (class, href, id) are told apart by the first letter.
    let family = match first.to_ascii_lowercase() {
        b'd' if name.len() > 5 && name[..5].eq_ignore_ascii_case(b"data-") => true,
        b'o' => {
            name.len() > 2
                && name[1].eq_ignore_ascii_case(&b'n')
                && name[2..].iter().all(u8::is_ascii_alphabetic)
        }
        c @ b'a'..=b'z' => UNREAD_BY_LETTER[usize::from(c - b'a')]
            .iter()
            .any(|a| a.len() == name.len() && a.as_bytes().eq_ignore_ascii_case(name)),
        _ => false,
    };
    family
        && kept
            .binary_search_by(|k| k.bytes().cmp(name.iter().map(u8::to_ascii_lowercase)))
            .is_err()
}

/// What to cut from `text`; attributes too when `kept` is given (see
/// [`is_unread`]).
pub(super) fn skim(text: &str, kept: Option<&[String]>) -> Skim {
    let b = text.as_bytes();
    let mut cuts = Vec::new();
    let mut bodies = 0;
    // CDATA sections end at `]]>`, not at `>`: the skim does not follow them.
    let kept = kept.filter(|_| memchr::memmem::find(b, b"<![CDATA[").is_none());
    // Open <svg> and <math>: no cuts inside foreign content.
    let mut foreign: usize = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + off;
        let rest = &b[lt..];
        if rest.starts_with(b"<!--") {
            let (body_end, end) = comment_end(b, lt);
            if end <= b.len() && body_end >= lt + 4 + MIN_COMMENT_CUT && end > body_end {
                cuts.push((lt + 4, body_end, PLACEHOLDER));
            }
            i = end;
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
        let is = |n: &str| name.eq_ignore_ascii_case(n.as_bytes());
        let lean = kept.filter(|_| !closing && foreign == 0 && !is("svg") && !is("math"));
        let mut marked = false;
        let (tag_end, self_closing) = tag_end(b, name_end, |name, end| {
            let Some(kept) = lean else { return };
            // The marker must not run into a following attribute's name.
            let delimited = b
                .get(end)
                .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>');
            if delimited && is_unread(&b[name.clone()], kept) {
                cuts.push((name.start, end, if marked { "" } else { PLACEHOLDER }));
                marked = true;
            }
        });
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
            if is_executable(&b[lt..tag_end]) && has_text(text, tag_end, end) {
                cuts.push((tag_end, end, PLACEHOLDER));
                bodies += 1;
            }
            end
        } else if is("style") {
            let end = raw_text_end(b, tag_end, b"style");
            if has_text(text, tag_end, end) {
                cuts.push((tag_end, end, PLACEHOLDER));
                bodies += 1;
            }
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
    Skim { cuts, bodies }
}

/// Whether the body `text[s..e]` holds more than whitespace (a body of
/// whitespace only stays: its text node must stay empty).
fn has_text(text: &str, s: usize, e: usize) -> bool {
    s < e && text.get(s..e).is_some_and(|t| !t.trim().is_empty())
}

/// Whitespace as the tokenizer sees it (a carriage return becomes a line feed).
fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// Where the body of the comment opening at `lt` (`<!--`) ends (at the
/// dashes that close it) and where the comment ends; `(len, len)` when
/// it runs to the end of the input.
fn comment_end(b: &[u8], lt: usize) -> (usize, usize) {
    let body = lt + 4;
    // `<!-->` and `<!--->` close at once.
    if b.get(body) == Some(&b'>') {
        return (body, body + 1);
    }
    if b.get(body..body + 2) == Some(b"->") {
        return (body, body + 2);
    }
    let mut at = body;
    while let Some(off) = memchr::memmem::find(&b[at..], b"--") {
        let dashes = at + off;
        let mut k = dashes + 2;
        while b.get(k) == Some(&b'-') {
            k += 1;
        }
        match b.get(k) {
            Some(b'>') => return (dashes, k + 1),
            Some(b'!') if b.get(k + 1) == Some(&b'>') => return (dashes, k + 2),
            _ => at = k.max(dashes + 1),
        }
    }
    (b.len(), b.len())
}

/// The end of a tag whose name ends at `from` (one past its `>`), and
/// whether it closes itself (`/>`). Quoted attribute values may hold `>`.
/// Each attribute of a tag that ends is passed to `attr`: its name's range
/// and one past its value (its name when it has none).
fn tag_end(
    b: &[u8],
    from: usize,
    mut attr: impl FnMut(std::ops::Range<usize>, usize),
) -> (usize, bool) {
    let mut k = from;
    // The attribute name just read, if no value followed yet (a `=` then
    // starts its value).
    let mut pending: Option<std::ops::Range<usize>> = None;
    // Whether the last char was a `/` between attributes.
    let mut slash = false;
    while k < b.len() {
        let c = b[k];
        match c {
            b'>' => {
                if let Some(name) = pending.take() {
                    let end = name.end;
                    attr(name, end);
                }
                return (k + 1, slash);
            }
            _ if is_space(c) => {
                // `a = "x"` is still one attribute.
                slash = false;
                k += 1;
            }
            b'/' => {
                if let Some(name) = pending.take() {
                    let end = name.end;
                    attr(name, end);
                }
                slash = true;
                k += 1;
            }
            b'=' if pending.is_some() => {
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
                if let Some(name) = pending.take() {
                    attr(name, k);
                }
                slash = false;
            }
            _ => {
                if let Some(name) = pending.take() {
                    let end = name.end;
                    attr(name, end);
                }
                // An attribute name (its first char may be `=`).
                let start = k;
                k += 1;
                while k < b.len() && !is_space(b[k]) && !matches!(b[k], b'/' | b'>' | b'=') {
                    k += 1;
                }
                pending = Some(start..k);
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
        skim(html, None)
            .cuts
            .into_iter()
            .filter(|&(s, _, _)| !html[..s].ends_with("<!--"))
            .map(|(s, e, _)| &html[s..e])
            .collect()
    }

    fn attr_cuts<'a>(html: &'a str, kept: &[String]) -> Vec<(&'a str, &'static str)> {
        skim(html, Some(kept))
            .cuts
            .into_iter()
            .filter(|&(s, _, _)| !html[..s].ends_with('>'))
            .map(|(s, e, with)| (&html[s..e], with))
            .collect()
    }

    #[test]
    fn unread_attributes_are_cut_one_marker_per_tag() {
        let html = "<div class=a data-x=\"{&quot;a&quot;:1}\" onclick='go()' id=b data-y>\
                    <img src=a.png alt='x > y' width=3/><a href=u data-z=\"1\"class=c>";
        assert_eq!(
            attr_cuts(html, &[]),
            [
                ("data-x=\"{&quot;a&quot;:1}\"", PLACEHOLDER),
                ("onclick='go()'", ""),
                ("data-y", ""),
                ("src=a.png", PLACEHOLDER),
                ("alt='x > y'", ""),
                ("width=3/", ""),
            ]
        );
        // An attribute a selector names stays.
        let kept = ["data-y".to_owned(), "div".to_owned()];
        let cuts = attr_cuts("<div data-x=1 data-y=2>", &kept);
        assert_eq!(cuts, [("data-x=1", PLACEHOLDER)]);
        // Nothing in foreign content, nor in a page with CDATA sections.
        assert!(attr_cuts("<svg data-x=1><g data-y=2/></svg>", &[]).is_empty());
        assert!(attr_cuts("<div data-x=1><![CDATA[x]]>", &[]).is_empty());
    }

    #[test]
    fn long_comment_bodies_are_cut() {
        let long = "<!-- a comment long enough to be worth cutting out --><p>x</p><!-- short -->";
        let cuts = skim(long, None).cuts;
        assert_eq!(cuts.len(), 1);
        assert_eq!(
            &long[cuts[0].0..cuts[0].1],
            " a comment long enough to be worth cutting out "
        );
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
