//! WARC framing, as Common Crawl publishes it: a stream (usually one gzip
//! member per record, read here through one multi-member decoder) of
//! `WARC/1.x` header blocks, each followed by `Content-Length` bytes of
//! content and a blank line.
//!
//! Pages are `response` records, whose content is an HTTP response whose
//! `Content-Type` says whether it is HTML and which charset it is in, and
//! `conversion` records, the plain text of a page that Common Crawl's WET
//! files hold (UTF-8, cleaned as scraped text). `warcinfo`, `request`,
//! `metadata`, `revisit` and other records are read past without being held
//! in memory.

use std::io::{self, BufRead, Read};

/// Extra room over `--max-bytes` for the HTTP header block of a response.
const HTTP_HEADER_ROOM: u64 = 256 * 1024;

/// What the next WARC record turned out to be.
#[derive(Debug)]
pub enum WarcItem {
    /// An HTML (or untyped) HTTP response, or a WET conversion record's text.
    Response {
        id: String,
        url: Option<String>,
        charset: Option<String>,
        body: Vec<u8>,
        /// A conversion record: the page's text, not its HTML.
        text: bool,
    },
    /// A response that is not HTML (skipped and counted).
    NotHtml,
    /// A record that is not a response.
    Ignored,
    /// A response that cannot be used (too large, bad HTTP framing).
    Failed {
        id: Option<String>,
        url: Option<String>,
        error: String,
    },
    /// The stream is broken: no further record can be found.
    Fatal(String),
}

/// Reads WARC records one at a time.
pub struct WarcReader<R> {
    reader: R,
    max_bytes: usize,
    records: u64,
    line: Vec<u8>,
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(reader: R, max_bytes: usize) -> Self {
        WarcReader {
            reader,
            max_bytes,
            records: 0,
            line: Vec::new(),
        }
    }

    /// How many WARC records were seen so far (the current one included).
    pub fn records(&self) -> u64 {
        self.records
    }

    /// The next record, or `None` at the end of the stream.
    pub fn next_item(&mut self) -> Option<WarcItem> {
        match self.next_inner() {
            Ok(item) => item,
            Err(e) => Some(WarcItem::Fatal(format!("cannot read WARC record: {e}"))),
        }
    }

    fn next_inner(&mut self) -> io::Result<Option<WarcItem>> {
        // Skip the blank lines that end the previous record.
        loop {
            if !self.read_line()? {
                return Ok(None);
            }
            if !self.line.iter().all(u8::is_ascii_whitespace) {
                break;
            }
        }
        self.records += 1;
        if !self.line.starts_with(b"WARC/") {
            return Ok(Some(WarcItem::Fatal(format!(
                "record {} does not start with a WARC/ version line",
                self.records
            ))));
        }
        let mut warc_type = String::new();
        let mut id = None;
        let mut url = None;
        let mut length: Option<u64> = None;
        loop {
            if !self.read_line()? {
                return Ok(Some(WarcItem::Fatal(
                    "stream ends inside a WARC header".into(),
                )));
            }
            let line = trim_eol(&self.line);
            if line.is_empty() {
                break;
            }
            let Some((name, value)) = split_header(line) else {
                continue;
            };
            match name.to_ascii_lowercase().as_str() {
                "warc-type" => warc_type = value.to_ascii_lowercase(),
                "warc-record-id" => id = Some(value.to_string()),
                "warc-target-uri" => url = Some(value.trim_matches(['<', '>']).to_string()),
                "content-length" => length = value.parse().ok(),
                _ => {}
            }
        }
        let Some(length) = length else {
            return Ok(Some(WarcItem::Fatal(format!(
                "record {} has no valid Content-Length",
                self.records
            ))));
        };
        if warc_type != "response" && warc_type != "conversion" {
            self.discard(length)?;
            return Ok(Some(WarcItem::Ignored));
        }
        let id = id.unwrap_or_else(|| format!("record-{}", self.records));
        if length > self.max_bytes as u64 + HTTP_HEADER_ROOM {
            self.discard(length)?;
            return Ok(Some(WarcItem::Failed {
                id: Some(id),
                url,
                error: format!(
                    "{warc_type} of {length} bytes is over --max-bytes ({} bytes)",
                    self.max_bytes
                ),
            }));
        }
        let mut block = Vec::with_capacity(length as usize);
        (&mut self.reader).take(length).read_to_end(&mut block)?;
        if (block.len() as u64) < length {
            return Ok(Some(WarcItem::Fatal(format!(
                "record {id} is truncated ({} of {length} bytes)",
                block.len()
            ))));
        }
        if warc_type == "conversion" {
            // WET text is UTF-8 by Common Crawl's definition.
            return Ok(Some(WarcItem::Response {
                id,
                url,
                charset: Some("utf-8".to_owned()),
                body: block,
                text: true,
            }));
        }
        Ok(Some(http_response(block, id, url)))
    }

