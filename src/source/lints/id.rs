use crate::diagnostic::{Diagnostic, FileId, SourceFiles, codes};
use std::collections::HashMap;
use toml::Spanned;

/// Ids are kebab-case so they read well in URLs and never need escaping.
pub fn check_form(id: &Spanned<String>, file: FileId, diagnostics: &mut Vec<Diagnostic>) {
    let text = id.get_ref();
    let ok = !text.is_empty()
        && text.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if !ok {
        let suggestion = kebab(text);
        let mut d = Diagnostic::new(
            &codes::BAD_ID,
            file,
            Some(id.span()),
            format!("the id `{text}` is not kebab-case"),
        )
        .with_label("lowercase letters, digits and single hyphens only");
        d = d.with_hint(if suggestion.is_empty() {
            "Write the id in lowercase words joined by hyphens, e.g. \"site-manager\".".to_owned()
        } else {
            format!("Write it as \"{suggestion}\".")
        });
        diagnostics.push(d);
    }
}

/// Where each id was first defined, to report the second definition.
///
/// Only the file and offset are kept: turning them into a line number scans
/// the file, which is done for duplicates alone, not for every id.
#[derive(Debug, Default)]
pub struct FirstDefinitions {
    seen: HashMap<String, (FileId, usize)>,
}

impl FirstDefinitions {
    /// Records `id`; if it was seen before, reports a duplicate and returns false.
    pub fn claim(
        &mut self,
        what: &str,
        id: &Spanned<String>,
        file: FileId,
        files: &SourceFiles,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> bool {
        if let Some(&(first_file, offset)) = self.seen.get(id.get_ref()) {
            let source = files.get(first_file);
            let (path, line) = (&source.path, source.location(&(offset..offset)).line);
            diagnostics.push(
                Diagnostic::new(&codes::DUPLICATE_ID, file, Some(id.span()), format!("two {what}s have the id `{}`", id.get_ref()))
                    .with_label(format!("first used in {path} on line {line}"))
                    .with_hint(format!("Ids must be unique across all files: rename this one, or delete it if the {what} in {path} is the same.")),
            );
            return false;
        }
        self.seen
            .insert(id.get_ref().clone(), (file, id.span().start));
        true
    }
}

/// `text` as an id: lowercase ASCII words joined by hyphens.
pub(crate) fn kebab(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}
