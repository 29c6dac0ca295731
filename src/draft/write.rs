//! Writes a draft as the journey file `tubemap check` reads, laid out like
//! the shipped files, remembering where each field's value went so that a
//! problem found in the file can be shown next to its field.

use super::{Draft, DraftPosition, Field, ProposalField, SourceField, StepField};
use crate::journey::Network;
use std::ops::Range;
use toml_writer::{ToTomlValue, TomlStringBuilder};

/// A draft written out as a journey file.
#[derive(Clone, Debug, PartialEq)]
pub struct Written {
    /// The file, exactly as it would be committed.
    pub text: String,
    /// Where each field's value is in `text`; a field left empty has none.
    pub fields: Vec<(Field, Range<usize>)>,
    /// Where each step's table starts, so a problem about a whole step
    /// (such as a step no line or connection takes) finds its step.
    pub steps: Vec<usize>,
    /// The tables written for a proposed station, with the field a problem
    /// about a whole table is about: the `[[position]]` its title, the
    /// `[[branch]]` and any `[[connection]]` its line.
    pub tables: Vec<(Field, Range<usize>)>,
}

impl Draft {
    /// The journey file for this draft, with `id` as the journey's id; the
    /// shipped network gives proposed stations their ids and levels.
    pub fn write(&self, id: &str, shipped: &Network) -> Written {
        let ids = self.step_ids(shipped);
        let mut out = Writer::default();
        out.text
            .push_str("#:schema ../journey.schema.json\n\n[[journey]]\n");
        out.key_string("id", id, Field::Name);
        out.key_string("name", &self.name, Field::Name);
        out.key_string("headline", &self.headline, Field::Headline);
        out.key_string("sector", &self.sector, Field::Sector);
        out.key_number("started", &self.started, Field::Started);
        out.key_string("story", &self.story, Field::Story);
        self.write_source(&mut out);
        for (index, step) in self.steps.iter().enumerate() {
            out.steps.push(out.text.len());
            out.text.push_str("\n[[journey.step]]\n");
            let field = |f| Field::Step(index, f);
            out.key_string("position", &ids[index], field(StepField::Position));
            out.key_number("years", &step.years, field(StepField::Years));
            out.key_string("note", &step.note, field(StepField::Note));
        }
        for (index, step) in self.steps.iter().enumerate() {
            if let Some(proposal) = &step.proposed {
                let joining = self.joining(index, &ids, shipped);
                out.proposal(index, &ids[index], proposal, &joining);
            }
        }
        Written {
            text: out.text,
            fields: out.fields,
            steps: out.steps,
            tables: out.tables,
        }
    }

    /// `source = { kind = …, title = …, … }` on one line, as the shipped
    /// files have it; nothing when no kind is chosen yet, so the validator
    /// says the source is missing.
    fn write_source(&self, out: &mut Writer) {
        let source = &self.source;
        if source.kind.trim().is_empty() {
            return;
        }
        out.text.push_str("source = ");
        let table = out.text.len();
        out.text.push_str("{ ");
        out.value_string("kind", &source.kind, Field::Source(SourceField::Kind));
        // The page's fields only for a published story: what was typed
        // before choosing another kind stays on the form, not in the file.
        match source.kind.trim() {
            "published" => Self::write_citation(out, source),
            "own" if source.consent => out.text.push_str(", consent = true"),
            _ => {}
        }
        out.text.push_str(" }");
        // The whole table too: a problem with the source as a whole
        // ("a published source needs a url") shows at its kind.
        let whole = (Field::Source(SourceField::Kind), table..out.text.len());
        out.fields.push(whole);
        out.text.push('\n');
    }
}

impl Draft {
    fn write_citation(out: &mut Writer, source: &super::DraftSource) {
        let rest = [
            ("title", &source.title, SourceField::Title),
            ("publisher", &source.publisher, SourceField::Publisher),
            ("url", &source.url, SourceField::Url),
        ];
        for (key, value, field) in rest {
            if !value.trim().is_empty() {
                out.text.push_str(", ");
                out.value_string(key, value, Field::Source(field));
            }
        }
        if !source.year.trim().is_empty() {
            out.text.push_str(", ");
            out.value_number("year", &source.year, Field::Source(SourceField::Year));
        }
    }
}

#[derive(Default)]
struct Writer {
    text: String,
    fields: Vec<(Field, Range<usize>)>,
    steps: Vec<usize>,
    tables: Vec<(Field, Range<usize>)>,
}

