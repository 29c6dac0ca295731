//! Drawing a [`crate::layout::MapLayout`] outside the browser.
//!
//! The app draws the same layout with Leptos; this module makes a standalone
//! SVG for posters, PR previews and `tubemap render`.

mod svg;

pub use svg::{escape, label_lines, path_data, svg};
