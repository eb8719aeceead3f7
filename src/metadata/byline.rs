//! Authors: the visible byline and the name parser every author source uses.
//!
//! Input: the DOM (elements whose class/id words say byline/author, `rel=author`
//! links, short blocks starting "By ...", "Von ...", "Par ...") or a raw author
//! string. Output: candidates [`Source::BylineClass`] / [`Source::BylineText`],
//! and [`parse_authors`]: a deduplicated list of plausible person names.
//! Invariants: read-only, char-safe string handling, bounded text per element.

use super::text::{clean, line_text, spaced_text};
use super::{Candidates, Field, Source};
use crate::parse::{Dom, NodeKind, Tag};

/// Byline prefixes, lower case, longest first within a language; stripped
/// repeatedly ("Posted by", "Written by", "By", "Von", "Par", "Por", ...).
const PREFIXES: &[&str] = &[
    "posted by",
    "written by",
    "published by",
    "story by",
    "words by",
    "reporting by",
    "text by",
    "article by",
    "compiled by",
    "edited by",
    "interview by",
    "by",
    "von",
    "text von",
    "ein beitrag von",
    "par",
    "écrit par",
    "por",
    "escrito por",
    "di",
    "a cura di",
    "door",
    "geschreven door",
    "автор",
    "авторы",
    "author",
    "authors",
    "autor",
    "autorin",
    "autoren",
    "auteur",
    "auteurs",
    "autore",
    "text",
    "texto",
    "redaktion",
    // Japanese and Chinese: "著者：", "作者", "投稿者", "記者".
    "著者",
    "作者",
    "筆者",
    "投稿者",
    "記者",
    "记者",
];

/// Prefixes that are also name particles ("Di Maria", "Von Trier"): stripped
/// only when at least two words remain.
const AMBIGUOUS_PREFIXES: &[&str] = &["von", "par", "por", "di", "door", "da"];

/// Conjunctions that separate names, lower case, matched as whole words.
const CONJUNCTIONS: &[&str] = &["and", "und", "et", "y", "e", "en", "и", "og", "och", "&"];

/// Words that make a string a role, a credit or a widget, not a person.
const NON_NAME_WORDS: &[&str] = &[
    "staff",
    "admin",
    "administrator",
    "editor",
    "editors",
    "editorial",
    "desk",
    "newsdesk",
    "team",
    "writer",
    "writers",
    "reporter",
    "correspondent",
    "contributor",
    "contributors",
    "columnist",
    "photo",
    "photos",
    "photograph",
    "photographer",
    "image",
    "images",
    "credit",
    "getty",
    "shutterstock",
    "updated",
    "published",
    "posted",
    "comments",
    "comment",
    "share",
    "email",
    "follow",
    "minutes",
    "min",
    "read",
    "subscribe",
    "more",
    "anonymous",
    "unknown",
    "guest",
    "webmaster",
    "user",
    "redaktion",
    "rédaction",
    "redacción",
    "redazione",
    "redactie",
    "редакция",
    "sign",
    "login",
    "home",
    "wire",
    "source",
    "view",
    "profile",
    "articles",
    "posts",
    "click",
    "here",
    "print",
    "facebook",
    "twitter",
    "linkedin",
    "instagram",
    "whatsapp",
    "copyright",
    "reserved",
    "rights",
    "contact",
    "about",
    "ceo",
    "founder",
    "fellow",
    "senior",
    "chief",
    "intern",
    "associate",
    "producer",
    "illustration",
    "illustrations",
    "video",
    "videos",
    "graphics",
    "bureau",
    "chef",
    "redakteur",
    "by",
    "written",
    "author",
    "authors",
    "category",
    "categories",
    "privacy",
    "policy",
    "terms",
    "tags",
    "menu",
    "search",
    "loading",
    "redakteurin",
    "korrespondent",
    "korrespondentin",
    "journalist",
    "journalistin",
    "engineer",
    "developer",
    "manager",
    "director",
    "designer",
    "officer",
    "president",
    "analyst",
    "consultant",
    "specialist",
    "coordinator",
    "scientist",
    "professor",
    "researcher",
    "expert",
    "strategist",
    "owner",
    "reviewed",
    "sponsored",
    "bio",
    "기자",
    "특파원",
];

/// Academic and professional credentials that follow a name after a comma.
const CREDENTIALS: &[&str] = &[
    "phd", "md", "mba", "rd", "ms", "msc", "ma", "ba", "bsc", "rn", "np", "do", "dds", "jd", "cpa",
    "cfa", "cfp", "esq", "jr", "sr", "ii", "iii", "mph", "lcsw", "faan", "facp",
];

