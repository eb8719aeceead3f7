//! A byte-level HTML tokenizer for the markup pages are made of, feeding
//! html5ever's tree builder: html5ever's own tokenizer walks the page a
//! char at a time through a buffer queue, and that walk was half the cost
//! of a clean.
//!
//! It tokenizes as html5ever's tokenizer does, token for token in effect
//! (text may come in larger runs: the tree builder and the sink treat a
//! run as its chars one after another). What it does not cover it does not
//! guess at: on a NUL, a byte order mark past the first char, CDATA,
//! `<plaintext>`, `<!--` inside a script, or a doctype of an unusual shape
//! it gives up, and the page is parsed by html5ever from the start
//! ([`parse`] returns `None`). The differential tests below parse pages and
//! fragments both ways and require the same tree.
//!
//! Input is first normalized as the HTML standard's input stream is
//! (CR LF and lone CR become LF). Every scan stops at ASCII bytes, so
//! every cut falls on a char boundary.

use std::borrow::Cow;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Doctype, Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{Attribute, LocalName, QualName};

use super::sink::Sink;

/// The page needs html5ever's tokenizer.
struct Bail;

/// Where tokenizing goes on after a construct.
enum Next {
    At(usize),
    Eof,
}

/// The line number passed with each token: the tree builder only hands it
/// to the sink, which ignores it.
const LINE: u64 = 1;

/// Pages past this many bytes go to html5ever: tendrils count in `u32`.
const MAX_LEN: usize = (u32::MAX / 2) as usize;

/// Tokenizes `text` into a tree builder writing to `sink`; `None` when the
/// page holds something this tokenizer leaves to html5ever's.
pub(super) fn parse(text: &str, sink: Sink) -> Option<Sink> {
    if !supported(text) {
        return None;
    }
    let normalized;
    let text = if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        normalized = normalize_newlines(text);
        normalized.as_str()
    } else {
        text
    };
    // html5ever drops a leading byte order mark.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut tokenizer = Tokenizer {
        src: text,
        whole: StrTendril::from_slice(text),
        tb: TreeBuilder::new(sink, TreeBuilderOpts::default()),
        pending: StrTendril::new(),
    };
    tokenizer.run().ok()?;
    Some(tokenizer.tb.sink)
}

/// Whether nothing in `text` is known in advance to need html5ever: NULs
/// (handled differently in every state) and byte order marks past the
/// first char (html5ever drops one after each `</script>` and `<meta
/// charset>`, where its driver restarts the tokenizer).
fn supported(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() <= MAX_LEN
        && memchr::memchr(0, b).is_none()
        && memchr::memmem::find_iter(b, "\u{FEFF}".as_bytes()).all(|at| at == 0)
}

/// `text` with CR LF and lone CR as LF, as the tokenizer reads its input.
fn normalize_newlines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\r').enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(line.strip_prefix('\n').unwrap_or(line));
        } else {
            out.push_str(line);
        }
    }
    out
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | 0x0C | b' ')
}

/// What a character reference turned into.
struct CharRef {
    /// The chars it stands for; `None`: it is no reference, and `&` is
    /// text.
    chars: Option<(char, Option<char>)>,
    /// Where tokenizing goes on.
    resume: usize,
    /// Whether html5ever reports a parse error on it.
    error: bool,
}

struct Tokenizer<'a> {
    src: &'a str,
    /// `src` as one tendril: text runs and attribute values are slices of
    /// it, shared rather than copied.
    whole: StrTendril,
    tb: TreeBuilder<u32, Sink>,
    /// Text not yet handed to the tree builder.
    pending: StrTendril,
}

