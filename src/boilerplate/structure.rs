//! Structural pass: tags, roles, class/id words and selectors.
//!
//! A rule never removes a node that holds most of the page's prose (a
//! `has-sidebar` class on `<body>`, a `paywall` wrapper around the article),
//! nor `<html>`, `<body>` or `<main>`. `<header>` and `<footer>` inside an
//! `<article>` are left to the text rules: they hold the title, byline or
//! tags, but sometimes the dek or the last paragraph too.

use std::collections::HashMap;

use super::Pruned;
use crate::blocks::{is_invisible, segment, subtree_sums, TextBlock};
use crate::document::Kind;
use crate::parse::{Dom, NodeKind, Tag};
use crate::rules::compiled::{CompiledRules, Hit};
use crate::rules::structure::PRODUCT_TOKENS;
use crate::rules::thresholds::{
    GUARD_MIN_PROSE, GUARD_PROSE_SHARE, SOFT_RULE_MAX_PROSE, SOFT_RULE_MIN_HOLDERS,
};

/// Prose chars (long, low-link blocks) under each node, before any removal.
pub fn prose_per_node(dom: &Dom) -> Vec<u32> {
    let blocks = segment(dom, &[], 0);
    prose_sums(dom, &blocks)
}

fn prose_sums(dom: &Dom, blocks: &[TextBlock]) -> Vec<u32> {
    subtree_sums(
        dom,
        blocks,
        |b| if b.is_prose() { b.chars as u32 } else { 0 },
    )
}

/// Per node, before any removal: prose chars, and for the navigation guard
/// (see [`NAV_SPARE_MIN_PROSE`]) prose chars in sentences, link chars and
/// all chars.
struct NodeSums {
    prose: Vec<u32>,
    sentences: Vec<u32>,
    links: Vec<u32>,
    chars: Vec<u32>,
}

impl NodeSums {
    fn new(dom: &Dom) -> NodeSums {
        let blocks = segment(dom, &[], 0);
        // A run of category names can be as long as a sentence; only a
        // sentence has its punctuation.
        let sentence = |b: &TextBlock| {
            b.is_prose()
                && b.text
                    .contains(['.', ',', ';', '!', '?', '\u{3002}', '\u{ff0c}'])
        };
        NodeSums {
            prose: prose_sums(dom, &blocks),
            sentences: subtree_sums(
                dom,
                &blocks,
                |b| if sentence(b) { b.chars as u32 } else { 0 },
            ),
            links: subtree_sums(dom, &blocks, |b| b.link_chars as u32),
            chars: subtree_sums(dom, &blocks, |b| b.chars as u32),
        }
    }

    /// Whether node `i` reads as a section of the text: enough sentences,
    /// few links, little else.
    fn is_text_section(&self, i: usize) -> bool {
        let sentences = self.sentences[i] as f32;
        self.sentences[i] >= NAV_SPARE_MIN_PROSE
            && (self.links[i] as f32) < NAV_SPARE_MAX_LINK_SHARE * sentences
            && sentences >= NAV_SPARE_MIN_PROSE_SHARE * self.chars[i] as f32
    }
}

/// A navigation class word (`toc`, `menu`, `nav`) on an element holding at
/// least this much prose in sentences ...
const NAV_SPARE_MIN_PROSE: u32 = 400;
/// ... with fewer link chars than this share of it ...
const NAV_SPARE_MAX_LINK_SHARE: f32 = 0.2;
/// ... and it at least this share of its text names a section of
/// the text (`toc-para`: the sections a table of contents links to), not a
/// menu: menus and tables of contents are rows of short entries.
const NAV_SPARE_MIN_PROSE_SHARE: f32 = 0.6;

/// Rules whose word also names the building blocks of page builders: every
/// block of an Elementor page is an `elementor-widget`. On a page where at
/// least [`SOFT_RULE_MIN_HOLDERS`] elements holding prose match them (a page
/// built of widgets), they only remove elements with less prose than
/// [`SOFT_RULE_MAX_PROSE`]; elsewhere they are ordinary rules.
const SOFT_RULES: &[&str] = &["cls-widget"];

