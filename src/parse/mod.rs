//! Parse stage: decoded text → [`Dom`].
//!
//! Input: the decoded page text. Output: an opaque, read-only DOM whose nodes
//! are numbered in document order (pre-order), so that a node's descendants
//! are exactly the indices `i + 1 .. dom.end(i)`. Later stages keep their own
//! side tables indexed by these numbers instead of writing into the tree.
//!
//! Our own byte-level tokenizer ([`tokenize`]) feeds html5ever's tree
//! builder, which writes into this module's own arena ([`sink`]); on markup
//! outside the tokenizer's subset the page is tokenized by html5ever's
//! tokenizer instead. CSS selectors match on the arena through the
//! `selectors` crate ([`css`]). The bodies of JavaScript and CSS elements
//! are cut out before tokenizing ([`skim`]): the stages never read them,
//! and they are most of a page's bytes. Data scripts (JSON-LD) are kept.
//!
//! Invariants: parsing never fails (html5ever recovers from any input), every
//! traversal is iterative (a 100,000-deep page does not overflow the stack),
//! and nothing outside this module sees html5ever's types.

mod css;
mod sink;
mod skim;
mod tokenize;

pub use css::Selector;
use html5ever::tendril::{StrTendril, TendrilSink};
use sink::{Data, Sink};

/// Which tokenizer feeds html5ever's tree builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tokenizer {
    /// [`tokenize`], falling back to html5ever's on what it leaves to it.
    Fast,
    /// html5ever's own (the reference the fast one is tested against).
    #[cfg_attr(not(test), allow(dead_code))]
    Html5ever,
}

/// Sentinel for "no parent".
const NO_PARENT: u32 = u32::MAX;

/// HTML tags the pipeline distinguishes; everything else is [`Tag::Other`].
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    Script,
    Style,
    Noscript,
    Template,
    Svg,
    Math,
    Iframe,
    Object,
    Embed,
    Canvas,
    Video,
    Audio,
    Picture,
    Source,
    Img,
    Figure,
    Figcaption,
    Nav,
    Header,
    Footer,
    Aside,
    Main,
    Article,
    Section,
    Div,
    P,
    Br,
    Hr,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Table,
    Thead,
    Tbody,
    Tfoot,
    Tr,
    Td,
    Th,
    Caption,
    Pre,
    Code,
    Blockquote,
    A,
    Span,
    Strong,
    B,
    Em,
    I,
    U,
    Small,
    Sub,
    Sup,
    Time,
    Address,
    Form,
    Input,
    Button,
    Select,
    Option,
    Textarea,
    Label,
    Fieldset,
    Details,
    Summary,
    Dialog,
    Center,
    Font,
    Other,
}

impl Tag {
    fn from_name(name: &str) -> Tag {
        match name {
            "html" => Tag::Html,
            "head" => Tag::Head,
            "body" => Tag::Body,
            "title" => Tag::Title,
            "meta" => Tag::Meta,
            "link" => Tag::Link,
            "script" => Tag::Script,
            "style" => Tag::Style,
            "noscript" => Tag::Noscript,
            "template" => Tag::Template,
            "svg" => Tag::Svg,
            "math" => Tag::Math,
            "iframe" => Tag::Iframe,
            "object" => Tag::Object,
            "embed" => Tag::Embed,
            "canvas" => Tag::Canvas,
            "video" => Tag::Video,
            "audio" => Tag::Audio,
            "picture" => Tag::Picture,
            "source" => Tag::Source,
            "img" => Tag::Img,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "nav" => Tag::Nav,
            "header" => Tag::Header,
            "footer" => Tag::Footer,
            "aside" => Tag::Aside,
            "main" => Tag::Main,
            "article" => Tag::Article,
            "section" => Tag::Section,
            "div" => Tag::Div,
            "p" => Tag::P,
            "br" => Tag::Br,
            "hr" => Tag::Hr,
            "h1" => Tag::H1,
            "h2" => Tag::H2,
            "h3" => Tag::H3,
            "h4" => Tag::H4,
            "h5" => Tag::H5,
            "h6" => Tag::H6,
            "ul" => Tag::Ul,
            "ol" => Tag::Ol,
            "li" => Tag::Li,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "table" => Tag::Table,
            "thead" => Tag::Thead,
            "tbody" => Tag::Tbody,
            "tfoot" => Tag::Tfoot,
            "tr" => Tag::Tr,
            "td" => Tag::Td,
            "th" => Tag::Th,
            "caption" => Tag::Caption,
            "pre" => Tag::Pre,
            "code" => Tag::Code,
            "blockquote" => Tag::Blockquote,
            "a" => Tag::A,
            "span" => Tag::Span,
            "strong" => Tag::Strong,
            "b" => Tag::B,
            "em" => Tag::Em,
            "i" => Tag::I,
            "u" => Tag::U,
            "small" => Tag::Small,
            "sub" => Tag::Sub,
            "sup" => Tag::Sup,
            "time" => Tag::Time,
            "address" => Tag::Address,
            "form" => Tag::Form,
            "input" => Tag::Input,
            "button" => Tag::Button,
            "select" => Tag::Select,
            "option" => Tag::Option,
            "textarea" => Tag::Textarea,
            "label" => Tag::Label,
            "fieldset" => Tag::Fieldset,
            "details" => Tag::Details,
            "summary" => Tag::Summary,
            "dialog" => Tag::Dialog,
            "center" => Tag::Center,
            "font" => Tag::Font,
            _ => Tag::Other,
        }
    }

