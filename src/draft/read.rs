//! Reads back a file written by [`Draft::write`], as kept in local storage.
//!
//! The file is read as a plain TOML table and each field picked out by
//! hand: typed structs would each add their own copy of the TOML reader's
//! code to the editor page (about 3 KB gzipped apiece), where one table
//! reader serves them all.

use super::{Draft, DraftPosition, DraftSalary, DraftSource, DraftStep};
use toml::{Table, Value};

impl Draft {
    /// Reads back a file written by [`Draft::write`]. Lenient: a field that
    /// is missing or of another type is left empty rather than losing the
    /// rest. `None` if the text is not TOML with a `[[journey]]` at all.
    pub fn read(text: &str) -> Option<Draft> {
        let file: Table = toml::from_str(text).ok()?;
        let journey = *tables(&file, "journey").first()?;
        let empty = Table::new();
        let source = journey
            .get("source")
            .and_then(Value::as_table)
            .unwrap_or(&empty);
        let proposals = tables(&file, "position");
        let branches = tables(&file, "branch");
        let steps = tables(journey, "step")
            .into_iter()
            .map(|step| {
                let position = text_of(step, "position");
                let proposed = proposals
                    .iter()
                    .find(|p| text_of(p, "id") == position)
                    .map(|p| proposal(p, &position, &branches));
                DraftStep {
                    // A proposal's id is made from its title again.
                    position: if proposed.is_some() {
                        String::new()
                    } else {
                        position
                    },
                    proposed,
                    years: loose_text(step.get("years")),
                    note: text_of(step, "note"),
                }
            })
            .collect();
        Some(Draft {
            name: text_of(journey, "name"),
            headline: text_of(journey, "headline"),
            sector: text_of(journey, "sector"),
            started: loose_text(journey.get("started")),
            story: text_of(journey, "story"),
            source: DraftSource {
                kind: text_of(source, "kind"),
                title: text_of(source, "title"),
                publisher: text_of(source, "publisher"),
                url: text_of(source, "url"),
                year: loose_text(source.get("year")),
                consent: source.get("consent") == Some(&Value::Boolean(true)),
            },
            steps,
        })
    }
}

/// The proposal `id` back as typed, with the line of the branch it is on.
fn proposal(table: &Table, id: &str, branches: &[&Table]) -> DraftPosition {
    let on_branch = |b: &&&Table| {
        b.get("stations")
            .and_then(Value::as_array)
            .is_some_and(|s| s.iter().any(|s| s.as_str() == Some(id)))
    };
    let line = branches
        .iter()
        .find(on_branch)
        .map(|b| text_of(b, "line"))
        .unwrap_or_default();
    let sector = table
        .get("sectors")
        .and_then(Value::as_array)
        .and_then(|s| s.first())
        .and_then(Value::as_str)
        .unwrap_or_default();
    let empty = Table::new();
    let salary = table
        .get("salary")
        .and_then(Value::as_table)
        .unwrap_or(&empty);
    DraftPosition {
        title: text_of(table, "title"),
        kind: text_of(table, "kind"),
        level: loose_text(table.get("level")),
        sector: sector.to_owned(),
        description: text_of(table, "description"),
        line,
        salary: DraftSalary {
            min: loose_text(salary.get("min")),
            max: loose_text(salary.get("max")),
            source: text_of(salary, "source"),
            url: text_of(salary, "url"),
            year: loose_text(salary.get("year")),
        },
    }
}

/// The tables of the array of tables `key`.
fn tables<'a>(table: &'a Table, key: &str) -> Vec<&'a Table> {
    table
        .get(key)
        .and_then(Value::as_array)
        .map(|items| items.iter().filter_map(Value::as_table).collect())
        .unwrap_or_default()
}

fn text_of(table: &Table, key: &str) -> String {
    table
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// A number or a string read back as the text that was typed.
fn loose_text(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(text)) => text.clone(),
        Some(Value::Integer(n)) => n.to_string(),
        Some(Value::Float(x)) => x.to_string(),
        _ => String::new(),
    }
}
