//! JSON-LD source: every `<script type="application/ld+json">`.
//!
//! Input: the DOM (script bodies via `raw_text`). Output: candidates tagged
//! [`Source::JsonLdArticle`] from the object that describes this page (an
//! Article, NewsArticle, BlogPosting, ...), [`Source::JsonLdOther`] from
//! page-level objects (WebPage, ...), [`Source::JsonLdOrgAuthor`] for
//! organisations named as authors and [`Source::JsonLdWebSite`] for the
//! site's name. Invariants: invalid JSON is repaired once (control
//! characters, trailing commas) or the script is skipped; `@id` references
//! are resolved across all scripts; traversal is iterative with bounded work.

use std::collections::HashMap;

use serde_json::Value;

use super::{Candidates, Field, Source};
use crate::parse::{Dom, Tag};

/// Types that describe an article-like page, the object we want.
const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "blogposting",
    "reportagenews",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "askpublicnewsarticle",
    "scholarlyarticle",
    "techarticle",
    "report",
    "liveblogposting",
    "socialmediaposting",
    "discussionforumposting",
    "posting",
    "review",
    "satiricalarticle",
    "advertisercontentarticle",
    "medicalscholarlyarticle",
    "creativework",
    "recipe",
    "howto",
    "videoobject",
    "podcastepisode",
];
/// Types of the page itself: second choice.
const PAGE_TYPES: &[&str] = &[
    "webpage",
    "itempage",
    "aboutpage",
    "collectionpage",
    "profilepage",
    "searchresultspage",
    "medicalwebpage",
    "realestatelisting",
    "checkoutpage",
    "contactpage",
];
/// How many JSON nodes we visit at most per page: bounds work on huge graphs.
const MAX_NODES: usize = 20_000;

/// Collects JSON-LD candidates.
pub(crate) fn collect(dom: &Dom, page_url: Option<&str>, out: &mut Candidates) {
    let mut roots = Vec::new();
    for i in dom.elements(Tag::Script) {
        let is_ld = dom
            .attr(i, "type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if is_ld {
            if let Some(v) = parse_lenient(&dom.raw_text(i)) {
                roots.push(v);
            }
        }
    }
    if roots.is_empty() {
        return;
    }
    let objects = top_objects(&roots);
    let ids: HashMap<&str, &Value> = objects
        .iter()
        .filter_map(|o| Some((o.get("@id")?.as_str()?, *o)))
        .collect();
    let ctx = Ctx { ids: &ids };

    // The article: best type rank, then the one whose url matches the page.
    let mut best: Option<(u8, bool, usize)> = None;
    for (n, o) in objects.iter().enumerate() {
        let rank = type_rank(o);
        if rank > 1 {
            continue;
        }
        let url_match = page_url.is_some_and(|u| object_urls(o).any(|x| same_url(x, u)));
        let better = match best {
            None => true,
            Some((r, m, _)) => rank < r || (rank == r && url_match && !m),
        };
        if better {
            best = Some((rank, url_match, n));
        }
    }
    // A WebPage (no article object) describes the page record, not an
    // article: its fields are second-choice values.
    if let Some((rank, _, n)) = best {
        if let Some(o) = objects.get(n) {
            let source = if rank == 0 {
                Source::JsonLdArticle
            } else {
                Source::JsonLdOther
            };
            ctx.fields(o, source, out);
        }
    }
    for (n, o) in objects.iter().enumerate() {
        if Some(n) == best.map(|b| b.2) {
            continue;
        }
        match type_rank(o) {
            0 | 1 => ctx.fields(o, Source::JsonLdOther, out),
            _ if has_type(o, &["website"]) => {
                if let Some(name) = o.get("name").and_then(Value::as_str) {
                    out.push(Field::SiteName, Source::JsonLdWebSite, name);
                }
            }
            _ => {}
        }
    }
}

/// Types of the thing a product page sells.
const PRODUCT_TYPES: &[&str] = &[
    "product",
    "productgroup",
    "individualproduct",
    "productmodel",
];

/// The parsed JSON-LD scripts that name a product, with their `<script>`
/// nodes, in document order. Scripts that do not name one are not parsed.
fn product_scripts(dom: &Dom) -> impl Iterator<Item = (usize, Value)> + '_ {
    dom.elements(Tag::Script).filter_map(move |i| {
        let is_ld = dom
            .attr(i, "type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            return None;
        }
        let body = dom.raw_text(i);
        if !body.contains("roduct") {
            return None;
        }
        parse_lenient(&body).map(|root| (i, root))
    })
}