fn norm_word(w: &str) -> String {
    w.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Lower-case particles allowed inside names ("Ludwig van Beethoven").
const PARTICLES: &[&str] = &[
    "de", "da", "di", "do", "dos", "das", "del", "della", "la", "le", "van", "von", "der", "den",
    "ter", "ten", "du", "bin", "ibn", "al", "el", "y", "st.", "zu", "af", "mac",
];

/// Longest plausible author name in chars.
const MAX_NAME_CHARS: usize = 60;
/// Most words in one name ("María José García de la Fuente").
const MAX_NAME_WORDS: usize = 6;
/// Most words in one comma-separated part before the name is cut out of
/// it ("Niko Matsakis on behalf of the Vision Doc group").
const MAX_PART_WORDS: usize = 12;
/// Longest byline text we parse at all.
const MAX_BYLINE_CHARS: usize = 200;

/// Most nodes in a byline element's subtree: bylines are small.
const MAX_BYLINE_NODES: usize = 60;

/// Class/id words that mark a byline or author element.
const BYLINE_CLASS_WORDS: &[&str] = &[
    "byline",
    "byl",
    "author",
    "authors",
    "autor",
    "auteur",
    "writer",
    "author-name",
    "authorname",
    "byline-name",
    "contributor",
    "article-author",
    "post-author",
    "entry-author",
];
/// Class/id words that mark an author box, not the byline.
const NOT_BYLINE_WORDS: &[&str] = &[
    "bio",
    "biography",
    "description",
    "desc",
    "avatar",
    "image",
    "img",
    "photo",
    "picture",
    "social",
    "more",
    "other",
    "related",
    "about",
    "box",
    "follow",
    "comment",
    "comments",
    "title",
    "job",
    "role",
    "position",
];

/// Splits an author string into plausible person names.
///
/// ```
/// use deboiler::metadata::parse_authors;
/// assert_eq!(parse_authors("By Jane Doe, Staff Writer"), ["Jane Doe"]);
/// assert_eq!(parse_authors("Anna Schmidt und Jan Ott"), ["Anna Schmidt", "Jan Ott"]);
/// assert!(parse_authors("Photo: Reuters").is_empty());
/// ```
pub fn parse_authors(text: &str) -> Vec<String> {
    let text = clean(text);
    if text.is_empty() || text.chars().count() > MAX_BYLINE_CHARS * 2 {
        return Vec::new();
    }
    let lower = text.to_lowercase();
    if [
        "photo:", "photos:", "foto:", "fotos:", "image:", "credit:", "source:", "quelle:", "bild:",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
    {
        return Vec::new();
    }
    // Cut at separators that end a byline: "Jane Doe | March 25", "Jane Doe • 5 min".
    // A segment that is only "By" (its own element) or a date leads to the next one.
    let cut = text
        .split(['|', '•', '·', '⋅', '∙', '—', '–', '\n'])
        .map(str::trim)
        .find(|s| {
            !s.is_empty()
                && !is_prefix_only(s)
                && !is_date_line(s)
                && s.chars().any(char::is_alphabetic)
        })
        .unwrap_or("");
    let cut = cut.split(" - ").next().unwrap_or(cut);
    let mut words: Vec<&str> = cut.split_whitespace().collect();
    // "ByTravis Haney": the prefix glued to the name.
    let glued = words.first().and_then(|w| {
        let rest = w.strip_prefix("By")?;
        rest.chars()
            .next()
            .is_some_and(char::is_uppercase)
            .then_some(rest)
    });
    if let Some(rest) = glued {
        words[0] = rest;
    }
    // "Jane Doe December 16, 2016, 4:19 PM": a trailing date ends the names.
    if let Some(pos) = words.iter().enumerate().position(|(k, w)| {
        k > 0
            && (w.chars().any(|c| c.is_ascii_digit())
                || words
                    .get(k + 1)
                    .is_some_and(|n| n.chars().next().is_some_and(|c| c.is_ascii_digit()))
                    && super::dates::is_month_name(w))
    }) {
        words.truncate(pos);
        // "BeauHD on Friday December 19": the weekday is the date's too.
        while words.last().is_some_and(|w| {
            WEEKDAYS.contains(&norm_word(w).as_str())
                || matches!(
                    w.to_lowercase().as_str(),
                    "on" | "am"
                        | "le"
                        | "el"
                        | "il"
                        | "op"
                        | "at"
                        | "updated"
                        | "published"
                        | "posted"
                        | "-"
                        | "·"
                        | "|"
                )
        }) {
            words.pop();
        }
    }
    // "... on March 25, 2024", "... am 25.03.2024", "... le 25 mars": drop from there.
    if let Some(pos) = words.iter().position(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "on" | "am" | "le" | "el" | "il" | "op" | "at" | "updated" | "published"
        )
    }) {
        if pos > 0
            && words[pos..]
                .iter()
                .any(|w| w.chars().any(|c| c.is_ascii_digit()))
        {
            words.truncate(pos);
        }
    }
    let mut rest = words.join(" ");
    loop {
        let lower = rest.to_lowercase();
        let stripped = PREFIXES.iter().find_map(|p| {
            let after = lower.strip_prefix(p)?;
            if after.starts_with([':', ' ', '：']) {
                // Lower-casing keeps these prefixes' char count: a char-safe cut.
                let n = p.chars().count();
                let tail: String = rest.chars().skip(n).collect();
                let tail = tail.trim_start_matches([':', ' ', '：']).to_owned();
                let words = tail.split_whitespace().count();
                let ambiguous = AMBIGUOUS_PREFIXES.contains(p) && !after.starts_with(':');
                (words >= if ambiguous { 2 } else { 1 }).then_some(tail)
            } else {
                None
            }
        });
        match stripped {
            Some(s) if s != rest => rest = s,
            _ => break,
        }
    }
    let rest = drop_parentheticals(&rest);
    let mut out: Vec<String> = Vec::new();
    for part in split_names(&rest) {
        let Some(name) = clean_name(&part) else {
            continue;
        };
        // "Jane Doe, Digital Security Expert": after a name, a part with a
        // role word is that name's job title.
        if !out.is_empty()
            && without_korean_role(&part)
                .split_whitespace()
                .any(is_role_word)
        {
            continue;
        }
        // "Von Ines Zöttl, Washington": one word after a full name is the
        // dateline's place, not a second author.
        if !name.contains(char::is_whitespace)
            && out.iter().any(|o| o.contains(char::is_whitespace))
        {
            continue;
        }
        if !out.iter().any(|o| o.to_lowercase() == name.to_lowercase()) {
            out.push(name);
        }
    }
    out
}

/// Punctuation a user handle may hold besides letters and digits
/// ("hayley.p", "Noah_B", "jean-luc").
const HANDLE_PUNCTUATION: &[char] = &['.', '_', '-'];

/// Most words on either side of the comma of a "Last, First" name.
const MAX_INVERTED_PART_WORDS: usize = 3;

/// `text` read as one person written "Last, First" ("Gillman, Steve",
/// "Kaufman, Jeff T"), as library-style sources (citation_author,
/// Parse.ly) write one author per value: "First Last". `None` when `text`
/// is not of that form (one comma, a one-word capitalised surname, a
/// capitalised given name, no conjunction, role or credential).
pub(crate) fn inverted_name(text: &str) -> Option<String> {
    let t = clean(text);
    let (last, first) = t.split_once(',')?;
    let (last, first) = (last.trim(), first.trim());
    let name_part = |p: &str| {
        let words: Vec<&str> = p.split_whitespace().collect();
        (1..=MAX_INVERTED_PART_WORDS).contains(&words.len())
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !CONJUNCTIONS.contains(&w.to_lowercase().as_str())
                    && !is_role_word(w)
                    && !CREDENTIALS.contains(&norm_word(w).as_str())
            })
    };
    // A one-word surname; a given name not written in capitals ("Smith,
    // AP" is a name and an agency).
    let surname = last.split_whitespace().count() == 1;
    let agency = first
        .split_whitespace()
        .next()
        .is_some_and(|w| w.chars().count() > 1 && !w.chars().any(char::is_lowercase));
    (!first.contains(',') && surname && !agency && name_part(last) && name_part(first))
        .then(|| format!("{first} {last}"))
}

/// Values a template leaves in an empty author field.
const PLACEHOLDER_VALUES: &[&str] = &["undefined", "null", "none", "nan", "unknown"];

