//! Checks a draft with the real validator, against the shipped content, and
//! says which field each problem is about.

use super::{Draft, Field, SourceField, StepField, Written, file_name, journey_id};
use crate::diagnostic::codes;
use crate::diagnostic::{Diagnostic, Severity};
use crate::journey::Network;
use crate::source::{self, Loaded};
use std::ops::Range;

/// The shipped journey files, read once: the draft is checked as one more
/// file among them, exactly as `tubemap check` would see it in a pull
/// request.
pub struct ShippedContent {
    files: Vec<(String, Vec<u8>)>,
    /// The shipped network, for picking stations and taken ids.
    pub network: Network,
}

impl ShippedContent {
    /// Loads the shipped files, given as (path, contents).
    pub fn new(files: Vec<(String, Vec<u8>)>) -> ShippedContent {
        let loaded = load(files.iter().cloned(), None);
        ShippedContent {
            files,
            network: loaded.network,
        }
    }
}

/// One problem the validator found in a draft, placed on its field.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldProblem {
    /// The field it is about.
    pub field: Field,
    /// Error (the pull request would be rejected) or warning.
    pub severity: Severity,
    /// The diagnostic code, as `tubemap check` prints it.
    pub code: &'static str,
    /// What is wrong, in the validator's words.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

/// Writes `draft` and checks it, in `year`, as the next file of the
/// shipped content. Returns the file and its problems, in file order.
pub fn check(draft: &Draft, shipped: &ShippedContent, year: u16) -> (Written, Vec<FieldProblem>) {
    let id = journey_id(&draft.name, &shipped.network);
    let written = draft.write(&id);
    let path = file_name(draft, &id);
    let draft_file = (path.clone(), written.text.clone().into_bytes());
    let loaded = load(
        shipped
            .files
            .iter()
            .cloned()
            .chain(std::iter::once(draft_file)),
        Some(year),
    );
    let mine = loaded
        .files
        .iter()
        .find(|(_, file)| file.path == path)
        .map(|(id, _)| id);
    let problems = loaded
        .diagnostics
        .into_iter()
        .filter(|d| Some(d.file) == mine)
        .map(|d| place(d, &written))
        .collect();
    (written, problems)
}

fn load(files: impl IntoIterator<Item = (String, Vec<u8>)>, year: Option<u16>) -> Loaded {
    source::load_sources_in_year(files.into_iter().map(|(p, b)| (p, Ok(b))), year)
}

fn place(diagnostic: Diagnostic, written: &Written) -> FieldProblem {
    let at_span = || {
        diagnostic
            .span
            .as_ref()
            .map_or(Field::Journey, |span| field_at(span, written))
    };
    // Two problems point at a whole table, not at the field they are about.
    let field = if diagnostic.code == codes::TOO_FEW_STEPS.name {
        Field::Steps
    } else if diagnostic.code == codes::MISSING_KEY.name {
        missing_key_field(&diagnostic.message).unwrap_or_else(at_span)
    } else {
        at_span()
    };
    FieldProblem {
        field,
        severity: diagnostic.severity,
        code: diagnostic.code,
        message: diagnostic.message,
        hint: diagnostic.hint,
    }
}

/// The journey key a `missing-key` message names ("a journey has no
/// `headline`"), as a field; `None` for keys of a step or a source, which
/// the span places.
fn missing_key_field(message: &str) -> Option<Field> {
    let key = message
        .strip_prefix("a journey has no `")?
        .strip_suffix('`')?;
    Some(match key {
        "id" | "name" => Field::Name,
        "headline" => Field::Headline,
        "sector" => Field::Sector,
        "story" => Field::Story,
        "source" => Field::Source(SourceField::Kind),
        "step" => Field::Steps,
        _ => Field::Journey,
    })
}

/// The innermost field whose value holds the start of `span`; else the
/// step whose table it falls in; else the journey.
fn field_at(span: &Range<usize>, written: &Written) -> Field {
    let at = span.start;
    if let Some((field, _)) = written
        .fields
        .iter()
        .filter(|(_, range)| range.contains(&at))
        .min_by_key(|(_, range)| range.len())
    {
        return *field;
    }
    match written.steps.iter().rposition(|&start| start <= at) {
        Some(step) => Field::Step(step, StepField::Position),
        None => Field::Journey,
    }
}
