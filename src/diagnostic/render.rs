use super::{Diagnostic, Severity, SourceFiles};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// Whether rendered diagnostics use terminal colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Plain text: files, snapshots, CI logs.
    Plain,
    /// ANSI colours for a terminal.
    Coloured,
}

/// Renders a diagnostic for people: `file:line:column`, the offending line
/// with a caret under the span, what is wrong and a hint.
pub fn render_human(diagnostic: &Diagnostic, files: &SourceFiles, style: Style) -> String {
    let file = files.get(diagnostic.file);
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level
        .primary_title(diagnostic.message.as_str())
        .id(diagnostic.code);
    let group = match &diagnostic.span {
        Some(span) if !file.text.is_empty() => {
            let span = clamp(span.clone(), &file.text);
            let mut annotation = AnnotationKind::Primary.span(span);
            if let Some(label) = &diagnostic.label {
                annotation = annotation.label(label.as_str());
            }
            title.element(
                Snippet::source(file.text.as_str())
                    .path(file.path.as_str())
                    .annotation(annotation),
            )
        }
        _ => title.element(annotate_snippets::Origin::path(file.path.as_str())),
    };
    let mut report = vec![group];
    if let Some(hint) = &diagnostic.hint {
        report.push(Group::with_title(
            Level::HELP.secondary_title(hint.as_str()),
        ));
    }
    let renderer = match style {
        Style::Plain => Renderer::plain(),
        Style::Coloured => Renderer::styled(),
    };
    renderer.render(&report)
}

/// Renders diagnostics as a JSON array for machines, with 1-based line and
/// column.
pub fn render_json(diagnostics: &[Diagnostic], files: &SourceFiles) -> String {
    let items: Vec<_> = diagnostics
        .iter()
        .map(|d| {
            let file = files.get(d.file);
            let location = d.span.as_ref().map(|s| file.location(s));
            serde_json::json!({
                "severity": d.severity,
                "code": d.code,
                "file": file.path,
                "line": location.map(|l| l.line),
                "column": location.map(|l| l.column),
                "span": d.span.as_ref().map(|s| [s.start, s.end]),
                "message": d.message,
                "label": d.label,
                "hint": d.hint,
            })
        })
        .collect();
    serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_owned())
}

/// Keeps a span inside the text and on character boundaries, so a span from
/// any parser can never make rendering panic.
fn clamp(span: std::ops::Range<usize>, text: &str) -> std::ops::Range<usize> {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start);
    let end = floor(span.end.max(span.start)).max(start);
    start..end
}