/// `text` as the author when it is one user handle ("sorairolake",
/// "hayley.p"): markup that declares an author (microdata, JSON-LD) names
/// forum users by handle, which [`parse_authors`] rejects in visible text
/// as all lower case.
pub(crate) fn handle(text: &str) -> Option<String> {
    let t = clean(text);
    let ok = !t.is_empty()
        && t.chars().count() <= MAX_NAME_CHARS
        && t.chars()
            .all(|c| c.is_alphanumeric() || HANDLE_PUNCTUATION.contains(&c))
        && t.chars().any(char::is_alphabetic)
        && !is_calendar_word(&t)
        && !is_role_word(&t)
        && !in_words(PLACEHOLDER_VALUES, &t);
    ok.then_some(t)
}

/// Most words of a name written all in lower case ("kirstin boatto").
const MAX_UNCASED_NAME_WORDS: usize = 3;

/// `text` as the author when it is a person's name written all in lower
/// case ("kirstin boatto"): declared markup copies the account's display
/// name as typed, where [`parse_authors`] takes lower case for prose. Only
/// letters (and `'`, `-`) in two or three words, none a role, date,
/// conjunction or template word.
pub(crate) fn uncased_name(text: &str) -> Option<String> {
    let t = clean(text);
    let words: Vec<&str> = t.split_whitespace().collect();
    let ok = (2..=MAX_UNCASED_NAME_WORDS).contains(&words.len())
        && t.chars().count() <= MAX_NAME_CHARS
        && !t.chars().any(char::is_uppercase)
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
                && w.chars().any(char::is_alphabetic)
                && !is_calendar_word(w)
                && !is_role_word(w)
                && !CONJUNCTIONS.contains(w)
                && !in_words(PLACEHOLDER_VALUES, w)
        });
    ok.then_some(t)
}

/// Whether `segment` is a date ("Dec. 19, 2025", "Monday, 3 March 2025"):
/// it starts with a number, a month or a weekday and reads as a date.
fn is_date_line(segment: &str) -> bool {
    let first = segment.split_whitespace().next().unwrap_or("");
    let starts_like_date = first.chars().next().is_some_and(|c| c.is_ascii_digit())
        || is_calendar_word(first.trim_end_matches([',', '.']));
    starts_like_date && super::dates::normalize_date(segment).is_some()
}

/// Whether `segment` is nothing but a byline prefix ("By", "Written by:").
fn is_prefix_only(segment: &str) -> bool {
    let lower = segment.trim_end_matches([':', '：']).trim().to_lowercase();
    PREFIXES.contains(&lower.as_str())
}

/// Removes "(...)" and "[...]" asides; an unclosed one cuts the rest.
fn drop_parentheticals(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' | '（' => depth += 1,
            ')' | ']' | '）' => {
                depth = depth.saturating_sub(1);
                out.push(' ');
            }
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Splits on commas, semicolons, slashes and conjunctions.
fn split_names(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    for chunk in text.split([',', ';', '/', '+']) {
        let mut current: Vec<&str> = Vec::new();
        for w in chunk.split_whitespace() {
            let lw = w.to_lowercase();
            if CONJUNCTIONS.contains(&lw.as_str()) && (w == lw || w == "AND") {
                parts.push(current.join(" "));
                current.clear();
            } else {
                current.push(w);
            }
        }
        parts.push(current.join(" "));
    }
    parts
}

/// Job titles Korean bylines write after the name, with or without a space
/// ("신현주 기자", "홍길동특파원"): reporter, senior and guest reporter,
/// correspondent, editorial writer.
const KOREAN_ROLE_SUFFIXES: &[&str] = &["선임기자", "객원기자", "기자", "특파원", "논설위원"];

/// Fewest Hangul syllables of a name left before a glued role suffix.
const MIN_HANGUL_NAME_CHARS: usize = 2;

/// `part` without a trailing Korean job title.
fn without_korean_role(part: &str) -> &str {
    let p = part.trim_end();
    for suffix in KOREAN_ROLE_SUFFIXES {
        if let Some(rest) = p.strip_suffix(suffix) {
            let name = rest.split_whitespace().last().unwrap_or("");
            if name.chars().count() >= MIN_HANGUL_NAME_CHARS
                && name.chars().all(|c| matches!(c as u32, 0xAC00..=0xD7AF))
            {
                return rest.trim_end();
            }
        }
    }
    p
}

/// Cleans one name candidate, or rejects it.
fn clean_name(part: &str) -> Option<String> {
    let part = without_korean_role(part);
    let mut words: Vec<&str> = Vec::new();
    for w in part.split_whitespace() {
        let lw = w.to_lowercase();
        if w.contains('@') || lw.starts_with("http") || lw.starts_with("www.") || w.contains("://")
        {
            continue;
        }
        words.push(w);
    }
    let name = words.join(" ");
    let name =
        name.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'' && c != ')');
    let name = name.trim_end_matches('.');
    let words: Vec<&str> = name.split_whitespace().collect();
    // Longer parts are prose, not a name with a title after it.
    if name.is_empty() || words.len() > MAX_PART_WORDS {
        return None;
    }
    let lower = name.to_lowercase();
    if lower == "more" || lower.starts_with("and more") {
        return None;
    }
    let has_upper = name.chars().any(char::is_uppercase);
    let has_lower = name.chars().any(char::is_lowercase);
    if has_lower && !has_upper {
        return None; // all lower case: a sentence fragment or a handle
    }
    let is_role = |w: &&str| is_role_word(w);
    // "Everfit Team", "TMZ Staff": a collective credit, kept whole (but not
    // "Read more about the team").
    if let Some((last, rest)) = words.split_last() {
        if !rest.is_empty()
            && is_collective(last)
            && words.len() <= MAX_NAME_WORDS
            && rest.iter().all(|w| {
                (!is_role(w) || norm_word(w) == "editorial")
                    && (w.starts_with(char::is_uppercase) || w.eq_ignore_ascii_case("the"))
            })
        {
            return Some(name.to_owned());
        }
    }
    // "Gina Trapani CEO", "Jane Doe Twitter", "Jane Doe in Valve": keep the
    // name before a role word or a lower-case word that is not a particle.
    let uncased = |w: &&str| {
        w.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(|c| c.is_lowercase() && !PARTICLES.contains(&w.to_lowercase().as_str()))
    };
    let (words, name) = match words.iter().position(|w| is_role(w) || uncased(w)) {
        None => (words.clone(), name.to_owned()),
        Some(p) if p >= 2 => (words[..p].to_vec(), words[..p].join(" ")),
        Some(_) => return None,
    };
    let name = name.as_str();
    if name.chars().count() > MAX_NAME_CHARS
        || words.len() > MAX_NAME_WORDS
        || name.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    // "December", "Montag": a date's word, not a name.
    if words.len() == 1 && is_calendar_word(name) {
        return None;
    }
    // Credentials after a comma ("MD", "Ph.D", "RD") are short single
    // upper-case words (not a name in an uncased script: "松岡大地").
    if words.len() == 1
        && (name.chars().count() <= 4 && has_upper && !has_lower
            || CREDENTIALS.contains(&norm_word(name).as_str()))
    {
        return None;
    }
    // "The Daily News Team": an organisation, not a person.
    if words.len() > 1 && words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        return None;
    }
    Some(name.to_owned())
}

