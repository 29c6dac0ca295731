use crate::diagnostic::{Diagnostic, FileId, codes};
use crate::journey::Level;
use crate::source::document::LevelValue;
use toml::Spanned;

/// A level is "entry" or an RQF level 1–8.
pub fn check(
    level: &Spanned<LevelValue>,
    file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Level> {
    match *level.get_ref() {
        LevelValue::Entry => Some(Level::ENTRY),
        LevelValue::Number(n) => match Level::rqf(n) {
            Ok(level) => Some(level),
            Err(error) => {
                diagnostics.push(
                    Diagnostic::new(&codes::BAD_LEVEL, file, Some(level.span()), error.to_string())
                        .with_label("out of range")
                        .with_hint("Use the RQF level from 1 to 8 (for example GCSE grades 9 to 4 are Level 2, A levels Level 3, a degree Level 6), or \"entry\"."),
                );
                None
            }
        },
    }
}
