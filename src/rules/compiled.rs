//! The rule tables compiled into matchers: regex sets for phrases, a word
//! index for class/id tokens, lookups for tags and roles, parsed selectors.
//!
//! A [`RuleBook`] compiles every rule a cleaner knows exactly once: the
//! built-in tables plus the user's rules, global and per site (see
//! [`user`](super::user)); the user's entries go into the same matchers as
//! the built-ins. Which rules apply to one page (its language, its site, the
//! `disable` lists) is a mask over the compiled rules, computed once per
//! (language, sites) key and cached. Nothing is compiled per page, per
//! language or per site section: one compile of the phrase sets costs about
//! 100 ms, a mask a few microseconds. A page is cleaned with a
//! [`CompiledRules`]: the shared matchers plus one mask, cloned with two
//! reference-count increments.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock, Mutex, OnceLock, RwLock};

use regex::Regex;
use regex_automata::meta::Regex as MetaRegex;
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition};

use super::{phrases, structure, Position};
use crate::document::Kind;
use crate::error::Error;

/// A rule that fired: its kind and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// What it removes.
    pub kind: Kind,
    /// Its stable id.
    pub id: &'static str,
}

/// Where a text sits, for position-restricted phrase rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Among the article's first blocks.
    pub head: bool,
    /// Among the article's last blocks.
    pub tail: bool,
}

impl Place {
    /// A place with no position information: only `Anywhere` rules apply.
    pub const NOWHERE: Place = Place {
        head: false,
        tail: false,
    };
}

/// Where a rule applies: every page, or the pages of one site section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Every page.
    Global,
    /// Pages of site section `n` (an index into [`RuleSpecs::sites`]).
    Site(u32),
    /// Pages that declare one product (see [`CompiledRules::on_product_page`]).
    ProductPage,
}

/// A phrase rule in owned form: a built-in table entry or a user rule.
#[derive(Debug, Clone)]
pub(crate) struct PhraseSpec {
    pub id: &'static str,
    pub kind: Kind,
    /// ISO 639-1 code, or `*` for any language.
    pub lang: String,
    pub pattern: String,
    pub max_chars: usize,
    pub position: Position,
    pub scope: Scope,
}

/// A class/id word rule in owned form.
#[derive(Debug, Clone)]
pub(crate) struct TokenSpec {
    pub id: &'static str,
    pub kind: Kind,
    pub tokens: Vec<String>,
    pub scope: Scope,
}

/// A selector rule in owned form.
#[derive(Debug, Clone)]
pub(crate) struct SelectorSpec {
    pub id: &'static str,
    pub kind: Kind,
    pub selector: String,
    pub scope: Scope,
}

/// A site section: the domain it covers and the rule ids it disables.
#[derive(Debug, Clone)]
pub(crate) struct SiteSpec {
    /// Lower-case host name; subdomains are covered too.
    pub domain: String,
    pub disable: Vec<&'static str>,
}

/// Every rule a [`RuleBook`] compiles, in priority order.
#[derive(Debug, Clone, Default)]
pub(crate) struct RuleSpecs {
    pub phrases: Vec<PhraseSpec>,
    pub tokens: Vec<TokenSpec>,
    pub selectors: Vec<SelectorSpec>,
    /// Rule ids disabled on every page.
    pub disable: Vec<&'static str>,
    pub sites: Vec<SiteSpec>,
}

impl RuleSpecs {
    /// The built-in tables.
    pub(crate) fn builtin() -> RuleSpecs {
        RuleSpecs {
            // Product-page rules come last: table order is priority order,
            // and a rule of every page wins over them.
            phrases: phrases::PHRASES
                .iter()
                .map(|r| (r, Scope::Global))
                .chain(
                    phrases::PRODUCT_PHRASES
                        .iter()
                        .map(|r| (r, Scope::ProductPage)),
                )
                .map(|(r, scope)| PhraseSpec {
                    id: r.id,
                    kind: r.kind,
                    lang: r.lang.to_owned(),
                    pattern: r.pattern.to_owned(),
                    max_chars: r.max_chars,
                    position: r.position,
                    scope,
                })
                .collect(),
            tokens: structure::TOKENS
                .iter()
                .map(|r| (r, Scope::Global))
                .chain(
                    structure::PRODUCT_TOKENS
                        .iter()
                        .map(|r| (r, Scope::ProductPage)),
                )
                .map(|(r, scope)| TokenSpec {
                    id: r.id,
                    kind: r.kind,
                    tokens: r.tokens.iter().map(|t| (*t).to_owned()).collect(),
                    scope,
                })
                .collect(),
            selectors: structure::SELECTORS
                .iter()
                .map(|r| SelectorSpec {
                    id: r.id,
                    kind: r.kind,
                    selector: r.selector.to_owned(),
                    scope: Scope::Global,
                })
                .collect(),
            disable: Vec::new(),
            sites: Vec::new(),
        }
    }
}

/// Every built-in rule id, with what kind of rule it is (`phrase`, `token`,
/// `tag`, `role`, `selector`, `context`).
pub(crate) fn builtin_ids() -> impl Iterator<Item = (&'static str, &'static str)> {
    phrases::PHRASES
        .iter()
        .map(|r| (r.id, "phrase"))
        .chain(phrases::PRODUCT_PHRASES.iter().map(|r| (r.id, "phrase")))
        .chain(structure::TOKENS.iter().map(|r| (r.id, "token")))
        .chain(structure::PRODUCT_TOKENS.iter().map(|r| (r.id, "token")))
        .chain(structure::TAGS.iter().map(|r| (r.id, "tag")))
        .chain(structure::ROLES.iter().map(|r| (r.id, "role")))
        .chain(structure::SELECTORS.iter().map(|r| (r.id, "selector")))
        .chain(structure::CONTEXT.iter().map(|r| (r.id, "context")))
}

/// A user rule id as `&'static str`, like the built-in ids: each distinct id
/// is allocated once per process, however many cleaners are built.
pub(crate) fn intern(id: &str) -> &'static str {
    static IDS: LazyLock<Mutex<HashSet<&'static str>>> = LazyLock::new(Default::default);
    if let Some((builtin, _)) = builtin_ids().find(|(b, _)| *b == id) {
        return builtin;
    }
    let mut ids = IDS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(known) = ids.get(id) {
        return known;
    }
    let leaked: &'static str = Box::leak(id.to_owned().into_boxed_str());
    ids.insert(leaked);
    leaked
}

