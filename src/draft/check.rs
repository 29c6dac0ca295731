//! Checks a draft with the real validator, against the shipped content, and
//! says which field each problem is about.

use super::{Draft, Field, ProposalField, SourceField, StepField, Written, file_name, journey_id};
use crate::diagnostic::codes;
use crate::diagnostic::{Diagnostic, Severity, SourceFiles};
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

/// The name of the packed journey files the editor page downloads.
pub const SOURCES_FILE: &str = "journey-sources.bin";

impl ShippedContent {
    /// The files of a load, packed for the editor page ([`SOURCES_FILE`]).
    pub fn pack(files: &SourceFiles) -> Result<Vec<u8>, postcard::Error> {
        let files: Vec<(&str, &str)> = files
            .iter()
            .map(|(_, f)| (f.path.as_str(), f.text.as_str()))
            .collect();
        postcard::to_allocvec(&files)
    }

    /// Unpacks and loads files packed by [`ShippedContent::pack`].
    pub fn unpack(bytes: &[u8]) -> Result<ShippedContent, postcard::Error> {
        let files: Vec<(String, String)> = postcard::from_bytes(bytes)?;
        Ok(ShippedContent::new(
            files
                .into_iter()
                .map(|(p, t)| (p, t.into_bytes()))
                .collect(),
        ))
    }

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

impl FieldProblem {
    /// `diagnostic`, put at `field` in the form's own words: the file's
    /// words (and the hint saying what to write in it) would not fit a
    /// form.
    fn reworded(diagnostic: &Diagnostic, field: Field, message: &str) -> FieldProblem {
        FieldProblem {
            field,
            severity: diagnostic.severity,
            code: diagnostic.code,
            message: message.to_owned(),
            hint: None,
        }
    }
}

/// Writes `draft` and checks it, in `year`, as the next file of the
/// shipped content. Returns the file and its problems, in file order.
pub fn check(draft: &Draft, shipped: &ShippedContent, year: u16) -> (Written, Vec<FieldProblem>) {
    let id = journey_id(&draft.name, &shipped.network);
    let written = draft.write(&id, &shipped.network);
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
    let mut problems: Vec<FieldProblem> = loaded
        .diagnostics
        .into_iter()
        .filter(|d| Some(d.file) == mine)
        .map(|d| place(d, &written))
        .collect();
    // The validator counts steps only once the journey's other keys are
    // there; a form fills in any order, so say it as soon as it is true.
    if draft.steps.len() < 2 && !problems.iter().any(|p| p.field == Field::Steps) {
        problems.push(FieldProblem {
            field: Field::Steps,
            severity: Severity::Error,
            code: codes::TOO_FEW_STEPS.name,
            message: "Add at least two steps.".to_owned(),
            hint: None,
        });
    }
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
    // Three problems point at a whole table, not at the field they are about.
    let field = if diagnostic.code == codes::TOO_FEW_STEPS.name {
        Field::Steps
    } else if diagnostic.message == source::OWN_STORY_NEEDS_CONSENT {
        return FieldProblem::reworded(
            &diagnostic,
            Field::Source(SourceField::Consent),
            "Tick this once the person has agreed: an own story needs their consent.",
        );
    } else if diagnostic.code == codes::MISSING_KEY.name {
        let missing = missing_key_field(&diagnostic.message)
            .or_else(|| missing_proposal_field(&diagnostic, written));
        match missing {
            // The validator's hint says which line to add to the file; on
            // the form, the empty field is the whole story.
            Some(field) => {
                let message = match field {
                    Field::Sector
                    | Field::Source(_)
                    | Field::Proposal(
                        _,
                        ProposalField::Kind
                        | ProposalField::Level
                        | ProposalField::Sector
                        | ProposalField::Line,
                    ) => "Choose one.",
                    Field::Steps => "Add at least two steps.",
                    _ => "Fill this in.",
                };
                return FieldProblem::reworded(&diagnostic, field, message);
            }
            None => at_span(),
        }
    } else {
        at_span()
    };
    if let Some(message) = joining_in_plain_words(field, diagnostic.code) {
        return FieldProblem::reworded(&diagnostic, field, message);
    }
    // Pay typed as words: the validator would name a Rust type ("invalid
    // type: string, expected u32").
    if diagnostic.code == codes::WRONG_VALUE.name
        && let Field::Proposal(_, ProposalField::SalaryMin | ProposalField::SalaryMax) = field
    {
        return FieldProblem::reworded(&diagnostic, field, "Type a number, like 24000.");
    }
    FieldProblem {
        field,
        severity: diagnostic.severity,
        code: diagnostic.code,
        message: diagnostic.message,
        hint: diagnostic.hint,
    }
}

/// What the branch problems of a proposed station mean on the form, where
/// the person chose a line, not a list of stations.
fn joining_in_plain_words(field: Field, code: &str) -> Option<&'static str> {
    if !matches!(field, Field::Proposal(_, ProposalField::Line)) {
        return None;
    }
    if code == codes::BRANCH_OFF_LINE.name {
        Some(
            "This line stops at neither the step before it nor the step after it: choose a line that does.",
        )
    } else if code == codes::TOO_FEW_STATIONS.name {
        Some(
            "A new station joins its line at the step before or after it: add one of those steps first.",
        )
    } else {
        None
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

/// The key a `missing-key` message about a proposed station's table names
/// ("a position has no `kind`"), as that proposal's field.
fn missing_proposal_field(diagnostic: &Diagnostic, written: &Written) -> Option<Field> {
    let Field::Proposal(step, _) = diagnostic
        .span
        .as_ref()
        .map(|span| field_at(span, written))?
    else {
        return None;
    };
    let (table, rest) = diagnostic.message.split_once(" has no `")?;
    let key = rest.strip_suffix('`')?;
    Some(Field::Proposal(
        step,
        match table {
            "a branch" | "a connection" => ProposalField::Line,
            _ => ProposalField::of_key(key),
        },
    ))
}

/// The innermost field whose value holds the start of `span`; else the
/// proposed station's table it falls in; else the step whose table it
/// falls in; else the journey.
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
    if let Some((field, _)) = written.tables.iter().find(|(_, range)| range.contains(&at)) {
        return *field;
    }
    match written.steps.iter().rposition(|&start| start <= at) {
        Some(step) => Field::Step(step, StepField::Position),
        None => Field::Journey,
    }
}