/// Whether `word` (punctuation ignored) makes a string a role or a widget.
fn is_role_word(word: &str) -> bool {
    let lw = word.to_lowercase();
    NON_NAME_WORDS.contains(&lw.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// Whether `name` names one person in full: two words or more (or a name
/// in a script written without spaces), not a collective credit.
pub(crate) fn is_full_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let unspaced = name
        .chars()
        .any(|c| matches!(c as u32, 0x3040..=0x9FFF | 0xAC00..=0xD7AF));
    (words.len() >= 2 || unspaced) && !words.last().is_some_and(|w| is_collective(w))
}

/// Whether `name` is a credit that names no one: a CMS account
/// ("KatieS", "andrew.keaveney", "CC7567": one word with a digit, a dot,
/// an underscore or a capital inside) or a collective ("Us Weekly Staff").
/// A plain word ("dpa", "Heryadi") may be an agency or a one-word name.
pub(crate) fn is_account_or_collective(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [word] => {
            let mut after_lower = false;
            word.chars().any(|c| {
                let inner_capital = after_lower && c.is_uppercase();
                after_lower = c.is_lowercase();
                inner_capital || c.is_ascii_digit() || c == '.' || c == '_'
            })
        }
        [_, .., last] => is_collective(last),
        [] => false,
    }
}

/// Last words of collective credits ("Everfit Team", "News Desk").
const COLLECTIVE_WORDS: &[&str] = &["staff", "team", "desk", "editors", "newsroom"];

fn is_collective(word: &str) -> bool {
    COLLECTIVE_WORDS.contains(&norm_word(word).as_str())
}

/// Weekday names, lower case: a byline's date word, never a name alone.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
];

fn is_calendar_word(word: &str) -> bool {
    super::dates::is_month_name(word) || WEEKDAYS.contains(&norm_word(word).as_str())
}

/// The words of element `i`'s class names and id, as written: each name
/// whole, then its `-` and `_` parts. Compare them with [`in_words`]
/// (ASCII case ignored); nothing is allocated.
fn class_words(dom: &Dom, i: usize) -> impl Iterator<Item = &str> {
    ["class", "id"]
        .into_iter()
        .filter_map(move |attr| dom.attr(i, attr))
        .flat_map(str::split_whitespace)
        .flat_map(|name| {
            std::iter::once(name).chain(name.split(['-', '_']).filter(|w| !w.is_empty()))
        })
}

/// `class_words(dom, i).any(|w| in_words(list, w))`, in plain loops and
/// over bytes for ASCII values: it runs at every small element of the page.
fn has_class_word(dom: &Dom, i: usize, words: &ClassWords) -> bool {
    let list = words.list;
    let in_list = |w: &[u8]| {
        words.may_hold(w)
            && list
                .iter()
                .any(|l| l.len() == w.len() && l.as_bytes().eq_ignore_ascii_case(w))
    };
    for attr in ["class", "id"] {
        let Some(value) = dom.attr(i, attr) else {
            continue;
        };
        if !value.is_ascii() {
            if value
                .split_whitespace()
                .flat_map(|name| std::iter::once(name).chain(name.split(['-', '_'])))
                .any(|w| !w.is_empty() && in_words(list, w))
            {
                return true;
            }
            continue;
        }
        // ASCII whitespace as `char::is_whitespace` has it.
        let space = |b: &u8| matches!(*b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
        for name in value.as_bytes().split(space) {
            if name.is_empty() {
                continue;
            }
            if in_list(name) {
                return true;
            }
            for part in name.split(|&b| b == b'-' || b == b'_') {
                if !part.is_empty() && in_list(part) {
                    return true;
                }
            }
        }
    }
    false
}

/// Whether `word` is in `list` (lower-case ASCII words), ignoring ASCII case.
fn in_words(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// A list of lower-case class words with a quick reject: the first letters
/// and the lengths its words have (most class-name parts match neither).
struct ClassWords {
    list: &'static [&'static str],
    /// Bit `b` set: some word starts with ASCII byte `b`.
    first: u128,
    /// Bit `n` set: some word is `n` bytes long (63 stands for longer).
    lens: u64,
}

impl ClassWords {
    const fn new(list: &'static [&'static str]) -> ClassWords {
        let mut first = 0u128;
        let mut lens = 0u64;
        let mut k = 0;
        while k < list.len() {
            let w = list[k].as_bytes();
            if !w.is_empty() && w[0] < 128 {
                first |= 1 << w[0];
            } else {
                // A word the filter cannot index: let every word through.
                first = u128::MAX;
            }
            lens |= 1 << if w.len() < 63 { w.len() } else { 63 };
            k += 1;
        }
        ClassWords { list, first, lens }
    }

    /// Whether ASCII word `w` (any case) may be in the list.
    fn may_hold(&self, w: &[u8]) -> bool {
        let Some(&c) = w.first() else { return false };
        let c = c.to_ascii_lowercase();
        c < 128 && self.first >> c & 1 == 1 && self.lens >> w.len().min(63) & 1 == 1
    }
}

/// Class words of a post's user-name element on forum software.
const POST_USER_CLASS_WORDS: &[&str] = &["username", "bigusername", "postuser", "user-name"];
/// [`POST_USER_CLASS_WORDS`] with its quick reject.
const POST_USER_CLASSES: ClassWords = ClassWords::new(POST_USER_CLASS_WORDS);
/// [`BYLINE_CLASS_WORDS`] with its quick reject.
const BYLINE_CLASSES: ClassWords = ClassWords::new(BYLINE_CLASS_WORDS);
/// [`NOT_BYLINE_WORDS`] with its quick reject.
const NOT_BYLINE_CLASSES: ClassWords = ClassWords::new(NOT_BYLINE_WORDS);

/// Class words marking a comment thread or an aside.
const EXCLUDED_REGION_WORDS: &[&str] = &[
    "comment",
    "comments",
    "related",
    "sidebar",
    "footer",
    "recommended",
];

/// Path segments naming an author page (`/author/jane-doe`): a link there
/// is the author's name, as `rel=author` says in markup.
const AUTHOR_PATH_SEGMENTS: &[&str] = &["author", "authors", "autor", "autoren", "auteur"];

