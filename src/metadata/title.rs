//! Title cleanup: site-name affixes and the `<h1>` check.
//!
//! Input: the raw title that won the precedence table, the known site names
//! (og:site_name, JSON-LD publisher, application-name, the host name) and
//! the texts of the page's `<h1>` elements. Output: the headline without
//! " | Site", " - Site", "Site: " affixes, in the h1's wording when the h1
//! is the same headline. Invariants: only whole separator-delimited parts
//! are removed, never the whole title; char-safe.

use super::text::visible_text;
use crate::parse::{Dom, Tag};

/// Separators between a headline and a site name, tried in this order.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " // ", " / ", " « ", " » ", ": ",
];
/// Most `<h1>` elements looked at.
const MAX_H1: usize = 8;
/// Longest h1 text considered a headline.
const MAX_H1_CHARS: usize = 300;
/// A contained h1 replaces the title only when it covers this share of it
/// (a logo h1 "Daily News" must not replace "Port strike ends | Daily News").
const MIN_H1_SHARE: f64 = 0.6;
/// An h1 that rewords the title is taken when this share of the shorter
/// one's words appear in both.
const MIN_SHARED_WORDS: f64 = 0.4;
/// ...and it has at least this many words (a one-word h1 is a section name).
const MIN_H1_WORDS: usize = 2;
/// A title found inside a longer h1 must be at least this long (in
/// normalised chars) to be the headline rather than a word of it.
const MIN_CONTAINED_CHARS: usize = 12;
/// Generic suffix removal without a known site name: the suffix has at most
/// this many words...
const MAX_SITE_WORDS: usize = 4;

/// Texts of the page's first `<h1>` elements.
pub(crate) fn h1_texts(dom: &Dom) -> Vec<String> {
    dom.elements(Tag::H1)
        .take(MAX_H1)
        .map(|i| visible_text(dom, i, MAX_H1_CHARS + 1))
        .filter(|t| !t.is_empty() && t.chars().count() <= MAX_H1_CHARS)
        .collect()
}

/// Lower-case letters and digits only, for fuzzy comparison.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The host's distinctive labels: `www.dailynews.co.uk` → `["dailynews"]`.
pub(crate) fn host_names(url: &str) -> Vec<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    let mut keep = labels.len().saturating_sub(1);
    // co.uk, com.au: drop a short second-level label too.
    if keep >= 2
        && labels.get(keep - 1).is_some_and(|l| {
            matches!(
                *l,
                "co" | "com" | "org" | "net" | "gov" | "ac" | "edu" | "ne" | "or" | "gv"
            )
        })
    {
        keep -= 1;
    }
    labels
        .iter()
        .take(keep)
        .filter(|l| !matches!(**l, "www" | "m" | "amp" | "mobile" | "edition" | "news"))
        .map(|l| norm(l))
        .filter(|l| l.len() >= 3)
        .collect()
}

fn is_site(part: &str, sites: &[String], hosts: &[String]) -> bool {
    let p = norm(part);
    if p.is_empty() {
        return false;
    }
    sites
        .iter()
        .map(|s| norm(s))
        .filter(|s| !s.is_empty())
        .any(|s| {
            s == p
                || (p.len() >= 4 && s.contains(&p))
                || (s.len() >= 4 && p.contains(&s) && p.len() <= s.len() + 12)
        })
        || hosts.iter().any(|h| {
            p == *h
                || p.starts_with(h.as_str()) && p.len() <= h.len() + 4
                || (p.len() >= 4 && h.contains(&p))
        })
}

/// Removes site-name prefixes and suffixes from `raw`.
pub(crate) fn strip_site(raw: &str, sites: &[String], hosts: &[String]) -> String {
    let mut title = raw.trim().to_owned();
    for _ in 0..3 {
        let before = title.clone();
        for sep in SEPARATORS {
            if let Some((left, right)) = title.rsplit_once(sep) {
                if !left.trim().is_empty() && is_site(right, sites, hosts) {
                    title = left.trim().to_owned();
                    break;
                }
            }
            if let Some((left, right)) = title.split_once(sep) {
                if !right.trim().is_empty() && is_site(left, sites, hosts) {
                    title = right.trim().to_owned();
                    break;
                }
            }
        }
        if title == before {
            break;
        }
    }
    // "davidbau.com Vibe Coding": a bare host name as first or last word.
    if title == raw.trim() && !hosts.is_empty() {
        let words: Vec<&str> = title.split_whitespace().collect();
        let host_word =
            |w: &str| w.contains('.') && hosts.iter().any(|h| norm(w).starts_with(h.as_str()));
        if words.len() >= 3 {
            if words.first().is_some_and(|w| host_word(w)) {
                title = words[1..].join(" ");
            } else if words.last().is_some_and(|w| host_word(w)) {
                title = words[..words.len() - 1].join(" ");
            }
        }
    }
    // No site name matched: a short " | Something" tail after a longer
    // headline is a site or section name in practice.
    if title == raw.trim() {
        if let Some((left, right)) = title.rsplit_once(" | ") {
            let rw = right.split_whitespace().count();
            let lw = left.split_whitespace().count();
            if rw <= MAX_SITE_WORDS && lw >= 2 * rw.max(1) {
                title = left.trim().to_owned();
            }
        }
    }
    title
}

