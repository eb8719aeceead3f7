//! Structural rules: tags, ARIA roles, class/id words and CSS selectors.

use super::{ContentHint, ContextRule, RoleRule, SelectorRule, TagRule, TokenRule};
use crate::document::Kind;

/// Tag rules. `header` and `footer` only count outside `<article>`/`<main>`
/// (inside, they hold the title, byline or tags, which other rules judge).
#[rustfmt::skip]
pub const TAGS: &[TagRule] = &[
    TagRule { id: "tag-nav", kind: Kind::Navigation, tag: "nav", note: "navigation landmark" },
    TagRule { id: "tag-header", kind: Kind::Navigation, tag: "header", note: "page header with logo and menu; kept inside an article" },
    TagRule { id: "tag-footer", kind: Kind::Footer, tag: "footer", note: "page footer; kept inside an article" },
    TagRule { id: "tag-aside", kind: Kind::Related, tag: "aside", note: "sidebars: mostly other articles and widgets" },
    TagRule { id: "tag-figcaption", kind: Kind::Caption, tag: "figcaption", note: "image captions describe pictures; they are not the article's prose" },
    TagRule { id: "tag-dialog", kind: Kind::CookieNotice, tag: "dialog", note: "modal dialogs: consent and sign-up overlays" },
];

/// ARIA role rules.
#[rustfmt::skip]
pub const ROLES: &[RoleRule] = &[
    RoleRule { id: "role-navigation", kind: Kind::Navigation, role: "navigation", note: "menus" },
    RoleRule { id: "role-banner", kind: Kind::Navigation, role: "banner", note: "site header" },
    RoleRule { id: "role-contentinfo", kind: Kind::Footer, role: "contentinfo", note: "site footer" },
    RoleRule { id: "role-complementary", kind: Kind::Related, role: "complementary", note: "sidebars" },
    RoleRule { id: "role-search", kind: Kind::Navigation, role: "search", note: "search forms" },
    RoleRule { id: "role-menu", kind: Kind::Navigation, role: "menu", note: "menus" },
    RoleRule { id: "role-menubar", kind: Kind::Navigation, role: "menubar", note: "menus" },
    RoleRule { id: "role-dialog", kind: Kind::CookieNotice, role: "dialog", note: "consent and sign-up overlays" },
    RoleRule { id: "role-alertdialog", kind: Kind::CookieNotice, role: "alertdialog", note: "consent overlays" },
];

