//! Metadata stage: Dom → Metadata. Read-only on the DOM.
pub mod byline;

use crate::document::Metadata;
use crate::parse::{Dom, Tag};

/// Extracts page metadata.
pub fn extract(dom: &Dom, _url: Option<&str>) -> Metadata {
    let title = dom
        .elements(Tag::Title)
        .next()
        .map(|t| dom.raw_text(t).trim().to_owned());
    Metadata {
        title,
        ..Metadata::default()
    }
}
