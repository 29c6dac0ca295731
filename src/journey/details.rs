//! The words of a network, split from what the map needs to draw.
//!
//! Drawing, searching and route-finding need titles, levels, sectors and
//! where steps go; descriptions, pay, links, headlines, stories, notes and
//! the years of each step are only read in a panel or a presentation. The browser loads the first on start and these when a panel first
//! opens, so the first load carries about a third of the bytes
//! (`tubemap export` writes both files).

use super::{Citation, Network, Salary, Source};
use serde::{Deserialize, Serialize};

/// Everything [`Network::take_details`] takes out, in network order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Details {
    positions: Vec<PositionDetails>,
    journeys: Vec<JourneyDetails>,
}

/// A position's words: what a station's panel shows beyond its title.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct PositionDetails {
    description: String,
    entry_requirements: Option<String>,
    duration: Option<String>,
    salary: Option<Salary>,
    pay_not_confirmed: Option<String>,
    links: Vec<String>,
    withdrawn: Option<String>,
}

/// A journey's words: the headline, the story, and a note and the years
/// per step (the map itself needs only where the steps go).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct JourneyDetails {
    headline: String,
    citation: Option<Citation>,
    story: String,
    notes: Vec<Option<String>>,
    years: Vec<Option<f32>>,
}

/// Details that belong to another network.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "the details describe {positions} positions and {journeys} journeys, not this map's: reload the page"
)]
pub struct DetailsMismatch {
    /// Positions in the details.
    pub positions: usize,
    /// Journeys in the details.
    pub journeys: usize,
}

impl Network {
    /// Takes the words out of every position and journey, leaving what the
    /// map draws, searches and routes by. [`Network::with_details`] puts
    /// them back.
    pub fn take_details(&mut self) -> Details {
        let (positions, journeys) = self.parts_mut();
        Details {
            positions: positions
                .iter_mut()
                .map(|p| PositionDetails {
                    description: std::mem::take(&mut p.description),
                    entry_requirements: p.entry_requirements.take(),
                    duration: p.duration.take(),
                    salary: p.salary.take(),
                    pay_not_confirmed: p.pay_not_confirmed.take(),
                    links: std::mem::take(&mut p.links),
                    withdrawn: p.withdrawn.take(),
                })
                .collect(),
            journeys: journeys
                .iter_mut()
                .map(|j| JourneyDetails {
                    headline: std::mem::take(&mut j.headline),
                    // The map needs to know a journey is published, to say
                    // so; where it was published waits for the panel.
                    citation: match &mut j.source {
                        Source::Published(c) => Some(std::mem::take(c)),
                        Source::Example | Source::Own => None,
                    },
                    story: std::mem::take(&mut j.story),
                    notes: j.steps.iter_mut().map(|s| s.note.take()).collect(),
                    years: j.steps.iter_mut().map(|s| s.years.take()).collect(),
                })
                .collect(),
        }
    }

    /// This network with `details` put back, or an error if they were
    /// taken from a network of another shape.
    pub fn with_details(mut self, details: Details) -> Result<Network, DetailsMismatch> {
        let mismatch = DetailsMismatch {
            positions: details.positions.len(),
            journeys: details.journeys.len(),
        };
        let (positions, journeys) = self.parts_mut();
        let fits = positions.len() == details.positions.len()
            && journeys.len() == details.journeys.len()
            && journeys
                .iter()
                .zip(&details.journeys)
                .all(|(j, d)| j.steps.len() == d.notes.len() && j.steps.len() == d.years.len());
        if !fits {
            return Err(mismatch);
        }
        for (p, d) in positions.iter_mut().zip(details.positions) {
            p.description = d.description;
            p.entry_requirements = d.entry_requirements;
            p.duration = d.duration;
            p.salary = d.salary;
            p.pay_not_confirmed = d.pay_not_confirmed;
            p.links = d.links;
            p.withdrawn = d.withdrawn;
        }
        for (j, d) in journeys.iter_mut().zip(details.journeys) {
            j.headline = d.headline;
            if let (Source::Published(c), Some(citation)) = (&mut j.source, d.citation) {
                *c = citation;
            }
            j.story = d.story;
            for ((step, note), years) in j.steps.iter_mut().zip(d.notes).zip(d.years) {
                step.note = note;
                step.years = years;
            }
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::sample;

    #[test]
    fn details_come_out_and_go_back_whole() {
        let mut journeys = sample::two_lines().journeys().to_vec();
        journeys[0].source = Source::Published(Citation {
            title: "My journey".into(),
            publisher: "CITB".into(),
            url: "https://www.goconstruct.org/".into(),
            year: Some(2024),
        });
        let full = sample::one_line_per_journey(sample::two_lines().positions().to_vec(), journeys);
        let mut lean = full.clone();
        let details = lean.take_details();
        assert_ne!(lean, full, "the words were taken out");
        assert!(
            lean.positions()
                .iter()
                .all(|p| p.description.is_empty() && p.salary.is_none() && p.links.is_empty())
        );
        assert!(lean.journeys().iter().all(|j| {
            j.story.is_empty()
                && j.headline.is_empty()
                && j.steps
                    .iter()
                    .all(|s| s.note.is_none() && s.years.is_none())
        }));
        // What the map draws and routes by stays.
        for (l, f) in lean.positions().iter().zip(full.positions()) {
            assert_eq!(
                (&l.id, &l.title, l.level, &l.sectors),
                (&f.id, &f.title, f.level, &f.sectors)
            );
        }
        // The map data still says which journeys are published.
        assert!(!lean.journeys()[0].source.is_example());
        assert_eq!(lean.with_details(details).unwrap(), full);
    }

    #[test]
    fn details_of_another_network_are_refused() {
        let mut network = sample::two_lines();
        let details = network.take_details();
        let other = Network::new(
            network.positions()[..1].to_vec(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
        )
        .unwrap();
        assert_eq!(
            other.with_details(details),
            Err(DetailsMismatch {
                positions: network.positions().len(),
                journeys: network.journeys().len(),
            })
        );
    }
}