/// Class/id word rules, grouped by kind. Matching is by whole words of a
/// class name or id (see [`TokenRule`]).
#[rustfmt::skip]
pub const TOKENS: &[TokenRule] = &[
    // navigation
    TokenRule { id: "cls-nav", kind: Kind::Navigation, tokens: &["nav"], note: "nav, main-nav, navbar is a separate word" },
    TokenRule { id: "cls-navbar", kind: Kind::Navigation, tokens: &["navbar"], note: "" },
    TokenRule { id: "cls-navigation", kind: Kind::Navigation, tokens: &["navigation"], note: "" },
    TokenRule { id: "cls-menu", kind: Kind::Navigation, tokens: &["menu"], note: "menus; a restaurant menu article would be guarded by its prose" },
    TokenRule { id: "cls-breadcrumb", kind: Kind::Navigation, tokens: &["breadcrumb"], note: "" },
    TokenRule { id: "cls-breadcrumbs", kind: Kind::Navigation, tokens: &["breadcrumbs"], note: "" },
    TokenRule { id: "cls-pagination", kind: Kind::Navigation, tokens: &["pagination"], note: "" },
    TokenRule { id: "cls-pager", kind: Kind::Navigation, tokens: &["pager"], note: "" },
    TokenRule { id: "cls-skip-link", kind: Kind::Navigation, tokens: &["skip", "link"], note: "" },
    TokenRule { id: "cls-site-header", kind: Kind::Navigation, tokens: &["site", "header"], note: "" },
    TokenRule { id: "cls-masthead", kind: Kind::Navigation, tokens: &["masthead"], note: "" },
    TokenRule { id: "cls-post-navigation", kind: Kind::Navigation, tokens: &["post", "nav"], note: "previous/next post links" },
    TokenRule { id: "cls-toc", kind: Kind::Navigation, tokens: &["toc"], note: "tables of contents repeat the headings" },
    // footer
    TokenRule { id: "cls-footer", kind: Kind::Footer, tokens: &["footer"], note: "site and article footers" },
    TokenRule { id: "cls-copyright", kind: Kind::Footer, tokens: &["copyright"], note: "" },
    // share
    TokenRule { id: "cls-share", kind: Kind::Share, tokens: &["share"], note: "share bars and buttons" },
    TokenRule { id: "cls-sharing", kind: Kind::Share, tokens: &["sharing"], note: "" },
    TokenRule { id: "cls-sharedaddy", kind: Kind::Share, tokens: &["sharedaddy"], note: "WordPress Jetpack" },
    TokenRule { id: "cls-social", kind: Kind::Share, tokens: &["social"], note: "social links and follow boxes" },
    TokenRule { id: "cls-addthis", kind: Kind::Share, tokens: &["addthis"], note: "" },
    TokenRule { id: "cls-sharethis", kind: Kind::Share, tokens: &["sharethis"], note: "" },
    TokenRule { id: "cls-shariff", kind: Kind::Share, tokens: &["shariff"], note: "" },
    // related
    TokenRule { id: "cls-related", kind: Kind::Related, tokens: &["related"], note: "never matches unrelated: whole words only" },
    TokenRule { id: "cls-relatedposts", kind: Kind::Related, tokens: &["relatedposts"], note: "Jetpack jp-relatedposts" },
    TokenRule { id: "cls-recommended", kind: Kind::Related, tokens: &["recommended"], note: "" },
    TokenRule { id: "cls-recommendations", kind: Kind::Related, tokens: &["recommendations"], note: "" },
    TokenRule { id: "cls-more-stories", kind: Kind::Related, tokens: &["more", "stories"], note: "" },
    TokenRule { id: "cls-read-next", kind: Kind::Related, tokens: &["read", "next"], note: "" },
    TokenRule { id: "cls-trending", kind: Kind::Related, tokens: &["trending"], note: "" },
    TokenRule { id: "cls-popular", kind: Kind::Related, tokens: &["popular"], note: "most-popular lists" },
    TokenRule { id: "cls-most-read", kind: Kind::Related, tokens: &["most", "read"], note: "" },
    TokenRule { id: "cls-outbrain", kind: Kind::Related, tokens: &["outbrain"], note: "" },
    TokenRule { id: "cls-taboola", kind: Kind::Related, tokens: &["taboola"], note: "" },
    TokenRule { id: "cls-yarpp", kind: Kind::Related, tokens: &["yarpp"], note: "WordPress related-posts plugin" },
    TokenRule { id: "cls-sidebar", kind: Kind::Related, tokens: &["sidebar"], note: "guarded: body.has-sidebar holds the article" },
    TokenRule { id: "cls-widget", kind: Kind::Related, tokens: &["widget"], note: "sidebar widgets" },
    // newsletter
    TokenRule { id: "cls-newsletter", kind: Kind::Newsletter, tokens: &["newsletter"], note: "" },
    TokenRule { id: "cls-subscribe", kind: Kind::Newsletter, tokens: &["subscribe"], note: "" },
    TokenRule { id: "cls-signup", kind: Kind::Newsletter, tokens: &["signup"], note: "" },
    TokenRule { id: "cls-sign-up", kind: Kind::Newsletter, tokens: &["sign", "up"], note: "" },
    TokenRule { id: "cls-optin", kind: Kind::Newsletter, tokens: &["optin"], note: "" },
    TokenRule { id: "cls-paywall", kind: Kind::Newsletter, tokens: &["paywall"], note: "guarded: some sites wrap the article itself" },
    TokenRule { id: "cls-mc4wp", kind: Kind::Newsletter, tokens: &["mc", "wp"], note: "Mailchimp for WordPress" },
    // author bio
    TokenRule { id: "cls-author-bio", kind: Kind::AuthorBio, tokens: &["author", "bio"], note: "" },
    TokenRule { id: "cls-author-box", kind: Kind::AuthorBio, tokens: &["author", "box"], note: "" },
    TokenRule { id: "cls-about-author", kind: Kind::AuthorBio, tokens: &["about", "author"], note: "" },
    TokenRule { id: "cls-about-the-author", kind: Kind::AuthorBio, tokens: &["about", "the", "author"], note: "" },
    TokenRule { id: "cls-author-info", kind: Kind::AuthorBio, tokens: &["author", "info"], note: "" },
    TokenRule { id: "cls-author-card", kind: Kind::AuthorBio, tokens: &["author", "card"], note: "" },
    TokenRule { id: "cls-author-description", kind: Kind::AuthorBio, tokens: &["author", "description"], note: "" },
    TokenRule { id: "cls-box-author", kind: Kind::AuthorBio, tokens: &["box", "author"], note: "" },
    TokenRule { id: "cls-box-autore", kind: Kind::AuthorBio, tokens: &["box", "autore"], note: "Italian" },
    TokenRule { id: "cls-autore-box", kind: Kind::AuthorBio, tokens: &["autore", "box"], note: "Italian" },
    TokenRule { id: "cls-autor-box", kind: Kind::AuthorBio, tokens: &["autor", "box"], note: "German, Spanish, Portuguese" },
    TokenRule { id: "cls-autor-bio", kind: Kind::AuthorBio, tokens: &["autor", "bio"], note: "" },
    TokenRule { id: "cls-auteur-bio", kind: Kind::AuthorBio, tokens: &["auteur", "bio"], note: "French, Dutch" },
    TokenRule { id: "cls-bio-auteur", kind: Kind::AuthorBio, tokens: &["bio", "auteur"], note: "" },
    TokenRule { id: "cls-authorbio", kind: Kind::AuthorBio, tokens: &["authorbio"], note: "" },
    // bylines
    TokenRule { id: "cls-byline", kind: Kind::Byline, tokens: &["byline"], note: "" },
    TokenRule { id: "cls-by-line", kind: Kind::Byline, tokens: &["by", "line"], note: "" },
    TokenRule { id: "cls-author", kind: Kind::Byline, tokens: &["author"], note: "author name elements; guarded by prose" },
    TokenRule { id: "cls-dateline", kind: Kind::Byline, tokens: &["dateline"], note: "" },
    TokenRule { id: "cls-post-meta", kind: Kind::Byline, tokens: &["post", "meta"], note: "" },
    TokenRule { id: "cls-entry-meta", kind: Kind::Byline, tokens: &["entry", "meta"], note: "" },
    TokenRule { id: "cls-article-meta", kind: Kind::Byline, tokens: &["article", "meta"], note: "" },
    TokenRule { id: "cls-posted-on", kind: Kind::Byline, tokens: &["posted", "on"], note: "" },
    TokenRule { id: "cls-timestamp", kind: Kind::Byline, tokens: &["timestamp"], note: "" },
    // reading time
    TokenRule { id: "cls-reading-time", kind: Kind::ReadingTime, tokens: &["reading", "time"], note: "" },
    TokenRule { id: "cls-read-time", kind: Kind::ReadingTime, tokens: &["read", "time"], note: "" },
    // comments
    TokenRule { id: "cls-comments", kind: Kind::Comments, tokens: &["comments"], note: "" },
    TokenRule { id: "cls-comment", kind: Kind::Comments, tokens: &["comment"], note: "" },
    TokenRule { id: "cls-disqus", kind: Kind::Comments, tokens: &["disqus"], note: "" },
    TokenRule { id: "cls-reactions", kind: Kind::Comments, tokens: &["reactions"], note: "reader reactions sections" },
    TokenRule { id: "cls-donate", kind: Kind::Newsletter, tokens: &["donate"], note: "donation boxes" },
    TokenRule { id: "cls-donation", kind: Kind::Newsletter, tokens: &["donation"], note: "" },
    TokenRule { id: "cls-respond", kind: Kind::Comments, tokens: &["respond"], note: "WordPress comment form" },
    // cookies
    TokenRule { id: "cls-cookie", kind: Kind::CookieNotice, tokens: &["cookie"], note: "" },
    TokenRule { id: "cls-cookies", kind: Kind::CookieNotice, tokens: &["cookies"], note: "" },
    TokenRule { id: "cls-consent", kind: Kind::CookieNotice, tokens: &["consent"], note: "" },
    TokenRule { id: "cls-gdpr", kind: Kind::CookieNotice, tokens: &["gdpr"], note: "" },
    // advertisement
    TokenRule { id: "cls-ad", kind: Kind::Advertisement, tokens: &["ad"], note: "ad, ad-slot; never head or add" },
    TokenRule { id: "cls-ads", kind: Kind::Advertisement, tokens: &["ads"], note: "" },
    TokenRule { id: "cls-advert", kind: Kind::Advertisement, tokens: &["advert"], note: "" },
    TokenRule { id: "cls-advertisement", kind: Kind::Advertisement, tokens: &["advertisement"], note: "" },
    TokenRule { id: "cls-adsense", kind: Kind::Advertisement, tokens: &["adsense"], note: "" },
    TokenRule { id: "cls-dfp", kind: Kind::Advertisement, tokens: &["dfp"], note: "" },
    TokenRule { id: "cls-sponsored", kind: Kind::Advertisement, tokens: &["sponsored"], note: "" },
    TokenRule { id: "cls-promo", kind: Kind::Advertisement, tokens: &["promo"], note: "" },
    // captions
    TokenRule { id: "cls-caption", kind: Kind::Caption, tokens: &["caption"], note: "image captions" },
    TokenRule { id: "cls-wp-caption-text", kind: Kind::Caption, tokens: &["wp", "caption", "text"], note: "WordPress" },
    TokenRule { id: "cls-photo-credit", kind: Kind::Caption, tokens: &["photo", "credit"], note: "" },
    TokenRule { id: "cls-image-credit", kind: Kind::Caption, tokens: &["image", "credit"], note: "" },
    TokenRule { id: "cls-credit", kind: Kind::Caption, tokens: &["credit"], note: "photo credits" },
    // taxonomy
    TokenRule { id: "cls-tags", kind: Kind::Taxonomy, tokens: &["tags"], note: "" },
    TokenRule { id: "cls-tag-list", kind: Kind::Taxonomy, tokens: &["tag", "list"], note: "" },
    TokenRule { id: "cls-tag-cloud", kind: Kind::Taxonomy, tokens: &["tag", "cloud"], note: "" },
    TokenRule { id: "cls-categories", kind: Kind::Taxonomy, tokens: &["categories"], note: "" },
    TokenRule { id: "cls-cat-links", kind: Kind::Taxonomy, tokens: &["cat", "links"], note: "WordPress" },
    TokenRule { id: "cls-topics", kind: Kind::Taxonomy, tokens: &["topics"], note: "" },
    TokenRule { id: "cls-keywords", kind: Kind::Taxonomy, tokens: &["keywords"], note: "" },
];