/// The description of the product a page sells, from the first JSON-LD
/// product object that has one, with the `<script>` it came from: product
/// pages often render it with scripts only.
pub(crate) fn product_description(dom: &Dom) -> Option<(usize, String)> {
    product_scripts(dom).find_map(|(i, root)| {
        let roots = [root];
        top_objects(&roots)
            .into_iter()
            .filter(|o| has_type(o, PRODUCT_TYPES))
            .find_map(|o| str_of(o.get("description")).map(|d| (i, d.to_owned())))
    })
}

/// How many products the page's JSON-LD describes at its top level (not
/// the items of a list, not the offers of one product): one on a product
/// page, many on a catalogue page that lists each card; and how many of them
/// are for sale (they carry `offers` or variants that do). A product
/// without offers is often only a carrier for a star rating.
pub(crate) fn declared_products(dom: &Dom) -> (usize, usize) {
    let (mut count, mut sold) = (0, 0);
    for (_, root) in product_scripts(dom) {
        let roots = [root];
        for o in top_objects(&roots) {
            if has_type(o, PRODUCT_TYPES) {
                count += 1;
                if o.get("offers").is_some() || o.get("hasVariant").is_some() {
                    sold += 1;
                }
            }
        }
    }
    (count, sold)
}

struct Ctx<'a> {
    ids: &'a HashMap<&'a str, &'a Value>,
}

impl Ctx<'_> {
    /// Follows an `{"@id": ...}` reference to the full object when we have it.
    fn resolve<'v>(&'v self, v: &'v Value) -> &'v Value {
        match v.as_object() {
            Some(o) if o.len() <= 2 && !o.contains_key("name") => o
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| self.ids.get(id).copied())
                .unwrap_or(v),
            _ => v,
        }
    }

    fn fields(&self, o: &Value, source: Source, out: &mut Candidates) {
        let title = str_of(o.get("headline")).or_else(|| str_of(o.get("name")));
        if let Some(t) = title {
            out.push(Field::Title, source, t);
        }
        for (key, field) in [
            ("datePublished", Field::DatePublished),
            ("dateCreated", Field::DatePublished),
            ("uploadDate", Field::DatePublished),
            ("dateModified", Field::DateModified),
            ("description", Field::Description),
            ("timeRequired", Field::ReadingTime),
        ] {
            if let Some(v) = str_of(o.get(key)) {
                out.push(field, source, v);
            }
        }
        if let Some(lang) = o.get("inLanguage") {
            let lang = self.resolve(lang);
            if let Some(v) = str_of(Some(lang))
                .or_else(|| str_of(lang.get("alternateName")).or_else(|| str_of(lang.get("name"))))
            {
                out.push(Field::Language, source, v);
            }
        }
        if let Some(a) = o.get("author").or_else(|| o.get("creator")) {
            self.authors(a, source, out);
        }
        if let Some(p) = o.get("publisher") {
            let p = self.resolve(first(p));
            if let Some(name) = str_of(p.get("name")).or_else(|| str_of(Some(p))) {
                out.push(Field::SiteName, source, name);
            }
        }
        if let Some(k) = o.get("keywords") {
            for v in strings(k) {
                for tag in v.split(',') {
                    out.push(Field::Tags, source, tag);
                }
            }
        }
        if let Some(s) = o.get("articleSection") {
            for v in strings(s) {
                out.push(Field::Tags, Source::JsonLdSection, v);
            }
        }
        if let Some(img) = o.get("image").or_else(|| o.get("thumbnailUrl")) {
            let img = self.resolve(first(img));
            if let Some(url) = str_of(Some(img))
                .or_else(|| str_of(img.get("url")).or_else(|| str_of(img.get("contentUrl"))))
            {
                out.push(Field::Image, source, url);
            }
        }
        if let Some(u) = str_of(o.get("url")) {
            out.push(Field::CanonicalUrl, source, u);
        }
    }

    fn authors(&self, value: &Value, source: Source, out: &mut Candidates) {
        let items: Vec<&Value> = match value {
            Value::Array(a) => a.iter().collect(),
            v => vec![v],
        };
        for item in items {
            let item = self.resolve(item);
            match item {
                Value::String(s) => out.push(Field::Author, source, s),
                Value::Object(_) => {
                    let org = has_type(
                        item,
                        &[
                            "organization",
                            "newsmediaorganization",
                            "corporation",
                            "organisation",
                        ],
                    );
                    let name = str_of(item.get("name"));
                    // Some sites split the name: givenName + familyName.
                    let joined;
                    let name = match (
                        name,
                        str_of(item.get("givenName")),
                        str_of(item.get("familyName")),
                    ) {
                        (Some(n), _, _) => n,
                        (None, Some(g), Some(f)) => {
                            joined = format!("{g} {f}");
                            &joined
                        }
                        _ => continue,
                    };
                    let source = if org { Source::JsonLdOrgAuthor } else { source };
                    out.push(Field::Author, source, name);
                }
                _ => {}
            }
        }
    }
}

