//! "My journey": mark stations done or as a goal, earn badges, see the route
//! to the goal. Kept in localStorage only; exported as a small file and
//! shared as a read-only link.

use super::data::Shared;
use super::state::MapState;
use crate::journey::PositionIndex;
use crate::progress::Progress;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The localStorage key.
const STORAGE_KEY: &str = "tubemap-progress";

/// The pupil's own progress, and what to tell them about stored data.
#[derive(Clone, Copy)]
pub struct MyJourney {
    /// Their own marks, saved on this device.
    pub mine: RwSignal<Progress>,
    /// A journey opened from a share link: shown instead, read-only.
    pub shared: RwSignal<Option<Progress>>,
    /// A sentence about stored or imported data that could not be read.
    pub notice: RwSignal<Option<String>>,
}

impl MyJourney {
    /// What the map shows: the shared journey if one is open, else mine.
    pub fn shown(&self) -> Progress {
        self.with_shown(Progress::clone)
    }

    /// Reads what the map shows without copying it: each station's marks
    /// are checked on every change, so this stays allocation-free.
    pub fn with_shown<R>(&self, f: impl FnOnce(&Progress) -> R) -> R {
        self.shared.with(|shared| match shared {
            Some(progress) => f(progress),
            None => self.mine.with(f),
        })
    }

    /// Whether a shared journey is on show (marking is then off).
    pub fn read_only(&self) -> bool {
        self.shared.with(Option::is_some)
    }
}

