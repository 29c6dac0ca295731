//! The pupil's own progress on the map, shared by the map (marks on
//! stations), the station panel (the mark buttons) and the My journey
//! panel: kept in localStorage only, or a read-only journey from a share
//! link.

use super::data::Shared;
use crate::journey::PositionIndex;
use crate::progress::Progress;
use leptos::prelude::*;

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

/// Loads saved progress (tolerating damage) and saves every change; the
/// caller shares it in the [`super::MapContext`].
pub fn load_my_journey(data: &Shared, shared_link: Option<&str>) -> MyJourney {
    let network = data.network();
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
        let text = state.mine.with(|p| p.to_text(data.network()));
        if let Some(storage) = storage() {
            // Full or blocked storage: the marks last for this visit only.
            let _ = storage.set_item(STORAGE_KEY, &text);
        }
    });
    state
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The "I've done this" and "My goal" toggles in a station's panel.
#[component]
pub fn MarkButtons(position: PositionIndex) -> impl IntoView {
    let my = super::map_context().my;
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
