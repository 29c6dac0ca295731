//! The map model: positions (stations), lines (named pathways) with their
//! connections, and journeys (people's trips over the lines).
//!
//! These are the checked, resolved types every other part of the crate works
//! on. A step refers to its position by index, so a [`Network`] can only
//! describe journeys through positions it holds. How TOML becomes a
//! `Network` lives in `crate::source`.

mod colour;
mod colour_difference;
mod details;
mod level;
mod line;
mod network;
mod position;
mod requirement;
pub mod sample;
mod years;

pub use colour::{Colour, ColourError, MAP_BACKGROUND, MIN_LINE_CONTRAST};
pub use colour_difference::{MIN_LINE_DIFFERENCE, MIN_LINE_DIFFERENCE_CVD, Vision};
pub use details::{Details, DetailsMismatch};
pub use level::{Level, LevelError};
pub use line::{Connection, Line, LineIndex};
pub use network::{
    Citation, Journey, JourneyIndex, Network, NetworkError, Ride, Source, Step, Via, branch_joins,
};
pub use position::{Kind, LevelMeaning, Position, PositionIndex, Salary, Sector};
pub use requirement::{Met, Requirement, Standing, Unmet, admits};
pub use years::years_text;
