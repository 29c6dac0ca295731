//! One file's text → its entries, with every syntax and shape problem.

use super::document::{
    ADDED_BRANCH, AddedBranchDoc, CONNECTION, ConnectionDoc, FILE, JOURNEY, JourneyDoc, LINE,
    LineDoc, POSITION, PositionDoc, TableShape,
};
use super::suggest::closest;
use crate::diagnostic::{Diagnostic, FileId, codes};
use serde::Deserialize;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The entries of one file that have the right shape, plus the ids of those
/// that did not (so references to them are not reported twice).
#[derive(Debug, Default)]
pub struct ParsedFile {
    /// `[[position]]` entries that read cleanly.
    pub positions: Vec<PositionDoc>,
    /// `[[line]]` entries that read cleanly.
    pub lines: Vec<LineDoc>,
    /// `[[connection]]` entries that read cleanly.
    pub connections: Vec<ConnectionDoc>,
    /// `[[journey]]` entries that read cleanly.
    pub journeys: Vec<JourneyDoc>,
    /// Top-level `[[branch]]` entries that read cleanly.
    pub branches: Vec<AddedBranchDoc>,
    /// Ids of entries that could not be read.
    pub broken_ids: Vec<String>,
}

/// Parses one file. Never stops at the first problem: every entry is read on
/// its own, so one bad entry does not hide the others.
pub fn parse_file(file: FileId, text: &str, diagnostics: &mut Vec<Diagnostic>) -> ParsedFile {
    let (root, errors) = DeTable::parse_recoverable(text);
    let syntax_broken = !errors.is_empty();
    for error in errors {
        let message = first_line(error.message());
        let hint = if message.contains("duplicate key") {
            "This key is already set in the same table: keep one of the two lines. A new entry starts with its own [[position]] or [[journey]] line."
        } else {
            "Check quotes, brackets and `=` on this line; text values go in \"double quotes\"."
        };
        diagnostics.push(
            Diagnostic::new(
                &codes::SYNTAX,
                file,
                error.span(),
                format!("this is not valid TOML: {message}"),
            )
            .with_hint(hint),
        );
    }
    let mut parsed = ParsedFile::default();
    if syntax_broken {
        // Recovery keeps a guess at the rest of the file; checking that guess
        // would report problems the author never wrote. Fix the syntax first,
        // and meanwhile do not report steps naming this file's positions.
        parsed.broken_ids = ids_in(root.get_ref());
        return parsed;
    }
    let root_span = root.span();
    let mut root = DeValue::Table(root.into_inner());
    if !check_keys(&mut root, root_span, &FILE, file, diagnostics) {
        return parsed;
    }
    let DeValue::Table(root) = root else {
        return parsed;
    };
    for (key, value) in root {
        let kind = key.get_ref().as_ref();
        let shape = match kind {
            "position" => &POSITION,
            "line" => &LINE,
            "connection" => &CONNECTION,
            "branch" => &ADDED_BRANCH,
            _ => &JOURNEY,
        };
        let Some(entries) = array_of_tables(value, shape, file, diagnostics) else {
            continue;
        };
        for entry in entries {
            let id = entry
                .get_ref()
                .get("id")
                .and_then(|v| v.get_ref().as_str())
                .map(str::to_owned);
            match read_entry(entry, shape, file, diagnostics) {
                Some(Entry::Position(doc)) => parsed.positions.push(*doc),
                Some(Entry::Line(doc)) => parsed.lines.push(*doc),
                Some(Entry::Connection(doc)) => parsed.connections.push(*doc),
                Some(Entry::Journey(doc)) => parsed.journeys.push(*doc),
                Some(Entry::Branch(doc)) => parsed.branches.push(*doc),
                None => parsed.broken_ids.extend(id),
            }
        }
    }
    parsed
}

/// The ids of every `[[position]]` entry in a (possibly partial) file.
fn ids_in(root: &DeTable<'_>) -> Vec<String> {
    let entries = root
        .iter()
        .filter(|(k, _)| k.get_ref() == "position")
        .filter_map(|(_, v)| v.get_ref().as_array());
    entries
        .flat_map(|items| items.iter())
        .filter_map(|item| {
            item.get_ref()
                .get("id")
                .and_then(|id| id.get_ref().as_str())
                .map(str::to_owned)
        })
        .collect()
}

enum Entry {
    Position(Box<PositionDoc>),
    Line(Box<LineDoc>),
    Connection(Box<ConnectionDoc>),
    Journey(Box<JourneyDoc>),
    Branch(Box<AddedBranchDoc>),
}