/// Class/id word rules that apply only on a page declaring one product
/// (`metadata::declares_product`). There the body is the product's
/// description and specifications; its customers' reviews and ratings are
/// comments on it. Elsewhere the same words name content: a service page's
/// testimonials, a review article's verdict.
#[rustfmt::skip]
pub const PRODUCT_TOKENS: &[TokenRule] = &[
    TokenRule { id: "product-cls-reviews", kind: Kind::Comments, tokens: &["reviews"], note: "review widgets and sections (product-reviews, okeReviews, user_reviews)" },
    TokenRule { id: "product-cls-review", kind: Kind::Comments, tokens: &["review"], note: "one review, a review summary or badge" },
    TokenRule { id: "product-cls-ratings", kind: Kind::Comments, tokens: &["ratings"], note: "rating histograms and counts" },
    TokenRule { id: "product-cls-rating", kind: Kind::Comments, tokens: &["rating"], note: "star ratings" },
    TokenRule { id: "product-cls-testimonials", kind: Kind::Comments, tokens: &["testimonials"], note: "customer quotes beside the product" },
    TokenRule { id: "product-cls-yotpo", kind: Kind::Comments, tokens: &["yotpo"], note: "review vendor widget" },
    TokenRule { id: "product-cls-okendo", kind: Kind::Comments, tokens: &["okendo"], note: "review vendor widget" },
    TokenRule { id: "product-cls-jdgm", kind: Kind::Comments, tokens: &["jdgm"], note: "Judge.me review widget" },
    TokenRule { id: "product-cls-trustpilot", kind: Kind::Comments, tokens: &["trustpilot"], note: "review vendor widget" },
    TokenRule { id: "product-cls-bazaarvoice", kind: Kind::Comments, tokens: &["bazaarvoice"], note: "review vendor widget" },
    TokenRule { id: "product-cls-loox", kind: Kind::Comments, tokens: &["loox"], note: "review vendor widget" },
];

