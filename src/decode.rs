//! Decode stage: bytes → [`Decoded`].
//!
//! Follows the browser's order: byte-order mark, then the charset the caller
//! knows (HTTP header, WARC record), then a `<meta charset>` prescan of the
//! first 1024 bytes, then a statistical guess (chardetng), then UTF-8.
//! Never fails: invalid bytes become U+FFFD. The result says which encoding
//! was used and which source decided it.

use encoding_rs::Encoding;

/// How many leading bytes the `<meta>` prescan reads, as browsers do.
const PRESCAN_BYTES: usize = 1024;
/// How many bytes chardetng sees; enough for a confident guess, bounded cost.
const GUESS_BYTES: usize = 64 * 1024;

/// Which source decided the encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharsetSource {
    /// A byte-order mark.
    Bom,
    /// The caller (HTTP `Content-Type`, WARC header, `--charset`).
    Caller,
    /// `<meta charset>` or `<meta http-equiv="Content-Type">`.
    Meta,
    /// chardetng's statistical guess.
    Guess,
    /// The input was valid UTF-8 (or nothing else applied).
    Default,
    /// A legacy charset was declared, but the bytes are valid UTF-8 with
    /// multibyte sequences: pages that declare one and send the other.
    ValidUtf8,
}

/// Decoded page text.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, with invalid sequences replaced by U+FFFD.
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// Which source decided it.
    pub source: CharsetSource,
}

/// Decodes `bytes`. `caller_charset` is a label the caller knows from outside
/// the document (an HTTP header); `sniff_meta` enables the `<meta>` prescan
/// (off for plain text).
///
/// ```
/// let d = deboiler::decode::decode(b"<meta charset=latin1><p>caf\xe9</p>", None, true);
/// assert_eq!(d.encoding.name(), "windows-1252");
/// assert!(d.text.contains("café"));
/// ```
pub fn decode(bytes: &[u8], caller_charset: Option<&str>, sniff_meta: bool) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return finish(&bytes[bom_len..], encoding, CharsetSource::Bom);
    }
    let declared = caller_charset
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .map(|e| (e, CharsetSource::Caller))
        .or_else(|| {
            sniff_meta
                .then(|| prescan_meta(&bytes[..bytes.len().min(PRESCAN_BYTES)]))
                .flatten()
                .map(|e| (e, CharsetSource::Meta))
        });
    if let Some((encoding, source)) = declared {
        let encoding = ascii_compatible(encoding);
        if encoding != encoding_rs::UTF_8 && is_multibyte_utf8(bytes) {
            return finish(bytes, encoding_rs::UTF_8, CharsetSource::ValidUtf8);
        }
        return finish(bytes, encoding, source);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return finish(bytes, encoding_rs::UTF_8, CharsetSource::Default);
    }
    let mut detector = chardetng::EncodingDetector::new();
    let sample = &bytes[..bytes.len().min(GUESS_BYTES)];
    detector.feed(sample, sample.len() == bytes.len());
    let guess = detector.guess(None, true);
    finish(bytes, guess, CharsetSource::Guess)
}

/// Whether `bytes` are valid UTF-8 holding at least one multibyte sequence.
/// Legacy-encoded text with non-ASCII letters is almost never valid UTF-8.
fn is_multibyte_utf8(bytes: &[u8]) -> bool {
    !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok()
}

/// A page that declares UTF-16 in `<meta>` is ASCII-compatible bytes by
/// construction (the declaration was readable), so browsers use UTF-8.
fn ascii_compatible(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        encoding_rs::UTF_8
    } else {
        encoding
    }
}

fn finish(bytes: &[u8], encoding: &'static Encoding, source: CharsetSource) -> Decoded {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding,
        source,
    }
}

/// Finds `charset=` in a `<meta>` tag within the first bytes, as the HTML
/// standard's prescan does (simplified: attribute values are scanned as text).
fn prescan_meta(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(cs) = find(tag, b"charset") {
            let rest = &tag[cs + b"charset".len()..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label_end = rest
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..label_end]) {
                    return Some(enc);
                }
            }
        }
        from = end.max(start + 1);
        if from >= lower.len() {
            break;
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins_over_meta() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<meta charset=\"windows-1252\"><p>é</p>".as_bytes());
        let d = decode(&bytes, Some("iso-8859-2"), true);
        assert_eq!(d.source, CharsetSource::Bom);
        assert!(d.text.contains('é'));
    }

    #[test]
    fn caller_charset_wins_over_meta() {
        let d = decode(b"<meta charset=utf-8><p>\xe9</p>", Some("latin1"), true);
        assert_eq!(d.source, CharsetSource::Caller);
        assert!(d.text.contains('é'));
    }

    #[test]
    fn http_equiv_content_type() {
        let d = decode(
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>\xe9</p>",
            None,
            true,
        );
        assert_eq!(d.source, CharsetSource::Meta);
        assert_eq!(d.encoding.name(), "windows-1252");
    }

    #[test]
    fn guess_shift_jis_without_declaration() {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS
            .encode("<p>日本語のテキストです。東京都の天気は晴れでした。</p>");
        let d = decode(&bytes, None, true);
        assert_eq!(d.source, CharsetSource::Guess);
        assert!(d.text.contains("東京都"));
    }

    #[test]
    fn utf8_bytes_under_a_legacy_declaration_are_utf8() {
        let page = "<meta charset=iso-8859-1><p>Günstige Tarife für alle</p>";
        let d = decode(page.as_bytes(), None, true);
        assert_eq!(d.source, CharsetSource::ValidUtf8);
        assert!(d.text.contains("Günstige Tarife für"));
        // Real Latin-1 bytes stay Latin-1.
        let d = decode(b"<meta charset=iso-8859-1><p>G\xfcnstige</p>", None, true);
        assert_eq!(d.source, CharsetSource::Meta);
        assert!(d.text.contains("Günstige"));
    }

    #[test]
    fn invalid_bytes_become_replacement() {
        let d = decode(b"<meta charset=utf-8>\xff\xfe ok", None, true);
        assert!(d.text.contains('\u{FFFD}'));
    }
}