impl Tokenizer<'_> {
    fn run(&mut self) -> Result<(), Bail> {
        let b = self.src.as_bytes();
        let mut pos = 0;
        loop {
            let Some(at) = memchr::memchr2(b'<', b'&', b.get(pos..).unwrap_or_default()) else {
                self.text(pos, b.len());
                break;
            };
            let at = pos + at;
            self.text(pos, at);
            if b.get(at) == Some(&b'&') {
                pos = self.text_char_ref(at + 1);
                continue;
            }
            match self.markup(at)? {
                Next::At(next) => pos = next,
                Next::Eof => break,
            }
        }
        self.flush();
        let _ = self.tb.process_token(Token::EOFToken, LINE);
        self.tb.end();
        Ok(())
    }

    /// `src[from..to]` as a tendril sharing the page's buffer.
    fn slice(&self, from: usize, to: usize) -> StrTendril {
        let (Ok(offset), Ok(len)) = (u32::try_from(from), u32::try_from(to.saturating_sub(from)))
        else {
            return StrTendril::new();
        };
        self.whole
            .try_subtendril(offset, len)
            .unwrap_or_else(|_| StrTendril::from_slice(self.src.get(from..to).unwrap_or_default()))
    }

    /// Adds `src[from..to]` to the pending text.
    fn text(&mut self, from: usize, to: usize) {
        if from >= to {
            return;
        }
        let t = self.slice(from, to);
        if self.pending.is_empty() {
            self.pending = t;
        } else {
            self.pending.push_tendril(&t);
        }
    }

    /// Hands the pending text to the tree builder.
    fn flush(&mut self) {
        if !self.pending.is_empty() {
            let text = std::mem::take(&mut self.pending);
            let _ = self.tb.process_token(Token::CharacterTokens(text), LINE);
        }
    }

    /// A parse error between tokens, where html5ever reports one: it
    /// matters to the tree builder, which then keeps the newline that
    /// follows a `<pre>` or `<textarea>`.
    fn error(&mut self) {
        self.flush();
        let _ = self
            .tb
            .process_token(Token::ParseError(Cow::Borrowed("")), LINE);
    }

    /// The character reference after the `&` at `at - 1` in text.
    fn text_char_ref(&mut self, at: usize) -> usize {
        let r = self.char_ref(at, false);
        if r.error {
            self.error();
        }
        push_ref(&mut self.pending, &r);
        r.resume
    }

    /// The markup at `at` (a `<`) in the data state.
    fn markup(&mut self, at: usize) -> Result<Next, Bail> {
        let b = self.src.as_bytes();
        match b.get(at + 1) {
            Some(c) if c.is_ascii_alphabetic() => self.tag(at + 1, TagKind::StartTag),
            Some(b'/') => match b.get(at + 2) {
                Some(c) if c.is_ascii_alphabetic() => self.tag(at + 2, TagKind::EndTag),
                Some(b'>') => {
                    self.error();
                    Ok(Next::At(at + 3))
                }
                None => {
                    self.text(at, at + 2);
                    Ok(Next::Eof)
                }
                Some(_) => Ok(self.bogus_comment(at + 2)),
            },
            Some(b'!') => self.declaration(at + 2),
            Some(b'?') => Ok(self.bogus_comment(at + 1)),
            None => {
                self.text(at, at + 1);
                Ok(Next::Eof)
            }
            Some(_) => {
                self.text(at, at + 1);
                Ok(Next::At(at + 1))
            }
        }
    }

    fn comment(&mut self) {
        self.flush();
        let _ = self
            .tb
            .process_token(Token::CommentToken(StrTendril::new()), LINE);
    }

    /// A bogus comment from `from` to the next `>` (the sink keeps no
    /// comment text).
    fn bogus_comment(&mut self, from: usize) -> Next {
        self.comment();
        let b = self.src.as_bytes();
        match memchr::memchr(b'>', b.get(from..).unwrap_or_default()) {
            Some(gt) => Next::At(from + gt + 1),
            None => Next::Eof,
        }
    }

    /// After `<!` at `from`.
    fn declaration(&mut self, from: usize) -> Result<Next, Bail> {
        let b = self.src.as_bytes();
        let rest = b.get(from..).unwrap_or_default();
        if rest.starts_with(b"--") {
            return Ok(self.comment_from(from + 2));
        }
        if rest
            .get(..7)
            .is_some_and(|k| k.eq_ignore_ascii_case(b"doctype"))
        {
            return self.doctype(from + 7);
        }
        if rest.starts_with(b"[CDATA[") {
            return Err(Bail);
        }
        Ok(self.bogus_comment(from))
    }

    /// A comment whose body starts at `from` (after `<!--`): it ends at
    /// the first `-->` or `--!>` (`<!-->` and `<!--->` end at once).
    fn comment_from(&mut self, from: usize) -> Next {
        self.comment();
        let b = self.src.as_bytes();
        let rest = b.get(from..).unwrap_or_default();
        if rest.starts_with(b">") {
            return Next::At(from + 1);
        }
        if rest.starts_with(b"->") {
            return Next::At(from + 2);
        }
        // Dash runs overlap (`--->`): each next search starts one on.
        let mut at = 0;
        while let Some(found) = memchr::memmem::find(rest.get(at..).unwrap_or_default(), b"--") {
            let dashes = at + found;
            let after = rest.get(dashes + 2..).unwrap_or_default();
            if after.starts_with(b">") {
                return Next::At(from + dashes + 3);
            }
            if after.starts_with(b"!>") {
                return Next::At(from + dashes + 4);
            }
            at = dashes + 1;
        }
        Next::Eof
    }

    /// A doctype after `<!doctype` at `from`: `<!DOCTYPE name>`, with a
    /// `PUBLIC` or `SYSTEM` identifier or two in quotes; any other shape
    /// is left to html5ever.
    fn doctype(&mut self, from: usize) -> Result<Next, Bail> {
        let b = self.src.as_bytes();
        let mut p = from;
        if !b.get(p).copied().is_some_and(is_space) {
            return Err(Bail);
        }
        p = skip_space(b, p);
        let start = p;
        while b.get(p).is_some_and(|&c| !is_space(c) && c != b'>') {
            p += 1;
        }
        if p == start || p >= b.len() {
            return Err(Bail);
        }
        let name = StrTendril::from_slice(
            &self
                .src
                .get(start..p)
                .unwrap_or_default()
                .to_ascii_lowercase(),
        );
        p = skip_space(b, p);
        let keyword = b.get(p..p + 6).unwrap_or_default();
        let (mut public_id, mut system_id) = (None, None);
        if keyword.eq_ignore_ascii_case(b"public") || keyword.eq_ignore_ascii_case(b"system") {
            let public = keyword.eq_ignore_ascii_case(b"public");
            p += 6;
            if !b.get(p).copied().is_some_and(is_space) {
                return Err(Bail);
            }
            p = skip_space(b, p);
            let (id, after) = self.doctype_id(p)?;
            p = after;
            if public {
                public_id = Some(id);
                let spaced = b.get(p).copied().is_some_and(is_space);
                p = skip_space(b, p);
                if spaced && matches!(b.get(p), Some(b'"' | b'\'')) {
                    let (id, after) = self.doctype_id(p)?;
                    system_id = Some(id);
                    p = skip_space(b, after);
                }
            } else {
                system_id = Some(id);
                p = skip_space(b, p);
            }
        }
        if b.get(p) != Some(&b'>') {
            return Err(Bail);
        }
        self.flush();
        let doctype = Doctype {
            name: Some(name),
            public_id,
            system_id,
            force_quirks: false,
        };
        let _ = self.tb.process_token(Token::DoctypeToken(doctype), LINE);
        Ok(Next::At(p + 1))
    }

    /// A quoted doctype identifier at `at` and where it ends.
    fn doctype_id(&self, at: usize) -> Result<(StrTendril, usize), Bail> {
        let b = self.src.as_bytes();
        let Some(&quote) = b.get(at).filter(|&&q| q == b'"' || q == b'\'') else {
            return Err(Bail);
        };
        let body = b.get(at + 1..).unwrap_or_default();
        let Some(len) = memchr::memchr(quote, body) else {
            return Err(Bail);
        };
        if memchr::memchr(b'>', body.get(..len).unwrap_or_default()).is_some() {
            return Err(Bail);
        }
        Ok((self.slice(at + 1, at + 1 + len), at + len + 2))
    }

    /// A tag whose name starts at `from` (an ASCII letter after `<` or
    /// `</`); at the end of the input inside it, it is dropped.
    fn tag(&mut self, from: usize, kind: TagKind) -> Result<Next, Bail> {
        let b = self.src.as_bytes();
        let mut p = from;
        while b
            .get(p)
            .is_some_and(|&c| !is_space(c) && c != b'/' && c != b'>')
        {
            p += 1;
        }
        if p >= b.len() {
            return Ok(Next::Eof);
        }
        let name = self.atom(from, p);
        let mut attrs: Vec<Attribute> = Vec::new();
        let mut duplicate = false;
        let mut self_closing = false;
        loop {
            p = skip_space(b, p);
            let Some(&c) = b.get(p) else {
                return Ok(Next::Eof);
            };
            if c == b'>' {
                p += 1;
                break;
            }
            if c == b'/' {
                p += 1;
                match b.get(p) {
                    Some(b'>') => {
                        self_closing = true;
                        p += 1;
                        break;
                    }
                    None => return Ok(Next::Eof),
                    // A stray slash: the tag goes on.
                    Some(_) => continue,
                }
            }
            // An attribute name: its first char whatever it is (even `=`).
            let start = p;
            p += 1;
            while b
                .get(p)
                .is_some_and(|&c| !is_space(c) && !matches!(c, b'/' | b'>' | b'='))
            {
                p += 1;
            }
            let name_end = p;
            p = skip_space(b, p);
            let mut value = StrTendril::new();
            if b.get(p) == Some(&b'=') {
                p = skip_space(b, p + 1);
                match b.get(p) {
                    None => return Ok(Next::Eof),
                    Some(&q @ (b'"' | b'\'')) => {
                        let Some((v, after)) = self.value(p + 1, Some(q)) else {
                            return Ok(Next::Eof);
                        };
                        value = v;
                        p = after + 1;
                    }
                    // No value: the tag ends here.
                    Some(b'>') => {}
                    Some(_) => {
                        let Some((v, after)) = self.value(p, None) else {
                            return Ok(Next::Eof);
                        };
                        value = v;
                        p = after;
                    }
                }
            }
            let attr_name = self.atom(start, name_end);
            if attrs.iter().any(|a| a.name.local == attr_name) {
                duplicate = true;
            } else {
                attrs.push(Attribute {
                    name: QualName::new(None, html5ever::ns!(), attr_name),
                    value,
                });
            }
        }
        self.flush();
        let start_tag = kind == TagKind::StartTag;
        let token = Tag {
            kind,
            name: name.clone(),
            self_closing,
            attrs,
            had_duplicate_attributes: duplicate,
        };
        match self.tb.process_token(Token::TagToken(token), LINE) {
            TokenSinkResult::RawData(raw) if start_tag => self.raw(p, raw, &name),
            TokenSinkResult::RawData(_) | TokenSinkResult::Plaintext => Err(Bail),
            _ => Ok(Next::At(p)),
        }
    }

    /// An attribute value from `from`, up to `quote` or (unquoted) to a
    /// space or `>`, with its character references; and where it ends
    /// (at the quote, space or `>`). `None` at the end of the input.
    fn value(&self, from: usize, quote: Option<u8>) -> Option<(StrTendril, usize)> {
        let b = self.src.as_bytes();
        let mut value = StrTendril::new();
        let mut p = from;
        loop {
            let rest = b.get(p..).unwrap_or_default();
            let stop = match quote {
                Some(q) => memchr::memchr2(q, b'&', rest),
                None => rest
                    .iter()
                    .position(|&c| is_space(c) || c == b'>' || c == b'&'),
            }?;
            let at = p + stop;
            if value.is_empty() {
                value = self.slice(p, at);
            } else {
                value.push_tendril(&self.slice(p, at));
            }
            if b.get(at) != Some(&b'&') {
                return Some((value, at));
            }
            let r = self.char_ref(at + 1, true);
            push_ref(&mut value, &r);
            p = r.resume;
        }
    }

    /// Raw text (`<title>`, `<textarea>`, `<style>`, `<script>` and the
    /// like) from `from` up to the end tag of `name`, which it then reads.
    fn raw(&mut self, from: usize, kind: RawKind, name: &str) -> Result<Next, Bail> {
        let b = self.src.as_bytes();
        let refs = kind == RawKind::Rcdata;
        if !refs && kind != RawKind::Rawtext && kind != RawKind::ScriptData {
            return Err(Bail);
        }
        let mut p = from;
        loop {
            let rest = b.get(p..).unwrap_or_default();
            let hit = if refs {
                memchr::memchr2(b'<', b'&', rest)
            } else {
                memchr::memchr(b'<', rest)
            };
            let Some(at) = hit.map(|h| p + h) else {
                self.text(p, b.len());
                return Ok(Next::Eof);
            };
            self.text(p, at);
            if b.get(at) == Some(&b'&') {
                p = self.text_char_ref(at + 1);
                continue;
            }
            let after = b.get(at + 1..).unwrap_or_default();
            // A script's escaped states.
            if kind == RawKind::ScriptData && after.starts_with(b"!--") {
                return Err(Bail);
            }
            let n = name.len();
            let closes = after.first() == Some(&b'/')
                && after
                    .get(1..1 + n)
                    .is_some_and(|t| t.eq_ignore_ascii_case(name.as_bytes()))
                && after
                    .get(1 + n)
                    .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>');
            if closes {
                return self.tag(at + 2, TagKind::EndTag);
            }
            self.text(at, at + 1);
            p = at + 1;
        }
    }

    /// `src[from..to]` lower-cased (ASCII letters only) as an atom.
    fn atom(&self, from: usize, to: usize) -> LocalName {
        let s = self.src.get(from..to).unwrap_or_default();
        if s.bytes().any(|c| c.is_ascii_uppercase()) {
            let lower = s.to_ascii_lowercase();
            common_name(lower.as_bytes()).unwrap_or_else(|| LocalName::from(lower))
        } else {
            common_name(s.as_bytes()).unwrap_or_else(|| LocalName::from(s))
        }
    }

    /// The character reference after an `&`, `at` being just past it, as
    /// html5ever reads it (in an attribute value when `in_attr`).
    fn char_ref(&self, at: usize, in_attr: bool) -> CharRef {
        let b = self.src.as_bytes();
        match b.get(at) {
            Some(c) if c.is_ascii_alphanumeric() => self.named_ref(at, in_attr),
            Some(b'#') => numeric_ref(b, at + 1),
            _ => CharRef {
                chars: None,
                resume: at,
                error: false,
            },
        }
    }

    /// A named reference: the longest entity name the text starts with,
    /// found by growing the name while it is a prefix of one.
    fn named_ref(&self, at: usize, in_attr: bool) -> CharRef {
        let b = self.src.as_bytes();
        let entities = &html5ever::data::NAMED_ENTITIES;
        let mut p = at;
        let mut found: Option<(u32, u32, usize)> = None;
        // The char that ended the name (past the longest prefix), if any.
        let mut ended_by = None;
        while let Some(&c) = b.get(p) {
            p += 1;
            // Entity names are ASCII.
            let entry = if c.is_ascii() {
                self.src.get(at..p).and_then(|name| entities.get(name))
            } else {
                None
            };
            match entry {
                Some(&(c1, c2)) => {
                    // A prefix of a longer name maps to no chars.
                    if c1 != 0 {
                        found = Some((c1, c2, p));
                    }
                }
                None => {
                    ended_by = Some(c);
                    break;
                }
            }
        }
        let not_a_ref = |error| CharRef {
            chars: None,
            resume: at,
            error,
        };
        let Some((c1, c2, end)) = found else {
            let error = match ended_by {
                Some(c) if c.is_ascii_alphanumeric() => {
                    let mut q = p;
                    while b.get(q).is_some_and(u8::is_ascii_alphanumeric) {
                        q += 1;
                    }
                    b.get(q) == Some(&b';')
                }
                Some(b';') => true,
                _ => false,
            };
            return not_a_ref(error);
        };
        let with_semicolon = end > 0 && b.get(end - 1) == Some(&b';');
        let next = if end < p { b.get(end).copied() } else { None };
        if !with_semicolon
            && in_attr
            && next.is_some_and(|c| c == b'=' || c.is_ascii_alphanumeric())
        {
            return not_a_ref(false);
        }
        let first = char::from_u32(c1).unwrap_or('\u{FFFD}');
        let second = (c2 != 0).then(|| char::from_u32(c2).unwrap_or('\u{FFFD}'));
        CharRef {
            chars: Some((first, second)),
            resume: end,
            error: !with_semicolon,
        }
    }
}

