//! Which rules apply to one page: its language and its site.
//!
//! The language is the page's declared one (`<html lang>`, `og:locale`,
//! JSON-LD `inLanguage`: [`Metadata::language`](crate::Metadata)), else the
//! one `whatlang` detects with confidence in the first few KB of visible text,
//! else unknown, and then every language's tables apply. Phrase rules marked
//! `*` apply whatever the language. The site is the host of the page URL (the
//! caller's, else the canonical URL from metadata).

use crate::blocks::is_invisible;
use crate::parse::{Dom, NodeKind};

/// How much visible text language detection reads: enough for a confident
/// guess on any real page, little enough to cost a few microseconds.
const DETECT_BYTES: usize = 2048;
/// Text nodes shorter than this (chars) are skipped by detection: menu
/// entries and labels are often English on pages in other languages.
const DETECT_MIN_NODE_CHARS: usize = 25;

/// Where the page's language came from.
#[derive(Debug, Clone, PartialEq)]
pub enum LanguageSource {
    /// Declared by the page (metadata).
    Declared,
    /// Detected in the visible text, with whatlang's confidence (0–1).
    Detected(f64),
    /// Neither: every language's tables apply.
    Unknown,
}

/// The page's language for rule selection, and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLanguage {
    /// A BCP 47 tag or ISO 639-1 code (`None` when unknown).
    pub tag: Option<String>,
    /// Where it came from.
    pub source: LanguageSource,
}

impl PageLanguage {
    /// The declared language if any, else a confident detection on `text`.
    pub fn choose(declared: Option<&str>, text: impl FnOnce() -> String) -> PageLanguage {
        if let Some(tag) = declared.filter(|t| !t.is_empty()) {
            return PageLanguage {
                tag: Some(tag.to_owned()),
                source: LanguageSource::Declared,
            };
        }
        match detect(&text()) {
            Some((code, confidence)) => PageLanguage {
                tag: Some(code.to_owned()),
                source: LanguageSource::Detected(confidence),
            },
            None => PageLanguage {
                tag: None,
                source: LanguageSource::Unknown,
            },
        }
    }
}

/// The language of `text` as an ISO 639-1 code (ISO 639-3 where there is
/// none) when whatlang is confident, with its confidence.
pub fn detect(text: &str) -> Option<(&'static str, f64)> {
    let info = whatlang::detect(text)?;
    if !info.is_reliable() {
        return None;
    }
    Some((iso_639_1(info.lang()), info.confidence()))
}

/// ISO 639-1 for the languages rule tables are written in (and a few more).
fn iso_639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Eng => "en",
        Deu => "de",
        Fra => "fr",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Rus => "ru",
        Jpn => "ja",
        Cmn => "zh",
        Kor => "ko",
        Pol => "pl",
        Tur => "tr",
        Swe => "sv",
        Dan => "da",
        Nob => "nb",
        Fin => "fi",
        Ces => "cs",
        Ukr => "uk",
        Ara => "ar",
        Hin => "hi",
        Vie => "vi",
        Ind => "id",
        Ell => "el",
        Heb => "he",
        Hun => "hu",
        Ron => "ro",
        other => other.code(),
    }
}

/// The first [`DETECT_BYTES`] of the page's visible text, from text nodes long
/// enough to be sentences rather than menu entries.
pub fn sample_dom(dom: &Dom) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < dom.len() && out.len() < DETECT_BYTES {
        match dom.kind(i) {
            NodeKind::Element(_) if is_invisible(dom, i) => {
                i = dom.end(i).max(i + 1);
                continue;
            }
            _ => {}
        }
        if let Some(t) = dom.text(i) {
            let t = t.trim();
            if t.len() >= DETECT_MIN_NODE_CHARS && t.chars().count() >= DETECT_MIN_NODE_CHARS {
                out.push_str(t);
                out.push(' ');
            }
        }
        i += 1;
    }
    out
}

/// The first [`DETECT_BYTES`] of scraped text, from lines long enough to be sentences.
pub fn sample_text(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines().map(str::trim) {
        if out.len() >= DETECT_BYTES {
            break;
        }
        if line.chars().count() >= DETECT_MIN_NODE_CHARS {
            out.push_str(line);
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_wins_then_detection_then_unknown() {
        let l = PageLanguage::choose(Some("de-DE"), || unreachable!());
        assert_eq!(l.tag.as_deref(), Some("de-DE"));
        let german = "Der Streik im Hamburger Hafen ist nach drei Wochen beendet worden, \
                      teilten die Gewerkschaften am Montag mit. Die ersten Schiffe wurden entladen.";
        let l = PageLanguage::choose(None, || german.to_owned());
        assert_eq!(l.tag.as_deref(), Some("de"));
        assert!(matches!(l.source, LanguageSource::Detected(_)));
        let l = PageLanguage::choose(None, || "ok".to_owned());
        assert_eq!(l.source, LanguageSource::Unknown);
    }

    #[test]
    fn samples_skip_scripts_and_menu_entries() {
        let dom = Dom::parse(
            "<body><script>var x = 'a long script string that is not text';</script>\
             <a>Home</a><p>Una frase bastante larga para que cuente como texto.</p></body>",
        );
        let s = sample_dom(&dom);
        assert!(s.starts_with("Una frase"), "{s}");
    }
}
