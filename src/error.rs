//! The library's one error type.
//!
//! A page that simply has no article is not an error (it yields
//! [`Status::Empty`](crate::Status::Empty)); errors are for documents that
//! cannot be processed at all.

/// Why a document could not be cleaned.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than the cleaner's size limit.
    #[error("input is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// A user rule could not be compiled.
    #[error("invalid rule `{id}`: {reason}")]
    InvalidRule {
        /// The rule's id.
        id: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A rules file has a bad entry (or is not valid TOML).
    #[error("{file}:{line}:{column}: {message}")]
    RulesFile {
        /// The file, as given.
        file: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A rules file could not be read.
    #[error("cannot read rules file {file}: {source}")]
    RulesRead {
        /// The file, as given.
        file: String,
        /// Why.
        source: std::io::Error,
    },
}
