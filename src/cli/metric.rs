//! Body-extraction metrics, exactly as `bench/README.md` defines them.
//!
//! Pure functions over two texts (the ground truth and the extraction):
//!
//! - the article-extraction-benchmark shingle metric ([`ShingleCounts`],
//!   [`BodySummary`]): `\w+` tokens (Unicode, case kept), multisets of
//!   4-token shingles, per-page (tp, fp, fn) normalized to sum 1, precision
//!   and recall means over pages, F1 of the means, accuracy of identical
//!   token lists;
//! - WCXB's word F1 ([`word_f1`]): per-page F1 of the lower-cased `\w+` bags;
//! - snippet matching for `with` / `without` lists ([`Snippets`]);
//! - diagnostics: the first words one text has that the other lacks
//!   ([`unmatched_words`]).
//!
//! Tokens are `&str` slices of the input (no allocation per token), and
//! shingles are keyed by the slice of their tokens with a fast hasher: exact
//! multiset semantics, no hash-collision approximation.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use regex::Regex;

/// Tokens per shingle (the benchmark's n).
pub const SHINGLE: usize = 4;

/// What a word character is: Python's Unicode `\w`, which the benchmark
/// and the reference scorer (`tools/score_body.py`) use. It is exactly
/// letters, numbers and the underscore (checked over every code point of
/// Python 3.11's Unicode 14). The `regex` crate's `\w` follows UTS #18
/// instead and also takes combining marks, join controls and connector
/// punctuation: it keeps `हिन्दी` or `❤️` whole where Python splits them,
/// which moves wcxb-dev's precision by 0.0004 (119 of 1356 pages differ).
pub const WORD_CHARS: &str = r"[\p{L}\p{N}_]";

/// Membership in [`WORD_CHARS`], without a regex search per token: a bitmap
/// of the Basic Multilingual Plane, built once from the class itself (so the
/// two cannot disagree), and the regex for the rare characters above it.
struct WordChars {
    bmp: Vec<u64>,
    astral: Regex,
}

impl WordChars {
    fn get() -> &'static WordChars {
        static TABLE: OnceLock<WordChars> = OnceLock::new();
        TABLE.get_or_init(|| {
            let class = Regex::new(WORD_CHARS).expect("the word class is valid");
            let all: String = (0..0x1_0000).filter_map(char::from_u32).collect();
            let mut bmp = vec![0u64; 0x1_0000 / 64];
            for m in class.find_iter(&all) {
                for c in m.as_str().chars() {
                    bmp[c as usize / 64] |= 1 << (c as usize % 64);
                }
            }
            let astral = Regex::new(&format!("^{WORD_CHARS}$")).expect("the word class is valid");
            WordChars { bmp, astral }
        })
    }

    #[inline]
    fn contains(&self, c: char) -> bool {
        if c.is_ascii() {
            c.is_ascii_alphanumeric() || c == '_'
        } else if let Some(bits) = self.bmp.get(c as usize / 64) {
            bits & (1 << (c as usize % 64)) != 0
        } else {
            self.astral.is_match(c.encode_utf8(&mut [0; 4]))
        }
    }
}

