//! deboiler turns scraped web pages — HTML in any encoding, or text scraped
//! from a page — into clean article text plus metadata, and says what it
//! removed and why.
//!
//! ```
//! let html = br#"<html><head><title>Port strike ends | Daily News</title></head><body>
//!   <nav><a href="/">Home</a> <a href="/world">World</a></nav>
//!   <article><h1>Port strike ends</h1><p>By Jane Doe</p>
//!   <p>The strike at the port ended on Monday after three weeks, union leaders said,
//!      and the first ships were unloaded within hours of the agreement.</p>
//!   <p>Share this article</p></article></body></html>"#;
//! let doc = deboiler::clean(html).unwrap();
//! assert!(doc.text.starts_with("The strike at the port ended"));
//! assert!(doc.removed.iter().any(|r| r.kind == deboiler::Kind::Share));
//! ```

pub mod blocks;
pub mod boilerplate;
mod cleaner;
pub mod decode;
mod document;
pub mod error;
pub mod metadata;
pub mod parse;
mod pipeline;
pub mod render;
pub mod rules;
pub mod select;
pub mod text_mode;

pub use cleaner::{Cleaner, CleanerBuilder, Favor, Input, InputKind, DEFAULT_MAX_BYTES};
pub use document::{
    Block, BlockKind, Document, Explained, Explanation, Kind, Metadata, Removal, Status, Verdict,
};
pub use error::Error;
pub use rules::user::{PhraseMatch, SiteRules, UserPhrase, UserRules, UserSelector, UserToken};

/// Cleans one page with the default settings.
pub fn clean(bytes: &[u8]) -> Result<Document, Error> {
    rules::compiled::builtin();
    Cleaner::new().clean(bytes)
}
