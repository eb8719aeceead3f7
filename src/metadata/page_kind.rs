//! What kind of page the markup declares itself to be.
//!
//! A shop's product page says so in its structured data: one schema.org
//! `Product` for sale (with `offers`) in JSON-LD or microdata, or `og:type`
//! `product`, or a form named for adding it to the cart. Its body is the product's description and specifications; the
//! reviews and ratings around them are not, and the product-page rules
//! (`rules::structure::PRODUCT_TOKENS`, `rules::phrases::PRODUCT_PHRASES`)
//! apply there only. Read-only on the DOM, like all of metadata.

use super::json_ld::declared_products;
use crate::parse::{Dom, NodeKind, Tag};
use crate::rules::compiled::{split_words_into, Words};
use crate::rules::structure::CART_CONTROL_WORDS;

/// A page declaring more products than this lists them (a catalogue with
/// one JSON-LD object per card); a product page declares one, or a few
/// variants and bundles.
const PRODUCT_PAGE_MAX_DECLARED: usize = 3;

/// `og:type` values of a product page (not `product.group`: a collection).
const OG_PRODUCT_TYPES: &[&str] = &["product", "og:product", "product.item"];

/// Whether the page declares itself the page of one product for sale (see
/// the module docs).
pub(crate) fn declares_product(dom: &Dom) -> bool {
    let (declared, sold) = declared_products(dom);
    if declared > PRODUCT_PAGE_MAX_DECLARED {
        return false;
    }
    let og = dom.elements(Tag::Meta).any(|i| {
        dom.attr(i, "property")
            .is_some_and(|p| p.eq_ignore_ascii_case("og:type"))
            && dom.attr(i, "content").is_some_and(|c| {
                OG_PRODUCT_TYPES
                    .iter()
                    .any(|t| c.trim().eq_ignore_ascii_case(t))
            })
    });
    og || sold > 0
        || (1..=PRODUCT_PAGE_MAX_DECLARED).contains(&microdata_products(dom))
        || (1..=PRODUCT_PAGE_MAX_DECLARED).contains(&cart_controls(dom))
}

/// How many forms are named (by `id`, `name` or `action`) as a shop's form
/// putting an item in the cart (`addToCart`, `/cart/add`, see
/// [`CART_CONTROL_WORDS`]). A product page sells its item with one or a few
/// (per format or bundle); a category page has one per card. Shops that
/// declare no product in their structured data still name their buy form.
fn cart_controls(dom: &Dom) -> usize {
    let mut words = Words::default();
    dom.elements(Tag::Form)
        .filter(|&i| {
            ["id", "name", "action"]
                .iter()
                .filter_map(|a| dom.attr(i, a))
                .any(|v| {
                    words.clear();
                    split_words_into(v, &mut words);
                    CART_CONTROL_WORDS.iter().any(|phrase| {
                        words
                            .windows(phrase.len())
                            .any(|w| w.iter().zip(phrase.iter()).all(|(a, b)| a == b))
                    })
                })
        })
        .count()
}

/// Whether the page describes the product it sells as a schema.org item
/// (JSON-LD or microdata with an offer), not only by an `og:type`: a
/// stronger claim, which shop themes do not put on their category pages.
pub(crate) fn describes_product_item(dom: &Dom) -> bool {
    let (declared, sold) = declared_products(dom);
    declared <= PRODUCT_PAGE_MAX_DECLARED
        && (sold > 0 || (1..=PRODUCT_PAGE_MAX_DECLARED).contains(&microdata_products(dom)))
}

/// How many elements carry a schema.org `Product` item type with an
/// `offers` property inside, not counting those nested inside another (a
/// bundle's parts, a variant).
fn microdata_products(dom: &Dom) -> usize {
    let is_product = |i: usize| {
        dom.attr(i, "itemtype").is_some_and(|t| {
            t.split_ascii_whitespace().any(|t| {
                let short = t.rsplit(['/', ':', '#']).next().unwrap_or(t);
                short.eq_ignore_ascii_case("product")
            })
        })
    };
    let has_offers = |i: usize| {
        (i + 1..dom.end(i)).any(|j| {
            dom.attr(j, "itemprop")
                .is_some_and(|p| p.split_ascii_whitespace().any(|w| w == "offers"))
        })
    };
    let mut count = 0;
    let mut i = 0;
    while i < dom.len() {
        if matches!(dom.kind(i), NodeKind::Element(_)) && is_product(i) {
            if has_offers(i) {
                count += 1;
            }
            i = dom.end(i).max(i + 1);
        } else {
            i += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ld(body: &str) -> Dom {
        Dom::parse(&format!(
            r#"<html><head><script type="application/ld+json">{body}</script></head><body><p>x</p></body></html>"#
        ))
    }

    #[test]
    fn one_product_for_sale_is_a_product_page_a_catalogue_is_not() {
        let mug = r#"{"@type":"Product","name":"Mug","offers":{"@type":"Offer","price":"12"}}"#;
        assert!(declares_product(&ld(mug)));
        assert!(!declares_product(&ld(&format!("[{}]", [mug; 8].join(",")))));
        let list = format!(r#"{{"@type":"ItemList","itemListElement":[{mug}]}}"#);
        assert!(!declares_product(&ld(&list)));
        // A rating carrier on a service page sells nothing.
        assert!(!declares_product(&ld(
            r#"{"@type":"Product","name":"Pest control","aggregateRating":{"ratingValue":"4.9"}}"#
        )));
        assert!(!declares_product(&ld(
            r#"{"@type":"NewsArticle","headline":"Mugs"}"#
        )));
    }

    #[test]
    fn open_graph_and_microdata_declare_products_too() {
        let og =
            r#"<html><head><meta property="og:type" content="product"></head><body></body></html>"#;
        assert!(declares_product(&Dom::parse(og)));
        let item = r#"<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Mug</span>
            <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">$12</div></div>"#;
        assert!(declares_product(&Dom::parse(item)));
        assert!(!declares_product(&Dom::parse(&item.repeat(6))));
    }

    #[test]
    fn a_named_add_to_cart_form_declares_a_product_one_per_card_does_not() {
        let form = r#"<form id="addToCart" method="post"><input type="submit" value="Add to Cart"></form>"#;
        let page =
            |body: &str| Dom::parse(&format!("<html><body><h1>Mug</h1>{body}</body></html>"));
        assert!(declares_product(&page(form)));
        let card = r#"<div class=card><a href=/m>Mug</a><form action="/cart/add"><button>Add</button></form></div>"#;
        assert!(declares_product(&page(card)));
        assert!(!declares_product(&page(&card.repeat(8))));
        assert!(!declares_product(&page(
            r#"<form id="newsletter"><input name="email"></form>"#
        )));
    }
}