/// First words of the class names a page builder gives its blocks
/// (`elementor-widget-text-editor`, `elementor-widget-wrap`): there `widget`
/// names the builder's unit, whatever it holds, so the rules in
/// [`BUILDER_NEUTRAL_RULES`] never match such a name. Other words in it
/// (`elementor-widget-nav-menu`, `elementor-widget-share-buttons`) still do.
pub const PAGE_BUILDER_PREFIXES: &[&str] = &["elementor"];

/// First words of class names that state what an element has or lacks
/// (`has-sidebar`, `hide-read-more-ad`, `without-comments`): a
/// layout switch on a wrapper, not the part it names, so no class/id word
/// rule matches such a name.
pub const STATE_PREFIXES: &[&str] = &["has", "hide", "without"];

/// Words joining the parts of a class name (`map-and-related`,
/// `content-and-sidebar`): such a name matches a class/id word rule only
/// when every part does (`share-and-follow`), as a wrapper of content and
/// chrome is not chrome.
pub const JOINING_WORDS: &[&str] = &["and"];

/// Token rules that ignore page-builder class names (see [`PAGE_BUILDER_PREFIXES`]).
pub const BUILDER_NEUTRAL_RULES: &[&str] = &["cls-widget"];

/// CSS selector rules.
#[rustfmt::skip]
pub const SELECTORS: &[SelectorRule] = &[
    SelectorRule { id: "sel-rel-author", kind: Kind::Byline, selector: "a[rel~=author]", note: "author links" },
    SelectorRule { id: "sel-itemprop-author", kind: Kind::Byline, selector: "[itemprop=author]", note: "schema.org author" },
    SelectorRule { id: "sel-comment-form", kind: Kind::Comments, selector: "form#commentform, form.comment-form, #disqus_thread", note: "comment forms" },
    SelectorRule { id: "sel-forum-signature", kind: Kind::AuthorBio, selector: ":is(.postbody, .postbit, .post_wrapper, .post_content, .msg) .signature, .message-signature, .user-signature", note: "a poster's signature under each post (forum software's post markup: phpBB postbody, vBulletin postbit, SMF post_wrapper): about them, not the thread; a bare .signature elsewhere is a news byline" },
    SelectorRule { id: "sel-forum-profile-stats", kind: Kind::Byline, selector: ".postprofile dd", note: "the poster's rank, counts and profile fields in the column beside each post (the name above them stays)" },
    SelectorRule { id: "sel-rel-tag", kind: Kind::Taxonomy, selector: "a[rel~=tag]", note: "tag links" },
];

