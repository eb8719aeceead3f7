//! User rules: the rules file (`--rules FILE`, [`CleanerBuilder::rules_file`])
//! and its typed form [`UserRules`].
//!
//! A rules file is TOML. At the top level and in `[site."example.com"]`
//! sections (pages whose host is that domain or a subdomain of it) it holds:
//!
//! - `disable = ["cls-sidebar", ...]`: built-in (or user) rule ids that do not apply;
//! - `[[phrase]]`: `id`, `kind`, and either `text` (a string or a list of
//!   strings, each a case-insensitive whole-line match) or `pattern` (a regular
//!   expression over the whole line: it is anchored for you); optional `lang`
//!   (ISO 639-1, default `*`), `max_chars` (default 400), `position`
//!   (`anywhere`, `head`, `tail`) and `note`;
//! - `[[token]]`: `id`, `kind`, `tokens` (a word list `["promo", "rail"]` or a
//!   class name `"promo-rail"`, split into words like the built-in class/id
//!   rules: whole words, in order), optional `note`;
//! - `[[selector]]`: `id`, `kind`, `selector` (CSS), optional `note`.
//!
//! Rules stay data: the entries become rows of the same tables the built-in
//! rules are compiled from (see [`compiled`](super::compiled)); user rules
//! come first, site rules before global ones, so they win over built-ins.
//! Validation happens once, at start-up, and names the file, the line and
//! the problem.
//!
//! [`CleanerBuilder::rules_file`]: crate::CleanerBuilder::rules_file

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::compiled::{
    builtin_ids, intern, PhraseSpec, RuleSpecs, Scope, SelectorSpec, SiteSpec, TokenSpec,
};
use super::thresholds::MAX_PHRASE_CHARS;
use super::Position;
use crate::document::Kind;
use crate::error::Error;

/// Longest `max_chars` a user phrase may ask for: phrase rules judge short
/// lines, never whole articles.
const MAX_USER_PHRASE_CHARS: usize = 2000;

/// Rules added to (or removed from) the built-in ones, globally or per site.
#[derive(Debug, Clone, Default)]
pub struct UserRules {
    /// Rule ids that do not apply on any page.
    pub disable: Vec<String>,
    /// Phrase rules for every page.
    pub phrases: Vec<UserPhrase>,
    /// Class/id word rules for every page.
    pub tokens: Vec<UserToken>,
    /// Selector rules for every page.
    pub selectors: Vec<UserSelector>,
    /// Rules for the pages of one site each.
    pub sites: Vec<SiteRules>,
}

/// Rules for the pages of one site: its host or any subdomain of it.
#[derive(Debug, Clone, Default)]
pub struct SiteRules {
    /// The domain (`example.com` covers `news.example.com` too).
    pub domain: String,
    /// Rule ids that do not apply on this site.
    pub disable: Vec<String>,
    /// Phrase rules for this site.
    pub phrases: Vec<UserPhrase>,
    /// Class/id word rules for this site.
    pub tokens: Vec<UserToken>,
    /// Selector rules for this site.
    pub selectors: Vec<UserSelector>,
}

/// What a user phrase rule matches: always the whole (whitespace-collapsed,
/// trimmed) text of a short block or line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhraseMatch {
    /// Any of these texts, case-insensitively, whitespace runs matching any whitespace.
    Text(Vec<String>),
    /// A regular expression (Rust `regex` syntax), anchored at both ends for you.
    Pattern(String),
}

/// A user phrase rule.
#[derive(Debug, Clone)]
pub struct UserPhrase {
    /// Unique id (not a built-in's; suggested prefix `user-`).
    pub id: String,
    /// What it removes.
    pub kind: Kind,
    /// What it matches.
    pub matcher: PhraseMatch,
    /// ISO 639-1 language or `*` for any.
    pub lang: String,
    /// Texts longer than this (chars) never match.
    pub max_chars: usize,
    /// Where in the article it may fire.
    pub position: Position,
}

impl UserPhrase {
    /// A rule removing lines equal to any of `texts` (case-insensitive), any
    /// language, anywhere, up to 400 chars.
    pub fn text(id: &str, kind: Kind, texts: &[&str]) -> UserPhrase {
        UserPhrase {
            id: id.to_owned(),
            kind,
            matcher: PhraseMatch::Text(texts.iter().map(|t| (*t).to_owned()).collect()),
            lang: "*".to_owned(),
            max_chars: MAX_PHRASE_CHARS,
            position: Position::Anywhere,
        }
    }

