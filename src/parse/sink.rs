//! html5ever's tree builder writes the page straight into an arena here.
//!
//! The tree builder moves nodes after creating them (misnested formatting
//! tags, tables' foster parenting, `<template>` contents), so the arena
//! links nodes both ways while parsing; [`Sink::into_document_order`] then
//! walks it once and lays the nodes out in document order, the shape
//! [`Dom`](super::Dom) serves. Nodes left unattached (removed by the tree
//! builder) are dropped there.
//!
//! It keeps only what the pipeline reads: element names and attributes and
//! text; comments, doctypes and processing instructions become bare
//! [`Data::Other`] nodes.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::sync::LazyLock;

use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};

/// "No node" in the arena's links.
const NONE: u32 = u32::MAX;

/// What a node holds.
#[derive(Debug, Default)]
pub(super) enum Data {
    /// The document root, or the contents of a `<template>`.
    Document,
    /// An element: its name and attributes (in source order).
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
    },
    /// A text node.
    Text(StrTendril),
    /// Comments, doctypes, processing instructions.
    #[default]
    Other,
}

struct Node {
    parent: u32,
    first_child: u32,
    last_child: u32,
    prev_sibling: u32,
    next_sibling: u32,
    data: Data,
}

impl Node {
    fn new(data: Data) -> Node {
        Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev_sibling: NONE,
            next_sibling: NONE,
            data,
        }
    }
}

/// The tree html5ever builds; node 0 is the document.
pub(super) struct Sink {
    nodes: RefCell<Vec<Node>>,
    /// Whether the text holds the skim's placeholders (see `skim`): then
    /// attributes named by one are its markers, dropped here, and one
    /// anywhere else in a tag is `misplaced`.
    screen: bool,
    misplaced: Cell<bool>,
}

/// The attribute name the skim puts where it dropped attributes.
static MARKER: LazyLock<html5ever::LocalName> =
    LazyLock::new(|| html5ever::LocalName::from(super::skim::PLACEHOLDER));

/// A node in document order: its parent's position, one past its last
/// descendant's, and its data.
pub(super) struct Laid {
    pub parent: Option<u32>,
    pub end: u32,
    pub data: Data,
}

/// Returned by `elem_name` for a handle that is no element, which the tree
/// builder never asks for: a harmless name instead of a panic.
static NOT_AN_ELEMENT: LazyLock<QualName> =
    LazyLock::new(|| QualName::new(None, html5ever::ns!(), html5ever::local_name!("")));

impl Sink {
    /// An empty document, with room for `capacity` nodes.
    pub(super) fn new(capacity: usize, screen: bool) -> Sink {
        let mut nodes = Vec::with_capacity(capacity);
        nodes.push(Node::new(Data::Document));
        Sink {
            nodes: RefCell::new(nodes),
            screen,
            misplaced: Cell::new(false),
        }
    }

    /// Whether a placeholder landed in an element name or attribute (the
    /// skim misread the page).
    pub(super) fn misplaced(&self) -> bool {
        self.misplaced.get()
    }

    /// Drops the skim's markers from `attrs` and notes a placeholder found
    /// anywhere else in the tag.
    fn screen(&self, name: &QualName, attrs: &mut Vec<Attribute>) {
        if !self.screen {
            return;
        }
        // The placeholder's first byte, looked for first: most values are short.
        let holds = |s: &str| s.as_bytes().contains(&0xEF) && s.contains(super::skim::PLACEHOLDER);
        let mut misplaced = holds(&name.local);
        attrs.retain(|a| {
            if a.name.local == *MARKER && a.value.is_empty() {
                return false;
            }
            misplaced |= holds(&a.name.local) || holds(&a.value);
            true
        });
        if misplaced {
            self.misplaced.set(true);
        }
    }

