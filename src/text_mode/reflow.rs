//! Reflow: a text rendering of a page → one logical line per block, the
//! renderer's markup turned back into text, kinds and link lengths.
//!
//! Renderers differ. Common Crawl's WET files and inscriptis print each block
//! on one line; lynx, w3m and html2text wrap paragraphs at a fixed width,
//! html2text writes Markdown and lynx numbers its links (`[12]Politics`).
//! Text mode judges whole lines, so a wrapped paragraph must be one line
//! again, and link markup is worth keeping as what it says: which text is a
//! link (menus are links, prose is not).
//!
//! Input: the decoded text. Output: [`Line`]s in order, whitespace collapsed,
//! blank lines dropped.
//!
//! Invariants: only renderer markup is removed (link targets, reference
//! numbers, image placeholders, emphasis and list marks, a lynx reference
//! list); every word of the text is kept; text that is neither wrapped nor
//! marked up comes out line for line.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::BlockKind;
use crate::parse::push_collapsed;

/// One logical line: a paragraph, heading or list item.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    /// The text, whitespace collapsed, markup removed.
    pub text: String,
    /// What the markup said the line is.
    pub kind: BlockKind,
    /// Chars of `text` inside links.
    pub link_chars: usize,
    /// Chars of links at the very start of `text`.
    pub lead_link_chars: usize,
}

/// Lines of at least this many chars tell a wrapped text's width.
const WIDTH_SAMPLE_MIN_CHARS: usize = 40;
/// A wrapped text has at least this many such lines.
const WIDTH_SAMPLE_MIN_LINES: usize = 8;
/// Renderers wrap at 60 to 160 columns (lynx and w3m 80, html2text 78).
const WIDTHS: std::ops::RangeInclusive<usize> = 60..=160;
/// A wrapped paragraph's lines end within this many chars of the width
/// (word lengths vary).
const WIDTH_BAND: usize = 20;
/// At least this share of the sample ends in the band below the width...
const WIDTH_BAND_MIN_SHARE: f32 = 0.5;
/// ... and at most this share runs past it (URLs and long words do not
/// break).
const WIDTH_OVER_MAX_SHARE: f32 = 0.1;
/// In a text whose body is indented, at least this share of the long lines
/// is.
const INDENTED_BODY_MIN_SHARE: f32 = 0.6;
/// A line at the margin of an indented text is a heading when it has at
/// most this many words.
const MARGIN_HEADING_MAX_WORDS: usize = 30;
/// A Markdown link wraps over at most this many lines.
const OPEN_LINK_MAX_LINES: usize = 16;
/// A line counts as filled when the next line's first word would not have
/// fitted on it this many columns short of the width (some renderers keep
/// the last column free).
const FILL_SLACK: usize = 1;
/// Counting chars instead of columns must fill the band this many times
/// fuller to be believed.
const CHARS_MIN_LEAD: f32 = 1.25;
/// Markdown links or lynx reference numbers: at least this many say the
/// text was rendered with them.
const MARKUP_MIN_COUNT: usize = 3;
/// A lynx line that opens with a link and has at most this many words is
/// all link (a menu item); lynx does not mark where a link ends.
const LYNX_LINK_LINE_MAX_WORDS: usize = 8;

static MD_IMAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!\[[^\]]*\]\((?:\\.|[^)\\])*\)").expect("valid regex"));
static MD_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]]*)\]\(((?:\\.|[^)\\])*)\)").expect("valid regex"));
static MD_LINK_COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\]\((?:https?:|/|#|mailto:|\.\.?/)").expect("valid regex"));
static LYNX_REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[\d{1,5}\]").expect("valid regex"));
static LYNX_REF_COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[\d{1,5}\]\S").expect("valid regex"));
/// lynx's and w3m's placeholders for images, ads, frames and form controls,
/// and images shown by their file name ("[img_decision-info]").
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[(?:IMG|INLINE|image|img|LINK|BUTTON|_+|X| |iframe|embedded \w+|INS::INS|INS:[^\]]*:INS|[\w.-]*(?i:img|image|icon|logo|banner|thumb|photo|pic)[\w.-]*|[\w.-]+\.(?i:jpe?g|png|gif|webp|svg|avif))\]")
        .expect("valid regex")
});
/// A reference-list entry: "  12. https://example.com/page" (any scheme:
/// `javascript:` targets hold spaces).
static REFERENCE_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\d{1,5}\.\s+(?i:[a-z][a-z0-9+.-]*):.*$").expect("valid regex")
});
/// A list item's mark, and the ordered list's number.
static LIST_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:([*+•◦▪·-])|(\d{1,3})[.)])\s+").expect("valid regex"));
/// A Markdown heading's hashes.
static MD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(#{1,6})\s+").expect("valid regex"));
/// A Markdown rule or a table's header separator: nothing but marks.
static MD_RULE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\s|:*_=-]*[-*_=]{3,}[\s|:*_=-]*$").expect("valid regex"));