/// Currency signs and codes a shop prints beside an item's price ("$13.40",
/// "13,40 €", "GBP 9.99"): a card showing one is an item for sale.
pub const CURRENCY_SIGNS: &[&str] = &[
    "$", "€", "£", "¥", "₹", "₩", "₽", "₺", "zł", "kr", "R$", "USD", "EUR", "GBP", "CAD", "AUD",
    "CHF", "JPY", "INR",
];

/// Words (in order) naming a shop's add-to-cart form in its `id`, `name`
/// or `action` (`addToCart`, `add-to-basket`, `/cart/add`): a page with one
/// or a few sells one item (see `metadata::declares_product`).
pub const CART_CONTROL_WORDS: &[&[&str]] = &[
    &["add", "to", "cart"],
    &["add", "to", "basket"],
    &["add", "to", "bag"],
    &["add", "to", "trolley"],
    &["buy", "now"],
    &["cart", "add"],
];

/// Id of the context rule dropping other items' cards from a product page.
pub const PRODUCT_OTHER_ITEMS: &str = "product-other-items";

/// Id of the context rule dropping the second copy of a block laid out once
/// per screen size.
pub const LAYOUT_TWIN: &str = "layout-twin";

/// Id of the context rule dropping a copy of a block that a screen-size
/// class shows on some screens only, when the page prints the same text
/// elsewhere.
pub const SCREEN_VARIANT_TWIN: &str = "screen-variant-twin";

/// Whole class tokens saying an element is shown on some screens only (a
/// phone or a desktop copy of a block printed twice).
pub const SCREEN_VARIANT_CLASSES: &[&str] = &[
    "mobile",
    "desktop",
    "tablet",
    "mobile-only",
    "desktop-only",
    "tablet-only",
    "only-mobile",
    "only-desktop",
    "hide-mobile",
    "hide-desktop",
    "show-mobile",
    "show-desktop",
    "hidden-mobile",
    "hidden-desktop",
    "visible-mobile",
    "visible-desktop",
    "mobile-hide",
    "desktop-hide",
];

