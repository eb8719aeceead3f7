//! CSS selectors over the [`Dom`]: the `selectors` crate parses them and
//! matches them through the [`selectors::Element`] view below.
//!
//! The dialect is plain CSS selectors with `:is()`, `:where()` and `:has()`;
//! no pseudo-classes that need a browser (`:hover`, `:visited`) and no
//! pseudo-elements. Matching runs in no-quirks mode: class and id names are
//! case-sensitive.

use std::fmt;

use cssparser::ToCss;
use html5ever::{LocalName, Namespace};
use precomputed_hash::PrecomputedHash;
use selectors::attr::{AttrSelectorOperation, CaseSensitivity, NamespaceConstraint};
use selectors::bloom::BloomFilter;
use selectors::matching::{
    matches_selector_list, ElementSelectorFlags, MatchingContext, MatchingForInvalidation,
    MatchingMode, NeedsSelectorFlags, QuirksMode, SelectorCaches,
};
use selectors::parser::{ParseRelative, SelectorList, SelectorParseErrorKind};
use selectors::OpaqueElement;

use super::{Dom, NodeKind};

/// A parsed CSS selector list (`a[rel~=author], .byline`).
#[derive(Debug, Clone)]
pub struct Selector {
    list: SelectorList<Css>,
    /// One thing each selector's subject must have (its id, a class, an
    /// attribute or its tag), when every selector names one: an element
    /// with none of them matches none, and is told so without setting up a
    /// match (most elements, for most rules).
    needs: Option<Vec<Need>>,
}

/// What the subject of a selector must have (see [`Selector::needs`]),
/// checked loosely (any case): a quick no, never a yes.
#[derive(Debug, Clone)]
enum Need {
    Id(Name),
    Class(Name),
    /// An attribute, by its name as written and lower-cased.
    Attr(Name, Name),
    /// A tag, by its name as written and lower-cased.
    Tag(Name, Name),
}

impl Need {
    /// The most telling thing the rightmost compound of `selector` asks of
    /// its element, if it asks one.
    fn of(selector: &selectors::parser::Selector<Css>) -> Option<Need> {
        use selectors::parser::Component;
        let mut best: Option<Need> = None;
        let rank = |n: &Need| match n {
            Need::Id(_) => 0,
            Need::Class(_) => 1,
            Need::Attr(..) => 2,
            Need::Tag(..) => 3,
        };
        for component in selector.iter() {
            let need = match component {
                Component::ID(id) => Need::Id(id.clone()),
                Component::Class(class) => Need::Class(class.clone()),
                Component::AttributeInNoNamespaceExists {
                    local_name,
                    local_name_lower,
                } => Need::Attr(local_name.clone(), local_name_lower.clone()),
                Component::AttributeInNoNamespace { local_name, .. } => {
                    Need::Attr(local_name.clone(), local_name.clone())
                }
                Component::AttributeOther(a) => {
                    Need::Attr(a.local_name.clone(), a.local_name_lower.clone())
                }
                Component::LocalName(l) => Need::Tag(l.name.clone(), l.lower_name.clone()),
                _ => continue,
            };
            if best.as_ref().is_none_or(|b| rank(&need) < rank(b)) {
                best = Some(need);
            }
        }
        best
    }

    /// Whether `el` may have it.
    fn met(&self, el: &Element<'_>) -> bool {
        use selectors::Element as _;
        let loose = CaseSensitivity::AsciiCaseInsensitive;
        match self {
            Need::Id(id) => el.has_id(id, loose),
            Need::Class(class) => el.has_class(class, loose),
            Need::Attr(name, lower) => el
                .dom
                .element_attrs(el.i)
                .iter()
                .any(|a| a.name.local == name.0 || a.name.local == lower.0),
            Need::Tag(name, lower) => el.has_local_name(name) || el.has_local_name(lower),
        }
    }
}