/// Which markup a rendering uses.
#[derive(Debug, Clone, Copy, Default)]
struct Markup {
    markdown: bool,
    lynx: bool,
    /// Body text is indented (lynx): a line at the margin is a heading.
    indented_body: bool,
}

/// Turns a text rendering into logical lines.
pub(crate) fn reflow(text: &str) -> Vec<Line> {
    let markup = Markup {
        markdown: MD_LINK_COUNT.find_iter(text).count() >= MARKUP_MIN_COUNT,
        lynx: LYNX_REF_COUNT.find_iter(text).count() >= MARKUP_MIN_COUNT,
        indented_body: false,
    };
    let mut markup = markup;
    let physical: Vec<&str> = drop_reference_list(text.lines().collect(), markup);
    markup.indented_body = indented_body(&physical);
    let wrap = wrap_width(&physical);
    let mut lines = Vec::new();
    for paragraph in join_wrapped(&physical, wrap, markup.markdown) {
        if let Some(line) = read_line(&paragraph, markup) {
            lines.push(line);
        }
    }
    lines
}

/// lynx ends its dump with a numbered list of every link's target
/// ("References", then "  1. https://..."): link targets, never text.
fn drop_reference_list(lines: Vec<&str>, markup: Markup) -> Vec<&str> {
    if !markup.lynx {
        return lines;
    }
    let heading = lines.iter().rposition(|l| {
        let t = l.trim();
        t == "References" || t == "Visible links:" || t == "Visible links"
    });
    match heading {
        Some(at)
            if lines[at + 1..]
                .iter()
                .filter(|l| !l.trim().is_empty())
                .all(|l| {
                    // A long target wraps onto a line of its own.
                    REFERENCE_ENTRY.is_match(l)
                        || l.trim() == "Hidden links:"
                        || !l.trim().contains(char::is_whitespace)
                }) =>
        {
            lines[..at].to_vec()
        }
        _ => lines,
    }
}

/// Whether the long lines, the body's, are indented: lynx sets paragraphs
/// in by three columns and headings at the margin.
fn indented_body(lines: &[&str]) -> bool {
    let long: Vec<&&str> = lines
        .iter()
        .filter(|l| columns(l.trim_end()) >= WIDTH_SAMPLE_MIN_CHARS)
        .collect();
    let indented = long.iter().filter(|l| l.starts_with([' ', '\t'])).count();
    long.len() >= WIDTH_SAMPLE_MIN_LINES
        && indented as f32 >= INDENTED_BODY_MIN_SHARE * long.len() as f32
}

/// The column a wrapped rendering breaks its lines at, if it is wrapped:
/// most long lines end a little short of one width and few run past it.
/// Text that prints each block on one line has long lines of every length.
fn wrap_width(lines: &[&str]) -> Option<Wrap> {
    // Terminal renderers count a wide character as two columns (w3m) or
    // as one (lynx, for some scripts): the count whose band is fuller wins.
    // Columns are the common count; chars win only by a clear margin (in
    // Latin text both give the same width).
    let columns = width_by(lines, Measure::Columns);
    let chars = width_by(lines, Measure::Chars);
    match (columns, chars) {
        (Some((c, by_columns)), Some((ch, by_chars))) => {
            if by_chars as f32 > CHARS_MIN_LEAD * by_columns as f32 {
                Some(ch)
            } else {
                Some(c)
            }
        }
        (c, ch) => c.or(ch).map(|(wrap, _)| wrap),
    }
}