pub(super) fn prune(dom: &Dom, rules: &CompiledRules, pruned: &mut Pruned) {
    let sums = NodeSums::new(dom);
    let prose = &sums.prose;
    let total = prose.first().copied().unwrap_or(0) as f32;
    let guard = (GUARD_PROSE_SHARE * total).max(GUARD_MIN_PROSE as f32);
    let built_of_widgets = soft_prose_holders(dom, rules, prose) >= SOFT_RULE_MIN_HOLDERS;
    let mut article_ends: Vec<usize> = Vec::new();
    let headline = dom.elements(Tag::H1).next();
    let main = main_landmark(dom, prose);
    let landmarks: Vec<usize> = (0..dom.len()).filter(|&m| is_main(dom, m)).collect();
    // Class names repeat across a page (every card, every list item):
    // each distinct (class, id) pair is split into words once.
    let mut by_names: NamesCache = HashMap::new();
    let mut i = 0;
    while i < dom.len() {
        let NodeKind::Element(tag) = dom.kind(i) else {
            i += 1;
            continue;
        };
        article_ends.retain(|&e| e > i);
        if is_invisible(dom, i) {
            i = dom.end(i);
            continue;
        }
        // Inside a code block, classes are the highlighter's token names
        // (`comment`, `tag`, `meta`): nothing in it is chrome.
        if matches!(tag, Tag::Pre | Tag::Code) {
            i = dom.end(i);
            continue;
        }
        if matches!(tag, Tag::Article | Tag::Main) {
            article_ends.push(dom.end(i));
        }
        let protected = matches!(tag, Tag::Html | Tag::Body | Tag::Main);
        let hit = if protected {
            None
        } else {
            classify(dom, rules, i, tag, !article_ends.is_empty(), &mut by_names)
                .or_else(|| (tag == Tag::Form && is_filter_form(dom, i)).then_some(FILTER_FORM))
        };
        let soft_spared = built_of_widgets
            && hit.is_some_and(|h| {
                SOFT_RULES.contains(&h.id) && prose[i] as usize >= SOFT_RULE_MAX_PROSE
            });
        let prose_spared = hit.is_some_and(|h| {
            h.kind == Kind::Navigation && h.id.starts_with("cls-") && sums.is_text_section(i)
        });
        // A byline is a name and a date: one of several alike elements
        // holding paragraphs is an entry of a list carrying its author's name
        // as a class (`author-jdoe`).
        let byline_spared = hit.is_some_and(|h| {
            h.kind == Kind::Byline
                && prose[i] as usize >= BYLINE_MAX_PROSE
                && alike_siblings(dom, i) >= ENTRY_LIST_MIN
        });
        // A wrapper around the page's main landmark (a theme's
        // `content-sidebar-wrap`) holds the content, whatever its class
        // says: the landmark is what the page itself calls its content.
        let main_spared = hit.is_some() && landmarks.iter().any(|&m| m != i && dom.contains(i, m));
        match hit {
            Some(hit)
                if ((prose[i] as f32) <= guard
                    || is_consent_manager(dom, i, hit)
                    || is_product_aside(dom, i, hit, headline)
                    || is_footer_beside_main(dom, i, hit, main))
                    && !soft_spared
                    && !prose_spared
                    && !byline_spared
                    && !main_spared =>
            {
                pruned.remove(i, hit, &visible_text(dom, i));
                i = dom.end(i);
            }
            _ => i += 1,
        }
    }
}

/// The context rule taking a listing's filter form.
const FILTER_FORM: Hit = Hit {
    kind: Kind::Navigation,
    id: "filter-form",
};

/// A form with at least this many checkbox or radio options ...
const FILTER_MIN_OPTIONS: usize = 4;
/// ... whose option labels make at least this share of its text is a
/// listing's filters: a sign-up or contact form is mostly its fields'
/// prompts and its pitch, a page wrapped whole in a `<form>` (ASP.NET) is
/// mostly content.
const FILTER_MIN_LABEL_SHARE: f32 = 0.5;

