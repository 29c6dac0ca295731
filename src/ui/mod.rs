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

/// The shared state of type `T` that `App` (or the editor's root) provided.
///
/// Leptos' own `expect_context` names the caller's file and the type when it
/// panics, which puts a formatted message per call site and per type into
/// the first load. Every component that asks is inside the one that
/// provides, so a missing context is a bug in this crate, never bad input.
pub(crate) fn shared<T: Clone + 'static>() -> T {
    leptos::prelude::use_context().expect("provided by the app's root")
}