/// Flattens arrays, `@graph` and `mainEntity` into the list of described objects.
fn top_objects(roots: &[Value]) -> Vec<&Value> {
    let mut out = Vec::new();
    let mut stack: Vec<&Value> = roots.iter().rev().collect();
    let mut visited = 0;
    while let Some(v) = stack.pop() {
        visited += 1;
        if visited > MAX_NODES {
            break;
        }
        match v {
            Value::Array(a) => stack.extend(a.iter().rev()),
            Value::Object(o) => {
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
                if let Some(m) = o.get("mainEntity") {
                    if m.is_object() || m.is_array() {
                        stack.push(m);
                    }
                }
                if o.contains_key("@type") {
                    out.push(v);
                }
            }
            _ => {}
        }
    }
    out
}

fn types(o: &Value) -> impl Iterator<Item = String> + '_ {
    let t = o.get("@type");
    let list: Vec<&str> = match t {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    list.into_iter().map(|s| {
        // "schema:NewsArticle", "http://schema.org/NewsArticle"
        let short = s.rsplit(['/', ':', '#']).next().unwrap_or(s);
        short.to_ascii_lowercase()
    })
}

fn has_type(o: &Value, wanted: &[&str]) -> bool {
    types(o).any(|t| wanted.contains(&t.as_str()))
}

/// 0 article-like, 1 page, 2 anything else.
fn type_rank(o: &Value) -> u8 {
    if has_type(o, ARTICLE_TYPES) {
        0
    } else if has_type(o, PAGE_TYPES) {
        1
    } else {
        2
    }
}

fn object_urls(o: &Value) -> impl Iterator<Item = &str> {
    let mep = o.get("mainEntityOfPage");
    let mep_id = mep.and_then(|m| m.get("@id")).and_then(Value::as_str);
    [
        o.get("url").and_then(Value::as_str),
        mep.and_then(Value::as_str),
        mep_id,
        o.get("@id").and_then(Value::as_str),
    ]
    .into_iter()
    .flatten()
}

fn same_url(a: &str, b: &str) -> bool {
    fn core(u: &str) -> &str {
        let u = u.split(['?', '#']).next().unwrap_or(u);
        let u = u.split_once("://").map_or(u, |(_, r)| r);
        let u = u.strip_prefix("www.").unwrap_or(u);
        u.trim_end_matches('/')
    }
    core(a).eq_ignore_ascii_case(core(b))
}

fn first(v: &Value) -> &Value {
    match v {
        Value::Array(a) => a.first().unwrap_or(v),
        _ => v,
    }
}

fn str_of(v: Option<&Value>) -> Option<&str> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s),
        Value::Array(a) => a.iter().find_map(|x| str_of(Some(x))),
        _ => None,
    }
}