    /// Tags whose content is never visible article text.
    pub fn is_invisible(self) -> bool {
        matches!(
            self,
            Tag::Head
                | Tag::Title
                | Tag::Meta
                | Tag::Link
                | Tag::Script
                | Tag::Style
                | Tag::Noscript
                | Tag::Template
                | Tag::Svg
                | Tag::Math
                | Tag::Iframe
                | Tag::Object
                | Tag::Embed
                | Tag::Canvas
                | Tag::Video
                | Tag::Audio
                | Tag::Source
                | Tag::Input
                | Tag::Button
                | Tag::Select
                | Tag::Option
                | Tag::Textarea
        )
    }

    /// Tags that start a new block of text (a line break in rendered text).
    pub fn is_block(self) -> bool {
        matches!(
            self,
            Tag::Html
                | Tag::Body
                | Tag::Figure
                | Tag::Figcaption
                | Tag::Nav
                | Tag::Header
                | Tag::Footer
                | Tag::Aside
                | Tag::Main
                | Tag::Article
                | Tag::Section
                | Tag::Div
                | Tag::P
                | Tag::Br
                | Tag::Hr
                | Tag::H1
                | Tag::H2
                | Tag::H3
                | Tag::H4
                | Tag::H5
                | Tag::H6
                | Tag::Ul
                | Tag::Ol
                | Tag::Li
                | Tag::Dl
                | Tag::Dt
                | Tag::Dd
                | Tag::Table
                | Tag::Thead
                | Tag::Tbody
                | Tag::Tfoot
                | Tag::Tr
                | Tag::Td
                | Tag::Th
                | Tag::Caption
                | Tag::Pre
                | Tag::Blockquote
                | Tag::Address
                | Tag::Form
                | Tag::Fieldset
                | Tag::Details
                | Tag::Summary
                | Tag::Dialog
                | Tag::Center
        )
    }

    /// Heading level for `h1`–`h6`.
    pub fn heading_level(self) -> Option<u8> {
        match self {
            Tag::H1 => Some(1),
            Tag::H2 => Some(2),
            Tag::H3 => Some(3),
            Tag::H4 => Some(4),
            Tag::H5 => Some(5),
            Tag::H6 => Some(6),
            _ => None,
        }
    }
}

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// The document root.
    Document,
    /// An element with its tag.
    Element(Tag),
    /// A text node.
    Text,
    /// Comments, doctypes, processing instructions.
    Other,
}

#[derive(Debug, Clone, Copy)]
struct NodeInfo {
    parent: u32,
    end: u32,
    kind: NodeKind,
}

/// A parsed page. Nodes are addressed by their index in document order;
/// index 0 is the document root.
pub struct Dom {
    nodes: Vec<NodeInfo>,
    /// Per node: its name and attributes, or its text.
    data: Vec<Payload>,
    /// Every element's attributes, in document order: the stages read them
    /// element after element, and one array serves that from the cache.
    attrs: Vec<html5ever::Attribute>,
    /// A per-node flag computed on first use (see [`Dom::node_flags`]).
    flags: std::cell::OnceCell<Vec<bool>>,
    /// The text nodes' collapsed texts, each worked out on first use (see
    /// [`Dom::push_collapsed_text`]).
    collapsed: std::cell::RefCell<Collapsed>,
    /// Whether the attributes no stage reads were dropped
    /// ([`Dom::parse_lean`]).
    lean: bool,
}

/// What a node holds in the [`Dom`].
enum Payload {
    /// The document, a template's contents, comments and doctypes.
    None,
    /// An element: its name and the range of its attributes in `Dom::attrs`.
    Element {
        name: html5ever::QualName,
        attrs: std::ops::Range<u32>,
    },
    /// A text node.
    Text(StrTendril),
}

/// Bytes of markup per node on a typical page, to size the arena up front.
const BYTES_PER_NODE: usize = 64;

impl std::fmt::Debug for Dom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dom")
            .field("nodes", &self.nodes.len())
            .finish()
    }
}

impl Dom {
    /// Parses a whole HTML document.
    ///
    /// ```
    /// let dom = deboiler::parse::Dom::parse("<p>Hello <b>world</b></p>");
    /// assert!(dom.len() > 4);
    /// ```
    pub fn parse(text: &str) -> Dom {
        Dom::parse_with(text, None)
    }

