//! `deboiler eval --metadata`: the share of pages whose title, authors and
//! published date are right, per field.
//!
//! Rules (the project's issue 5): title exact after whitespace
//! normalisation; authors a case-insensitive set; date_published on the same
//! day (in UTC when both sides carry a time zone, else by calendar date, one
//! day either way allowed when only one side has a zone). A field annotated
//! `null` is right when nothing is output; a missing key is not annotated.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A page's metadata labels: `None` not annotated, `Some(None)` annotated absent.
#[derive(Debug, Default, Clone)]
pub struct MetaTruth {
    pub title: Option<Option<String>>,
    pub author: Option<Option<String>>,
    pub date: Option<Option<String>>,
}

impl MetaTruth {
    /// Reads `title`, `author` and `date` from a ground-truth page object.
    pub fn from_json(obj: &Map<String, Value>) -> MetaTruth {
        let field = |key: &str| -> Option<Option<String>> {
            match obj.get(key)? {
                Value::Null => Some(None),
                Value::String(s) if s.trim().is_empty() => Some(None),
                Value::String(s) => Some(Some(s.clone())),
                Value::Array(items) => Some(Some(
                    items
                        .iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join("; "),
                )),
                _ => None,
            }
        };
        MetaTruth {
            title: field("title"),
            author: field("author"),
            date: field("date"),
        }
    }
}

/// One field's result over a dataset.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct FieldScore {
    pub field: String,
    pub right: usize,
    pub annotated: usize,
}

impl FieldScore {
    fn share(&self) -> f64 {
        if self.annotated == 0 {
            0.0
        } else {
            self.right as f64 / self.annotated as f64
        }
    }
}

/// Scores every annotated field of every page that was cleaned.
pub fn score<'a>(
    pages: impl Iterator<Item = (&'a MetaTruth, Option<&'a deboiler::Metadata>)>,
) -> Vec<FieldScore> {
    let mut rows: Vec<FieldScore> = ["title", "authors", "date_published"]
        .iter()
        .map(|f| FieldScore {
            field: (*f).to_owned(),
            ..FieldScore::default()
        })
        .collect();
    for (truth, ours) in pages {
        let Some(ours) = ours else { continue };
        let checks = [
            truth
                .title
                .as_ref()
                .map(|t| title_right(t.as_deref(), ours.title.as_deref())),
            truth
                .author
                .as_ref()
                .map(|t| authors_right(t.as_deref(), &ours.authors)),
            truth
                .date
                .as_ref()
                .map(|t| date_right(t.as_deref(), ours.date_published.as_deref())),
        ];
        for (row, check) in rows.iter_mut().zip(checks) {
            if let Some(right) = check {
                row.annotated += 1;
                row.right += usize::from(right);
            }
        }
    }
    rows
}

/// Appends the table.
pub fn write_table(out: &mut String, rows: &[FieldScore]) {
    let _ = writeln!(out, "\nmetadata         right   annotated  share");
    for r in rows {
        let _ = writeln!(
            out,
            "{:<15} {:>6} {:>11}  {:.3}",
            r.field,
            r.right,
            r.annotated,
            r.share()
        );
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn title_right(truth: Option<&str>, ours: Option<&str>) -> bool {
    match (truth, ours) {
        (None, ours) => ours.is_none(),
        (Some(t), Some(o)) => squash(t) == squash(o),
        (Some(_), None) => false,
    }
}

/// Splits a label into names: on ";" when present (fundus joins with "; "),
/// else on ",", " and " and " & ".
fn label_names(label: &str) -> Vec<String> {
    let parts: Vec<&str> = if label.contains(';') {
        label.split(';').collect()
    } else {
        label
            .split(',')
            .flat_map(|p| p.split(" and "))
            .flat_map(|p| p.split(" & "))
            .collect()
    };
    let mut names: Vec<String> = parts
        .iter()
        .map(|p| squash(p).to_lowercase())
        .filter(|p| !p.is_empty())
        .collect();
    names.sort();
    names.dedup();
    names
}

fn authors_right(truth: Option<&str>, ours: &[String]) -> bool {
    let Some(truth) = truth else {
        return ours.is_empty();
    };
    let mut ours: Vec<String> = ours.iter().map(|a| squash(a).to_lowercase()).collect();
    ours.sort();
    ours.dedup();
    label_names(truth) == ours
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar day of an ISO 8601 date, and the UTC day when it has a time
/// and a zone.
fn parse_day(s: &str) -> Option<(i64, Option<i64>)> {
    let s = s.trim();
    let num = |a: usize, b: usize| s.get(a..b).and_then(|x| x.parse::<i64>().ok());
    let (y, m, d) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    if s.get(4..5) != Some("-") || s.get(7..8) != Some("-") {
        return None;
    }
    let day = days_from_civil(y, m, d);
    let rest = s.get(10..).unwrap_or("");
    let utc = (|| {
        let time = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' '))?;
        let minutes =
            time.get(0..2)?.parse::<i64>().ok()? * 60 + time.get(3..5)?.parse::<i64>().ok()?;
        let zone_at = time.find(['Z', '+', '-'])?;
        let zone = &time[zone_at..];
        let offset = if zone.starts_with('Z') {
            0
        } else {
            let sign = if zone.starts_with('-') { -1 } else { 1 };
            let digits: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
            let h = digits.get(0..2)?.parse::<i64>().ok()?;
            let mm = digits
                .get(2..4)
                .and_then(|x| x.parse::<i64>().ok())
                .unwrap_or(0);
            sign * (h * 60 + mm)
        };
        Some(day + (minutes - offset).div_euclid(1440))
    })();
    Some((day, utc))
}

fn date_right(truth: Option<&str>, ours: Option<&str>) -> bool {
    let (Some(truth), Some(ours)) = (truth, ours) else {
        return truth.is_none() && ours.is_none();
    };
    match (parse_day(truth), parse_day(ours)) {
        (Some((_, Some(t))), Some((_, Some(o)))) => t == o,
        (Some((t, tz)), Some((o, oz))) => {
            if tz.is_some() != oz.is_some() {
                (t - o).abs() <= 1
            } else {
                t == o
            }
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_compare_after_whitespace() {
        assert!(title_right(
            Some("Port  strike\nends"),
            Some("Port strike ends")
        ));
        assert!(!title_right(
            Some("Port strike ends"),
            Some("Port strike ends | Gazette")
        ));
        assert!(title_right(None, None));
        assert!(!title_right(None, Some("x")));
    }

    #[test]
    fn authors_are_case_insensitive_sets() {
        let ours = vec!["Jane Doe".to_string(), "John Roe".to_string()];
        assert!(authors_right(Some("john roe; Jane Doe"), &ours));
        assert!(authors_right(Some("Jane Doe and John Roe"), &ours));
        assert!(!authors_right(Some("Jane Doe"), &ours));
        assert!(authors_right(None, &[]));
    }

    #[test]
    fn dates_compare_on_the_day() {
        assert!(date_right(
            Some("2016-12-09T09:13:00.000Z"),
            Some("2016-12-09")
        ));
        // 23:30 in New York is the next day in UTC.
        assert!(date_right(
            Some("2024-03-26T03:30:00Z"),
            Some("2024-03-25T23:30:00-04:00")
        ));
        assert!(!date_right(
            Some("2024-03-25T12:00:00Z"),
            Some("2024-03-27")
        ));
        assert!(date_right(None, None));
        assert!(!date_right(Some("2024-03-25"), None));
    }
}