/// A numeric reference whose `#` is just before `at`.
fn numeric_ref(b: &[u8], at: usize) -> CharRef {
    let (base, start) = match b.get(at) {
        Some(b'x' | b'X') => (16, at + 1),
        _ => (10, at),
    };
    let mut p = start;
    let mut n: u32 = 0;
    while let Some(d) = b.get(p).and_then(|&c| char::from(c).to_digit(base)) {
        n = n.saturating_mul(base).saturating_add(d);
        p += 1;
    }
    if p == start {
        // No digits: `&`, `#` and `x` are text.
        return CharRef {
            chars: None,
            resume: at - 1,
            error: true,
        };
    }
    let mut error = true;
    if b.get(p) == Some(&b';') {
        p += 1;
        error = false;
    }
    let replacement = '\u{FFFD}';
    let (c, bad) = match n {
        0 | 0xD800..=0xDFFF | 0x11_0000.. => (replacement, true),
        0x80..=0x9F => {
            let c1 = html5ever::data::C1_REPLACEMENTS
                .get((n - 0x80) as usize)
                .copied()
                .flatten();
            (
                c1.or_else(|| char::from_u32(n)).unwrap_or(replacement),
                true,
            )
        }
        0x01..=0x08 | 0x0B | 0x0D..=0x1F | 0x7F | 0xFDD0..=0xFDEF => {
            (char::from_u32(n).unwrap_or(replacement), true)
        }
        _ => (
            char::from_u32(n).unwrap_or(replacement),
            n & 0xFFFE == 0xFFFE,
        ),
    };
    CharRef {
        chars: Some((c, None)),
        resume: p,
        error: error || bad,
    }
}

