//! Reading inputs: files, `-` for stdin, gzip by magic bytes.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result};

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Reads a file (or stdin for `-`), gunzipping when the bytes are gzip.
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    let raw = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("cannot read standard input")?;
        buf
    } else {
        std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?
    };
    maybe_gunzip(raw).with_context(|| format!("cannot decompress {}", path.display()))
}

/// Gunzips `bytes` if they start with the gzip magic number.
pub fn maybe_gunzip(bytes: Vec<u8>) -> std::io::Result<Vec<u8>> {
    if bytes.starts_with(&GZIP_MAGIC) {
        let mut out = Vec::with_capacity(bytes.len() * 4);
        flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut out)?;
        Ok(out)
    } else {
        Ok(bytes)
    }
}