#[derive(Debug)]
struct Inner {
    /// The anchored phrase patterns (`^...`), grouped by length tier and
    /// position class.
    anchored: Vec<PhraseGroup>,
    /// Unanchored patterns ("... auto-generated from a syndicated feed ...").
    unanchored: PhraseGroup,
    /// Each phrase rule's exact matcher.
    exact: Vec<MetaRegex>,
    /// Each phrase rule's pattern as a `regex` (compiled when first asked).
    phrase_regexes: Vec<OnceLock<Option<Regex>>>,
    phrase_rules: Vec<PhraseSpec>,
    /// First word of a token rule → indices into `token_rules`.
    token_index: HashMap<String, Vec<usize>>,
    token_rules: Vec<TokenSpec>,
    /// Tag name → index into `tag_hits`.
    tags: HashMap<&'static str, usize>,
    tag_hits: Vec<Hit>,
    /// Role → index into `role_hits`.
    roles: HashMap<&'static str, usize>,
    role_hits: Vec<Hit>,
    selectors: Vec<(crate::parse::Selector, Hit, Scope)>,
    /// Languages some phrase rule is restricted to.
    langs: HashSet<String>,
}

/// Lower bounds of the length tiers: a text of `n` chars is only matched
/// against anchored rules whose `max_chars` reaches the tier below `n`, so a
/// long paragraph never meets the many short-line rules.
const LENGTH_TIERS: [usize; 6] = [0, 60, 120, 250, 500, 1000];

/// Phrase rules of one length tier and position class (or the unanchored
/// ones), behind one [`relaxed`] prefilter over all their patterns.
#[derive(Debug)]
struct PhraseGroup {
    /// Rule indices, in table order.
    rules: Vec<usize>,
    /// The prefilters, each over some of the rules: (rule indices, regex);
    /// pattern `k` of a regex is rule `indices[k]`.
    parts: Vec<(Vec<usize>, MetaRegex)>,
    /// Whether every pattern starts with `^`: the search only starts at
    /// the text's first char.
    anchored: bool,
}

impl PhraseGroup {
    /// Patterns that open with one of a known set of words ("Share", "By",
    /// "Read more") go in one prefilter: its DFA leaves most texts after
    /// a few bytes. Patterns that may open with anything (`\p{L}+ ...`,
    /// `.{0,100} · 5 min read`) go in another: each stays alive along the
    /// whole text, and together with the first kind they would multiply
    /// the DFA's states.
    fn new(rules: Vec<usize>, phrase_rules: &[PhraseSpec], anchored: bool) -> Result<Self, String> {
        let mut worded: Vec<(usize, Hir)> = Vec::new();
        let mut open: Vec<(usize, Hir)> = Vec::new();
        for &i in &rules {
            let hir = regex_syntax::parse(&phrase_rules[i].pattern)
                .map(|h| loosen(&h))
                .map_err(|e| e.to_string())?;
            if opens_with_words(&hir) {
                worded.push((i, hir));
            } else {
                open.push((i, hir));
            }
        }
        let mut parts = Vec::new();
        for part in [worded, open] {
            if !part.is_empty() {
                let (indices, hirs): (Vec<usize>, Vec<Hir>) = part.into_iter().unzip();
                parts.push((indices, relaxed(&hirs)?));
            }
        }
        Ok(PhraseGroup {
            rules,
            parts,
            anchored,
        })
    }

    /// The rules that may match `text`, in table order: a superset of the
    /// ones that do. Most texts match no rule, and the prefilters settle
    /// them on the lazy DFA; each candidate is then tested with its own
    /// exact regex.
    fn candidates(&self, text: &str) -> Vec<usize> {
        let mut input = regex_automata::Input::new(text);
        if self.anchored {
            input = input.anchored(regex_automata::Anchored::Yes);
        }
        let mut out = Vec::new();
        for (indices, prefilter) in &self.parts {
            if !prefilter.is_match(input.clone()) {
                continue;
            }
            let mut maybe = regex_automata::PatternSet::new(prefilter.pattern_len());
            prefilter.which_overlapping_matches(&input, &mut maybe);
            out.extend(maybe.iter().map(|p| indices[p.as_usize()]));
        }
        out.sort_unstable();
        out
    }
}

/// Whether every match of `hir` opens with a char from a short list (the
/// first letters of some words, in their case variants), not from a wide
/// class such as `\p{L}`, `\S` or `.`.
fn opens_with_words(hir: &Hir) -> bool {
    first_chars(hir).is_some_and(|class| {
        let chars: u32 = class
            .ranges()
            .iter()
            .map(|r| u32::from(r.end()) - u32::from(r.start()) + 1)
            .sum();
        chars as usize <= OPENING_CHARS_MAX
    })
}

/// Most distinct first chars a pattern opening with words may have.
const OPENING_CHARS_MAX: usize = 64;

/// The chars a match of `hir` can start with; `None` when that is not
/// known (it may match the empty text, or starts with raw bytes).
/// Recursion depth is bounded by the parser's nesting limit.
fn first_chars(hir: &Hir) -> Option<ClassUnicode> {
    let can_be_empty = |h: &Hir| h.properties().minimum_len().is_none_or(|n| n == 0);
    match hir.kind() {
        HirKind::Literal(lit) => {
            let c = std::str::from_utf8(&lit.0).ok()?.chars().next()?;
            Some(ClassUnicode::new([ClassUnicodeRange::new(c, c)]))
        }
        HirKind::Class(Class::Unicode(class)) => Some(class.clone()),
        HirKind::Repetition(r) => first_chars(&r.sub),
        HirKind::Capture(c) => first_chars(&c.sub),
        HirKind::Concat(subs) => {
            let mut all = ClassUnicode::empty();
            for sub in subs {
                if matches!(sub.kind(), HirKind::Look(_)) {
                    continue;
                }
                all.union(&first_chars(sub)?);
                if !can_be_empty(sub) {
                    return Some(all);
                }
            }
            None
        }
        HirKind::Alternation(subs) => {
            let mut all = ClassUnicode::empty();
            for sub in subs {
                all.union(&first_chars(sub)?);
            }
            Some(all)
        }
        HirKind::Empty | HirKind::Look(_) | HirKind::Class(Class::Bytes(_)) => None,
    }
}

/// Cache of each prefilter's lazy DFA, per thread. The phrase patterns
/// (case-insensitive alternations in many languages) need a few MB of DFA
/// states; with the default 2 MB the cache is cleared over and over and the
/// DFA gives up for the slower engines.
const PREFILTER_DFA_CACHE_BYTES: usize = 8 << 20;

/// One multi-pattern regex over `hirs` (patterns loosened by [`loosen`]).
/// It matches every text some original pattern matches, and unlike the
/// patterns it runs on the lazy DFA over any text with few states. So it is
/// a sound prefilter: where it finds nothing, no pattern matches.
fn relaxed(hirs: &[Hir]) -> Result<MetaRegex, String> {
    MetaRegex::builder()
        .configure(
            MetaRegex::config()
                .match_kind(regex_automata::MatchKind::All)
                .hybrid_cache_capacity(PREFILTER_DFA_CACHE_BYTES),
        )
        .build_many_from_hir(hirs)
        .map_err(|e| e.to_string())
}

