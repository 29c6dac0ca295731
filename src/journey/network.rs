use super::{Connection, Line, LineIndex, Position, PositionIndex, Sector};
use serde::{Deserialize, Serialize};

/// Index of a journey in [`Network::journeys`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct JourneyIndex(pub u32);

impl JourneyIndex {
    /// The index as a `usize`, for slices.
    pub fn get(self) -> usize {
        self.0 as usize
    }
}

/// A person's journey: a trip over the lines, step by step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Journey {
    /// Stable identifier, kebab-case, unique across all files.
    pub id: String,
    /// First name or pseudonym.
    pub name: String,
    /// One line, such as "From bricklaying apprentice to site manager".
    /// Words (this, the story, a step's years and note) are skipped by
    /// serde: they travel in the details file, never in the map data.
    #[serde(skip)]
    pub headline: String,
    /// The sector the journey belongs to.
    pub sector: Sector,
    /// The story, in the editors' own words.
    #[serde(skip)]
    pub story: String,
    /// Where the journey comes from: a real person's published story,
    /// their own story told with consent, or an example the editors wrote.
    /// The map data says only which; the citation travels with the words
    /// (`Details`).
    #[serde(with = "source_kind")]
    pub source: Source,
    /// At least two steps, in the order the person took them.
    pub steps: Vec<Step>,
}

impl Journey {
    /// The person's name as every list shows it: an example journey says
    /// so, so the app never calls one a real person's.
    pub fn listed_name(&self) -> String {
        if self.source.is_example() {
            format!("{} (example)", self.name)
        } else {
            self.name.clone()
        }
    }
}

/// Where a journey comes from. The app labels examples wherever a journey
/// is shown, so it never calls one a real person's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    /// Written by the editors to show a route no published story covers.
    Example,
    /// Summarised from a real person's published career story.
    Published(Citation),
    /// The person's own story, sent in by them (or with them) and published
    /// here with their consent; the pull request that added it is its record.
    Own,
}

impl Source {
    /// Whether the journey is an example, not a real person's.
    pub fn is_example(&self) -> bool {
        matches!(self, Source::Example)
    }
}

/// A journey's source in the map data: which kind, as one byte. The
/// citation itself is one of the words, in the details file.
mod source_kind {
    use super::{Citation, Source};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(source: &Source, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(match source {
            Source::Example => 0,
            Source::Published(_) => 1,
            Source::Own => 2,
        })
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Source, D::Error> {
        Ok(match u8::deserialize(d)? {
            0 => Source::Example,
            1 => Source::Published(Citation::default()),
            // Only 2 is written; the format number already refuses data
            // from another version, so no third error path is shipped.
            _ => Source::Own,
        })
    }
}

/// A published story a journey is summarised from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// The page's title.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Where it is; https only.
    pub url: String,
    /// The year it was published, when the page says.
    pub year: Option<u16>,
}

/// One stop on a journey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// Where the person was.
    pub position: PositionIndex,
    /// How long they spent there.
    #[serde(skip)]
    pub years: Option<f32>,
    /// What they did there.
    #[serde(skip)]
    pub note: Option<String>,
}

/// What makes a set of positions and journeys inconsistent.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NetworkError {
    /// Two positions share an id.
    #[error("two positions have the id `{0}`")]
    DuplicatePosition(String),
    /// Two journeys share an id.
    #[error("two journeys have the id `{0}`")]
    DuplicateJourney(String),
    /// A step names a position the network does not hold.
    #[error("journey `{journey}` steps on position {index}, which does not exist")]
    MissingPosition {
        /// The journey's id.
        journey: String,
        /// The out-of-range index.
        index: u32,
    },
    /// A journey with fewer than two steps has nowhere to go.
    #[error("journey `{0}` has fewer than two steps")]
    TooShort(String),
    /// Two lines share an id.
    #[error("two lines have the id `{0}`")]
    DuplicateLine(String),
    /// A line names a position the network does not hold, has a run of
    /// fewer than two stations, or a branch that starts off the line.
    #[error("line `{0}` has a run that is too short, leaves the line or names a missing position")]
    BrokenLine(String),
    /// A connection names a position the network does not hold, or joins a
    /// station to itself.
    #[error("a connection joins position {from} to {to}, which is not two stations of the map")]
    BrokenConnection {
        /// Where it starts.
        from: u32,
        /// Where it ends.
        to: u32,
    },
    /// A step goes where no line and no connection goes.
    #[error(
        "journey `{journey}` steps from position {from} to {to}, which no line or connection joins"
    )]
    OffTheMap {
        /// The journey's id.
        journey: String,
        /// Where the step starts.
        from: u32,
        /// Where it ends.
        to: u32,
    },
}