/// Whether form `i` is a set of filters (facets: price ranges, brands,
/// dates to tick) over the items a listing shows. Filters query the page
/// again (`GET`, the default); a form posting what it holds (an order's
/// options to the cart, a request for a quote) is part of its page.
fn is_filter_form(dom: &Dom, i: usize) -> bool {
    if dom
        .attr(i, "method")
        .is_some_and(|m| !m.trim().eq_ignore_ascii_case("get"))
    {
        return false;
    }
    let end = dom.end(i);
    let is_option = |j: usize| {
        dom.tag(j) == Some(Tag::Input)
            && dom.attr(j, "type").is_some_and(|t| {
                t.eq_ignore_ascii_case("checkbox") || t.eq_ignore_ascii_case("radio")
            })
    };
    if (i..end).filter(|&j| is_option(j)).count() < FILTER_MIN_OPTIONS {
        return false;
    }
    // Non-space chars of text, in option labels and in all: option labels
    // are inline elements, which own no text block.
    let (mut label_chars, mut all_chars) = (0usize, 0usize);
    let mut label_end = 0;
    let mut j = i + 1;
    while j < end {
        match dom.tag(j) {
            Some(Tag::Script | Tag::Style | Tag::Template) => {
                j = dom.end(j);
                continue;
            }
            Some(Tag::Label) if j >= label_end => label_end = dom.end(j),
            _ => {}
        }
        if let Some(t) = dom.text(j) {
            let n = t.chars().filter(|c| !c.is_whitespace()).count();
            all_chars += n;
            if j < label_end {
                label_chars += n;
            }
        }
        j += 1;
    }
    label_chars as f32 >= FILTER_MIN_LABEL_SHARE * all_chars as f32
}

/// A byline rule never removes an entry of a list holding this much prose
/// (chars): two or three sentences are an entry, not a byline.
const BYLINE_MAX_PROSE: usize = 200;

/// A list of entries has at least this many alike elements.
const ENTRY_LIST_MIN: usize = 3;

/// How many elements among `i`'s parent's children (itself included) share
/// its tag and first class name.
fn alike_siblings(dom: &Dom, i: usize) -> usize {
    let first_class = |n: usize| {
        dom.attr(n, "class")
            .and_then(|c| c.split_ascii_whitespace().next())
    };
    let Some(parent) = dom.parent(i) else {
        return 1;
    };
    dom.children(parent)
        .filter(|&c| dom.element_name(c) == dom.element_name(i) && first_class(c) == first_class(i))
        .count()
}

/// A consent manager's preference centre names cookies this often per
/// thousand chars of its text; an article about cookies, far less.
const CONSENT_MIN_MENTIONS_PER_KCHAR: f32 = 1.5;

/// Whether element `i`, matched by a cookie-notice rule, is a consent
/// manager: its pages of purposes and vendors are prose, enough to pass the
/// article guard, but every few lines they say "cookies". A page wrapper
/// carrying a `cookie-consent` class holds the article and says it rarely.
fn is_consent_manager(dom: &Dom, i: usize, hit: Hit) -> bool {
    if hit.kind != Kind::CookieNotice {
        return false;
    }
    let text = visible_text(dom, i).to_lowercase();
    let chars = text.chars().count().max(1) as f32;
    let mentions = text.matches("cookie").count() as f32;
    mentions * 1000.0 >= CONSENT_MIN_MENTIONS_PER_KCHAR * chars
}

/// Whether element `i`, matched by a product-page rule, is a part beside
/// the product: its reviews can hold more prose than the description, so
/// the prose guard does not judge them, but an element holding the page's
/// headline (`headline`, its first `<h1>`) is the product's own.
fn is_product_aside(dom: &Dom, i: usize, hit: Hit, headline: Option<usize>) -> bool {
    PRODUCT_TOKENS.iter().any(|r| r.id == hit.id) && headline.is_some_and(|h| !dom.contains(i, h))
}

/// Whether element `m` is a `<main>` (or `role=main`) landmark.
fn is_main(dom: &Dom, m: usize) -> bool {
    dom.tag(m) == Some(Tag::Main) || dom.attr(m, "role") == Some("main")
}

/// The page's `<main>` (or `role=main`) landmark, when it holds prose.
fn main_landmark(dom: &Dom, prose: &[u32]) -> Option<usize> {
    (0..dom.len()).find(|&m| is_main(dom, m) && prose[m] > 0)
}

