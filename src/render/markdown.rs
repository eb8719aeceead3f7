//! Markdown: title on top, then headings, lists, quotes, code and tables.

use crate::document::{BlockKind, Document};

/// The title and body as Markdown.
///
/// ```
/// let doc = deboiler::clean(b"<html><head><title>T</title></head><body><article>\
///     <h2>Part one</h2><p>A paragraph long enough to be kept as the article body, \
///     with a clause or two.</p><ul><li>first</li><li>second</li></ul></article></body></html>").unwrap();
/// let md = deboiler::render::markdown(&doc);
/// assert!(md.contains("## Part one"));
/// assert!(md.contains("- first\n- second"));
/// ```
pub fn markdown(doc: &Document) -> String {
    let mut out = String::new();
    if let Some(title) = &doc.metadata.title {
        out.push_str("# ");
        out.push_str(&escape_line(title));
        out.push_str("\n\n");
    }
    let mut prev_list = false;
    for (i, block) in doc.blocks.iter().enumerate() {
        let is_list = matches!(block.kind, BlockKind::ListItem { .. });
        if i > 0 {
            out.push_str(if is_list && prev_list { "\n" } else { "\n\n" });
        }
        match &block.kind {
            BlockKind::Paragraph => out.push_str(&escape_line(&block.text)),
            BlockKind::Heading(level) => {
                out.push_str(&"#".repeat((*level).clamp(1, 6) as usize));
                out.push(' ');
                out.push_str(&escape_line(&block.text));
            }
            BlockKind::ListItem { ordered, depth } => {
                out.push_str(&"  ".repeat(*depth as usize));
                out.push_str(if *ordered { "1. " } else { "- " });
                out.push_str(&escape_line(&block.text));
            }
            BlockKind::Quote => {
                out.push_str("> ");
                out.push_str(&escape_line(&block.text));
            }
            BlockKind::Code => {
                let fence = if block.text.contains("```") {
                    "~~~~"
                } else {
                    "```"
                };
                out.push_str(fence);
                out.push('\n');
                out.push_str(&block.text);
                out.push('\n');
                out.push_str(fence);
            }
            BlockKind::Table(rows) => table(&mut out, rows),
        }
        prev_list = is_list;
    }
    out.push('\n');
    out
}

fn table(out: &mut String, rows: &[Vec<String>]) {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push('|');
        for c in 0..width {
            out.push(' ');
            out.push_str(
                &row.get(c)
                    .map(|s| s.replace('|', "\\|"))
                    .unwrap_or_default(),
            );
            out.push_str(" |");
        }
        if i == 0 {
            out.push_str("\n|");
            out.push_str(&" --- |".repeat(width));
        }
    }
}

/// Escapes what would change a line's meaning at its start.
fn escape_line(text: &str) -> String {
    let trimmed = text.trim_start();
    let needs = trimmed.starts_with(['#', '>', '-', '*', '+', '=', '|', '`'])
        || trimmed.split_once(['.', ')']).is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit())
        });
    if needs {
        format!("\\{trimmed}")
    } else {
        trimmed.to_owned()
    }
}