/// The atoms of the names pages use most, matched without hashing (an
/// atom made from a string hashes it to look it up).
fn common_name(name: &[u8]) -> Option<LocalName> {
    use html5ever::local_name as n;
    Some(match name {
        b"a" => n!("a"),
        b"div" => n!("div"),
        b"span" => n!("span"),
        b"li" => n!("li"),
        b"p" => n!("p"),
        b"img" => n!("img"),
        b"ul" => n!("ul"),
        b"ol" => n!("ol"),
        b"meta" => n!("meta"),
        b"link" => n!("link"),
        b"script" => n!("script"),
        b"i" => n!("i"),
        b"svg" => n!("svg"),
        b"path" => n!("path"),
        b"br" => n!("br"),
        b"button" => n!("button"),
        b"input" => n!("input"),
        b"option" => n!("option"),
        b"strong" => n!("strong"),
        b"b" => n!("b"),
        b"em" => n!("em"),
        b"h1" => n!("h1"),
        b"h2" => n!("h2"),
        b"h3" => n!("h3"),
        b"h4" => n!("h4"),
        b"td" => n!("td"),
        b"tr" => n!("tr"),
        b"th" => n!("th"),
        b"table" => n!("table"),
        b"tbody" => n!("tbody"),
        b"source" => n!("source"),
        b"picture" => n!("picture"),
        b"noscript" => n!("noscript"),
        b"section" => n!("section"),
        b"article" => n!("article"),
        b"nav" => n!("nav"),
        b"header" => n!("header"),
        b"footer" => n!("footer"),
        b"form" => n!("form"),
        b"label" => n!("label"),
        b"figure" => n!("figure"),
        b"figcaption" => n!("figcaption"),
        b"time" => n!("time"),
        b"small" => n!("small"),
        b"style" => n!("style"),
        b"title" => n!("title"),
        b"main" => n!("main"),
        b"aside" => n!("aside"),
        b"iframe" => n!("iframe"),
        b"g" => n!("g"),
        b"use" => n!("use"),
        b"circle" => n!("circle"),
        b"rect" => n!("rect"),
        b"hr" => n!("hr"),
        b"u" => n!("u"),
        b"sup" => n!("sup"),
        b"select" => n!("select"),
        b"textarea" => n!("textarea"),
        b"body" => n!("body"),
        b"head" => n!("head"),
        b"html" => n!("html"),
        b"class" => n!("class"),
        b"href" => n!("href"),
        b"id" => n!("id"),
        b"rel" => n!("rel"),
        b"type" => n!("type"),
        b"name" => n!("name"),
        b"content" => n!("content"),
        b"role" => n!("role"),
        b"property" => n!("property"),
        b"value" => n!("value"),
        b"itemprop" => n!("itemprop"),
        b"itemscope" => n!("itemscope"),
        b"itemtype" => n!("itemtype"),
        b"lang" => n!("lang"),
        b"charset" => n!("charset"),
        b"action" => n!("action"),
        b"method" => n!("method"),
        b"for" => n!("for"),
        b"d" => n!("d"),
        b"viewbox" => n!("viewbox"),
        b"fill" => n!("fill"),
        b"stroke" => n!("stroke"),
        b"aria-hidden" => n!("aria-hidden"),
        b"aria-expanded" => n!("aria-expanded"),
        b"aria-controls" => n!("aria-controls"),
        b"datetime" => n!("datetime"),
        b"placeholder" => n!("placeholder"),
        b"autocomplete" => n!("autocomplete"),
        b"hidden" => n!("hidden"),
        b"clip-rule" => n!("clip-rule"),
        b"fill-rule" => n!("fill-rule"),
        b"xmlns:xlink" => n!("xmlns:xlink"),
        b"xlink:href" => n!("xlink:href"),
        b"version" => n!("version"),
        b"transform" => n!("transform"),
        b"stroke-width" => n!("stroke-width"),
        _ => return None,
    })
}