    /// Reads one line (with its line ending) into `self.line`; false at EOF.
    fn read_line(&mut self) -> io::Result<bool> {
        self.line.clear();
        // Header lines are short; a runaway "line" means this is not WARC.
        let n = (&mut self.reader)
            .take(64 * 1024)
            .read_until(b'\n', &mut self.line)?;
        Ok(n > 0)
    }

    fn discard(&mut self, length: u64) -> io::Result<()> {
        let copied = io::copy(&mut (&mut self.reader).take(length), &mut io::sink())?;
        if copied < length {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "stream ends inside a WARC record",
            ));
        }
        Ok(())
    }
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn split_header(line: &[u8]) -> Option<(&str, &str)> {
    let line = std::str::from_utf8(line).ok()?;
    let (name, value) = line.split_once(':')?;
    Some((name.trim(), value.trim()))
}

/// Splits an HTTP response into headers and body; decides HTML-ness and charset.
fn http_response(mut block: Vec<u8>, id: String, url: Option<String>) -> WarcItem {
    let Some((head_len, body_start)) = find_header_end(&block) else {
        return WarcItem::Failed {
            id: Some(id),
            url,
            error: "HTTP response has no end of headers".into(),
        };
    };
    let mut content_type = None;
    let mut chunked = false;
    let mut gzip = false;
    for line in block[..head_len].split(|&b| b == b'\n').skip(1) {
        let Some((name, value)) = split_header(trim_eol(line)) else {
            continue;
        };
        let value_lower = value.to_ascii_lowercase();
        match name.to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(value_lower),
            // Common Crawl stores payloads decoded and renames these headers
            // to X-Crawler-*; other crawlers may keep the transfer form.
            "transfer-encoding" => chunked = value_lower.contains("chunked"),
            "content-encoding" => gzip = value_lower.contains("gzip"),
            _ => {}
        }
    }
    if let Some(ct) = &content_type {
        if !ct.contains("html") {
            return WarcItem::NotHtml;
        }
    }
    let charset = content_type.as_deref().and_then(charset_param);
    let mut body = block.split_off(body_start);
    drop(block);
    if chunked {
        match dechunk(&body) {
            Some(b) => body = b,
            None => {
                return WarcItem::Failed {
                    id: Some(id),
                    url,
                    error: "bad chunked transfer encoding".into(),
                }
            }
        }
    }
    if gzip && body.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        if let Err(e) = flate2::read::MultiGzDecoder::new(&body[..]).read_to_end(&mut out) {
            return WarcItem::Failed {
                id: Some(id),
                url,
                error: format!("cannot gunzip the HTTP body: {e}"),
            };
        }
        body = out;
    }
    WarcItem::Response {
        id,
        url,
        charset,
        body,
        text: false,
    }
}