impl Selector {
    /// Parses a selector list; the error says what is wrong and where.
    ///
    /// ```
    /// use deboiler::parse::{Dom, Selector, Tag};
    /// let sel = Selector::parse("div.share > a[href]").unwrap();
    /// let dom = Dom::parse("<div class=share><a href=x>Share</a></div>");
    /// let a = dom.elements(Tag::A).next().unwrap();
    /// assert!(dom.matches(a, &sel));
    /// assert!(Selector::parse("div >").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Selector, String> {
        let mut parser = cssparser::Parser::new(text);
        let parsed = SelectorList::parse(&Dialect, &mut parser, ParseRelative::No);
        parsed
            .map(|list| {
                let needs = list.slice().iter().map(Need::of).collect();
                Selector { list, needs }
            })
            .map_err(|e| {
                let what = match e.kind {
                    cssparser::ParseErrorKind::Basic(b) => b.to_string(),
                    cssparser::ParseErrorKind::Custom(c) => format!("{c:?}"),
                };
                let at = parser.current_source_location().column;
                format!("{what} (near column {at})")
            })
    }

    /// Whether element `i` of `dom` matches.
    pub(super) fn matches(&self, dom: &Dom, i: usize) -> bool {
        if !matches!(dom.kind(i), NodeKind::Element(_)) {
            return false;
        }
        if let Some(needs) = &self.needs {
            let el = Element { dom, i };
            if !needs.iter().any(|n| n.met(&el)) {
                return false;
            }
        }
        let mut caches = SelectorCaches::default();
        let mut context = MatchingContext::new(
            MatchingMode::Normal,
            None,
            &mut caches,
            QuirksMode::NoQuirks,
            NeedsSelectorFlags::No,
            MatchingForInvalidation::No,
        );
        matches_selector_list(&self.list, &Element { dom, i }, &mut context)
    }
}

/// The parser settings: which selector syntax is accepted.
struct Dialect;

impl<'i> selectors::parser::Parser<'i> for Dialect {
    type Impl = Css;
    type Error = SelectorParseErrorKind;

    fn parse_is_and_where(&self) -> bool {
        true
    }

    fn parse_has(&self) -> bool {
        true
    }
}

/// The selector vocabulary: names are html5ever atoms, attribute values strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Css;

impl selectors::parser::SelectorImpl for Css {
    type ExtraMatchingData<'a> = ();
    type AttrValue = Value;
    type Identifier = Name;
    type LocalName = Name;
    type NamespacePrefix = Name;
    type NamespaceUrl = Namespace;
    type BorrowedNamespaceUrl = Namespace;
    type BorrowedLocalName = Name;
    type NonTSPseudoClass = NoPseudoClass;
    type PseudoElement = NoPseudoElement;
}

/// An attribute value in a selector (`[rel~=author]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value(String);

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value(s.to_owned())
    }
}

impl AsRef<str> for Value {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl ToCss for Value {
    fn to_css<W: fmt::Write>(&self, dest: &mut W) -> fmt::Result {
        cssparser::serialize_string(&self.0, dest)
    }
}

/// A tag, class, id or attribute name in a selector.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Name(LocalName);

impl From<&str> for Name {
    fn from(s: &str) -> Name {
        Name(LocalName::from(s))
    }
}

impl ToCss for Name {
    fn to_css<W: fmt::Write>(&self, dest: &mut W) -> fmt::Result {
        cssparser::serialize_identifier(&self.0, dest)
    }
}

impl PrecomputedHash for Name {
    fn precomputed_hash(&self) -> u32 {
        self.0.precomputed_hash()
    }
}

/// No pseudo-class is supported: none can be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoPseudoClass {}

impl selectors::parser::NonTSPseudoClass for NoPseudoClass {
    fn is_active_or_hover(&self) -> bool {
        match *self {}
    }

    fn is_user_action_state(&self) -> bool {
        match *self {}
    }
}

impl ToCss for NoPseudoClass {
    fn to_css<W: fmt::Write>(&self, _dest: &mut W) -> fmt::Result {
        match *self {}
    }
}

/// No pseudo-element is supported: none can be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoPseudoElement {}

impl selectors::parser::PseudoElement for NoPseudoElement {}

impl ToCss for NoPseudoElement {
    fn to_css<W: fmt::Write>(&self, _dest: &mut W) -> fmt::Result {
        match *self {}
    }
}

/// An element of a [`Dom`] as the matcher sees it.
#[derive(Clone, Copy)]
struct Element<'a> {
    dom: &'a Dom,
    i: usize,
}

