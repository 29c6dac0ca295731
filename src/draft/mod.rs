//! A journey being written in the editor page ("Add your journey"): the
//! fields a person fills in, the journey file they make, and which field
//! each of the validator's problems is about.
//!
//! Every field is kept as typed, text included where the file wants a
//! number: the file is written as it stands and the real validator
//! ([`check`]) explains what is wrong, so the editor never has rules of
//! its own that could drift from `tubemap check`.

mod check;
mod propose;
mod read;
mod send;
mod write;

pub use check::{FieldProblem, SOURCES_FILE, ShippedContent, check};
pub use propose::{DraftPosition, DraftSalary, Joining, ProposalField};
pub use send::{file_name, journey_id, pull_request_url};
pub use write::Written;

use crate::journey::PositionIndex;

/// The journey as the person has filled it in so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    /// First name (or a made-up one for an example).
    pub name: String,
    /// One line: where they started and where they are now.
    pub headline: String,
    /// "construction", "digital" or "general"; empty until chosen.
    pub sector: String,
    /// The year the first step began, as typed.
    pub started: String,
    /// The story, in the person's own words.
    pub story: String,
    /// Where the journey comes from.
    pub source: DraftSource,
    /// The stops, in order.
    pub steps: Vec<DraftStep>,
}

/// How a draft journey is sourced (the journey format's `source`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DraftSource {
    /// "published", "own" or "example"; empty until chosen.
    pub kind: String,
    /// The published page's title.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Where it is (https).
    pub url: String,
    /// The year it was published, as typed.
    pub year: String,
    /// For an own story: the person agreed to it being published (and a
    /// parent or carer too, if they are under 18).
    pub consent: bool,
}

/// One stop of a draft journey.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DraftStep {
    /// The id of a position on the map; unused for a proposed station,
    /// whose id is made from its title ([`Draft::step_ids`]).
    pub position: String,
    /// A station the map does not have yet, proposed with the journey.
    pub proposed: Option<DraftPosition>,
    /// How many years they spent there, as typed.
    pub years: String,
    /// What they did there.
    pub note: String,
}

/// The part of a draft a problem is about, so the editor can show it next
/// to that field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The journey as a whole (also what an unplaceable problem is about).
    Journey,
    /// The name (which also makes the id).
    Name,
    /// The headline.
    Headline,
    /// The sector.
    Sector,
    /// The year started.
    Started,
    /// The story.
    Story,
    /// How it is sourced, or one of the source's fields.
    Source(SourceField),
    /// The list of steps as a whole ("at least two").
    Steps,
    /// One step's field, by index.
    Step(usize, StepField),
    /// A field of the station proposed at a step, by the step's index.
    Proposal(usize, ProposalField),
}

/// A field of [`DraftSource`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceField {
    /// Published or example.
    Kind,
    /// The page's title.
    Title,
    /// The publisher.
    Publisher,
    /// The link.
    Url,
    /// The year published.
    Year,
    /// An own story's consent.
    Consent,
}

/// A field of [`DraftStep`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepField {
    /// The station.
    Position,
    /// The years.
    Years,
    /// The note.
    Note,
}

/// Which fields the person has been to, so a problem shows once they have
/// had a go at its field (or asked to see every problem), not as a wall of
/// errors on an empty form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attention {
    touched: Vec<Field>,
    /// Show every problem: the person asked, or came back to a saved draft.
    pub all: bool,
}

impl Attention {
    /// Notes that the person edited `field`.
    pub fn touch(&mut self, field: Field) {
        if !self.touched.contains(&field) {
            self.touched.push(field);
        }
    }

    /// Whether problems about `field` are shown. A step's station and the
    /// step list show once the steps have been edited at all, an own
    /// story's consent once the kind of source is chosen.
    pub fn shows(&self, field: Field) -> bool {
        let steps_touched = || self.touched.contains(&Field::Steps);
        self.all
            || self.touched.contains(&field)
            || match field {
                Field::Steps | Field::Step(_, StepField::Position) => steps_touched(),
                Field::Source(SourceField::Consent) => {
                    self.touched.contains(&Field::Source(SourceField::Kind))
                }
                _ => false,
            }
    }
}

