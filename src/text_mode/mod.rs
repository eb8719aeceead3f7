//! Text mode: plain text scraped from a page (text dumps, Common Crawl WET
//! records) → metadata, body blocks and the removal log.
//!
//! The same stages as for HTML, over lines instead of nodes: every non-empty
//! line is a block; the phrase rules judge each line; metadata (title,
//! authors) is read from the head; the article is the span of lines with the
//! most prose for the fewest short lines (menus, related headlines, footers);
//! then the shared [`refine`](crate::boilerplate::refine) pass removes the
//! repeated title, author lines and the tail's bio.
//!
//! Invariants: every input line ends up either in the body or in `removed`;
//! line order is kept.

use crate::blocks::TextBlock;
use crate::boilerplate::{refine::normalize, refine::refine, removal};
use crate::document::{BlockKind, Kind, Metadata, Removal};
use crate::rules::compiled::CompiledRules;
use crate::rules::thresholds::{BALANCED, LINK_DENSE, PROSE_MIN_CHARS};

mod reflow;

/// What one short, non-sentence line costs the span that includes it:
/// menus and headline lists are runs of such lines.
const SHORT_LINE_PENALTY: f32 = 25.0;
/// The name under an empty byline label has at most this many words.
const LABELLED_NAME_MAX_WORDS: usize = 6;
/// A keyword list has at least this many words...
const KEYWORD_LIST_MIN_WORDS: usize = 15;
/// ... in runs of at most this many words between commas.
const KEYWORD_RUN_MAX_WORDS: f32 = 4.0;
/// On a page without prose, a line of at least this many words (a
/// calendar entry, a result) counts as content; menu entries are shorter.
const LENIENT_LINE_MIN_WORDS: usize = 5;
/// A teaser line counts this share of its length against the span.
const TEASER_LINE_WEIGHT: f32 = 0.5;
/// What a headline-like short line costs the span that includes it.
const HEADLINE_LINE_PENALTY: f32 = 40.0;
/// A run of this many non-prose lines inside the span is a gap between
/// page regions (articles keep at most a subheading and a caption or two
/// between paragraphs).
const SPAN_GAP_LINES: usize = 5;
/// A gap is made of menu-like lines: removed chrome, or a few words.
const GAP_LINE_MAX_WORDS: usize = 3;
/// Past a gap, lines whose prose is under this share of the prose on the
/// article's side are cut from the span.
const SPAN_FAR_SIDE_SHARE: f32 = 0.25;
/// What a line of page chrome removed by a rule costs the span across it.
const REMOVED_CHROME_PENALTY: f32 = 40.0;
/// How many Latin chars one Chinese or Japanese character weighs (an average short word
/// and its space).
const CJK_CHAR_WEIGHT: usize = 3;
/// Characters of Chinese or Japanese text per word, on average.
const CJK_CHARS_PER_WORD: usize = 2;
/// A line ending like a sentence counts as prose from this many words.
const SENTENCE_MIN_WORDS: usize = 4;
/// Share of the page's prose after which a related heading opens the tail.
const RELATED_TAIL_PROSE_BEFORE: f32 = 0.6;
/// Share of the page's prose that must precede a comments heading.
const COMMENTS_MIN_PROSE_BEFORE: f32 = 0.25;
/// Rules that recognise a comment's author line.
const COMMENT_AUTHOR_RULES: &[&str] = &["comments-author-says", "comments-author-dated"];
/// How many lines after a comments heading its first author line may come.
const COMMENT_AUTHOR_WITHIN: usize = 3;
/// A photo credit naming its author is at most this long (chars).
const CREDIT_MAX_CHARS: usize = 60;
/// A caption beside a photo credit is at most this long (chars).
const CAPTION_MAX_CHARS: usize = 200;
/// A dek is at most this long (chars).
const DEK_MAX_CHARS: usize = 300;
/// A dek has at least this many words (a dateline like "Kabul:" has one).
const DEK_MIN_WORDS: usize = 5;
/// The headline is looked for among this many lines above the article.
const TITLE_LOOKBACK_LINES: usize = 8;
/// ... and among this many first lines of the article.
const TITLE_INTO_SPAN_LINES: usize = 2;
/// What being printed twice in the head is worth to a headline candidate,
/// in lines of distance from the article.
const TITLE_TWICE_BONUS: f32 = 4.0;
/// What a top-level heading mark is worth.
const TITLE_H1_BONUS: f32 = 3.0;
/// What another heading mark is worth.
const TITLE_HEADING_BONUS: f32 = 2.0;
/// Without an article, the title is looked for among this many first lines.
const TITLE_SEARCH_LINES: usize = 40;

/// Cleaned text: metadata, kept lines as blocks, removals keyed by line.
pub fn clean(
    text: &str,
    rules: &CompiledRules,
) -> (Metadata, Vec<TextBlock>, Vec<(usize, Removal)>) {
    let lines = split_lines(text);
    let mut log: Vec<(usize, Removal)> = Vec::new();
    let mut removed = vec![false; lines.len()];
    let mut metadata = Metadata::default();

    for (i, line) in lines.iter().enumerate() {
        if let Some(hit) = rules.classify_text(&line.text) {
            removed[i] = true;
            if hit.kind == Kind::Byline && metadata.authors.is_empty() {
                metadata.authors = byline_authors(hit.id, &line.text);
            }
            if hit.id.starts_with("dateline") {
                read_dateline(&line.text, &mut metadata);
            }
            log.push((i, removal(hit.kind, hit.id, &line.text)));
        }
    }
    remove_share_runs(&lines, &mut removed, &mut log);
    // An empty "By" label printed apart from its name: the next line is
    // the name.
    let labels: Vec<usize> = log
        .iter()
        .filter(|(_, r)| r.rule == "byline-label" && !r.text.to_lowercase().contains("date"))
        .map(|(at, _)| *at)
        .collect();
    for at in labels {
        let Some(next) = lines.get(at + 1).filter(|_| !removed[at + 1]) else {
            continue;
        };
        let names = crate::metadata::parse_authors(&next.text);
        if !names.is_empty() && word_count(&next.text) <= LABELLED_NAME_MAX_WORDS {
            removed[at + 1] = true;
            if metadata.authors.is_empty() {
                metadata.authors = names;
            }
            log.push((
                at + 1,
                removal(Kind::Byline, "byline-label-name", &next.text),
            ));
        }
    }
    // Lines judged by the line rules alone: the sweeps below take the
    // headline too when a related heading sits in the menu above it.
    let judged = removed.clone();
    remove_copies(&lines, &mut removed, &mut log);
    remove_sections(&lines, &mut removed, &mut log);
    remove_captions(&lines, &mut removed, &mut log);
    remove_card_rails(&lines, &mut removed, &mut log);
    remove_dated_rails(&lines, &mut removed, &mut log);

    // The article span: maximum-sum run of line scores. A page with no
    // prose at all (a calendar, a results list) gets a second, lenient
    // scoring where lines of a few words count as content: never an empty
    // body for a page that has one.
    let kinds = removed_kinds(lines.len(), &log);
    let teaser: Vec<bool> = lines.iter().map(|l| is_teaser_line(&l.text)).collect();
    // A paragraph cut off right after a paragraph of the article is where a
    // paywall cut the article ("... and may receive further discipline...."),
    // not a teaser: those come after headlines or other teasers.
    let paywall_cut = |i: usize| {
        i.checked_sub(1)
            .is_some_and(|j| !removed[j] && !teaser[j] && weight(&lines[j]) >= PROSE_MIN_CHARS)
            && !opens_in_title_case(&lines[i].text, false)
            && (i + 1..lines.len())
                .find(|&j| !removed[j])
                .is_none_or(|j| !teaser[j])
    };
    let score_lines = |lenient: bool| -> Vec<f32> {
        lines
            .iter()
            .enumerate()
            .zip(&removed)
            .zip(&kinds)
            .map(|(((i, l), &r), kind)| {
                if r {
                    kind.map_or(0.0, removed_line_score)
                } else if l.link_density() >= LINK_DENSE
                    || is_keyword_list(&l.text)
                    || (teaser[i] && !paywall_cut(i))
                {
                    -(weight(l) as f32) * TEASER_LINE_WEIGHT
                } else if is_prose(l) || (lenient && word_count(&l.text) >= LENIENT_LINE_MIN_WORDS)
                {
                    weight(l) as f32
                } else if is_headline_like(&l.text) {
                    -HEADLINE_LINE_PENALTY
                } else {
                    -SHORT_LINE_PENALTY
                }
            })
            .collect()
    };
    let mut scores = score_lines(false);
    let lenient = max_span(&scores).is_none();
    if lenient {
        scores = score_lines(true);
    }
    let gap: Vec<bool> = lines
        .iter()
        .zip(&scores)
        .zip(&removed)
        .map(|((l, &s), &r)| s <= 0.0 && (r || word_count(&l.text) <= GAP_LINE_MAX_WORDS))
        .collect();
    let span = max_span(&scores)
        .map(|span| trim_span(&scores, &gap, span))
        .map(|span| extend_to_announced_list(&lines, &removed, span));
    // The headline sits just above the article; the dek between them.
    metadata.title = find_title(&lines, &judged, span.map(|(a, _)| a));
    // Below the headline of a page without prose is its first entry, not a dek.
    let dek = if lenient {
        None
    } else {
        take_dek(&lines, &mut removed, &metadata)
    };
    if let Some(dek) = dek {
        log.push((
            dek,
            removal(Kind::TitleRepeat, "dek-description", &lines[dek].text),
        ));
        metadata.description = Some(lines[dek].text.clone());
    }
    if metadata.description.is_none() {
        metadata.description = find_dek(&lines, &removed, &metadata, span.map(|(a, _)| a));
    }

    let mut inside = Vec::new();
    let mut outside: Option<(usize, String)> = None;
    for (i, line) in lines.into_iter().enumerate() {
        if removed[i] {
            // A run outside the article ends at a line a rule took: each
            // run is logged at its own place, not merged across the page.
            flush_outside(&mut outside, &mut log);
            continue;
        }
        let in_span = span.is_some_and(|(a, b)| a <= i && i <= b);
        let is_title = metadata
            .title
            .as_deref()
            .is_some_and(|t| normalize(t) == normalize(&line.text));
        if in_span && !is_title {
            flush_outside(&mut outside, &mut log);
            inside.push(line);
        } else if is_title {
            flush_outside(&mut outside, &mut log);
            log.push((i, removal(Kind::TitleRepeat, "title-repeat", &line.text)));
        } else if is_author_name(&line.text, &metadata.authors) {
            flush_outside(&mut outside, &mut log);
            log.push((i, removal(Kind::Byline, "byline-author-name", &line.text)));
        } else {
            match &mut outside {
                Some((_, text)) => {
                    text.push_str(" / ");
                    text.push_str(&line.text);
                }
                None => outside = Some((i, line.text)),
            }
        }
    }
    flush_outside(&mut outside, &mut log);
    // Scraped text has no links to weigh: the balanced tuning is the only one.
    let (kept, refined) = refine(inside, &metadata, rules, &BALANCED);
    log.extend(refined);
    (metadata, kept, log)
}

