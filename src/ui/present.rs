use super::data::Shared;
use super::plan::PlannedRoutes;
use super::state::MapState;
use crate::journey::Network;
use crate::map_view::Viewport;
use crate::present::{Command, Slide, command_for_key, journey_slides, qr_path, route_slides};
use leptos::prelude::*;

/// How long the view takes to glide to the next station.
const GLIDE_MS: f64 = 450.0;

/// Presentation mode: the chosen journey (or route) station by station, in
/// large type, driven by keys and presenter clickers, with a QR code that
/// opens the same view on pupils' phones.
#[component]
pub fn Presenter() -> impl IntoView {
    let data = super::map_context().data;
    let state = super::map_context().state;
    let planned = super::map_context().planned;
    // Notes and the story come with the words, fetched as presenting starts.
    let words = super::map_context().words;
    let blank = RwSignal::new(false);
    let show_qr = RwSignal::new(false);
    let slides = Memo::new({
        let data = data.clone();
        move |_| {
            let full = super::data::worded(&words.get());
            slides_for(full.as_deref().unwrap_or(data.network()), state, planned)
        }
    });
    let count = move || slides.with(Vec::len);
    let go = move |step: usize| {
        let last = count().saturating_sub(1);
        state.present.set(Some(step.min(last)));
        blank.set(false);
    };
    let run = move |command: Command| {
        let Some(step) = state.present.get_untracked() else {
            return;
        };
        match command {
            Command::Next => go(step + 1),
            Command::Previous => go(step.saturating_sub(1)),
            Command::First => go(0),
            Command::Last => go(usize::MAX),
            Command::Blank => blank.update(|b| *b = !*b),
            Command::Exit => leave(state, blank),
        }
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if state.present.get_untracked().is_none() {
            return;
        }
        if let Some(command) = command_for_key(&ev.key()) {
            ev.prevent_default();
            run(command);
        }
    });
    on_cleanup(move || keys.remove());

    glide_through(data.clone(), state, slides);

    // The person's story opens their journey. A closure, not a memo: it is
    // read in one place, and a memo of its type would add its own reactive
    // code to the bundle.
    let story = {
        let data = data.clone();
        move || {
            let first = state.present.get() == Some(0);
            state.person().filter(|_| first).and_then(|j| {
                let full = words.get().and_then(Result::ok)?;
                let network = full.as_deref().unwrap_or(data.network());
                Some(network.journey(j).story.clone()).filter(|s| !s.is_empty())
            })
        }
    };
    let slide = move || {
        state
            .present
            .get()
            .and_then(|step| slides.with(|s| s.get(step).cloned()))
    };
    // Always in the page, hidden until presenting: the live region must be
    // in place before its text changes for screen readers to announce each
    // station, and stepping never rebuilds it.
    view! {
            <section class="presenter" aria-label="Presentation" aria-live="polite" hidden=move || state.present.get().is_none()>
                {move || {
                    slide()
                        .map(|Slide { title, level, caption, .. }| {
                            let step = state.present.get().unwrap_or(0);
                            view! {
                                <p class="presenter-count">{format!("Station {} of {}", step + 1, count())}</p>
                                <h2 class="presenter-title">{title}</h2>
                                <p class="presenter-level">{level}</p>
                                {caption.map(|c| view! { <p class="presenter-caption">{c}</p> })}
                            }
                        })
                }}
                {move || story().map(|s| view! { <blockquote class="presenter-story">{s}</blockquote> })}
                <div class="presenter-controls">
                    <button type="button" class="control" on:click=move |_| run(Command::Previous)>"Previous"</button>
                    <button type="button" class="control" on:click=move |_| run(Command::Next)>"Next"</button>
                    <button type="button" class="control" aria-pressed=move || show_qr.get().to_string() on:click=move |_| show_qr.update(|q| *q = !*q)>"QR code"</button>
                    <button type="button" class="control" on:click=move |_| run(Command::Blank)>"Blank (B)"</button>
                    <button type="button" class="control" on:click=move |_| run(Command::Exit)>"Exit (Esc)"</button>
                </div>
                {move || show_qr.get().then(qr_code)}
            </section>
            <div class="blank-screen" class:is-on=move || blank.get() on:click=move |_| blank.set(false) aria-hidden="true"></div>
    }
}

/// Glides the view to each slide's station as the presenter steps (an
/// Effect: it drives the browser's animation frames, outside the reactive
/// graph).
fn glide_through(data: Shared, state: MapState, slides: Memo<Vec<Slide>>) {
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        let Some(step) = state.present.get() else {
            return;
        };
        let Some(slide) = slides.with(|s| s.get(step).cloned()) else {
            return;
        };
        let layout = &data.layout;
        let from = state
            .viewport
            .get_untracked()
            .unwrap_or(Viewport::fit(layout.width, layout.height));
        // Close enough to read the station's name and its neighbours' from
        // the back of the room, and the station marked as chosen: at a
        // fixed zoom the names were hidden, and nothing on the map said
        // which station the card meant.
        let target = state.open_near(&data, slide.position);
        generation.update_value(|g| *g = g.wrapping_add(1));
        if prefers_reduced_motion() {
            state.viewport.set(Some(target));
        } else {
            glide(
                state,
                generation,
                generation.get_value(),
                from,
                target,
                now(),
            );
        }
    });
}

/// The QR code of the page as it is now, which opens the same view on a
/// phone.
fn qr_code() -> Option<impl IntoView> {
    let url = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    qr_path(&url).map(|(size, path)| {
        let box_ = format!("-4 -4 {} {}", size + 8, size + 8);
        view! {
            <figure class="qr">
                <svg viewBox=box_ role="img" aria-label="QR code that opens this view on a phone">
                    <rect x="-4" y="-4" width=size + 8 height=size + 8 fill="#ffffff" />
                    <path d=path fill="#000000" />
                </svg>
                <figcaption>"Scan to follow on your phone"</figcaption>
            </figure>
        }
    })
}

/// The slides of the highlighted journey, else of the route on show.
fn slides_for(network: &Network, state: MapState, planned: PlannedRoutes) -> Vec<Slide> {
    if let Some(journey) = state.person() {
        return journey_slides(network, journey);
    }
    let choice = state.route.choice.get();
    planned.with(|p| match p {
        Some(Ok(plan)) => route_slides(network, plan.on_show(choice)),
        _ => Vec::new(),
    })
}

fn leave(state: MapState, blank: RwSignal<bool>) {
    blank.set(false);
    state.present.set(None);
    if let Some(document) = web_sys::window().and_then(|w| w.document())
        && document.fullscreen_element().is_some()
    {
        document.exit_fullscreen();
    }
}

fn glide(
    state: MapState,
    generation: StoredValue<u32>,
    this_glide: u32,
    from: Viewport,
    to: Viewport,
    started: f64,
) {
    request_animation_frame(move || {
        // A newer glide (the presenter pressed again) takes over.
        if generation.try_get_value() != Some(this_glide) {
            return;
        }
        let t = ((now() - started) / GLIDE_MS) as f32;
        state.viewport.set(Some(from.towards(to, t)));
        if t < 1.0 {
            glide(state, generation, this_glide, from, to, started);
        }
    });
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}