    /// A rule removing lines matching `pattern` as a whole.
    pub fn pattern(id: &str, kind: Kind, pattern: &str) -> UserPhrase {
        UserPhrase {
            matcher: PhraseMatch::Pattern(pattern.to_owned()),
            ..UserPhrase::text(id, kind, &[])
        }
    }
}

/// A user class/id word rule.
#[derive(Debug, Clone)]
pub struct UserToken {
    /// Unique id.
    pub id: String,
    /// What it removes.
    pub kind: Kind,
    /// The word sequence; each entry is split into words like a class name
    /// (`"promoRail"` → promo, rail).
    pub tokens: Vec<String>,
}

/// A user CSS selector rule.
#[derive(Debug, Clone)]
pub struct UserSelector {
    /// Unique id.
    pub id: String,
    /// What it removes.
    pub kind: Kind,
    /// A CSS selector.
    pub selector: String,
}

// ---- the file format ----

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDe {
    #[serde(default)]
    disable: Vec<Spanned<String>>,
    #[serde(default)]
    phrase: Vec<PhraseDe>,
    #[serde(default)]
    token: Vec<TokenDe>,
    #[serde(default)]
    selector: Vec<SelectorDe>,
    #[serde(default)]
    site: BTreeMap<Spanned<String>, SiteDe>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteDe {
    #[serde(default)]
    disable: Vec<Spanned<String>>,
    #[serde(default)]
    phrase: Vec<PhraseDe>,
    #[serde(default)]
    token: Vec<TokenDe>,
    #[serde(default)]
    selector: Vec<SelectorDe>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PhraseDe {
    id: Spanned<String>,
    kind: Kind,
    text: Option<Spanned<OneOrMany>>,
    pattern: Option<Spanned<String>>,
    lang: Option<Spanned<String>>,
    max_chars: Option<Spanned<usize>>,
    position: Option<Spanned<String>>,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenDe {
    id: Spanned<String>,
    kind: Kind,
    tokens: Spanned<OneOrMany>,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SelectorDe {
    id: Spanned<String>,
    kind: Kind,
    selector: Spanned<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

/// Which part of a [`UserRules`] a problem is in, to find its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Loc {
    Domain(Option<usize>),
    Disable(Option<usize>, usize),
    Phrase(Option<usize>, usize, Part),
    Token(Option<usize>, usize, Part),
    Selector(Option<usize>, usize, Part),
}

/// A field of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Part {
    Id,
    Match,
    Lang,
    MaxChars,
    Position,
}

/// A problem found in user rules: where, and what.
#[derive(Debug)]
struct Problem {
    loc: Loc,
    message: String,
}

fn problem(loc: Loc, message: impl Into<String>) -> Problem {
    Problem {
        loc,
        message: message.into(),
    }
}

impl UserRules {
    /// Reads and checks a rules file. Errors name the file, the line and column,
    /// and the problem.
    pub fn from_file(path: impl AsRef<Path>) -> Result<UserRules, Error> {
        let path = path.as_ref();
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| Error::RulesRead {
            file: file.clone(),
            source,
        })?;
        parse(&text, &file)
    }

    /// Parses and checks rules given as TOML text (errors name the file as `<rules>`).
    pub fn from_toml(text: &str) -> Result<UserRules, Error> {
        parse(text, "<rules>")
    }

    /// Checks the rules: ids unique and not built-in, every pattern compiles,
    /// every selector parses, every disabled id exists.
    pub fn validate(&self) -> Result<(), Error> {
        check(self).map_err(|p| Error::InvalidRule {
            id: describe(self, p.loc),
            reason: p.message,
        })
    }

    /// The rule tables to compile: user rules (site sections first), then the
    /// built-in tables. Call after [`validate`](Self::validate).
    pub(crate) fn specs(&self) -> RuleSpecs {
        let builtin = RuleSpecs::builtin();
        let mut specs = RuleSpecs {
            disable: self.disable.iter().map(|d| intern(d)).collect(),
            ..RuleSpecs::default()
        };
        let sections = self
            .sites
            .iter()
            .enumerate()
            .map(|(i, s)| (Scope::Site(i as u32), &s.phrases, &s.tokens, &s.selectors))
            .chain(std::iter::once((
                Scope::Global,
                &self.phrases,
                &self.tokens,
                &self.selectors,
            )));
        for (scope, phrases, tokens, selectors) in sections {
            for p in phrases {
                specs.phrases.push(PhraseSpec {
                    id: intern(&p.id),
                    kind: p.kind,
                    lang: normalize_lang(&p.lang).unwrap_or_else(|| "*".into()),
                    pattern: anchored_pattern(&p.matcher),
                    max_chars: p.max_chars,
                    position: p.position,
                    scope,
                });
            }
            for t in tokens {
                specs.tokens.push(TokenSpec {
                    id: intern(&t.id),
                    kind: t.kind,
                    tokens: token_words(&t.tokens),
                    scope,
                });
            }
            for s in selectors {
                specs.selectors.push(SelectorSpec {
                    id: intern(&s.id),
                    kind: s.kind,
                    selector: s.selector.clone(),
                    scope,
                });
            }
        }
        specs.phrases.extend(builtin.phrases);
        specs.tokens.extend(builtin.tokens);
        specs.selectors.extend(builtin.selectors);
        specs.sites = self
            .sites
            .iter()
            .map(|s| SiteSpec {
                domain: normalize_domain(&s.domain).unwrap_or_default(),
                disable: s.disable.iter().map(|d| intern(d)).collect(),
            })
            .collect();
        specs
    }
}

/// The regex a phrase rule compiles to: anchored, over the whole line.
fn anchored_pattern(m: &PhraseMatch) -> String {
    match m {
        PhraseMatch::Pattern(p) => format!("^(?:{p})$"),
        PhraseMatch::Text(texts) => {
            let alternatives: Vec<String> = texts
                .iter()
                .map(|t| {
                    t.split_whitespace()
                        .map(regex::escape)
                        .collect::<Vec<_>>()
                        .join(r"\s+")
                })
                .collect();
            format!("^(?i:{})$", alternatives.join("|"))
        }
    }
}

fn token_words(tokens: &[String]) -> Vec<String> {
    let mut words = Vec::new();
    for t in tokens {
        super::compiled::split_words(t, &mut words);
    }
    words
}

/// `en`, `pt-BR` → `en`, `pt`; `*` stays; anything else is `None`.
fn normalize_lang(lang: &str) -> Option<String> {
    let lang = lang.trim();
    if lang == "*" {
        return Some("*".into());
    }
    let primary = lang.split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()))
        .then_some(primary)
}