/// How one stretch of a trip is travelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Via {
    /// Riding a line.
    Line(LineIndex),
    /// Through an out-of-station connection.
    Connection,
}

/// One step of a journey as travelled: the line (or connection) taken and
/// every station passed, both ends included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ride {
    /// How the step is travelled.
    pub via: Via,
    /// The stations from where the step starts to where it ends.
    pub stations: Vec<PositionIndex>,
}

/// Every position and journey: the checked content of `journeys/`.
///
/// Invariants (kept by [`Network::new`]): ids are unique, every step names a
/// position in `positions`, every journey has at least two steps.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "NetworkParts")]
pub struct Network {
    positions: Vec<Position>,
    lines: Vec<Line>,
    connections: Vec<Connection>,
    journeys: Vec<Journey>,
}

/// A network as it arrives from outside, before its invariants are checked:
/// deserialising goes through [`Network::new`] too.
#[derive(Deserialize)]
struct NetworkParts {
    positions: Vec<Position>,
    lines: Vec<Line>,
    connections: Vec<Connection>,
    journeys: Vec<Journey>,
}

impl TryFrom<NetworkParts> for Network {
    type Error = NetworkError;

    fn try_from(parts: NetworkParts) -> Result<Network, NetworkError> {
        Network::new(
            parts.positions,
            parts.lines,
            parts.connections,
            parts.journeys,
        )
    }
}

impl Network {
    /// Checks the invariants and builds the network.
    pub fn new(
        positions: Vec<Position>,
        lines: Vec<Line>,
        connections: Vec<Connection>,
        journeys: Vec<Journey>,
    ) -> Result<Network, NetworkError> {
        let count = positions.len();
        if let Some(id) = duplicate(positions.iter().map(|p| p.id.as_str())) {
            return Err(NetworkError::DuplicatePosition(id));
        }
        if let Some(id) = duplicate(lines.iter().map(|l| l.id.as_str())) {
            return Err(NetworkError::DuplicateLine(id));
        }
        for line in &lines {
            if !runs_are_sound(&line.runs, count) {
                return Err(NetworkError::BrokenLine(line.id.clone()));
            }
        }
        for c in &connections {
            if c.from == c.to || c.from.get() >= count || c.to.get() >= count {
                return Err(NetworkError::BrokenConnection {
                    from: c.from.0,
                    to: c.to.0,
                });
            }
        }
        Network {
            positions,
            lines,
            connections,
            journeys: Vec::new(),
        }
        .with_journeys(journeys)
    }

    /// This network with `journeys` as its journeys, once each is checked:
    /// unique ids, two or more steps, and every step on a line or a
    /// connection.
    pub fn with_journeys(mut self, journeys: Vec<Journey>) -> Result<Network, NetworkError> {
        let count = self.positions.len();
        if let Some(id) = duplicate(journeys.iter().map(|j| j.id.as_str())) {
            return Err(NetworkError::DuplicateJourney(id));
        }
        for j in &journeys {
            if j.steps.len() < 2 {
                return Err(NetworkError::TooShort(j.id.clone()));
            }
            if let Some(step) = j.steps.iter().find(|s| s.position.get() >= count) {
                return Err(NetworkError::MissingPosition {
                    journey: j.id.clone(),
                    index: step.position.0,
                });
            }
            for pair in j.steps.windows(2) {
                let (from, to) = (pair[0].position, pair[1].position);
                if from != to && self.ride(from, to).is_none() {
                    return Err(NetworkError::OffTheMap {
                        journey: j.id.clone(),
                        from: from.0,
                        to: to.0,
                    });
                }
            }
        }
        self.journeys = journeys;
        Ok(self)
    }

    /// How a step from `from` to `to` is travelled: on the line that gets
    /// there in the fewest stops (the first such line in line order), else
    /// through a connection; `None` when neither joins them.
    pub fn ride(&self, from: PositionIndex, to: PositionIndex) -> Option<Ride> {
        let on_a_line = self
            .line_indices()
            .filter_map(|l| Some((self.line(l).ride(from, to)?, l)))
            .min_by_key(|(stations, l)| (stations.len(), *l));
        if let Some((stations, line)) = on_a_line {
            return Some(Ride {
                via: Via::Line(line),
                stations,
            });
        }
        self.connections
            .iter()
            .any(|c| c.from == from && c.to == to)
            .then(|| Ride {
                via: Via::Connection,
                stations: vec![from, to],
            })
    }

