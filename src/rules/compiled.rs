//! The rule tables compiled into matchers: one regex set for phrases, a word
//! index for class/id tokens, lookups for tags and roles, parsed selectors.
//! Compiled once; cloning is cheap (shared).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, OnceLock};

use regex::Regex;

use super::{phrases, structure, PhraseRule, Position, TokenRule};
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

#[derive(Debug)]
struct Inner {
    /// The anchored phrase patterns (`^...`), as sets by length tier and
    /// position class (see [`AnchoredSet`]).
    anchored: Vec<AnchoredSet>,
    /// Unanchored patterns ("... auto-generated from a syndicated feed ..."),
    /// each its own regex so that its literal prefilter rejects most texts
    /// without running an automaton.
    unanchored: Vec<usize>,
    phrase_regexes: Vec<Regex>,
    phrase_rules: Vec<PhraseRule>,
    max_phrase_chars: usize,
    /// First word of a token rule → indices into `token_rules`.
    token_index: HashMap<&'static str, Vec<usize>>,
    token_rules: Vec<TokenRule>,
    tags: HashMap<&'static str, Hit>,
    roles: HashMap<&'static str, Hit>,
    selectors: Vec<(scraper::Selector, Hit)>,
}

/// Lower bounds of the length tiers: a text of `n` chars is only matched
/// against anchored rules whose `max_chars` reaches the tier below `n`, so a
/// long paragraph never meets the many short-line rules.
const LENGTH_TIERS: [usize; 6] = [0, 60, 120, 250, 500, 1000];

/// Anchored phrase rules of one length tier and position class, compiled
/// when the rules are built.
#[derive(Debug)]
struct AnchoredSet {
    /// Rule indices, in table order.
    rules: Vec<usize>,
    set: OnceLock<Option<regex_automata::meta::Regex>>,
}

impl AnchoredSet {
    fn compile(&self, phrase_rules: &[PhraseRule]) -> Result<(), String> {
        if self.set.get().is_some() {
            return Ok(());
        }
        let patterns: Vec<&str> = self
            .rules
            .iter()
            .map(|&i| phrase_rules[i].pattern)
            .collect();
        let compiled = if patterns.is_empty() {
            None
        } else {
            Some(regex_automata::meta::Regex::new_many(&patterns).map_err(|e| e.to_string())?)
        };
        let _ = self.set.set(compiled);
        Ok(())
    }

    /// Indices of the rules matching `text`, in table order.
    fn matching<'a>(&'a self, text: &str) -> impl Iterator<Item = usize> + 'a {
        let mut matched = Vec::new();
        if let Some(Some(set)) = self.set.get() {
            // An anchored search only starts at position 0, where every
            // pattern of the set begins with `^` anyway.
            let mut found = regex_automata::PatternSet::new(set.pattern_len());
            let input = regex_automata::Input::new(text).anchored(regex_automata::Anchored::Yes);
            set.which_overlapping_matches(&input, &mut found);
            matched.extend(found.iter().map(|p| self.rules[p.as_usize()]));
        }
        matched.into_iter()
    }
}

/// Compiled rules, shared by every document a [`Cleaner`](crate::Cleaner) cleans.
#[derive(Debug, Clone)]
pub struct CompiledRules {
    inner: Arc<Inner>,
}

static BUILTIN: LazyLock<CompiledRules> =
    LazyLock::new(|| CompiledRules::builtin().expect("built-in rules compile (tested)"));

/// The built-in rules, compiled once per process.
pub fn builtin() -> &'static CompiledRules {
    &BUILTIN
}

impl CompiledRules {
    /// Compiles the built-in tables.
    pub fn builtin() -> Result<CompiledRules, Error> {
        Self::compile(phrases::PHRASES, structure::TOKENS)
    }

