//! The map itself: bands, lines, stations and labels as one SVG, with pan
//! and zoom by mouse, touch and keyboard.
//!
//! One delegated listener on the SVG handles every station and line, which
//! keeps the DOM lean; each station is still a focusable button with an
//! accessible name.

use super::data::Shared;
use super::plan::PlannedRoutes;
use super::state::MapState;
use crate::journey::PositionIndex;
use crate::layout::{Align, MapLayout};
use crate::lod;
use crate::map_view::Viewport;
use crate::navigate::{self, Gesture, MapKey, Movement};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn TubeMap() -> impl IntoView {
    let data = expect_context::<Shared>();
    let state = expect_context::<MapState>();
    let layout = &data.layout;
    let (width, height) = (layout.width, layout.height);
    let current = move || state.viewport.get().unwrap_or(Viewport::fit(width, height));
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let gesture = StoredValue::new(Gesture::default());
    // The SVG's size on screen, read when needed: the level of detail
    // follows it at the next change of view. `laid_out` changes once the
    // SVG has a size, a frame after it is mounted, so the names are drawn
    // for the real size straight away, and again whenever the window
    // resizes.
    let laid_out = RwSignal::new(0usize);
    let frame = move || -> (f32, f32) {
        laid_out.track();
        svg.get_untracked().map_or((0.0, 0.0), |el| {
            let rect = el.get_bounding_client_rect();
            (rect.width() as f32, rect.height() as f32)
        })
    };
    {
        // Once laid out, open on the view that suits the screen, unless a
        // link asked for one.
        let data = data.clone();
        svg.on_load(move |_| {
            request_animation_frame(move || {
                if state.viewport.get_untracked().is_none() {
                    state.open_first_view(&data);
                }
                laid_out.set(1);
            })
        });
    }
    // A turned phone or a resized window changes the SVG's size: the names
    // follow at once, not at the next pan or zoom.
    let resized = window_event_listener(leptos::ev::resize, move |_| {
        laid_out.update(|n| *n += 1);
    });
    on_cleanup(move || resized.remove());
    // Screen pixels per map unit now.
    let scale = move || {
        let (w, h) = frame();
        current()
            .view_box(width, height)
            .scale(w.max(1.0), h.max(1.0))
    };

    // Screen pixels → map units, from the SVG's current size on screen.
    let screen = move || -> Option<(f32, f32, f32, f32)> {
        let rect = svg.get_untracked()?.get_bounding_client_rect();
        Some((
            rect.left() as f32,
            rect.top() as f32,
            rect.width() as f32,
            rect.height() as f32,
        ))
    };
    let map_point = move |client_x: f32, client_y: f32| -> Option<(f32, f32)> {
        let (left, top, w, h) = screen()?;
        let view = state
            .viewport
            .get_untracked()
            .unwrap_or(Viewport::fit(width, height));
        Some(
            view.view_box(width, height)
                .map_point((client_x - left, client_y - top), w, h),
        )
    };
    let zoom_at = move |focus: (f32, f32), factor: f32| {
        let view = state
            .viewport
            .get_untracked()
            .unwrap_or(Viewport::fit(width, height));
        state.viewport.set(Some(view.zoomed_at(focus, factor)));
    };
    let pan_pixels = move |dx: f32, dy: f32| {
        let Some((_, _, w, h)) = screen() else { return };
        let view = state
            .viewport
            .get_untracked()
            .unwrap_or(Viewport::fit(width, height));
        let scale = view.view_box(width, height).scale(w, h);
        state
            .viewport
            .set(Some(view.panned(-dx / scale, -dy / scale)));
    };

    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let factor = navigate::wheel_zoom(ev.delta_y() as f32);
        if let Some(focus) = map_point(ev.client_x() as f32, ev.client_y() as f32) {
            zoom_at(focus, factor);
        }
    };
    let on_pointer_down = move |ev: web_sys::PointerEvent| {
        if ev.button() == 0 {
            let (x, y) = (ev.client_x() as f32, ev.client_y() as f32);
            gesture.update_value(|g| g.down(ev.pointer_id(), x, y));
        }
    };
    let on_pointer_move = move |ev: web_sys::PointerEvent| {
        let (id, x, y) = (ev.pointer_id(), ev.client_x() as f32, ev.client_y() as f32);
        let mut movement = Movement::Nothing;
        gesture.update_value(|g| movement = g.moved(id, x, y));
        match movement {
            Movement::Pan { dx, dy, capture } => {
                if capture
                    && let Some(target) = ev
                        .current_target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                {
                    let _ = target.set_pointer_capture(id);
                }
                pan_pixels(dx, dy);
            }
            Movement::Pinch {
                centre: (cx, cy),
                factor,
            } => {
                if let Some(focus) = map_point(cx, cy) {
                    zoom_at(focus, factor);
                }
            }
            Movement::Nothing => {}
        }
    };
    let on_pointer_up = move |ev: web_sys::PointerEvent| {
        gesture.update_value(|g| g.up(ev.pointer_id()));
    };

    let on_click = move |ev: web_sys::MouseEvent| {
        if gesture.with_value(Gesture::dragged) {
            return;
        }
        if let Some(Hit::Station(position)) = hit(ev.target()) {
            state.station.set(Some(position));
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
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
            MapKey::Pan(dx, dy) => pan_pixels(dx, dy),
            MapKey::Zoom(factor) => {
                let view = current();
                zoom_at((view.x, view.y), factor);
            }
            MapKey::Fit => state.viewport.set(None),
        }
    };

    let planned = expect_context::<PlannedRoutes>();
    // The route on show, if any: its stops stay bright, all else dims.
    // Plain closures, not memos, here and in `focus`: a memo of a new type
    // would add its own reactive code to the bundle, and both are cheap.
    let shown_route = move || {
        let choice = state.route.choice.get();
        planned.with(|p| match p {
            Some(Ok(plan)) => Some(plan.on_show(choice).clone()),
            _ => None,
        })
    };
    // What stays bright over the dimmed rest (`focus`: one rule for which
    // choice wins).
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
    let dimmed = move || focus().dims();
    let overlay = {
        let data = data.clone();
        move || {
            let (network, layout) = (data.network(), &data.layout);
            // A planned route, else the chosen person's trip, drawn over
            // the dimmed map.
            let stretches = match (shown_route(), state.person()) {
                (Some(route), _) => Some(crate::render::route_stretches(network, layout, &route)),
                (None, Some(journey)) => {
                    Some(crate::render::trip_stretches(network, layout, journey))
                }
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
    };

    view! {
        <div class="map-frame">
            <svg
                node_ref=svg
                class="tube-map"
                class:is-dimmed=dimmed
                class:is-flow=move || state.flow.get()
                data-detail=move || lod::detail(scale())
                viewBox=move || current().view_box(width, height).attribute()
                role="group"
                aria-label="Tube map of career journeys"
                aria-describedby="map-help"
                tabindex="0"
                on:wheel=on_wheel
                on:pointerdown=on_pointer_down
                on:pointermove=on_pointer_move
                on:pointerup=on_pointer_up
                on:pointercancel=on_pointer_up
                on:click=on_click
                on:keydown=on_key
            >
                {bands(layout)}
                {lines(&data, focus)}
                // "Busiest routes" (`render::flow_markup`): drawn once,
                // shown while the toggle is on. Numbers and colours only,
                // never journey text, so it is safe as markup.
                <g class="flow" inner_html=crate::render::flow_markup(&data.graph, layout)></g>
                <g class="route-overlay">{overlay}</g>
                {stations(&data, state, highlighted)}
                {labels(layout, highlighted)}
                {super::map_names::names(&data, scale, current)}
            </svg>
            <div class="zoom-controls" role="group" aria-label="Zoom">
                <button type="button" class="control" aria-label="Zoom in" on:click=move |_| { let v = current(); zoom_at((v.x, v.y), 1.4) }>"+"</button>
                <button type="button" class="control" aria-label="Zoom out" on:click=move |_| { let v = current(); zoom_at((v.x, v.y), 1.0 / 1.4) }>"−"</button>
                <button type="button" class="control control-fit" on:click=move |_| state.viewport.set(None)>"Fit"</button>
            </div>
            <super::download::Download />
            <p id="map-help" class="visually-hidden">
                "Tab moves between stations; Enter opens one. On the map, arrow keys pan, plus and minus zoom, 0 fits the whole map."
            </p>
        </div>
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
    let my = expect_context::<super::progress_state::MyJourney>();
    let network = data.network();
    let layout = &data.layout;
    layout
        .stations
        .iter()
        .map(|mark| {
            let position = mark.position;
            let lines = data.graph.lines_at(position);
            let name = data.graph.station_name(position);
            let colour = lines.first().map_or_else(|| crate::render::UNUSED_TICK.to_owned(), |&l| network.line(l).colour.to_string());
            let b = mark.bounds;
            // A generous invisible hit area: at least 24 px square.
            let (hx, hy) = (b.x - (24.0f32 - b.width).max(0.0) / 2.0, b.y - (24.0f32 - b.height).max(0.0) / 2.0);
            let shape = if mark.interchange {
                let (a, z) = mark.capsule;
                view! {
                    <line class="capsule-ring" x1=px(a.x) y1=px(a.y) x2=px(z.x) y2=px(z.y) />
                    <line class="capsule-fill" x1=px(a.x) y1=px(a.y) x2=px(z.x) y2=px(z.y) />
                }
                .into_any()
            } else {
                view! {
                    <line
                        class="tick"
                        x1=px(mark.at.x)
                        y1=px(mark.at.y)
                        x2=px(mark.at.x + mark.tick.x * crate::layout::TICK_LENGTH)
                        y2=px(mark.at.y + mark.tick.y * crate::layout::TICK_LENGTH)
                        stroke=colour
                    />
                }
                .into_any()
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
            let anchor = match label.align {
                Align::Start => "start",
                Align::Middle => "middle",
                Align::End => "end",
            };
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
