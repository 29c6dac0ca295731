//! Careers Tube Map: career journeys as an Underground-style map.
//!
//! The crate is a pure core (no browser APIs) plus, on `wasm32`, a thin
//! Leptos UI. See `ARCHITECTURE.md` for the codemap and the data flow
//! TOML → [`journey::Network`] → [`network::CareerGraph`] → layout → SVG.

pub mod journey;
pub mod network;

#[cfg(feature = "authoring")]
pub mod diagnostic;
#[cfg(feature = "authoring")]
pub mod source;