/// Appends what reference `r` stands for to `out`.
fn push_ref(out: &mut StrTendril, r: &CharRef) {
    match r.chars {
        Some((c, second)) => {
            out.push_char(c);
            if let Some(c) = second {
                out.push_char(c);
            }
        }
        None => out.push_char('&'),
    }
}

fn skip_space(b: &[u8], mut p: usize) -> usize {
    while b.get(p).copied().is_some_and(is_space) {
        p += 1;
    }
    p
}

#[cfg(test)]
mod tests {
    use super::super::{Dom, Payload, Tokenizer as By};
    use std::io::Read;

    /// Where the two parses of `html` differ, if they do: both plain and
    /// lean (skimmed) parses.
    fn difference(html: &str) -> Option<String> {
        for kept in [None, Some(&[][..])] {
            let fast = Dom::parse_by(html, kept, By::Fast);
            let reference = Dom::parse_by(html, kept, By::Html5ever);
            if let Some(d) = tree_difference(&fast, &reference) {
                return Some(format!("(lean: {}) {d}", kept.is_some()));
            }
        }
        None
    }

    fn tree_difference(a: &Dom, b: &Dom) -> Option<String> {
        for i in 0..a.len().max(b.len()) {
            let (Some(x), Some(y)) = (a.nodes.get(i), b.nodes.get(i)) else {
                return Some(format!("{} nodes vs {}", a.len(), b.len()));
            };
            let same_payload = match (&a.data[i], &b.data[i]) {
                (Payload::None, Payload::None) => true,
                (Payload::Text(s), Payload::Text(t)) => s == t,
                (Payload::Element { name: m, .. }, Payload::Element { name: n, .. }) => {
                    m == n && a.element_attrs(i) == b.element_attrs(i)
                }
                _ => false,
            };
            if x.parent != y.parent || x.kind != y.kind || !same_payload {
                return Some(format!(
                    "node {i}: {:?} {:?} {:?} vs {:?} {:?} {:?}",
                    x.kind,
                    a.element_name(i).or(a.text(i)),
                    a.element_attrs(i),
                    y.kind,
                    b.element_name(i).or(b.text(i)),
                    b.element_attrs(i)
                ));
            }
        }
        let ends = a
            .nodes
            .iter()
            .zip(&b.nodes)
            .position(|(x, y)| x.end != y.end);
        ends.map(|i| format!("node {i} ends differently"))
    }