    /// Parses a whole HTML document for cleaning: as [`Dom::parse`], but
    /// without the attributes no stage reads (`data-*`, event handlers and
    /// a few more, see [`skim`]) unless `kept` holds their names. `kept`
    /// is sorted and lower case (the words of the rules' selectors).
    ///
    /// ```
    /// let dom = deboiler::parse::Dom::parse_lean("<p data-x=1 class=a>Hi</p>", &[]);
    /// let p = dom.elements(deboiler::parse::Tag::P).next().unwrap();
    /// assert_eq!(dom.attrs(p).collect::<Vec<_>>(), [("class", "a")]);
    /// ```
    pub fn parse_lean(text: &str, kept: &[String]) -> Dom {
        Dom::parse_with(text, Some(kept))
    }

    fn parse_with(text: &str, kept: Option<&[String]>) -> Dom {
        Dom::parse_by(text, kept, Tokenizer::Fast)
    }

    /// [`Dom::parse_with`] with the tokenizer `by`.
    fn parse_by(text: &str, kept: Option<&[String]>, by: Tokenizer) -> Dom {
        let text = cap_nesting(text);
        let skim = skim::skim(&text, kept);
        if !skim.cuts.is_empty() {
            let mut cut = String::with_capacity(text.len());
            let mut from = 0;
            for &(start, end, with) in &skim.cuts {
                cut.push_str(text.get(from..start).unwrap_or_default());
                cut.push_str(with);
                from = end;
            }
            cut.push_str(text.get(from..).unwrap_or_default());
            let (mut dom, misplaced) = Dom::build(&cut, true, by);
            if !misplaced && dom.cuts_hold(skim.bodies) {
                dom.lean = kept.is_some();
                return dom;
            }
        }
        Dom::build(&text, false, by).0
    }

    /// Parses `text`; with `cut`, it holds the skim's placeholders, and
    /// the sink drops its markers and says whether one was misplaced.
    fn build(text: &str, cut: bool, by: Tokenizer) -> (Dom, bool) {
        let capacity = text.len() / BYTES_PER_NODE;
        let fast = match by {
            Tokenizer::Fast => tokenize::parse(text, Sink::new(capacity, cut)),
            Tokenizer::Html5ever => None,
        };
        let sink = fast.unwrap_or_else(|| {
            let sink = Sink::new(capacity, cut);
            let mut parser = html5ever::parse_document(sink, Default::default());
            parser.process(StrTendril::from_slice(text));
            parser.finish()
        });
        let misplaced = sink.misplaced();
        let laid = sink.into_document_order();
        let mut nodes = Vec::with_capacity(laid.len());
        let mut data = Vec::with_capacity(laid.len());
        let mut attrs = Vec::new();
        for node in laid {
            let (kind, payload) = match node.data {
                Data::Document => (NodeKind::Document, Payload::None),
                Data::Element { name, attrs: own } => {
                    let start = attrs.len() as u32;
                    attrs.extend(own);
                    let tag = Tag::from_name(&name.local);
                    let range = start..attrs.len() as u32;
                    (
                        NodeKind::Element(tag),
                        Payload::Element { name, attrs: range },
                    )
                }
                Data::Text(t) => (NodeKind::Text, Payload::Text(t)),
                Data::Other => (NodeKind::Other, Payload::None),
            };
            nodes.push(NodeInfo {
                parent: node.parent.unwrap_or(NO_PARENT),
                end: node.end,
                kind,
            });
            data.push(payload);
        }
        let dom = Dom {
            nodes,
            data,
            attrs,
            flags: std::cell::OnceCell::new(),
            collapsed: std::cell::RefCell::default(),
            lean: false,
        };
        (dom, misplaced)
    }

    /// Whether the parse of a skimmed page is the parse of the whole page:
    /// each of the `bodies` placeholders in text is the whole text of an
    /// HTML `<script>` or `<style>` (see [`skim`]).
    fn cuts_hold(&self, bodies: usize) -> bool {
        let mut held = 0;
        for i in 0..self.len() {
            let Some(t) = self.text(i) else { continue };
            if !t.contains(skim::PLACEHOLDER) {
                continue;
            }
            let raw_element = self.parent(i).filter(|&p| {
                self.qual_name(p).is_some_and(|n| {
                    n.ns == html5ever::ns!(html)
                        && (n.local == html5ever::local_name!("script")
                            || n.local == html5ever::local_name!("style"))
                }) && self.end(p) == p + 2
            });
            if t != skim::PLACEHOLDER || raw_element.is_none() {
                return false;
            }
            held += 1;
        }
        held == bodies
    }

