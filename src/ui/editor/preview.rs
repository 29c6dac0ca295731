//! The draft's trip drawn on the map as it is built
//! ([`crate::render::trip_preview`]), and picking a station by clicking
//! it there. The drawing is an image: nothing in it can run or be
//! mistaken for the page's own markup.

use super::Editor;
use crate::bundle::{MAP_FILE, MapBundle};
use crate::draft::{DraftStep, Field};
use crate::graph::CareerGraph;
use crate::layout::MapLayout;
use crate::render::trip_preview;
use leptos::prelude::*;
use std::sync::Arc;

/// The map as the map page draws it: its graph and layout.
struct DrawnMap {
    graph: CareerGraph,
    layout: MapLayout,
}

/// Map units around a click within which a station counts as clicked, at
/// the preview's own scale (see [`crate::render::TripPreview::map_point`]).
const REACH: f32 = 10.0;

/// The preview, once the map's drawing has downloaded; a sentence if it
/// could not be, since the form works without it.
#[component]
pub(super) fn TripPreviewPanel() -> impl IntoView {
    let map = LocalResource::new(|| async {
        let bytes = crate::ui::data::download(&format!("../{MAP_FILE}"), "The map").await?;
        let bundle = MapBundle::decode(&bytes).map_err(|e| e.to_string())?;
        Ok::<_, String>(Arc::new(DrawnMap {
            graph: CareerGraph::new(bundle.network),
            layout: bundle.layout,
        }))
    });
    view! {
        <figure class="trip-preview">
            <figcaption>"Your journey on the map"</figcaption>
            {move || match map.get() {
                None => view! { <p class="help" role="status">"Drawing the map…"</p> }.into_any(),
                Some(Err(why)) => view! { <p class="help">{why}</p> }.into_any(),
                Some(Ok(map)) => view! { <Drawing map /> }.into_any(),
            }}
        </figure>
    }
}

#[component]
fn Drawing(map: Arc<DrawnMap>) -> impl IntoView {
    let editor = crate::ui::shared::<Editor>();
    let drawn = map.clone();
    // The stations alone, so typing a story or a note does not redraw the
    // map: only a change of stations reaches the preview below.
    let stations = Memo::new(move |_| {
        let network = drawn.graph.network();
        editor.draft.with(|d| {
            d.steps
                .iter()
                .filter_map(|s| network.position_by_id(s.position.trim()))
                .collect::<Vec<_>>()
        })
    });
    let drawn = map.clone();
    let preview = Memo::new(move |_| {
        let network = drawn.graph.network();
        let stops = stations.get();
        let names: Vec<&str> = stops
            .iter()
            .map(|&p| network.position(p).title.as_str())
            .collect();
        let preview = trip_preview(&drawn.graph, &drawn.layout, &stops);
        let source = format!(
            "data:image/svg+xml,{}",
            js_sys::encode_uri_component(&preview.svg)
        );
        let words = if names.is_empty() {
            "The whole map. Click a station to make it the first step.".to_owned()
        } else {
            format!("Your journey on the map: {}.", names.join(", then "))
        };
        (preview, source, words)
    });
    let on_click = move |ev: web_sys::MouseEvent| {
        let image = event_target::<web_sys::HtmlElement>(&ev);
        let (width, height) = (image.client_width() as f32, image.client_height() as f32);
        if width <= 0.0 || height <= 0.0 {
            return;
        }
        let picked = preview.with_untracked(|(preview, _, _)| {
            let point =
                preview.map_point(ev.offset_x() as f32 / width, ev.offset_y() as f32 / height);
            let reach = REACH * preview.view.width / width;
            map.layout.station_at(point, reach)
        });
        if let Some(position) = picked {
            let id = map.graph.network().position(position).id.clone();
            editor.edit(Field::Steps, |d| {
                d.steps.push(DraftStep {
                    proposed: None,
                    position: id,
                    ..DraftStep::default()
                })
            });
        }
    };
    view! {
        <img class="trip-preview-map" src=move || preview.with(|(_, source, _)| source.clone())
            alt=move || preview.with(|(_, _, words)| words.clone())
            on:click=on_click />
        <p class="help">"Click a station on the map to add it as the next step, or type its name below."</p>
    }
}