    fn assert_same(html: &str) {
        if let Some(d) = difference(html) {
            panic!("{html:?}: {d}");
        }
    }

    /// Whether the fast tokenizer takes `html` itself.
    fn takes(html: &str) -> bool {
        super::parse(html, super::Sink::new(0, false)).is_some()
    }

    #[test]
    fn character_references_in_text_and_attributes() {
        for html in [
            "<p>a &amp; b &lt;c&gt; &quot;d&quot; &nbsp;e&copy f &notit; &notin; g</p>",
            "<p>&#65;&#x42;&#X43;&#0;&#128;&#x9F;&#xD800;&#x110000;&#99999999999;&#12a &#; &#x; &#</p>",
            "<p>&unknown; &zz &amp &ampx AT&T &1 &</p>",
            "<a href='?a=1&amp;b=2&copy=3&notit&not;x&lt=4' title=\"&quot;q&quot\" id=x&amp;y>l</a>",
            "<a title=&amp>x</a><a title=&ampx>y</a><a title=&amp=>z</a>",
            "<p>&NotNestedGreaterGreater; &acE; &nGt; &fjlig;</p>",
            "<p>caf&eacute; na&iuml;ve &#x1F600; &#55357;</p>",
        ] {
            assert!(takes(html), "{html}");
            assert_same(html);
        }
        let dom = Dom::parse("<a title='a&amp;b&copy=c'>x &amp y</a>");
        let a = dom.elements(super::super::Tag::A).next().unwrap();
        assert_eq!(dom.attr(a, "title"), Some("a&b&copy=c"));
        assert_eq!(dom.raw_text(a), "x & y");
    }

