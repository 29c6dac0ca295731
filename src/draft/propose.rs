//! A station the person proposes because the map does not have it yet: its
//! fields, the id it gets, and how it joins the map. It goes on the line
//! the person chose, as a branch through the steps either side of it; a
//! step the line cannot take (the line would step down a level) becomes a
//! connection, as the authoring guide asks of a hand-written file.

use super::{Draft, DraftStep};
use crate::journey::{Level, Network};
use crate::source::kebab;

/// A proposed station, as typed. Like the rest of the draft, every field is
/// kept as text and the validator says what is wrong with it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DraftPosition {
    /// Its official title.
    pub title: String,
    /// "qualification", "apprenticeship", "job" and so on; empty until
    /// chosen.
    pub kind: String,
    /// "entry" or an RQF level from "1" to "8"; empty until chosen.
    pub level: String,
    /// "construction", "digital" or "general"; empty until chosen.
    pub sector: String,
    /// What it is, in the person's own words.
    pub description: String,
    /// The id of the line it goes on; empty until chosen.
    pub line: String,
    /// For a job: its pay, and where the figures come from.
    pub salary: DraftSalary,
}

/// A proposed job's pay, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DraftSalary {
    /// Pounds a year, starting.
    pub min: String,
    /// Pounds a year, experienced.
    pub max: String,
    /// Who published the figures.
    pub source: String,
    /// The page they are on (https).
    pub url: String,
    /// The year they are for.
    pub year: String,
}

impl DraftSalary {
    /// Whether nothing of it is filled in: then the file has no salary.
    pub fn is_empty(&self) -> bool {
        [&self.min, &self.max, &self.source, &self.url, &self.year]
            .iter()
            .all(|v| v.trim().is_empty())
    }
}

/// A field of [`DraftPosition`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProposalField {
    /// The title (which also makes the id).
    Title,
    /// The kind.
    Kind,
    /// The level.
    Level,
    /// The sector.
    Sector,
    /// The description.
    Description,
    /// The line it goes on, and so how it joins the map.
    Line,
    /// The pay: starting figure.
    SalaryMin,
    /// The pay: experienced figure.
    SalaryMax,
    /// Who published the pay.
    SalarySource,
    /// The pay's page.
    SalaryUrl,
    /// The pay's year.
    SalaryYear,
}

impl ProposalField {
    pub(super) fn name(self) -> &'static str {
        match self {
            ProposalField::Title => "title",
            ProposalField::Kind => "kind",
            ProposalField::Level => "level",
            ProposalField::Sector => "sector",
            ProposalField::Description => "description",
            ProposalField::Line => "line",
            ProposalField::SalaryMin => "pay-min",
            ProposalField::SalaryMax => "pay-max",
            ProposalField::SalarySource => "pay-source",
            ProposalField::SalaryUrl => "pay-url",
            ProposalField::SalaryYear => "pay-year",
        }
    }

    /// The field a `[[position]]` (or its salary's) key is written from.
    pub(super) fn of_key(key: &str) -> ProposalField {
        match key {
            "kind" => ProposalField::Kind,
            "level" => ProposalField::Level,
            "sectors" => ProposalField::Sector,
            "description" => ProposalField::Description,
            // A salary's keys, for "a salary has no `max`".
            "min" => ProposalField::SalaryMin,
            "max" => ProposalField::SalaryMax,
            "source" => ProposalField::SalarySource,
            "url" => ProposalField::SalaryUrl,
            "year" => ProposalField::SalaryYear,
            _ => ProposalField::Title,
        }
    }
}

impl DraftPosition {
    /// The level chosen, if it is one.
    pub fn level(&self) -> Option<Level> {
        match self.level.trim() {
            "entry" => Some(Level::ENTRY),
            n => n.parse().ok().and_then(|n| Level::rqf(n).ok()),
        }
    }
}

/// How a proposed station joins the map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Joining {
    /// The branch of its line: the step before it, if the line can climb
    /// from there; the station; the step after it, if the line can climb
    /// to there.
    pub branch: Vec<String>,
    /// Each step either side that the line cannot take, as (from, to).
    pub connections: Vec<(String, String)>,
}

impl Draft {
    /// Adds a step proposing a station called `title`, in the journey's
    /// sector, on the first line that stops at the last step's station:
    /// the likeliest place for it, which the person can change.
    pub fn propose(&mut self, title: &str, shipped: &Network) {
        let line = self
            .steps
            .last()
            .and_then(|s| shipped.position_by_id(s.position.trim()))
            .and_then(|p| shipped.lines().iter().find(|l| l.stops_at(p)))
            .map(|l| l.id.clone())
            .unwrap_or_default();
        self.steps.push(DraftStep {
            proposed: Some(DraftPosition {
                title: title.trim().to_owned(),
                sector: self.sector.clone(),
                line,
                ..DraftPosition::default()
            }),
            ..DraftStep::default()
        });
    }

    /// The id each step's station has in the file: the station picked, or
    /// for a proposed one an id made from its title that no shipped
    /// position and no earlier proposal has.
    pub fn step_ids(&self, shipped: &Network) -> Vec<String> {
        let mut ids: Vec<String> = Vec::with_capacity(self.steps.len());
        for step in &self.steps {
            let id = match &step.proposed {
                None => step.position.trim().to_owned(),
                Some(p) => {
                    let base = match kebab(&p.title) {
                        id if id.is_empty() => "new-station".to_owned(),
                        id => id,
                    };
                    let taken = |id: &str| {
                        shipped.position_by_id(id).is_some() || ids.iter().any(|i| i == id)
                    };
                    (1..)
                        .map(|n| match n {
                            1 => base.clone(),
                            n => format!("{base}-{n}"),
                        })
                        .find(|id| !taken(id))
                        .unwrap_or(base)
                }
            };
            ids.push(id);
        }
        ids
    }

    /// How the station proposed at step `index` joins the map, given every
    /// step's id ([`Draft::step_ids`]). A neighbour whose level is not
    /// known yet goes on the branch: the validator then says what is
    /// wrong.
    pub fn joining(&self, index: usize, ids: &[String], shipped: &Network) -> Joining {
        let level_at = |i: usize| match &self.steps[i].proposed {
            Some(p) => p.level(),
            None => shipped
                .position_by_id(&ids[i])
                .map(|p| shipped.position(p).level),
        };
        let own = level_at(index);
        let climbs = |low: Option<Level>, high: Option<Level>| match (low, high) {
            (Some(low), Some(high)) => low <= high,
            _ => true,
        };
        let mut joining = Joining::default();
        let before = index.checked_sub(1).filter(|&i| !ids[i].is_empty());
        if let Some(b) = before {
            if climbs(level_at(b), own) {
                joining.branch.push(ids[b].clone());
            } else {
                joining
                    .connections
                    .push((ids[b].clone(), ids[index].clone()));
            }
        }
        joining.branch.push(ids[index].clone());
        let after = Some(index + 1).filter(|&a| a < ids.len() && !ids[a].is_empty());
        if let Some(a) = after {
            if climbs(own, level_at(a)) {
                joining.branch.push(ids[a].clone());
            } else {
                joining
                    .connections
                    .push((ids[index].clone(), ids[a].clone()));
            }
        }
        joining
    }
}
