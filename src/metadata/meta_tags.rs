//! `<meta>`, `<link>`, `<html lang>` and microdata sources.
//!
//! Input: the DOM. Output: candidates from OpenGraph, `article:*`, Twitter
//! cards, Dublin Core, named `<meta>` tags (author, date, parsely, sailthru,
//! citation, ...), `itemprop` microdata, `<link rel=canonical>`, `<html lang>`
//! and `http-equiv=content-language`. Invariants: one pass over the nodes,
//! keys compared case-insensitively, values cleaned by [`super::text::clean`].

use super::text::visible_text;
use super::{Candidates, Field, Source};
use crate::parse::{Dom, NodeKind, Tag};

/// `<meta>` keys (`property`, `name` or `itemprop`, lower case) and what they give.
const META_KEYS: &[(&str, Field, Source)] = &[
    ("og:title", Field::Title, Source::OpenGraph),
    ("og:site_name", Field::SiteName, Source::OpenGraph),
    ("og:description", Field::Description, Source::OpenGraph),
    ("og:image", Field::Image, Source::OpenGraph),
    ("og:image:url", Field::Image, Source::OpenGraph),
    ("og:image:secure_url", Field::Image, Source::OpenGraph),
    ("og:locale", Field::Language, Source::OpenGraph),
    ("og:url", Field::CanonicalUrl, Source::OpenGraph),
    ("og:updated_time", Field::DateModified, Source::OpenGraph),
    (
        "article:published_time",
        Field::DatePublished,
        Source::ArticleMeta,
    ),
    (
        "article:published",
        Field::DatePublished,
        Source::ArticleMeta,
    ),
    (
        "article:modified_time",
        Field::DateModified,
        Source::ArticleMeta,
    ),
    ("article:modified", Field::DateModified, Source::ArticleMeta),
    // The same properties written with an "og:" prefix.
    (
        "og:article:published_time",
        Field::DatePublished,
        Source::ArticleMeta,
    ),
    (
        "og:article:modified_time",
        Field::DateModified,
        Source::ArticleMeta,
    ),
    ("article:author", Field::Author, Source::ArticleMeta),
    ("article:tag", Field::Tags, Source::ArticleMeta),
    ("article:section", Field::Tags, Source::ArticleSection),
    ("twitter:title", Field::Title, Source::Twitter),
    ("twitter:description", Field::Description, Source::Twitter),
    ("twitter:image", Field::Image, Source::Twitter),
    ("twitter:image:src", Field::Image, Source::Twitter),
    ("dc.title", Field::Title, Source::DublinCore),
    ("dcterms.title", Field::Title, Source::DublinCore),
    ("dc.creator", Field::Author, Source::DublinCore),
    ("dcterms.creator", Field::Author, Source::DublinCore),
    ("dc.date", Field::DatePublished, Source::DublinCore),
    ("dc.date.issued", Field::DatePublished, Source::DublinCore),
    ("dcterms.issued", Field::DatePublished, Source::DublinCore),
    ("dcterms.created", Field::DatePublished, Source::DublinCore),
    ("dc.date.modified", Field::DateModified, Source::DublinCore),
    ("dcterms.modified", Field::DateModified, Source::DublinCore),
    ("dc.description", Field::Description, Source::DublinCore),
    ("dc.language", Field::Language, Source::DublinCore),
    ("author", Field::Author, Source::NamedMeta),
    ("byl", Field::Author, Source::NamedMeta),
    ("date", Field::DatePublished, Source::NamedMeta),
    ("pubdate", Field::DatePublished, Source::NamedMeta),
    ("publishdate", Field::DatePublished, Source::NamedMeta),
    ("publish-date", Field::DatePublished, Source::NamedMeta),
    ("publish_date", Field::DatePublished, Source::NamedMeta),
    ("publication_date", Field::DatePublished, Source::NamedMeta),
    ("date.release", Field::DatePublished, Source::NamedMeta),
    ("published", Field::DatePublished, Source::NamedMeta),
    ("published_time", Field::DatePublished, Source::NamedMeta),
    ("published-date", Field::DatePublished, Source::NamedMeta),
    ("datepublished", Field::DatePublished, Source::NamedMeta),
    ("date_published", Field::DatePublished, Source::NamedMeta),
    ("pub_date", Field::DatePublished, Source::NamedMeta),
    ("og:published_time", Field::DatePublished, Source::NamedMeta),
    ("article.published", Field::DatePublished, Source::NamedMeta),
    (
        "article_date_original",
        Field::DatePublished,
        Source::NamedMeta,
    ),
    (
        "cxenseparse:recs:publishtime",
        Field::DatePublished,
        Source::NamedMeta,
    ),
    ("cludo:date", Field::DatePublished, Source::NamedMeta),
    ("displaydate", Field::DatePublished, Source::NamedMeta),
    ("dc.date.created", Field::DatePublished, Source::DublinCore),
    (
        "original-publish-date",
        Field::DatePublished,
        Source::NamedMeta,
    ),
    ("last-modified", Field::DateModified, Source::NamedMeta),
    ("description", Field::Description, Source::NamedMeta),
    ("keywords", Field::Tags, Source::NamedMeta),
    ("news_keywords", Field::Tags, Source::NamedMeta),
    ("application-name", Field::SiteName, Source::AppName),
    ("parsely-title", Field::Title, Source::Parsely),
    ("parsely-author", Field::Author, Source::Parsely),
    ("parsely-pub-date", Field::DatePublished, Source::Parsely),
    ("parsely-tags", Field::Tags, Source::Parsely),
    ("cxenseparse:author", Field::Author, Source::Cxense),
    (
        "cxenseparse:recs:publishtime",
        Field::DatePublished,
        Source::Cxense,
    ),
    ("sailthru.title", Field::Title, Source::Sailthru),
    ("sailthru.author", Field::Author, Source::Sailthru),
    ("sailthru.date", Field::DatePublished, Source::Sailthru),
    ("citation_title", Field::Title, Source::Citation),
    ("citation_author", Field::Author, Source::Citation),
    (
        "citation_publication_date",
        Field::DatePublished,
        Source::Citation,
    ),
    ("citation_date", Field::DatePublished, Source::Citation),
    (
        "citation_online_date",
        Field::DatePublished,
        Source::Citation,
    ),
];