/// (end of the header lines, start of the body).
fn find_header_end(block: &[u8]) -> Option<(usize, usize)> {
    let crlf = block.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = block.windows(2).position(|w| w == b"\n\n");
    match (crlf, lf) {
        (Some(c), Some(l)) if l < c => Some((l, l + 2)),
        (Some(c), _) => Some((c, c + 4)),
        (None, Some(l)) => Some((l, l + 2)),
        (None, None) => None,
    }
}

/// `text/html; charset="ISO-8859-1"` -> `iso-8859-1`.
fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        (name.trim() == "charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    })
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let eol = data.iter().position(|&b| b == b'\n')?;
        let size_line = std::str::from_utf8(&data[..eol]).ok()?;
        let size_hex = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        data = &data[eol + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, id: &str, extra: &str, content: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: {id}\r\n{extra}Content-Length: {}\r\n\r\n",
            content.len()
        )
        .into_bytes();
        r.extend_from_slice(content);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    #[test]
    fn reads_responses_and_skips_the_rest() {
        let mut data = record("warcinfo", "<urn:1>", "", b"software: test\r\n");
        data.extend(record(
            "response",
            "<urn:2>",
            "WARC-Target-URI: https://a.example/x\r\n",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\n\r\n<p>caf\xe9</p>",
        ));
        data.extend(record(
            "response",
            "<urn:3>",
            "",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        data.extend(record(
            "response",
            "<urn:4>",
            "",
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n<p>\r\n2\r\nhi\r\n0\r\n\r\n",
        ));
        let mut r = WarcReader::new(&data[..], 1 << 20);
        assert!(matches!(r.next_item(), Some(WarcItem::Ignored)));
        match r.next_item() {
            Some(WarcItem::Response {
                id,
                url,
                charset,
                body,
                text,
            }) => {
                assert!(!text);
                assert_eq!(id, "<urn:2>");
                assert_eq!(url.as_deref(), Some("https://a.example/x"));
                assert_eq!(charset.as_deref(), Some("iso-8859-1"));
                assert_eq!(body, b"<p>caf\xe9</p>");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(r.next_item(), Some(WarcItem::NotHtml)));
        match r.next_item() {
            Some(WarcItem::Response { body, charset, .. }) => {
                assert_eq!(body, b"<p>hi");
                assert_eq!(charset, None);
            }
            other => panic!("{other:?}"),
        }
        assert!(r.next_item().is_none());
        assert_eq!(r.records(), 4);
    }

    #[test]
    fn reads_wet_conversion_records_as_text() {
        let mut data = record("warcinfo", "<urn:0>", "", b"software: test\r\n");
        data.extend(record(
            "conversion",
            "<urn:5>",
            "WARC-Target-URI: https://a.example/y\r\nContent-Type: text/plain\r\n",
            "Headline\nA paragraph of text, caf\u{e9}.".as_bytes(),
        ));
        let mut r = WarcReader::new(&data[..], 1 << 20);
        assert!(matches!(r.next_item(), Some(WarcItem::Ignored)));
        match r.next_item() {
            Some(WarcItem::Response {
                id,
                url,
                charset,
                body,
                text,
            }) => {
                assert!(text);
                assert_eq!(id, "<urn:5>");
                assert_eq!(url.as_deref(), Some("https://a.example/y"));
                assert_eq!(charset.as_deref(), Some("utf-8"));
                assert_eq!(body, "Headline\nA paragraph of text, caf\u{e9}.".as_bytes());
            }
            other => panic!("{other:?}"),
        }
        assert!(r.next_item().is_none());
    }

    #[test]
    fn too_large_and_garbage() {
        let data = record("response", "<urn:1>", "", &vec![b'x'; 300 * 1024]);
        let mut r = WarcReader::new(&data[..], 10);
        assert!(matches!(r.next_item(), Some(WarcItem::Failed { .. })));
        assert!(r.next_item().is_none());
        let mut r = WarcReader::new(&b"hello\n"[..], 10);
        assert!(matches!(r.next_item(), Some(WarcItem::Fatal(_))));
    }
}