/// The `\w+` tokens of `text`: maximal runs of word characters
/// ([`WORD_CHARS`]), case kept.
pub fn words(text: &str) -> Vec<&str> {
    let table = WordChars::get();
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (table.contains(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.extend(text.get(s..i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.extend(text.get(s..));
    }
    out
}

/// The shingles of a token list: every window of [`SHINGLE`] tokens; fewer
/// tokens give one shorter shingle (all of them); no tokens give none.
pub fn shingles<'a, 'w>(tokens: &'a [&'w str]) -> std::slice::Windows<'a, &'w str> {
    // `windows(len)` of a short, non-empty list yields the list once;
    // `max(1)` keeps the window size valid for an empty list (no windows).
    tokens.windows(SHINGLE.min(tokens.len()).max(1))
}

/// One page's shingle (tp, fp, fn), normalized so that they sum to 1 (all
/// zero when neither text has a shingle).
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct ShingleCounts {
    /// Shingles in both texts (multiset intersection).
    pub tp: f64,
    /// Shingles only in the extraction.
    pub fp: f64,
    /// Shingles only in the ground truth.
    #[serde(rename = "fn")]
    pub fn_: f64,
}

impl ShingleCounts {
    /// Counts the shingles of two token lists.
    pub fn of(truth: &[&str], pred: &[&str]) -> ShingleCounts {
        let mut bag: FastMap<&[&str], [u32; 2]> =
            FastMap::with_capacity_and_hasher(truth.len() + pred.len(), Default::default());
        for s in shingles(truth) {
            bag.entry(s).or_default()[0] += 1;
        }
        for s in shingles(pred) {
            bag.entry(s).or_default()[1] += 1;
        }
        let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
        for [t, p] in bag.into_values() {
            let both = t.min(p);
            tp += u64::from(both);
            fp += u64::from(p - both);
            fn_ += u64::from(t - both);
        }
        let sum = (tp + fp + fn_) as f64;
        if sum == 0.0 {
            return ShingleCounts::default();
        }
        ShingleCounts {
            tp: tp as f64 / sum,
            fp: fp as f64 / sum,
            fn_: fn_ as f64 / sum,
        }
    }

    /// Page precision: 1 when nothing is wrong (fp = fn = 0), 0 when the
    /// extraction has no shingle (tp = fp = 0), else tp / (tp + fp).
    pub fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp + self.fp > 0.0 {
            self.tp / (self.tp + self.fp)
        } else {
            0.0
        }
    }

    /// Page recall: 1 when nothing is wrong (fp = fn = 0), 0 when the ground
    /// truth has no shingle (tp = fn = 0), else tp / (tp + fn).
    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp + self.fn_ > 0.0 {
            self.tp / (self.tp + self.fn_)
        } else {
            0.0
        }
    }

    /// Whether the page enters the precision mean (tp + fp > 0).
    pub fn enters_precision(&self) -> bool {
        self.tp + self.fp > 0.0
    }

    /// Whether the page enters the recall mean (tp + fn > 0).
    pub fn enters_recall(&self) -> bool {
        self.tp + self.fn_ > 0.0
    }

    /// The page's own F1 of its precision and recall (for ranking pages;
    /// the dataset F1 is of the means, see [`BodySummary`]).
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

/// Harmonic mean, 0 when both are 0.
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

/// Every body metric of one page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BodyScore {
    /// Shingle counts (article-extraction benchmark).
    pub counts: ShingleCounts,
    /// Whether the `\w+` token lists are identical.
    pub exact: bool,
    /// WCXB word F1.
    pub word_f1: f64,
}

/// Scores one page's extraction against its ground truth.
///
/// `t` and `p` are the [`words`] of `truth` and `pred` (computed once by
/// the caller, who also needs them for diagnostics).
pub fn score_body_tokens(truth: &str, pred: &str, t: &[&str], p: &[&str]) -> BodyScore {
    BodyScore {
        counts: ShingleCounts::of(t, p),
        exact: t == p,
        word_f1: word_f1(truth, pred),
    }
}

/// WCXB word F1 of one page: lower-case both texts, F1 of the overlap of
/// their `\w+` multisets; 1 when both have no word, 0 when only one has.
pub fn word_f1(truth: &str, pred: &str) -> f64 {
    let (truth, pred) = (truth.to_lowercase(), pred.to_lowercase());
    let mut bag: FastMap<&str, [u32; 2]> =
        FastMap::with_capacity_and_hasher(truth.len() / 8, Default::default());
    let (mut nt, mut np) = (0u64, 0u64);
    for w in words(&truth) {
        bag.entry(w).or_default()[0] += 1;
        nt += 1;
    }
    for w in words(&pred) {
        bag.entry(w).or_default()[1] += 1;
        np += 1;
    }
    if nt == 0 || np == 0 {
        return if nt == 0 && np == 0 { 1.0 } else { 0.0 };
    }
    let overlap: u64 = bag.values().map(|[t, p]| u64::from(*t.min(p))).sum();
    f1(overlap as f64 / np as f64, overlap as f64 / nt as f64)
}

/// Dataset-level body metrics.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct BodySummary {
    /// Pages scored.
    pub pages: usize,
    /// Mean page precision over the pages with tp + fp > 0 (0 when none).
    pub precision: f64,
    /// Mean page recall over the pages with tp + fn > 0 (0 when none).
    pub recall: f64,
    /// F1 of the two means.
    pub f1: f64,
    /// Share of pages whose token lists are identical.
    pub accuracy: f64,
    /// Mean WCXB word F1.
    pub word_f1: f64,
}