/// `itemprop` microdata on visible elements.
const ITEMPROPS: &[(&str, Field)] = &[
    ("headline", Field::Title),
    ("author", Field::Author),
    ("creator", Field::Author),
    ("datepublished", Field::DatePublished),
    ("datecreated", Field::DatePublished),
    ("datemodified", Field::DateModified),
];

/// Longest visible text taken from a microdata element.
const MAX_ITEMPROP_CHARS: usize = 300;

/// Collects meta, link, lang and microdata candidates.
pub(crate) fn collect(dom: &Dom, out: &mut Candidates) {
    let mut twitter_labels: Vec<(String, String)> = Vec::new();
    let mut twitter_data: Vec<(String, String)> = Vec::new();
    for i in 0..dom.len() {
        let NodeKind::Element(tag) = dom.kind(i) else {
            continue;
        };
        match tag {
            Tag::Html => {
                if let Some(lang) = dom.attr(i, "lang").or_else(|| dom.attr(i, "xml:lang")) {
                    out.push(Field::Language, Source::HtmlLang, lang);
                }
            }
            Tag::Link => {
                let rel = dom.attr(i, "rel").unwrap_or("");
                if rel
                    .split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    if let Some(href) = dom.attr(i, "href") {
                        out.push(Field::CanonicalUrl, Source::LinkCanonical, href);
                    }
                }
            }
            Tag::Meta => {
                // `value` stands in for `content` on some pages and saved copies.
                let Some(content) = dom.attr(i, "content").or_else(|| dom.attr(i, "value")) else {
                    continue;
                };
                if let Some(equiv) = dom.attr(i, "http-equiv") {
                    if equiv.eq_ignore_ascii_case("content-language") {
                        out.push(Field::Language, Source::ContentLanguage, content);
                    }
                    continue;
                }
                // `property="og:title dc:title"`: one value for several keys.
                let keys = ["property", "name", "itemprop"].into_iter().flat_map(|a| {
                    dom.attr(i, a)
                        .into_iter()
                        .flat_map(str::split_whitespace)
                        .map(move |k| (a, normalize_key(k)))
                });
                for (key_attr, key) in keys {
                    if let Some(n) = key.strip_prefix("twitter:label") {
                        twitter_labels.push((n.to_owned(), content.to_owned()));
                    } else if let Some(n) = key.strip_prefix("twitter:data") {
                        twitter_data.push((n.to_owned(), content.to_owned()));
                    }
                    if key_attr == "itemprop" {
                        if let Some((_, field)) = ITEMPROPS.iter().find(|(k, _)| *k == key) {
                            out.push(*field, Source::Microdata, content);
                            continue;
                        }
                    }
                    for (k, field, source) in META_KEYS {
                        if *k == key {
                            if *field == Field::Tags && *source != Source::ArticleMeta {
                                for t in content.split([',', ';']) {
                                    out.push(*field, *source, t);
                                }
                            } else {
                                out.push(*field, *source, content);
                            }
                        }
                    }
                }
            }
            _ => {
                if let Some(prop) = dom.attr(i, "itemprop") {
                    microdata(dom, i, prop, out);
                }
            }
        }
    }
    for (n, label) in &twitter_labels {
        let l = label.to_lowercase();
        if l.contains("reading time") || l.contains("lesezeit") || l.contains("temps de lecture") {
            if let Some((_, data)) = twitter_data.iter().find(|(m, _)| m == n) {
                out.push(Field::ReadingTime, Source::Twitter, data);
            }
        } else if l.contains("written by") || l == "author" {
            if let Some((_, data)) = twitter_data.iter().find(|(m, _)| m == n) {
                out.push(Field::Author, Source::Twitter, data);
            }
        }
    }
}