/// Entries of a list announced at the article's end have at least this
/// many words ("June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL");
/// a menu's entries have fewer.
const ANNOUNCED_ENTRY_MIN_WORDS: usize = 3;
/// A list needs this many entries to be taken as one.
const ANNOUNCED_MIN_ENTRIES: usize = 3;

/// The span ends at the article's last paragraph; a list that paragraph
/// or the line after it announces ("The tour dates:") is the article's
/// too, though its entries are short: the entries after it, up to the
/// first line a rule removed or one too short to be an entry.
fn extend_to_announced_list(
    lines: &[TextBlock],
    removed: &[bool],
    (a, b): (usize, usize),
) -> (usize, usize) {
    let mut at = b;
    let next_kept = |i: usize| (i + 1..lines.len()).find(|&j| !removed[j]);
    if !lines[at].text.ends_with(':') {
        match next_kept(at) {
            Some(j)
                if lines[j].text.ends_with(':')
                    && word_count(&lines[j].text) >= SENTENCE_MIN_WORDS =>
            {
                at = j
            }
            _ => return (a, b),
        }
    }
    let mut end = at;
    let mut entries = 0;
    while let Some(j) = (end + 1 < lines.len()).then_some(end + 1) {
        if removed[j]
            || word_count(&lines[j].text) < ANNOUNCED_ENTRY_MIN_WORDS
            || lines[j].text.ends_with(':')
        {
            break;
        }
        end = j;
        entries += 1;
    }
    if entries >= ANNOUNCED_MIN_ENTRIES {
        (a, end)
    } else {
        (a, b)
    }
}

/// The kind each removed line was removed as (the first rule's).
fn removed_kinds(n: usize, log: &[(usize, Removal)]) -> Vec<Option<Kind>> {
    let mut kinds = vec![None; n];
    for (at, r) in log {
        if let Some(k) = kinds.get_mut(*at) {
            k.get_or_insert(r.kind);
        }
    }
    kinds
}

/// What a line removed by a rule weighs in the article span: page chrome
/// (footers, menus, sign-up and share prompts) marks the span's edge, while
/// the lines a rule takes out of the article itself (see-also links,
/// bylines, captions) sit between its paragraphs and cost nothing.
fn removed_line_score(kind: Kind) -> f32 {
    match kind {
        Kind::Footer
        | Kind::Navigation
        | Kind::CookieNotice
        | Kind::Comments
        | Kind::Related
        | Kind::Newsletter
        | Kind::Share
        | Kind::Taxonomy
        | Kind::Advertisement => -REMOVED_CHROME_PENALTY,
        _ => 0.0,
    }
}

/// The people named by a byline line: "By Jane Doe", or the part after "by"
/// in a dateline ("Posted on 12 October 2023 by Bea Hollins"); nothing from a
/// bare date.
fn byline_authors(rule: &str, text: &str) -> Vec<String> {
    if rule.starts_with("byline-by-name") {
        return crate::metadata::parse_authors(text);
    }
    match text.rfind(" by ") {
        Some(at) => crate::metadata::parse_authors(&text[at + 1..]),
        None => Vec::new(),
    }
}

/// A photo's caption sits on the line before or after its credit ("Foto:
/// Andrés Molina"): a short line there goes with the credit.
fn remove_captions(lines: &[TextBlock], removed: &mut [bool], log: &mut Vec<(usize, Removal)>) {
    // Only a labelled credit that is a name ("Foto: Andrés Molina"); "Image:
    // Jose Mourinho, left, has replaced ..." is the caption itself, and the
    // other caption rules ("Image copyright Getty Images", "Photo by ...")
    // match credits printed apart from any caption.
    let credits: Vec<usize> = log
        .iter()
        .filter(|(at, r)| r.rule == "caption-credit" && lines[*at].chars <= CREDIT_MAX_CHARS)
        .map(|(at, _)| *at)
        .collect();
    let mut repeated: Vec<&str> = Vec::new();
    for at in credits {
        for n in [at.wrapping_sub(1), at + 1] {
            let Some(line) = lines.get(n) else { continue };
            if removed[n] || is_headline_like(&line.text) {
                continue;
            }
            if line.chars <= CAPTION_MAX_CHARS {
                removed[n] = true;
                log.push((
                    n,
                    removal(Kind::Caption, "caption-beside-credit", &line.text),
                ));
            } else if lines
                .iter()
                .enumerate()
                .any(|(j, l)| j != n && l.text == line.text)
            {
                // A long caption is told from a paragraph by its copies:
                // a gallery prints each photo's caption again and again.
                repeated.push(&line.text);
            }
        }
    }
    for (i, line) in lines.iter().enumerate() {
        if !removed[i] && repeated.contains(&line.text.as_str()) {
            removed[i] = true;
            log.push((i, removal(Kind::Caption, "caption-repeated", &line.text)));
        }
    }
}

/// The dek set under the headline: the first line after the title (bylines
/// and datelines aside) that reads as a headline's continuation, not a
/// sentence: several words and no closing full stop.
fn take_dek(lines: &[TextBlock], removed: &mut [bool], metadata: &Metadata) -> Option<usize> {
    let title = metadata.title.as_deref().map(normalize)?;
    let at = lines
        .iter()
        .take(TITLE_SEARCH_LINES)
        .rposition(|l| normalize(&l.text) == title)?;
    let next = (at + 1..lines.len()).find(|&i| !removed[i])?;
    let line = &lines[next];
    let words = word_count(&line.text);
    let dek_like = words >= DEK_MIN_WORDS
        && line.chars <= DEK_MAX_CHARS
        && !line.text.ends_with(['.', '!', '?', ':', '…'])
        && normalize(&line.text) != title;
    if dek_like {
        removed[next] = true;
        Some(next)
    } else {
        None
    }
}

/// The dek (standfirst): the first sentence-like line between the title and
/// the article's first line.
fn find_dek(
    lines: &[TextBlock],
    removed: &[bool],
    metadata: &Metadata,
    start: Option<usize>,
) -> Option<String> {
    let start = start?;
    let title = metadata.title.as_deref().map(normalize)?;
    let after_title = lines[..start]
        .iter()
        .rposition(|l| normalize(&l.text) == title)?
        + 1;
    lines[after_title..start]
        .iter()
        .zip(&removed[after_title..start])
        .find(|(l, &r)| {
            !r && word_count(&l.text) >= DEK_MIN_WORDS
                && !l.text.ends_with(':')
                && normalize(&l.text) != title
        })
        .map(|(l, _)| l.text.clone())
}

