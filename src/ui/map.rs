//! The map itself: bands, lines, stations and labels as one SVG, with pan
//! and zoom by mouse, touch and keyboard.
//!
//! One delegated listener on the SVG handles every station and line, which
//! keeps the DOM lean; each station is still a focusable button with an
//! accessible name.

use super::camera::{Camera, ZOOM_STEP};
use super::data::Shared;
use super::plan::PlannedRoutes;
use super::state::MapState;
use crate::journey::PositionIndex;
use crate::layout::MapLayout;
use crate::lod;
use crate::navigate::{self, MapKey};
use crate::render::scene::{StationShape, station_shape, text_anchor};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn TubeMap() -> impl IntoView {
    let data = super::map_context().data;
    let state = super::map_context().state;
    let layout = &data.layout;
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let camera = Camera::new(state, svg, layout.width, layout.height);
    {
        // Once laid out, open on the view that suits the screen, unless a
        // link asked for one.
        let data = data.clone();
        svg.on_load(move |_| {
            request_animation_frame(move || {
                if state.viewport.get_untracked().is_none() {
                    state.open_first_view(&data);
                }
                camera.resized();
            })
        });
    }
    // A turned phone or a resized window changes the SVG's size: the names
    // follow at once, not at the next pan or zoom.
    let resized = window_event_listener(leptos::ev::resize, move |_| camera.resized());
    on_cleanup(move || resized.remove());

    let on_click = move |ev: web_sys::MouseEvent| {
        if camera.dragged() {
            return;
        }
        if let Some(Hit::Station(position)) = hit(ev.target()) {
            state.station.set(Some(position));
        }
    };
    let shown_route = shown_route(state, super::map_context().planned);
    // What stays bright over the dimmed rest (`focus`: one rule for which
    // choice wins). A closure, like `shown_route`.
    let focus = move || {
        crate::focus::Focus::of(
            shown_route().map(|r| r.stops),
            state.person(),
            state.line(),
            state.sector.get(),
        )
    };
    let highlighted = Memo::new({
        let data = data.clone();
        move |_| focus().lit_stations(data.network())
    });

    view! {
        <div class="map-frame">
            <svg
                node_ref=svg
                class="tube-map"
                class:is-dimmed=move || focus().dims()
                class:is-flow=move || state.flow.get()
                data-detail=move || lod::detail(camera.scale())
                viewBox=move || camera.view_box()
                role="group"
                aria-label="Tube map of career journeys"
                aria-describedby="map-help"
                tabindex="0"
                on:wheel=move |ev| camera.wheel(ev)
                on:pointerdown=move |ev| camera.pointer_down(ev)
                on:pointermove=move |ev| camera.pointer_move(ev)
                on:pointerup=move |ev| camera.pointer_up(ev)
                on:pointercancel=move |ev| camera.pointer_up(ev)
                on:click=on_click
                on:keydown=move |ev| on_key(camera, state, ev)
            >
                {bands(layout)}
                {lines(&data, focus)}
                // "Busiest routes" (`render::flow_markup`): drawn once,
                // shown while the toggle is on. Numbers and colours only,
                // never journey text, so it is safe as markup.
                <g class="flow" inner_html=crate::render::flow_markup(&data.graph, layout)></g>
                <g class="route-overlay">{overlay(data.clone(), state, shown_route)}</g>
                {stations(&data, state, highlighted)}
                {labels(layout, highlighted)}
                {super::map_names::names(&data, move || camera.scale(), move || camera.on_screen())}
            </svg>
            <div class="zoom-controls" role="group" aria-label="Zoom">
                <button type="button" class="control" aria-label="Zoom in" on:click=move |_| camera.zoom(ZOOM_STEP)>"+"</button>
                <button type="button" class="control" aria-label="Zoom out" on:click=move |_| camera.zoom(1.0 / ZOOM_STEP)>"−"</button>
                <button type="button" class="control control-fit" on:click=move |_| camera.fit()>"Fit"</button>
            </div>
            <super::download::Download />
            <p id="map-help" class="visually-hidden">
                "Tab moves between stations; Enter opens one. On the map, arrow keys pan, plus and minus zoom, 0 fits the whole map."
            </p>
        </div>
    }
}

/// Enter or Space on a station opens it; the other keys move the map
/// (`navigate::map_key`).
fn on_key(camera: Camera, state: MapState, ev: web_sys::KeyboardEvent) {
    let key = ev.key();
    if let (Some(Hit::Station(position)), "Enter" | " ") = (hit(ev.target()), key.as_str()) {
        ev.prevent_default();
        state.station.set(Some(position));
        return;
    }
    let Some(command) = navigate::map_key(&key) else {
        return;
    };
    ev.prevent_default();
    match command {
        MapKey::Pan(dx, dy) => camera.pan(dx, dy),
        MapKey::Zoom(factor) => camera.zoom(factor),
        MapKey::Fit => camera.fit(),
    }
}

/// The route on show, if any (`RoutePlan::on_show`): its stops stay
/// bright, all else dims. A plain closure, not a memo: a memo of a new
/// type would add its own reactive code to the bundle, and it is cheap.
fn shown_route(
    state: MapState,
    planned: PlannedRoutes,
) -> impl Fn() -> Option<crate::route::Route> + Copy + Send + Sync + 'static {
    move || {
        let choice = state.route.choice.get();
        planned.with(|p| match p {
            Some(Ok(plan)) => Some(plan.on_show(choice).clone()),
            _ => None,
        })
    }
}