/// Breakpoint names of CSS frameworks (Tailwind `md:hidden`, Bootstrap
/// `d-md-none`, `hidden-md-up`, `visible-xs`): a class token naming one with
/// a display value shows or hides its element from that width on.
pub const SCREEN_BREAKPOINTS: &[&str] = &["xs", "sm", "md", "lg", "xl", "xxl", "2xl"];

/// Id of the context rule dropping a product page's repeated blocks.
pub const PRODUCT_REPEATED_BLOCK: &str = "product-repeated-block";

/// Rules applied by code with context (metadata, position, content selection).
#[rustfmt::skip]
pub const CONTEXT: &[ContextRule] = &[
    ContextRule { id: "share-page-url", kind: Kind::Share, note: "the page's own URL printed for copying (equal to the canonical URL)" },
    ContextRule { id: "dek-description", kind: Kind::TitleRepeat, note: "the dek (standfirst) at the article's head, equal to the page description: metadata, not body" },
    ContextRule { id: "title-repeat", kind: Kind::TitleRepeat, note: "a block equal to the page title (metadata), usually the h1" },
    ContextRule { id: "byline-author-name", kind: Kind::Byline, note: "a short block that is only the author's name (from metadata), optionally with \"By\"" },
    ContextRule { id: "bio-author-name", kind: Kind::AuthorBio, note: "a long block in the article's tail that starts with the author's name" },
    ContextRule { id: "see-also-link-box", kind: Kind::SeeAlso, note: "a short block inside the body that is entirely one link between paragraphs" },
    ContextRule { id: "link-dense", kind: Kind::LowContent, note: "a block inside the body that is mostly links" },
    ContextRule { id: "filter-form", kind: Kind::Navigation, note: "a form of checkbox or radio options that are most of its text: a listing's filters (price ranges, brands, dates)" },
    ContextRule { id: "outside-content", kind: Kind::LowContent, note: "text outside the selected content container" },
    ContextRule { id: PRODUCT_OTHER_ITEMS, kind: Kind::Related, note: "on a page declaring one product, the priced cards of a card list inside the content: other items for sale (similar items, the seller's other listings)" },
    ContextRule { id: LAYOUT_TWIN, kind: Kind::LowContent, note: "the later of two sibling elements with the same text and different class lists: one block laid out for phones and again for desktops (a stylesheet hides one), a carousel's cloned slides; alike siblings (list items, cards) and table cells repeat on purpose and stay" },
    ContextRule { id: SCREEN_VARIANT_TWIN, kind: Kind::LowContent, note: "an element shown on some screens only (md:hidden, d-lg-none, hidden-md-up, a mobile class) whose text the page prints again elsewhere: the later copy goes, one is kept" },
    ContextRule { id: PRODUCT_REPEATED_BLOCK, kind: Kind::LowContent, note: "on a page declaring one product, a block of 6+ words equal to an earlier block of the body: the short description printed again atop the description tab, a note under every variant" },
    ContextRule { id: "comments-section", kind: Kind::Comments, note: "scraped-text lines after a comments heading that follows the article" },
    ContextRule { id: "related-section", kind: Kind::Related, note: "short scraped-text lines (headlines) after a related-articles heading" },
    ContextRule { id: "caption-beside-credit", kind: Kind::Caption, note: "a short scraped-text line next to a photo credit: the photo's caption" },
    ContextRule { id: "text-outside-content", kind: Kind::LowContent, note: "scraped-text lines outside the article's span" },
    ContextRule { id: "caption-repeated", kind: Kind::Caption, note: "a long scraped-text line beside a photo credit that the page prints again (a gallery's caption, thumbnail and lightbox): every copy goes" },
    ContextRule { id: "text-card-rail", kind: Kind::Related, note: "scraped-text cards (kicker, headline, source, summary) repeating in the same shape four times or more under a sign-up box, share bar, related heading or ad" },
    ContextRule { id: "text-duplicate-copy", kind: Kind::LowContent, note: "a scraped-text line that repeats three or more of the article's paragraphs run together (structured data printed as text)" },
    ContextRule { id: "share-network-run", kind: Kind::Share, note: "two or more scraped-text lines in a row that are each only a social network's or share action's name" },
    ContextRule { id: "share-network-line", kind: Kind::Share, note: "a scraped-text line of two or more social networks' names and nothing else: a share bar printed on one line" },
    ContextRule { id: "text-dated-rail", kind: Kind::Related, note: "scraped-text cards (headline, short summary) each closed or opened by a date a rule removed, the same number of lines apart four times or more" },
    ContextRule { id: "byline-label-name", kind: Kind::Byline, note: "the name on the line under an empty \"By\" label: the author" },
];

