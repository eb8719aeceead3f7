//! Text blocks: the DOM cut into the units a reader sees as paragraphs.
//!
//! Input: a [`Dom`] and a mask of removed nodes. Output: [`TextBlock`]s in
//! document order, each a maximal run of inline content between block
//! boundaries (block-level tags and `<br>`), with its role (heading, list
//! item, quote, code, table), its text and how much of it is link text.
//!
//! One iterative pass with O(1) work per node: the boilerplate, selection and
//! rendering stages all see the page through these blocks, so they agree on
//! what a paragraph is.

use crate::document::BlockKind;
use crate::parse::{Dom, NodeKind, Tag};
use crate::rules::structure::{COLLAPSED_PANEL_ROLES, COLLAPSED_PANEL_WORDS, HIDING_CLASSES};
use crate::rules::thresholds::{PROSE_MAX_LINK_DENSITY, PROSE_MIN_CHARS};

/// A data table has no cell longer than this (chars): longer cells mean the
/// table is page layout, whose cells are walked as ordinary containers.
const DATA_TABLE_MAX_CELL_CHARS: usize = 400;

/// A teaser's linked headline is at least this long (chars)...
const TEASER_MIN_HEADLINE_CHARS: usize = 20;
/// ... and this share of the run.
const TEASER_MIN_HEADLINE_SHARE: f32 = 0.12;

/// One paragraph-like run of text.
#[derive(Debug, Clone)]
pub struct TextBlock {
    /// Innermost block-level element holding the run.
    pub owner: usize,
    /// First node of the run.
    pub start: usize,
    /// One past the last node of the run.
    pub stop: usize,
    /// Its structural role.
    pub kind: BlockKind,
    /// Whitespace-collapsed text (kept as is for code).
    pub text: String,
    /// Length of `text` in chars.
    pub chars: usize,
    /// Chars inside links.
    pub link_chars: usize,
    /// Chars inside links at the very start of the run (a teaser's linked
    /// headline).
    pub lead_link_chars: usize,
}

impl TextBlock {
    /// Whether the run opens with a linked headline followed by a cut-off
    /// summary ("... may soon..."): a teaser for another article. A news
    /// digest's items also open with links, but end in whole sentences.
    pub fn is_teaser(&self) -> bool {
        self.lead_link_chars >= TEASER_MIN_HEADLINE_CHARS
            && self.lead_link_chars as f32 >= TEASER_MIN_HEADLINE_SHARE * self.chars as f32
            && self.lead_link_chars < self.chars
            && (self.text.ends_with("...")
                || self.text.ends_with('…')
                || self.text.ends_with("[…]"))
    }

    /// Long, with few links, not a teaser: the kind of text articles are
    /// made of.
    pub fn is_prose(&self) -> bool {
        self.chars >= PROSE_MIN_CHARS
            && self.link_density() < PROSE_MAX_LINK_DENSITY
            && !self.is_teaser()
    }

