//! Metadata stage: [`Dom`] → [`Metadata`].
//!
//! Input: the parsed page (before anything is removed: JSON-LD lives in
//! `<script>`) and its URL when known. Output: title, authors, dates, site
//! name, description, language, canonical URL, image, tags and stated
//! reading time. How: every source module (`json_ld`, `meta_tags`, `byline`,
//! `dates`) pushes raw [`Candidate`]s tagged with their [`Source`]; the
//! per-field orders in [`precedence`] decide, first valid value wins.
//! Invariants: never mutates the DOM, never panics on any input, every output
//! string trimmed and whitespace-collapsed.

mod byline;
mod dates;
mod json_ld;
mod language;
mod meta_tags;
mod page_kind;
pub(crate) mod precedence;
mod text;
mod title;

pub(crate) use json_ld::product_description;
pub(crate) use page_kind::{declares_product, describes_product_item};

pub use byline::parse_authors;
pub use dates::normalize_date;

use crate::document::Metadata;
use crate::parse::{Dom, Tag};
use crate::rules::thresholds::NOSCRIPT_MIN_CHARS;
use precedence::Choice;

/// A metadata field a candidate value is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Title,
    Author,
    DatePublished,
    DateModified,
    SiteName,
    Description,
    Language,
    CanonicalUrl,
    Image,
    Tags,
    ReadingTime,
}

/// Where a candidate value was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// JSON-LD object describing the article itself.
    JsonLdArticle,
    /// Other JSON-LD objects (WebPage, secondary articles).
    JsonLdOther,
    /// JSON-LD authors typed Organization.
    JsonLdOrgAuthor,
    /// JSON-LD WebSite name.
    JsonLdWebSite,
    /// JSON-LD articleSection.
    JsonLdSection,
    /// `og:*`.
    OpenGraph,
    /// `article:*` except the section.
    ArticleMeta,
    /// `article:section`.
    ArticleSection,
    /// `twitter:*`.
    Twitter,
    /// `dc.*`, `dcterms.*`.
    DublinCore,
    /// `parsely-*`.
    Parsely,
    /// `cXenseParse:*` (the Cxense analytics tags).
    Cxense,
    /// `sailthru.*`.
    Sailthru,
    /// `citation_*`.
    Citation,
    /// `<meta name=author|date|description|keywords|...>`.
    NamedMeta,
    /// `<meta name=application-name>`.
    AppName,
    /// `itemprop` microdata.
    Microdata,
    /// `<link rel=canonical>`.
    LinkCanonical,
    /// `<html lang>`.
    HtmlLang,
    /// `<meta http-equiv=content-language>`.
    ContentLanguage,
    /// `<time pubdate>` or `<time itemprop=datePublished>`.
    TimePubdate,
    /// Any other `<time>`.
    TimeElement,
    /// Visible text of a date-classed element.
    DateText,
    /// A short visible date line near the first h1.
    DateNearTitle,
    /// Byline element found by class/id or `rel=author`.
    BylineClass,
    /// A short "By ..." block.
    BylineText,
    /// The first post's user name on a discussion page (a `username`
    /// element, an `author` attribute).
    PostUser,
    /// The page URL.
    Url,
    /// `<title>`.
    TitleTag,
    /// The first `<h1>`.
    H1,
}

/// One raw value from one source.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    field: Field,
    source: Source,
    value: String,
}

/// All raw values found on a page, in the order the sources found them.
#[derive(Debug, Default)]
pub(crate) struct Candidates {
    items: Vec<Candidate>,
    /// The source each picked field came from (for `--explain`).
    winners: std::cell::RefCell<Vec<(Field, Source)>>,
}

impl Candidates {
    /// Adds a value after entity decoding and whitespace collapsing; empty values are dropped.
    pub(crate) fn push(&mut self, field: Field, source: Source, raw: &str) {
        let value = text::clean(raw);
        if !value.is_empty() {
            self.items.push(Candidate {
                field,
                source,
                value,
            });
        }
    }

