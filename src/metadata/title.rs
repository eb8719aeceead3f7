//! Title cleanup: site-name affixes and the `<h1>` check.
//!
//! Input: the raw title that won the precedence table, the known site names
//! (og:site_name, JSON-LD publisher, application-name, the host name) and
//! the texts of the page's `<h1>` elements. Output: the headline without
//! " | Site", " - Site", "Site: " affixes, in the h1's wording when the h1
//! is the same headline. Invariants: only whole separator-delimited parts
//! are removed, never the whole title; char-safe.

use super::text::{clean, visible_text};
use crate::parse::{Dom, Tag};

/// Separators between a headline and a site name, tried in this order.
/// (`ㅣ`, a Hangul letter, is the bar of Korean titles, written with or
/// without spaces: "헤드라인-정치ㅣ한국일보".)
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " // ", " / ", " « ", " » ", " ㅣ ", "ㅣ",
    ": ",
];
/// Separators a generic short tail may follow in a `<title>` when no site
/// name is known (not ": ", which starts a headline's second half far more
/// often).
const TAIL_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " // ", " / ", " » ", " ㅣ ", "ㅣ",
];
/// The same for headlines written for sharing (og:title, JSON-LD): only
/// bars, as dashes there join a headline's two halves ("Brand in Lichterfelde
/// – Starke Rauchentwicklung").
const BAR_SEPARATORS: &[&str] = &[" | ", " ㅣ ", "ㅣ"];

/// A title candidate: its text and whether it is the `<title>` element.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// The raw text.
    pub text: String,
    /// From `<title>`, where site and section names follow the headline after any separator.
    pub document_title: bool,
}

impl Candidate {
    fn tail_separators(&self) -> &'static [&'static str] {
        if self.document_title {
            TAIL_SEPARATORS
        } else {
            BAR_SEPARATORS
        }
    }
}
/// How many affixes are stripped at most ("Headline / Board / Forum Name").
const MAX_AFFIXES: usize = 3;
/// Anchor glyphs documentation generators put at the end of headings
/// ("Quickstart¶"), never part of a title.
const HEADING_ANCHORS: &[char] = &['¶', '§', '#', '🔗', '⚓'];
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
/// A title's last segment taken for a logo h1 has at least this many
/// normalised chars (a two-letter tail matches too many h1s by chance).
const MIN_SITE_CHARS: usize = 4;
/// ...and the logo h1 adds at most this many (a "beta" or "Blog" badge).
const MAX_LOGO_EXTRA_CHARS: usize = 8;

/// Texts of the page's first `<h1>` elements.
pub(crate) fn h1_texts(dom: &Dom) -> Vec<String> {
    dom.elements(Tag::H1)
        .take(MAX_H1)
        .map(|i| without_anchor(&clean(&visible_text(dom, i, MAX_H1_CHARS + 1))).to_owned())
        .filter(|t| !t.is_empty() && t.chars().count() <= MAX_H1_CHARS)
        .collect()
}

