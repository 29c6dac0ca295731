//! Careers Tube Map: career journeys as an Underground-style map.
//!
//! The crate is a pure core (no browser APIs) plus, on `wasm32`, a thin
//! Leptos UI. See `ARCHITECTURE.md` for the codemap and the data flow
//! TOML → [`journey::Network`] → [`graph::CareerGraph`] → layout → SVG.

pub mod bundle;
pub mod focus;
pub mod graph;
pub mod journey;
pub mod layout;
pub mod lod;
pub mod map_view;
pub mod navigate;
pub mod present;
pub mod progress;
pub mod render;
pub mod route;
pub mod search;
pub mod wording;

#[cfg(feature = "authoring")]
pub mod diagnostic;
#[cfg(feature = "authoring")]
pub mod draft;
#[cfg(feature = "authoring")]
pub mod source;
#[cfg(target_arch = "wasm32")]
pub mod ui;
