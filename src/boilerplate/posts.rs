//! Post headers of a forum thread: each post's poster name and date.
//!
//! Byline rules take a page's author and date lines, which belong in
//! metadata. A thread is not one author's text: every post opens with who
//! wrote it and when, and that header is part of the conversation a reader
//! follows. After content selection, when the selected body holds several
//! dated post headers among its removals, the poster names and post dates
//! inside those removals are put back at their place (a profile link's name,
//! a date line), while ranks, join dates and counters stay removed.

use crate::blocks::TextBlock;
use crate::document::{BlockKind, Removal};
use crate::parse::{Dom, NodeKind, Tag};
use crate::rules::compiled::CompiledRules;
use crate::rules::structure::{POSTER_NAME_RULES, PROFILE_LINK_HREFS};
use regex::Regex;
use std::sync::LazyLock;

/// A removal longer than this (chars) is not one post's header: a sidebar
/// or a profile card is not searched for names and dates.
const HEADER_MAX_CHARS: usize = 200;

/// A name or date piece is at most this long (chars).
const PIECE_MAX_CHARS: usize = 60;

/// A body with fewer dated post headers (and fewer links to posters'
/// profiles) than this is an article with a byline or two (its date is
/// metadata), or a listing of dated cards, not a thread.
const THREAD_MIN_DATED_HEADERS: usize = 3;

/// A poster name has at most this many words ("Chris Hall", "Outer
/// Armatonisdaristan").
const NAME_MAX_WORDS: usize = 3;

/// How many levels up from a removal a definition list makes it one of the
/// poster's profile fields (`<dl><dt>Joined</dt><dd><span>date`).
const PROFILE_FIELD_DEPTH: usize = 3;

/// How many levels above a removed name its profile link may be (a
/// `<strong>` or `<span>` inside the `<a>`).
const LINK_ANCESTOR_DEPTH: usize = 3;

/// A poster name has at least this many chars: one letter is an avatar.
const NAME_MIN_CHARS: usize = 2;

/// The phrase rule recognising a bare date line.
const DATE_RULE: &str = "dateline-bare-date";

/// What may stand around a post's date in its header: a post number, a
/// "Posted" label, a share counter.
static DATE_AFFIXES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:#\d{1,6}\s+)?((?i:posted(?:\s+on)?\s*:?\s*)?(.+?))(?:\s+(?:#\d{1,6}|\d{1,3}|(?i:post)\s+#\d{1,6}(?:\s+of\s+\d{1,6})?))?$",
    )
    .expect("valid regex")
});

/// `text` without its post number, if it is a post's date (with the
/// affixes headers print around it).
fn post_date(text: &str, date: &Regex) -> Option<String> {
    let text = text.trim().trim_end_matches([',', ':']);
    if text.chars().count() > PIECE_MAX_CHARS {
        return None;
    }
    let c = DATE_AFFIXES.captures(text)?;
    let d = c.get(2)?.as_str().trim_end_matches(',');
    (date.is_match(d) && !names_another_event(d)).then(|| {
        c.get(1)
            .map_or("", |m| m.as_str())
            .trim_end_matches(',')
            .to_owned()
    })
}

/// Month and weekday names (English) that may open a post's date.
static WEEKDAY_OR_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
        .expect("valid regex")
});

/// Whether the date opens with a word that is no weekday or month
/// ("asked", "edited", "Joined"): it dates something else than the post.
fn names_another_event(date: &str) -> bool {
    date.split_whitespace().next().is_some_and(|w| {
        let w = w.trim_end_matches(['.', ',']);
        w.chars().all(char::is_alphabetic) && !WEEKDAY_OR_MONTH.is_match(w)
    })
}

/// The poster name `text` is, trimmed, if it looks like one: a few words,
/// no sentence, no digits alone.
fn as_name(text: &str) -> Option<&str> {
    let name = text.trim().trim_end_matches([',', ':']).trim();
    let words = name.split_whitespace().count();
    // A dot is a username's ("b.scherer"), not a sentence's, in one word.
    let ok = (1..=NAME_MAX_WORDS).contains(&words)
        && name.chars().count() <= PIECE_MAX_CHARS / 2
        // A counter ("27 posts", "12.9k") or an avatar's initial is no name.
        && name.chars().next().is_some_and(char::is_alphabetic)
        && name.chars().count() >= NAME_MIN_CHARS
        && !name.contains(['!', '?', ',', ':', ';'])
        && (words == 1 || !name.contains('.'));
    ok.then_some(name)
}

/// Whether element `i` links to a member's profile page.
fn is_profile_link(dom: &Dom, i: usize) -> bool {
    dom.tag(i) == Some(Tag::A)
        && dom
            .attr(i, "href")
            .is_some_and(|h| PROFILE_LINK_HREFS.iter().any(|p| h.contains(p)))
}

/// The collapsed text of the subtree at `i`.
fn text_of(dom: &Dom, i: usize) -> String {
    let mut out = String::new();
    for j in i..dom.end(i) {
        if dom.text(j).is_some() {
            // Header pieces sit in separate elements ("name" "rank"): a
            // space between text nodes keeps them apart.
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            dom.push_collapsed_text(j, &mut out);
        }
    }
    out.trim().to_owned()
}

