//! `deboiler eval --metadata`: the share of pages whose title, authors and
//! published date are right, per field.
//!
//! Rules (the project's issue 5): title exact after whitespace
//! normalisation; authors a case-insensitive set; date_published on the same
//! day. A field annotated `null` is right when nothing is output; a missing
//! key is not annotated.
//!
//! Label formats differ by dataset, and a format difference must not count
//! as a metadata mistake:
//! - author labels are lists joined with "; " (fundus) or written as a
//!   byline, "By Jane Doe, John Roe and Ann Poe" (postlight, readability):
//!   both are split into names, a leading "By" dropped;
//! - dates: "same day" is the day the page shows, so when both sides carry a
//!   zone the day may be taken in UTC or in either side's zone (postlight
//!   labels are converted to UTC, pages write local time); when only one side
//!   has a zone, the other's calendar day must be that instant's day in some
//!   zone from UTC-12 to UTC+14;
//! - a title label written as a document title with the dataset's own
//!   `siteName` label as an affix ("Port strike ends | Daily News",
//!   readability) is also right without that affix: the title field is
//!   defined without the site name.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A page's metadata labels: `None` not annotated, `Some(None)` annotated absent.
#[derive(Debug, Default, Clone)]
pub struct MetaTruth {
    pub title: Option<Option<String>>,
    pub author: Option<Option<String>>,
    pub date: Option<Option<String>>,
    /// The dataset's `siteName` label, used only to read a title label
    /// written with the site name as an affix.
    pub site_name: Option<String>,
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
            site_name: field("siteName").flatten(),
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

/// The fields scored, in table order, with the `--explain` name of each.
const FIELDS: [&str; 3] = ["title", "authors", "date_published"];

/// Whether each of [`FIELDS`] is right on one page (`None`: not annotated).
fn checks(truth: &MetaTruth, ours: &deboiler::Metadata) -> [Option<bool>; 3] {
    [
        truth.title.as_ref().map(|t| {
            title_right(
                t.as_deref(),
                truth.site_name.as_deref(),
                ours.title.as_deref(),
            )
        }),
        truth
            .author
            .as_ref()
            .map(|t| authors_right(t.as_deref(), &ours.authors)),
        truth
            .date
            .as_ref()
            .map(|t| date_right(t.as_deref(), ours.date_published.as_deref())),
    ]
}

/// Scores every annotated field of every page that was cleaned.
pub fn score<'a>(
    pages: impl Iterator<Item = (&'a MetaTruth, Option<&'a deboiler::Metadata>)>,
) -> Vec<FieldScore> {
    let mut rows: Vec<FieldScore> = FIELDS
        .iter()
        .map(|f| FieldScore {
            field: (*f).to_owned(),
            ..FieldScore::default()
        })
        .collect();
    for (truth, ours) in pages {
        let Some(ours) = ours else { continue };
        for (row, check) in rows.iter_mut().zip(checks(truth, ours)) {
            if let Some(right) = check {
                row.annotated += 1;
                row.right += usize::from(right);
            }
        }
    }
    rows
}

/// Appends, per field, up to `n` pages whose value is wrong: the label, what
/// was output and the source that won it.
pub fn write_misses<'a>(
    out: &mut String,
    pages: impl Iterator<
        Item = (
            &'a str,
            &'a MetaTruth,
            &'a deboiler::Metadata,
            &'a [(&'static str, String)],
        ),
    >,
    n: usize,
) {
    if n == 0 {
        return;
    }
    let mut lists: [Vec<String>; 3] = Default::default();
    for (id, truth, ours, sources) in pages {
        for (k, check) in checks(truth, ours).into_iter().enumerate() {
            let Some(list) = lists.get_mut(k) else {
                continue;
            };
            if check != Some(false) || list.len() >= n {
                continue;
            }
            let (label, got) = match k {
                0 => (show(truth.title.as_ref()), show_opt(ours.title.as_deref())),
                1 => (
                    show(truth.author.as_ref()),
                    if ours.authors.is_empty() {
                        "-".to_owned()
                    } else {
                        ours.authors.join("; ")
                    },
                ),
                _ => (
                    show(truth.date.as_ref()),
                    show_opt(ours.date_published.as_deref()),
                ),
            };
            let source = sources
                .iter()
                .find(|(f, _)| Some(f) == FIELDS.get(k))
                .map_or("", |(_, s)| s.as_str());
            list.push(format!(
                "  {id}\n      label {label}\n      ours  {got}{}{source}",
                if source.is_empty() { "" } else { "  <- " }
            ));
        }
    }
    for (field, list) in FIELDS.iter().zip(&lists) {
        let _ = writeln!(out, "\nwrong {field} (up to {n}):");
        for line in list {
            let _ = writeln!(out, "{line}");
        }
    }
}

fn show(label: Option<&Option<String>>) -> String {
    show_opt(label.and_then(Option::as_deref))
}