/// Whether `i` links to its author: `rel=author`, or an `<a>` whose URL
/// path has an author segment followed by the author's slug.
fn is_rel_author(dom: &Dom, i: usize) -> bool {
    let rel = dom.attr(i, "rel").is_some_and(|r| {
        r.split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("author"))
    });
    rel || dom.tag(i) == Some(Tag::A)
        && dom.attr(i, "href").is_some_and(is_author_page_url)
        // Menus and link lists list authors too (a "Columnists" menu).
        && !dom.ancestors(i).any(|a| dom.tag(a) == Some(Tag::Li))
        && is_bare_name(&spaced_text(dom, i, MAX_NAME_CHARS + 1))
}

/// Whether `text` is one person's name and nothing else: an author-page
/// link also labels teasers ("Jane Doe Tech", "More from Jane").
fn is_bare_name(text: &str) -> bool {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match parse_authors(&text).as_slice() {
        // The name alone, or after a byline word ("著者：後藤大地", "By Jane Doe").
        [name] => text
            .strip_suffix(name.as_str())
            .is_some_and(|before| before.trim().is_empty() || is_prefix_only(before)),
        _ => false,
    }
}

/// Whether `href` is an author page: an [`AUTHOR_PATH_SEGMENTS`] segment
/// followed by a non-empty one, in the path (not the query).
fn is_author_page_url(href: &str) -> bool {
    let path = href.split(['?', '#']).next().unwrap_or("");
    let mut segments = path.split('/').peekable();
    while let Some(segment) = segments.next() {
        if in_words(AUTHOR_PATH_SEGMENTS, segment) && segments.peek().is_some_and(|s| !s.is_empty())
        {
            return true;
        }
    }
    false
}

/// The names of `first` (a `rel=author` link) and of the `rel=author` links
/// beside it under the same parent, joined by commas: "<a rel=author>Jane
/// Doe</a> and <a rel=author>John Roe</a>" names both.
fn rel_author_names(dom: &Dom, first: usize) -> String {
    let Some(parent) = dom.parent(first) else {
        return spaced_text(dom, first, MAX_BYLINE_CHARS + 1);
    };
    let end = dom.end(parent).min(first + MAX_BYLINE_NODES);
    let mut names: Vec<String> = Vec::new();
    let mut j = first;
    while j < end {
        if is_rel_author(dom, j) {
            names.push(spaced_text(dom, j, MAX_NAME_CHARS + 1));
            j = dom.end(j);
        } else {
            j += 1;
        }
    }
    names.join(", ")
}

fn is_byline_element(dom: &Dom, i: usize) -> bool {
    if is_rel_author(dom, i) || names_author_name(dom, i) {
        return true;
    }
    has_class_word(dom, i, &BYLINE_CLASSES) && !has_class_word(dom, i, &NOT_BYLINE_CLASSES)
}

/// Whether one of `i`'s class names is an author's name field
/// ("elementor-author-box__name", "author_name"): the name itself, even
/// inside the author box whose other parts (bio, avatar) are not bylines.
fn names_author_name(dom: &Dom, i: usize) -> bool {
    dom.attr(i, "class")
        .into_iter()
        .flat_map(str::split_whitespace)
        .any(|name| {
            let mut author = false;
            let mut field = false;
            for part in name.split(['-', '_']) {
                author |= part.eq_ignore_ascii_case("author");
                field |= part.eq_ignore_ascii_case("name");
                if part.eq_ignore_ascii_case("comment") {
                    return false;
                }
            }
            author && field
        })
}

/// Whether `i` sits in a comment thread or an aside (other people's names).
fn in_excluded_region(dom: &Dom, i: usize) -> bool {
    let in_article = |a: usize| dom.ancestors(a).any(|b| dom.tag(b) == Some(Tag::Article));
    // Wrappers around <main> are the page layout ("fixed-sidebar" on the
    // grid holding main and sidebar), not a region beside it.
    dom.ancestors(i)
        .take_while(|&a| dom.tag(a) != Some(Tag::Main))
        .any(|a| {
            dom.tag(a) == Some(Tag::Nav)
            // An <aside> or <footer> inside an <article> is the post's own
            // meta column or meta line; outside one (even holding teaser
            // <article>s), a sidebar or the page footer.
            || (matches!(dom.tag(a), Some(Tag::Aside | Tag::Footer)) && !in_article(a))
            // Classes on <html> and <body> describe the page's layout
            // ("layout--with-sidebar", "no-footer"), not a region of it.
            || (!matches!(dom.tag(a), Some(Tag::Html | Tag::Body))
                && class_words(dom, a).any(|w| in_words(EXCLUDED_REGION_WORDS, w)))
        })
}

/// Collects byline candidates from the visible body.
pub(crate) fn collect(dom: &Dom, out: &mut Candidates) {
    let mut class_found = false;
    let mut text_found = false;
    let mut user_found = false;
    // The class byline's text, tag and element, and the other names that
    // elements of the same tag and class give.
    let mut class_byline: Option<(String, Tag, usize, Vec<Vec<String>>)> = None;
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
        let small = dom.end(i) - i <= MAX_BYLINE_NODES;
        if !user_found {
            // A custom element's `author` attribute wraps the whole post.
            let user = if small && has_class_word(dom, i, &POST_USER_CLASSES) {
                Some(spaced_text(dom, i, MAX_NAME_CHARS + 1))
            } else if tag == Tag::Other {
                dom.attr(i, "author").map(str::to_owned)
            } else {
                None
            };
            if let Some(user) = user.filter(|u| {
                (handle(u).is_some() || !parse_authors(u).is_empty()) && !in_excluded_region(dom, i)
            }) {
                out.push(Field::Author, Source::PostUser, &user);
                user_found = true;
            }
        }
        if !class_found
            && small
            && is_byline_element(dom, i)
            && !in_excluded_region(dom, i)
            && !after_other_credit(dom, i)
        {
            let text = if is_rel_author(dom, i) {
                rel_author_names(dom, i)
            } else {
                line_text(dom, i, MAX_BYLINE_CHARS + 1)
            };
            if text.chars().count() <= MAX_BYLINE_CHARS && !parse_authors(&text).is_empty() {
                class_byline = Some((text, tag, i, Vec::new()));
                class_found = true;
            }
        } else if let Some((_, first_tag, first, others)) = &mut class_byline {
            // Elements dressed like the byline: the same credit on other
            // entries (a listing, reviews) when they name other people.
            if tag == *first_tag
                && small
                && others.len() < MIN_LISTING_BYLINES
                && dom
                    .attr(i, "class")
                    .is_some_and(|c| Some(c) == dom.attr(*first, "class"))
            {
                let names = parse_authors(&line_text(dom, i, MAX_BYLINE_CHARS + 1));
                if !names.is_empty() && !others.contains(&names) {
                    others.push(names);
                }
            }
        }
        if !text_found
            && small
            && matches!(
                tag,
                Tag::P
                    | Tag::Div
                    | Tag::Span
                    | Tag::Address
                    | Tag::Li
                    | Tag::Em
                    | Tag::Strong
                    | Tag::B
                    | Tag::I
                    | Tag::Small
                    | Tag::Other
                    // "Written by Jane Doe" heading an author box.
                    | Tag::H3
                    | Tag::H4
                    | Tag::H5
                    | Tag::H6
            )
            && may_start_with_prefix(dom, i)
        {
            let text = line_text(dom, i, MAX_BYLINE_CHARS + 1);
            if text.chars().count() <= MAX_BYLINE_CHARS / 2
                && starts_with_prefix(&text)
                && !in_excluded_region(dom, i)
                && !parse_authors(&text).is_empty()
            {
                out.push(Field::Author, Source::BylineText, &text);
                text_found = true;
            }
        }
        i += 1;
    }
    if let Some((text, _, _, others)) = class_byline {
        let own = parse_authors(&text);
        if others.iter().filter(|n| **n != own).count() < MIN_LISTING_BYLINES - 1 {
            out.push(Field::Author, Source::BylineClass, &text);
        }
    }
}