    fn compile(
        phrase_rules: &[PhraseRule],
        token_rules: &[TokenRule],
    ) -> Result<CompiledRules, Error> {
        let invalid = |id: &str, reason: String| Error::InvalidRule {
            id: id.to_owned(),
            reason,
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
                anchored.push(AnchoredSet {
                    rules,
                    set: OnceLock::new(),
                });
            }
        }
        let unanchored: Vec<usize> = (0..phrase_rules.len())
            .filter(|&i| !phrase_rules[i].pattern.starts_with('^'))
            .collect();
        // Every set compiles now, so a bad pattern is an error at start-up.
        for set in &anchored {
            set.compile(phrase_rules)
                .map_err(|e| invalid("phrases", e))?;
        }
        let phrase_regexes = phrase_rules
            .iter()
            .map(|r| Regex::new(r.pattern).map_err(|e| invalid(r.id, e.to_string())))
            .collect::<Result<Vec<_>, _>>()?;
        let mut token_index: HashMap<&'static str, Vec<usize>> = HashMap::new();
        for (i, rule) in token_rules.iter().enumerate() {
            let first = rule
                .tokens
                .first()
                .ok_or_else(|| invalid(rule.id, "empty token list".into()))?;
            token_index.entry(first).or_default().push(i);
        }
        let tags = structure::TAGS
            .iter()
            .map(|r| {
                (
                    r.tag,
                    Hit {
                        kind: r.kind,
                        id: r.id,
                    },
                )
            })
            .collect();
        let roles = structure::ROLES
            .iter()
            .map(|r| {
                (
                    r.role,
                    Hit {
                        kind: r.kind,
                        id: r.id,
                    },
                )
            })
            .collect();
        let selectors = structure::SELECTORS
            .iter()
            .map(|r| {
                scraper::Selector::parse(r.selector)
                    .map(|s| {
                        (
                            s,
                            Hit {
                                kind: r.kind,
                                id: r.id,
                            },
                        )
                    })
                    .map_err(|e| invalid(r.id, e.to_string()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(CompiledRules {
            inner: Arc::new(Inner {
                anchored,
                unanchored,
                phrase_regexes,
                phrase_rules: phrase_rules.to_vec(),
                max_phrase_chars: phrase_rules.iter().map(|r| r.max_chars).max().unwrap_or(0),
                token_index,
                token_rules: token_rules.to_vec(),
                tags,
                roles,
                selectors,
            }),
        })
    }

    /// Longest text any phrase rule looks at, in chars.
    pub fn max_phrase_chars(&self) -> usize {
        self.inner.max_phrase_chars
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
        if text.is_empty() || text.len() > inner.max_phrase_chars * 4 {
            return None;
        }
        let chars = text.chars().count();
        if chars > inner.max_phrase_chars {
            return None;
        }
        let positional = place != Place::NOWHERE;
        let fits = |r: &PhraseRule| {
            chars <= r.max_chars
                && match r.position {
                    Position::Anywhere => !positional,
                    Position::Head => place.head,
                    Position::Tail => place.tail,
                }
        };
        let tier = LENGTH_TIERS.iter().rposition(|&t| t <= chars).unwrap_or(0);
        let set = &inner.anchored[usize::from(positional) * LENGTH_TIERS.len() + tier];
        let anchored = set.matching(text).find(|&i| fits(&inner.phrase_rules[i]));
        // Table order is priority order: an unanchored rule only matters if
        // it comes before the anchored match.
        let limit = anchored.unwrap_or(usize::MAX);
        let unanchored = (!positional).then_some(()).and_then(|()| {
            inner
                .unanchored
                .iter()
                .copied()
                .take_while(|&i| i < limit)
                .find(|&i| fits(&inner.phrase_rules[i]) && inner.phrase_regexes[i].is_match(text))
        });
        unanchored.or(anchored).map(|i| Hit {
            kind: inner.phrase_rules[i].kind,
            id: inner.phrase_rules[i].id,
        })
    }

    /// The compiled regex of phrase rule `id` (for extracting numbers, names).
    pub fn phrase_regex(&self, id: &str) -> Option<&Regex> {
        let inner = &*self.inner;
        inner
            .phrase_rules
            .iter()
            .position(|r| r.id == id)
            .map(|i| &inner.phrase_regexes[i])
    }

    /// The first token rule matching any class name or the id of an element.
    pub fn classify_names<'a>(&self, names: impl Iterator<Item = &'a str>) -> Option<Hit> {
        let inner = &*self.inner;
        let mut words: Vec<String> = Vec::new();
        let mut best: Option<usize> = None;
        for name in names {
            words.clear();
            split_words(name, &mut words);
            for start in 0..words.len() {
                let Some(candidates) = inner.token_index.get(words[start].as_str()) else {
                    continue;
                };
                for &ri in candidates {
                    let tokens = inner.token_rules[ri].tokens;
                    let fits = words.len() - start >= tokens.len()
                        && tokens.iter().zip(&words[start..]).all(|(t, w)| *t == w);
                    if fits && best.is_none_or(|b| ri < b) {
                        best = Some(ri);
                    }
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
        self.inner.tags.get(tag).copied()
    }

    /// The role rule for a `role` attribute value.
    pub fn classify_role(&self, role: &str) -> Option<Hit> {
        role.split_ascii_whitespace().find_map(|r| {
            self.inner
                .roles
                .get(r.to_ascii_lowercase().as_str())
                .copied()
        })
    }

    /// Selector rules, in table order.
    pub fn selectors(&self) -> impl Iterator<Item = (&scraper::Selector, Hit)> {
        self.inner.selectors.iter().map(|(s, h)| (s, *h))
    }
}

/// Splits a class name or id into lower-case words on `-`, `_`, digits,
/// other punctuation and camelCase boundaries: `relatedPosts-2` → related, posts.
pub fn split_words(name: &str, out: &mut Vec<String>) {
    let mut current = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if c.is_alphabetic() {
            if c.is_uppercase() && prev_lower && !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            current.extend(c.to_lowercase());
            prev_lower = c.is_lowercase();
        } else {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            prev_lower = false;
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn all_ids() -> Vec<&'static str> {
        let mut ids: Vec<&str> = phrases::PHRASES.iter().map(|r| r.id).collect();
        ids.extend(structure::TOKENS.iter().map(|r| r.id));
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
        for r in structure::TOKENS {
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
}
