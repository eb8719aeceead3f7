//! Date normalisation and the date sources that need the DOM.
//!
//! Input: a date as a page writes it (ISO 8601, RFC 2822, "March 25, 2024",
//! "25. März 2024", "25 de marzo de 2024", "25.03.2024", ...), or the DOM for
//! `<time datetime>` elements, date-classed blocks and the URL path.
//! Output: ISO 8601, `2024-03-25`, or `2024-03-25T10:00:00+00:00` when the
//! time and zone are known (`2024-03-25T10:00:00` when only the time is).
//! Invariants: dates before 1995 or more than two days in the future (by the
//! system clock) are rejected; never panics; regexes are compiled once.

use std::sync::LazyLock;
use std::time::{SystemTime, UNIX_EPOCH};

use regex::Regex;

use super::text::{spaced_text, visible_text};
use super::{Candidates, Field, Source};
use crate::parse::{Dom, NodeKind, Tag};

/// Earliest year accepted: the web before it held almost no dated articles,
/// and older "dates" on pages are usually copyright lines or historic events.
const MIN_YEAR: i32 = 1995;
/// Clock skew and time zones: a page may be dated "tomorrow" where it was written.
const MAX_DAYS_AHEAD: i64 = 2;
/// Longer texts are prose, not a date line.
const MAX_DATE_TEXT_CHARS: usize = 120;

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+|T\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{1,2}|UTC|GMT)?)?",
    )
    .expect("valid regex")
});
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2})(?::|h)(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*(a\.?m\.?|p\.?m\.?)(?:\W|$))?(?:\s*(?:uhr|h)\b)?(?:\s*(Z\b|(?:UTC|GMT)\s*[+-]\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|UTC\b|GMT\b|[ECMP][SD]T\b|CEST\b|CET\b|BST\b|MSK\b|JST\b|IST\b|AEST\b))?",
    )
    .expect("valid regex")
});
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,4})([./-])(\d{1,2})([./-])(\d{2,4})\b").expect("valid regex")
});
static CJK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日").expect("valid regex")
});
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|-|_|$)")
        .expect("valid regex")
});

