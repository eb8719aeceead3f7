//! `--explain`: a page's blocks in document order with the verdict on each,
//! for a person at a terminal.
//!
//! One line per block: a `+` (kept) or `-` (removed), the block kind or the
//! removal's kind, the rule id, and the text cut to fit the width. Above it,
//! the rule selection (language, site sections) and every metadata field
//! with the source it came from.

use crate::document::{BlockKind, Explanation, Verdict};

/// Width of the kind column.
const KIND_WIDTH: usize = 14;
/// Width of the rule column.
const RULE_WIDTH: usize = 26;
/// Text columns never get narrower than this, however narrow the terminal.
const MIN_TEXT_WIDTH: usize = 20;
/// Metadata values are cut to this many chars.
const META_WIDTH: usize = 70;

/// The explanation as lines of text, each at most about `width` chars.
pub fn explain(e: &Explanation, width: usize) -> String {
    let doc = &e.document;
    let mut out = String::new();
    let source = doc.source.as_deref().unwrap_or("-");
    out.push_str(&format!("page      {source}\n"));
    if let Some(url) = &doc.url {
        out.push_str(&format!("url       {url}\n"));
    }
    out.push_str(&format!("encoding  {}\n", doc.encoding));
    let tables = match &e.language {
        Some(l) => format!(
            "{l} ({}): tables for `{}` and `*`",
            e.language_source,
            primary(l)
        ),
        None => "unknown: every language's tables apply".to_owned(),
    };
    out.push_str(&format!("language  {tables}\n"));
    if !e.sites.is_empty() {
        out.push_str(&format!("sites     {}\n", e.sites.join(", ")));
    }
    out.push_str(&format!(
        "status    {}\n\nmetadata\n",
        match doc.status {
            crate::Status::Ok => "ok",
            crate::Status::Empty => "empty (no article found)",
            crate::Status::Error => "error",
        }
    ));
    let m = &doc.metadata;
    let fields: [(&str, Option<String>); 11] = [
        ("title", m.title.clone()),
        (
            "authors",
            (!m.authors.is_empty()).then(|| m.authors.join("; ")),
        ),
        ("date_published", m.date_published.clone()),
        ("date_modified", m.date_modified.clone()),
        ("site_name", m.site_name.clone()),
        ("description", m.description.clone()),
        ("language", m.language.clone()),
        ("canonical_url", m.canonical_url.clone()),
        ("image", m.image.clone()),
        ("tags", (!m.tags.is_empty()).then(|| m.tags.join(", "))),
        (
            "reading_time_minutes",
            m.reading_time_minutes.map(|n| n.to_string()),
        ),
    ];
    for (name, value) in fields {
        let source = e
            .metadata_sources
            .iter()
            .find(|(f, _)| *f == name || *f == "*")
            .map(|(_, s)| format!("  ← {s}"))
            .unwrap_or_default();
        match value {
            Some(v) => out.push_str(&format!("  {name:<21}{}{source}\n", cut(&v, META_WIDTH))),
            None => out.push_str(&format!("  {name:<21}-\n")),
        }
    }
    let kept = e
        .entries
        .iter()
        .filter(|x| matches!(x.verdict, Verdict::Kept(_)))
        .count();
    out.push_str(&format!(
        "\nblocks    {} kept, {} removed (+ kept, - removed; the order key is the node or line the block starts at)\n",
        kept,
        e.entries.len() - kept
    ));
    let text_width = width
        .saturating_sub(8 + 2 + KIND_WIDTH + 1 + RULE_WIDTH + 1)
        .max(MIN_TEXT_WIDTH);
    for entry in &e.entries {
        let (mark, kind, rule) = match &entry.verdict {
            Verdict::Kept(k) => ('+', block_kind(k), String::new()),
            Verdict::Removed { kind, rule } => ('-', kind.as_str().to_owned(), rule.clone()),
        };
        out.push_str(&format!(
            "{:>7} {mark} {:<kw$} {:<rw$} {}\n",
            entry.order,
            cut(&kind, KIND_WIDTH),
            cut(&rule, RULE_WIDTH),
            cut(&entry.text, text_width),
            kw = KIND_WIDTH,
            rw = RULE_WIDTH,
        ));
    }
    out
}

fn primary(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

fn block_kind(k: &BlockKind) -> String {
    match k {
        BlockKind::Paragraph => "paragraph".into(),
        BlockKind::Heading(n) => format!("heading {n}"),
        BlockKind::ListItem { ordered: true, .. } => "list item 1.".into(),
        BlockKind::ListItem { .. } => "list item".into(),
        BlockKind::Quote => "quote".into(),
        BlockKind::Code => "code".into(),
        BlockKind::Table(_) => "table".into(),
    }
}

/// `text` on one line, cut to `max` chars with an ellipsis.
fn cut(text: &str, max: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(max.saturating_sub(1)) {
        Some((at, _)) if one_line.chars().count() > max => {
            format!("{}…", one_line[..at].trim_end())
        }
        _ => one_line,
    }
}

#[cfg(test)]
mod tests {
    use super::cut;

    #[test]
    fn cut_keeps_short_text_and_marks_cuts() {
        assert_eq!(cut("a  b\nc", 10), "a b c");
        assert_eq!(cut("abcdefghij", 5), "abcd…");
        assert_eq!(cut("日本語のテキスト", 4), "日本語…");
    }
}