    /// Appends text node `i`'s text to `out` as [`push_collapsed`] does and
    /// says how many chars that added (0 for a node that is no text).
    /// The stages collapse the same text nodes many times over (each
    /// segmentation of the page does): a node's collapsed text is worked
    /// out on its first call, then copied.
    pub fn push_collapsed_text(&self, i: usize, out: &mut String) -> usize {
        let Some(t) = self.text(i) else { return 0 };
        let mut collapsed = self.collapsed.borrow_mut();
        let Some(span) = collapsed.span(i, t) else {
            // Past 4 GB of text the rest is collapsed on each call.
            let before = out.len();
            push_collapsed(out, t);
            return out.get(before..).map_or(0, |a| a.chars().count());
        };
        let space = |out: &mut String| {
            let needed = !out.is_empty() && !out.ends_with(' ');
            if needed {
                out.push(' ');
            }
            usize::from(needed)
        };
        let mut added = 0;
        if span.lead {
            added += space(out);
        }
        let core = collapsed
            .text
            .get(span.start as usize..span.end as usize)
            .unwrap_or_default();
        if !core.is_empty() {
            out.push_str(core);
            added += span.chars as usize;
            if span.trail {
                out.push(' ');
                added += 1;
            }
        }
        added
    }

    /// `flags(self)`, one flag per node, computed on the first call and kept
    /// with the page. Every call must pass the same function: the one
    /// per-node property the later stages ask about at every node, many
    /// times over (whether it is visible, see `blocks::is_invisible`).
    pub(crate) fn node_flags(&self, flags: fn(&Dom) -> Vec<bool>) -> &[bool] {
        self.flags.get_or_init(|| flags(self))
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the DOM has no nodes (never true for a parsed document).
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// What node `i` is.
    pub fn kind(&self, i: usize) -> NodeKind {
        self.nodes[i].kind
    }

    /// The tag of element `i`, `None` for non-elements.
    pub fn tag(&self, i: usize) -> Option<Tag> {
        match self.nodes[i].kind {
            NodeKind::Element(t) => Some(t),
            _ => None,
        }
    }

    /// The parent of node `i`.
    pub fn parent(&self, i: usize) -> Option<usize> {
        let p = self.nodes[i].parent;
        (p != NO_PARENT).then_some(p as usize)
    }

    /// One past the last descendant of `i`: descendants are `i + 1 .. end(i)`.
    pub fn end(&self, i: usize) -> usize {
        self.nodes[i].end as usize
    }

    /// Whether `inner` is `outer` or one of its descendants.
    pub fn contains(&self, outer: usize, inner: usize) -> bool {
        outer <= inner && inner < self.end(outer)
    }

    /// The children of `i`, in order.
    pub fn children(&self, i: usize) -> Children<'_> {
        Children {
            dom: self,
            next: i + 1,
            end: self.end(i),
        }
    }

