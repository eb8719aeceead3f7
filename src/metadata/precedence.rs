//! DATA ONLY: which source wins for each metadata field.
//!
//! Every field has an ordered list of sources; the first source that yields a
//! valid value wins, and a source whose value does not validate (a bad date,
//! an author that is not a name) is skipped, so the next one can win.
//! Published and modified dates never share a source slot: `dateModified`,
//! `article:modified_time` and "Updated ..." only ever feed `date_modified`.

use super::Source;

/// One slot in a field's order, with the reason it sits there.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Choice {
    /// Where the value comes from.
    pub source: Source,
    /// Why it sits at this position.
    #[allow(dead_code)]
    pub why: &'static str,
}

const fn c(source: Source, why: &'static str) -> Choice {
    Choice { source, why }
}

/// `title`, before affix stripping and the h1 check.
pub(crate) const TITLE: &[Choice] = &[
    c(
        Source::JsonLdArticle,
        "the article's own headline, rarely carries the site name",
    ),
    c(
        Source::OpenGraph,
        "written for sharing: the headline, sometimes with a site suffix",
    ),
    c(
        Source::Twitter,
        "same role as og:title on sites without OpenGraph",
    ),
    c(
        Source::Parsely,
        "analytics title, the headline as the newsroom wrote it",
    ),
    c(Source::Sailthru, "newsletter title, same as Parse.ly"),
    c(
        Source::DublinCore,
        "library-style metadata, mostly on academic and government sites",
    ),
    c(Source::Citation, "scholarly pages"),
    c(
        Source::Microdata,
        "itemprop=headline, sometimes set on teaser cards too",
    ),
    c(
        Source::JsonLdOther,
        "the WebPage's name: usually the <title> text",
    ),
    c(
        Source::TitleTag,
        "always present, but carries site names and sections",
    ),
    c(
        Source::H1,
        "last resort: the first visible h1 (any h1 confirmed by a title above wins)",
    ),
];

/// `authors`.
pub(crate) const AUTHORS: &[Choice] = &[
    c(
        Source::JsonLdArticle,
        "structured Person objects of the article",
    ),
    c(
        Source::Parsely,
        "analytics author list, kept accurate by newsrooms",
    ),
    c(
        Source::Cxense,
        "cXenseParse:author, the analytics byline like Parse.ly's",
    ),
    c(
        Source::ArticleMeta,
        "article:author when it is a name (URLs are skipped)",
    ),
    c(
        Source::NamedMeta,
        "<meta name=author>: often right, sometimes the site",
    ),
    c(Source::Sailthru, "newsletter author"),
    c(Source::DublinCore, "dc.creator"),
    c(Source::Citation, "citation_author, one tag per author"),
    c(Source::Microdata, "itemprop=author in the body"),
    c(Source::Twitter, "twitter:label 'Written by'"),
    c(
        Source::BylineClass,
        "visible byline element by class/id or rel=author",
    ),
    c(Source::BylineText, "visible 'By ...' line"),
    c(
        Source::PostUser,
        "a thread's first poster, by the user-name markup forums share",
    ),
    c(Source::JsonLdOther, "authors on a WebPage object"),
    c(
        Source::JsonLdOrgAuthor,
        "an organisation as author: only when no person is named",
    ),
];

/// The visible author sources, in [`AUTHORS`] order: a declared credit
/// naming no one in full yields to them.
pub(crate) const AUTHORS_SHOWN: &[Source] = &[Source::BylineClass, Source::BylineText];

/// `date_published`.
pub(crate) const DATE_PUBLISHED: &[Choice] = &[
    c(
        Source::JsonLdArticle,
        "datePublished of the article, machine-readable with zone",
    ),
    c(
        Source::ArticleMeta,
        "article:published_time, machine-readable",
    ),
    c(Source::Parsely, "parsely-pub-date"),
    c(Source::Cxense, "cXenseParse:recs:publishtime"),
    c(Source::Sailthru, "sailthru.date"),
    c(Source::Microdata, "itemprop=datePublished"),
    c(Source::DublinCore, "dc.date / DC.date.issued"),
    c(Source::Citation, "citation_publication_date"),
    c(Source::NamedMeta, "<meta name=date|pubdate|publish-date>"),
    c(Source::TimePubdate, "<time pubdate> or itemprop on <time>"),
    c(
        Source::TimeElement,
        "first <time datetime> not marked as an update",
    ),
    c(
        Source::DateText,
        "visible date in a date-classed element near the headline",
    ),
    c(
        Source::DateNearTitle,
        "a short date line just above or below the h1",
    ),
    c(
        Source::Url,
        "/2024/03/25/ in the URL path: day only, last resort",
    ),
];