    /// Share of the text inside links, 0.0 to 1.0.
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// Per node, the sum of `value` over the blocks in its subtree: each block
/// counts for its owner, then one bottom-up pass (children come after their
/// parent in document order) carries the sums to every ancestor.
pub fn subtree_sums<T>(dom: &Dom, blocks: &[TextBlock], value: impl Fn(&TextBlock) -> T) -> Vec<T>
where
    T: Copy + Default + std::ops::AddAssign,
{
    let mut sums = vec![T::default(); dom.len()];
    for b in blocks {
        sums[b.owner] += value(b);
    }
    for i in (1..dom.len()).rev() {
        if let Some(p) = dom.parent(i) {
            let child = sums[i];
            sums[p] += child;
        }
    }
    sums
}

/// Id prefix of the segments React streams into a page: the server sends a
/// finished part of the page as `<div hidden id="S:1">` at the end of the
/// body and a script moves it into place, so readers see it.
const STREAMED_SEGMENT_ID_PREFIX: &str = "S:";

/// Whether node `i` (an element) is hidden from readers by its attributes.
/// A collapsed panel (see [`is_collapsed_panel`]) is not: readers open it.
pub fn is_hidden(dom: &Dom, i: usize) -> bool {
    // One pass over the attributes: this runs at every element.
    let [hidden, aria_hidden, style, class] =
        dom.attrs_named(i, ["hidden", "aria-hidden", "style", "class"]);
    let hidden = (hidden.is_some() && !is_streamed_segment(dom, i))
        || (aria_hidden == Some("true") && dom.tag(i) != Some(Tag::Body))
        || style.is_some_and(style_hides)
        || class.is_some_and(class_hides);
    hidden && !is_collapsed_panel(dom, i)
}

/// Whether element `i` is an accordion fold or a tab panel: hidden until
/// its trigger is clicked, but text the page shows every reader who asks
/// (a service page's offers, a FAQ's answers). Its role says so
/// ([`COLLAPSED_PANEL_ROLES`]), or its label is its trigger
/// (`aria-labelledby`) and it is no dialog or menu, or a class word says so
/// ([`COLLAPSED_PANEL_WORDS`]).
fn is_collapsed_panel(dom: &Dom, i: usize) -> bool {
    let role = dom.attr(i, "role");
    if role.is_some_and(|r| COLLAPSED_PANEL_ROLES.contains(&r)) {
        return true;
    }
    if role.is_some_and(|r| !r.eq_ignore_ascii_case("presentation")) {
        return false;
    }
    dom.attr(i, "aria-labelledby").is_some()
        || dom.attr(i, "class").is_some_and(|c| {
            c.split(|ch: char| !ch.is_ascii_alphanumeric()).any(|w| {
                COLLAPSED_PANEL_WORDS
                    .iter()
                    .any(|p| w.eq_ignore_ascii_case(p))
            })
        })
}

/// Whether inline style `s` hides its element.
fn style_hides(s: &str) -> bool {
    let s: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// Whether a utility class ([`HIDING_CLASSES`]) in class list `class`
/// hides its element on every screen: a class list that also shows it from some width on (`md:block`,
/// `d-lg-flex`) leaves it visible on a desktop.
fn class_hides(class: &str) -> bool {
    let mut tokens = class.split_ascii_whitespace();
    tokens
        .clone()
        .any(|t| HIDING_CLASSES.iter().any(|h| t.eq_ignore_ascii_case(h)))
        && !tokens.any(shows_at_some_width)
}

/// Whether class token `t` shows an element from some screen width on:
/// Tailwind's `md:block`, Bootstrap's `d-md-block`.
fn shows_at_some_width(t: &str) -> bool {
    t.contains(':') || (t.starts_with("d-") && t.matches('-').count() == 2)
}

/// Whether element `i` is a streamed segment waiting to be moved into place
/// (see [`STREAMED_SEGMENT_ID_PREFIX`]): its id is the prefix and a number.
fn is_streamed_segment(dom: &Dom, i: usize) -> bool {
    dom.attr(i, "id")
        .and_then(|id| id.strip_prefix(STREAMED_SEGMENT_ID_PREFIX))
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Whether element `i` is never visible text: invisible tags and hidden elements.
/// Worked out once per page for every node (stages ask about each node many
/// times).
pub fn is_invisible(dom: &Dom, i: usize) -> bool {
    dom.node_flags(invisible_nodes)[i]
}

fn invisible_nodes(dom: &Dom) -> Vec<bool> {
    let panels = disclosure_panels(dom);
    let mut flags: Vec<bool> = (0..dom.len())
        .map(|i| match dom.kind(i) {
            NodeKind::Element(tag) => {
                tag.is_invisible()
                    || (is_hidden(dom, i)
                        && !dom.attr(i, "id").is_some_and(|id| panels.contains(id)))
            }
            NodeKind::Other => true,
            _ => false,
        })
        .collect();
    for w in page_wrappers(dom, &flags) {
        flags[w] = false;
    }
    flags
}

/// A hidden element holding at least this share of the page's text is the
/// page itself, hidden until its scripts run (an anti-flicker wrapper, an
/// app root set `aria-hidden` while a dialog is open): readers see it.
const PAGE_WRAPPER_MIN_TEXT_SHARE: f32 = 0.9;

/// ... and so is one holding the page's `<main>` landmark or headline with
/// at least this share (a theme's hidden wrapper beside a large menu), and
/// one inside `<main>` holding [`PAGE_WRAPPER_MIN_TEXT_SHARE`] of its text
/// (a theme's lock-down wrapper around the landmark's content).
const MAIN_WRAPPER_MIN_TEXT_SHARE: f32 = 0.5;

/// The hidden elements (flagged in `hidden`, not by their tag) that wrap
/// the page: see [`PAGE_WRAPPER_MIN_TEXT_SHARE`].
fn page_wrappers(dom: &Dom, hidden: &[bool]) -> Vec<usize> {
    let main = dom
        .elements(Tag::Main)
        .next()
        .or_else(|| (0..dom.len()).find(|&m| dom.attr(m, "role") == Some("main")))
        .or_else(|| dom.elements(Tag::H1).next());
    let holds_main = |i: usize| main.is_some_and(|m| dom.contains(i, m));
    // The landmark itself (not the headline standing in for it).
    let landmark = main.filter(|&m| dom.tag(m) != Some(Tag::H1));
    let in_main = |i: usize| landmark.is_some_and(|m| m != i && dom.contains(m, i));
    // Only an element spanning half the nodes, or the main landmark, can
    // hold most of the text (a cheap bound: most pages skip the count below).
    let candidates: Vec<usize> = (0..dom.len())
        .filter(|&i| {
            hidden[i]
                && dom.tag(i).is_some_and(|t| !t.is_invisible())
                && (2 * (dom.end(i) - i) >= dom.len() || holds_main(i) || in_main(i))
        })
        .collect();
    if candidates.is_empty() {
        return candidates;
    }
    // Text chars per subtree, outside elements hidden by their tag
    // (script, style, template).
    let mut chars = vec![0usize; dom.len()];
    for i in (0..dom.len()).rev() {
        if dom.tag(i).is_some_and(|t| t.is_invisible()) || dom.kind(i) == NodeKind::Other {
            chars[i] = 0;
            continue;
        }
        if let Some(t) = dom.text(i) {
            chars[i] += t.trim().len();
        }
        if let Some(p) = dom.parent(i) {
            chars[p] += chars[i];
        }
    }
    let total = chars.first().copied().unwrap_or(0) as f32;
    candidates
        .into_iter()
        .filter(|&i| {
            let share = if holds_main(i) {
                MAIN_WRAPPER_MIN_TEXT_SHARE
            } else {
                PAGE_WRAPPER_MIN_TEXT_SHARE
            };
            let of_main = landmark
                .filter(|_| in_main(i))
                .is_some_and(|m| chars[i] as f32 >= PAGE_WRAPPER_MIN_TEXT_SHARE * chars[m] as f32);
            (total > 0.0 && chars[i] as f32 >= share * total) || of_main
        })
        .collect()
}

/// The ids of the page's disclosure panels: the elements a toggle names in
/// its `aria-controls` (an accordion's sections, a "Read more" fold). Like
/// the collapsed panels of [`is_collapsed_panel`], they are hidden until a
/// reader opens them with one click, and hold the page's text.
fn disclosure_panels(dom: &Dom) -> std::collections::HashSet<&str> {
    (0..dom.len())
        .filter_map(|i| dom.attr(i, "aria-controls"))
        .flat_map(str::split_ascii_whitespace)
        .collect()
}

#[derive(Default)]
struct State {
    /// Open elements: (index, end).
    open: Vec<(usize, usize)>,
    /// Open block-level elements (owners).
    owners: Vec<usize>,
    headings: Vec<u8>,
    lists: Vec<bool>,
    in_li: usize,
    pre: usize,
    quote: usize,
    links: usize,
}

struct Builder<'a> {
    dom: &'a Dom,
    out: Vec<TextBlock>,
    text: String,
    chars: usize,
    link_chars: usize,
    lead_link_chars: usize,
    /// Whether every char so far was inside a link.
    all_link: bool,
    start: usize,
    stop: usize,
    /// An inline element opened or closed since the last text.
    crossed_element: bool,
}

impl Builder<'_> {
    fn flush(&mut self, st: &State) {
        let text = if st.pre > 0 {
            self.text.trim_matches('\n').trim_end().to_owned()
        } else {
            self.text.trim().to_owned()
        };
        if !text.is_empty() {
            let kind = if st.pre > 0 {
                BlockKind::Code
            } else if let Some(&level) = st.headings.last() {
                BlockKind::Heading(level)
            } else if st.in_li > 0 {
                BlockKind::ListItem {
                    ordered: st.lists.last().copied().unwrap_or(false),
                    depth: st.lists.len().saturating_sub(1).min(u8::MAX as usize) as u8,
                }
            } else if st.quote > 0 {
                BlockKind::Quote
            } else {
                BlockKind::Paragraph
            };
            let chars = text.chars().count();
            self.out.push(TextBlock {
                owner: st.owners.last().copied().unwrap_or(0),
                start: self.start,
                stop: self.stop,
                kind,
                link_chars: self.link_chars.min(chars),
                lead_link_chars: self.lead_link_chars.min(chars),
                chars,
                text,
            });
        }
        self.text.clear();
        self.chars = 0;
        self.link_chars = 0;
        self.lead_link_chars = 0;
        self.all_link = true;
    }

    fn push_text(&mut self, i: usize, t: &str, st: &State) {
        if self.text.is_empty() {
            self.start = i;
        }
        self.stop = i + 1;
        // Words in adjacent inline elements that a stylesheet sets apart
        // ("<b>Industry Competency</b>Our experts", a name label beside
        // its link) run together in the markup; a lower-case letter
        // followed across the element boundary by a capital starts a new
        // word, as a reader sees it. (A word half in bold, `Java<b>Script</b>`,
        // is split too: far rarer than a label run into its value.)
        let crossed = std::mem::replace(&mut self.crossed_element, false);
        if crossed && st.pre == 0 {
            let prev = self.text.chars().next_back();
            let next = t.chars().next();
            if prev.is_some_and(char::is_lowercase) && next.is_some_and(char::is_uppercase) {
                self.text.push(' ');
            }
        }
        let added = if st.pre > 0 {
            self.text.push_str(t);
            t.chars().count()
        } else {
            self.dom.push_collapsed_text(i, &mut self.text)
        };
        self.chars += added;
        if st.links > 0 {
            self.link_chars += added;
            if self.all_link {
                self.lead_link_chars += added;
            }
        } else if !t.trim().is_empty() {
            self.all_link = false;
        }
    }
}

/// Cuts the subtree of `root` into text blocks, skipping subtrees whose root
/// is marked in `removed` (indexed by node; may be empty for "nothing removed").
pub fn segment(dom: &Dom, removed: &[bool], root: usize) -> Vec<TextBlock> {
    let mut b = Builder {
        dom,
        out: Vec::new(),
        text: String::new(),
        chars: 0,
        link_chars: 0,
        lead_link_chars: 0,
        all_link: true,
        start: root,
        stop: root,
        crossed_element: false,
    };
    let mut st = State::default();
    let end = dom.end(root);
    let mut i = root;
    while i < end {
        close_until(&mut b, &mut st, i);
        if removed.get(i).copied().unwrap_or(false) || is_invisible(dom, i) {
            i = dom.end(i);
            continue;
        }
        match dom.kind(i) {
            NodeKind::Text => {
                if let Some(t) = dom.text(i) {
                    b.push_text(i, t, &st);
                }
                i += 1;
            }
            NodeKind::Element(tag) => {
                if tag == Tag::Br || tag == Tag::Hr {
                    if st.pre > 0 && tag == Tag::Br {
                        b.text.push('\n');
                    } else {
                        b.flush(&st);
                    }
                    i = dom.end(i);
                    continue;
                }
                if tag == Tag::Table && st.pre == 0 {
                    if let Some((rows, links)) = data_table(dom, removed, i) {
                        b.flush(&st);
                        let text = rows
                            .iter()
                            .map(|r| r.join(" "))
                            .collect::<Vec<_>>()
                            .join("\n");
                        let chars = text.chars().count();
                        b.out.push(TextBlock {
                            owner: i,
                            start: i,
                            stop: dom.end(i),
                            kind: BlockKind::Table(rows),
                            text,
                            link_chars: links.min(chars),
                            chars,
                            lead_link_chars: 0,
                        });
                        i = dom.end(i);
                        continue;
                    }
                }
                if tag.is_block() {
                    b.flush(&st);
                    st.owners.push(i);
                } else {
                    b.crossed_element = true;
                }
                match tag {
                    Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => {
                        st.headings.push(tag.heading_level().unwrap_or(2))
                    }
                    Tag::Ul => st.lists.push(false),
                    Tag::Ol => st.lists.push(true),
                    Tag::Li => st.in_li += 1,
                    Tag::Pre => st.pre += 1,
                    Tag::Blockquote => st.quote += 1,
                    Tag::A => st.links += 1,
                    _ => {}
                }
                st.open.push((i, dom.end(i)));
                i += 1;
            }
            _ => i += 1,
        }
    }
    close_until(&mut b, &mut st, usize::MAX);
    b.flush(&st);
    b.out
}

/// Closes every open element that ends at or before `i`.
fn close_until(b: &mut Builder<'_>, st: &mut State, i: usize) {
    while let Some(&(el, end)) = st.open.last() {
        if end > i {
            break;
        }
        st.open.pop();
        let Some(tag) = b.dom.tag(el) else { continue };
        if tag.is_block() {
            b.flush(st);
            st.owners.pop();
        } else {
            b.crossed_element = true;
        }
        match tag {
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => {
                st.headings.pop();
            }
            Tag::Ul | Tag::Ol => {
                st.lists.pop();
            }
            Tag::Li => st.in_li -= 1,
            Tag::Pre => st.pre -= 1,
            Tag::Blockquote => st.quote -= 1,
            Tag::A => st.links -= 1,
            _ => {}
        }
    }
}

/// The rows of `table` if it is a data table (no nested table, short cells),
/// with the chars of its cells inside links; `None` if it is layout.
fn data_table(dom: &Dom, removed: &[bool], table: usize) -> Option<(Vec<Vec<String>>, usize)> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut link_chars = 0;
    let end = dom.end(table);
    let mut i = table + 1;
    while i < end {
        if removed.get(i).copied().unwrap_or(false) || is_invisible(dom, i) {
            i = dom.end(i);
            continue;
        }
        match dom.tag(i) {
            Some(Tag::Table) => return None,
            Some(Tag::Tr) => {
                rows.push(Vec::new());
                i += 1;
            }
            Some(Tag::Td) | Some(Tag::Th) => {
                let mut cell = String::new();
                let cell_end = dom.end(i);
                // One past the last node of the innermost open link.
                let mut link_end = 0;
                let mut cell_links = 0;
                let mut j = i + 1;
                while j < cell_end {
                    if dom.tag(j) == Some(Tag::Table) {
                        return None;
                    }
                    if removed.get(j).copied().unwrap_or(false) || is_invisible(dom, j) {
                        j = dom.end(j);
                        continue;
                    }
                    if dom.tag(j) == Some(Tag::A) {
                        link_end = link_end.max(dom.end(j));
                    }
                    if dom.text(j).is_some() {
                        let before = cell.len();
                        dom.push_collapsed_text(j, &mut cell);
                        if j < link_end {
                            cell_links +=
                                cell.get(before..).map_or(0, |a| a.trim().chars().count());
                        }
                    } else if dom.tag(j).is_some_and(|t| t.is_block()) && !cell.ends_with(' ') {
                        cell.push(' ');
                    }
                    j += 1;
                }
                let cell = cell.trim().to_owned();
                if cell.chars().count() > DATA_TABLE_MAX_CELL_CHARS {
                    return None;
                }
                link_chars += cell_links;
                match rows.last_mut() {
                    Some(row) => row.push(cell),
                    None => rows.push(vec![cell]),
                }
                i = cell_end;
            }
            _ => i += 1,
        }
    }
    rows.retain(|r| r.iter().any(|c| !c.is_empty()));
    if rows.is_empty() {
        None
    } else {
        Some((rows, link_chars))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_and_texts(html: &str) -> Vec<(BlockKind, String)> {
        let dom = Dom::parse(html);
        segment(&dom, &[], 0)
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn a_page_hidden_until_its_scripts_run_is_read_but_hidden_boxes_are_not() {
        let got = kinds_and_texts(
            "<body><div style=\"visibility: hidden; min-height: 100vh\"><h1>Title</h1>\
             <p>The whole tutorial is inside the wrapper.</p>\
             <div style=\"display:none\">A hidden sign-in box</div></div></body>",
        );
        let texts: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            ["Title", "The whole tutorial is inside the wrapper."]
        );
        let got = kinds_and_texts(
            "<body><p>A visible paragraph of the article, the most of the page.</p>\
             <div style=\"display:none\">A hidden box</div></body>",
        );
        assert!(got.iter().all(|(_, t)| !t.contains("hidden box")));
    }

    #[test]
    fn paragraphs_headings_lists_and_br_runs() {
        let got = kinds_and_texts(
            "<body><h2>Sub <b>head</b></h2><p>One <a href=x>two</a> three</p>\
             <ul><li>a</li><li>b<ol><li>c</li></ol></li></ul><div>line one<br><br>line two</div>\
             <blockquote>q</blockquote><pre>x = 1\n  y</pre><script>var s;</script></body>",
        );
        assert_eq!(
            got,
            vec![
                (BlockKind::Heading(2), "Sub head".into()),
                (BlockKind::Paragraph, "One two three".into()),
                (
                    BlockKind::ListItem {
                        ordered: false,
                        depth: 0
                    },
                    "a".into()
                ),
                (
                    BlockKind::ListItem {
                        ordered: false,
                        depth: 0
                    },
                    "b".into()
                ),
                (
                    BlockKind::ListItem {
                        ordered: true,
                        depth: 1
                    },
                    "c".into()
                ),
                (BlockKind::Paragraph, "line one".into()),
                (BlockKind::Paragraph, "line two".into()),
                (BlockKind::Quote, "q".into()),
                (BlockKind::Code, "x = 1\n  y".into()),
            ]
        );
    }

    #[test]
    fn words_split_only_by_an_element_boundary_are_set_apart() {
        let got = kinds_and_texts(
            "<ul><li><b>Industry Competency</b>Our experts know the trade.</li></ul>\
             <p><span>Rep.</span> <a href=/p>Ilhan Omar</a> and <b>W</b>ord, iPhone, \
             <i>un</i>Like</p>",
        );
        assert_eq!(got[0].1, "Industry Competency Our experts know the trade.");
        assert_eq!(got[1].1, "Rep. Ilhan Omar and Word, iPhone, un Like");
    }

    #[test]
    fn link_chars_are_counted() {
        let dom = Dom::parse("<p>abc <a href=x>defg</a></p>");
        let blocks = segment(&dom, &[], 0);
        assert_eq!(blocks[0].chars, 8);
        assert_eq!(blocks[0].link_chars, 4);
    }

    #[test]
    fn data_tables_become_rows_layout_tables_do_not() {
        let got = kinds_and_texts(
            "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>",
        );
        assert_eq!(
            got,
            vec![(
                BlockKind::Table(vec![
                    vec!["A".into(), "B".into()],
                    vec!["1".into(), "2".into()]
                ]),
                "A B\n1 2".into()
            )]
        );
        let long = "word ".repeat(100);
        let got = kinds_and_texts(&format!("<table><tr><td><p>{long}</p></td></tr></table>"));
        assert_eq!(got[0].0, BlockKind::Paragraph);
    }

    #[test]
    fn removed_and_hidden_subtrees_are_skipped() {
        let dom =
            Dom::parse("<div><p>keep</p><p id=x>drop</p><p style='display: none'>hidden</p></div>");
        let mut removed = vec![false; dom.len()];
        let x = (0..dom.len())
            .find(|&i| dom.attr(i, "id") == Some("x"))
            .unwrap();
        removed[x] = true;
        let texts: Vec<String> = segment(&dom, &removed, 0)
            .into_iter()
            .map(|b| b.text)
            .collect();
        assert_eq!(texts, vec!["keep".to_string()]);
    }

    #[test]
    fn folded_panels_are_text_hidden_menus_and_dialogs_are_not() {
        let got = kinds_and_texts(
            "<body><h3 id=t1>Is delivery included?</h3>\
             <div aria-hidden=true aria-labelledby=t1><p>Yes, and setup too.</p></div>\
             <div role=tabpanel hidden><p>Rent for a day or a month.</p></div>\
             <div class='faq-answer' style='display:none'><p>Pickup is free.</p></div>\
             <ul hidden><li>Menu entry</li></ul>\
             <div role=dialog aria-hidden=true aria-labelledby=t1><p>Sign up now</p></div></body>",
        );
        let texts: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Is delivery included?",
                "Yes, and setup too.",
                "Rent for a day or a month.",
                "Pickup is free."
            ]
        );
    }

    #[test]
    fn a_panel_its_toggle_controls_is_text_a_hidden_box_is_not() {
        let got = kinds_and_texts(
            "<body><h3><button aria-controls='faq-1' aria-expanded=false>Sizing</button></h3>\
             <div id=faq-1 aria-hidden=true><p>Helmets run small; measure your head first.</p></div>\
             <div id=cart aria-hidden=true><p>Your cart is empty</p></div></body>",
        );
        let texts: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, ["Helmets run small; measure your head first."]);
    }

    #[test]
    fn utility_classes_hide_unless_a_width_shows_them() {
        let texts = |html: &str| -> Vec<String> {
            kinds_and_texts(html).into_iter().map(|(_, t)| t).collect()
        };
        let got = texts(
            "<body><main><h1>Staple tee</h1><p>Combed cotton, regular fit.</p>\
             <dl class='info hide'><dt>cat_thumb:</dt><dd>thumb.jpg</dd></dl>\
             <p class=d-none>Tier price</p><p class='d-none d-lg-block'>Wide screens</p>\
             <p class='hidden md:block'>Desktop note</p><p class=hide-on-mobile>Shown</p>\
             </main></body>",
        );
        assert_eq!(
            got,
            [
                "Staple tee",
                "Combed cotton, regular fit.",
                "Wide screens",
                "Desktop note",
                "Shown"
            ]
        );
    }

    #[test]
    fn a_folded_collapse_is_text() {
        let got = kinds_and_texts(
            "<body><button>Description</button><div class=chakra-collapse style='display:none'>\
             <div role=region><p>Lights in seconds with the cone.</p></div></div>\
             <div style='display:none'><p>Added to cart</p></div></body>",
        );
        let texts: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, ["Lights in seconds with the cone."]);
    }

    #[test]
    fn a_hidden_wrapper_of_the_main_landmarks_content_is_visible() {
        let para = "<p>The kettle boils a litre in three minutes and switches itself off.</p>";
        let menu = "<li><a href=/x>A long menu entry of the shop</a></li>".repeat(30);
        let html = format!(
            "<body><nav><ul>{menu}</ul></nav>\
             <main><div style='display:none'>{para}{para}</div></main></body>"
        );
        let got = kinds_and_texts(&html);
        assert_eq!(
            got.iter().filter(|(_, t)| t.contains("kettle")).count(),
            2,
            "{got:?}"
        );
        // A hidden box beside the landmark's visible text stays hidden.
        let html = format!(
            "<body><nav><ul>{menu}</ul></nav><main>{para}{para}\
             <div style='display:none'><p>A hidden size guide.</p></div></main></body>"
        );
        let got = kinds_and_texts(&html);
        assert!(
            got.iter().all(|(_, t)| !t.contains("size guide")),
            "{got:?}"
        );
    }

    #[test]
    fn a_hidden_wrapper_of_the_whole_page_is_visible() {
        let para = "<p>The kettle boils a litre in three minutes and switches itself off.</p>";
        let html = format!(
            "<body><div class=topbar>Free delivery</div>\
             <div class='root hide'><main><h1>Kettle</h1>{para}{para}</main></div></body>"
        );
        let got = kinds_and_texts(&html);
        assert_eq!(got.len(), 4, "{got:?}");
        // A hidden box holding most of the text but not the page's main is hidden.
        let html = format!(
            "<body><main><h1>Kettle</h1></main><div style='display:none'>{para}{para}</div></body>"
        );
        assert_eq!(kinds_and_texts(&html).len(), 1);
    }

    #[test]
    fn a_streamed_segment_is_visible_other_hidden_elements_are_not() {
        let got = kinds_and_texts(
            "<body><div hidden id='S:0'><p>The article, streamed in</p></div>\
             <div hidden id='panel'><p>A closed panel</p></div><div hidden id='S:'><p>x</p></div></body>",
        );
        assert_eq!(
            got,
            vec![(BlockKind::Paragraph, "The article, streamed in".into())]
        );
    }
}