/// Bylines of the same tag and class naming this many different people
/// make a listing or a review list, which has no one author.
const MIN_LISTING_BYLINES: usize = 3;

/// Credit labels for people who did not write the piece, lower case: an
/// author element after one ("Fact checked by" + the checker's card) is
/// theirs.
const OTHER_CREDITS: &[&str] = &[
    "reviewed by",
    "medically reviewed by",
    "fact checked by",
    "fact-checked by",
    "illustrated by",
    "illustration by",
    "illustrations by",
    "photos by",
    "photographs by",
    "photography by",
    "translated by",
];

/// How many text nodes before an author element are read for its label:
/// the label, then maybe the name printed before a tooltip card.
const MAX_CREDIT_LOOKBACK: usize = 3;

/// Whether the nearest "... by" label before `i` (within
/// [`MAX_CREDIT_LOOKBACK`] text nodes) is one of [`OTHER_CREDITS`].
fn after_other_credit(dom: &Dom, i: usize) -> bool {
    let mut seen = 0;
    for j in (0..i).rev() {
        let Some(t) = dom.text(j).map(str::trim).filter(|t| !t.is_empty()) else {
            continue;
        };
        let lower = t.trim_end_matches(':').trim_end().to_lowercase();
        if lower == "by" || lower.ends_with(" by") {
            return OTHER_CREDITS.iter().any(|c| lower.ends_with(c));
        }
        seen += 1;
        if seen >= MAX_CREDIT_LOOKBACK {
            break;
        }
    }
    false
}

/// Whether the text of `i` may start with one of [`EXPLICIT`]: its first
/// visible text node, whitespace collapsed and lower-cased, opens with one
/// (or is the start of one, the rest maybe in the next node). Most
/// elements fail this, and need no text collected.
fn may_start_with_prefix(dom: &Dom, i: usize) -> bool {
    let mut j = i + 1;
    while j < dom.end(i) {
        if dom.tag(j).is_some_and(Tag::is_invisible) {
            j = dom.end(j);
            continue;
        }
        if let Some(t) = dom.text(j).map(str::trim_start).filter(|t| !t.is_empty()) {
            return EXPLICIT.iter().any(|p| may_open_with(t, p));
        }
        j += 1;
    }
    false
}

/// Whether `t` (no leading whitespace), collapsed and lower-cased as the
/// collected text is, opens with `prefix` or ends before it could tell.
/// Lower-casing goes char by char here; the one context rule of
/// `str::to_lowercase` (a final sigma) yields no char of a prefix.
fn may_open_with(t: &str, prefix: &str) -> bool {
    let mut want = prefix.chars();
    let mut after_space = false;
    for c in t.chars() {
        let space = c.is_whitespace();
        if space && after_space {
            continue;
        }
        after_space = space;
        let c = if space { ' ' } else { c };
        for lower in c.to_lowercase() {
            match want.next() {
                None => return true,
                Some(w) if w == lower => {}
                Some(_) => return false,
            }
        }
    }
    true
}

/// Byline words a block may open with.
const EXPLICIT: &[&str] = &[
    "by ",
    "by:",
    "posted by ",
    "posted by:",
    "written by ",
    "written by:",
    "von ",
    "par ",
    "por ",
    "di ",
    "door ",
    "автор:",
    "author:",
    "autor:",
    "auteur:",
    "autore:",
    "text:",
];

