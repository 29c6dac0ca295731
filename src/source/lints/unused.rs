use crate::diagnostic::{Diagnostic, FileId};
use std::collections::HashSet;
use std::ops::Range;

/// A position no journey passes through is a station with no line: warn.
pub fn check(
    position: &str,
    used: &HashSet<&str>,
    file: FileId,
    span: Range<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if !used.contains(position) {
        diagnostics.push(
            Diagnostic::warning(
                "unused-position",
                file,
                Some(span),
                format!("no journey goes through the position `{position}`"),
            )
            .with_label("not on any line")
            .with_hint(
                "Add it as a [[journey.step]] of a journey that went through it, or delete it.",
            ),
        );
    }
}
