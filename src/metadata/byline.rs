//! Byline parsing (placeholder until the metadata stage lands).

/// Author names from a byline: "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"].
pub fn parse_authors(text: &str) -> Vec<String> {
    let t = text.trim();
    let t = t
        .strip_prefix("By ")
        .or_else(|| t.strip_prefix("by "))
        .unwrap_or(t);
    t.split(" and ")
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}