/// Words opening a dateline that gives the modification date.
const MODIFIED_WORDS: &[&str] = &[
    "updated",
    "last updated",
    "modified",
    "last modified",
    "aktualisiert",
    "mis à jour",
    "actualizado",
    "aggiornato",
    "atualizado",
    "bijgewerkt",
    "обновлено",
];

/// Takes the date of a dateline line: "Updated ..." lines give the modified
/// date, all others the published one; the first of each wins.
fn read_dateline(text: &str, metadata: &mut Metadata) {
    let lower = text.to_lowercase();
    let field = if MODIFIED_WORDS.iter().any(|w| lower.starts_with(w)) {
        &mut metadata.date_modified
    } else {
        &mut metadata.date_published
    };
    if field.is_none() {
        *field = crate::metadata::normalize_date(text);
    }
}

/// A line copying the article is at least this long (chars): a page's
/// structured data printed as text holds the whole body on one line.
const COPY_MIN_CHARS: usize = 500;
/// ... has at least this share of its word 4-grams on other lines ...
const COPY_MIN_COVERED: f32 = 0.9;
/// ... spread over at least this many of them: the article's paragraphs,
/// while a paragraph of the article is found on one line, the copy.
const COPY_MIN_SOURCES: usize = 3;

/// Lines that repeat the article's paragraphs run together (the body of
/// the page's metadata, printed by the scraper as one line): the paragraphs
/// stay, the copy goes.
fn remove_copies(lines: &[TextBlock], removed: &mut [bool], log: &mut Vec<(usize, Removal)>) {
    use std::collections::HashMap;
    use std::hash::{DefaultHasher, Hash, Hasher};
    let grams = |text: &str| -> Vec<u64> {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        words
            .windows(4)
            .map(|w| {
                let mut h = DefaultHasher::new();
                w.hash(&mut h);
                h.finish()
            })
            .collect()
    };
    if !lines.iter().any(|l| l.chars >= COPY_MIN_CHARS) {
        return;
    }
    let per_line: Vec<Vec<u64>> = lines.iter().map(|l| grams(&l.text)).collect();
    // Per 4-gram: the first two lines holding it.
    let mut seen: HashMap<u64, (usize, Option<usize>)> = HashMap::new();
    for (i, gs) in per_line.iter().enumerate() {
        for &g in gs {
            let slot = seen.entry(g).or_insert((i, None));
            if slot.0 != i && slot.1.is_none() {
                slot.1 = Some(i);
            }
        }
    }
    for (i, gs) in per_line.iter().enumerate() {
        if removed[i] || lines[i].chars < COPY_MIN_CHARS || gs.is_empty() {
            continue;
        }
        let mut sources = std::collections::HashSet::new();
        let mut covered = 0;
        for g in gs {
            let other = seen
                .get(g)
                .and_then(|&(a, b)| if a != i { Some(a) } else { b });
            if let Some(o) = other {
                covered += 1;
                sources.insert(o);
            }
        }
        if covered as f32 >= COPY_MIN_COVERED * gs.len() as f32 && sources.len() >= COPY_MIN_SOURCES
        {
            removed[i] = true;
            log.push((
                i,
                removal(Kind::LowContent, "text-duplicate-copy", &lines[i].text),
            ));
        }
    }
}

/// Headed sections that run on past their heading: after a comments heading
/// that follows article prose, every line is a comment; after a related
/// heading, short headline lines are related articles.
fn remove_sections(lines: &[TextBlock], removed: &mut [bool], log: &mut Vec<(usize, Removal)>) {
    let prose = |l: &TextBlock| {
        if weight(l) >= PROSE_MIN_CHARS {
            weight(l)
        } else {
            0
        }
    };
    // What the line rules said of each line, looked up once (the page may
    // have hundreds of thousands of lines).
    let mut heading: Vec<Option<Kind>> = vec![None; lines.len()];
    let mut rule: Vec<Option<String>> = vec![None; lines.len()];
    let mut comment_author = vec![false; lines.len()];
    for (at, r) in log.iter() {
        if let Some(slot) = rule.get_mut(*at) {
            slot.get_or_insert_with(|| r.rule.clone());
        }
        // A see-also line that introduces a list ("Related coverage from
        // Money:") heads the list as a related heading does.
        let kind = match r.kind {
            Kind::SeeAlso if r.text.ends_with(':') => Kind::Related,
            other => other,
        };
        if let Some(h) = heading.get_mut(*at) {
            *h = Some(kind);
        }
        if COMMENT_AUTHOR_RULES.contains(&r.rule.as_str()) {
            if let Some(c) = comment_author.get_mut(*at) {
                *c = true;
            }
        }
    }
    let comment_follows = |at: usize| {
        comment_author[at.min(lines.len())..(at + COMMENT_AUTHOR_WITHIN).min(lines.len())]
            .contains(&true)
    };
    // The prose so far against the page's: teasers a related box takes out
    // leave both, so a box mid-article does not move the tail closer.
    let mut total: usize = lines.iter().map(prose).sum();
    let mut seen = 0;
    let mut i = 0;
    while i < lines.len() {
        if !removed[i] {
            seen += prose(&lines[i]);
            i += 1;
            continue;
        }
        // A comments heading heads the comments only once the article has
        // gone by: a "Comment" button in the share bar above it heads nothing.
        let seen_prose = seen > 0 && seen as f32 >= COMMENTS_MIN_PROSE_BEFORE * total as f32;
        let kind = heading[i];
        i += 1;
        match kind {
            Some(Kind::Comments) if seen_prose || comment_follows(i) => {
                for j in i..lines.len() {
                    if !removed[j] {
                        removed[j] = true;
                        log.push((
                            j,
                            removal(Kind::Comments, "comments-section", &lines[j].text),
                        ));
                    }
                }
                return;
            }
            // Late in the page, a related heading opens the page's tail:
            // headlines, bylines and summaries of other stories ...
            Some(Kind::Related) if seen as f32 >= RELATED_TAIL_PROSE_BEFORE * total as f32 => {
                // ... up to a comments heading, which heads its own section.
                while i < lines.len() && !(removed[i] && heading[i] == Some(Kind::Comments)) {
                    if !removed[i] {
                        removed[i] = true;
                        log.push((i, removal(Kind::Related, "related-section", &lines[i].text)));
                    }
                    i += 1;
                }
            }
            Some(Kind::Related) => {
                // A rail of cards under the heading (whole quotes or
                // summaries as they may be) goes card by card ...
                if let Some(last) = card_rail_end(lines, &heading, &rule, i - 1) {
                    for j in i..=last {
                        if !removed[j] {
                            removed[j] = true;
                            total -= prose(&lines[j]);
                            log.push((
                                j,
                                removal(Kind::Related, "related-section", &lines[j].text),
                            ));
                        }
                    }
                    i = last + 1;
                    continue;
                }
                // ... else the list under it is its teasers, sentences or
                // not ("• Police arrested 32 people in a raid ...").
                while i < lines.len()
                    && !removed[i]
                    && (!is_prose(&lines[i])
                        || matches!(lines[i].kind, BlockKind::ListItem { .. })
                        || is_listed_headline(&lines[i]))
                {
                    removed[i] = true;
                    total -= prose(&lines[i]);
                    log.push((i, removal(Kind::Related, "related-section", &lines[i].text)));
                    i += 1;
                }
            }
            _ => {}
        }
    }
}

/// A card's marker (its share bar, its date) is at most this many lines
/// below the related heading ...
const CARD_MARKER_WITHIN: usize = 4;
/// ... and comes back in the next card at most this many lines further.
const CARD_MAX_LINES: usize = 8;
/// A rail has at least this many cards.
const CARD_RAIL_MIN: usize = 3;

/// The last line of a rail of cards under the related heading at line `at`:
/// a share bar or a date a rule removed just below the heading that comes
/// back, by the same rule, every few lines at least [`CARD_RAIL_MIN`]
/// times ("headline, author, date, summary" over and over). The last card
/// ends as many lines after its marker as the first did.
fn card_rail_end(
    lines: &[TextBlock],
    kind: &[Option<Kind>],
    rule: &[Option<String>],
    at: usize,
) -> Option<usize> {
    let first = (at + 1..(at + 1 + CARD_MARKER_WITHIN).min(lines.len()))
        .find(|&j| matches!(kind[j], Some(Kind::Share | Kind::Byline)))?;
    let marker = rule[first].as_deref()?;
    let mut markers = vec![first];
    while let Some(&prev) = markers.last() {
        // A marker on the next line is a second marker of the same card
        // (a date under a date), not the next card.
        match (prev + 2..(prev + 1 + CARD_MAX_LINES).min(lines.len()))
            .find(|&j| rule[j].as_deref() == Some(marker))
        {
            Some(next) => markers.push(next),
            None => break,
        }
    }
    if markers.len() < CARD_RAIL_MIN {
        return None;
    }
    let period = markers[1] - markers[0];
    let tail = period.saturating_sub(first - at);
    let last = markers[markers.len() - 1];
    Some((last + tail).min(lines.len() - 1))
}