/// The width and the size of its band when lines are measured by
/// `measure`.
fn width_by(lines: &[&str], measure: Measure) -> Option<(Wrap, usize)> {
    let lengths: Vec<usize> = lines
        .iter()
        // A URL does not break at the width (html2text breaks it at hyphens
        // and slashes, anywhere): only lines without one tell the width.
        .filter(|l| !l.contains("://") && !l.contains("]("))
        .map(|l| measure.of(l.trim_end()))
        .filter(|&n| n >= WIDTH_SAMPLE_MIN_CHARS)
        .collect();
    if lengths.len() < WIDTH_SAMPLE_MIN_LINES {
        return None;
    }
    let total = lengths.len() as f32;
    let mut best: Option<(Wrap, usize)> = None;
    for width in WIDTHS {
        let over = lengths.iter().filter(|&&n| n > width).count();
        if over as f32 > WIDTH_OVER_MAX_SHARE * total {
            continue;
        }
        let band = lengths
            .iter()
            .filter(|&&n| n <= width && n + WIDTH_BAND > width)
            .count();
        if band as f32 >= WIDTH_BAND_MIN_SHARE * total && best.is_none_or(|(_, b)| band > b) {
            best = Some((Wrap { width, measure }, band));
        }
    }
    best
}

/// How a renderer measured its lines.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Measure {
    /// Terminal columns: two for a wide character.
    Columns,
    /// Characters.
    Chars,
}

impl Measure {
    fn of(self, text: &str) -> usize {
        match self {
            Measure::Columns => columns(text),
            Measure::Chars => text.chars().count(),
        }
    }
}

/// The width a rendering is wrapped at, and how it measures lines.
#[derive(Debug, Clone, Copy)]
struct Wrap {
    width: usize,
    measure: Measure,
}

/// Physical lines joined into paragraphs: a line continues the one before
/// when that one was filled to the width (the renderer broke it), it is not
/// blank, and it does not open a list item or a heading; in Markdown, also
/// when a link's label or target runs on from the line before.
fn join_wrapped(lines: &[&str], wrap: Option<Wrap>, markdown: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut previous: Option<&str> = None;
    // A Markdown link still open at the end of the paragraph so far, and
    // for how many lines it has been (a label or target wraps over a few
    // lines at most; a stray bracket must not join the rest of the page).
    let mut link = LinkState::default();
    for &raw in lines {
        let line = raw.trim_end();
        if line.trim().is_empty() {
            previous = None;
            continue;
        }
        let content = line.trim_start();
        let link_open = markdown && link.is_open() && link.lines < OPEN_LINK_MAX_LINES;
        let continues = match (wrap, previous) {
            _ if link_open && previous.is_some() => true,
            (Some(wrap), Some(prev)) => {
                // Text without spaces (Chinese, Japanese) wraps at any
                // character: its first "word" is one character.
                let first_word =
                    content
                        .split_whitespace()
                        .next()
                        .map_or(0, |w| match w.chars().next() {
                            Some(c) if is_wide(c) => wrap.measure.of(&c.to_string()),
                            _ => wrap.measure.of(w),
                        });
                // The width is the longest line's (a bound from below), so a
                // line the renderer broke passes.
                let filled = wrap.measure.of(prev) + 1 + first_word + FILL_SLACK > wrap.width;
                filled && !opens_block(content)
            }
            _ => false,
        };
        match out.last_mut() {
            Some(last) if continues => {
                // A compound broken at its hyphen ("GKV-" / "Gesetz") is one word.
                let hyphen = last.ends_with('-')
                    && last.chars().rev().nth(1).is_some_and(char::is_alphabetic)
                    && content.chars().next().is_some_and(char::is_alphabetic);
                // Nor does a line of Chinese or Japanese broken between two
                // characters take a space.
                let wide = last.chars().last().is_some_and(is_wide)
                    && content.chars().next().is_some_and(is_wide);
                if !hyphen && !wide {
                    last.push(' ');
                }
                last.push_str(content);
                link.lines += 1;
            }
            _ => {
                out.push(line.to_owned());
                link = LinkState::default();
            }
        }
        if markdown {
            link.read(content);
        }
        previous = Some(line);
    }
    out
}