/// `hir` made to match a superset of its texts, in a shape the lazy DFA
/// handles well:
/// - Unicode word boundaries (`\b`) become the empty match: with one in a
///   pattern the DFA gives up at the first non-ASCII byte and a much slower
///   engine takes over;
/// - bounded repeats lose their upper bound (`.{0,80}` becomes `.*`): a
///   bounded repeat of a wide class followed by more pattern makes the DFA
///   track every count at once, a new state for nearly every text;
/// - capture groups become their content (a prefilter reports no groups).
///
/// Each change only ever admits more texts. Recursion depth is bounded by
/// the parser's nesting limit.
fn loosen(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Look(
            Look::WordUnicode
            | Look::WordUnicodeNegate
            | Look::WordStartUnicode
            | Look::WordEndUnicode
            | Look::WordStartHalfUnicode
            | Look::WordEndHalfUnicode,
        ) => Hir::empty(),
        HirKind::Capture(c) => loosen(&c.sub),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            min: r.min,
            max: match r.max {
                Some(max) if max > 1 => None,
                other => other,
            },
            greedy: r.greedy,
            sub: Box::new(loosen(&r.sub)),
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(loosen).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(loosen).collect()),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => hir.clone(),
    }
}

/// Which compiled rules apply to a page: one flag per rule.
#[derive(Debug)]
struct Active {
    phrases: Vec<bool>,
    tokens: Vec<bool>,
    tags: Vec<bool>,
    roles: Vec<bool>,
    selectors: Vec<bool>,
    /// Longest text an active phrase rule looks at.
    max_phrase_chars: usize,
}

/// The rules one page is cleaned with: the shared matchers and which of
/// their rules apply. Cloning is cheap (shared).
#[derive(Debug, Clone)]
pub struct CompiledRules {
    inner: Arc<Inner>,
    active: Arc<Active>,
    /// Whether the product-page rules apply (see [`Self::on_product_page`]).
    product_page: bool,
}

/// The language and site sections a [`CompiledRules`] was selected for.
type PageKey = (Option<String>, Vec<u32>);

/// Every rule a cleaner knows, compiled once, with the per-page selections
/// (language, site sections) cached.
#[derive(Debug)]
pub struct RuleBook {
    inner: Arc<Inner>,
    disable: HashSet<&'static str>,
    sites: Vec<SiteSpec>,
    cache: RwLock<HashMap<PageKey, CompiledRules>>,
    /// Every word of every selector, lower case, sorted: the attribute
    /// names a rule may read, kept by the parse (see `Dom::parse_lean`).
    selector_words: Vec<String>,
}

static BUILTIN_BOOK: LazyLock<Arc<RuleBook>> = LazyLock::new(|| {
    Arc::new(RuleBook::compile(RuleSpecs::builtin()).expect("built-in rules compile (tested)"))
});

static BUILTIN: LazyLock<CompiledRules> = LazyLock::new(|| BUILTIN_BOOK.rules(None, &[]));

/// The built-in rules, compiled once per process, every table applying.
pub fn builtin() -> &'static CompiledRules {
    &BUILTIN
}

/// The built-in rule book, compiled once per process.
pub fn builtin_book() -> &'static Arc<RuleBook> {
    &BUILTIN_BOOK
}