/// A share bar printed one button per line: runs of two or more lines
/// (rule-removed lines between them aside) that are each only a network's
/// or a share action's name.
fn remove_share_runs(lines: &[TextBlock], removed: &mut [bool], log: &mut Vec<(usize, Removal)>) {
    let is_name = |l: &TextBlock| {
        l.chars <= 12
            && crate::rules::phrases::SHARE_NETWORK_NAMES
                .contains(&l.text.trim().to_lowercase().as_str())
    };
    // The whole bar on one line: "Facebook Twitter Google+ Whatsapp".
    let is_bar = |l: &TextBlock| {
        let lower = l.text.to_lowercase();
        let names: Vec<&str> = lower
            .split(|c: char| c.is_whitespace() || matches!(c, '|' | '•' | '·' | ','))
            .filter(|w| !w.is_empty())
            .collect();
        names.len() >= 2
            && names
                .iter()
                .all(|w| crate::rules::phrases::SHARE_NETWORK_NAMES.contains(w))
    };
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, removed: &mut [bool], log: &mut Vec<(usize, Removal)>| {
        if run.len() >= 2 {
            for &i in run.iter() {
                removed[i] = true;
                log.push((i, removal(Kind::Share, "share-network-run", &lines[i].text)));
            }
        }
        run.clear();
    };
    for (i, l) in lines.iter().enumerate() {
        if removed[i] {
            continue;
        }
        if is_name(l) {
            run.push(i);
        } else if is_bar(l) {
            flush(&mut run, removed, log);
            removed[i] = true;
            log.push((i, removal(Kind::Share, "share-network-line", &l.text)));
        } else {
            flush(&mut run, removed, log);
        }
    }
    flush(&mut run, removed, log);
}

/// Cards of a rail have from this many lines (a kicker, a headline, a
/// meta line, the summary) ...
const RAIL_CARD_MIN_LINES: usize = 3;
/// ... to this many.
const RAIL_CARD_MAX_LINES: usize = 6;
/// A rail without markers needs this many cards to be told from an
/// article's sections.
const RAIL_MIN_CARDS: usize = 4;

/// Page chrome heading a rail is at most this many lines above it.
const RAIL_HEAD_WITHIN: usize = 3;

/// Rails of cards with no marker a rule knows: runs of lines where every
/// card has one long line (its summary) after the same number of short
/// ones (kicker, headline, source and topics), at least [`RAIL_MIN_CARDS`]
/// times. An article's paragraphs come in runs, or alone between one short
/// line each (a quote and its source); not one every few short lines, card
/// after card.
fn remove_card_rails(lines: &[TextBlock], removed: &mut [bool], log: &mut Vec<(usize, Removal)>) {
    let kinds = removed_kinds(lines.len(), log);
    let kept: Vec<usize> = (0..lines.len()).filter(|&i| !removed[i]).collect();
    let long: Vec<usize> = (0..kept.len())
        .filter(|&k| weight(&lines[kept[k]]) >= PROSE_MIN_CHARS)
        .collect();
    let mut a = 0;
    while a + 1 < long.len() {
        let period = long[a + 1] - long[a];
        let mut b = a + 1;
        // A card whose summary is a short line ("Thanks, 'Quo Vadis.'")
        // leaves a gap of two periods; the rail goes on past it.
        while b + 1 < long.len()
            && (long[b + 1] - long[b] == period || long[b + 1] - long[b] == 2 * period)
        {
            b += 1;
        }
        // Each card ends at a long line, after the short lines since the
        // last one. The run's first long line is a card's too when as many
        // short lines precede it; else it ends what comes before.
        let whole = a == 0 || long[a] - long[a - 1] >= period;
        let (mut first, cards) = if whole {
            (
                long[a].saturating_sub(period - 1),
                (long[b] - long[a]) / period + 1,
            )
        } else {
            (long[a] + 1, (long[b] - long[a]) / period)
        };
        // One card of short lines just above (a short summary again) is
        // the rail's first when nothing long comes before it that close;
        // it does not count toward the cards that make a rail.
        if whole && first >= period && (a == 0 || long[a - 1] < first - period) {
            first -= period;
        }
        // What heads the rail: a box a rule took (a sign-up box, a share
        // bar, a "More" heading, an ad) just above its first card.
        let headed = (kept[first].saturating_sub(RAIL_HEAD_WITHIN)..kept[first]).any(|j| {
            removed[j]
                && matches!(
                    kinds[j],
                    Some(Kind::Newsletter | Kind::Share | Kind::Related | Kind::Advertisement)
                )
        });
        if (RAIL_CARD_MIN_LINES..=RAIL_CARD_MAX_LINES).contains(&period)
            && cards >= RAIL_MIN_CARDS
            && headed
        {
            for &i in &kept[first..=long[b]] {
                removed[i] = true;
                log.push((i, removal(Kind::Related, "text-card-rail", &lines[i].text)));
            }
        }
        a = b;
    }
}

/// The longest line a dated card holds (its summary); a forum post or an
/// article's paragraph between two dates runs longer.
const DATED_CARD_MAX_CHARS: usize = 320;

/// A dated card's headline has this many words at least; a post's
/// author line (a user name) has fewer.
const CARD_HEADLINE_MIN_WORDS: usize = 4;

/// Rails of dated cards ("headline, summary, 2H ago" over and over): a
/// date a rule removed that comes back, by the same rule, every few lines
/// (the same number each time) at least [`RAIL_MIN_CARDS`] times, each
/// card between two dates short lines with one unpunctuated line of a few
/// words (the
/// headline) among them. The lines between the first date and the last
/// go. An article's dates are one or two; a thread's posts run longer.
fn remove_dated_rails(lines: &[TextBlock], removed: &mut [bool], log: &mut Vec<(usize, Removal)>) {
    let mut dates: Vec<(usize, String)> = log
        .iter()
        .filter(|(_, r)| r.kind == Kind::Byline)
        .map(|(at, r)| (*at, r.rule.clone()))
        .collect();
    dates.sort();
    dates.dedup_by_key(|(at, _)| *at);
    let card_ok = |from: usize, to: usize, removed: &[bool]| {
        let body: Vec<&TextBlock> = (from..to)
            .filter(|&j| !removed[j])
            .map(|j| &lines[j])
            .collect();
        !body.is_empty()
            && body.iter().all(|l| l.chars <= DATED_CARD_MAX_CHARS)
            && body.iter().any(|l| {
                !ends_like_sentence(&l.text) && word_count(&l.text) >= CARD_HEADLINE_MIN_WORDS
            })
    };
    let mut a = 0;
    while a + 1 < dates.len() {
        let period = dates[a + 1].0 - dates[a].0;
        let mut b = a;
        let same_rule =
            |x: &str, y: &str| x == y || (x.starts_with("dateline") && y.starts_with("dateline"));
        while b + 1 < dates.len()
            && same_rule(&dates[b + 1].1, &dates[a].1)
            && dates[b + 1].0 - dates[b].0 == period
            && card_ok(dates[b].0 + 1, dates[b + 1].0, removed)
        {
            b += 1;
        }
        // b - a gaps between dates are b - a cards, and one more card
        // outside them (before the first date or after the last).
        if (RAIL_CARD_MIN_LINES..=CARD_MAX_LINES).contains(&period) && b - a + 1 >= RAIL_MIN_CARDS {
            // The lines just above the first date are a card too (dates
            // close their cards) when they have the next card's shape and
            // what comes above them is no paragraph (a section heading).
            let first = dates[a].0;
            let shaped = first >= period
                && card_ok(first + 1 - period, first, removed)
                && (1..period)
                    .all(|k| is_prose(&lines[first - period + k]) == is_prose(&lines[first + k]))
                && !is_prose(&lines[first - period]);
            let from = if shaped {
                first + 1 - period
            } else {
                first + 1
            };
            for i in from..dates[b].0 {
                if !removed[i] {
                    removed[i] = true;
                    log.push((i, removal(Kind::Related, "text-dated-rail", &lines[i].text)));
                }
            }
        }
        a = b.max(a + 1);
    }
}

fn flush_outside(outside: &mut Option<(usize, String)>, log: &mut Vec<(usize, Removal)>) {
    if let Some((i, text)) = outside.take() {
        log.push((i, removal(Kind::LowContent, "text-outside-content", &text)));
    }
}