    /// Every value for `field` from `source`, in document order.
    pub(crate) fn all(&self, field: Field, source: Source) -> impl Iterator<Item = &str> {
        self.items
            .iter()
            .filter(move |c| c.field == field && c.source == source)
            .map(|c| c.value.as_str())
    }

    /// The first value for `field` from `source`.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn first(&self, field: Field, source: Source) -> Option<&str> {
        self.all(field, source).next()
    }

    /// The first value, in `order`, that `accept` turns into a result.
    fn pick<T>(
        &self,
        field: Field,
        order: &[Choice],
        mut accept: impl FnMut(&str) -> Option<T>,
    ) -> Option<T> {
        order.iter().find_map(|choice| {
            let v = self.all(field, choice.source).find_map(&mut accept)?;
            self.won(field, choice.source);
            Some(v)
        })
    }

    /// Records that `field`'s value came from `source`.
    fn won(&self, field: Field, source: Source) {
        self.winners.borrow_mut().push((field, source));
    }
}

/// Longest title accepted from any source.
const MAX_TITLE_CHARS: usize = 500;
/// Longest tag kept.
const MAX_TAG_CHARS: usize = 100;

/// Extracts page metadata. Never mutates `dom`, never panics.
pub fn extract(dom: &Dom, url: Option<&str>) -> Metadata {
    extract_with_sources(dom, url).0
}

/// [`extract`], and for each field that has a value, the source that won
/// (`title` → `json-ld-article`, `language` → `html-lang`).
pub fn extract_with_sources(
    dom: &Dom,
    url: Option<&str>,
) -> (Metadata, Vec<(&'static str, String)>) {
    let mut c = Candidates::default();
    let canonical_hint = url;
    json_ld::collect(dom, canonical_hint, &mut c);
    meta_tags::collect(dom, &mut c);
    byline::collect(dom, &mut c);
    dates::collect(dom, url, &mut c);
    // A page whose content is in a <noscript> copy (forum software) has its
    // microdata, byline and dates there too; the outer page's values come
    // first.
    if let Some((_, markup)) = dom.noscript_copy(NOSCRIPT_MIN_CHARS) {
        let inner = Dom::parse(markup);
        meta_tags::collect(&inner, &mut c);
        byline::collect(&inner, &mut c);
        dates::collect(&inner, url, &mut c);
    }
    if let Some(t) = dom.elements(Tag::Title).find(|&t| {
        !dom.ancestors(t)
            .any(|a| matches!(dom.tag(a), Some(Tag::Svg | Tag::Math)))
    }) {
        c.push(Field::Title, Source::TitleTag, &dom.raw_text(t));
    }
    let h1s = title::h1_texts(dom);
    let metadata = merge(&c, url, &h1s);
    let mut sources: Vec<(&'static str, String)> = Vec::new();
    for (field, source) in c.winners.into_inner() {
        let name = field.name();
        if field.is_set(&metadata) && !sources.iter().any(|(f, _)| *f == name) {
            sources.push((name, kebab(&format!("{source:?}"))));
        }
    }
    (metadata, sources)
}

impl Field {
    /// The field's name in the JSON output.
    fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Author => "authors",
            Field::DatePublished => "date_published",
            Field::DateModified => "date_modified",
            Field::SiteName => "site_name",
            Field::Description => "description",
            Field::Language => "language",
            Field::CanonicalUrl => "canonical_url",
            Field::Image => "image",
            Field::Tags => "tags",
            Field::ReadingTime => "reading_time_minutes",
        }
    }

    /// Whether `m` has a value for this field.
    fn is_set(self, m: &Metadata) -> bool {
        match self {
            Field::Title => m.title.is_some(),
            Field::Author => !m.authors.is_empty(),
            Field::DatePublished => m.date_published.is_some(),
            Field::DateModified => m.date_modified.is_some(),
            Field::SiteName => m.site_name.is_some(),
            Field::Description => m.description.is_some(),
            Field::Language => m.language.is_some(),
            Field::CanonicalUrl => m.canonical_url.is_some(),
            Field::Image => m.image.is_some(),
            Field::Tags => !m.tags.is_empty(),
            Field::ReadingTime => m.reading_time_minutes.is_some(),
        }
    }
}