/// `Example.COM.` → `example.com`; `None` for what is not a host name.
fn normalize_domain(domain: &str) -> Option<String> {
    let d = domain
        .trim()
        .trim_start_matches("*.")
        .trim_start_matches('.')
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let ok = !d.is_empty()
        && d.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || !c.is_ascii())
        && !d.contains("..");
    ok.then_some(d)
}

fn check(rules: &UserRules) -> Result<(), Problem> {
    let builtin: HashMap<&str, &str> = builtin_ids().collect();
    // Every user id, to check uniqueness and `disable` lists.
    let mut ids: HashMap<&str, Loc> = HashMap::new();
    let sections = std::iter::once((None, &rules.phrases, &rules.tokens, &rules.selectors)).chain(
        rules
            .sites
            .iter()
            .enumerate()
            .map(|(i, s)| (Some(i), &s.phrases, &s.tokens, &s.selectors)),
    );
    for (site, phrases, tokens, selectors) in sections {
        let all = phrases
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), Loc::Phrase(site, i, Part::Id)))
            .chain(
                tokens
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (t.id.as_str(), Loc::Token(site, i, Part::Id))),
            )
            .chain(
                selectors
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (s.id.as_str(), Loc::Selector(site, i, Part::Id))),
            );
        for (id, loc) in all {
            check_id(id, &builtin).map_err(|m| problem(loc, m))?;
            if ids.insert(id, loc).is_some() {
                return Err(problem(loc, format!("duplicate rule id `{id}`")));
            }
        }
        for (i, p) in phrases.iter().enumerate() {
            check_phrase(p).map_err(|(part, m)| problem(Loc::Phrase(site, i, part), m))?;
        }
        for (i, t) in tokens.iter().enumerate() {
            if token_words(&t.tokens).is_empty() {
                return Err(problem(
                    Loc::Token(site, i, Part::Match),
                    "`tokens` holds no word (letters split on `-`, `_`, digits and camelCase)",
                ));
            }
        }
        for (i, s) in selectors.iter().enumerate() {
            if let Err(e) = crate::parse::Selector::parse(&s.selector) {
                return Err(problem(
                    Loc::Selector(site, i, Part::Match),
                    format!("selector `{}` does not parse: {e}", s.selector),
                ));
            }
        }
    }
    let disables = std::iter::once((None, &rules.disable)).chain(
        rules
            .sites
            .iter()
            .enumerate()
            .map(|(i, s)| (Some(i), &s.disable)),
    );
    for (site, list) in disables {
        for (i, id) in list.iter().enumerate() {
            let loc = Loc::Disable(site, i);
            match builtin.get(id.as_str()) {
                Some(&"context") => {
                    return Err(problem(
                        loc,
                        format!(
                        "`{id}` is applied by code with the page's context and cannot be disabled"
                    ),
                    ))
                }
                Some(_) => {}
                None if ids.contains_key(id.as_str()) => {}
                None => {
                    let hint = closest(id, builtin.keys().copied().chain(ids.keys().copied()))
                        .map(|c| format!(" (did you mean `{c}`?)"))
                        .unwrap_or_default();
                    return Err(problem(
                        loc,
                        format!("unknown rule id `{id}` in `disable`{hint}"),
                    ));
                }
            }
        }
    }
    let mut domains: HashMap<String, usize> = HashMap::new();
    for (i, s) in rules.sites.iter().enumerate() {
        let Some(d) = normalize_domain(&s.domain) else {
            return Err(problem(
                Loc::Domain(Some(i)),
                format!(
                    "`{}` is not a domain name (write `example.com`, without scheme or path)",
                    s.domain
                ),
            ));
        };
        if domains.insert(d, i).is_some() {
            return Err(problem(
                Loc::Domain(Some(i)),
                format!("duplicate site section `{}`", s.domain),
            ));
        }
    }
    Ok(())
}