impl BodySummary {
    /// Aggregates page scores; `None` when there is no page.
    pub fn of<'a>(scores: impl IntoIterator<Item = &'a BodyScore>) -> Option<BodySummary> {
        let (mut pages, mut exact, mut word_f1) = (0usize, 0usize, 0.0);
        let (mut p_sum, mut p_n, mut r_sum, mut r_n) = (0.0, 0usize, 0.0, 0usize);
        for s in scores {
            pages += 1;
            exact += usize::from(s.exact);
            word_f1 += s.word_f1;
            if s.counts.enters_precision() {
                p_sum += s.counts.precision();
                p_n += 1;
            }
            if s.counts.enters_recall() {
                r_sum += s.counts.recall();
                r_n += 1;
            }
        }
        if pages == 0 {
            return None;
        }
        let mean = |sum: f64, n: usize| if n == 0 { 0.0 } else { sum / n as f64 };
        let (precision, recall) = (mean(p_sum, p_n), mean(r_sum, r_n));
        Some(BodySummary {
            pages,
            precision,
            recall,
            f1: f1(precision, recall),
            accuracy: exact as f64 / pages as f64,
            word_f1: word_f1 / pages as f64,
        })
    }
}

/// Snippet matching for `with` / `without` lists: a snippet is found when,
/// after collapsing every whitespace run to one space and trimming, and
/// folding typographic quotes to ASCII ones (in the snippet and in the
/// text), it is a case-sensitive substring of the text. Snippet lists are
/// typed (`it's`) where pages print a typographic apostrophe; folding
/// measures the extraction, not the typing. Snippets that are empty after
/// normalization are ignored.
#[derive(Debug, Clone)]
pub struct Snippets {
    text: String,
}

impl Snippets {
    /// Prepares `text` for matching.
    pub fn new(text: &str) -> Snippets {
        Snippets {
            text: fold_quotes(&normalize_ws(text)),
        }
    }

    /// (found, counted) of `snippets` in the text.
    pub fn count<S: AsRef<str>>(&self, snippets: &[S]) -> (usize, usize) {
        let (mut found, mut counted) = (0, 0);
        for s in snippets {
            let s = fold_quotes(&normalize_ws(s.as_ref()));
            if s.is_empty() {
                continue;
            }
            counted += 1;
            found += usize::from(self.text.contains(&s));
        }
        (found, counted)
    }
}

/// Typographic apostrophes and quotation marks as their ASCII forms.
pub fn fold_quotes(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{02bc}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => '"',
            c => c,
        })
        .collect()
}