/// Whether element `i`, matched by a footer rule, is the site footer beside
/// the page's main landmark (`main`): neither inside it nor around it. Its
/// fine print (a shop's numbered footnotes, legal notes) can hold more prose
/// than the content the page marks as main, so the prose guard does not
/// judge it.
fn is_footer_beside_main(dom: &Dom, i: usize, hit: Hit, main: Option<usize>) -> bool {
    hit.kind == Kind::Footer && main.is_some_and(|m| !dom.contains(m, i) && !dom.contains(i, m))
}

/// How many elements holding prose match a soft rule by class or id.
fn soft_prose_holders(dom: &Dom, rules: &CompiledRules, prose: &[u32]) -> usize {
    (0..dom.len())
        .filter(|&i| prose[i] as usize >= SOFT_RULE_MAX_PROSE)
        .filter(|&i| {
            let classes = dom.attr(i, "class").unwrap_or("");
            let id = dom.attr(i, "id").unwrap_or("");
            let names = classes.split_ascii_whitespace().chain(std::iter::once(id));
            rules
                .classify_names(names)
                .is_some_and(|h| SOFT_RULES.contains(&h.id))
        })
        .count()
}

/// The class-name rule of each (class, id) pair seen on the page.
type NamesCache<'a> = HashMap<(&'a str, &'a str), Option<Hit>>;

/// The structural rule matching element `i`, if any.
fn classify<'a>(
    dom: &'a Dom,
    rules: &CompiledRules,
    i: usize,
    tag: Tag,
    in_article: bool,
    by_names: &mut NamesCache<'a>,
) -> Option<Hit> {
    if let Some(name) = dom.element_name(i) {
        let in_article_exempt = in_article && matches!(tag, Tag::Header | Tag::Footer);
        if !in_article_exempt {
            if let Some(hit) = rules.classify_tag(name) {
                return Some(hit);
            }
        }
    }
    if let Some(role) = dom.attr(i, "role") {
        if let Some(hit) = rules.classify_role(role) {
            return Some(hit);
        }
    }
    let classes = dom.attr(i, "class").unwrap_or("");
    let id = dom.attr(i, "id").unwrap_or("");
    if !classes.is_empty() || !id.is_empty() {
        let hit = *by_names.entry((classes, id)).or_insert_with(|| {
            let names = classes.split_ascii_whitespace().chain(std::iter::once(id));
            rules.classify_names(names)
        });
        if hit.is_some() {
            return hit;
        }
    }
    rules
        .selectors()
        .find(|(sel, _)| dom.matches(i, sel))
        .map(|(_, hit)| hit)
}