    /// Ancestors of `i`, nearest first (not including `i`).
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.parent(i), move |&p| self.parent(p))
    }

    /// The content of text node `i`.
    pub fn text(&self, i: usize) -> Option<&str> {
        match self.data.get(i)? {
            Payload::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The (local) tag name of element `i`, as the parser spelled it
    /// (lower case, or SVG's camelCase).
    pub fn element_name(&self, i: usize) -> Option<&str> {
        match self.data.get(i)? {
            Payload::Element { name, .. } => Some(&name.local),
            _ => None,
        }
    }

    /// Attribute `name` (without namespace) of element `i`.
    pub fn attr(&self, i: usize, name: &str) -> Option<&str> {
        debug_assert!(
            !self.lean || !skim::is_unread(name.as_bytes(), &[]),
            "a lean parse dropped attribute {name}: take it off skim's list"
        );
        self.element_attrs(i)
            .iter()
            .find(|a| {
                a.name.prefix.is_none() && a.name.ns == html5ever::ns!() && *a.name.local == *name
            })
            .map(|a| &*a.value)
    }

    /// Attributes `names` (without namespace) of element `i`, in one pass
    /// over its attributes: each as [`Dom::attr`] has it.
    pub fn attrs_named<const N: usize>(&self, i: usize, names: [&str; N]) -> [Option<&str>; N] {
        let mut found = [None; N];
        for a in self.element_attrs(i) {
            if a.name.prefix.is_some() || a.name.ns != html5ever::ns!() {
                continue;
            }
            let local: &str = &a.name.local;
            if let Some(k) = names.iter().position(|&n| n == local) {
                if found[k].is_none() {
                    debug_assert!(!self.lean || !skim::is_unread(local.as_bytes(), &[]));
                    found[k] = Some(&*a.value);
                }
            }
        }
        found
    }

    /// All attributes of element `i` as (name, value) pairs, in source order.
    pub fn attrs(&self, i: usize) -> impl Iterator<Item = (&str, &str)> {
        self.element_attrs(i)
            .iter()
            .map(|a| (&*a.name.local, &*a.value))
    }

    fn element_attrs(&self, i: usize) -> &[html5ever::Attribute] {
        match self.data.get(i) {
            Some(Payload::Element { attrs, .. }) => self
                .attrs
                .get(attrs.start as usize..attrs.end as usize)
                .unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The raw, concatenated text of all descendant text nodes of `i`, with
    /// nothing skipped (for `<title>` and data-script bodies such as
    /// JSON-LD; JavaScript and CSS bodies are not kept, see [`skim`]).
    pub fn raw_text(&self, i: usize) -> String {
        let mut out = String::new();
        for j in i + 1..self.end(i) {
            if let Some(t) = self.text(j) {
                out.push_str(t);
            }
        }
        out
    }

    /// Whether element `i` matches a CSS selector.
    pub fn matches(&self, i: usize, selector: &Selector) -> bool {
        selector.matches(self, i)
    }

    /// Indices of all elements with tag `tag`, in document order.
    pub fn elements(&self, tag: Tag) -> impl Iterator<Item = usize> + '_ {
        (0..self.nodes.len()).filter(move |&i| self.nodes[i].kind == NodeKind::Element(tag))
    }

    /// The largest `<noscript>` in the body holding at least `min_chars`
    /// bytes of markup, and that markup: forum software puts the whole page
    /// there for readers without scripts. Its content is a single text node,
    /// as the parser treats `<noscript>` as raw text (browsers running
    /// scripts do).
    pub fn noscript_copy(&self, min_chars: usize) -> Option<(usize, &str)> {
        self.elements(Tag::Noscript)
            .filter(|&i| self.ancestors(i).any(|a| self.tag(a) == Some(Tag::Body)))
            .filter_map(|i| {
                let text = self.children(i).find_map(|c| self.text(c))?;
                (text.len() >= min_chars && text.contains('<')).then_some((i, text))
            })
            .max_by_key(|(_, text)| text.len())
    }

    /// The name of element `i`, with its namespace.
    fn qual_name(&self, i: usize) -> Option<&html5ever::QualName> {
        match self.data.get(i)? {
            Payload::Element { name, .. } => Some(name),
            _ => None,
        }
    }
}

/// Text nodes' texts whitespace-collapsed, with no space at either end:
/// what [`push_collapsed`] appends of one, but for the spaces at its ends,
/// which depend on what it is appended to.
#[derive(Default)]
struct Collapsed {
    /// The nodes' collapsed texts, one after the other.
    text: String,
    /// Per node (as far as one was asked for), where its collapsed text is
    /// in `text`.
    spans: Vec<Span>,
}

/// One text node in [`Collapsed`].
#[derive(Clone, Copy, Default)]
struct Span {
    start: u32,
    end: u32,
    /// Chars in `text[start..end]`.
    chars: u32,
    /// Whether the text starts with whitespace ...
    lead: bool,
    /// ... or ends with it.
    trail: bool,
    /// Whether the node is in `text` yet.
    cached: bool,
}

impl Collapsed {
    /// Text node `i`'s span, collapsing its text `t` on the first call;
    /// `None` once `text` would pass 4 GB.
    fn span(&mut self, i: usize, t: &str) -> Option<Span> {
        if let Some(span) = self.spans.get(i).filter(|s| s.cached) {
            return Some(*span);
        }
        if self.spans.len() <= i {
            self.spans.resize(i + 1, Span::default());
        }
        // Behind a space, the text's leading whitespace adds nothing.
        self.text.push(' ');
        let start = self.text.len();
        push_collapsed(&mut self.text, t);
        if self.text.len() > start && self.text.ends_with(' ') {
            self.text.pop();
        }
        let (Ok(start32), Ok(end)) = (u32::try_from(start), u32::try_from(self.text.len())) else {
            self.text.truncate(start);
            return None;
        };
        let span = Span {
            start: start32,
            end,
            chars: self.text.get(start..).map_or(0, |c| c.chars().count()) as u32,
            lead: t.chars().next().is_some_and(char::is_whitespace),
            trail: t.chars().next_back().is_some_and(char::is_whitespace),
            cached: true,
        };
        self.spans[i] = span;
        Some(span)
    }
}

/// Iterator over the children of a node.
pub struct Children<'a> {
    dom: &'a Dom,
    next: usize,
    end: usize,
}

impl Iterator for Children<'_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.next >= self.end {
            return None;
        }
        let child = self.next;
        self.next = self.dom.end(child);
        Some(child)
    }
}

/// Nesting deeper than this is flattened before parsing. html5ever's tree
/// builder scans the stack of open elements for each start tag, which turns
/// quadratic on hostile pages (100,000 nested `<div>`s take many seconds);
/// real pages stay far below this depth.
const MAX_NESTING: usize = 2048;

