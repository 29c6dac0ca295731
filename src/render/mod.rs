//! Drawing a [`crate::layout::MapLayout`] outside the browser.
//!
//! The app draws the same layout with Leptos; this module makes a standalone
//! SVG for posters, PR previews and `tubemap render`.

mod drawn_route;
mod flow;
mod preview;
pub mod scene;
mod svg;

pub use drawn_route::{RouteStretch, ridden, ride_stretch, route_stretches, trip_stretches};
pub use flow::{FLOW_MAX_WIDTH, flow_markup, flow_width};
pub use preview::{TripPreview, trip_preview};
pub use scene::{UNUSED_TICK, label_lines};
pub use svg::{BANDS_TOP, CONNECTION_INK, band_title, escape, path_data, svg};