    #[test]
    fn newlines_and_the_newline_after_pre() {
        for html in [
            "<p>a\r\nb\rc\n\r</p><pre>\r\nx</pre><pre>\n\ny</pre><textarea>\r\nt</textarea>",
            "<pre>&#10;x</pre><pre>&#10x</pre><pre></>\nx</pre><pre><!---->\nx</pre>",
            "<listing>\nl</listing><pre>&NewLine;n</pre><div title='a\r\nb'>d</div>",
        ] {
            assert!(takes(html), "{html}");
            assert_same(html);
        }
        let dom = Dom::parse("<pre>\r\nx\r\ny</pre>");
        let pre = dom.elements(super::super::Tag::Pre).next().unwrap();
        assert_eq!(dom.raw_text(pre), "x\ny");
    }

    #[test]
    fn tags_at_the_end_of_the_input() {
        for html in [
            "<p>a<b",
            "<p>a<b c",
            "<p>a<b c=",
            "<p>a<b c='d",
            "<p>a<b c=d",
            "<p>a<b/",
            "<p>a</",
            "<p>a<",
            "<p>a</b",
            "<p>a<!--b",
            "<p>a<!-",
            "<p>a<!DOCTYPE",
            "<title>t</title",
            "<script>s</scrip",
            "<p>a&am",
            "<p>a&#x4",
        ] {
            assert_same(html);
        }
    }

    #[test]
    fn raw_text_end_tags() {
        for html in [
            "<script>a</scripts>b</script ><p>c",
            "<script>a</SCRIPT\n>b",
            "<script>a</script/>b<p>c",
            "<script>a</script x=1>b",
            "<title>a &amp; </titl></title>b",
            "<style>a</style\tfoo>b",
            "<textarea>a<b>&lt;</textarea>c",
            "<noscript><p>x</p></noscript>",
            "<iframe><p>x</iframe>y",
            "<xmp><p>&amp;</xmp>",
            "<svg><script>a<b>c</b></script></svg><p>d",
            "<script>if (a < b && c </ d) {}</script>e",
        ] {
            assert!(takes(html), "{html}");
            assert_same(html);
        }
        // Escaped script data is left to html5ever.
        assert!(!takes("<script><!-- </script> --></script>x"));
        assert_same("<script><!-- </script> --></script>x");
        assert_same("<script><!--<script>x</script>y--></script>z");
    }

    #[test]
    fn attributes() {
        for html in [
            "<P CLASS=A Id='b' data-X=\"c\">x</P>",
            "<p class=a class=b id=c ID=d>x</p>",
            "<p a b=c d = 'e' f= g h =i j=\"\" k=>x</p>",
            "<p a=b/c=d>x</p><p a/b>y</p><p / a>z</p>",
            "<p =a \"b' c<d x=`y` e=f\"g>x</p>",
            "<p a='b'c=d>x</p><p a=\"b\"/>y</p>",
            "<br/><br /><img src=x/><div/>t</div>",
            "<svg><path d='M0'/><circle/></svg>x",
            "<a<b>x</a<b><p\u{e9}t\u{e9}>y",
            "<p t\u{e9}st=\u{e9}t\u{e9}>x</p>",
            "</p a=b><p>x</p></br>",
        ] {
            assert!(takes(html), "{html}");
            assert_same(html);
        }
        let dom = Dom::parse("<P CLASS=A class=B>x</P>");
        let p = dom.elements(super::super::Tag::P).next().unwrap();
        assert_eq!(dom.attrs(p).collect::<Vec<_>>(), [("class", "A")]);
    }

    #[test]
    fn comments_doctypes_and_bogus_markup() {
        for html in [
            "<!DOCTYPE html><p>x",
            "<!doctype HTML ><p>x",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\"><table><p>x",
            "<!DOCTYPE HTML PUBLIC '-//W3C//DTD HTML 4.01 Transitional//EN'><p>x<table>",
            "<!DOCTYPE html SYSTEM \"about:legacy-compat\"><p>x",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.0//EN\"><p>x",
            "<!----><!-- a -- b --><!--->x<!-->y<!-- c --!>z<!-- <!-- d --->w",
            "<!-- a --!x -- b -->v",
            "<!x><?xml version='1.0'?></ x><p>y",
            "<p>a<!>b</>c< d<3</3>",
        ] {
            assert!(takes(html), "{html}");
            assert_same(html);
        }
        for html in [
            "<!DOCTYPE><p>x",
            "<!DOCTYPE html junk><p>x",
            "<!DOCTYPE html PUBLIC \"a>b\"><p>x",
            "<svg><![CDATA[x]]></svg>",
            "<plaintext><p>x",
            "<p>a\0b",
            "<p>a</p>\u{FEFF}<p>b",
        ] {
            assert!(!takes(html), "{html}");
            assert_same(html);
        }
        assert!(takes("\u{FEFF}<p>x"));
        assert_same("\u{FEFF}<p>x");
    }