/// The columns a terminal renderer gives `text`: two for a wide character.
fn columns(text: &str) -> usize {
    text.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// East Asian wide characters: kana, Han, Hangul syllables, full-width
/// forms and CJK punctuation.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// Whether a Markdown link's label (`[...`) or target (`](...`) is open,
/// read one line at a time.
#[derive(Debug, Default)]
struct LinkState {
    /// Open labels: an image's sits inside a link's (`[![alt](src)](href)`).
    labels: usize,
    target: bool,
    /// Lines joined since the paragraph began.
    lines: usize,
}

impl LinkState {
    fn is_open(&self) -> bool {
        self.labels > 0 || self.target
    }

    /// Updates the state with the next line of the paragraph.
    fn read(&mut self, line: &str) {
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                // An escaped character (`\)` in a target) is text.
                '\\' => {
                    chars.next();
                }
                ')' if self.target => self.target = false,
                _ if self.target => {}
                '[' => self.labels += 1,
                ']' if self.labels > 0 => {
                    self.labels -= 1;
                    if chars.peek() == Some(&'(') {
                        chars.next();
                        self.target = true;
                    }
                }
                _ => {}
            }
        }
    }
}

/// Whether a line opens a block of its own: a list item or a heading.
fn opens_block(content: &str) -> bool {
    LIST_MARK.is_match(content) || MD_HEADING.is_match(content)
}

/// One paragraph's text, kind and links, markup removed; `None` when
/// nothing but markup is left.
fn read_line(paragraph: &str, markup: Markup) -> Option<Line> {
    let trimmed = paragraph.trim();
    if markup.markdown && MD_RULE.is_match(trimmed) {
        return None;
    }
    let mut kind = BlockKind::Paragraph;
    let mut rest = trimmed;
    if let Some(m) = markup.markdown.then(|| MD_HEADING.captures(rest)).flatten() {
        let level = m.get(1).map_or(1, |h| h.as_str().len());
        kind = BlockKind::Heading(u8::try_from(level).unwrap_or(6));
        rest = &rest[m.get(0).map_or(0, |m| m.end())..];
    } else if let Some(m) = LIST_MARK.captures(rest).filter(|m| m.get(1).is_some()) {
        // A bullet is markup; an ordered list's number is part of the text
        // ("5. Bake at 180C"), so it stays and the line stays a paragraph.
        kind = BlockKind::ListItem {
            ordered: false,
            depth: 0,
        };
        rest = &rest[m.get(0).map_or(0, |m| m.end())..];
    }
    if markup.indented_body
        && kind == BlockKind::Paragraph
        && !paragraph.starts_with([' ', '\t'])
        && rest.split_whitespace().count() <= MARGIN_HEADING_MAX_WORDS
    {
        kind = BlockKind::Heading(2);
    }
    let mut text = String::new();
    let mut link_chars = 0;
    let mut lead_link_chars = 0;
    if markup.markdown {
        let without_images = MD_IMAGE.replace_all(rest, " ");
        let mut last = 0;
        // Links before any other text make the line's lead.
        let mut leading = true;
        for link in MD_LINK.captures_iter(&without_images) {
            let (Some(whole), Some(label)) = (link.get(0), link.get(1)) else {
                continue;
            };
            let between = &without_images[last..whole.start()];
            leading &= between.trim().is_empty();
            push_collapsed(&mut text, &unmark(between));
            let before = text.chars().count();
            push_collapsed(&mut text, &unmark(label.as_str()));
            let linked = text.chars().count() - before;
            if leading {
                lead_link_chars += linked;
            }
            link_chars += linked;
            last = whole.end();
        }
        push_collapsed(&mut text, &unmark(&without_images[last..]));
    } else {
        push_collapsed(&mut text, rest);
    }
    if markup.lynx {
        let opens_with_link = LYNX_REF.find(&text).is_some_and(|m| m.start() == 0);
        text = collapsed(&LYNX_REF.replace_all(&text, ""));
        if opens_with_link && text.split_whitespace().count() <= LYNX_LINK_LINE_MAX_WORDS {
            link_chars = text.chars().count();
            lead_link_chars = link_chars;
        }
    }
    if PLACEHOLDER.is_match(&text) {
        text = collapsed(&PLACEHOLDER.replace_all(&text, ""));
    }
    let text = text.trim().to_owned();
    if text.is_empty() {
        return None;
    }
    let chars = text.chars().count();
    Some(Line {
        text,
        kind,
        link_chars: link_chars.min(chars),
        lead_link_chars: lead_link_chars.min(chars),
    })
}