/// Whether a block starts with an explicit byline word ("By", "Von", "Autor:").
fn starts_with_prefix(text: &str) -> bool {
    let lower = text.to_lowercase();
    EXPLICIT.iter().any(|p| lower.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_probe_reads_the_first_visible_char() {
        let probe = |html: &str| {
            let dom = Dom::parse(html);
            let p = dom.elements(Tag::P).next().unwrap();
            may_start_with_prefix(&dom, p)
        };
        assert!(probe("<p><button>Share</button>  <b>BY</b> Jane Doe</p>"));
        assert!(probe("<p>\u{a0}Автор: Иван</p>"));
        assert!(probe("<p>Posted \n\t by Jane</p>"));
        assert!(!probe("<p><span> </span>Hello</p>"));
        assert!(!probe("<p>Byzantine art</p>"));
        assert!(!probe("<p><img src=x></p>"));
    }

    #[test]
    fn the_weekday_of_a_trailing_date_is_no_name() {
        assert_eq!(
            parse_authors("Posted by BeauHD on Friday December 19, 2025 @08:00PM"),
            ["BeauHD"]
        );
        assert_eq!(parse_authors("Joe Wee Monday, 10 March 2025"), ["Joe Wee"]);
    }

    #[test]
    fn a_byline_word_with_a_colon_opens_a_byline() {
        let names = |html: &str| {
            let mut c = Candidates::default();
            collect(&Dom::parse(html), &mut c);
            c.first(Field::Author, Source::BylineText)
                .map(parse_authors)
        };
        assert_eq!(
            names("<h1>T</h1><p>by: <!-- -->Ziyi Xu<!-- -->, Dec 17, 2025</p>"),
            Some(vec!["Ziyi Xu".to_owned()])
        );
        assert_eq!(
            names("<h1>T</h1><div><span>Written by:</span><img src=a.jpg><span>Elise Nass</span></div>"),
            Some(vec!["Elise Nass".to_owned()])
        );
        // "Bylaws:" is no byline.
        assert_eq!(names("<h1>T</h1><p>Bylaws: Jane Doe</p>"), None);
    }

    #[test]
    fn class_word_lists_are_lower_case_ascii() {
        // `in_words` compares ignoring ASCII case against these lists.
        for list in [BYLINE_CLASS_WORDS, NOT_BYLINE_WORDS, EXCLUDED_REGION_WORDS] {
            for w in list {
                assert!(
                    w.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()),
                    "{w}"
                );
            }
        }
        let dom = Dom::parse("<div class='Post-Author byline_x' id=main></div>");
        let div = dom.elements(Tag::Div).next().unwrap();
        let words: Vec<&str> = class_words(&dom, div).collect();
        assert_eq!(
            words,
            [
                "Post-Author",
                "Post",
                "Author",
                "byline_x",
                "byline",
                "x",
                "main",
                "main"
            ]
        );
        assert!(is_byline_element(&dom, div));
        for html in [
            "<div class='Post-Author byline_x' id=main></div>",
            "<div class=' a--b\u{a0}AUTHOR\tx' id='é_byline'></div>",
            "<div class='author\u{b}box'></div>",
            "<div class='byl-ine writers' id=''></div>",
        ] {
            let dom = Dom::parse(html);
            let div = dom.elements(Tag::Div).next().unwrap();
            for list in [BYLINE_CLASS_WORDS, NOT_BYLINE_WORDS] {
                assert_eq!(
                    has_class_word(&dom, div, &ClassWords::new(list)),
                    class_words(&dom, div).any(|w| in_words(list, w)),
                    "{html}"
                );
            }
        }
    }

    #[test]
    fn strips_prefixes_and_job_titles() {
        assert_eq!(parse_authors("By Jane Doe, Staff Writer"), ["Jane Doe"]);
        assert_eq!(parse_authors("Von Anna Schmidt"), ["Anna Schmidt"]);
        assert_eq!(parse_authors("Par Claire Martin"), ["Claire Martin"]);
        assert_eq!(parse_authors("Por María López"), ["María López"]);
        assert_eq!(parse_authors("Автор: Иван Петров"), ["Иван Петров"]);
        assert_eq!(
            parse_authors("Posted by Jane Doe on March 25, 2024"),
            ["Jane Doe"]
        );
        assert_eq!(parse_authors("ByTravis Haney"), ["Travis Haney"]);
        assert_eq!(
            parse_authors("By by JOSH HASKELL and PATRICK REEVELL December 16, 2016, 4:19 PM"),
            ["JOSH HASKELL", "PATRICK REEVELL"]
        );
    }

    #[test]
    fn splits_on_conjunctions_and_commas() {
        assert_eq!(
            parse_authors("By Jane Doe and John Smith"),
            ["Jane Doe", "John Smith"]
        );
        assert_eq!(
            parse_authors("Anna Schmidt und Jan Ott"),
            ["Anna Schmidt", "Jan Ott"]
        );
        assert_eq!(
            parse_authors("JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL"),
            ["JOSH HASKELL", "DAVID CAPLAN", "PATRICK REEVELL"]
        );
        assert_eq!(
            parse_authors("Claire Martin et Paul Roux"),
            ["Claire Martin", "Paul Roux"]
        );
        assert_eq!(parse_authors("Jane Doe & jane doe"), ["Jane Doe"]);
        assert_eq!(parse_authors("Jane Doe and more"), ["Jane Doe"]);
    }

    #[test]
    fn collective_credits_places_and_dates() {
        assert_eq!(parse_authors("By TMZ Staff"), ["TMZ Staff"]);
        assert_eq!(
            parse_authors("The Investopedia Team"),
            ["The Investopedia Team"]
        );
        assert_eq!(
            parse_authors("Great Day Editorial Team"),
            ["Great Day Editorial Team"]
        );
        assert!(parse_authors("Read more about the Upwork Team").is_empty());
        assert_eq!(parse_authors("Von Ines Zöttl, Washington"), ["Ines Zöttl"]);
        assert_eq!(
            parse_authors("Written by Michael Larabel in Valve on 1 June 2019 at 08:34 PM EDT"),
            ["Michael Larabel"]
        );
        assert!(parse_authors("December").is_empty());
        assert!(parse_authors("Montag, 25.03.2024").is_empty());
        assert_eq!(parse_authors("By | Chris Thompson"), ["Chris Thompson"]);
        assert_eq!(
            parse_authors("Dec. 19, 2025 · Niko Matsakis on behalf of the team"),
            ["Niko Matsakis"]
        );
        assert_eq!(
            parse_authors("Andrew Hayden, Software Engineer"),
            ["Andrew Hayden"]
        );
        assert_eq!(
            parse_authors("Paul Frew, Home and Digital Security Expert"),
            ["Paul Frew"]
        );
    }

    #[test]
    fn byline_blocks_and_rel_author_links() {
        let dom = Dom::parse(
            "<h1>T</h1><div class='article_byline'><div>By <span>Meg Wagner</span></div>\
             <div>NEW YORK DAILY NEWS</div><time>Dec 16, 2016</time></div>",
        );
        let mut c = Candidates::default();
        collect(&dom, &mut c);
        let found = c.first(Field::Author, Source::BylineClass).unwrap_or("");
        assert_eq!(parse_authors(found), ["Meg Wagner"]);
        let dom = Dom::parse(
            "<h1>T</h1><address><div><a rel=author href=/a>Julia Carrie Wong</a> and \
             <a rel=author href=/b>Sam Levin</a></div></address>",
        );
        let mut c = Candidates::default();
        collect(&dom, &mut c);
        let found = c.first(Field::Author, Source::BylineClass).unwrap_or("");
        assert_eq!(parse_authors(found), ["Julia Carrie Wong", "Sam Levin"]);
    }

    /// The authors of the first byline element `collect` finds in `html`.
    fn found(html: &str) -> Vec<String> {
        let mut c = Candidates::default();
        collect(&Dom::parse(html), &mut c);
        c.first(Field::Author, Source::BylineClass)
            .map(parse_authors)
            .unwrap_or_default()
    }

    #[test]
    fn meta_asides_in_the_article_and_layout_classes() {
        // The article's own meta column is an <aside> inside the <article>.
        assert_eq!(
            found(
                "<article><h1>T</h1><aside><address><a rel=author href=/p/a>Jane Doe</a>\
                 </address></aside><p>Text.</p></article>"
            ),
            ["Jane Doe"]
        );
        // A sidebar of teaser articles is not.
        assert!(found(
            "<article><h1>T</h1><p>Text.</p></article><aside><article>\
             <a rel=author href=/p/b>John Roe</a></article></aside>"
        )
        .is_empty());
        // A body class naming the page layout is no sidebar region...
        assert_eq!(
            found(
                "<body class='layout--with-sidebar'><h1>T</h1>\
                 <span class=byline>By <a href=/author/kathy-wise>Kathy Wise</a></span></body>"
            ),
            ["Kathy Wise"]
        );
        // ...but a sidebar element is.
        assert!(found(
            "<body><h1>T</h1><div class=sidebar><span class=byline>By Kathy Wise</span></div></body>"
        )
        .is_empty());
    }

    #[test]
    fn author_page_links_name_the_author() {
        assert_eq!(
            found("<h1>T</h1><div><a href='/author/kathy-wise/'> Kathy Wise </a></div>"),
            ["Kathy Wise"]
        );
        // A menu of authors, a teaser link with more than the name, a query.
        assert!(found("<ul><li><a href='/authors/jane-doe'>Jane Doe</a></li></ul>").is_empty());
        assert!(found("<p><a href='/author/jane-doe'>More from Jane Doe</a></p>").is_empty());
        assert!(found("<p><a href='/post?author/jane'>Jane Doe</a></p>").is_empty());
        assert_eq!(
            found("<p><a href='/author/180/'>著者：後藤大地</a></p>"),
            ["後藤大地"]
        );
    }

    #[test]
    fn names_in_uncased_scripts() {
        assert_eq!(parse_authors("松岡大地"), ["松岡大地"]);
        assert_eq!(parse_authors("谢若含"), ["谢若含"]);
        assert_eq!(parse_authors("作者： Diogo Carleto"), ["Diogo Carleto"]);
        assert_eq!(
            parse_authors("投稿者 Masafumi Negishi"),
            ["Masafumi Negishi"]
        );
        assert!(parse_authors("著者").is_empty());
        // A credential after a name is still no second name.
        assert_eq!(parse_authors("Jane Doe, MD"), ["Jane Doe"]);
        assert!(parse_authors("RD").is_empty());
    }

    #[test]
    fn inverted_names() {
        assert_eq!(
            inverted_name("Gillman, Steve").as_deref(),
            Some("Steve Gillman")
        );
        assert_eq!(
            inverted_name("Kaufman, Jeff T").as_deref(),
            Some("Jeff T Kaufman")
        );
        // Two people, a credential, a role, a single name.
        assert_eq!(inverted_name("Jane Doe, John Roe, Max Mux"), None);
        assert_eq!(inverted_name("Jane Doe, MD"), None);
        assert_eq!(inverted_name("Jane Doe, editor"), None);
        assert_eq!(inverted_name("Jane Doe"), None);
        assert_eq!(inverted_name("Smith, AP"), None);
        assert_eq!(inverted_name("Jane Doe, Reuters"), None);
    }

    #[test]
    fn declared_handles() {
        assert_eq!(handle("hayley.p").as_deref(), Some("hayley.p"));
        assert_eq!(handle(" sorairolake ").as_deref(), Some("sorairolake"));
        assert_eq!(handle("user_447274").as_deref(), Some("user_447274"));
        // Two words, a URL, a date word, a number, a template's placeholder.
        assert_eq!(handle("jane doe"), None);
        assert_eq!(handle("https://x.test/u/jane"), None);
        assert_eq!(handle("december"), None);
        assert_eq!(handle("2024"), None);
        assert_eq!(handle("undefined"), None);
    }

    #[test]
    fn korean_job_titles_after_names() {
        assert_eq!(parse_authors("신현주 기자"), ["신현주"]);
        assert_eq!(parse_authors("홍길동특파원"), ["홍길동"]);
        assert_eq!(
            parse_authors("박준석 기자, 김태연 기자"),
            ["박준석", "김태연"]
        );
        // The word alone is no name.
        assert!(parse_authors("기자").is_empty());
    }

    #[test]
    fn declared_lower_case_names() {
        assert_eq!(
            uncased_name("kirstin boatto").as_deref(),
            Some("kirstin boatto")
        );
        assert_eq!(
            uncased_name("mary-jo o'neil").as_deref(),
            Some("mary-jo o'neil")
        );
        // One word is a handle's case; capitals go through parse_authors.
        assert_eq!(uncased_name("kirstin"), None);
        assert_eq!(uncased_name("Kirstin Boatto"), None);
        // Roles, sentences, dates and joined names are not one person.
        assert_eq!(uncased_name("site admin"), None);
        assert_eq!(uncased_name("read the full story here"), None);
        assert_eq!(uncased_name("posted december 3"), None);
        assert_eq!(uncased_name("jane and john"), None);
    }

    #[test]
    fn rejects_non_names() {
        assert!(parse_authors("jane@example.com").is_empty());
        assert!(parse_authors("@janedoe").is_empty());
        assert!(parse_authors("Photo: Reuters").is_empty());
        assert!(parse_authors("https://www.facebook.com/janedoe").is_empty());
        assert!(parse_authors("Staff").is_empty());
        assert!(parse_authors("admin").is_empty());
        assert!(parse_authors("the quick brown fox jumps").is_empty());
        assert!(parse_authors("Updated 3 hours ago").is_empty());
        assert!(parse_authors("Written By").is_empty());
        assert_eq!(
            parse_authors("Genevieve Carlton, Ph.D."),
            ["Genevieve Carlton"]
        );
        assert_eq!(parse_authors("Jane Doe (jane@example.com)"), ["Jane Doe"]);
    }

    #[test]
    fn finds_visible_bylines() {
        let dom = Dom::parse(
            "<article><h1>T</h1><div class='article-byline'>By <a rel=author href=/jd>Jane Doe</a> | March 25, 2024</div>\
             <p>By the way, this is prose.</p></article><aside><div class=author>Other Person</div></aside>",
        );
        let mut c = Candidates::default();
        collect(&dom, &mut c);
        assert_eq!(
            c.first(Field::Author, Source::BylineClass),
            Some("By Jane Doe | March 25, 2024")
        );
        assert_eq!(
            parse_authors(c.first(Field::Author, Source::BylineClass).unwrap_or("")),
            ["Jane Doe"]
        );
    }

    #[test]
    fn finds_text_bylines() {
        let dom = Dom::parse("<article><h1>T</h1><p>Von Anna Schmidt</p><p>Text.</p></article>");
        let mut c = Candidates::default();
        collect(&dom, &mut c);
        assert_eq!(
            c.first(Field::Author, Source::BylineText),
            Some("Von Anna Schmidt")
        );
    }
}