/// One piece of a post header found in a removal.
struct Piece {
    /// Where it sits (for document order).
    at: usize,
    text: String,
    is_date: bool,
    /// It is the removal's whole text: the log entry goes.
    whole: bool,
}

/// The header pieces inside the removal `r` at node `at`.
fn pieces(dom: &Dom, at: usize, r: &Removal, rules: &CompiledRules, date: &Regex) -> Vec<Piece> {
    let whole = |text: &str, is_date| Piece {
        at,
        text: text.trim().trim_end_matches(',').to_owned(),
        is_date,
        whole: true,
    };
    let is_element = matches!(dom.kind(at), NodeKind::Element(_));
    let in_profile_fields = std::iter::once(at)
        .chain(dom.ancestors(at))
        .take(PROFILE_FIELD_DEPTH)
        .any(|a| dom.tag(a) == Some(Tag::Dl));
    if in_profile_fields {
        return Vec::new();
    }
    if let Some(text) = post_date(&r.text, date) {
        return vec![whole(&text, true)];
    }
    if let Some(name) = as_name(&r.text) {
        // The name is the link, or inside it, or holds it.
        let linked = std::iter::once(at)
            .chain(dom.ancestors(at))
            .take(LINK_ANCESTOR_DEPTH)
            .any(|a| is_profile_link(dom, a))
            || (is_element && (at..dom.end(at)).any(|j| is_profile_link(dom, j)));
        if linked || POSTER_NAME_RULES.contains(&r.rule.as_str()) {
            return vec![whole(name, false)];
        }
    }
    if !is_element || r.text.chars().count() > HEADER_MAX_CHARS {
        return Vec::new();
    }
    // Search the header's elements, outermost first; a profile field
    // ("Joined Feb 16, 2015") is skipped whole.
    let mut found = Vec::new();
    let mut j = at + 1;
    while j < dom.end(at) {
        if !matches!(dom.kind(j), NodeKind::Element(_)) {
            j += 1;
            continue;
        }
        let text = text_of(dom, j);
        // A definition list in a header is the poster's profile fields
        // (joined, messages, points), its labels often icons.
        if text.is_empty() || dom.tag(j) == Some(Tag::Dl) {
            j = dom.end(j);
            continue;
        }
        if is_profile_link(dom, j) {
            if let Some(name) = as_name(&text) {
                found.push(Piece {
                    at: j,
                    text: name.to_owned(),
                    is_date: false,
                    whole: false,
                });
                j = dom.end(j);
                continue;
            }
        }
        if let Some(text) = post_date(&text, date) {
            found.push(Piece {
                at: j,
                text,
                is_date: true,
                whole: false,
            });
            j = dom.end(j);
            continue;
        }
        // Any other line a rule knows (a rank, a counter) goes whole.
        let skip = rules.classify_text(&text).is_some();
        j = if skip { dom.end(j) } else { j + 1 };
    }
    // One name per header: an avatar's link repeats the name beside it.
    let mut seen_name = false;
    found.retain(|p| p.is_date || !std::mem::replace(&mut seen_name, true));
    found
}