/// Elements that never take a closing tag.
const VOID_ELEMENTS: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose content is raw text up to their end tag: tags inside
/// them are not counted.
const RAW_TEXT_ELEMENTS: [&str; 4] = ["script", "style", "textarea", "title"];

/// Drops start and end tags nested deeper than [`MAX_NESTING`], keeping their
/// text. Linear; returns the input untouched (no copy) on ordinary pages.
fn cap_nesting(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut depth: usize = 0;
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + off;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = bytes
                .get(start + 4..)
                .and_then(|after| memchr::memmem::find(after, b"-->"))
                .map_or(bytes.len(), |e| start + 4 + e + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let name = &bytes[name_start..name_start + name_len];
        let end =
            memchr::memchr(b'>', &bytes[name_start..]).map_or(bytes.len(), |e| name_start + e + 1);
        if closing {
            if depth > MAX_NESTING {
                cuts.push((start, end));
            }
            depth = depth.saturating_sub(1);
        } else if !VOID_ELEMENTS
            .iter()
            .any(|v| name.eq_ignore_ascii_case(v.as_bytes()))
            && !bytes[..end].ends_with(b"/>")
        {
            depth += 1;
            if depth > MAX_NESTING {
                cuts.push((start, end));
            }
            if let Some(raw) = RAW_TEXT_ELEMENTS
                .iter()
                .find(|r| name.eq_ignore_ascii_case(r.as_bytes()))
            {
                i = find_end_tag(bytes, end, raw.as_bytes()).unwrap_or(bytes.len());
                continue;
            }
        }
        i = end;
    }
    if cuts.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (a, b) in cuts {
        out.push_str(&text[from..a]);
        from = b;
    }
    out.push_str(&text[from..]);
    std::borrow::Cow::Owned(out)
}

/// The first `</name` (any case) at or after `from`.
fn find_end_tag(hay: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let p = at + memchr::memchr(b'<', hay.get(at..)?)?;
        let tag = hay.get(p + 2..p + 2 + name.len());
        if hay.get(p + 1) == Some(&b'/') && tag.is_some_and(|t| t.eq_ignore_ascii_case(name)) {
            return Some(p);
        }
        at = p + 1;
    }
}

/// Appends `text` to `out` with runs of whitespace collapsed to one space.
/// `out`'s trailing space state is respected, so calls can be chained.
pub fn push_collapsed(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    // Start of the text not yet copied: non-whitespace and lone spaces,
    // which come out as they are.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Inside a run, eight bytes of plain prose at a time.
        if i > run {
            while let Some(chunk) = bytes.get(i..i + 8) {
                match <[u8; 8]>::try_from(chunk) {
                    Ok(word) if is_plain(u64::from_le_bytes(word)) => i += 8,
                    _ => break,
                }
            }
            let Some(&b) = bytes.get(i) else { break };
            if BYTE_CLASS[b as usize] == ORDINARY {
                i += 1;
                continue;
            }
        }
        let b = bytes[i];
        let (space, len) = match BYTE_CLASS[b as usize] {
            ORDINARY => {
                i += 1;
                continue;
            }
            ASCII_SPACE => (true, 1),
            _ => match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => (false, 1),
            },
        };
        if space {
            // A single ' ' between two other chars stays in the run.
            let lone = b == b' '
                && i > run
                && bytes
                    .get(i + 1)
                    .is_none_or(|&n| BYTE_CLASS[n as usize] == ORDINARY);
            if !lone {
                out.push_str(text.get(run..i).unwrap_or_default());
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
                run = i + len;
            }
        }
        i += len;
    }
    out.push_str(text.get(run..).unwrap_or_default());
}

/// Whether eight bytes (little-endian in `x`) stay in a run of
/// [`push_collapsed`] as they are: ASCII, no control char, and every space
/// a lone one with an ordinary byte after it (none is the last byte, whose
/// next byte is not in `x`).
fn is_plain(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // A byte below 0x20 (whitespace but the space, controls) or above 0x7f.
    let special = (x.wrapping_sub(0x20 * ONES) & !x) | x;
    // The high bit of each byte that is a space.
    let t = x ^ (0x20 * ONES);
    let spaces = !((((t & LOW7) + LOW7) | t) & HIGH) & HIGH;
    special & HIGH == 0 && spaces & (spaces >> 8) == 0 && spaces >> 63 == 0
}

/// [`BYTE_CLASS`]: an ASCII byte that is not whitespace.
const ORDINARY: u8 = 0;
/// [`BYTE_CLASS`]: ASCII whitespace (what `char::is_whitespace` says of it).
const ASCII_SPACE: u8 = 1;
/// [`BYTE_CLASS`]: part of a multi-byte char, decoded to be judged.
const NON_ASCII: u8 = 2;