/// Collapses every run of Unicode whitespace to one space and trims.
pub fn normalize_ws(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The first words of `from` that the shingles of `against` do not cover,
/// for a developer to see what went wrong: runs of uncovered tokens joined
/// by " … ", at most `max_words` words, ending in " …" when cut.
///
/// Shingles of `against` are consumed in the order of `from` (a multiset),
/// and a token is covered when any matched shingle contains it.
pub fn unmatched_words(from: &[&str], against: &[&str], max_words: usize) -> String {
    let mut available: FastMap<&[&str], u32> =
        FastMap::with_capacity_and_hasher(against.len(), Default::default());
    for s in shingles(against) {
        *available.entry(s).or_default() += 1;
    }
    let width = SHINGLE.min(from.len()).max(1);
    let mut covered = vec![false; from.len()];
    for (i, s) in shingles(from).enumerate() {
        if let Some(n) = available.get_mut(s).filter(|n| **n > 0) {
            *n -= 1;
            covered[i..i + width].iter_mut().for_each(|c| *c = true);
        }
    }
    let mut out = String::new();
    let mut taken = 0;
    let mut prev_uncovered = true;
    for (i, word) in from.iter().enumerate() {
        if covered[i] {
            prev_uncovered = false;
            continue;
        }
        if taken == max_words {
            out.push_str(" …");
            break;
        }
        if !out.is_empty() {
            out.push_str(if prev_uncovered { " " } else { " … " });
        }
        out.push_str(word);
        taken += 1;
        prev_uncovered = true;
    }
    out
}

/// FxHash (as in rustc): a fast, non-cryptographic hasher for the shingle
/// maps, whose keys come from the texts being scored, not from an attacker.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    fn score_body(truth: &str, pred: &str) -> BodyScore {
        score_body_tokens(truth, pred, &words(truth), &words(pred))
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn words_are_unicode_word_runs_with_case_kept() {
        assert_eq!(
            words("Die Größe, l'été: 3.5 km_h!"),
            ["Die", "Größe", "l", "été", "3", "5", "km_h"]
        );
        // A run of CJK characters without spaces is one word.
        assert_eq!(words("中文文本。日本語も"), ["中文文本", "日本語も"]);
        // Python's \w: combining marks and variation selectors split words,
        // other numbers (², ½, Ⅻ) are word characters.
        assert_eq!(words("हिन्दी भाषा"), ["ह", "न", "द", "भ", "ष"]);
        assert_eq!(
            words("❤\u{fe0f} x²+½ Ⅻ a\u{203f}b"),
            ["x²", "½", "Ⅻ", "a", "b"]
        );
        assert!(words("").is_empty());
        assert!(words(" —!? ").is_empty());
    }

    #[test]
    fn word_table_agrees_with_the_class_on_every_code_point() {
        let class = Regex::new(&format!("^{WORD_CHARS}$")).unwrap();
        let table = WordChars::get();
        let mut buf = [0; 4];
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(
                table.contains(c),
                class.is_match(c.encode_utf8(&mut buf)),
                "{c:?}"
            );
        }
        assert_eq!(words("_a_ b\u{1F600}c 𝐀𝐁"), ["_a_", "b", "c", "𝐀𝐁"]);
    }

    #[test]
    fn shingles_of_short_and_empty_lists() {
        let none: Vec<&str> = vec![];
        assert_eq!(shingles(&none).count(), 0);
        let two = ["a", "b"];
        assert_eq!(shingles(&two).collect::<Vec<_>>(), [&["a", "b"][..]]);
        let four = ["a", "b", "c", "d"];
        assert_eq!(shingles(&four).count(), 1);
        let six = ["a", "b", "c", "d", "e", "f"];
        assert_eq!(
            shingles(&six).collect::<Vec<_>>(),
            [&six[0..4], &six[1..5], &six[2..6]]
        );
    }

    #[test]
    fn identical_texts_are_perfect() {
        let s = score_body("One two three four five.", "one two three four five");
        // Case differs: the shingle metric keeps case, word F1 does not.
        assert!(!s.exact);
        assert!(close(s.counts.precision(), 0.5));
        assert_eq!(s.word_f1, 1.0);
        let s = score_body("One, two three four five.", "One two\nthree four five");
        assert!(s.exact);
        assert_eq!((s.counts.precision(), s.counts.recall()), (1.0, 1.0));
        assert_eq!(s.counts.tp, 1.0);
    }

    #[test]
    fn partial_overlap_hand_computed() {
        // truth a b c d e: [abcd] [bcde]; pred a b c d x: [abcd] [bcdx]
        // tp 1, fp 1, fn 1 -> normalized 1/3 each; P = R = 0.5.
        let c = ShingleCounts::of(&["a", "b", "c", "d", "e"], &["a", "b", "c", "d", "x"]);
        assert!(close(c.tp, 1.0 / 3.0) && close(c.fp, 1.0 / 3.0) && close(c.fn_, 1.0 / 3.0));
        assert!(close(c.precision(), 0.5) && close(c.recall(), 0.5));
        assert!(close(word_f1("a b c d e", "a b c d x"), 0.8));
        // Extraction is a strict superset: recall 1, precision 2/3.
        let c = ShingleCounts::of(&["a", "b", "c", "d", "e"], &["a", "b", "c", "d", "e", "f"]);
        assert!(close(c.precision(), 2.0 / 3.0) && close(c.recall(), 1.0));
    }

    #[test]
    fn fewer_than_four_tokens_make_one_shingle() {
        // "a b" vs "a b c": different single shingles, nothing in common.
        let c = ShingleCounts::of(&["a", "b"], &["a", "b", "c"]);
        assert_eq!((c.tp, c.fp, c.fn_), (0.0, 0.5, 0.5));
        assert_eq!((c.precision(), c.recall()), (0.0, 0.0));
        let c = ShingleCounts::of(&["a", "b"], &["a", "b"]);
        assert_eq!((c.tp, c.precision(), c.recall()), (1.0, 1.0, 1.0));
    }

    #[test]
    fn empty_texts_follow_the_readme_edge_cases() {
        // Both empty: no shingles; enters neither mean, but is "accurate".
        let s = score_body("", "  ...  ");
        assert_eq!(s.counts, ShingleCounts::default());
        assert!(!s.counts.enters_precision() && !s.counts.enters_recall());
        assert!(s.exact);
        assert_eq!(s.word_f1, 1.0);
        // Empty extraction: tp = fp = 0 -> precision 0, not in the P mean;
        // recall 0 and in the R mean.
        let s = score_body("a b c d e", "");
        assert_eq!(s.counts.precision(), 0.0);
        assert!(!s.counts.enters_precision() && s.counts.enters_recall());
        assert_eq!(s.counts.recall(), 0.0);
        assert_eq!(s.word_f1, 0.0);
        // Empty truth: tp = fn = 0 -> recall 0, not in the R mean.
        let s = score_body("", "a b c d e");
        assert_eq!(s.counts.recall(), 0.0);
        assert!(s.counts.enters_precision() && !s.counts.enters_recall());
        assert_eq!(s.counts.precision(), 0.0);
        assert_eq!(s.word_f1, 0.0);
    }

    #[test]
    fn repeated_shingles_count_as_multisets() {
        // truth: [a b c d] twice (a b c d a b c d has 5 shingles: abcd bcda
        // cdab dabc abcd); pred a b c d: one abcd. tp 1, fp 0, fn 4.
        let t = words("a b c d a b c d");
        let c = ShingleCounts::of(&t, &["a", "b", "c", "d"]);
        assert!(close(c.tp, 0.2) && close(c.fn_, 0.8) && c.fp == 0.0);
        assert!(close(c.precision(), 1.0) && close(c.recall(), 0.2));
        // Word F1 bags: truth {a:2,b:2,c:2,d:2}, pred {a,b,c,d}: overlap 4,
        // P 1, R 0.5 -> 2/3.
        assert!(close(word_f1("a b c d a b c d", "a b c d"), 2.0 / 3.0));
    }

    #[test]
    fn unicode_words_match_and_word_f1_lowercases() {
        let s = score_body("Die Größe des Hauses ist", "die GRÖSSE des Hauses ist");
        // "GRÖSSE".to_lowercase() is "grösse", not "größe": 4 of 5 words.
        assert!(close(s.word_f1, 0.8));
        let s = score_body("東京は晴れ 大阪は雨", "東京は晴れ");
        // Two tokens vs one: one shorter shingle each, no overlap.
        assert_eq!(s.counts.tp, 0.0);
        assert!(close(s.word_f1, f1(1.0, 0.5)));
        // Lower-casing comes first, as in the reference: "İ" becomes "i" and
        // a combining dot, which splits the word.
        assert!(close(word_f1("İstanbul", "i stanbul"), 1.0));
        assert!(close(word_f1("ΣΑΣ", "σας"), 1.0));
    }

    #[test]
    fn summary_is_f1_of_means_with_the_entry_rules() {
        let pages = [
            score_body("a b c d e", "a b c d x"), // P .5 R .5
            score_body("a b c d e", "a b c d e"), // P 1 R 1
            score_body("a b c d e", ""),          // R 0, no P
            score_body("", ""),                   // neither, accurate
        ];
        let s = BodySummary::of(&pages).unwrap();
        assert_eq!(s.pages, 4);
        assert!(close(s.precision, 0.75));
        assert!(close(s.recall, 0.5));
        assert!(close(s.f1, 0.6));
        assert!(close(s.accuracy, 0.5));
        assert!(close(s.word_f1, (0.8 + 1.0 + 0.0 + 1.0) / 4.0));
        assert_eq!(BodySummary::of(&[]), None);
    }

    #[test]
    fn snippets_match_whitespace_normalized_case_sensitive() {
        let text = Snippets::new("First  paragraph\nof text.\n\nSecond one.");
        assert_eq!(
            text.count(&["paragraph of text.", "of text. Second"]),
            (2, 2)
        );
        assert_eq!(text.count(&["first paragraph", "Third"]), (0, 2));
        assert_eq!(text.count(&["  ", "Second\tone."]), (1, 1));
        assert_eq!(normalize_ws("  a \u{a0} b\n"), "a b");
        let quoted = Snippets::new("It\u{2019}s \u{201c}done\u{201d}.");
        assert_eq!(quoted.count(&["It's \"done\".", "It\u{2019}s"]), (2, 2));
    }

    #[test]
    fn unmatched_words_show_the_missing_and_extra_runs() {
        let truth = words("The strike ended on Monday after three weeks of talks");
        let pred = words("Home News The strike ended on Monday after three weeks Share");
        assert_eq!(unmatched_words(&truth, &pred, 10), "of talks");
        assert_eq!(unmatched_words(&pred, &truth, 10), "Home News … Share");
        assert_eq!(unmatched_words(&pred, &truth, 1), "Home …");
        assert_eq!(unmatched_words(&truth, &truth, 10), "");
        assert_eq!(unmatched_words(&[], &pred, 10), "");
        assert_eq!(unmatched_words(&["a", "b"], &[], 10), "a b");
    }
}