/// Month names and abbreviations, lower case, by language; matched as whole words.
const MONTHS: &[(&str, u32)] = &[
    // English
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("jän", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mär", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("okt", 10),
    ("dezember", 12),
    ("dez", 12),
    // French
    ("janvier", 1),
    ("janv", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    // Spanish
    ("enero", 1),
    ("ene", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("abr", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("dic", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("ott", 10),
    ("dicembre", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("out", 10),
    ("dezembro", 12),
    // Russian (genitive and nominative)
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("январь", 1),
    ("февраль", 2),
    ("март", 3),
    ("апрель", 4),
    ("май", 5),
    ("июнь", 6),
    ("июль", 7),
    ("август", 8),
    ("сентябрь", 9),
    ("октябрь", 10),
    ("ноябрь", 11),
    ("декабрь", 12),
    // Polish (genitive)
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
];

/// Named time zones seen in bylines, as minutes east of UTC.
const ZONES: &[(&str, i32)] = &[
    ("z", 0),
    ("utc", 0),
    ("gmt", 0),
    ("est", -300),
    ("edt", -240),
    ("cst", -360),
    ("cdt", -300),
    ("mst", -420),
    ("mdt", -360),
    ("pst", -480),
    ("pdt", -420),
    ("cet", 60),
    ("cest", 120),
    ("bst", 60),
    ("msk", 180),
    ("jst", 540),
    ("ist", 330),
    ("aest", 600),
];

/// Whether `word` (punctuation ignored) is a month name or abbreviation.
pub(crate) fn is_month_name(word: &str) -> bool {
    let w: String = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    MONTHS.iter().any(|(name, _)| *name == w)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Time {
    hour: u32,
    minute: u32,
    second: u32,
    /// Minutes east of UTC, when known.
    offset: Option<i32>,
}

/// Normalises a date string to ISO 8601, or `None` when it holds no
/// plausible full date (year, month and day).
///
/// ```
/// use deboiler::metadata::normalize_date;
/// assert_eq!(normalize_date("25. März 2024").as_deref(), Some("2024-03-25"));
/// assert_eq!(normalize_date("2024-03-25T10:00:00Z").as_deref(), Some("2024-03-25T10:00:00+00:00"));
/// ```
pub fn normalize_date(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > MAX_DATE_TEXT_CHARS {
        return None;
    }
    let (y, m, d, time) = parse_parts(text)?;
    if !valid_day(y, m, d) || y < MIN_YEAR || days_from_civil(y, m, d) > today() + MAX_DAYS_AHEAD {
        return None;
    }
    Some(format_iso(y, m, d, time))
}

fn parse_parts(text: &str) -> Option<(i32, u32, u32, Option<Time>)> {
    if let Some(c) = ISO.captures(text) {
        let y = c.get(1)?.as_str().parse().ok()?;
        let m = c.get(2)?.as_str().parse().ok()?;
        let d = c.get(3)?.as_str().parse().ok()?;
        let time = match (c.get(4), c.get(5)) {
            (Some(h), Some(min)) => Some(Time {
                hour: h.as_str().parse().ok()?,
                minute: min.as_str().parse().ok()?,
                second: c.get(6).and_then(|s| s.as_str().parse().ok()).unwrap_or(0),
                offset: c.get(7).and_then(|z| parse_zone(z.as_str())),
            }),
            _ => None,
        };
        return Some((y, m, d, time.filter(valid_time)));
    }
    if let Some(c) = CJK.captures(text) {
        return Some((
            c[1].parse().ok()?,
            c[2].parse().ok()?,
            c[3].parse().ok()?,
            None,
        ));
    }
    // Pull the time of day out first so its digits are not taken for a day.
    let mut rest = text.to_owned();
    let mut time = None;
    if let Some(c) = TIME.captures(text) {
        let hour: u32 = c[1].parse().ok()?;
        let pm = c
            .get(4)
            .map(|s| s.as_str().to_ascii_lowercase().starts_with('p'));
        let hour = match pm {
            Some(true) if hour < 12 => hour + 12,
            Some(false) if hour == 12 => 0,
            _ => hour,
        };
        let t = Time {
            hour,
            minute: c[2].parse().ok()?,
            second: c.get(3).and_then(|s| s.as_str().parse().ok()).unwrap_or(0),
            offset: c.get(5).and_then(|z| parse_zone(z.as_str())),
        };
        if valid_time(&t) {
            time = Some(t);
            if let Some(whole) = c.get(0) {
                rest.replace_range(whole.range(), " ");
            }
        }
    }
    if let Some((y, m, d)) = numeric_date(&rest).or_else(|| named_month_date(&rest)) {
        return Some((y, m, d, time));
    }
    None
}

fn valid_time(t: &Time) -> bool {
    t.hour < 24 && t.minute < 60 && t.second < 61
}

/// `25.03.2024`, `03/25/2024`, `2024/03/25`, `25-03-2024`.
fn numeric_date(text: &str) -> Option<(i32, u32, u32)> {
    let c = NUMERIC.captures(text)?;
    if c[2] != c[4] {
        return None;
    }
    let a: u32 = c[1].parse().ok()?;
    let b: u32 = c[3].parse().ok()?;
    let year_text = &c[5];
    if c[1].len() == 4 {
        // y/m/d
        let d: u32 = year_text.parse().ok()?;
        return Some((i32::try_from(a).ok()?, b, d));
    }
    let mut y: i32 = year_text.parse().ok()?;
    if year_text.len() == 2 {
        y += 2000;
    } else if year_text.len() != 4 {
        return None;
    }
    let (d, m) = match &c[2] {
        // US order unless the first number cannot be a month.
        "/" if a <= 12 => (b, a),
        _ if a > 12 || b <= 12 => (a, b),
        _ => (b, a),
    };
    Some((y, m, d))
}

/// Most tokens between a month name and its day or year ("Tuesday, 25th of
/// March, 2024": day three tokens before): further numbers belong to
/// another date or to the text ("published in March 2022, updated December
/// 20, 2024" has no day for March).
const MAX_DATE_TOKEN_GAP: usize = 3;

/// "March 25, 2024", "25 de marzo de 2024", "Mon, 25 Mar 2024": the first
/// month name with a day and a year next to it.
fn named_month_date(text: &str) -> Option<(i32, u32, u32)> {
    let toks: Vec<&str> = tokens(text).collect();
    let (mi, month) = toks.iter().enumerate().find_map(|(i, t)| {
        let lower = t.to_lowercase();
        MONTHS
            .iter()
            .find(|(name, _)| *name == lower)
            .map(|(_, m)| (i, *m))
    })?;
    // Numbers nearest the month first.
    let mut near: Vec<(usize, &str)> = toks
        .iter()
        .enumerate()
        .filter(|(j, t)| {
            *j != mi
                && j.abs_diff(mi) <= MAX_DATE_TOKEN_GAP
                && t.chars().all(|c| c.is_ascii_digit())
        })
        .map(|(j, t)| (j.abs_diff(mi), *t))
        .collect();
    near.sort_by_key(|(d, _)| *d);
    let number = |len: std::ops::RangeInclusive<usize>, range: std::ops::RangeInclusive<u32>| {
        near.iter().find_map(|(_, t)| {
            let n: u32 = t.parse().ok()?;
            (len.contains(&t.len()) && range.contains(&n)).then_some(n)
        })
    };
    let year = number(4..=4, 1900..=2100)?;
    let day = number(1..=2, 1..=31)?;
    Some((i32::try_from(year).ok()?, month, day))
}

/// Runs of letters or runs of digits ("1er" → "1", "er").
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    let mut out = Vec::new();
    let mut start: Option<(usize, bool)> = None;
    for (i, c) in text.char_indices() {
        let class = if c.is_ascii_digit() {
            Some(true)
        } else if c.is_alphabetic() {
            Some(false)
        } else {
            None
        };
        match (start, class) {
            (Some((s, digit)), Some(d)) if digit == d => {
                let _ = s;
            }
            (Some((s, _)), _) => {
                out.push(&text[s..i]);
                start = class.map(|d| (i, d));
            }
            (None, Some(d)) => start = Some((i, d)),
            (None, None) => {}
        }
    }
    if let Some((s, _)) = start {
        out.push(&text[s..]);
    }
    out.into_iter()
}

fn parse_zone(zone: &str) -> Option<i32> {
    let z = zone.trim().to_ascii_lowercase();
    if let Some((_, off)) = ZONES.iter().find(|(name, _)| *name == z) {
        return Some(*off);
    }
    let z = z.trim_start_matches("utc").trim_start_matches("gmt").trim();
    let (sign, digits) = match z.chars().next()? {
        '+' => (1, &z[1..]),
        '-' => (-1, &z[1..]),
        _ => return None,
    };
    let digits: String = digits.chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits.get(..2)?.parse::<i32>().ok()?,
            digits.get(2..)?.parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

fn format_iso(y: i32, m: u32, d: u32, time: Option<Time>) -> String {
    match time {
        None => format!("{y:04}-{m:02}-{d:02}"),
        Some(t) => {
            let base = format!(
                "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}",
                t.hour, t.minute, t.second
            );
            match t.offset {
                None => base,
                Some(off) => {
                    let sign = if off < 0 { '-' } else { '+' };
                    let a = off.abs();
                    format!("{base}{sign}{:02}:{:02}", a / 60, a % 60)
                }
            }
        }
    }
}

fn valid_day(y: i32, m: u32, d: u32) -> bool {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn today() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| (d.as_secs() / 86_400) as i64)
        .unwrap_or(i64::MAX / 2)
}

/// Words in a date block's text that say it is the modification date.
const UPDATED_WORDS: &[&str] = &[
    "updated",
    "update",
    "modified",
    "edited",
    "aktualisiert",
    "geändert",
    "actualizado",
    "actualización",
    "mis à jour",
    "mise à jour",
    "aggiornato",
    "bijgewerkt",
    "atualizado",
    "обновлено",
];

/// Class/id words of blocks that hold the publication date.
const DATE_CLASS_WORDS: &[&str] = &[
    "date",
    "dateline",
    "published",
    "pubdate",
    "timestamp",
    "time",
    "posted",
    "datum",
    "fecha",
    "entry-date",
    "post-date",
    "publish-date",
    "article-date",
];

/// Whether a part of class or id word `w` between `-` and `_` is one of
/// [`DATE_CLASS_WORDS`], ignoring ASCII case (they are lower-case ASCII).
/// Byte-wise: no allocation per word.
fn names_date(w: &str) -> bool {
    // "entry-date", "article__published-at": any part of the class name.
    w.split(['-', '_']).any(|part| {
        DATE_CLASS_WORDS
            .iter()
            .any(|d| part.eq_ignore_ascii_case(d))
    })
}

/// Whether a text node under `i` holds an ASCII digit: a date's text
/// always does (years and days are ASCII numbers), so elements without
/// one need no text collected.
fn holds_digit(dom: &Dom, i: usize) -> bool {
    (i + 1..dom.end(i)).any(|j| {
        dom.text(j)
            .is_some_and(|t| t.bytes().any(|b| b.is_ascii_digit()))
    })
}

/// Words in a date block's text that say it is the publication date.
const PUBLISHED_WORDS: &[&str] = &[
    "posted",
    "published",
    "veröffentlicht",
    "publié",
    "publicado",
    "pubblicato",
    "gepubliceerd",
    "опубликовано",
];

/// Whether a date line is about the modification: it names an update, and
/// neither "Posted"/"Published" nor a date comes first ("Posted: Oct 14 |
/// Last Updated: ...", "August 16, 2019 - Updated July 9, 2025" are
/// publication dates).
fn says_updated(text: &str) -> bool {
    let lower = text.to_lowercase();
    let first = |words: &[&str]| words.iter().filter_map(|w| lower.find(w)).min();
    // "Edited by Walter" credits a person, it dates nothing.
    let credit = |at: usize, w: &str| {
        lower
            .get(at + w.len()..)
            .is_some_and(|rest| rest.trim_start().starts_with("by "))
    };
    let updated = UPDATED_WORDS
        .iter()
        .filter_map(|w| {
            lower
                .match_indices(w)
                .find(|(at, _)| !credit(*at, w))
                .map(|(at, _)| at)
        })
        .min();
    let Some(u) = updated else {
        return false;
    };
    first(PUBLISHED_WORDS).is_none_or(|p| u < p)
        && lower
            .get(..u)
            .is_none_or(|before| parse_parts(before).is_none())
}

/// Nodes before the first h1 where a visible date may sit (a dateline above the headline).
const NEAR_H1_BEFORE: usize = 150;
/// Nodes after the first h1 where a visible date may sit (the byline block).
const NEAR_H1_AFTER: usize = 400;
/// A visible date line is short: "Published on March 25, 2024 · 5 min read".
const MAX_DATE_LINE_CHARS: usize = 80;
/// Most nodes in a date element's subtree.
const MAX_DATE_NODES: usize = 12;
/// More distinct `<time>` dates than this: a listing, not one article's date.
const MAX_DISTINCT_TIMES: usize = 3;

/// Words in a date line that name a date other than the page's publication:
/// a product's release, an event, an offer's end ("Release date: 21 Aug,
/// 2012", "Valid until 31.12.2025", "Event date").
const OTHER_DATE_WORDS: &[&str] = &[
    "release",
    "released",
    "event",
    "expires",
    "expiry",
    "expiration",
    "valid until",
    "valid through",
    "deadline",
    "due date",
    "ends",
    "starts",
    "opening",
    "closing",
    "copyright",
    "©",
    "course dates",
    "erscheinungstermin",
    "gültig bis",
];

/// Whether a date line names a date other than the publication, or a span
/// of dates ("1/27/2026 - 3/24/2026", "12 January — 10 April 2026": a
/// course's or an offer's period).
fn names_other_date(text: &str) -> bool {
    let lower = text.to_lowercase();
    if is_date_range(&lower) {
        return true;
    }
    OTHER_DATE_WORDS.iter().any(|w| {
        lower.match_indices(w).any(|(at, m)| {
            let before = lower.get(..at).and_then(|b| b.chars().next_back());
            let after = lower.get(at + m.len()..).and_then(|a| a.chars().next());
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// Whether `text` holds two dates joined by a dash or "to": a period.
fn is_date_range(text: &str) -> bool {
    [" - ", " – ", " — ", " to ", " bis ", " au "]
        .iter()
        .any(|sep| {
            text.split_once(sep).is_some_and(|(a, b)| {
                let day_or_date = |t: &str| {
                    normalize_date(t).is_some()
                        || tokens(t).any(is_month_name)
                            && tokens(t)
                                .any(|w| w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit()))
                };
                day_or_date(a) && normalize_date(b).is_some() && !says_updated(b)
            })
        })
}

/// The short text of element `i` (whose own text is `text`)'s parent,
/// where a date's label sits beside it (`<div>Release Date:</div><div class=date>21 Aug, 2012</div>`).
/// Only a parent showing no other date counts: in "August 16, 2019 -
/// Updated July 9, 2025" the update's label is not the first date's.
fn parent_line(dom: &Dom, i: usize, text: &str) -> Option<String> {
    let t = spaced_text(dom, dom.parent(i)?, MAX_DATE_LINE_CHARS + 1);
    let rest = t.replacen(text, " ", 1);
    (t.chars().count() <= MAX_DATE_LINE_CHARS && normalize_date(&rest).is_none()).then_some(t)
}

/// Whether the date line `text` of element `i` is labelled as a date other
/// than the publication, by its own words, its parent's, or their class
/// names (`release_date`).
fn labelled_other_date(dom: &Dom, i: usize, text: &str, parent: Option<&str>) -> bool {
    let class_words = |n: usize| dom.attr(n, "class").map(|c| c.replace(['-', '_'], " "));
    names_other_date(text)
        || parent.is_some_and(names_other_date)
        || class_words(i).is_some_and(|c| names_other_date(&c))
        || dom
            .parent(i)
            .and_then(class_words)
            .is_some_and(|c| names_other_date(&c))
}

/// Longest context of a `<time>` read for its label.
const MAX_TIME_CONTEXT_CHARS: usize = 200;
/// Ancestors of a `<time>` looked at for its label: "Last updated on
/// <b><time>Apr 22</time></b>" puts it two levels up.
const TIME_CONTEXT_LEVELS: usize = 2;

/// The text around a `<time>`: its parent's, or, when the parent holds
/// nothing but the date (a `<b>` wrapper), the grandparent's while that
/// stays a short line.
fn time_context(dom: &Dom, i: usize) -> String {
    let own = spaced_text(dom, i, MAX_TIME_CONTEXT_CHARS + 1);
    let mut context = String::new();
    for a in dom.ancestors(i).take(TIME_CONTEXT_LEVELS) {
        let t = spaced_text(dom, a, MAX_TIME_CONTEXT_CHARS + 1);
        if !context.is_empty() && t.chars().count() > MAX_TIME_CONTEXT_CHARS {
            break;
        }
        let labelled = t.trim() != own.trim();
        context = t;
        if labelled {
            break;
        }
    }
    context
}

/// A date line whose element (same tag and class) shows this many distinct
/// days on the page is one entry of a listing (a news index, search results,
/// a schedule, related articles), not the page's own date.
const MIN_LISTING_DAYS: usize = 3;

/// Collects `<time>` elements, visible date lines near the headline, and the URL's date.
pub(crate) fn collect(dom: &Dom, url: Option<&str>, out: &mut Candidates) {
    let first_h1 = dom.elements(Tag::H1).next();
    let near_h1 =
        |i: usize| first_h1.is_some_and(|h| i + NEAR_H1_BEFORE >= h && i <= h + NEAR_H1_AFTER);
    let mut times: Vec<(Field, Source, String)> = Vec::new();
    // Date line candidates with their element's key (tag and class).
    let mut lines: Vec<(Field, Source, String, String)> = Vec::new();
    let mut found_class_date = false;
    let mut found_near_date = false;
    // Every dated line's element key and day, for the listing check.
    let mut dated: Vec<(String, String)> = Vec::new();
    let mut i = 0;
    while i < dom.len() {
        let NodeKind::Element(tag) = dom.kind(i) else {
            i += 1;
            continue;
        };
        if tag.is_invisible() || tag == Tag::Head {
            i = dom.end(i);
            continue;
        }
        if tag == Tag::Time {
            let context = time_context(dom, i);
            let value = dom
                .attr(i, "datetime")
                .map(str::to_owned)
                .unwrap_or_else(|| visible_text(dom, i, 200));
            let updated = says_updated(&context) || dom.attr(i, "class").is_some_and(says_updated);
            let field = if updated {
                Field::DateModified
            } else {
                Field::DatePublished
            };
            let source = if dom.attr(i, "pubdate").is_some()
                || dom
                    .attr(i, "itemprop")
                    .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
            {
                Source::TimePubdate
            } else {
                Source::TimeElement
            };
            if !names_other_date(&context) {
                times.push((field, source, value));
            }
        }
        let small = dom.end(i) - i <= MAX_DATE_NODES;
        let date_tag = matches!(
            tag,
            Tag::Div
                | Tag::Span
                | Tag::P
                | Tag::Li
                | Tag::Small
                | Tag::Time
                | Tag::Other
                | Tag::B
                | Tag::Strong
                | Tag::Em
                | Tag::Dl
                | Tag::Dt
                | Tag::Dd
                | Tag::H5
                | Tag::H6
        );
        if small && date_tag {
            let has_date_class = ["class", "id"].iter().any(|a| {
                dom.attr(i, a)
                    .is_some_and(|v| v.split_whitespace().any(names_date))
            });
            let near = near_h1(i);
            let class_wanted = has_date_class && !found_class_date && (first_h1.is_none() || near);
            let near_wanted = !found_near_date && near;
            // Most elements hold no digit (every date has one).
            if (class_wanted || near_wanted || has_date_class)
                && holds_digit(dom, i)
                && !in_teaser_link(dom, i)
            {
                let text = spaced_text(dom, i, MAX_DATE_LINE_CHARS + 1);
                let date = (text.chars().count() <= MAX_DATE_LINE_CHARS)
                    .then(|| normalize_date(&text))
                    .flatten();
                if let Some(d) = &date {
                    let key = format!("{tag:?}.{}", dom.attr(i, "class").unwrap_or(""));
                    dated.push((key.clone(), day_prefix(d).to_owned()));
                    let parent = parent_line(dom, i, &text);
                    let updated =
                        says_updated(&text) || parent.as_deref().is_some_and(says_updated);
                    // The first dated line is the page's, whatever it says:
                    // a later one is a related entry's or a comment's.
                    let field = if updated {
                        Some(Field::DateModified)
                    } else if labelled_other_date(dom, i, &text, parent.as_deref()) {
                        None
                    } else {
                        Some(Field::DatePublished)
                    };
                    if class_wanted {
                        found_class_date = true;
                        if let Some(f) = field {
                            lines.push((f, Source::DateText, text.clone(), key.clone()));
                        }
                    }
                    if near_wanted {
                        found_near_date = true;
                        if let Some(f) = field {
                            lines.push((f, Source::DateNearTitle, text, key));
                        }
                    }
                }
            }
        }
        i += 1;
    }
    dated.sort_unstable();
    dated.dedup();
    for (field, source, text, key) in &lines {
        let days = dated.iter().filter(|(k, _)| k == key).count();
        if days < MIN_LISTING_DAYS {
            out.push(*field, *source, text);
        }
    }
    // Many different <time> dates: a listing or a comment thread.
    let mut distinct: Vec<&str> = times.iter().map(|t| day_prefix(&t.2)).collect();
    distinct.sort_unstable();
    distinct.dedup();
    for (field, source, value) in &times {
        if *source == Source::TimePubdate || distinct.len() <= MAX_DISTINCT_TIMES {
            out.push(*field, *source, value);
        }
    }
    if let Some(url) = url {
        let path = url.split(['?', '#']).next().unwrap_or(url);
        if let Some(c) = URL_DATE.captures(path) {
            out.push(
                Field::DatePublished,
                Source::Url,
                &format!("{}-{}-{}", &c[1], &c[2], &c[3]),
            );
        }
    }
}

/// Whether `i` sits in a link that also holds a heading: a teaser card
/// for another article ("<a href=/2022/08/10/...><h2>...</h2><span
/// class=date>"), whose date is that article's.
fn in_teaser_link(dom: &Dom, i: usize) -> bool {
    dom.ancestors(i)
        .filter(|&a| dom.tag(a) == Some(Tag::A) && dom.end(a) - a <= MAX_TEASER_LINK_NODES)
        .any(|a| {
            (a + 1..dom.end(a)).any(|j| dom.tag(j).is_some_and(|t| t.heading_level().is_some()))
        })
}

/// Most nodes in a teaser card's link; a larger link wraps a whole
/// region of the page (some templates link a block), not one card.
const MAX_TEASER_LINK_NODES: usize = 200;

fn day_prefix(s: &str) -> &str {
    s.get(..10).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_probe_sees_text_under_the_element() {
        let dom = Dom::parse("<div><span>March <b>25</b></span><span>Today</span></div>");
        let spans: Vec<usize> = dom.elements(Tag::Span).collect();
        assert!(holds_digit(&dom, spans[0]));
        assert!(!holds_digit(&dom, spans[1]));
    }

    #[test]
    fn date_class_words_match_whole_trailing_words() {
        assert!(names_date("Post-Date"));
        assert!(names_date("entry_date"));
        assert!(names_date("DATE"));
        assert!(!names_date("update"));
        assert!(!names_date("ate"));
        assert!(!names_date("über-datex"));
    }

    fn n(s: &str) -> Option<String> {
        normalize_date(s)
    }

    #[test]
    fn iso_forms() {
        assert_eq!(n("2024-03-25").as_deref(), Some("2024-03-25"));
        assert_eq!(
            n("2024-03-25T10:00:00Z").as_deref(),
            Some("2024-03-25T10:00:00+00:00")
        );
        assert_eq!(
            n("2024-03-25T10:00:00.123+0200").as_deref(),
            Some("2024-03-25T10:00:00+02:00")
        );
        assert_eq!(
            n("2024-03-25 10:00").as_deref(),
            Some("2024-03-25T10:00:00")
        );
        assert_eq!(
            n("2024-03-25T10:00:00-05:00").as_deref(),
            Some("2024-03-25T10:00:00-05:00")
        );
    }

    #[test]
    fn rfc_2822_and_english() {
        assert_eq!(
            n("Mon, 25 Mar 2024 10:00:00 +0000").as_deref(),
            Some("2024-03-25T10:00:00+00:00")
        );
        assert_eq!(n("March 25, 2024").as_deref(), Some("2024-03-25"));
        assert_eq!(n("Mar. 25, 2024").as_deref(), Some("2024-03-25"));
        assert_eq!(n("25 March 2024").as_deref(), Some("2024-03-25"));
        assert_eq!(
            n("Published March 25, 2024 at 3:05 p.m. EDT").as_deref(),
            Some("2024-03-25T15:05:00-04:00")
        );
    }

    #[test]
    fn other_languages() {
        assert_eq!(n("25. März 2024").as_deref(), Some("2024-03-25"));
        assert_eq!(n("25 mars 2024").as_deref(), Some("2024-03-25"));
        assert_eq!(n("25 de marzo de 2024").as_deref(), Some("2024-03-25"));
        assert_eq!(n("25 marzo 2024").as_deref(), Some("2024-03-25"));
        assert_eq!(n("25 maart 2024").as_deref(), Some("2024-03-25"));
        assert_eq!(n("25 марта 2024").as_deref(), Some("2024-03-25"));
        assert_eq!(n("2024年3月25日").as_deref(), Some("2024-03-25"));
    }

    #[test]
    fn numeric_orders() {
        assert_eq!(n("25.03.2024").as_deref(), Some("2024-03-25"));
        assert_eq!(n("03/25/2024").as_deref(), Some("2024-03-25"));
        assert_eq!(n("25/03/2024").as_deref(), Some("2024-03-25"));
        assert_eq!(n("2024/03/25").as_deref(), Some("2024-03-25"));
        assert_eq!(
            n("25.03.2024, 14:30 Uhr").as_deref(),
            Some("2024-03-25T14:30:00")
        );
    }

    #[test]
    fn rejects_implausible_dates() {
        assert_eq!(n("3000-01-01"), None);
        assert_eq!(n("1990-05-01"), None);
        assert_eq!(n("2024-02-30"), None);
        assert_eq!(n("March 2024"), None);
        assert_eq!(n("yesterday"), None);
        assert_eq!(n(""), None);
        let next_week = days_from_civil(1970, 1, 1) + today() + 7;
        let _ = next_week;
        assert_eq!(n("2099-12-31T10:00:00Z"), None);
    }

    #[test]
    fn url_dates() {
        let dom = Dom::parse("<p>x</p>");
        let mut c = Candidates::default();
        collect(
            &dom,
            Some("https://example.com/2024/03/25/port-strike/"),
            &mut c,
        );
        assert_eq!(
            c.first(Field::DatePublished, Source::Url),
            Some("2024-03-25")
        );
    }

    #[test]
    fn posted_before_updated_is_published() {
        let dom = Dom::parse(
            "<h1>T</h1><time class=timeStamp datetime='2022-10-14T16:20:52.800Z'>Posted: Oct 14, 2022 | Last Updated: 24 minutes ago</time>",
        );
        let mut c = Candidates::default();
        collect(&dom, None, &mut c);
        assert_eq!(
            c.first(Field::DatePublished, Source::TimeElement),
            Some("2022-10-14T16:20:52.800Z")
        );
        let dom = Dom::parse(
            "<h1>T</h1><h5 class='article__published-at'>EXCLUSIVE 11/28/2016 11:00 AM</h5>",
        );
        let mut c = Candidates::default();
        collect(&dom, None, &mut c);
        assert_eq!(
            c.first(Field::DatePublished, Source::DateText),
            Some("EXCLUSIVE 11/28/2016 11:00 AM")
        );
        assert!(says_updated("Updated March 3, 2024"));
        assert!(!says_updated(
            "Written by The Team, edited by Walter. Published on 2025-12-19"
        ));
        assert!(!says_updated("Published March 2 · Updated March 3"));
    }

    fn published(html: &str) -> Option<String> {
        let mut c = Candidates::default();
        collect(&Dom::parse(html), None, &mut c);
        [Source::DateText, Source::DateNearTitle]
            .iter()
            .find_map(|s| c.first(Field::DatePublished, *s))
            .and_then(normalize_date)
    }

    #[test]
    fn listing_entry_dates_are_not_the_page_date() {
        let entries = "<h2>A</h2><p class=entry-date>March 3, 2024</p>\
                       <h2>B</h2><p class=entry-date>March 2, 2024</p>\
                       <h2>C</h2><p class=entry-date>March 1, 2024</p>";
        assert_eq!(
            published(&format!("<h1>News</h1><div>{entries}</div>")),
            None
        );
        // The article's own date line, with related entries after it, stays.
        assert_eq!(
            published(&format!(
                "<h1>T</h1><p class=post-date>May 5, 2024</p><div>{entries}</div>"
            ))
            .as_deref(),
            Some("2024-05-05")
        );
    }

    #[test]
    fn a_teaser_cards_date_is_not_the_page_date() {
        let card = "<a href=/2022/08/10/other/><h2>Other story</h2>\
                    <span class=media-date>8/10/2022 9:57 AM PT</span></a>";
        assert_eq!(
            published(&format!(
                "{card}<h1>T</h1><p>11/28/2016 11:00 AM PT</p><p>Body text.</p>"
            ))
            .as_deref()
            .map(day_prefix),
            Some("2016-11-28")
        );
        // A permalink around the page's own date holds no heading.
        assert_eq!(
            published("<h1>T</h1><a href=/p><span class=post-date>May 5, 2024</span></a>")
                .as_deref(),
            Some("2024-05-05")
        );
    }

    #[test]
    fn og_prefixed_article_times_are_article_times() {
        let html = r#"<head><meta name="og:article:published_time" content="2016-12-14T06:02:15Z">
            <meta name="sailthru.date" content="2016-12-15T13:50:38Z"></head><h1>T</h1>"#;
        let m = super::super::extract(&Dom::parse(html), None);
        assert_eq!(
            m.date_published.as_deref().map(day_prefix),
            Some("2016-12-14")
        );
    }

    #[test]
    fn release_dates_and_periods_are_not_publication() {
        assert_eq!(
            published(
                "<h1>Game</h1><div class=release_date><div>Release Date:</div>\
                 <div class=date>21 Aug, 2012</div></div>"
            ),
            None
        );
        assert_eq!(
            published("<h1>Course</h1><p>Course dates 12 January 2026 — 10 April 2026</p>"),
            None
        );
        assert_eq!(
            published("<h1>Offer</h1><p>1/27/2026 - 3/24/2026</p>"),
            None
        );
        assert!(names_other_date("Valid until 31.12.2025"));
        assert!(!names_other_date(
            "Understanding mathematics through Lean December 15, 2025"
        ));
    }

    #[test]
    fn updated_line_by_the_headline_is_the_modification() {
        let html =
            "<h1>T</h1><div class=meta><span>Updated on</span> <span>April 19, 2025</span></div>\
                    <p class=date>Aug 01, 2024</p>";
        let mut c = Candidates::default();
        collect(&Dom::parse(html), None, &mut c);
        assert_eq!(c.first(Field::DatePublished, Source::DateNearTitle), None);
        assert_eq!(
            c.first(Field::DateModified, Source::DateNearTitle)
                .and_then(normalize_date)
                .as_deref(),
            Some("2025-04-19")
        );
        // A first date before the update's label is the publication.
        assert_eq!(
            published("<h1>T</h1><p>Sweat August 16, 2019 - Updated July 9, 2025</p>").as_deref(),
            Some("2019-08-16")
        );
        // Inline elements glued without spaces still read as words.
        assert_eq!(
            published(
                "<div class=article-dateline><a>Health</a><span>DECEMBER 22, 2022</span>\
                 <span>Updated: JANUARY 02, 2026</span></div><h1>T</h1>"
            )
            .as_deref(),
            Some("2022-12-22")
        );
    }

    #[test]
    fn month_day_and_year_must_be_together() {
        assert_eq!(
            n("Originally published in March 2022. Last updated on December 20, 2024."),
            None
        );
        assert_eq!(
            n("Tuesday, 25th of March, 2024").as_deref(),
            Some("2024-03-25")
        );
    }

    #[test]
    fn wrapped_time_reads_the_label_beside_its_wrapper() {
        let dom = Dom::parse(
            "<span>Last updated on <b><time datetime='2024-04-22T09:31:12Z'>Apr 22</time></b></span>",
        );
        let mut c = Candidates::default();
        collect(&dom, None, &mut c);
        assert_eq!(c.first(Field::DatePublished, Source::TimeElement), None);
        assert_eq!(
            c.first(Field::DateModified, Source::TimeElement),
            Some("2024-04-22T09:31:12Z")
        );
    }

    #[test]
    fn updated_time_is_not_published() {
        let dom = Dom::parse(
            "<p>Updated <time datetime='2024-03-26T08:00:00Z'>Mar 26</time></p>\
             <p>Published <time datetime='2024-03-25T08:00:00Z'>Mar 25</time></p>",
        );
        let mut c = Candidates::default();
        collect(&dom, None, &mut c);
        assert_eq!(
            c.first(Field::DatePublished, Source::TimeElement),
            Some("2024-03-25T08:00:00Z")
        );
        assert_eq!(
            c.first(Field::DateModified, Source::TimeElement),
            Some("2024-03-26T08:00:00Z")
        );
    }
}