/// Loads saved progress (tolerating damage) and saves every change.
pub fn provide_my_journey(data: &Shared, shared_link: Option<&str>) -> MyJourney {
    let network = &data.bundle.network;
    let notice = RwSignal::new(None);
    let stored = storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .unwrap_or_default();
    let mine = match Progress::from_text(network, &stored) {
        Ok((progress, 0)) => progress,
        Ok((progress, skipped)) => {
            notice.set(Some(format!(
                "{skipped} saved station(s) are no longer on the map and were left out."
            )));
            progress
        }
        Err(error) => {
            notice.set(Some(format!(
                "Your saved journey could not be read, so it was set aside: {error}."
            )));
            Progress::default()
        }
    };
    let shared = shared_link
        .and_then(|link| Progress::from_text(network, link).ok())
        .map(|(p, _)| p);
    let state = MyJourney {
        mine: RwSignal::new(mine),
        shared: RwSignal::new(shared),
        notice,
    };
    let data = data.clone();
    // Syncing with the outside world (storage) is what Effects are for.
    Effect::new(move |_| {
        let text = state.mine.with(|p| p.to_text(&data.bundle.network));
        if let Some(storage) = storage() {
            // Full or blocked storage: the marks last for this visit only.
            let _ = storage.set_item(STORAGE_KEY, &text);
        }
    });
    provide_context(state);
    state
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The "I've done this" and "My goal" toggles in a station's panel.
#[component]
pub fn MarkButtons(position: PositionIndex) -> impl IntoView {
    let my = expect_context::<MyJourney>();
    let done = move || my.mine.with(|p| p.is_done(position));
    let goal = move || my.mine.with(|p| p.goal == Some(position));
    view! {
        {move || (!my.read_only()).then(|| view! {
            <div class="mark-buttons" role="group" aria-label="My journey">
                <button type="button" class="chip-button" aria-pressed=move || done().to_string() on:click=move |_| my.mine.update(|p| p.toggle_done(position))>
                    "I've done this"
                </button>
                <button type="button" class="chip-button" aria-pressed=move || goal().to_string() on:click=move |_| my.mine.update(|p| p.toggle_goal(position))>
                    "This is my goal"
                </button>
            </div>
        })}
    }
}

/// Badges, goal, route to it, export, import and share.
#[component]
pub fn MyJourneyPanel() -> impl IntoView {
    let data = expect_context::<Shared>();
    let state = expect_context::<MapState>();
    let my = expect_context::<MyJourney>();
    // The shared data, not a copy of the network: closures clone the Arc.
    let network = data.clone();
    let badges = {
        let network = network.clone();
        move || {
            my.shown()
                .badges(&network.bundle.network)
                .into_iter()
                .map(|badge| {
                    let (name, rest) = badge.meaning.split_once(':').unwrap_or((badge.meaning.as_str(), ""));
                    view! {
                        <li class="badge">
                            <span class="badge-mark" aria-hidden="true">{name.replace("Level ", "L").replace("Entry level", "E")}</span>
                            <span><strong>{badge.title.clone()}</strong><span class="muted">{format!(" · {name}:{rest}")}</span></span>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let goal = {
        let network = network.clone();
        move || {
            my.shown()
                .goal
                .map(|g| network.bundle.network.position(g).title.clone())
        }
    };
    let route_to_goal = {
        let network = network.clone();
        move |_| {
            let progress = my.shown();
            if let (Some(from), Some(to)) =
                (progress.furthest(&network.bundle.network), progress.goal)
            {
                state.route.set_from(Some(from));
                state.route.set_to(Some(to));
            }
        }
    };
    let link = {
        let network = network.clone();
        move || {
            let location = web_sys::window().map(|w| w.location());
            let base = location
                .and_then(|l| Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?)))
                .unwrap_or_default();
            format!(
                "{base}?mine={}",
                my.mine.with(|p| p.to_link(&network.bundle.network))
            )
        }
    };
    let export = {
        let network = network.clone();
        move |_| {
            download_text(
                "my-career-journey.txt",
                &my.mine.with(|p| p.to_text(&network.bundle.network)),
            )
        }
    };
    let import = {
        let network = network.clone();
        move |ev: web_sys::Event| {
            let Some(file) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|input| input.files())
                .and_then(|files| files.get(0))
            else {
                return;
            };
            let network = network.clone();
            leptos::task::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                match Progress::from_text(&network.bundle.network, &text) {
                    Ok((progress, _)) => {
                        my.mine.set(progress);
                        my.notice.set(Some("Your journey was imported.".to_owned()));
                    }
                    Err(error) => my
                        .notice
                        .set(Some(format!("That file could not be imported: {error}."))),
                }
            });
        }
    };
    let leave_shared = move |_| {
        my.shared.set(None);
        state.mine.set(None);
    };
    view! {
        <section class="panel my-journey" aria-labelledby="my-journey-title">
            <h2 id="my-journey-title">{move || if my.read_only() { "A shared journey" } else { "My journey" }}</h2>
            {move || my.notice.get().map(|n| view! { <p class="notice" role="status">{n}</p> })}
            {move || my.read_only().then(|| view! {
                <p>"You are looking at someone's shared journey. It is read-only."</p>
                <button type="button" class="chip-button" on:click=leave_shared>"Back to my own journey"</button>
            })}
            {move || my.with_shown(Progress::is_empty).then(|| view! {
                <p class="muted">"Open a station and choose “I've done this” or “This is my goal”. It stays on this device only."</p>
            })}
            <ul class="plain badges" aria-label="Badges earned">{badges}</ul>
            {move || goal().map(|g| view! { <p class="goal"><strong>"Goal: "</strong>{g}</p> })}
            {move || (my.with_shown(|p| p.goal.is_some() && !p.done().is_empty())).then(|| view! {
                <button type="button" class="chip-button" on:click=route_to_goal.clone()>"Show my route to my goal"</button>
            })}
            {move || (!my.read_only() && !my.mine.with(Progress::is_empty)).then(|| view! {
                <div class="share">
                    <label for="share-link">"Share (read-only link)"</label>
                    <input id="share-link" type="text" readonly prop:value=link.clone() />
                    <button type="button" class="chip-button" on:click=export.clone()>"Save to a file"</button>
                </div>
            })}
            {move || (!my.read_only()).then(|| view! {
                <label class="file-label" for="import-journey">"Load a saved file"</label>
                <input id="import-journey" type="file" accept=".txt,text/plain" on:change=import.clone() />
            })}
        </section>
    }
}

/// Offers `text` as a file download.
pub(super) fn download_text(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/plain");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let anchor = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(anchor) = anchor {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