/// The visible text of a subtree, whitespace-collapsed, for the log.
pub(crate) fn visible_text(dom: &Dom, root: usize) -> String {
    let mut out = String::new();
    let end = dom.end(root);
    let mut j = root;
    while j < end {
        if j != root && is_invisible(dom, j) {
            j = dom.end(j);
            continue;
        }
        if dom.text(j).is_some() {
            dom.push_collapsed_text(j, &mut out);
        } else if dom.tag(j).is_some_and(|t| t.is_block()) && !out.is_empty() && !out.ends_with(' ')
        {
            out.push(' ');
        }
        j += 1;
    }
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use crate::document::{Kind, Metadata};
    use crate::parse::Dom;

    fn removed_kinds(html: &str) -> Vec<(Kind, String, String)> {
        super::super::removals_of(html)
            .into_iter()
            .map(|r| (r.kind, r.rule, r.text))
            .collect()
    }

    #[test]
    fn a_listings_filter_form_goes_an_order_form_stays() {
        let option = |name: &str| {
            format!("<div><input type=checkbox id={name}><label for={name}>{name}</label></div>")
        };
        let options: String = ["Free", "Paid", "Evenings", "Weekends", "Two weeks"]
            .iter()
            .map(|n| option(n))
            .collect();
        let filters = format!("<form action=/catalog><p>Filter</p>{options}</form>");
        let got = removed_kinds(&format!(
            "<body><main>{filters}<p>Course one</p></main></body>"
        ));
        assert!(
            got.iter().any(|(_, rule, _)| rule == "filter-form"),
            "{got:?}"
        );
        // Options posted to a cart are the product's own.
        let order = format!("<form method=post action=/cart>{options}</form>");
        let got = removed_kinds(&format!("<body><main>{order}</main></body>"));
        assert!(got.is_empty(), "{got:?}");
        // A form wrapping the page is mostly its text, not its options.
        let prose =
            "<p>A paragraph of the page that a whole-page form wraps, as some frameworks do.</p>";
        let page = format!("<form action=/>{options}{}</form>", prose.repeat(3));
        let got = removed_kinds(&format!("<body>{page}</body>"));
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn removes_by_tag_role_and_class_words() {
        let got = removed_kinds(
            "<body><nav>Home World</nav><div role=contentinfo>© Site</div>\
             <div class='share-bar'>Facebook</div><div class='unrelated-note'>Kept</div></body>",
        );
        assert_eq!(got[0].0, Kind::Navigation);
        assert_eq!(got[1].0, Kind::Footer);
        assert_eq!(got[2], (Kind::Share, "cls-share".into(), "Facebook".into()));
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn highlighter_token_classes_inside_code_are_code() {
        let got = removed_kinds(
            "<body><article><p>To get started:</p><pre><code>\
             <span class='token comment'># initialize the repository</span>\n\
             git init\n<span class=\"hljs-meta share\">$</span> git status</code></pre>\
             <div class=comments>First!</div></article></body>",
        );
        // Only the real comment box goes; the code keeps its comment line.
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2, "First!");
    }

    #[test]
    fn forum_signatures_and_profile_fields_go_the_post_and_poster_name_stay() {
        let got = removed_kinds(
            "<body><div class=post><dl class=postprofile><dt><a href=/u/1>marsh_warbler</a></dt>\
             <dd>Senator</dd><dd>Founded: Dec 11, 2021</dd></dl>\
             <div class=postbody><div class=content><p>The ferry timetable changed again this week.</p></div>\
             <div id=sig1 class=signature>Proud owner of three herons.</div></div></div></body>",
        );
        let rules: Vec<&str> = got.iter().map(|(_, r, _)| r.as_str()).collect();
        assert_eq!(
            rules,
            [
                "sel-forum-profile-stats",
                "sel-forum-profile-stats",
                "sel-forum-signature"
            ],
            "{got:?}"
        );
        assert!(got
            .iter()
            .all(|(_, _, t)| !t.contains("ferry") && !t.contains("marsh")));
    }

    #[test]
    fn guard_keeps_a_wrapper_holding_the_article() {
        let para = "<p>".to_string()
            + &"A sentence of the article that is long enough to count. ".repeat(4)
            + "</p>";
        let html = format!("<body><div class='has-sidebar'>{para}{para}{para}</div><div class=sidebar><a href=/>Other story</a></div></body>");
        let got = removed_kinds(&html);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, "cls-sidebar");
    }

    #[test]
    fn a_wrapper_around_the_main_landmark_stays_whatever_its_class() {
        // A theme's wrapper of the content and its sidebar, on a page of
        // short teasers (too little prose for the prose guard).
        let html = "<body><div class=content-sidebar-wrap><main><article><h2><a href=/a>Crispy potato wedges</a></h2></article>\
                    <article><h2><a href=/b>Lemon rice with herbs</a></h2></article></main>\
                    <aside class=sidebar><a href=/>Popular posts</a></aside></div></body>";
        let got = removed_kinds(html);
        assert!(got.iter().all(|(_, _, t)| !t.contains("potato")), "{got:?}");
    }

    #[test]
    fn a_consent_manager_goes_though_it_holds_more_prose_than_the_post() {
        let post = "<p>Not sure if this is the right place, but does anyone know what these two \
                    clips inside the case are for? The manual says nothing about them.</p>";
        let purpose = "<p>These cookies are set by our advertising partners and may be used to \
                       build a profile of your interests; if you do not allow these cookies you \
                       will see less targeted advertising.</p>";
        let html = format!(
            "<body><div class=post>{post}</div><div id=onetrust-consent-sdk>\
             <h2>Privacy Preference Center</h2>{}</div></body>",
            purpose.repeat(8)
        );
        let got = removed_kinds(&html);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].0, got[0].1.as_str()),
            (Kind::CookieNotice, "cls-consent")
        );
        // A page wrapper named after the consent state holds the article.
        let para = "<p>".to_string()
            + &"A sentence of the article that is long enough to count. ".repeat(4)
            + "</p>";
        let wrapped = format!(
            "<body><div class=cookie-consent-given>{}</div></body>",
            para.repeat(4)
        );
        assert!(removed_kinds(&wrapped).is_empty());
    }

    #[test]
    fn a_section_of_text_with_a_toc_class_is_kept_a_toc_is_not() {
        let para = "<p>".to_string()
            + &"The filing fee is due with the articles, and the receipt comes by mail. ".repeat(3)
            + "</p>";
        let entries = "<li><a href=#s1>Choosing a name</a></li>".repeat(6);
        let html = format!(
            "<body><div class=toc><ul>{entries}</ul></div>\
             <section class=toc-para><h2>Filing</h2>{para}{para}</section>\
             <section class=toc-para><h2>Fees</h2>{para}{para}</section></body>"
        );
        let got = removed_kinds(&html);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0, got[0].1.as_str()), (Kind::Navigation, "cls-toc"));
        assert!(got[0].2.starts_with("Choosing a name"));
    }

    #[test]
    fn entries_named_after_their_author_are_kept_a_byline_is_not() {
        let para = "<p>".to_string()
            + &"The firm opened an office in Riyadh and hired a senior partner for it. ".repeat(3)
            + "</p>";
        let entry =
            format!("<article class='entry hentry author-jdoe'><h2>News</h2>{para}</article>");
        let html = format!(
            "<body><div class=author>By Jane Doe</div><section class=blog-list>{}</section></body>",
            entry.repeat(3)
        );
        let got = removed_kinds(&html);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].1.as_str(), got[0].2.as_str()),
            ("cls-author", "By Jane Doe")
        );
    }

    #[test]
    fn a_product_page_drops_its_reviews_other_pages_keep_them() {
        let review = "<div class=review><p>".to_string()
            + &"I bought two of these for the garden and they have held up all winter. ".repeat(3)
            + "</p></div>";
        let html = format!(
            "<body><div class=product><h1>Cedar planter</h1><p>A planter of cedar, oiled.</p>\
             </div><section class=product-reviews>{}</section></body>",
            review.repeat(4)
        );
        let dom = Dom::parse(&html);
        let rules = crate::rules::compiled::builtin().clone();
        let pruned =
            super::super::prune(&dom, &Metadata::default(), &rules.clone().on_product_page());
        let rule = pruned.log.first().map(|(_, r)| r.rule.as_str());
        assert_eq!(rule, Some("product-cls-reviews"), "{:?}", pruned.log);
        // More prose than the description, yet gone; the rest stays.
        assert_eq!(pruned.log.len(), 1);
        let pruned = super::super::prune(&dom, &Metadata::default(), &rules);
        assert!(pruned.log.is_empty(), "{:?}", pruned.log);
    }

    #[test]
    fn a_site_footer_beside_main_goes_though_it_holds_more_prose() {
        let para = "<p>".to_string()
            + &"The kettle boils a litre in three minutes and switches itself off. ".repeat(2)
            + "</p>";
        let note = "<p>".to_string()
            + &"Offer valid while stocks last; prices include tax and exclude delivery. ".repeat(3)
            + "</p>";
        let footer = format!("<footer>{}</footer>", note.repeat(6));
        let got = removed_kinds(&format!("<body><main>{para}</main>{footer}</body>"));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, Kind::Footer);
        // Without a main landmark the guard still keeps the larger block.
        let got = removed_kinds(&format!("<body><div>{para}</div>{footer}</body>"));
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn header_and_footer_inside_article_are_kept() {
        let got = removed_kinds("<body><header>Logo</header><article><header><p>Dek of the story</p></header><p>Body</p><footer><p>Last line</p></footer></article></body>");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, "tag-header");
    }
}