fn collapsed(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_collapsed(&mut out, text);
    out
}

/// Markdown emphasis and escapes removed: `**bold**`, `__bold__`, `\-`.
fn unmark(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(|n| n.is_ascii_punctuation()) => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '*' | '_' if chars.peek() == Some(&c) => {
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn one_block_per_line_passes_through() {
        let text = "Home\nWorld\n\nA paragraph that is long, printed on one line as WET files do, and it ends here.\n* a list item";
        let lines = reflow(text);
        assert_eq!(
            texts(&lines),
            [
                "Home",
                "World",
                "A paragraph that is long, printed on one line as WET files do, and it ends here.",
                "a list item"
            ]
        );
        assert!(matches!(lines[3].kind, BlockKind::ListItem { .. }));
    }

    /// Words wrapped at `width` columns, as text browsers print them.
    fn wrap(text: &str, width: usize, indent: &str) -> String {
        let mut out = String::new();
        let mut line = String::from(indent);
        for word in text.split_whitespace() {
            if line.len() > indent.len() && line.len() + 1 + word.len() > width {
                out.push_str(&line);
                out.push('\n');
                line = String::from(indent);
            }
            if line.len() > indent.len() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&line);
        out.push('\n');
        out
    }

    #[test]
    fn wrapped_paragraphs_become_one_line_each() {
        let para = "The council voted on Tuesday to extend the harbour wall by two hundred metres, a project that has been debated for a decade and that the port authority says will protect the fishing fleet from winter storms.";
        let mut text = String::from("Home\nNews\nSport\n\n");
        for _ in 0..4 {
            text.push_str(&wrap(para, 80, "   "));
            text.push('\n');
        }
        text.push_str("   Short closing line.\n");
        let lines = reflow(&text);
        let got = texts(&lines);
        assert_eq!(got[..3], ["Home", "News", "Sport"]);
        assert_eq!(got[3..7], [para; 4]);
        assert_eq!(got[7], "Short closing line.");
    }

    #[test]
    fn short_lines_of_a_wrapped_text_stay_apart() {
        let para = "Dockworkers returned to the quays on Monday after nine days on strike, ending the longest stoppage at the port since the nineteen-eighties and clearing the way for ships.";
        let mut text = String::new();
        for _ in 0..4 {
            text.push_str(&wrap(para, 78, ""));
            text.push('\n');
        }
        text.push_str("Share this\nFacebook\nTwitter\n");
        let got = reflow(&text);
        assert_eq!(texts(&got)[4..], ["Share this", "Facebook", "Twitter"]);
    }

    #[test]
    fn markdown_links_become_link_text() {
        let text = "[Home](/) [World](/world) [Sport](https://example.com/sport)\n\n## A heading\n\nRead the [full report](https://example.com/r) on the **harbour** plan. ![map](https://example.com/m.png)\n\n---|---\n";
        let lines = reflow(text);
        assert_eq!(
            texts(&lines),
            [
                "Home World Sport",
                "A heading",
                "Read the full report on the harbour plan."
            ]
        );
        assert_eq!(lines[0].link_chars, "Home World Sport".len() - 2);
        assert_eq!(lines[0].lead_link_chars, lines[0].link_chars);
        assert_eq!(lines[1].kind, BlockKind::Heading(2));
        assert_eq!(lines[2].link_chars, "full report".len());
        assert_eq!(lines[2].lead_link_chars, 0);
    }

    #[test]
    fn lynx_reference_numbers_and_list_go() {
        let text = "   * [1]Home\n   * [2]Money in Politics\n\n   The [3]council voted on Tuesday.\n\nReferences\n\n   1. https://example.com/\n   2. https://example.com/politics\n   3. https://example.com/council\n";
        let lines = reflow(text);
        assert_eq!(
            texts(&lines),
            ["Home", "Money in Politics", "The council voted on Tuesday."]
        );
        assert_eq!(lines[1].link_chars, "Money in Politics".len());
        assert_eq!(lines[2].link_chars, 0);
    }

    #[test]
    fn bracketed_numbers_of_plain_text_stay() {
        let lines = reflow("Results were mixed [1] in the first trial.");
        assert_eq!(
            texts(&lines),
            ["Results were mixed [1] in the first trial."]
        );
    }
}
