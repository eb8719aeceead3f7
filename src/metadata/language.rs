//! Language tag normalisation.
//!
//! Input: a declared language (`<html lang>`, `content-language`, `og:locale`,
//! JSON-LD `inLanguage`), such as `en-us`, `pt_BR`, `de-DE,en`. Output: a BCP 47
//! tag with a lower-case language, title-case script and upper-case region
//! (`en-US`, `pt-BR`, `zh-Hant-TW`), or `None` for values that are not tags.
//! Invariants: ASCII-only output, never panics.

/// Normalises a language tag.
pub(crate) fn normalize(text: &str) -> Option<String> {
    let first = text
        .split([',', ';', ' '])
        .find(|s| !s.trim().is_empty())?
        .trim();
    let mut parts = first.split(['-', '_']);
    let lang = parts.next()?;
    if !(2..=3).contains(&lang.len()) || !lang.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = lang.to_ascii_lowercase();
    for p in parts {
        let ok = p.chars().all(|c| c.is_ascii_alphanumeric()) && !p.is_empty();
        if !ok {
            break;
        }
        out.push('-');
        match p.len() {
            2 => out.push_str(&p.to_ascii_uppercase()),
            4 if p.chars().all(|c| c.is_ascii_alphabetic()) => {
                let lower = p.to_ascii_lowercase();
                let mut chars = lower.chars();
                if let Some(c) = chars.next() {
                    out.push(c.to_ascii_uppercase());
                    out.push_str(chars.as_str());
                }
            }
            3 if p.chars().all(|c| c.is_ascii_digit()) => out.push_str(p),
            _ => out.push_str(&p.to_ascii_lowercase()),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn normalises_case_and_separators() {
        assert_eq!(normalize("en-us").as_deref(), Some("en-US"));
        assert_eq!(normalize("pt_BR").as_deref(), Some("pt-BR"));
        assert_eq!(normalize("EN").as_deref(), Some("en"));
        assert_eq!(normalize("zh-hant-tw").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(normalize("es-419").as_deref(), Some("es-419"));
        assert_eq!(normalize(" de-DE, en").as_deref(), Some("de-DE"));
    }

    #[test]
    fn rejects_non_tags() {
        assert_eq!(normalize(""), None);
        assert_eq!(normalize("english"), None);
        assert_eq!(normalize("{{lang}}"), None);
    }
}