/// A `<meta>` key in lower case, Dublin Core spelled one way: `DC:Title`,
/// `dcterm:title` and `DCTERMS.title` are `dc.title` / `dcterms.title`.
fn normalize_key(key: &str) -> String {
    let key = key.trim().to_ascii_lowercase();
    for (prefix, canonical) in [
        ("dcterms:", "dcterms."),
        ("dcterm:", "dcterms."),
        ("dcterm.", "dcterms."),
        ("dc:", "dc."),
    ] {
        if let Some(rest) = key.strip_prefix(prefix) {
            return format!("{canonical}{rest}");
        }
    }
    key
}

fn microdata(dom: &Dom, i: usize, prop: &str, out: &mut Candidates) {
    for p in prop.split_whitespace() {
        let p = p.to_ascii_lowercase();
        let Some((_, field)) = ITEMPROPS.iter().find(|(k, _)| *k == p) else {
            continue;
        };
        let value = dom
            .attr(i, "content")
            .or_else(|| dom.attr(i, "datetime"))
            .map(str::to_owned)
            .or_else(|| {
                // itemprop=author itemscope: the nested itemprop=name.
                if *field == Field::Author {
                    (i + 1..dom.end(i))
                        .find(|&j| {
                            dom.attr(j, "itemprop")
                                .is_some_and(|v| v.eq_ignore_ascii_case("name"))
                        })
                        .map(|j| {
                            dom.attr(j, "content")
                                .map(str::to_owned)
                                .unwrap_or_else(|| visible_text(dom, j, MAX_ITEMPROP_CHARS))
                        })
                } else {
                    None
                }
            })
            .unwrap_or_else(|| visible_text(dom, i, MAX_ITEMPROP_CHARS));
        if value.chars().count() <= MAX_ITEMPROP_CHARS {
            out.push(*field, Source::Microdata, &value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str) -> Candidates {
        let dom = Dom::parse(html);
        let mut c = Candidates::default();
        collect(&dom, &mut c);
        c
    }

    #[test]
    fn space_separated_keys_and_dublin_core_spellings() {
        let c = run(
            r#"<head><meta property="og:title dc:title" content="Preferred title">
            <meta name="dcterm:creator" content="Creator Name"><meta name="DC:date" content="2024-03-25"></head>"#,
        );
        assert_eq!(
            c.first(Field::Title, Source::OpenGraph),
            Some("Preferred title")
        );
        assert_eq!(
            c.first(Field::Title, Source::DublinCore),
            Some("Preferred title")
        );
        assert_eq!(
            c.first(Field::Author, Source::DublinCore),
            Some("Creator Name")
        );
        assert_eq!(
            c.first(Field::DatePublished, Source::DublinCore),
            Some("2024-03-25")
        );
    }

    #[test]
    fn opengraph_article_and_named_meta() {
        let c = run(r#"<html lang="en-us"><head>
            <meta property="og:title" content="Port strike ends">
            <meta property="og:site_name" content="Daily News">
            <meta property="article:published_time" content="2024-03-25T10:00:00Z">
            <meta property="article:modified_time" content="2024-03-26T10:00:00Z">
            <meta name="keywords" content="ports, strikes , ,labour">
            <meta name="author" content="Jane Doe">
            <link rel="canonical" href="https://x.test/a">
            <meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="5 minutes">
            </head><body><span itemprop="author" itemscope><span itemprop="name">John Smith</span></span></body></html>"#);
        assert_eq!(
            c.first(Field::Title, Source::OpenGraph),
            Some("Port strike ends")
        );
        assert_eq!(
            c.first(Field::DatePublished, Source::ArticleMeta),
            Some("2024-03-25T10:00:00Z")
        );
        assert_eq!(
            c.first(Field::DateModified, Source::ArticleMeta),
            Some("2024-03-26T10:00:00Z")
        );
        assert_eq!(
            c.all(Field::Tags, Source::NamedMeta).collect::<Vec<_>>(),
            ["ports", "strikes", "labour"]
        );
        assert_eq!(c.first(Field::Author, Source::NamedMeta), Some("Jane Doe"));
        assert_eq!(
            c.first(Field::Author, Source::Microdata),
            Some("John Smith")
        );
        assert_eq!(
            c.first(Field::CanonicalUrl, Source::LinkCanonical),
            Some("https://x.test/a")
        );
        assert_eq!(c.first(Field::Language, Source::HtmlLang), Some("en-us"));
        assert_eq!(
            c.first(Field::ReadingTime, Source::Twitter),
            Some("5 minutes")
        );
    }
}