impl Writer {
    /// The proposed station at step `index`: its `[[position]]`, the
    /// `[[branch]]` that puts it on its line, and a `[[connection]]` for
    /// each step the line cannot take.
    fn proposal(&mut self, index: usize, id: &str, p: &DraftPosition, joining: &super::Joining) {
        let field = |f| Field::Proposal(index, f);
        let start = self.text.len();
        self.text.push_str("\n[[position]]\n");
        self.key_string("id", id, field(ProposalField::Title));
        self.key_string("title", &p.title, field(ProposalField::Title));
        self.key_string("kind", &p.kind, field(ProposalField::Kind));
        self.key_number("level", &p.level, field(ProposalField::Level));
        if !p.sector.trim().is_empty() {
            self.text.push_str("sectors = [");
            let quoted = TomlStringBuilder::new(p.sector.trim())
                .as_basic()
                .to_toml_value();
            let at = self.text.len();
            self.text.push_str(&quoted);
            self.fields
                .push((field(ProposalField::Sector), at..self.text.len()));
            self.text.push_str("]\n");
        }
        self.key_string(
            "description",
            &p.description,
            field(ProposalField::Description),
        );
        if !p.salary.is_empty() {
            // Only what is filled in: the validator then asks for the rest,
            // each at its own field.
            let s = &p.salary;
            let parts = [
                ("min", &s.min, ProposalField::SalaryMin),
                ("max", &s.max, ProposalField::SalaryMax),
                ("source", &s.source, ProposalField::SalarySource),
                ("url", &s.url, ProposalField::SalaryUrl),
                ("year", &s.year, ProposalField::SalaryYear),
            ];
            self.text.push_str("salary = {");
            let mut first = true;
            for (key, value, f) in parts.into_iter().filter(|(_, v, _)| !v.trim().is_empty()) {
                self.text.push_str(if first { " " } else { ", " });
                first = false;
                match f {
                    ProposalField::SalarySource | ProposalField::SalaryUrl => {
                        self.value_string(key, value, field(f))
                    }
                    _ => self.value_number(key, value, field(f)),
                }
            }
            self.text.push_str(" }\n");
        }
        self.tables
            .push((field(ProposalField::Title), start..self.text.len()));
        let start = self.text.len();
        self.text.push_str("\n[[branch]]\n");
        self.key_string("line", &p.line, field(ProposalField::Line));
        self.text.push_str("stations = [");
        for (i, station) in joining.branch.iter().enumerate() {
            if i > 0 {
                self.text.push_str(", ");
            }
            self.text.push_str(
                &TomlStringBuilder::new(station.as_str())
                    .as_basic()
                    .to_toml_value(),
            );
        }
        self.text.push_str("]\n");
        for (from, to) in &joining.connections {
            self.text.push_str("\n[[connection]]\n");
            self.key_string("from", from, field(ProposalField::Line));
            self.key_string("to", to, field(ProposalField::Line));
        }
        self.tables
            .push((field(ProposalField::Line), start..self.text.len()));
    }

    /// `key = "value"` on its own line; nothing if the value is empty, so
    /// the validator reports a missing key rather than an empty one.
    fn key_string(&mut self, key: &str, value: &str, field: Field) {
        if value.trim().is_empty() {
            return;
        }
        self.value_string(key, value, field);
        self.text.push('\n');
    }

    fn key_number(&mut self, key: &str, value: &str, field: Field) {
        if value.trim().is_empty() {
            return;
        }
        self.value_number(key, value, field);
        self.text.push('\n');
    }

    fn value_string(&mut self, key: &str, value: &str, field: Field) {
        let quoted = TomlStringBuilder::new(value.trim())
            .as_basic()
            .to_toml_value();
        self.pair(key, &quoted, field);
    }

    /// A number as a number; anything else as text, so the validator's
    /// "expected a number" message reaches the person.
    fn value_number(&mut self, key: &str, value: &str, field: Field) {
        let value = value.trim();
        match value.parse::<f64>() {
            Ok(number) if number.is_finite() => self.pair(key, &number.to_string(), field),
            _ => self.value_string(key, value, field),
        }
    }

    fn pair(&mut self, key: &str, value: &str, field: Field) {
        self.text.push_str(key);
        self.text.push_str(" = ");
        let start = self.text.len();
        self.text.push_str(value);
        self.fields.push((field, start..self.text.len()));
    }
}
