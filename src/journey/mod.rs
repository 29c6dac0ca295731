//! The journey model: positions (stations) and journeys (lines).
//!
//! These are the checked, resolved types every other part of the crate works
//! on. A step refers to its position by index, so a [`Network`] can only
//! describe journeys through positions it holds. How TOML becomes a
//! `Network` lives in `crate::source`.

mod colour;
mod details;
mod level;
mod network;
mod position;
pub mod sample;
mod years;

pub use colour::{Colour, ColourError, MAP_BACKGROUND, MIN_LINE_CONTRAST};
pub use details::{Details, DetailsMismatch};
pub use level::{Level, LevelError};
pub use network::{Journey, JourneyIndex, Network, NetworkError, Step};
pub use position::{Kind, Position, PositionIndex, Salary, Sector};
pub use years::years_text;