impl RuleBook {
    /// Compiles `specs`: every phrase set, token index and selector, so a bad
    /// rule is an error now, never while cleaning.
    pub(crate) fn compile(specs: RuleSpecs) -> Result<RuleBook, Error> {
        let invalid = |id: &str, reason: String| Error::InvalidRule {
            id: id.to_owned(),
            reason,
        };
        let phrase_rules = specs.phrases;
        // Every pattern compiles now, so a bad one is an error at start-up.
        let exact = phrase_rules
            .iter()
            .map(|r| MetaRegex::new(&r.pattern).map_err(|e| invalid(r.id, e.to_string())))
            .collect::<Result<Vec<_>, _>>()?;
        let phrase_regexes = phrase_rules.iter().map(|_| OnceLock::new()).collect();
        let group = |rules: Vec<usize>, anchored: bool| {
            PhraseGroup::new(rules, &phrase_rules, anchored).map_err(|e| invalid("phrases", e))
        };
        let mut anchored = Vec::new();
        for positional in [false, true] {
            for &tier in &LENGTH_TIERS {
                let rules: Vec<usize> = (0..phrase_rules.len())
                    .filter(|&i| {
                        let r = &phrase_rules[i];
                        r.pattern.starts_with('^')
                            && r.max_chars >= tier
                            && positional == (r.position != Position::Anywhere)
                    })
                    .collect();
                anchored.push(group(rules, true)?);
            }
        }
        let unanchored = group(
            (0..phrase_rules.len())
                .filter(|&i| !phrase_rules[i].pattern.starts_with('^'))
                .collect(),
            false,
        )?;
        let mut token_index: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, rule) in specs.tokens.iter().enumerate() {
            let first = rule
                .tokens
                .first()
                .ok_or_else(|| invalid(rule.id, "empty token list".into()))?;
            token_index.entry(first.clone()).or_default().push(i);
        }
        let hit = |kind, id| Hit { kind, id };
        let tag_hits: Vec<Hit> = structure::TAGS.iter().map(|r| hit(r.kind, r.id)).collect();
        let tags = structure::TAGS
            .iter()
            .enumerate()
            .map(|(i, r)| (r.tag, i))
            .collect();
        let role_hits: Vec<Hit> = structure::ROLES.iter().map(|r| hit(r.kind, r.id)).collect();
        let roles = structure::ROLES
            .iter()
            .enumerate()
            .map(|(i, r)| (r.role, i))
            .collect();
        let mut selector_words: Vec<String> = specs
            .selectors
            .iter()
            .flat_map(|r| {
                r.selector
                    .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
                    .filter(|w| !w.is_empty())
                    .map(str::to_ascii_lowercase)
            })
            .collect();
        selector_words.sort_unstable();
        selector_words.dedup();
        let selectors = specs
            .selectors
            .iter()
            .map(|r| {
                crate::parse::Selector::parse(&r.selector)
                    .map(|s| (s, hit(r.kind, r.id), r.scope))
                    .map_err(|e| invalid(r.id, e.to_string()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let langs = phrase_rules
            .iter()
            .filter(|r| r.lang != "*")
            .map(|r| r.lang.clone())
            .collect();
        let inner = Inner {
            anchored,
            unanchored,
            exact,
            phrase_regexes,
            phrase_rules,
            token_index,
            token_rules: specs.tokens,
            tags,
            tag_hits,
            roles,
            role_hits,
            selectors,
            langs,
        };
        Ok(RuleBook {
            inner: Arc::new(inner),
            disable: specs.disable.into_iter().collect(),
            sites: specs.sites,
            cache: RwLock::new(HashMap::new()),
            selector_words,
        })
    }

    /// The words of every selector rule, lower case and sorted (see
    /// `Dom::parse_lean`: attributes they name are kept).
    pub fn selector_words(&self) -> &[String] {
        &self.selector_words
    }

    /// Whether any site section exists (else no host needs looking up).
    pub fn has_sites(&self) -> bool {
        !self.sites.is_empty()
    }

    /// The site sections covering `host`: the domain itself or a subdomain.
    pub fn sites_for(&self, host: &str) -> Vec<u32> {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        (0..self.sites.len())
            .filter(|&i| {
                let d = &self.sites[i].domain;
                host == *d
                    || (host.len() > d.len()
                        && host.ends_with(d.as_str())
                        && host.as_bytes()[host.len() - d.len() - 1] == b'.')
            })
            .map(|i| i as u32)
            .collect()
    }

    /// The rules for a page in language `lang` (a BCP 47 tag; `None` when not
    /// known: every table applies) on site sections `sites`.
    pub fn rules(&self, lang: Option<&str>, sites: &[u32]) -> CompiledRules {
        let lang = lang.map(|l| {
            let primary = l
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            // Every language without tables of its own selects the same rules.
            if self.inner.langs.contains(&primary) {
                primary
            } else {
                String::new()
            }
        });
        let key: PageKey = (lang, sites.to_vec());
        if let Some(hit) = self
            .cache
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
        {
            return hit.clone();
        }
        let rules = CompiledRules {
            inner: Arc::clone(&self.inner),
            active: Arc::new(self.select(key.0.as_deref(), sites)),
            product_page: false,
        };
        self.cache
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, rules.clone());
        rules
    }

    /// The rules for a page with language `lang` at `url` (the site sections
    /// covering its host), and the domains of those sections.
    pub fn for_page(&self, lang: Option<&str>, url: Option<&str>) -> (CompiledRules, Vec<&str>) {
        let sites = match url.and_then(host_of) {
            Some(host) if self.has_sites() => self.sites_for(host),
            _ => Vec::new(),
        };
        let domains = sites
            .iter()
            .map(|&s| self.sites[s as usize].domain.as_str())
            .collect();
        (self.rules(lang, &sites), domains)
    }

    fn select(&self, lang: Option<&str>, sites: &[u32]) -> Active {
        let inner = &*self.inner;
        let disabled: HashSet<&str> = self
            .disable
            .iter()
            .copied()
            .chain(
                sites
                    .iter()
                    .flat_map(|&s| self.sites[s as usize].disable.iter().copied()),
            )
            .collect();
        // Product-page rules are chosen per page, by the page's declaration.
        let in_scope = |scope: Scope| match scope {
            Scope::Global | Scope::ProductPage => true,
            Scope::Site(s) => sites.contains(&s),
        };
        let phrases: Vec<bool> = inner
            .phrase_rules
            .iter()
            .map(|r| {
                in_scope(r.scope)
                    && !disabled.contains(r.id)
                    && (r.lang == "*" || lang.is_none_or(|l| l == r.lang))
            })
            .collect();
        let max_phrase_chars = inner
            .phrase_rules
            .iter()
            .zip(&phrases)
            .filter(|(_, &on)| on)
            .map(|(r, _)| r.max_chars)
            .max()
            .unwrap_or(0);
        Active {
            tokens: inner
                .token_rules
                .iter()
                .map(|r| in_scope(r.scope) && !disabled.contains(r.id))
                .collect(),
            tags: inner
                .tag_hits
                .iter()
                .map(|h| !disabled.contains(h.id))
                .collect(),
            roles: inner
                .role_hits
                .iter()
                .map(|h| !disabled.contains(h.id))
                .collect(),
            selectors: inner
                .selectors
                .iter()
                .map(|(_, h, scope)| in_scope(*scope) && !disabled.contains(h.id))
                .collect(),
            phrases,
            max_phrase_chars,
        }
    }
}

/// The lower-case host of an `http(s)://` URL (no user info, no port).
pub fn host_of(url: &str) -> Option<&str> {
    let (_, rest) = url.trim().split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next()?,
        None => host.split(':').next()?,
    };
    (!host.is_empty()).then_some(host)
}

impl CompiledRules {
    /// Compiles the built-in tables anew (tests; use [`builtin`] to share).
    pub fn builtin() -> Result<CompiledRules, Error> {
        Ok(RuleBook::compile(RuleSpecs::builtin())?.rules(None, &[]))
    }

    /// The same rules for a page that declares one product (see
    /// `metadata::declares_product`): the product-page rules apply too.
    pub fn on_product_page(mut self) -> CompiledRules {
        self.product_page = true;
        self
    }

    /// Whether the product-page rules apply.
    pub fn is_product_page(&self) -> bool {
        self.product_page
    }

    /// Longest text any phrase rule looks at, in chars.
    pub fn max_phrase_chars(&self) -> usize {
        self.active.max_phrase_chars
    }

    /// The first phrase rule (in table order) that may fire anywhere and
    /// matches the whole of `text` (trimmed, whitespace-collapsed).
    pub fn classify_text(&self, text: &str) -> Option<Hit> {
        self.classify(text, Place::NOWHERE)
    }

    /// The first rule restricted to the article's head or tail (bylines with
    /// trailing text, bios) that matches `text` at `place`. The rules that
    /// may fire anywhere are [`classify_text`](Self::classify_text)'s.
    pub fn classify_at(&self, text: &str, place: Place) -> Option<Hit> {
        if place == Place::NOWHERE {
            return None;
        }
        self.classify(text, place)
    }