fn show_opt(v: Option<&str>) -> String {
    v.map_or_else(|| "-".to_owned(), |s| format!("{s:?}"))
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

/// Whitespace collapsed and typographic quotes as ASCII ones: labellers
/// often type "'" where pages print "’", the title is the same.
fn squash(s: &str) -> String {
    super::metric::fold_quotes(&super::metric::normalize_ws(s))
}

/// Separators between a headline and a site name in a document title.
const TITLE_SEPARATORS: &[&str] = &["|", "-", "–", "—", "·", "•", ":", "::", "/", "_", "»", "«"];

fn title_right(truth: Option<&str>, site: Option<&str>, ours: Option<&str>) -> bool {
    match (truth, ours) {
        (None, ours) => ours.is_none(),
        (Some(t), Some(o)) => {
            let (t, o) = (squash(t), squash(o));
            t == o || site.is_some_and(|s| without_site(&t, &squash(s)).is_some_and(|t| t == o))
        }
        (Some(_), None) => false,
    }
}

/// `title` without `site` as a separator-delimited suffix or prefix.
fn without_site(title: &str, site: &str) -> Option<String> {
    let lower = title.to_lowercase();
    let site = site.to_lowercase();
    if site.is_empty() {
        return None;
    }
    TITLE_SEPARATORS.iter().find_map(|sep| {
        let suffix = format!(" {sep} {site}");
        let prefix = format!("{site} {sep} ");
        let keep = if lower.ends_with(&suffix) {
            lower.len() - suffix.len()..title.len()
        } else if lower.starts_with(&prefix) {
            0..prefix.len()
        } else {
            return None;
        };
        // Lower-casing can change byte lengths: cut only when it did not.
        if lower.len() != title.len() {
            return None;
        }
        let rest = if keep.start == 0 {
            title.get(keep.end..)?
        } else {
            title.get(..keep.start)?
        };
        Some(rest.trim().to_owned()).filter(|r| !r.is_empty())
    })
}

/// Byline words a label may start with ("By Jane Doe", "Par Claire Martin").
const LABEL_BY_WORDS: &[&str] = &["by", "von", "par", "por", "door", "автор"];

/// One name of a label: whitespace collapsed, lower case, a leading "By" dropped.
fn label_name(part: &str) -> String {
    let name = squash(part).to_lowercase();
    for by in LABEL_BY_WORDS {
        if let Some(rest) = name.strip_prefix(by) {
            if let Some(rest) = rest.strip_prefix([' ', ':']) {
                let rest = rest.trim_start_matches([' ', ':']);
                if !rest.is_empty() {
                    return rest.to_owned();
                }
            }
        }
    }
    name
}

/// Degrees and certifications written after a name ("Jane Doe, MS, RD").
/// A closed list: other capitals after a comma are often an agency
/// ("Jane Doe, AP") and stay a name.
const CREDENTIALS: &[&str] = &[
    "ms", "ma", "md", "do", "rd", "rn", "np", "pa", "phd", "mba", "mph", "cpa", "cfp", "cfa", "jd",
    "esq", "dds", "dmd", "pharmd", "ldn", "cdn", "cde", "fand", "facp", "bsn", "msn",
];

/// Whether a comma-separated label part is a credential after the name
/// ("Jane Doe, MS, RD", "Jane Doe, Ph.D.", "Rebecca Lake, CEPF®").
fn is_credential(part: &str) -> bool {
    let p = part.trim();
    let letters: String = p
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    p.ends_with('®') || CREDENTIALS.contains(&letters.as_str())
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
        .enumerate()
        .filter(|(i, p)| *i == 0 || !is_credential(p))
        .map(|(_, p)| label_name(p))
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

/// Minutes in a day.
const DAY_MINUTES: i64 = 1440;
/// The widest zone offsets in use, in minutes (UTC-12 to UTC+14).
const ZONE_RANGE: (i64, i64) = (-12 * 60, 14 * 60);

/// A label or output date: its calendar day as written, and when it has a
/// time and a zone, the instant (minutes since 1970 UTC) and the offset.
#[derive(Debug, Clone, Copy)]
struct Day {
    day: i64,
    instant: Option<(i64, i64)>,
}

impl Day {
    /// The calendar day of `instant` at `offset` minutes east of UTC.
    fn local(instant: i64, offset: i64) -> i64 {
        (instant + offset).div_euclid(DAY_MINUTES)
    }
}

/// Parses an ISO 8601 date, with an optional time and zone.
fn parse_day(s: &str) -> Option<Day> {
    let s = s.trim();
    let num = |a: usize, b: usize| s.get(a..b).and_then(|x| x.parse::<i64>().ok());
    let (y, m, d) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    if s.get(4..5) != Some("-") || s.get(7..8) != Some("-") {
        return None;
    }
    let day = days_from_civil(y, m, d);
    let rest = s.get(10..).unwrap_or("");
    let instant = (|| {
        let time = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' '))?;
        let minutes =
            time.get(0..2)?.parse::<i64>().ok()? * 60 + time.get(3..5)?.parse::<i64>().ok()?;
        let zone = time.get(time.find(['Z', '+', '-'])?..)?;
        let offset = if zone.starts_with('Z') {
            0
        } else {
            let sign = if zone.starts_with('-') { -1 } else { 1 };
            let digits: String = zone.chars().filter(char::is_ascii_digit).collect();
            let h = digits.get(0..2)?.parse::<i64>().ok()?;
            let mm = digits
                .get(2..4)
                .and_then(|x| x.parse::<i64>().ok())
                .unwrap_or(0);
            sign * (h * 60 + mm)
        };
        Some((day * DAY_MINUTES + minutes - offset, offset))
    })();
    Some(Day { day, instant })
}