    #[test]
    fn misnested_and_table_markup() {
        for html in [
            "<table><tr><td>a</td></tr>stray <b>x</b></table>",
            "<b>1<p>2</b>3</p>",
            "<table> \n <tr> <td>a</td> </tr> </table>",
            "<template><p>t</p></template><p>x",
            "<head> <title>t</title> </head> x <body>y",
            "<select><option>a<option>b</select><frameset>",
        ] {
            assert!(takes(html), "{html}");
            assert_same(html);
        }
    }

    /// Markup made of random pieces of tags, references, raw text, comments
    /// and doctypes, `count` pages of it from `seed`, each parsed both ways.
    fn random_markup(seed: u64, count: usize) -> Vec<String> {
        const PIECES: [&str; 74] = [
            "<",
            ">",
            "/",
            "</",
            "<!",
            "<!--",
            "-->",
            "-",
            "--!>",
            "<?",
            "=",
            "\"",
            "'",
            " ",
            "\n",
            "\r",
            "\r\n",
            "\t",
            "p",
            "P",
            "a",
            "b",
            "div",
            "pre",
            "textarea",
            "title",
            "script",
            "style",
            "table",
            "td",
            "tr",
            "svg",
            "math",
            "template",
            "select",
            "option",
            "&",
            "amp",
            "amp;",
            "not",
            "notin;",
            "#",
            "x",
            "41",
            "128",
            ";",
            "é",
            "😀",
            "class",
            "id",
            "href",
            "x=",
            "DOCTYPE",
            "html",
            "PUBLIC",
            "<p>",
            "</p>",
            "<br/>",
            "</script>",
            "<![CDATA[",
            "&#x",
            "&#",
            "<title>",
            "<textarea>",
            "<style>",
            "<noscript>",
            "<table>",
            "<a href=",
            "<!DOCTYPE html>",
            "<pre>\n",
            "</>",
            "<xmp>",
            "<iframe>",
            "</b>",
        ];
        let mut state = seed;
        let mut next = move || {
            // xorshift64*: the same pages on every run.
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            state.wrapping_mul(0x2545_F491_4F6C_DD1D)
        };
        (0..count)
            .map(|_| {
                let len = 1 + next() % 40;
                (0..len)
                    .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn random_markup_parses_the_same_with_both_tokenizers() {
        let pages = random_markup(0x5EED, 3000);
        let taken = pages.iter().filter(|p| takes(p)).count();
        for page in &pages {
            assert_same(page);
        }
        // Most random pages are in the fast tokenizer's subset.
        assert!(taken * 2 > pages.len(), "{taken} of {}", pages.len());
    }

    /// Many more random pages: `cargo test --release -- --ignored random`.
    #[test]
    #[ignore]
    fn many_random_pages_parse_the_same() {
        for seed in 1..=200 {
            for page in random_markup(seed, 5000) {
                assert_same(&page);
            }
        }
    }

    /// Every `.htm*` file under `dir`, sorted.
    fn pages_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut files = Vec::new();
        let mut dirs = vec![dir.to_path_buf()];
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in entries.flatten() {
                let path = e.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.to_string_lossy().contains(".htm") {
                    files.push(path);
                }
            }
        }
        files.sort();
        files
    }

    /// Pages the project holds: the corpus cases, and the benchmark sets
    /// beside the repository when they are there (one wcxb page in
    /// [`WCXB_SAMPLE`], to keep the test quick in a debug build).
    #[test]
    fn pages_parse_the_same_with_both_tokenizers() {
        const WCXB_SAMPLE: usize = 8;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let bench = root.join("../shared/bench");
        let mut files = pages_under(&root.join("corpus"));
        files.extend(pages_under(&bench.join("scrapinghub-dev/html")));
        let wcxb = pages_under(&bench.join("wcxb-dev/html"));
        files.extend(wcxb.into_iter().step_by(WCXB_SAMPLE));
        assert!(!files.is_empty());
        let (mut taken, mut failures) = (0, Vec::new());
        for path in &files {
            let raw = std::fs::read(path).unwrap();
            let bytes = if path.extension().is_some_and(|e| e == "gz") {
                let mut out = Vec::new();
                flate2::read::MultiGzDecoder::new(&raw[..])
                    .read_to_end(&mut out)
                    .unwrap();
                out
            } else {
                raw
            };
            let text = crate::decode::decode(&bytes, None, true).text;
            taken += usize::from(takes(&text));
            if let Some(d) = difference(&text) {
                failures.push(format!("{}: {d}", path.display()));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        // The fast tokenizer must take the pages, not leave them all.
        assert!(taken * 10 >= files.len() * 9, "{taken} of {}", files.len());
    }
}