    fn classify(&self, text: &str, place: Place) -> Option<Hit> {
        let inner = &*self.inner;
        let active = &*self.active;
        let max = active.max_phrase_chars;
        if text.is_empty() || text.len() > max * 4 {
            return None;
        }
        let chars = text.chars().count();
        if chars > max {
            return None;
        }
        let positional = place != Place::NOWHERE;
        let fits = |i: usize| {
            let r = &inner.phrase_rules[i];
            active.phrases[i]
                && (self.product_page || r.scope != Scope::ProductPage)
                && chars <= r.max_chars
                && match r.position {
                    Position::Anywhere => !positional,
                    Position::Head => place.head,
                    Position::Tail => place.tail,
                }
        };
        let tier = LENGTH_TIERS.iter().rposition(|&t| t <= chars).unwrap_or(0);
        let group = &inner.anchored[usize::from(positional) * LENGTH_TIERS.len() + tier];
        // The anchored search starts at the first char only, as the
        // pattern's `^` asks.
        let at_start = regex_automata::Input::new(text).anchored(regex_automata::Anchored::Yes);
        let anchored = group
            .candidates(text)
            .into_iter()
            .find(|&i| fits(i) && inner.exact[i].is_match(at_start.clone()));
        // Table order is priority order: an unanchored rule only matters if
        // it comes before the anchored match.
        let limit = anchored.unwrap_or(usize::MAX);
        let unanchored = if positional || inner.unanchored.rules.first().is_none_or(|&i| i >= limit)
        {
            None
        } else {
            inner
                .unanchored
                .candidates(text)
                .into_iter()
                .take_while(|&i| i < limit)
                .find(|&i| fits(i) && inner.exact[i].is_match(text))
        };
        unanchored.or(anchored).map(|i| Hit {
            kind: inner.phrase_rules[i].kind,
            id: inner.phrase_rules[i].id,
        })
    }

    /// The compiled regex of phrase rule `id` (for extracting numbers, names).
    pub fn phrase_regex(&self, id: &str) -> Option<&Regex> {
        let inner = &*self.inner;
        let i = inner.phrase_rules.iter().position(|r| r.id == id)?;
        inner.phrase_regexes[i]
            .get_or_init(|| Regex::new(&inner.phrase_rules[i].pattern).ok())
            .as_ref()
    }

    /// The first token rule matching any class name or the id of an element.
    pub fn classify_names<'a>(&self, names: impl Iterator<Item = &'a str>) -> Option<Hit> {
        let inner = &*self.inner;
        let mut words = Words::default();
        let mut best: Option<usize> = None;
        for name in names {
            words.clear();
            split_words_into(name, &mut words);
            if words
                .first()
                .is_some_and(|w| structure::STATE_PREFIXES.contains(&w.as_str()))
            {
                continue;
            }
            let builder = words
                .first()
                .is_some_and(|w| structure::PAGE_BUILDER_PREFIXES.contains(&w.as_str()));
            // The first rule matching inside one run of words.
            let best_in = |part: &[String]| -> Option<usize> {
                let mut best: Option<usize> = None;
                for start in 0..part.len() {
                    let Some(candidates) = inner.token_index.get(part[start].as_str()) else {
                        continue;
                    };
                    for &ri in candidates {
                        if !self.active.tokens[ri]
                            || (!self.product_page
                                && inner.token_rules[ri].scope == Scope::ProductPage)
                            || (builder
                                && structure::BUILDER_NEUTRAL_RULES
                                    .contains(&inner.token_rules[ri].id))
                        {
                            continue;
                        }
                        let tokens = &inner.token_rules[ri].tokens;
                        let fits = part.len() - start >= tokens.len()
                            && tokens.iter().zip(&part[start..]).all(|(t, w)| t == w);
                        if fits && best.is_none_or(|b| ri < b) {
                            best = Some(ri);
                        }
                    }
                }
                best
            };
            // A name joining parts (`map-and-related`) names a wrapper of
            // all of them: it is chrome only when every part is.
            let mut name_best: Option<usize> = None;
            for part in words.split(|w| structure::JOINING_WORDS.contains(&w.as_str())) {
                match best_in(part) {
                    Some(ri) => name_best = Some(name_best.map_or(ri, |b| b.min(ri))),
                    None => {
                        name_best = None;
                        break;
                    }
                }
            }
            if let Some(ri) = name_best {
                if best.is_none_or(|b| ri < b) {
                    best = Some(ri);
                }
            }
        }
        best.map(|i| Hit {
            kind: inner.token_rules[i].kind,
            id: inner.token_rules[i].id,
        })
    }

    /// The tag rule for a lower-case tag name.
    pub fn classify_tag(&self, tag: &str) -> Option<Hit> {
        let i = *self.inner.tags.get(tag)?;
        self.active.tags[i].then(|| self.inner.tag_hits[i])
    }

    /// The role rule for a `role` attribute value.
    pub fn classify_role(&self, role: &str) -> Option<Hit> {
        role.split_ascii_whitespace().find_map(|r| {
            let i = *self.inner.roles.get(r.to_ascii_lowercase().as_str())?;
            self.active.roles[i].then(|| self.inner.role_hits[i])
        })
    }

    /// Selector rules that apply, in table order.
    pub fn selectors(&self) -> impl Iterator<Item = (&crate::parse::Selector, Hit)> {
        self.inner
            .selectors
            .iter()
            .zip(self.active.selectors.iter())
            .filter(|(_, &on)| on)
            .map(|((s, h, _), _)| (s, *h))
    }
}

/// Splits a class name or id into lower-case words on `-`, `_`, digits,
/// other punctuation and camelCase boundaries: `relatedPosts-2` → related, posts.
/// Hash-like parts (see [`is_hash_like`]) yield no words: the `ad` in
/// `sc-8798a0ad-0` or `h.adfd8bb` is an accident of the hash.
pub fn split_words(name: &str, out: &mut Vec<String>) {
    let mut words = Words::default();
    split_words_into(name, &mut words);
    out.extend(words.iter().cloned());
}

/// [`split_words`] into a reusable [`Words`] list (appended to it).
pub(crate) fn split_words_into(name: &str, out: &mut Words) {
    for part in name.split(|c: char| !c.is_alphanumeric()) {
        if !is_hash_like(part) {
            split_part(part, out);
        }
    }
}

/// A list of words that keeps its strings' buffers when cleared, so that
/// splitting many class names allocates only for the longest ones.
#[derive(Default)]
pub(crate) struct Words {
    slots: Vec<String>,
    len: usize,
}

impl Words {
    /// Empties the list, keeping the buffers.
    pub(crate) fn clear(&mut self) {
        self.len = 0;
    }

    /// The next word's buffer, empty.
    fn next_slot(&mut self) -> &mut String {
        if self.len == self.slots.len() {
            self.slots.push(String::new());
        }
        let slot = &mut self.slots[self.len];
        slot.clear();
        slot
    }

    /// Keeps the word written into [`next_slot`](Self::next_slot).
    fn commit(&mut self) {
        self.len += 1;
    }
}

impl std::ops::Deref for Words {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.slots[..self.len]
    }
}

/// A hex run at least this long, with a digit, is a hash, not a word and a
/// number (`ad0f`, `818c`; `ad1` stays an ad slot).
const HASH_MIN_HEX_CHARS: usize = 4;