/// A line that is only an author's name.
fn is_author_name(line: &str, authors: &[String]) -> bool {
    let norm = normalize(line);
    authors.iter().any(|a| normalize(a) == norm)
}

/// The text's logical lines (see [`reflow`]) as blocks; `start` is the
/// line's index among them.
fn split_lines(text: &str) -> Vec<TextBlock> {
    reflow::reflow(text)
        .into_iter()
        .enumerate()
        .map(|(i, line)| TextBlock {
            owner: 0,
            start: i,
            stop: i + 1,
            kind: line.kind,
            chars: line.text.chars().count(),
            link_chars: line.link_chars,
            lead_link_chars: line.lead_link_chars,
            text: line.text,
        })
        .collect()
}

/// Share of capitalised words among a line's first words above which it
/// reads as a headline (Title Case), not a sentence.
const TITLE_CASE_SHARE: f32 = 0.7;
/// How many first words the Title Case test looks at.
const TITLE_CASE_WORDS: usize = 8;

/// Whether `text` opens in Title Case: "Customers Leave Without Paying $690
/// Bill At Troy Steakhouse ...". Sentences capitalise fewer words, and never
/// their function words: a line counts as Title Case when most of its first
/// words are capitalised and its capitalised function words ("At", "Of")
/// outnumber lower-case ones ("the", "of"); `strict` also wants at least one
/// capitalised function word (short lines like "Palm Bay d. Rockledge 70-44"
/// have none and are no headlines).
fn opens_in_title_case(text: &str, strict: bool) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .take(TITLE_CASE_WORDS)
        .collect();
    if words.len() < 4 {
        return false;
    }
    let is_upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let function =
        |w: &str| FUNCTION_WORDS.contains(&w.to_lowercase().trim_end_matches([',', ':']));
    let capitalised = words.iter().filter(|w| is_upper(w)).count();
    let upper_function = words.iter().filter(|w| function(w) && is_upper(w)).count();
    let lower_function = words.iter().filter(|w| function(w) && !is_upper(w)).count();
    capitalised as f32 >= TITLE_CASE_SHARE * words.len() as f32
        && if strict {
            upper_function >= 1 && upper_function > lower_function
        } else {
            (upper_function >= 1 && upper_function >= lower_function)
                || (lower_function == 0 && capitalised == words.len())
        }
}

/// Short English function words, capitalised only in Title Case headlines.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with", "by", "from", "as",
    "after", "over", "into", "about", "is", "are", "was", "be", "it", "its", "his", "her", "their",
];

/// A tag cloud or keyword line: long, without a single sentence end, and
/// either bare words or short comma-separated runs ("stock car brasil, stock
/// car cascavel, ...").
fn is_keyword_list(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if words < KEYWORD_LIST_MIN_WORDS || text.contains(['.', '!', '?', '。']) {
        return false;
    }
    let runs = text.split([',', ';', '|', '·']).count();
    runs == 1 || words as f32 / runs as f32 <= KEYWORD_RUN_MAX_WORDS
}

/// A teaser for another article: a Title Case headline run into its
/// summary, or a summary cut off with an ellipsis.
fn is_teaser_line(text: &str) -> bool {
    let cut_off = text.ends_with("..") || text.ends_with('…');
    let long = text.chars().count() >= PROSE_MIN_CHARS;
    long && (cut_off || opens_in_title_case(text, false))
}

/// A short Title Case line without a full stop: a headline in a list of
/// other articles (or a subheading, which the prose around it outweighs).
fn is_headline_like(text: &str) -> bool {
    !text.ends_with(['.', '!', '?', ':']) && opens_in_title_case(text, true)
}

/// A line's length in Latin-text chars: a Chinese or Japanese character
/// (or a Korean syllable) carries about a word, so it weighs as much as a
/// short Latin word does; a 40-character Japanese sentence is prose.
fn weight(line: &TextBlock) -> usize {
    let wide = line.text.chars().filter(|&c| is_wide_script(c)).count();
    line.chars + (CJK_CHAR_WEIGHT - 1) * wide
}

/// Words in a line: the space-separated ones, and in Chinese or Japanese
/// text one word per [`CJK_CHARS_PER_WORD`] characters.
fn word_count(text: &str) -> usize {
    let wide = text.chars().filter(|&c| is_wide_script(c)).count();
    let spaced = text
        .split_whitespace()
        .filter(|w| !w.chars().all(is_wide_script))
        .count();
    spaced + wide.div_ceil(CJK_CHARS_PER_WORD)
}

/// Han and kana: the scripts written without spaces between words (Korean
/// spaces its words, so Hangul weighs as Latin does).
fn is_wide_script(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// A headline in a list of other articles is at most this long (chars);
/// longer unpunctuated lines are a summary run into its headline.
const LISTED_HEADLINE_MAX_CHARS: usize = 160;

/// A line under a related heading that reads as one more headline, long as
/// it may be: no sentence end, or one cut off ("Mexico earthquake: Huge 6.3
/// magnitude quake strikes – 'seismic waves' felt in Canada"). An article's
/// paragraphs end as sentences do.
fn is_listed_headline(line: &TextBlock) -> bool {
    let cut_off = line.text.ends_with("..") || line.text.ends_with('…');
    line.chars <= LISTED_HEADLINE_MAX_CHARS
        && (cut_off || !ends_like_sentence(&line.text))
        && !line.text.ends_with([':', ','])
}

/// Long lines, and sentences of a few words, are prose.
fn is_prose(line: &TextBlock) -> bool {
    if weight(line) >= PROSE_MIN_CHARS {
        return true;
    }
    ends_like_sentence(&line.text) && word_count(&line.text) >= SENTENCE_MIN_WORDS
}

/// Whether a line ends as a sentence does (closing quotes aside).
fn ends_like_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '”', '’', '»', ')', '」'])
        .ends_with(['.', '!', '?', '。', '！', '？'])
}

/// The maximum-sum contiguous span of `scores` (Kadane), `None` if every
/// span is non-positive.
fn max_span(scores: &[f32]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize, f32)> = None;
    let mut start = 0;
    let mut sum = 0.0f32;
    for (i, &s) in scores.iter().enumerate() {
        if sum <= 0.0 {
            start = i;
            sum = 0.0;
        }
        sum += s;
        if sum > 0.0 && best.is_none_or(|(_, _, b)| sum > b) {
            best = Some((start, i, sum));
        }
    }
    best.map(|(a, b, _)| (a, b))
}

/// Cuts the ends of the span off beyond a long run of non-prose lines
/// (a menu, a share bar, a rail of headlines) when what lies past it is a
/// small share of the prose: the article is one run of paragraphs, and a few
/// long lines of teasers or footer text past a gap are not part of it.
fn trim_span(scores: &[f32], gap: &[bool], (a, b): (usize, usize)) -> (usize, usize) {
    let b = a + trim_tail(&scores[a..=b], &gap[a..=b]);
    // The head is the tail of the span read backwards.
    let reversed: Vec<f32> = scores[a..=b].iter().rev().copied().collect();
    let reversed_gap: Vec<bool> = gap[a..=b].iter().rev().copied().collect();
    let a = b - trim_tail(&reversed, &reversed_gap);
    (a, b)
}

/// The index of the last line to keep in `scores`: before the last gap
/// (from the end) whose far side holds under [`SPAN_FAR_SIDE_SHARE`] of
/// the prose on the near side.
fn trim_tail(scores: &[f32], gap: &[bool]) -> usize {
    let positive = |r: &[f32]| r.iter().filter(|s| **s > 0.0).sum::<f32>();
    let mut end = scores.len() - 1;
    let mut run = 0;
    let mut i = end;
    while i > 0 {
        if scores[i] > 0.0 {
            run = 0;
        } else if gap[i] {
            run += 1;
            if run >= SPAN_GAP_LINES
                && positive(&scores[i..=end]) < SPAN_FAR_SIDE_SHARE * positive(&scores[..i])
            {
                end = (0..i).rev().find(|&j| scores[j] > 0.0).unwrap_or(0);
                i = end;
                run = 0;
                continue;
            }
        }
        i -= 1;
    }
    end
}

