use super::{Colour, Position, PositionIndex, Sector};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Index of a journey in [`Network::journeys`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct JourneyIndex(pub u32);

impl JourneyIndex {
    /// The index as a `usize`, for slices.
    pub fn get(self) -> usize {
        self.0 as usize
    }
}

/// A line: one person's path through positions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Journey {
    /// Stable identifier, kebab-case, unique across all files.
    pub id: String,
    /// First name or pseudonym.
    pub name: String,
    /// One line, such as "From bricklaying apprentice to site manager".
    pub headline: String,
    /// The sector the journey belongs to.
    pub sector: Sector,
    /// The line's colour, if the author chose one.
    pub colour: Option<Colour>,
    /// The person's story in their own words.
    pub story: String,
    /// At least two steps, in the order the person took them.
    pub steps: Vec<Step>,
}

/// One stop on a journey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// Where the person was.
    pub position: PositionIndex,
    /// How long they spent there.
    pub years: Option<f32>,
    /// What they did there.
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
}

/// Every position and journey: the checked content of `journeys/`.
///
/// Invariants (kept by [`Network::new`]): ids are unique, every step names a
/// position in `positions`, every journey has at least two steps.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "NetworkParts")]
pub struct Network {
    positions: Vec<Position>,
    journeys: Vec<Journey>,
}

/// A network as it arrives from outside, before its invariants are checked:
/// deserialising goes through [`Network::new`] too.
#[derive(Deserialize)]
struct NetworkParts {
    positions: Vec<Position>,
    journeys: Vec<Journey>,
}

impl TryFrom<NetworkParts> for Network {
    type Error = NetworkError;

    fn try_from(parts: NetworkParts) -> Result<Network, NetworkError> {
        Network::new(parts.positions, parts.journeys)
    }
}

impl Network {
    /// Checks the invariants and builds the network.
    pub fn new(positions: Vec<Position>, journeys: Vec<Journey>) -> Result<Network, NetworkError> {
        let mut seen = HashMap::new();
        for p in &positions {
            if seen.insert(p.id.as_str(), ()).is_some() {
                return Err(NetworkError::DuplicatePosition(p.id.clone()));
            }
        }
        let mut seen = HashMap::new();
        for j in &journeys {
            if seen.insert(j.id.as_str(), ()).is_some() {
                return Err(NetworkError::DuplicateJourney(j.id.clone()));
            }
            if j.steps.len() < 2 {
                return Err(NetworkError::TooShort(j.id.clone()));
            }
            if let Some(step) = j.steps.iter().find(|s| s.position.get() >= positions.len()) {
                return Err(NetworkError::MissingPosition {
                    journey: j.id.clone(),
                    index: step.position.0,
                });
            }
        }
        Ok(Network {
            positions,
            journeys,
        })
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