/// `JsonLdArticle` → `json-ld-article`.
fn kebab(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

fn merge(c: &Candidates, url: Option<&str>, h1s: &[String]) -> Metadata {
    let site_name = c.pick(Field::SiteName, precedence::SITE_NAME, |v| {
        Some(v.to_owned())
    });
    let canonical_url = c.pick(Field::CanonicalUrl, precedence::CANONICAL_URL, |v| {
        absolute_url(v, url)
    });
    let page_url = url.map(str::to_owned).or_else(|| canonical_url.clone());
    let hosts = page_url
        .as_deref()
        .map(title::host_names)
        .unwrap_or_default();
    let mut sites: Vec<String> = Vec::new();
    for source in [
        Source::OpenGraph,
        Source::JsonLdArticle,
        Source::JsonLdOther,
        Source::JsonLdWebSite,
        Source::AppName,
    ] {
        sites.extend(c.all(Field::SiteName, source).map(str::to_owned));
    }
    // A "site name" that is a whole title of the page is the title copied
    // into the field ("How to Design a Website: ... | Clay"), not a site.
    sites.retain(|site| {
        !precedence::TITLE
            .iter()
            .filter_map(|choice| c.all(Field::Title, choice.source).next())
            .any(|t| t.trim().eq_ignore_ascii_case(site.trim()))
    });
    let mut titles: Vec<title::Candidate> = Vec::new();
    for choice in precedence::TITLE {
        if choice.source == Source::H1 {
            continue;
        }
        for v in c.all(Field::Title, choice.source).take(1) {
            if v.chars().count() <= MAX_TITLE_CHARS && !titles.iter().any(|t| t.text == v) {
                if titles.is_empty() {
                    c.won(Field::Title, choice.source);
                }
                titles.push(title::Candidate {
                    text: v.to_owned(),
                    document_title: choice.source == Source::TitleTag,
                });
            }
        }
    }
    let title = match titles.split_first() {
        Some((raw, others)) => Some(title::finish(raw, others, &sites, &hosts, h1s)),
        None => {
            c.won(Field::Title, Source::H1);
            h1s.first().cloned()
        }
    }
    .filter(|t| !t.is_empty());

    let authors = pick_authors(c, &sites, &hosts);

    let date_published = c.pick(
        Field::DatePublished,
        precedence::DATE_PUBLISHED,
        normalize_date,
    );
    let date_modified = c
        .pick(
            Field::DateModified,
            precedence::DATE_MODIFIED,
            normalize_date,
        )
        .filter(|m| date_published.as_deref().is_none_or(|p| day(m) >= day(p)));
    // An authored page that shows only when it was last updated ("Last
    // updated: Dec 12, 2025" under the byline) is dated by that line; a
    // documentation footer's "Last updated" has no byline and stays undated.
    let date_published = date_published.or_else(|| {
        if authors.is_empty() {
            return None;
        }
        precedence::DATE_SHOWN_UPDATED.iter().find_map(|choice| {
            let v = c
                .all(Field::DateModified, choice.source)
                .find_map(normalize_date)?;
            c.won(Field::DatePublished, choice.source);
            Some(v)
        })
    });

    let mut tags: Vec<String> = Vec::new();
    for choice in precedence::TAGS {
        for t in c.all(Field::Tags, choice.source) {
            let t = t.trim_matches(|ch: char| ch.is_whitespace() || ch == ',' || ch == '#');
            if !t.is_empty()
                && t.chars().count() <= MAX_TAG_CHARS
                && !tags.iter().any(|x| x.to_lowercase() == t.to_lowercase())
            {
                if tags.is_empty() {
                    c.won(Field::Tags, choice.source);
                }
                tags.push(t.to_owned());
            }
        }
    }

    Metadata {
        title,
        authors,
        date_published,
        date_modified,
        site_name,
        description: c.pick(Field::Description, precedence::DESCRIPTION, |v| {
            Some(v.to_owned())
        }),
        language: c.pick(Field::Language, precedence::LANGUAGE, language::normalize),
        canonical_url,
        image: c.pick(Field::Image, precedence::IMAGE, |v| absolute_url(v, url)),
        tags,
        reading_time_minutes: c.pick(
            Field::ReadingTime,
            precedence::READING_TIME,
            reading_minutes,
        ),
    }
}

/// The authors: the first source in [`precedence::AUTHORS`] that names a
/// person wins. A source naming only the site itself ("ABC News" on
/// abcnews pages, an organisation typed as such) is kept as the fallback.
/// A declared credit that names no one in full (a CMS account "KatieS", a
/// collective "Us Weekly Staff") yields to a visible byline that does.
fn pick_authors(c: &Candidates, sites: &[String], hosts: &[String]) -> Vec<String> {
    let mut fallback: Option<(Vec<String>, Source)> = None;
    for choice in precedence::AUTHORS {
        let Some((names, site_only)) = source_authors(c, choice.source, sites, hosts) else {
            continue;
        };
        if !site_only {
            if !precedence::AUTHORS_SHOWN.contains(&choice.source)
                && names.iter().all(|n| byline::is_account_or_collective(n))
            {
                let shown = precedence::AUTHORS_SHOWN.iter().find_map(|&source| {
                    let (shown, site_only) = source_authors(c, source, sites, hosts)?;
                    (!site_only && shown.iter().all(|n| byline::is_full_name(n)))
                        .then_some((shown, source))
                });
                if let Some((shown, source)) = shown {
                    c.won(Field::Author, source);
                    return shown;
                }
            }
            c.won(Field::Author, choice.source);
            return names;
        }
        if fallback.is_none() {
            fallback = Some((names, choice.source));
        }
    }
    match fallback {
        Some((names, source)) => {
            c.won(Field::Author, source);
            names
        }
        None => Vec::new(),
    }
}

/// The names `source` gives, and whether they name only the site itself;
/// `None` when it names no one.
fn source_authors(
    c: &Candidates,
    source: Source,
    sites: &[String],
    hosts: &[String],
) -> Option<(Vec<String>, bool)> {
    let mut names: Vec<String> = Vec::new();
    // Sources that also tag teaser cards and comments: the first value only.
    let single = matches!(source, Source::Microdata | Source::JsonLdOther);
    for v in c
        .all(Field::Author, source)
        .take(if single { 1 } else { usize::MAX })
    {
        if source == Source::ArticleMeta && (v.contains("://") || v.starts_with("www.")) {
            continue;
        }
        let parsed = if source == Source::JsonLdOrgAuthor {
            vec![v.to_owned()] // an organisation's name is not a person's: keep as written
        } else {
            let names = parse_authors(v);
            let declared = matches!(
                source,
                Source::JsonLdArticle | Source::Microdata | Source::JsonLdOther | Source::PostUser
            );
            // <meta name=author> and twitter's "Written by" carry the
            // CMS account too ("ggailey777"); an all-capital word there
            // is an agency's or a template's, not a handle.
            let account = matches!(source, Source::NamedMeta | Source::Twitter);
            // One author per value, written "Last, First".
            let per_value = matches!(source, Source::Citation | Source::Parsely);
            match (byline::handle(v), byline::inverted_name(v)) {
                (_, Some(name)) if per_value => vec![name],
                (Some(h), _)
                    if names.is_empty()
                        && (declared || account && h.chars().any(char::is_lowercase)) =>
                {
                    vec![h]
                }
                _ if names.is_empty() && (declared || account) => {
                    byline::uncased_name(v).into_iter().collect()
                }
                _ => names,
            }
        };
        for n in parsed {
            if !names.iter().any(|m| m.to_lowercase() == n.to_lowercase()) {
                names.push(n);
            }
        }
    }
    if names.is_empty() {
        return None;
    }
    let site_only = source == Source::JsonLdOrgAuthor
        || names.iter().all(|n| title::is_site_name(n, sites, hosts));
    // "한국일보; 신현주": the publication beside its reporter is no author.
    if !site_only {
        names.retain(|n| !title::is_site_name(n, sites, hosts));
    }
    Some((names, site_only))
}

/// The calendar-day prefix of an ISO date.
fn day(iso: &str) -> &str {
    iso.get(..10).unwrap_or(iso)
}

/// An absolute http(s) URL, resolving `//host/...` and `/path` against the page URL.
fn absolute_url(value: &str, page: Option<&str>) -> Option<String> {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Some(v.to_owned());
    }
    let page = page?;
    let (scheme, rest) = page.split_once("://")?;
    if let Some(r) = v.strip_prefix("//") {
        return Some(format!("{scheme}://{r}"));
    }
    if v.starts_with('/') {
        let host = rest.split(['/', '?', '#']).next()?;
        return Some(format!("{scheme}://{host}{v}"));
    }
    None
}