impl fmt::Debug for Element<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "<{}> at {}",
            self.dom.element_name(self.i).unwrap_or(""),
            self.i
        )
    }
}

impl<'a> Element<'a> {
    fn at(&self, i: usize) -> Option<Element<'a>> {
        matches!(self.dom.kind(i), NodeKind::Element(_)).then_some(Element { dom: self.dom, i })
    }

    /// Values of the attributes named `local` in any namespace.
    fn values(&self, local: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.dom
            .element_attrs(self.i)
            .iter()
            .filter(move |a| &*a.name.local == local)
            .map(|a| &*a.value)
    }
}

impl selectors::Element for Element<'_> {
    type Impl = Css;

    fn opaque(&self) -> OpaqueElement {
        OpaqueElement::new(&self.dom.nodes[self.i])
    }

    fn parent_element(&self) -> Option<Self> {
        self.at(self.dom.parent(self.i)?)
    }

    fn parent_node_is_shadow_root(&self) -> bool {
        false
    }

    fn containing_shadow_host(&self) -> Option<Self> {
        None
    }

    fn is_pseudo_element(&self) -> bool {
        false
    }

    fn prev_sibling_element(&self) -> Option<Self> {
        let parent = self.dom.parent(self.i)?;
        self.dom
            .children(parent)
            .take_while(|&c| c < self.i)
            .filter_map(|c| self.at(c))
            .last()
    }

    fn next_sibling_element(&self) -> Option<Self> {
        let parent = self.dom.parent(self.i)?;
        let mut c = self.dom.end(self.i);
        while c < self.dom.end(parent) {
            if let Some(e) = self.at(c) {
                return Some(e);
            }
            c = self.dom.end(c);
        }
        None
    }

    fn first_element_child(&self) -> Option<Self> {
        self.dom.children(self.i).find_map(|c| self.at(c))
    }

    fn is_html_element_in_html_document(&self) -> bool {
        self.dom
            .qual_name(self.i)
            .is_some_and(|n| n.ns == html5ever::ns!(html))
    }

    fn has_local_name(&self, name: &Name) -> bool {
        self.dom
            .qual_name(self.i)
            .is_some_and(|n| n.local == name.0)
    }

    fn has_namespace(&self, ns: &Namespace) -> bool {
        self.dom.qual_name(self.i).is_some_and(|n| n.ns == *ns)
    }

    fn is_same_type(&self, other: &Self) -> bool {
        self.dom.qual_name(self.i) == other.dom.qual_name(other.i)
    }

    fn attr_matches(
        &self,
        ns: &NamespaceConstraint<&Namespace>,
        local_name: &Name,
        operation: &AttrSelectorOperation<&Value>,
    ) -> bool {
        self.dom.element_attrs(self.i).iter().any(|a| {
            let ns_ok = match ns {
                NamespaceConstraint::Any => true,
                NamespaceConstraint::Specific(url) => a.name.ns == **url,
            };
            ns_ok && a.name.local == local_name.0 && operation.eval_str(&a.value)
        })
    }

    fn match_non_ts_pseudo_class(
        &self,
        pc: &NoPseudoClass,
        _context: &mut MatchingContext<'_, Css>,
    ) -> bool {
        match *pc {}
    }

    fn match_pseudo_element(
        &self,
        pe: &NoPseudoElement,
        _context: &mut MatchingContext<'_, Css>,
    ) -> bool {
        match *pe {}
    }

    fn apply_selector_flags(&self, _flags: ElementSelectorFlags) {}

    fn is_link(&self) -> bool {
        false
    }

    fn is_html_slot_element(&self) -> bool {
        false
    }

    fn has_id(&self, id: &Name, case_sensitivity: CaseSensitivity) -> bool {
        self.values("id")
            .next()
            .is_some_and(|v| case_sensitivity.eq(id.0.as_bytes(), v.as_bytes()))
    }

    fn has_class(&self, name: &Name, case_sensitivity: CaseSensitivity) -> bool {
        self.values("class").any(|v| {
            v.split_ascii_whitespace()
                .any(|c| case_sensitivity.eq(name.0.as_bytes(), c.as_bytes()))
        })
    }

    fn has_custom_state(&self, _name: &Name) -> bool {
        false
    }

    fn imported_part(&self, _name: &Name) -> Option<Name> {
        None
    }

    fn is_part(&self, _name: &Name) -> bool {
        false
    }

    fn is_empty(&self) -> bool {
        !self
            .dom
            .children(self.i)
            .any(|c| matches!(self.dom.kind(c), NodeKind::Element(_) | NodeKind::Text))
    }

    fn is_root(&self) -> bool {
        self.dom
            .parent(self.i)
            .is_some_and(|p| self.dom.kind(p) == NodeKind::Document)
    }

    fn add_element_unique_hashes(&self, _filter: &mut BloomFilter) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Tag;

    fn matching(html: &str, selector: &str) -> Vec<String> {
        let dom = Dom::parse(html);
        let sel = Selector::parse(selector).unwrap();
        (0..dom.len())
            .filter(|&i| dom.matches(i, &sel))
            .map(|i| dom.attr(i, "id").unwrap_or("").to_owned())
            .collect()
    }

    #[test]
    fn attribute_class_id_and_combinators() {
        let html = "<div id=a class='x y'><a id=b rel='tag author' href=/t>t</a><p id=c></p>\
                    <span id=d></span></div><form id=e class=comment-form></form>";
        assert_eq!(matching(html, "a[rel~=author]"), ["b"]);
        assert_eq!(matching(html, "[rel~=tag]"), ["b"]);
        assert_eq!(matching(html, ".y"), ["a"]);
        assert_eq!(matching(html, "#c, form.comment-form"), ["c", "e"]);
        assert_eq!(matching(html, "div > p + span"), ["d"]);
        assert_eq!(matching(html, "p ~ span"), ["d"]);
        assert_eq!(matching(html, "div:has(> a[href])"), ["a"]);
        assert_eq!(matching(html, "p:empty"), ["c"]);
        assert_eq!(matching(html, "span:last-child"), ["d"]);
        assert_eq!(matching(html, "a:first-child"), ["b"]);
        assert_eq!(matching(html, ".X"), Vec::<String>::new());
    }

    #[test]
    fn quick_no_never_drops_a_match() {
        // Each selector matches exactly the elements a full match finds,
        // whatever its subject needs (an id, a class, an attribute, a tag,
        // in any case) or when it needs nothing the prefilter knows.
        let html = "<div id=a class='Post body'><p id=b data-X=1 title=t>x</p>\
                    <svg id=c><foreignObject id=d></foreignObject></svg>\
                    <form id=E class=comment-form><i id=f></i></form></div>";
        let cases: [(&str, &[&str]); 9] = [
            ("[DATA-X]", &["b"]),
            ("p[title]", &["b"]),
            ("foreignObject", &["d"]),
            (".Post.body > p", &["b"]),
            (":is(.body) p, #E i", &["b", "f"]),
            ("div:has(p)", &["a"]),
            ("form#E, .post", &["E"]),
            ("#e", &[]),
            ("*:not(p) > i", &["f"]),
        ];
        for (selector, want) in cases {
            assert_eq!(matching(html, selector), want, "{selector}");
        }
        let needs = |s: &str| Selector::parse(s).unwrap().needs.map(|n| n.len());
        assert_eq!(needs("a[rel~=author], .x, #y"), Some(3));
        assert_eq!(needs(".x, *"), None);
        assert_eq!(needs(":is(.a, .b)"), None);
    }

    #[test]
    fn bad_selectors_say_where() {
        let e = Selector::parse("div[").unwrap_err();
        assert!(e.contains("near column"), "{e}");
        assert!(Selector::parse("a:hover").is_err());
        assert!(Selector::parse("p::before").is_err());
        let dom = Dom::parse("<p>x</p>");
        let p = dom.elements(Tag::P).next().unwrap();
        assert!(dom.matches(p, &Selector::parse("html p").unwrap()));
    }
}