fn date_right(truth: Option<&str>, ours: Option<&str>) -> bool {
    let (Some(truth), Some(ours)) = (truth, ours) else {
        return truth.is_none() && ours.is_none();
    };
    let (Some(t), Some(o)) = (parse_day(truth), parse_day(ours)) else {
        return false;
    };
    match (t.instant, o.instant) {
        // The same day in UTC or in the zone either side was written in.
        (Some((ti, toff)), Some((oi, ooff))) => [0, toff, ooff]
            .iter()
            .any(|&z| Day::local(ti, z) == Day::local(oi, z)),
        // A calendar day against an instant: the instant's day somewhere.
        (Some((i, _)), None) | (None, Some((i, _))) => {
            let day = if t.instant.is_some() { o.day } else { t.day };
            (Day::local(i, ZONE_RANGE.0)..=Day::local(i, ZONE_RANGE.1)).contains(&day)
        }
        (None, None) => t.day == o.day,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_compare_after_whitespace() {
        assert!(title_right(
            Some("Port  strike\nends"),
            None,
            Some("Port strike ends")
        ));
        assert!(!title_right(
            Some("Port strike ends"),
            None,
            Some("Port strike ends | Gazette")
        ));
        assert!(title_right(
            Some("FDA's \"new\" rules"),
            None,
            Some("FDA\u{2019}s \u{201C}new\u{201D} rules")
        ));
        assert!(title_right(None, None, None));
        assert!(!title_right(None, None, Some("x")));
    }

    #[test]
    fn title_label_with_its_own_site_name() {
        let ours = Some("Port strike ends");
        assert!(title_right(
            Some("Port strike ends | Gazette"),
            Some("Gazette"),
            ours
        ));
        assert!(title_right(
            Some("Gazette - Port strike ends"),
            Some("gazette"),
            ours
        ));
        // Only the labelled site name, only as a whole affix.
        assert!(!title_right(Some("Port strike ends | Gazette"), None, ours));
        assert!(!title_right(
            Some("Port strike ends | Gazette"),
            Some("Herald"),
            ours
        ));
        assert!(!title_right(
            Some("Port strike ends Gazette"),
            Some("Gazette"),
            ours
        ));
        assert!(!title_right(Some("Gazette"), Some("Gazette"), Some("")));
    }

    #[test]
    fn authors_are_case_insensitive_sets() {
        let ours = vec!["Jane Doe".to_string(), "John Roe".to_string()];
        assert!(authors_right(Some("john roe; Jane Doe"), &ours));
        assert!(authors_right(Some("Jane Doe and John Roe"), &ours));
        assert!(!authors_right(Some("Jane Doe"), &ours));
        assert!(authors_right(None, &[]));
        // Bylines as labels: "By" is not part of a name.
        assert!(authors_right(Some("By\n\t Jane Doe and John Roe"), &ours));
        assert!(authors_right(Some("Par Jane Doe & John Roe"), &ours));
        assert!(!authors_right(Some("By"), &[]));
        // Credentials after the name are not names.
        let one = ["Jane Doe".to_owned()];
        assert!(authors_right(Some("Jane Doe, MS, RD, FAND"), &one));
        assert!(authors_right(Some("Jane Doe, Ph.D."), &one));
        assert!(!authors_right(Some("Jane Doe, John Roe"), &one));
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
        // A Tokyo page dated the 13th, labelled at local midnight in UTC.
        assert!(date_right(
            Some("2019-02-12T15:00:00.000Z"),
            Some("2019-02-13T12:00:00+09:00")
        ));
        assert!(!date_right(
            Some("2019-02-11T15:00:00.000Z"),
            Some("2019-02-13T12:00:00+09:00")
        ));
        // 09:13 UTC is the 8th west of UTC-9 and the 9th elsewhere, never the 10th.
        assert!(date_right(Some("2016-12-09T09:13:00Z"), Some("2016-12-08")));
        assert!(!date_right(
            Some("2016-12-09T09:13:00Z"),
            Some("2016-12-10")
        ));
        assert!(date_right(
            Some("2024-05-03 15:47:42.389000+00:00"),
            Some("2024-05-03T17:47:42+02:00")
        ));
    }
}
