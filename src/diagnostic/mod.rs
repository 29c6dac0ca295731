//! Problems found in journey files, with where they are and what to do.
//!
//! The core produces [`Diagnostic`]s as plain data; this module also renders
//! them for people (a caret under the span, like rustc and cargo) and for
//! machines (JSON). Rendering is the edge: nothing in the core formats text
//! for a terminal.

pub mod codes;
mod render;
mod source;

pub use codes::Code;
pub use render::{Style, render_human, render_json};
pub use source::{FileId, Location, SourceFile, SourceFiles};

use std::ops::Range;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The content still loads but should be fixed; shipped content has none.
    Warning,
    /// The entry is left out of the map; `tubemap check` exits 1.
    Error,
}

/// One problem in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The name of its [`Code`], such as `unknown-key`.
    pub code: &'static str,
    /// The file it is in.
    pub file: FileId,
    /// The bytes it is about; `None` for the whole file.
    pub span: Option<Range<usize>>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// A short label under the caret.
    pub label: Option<String>,
    /// One thing a content editor can do about it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A problem of kind `code` about `span` in `file`; its severity is
    /// the code's ([`codes`]).
    pub fn new(
        code: &'static Code,
        file: FileId,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: code.severity,
            code: code.name,
            file,
            span,
            message: message.into(),
            label: None,
            hint: None,
        }
    }

    /// Adds the label shown under the caret.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds the hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