fn check_id(id: &str, builtin: &HashMap<&str, &str>) -> Result<(), String> {
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(format!(
            "rule id `{id}` must be kebab-case: lower-case letters, digits and `-`"
        ));
    }
    if builtin.contains_key(id) {
        return Err(format!(
            "rule id `{id}` is a built-in rule's id; give user rules their own (suggested prefix `user-`)"
        ));
    }
    Ok(())
}

fn check_phrase(p: &UserPhrase) -> Result<(), (Part, String)> {
    match &p.matcher {
        PhraseMatch::Text(texts) => {
            if texts.is_empty() || texts.iter().any(|t| t.trim().is_empty()) {
                return Err((Part::Match, "`text` must hold non-empty strings".into()));
            }
        }
        PhraseMatch::Pattern(pat) => {
            if let Err(e) = regex::Regex::new(&anchored_pattern(&p.matcher)) {
                // The regex crate's message quotes the pattern with a caret
                // under the problem; show it against the user's own pattern.
                let msg = match regex::Regex::new(pat) {
                    Err(own) => own.to_string(),
                    Ok(_) => e.to_string(),
                };
                return Err((Part::Match, format!("pattern does not compile:\n{msg}")));
            }
        }
    }
    if normalize_lang(&p.lang).is_none() {
        return Err((
            Part::Lang,
            format!(
                "`lang` must be an ISO 639-1 code like `en` or `*`, not `{}`",
                p.lang
            ),
        ));
    }
    if p.max_chars == 0 || p.max_chars > MAX_USER_PHRASE_CHARS {
        return Err((
            Part::MaxChars,
            format!("`max_chars` must be between 1 and {MAX_USER_PHRASE_CHARS}"),
        ));
    }
    Ok(())
}