/// Each byte's class, for [`push_collapsed`]'s scan.
const BYTE_CLASS: [u8; 256] = {
    let mut table = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ' => ASCII_SPACE,
            _ => ORDINARY,
        };
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preorder_ranges_cover_descendants() {
        let dom = Dom::parse("<html><body><div><p>a<b>b</b></p><p>c</p></div></body></html>");
        let div = dom.elements(Tag::Div).next().unwrap();
        let ps: Vec<usize> = dom.elements(Tag::P).collect();
        assert_eq!(ps.len(), 2);
        assert!(ps.iter().all(|&p| dom.contains(div, p)));
        assert_eq!(dom.children(div).collect::<Vec<_>>(), ps);
        assert_eq!(dom.raw_text(div), "abc");
        assert_eq!(dom.parent(ps[0]), Some(div));
    }

    #[test]
    fn moved_nodes_land_in_document_order() {
        // Foster parenting: stray table text goes before the table.
        let dom = Dom::parse("<body><table><tr><td>cell</td></tr>stray</table></body>");
        let table = dom.elements(Tag::Table).next().unwrap();
        let stray = (0..dom.len())
            .find(|&i| dom.text(i) == Some("stray"))
            .unwrap();
        assert!(stray < table && !dom.contains(table, stray));
        // Misnested formatting: the <b> is reopened inside the <p>.
        let dom = Dom::parse("<body><b>1<p>2</b>3</p></body>");
        let texts: Vec<&str> = (0..dom.len()).filter_map(|i| dom.text(i)).collect();
        assert_eq!(texts, ["1", "2", "3"]);
        let p = dom.elements(Tag::P).next().unwrap();
        let inner_b = dom.elements(Tag::B).find(|&b| dom.contains(p, b)).unwrap();
        assert_eq!(dom.raw_text(inner_b), "2");
        // A template's contents sit in a fragment of their own under it.
        let dom = Dom::parse("<body><template><p>t</p></template></body>");
        let t = dom.elements(Tag::Template).next().unwrap();
        let p = dom.elements(Tag::P).next().unwrap();
        assert_eq!(dom.kind(t + 1), NodeKind::Document);
        assert_eq!(dom.parent(p), Some(t + 1));
        // Attributes: namespaced ones are not plain attributes.
        let dom =
            Dom::parse("<body><div id=a data-x='1 2'></div><svg><a xlink:href=u></a></svg></body>");
        let div = dom.elements(Tag::Div).next().unwrap();
        assert_eq!(dom.attr(div, "data-x"), Some("1 2"));
        assert_eq!(dom.attrs(div).count(), 2);
        let a = dom.elements(Tag::A).next().unwrap();
        assert_eq!(dom.attr(a, "href"), None);
    }

    #[test]
    fn lean_parse_drops_unread_attributes_only() {
        let html = "<body><!-- a comment long enough to be cut before tokenizing -->\
                    <div class=a data-json=\"{&quot;x&quot;:1}\" onclick=go() id=b>\
                    <p style=color:red srcset=x>Text</p></div></body>";
        let lean = Dom::parse_lean(html, &[]);
        let full = Dom::build(html, false, Tokenizer::Fast).0;
        assert_eq!(lean.len(), full.len());
        let div = lean.elements(Tag::Div).next().unwrap();
        assert_eq!(
            lean.attrs(div).collect::<Vec<_>>(),
            [("class", "a"), ("id", "b")]
        );
        let p = lean.elements(Tag::P).next().unwrap();
        assert_eq!(lean.attrs(p).collect::<Vec<_>>(), [("style", "color:red")]);
        assert_eq!(lean.raw_text(p), "Text");
        // A selector's attribute stays.
        let kept = Dom::parse_lean(html, &["data-json".to_owned()]);
        let div = kept.elements(Tag::Div).next().unwrap();
        assert_eq!(kept.attrs(div).count(), 3);
    }

    #[test]
    fn placeholder_in_a_value_falls_back_to_the_whole_page() {
        // Where the skim misread a page, its marker lands in a value; a
        // page holding the placeholder char reads the same way.
        let html = "<div data-x=1 title=\"a\u{FDD0}\">x</div>";
        let dom = Dom::parse_lean(html, &[]);
        let div = dom.elements(Tag::Div).next().unwrap();
        assert_eq!(dom.attrs(div).count(), 2);
        assert_eq!(dom.attr(div, "title"), Some("a\u{FDD0}"));
    }

    #[test]
    fn skimmed_parse_keeps_the_tree_and_data_scripts() {
        let html = "<html><head><script>if (a < b) { x = '</div>'; }</script>\
                    <script type=application/ld+json>{\"@type\":\"NewsArticle\"}</script>\
                    <style>p > a { color: red }</style></head><body><p>Text<script><!--\
                    document.write('<script>x</script>');--></script> more</p></body></html>";
        assert_eq!(skim::skim(html, None).bodies, 3);
        let skimmed = Dom::parse(html);
        let full = Dom::build(html, false, Tokenizer::Fast).0;
        assert_eq!(skimmed.len(), full.len());
        for i in 0..full.len() {
            assert_eq!(skimmed.kind(i), full.kind(i));
            assert_eq!(skimmed.end(i), full.end(i));
            let script = full.parent(i).and_then(|p| full.tag(p));
            if !matches!(script, Some(Tag::Script | Tag::Style)) {
                assert_eq!(skimmed.text(i), full.text(i));
            }
        }
        let ld = skimmed
            .elements(Tag::Script)
            .find(|&s| skimmed.attr(s, "type").is_some())
            .unwrap();
        assert_eq!(skimmed.raw_text(ld), "{\"@type\":\"NewsArticle\"}");
        // A script in SVG is no raw-text element: the page is parsed whole.
        let svg = "<body><svg><script>a<b>c</b></script></svg><script>go()</script></body>";
        let dom = Dom::parse(svg);
        assert!(dom.elements(Tag::B).next().is_some());
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        let dom = Dom::parse(&html);
        assert!(dom.raw_text(0).contains("deep"));
    }

    #[test]
    fn nesting_is_capped_but_text_kept() {
        let html = "<div>".repeat(5000) + "<p>deep text</p>" + &"</div>".repeat(5000);
        let capped = cap_nesting(&html);
        assert!(capped.len() < html.len());
        assert!(capped.contains("<p>deep text</p>") || capped.contains("deep text"));
        let ordinary = "<html><body><div><p>a<br>b</p><!-- <div> --><script>if (a<b) {}</script></div></body></html>";
        assert!(matches!(
            cap_nesting(ordinary),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn cached_collapse_appends_what_push_collapsed_does() {
        let texts = [
            "",
            " ",
            "  \n ",
            "a",
            " a",
            "a ",
            " a b  c\t",
            "\u{a0}x\u{a0}",
            "x\u{2003} y",
            "Über  straße ",
            "\u{3000}",
            "a\x0bb",
            "line\r\nnext ",
        ];
        let html: String = texts.iter().map(|t| format!("<span>{t}</span>")).collect();
        let dom = Dom::parse(&format!("<p>{html}</p><script> a  b </script>"));
        let nodes: Vec<usize> = (0..dom.len()).filter(|&i| dom.text(i).is_some()).collect();
        assert!(nodes.len() >= texts.len());
        for before in ["", "x", "x ", "x\u{a0}"] {
            for &i in &nodes {
                let (mut want, mut got) = (before.to_owned(), before.to_owned());
                push_collapsed(&mut want, dom.text(i).unwrap());
                let added = dom.push_collapsed_text(i, &mut got);
                assert_eq!(got, want, "{:?} after {before:?}", dom.text(i));
                assert_eq!(added, want.chars().count() - before.chars().count());
                // Chained: the first text's trailing state carries over.
                for &j in &nodes {
                    let (mut w, mut g) = (want.clone(), got.clone());
                    push_collapsed(&mut w, dom.text(j).unwrap());
                    dom.push_collapsed_text(j, &mut g);
                    assert_eq!(g, w);
                }
            }
        }
    }

    #[test]
    fn collapse_matches_a_plain_char_walk() {
        // The reference: every whitespace run is one space, none leading.
        fn walk(out: &mut String, text: &str) {
            for c in text.chars() {
                if c.is_whitespace() {
                    if !out.is_empty() && !out.ends_with(' ') {
                        out.push(' ');
                    }
                } else {
                    out.push(c);
                }
            }
        }
        let pieces = [
            "a",
            " ",
            "  ",
            "\n",
            "\t ",
            "word",
            "longer words here",
            "é",
            "\u{a0}",
            "x.y!",
            "\u{3000}",
            "\r\n",
            "12345678",
            "abcdefg ",
            " abcdefgh",
            "ab cd ef gh ij",
            "abcdefg  x",
            "seven77 \n",
            "a\u{1}b",
        ];
        // Every sequence of three pieces, joined and chained.
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}{a}");
                    let (mut fast, mut slow) = (String::new(), String::new());
                    push_collapsed(&mut fast, &text);
                    push_collapsed(&mut fast, b);
                    walk(&mut slow, &text);
                    walk(&mut slow, b);
                    assert_eq!(fast, slow, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn collapse_whitespace() {
        let mut s = String::new();
        push_collapsed(&mut s, "  a \n\t b ");
        push_collapsed(&mut s, " c");
        assert_eq!(s, "a b c");
        let mut s = String::new();
        push_collapsed(&mut s, "été\u{a0}\u{a0}à\u{3000}日本\u{2009}x\u{b}y");
        assert_eq!(s, "été à 日本 x y");
        let mut s = String::from("a ");
        push_collapsed(&mut s, " b c  d \u{a0}e f ");
        push_collapsed(&mut s, "g");
        assert_eq!(s, "a b c d e f g");
    }
}