/// Minutes from "5 minutes", "5 min read" or an ISO 8601 duration "PT1H5M".
fn reading_minutes(v: &str) -> Option<u32> {
    let upper = v.trim().to_ascii_uppercase();
    if let Some(d) = upper.strip_prefix("PT") {
        let mut total = 0u32;
        let mut num = String::new();
        for ch in d.chars() {
            if ch.is_ascii_digit() {
                num.push(ch);
                continue;
            }
            let n: u32 = num.parse().ok()?;
            num.clear();
            total = total.saturating_add(match ch {
                'H' => n.saturating_mul(60),
                'M' => n,
                'S' => n.div_ceil(60),
                _ => return None,
            });
        }
        return (total > 0).then_some(total);
    }
    let digits: String = v
        .chars()
        .skip_while(|ch| !ch.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok().filter(|n| (1..=600).contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> Metadata {
        extract(&Dom::parse(html), None)
    }

    #[test]
    fn bad_json_ld_is_skipped_and_meta_wins() {
        let m = meta(
            r#"<head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"last Tuesday"}</script>
            <meta property="og:title" content="Port strike ends">
            <meta property="article:published_time" content="2024-03-25T10:00:00+00:00"></head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Port strike ends"));
        assert_eq!(
            m.date_published.as_deref(),
            Some("2024-03-25T10:00:00+00:00")
        );
    }

    #[test]
    fn a_noscript_copy_of_the_page_gives_its_author_and_date() {
        let post = format!(
            "<div class=post><span itemprop=author itemscope><a href=/u/DaleJack>\
             <span itemprop=name>DaleJack</span></a></span>\
             <time datetime='2024-09-05T23:15:57Z'>Sep 5</time><p>{}</p></div>",
            "Reply text. ".repeat(200)
        );
        let m = meta(&format!(
            "<html><body><div id=app></div><noscript>{post}</noscript></body></html>"
        ));
        assert_eq!(m.authors, ["DaleJack"]);
        assert_eq!(
            m.date_published.as_deref(),
            Some("2024-09-05T23:15:57+00:00")
        );
        // A small <noscript> (a tracking pixel, a note) is not read.
        let m = meta(
            "<html><body><noscript><span itemprop=author>Jane Doe</span></noscript></body></html>",
        );
        assert!(m.authors.is_empty());
    }

    #[test]
    fn a_declared_handle_is_the_author_a_visible_one_is_not() {
        let m = meta(
            "<div itemprop=author itemscope><span itemprop=name>sorairolake</span></div><p>Hi</p>",
        );
        assert_eq!(m.authors, ["sorairolake"]);
        let m = meta(
            r#"<script type="application/ld+json">{"@type":"Article","author":{"@type":"Person","name":"dpa"}}</script>"#,
        );
        assert_eq!(m.authors, ["dpa"]);
        // In visible text, a lower-case word after "By" is prose.
        let m = meta("<h1>T</h1><p class=byline>By sorairolake</p>");
        assert!(m.authors.is_empty());
    }

    #[test]
    fn cms_accounts_and_lower_case_names_in_author_meta() {
        let m = meta(r#"<head><meta name="author" content="ggailey777"></head><h1>T</h1>"#);
        assert_eq!(m.authors, ["ggailey777"]);
        let m = meta(
            r#"<script type="application/ld+json">{"@type":"Article","author":{"@type":"Person","name":"kirstin boatto"}}</script>"#,
        );
        assert_eq!(m.authors, ["kirstin boatto"]);
        // An all-capital word in <meta name=author> is no account.
        let m = meta(r#"<head><meta name="author" content="FAIL"></head><h1>T</h1>"#);
        assert!(m.authors.is_empty());
        // Lower-case prose in a visible byline is still no name.
        let m = meta("<h1>T</h1><p class=byline>By kirstin boatto</p>");
        assert!(m.authors.is_empty());
    }

    #[test]
    fn an_account_or_collective_credit_yields_to_the_visible_byline() {
        let person = r#"<script type="application/ld+json">{"@type":"Article","author":{"@type":"Person","name":"KatieS"}}</script><h1>T</h1><p class=byline>By Aoife O'Riordan</p>"#;
        assert_eq!(meta(person).authors, ["Aoife O'Riordan"]);
        let staff = r#"<head><meta name="author" content="Us Weekly Staff"></head><h1>T</h1><div class=content-byline>By <a rel=author href="/author/megan-french/">Megan French</a></div>"#;
        assert_eq!(meta(staff).authors, ["Megan French"]);
        // A plain one-word credit (an agency, a one-word name) stays.
        let agency = r#"<head><meta name="author" content="dpa"></head><h1>T</h1><p class=byline>By Christoph Reisinger</p>"#;
        assert_eq!(meta(agency).authors, ["dpa"]);
        // With no full name shown, the account is the author.
        let alone =
            r#"<head><meta name="author" content="andrew.keaveney"></head><h1>T</h1><p>Text</p>"#;
        assert_eq!(meta(alone).authors, ["andrew.keaveney"]);
    }

    #[test]
    fn a_threads_first_poster_is_its_author() {
        let html = r#"<h1>Topic</h1><div class=post><a class=username href="/u/1">changingtimes</a><p>Question?</p></div>
            <div class=post><a class=username href="/u/2">replier</a><p>Answer.</p></div>"#;
        assert_eq!(meta(html).authors, ["changingtimes"]);
        let html = r#"<div class="grid fixed-sidebar"><main><shreddit-post author="EuroStepJam"><h1>Pan</h1><p>Text</p></shreddit-post></main></div>"#;
        assert_eq!(meta(html).authors, ["EuroStepJam"]);
        // A user name in the sidebar is not the poster's.
        let html = r#"<h1>T</h1><p>Text</p><aside><span class=username>someone</span></aside>"#;
        assert!(meta(html).authors.is_empty());
    }

    #[test]
    fn author_headings_and_author_name_fields() {
        let html =
            "<h1>T</h1><p>Text</p><h3>Written by Cassidy Horton</h3><p>Cassidy is a writer.</p>";
        assert_eq!(meta(html).authors, ["Cassidy Horton"]);
        let html = r#"<h1>T</h1><p>Text</p><div class="elementor-author-box"><h4 class="elementor-author-box__name">Liz Kenny</h4><div class="elementor-author-box__bio"><p>Former Consultant</p></div></div>"#;
        assert_eq!(meta(html).authors, ["Liz Kenny"]);
    }

    #[test]
    fn bylines_of_a_listing_name_no_author() {
        let entry = |n: &str| format!("<h2>Story</h2><p class=entry-author>{n}</p>");
        let html = format!(
            "<h1>Latest</h1>{}{}{}",
            entry("Keith Randall"),
            entry("Phoebe Sajor"),
            entry("Man Yue Mo")
        );
        assert!(meta(&html).authors.is_empty());
        // The article's byline printed again at its foot is still its own.
        let html = format!(
            "<h1>T</h1>{}<p>Text</p>{}",
            entry("Jane Doe"),
            entry("Jane Doe")
        );
        assert_eq!(meta(&html).authors, ["Jane Doe"]);
    }

    #[test]
    fn a_site_name_copied_from_the_title_strips_nothing() {
        let html = r#"<head><meta property="og:title" content="How to Design a Website: a Complete Guide for 2026 | Clay">
            <meta property="og:site_name" content="How to Design a Website: a Complete Guide for 2026 | Clay"></head>
            <h1>How to Design a Website: a Complete Guide for 2026</h1>"#;
        assert_eq!(
            meta(html).title.as_deref(),
            Some("How to Design a Website: a Complete Guide for 2026")
        );
    }

    #[test]
    fn a_reviewer_card_is_no_byline() {
        let html = r#"<h1>T</h1><div class=attribution><span>Fact checked by</span> <div><a href="/y">Yarilet Perez</a><div class="author-tooltip">Yarilet Perez is a journalist.</div></div></div>"#;
        assert!(meta(html).authors.is_empty());
        let html = r#"<h1>T</h1><div class=attribution><span>By</span> <div><a href="/j">Jane Doe</a><div class="author-tooltip">Jane Doe</div></div></div>"#;
        assert_eq!(meta(html).authors, ["Jane Doe"]);
    }

    #[test]
    fn the_site_beside_its_reporter_is_no_author() {
        let m = meta(
            r#"<head><meta property="og:site_name" content="한국일보">
            <meta name="author" content="한국일보"><meta name="author" content="신현주 기자"></head><h1>T</h1>"#,
        );
        assert_eq!(m.authors, ["신현주"]);
        let m = meta(
            r#"<head><meta property="og:site_name" content="Daily News">
            <meta name="author" content="Jane Doe, Daily News"></head><h1>T</h1>"#,
        );
        assert_eq!(m.authors, ["Jane Doe"]);
    }

    #[test]
    fn updated_date_is_not_taken_for_published() {
        let m = meta(
            r#"<head><meta property="article:modified_time" content="2024-03-26T10:00:00Z"></head>
            <body><p>Updated <time datetime="2024-03-27">March 27</time></p></body>"#,
        );
        assert_eq!(m.date_published, None);
        assert_eq!(
            m.date_modified.as_deref(),
            Some("2024-03-26T10:00:00+00:00")
        );
    }

    #[test]
    fn an_authored_page_showing_only_its_update_is_dated_by_it() {
        let m = meta(
            r#"<h1>Moving checklist</h1><p class="byline">By Jane Doe</p>
            <p class="date">Last updated: December 12, 2025</p><p>Text.</p>"#,
        );
        assert_eq!(m.authors, ["Jane Doe"]);
        assert_eq!(m.date_published.as_deref(), Some("2025-12-12"));
        // A stated publication date still wins over the update.
        let m = meta(
            r#"<head><meta property="article:published_time" content="2024-03-25"></head>
            <h1>Moving checklist</h1><p class="byline">By Jane Doe</p>
            <p class="date">Last updated: December 12, 2025</p><p>Text.</p>"#,
        );
        assert_eq!(m.date_published.as_deref(), Some("2024-03-25"));
        // No byline (a documentation page's footer): no publication date.
        let m = meta(
            r#"<h1>Install guide</h1><p class="date">Last updated: December 12, 2025</p><p>Text.</p>"#,
        );
        assert_eq!(m.date_published, None);
        // Metadata alone declaring a modification is a record date, not a shown one.
        let m = meta(
            r#"<head><meta property="article:modified_time" content="2025-12-12"></head>
            <h1>Moving checklist</h1><p class="byline">By Jane Doe</p><p>Text.</p>"#,
        );
        assert_eq!(m.date_published, None);
    }

    #[test]
    fn web_page_record_date_is_not_a_publication() {
        // A CMS writes datePublished on every WebPage (a service page, a shop):
        // the record's creation, not an article's publication.
        let m = meta(
            r#"<script type="application/ld+json">{"@type":"WebPage","name":"Plumbing services","datePublished":"2019-06-06T01:51:03+00:00"}</script><h1>Plumbing services</h1>"#,
        );
        assert_eq!(m.date_published, None);
        let m = meta(
            r#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2019-06-06"},{"@type":"BlogPosting","headline":"H","datePublished":"2024-03-25"}]}</script>"#,
        );
        assert_eq!(m.date_published.as_deref(), Some("2024-03-25"));
    }

    #[test]
    fn full_page() {
        let m = extract(
            &Dom::parse(
                r#"<html lang="en_gb"><head><title>Port strike ends | Daily News</title>
                <meta property="og:site_name" content="Daily News">
                <meta property="og:image" content="/img/lead.jpg">
                <meta name="description" content="Ships unloaded &amp;amp; more.">
                <meta property="article:tag" content="Ports"><meta name="keywords" content="ports, Labour, ">
                <meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="5 minutes">
                </head><body><h1>Port strike ends</h1><p class="byline">By Jane Doe and John Smith</p>
                <p>Text.</p></body></html>"#,
            ),
            Some("https://dailynews.test/2024/03/25/port-strike"),
        );
        assert_eq!(m.title.as_deref(), Some("Port strike ends"));
        assert_eq!(m.authors, ["Jane Doe", "John Smith"]);
        assert_eq!(m.date_published.as_deref(), Some("2024-03-25"));
        assert_eq!(m.language.as_deref(), Some("en-GB"));
        assert_eq!(m.site_name.as_deref(), Some("Daily News"));
        assert_eq!(m.description.as_deref(), Some("Ships unloaded & more."));
        assert_eq!(
            m.image.as_deref(),
            Some("https://dailynews.test/img/lead.jpg")
        );
        assert_eq!(m.tags, ["Ports", "Labour"]);
        assert_eq!(m.reading_time_minutes, Some(5));
    }

    #[test]
    fn json_ld_author_string_is_split() {
        let m = meta(
            r#"<script type="application/ld+json">{"@type":"Article","headline":"H","author":"By Jane Doe and John Smith"}</script>"#,
        );
        assert_eq!(m.authors, ["Jane Doe", "John Smith"]);
    }

    #[test]
    fn organisation_author_only_as_fallback() {
        let m = meta(
            r#"<script type="application/ld+json">{"@type":"Article","author":{"@type":"Organization","name":"Daily News"}}</script>
            <p class="byline">By Jane Doe</p>"#,
        );
        assert_eq!(m.authors, ["Jane Doe"]);
        let m = meta(
            r#"<script type="application/ld+json">{"@type":"Article","author":{"@type":"Organization","name":"Daily News"}}</script>"#,
        );
        assert_eq!(m.authors, ["Daily News"]);
    }

    #[test]
    fn reading_time_forms() {
        assert_eq!(reading_minutes("PT5M"), Some(5));
        assert_eq!(reading_minutes("PT1H5M"), Some(65));
        assert_eq!(reading_minutes("5 minutes"), Some(5));
        assert_eq!(reading_minutes("soon"), None);
    }

    #[test]
    fn never_panics_on_odd_input() {
        let odd = "<html lang='\u{fffd}'><title>\u{1F600} | </title><meta name=date content='2024-13-45'>\
                   <script type='application/ld+json'>[[[[{\"@graph\":{\"@graph\":null}}]]]]</script>\
                   <p class=byline>By \u{0301}\u{0301}</p><time datetime='99999-1-1'>x</time>";
        let m = meta(odd);
        assert_eq!(m.date_published, None);
        let deep = "<div>".repeat(50_000) + "By Jane Doe" + &"</div>".repeat(50_000);
        let _ = meta(&deep);
    }
}