/// Hints that an element is the article body. They only raise a container's
/// score in content selection; they never remove or keep anything alone.
#[rustfmt::skip]
pub const CONTENT_HINTS: &[ContentHint] = &[
    ContentHint { id: "hint-itemprop-articlebody", tokens: &[], attr: Some(("itemprop", "articleBody")), note: "schema.org microdata" },
    ContentHint { id: "hint-article-body", tokens: &["article", "body"], attr: None, note: "" },
    ContentHint { id: "hint-article-content", tokens: &["article", "content"], attr: None, note: "" },
    ContentHint { id: "hint-article-text", tokens: &["article", "text"], attr: None, note: "" },
    ContentHint { id: "hint-entry-content", tokens: &["entry", "content"], attr: None, note: "WordPress" },
    ContentHint { id: "hint-post-content", tokens: &["post", "content"], attr: None, note: "" },
    ContentHint { id: "hint-post-body", tokens: &["post", "body"], attr: None, note: "" },
    ContentHint { id: "hint-story-body", tokens: &["story", "body"], attr: None, note: "" },
    ContentHint { id: "hint-story-content", tokens: &["story", "content"], attr: None, note: "" },
    ContentHint { id: "hint-body-text", tokens: &["body", "text"], attr: None, note: "" },
];

/// schema.org types with which a page declares itself a forum thread. On
/// such a page content selection weighs the replies (often marked up as
/// comments) as content. Not `QAPage`: its answers are marked up as answers,
/// and what it marks as comments are comments.
pub const DISCUSSION_TYPES: &[&str] = &["DiscussionForumPosting"];

/// schema.org types of a question-and-answer page: a discussion only when
/// its markup marks no answer (see [`ANSWER_MARKS`]).
pub const QA_PAGE_TYPES: &[&str] = &["QAPage"];

/// Words (lower-case, inside a class or `itemprop` value) with which a Q&A
/// page marks its answers (`answer`, `suggestedAnswer`, `acceptedAnswer`):
/// where they are, comment-marked elements are comments on the answers;
/// where none is, the answers are the comment-marked elements.
pub const ANSWER_MARKS: &[&str] = &["answer"];

/// ARIA roles of panels that a page folds away until their trigger is
/// clicked (tabs, accordion regions): hidden, yet text every reader can open.
pub const COLLAPSED_PANEL_ROLES: &[&str] = &["tabpanel", "region"];

/// Class words of folded panels: an accordion's folds, a FAQ's answers, a
/// `collapse` (Bootstrap, Chakra) a toggle opens.
/// Whole words of a class name, so `accordion-panel` and `faq-answer` match.
pub const COLLAPSED_PANEL_WORDS: &[&str] = &["accordion", "faq", "collapse"];

/// Whole class tokens of CSS utility classes that hide an element from every
/// reader (`display: none` in Bootstrap, Foundation, Tailwind and most shop
/// themes): unsold options, price tiers, a theme's stored fields.
pub const HIDING_CLASSES: &[&str] = &["hide", "hidden", "d-none", "is-hidden", "display-none"];

/// Substrings of the link to a member's profile page in forum software
/// (Discourse `/u/`, XenForo `/members/`, Invision `/profile/`, NodeBB and
/// Stack Exchange `/user/`, phpBB `viewprofile`, vBulletin `member.php`, SMF
/// `action=profile`): a post header's poster name links there.
pub const PROFILE_LINK_HREFS: &[&str] = &[
    "/u/",
    "/members/",
    "/member/",
    "/profile/",
    "/user/",
    "/users/",
    "mode=viewprofile",
    "member.php",
    "action=profile",
];

/// Rules whose whole removed text, when it is a bare name, is a poster's
/// name in a post header ("FutureBSD", "pelex,"), not a rank or a counter.
pub const POSTER_NAME_RULES: &[&str] = &[
    "byline-author-name",
    "cls-author",
    "sel-itemprop-author",
    "byline-by-name",
];