    fn push(&self, data: Data) -> u32 {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node::new(data));
        (nodes.len() - 1) as u32
    }

    /// Links detached node `child` as the last child of `parent`.
    fn append_child(&self, parent: u32, child: u32) {
        let mut nodes = self.nodes.borrow_mut();
        let last = nodes[parent as usize].last_child;
        {
            let c = &mut nodes[child as usize];
            c.parent = parent;
            c.prev_sibling = last;
            c.next_sibling = NONE;
        }
        if last == NONE {
            nodes[parent as usize].first_child = child;
        } else {
            nodes[last as usize].next_sibling = child;
        }
        nodes[parent as usize].last_child = child;
    }

    /// Links detached node `node` just before `sibling`, which has a parent.
    fn insert_before(&self, sibling: u32, node: u32) {
        let mut nodes = self.nodes.borrow_mut();
        let (parent, prev) = {
            let s = &nodes[sibling as usize];
            (s.parent, s.prev_sibling)
        };
        {
            let n = &mut nodes[node as usize];
            n.parent = parent;
            n.prev_sibling = prev;
            n.next_sibling = sibling;
        }
        nodes[sibling as usize].prev_sibling = node;
        if prev == NONE {
            nodes[parent as usize].first_child = node;
        } else {
            nodes[prev as usize].next_sibling = node;
        }
    }

    /// Unlinks `node` from its parent and siblings (its subtree stays).
    fn detach(&self, node: u32) {
        let mut nodes = self.nodes.borrow_mut();
        let (parent, prev, next) = {
            let n = &nodes[node as usize];
            (n.parent, n.prev_sibling, n.next_sibling)
        };
        if parent == NONE {
            return;
        }
        if prev == NONE {
            nodes[parent as usize].first_child = next;
        } else {
            nodes[prev as usize].next_sibling = next;
        }
        if next == NONE {
            nodes[parent as usize].last_child = prev;
        } else {
            nodes[next as usize].prev_sibling = prev;
        }
        let n = &mut nodes[node as usize];
        n.parent = NONE;
        n.prev_sibling = NONE;
        n.next_sibling = NONE;
    }

    /// Appends `text` to node `at` if it is a text node.
    fn extend_text(&self, at: u32, text: &StrTendril) -> bool {
        if at == NONE {
            return false;
        }
        match &mut self.nodes.borrow_mut()[at as usize].data {
            Data::Text(t) => {
                t.push_tendril(text);
                true
            }
            _ => false,
        }
    }

    /// The nodes reachable from the document, in document order (pre-order),
    /// walked without recursion.
    pub(super) fn into_document_order(self) -> Vec<Laid> {
        let mut nodes = self.nodes.into_inner();
        let mut out: Vec<Laid> = Vec::with_capacity(nodes.len());
        // Each visited node's position in `out`, kept in its `parent` slot's
        // place: `first_child` is no longer needed once the walk moved on.
        let mut position = vec![NONE; nodes.len()];
        let mut at = 0u32;
        'walk: loop {
            let node = &mut nodes[at as usize];
            position[at as usize] = out.len() as u32;
            out.push(Laid {
                parent: (node.parent != NONE).then(|| position[node.parent as usize]),
                end: 0,
                data: std::mem::take(&mut node.data),
            });
            if node.first_child != NONE {
                at = node.first_child;
                continue;
            }
            // Close this node and every ancestor whose last child it ends.
            loop {
                let node = &nodes[at as usize];
                let end = out.len() as u32;
                out[position[at as usize] as usize].end = end;
                if node.next_sibling != NONE {
                    at = node.next_sibling;
                    continue 'walk;
                }
                if node.parent == NONE {
                    break 'walk;
                }
                at = node.parent;
            }
        }
        out
    }
}

impl TreeSink for Sink {
    type Handle = u32;
    type Output = Sink;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Sink {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> u32 {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a u32) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| {
            match nodes.get(*target as usize).map(|n| &n.data) {
                Some(Data::Element { name, .. }) => name,
                _ => &NOT_AN_ELEMENT,
            }
        })
    }

    fn create_element(
        &self,
        name: QualName,
        mut attrs: Vec<Attribute>,
        flags: ElementFlags,
    ) -> u32 {
        self.screen(&name, &mut attrs);
        let element = self.push(Data::Element { name, attrs });
        if flags.template {
            // A template's contents live in a document fragment of their own.
            let contents = self.push(Data::Document);
            self.append_child(element, contents);
        }
        element
    }

    fn create_comment(&self, _text: StrTendril) -> u32 {
        self.push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> u32 {
        self.push(Data::Other)
    }

    fn append(&self, parent: &u32, child: NodeOrText<u32>) {
        match child {
            NodeOrText::AppendNode(node) => self.append_child(*parent, node),
            NodeOrText::AppendText(text) => {
                // Adjacent text merges into one node.
                let last = self.nodes.borrow()[*parent as usize].last_child;
                if !self.extend_text(last, &text) {
                    let node = self.push(Data::Text(text));
                    self.append_child(*parent, node);
                }
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &u32,
        prev_element: &u32,
        child: NodeOrText<u32>,
    ) {
        if self.nodes.borrow()[*element as usize].parent != NONE {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        _name: StrTendril,
        _public: StrTendril,
        _system: StrTendril,
    ) {
        let doctype = self.push(Data::Other);
        self.append_child(0, doctype);
    }

    fn get_template_contents(&self, target: &u32) -> u32 {
        match self.nodes.borrow()[*target as usize].first_child {
            NONE => *target,
            contents => contents,
        }
    }

    fn same_node(&self, x: &u32, y: &u32) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &u32, new_node: NodeOrText<u32>) {
        if let NodeOrText::AppendNode(node) = &new_node {
            self.detach(*node);
        }
        let (parent, prev) = {
            let nodes = self.nodes.borrow();
            let s = &nodes[*sibling as usize];
            (s.parent, s.prev_sibling)
        };
        if parent == NONE {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(node) => self.insert_before(*sibling, node),
            NodeOrText::AppendText(text) => {
                if !self.extend_text(prev, &text) {
                    let node = self.push(Data::Text(text));
                    self.insert_before(*sibling, node);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &u32, mut attrs: Vec<Attribute>) {
        self.screen(&NOT_AN_ELEMENT, &mut attrs);
        if let Data::Element { attrs: have, .. } =
            &mut self.nodes.borrow_mut()[*target as usize].data
        {
            for attr in attrs {
                if !have.iter().any(|a| a.name == attr.name) {
                    have.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &u32) {
        self.detach(*target);
    }

    fn reparent_children(&self, node: &u32, new_parent: &u32) {
        loop {
            let child = self.nodes.borrow()[*node as usize].first_child;
            if child == NONE {
                break;
            }
            self.detach(child);
            self.append_child(*new_parent, child);
        }
    }
}