/// A planned route on show, else the chosen person's trip, drawn over the
/// dimmed map.
fn overlay<R>(data: Shared, state: MapState, shown_route: R) -> impl IntoView + use<R>
where
    R: Fn() -> Option<crate::route::Route> + Send + Sync + 'static,
{
    move || {
        let (network, layout) = (data.network(), &data.layout);
        let stretches = match (shown_route(), state.person()) {
            (Some(route), _) => Some(crate::render::route_stretches(network, layout, &route)),
            (None, Some(journey)) => Some(crate::render::trip_stretches(network, layout, journey)),
            (None, None) => None,
        };
        stretches.map(|stretches| {
            stretches
                .into_iter()
                .map(|stretch| {
                    let d = crate::render::path_data(&stretch.points);
                    view! {
                        <path class="route-casing" d=d.clone() />
                        <path
                            class="route-line"
                            class:is-connection=stretch.line.is_none()
                            d=d
                            stroke=stretch
                                .colour
                                .map_or_else(|| CONNECTION_INK.to_owned(), |c| c.to_string())
                        />
                    }
                })
                .collect_view()
        })
    }
}

/// A coordinate as a whole number of map units: precise enough on screen,
/// and integer formatting keeps float printing out of the bundle.
fn px(value: f32) -> i32 {
    value.round() as i32
}

enum Hit {
    Station(PositionIndex),
}

/// The station an event happened on, found from the nearest element
/// carrying `data-position`. Lines are chosen in the legend, not on the
/// map: a line runs under many stations, so a click on it is ambiguous.
fn hit(target: Option<web_sys::EventTarget>) -> Option<Hit> {
    let element: web_sys::Element = target?.dyn_into().ok()?;
    let found = element.closest("[data-position]").ok()??;
    found
        .get_attribute("data-position")
        .and_then(|v| v.parse().ok())
        .map(|p| Hit::Station(PositionIndex(p)))
}

fn bands(layout: &MapLayout) -> impl IntoView + use<> {
    let top = crate::render::BANDS_TOP;
    let height = layout.height - top;
    layout
        .bands
        .iter()
        .enumerate()
        .map(|(i, band)| {
            // Titles are drawn with the fixed-size names (`map_names`), so
            // they stay readable and in view at every zoom.
            view! {
                <g class="band" class:band-alt=i % 2 == 1>
                    <rect x=px(band.x) y=px(top) width=px(band.width) height=px(height) />
                </g>
            }
        })
        .collect_view()
}

use crate::render::CONNECTION_INK;

fn lines<F>(data: &Shared, focus: F) -> impl IntoView + use<F>
where
    F: Fn() -> crate::focus::Focus + Copy + Send + Sync + 'static,
{
    let connections = data
        .layout
        .connections
        .iter()
        .map(|c| {
            view! {
                <path
                    class="connection"
                    d=crate::render::path_data(&c.points)
                    stroke=CONNECTION_INK
                />
            }
        })
        .collect_view();
    let paths = data
        .layout
        .lines
        .iter()
        .map(|path| {
            let line = path.line;
            let data = data.clone();
            let lit = move || focus().lights_line(data.network(), line);
            view! {
                <path
                    class="line"
                    class:is-lit=lit
                    data-line=line.0
                    d=crate::render::path_data(&path.points)
                    stroke=path.colour.to_string()
                />
            }
        })
        .collect_view();
    (connections, paths)
}

fn stations(data: &Shared, state: MapState, highlighted: Memo<Vec<bool>>) -> impl IntoView + use<> {
    let my = super::map_context().my;
    let layout = &data.layout;
    layout
        .stations
        .iter()
        .map(|mark| {
            let position = mark.position;
            let name = data.graph.station_name(position);
            let b = mark.bounds;
            // A generous invisible hit area: at least 24 px square.
            let (hx, hy) = (b.x - (24.0f32 - b.width).max(0.0) / 2.0, b.y - (24.0f32 - b.height).max(0.0) / 2.0);
            let shape = match station_shape(&data.graph, mark) {
                StationShape::Capsule { from: a, to: z } => view! {
                    <line class="capsule-ring" x1=px(a.x) y1=px(a.y) x2=px(z.x) y2=px(z.y) />
                    <line class="capsule-fill" x1=px(a.x) y1=px(a.y) x2=px(z.x) y2=px(z.y) />
                }
                .into_any(),
                StationShape::Tick { from, to, colour } => view! {
                    <line class="tick" x1=px(from.x) y1=px(from.y) x2=px(to.x) y2=px(to.y) stroke=colour />
                }
                .into_any(),
            };
            view! {
                <g
                    class="station"
                    class:is-lit=move || highlighted.with(|h| h.get(position.get()).copied().unwrap_or(true))
                    class:is-selected=move || state.station.get() == Some(position)
                    class:is-done=move || my.with_shown(|p| p.is_done(position))
                    class:is-goal=move || my.with_shown(|p| p.goal == Some(position))
                    data-position=position.0
                    role="button"
                    tabindex="0"
                    aria-label=name
                >
                    <rect class="hit" x=px(hx) y=px(hy) width=px(b.width.max(24.0)) height=px(b.height.max(24.0)) rx=4 />
                    {shape}
                </g>
            }
        })
        .collect_view()
}

fn labels(layout: &MapLayout, highlighted: Memo<Vec<bool>>) -> impl IntoView + use<> {
    layout
        .labels
        .iter()
        .map(|label| {
            let position = label.position;
            let anchor = text_anchor(label.align);
            let x = px(label.anchor.x);
            let tspans = crate::render::label_lines(label)
                .into_iter()
                .map(|(y, text)| view! { <tspan x=x y=px(y)>{text}</tspan> })
                .collect_view();
            view! {
                <text
                    class="label"
                    class:is-lit=move || highlighted.with(|h| h.get(position.get()).copied().unwrap_or(true))
                    text-anchor=anchor
                    aria-hidden="true"
                >
                    {tspans}
                </text>
            }
        })
        .collect_view()
}