/// The headline: of the headline-like lines just above the article's
/// first line, the one with most evidence: printed twice (the page title
/// and the `<h1>`, or the page title as "Headline | Site"), marked as a
/// heading, nearest the article. Without an article, the first
/// headline-like line of the page's head.
fn find_title(lines: &[TextBlock], removed: &[bool], start: Option<usize>) -> Option<String> {
    let headline_like = |i: usize| {
        let l = &lines[i];
        let words = word_count(&l.text);
        !removed[i]
            && (3..=30).contains(&words)
            && l.chars <= 250
            && !l.text.ends_with([':', '.'])
            && l.link_density() < LINK_DENSE
    };
    let head_end = start.unwrap_or_else(|| {
        lines
            .iter()
            .zip(removed)
            .position(|(l, &r)| !r && weight(l) >= PROSE_MIN_CHARS && ends_like_sentence(&l.text))
            .unwrap_or(lines.len())
    });
    let head_end = head_end.min(lines.len());
    let normalized: Vec<String> = lines[..lines.len().min(head_end + TITLE_INTO_SPAN_LINES)]
        .iter()
        .map(|l| normalize(&l.text))
        .collect();
    let printed_twice = |i: usize| {
        let norm = &normalized[i];
        normalized.iter().enumerate().any(|(j, o)| {
            j != i
                && (o == norm
                    || o.strip_prefix(norm.as_str())
                        .is_some_and(|rest| rest.starts_with([' ', '|', '-', '–', '—', ':'])))
        })
    };
    let mut best: Option<(f32, usize)> = None;
    // The span may open with the headline itself (a question is a
    // sentence): its first lines are candidates too.
    let into_span = (head_end..lines.len().min(head_end + TITLE_INTO_SPAN_LINES))
        .filter(|&i| !removed[i])
        .map(|i| (i, 1));
    let above = (0..head_end)
        .rev()
        .filter(|&i| !removed[i])
        .zip(1..=TITLE_LOOKBACK_LINES);
    for (i, distance) in into_span.chain(above) {
        if !headline_like(i) {
            continue;
        }
        let mut score = -(distance as f32);
        if printed_twice(i) {
            score += TITLE_TWICE_BONUS;
        }
        match lines[i].kind {
            BlockKind::Heading(1) => score += TITLE_H1_BONUS,
            BlockKind::Heading(_) => score += TITLE_HEADING_BONUS,
            _ => {}
        }
        // Ties go to the nearest line: it is seen first.
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    // The chosen line may be the dek: a longer headline-like line right
    // under a shorter one, the headline.
    let best = best.map(|(_, i)| {
        let above = (0..i).rev().find(|&j| !removed[j]);
        match above {
            Some(j)
                if headline_like(j)
                    && word_count(&lines[j].text) < word_count(&lines[i].text)
                    && word_count(&lines[i].text) >= DEK_MIN_WORDS =>
            {
                j
            }
            _ => i,
        }
    });
    if start.is_some() {
        return best.map(|i| lines[i].text.clone());
    }
    best.map(|i| lines[i].text.clone()).or_else(|| {
        (0..head_end.min(TITLE_SEARCH_LINES))
            .find(|&i| headline_like(i))
            .map(|i| lines[i].text.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `--explain`, `deboiler rules` and user `disable` lists know a rule
    /// only by the tables: every id this stage logs must be listed there.
    #[test]
    fn every_rule_the_text_stage_logs_is_a_listed_rule() {
        let known: std::collections::HashSet<&str> = crate::rules::compiled::builtin_ids()
            .map(|(id, _)| id)
            .collect();
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut seen = 0;
        for entry in std::fs::read_dir(corpus).into_iter().flatten().flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path().join("source.txt")) else {
                continue;
            };
            let (_, _, log) = clean(&text, crate::rules::compiled::builtin());
            for (_, r) in &log {
                assert!(known.contains(r.rule.as_str()), "{} is not listed", r.rule);
                seen += 1;
            }
        }
        assert!(seen > 0, "no text case in the corpus");
    }

    #[test]
    fn a_page_without_prose_keeps_its_entries_not_its_menu() {
        let text = "Home\nNews\nResults\nContact\nRace calendar 2018\n\
                    Round 1: 10 March at Interlagos, São Paulo\n\
                    Round 2: 8 April at Santa Cruz do Sul\n\
                    Round 3: 6 May at Velopark, Nova Santa Rita\n\
                    Round 4: 27 May at Londrina, Paraná\n\
                    Privacy\nAbout us";
        let (_, kept, _) = clean(text, crate::rules::compiled::builtin());
        let texts: Vec<&str> = kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts.len(), 4, "{texts:?}");
        assert!(texts[0].starts_with("Round 1") && texts[3].starts_with("Round 4"));
    }

    #[test]
    fn span_skips_menus_and_keeps_headings_between_paragraphs() {
        let para = "A paragraph of the article that is clearly long enough to count as prose for the span.";
        let text = format!("Home\nWorld\nPolitics\nSport\nThe headline of the story\n\n{para}\n\nA heading\n\n{para}\n\nPrivacy Policy\nTerms\nAbout\nJobs");
        let (meta, kept, _) = clean(&text, crate::rules::compiled::builtin());
        assert_eq!(meta.title.as_deref(), Some("The headline of the story"));
        let texts: Vec<&str> = kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec![para, "A heading", para]);
    }

    #[test]
    fn comments_after_a_short_article_go_with_their_heading() {
        let para = "Our goal with these open threads is to let readers raise questions about our work in the comments.";
        let comment = "I skimmed your report and did not see any analysis of the cost of slower buses, which seems to matter.";
        let text = format!("The open thread\n{para}\nComments\nMilan Griffes on September 12, 2018 at 4:47 pm said:\n{comment}\n{comment} Really.\n{comment} Again.");
        let (_, kept, log) = clean(&text, crate::rules::compiled::builtin());
        let texts: Vec<&str> = kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec![para]);
        assert!(log
            .iter()
            .any(|(_, r)| r.rule == "comments-section" && r.text.starts_with("I skimmed")));
    }

    #[test]
    fn the_list_under_a_related_heading_goes_even_when_its_teasers_are_sentences() {
        let para = "A paragraph of the article that is clearly long enough to count as prose for the span.";
        let teaser =
            "Police in the city arrested 32 people during a raid on a call centre on Monday.";
        let text = format!(
            "The headline of the story\n{para}\n{para} Again.\nMost Read\n  • {teaser}\n  • {teaser} Twice.\n  • {teaser} Thrice.\nIFRAME: https://sync.example.com/frame?id=1&origin=https://www.example.com/news/a-long-\n   article-name%7B%22log%22%3A0%7D"
        );
        let (_, kept, log) = clean(&text, crate::rules::compiled::builtin());
        assert!(kept.iter().all(|b| !b.text.contains("Police")));
        assert_eq!(
            log.iter()
                .filter(|(_, r)| r.rule == "related-section")
                .count(),
            3
        );
        assert!(log.iter().any(|(_, r)| r.rule == "frame-placeholder"));
    }

    #[test]
    fn long_headlines_under_a_related_heading_go_and_the_article_resumes() {
        let para = "A paragraph of the article that is clearly long enough to count as prose for the span, and it goes on for a while, as the paragraphs of a news story do when they explain what happened, who said what and what comes next.";
        let text = format!(
            "The headline of the story\n{para}\n{para} Again.\nMost read in World\n\
             Munich incident: Police seal off major square for 'large-scale operation' after warning\n\
             Mexico earthquake: Huge 6.3 magnitude quake strikes – 'seismic waves' felt in Canada\n\
             UK weather alert: Plague of mosquitos to devastate Britain as Hurri...\n\
             {para} The end."
        );
        let (_, kept, log) = clean(&text, crate::rules::compiled::builtin());
        let texts: Vec<&str> = kept.iter().map(|b| b.text.as_str()).collect();
        assert!(
            texts
                .iter()
                .all(|t| !t.contains("Munich") && !t.contains("Hurri")),
            "{texts:?}"
        );
        assert!(
            texts.last().is_some_and(|t| t.ends_with("The end.")),
            "{texts:?}"
        );
        assert!(log
            .iter()
            .any(|(_, r)| r.rule == "related-heading" && r.text == "Most read in World"));
    }

    #[test]
    fn a_related_box_mid_article_does_not_open_the_tail() {
        // The box's teasers come out of the prose count, but not out of the
        // page's position: the heading further down is still mid-article.
        let para = "A paragraph of the article that is clearly long enough to count as prose for the span, and it goes on for a while, as the paragraphs of a news story do when they explain what happened, who said what and what comes next.";
        let teaser =
            "Horror as plague of killer mosquitos are headed to Britain this summer says expert";
        let text = format!(
            "The headline\n{para}\nDON'T MISS\n{teaser}\n{teaser} again\n{teaser} thrice\n\
             {para} Two.\nRelated articles\nA short related headline\n{para} Three.\n{para} Four."
        );
        let (_, kept, _) = clean(&text, crate::rules::compiled::builtin());
        let texts: Vec<&str> = kept.iter().map(|b| b.text.as_str()).collect();
        assert!(texts.iter().any(|t| t.ends_with("Four.")), "{texts:?}");
        assert!(texts.iter().all(|t| !t.contains("mosquitos")), "{texts:?}");
    }

    #[test]
    fn a_copy_of_the_article_on_one_line_goes_and_its_paragraphs_stay() {
        let paras = [
            "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after engineers found cracks in two of its piers.",
            "Cyclists and people on foot will still be able to cross, the council said, while a ferry will run every twenty minutes during the works.",
            "Shop owners on the north bank warned that the closure would cost them customers, and asked for free parking near the ferry landing instead.",
            "The works are expected to take eighteen months and to cost about forty million, most of it paid for by the regional government this year.",
        ];
        let copy = paras.join(" ");
        let text = format!(
            "The bridge closes\n{}\n2019-11-13T23:06:00+01:00\n{copy}\nPrivacy",
            paras.join("\n")
        );
        let (_, kept, log) = clean(&text, crate::rules::compiled::builtin());
        let texts: Vec<&str> = kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, paras.to_vec());
        assert!(log.iter().any(|(_, r)| r.rule == "text-duplicate-copy"
            && copy.starts_with(r.text.trim_end_matches(['…', '.']))));
        // The same text as the page's only copy is its body.
        let (_, kept, _) = clean(
            &format!("The bridge closes\n{copy}\nPrivacy"),
            crate::rules::compiled::builtin(),
        );
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].text, copy);
    }

    #[test]
    fn a_rail_of_cards_under_a_related_heading_goes_card_by_card() {
        let para = "Living a true love is one of the greatest pleasures of life, and each of us expresses what we feel in our own way, with our own words and silences.";
        let bar = "Whatsapp Facebook Pinterest Download";
        let quote = "Life asks us for optimism and courage to hope for the best and to face the worst, for every day is a new chance to start again.";
        let text = format!(
            "Only who loves oneself\n{bar}\n{para}\n{para} Again.\nYou may like\n{bar}\n{quote}\n{bar}\n{quote} Two.\n{bar}\n{quote} Three.\n{bar}\nTopics\nPrivacy"
        );
        let (_, kept, log) = clean(&text, crate::rules::compiled::builtin());
        let texts: Vec<&str> = kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts.iter().all(|t| t.starts_with("Living")));
        assert_eq!(
            log.iter()
                .filter(|(_, r)| r.rule == "related-section")
                .count(),
            3
        );
    }

    #[test]
    fn dated_cards_under_a_related_heading_go_summaries_and_all() {
        let para = "Beijing's strategy for ending the protests is an obvious one, and it has failed for months now, as every weekend brings more people into the streets of the city.";
        let mut text = format!(
            "The headline\n{para}\n{para} Again.\n{para} Thrice.\nMore Washington Examiner\n"
        );
        for n in 1..=4 {
            text.push_str(&format!(
                "Headline number {n} of another story\nJane Writer\nTuesday November 19, 2019\nThe summary of story {n} runs for a sentence or two, long enough to be read as prose by itself.\n"
            ));
        }
        text.push_str("About us\nPrivacy Policy");
        let (_, kept, _) = clean(&text, crate::rules::compiled::builtin());
        let texts: Vec<&str> = kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts.iter().all(|t| t.starts_with("Beijing")));
    }

    #[test]
    fn a_rail_of_cards_below_a_sign_up_box_goes_an_article_of_sections_stays() {
        let para = "The review settles on one verdict after weeks with the device: it works well at home, less so on the road, and the price is still too high for most people.";
        let summary = "Dozens of bushfires are spreading across the country, burning across thousands of hectares and forcing many families from their homes.";
        let mut cards = String::new();
        for n in 1..=5 {
            cards.push_str(&format!(
                "KICKER {n}\nA Headline Of Another Story Number {n}\nexample.com News\n{summary}\n"
            ));
        }
        let rules = crate::rules::compiled::builtin();
        let text = format!("The review\n{para}\n{para} Two.\nSubscribe\n{cards}Privacy Policy");
        let (_, kept, log) = clean(&text, rules);
        let texts: Vec<&str> = kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(log.iter().any(|(_, r)| r.rule == "text-card-rail"));
        // The same shape with no chrome above it is the article's own
        // sections (a numbered list of tips, one paragraph each).
        let text = format!("The review\n{para}\n{para} Two.\n{cards}Privacy Policy");
        let (_, kept, _) = clean(&text, rules);
        assert!(kept.iter().any(|b| b.text == summary));
    }

    #[test]
    fn dated_cards_go_a_thread_of_dated_posts_stays() {
        let para = "The review settles on one verdict after weeks with the device: it works well at home, less so on the road, and the price is still too high for most people.";
        let mut cards = String::new();
        for n in 1..=5 {
            cards.push_str(&format!(
                "Why farmers may want to paint cows number {n}\nSome people thought the striped cattle were a joke, but the science could save money.\n{n}H ago\n"
            ));
        }
        let rules = crate::rules::compiled::builtin();
        let text = format!("The review\n{para}\n{para} Two.\nWorld\n{cards}Privacy Policy");
        let (_, kept, log) = clean(&text, rules);
        let texts: Vec<&str> = kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(log.iter().any(|(_, r)| r.rule == "text-dated-rail"));
        // Posts between dates under their authors' names: a thread.
        let post = format!("{para} I had the same problem with mine and it went away after the update, but only once I had reset the whole thing twice.");
        let mut thread = String::new();
        for n in 1..=5 {
            thread.push_str(&format!("user{n}\n{post}\n{n}H ago\n"));
        }
        let text = format!("Device keeps restarting\n{thread}Privacy Policy");
        let (_, kept, _) = clean(&text, rules);
        assert_eq!(
            kept.iter().filter(|b| b.text == post).count(),
            5,
            "{kept:?}"
        );
    }

    #[test]
    fn a_sign_up_box_and_author_box_after_the_article_go() {
        let para = "Officials say the risk of an outbreak is low, but many are concerned that information about the cases is being restricted by the authorities.";
        let text = format!(
            "Plague cases confirmed\n{para}\n{para} Two.\n{para} Three.\nLike this article?\nAbout Brigit Katz\nBrigit Katz is a freelance writer based in Toronto.\nPrivacy Policy"
        );
        let (_, kept, log) = clean(&text, crate::rules::compiled::builtin());
        assert_eq!(kept.len(), 3, "{kept:?}");
        assert!(
            log.iter().any(|(_, r)| r.rule == "newsletter-like-this"),
            "{log:?}"
        );
    }

    #[test]
    fn a_list_the_article_announces_at_its_end_stays_a_menu_after_a_colon_goes() {
        let para = "Kicking off in June, the thirty-date run will mark the first time the four founding members tour together in nearly a quarter of a century.";
        let dates = "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL\nJune 10 -- Credit Union Amphitheatre, Tampa, FL\nJune 14 -- Bank Amphitheatre, Alpharetta, GA\nJune 17 -- Bridgestone Arena, Nashville, TN\n";
        let rules = crate::rules::compiled::builtin();
        let text = format!("Band announces tour\n{para}\n{para} Two.\nThe 50th Anniversary Tour 2020 dates:\n{dates}Privacy Policy");
        let (_, kept, _) = clean(&text, rules);
        let texts: Vec<&str> = kept.iter().map(|b| b.text.as_str()).collect();
        assert!(texts.iter().any(|t| t.starts_with("June 17")), "{texts:?}");
        let text = format!("Band announces tour\n{para}\n{para} Two.\nFollow us on these sites:\nNews\nSport\nWeather\nTravel\nPrivacy Policy");
        let (_, kept, _) = clean(&text, rules);
        assert!(kept.iter().all(|b| b.text != "Sport"), "{kept:?}");
    }

    #[test]
    fn a_rail_goes_past_cards_whose_summary_is_short() {
        let para = "The review settles on one verdict after weeks with the device: it works well at home, less so on the road, and the price is still too high for most people.";
        let summary = "Dozens of bushfires are spreading across the country, burning across thousands of hectares and forcing many families from their homes.";
        let card = |n: usize, s: &str| {
            format!("KICKER {n}\nA Headline Of Another Story Number {n}\nexample.com News\n{s}\n")
        };
        // The first card and the fourth have one-line summaries.
        let mut cards = card(0, "Thanks, everyone.");
        for n in 1..=6 {
            cards.push_str(&card(n, if n == 4 { "Oh yeah?" } else { summary }));
        }
        let text = format!(
            "The review\n{para}\n{para} Two.\nWant more stories like this?\n{cards}Privacy Policy"
        );
        let (_, kept, _) = clean(&text, crate::rules::compiled::builtin());
        let texts: Vec<&str> = kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        // Three paragraphs every three lines under a share bar are an
        // article's, not a rail: a short group above them adds no card.
        let short = "Here is why it matters:";
        let body = format!("It starts here.\nIt is short.\nAnd this.\n{short}\nOne.\n{para}\n{short}\nTwo.\n{para} Two.\n{short}\nThree.\n{para} Three.\n");
        let text = format!("The review\nShare\nTweet\n{body}Privacy Policy");
        let (_, kept, _) = clean(&text, crate::rules::compiled::builtin());
        assert!(kept.iter().any(|b| b.text == short), "{kept:?}");
    }

    #[test]
    fn the_paragraph_a_paywall_cut_off_stays_teasers_cut_off_go() {
        let para = "It was the shot to the head heard round the world, in the closing seconds of a game that had been rough from the start and only got rougher.";
        let cut = "The quarterback did not suffer a concussion. Still, the player has been suspended without pay by the league for the rest of the season and may receive....";
        let text = format!("Is football violence a crime?\n{para}\n{para} Two.\n{cut}\nTo Read the Full Story\nSubscribe Sign In\nPrivacy");
        let (_, kept, _) = clean(&text, crate::rules::compiled::builtin());
        assert!(kept.iter().any(|b| b.text == cut), "{kept:?}");
        // Teasers after a headline stay out.
        let text = format!("Is football violence a crime?\n{para}\n{para} Two.\nMore Stories From The League\n{cut}\n{cut} Again....\nPrivacy");
        let (_, kept, _) = clean(&text, crate::rules::compiled::builtin());
        assert!(
            kept.iter().all(|b| !b.text.starts_with("The quarterback")),
            "{kept:?}"
        );
    }

    #[test]
    fn the_name_under_an_empty_by_label_is_the_author() {
        let para = "It was the shot to the head heard round the world, in the closing seconds of a game that had been rough from the start and only got rougher.";
        let text = format!("Is football violence a crime?\nBy\nRandy Maniloff\nNov. 18, 2019 7:04 pm ET\n{para}\n{para} Two.\nPrivacy");
        let (meta, kept, log) = clean(&text, crate::rules::compiled::builtin());
        assert_eq!(meta.authors, vec!["Randy Maniloff".to_string()]);
        assert!(kept.iter().all(|b| b.text != "Randy Maniloff"));
        assert!(log.iter().any(|(_, r)| r.rule == "byline-label-name"));
    }

    #[test]
    fn share_buttons_one_per_line_go_a_lone_network_name_stays() {
        let para = "Dow component Home Depot reported third-quarter earnings that topped estimates as revenue fell short, sending shares lower before the bell.";
        let text = format!("Home Depot sales miss\nFacebook\nTwitter\nEmail\n{para}\nFacebook\n{para} Two.\nPrivacy");
        let (_, kept, log) = clean(&text, crate::rules::compiled::builtin());
        let texts: Vec<&str> = kept.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec![para, "Facebook", &format!("{para} Two.")]);
        assert_eq!(
            log.iter()
                .filter(|(_, r)| r.rule == "share-network-run")
                .count(),
            3
        );
    }

    #[test]
    fn a_share_bar_on_one_line_goes_a_sentence_naming_networks_stays() {
        let para = "Dow component Home Depot reported third-quarter earnings that topped estimates as revenue fell short, sending shares lower before the bell.";
        let named = "Facebook and Twitter both fell.";
        let text = format!("Home Depot sales miss\n{para}\n{named}\n{para} Two.\nFacebook Twitter Google+ Whatsapp\nPrivacy");
        let (_, kept, log) = clean(&text, crate::rules::compiled::builtin());
        assert!(kept.iter().any(|b| b.text == named), "{kept:?}");
        assert!(
            log.iter()
                .any(|(_, r)| r.rule == "share-network-line"
                    && r.text.starts_with("Facebook Twitter"))
        );
    }

    #[test]
    fn a_quote_introduction_is_no_comment_author() {
        let rules = crate::rules::compiled::builtin();
        assert!(rules
            .classify_text("Alex on September 17, 2018 at 6:34 am said:")
            .is_some_and(|h| h.kind == Kind::Comments));
        assert!(rules
            .classify_text("Catherine (GiveWell) said:")
            .is_some_and(|h| h.kind == Kind::Comments));
        assert!(rules
            .classify_text("2. joetoronto says:")
            .is_some_and(|h| h.kind == Kind::Comments));
        for quote in [
            "2. The minister said:",
            "In a statement on March 3, the company said:",
            "The minister said:",
        ] {
            assert!(rules.classify_text(quote).is_none(), "{quote}");
        }
    }

    #[test]
    fn a_gallery_caption_printed_again_and_again_goes_a_long_paragraph_by_a_credit_stays() {
        let para = "The minister said on Wednesday that the talks would resume next month, after both sides agreed on an agenda that had taken the better part of a year to settle, and that the first meeting would be held in the capital.";
        let caption = "The defence minister, left, and his counterpart shake hands in the capital on Wednesday, Nov. 20, 2019, at the start of a visit that both governments described as a turning point in relations between the two countries.";
        assert!(caption.chars().count() > CAPTION_MAX_CHARS);
        let rules = crate::rules::compiled::builtin();
        let text = format!(
            "Talks resume\n{caption}\n{caption}\nPhoto: Hau Dinh, AP\nImage 1 of 8\n{caption}\n{para}\n{para} Two.\n{para} Three.\nPrivacy Policy"
        );
        let (_, kept, log) = clean(&text, rules);
        assert!(kept.iter().all(|b| b.text != caption), "{kept:?}");
        assert_eq!(
            log.iter()
                .filter(|(_, r)| r.rule == "caption-repeated")
                .count(),
            3
        );
        // Printed once, the long line beside a credit is a paragraph.
        let text = format!(
            "Talks resume\nPhoto: Hau Dinh, AP\n{caption}\n{para}\n{para} Two.\n{para} Three.\nPrivacy Policy"
        );
        let (_, kept, _) = clean(&text, rules);
        assert!(kept.iter().any(|b| b.text == caption), "{kept:?}");
    }

    #[test]
    fn captions_and_credits_go_sentences_stay() {
        let rules = crate::rules::compiled::builtin();
        let id = |t: &str| rules.classify_text(t).map(|h| h.id);
        for (caption, rule) in [
            ("Image 1 of 5", "caption-gallery-counter"),
            (
                "1 of 4 Grass Valley's Dionicio Torres looks at the gas can selection.",
                "caption-gallery-counter",
            ),
            ("Photo by Jason Kempin/Getty Images", "caption-photo-by"),
            ("Image copyright Getty Images", "caption-image-copyright"),
            (
                "(Image credit: Blue Origin)",
                "caption-credit-parenthesised",
            ),
            (
                "Beijing Chaoyang Hospital, where patients sought treatment Credit: EPA",
                "caption-trailing-credit",
            ),
            (
                "An MSC cargo ship leaves PortMiami, on Aug. 31, 2019. (AP)",
                "caption-trailing-credit",
            ),
            ("Jason Cipriani/ZDNet", "caption-credit-slash"),
            (
                "The protests kicked off in June and have grown (Image: GETTY )",
                "caption-trailing-credit",
            ),
            (
                "In this Dec. 12, 2006, file photo, made available by NASA, astronauts work.",
                "caption-file-photo",
            ),
        ] {
            assert_eq!(id(caption), Some(rule), "{caption}");
        }
        for sentence in [
            "1 of 4 adults in the region has no access to a doctor, the report found.",
            "The photo by the river became the most shared image of the year.",
            "In this election, voters turned out in record numbers.",
            "Credit card debt rose again in the third quarter, the bank said.",
        ] {
            assert_eq!(id(sentence), None, "{sentence}");
        }
    }

    #[test]
    fn span_stops_at_a_menu_before_a_few_teasers() {
        let para = "A paragraph of the article that is clearly long enough to count as prose for the span, and then some more.";
        let teaser = "Another story from the same site whose summary is a long line too, long enough to count as prose.";
        let text = format!("Headline of the story here\n{para}\n{para} Two.\n{para} Three.\n{para} Four.\nfacebook\ntwitter\nemail\nprint\nMore\nNews\n{teaser}");
        let (_, kept, _) = clean(&text, crate::rules::compiled::builtin());
        assert_eq!(kept.len(), 4);
        assert!(kept.iter().all(|b| b.text.starts_with("A paragraph")));
    }

    #[test]
    fn japanese_sentences_are_prose() {
        let line = |l: &str| TextBlock {
            owner: 0,
            start: 0,
            stop: 1,
            kind: BlockKind::Paragraph,
            chars: l.chars().count(),
            link_chars: 0,
            lead_link_chars: 0,
            text: l.to_owned(),
        };
        assert!(is_prose(&line(
            "もちろん、Apple社は「脱獄」を認めていません。"
        )));
        assert!(!is_prose(&line("関連記事")));
    }

    #[test]
    fn max_span_finds_the_best_run() {
        assert_eq!(max_span(&[-1.0, 5.0, -2.0, 4.0, -10.0, 3.0]), Some((1, 3)));
        assert_eq!(max_span(&[-1.0, -2.0]), None);
    }
}
