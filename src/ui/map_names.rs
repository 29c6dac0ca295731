//! Names the map keeps readable at every zoom: band titles along the top of
//! the view, line names where each line's trunk begins, and interchange
//! names. They are drawn at a fixed size on screen ([`lod::NAME_PX`]) and
//! left out where they would collide (`lod::shown`); ordinary station names
//! are the labels, shown once the zoom makes them readable.

use super::data::Shared;
use crate::layout::Point;
use crate::lod::{self, FixedName};
use crate::map_view::ViewBox;
use leptos::prelude::*;

/// The fixed-size names, redrawn as the view changes.
pub fn names<F, S>(data: &Shared, scale: S, on_screen: F) -> impl IntoView + use<F, S>
where
    F: Fn() -> ViewBox + Copy + Send + Sync + 'static,
    S: Fn() -> f32 + Copy + Send + Sync + 'static,
{
    let layout = &data.layout;
    let interchanges: Vec<FixedName> = lod::interchange_names(&data.graph, layout)
        .into_iter()
        .map(|(_, name)| name)
        .collect();
    let lines: Vec<(String, FixedName)> = lod::line_names(data.network(), layout)
        .into_iter()
        .map(|(l, name)| (data.network().line(l).colour.to_string(), name))
        .collect();
    let bands = layout.bands.clone();
    move || {
        let scale = scale();
        let view = on_screen();
        let font = tenths(lod::counter_scaled(lod::NAME_PX, scale));
        // The rule of `lod::names_in_view`, which the first-view search
        // uses, written out here because calling it cost bytes the size
        // gate does not have; keep the two the same (the e2e first-view
        // test checks they agree on a phone).
        // One kind of element for every name keeps the bundle small:
        // (class, where, text, colour).
        let mut texts: Vec<(&'static str, Point, String, String)> = Vec::new();
        for band in &bands {
            // The part of the band in view, where its title must fit: it
            // starts 8 px in and ends at least 2 px before the next band.
            let left = band.x.max(view.x);
            let room = ((band.x + band.width).min(view.x + view.width) - left) * scale - 10.0;
            if let Some(text) = lod::band_title(band, room) {
                let at = Point::new(
                    left + lod::counter_scaled(8.0, scale),
                    view.y.max(0.0) + lod::counter_scaled(lod::NAME_PX + 6.0, scale),
                );
                texts.push(("band-title", at, text, String::new()));
            }
        }
        // Band titles are always drawn; the other names give way to them.
        let titles: Vec<FixedName> = texts
            .iter()
            .map(|(_, at, text, _)| FixedName {
                at: *at,
                text: text.clone(),
                priority: u32::MAX,
            })
            .collect();
        // Interchange names only while station names are too small: after
        // that the labels name every station.
        let mut all: Vec<&FixedName> = lines.iter().map(|(_, n)| n).collect();
        if !lod::labels_readable(scale) {
            all.extend(&interchanges);
        }
        let named = all.len();
        all.extend(&titles);
        let show = lod::shown(&all, view, scale);
        for (i, name) in all.into_iter().take(named).enumerate() {
            if show[i] {
                // Lines come first in `all`; their names take their colour,
                // the rest take the ink colour from app.css.
                let (class, colour) = match lines.get(i) {
                    Some((c, _)) => ("line-name", c.clone()),
                    None => ("interchange-name", String::new()),
                };
                texts.push((class, name.at, name.text.clone(), colour));
            }
        }
        let texts = texts
            .into_iter()
            .map(|(class, at, text, colour)| {
                view! {
                    <text class=class x=px(at.x) y=px(at.y) fill=colour>
                        {text}
                    </text>
                }
            })
            .collect_view();
        view! { <g class="fixed-names" font-size=font aria-hidden="true">{texts}</g> }
    }
}

fn px(v: f32) -> String {
    format!("{}", v.round() as i32)
}

/// A size to a tenth, with integer formatting: float printing would add
/// kilobytes to the browser bundle.
fn tenths(v: f32) -> String {
    let t = (v * 10.0).round().max(1.0) as u32;
    format!("{}.{}", t / 10, t % 10)
}