/// Puts the post headers of a thread back into `blocks` (the body selected
/// at `root`, in document order) and takes their entries out of `log`.
/// Nothing changes unless the body holds [`THREAD_MIN_DATED_HEADERS`]
/// removals with a post date.
pub fn restore_headers(
    dom: &Dom,
    root: usize,
    blocks: &mut Vec<TextBlock>,
    log: &mut Vec<(usize, Removal)>,
    rules: &CompiledRules,
) {
    let Some(date) = rules.phrase_regex(DATE_RULE) else {
        return;
    };
    if root >= dom.len() {
        return;
    }
    let mut found: Vec<(usize, Vec<Piece>)> = Vec::new();
    for (k, (at, r)) in log.iter().enumerate() {
        // The root itself: entries of a `<noscript>` copy all sit there.
        if *at == root || !dom.contains(root, *at) {
            continue;
        }
        let p = pieces(dom, *at, r, rules, date);
        if !p.is_empty() {
            found.push((k, p));
        }
    }
    let dated = found
        .iter()
        .filter(|(_, p)| p.iter().any(|p| p.is_date))
        .count();
    // Cards of a listing carry dates too, but no links to their posters'
    // profiles.
    let named = (root..dom.end(root))
        .filter(|&i| is_profile_link(dom, i))
        .count();
    if dated < THREAD_MIN_DATED_HEADERS || named < THREAD_MIN_DATED_HEADERS {
        return;
    }
    let mut gone = vec![false; log.len()];
    for (k, ps) in found {
        for p in ps {
            gone[k] |= p.whole;
            let chars = p.text.chars().count();
            let block = TextBlock {
                owner: p.at,
                start: p.at,
                stop: p.at + 1,
                kind: BlockKind::Paragraph,
                text: p.text,
                chars,
                link_chars: 0,
                lead_link_chars: 0,
            };
            let place = blocks.partition_point(|b| b.start <= block.start);
            blocks.insert(place, block);
        }
    }
    let mut k = 0;
    log.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Metadata;
    use crate::rules::compiled::builtin;

    fn clean(html: &str) -> Vec<String> {
        let dom = Dom::parse(html);
        let rules = builtin();
        let mut pruned = crate::boilerplate::prune(&dom, &Metadata::default(), rules);
        let tuning = crate::cleaner::Favor::Balanced.tuning();
        let (main, outside) = crate::select::select(&dom, &pruned, tuning);
        pruned.log.extend(outside);
        let main = main.expect("a body");
        let mut blocks = main.blocks;
        restore_headers(&dom, main.root, &mut blocks, &mut pruned.log, rules);
        blocks.into_iter().map(|b| b.text).collect()
    }

    const PROSE: &str = "I have tried every setting in the panel and the device still drops off the network after a few minutes, which makes it useless for the automations I had planned.";

    fn post(name: &str, date: &str) -> String {
        format!(
            r#"<article class="post"><div class="post-meta"><a class="username" href="/u/{name}">{name}</a>
            <span class="member-title">Well-known member</span><dl><dt>Joined</dt><dd>Feb 16, 2015</dd></dl>
            <span class="post-date">{date}</span></div><div class="cooked"><p>{PROSE}</p></div></article>"#
        )
    }

    #[test]
    fn a_thread_keeps_each_posts_poster_name_and_date_not_the_profile_fields() {
        let html = format!(
            "<html><body><main>{}{}{}</main></body></html>",
            post("DaleJack", "September 5, 2024, 11:15pm"),
            post("raoul", "Sep 6, 2024"),
            post("DaleJack", "Posted March 19, 2024")
        );
        let texts = clean(&html);
        let joined = texts.join("\n");
        for piece in [
            "DaleJack",
            "September 5, 2024, 11:15pm",
            "raoul",
            "Sep 6, 2024",
            "Posted March 19, 2024",
        ] {
            assert!(joined.contains(piece), "{piece} missing from {texts:?}");
        }
        assert!(!joined.contains("Well-known member"), "{texts:?}");
        assert!(!joined.contains("Feb 16, 2015"), "{texts:?}");
        // Each header precedes its post.
        let name = texts.iter().position(|t| t == "raoul").expect("name");
        assert!(texts[name + 2].starts_with("I have tried"), "{texts:?}");
    }

    #[test]
    fn a_thread_read_from_its_noscript_copy_keeps_its_post_headers() {
        // Forum software renders the thread with scripts; readers without
        // them get the same posts inside <noscript>.
        let posts: String = [("DaleJack", "Sep 5, 2024"), ("raoul", "Sep 6, 2024")]
            .iter()
            .cycle()
            .take(6)
            .map(|(n, d)| post(n, d))
            .collect();
        let html = format!(
            "<html><body><div id=app></div><noscript><div id=posts>{posts}</div></noscript></body></html>"
        );
        let doc = crate::Cleaner::new().clean(html.as_bytes()).expect("clean");
        assert!(
            doc.text.contains("I have tried every setting"),
            "{}",
            doc.text
        );
        for piece in ["DaleJack", "raoul", "Sep 5, 2024", "Sep 6, 2024"] {
            assert!(doc.text.contains(piece), "{piece} missing: {}", doc.text);
        }
        assert!(!doc.text.contains("Well-known member"), "{}", doc.text);
    }

    #[test]
    fn an_article_keeps_its_byline_and_date_out() {
        let html = format!(
            r#"<html><body><article><div class="byline"><a href="/author/jane">Jane Doe</a> <span class="date">March 3, 2024</span></div>
            <p>{PROSE}</p><p>{PROSE}</p></article></body></html>"#
        );
        let texts = clean(&html);
        assert!(
            !texts
                .iter()
                .any(|t| t.contains("March 3, 2024") || t == "Jane Doe"),
            "{texts:?}"
        );
    }

    #[test]
    fn post_dates_take_their_headers_affixes() {
        let rules = builtin();
        let date = rules.phrase_regex(DATE_RULE).expect("rule");
        assert_eq!(
            post_date("#3 Aug 2, 2025", date).as_deref(),
            Some("Aug 2, 2025")
        );
        assert_eq!(
            post_date("11-29-2024, 09:03 AM #1", date).as_deref(),
            Some("11-29-2024, 09:03 AM")
        );
        for yes in [
            "Jul 5, 2024",
            "#3 Aug 2, 2025",
            "Posted March 19, 2024",
            "Sun Dec 17, 2023 11:23 am",
            "11-29-2024, 09:03 AM #1",
            "30th March 2025, 16:26",
        ] {
            assert!(post_date(yes, date).is_some(), "{yes}");
        }
        for no in [
            "Joined Feb 16, 2015 Posts 6,696",
            "Joined Oct 28, 2023",
            "asked Feb 4, 2014 at 13:02",
            "I posted it on May 3, 2024 and waited",
        ] {
            assert!(post_date(no, date).is_none(), "{no}");
        }
    }
}