    /// A journey as a trip: how each step was travelled. Steps that stay at
    /// one station are left out.
    pub fn trip(&self, journey: JourneyIndex) -> Vec<Ride> {
        let Some(journey) = self.journeys.get(journey.get()) else {
            return Vec::new();
        };
        journey
            .steps
            .windows(2)
            .filter(|pair| pair[0].position != pair[1].position)
            .filter_map(|pair| self.ride(pair[0].position, pair[1].position))
            .collect()
    }

    /// Positions and journeys to edit in place. Slices, so no position or
    /// journey can be added or removed; callers keep ids and steps as they
    /// are (only `details` uses this, for the words).
    pub(super) fn parts_mut(&mut self) -> (&mut [Position], &mut [Journey]) {
        (&mut self.positions, &mut self.journeys)
    }

    /// All positions; a [`PositionIndex`] indexes this slice.
    pub fn positions(&self) -> &[Position] {
        &self.positions
    }

    /// All journeys; a [`JourneyIndex`] indexes this slice.
    pub fn journeys(&self) -> &[Journey] {
        &self.journeys
    }

    /// All lines; a [`LineIndex`] indexes this slice.
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// The line at `index`.
    pub fn line(&self, index: LineIndex) -> &Line {
        &self.lines[index.get()]
    }

    /// Every line index, in order.
    pub fn line_indices(&self) -> impl ExactSizeIterator<Item = LineIndex> + '_ {
        (0..self.lines.len() as u32).map(LineIndex)
    }

    /// The line with this id.
    pub fn line_by_id(&self, id: &str) -> Option<LineIndex> {
        self.lines
            .iter()
            .position(|l| l.id == id)
            .map(|i| LineIndex(i as u32))
    }

    /// Every out-of-station connection.
    pub fn connections(&self) -> &[Connection] {
        &self.connections
    }

    /// The position at `index`.
    pub fn position(&self, index: PositionIndex) -> &Position {
        &self.positions[index.get()]
    }

    /// The journey at `index`.
    pub fn journey(&self, index: JourneyIndex) -> &Journey {
        &self.journeys[index.get()]
    }

    /// The position with this id.
    pub fn position_by_id(&self, id: &str) -> Option<PositionIndex> {
        self.positions
            .iter()
            .position(|p| p.id == id)
            .map(|i| PositionIndex(i as u32))
    }

    /// The journey with this id.
    pub fn journey_by_id(&self, id: &str) -> Option<JourneyIndex> {
        self.journeys
            .iter()
            .position(|j| j.id == id)
            .map(|i| JourneyIndex(i as u32))
    }

    /// Every position index, in order.
    pub fn position_indices(&self) -> impl ExactSizeIterator<Item = PositionIndex> + '_ {
        (0..self.positions.len() as u32).map(PositionIndex)
    }

    /// Every journey index, in order.
    pub fn journey_indices(&self) -> impl ExactSizeIterator<Item = JourneyIndex> + '_ {
        (0..self.journeys.len() as u32).map(JourneyIndex)
    }
}

/// Every run has two or more stations in range, and each branch starts or
/// ends at a station of an earlier run.
fn runs_are_sound(runs: &[Vec<PositionIndex>], count: usize) -> bool {
    !runs.is_empty()
        && runs.iter().enumerate().all(|(i, run)| {
            run.len() >= 2
                && run.iter().all(|p| p.get() < count)
                && (i == 0 || branch_joins(&runs[..i], run))
        })
}

/// Whether `branch` starts or ends at a station of `earlier` runs.
pub fn branch_joins(earlier: &[Vec<PositionIndex>], branch: &[PositionIndex]) -> bool {
    let on_line =
        |p: Option<&PositionIndex>| p.is_some_and(|p| earlier.iter().any(|run| run.contains(p)));
    on_line(branch.first()) || on_line(branch.last())
}

/// The first id that occurs a second time. Neither hashed nor sorted: the
/// browser decodes through this, and either would add kilobytes of code to
/// its bundle for a check over a few hundred ids.
fn duplicate<'a>(ids: impl Iterator<Item = &'a str>) -> Option<String> {
    let ids: Vec<&str> = ids.collect();
    (1..ids.len())
        .find(|&i| ids[..i].contains(&ids[i]))
        .map(|i| ids[i].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_example_journey_is_listed_as_an_example_and_a_published_one_by_name() {
        let mut journey = crate::journey::sample::journey("kim", Sector::Construction, &[0, 1]);
        journey.name = "Kim".into();
        journey.source = Source::Example;
        assert_eq!(journey.listed_name(), "Kim (example)");
        journey.source = Source::Published(Citation::default());
        assert_eq!(journey.listed_name(), "Kim");
    }
}