fn strings(v: &Value) -> Vec<&str> {
    match v {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Parses a script body, repairing the common breakages once.
fn parse_lenient(body: &str) -> Option<Value> {
    let body = body.trim();
    let body = body.strip_prefix("<!--").unwrap_or(body);
    let body = body.strip_suffix("-->").unwrap_or(body);
    let body = body.trim();
    let body = body
        .strip_prefix("//<![CDATA[")
        .or_else(|| body.strip_prefix("<![CDATA["))
        .unwrap_or(body);
    let body = body
        .strip_suffix("//]]>")
        .or_else(|| body.strip_suffix("]]>"))
        .unwrap_or(body);
    let body = body.trim().trim_end_matches(';');
    if let Ok(v) = serde_json::from_str(body) {
        return Some(v);
    }
    serde_json::from_str(&repair(body)).ok()
}

/// Replaces control characters by spaces and drops trailing commas before
/// `}` or `]` (outside strings).
fn repair(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut in_string = false;
    let mut escaped = false;
    let mut pending_comma = String::new();
    for c in body.chars() {
        let c = if c.is_control() { ' ' } else { c };
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        if !pending_comma.is_empty() {
            if c.is_whitespace() {
                pending_comma.push(c);
                continue;
            }
            if c != '}' && c != ']' {
                out.push_str(&pending_comma);
            }
            pending_comma.clear();
        }
        match c {
            ',' => pending_comma.push(','),
            '"' => {
                in_string = true;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out.push_str(&pending_comma);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str) -> Candidates {
        let dom = Dom::parse(html);
        let mut c = Candidates::default();
        collect(&dom, None, &mut c);
        c
    }

    #[test]
    fn graph_picks_the_article_over_page_and_organisation() {
        let c = run(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebPage","@id":"https://x.test/a#page","name":"Port strike ends | Daily News","datePublished":"2024-03-20"},
            {"@type":"NewsArticle","headline":"Port strike ends","datePublished":"2024-03-25T10:00:00Z",
             "dateModified":"2024-03-26T09:00:00Z","author":{"@id":"https://x.test/#p1"},
             "publisher":{"@type":"Organization","name":"Daily News"},"keywords":"ports, strikes"},
            {"@type":"Organization","name":"Daily News Group"},
            {"@type":"Person","@id":"https://x.test/#p1","name":"Jane Doe"}]}</script>"#,
        );
        assert_eq!(
            c.first(Field::Title, Source::JsonLdArticle),
            Some("Port strike ends")
        );
        assert_eq!(
            c.first(Field::DatePublished, Source::JsonLdArticle),
            Some("2024-03-25T10:00:00Z")
        );
        assert_eq!(
            c.first(Field::DateModified, Source::JsonLdArticle),
            Some("2024-03-26T09:00:00Z")
        );
        assert_eq!(
            c.first(Field::Author, Source::JsonLdArticle),
            Some("Jane Doe")
        );
        assert_eq!(
            c.first(Field::SiteName, Source::JsonLdArticle),
            Some("Daily News")
        );
        assert_eq!(
            c.all(Field::Tags, Source::JsonLdArticle)
                .collect::<Vec<_>>(),
            ["ports", "strikes"]
        );
        assert_eq!(
            c.first(Field::DatePublished, Source::JsonLdOther),
            Some("2024-03-20")
        );
    }

    #[test]
    fn authors_as_array_of_people_and_organisations() {
        let c = run(
            r#"<script type="application/ld+json">[{"@type":"BlogPosting","headline":"H",
            "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","givenName":"John","familyName":"Smith"},
            {"@type":"Organization","name":"Daily News"}],"image":[{"@type":"ImageObject","url":"https://x.test/a.jpg"}]}]</script>"#,
        );
        assert_eq!(
            c.all(Field::Author, Source::JsonLdArticle)
                .collect::<Vec<_>>(),
            ["Jane Doe", "John Smith"]
        );
        assert_eq!(
            c.first(Field::Author, Source::JsonLdOrgAuthor),
            Some("Daily News")
        );
        assert_eq!(
            c.first(Field::Image, Source::JsonLdArticle),
            Some("https://x.test/a.jpg")
        );
    }

    #[test]
    fn product_description_comes_from_the_product_object() {
        let html = r#"<script type="application/ld+json">{"@context":"https://schema.org",
            "@graph":[{"@type":"WebPage","description":"Shop socks"},
            {"@type":"Product","name":"Quarter Socks","description":"Soft, warm socks."}]}</script>"#;
        let dom = Dom::parse(html);
        let got = product_description(&dom).map(|(_, d)| d);
        assert_eq!(got.as_deref(), Some("Soft, warm socks."));
        let article =
            r#"<script type="application/ld+json">{"@type":"Article","description":"x"}</script>"#;
        assert_eq!(product_description(&Dom::parse(article)), None);
    }

    #[test]
    fn broken_json_is_repaired_or_skipped() {
        let c = run("<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"Line\none\",}</script>\
                     <script type=\"application/ld+json\">{\"@type\":\"Article\" \"headline\": }</script>");
        assert_eq!(
            c.first(Field::Title, Source::JsonLdArticle),
            Some("Line one")
        );
    }
}