/// `date_modified`.
pub(crate) const DATE_MODIFIED: &[Choice] = &[
    c(Source::JsonLdArticle, "dateModified of the article"),
    c(Source::ArticleMeta, "article:modified_time"),
    c(Source::OpenGraph, "og:updated_time"),
    c(Source::Microdata, "itemprop=dateModified"),
    c(Source::DublinCore, "dcterms.modified"),
    c(Source::NamedMeta, "<meta name=last-modified>"),
    c(Source::JsonLdOther, "dateModified of the WebPage"),
    c(Source::TimeElement, "<time> inside an 'Updated' line"),
    c(
        Source::DateText,
        "visible 'Updated ...' line in a date-classed element",
    ),
    c(
        Source::DateNearTitle,
        "visible 'Last updated ...' line by the headline",
    ),
];

/// `date_published` of a page that states no publication date but shows
/// when it was last updated: the visible update lines.
pub(crate) const DATE_SHOWN_UPDATED: &[Choice] = &[
    c(Source::TimeElement, "<time> inside an 'Updated' line"),
    c(
        Source::DateText,
        "visible 'Updated ...' line in a date-classed element",
    ),
    c(
        Source::DateNearTitle,
        "visible 'Last updated ...' line by the headline",
    ),
];

/// `site_name`.
pub(crate) const SITE_NAME: &[Choice] = &[
    c(Source::OpenGraph, "og:site_name is exactly this field"),
    c(Source::JsonLdArticle, "the article's publisher.name"),
    c(Source::JsonLdOther, "publisher.name on the WebPage"),
    c(Source::JsonLdWebSite, "the WebSite object's name"),
    c(
        Source::AppName,
        "application-name: often the site, sometimes the CMS",
    ),
];

/// `description`.
pub(crate) const DESCRIPTION: &[Choice] = &[
    c(
        Source::OpenGraph,
        "og:description: the dek written for sharing",
    ),
    c(
        Source::NamedMeta,
        "<meta name=description>: sometimes SEO text",
    ),
    c(Source::JsonLdArticle, "JSON-LD description"),
    c(Source::Twitter, "twitter:description"),
    c(Source::DublinCore, "dc.description"),
    c(Source::JsonLdOther, "WebPage description"),
];

/// `language`.
pub(crate) const LANGUAGE: &[Choice] = &[
    c(Source::HtmlLang, "what the page declares for its text"),
    c(
        Source::ContentLanguage,
        "http-equiv content-language, the older form",
    ),
    c(Source::JsonLdArticle, "inLanguage of the article"),
    c(
        Source::OpenGraph,
        "og:locale: often a site-wide default like en_US",
    ),
    c(Source::DublinCore, "dc.language"),
    c(Source::JsonLdOther, "inLanguage of the WebPage"),
];

/// `canonical_url`.
pub(crate) const CANONICAL_URL: &[Choice] = &[
    c(
        Source::LinkCanonical,
        "<link rel=canonical> is the definition",
    ),
    c(Source::OpenGraph, "og:url"),
    c(Source::JsonLdArticle, "url of the article object"),
];

/// `image`.
pub(crate) const IMAGE: &[Choice] = &[
    c(
        Source::OpenGraph,
        "og:image: the lead image chosen for sharing",
    ),
    c(Source::Twitter, "twitter:image"),
    c(
        Source::JsonLdArticle,
        "JSON-LD image (string, object or array)",
    ),
    c(Source::JsonLdOther, "image of the WebPage"),
];

/// `tags`: every listed source contributes, in this order, deduplicated.
pub(crate) const TAGS: &[Choice] = &[
    c(Source::ArticleMeta, "article:tag, one tag per element"),
    c(Source::JsonLdArticle, "JSON-LD keywords"),
    c(
        Source::NamedMeta,
        "<meta name=keywords|news_keywords>, comma-separated",
    ),
    c(Source::Parsely, "parsely-tags"),
    c(Source::ArticleSection, "article:section: a category"),
    c(Source::JsonLdSection, "articleSection: a category"),
];

/// `reading_time_minutes`.
pub(crate) const READING_TIME: &[Choice] = &[
    c(
        Source::Twitter,
        "twitter:data for the 'Est. reading time' label",
    ),
    c(
        Source::JsonLdArticle,
        "timeRequired as an ISO 8601 duration",
    ),
];
