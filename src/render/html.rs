//! Sanitized HTML, built from blocks: every text is escaped and only a fixed
//! set of tags is written, so nothing executable can come through.

use crate::document::{BlockKind, Document};

/// The body as sanitized HTML, wrapped in `<article>` with the title as `<h1>`.
///
/// ```
/// let doc = deboiler::clean(b"<html><body><article><p onclick='x()'>A paragraph \
///     <script>alert(1)</script>long enough to be kept as the body of the article, \
///     with a clause.</p></article></body></html>").unwrap();
/// let html = deboiler::render::html(&doc);
/// assert!(!html.contains("script") && !html.contains("onclick"));
/// ```
pub fn html(doc: &Document) -> String {
    let mut out = String::from("<article>\n");
    if let Some(title) = &doc.metadata.title {
        out.push_str(&format!("<h1>{}</h1>\n", escape(title)));
    }
    // Open lists as (ordered, depth).
    let mut lists: Vec<bool> = Vec::new();
    for block in &doc.blocks {
        let target_depth = match &block.kind {
            BlockKind::ListItem { depth, .. } => *depth as usize + 1,
            _ => 0,
        };
        while lists.len() > target_depth {
            close_list(&mut out, &mut lists);
        }
        match &block.kind {
            BlockKind::ListItem { ordered, .. } => {
                while lists.len() < target_depth {
                    out.push_str(if *ordered { "<ol>\n" } else { "<ul>\n" });
                    lists.push(*ordered);
                }
                out.push_str(&format!("<li>{}</li>\n", escape(&block.text)));
            }
            BlockKind::Paragraph => out.push_str(&format!("<p>{}</p>\n", escape(&block.text))),
            BlockKind::Heading(level) => {
                let l = (*level).clamp(1, 6);
                out.push_str(&format!("<h{l}>{}</h{l}>\n", escape(&block.text)));
            }
            BlockKind::Quote => out.push_str(&format!(
                "<blockquote><p>{}</p></blockquote>\n",
                escape(&block.text)
            )),
            BlockKind::Code => out.push_str(&format!(
                "<pre><code>{}</code></pre>\n",
                escape(&block.text)
            )),
            BlockKind::Table(rows) => {
                out.push_str("<table>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        out.push_str(&format!("<td>{}</td>", escape(cell)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
        }
    }
    while !lists.is_empty() {
        close_list(&mut out, &mut lists);
    }
    out.push_str("</article>\n");
    out
}

fn close_list(out: &mut String, lists: &mut Vec<bool>) {
    if let Some(ordered) = lists.pop() {
        out.push_str(if ordered { "</ol>\n" } else { "</ul>\n" });
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