/// The known id nearest to `id` by edit distance, if near enough to be a typo.
fn closest<'a>(id: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    known
        .map(|k| (edit_distance(id, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 5))
        .min()
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// A short description of where a problem is, for rules without a file.
fn describe(rules: &UserRules, loc: Loc) -> String {
    let site = |s: Option<usize>| {
        s.and_then(|i| rules.sites.get(i))
            .map(|s| format!("site {}: ", s.domain))
            .unwrap_or_default()
    };
    let section = |s: Option<usize>| -> (
        &Vec<UserPhrase>,
        &Vec<UserToken>,
        &Vec<UserSelector>,
        &Vec<String>,
    ) {
        match s.and_then(|i| rules.sites.get(i)) {
            Some(x) => (&x.phrases, &x.tokens, &x.selectors, &x.disable),
            None => (
                &rules.phrases,
                &rules.tokens,
                &rules.selectors,
                &rules.disable,
            ),
        }
    };
    match loc {
        Loc::Domain(s) => format!("{}section", site(s)),
        Loc::Disable(s, i) => format!(
            "{}disable `{}`",
            site(s),
            section(s).3.get(i).map_or("", |d| d.as_str())
        ),
        Loc::Phrase(s, i, _) => format!(
            "{}{}",
            site(s),
            section(s).0.get(i).map_or("", |r| r.id.as_str())
        ),
        Loc::Token(s, i, _) => format!(
            "{}{}",
            site(s),
            section(s).1.get(i).map_or("", |r| r.id.as_str())
        ),
        Loc::Selector(s, i, _) => format!(
            "{}{}",
            site(s),
            section(s).2.get(i).map_or("", |r| r.id.as_str())
        ),
    }
}

/// Parses a rules file, checks it, and maps any problem to its line.
fn parse(text: &str, file: &str) -> Result<UserRules, Error> {
    let at = |span: Option<Range<usize>>, message: String| {
        let (line, column) = line_col(text, span.map_or(0, |s| s.start));
        Error::RulesFile {
            file: file.to_owned(),
            line,
            column,
            message,
        }
    };
    let de: FileDe = toml::from_str(text).map_err(|e| at(e.span(), e.message().to_owned()))?;
    let mut spans: HashMap<Loc, Range<usize>> = HashMap::new();
    let mut rules = UserRules::default();
    let global = read_section(
        None,
        de.disable,
        de.phrase,
        de.token,
        de.selector,
        &mut spans,
    )
    .map_err(|(span, m)| at(Some(span), m))?;
    rules.disable = global.disable;
    rules.phrases = global.phrases;
    rules.tokens = global.tokens;
    rules.selectors = global.selectors;
    for (i, (domain, site)) in de.site.into_iter().enumerate() {
        spans.insert(Loc::Domain(Some(i)), domain.span());
        let mut s = read_section(
            Some(i),
            site.disable,
            site.phrase,
            site.token,
            site.selector,
            &mut spans,
        )
        .map_err(|(span, m)| at(Some(span), m))?;
        s.domain = domain.into_inner();
        rules.sites.push(s);
    }
    check(&rules).map_err(|p| {
        let span = spans.get(&p.loc).cloned().or_else(|| {
            // A field without a span of its own: the rule's id line.
            let id = match p.loc {
                Loc::Phrase(s, i, _) => Loc::Phrase(s, i, Part::Id),
                Loc::Token(s, i, _) => Loc::Token(s, i, Part::Id),
                Loc::Selector(s, i, _) => Loc::Selector(s, i, Part::Id),
                other => other,
            };
            spans.get(&id).cloned()
        });
        at(span, p.message)
    })?;
    Ok(rules)
}

type SectionResult = Result<SiteRules, (Range<usize>, String)>;

fn read_section(
    site: Option<usize>,
    disable: Vec<Spanned<String>>,
    phrases: Vec<PhraseDe>,
    tokens: Vec<TokenDe>,
    selectors: Vec<SelectorDe>,
    spans: &mut HashMap<Loc, Range<usize>>,
) -> SectionResult {
    let mut out = SiteRules::default();
    for (i, d) in disable.into_iter().enumerate() {
        spans.insert(Loc::Disable(site, i), d.span());
        out.disable.push(d.into_inner());
    }
    for (i, p) in phrases.into_iter().enumerate() {
        let loc = |part| Loc::Phrase(site, i, part);
        spans.insert(loc(Part::Id), p.id.span());
        let matcher = match (p.text, p.pattern) {
            (Some(t), None) => {
                spans.insert(loc(Part::Match), t.span());
                PhraseMatch::Text(t.into_inner().into_vec())
            }
            (None, Some(pat)) => {
                spans.insert(loc(Part::Match), pat.span());
                PhraseMatch::Pattern(pat.into_inner())
            }
            (Some(_), Some(pat)) => {
                return Err((
                    pat.span(),
                    "a phrase has either `text` or `pattern`, not both".into(),
                ))
            }
            (None, None) => {
                return Err((
                    p.id.span(),
                    format!(
                        "phrase `{}` needs `text` (whole-line strings) or `pattern` (a regex)",
                        p.id.get_ref()
                    ),
                ))
            }
        };
        let position = match &p.position {
            None => Position::Anywhere,
            Some(s) => match s.get_ref().as_str() {
                "anywhere" => Position::Anywhere,
                "head" => Position::Head,
                "tail" => Position::Tail,
                other => {
                    return Err((
                        s.span(),
                        format!(
                            "unknown position `{other}`, expected `anywhere`, `head` or `tail`"
                        ),
                    ))
                }
            },
        };
        if let Some(l) = &p.lang {
            spans.insert(loc(Part::Lang), l.span());
        }
        if let Some(m) = &p.max_chars {
            spans.insert(loc(Part::MaxChars), m.span());
        }
        if let Some(s) = &p.position {
            spans.insert(loc(Part::Position), s.span());
        }
        out.phrases.push(UserPhrase {
            id: p.id.into_inner(),
            kind: p.kind,
            matcher,
            lang: p.lang.map_or_else(|| "*".into(), Spanned::into_inner),
            max_chars: p.max_chars.map_or(MAX_PHRASE_CHARS, Spanned::into_inner),
            position,
        });
    }
    for (i, t) in tokens.into_iter().enumerate() {
        spans.insert(Loc::Token(site, i, Part::Id), t.id.span());
        spans.insert(Loc::Token(site, i, Part::Match), t.tokens.span());
        out.tokens.push(UserToken {
            id: t.id.into_inner(),
            kind: t.kind,
            tokens: t.tokens.into_inner().into_vec(),
        });
    }
    for (i, s) in selectors.into_iter().enumerate() {
        spans.insert(Loc::Selector(site, i, Part::Id), s.id.span());
        spans.insert(Loc::Selector(site, i, Part::Match), s.selector.span());
        out.selectors.push(UserSelector {
            id: s.id.into_inner(),
            kind: s.kind,
            selector: s.selector.into_inner(),
        });
    }
    Ok(out)
}

/// 1-based line and column (in chars) of byte offset `at`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        UserRules::from_toml(text).unwrap_err().to_string()
    }

    #[test]
    fn plain_text_becomes_a_case_insensitive_whole_line_match() {
        let p = anchored_pattern(&PhraseMatch::Text(vec![
            "Shop  the look".into(),
            "a.b".into(),
        ]));
        let re = regex::Regex::new(&p).unwrap();
        assert!(re.is_match("shop the LOOK"));
        assert!(re.is_match("a.b"));
        assert!(!re.is_match("axb"));
        assert!(!re.is_match("Shop the look now"));
        let p = anchored_pattern(&PhraseMatch::Pattern("foo|bar".into()));
        let re = regex::Regex::new(&p).unwrap();
        assert!(re.is_match("bar") && !re.is_match("foobar x"));
    }

    #[test]
    fn errors_name_the_line_and_the_problem() {
        let e = err("[[phrase]]\nid = \"user-x\"\nkind = \"sharebar\"\ntext = \"x\"\n");
        assert!(e.starts_with("<rules>:3:"), "{e}");
        assert!(e.contains("unknown variant `sharebar`"), "{e}");

        let e = err("[[phrase]]\nid = \"user-x\"\nkind = \"share\"\npattern = \"(unclosed\"\n");
        assert!(e.starts_with("<rules>:4:"), "{e}");
        assert!(e.contains("pattern does not compile"), "{e}");

        let e = err("disable = [\"cls-sidebr\"]\n");
        assert!(e.starts_with("<rules>:1:12:"), "{e}");
        assert!(e.contains("did you mean `cls-sidebar`"), "{e}");

        let e = err("colour = 1\n");
        assert!(e.contains("unknown field `colour`"), "{e}");

        let e = err("[[selector]]\nid = \"user-s\"\nkind = \"share\"\nselector = \"div[\"\n");
        assert!(e.starts_with("<rules>:4:"), "{e}");
        assert!(e.contains("does not parse"), "{e}");

        let e = err("[[token]]\nid = \"cls-share\"\nkind = \"share\"\ntokens = \"x\"\n");
        assert!(e.contains("built-in"), "{e}");

        let e = err("[[token]]\nid = \"user-a\"\nkind = \"share\"\ntokens = \"x\"\n\n[site.\"a.com\"]\n[[site.\"a.com\".token]]\nid = \"user-a\"\nkind = \"share\"\ntokens = \"y\"\n");
        assert!(e.starts_with("<rules>:8:"), "{e}");
        assert!(e.contains("duplicate rule id `user-a`"), "{e}");

        let e = err("disable = [\"title-repeat\"]\n");
        assert!(e.contains("cannot be disabled"), "{e}");
    }

    #[test]
    fn typed_rules_validate_too() {
        let rules = UserRules {
            phrases: vec![UserPhrase::pattern("user-p", Kind::Share, "(")],
            ..UserRules::default()
        };
        let e = rules.validate().unwrap_err().to_string();
        assert!(
            e.contains("user-p") && e.contains("does not compile"),
            "{e}"
        );
    }
}