/// Whether one punctuation-free part of a class name or id is machine-made:
/// a letter after a digit (`e20Ad0`, `content6f61`, CSS-module and
/// styled-component hashes), or a hex run of [`HASH_MIN_HEX_CHARS`] with a
/// digit and a letter (UUID groups). Words with a number after them
/// (`col6`, `ad2`, `h2`) are not.
fn is_hash_like(part: &str) -> bool {
    let mut digit_seen = false;
    let mut letter_seen = false;
    for c in part.chars() {
        if c.is_numeric() {
            digit_seen = true;
        } else if c.is_alphabetic() {
            if digit_seen {
                return true;
            }
            letter_seen = true;
        }
    }
    digit_seen
        && letter_seen
        && part.chars().count() >= HASH_MIN_HEX_CHARS
        && part.chars().all(|c| c.is_ascii_hexdigit())
}

/// Splits a part without punctuation on digits and camelCase boundaries.
fn split_part(name: &str, out: &mut Words) {
    // Whether a word is being written into the next slot.
    let mut open = false;
    let mut prev_lower = false;
    for c in name.chars() {
        if c.is_alphabetic() {
            if c.is_uppercase() && prev_lower && open {
                out.commit();
                open = false;
            }
            if !open {
                out.next_slot();
                open = true;
            }
            let slot = &mut out.slots[out.len];
            if c.is_ascii() {
                // Most class names are ASCII: no case-mapping iterator.
                slot.push(c.to_ascii_lowercase());
            } else {
                slot.extend(c.to_lowercase());
            }
            prev_lower = c.is_lowercase();
        } else {
            if open {
                out.commit();
                open = false;
            }
            prev_lower = false;
        }
    }
    if open {
        out.commit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn all_ids() -> Vec<&'static str> {
        let mut ids: Vec<&str> = phrases::PHRASES.iter().map(|r| r.id).collect();
        ids.extend(phrases::PRODUCT_PHRASES.iter().map(|r| r.id));
        ids.extend(structure::TOKENS.iter().map(|r| r.id));
        ids.extend(structure::PRODUCT_TOKENS.iter().map(|r| r.id));
        ids.extend(structure::TAGS.iter().map(|r| r.id));
        ids.extend(structure::ROLES.iter().map(|r| r.id));
        ids.extend(structure::SELECTORS.iter().map(|r| r.id));
        ids.extend(structure::CONTEXT.iter().map(|r| r.id));
        ids
    }

    #[test]
    fn rule_ids_are_unique_and_kebab_case() {
        let ids = all_ids();
        let unique: HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "duplicate rule id");
        for id in ids {
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{id} is not kebab-case"
            );
        }
    }

    #[test]
    fn builtin_rules_compile_and_tokens_are_lower_case_words() {
        CompiledRules::builtin().unwrap();
        for r in structure::TOKENS.iter().chain(structure::PRODUCT_TOKENS) {
            assert!(!r.tokens.is_empty(), "{}", r.id);
            for t in r.tokens {
                let mut w = Vec::new();
                split_words(t, &mut w);
                assert_eq!(
                    w,
                    vec![t.to_string()],
                    "{}: token {t} is not one lower-case word",
                    r.id
                );
            }
        }
    }

    #[test]
    fn tokens_match_whole_words_only() {
        let rules = builtin();
        let hit = |names: &[&str]| rules.classify_names(names.iter().copied()).map(|h| h.id);
        assert_eq!(hit(&["related-posts"]), Some("cls-related"));
        assert_eq!(hit(&["relatedPosts"]), Some("cls-related"));
        assert_eq!(hit(&["unrelated"]), None);
        assert_eq!(hit(&["header"]), None);
        assert_eq!(hit(&["add-to-cart"]), None);
        assert_eq!(hit(&["ad-slot"]), Some("cls-ad"));
        assert_eq!(hit(&["author-bio"]), Some("cls-author-bio"));
        assert_eq!(hit(&["ad-2"]), Some("cls-ad"));
        assert_eq!(hit(&["ad1"]), Some("cls-ad"));
    }

    #[test]
    fn page_builder_names_are_not_widgets() {
        let rules = builtin();
        let hit = |names: &[&str]| rules.classify_names(names.iter().copied()).map(|h| h.id);
        assert_eq!(hit(&["elementor-widget-text-editor"]), None);
        assert_eq!(hit(&["elementor-widget-nav-menu"]), Some("cls-nav"));
        assert_eq!(hit(&["widget_text"]), Some("cls-widget"));
        assert_eq!(hit(&["sidebar-widget"]), Some("cls-sidebar"));
    }

    #[test]
    fn a_name_joining_parts_is_chrome_only_when_every_part_is() {
        let rules = builtin();
        let hit = |names: &[&str]| rules.classify_names(names.iter().copied()).map(|h| h.id);
        // The map and its intro text beside the related links: a wrapper.
        assert_eq!(hit(&["map-and-related"]), None);
        assert_eq!(hit(&["content_and_sidebar"]), None);
        // Both parts are chrome: so is the box.
        assert_eq!(hit(&["share-and-social"]), Some("cls-share"));
        assert_eq!(hit(&["comments-and-sidebar"]), hit(&["comments-sidebar"]));
        // Another name of the element still counts.
        assert_eq!(hit(&["map-and-related", "sidebar"]), Some("cls-sidebar"));
    }

    #[test]
    fn names_stating_what_a_wrapper_has_or_hides_are_not_that_part() {
        let rules = builtin();
        let hit = |names: &[&str]| rules.classify_names(names.iter().copied()).map(|h| h.id);
        // A grid of teasers marked as hiding its ads is the grid, not an ad.
        assert_eq!(hit(&["SummaryGridItems-x", "hide-read-more-ad"]), None);
        assert_eq!(hit(&["hasSidebar"]), None);
        assert_eq!(hit(&["without-comments"]), None);
        assert_eq!(hit(&["read-more-ad"]), Some("cls-ad"));
        assert_eq!(hit(&["sidebar-has-widgets"]), Some("cls-sidebar"));
    }

    #[test]
    fn hash_like_names_yield_no_words() {
        let words = |name: &str| {
            let mut w = Vec::new();
            split_words(name, &mut w);
            w
        };
        assert_eq!(words("relatedPosts-2"), ["related", "posts"]);
        assert_eq!(words("col6"), ["col"]);
        assert_eq!(words("h.adfd8bb1c2"), ["h"]);
        assert_eq!(words("sc-8798a0ad-0"), ["sc"]);
        assert_eq!(words("w-node-b5343ad4-d1b4-c331"), ["w", "node"]);
        assert_eq!(words("38089880-1644-11f0-ad0f-2179"), Vec::<String>::new());
        assert_eq!(words("E20Ad0_pzp1mCwtLMf8Yc"), Vec::<String>::new());
        let rules = builtin();
        assert_eq!(rules.classify_names(["x-ad0f-11f0"].into_iter()), None);
    }

    #[test]
    fn phrases_judge_whole_lines() {
        let rules = builtin();
        let kind = |t: &str| rules.classify_text(t).map(|h| h.kind);
        assert_eq!(kind("Share This Article"), Some(Kind::Share));
        assert_eq!(
            kind("The council will share its findings with residents next week."),
            None
        );
        assert_eq!(
            kind("See also  UN chief calls for Ramadan ceasefire in Sudan"),
            Some(Kind::SeeAlso)
        );
        assert_eq!(kind("By Pooja Sood"), Some(Kind::Byline));
        assert_eq!(kind("By Monday, the strike was over."), None);
        assert_eq!(kind("13 Min Read"), Some(Kind::ReadingTime));
        assert_eq!(
            kind(
                "Follow us on Google news ,Twitter , and Join Whatsapp Group of thelocalreport.in"
            ),
            Some(Kind::Share)
        );
        assert_eq!(
            kind("Follow the river north and you reach the old mill."),
            None
        );
        assert_eq!(kind("Comments made by the minister drew criticism."), None);
        assert_eq!(kind("Subscribers to the service reported outages."), None);
        assert_eq!(kind("Related to the strike, three unions met."), None);
        assert_eq!(
            kind("(This story has not been edited by NDTV staff and is auto-generated from a syndicated feed.)"),
            Some(Kind::Syndication)
        );
        assert_eq!(kind("Advertisement"), Some(Kind::Advertisement));
        assert_eq!(
            kind("Lesen Sie auch: Streik in Hamburg beendet"),
            Some(Kind::SeeAlso)
        );
        assert_eq!(kind("Tags: politics, europe"), Some(Kind::Taxonomy));
        assert_eq!(kind("Get started today"), Some(Kind::Advertisement));
        assert_eq!(kind("Request a demo"), Some(Kind::Advertisement));
        assert_eq!(
            kind("Get started with the command line by installing the tools."),
            None
        );
    }

    #[test]
    fn stock_and_shipping_notes_go_on_product_pages_only() {
        let rules = builtin().clone().on_product_page();
        let id = |t: &str| rules.classify_text(t).map(|h| h.id);
        for (text, rule) in [
            ("Only 3 left in stock - order soon.", "product-stock"),
            ("Currently unavailable.", "product-stock"),
            ("Out of stock", "product-stock"),
            ("Free shipping on orders over $50", "product-shipping-note"),
            ("VAT included", "product-shipping-note"),
        ] {
            assert_eq!(id(text), Some(rule), "{text}");
        }
        for text in [
            "In stock markets, prices fell for the third day as traders sold shares.",
            "Free shipping made the difference for most of the shoppers we asked, the survey found.",
        ] {
            assert_eq!(id(text), None, "{text}");
        }
        assert_eq!(builtin().classify_text("Out of stock"), None);
    }

    #[test]
    fn a_grids_card_buttons_and_sort_labels_are_shop_controls() {
        let rules = builtin();
        let id = |t: &str| rules.classify_text(t).map(|h| h.id);
        for text in [
            "Quick View",
            "Quick shop",
            "Add to Compare",
            "Sort: Best Match",
            "Sort By:Best Selling",
            "Skip to search results",
            "loaded 154 results",
            "Choose Options",
        ] {
            assert_eq!(id(text), Some("shop-controls"), "{text}");
        }
        for text in [
            "Quick view of the harbour from the ridge",
            "Sort the seeds by size before sowing them.",
        ] {
            assert_eq!(id(text), None, "{text}");
        }
    }

    #[test]
    fn page_prompts_go_sentences_about_them_stay() {
        let rules = builtin();
        let id = |t: &str| rules.classify_text(t).map(|h| h.id);
        for (text, rule) in [
            ("Pin this for later!", "nav-link-row"),
            ("PIN FOR LATER", "nav-link-row"),
            ("You might like", "related-heading"),
            ("Other Posts You May Enjoy", "related-heading"),
            ("What others are reading", "related-heading"),
            ("Editors' Picks", "related-heading"),
            ("Most read in Science", "related-heading"),
            ("DON'T MISS", "related-heading"),
            ("Latest videos", "related-heading"),
            ("関連記事", "related-heading"),
            ("相关文章", "related-heading"),
            ("관련 기사", "related-heading"),
            ("スポンサードリンク", "ad-label"),
            ("タグ: ソフトウェア", "taxonomy-label"),
            ("Add as a preferred source on Google", "follow-preferred-source"),
            ("Join Medium for free to get updates from this writer.", "newsletter-updates"),
            ("Would you like to receive notifications about new posts?", "newsletter-updates"),
            ("Want more stories like this?", "newsletter-pitch"),
            ("Like this article?", "newsletter-like-this"),
            ("We Recommend", "related-heading"),
            ("Quotes delayed at least 15 minutes. Real-time quotes provided by an exchange. Market Data provided by a vendor.", "footer-market-data"),
            ("Every day we send an email with the top stories from the site.", "newsletter-pitch"),
            ("Page 1 of 8", "nav-page-of"),
            ("Loading posts…", "ui-loading"),
            ("Copy", "ui-copy-button"),
            ("Corrections? Updates? Omissions? Let us know if you have suggestions to improve this article", "feedback-prompt"),
            ("Was this article helpful?", "feedback-prompt"),
        ] {
            assert_eq!(id(text), Some(rule), "{text}");
        }
        for text in [
            "You might like the second recipe better if you prefer less sugar.",
            "Page 12 of the report lists every school that closed.",
            "Loading the truck took the crew most of the morning.",
            "Copy the file into the project folder, then run the build.",
            "Was this the first time the council voted against the mayor?",
            "Join the club for a walk along the river every Sunday.",
            "Latest videos of the launch show the rocket tipping over.",
            "Most read in the village was the weekly paper.",
            "Every day we send our children to a school that is falling apart.",
            "Want more proof? The council's own figures show the gap.",
            "The market data show quotes for the bonds fell for a third week.",
            "Like this article, the report leaves out the suburbs.",
        ] {
            assert_eq!(id(text), None, "{text}");
        }
    }

    #[test]
    fn a_lone_call_to_action_button_goes_a_sentence_with_it_stays() {
        let rules = builtin();
        let id = |t: &str| rules.classify_text(t).map(|h| h.id);
        for text in ["Learn more", "READ MORE", "View details ›", "Apply now"] {
            assert_eq!(id(text), Some("ui-cta-button"), "{text}");
        }
        for text in [
            "Learn more about our tuition plans below.",
            "Apply now and pay later",
        ] {
            assert_ne!(id(text), Some("ui-cta-button"), "{text}");
        }
    }

    #[test]
    fn a_forms_sent_messages_go_sentences_about_submissions_stay() {
        let rules = builtin();
        let id = |t: &str| rules.classify_text(t).map(|h| h.id);
        for text in [
            "Thank you! Your submission has been received!",
            "Oops! Something went wrong while submitting the form.",
            "Your message has been sent.",
        ] {
            assert_eq!(id(text), Some("form-status-message"), "{text}");
        }
        for text in [
            "Thank you for your submission to the annual photo contest, which closes in May.",
            "Your submission has been received by the committee and will be reviewed.",
        ] {
            assert_ne!(id(text), Some("form-status-message"), "{text}");
        }
    }

    #[test]
    fn forum_chrome_goes_posts_and_entries_stay() {
        let rules = builtin();
        let id = |t: &str| rules.classify_text(t).map(|h| h.id);
        for (text, rule) in [
            ("Posts: 4032", "forum-poster-stat"),
            ("Joined: Mar 2019", "forum-poster-stat"),
            ("Reaction score", "forum-poster-stat"),
            ("Well-known member", "forum-poster-rank"),
            ("Last edited: 13 Sep 2024", "forum-edited"),
            (
                "Last edited by Outer Armatonisdaristan on Sun Feb 22, 2026 2:08 am, edited 108 times in total.",
                "forum-edited",
            ),
            ("Edited May 22, 2024 by Mr_Enigmatic", "forum-edited"),
            ("Click to expand...", "forum-expand-quote"),
            (
                "Thread starter marsh_warbler · Start date Mar 3, 2024",
                "forum-thread-starter",
            ),
            (
                "You must log in or register to reply here.",
                "forum-qa-prompts",
            ),
            ("Similar threads", "related-heading"),
            ("27 Likes", "forum-post-counter"),
            ("Share on other sites", "forum-post-actions"),
            ("permalink", "forum-post-actions"),
            ("Reply", "forum-post-actions"),
            ("Explore related questions", "forum-qa-prompts"),
            (
                "2,3606 gold badges23 silver badges21 bronze badges",
                "forum-badges",
            ),
            ("12.5k 3 gold badges 40 silver badges 71 bronze badges", "forum-badges"),
            (
                "Joe 83.4k20 gold badges166 silver badges492 bronze badges",
                "forum-badges",
            ),
            ("Joined: Wed Feb 04, 2015 6:38 pm", "forum-poster-stat"),
            ("Joined: 4. Jul 2012, 16:09", "forum-poster-stat"),
            ("Registered: 2024-01-27", "forum-poster-stat"),
            ("1,204 posts", "forum-post-counter"),
            ("2.1k Reputation", "forum-post-counter"),
            ("#1 2024-08-03 10:59:47", "forum-post-number"),
            ("11-29-2024, 09:03 AM #3", "forum-post-number"),
            (
                "Re: Discuss the VirtualBox 7.1.0 release here",
                "forum-reply-subject",
            ),
            ("Reply With Quote 0", "forum-post-actions"),
            ("Code: Select all", "forum-post-actions"),
            ("2 days ago", "dateline-relative"),
            ("about 5 hours ago", "dateline-relative"),
        ] {
            assert_eq!(id(text), Some(rule), "{text}");
        }
        for text in [
            "Edited by John Mark Ockerbloom",
            "Location: Barcelona, Spain",
            "Members of the council voted against the plan on Monday.",
            "I joined the club in 2019 and never looked back.",
            "The 27 likes on that post came from one account.",
            "#3",
            "Registered: 25 volunteers from the town",
            "Re-elected twice, she kept the seat.",
            "2 days ago the council voted to close it.",
        ] {
            assert_eq!(id(text), None, "{text}");
        }
    }

    #[test]
    fn tail_rules_need_the_tail() {
        let rules = builtin();
        let bio = "Pooja Sood, a dynamic blog writer and tech enthusiast, is a trailblazer.";
        assert_eq!(rules.classify_text(bio), None);
        let tail = Place {
            head: false,
            tail: true,
        };
        assert_eq!(
            rules.classify_at(bio, tail).map(|h| h.kind),
            Some(Kind::AuthorBio)
        );
    }

    #[test]
    fn language_selects_tables_and_star_rules_always_apply() {
        let book = builtin_book();
        let id = |lang: Option<&str>, text: &str| {
            book.rules(lang, &[]).classify_text(text).map(|h| h.id)
        };
        // `nav-link-row` is English-only.
        assert_eq!(id(None, "Jump to Recipe"), Some("nav-link-row"));
        assert_eq!(id(Some("en-US"), "Jump to Recipe"), Some("nav-link-row"));
        assert_eq!(id(Some("de"), "Jump to Recipe"), None);
        assert_eq!(id(Some("ja"), "Jump to Recipe"), None);
        // `*` rules apply in every language.
        assert_eq!(id(Some("de"), "Advertisement"), Some("ad-label"));
        assert_eq!(
            id(Some("ja"), "Lesen Sie auch: Streik beendet"),
            Some("see-also-other")
        );
        // Selections are cached: the same language shares one mask.
        let a = book.rules(Some("de-DE"), &[]);
        let b = book.rules(Some("de"), &[]);
        assert!(Arc::ptr_eq(&a.active, &b.active));
    }

    #[test]
    fn disabled_and_site_rules_are_masks_over_one_compile() {
        let mut specs = RuleSpecs::builtin();
        specs.disable = vec!["cls-share", "tag-nav"];
        specs.tokens.insert(
            0,
            TokenSpec {
                id: "user-promo-rail",
                kind: Kind::Advertisement,
                tokens: vec!["promo".into(), "rail".into()],
                scope: Scope::Site(0),
            },
        );
        specs.sites = vec![SiteSpec {
            domain: "example.com".into(),
            disable: vec!["cls-related"],
        }];
        let book = RuleBook::compile(specs).unwrap();
        let names = |r: &CompiledRules, n: &str| r.classify_names(std::iter::once(n)).map(|h| h.id);
        let (elsewhere, sites) = book.for_page(None, Some("https://other.test/a"));
        assert!(sites.is_empty());
        assert_eq!(names(&elsewhere, "share-bar"), None);
        assert_eq!(elsewhere.classify_tag("nav"), None);
        assert_eq!(names(&elsewhere, "promo-rail"), Some("cls-promo"));
        assert_eq!(names(&elsewhere, "related-posts"), Some("cls-related"));
        let (site, sites) = book.for_page(None, Some("https://news.Example.com:8080/a"));
        assert_eq!(sites, ["example.com"]);
        assert_eq!(names(&site, "promoRail"), Some("user-promo-rail"));
        assert_eq!(names(&site, "related-posts"), None);
        let (_, sites) = book.for_page(None, Some("https://notexample.com/"));
        assert!(sites.is_empty());
    }
}