/// `text` without a trailing heading anchor glyph.
fn without_anchor(text: &str) -> &str {
    text.trim_end_matches(|c: char| HEADING_ANCHORS.contains(&c) || c.is_whitespace())
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

/// Whether `name` is the site's own name (an author credit naming the
/// publication): equal to a known site name or to the host's name.
pub(crate) fn is_site_name(name: &str, sites: &[String], hosts: &[String]) -> bool {
    let n = norm(name);
    !n.is_empty()
        && (sites.iter().any(|s| norm(s) == n)
            || hosts
                .iter()
                .any(|h| n == *h || (n.len() >= MIN_SITE_CHARS && h.starts_with(&n))))
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

/// Removes site-name prefixes and suffixes from `raw`; without a known site
/// name, short tails after one of `separators`.
pub(crate) fn strip_site(
    raw: &str,
    sites: &[String],
    hosts: &[String],
    separators: &[&str],
) -> String {
    let mut title = raw.trim().to_owned();
    for _ in 0..3 {
        let before = title.clone();
        for sep in SEPARATORS {
            if let Some((left, right)) = title.rsplit_once(sep) {
                if !left.trim().is_empty() && is_site(right, sites, hosts) {
                    title = left.trim().to_owned();
                    if *sep == "ㅣ" {
                        title = without_glued_section(&title).to_owned();
                    }
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
    // No site name matched: a short tail after a longer headline is a site,
    // section or board name in practice ("... - Raspberry Pi Forums").
    if title == raw.trim() {
        for _ in 0..MAX_AFFIXES {
            match strip_short_tail(&title, separators) {
                Some(left) => title = left,
                None => break,
            }
        }
    }
    title
}

/// Korean titles put the section before the bar without spaces
/// ("헤드라인-정치ㅣ한국일보"): the headline without "-정치".
fn without_glued_section(title: &str) -> &str {
    match title.rsplit_once('-') {
        Some((left, section))
            if !left.trim().is_empty()
                && !section.contains(char::is_whitespace)
                && section.chars().count() <= MAX_GLUED_SECTION_CHARS
                && section.chars().all(is_cjk) =>
        {
            left.trim_end()
        }
        _ => title,
    }
}

/// Longest section name glued to a Korean headline ("-정치", "-스포츠").
const MAX_GLUED_SECTION_CHARS: usize = 6;

/// `title` without a tail of at most [`MAX_SITE_WORDS`] words after a
/// separator, when the headline before it is at least twice as long. Tails
/// after a dash with a number ("March 2026", "2024 - 2025", "Part 1") belong
/// to the headline.
fn strip_short_tail(title: &str, separators: &[&str]) -> Option<String> {
    separators.iter().find_map(|sep| {
        let (left, right) = title.rsplit_once(sep)?;
        let rw = word_count(right);
        let lw = word_count(left);
        let numeric = !BAR_SEPARATORS.contains(sep)
            && right.split_whitespace().any(|w| {
                w.chars()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation())
            });
        ((1..=MAX_SITE_WORDS).contains(&rw) && lw >= 2 * rw && !numeric && !norm(right).is_empty())
            .then(|| left.trim().to_owned())
    })
}

/// Words, counting a CJK run by [`CJK_CHARS_PER_WORD`] chars per word.
fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .map(|w| {
            let cjk = w.chars().filter(|c| is_cjk(*c)).count();
            if cjk > 0 {
                cjk.div_ceil(CJK_CHARS_PER_WORD)
            } else {
                1
            }
        })
        .sum()
}

/// CJK text has no spaces: about this many chars make a word.
const CJK_CHARS_PER_WORD: usize = 2;

/// Whether `h1` is the site's name as the title's last segment ("Headline
/// | Archive of Our Own" with a logo h1 "Archive of Our Own beta"): the
/// segment starts the h1 and the headline before it is longer. (Not the
/// first segment: "Quickstart — Flask Documentation" with the h1
/// "Quickstart" is a headline first.)
fn is_title_tail(h1: &str, title: &str) -> bool {
    let nh = norm(h1);
    TAIL_SEPARATORS.iter().any(|sep| {
        title.rsplit_once(sep).is_some_and(|(left, right)| {
            let nr = norm(right);
            nr.chars().count() >= MIN_SITE_CHARS
                && nh.starts_with(&nr)
                && nh.chars().count() <= nr.chars().count() + MAX_LOGO_EXTRA_CHARS
                && word_count(left) > word_count(right)
        })
    })
}

/// Final title: affixes stripped, in the h1's wording when an h1 is the same
/// headline. `raw` is the winner of the precedence table; `others` are the
/// remaining title candidates (og:title, `<title>`, ...), in precedence order.
pub(crate) fn finish(
    raw: &Candidate,
    others: &[Candidate],
    sites: &[String],
    hosts: &[String],
    h1s: &[String],
) -> String {
    let chosen = 'choose: {
        let candidates = || std::iter::once(raw).chain(others);
        // A logo h1 that is the title's last segment names the site.
        let mut sites = sites.to_vec();
        sites.extend(
            h1s.iter()
                .filter(|h| candidates().any(|t| is_title_tail(h, &t.text)))
                .cloned(),
        );
        let sites = sites.as_slice();
        let strip = |c: &Candidate| strip_site(&c.text, sites, hosts, c.tail_separators());
        let stripped = strip(raw);
        let h1s: Vec<&String> = h1s
            .iter()
            .filter(|h| !norm(h).is_empty() && !is_site(h, sites, hosts))
            .collect();
        // The chosen title first, then the others: an h1 confirmed by any of them
        // is the visible headline (a JSON-LD "headline" on a product page is not).
        for candidate in candidates() {
            let cand_stripped = strip(candidate);
            for h1 in &h1s {
                let nh = norm(h1);
                let nc = norm(&cand_stripped);
                // An h1 holding the title plus a kicker ("Election 2024: ...")
                // or a styled-uppercase h1: the title's wording is the headline.
                if nh != nc && nh.contains(&nc) && nc.len() >= MIN_CONTAINED_CHARS {
                    // An h1 that goes on after the title's words is the
                    // full headline the title was cut from.
                    if nh.starts_with(&nc) && continues_title(h1, &nc) {
                        break 'choose (*h1).clone();
                    }
                    break 'choose cand_stripped;
                }
                if nh == nc && is_shouting(h1) && !is_shouting(&cand_stripped) {
                    break 'choose cand_stripped;
                }
                if same_headline(h1, &candidate.text, &cand_stripped) {
                    break 'choose (*h1).clone();
                }
            }
        }
        stripped
    };
    without_anchor(&chosen).to_owned()
}

/// Marks that open a site name or a label after a headline ("Title | Site",
/// "Title (site.com)"), not more of the headline.
const AFFIX_OPENERS: &[char] = &['|', '-', '–', '—', '·', '•', '(', '[', '/', '»', '&', '_'];

/// Whether `h1`, whose normalized start is `title` (normalized), goes on
/// with more words of the headline ("... Upgrades to Prevent Issues",
/// "...: Room-by-Room Breakdown"), not with a site affix.
fn continues_title(h1: &str, title: &str) -> bool {
    let mut seen = String::new();
    for (at, c) in h1.char_indices() {
        if seen == title {
            let rest = h1.get(at..).unwrap_or("").trim_start();
            return rest
                .chars()
                .next()
                .is_some_and(|c| !AFFIX_OPENERS.contains(&c));
        }
        if c.is_alphanumeric() {
            seen.extend(c.to_lowercase());
        }
    }
    false
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

    /// A `<title>` element's text.
    fn doc(t: &str) -> Candidate {
        Candidate {
            text: t.to_owned(),
            document_title: true,
        }
    }

    /// A headline from metadata.
    fn meta(t: &str) -> Candidate {
        Candidate {
            text: t.to_owned(),
            document_title: false,
        }
    }

    fn strip(raw: &str, sites: &[String], hosts: &[String]) -> String {
        strip_site(raw, sites, hosts, TAIL_SEPARATORS)
    }

    #[test]
    fn strips_site_suffixes_and_prefixes() {
        let sites = s(&["Daily News"]);
        assert_eq!(
            strip("Port strike ends | Daily News", &sites, &[]),
            "Port strike ends"
        );
        assert_eq!(
            strip("Daily News - Port strike ends", &sites, &[]),
            "Port strike ends"
        );
        assert_eq!(
            strip("Port strike ends — Daily News", &sites, &[]),
            "Port strike ends"
        );
        assert_eq!(
            strip(
                "Port strike ends | World | DailyNews.com",
                &[],
                &host_names("https://www.dailynews.com/a")
            ),
            "Port strike ends | World"
        );
        // A real colon title is kept.
        assert_eq!(
            strip("Brexit: what happens next", &sites, &[]),
            "Brexit: what happens next"
        );
        assert_eq!(strip("Daily News", &sites, &[]), "Daily News");
    }

    #[test]
    fn generic_short_tails() {
        assert_eq!(
            strip("Port strike ends after three weeks | Daily News", &[], &[]),
            "Port strike ends after three weeks"
        );
        assert_eq!(
            strip("Lorem ipsum dolor sit amet – My website", &[], &[]),
            "Lorem ipsum dolor sit amet"
        );
        assert_eq!(
            strip(
                "What happened with the ISO in 2024 / Arch Discussion / Arch Linux Forums",
                &[],
                &[]
            ),
            "What happened with the ISO in 2024"
        );
        // A tail as long as the headline is the headline's second half.
        assert_eq!(
            strip("Ukraine - live updates", &[], &[]),
            "Ukraine - live updates"
        );
        // Korean titles: section and site after the Hangul bar.
        assert_eq!(
            strip(
                "장동혁, 한동훈 제명했지만 부담 커졌다ㅣ한국일보",
                &s(&["한국일보"]),
                &[]
            ),
            "장동혁, 한동훈 제명했지만 부담 커졌다"
        );
        assert_eq!(
            strip(
                "제명했지만 부담 커졌다-정치ㅣ한국일보",
                &s(&["한국일보"]),
                &[]
            ),
            "제명했지만 부담 커졌다"
        );
    }

    #[test]
    fn metadata_headlines_keep_their_dashes() {
        let h = "Brand in Betrieb in Lichterfelde – Starke Rauchentwicklung";
        assert_eq!(finish(&meta(h), &[], &[], &[], &[]), h);
        assert_eq!(
            finish(
                &doc("Turning off all LEDs of a board - Raspberry Forums"),
                &[],
                &[],
                &[],
                &[]
            ),
            "Turning off all LEDs of a board"
        );
        // A number in the tail is the headline's ("March 2026", "Part 2").
        assert_eq!(
            strip("The best cheap earbuds under $50 - March 2026", &[], &[]),
            "The best cheap earbuds under $50 - March 2026"
        );
    }

    #[test]
    fn h1_going_on_after_a_cut_title_is_the_headline() {
        let h1 = "Plumbing Maintenance Tips: 11 Best Practices to Prevent Issues";
        assert_eq!(
            finish(
                &meta("Plumbing Maintenance Tips: 11 Best Practices"),
                &[],
                &[],
                &[],
                &s(&[h1])
            ),
            h1
        );
        // A site affix after the title's words is not more headline.
        assert_eq!(
            finish(
                &meta("Vehicle rental news and coverage"),
                &[],
                &[],
                &[],
                &s(&["Vehicle rental news and coverage | Channel 5"])
            ),
            "Vehicle rental news and coverage"
        );
    }

    #[test]
    fn logo_h1_and_heading_anchors() {
        // The h1 is the site's logo, the title's last segment.
        assert_eq!(
            finish(
                &doc("Conversations with a Cryptid - Chapter 1 | Archive of Our Own"),
                &[],
                &[],
                &[],
                &s(&["Archive of Our Own beta"])
            ),
            "Conversations with a Cryptid - Chapter 1"
        );

        assert_eq!(
            finish(
                &doc("Quickstart — Requests"),
                &[],
                &s(&["Requests"]),
                &[],
                &s(&["Quickstart¶"])
            ),
            "Quickstart"
        );
    }

    #[test]
    fn h1_wording_preferred() {
        let h1 = s(&["Daily News", "Port Strike Ends"]);
        assert_eq!(
            finish(
                &meta("Port strike ends | Daily News"),
                &[],
                &s(&["Daily News"]),
                &[],
                &h1
            ),
            "Port Strike Ends"
        );
        assert_eq!(
            finish(
                &meta("Port strike ends"),
                &[],
                &[],
                &[],
                &s(&["Daily News"])
            ),
            "Port strike ends"
        );
        // A JSON-LD headline unrelated to the page is outvoted by og:title + h1.
        assert_eq!(
            finish(
                &meta("COMMON QUESTIONS"),
                &[meta("Beard Oil")],
                &[],
                &[],
                &s(&["Beard Oil"])
            ),
            "Beard Oil"
        );
        assert_eq!(
            finish(
                &meta("News | National Student Support Accelerator"),
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
