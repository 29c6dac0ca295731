//! The browser app: a thin Leptos layer over the core (wasm32 only).
//!
//! Logic lives in plain Rust in the core (`map_view`, `search`, `graph`);
//! components here only draw it and forward events. Effects are used only
//! to sync with the outside world (the URL).

mod app;
mod camera;
mod data;
mod download;
#[cfg(feature = "authoring")]
pub mod editor;
mod journey_panel;
mod legend;
mod line_diagram;
mod map;
mod map_names;
mod my_journey;
mod panel;
mod plan;
mod present;
mod progress_state;
mod route_panel;
mod search_box;
mod state;
mod station_panel;
#[cfg(test)]
mod tests;
mod theme;

pub use app::App;
pub use state::MapState;

/// Mounts the app on the page's body.
pub fn start() {
    leptos::mount::mount_to_body(App);
}

/// Everything the map's components share, provided once by `Explorer`.
///
/// One context, not one per part: Leptos' context lookup is generic, so
/// each type asked for adds its own copy (about 650 bytes of wasm) to the
/// first load.
#[derive(Clone)]
pub(crate) struct MapContext {
    /// The map data, laid out.
    pub data: data::Shared,
    /// What is chosen and shown, synced with the URL.
    pub state: MapState,
    /// The routes planned for the route panel's question.
    pub planned: plan::PlannedRoutes,
    /// Descriptions and stories, fetched once when first wanted.
    pub words: data::Words,
    /// The pupil's own marks and goal.
    pub my: progress_state::MyJourney,
}

/// The shared state of type `T` that the map's `Explorer` ([`MapContext`])
/// or the editor's root provided.
///
/// Leptos' own `expect_context` names the caller's file and the type when it
/// panics, which puts a formatted message per call site and per type into
/// the first load. Every component that asks is inside the one that
/// provides, so a missing context is a bug in this crate, never bad input.
pub(crate) fn shared<T: Clone + 'static>() -> T {
    leptos::prelude::use_context().expect("provided by the app's root")
}

/// The map's shared state ([`MapContext`]).
pub(crate) fn map_context() -> MapContext {
    shared()
}