/// Final title: affixes stripped, in the h1's wording when an h1 is the same
/// headline. `raw` is the winner of the precedence table; `others` are the
/// remaining title candidates (og:title, `<title>`, ...), in precedence order.
pub(crate) fn finish(
    raw: &str,
    others: &[String],
    sites: &[String],
    hosts: &[String],
    h1s: &[String],
) -> String {
    let stripped = strip_site(raw, sites, hosts);
    let h1s: Vec<&String> = h1s
        .iter()
        .filter(|h| !norm(h).is_empty() && !is_site(h, sites, hosts))
        .collect();
    // The chosen title first, then the others: an h1 confirmed by any of them
    // is the visible headline (a JSON-LD "headline" on a product page is not).
    for candidate in std::iter::once(raw).chain(others.iter().map(String::as_str)) {
        let cand_stripped = strip_site(candidate, sites, hosts);
        for h1 in &h1s {
            let nh = norm(h1);
            let nc = norm(&cand_stripped);
            // An h1 holding the title plus a kicker ("Election 2024: ...")
            // or a styled-uppercase h1: the title's wording is the headline.
            if nh != nc && nh.contains(&nc) && nc.len() >= MIN_CONTAINED_CHARS {
                return cand_stripped;
            }
            if nh == nc && is_shouting(h1) && !is_shouting(&cand_stripped) {
                return cand_stripped;
            }
            if same_headline(h1, candidate, &cand_stripped) {
                return (*h1).clone();
            }
        }
    }
    stripped
}

/// All cased letters upper case (CSS `text-transform` copied into the DOM).
fn is_shouting(s: &str) -> bool {
    s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
}

/// Whether `h1` is the headline of a title: equal after stripping, equal to
/// one separator-delimited segment, mostly contained, or sharing most words.
fn same_headline(h1: &str, raw: &str, stripped: &str) -> bool {
    let nh = norm(h1);
    let ns = norm(stripped);
    if nh == ns {
        return true;
    }
    let is_segment = SEPARATORS
        .iter()
        .any(|sep| raw.split(sep).any(|seg| norm(seg) == nh));
    if is_segment {
        return true;
    }
    if norm(raw).contains(&nh) && nh.len() as f64 >= MIN_H1_SHARE * ns.len() as f64 {
        return true;
    }
    // The visible headline often rewords the SEO title; when they share most
    // words it is the same story and the h1 is what readers see.
    let title_words = words(stripped);
    let h1_words = words(h1);
    if h1_words.len() < MIN_H1_WORDS {
        return false;
    }
    let shared = h1_words.iter().filter(|w| title_words.contains(w)).count();
    let smaller = h1_words.len().min(title_words.len()).max(1);
    shared as f64 >= MIN_SHARED_WORDS * smaller as f64
}

/// Lower-case words of at least two chars (CJK runs count as one word each char).
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in s.split(|c: char| !c.is_alphanumeric()) {
        if w.chars().any(is_cjk) {
            out.extend(w.chars().map(|c| c.to_string()));
        } else if w.chars().count() >= 2 {
            out.push(w.to_lowercase());
        }
    }
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn strips_site_suffixes_and_prefixes() {
        let sites = s(&["Daily News"]);
        assert_eq!(
            strip_site("Port strike ends | Daily News", &sites, &[]),
            "Port strike ends"
        );
        assert_eq!(
            strip_site("Daily News - Port strike ends", &sites, &[]),
            "Port strike ends"
        );
        assert_eq!(
            strip_site("Port strike ends — Daily News", &sites, &[]),
            "Port strike ends"
        );
        assert_eq!(
            strip_site(
                "Port strike ends | World | DailyNews.com",
                &[],
                &host_names("https://www.dailynews.com/a")
            ),
            "Port strike ends | World"
        );
        // A real colon title is kept.
        assert_eq!(
            strip_site("Brexit: what happens next", &sites, &[]),
            "Brexit: what happens next"
        );
        assert_eq!(strip_site("Daily News", &sites, &[]), "Daily News");
    }

    #[test]
    fn generic_pipe_suffix() {
        assert_eq!(
            strip_site("Port strike ends after three weeks | Daily News", &[], &[]),
            "Port strike ends after three weeks"
        );
    }

    #[test]
    fn h1_wording_preferred() {
        let h1 = s(&["Daily News", "Port Strike Ends"]);
        assert_eq!(
            finish(
                "Port strike ends | Daily News",
                &[],
                &s(&["Daily News"]),
                &[],
                &h1
            ),
            "Port Strike Ends"
        );
        assert_eq!(
            finish("Port strike ends", &[], &[], &[], &s(&["Daily News"])),
            "Port strike ends"
        );
        // A JSON-LD headline unrelated to the page is outvoted by og:title + h1.
        assert_eq!(
            finish(
                "COMMON QUESTIONS",
                &s(&["Beard Oil"]),
                &[],
                &[],
                &s(&["Beard Oil"])
            ),
            "Beard Oil"
        );
        assert_eq!(
            finish(
                "News | National Student Support Accelerator",
                &[],
                &[],
                &[],
                &s(&["News"])
            ),
            "News"
        );
    }

    #[test]
    fn host_labels() {
        assert_eq!(host_names("https://www.bbc.co.uk/news/x"), ["bbc"]);
        assert_eq!(host_names("https://edition.cnn.com/x"), ["cnn"]);
    }
}