fn read_entry(
    entry: Spanned<DeValue<'_>>,
    shape: &TableShape,
    file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Entry> {
    let span = entry.span();
    let mut value = entry.into_inner();
    if !check_keys(&mut value, span.clone(), shape, file, diagnostics) {
        return None;
    }
    let entry = Spanned::new(span.clone(), value);
    let value = toml::de::ValueDeserializer::from(entry);
    let result = match shape.name {
        "position" => PositionDoc::deserialize(value).map(|d| Entry::Position(Box::new(d))),
        "line" => LineDoc::deserialize(value).map(|d| Entry::Line(Box::new(d))),
        "connection" => ConnectionDoc::deserialize(value).map(|d| Entry::Connection(Box::new(d))),
        "branch" => AddedBranchDoc::deserialize(value).map(|d| Entry::Branch(Box::new(d))),
        _ => JourneyDoc::deserialize(value).map(|d| Entry::Journey(Box::new(d))),
    };
    match result {
        Ok(entry) => Some(entry),
        Err(error) => {
            diagnostics.push(type_error(&error, span, shape, file));
            None
        }
    }
}

/// Checks a table's keys against its shape, recursively. Unknown keys are
/// reported and removed (so the entry can still be read); a missing required
/// key makes the entry unreadable. Returns whether the entry can be read.
fn check_keys(
    value: &mut DeValue<'_>,
    span: Range<usize>,
    shape: &TableShape,
    file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let DeValue::Table(table) = value else {
        diagnostics.push(
            Diagnostic::new(
                &codes::WRONG_TYPE,
                file,
                Some(span),
                format!("`{}` should be a table", shape.name),
            )
            .with_hint(format!(
                "Write it as a table: [[{}]] on its own line, then one `key = value` per line.",
                shape.name
            )),
        );
        return false;
    };
    let unknown: Vec<_> = table
        .keys()
        .filter(|k| !shape.keys.contains(&k.get_ref().as_ref()))
        .cloned()
        .collect();
    for key in unknown {
        let value = table.remove(&key);
        let name = key.get_ref().as_ref();
        let hint = match closest(name, shape.keys.iter().copied()) {
            Some(near) => {
                // Read on as if spelt right, so the rest of the entry is still
                // checked; the error below keeps the check failing.
                let taken = table.keys().any(|k| k.get_ref() == near);
                if let (false, Some(value)) = (taken, value) {
                    table.insert(
                        Spanned::new(key.span(), std::borrow::Cow::Borrowed(near)),
                        value,
                    );
                }
                format!("Did you mean `{near}`? Check the spelling of the key.")
            }
            None => format!(
                "Keys allowed in {}: {}.",
                article(shape.name),
                shape.keys.join(", ")
            ),
        };
        diagnostics.push(
            Diagnostic::new(
                &codes::UNKNOWN_KEY,
                file,
                Some(key.span()),
                format!("unknown key `{name}` in {}", article(shape.name)),
            )
            .with_label("not a key this table has")
            .with_hint(hint),
        );
    }
    let mut readable = true;
    for required in shape.required {
        if !table.keys().any(|k| k.get_ref() == required) {
            readable = false;
            diagnostics.push(
                Diagnostic::new(
                    &codes::MISSING_KEY,
                    file,
                    Some(span.clone()),
                    format!("{} has no `{required}`", article(shape.name)),
                )
                .with_label(format!("`{required}` is required here"))
                .with_hint(missing_hint(shape.name, required)),
            );
        }
    }
    for (key, nested) in shape.nested {
        let Some(child) = table
            .iter_mut()
            .find(|(k, _)| k.get_ref() == key)
            .map(|(_, v)| v)
        else {
            continue;
        };
        let child_span = child.span();
        match child.get_mut() {
            DeValue::Array(items) => {
                for item in items.iter_mut() {
                    let item_span = item.span();
                    readable &= check_keys(item.get_mut(), item_span, nested, file, diagnostics);
                }
            }
            other => readable &= check_keys(other, child_span, nested, file, diagnostics),
        }
    }
    readable
}

/// The entries of a `[[table]]` array, by value: each is read once, so
/// there is no need to copy it.
fn array_of_tables<'i>(
    value: Spanned<DeValue<'i>>,
    shape: &TableShape,
    file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<Spanned<DeValue<'i>>>> {
    let span = value.span();
    match value.into_inner() {
        DeValue::Array(items) => Some(items.into_iter().collect()),
        _ => {
            diagnostics.push(
                Diagnostic::new(
                    &codes::WRONG_TYPE,
                    file,
                    Some(span),
                    format!("`{}` should be a list of tables", shape.name),
                )
                .with_hint(format!(
                    "Start each entry with [[{}]] on its own line.",
                    shape.name
                )),
            );
            None
        }
    }
}

fn type_error(
    error: &toml::de::Error,
    entry_span: Range<usize>,
    shape: &TableShape,
    file: FileId,
) -> Diagnostic {
    let message = first_line(error.message());
    let hint = if let Some((typed, allowed)) = unknown_variant(message) {
        match closest(typed, allowed.iter().copied()) {
            Some(near) => format!("Did you mean \"{near}\"? Values are lowercase, with hyphens."),
            None => format!("Use one of: {}.", allowed.join(", ")),
        }
    } else if message.contains("invalid type") {
        "Text goes in \"double quotes\"; numbers, true and false do not; lists go in [square brackets].".to_owned()
    } else {
        format!(
            "See journeys/README.md for what {} holds.",
            article(shape.name)
        )
    };
    Diagnostic::new(
        &codes::WRONG_VALUE,
        file,
        Some(error.span().unwrap_or(entry_span)),
        format!("wrong value in {}: {message}", article(shape.name)),
    )
    .with_hint(hint)
}

/// Splits serde's "unknown variant `x`, expected one of `a`, `b`" into the
/// typed value and the allowed ones.
fn unknown_variant(message: &str) -> Option<(&str, Vec<&str>)> {
    let rest = message.strip_prefix("unknown variant `")?;
    let (typed, rest) = rest.split_once('`')?;
    let allowed = rest.split('`').skip(1).step_by(2).collect();
    Some((typed, allowed))
}

fn missing_hint(table: &str, key: &str) -> String {
    match (table, key) {
        ("salary", "source" | "url" | "year") => {
            "Every salary says where the figures come from, the page's address and for which year, e.g. source = \"National Careers Service job profile: Bricklayer\", url = \"https://nationalcareers.service.gov.uk/job-profiles/bricklayer\" and year = 2025.".to_owned()
        }
        ("step", _) => "Each [[journey.step]] needs `position = \"some-position-id\"`.".to_owned(),
        _ => format!("Add a line `{key} = ...` to this {table}; journeys/README.md shows an example."),
    }
}

fn article(name: &str) -> String {
    match name {
        "file" => "a journey file".to_owned(),
        _ => format!("a {name}"),
    }
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message).trim_end()
}