impl Field {
    /// The field's element id on the editor page, so a problem can link to
    /// it ("step-2-years").
    pub fn key(self) -> String {
        match self {
            Field::Journey => "journey".into(),
            Field::Name => "name".into(),
            Field::Headline => "headline".into(),
            Field::Sector => "sector".into(),
            Field::Started => "started".into(),
            Field::Story => "story".into(),
            Field::Source(f) => format!("source-{}", f.name()),
            Field::Steps => "steps".into(),
            Field::Step(i, f) => format!("step-{}-{}", i + 1, f.name()),
            Field::Proposal(i, f) => format!("step-{}-new-{}", i + 1, f.name()),
        }
    }
}

impl SourceField {
    fn name(self) -> &'static str {
        match self {
            SourceField::Kind => "kind",
            SourceField::Title => "title",
            SourceField::Publisher => "publisher",
            SourceField::Url => "url",
            SourceField::Year => "year",
            SourceField::Consent => "consent",
        }
    }
}

impl StepField {
    fn name(self) -> &'static str {
        match self {
            StepField::Position => "station",
            StepField::Years => "years",
            StepField::Note => "note",
        }
    }
}

/// How one step of a draft is travelled on the map: the preview of the
/// trip over the existing lines.
#[derive(Clone, Debug, PartialEq)]
pub enum StepRide {
    /// The first step: where the journey starts.
    Start,
    /// Along a line, with how many stops it takes.
    Line {
        /// The line's name.
        name: String,
        /// Stations travelled after the one before.
        stops: usize,
    },
    /// Through an out-of-station connection.
    Connection,
    /// To or from a proposed station: on the map once it is added, on the
    /// line the person chose.
    Proposed,
    /// Not travellable: no line or connection joins it to the step before,
    /// or one of the two is not a station.
    Nothing,
}

impl Draft {
    /// How each step is travelled over `network`'s lines.
    pub fn rides(&self, network: &crate::journey::Network) -> Vec<StepRide> {
        let at = |step: &DraftStep| network.position_by_id(step.position.trim());
        self.steps
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let Some(before) = i.checked_sub(1).map(|b| &self.steps[b]) else {
                    return StepRide::Start;
                };
                if step.proposed.is_some() || before.proposed.is_some() {
                    return StepRide::Proposed;
                }
                let ride = at(before)
                    .zip(at(step))
                    .and_then(|(a, b)| network.ride(a, b));
                match ride.map(|r| (r.via, r.stations.len())) {
                    Some((crate::journey::Via::Line(line), n)) => StepRide::Line {
                        name: network.line(line).name.clone(),
                        stops: n.saturating_sub(1),
                    },
                    Some((crate::journey::Via::Connection, _)) => StepRide::Connection,
                    None => StepRide::Nothing,
                }
            })
            .collect()
    }

    /// Where the journey can go next: each station one stop on from the
    /// last step along a line, then each a connection reaches from it.
    /// Stations already in the draft are left out. Empty while the last
    /// step is no station.
    pub fn next_stops(&self, network: &crate::journey::Network) -> Vec<PositionIndex> {
        let Some(last) = self
            .steps
            .last()
            .and_then(|s| network.position_by_id(s.position.trim()))
        else {
            return Vec::new();
        };
        let along_lines = network
            .lines()
            .iter()
            .flat_map(|line| line.stretches())
            .filter(|&(from, _)| from == last)
            .map(|(_, to)| to);
        let by_connection = network
            .connections()
            .iter()
            .filter(|c| c.from == last)
            .map(|c| c.to);
        let mut next: Vec<PositionIndex> = Vec::new();
        for position in along_lines.chain(by_connection) {
            let id = &network.position(position).id;
            if !next.contains(&position) && !self.steps.iter().any(|s| s.position.trim() == id) {
                next.push(position);
            }
        }
        next
    }

    /// Moves step `from` to `to` (both clamped to the list), keeping the
    /// others in order.
    pub fn move_step(&mut self, from: usize, to: usize) {
        if from >= self.steps.len() {
            return;
        }
        let step = self.steps.remove(from);
        self.steps.insert(to.min(self.steps.len()), step);
    }
}

#[cfg(test)]
mod tests;
