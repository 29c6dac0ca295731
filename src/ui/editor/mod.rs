//! The editor page, "Add your journey" (`add/`): a person builds a journey
//! without Git or TOML, sees the real validator's problems next to each
//! field as they type, and sends the file. A separate bundle from the map's
//! (built with the `authoring` feature), so the map's first load never
//! carries the TOML parser or the validator.
//!
//! The rules live in the core ([`crate::draft`]); these components draw the
//! draft and forward edits to it.

mod fields;
mod preview;
mod proposal;
mod send;
mod steps;

use crate::draft::{
    Attention, Draft, Field, FieldProblem, SOURCES_FILE, ShippedContent, Written, check,
};
use leptos::prelude::*;
use std::sync::Arc;

/// Where the draft is kept between visits; nothing leaves the device.
const STORAGE_KEY: &str = "tubemap-draft";

/// Mounts the editor page on the body.
pub fn start() {
    leptos::mount::mount_to_body(EditorPage);
}

/// The editor's shared state: the draft and what the validator makes of it.
#[derive(Clone, Copy)]
struct Editor {
    draft: RwSignal<Draft>,
    checked: Memo<(Written, Vec<FieldProblem>)>,
    attention: RwSignal<Attention>,
    shipped: StoredValue<Arc<ShippedContent>>,
    /// How long the last check took, in milliseconds (shown to tests and
    /// the benchmark as `data-check-ms`).
    check_ms: RwSignal<f64>,
}

impl Editor {
    fn new(shipped: Arc<ShippedContent>, saved: Option<Draft>) -> Editor {
        // Coming back to a saved draft: its problems are all worth seeing.
        let mut attention = Attention::default();
        attention.all = saved.as_ref().is_some_and(|d| *d != Draft::default());
        let attention = RwSignal::new(attention);
        let draft = RwSignal::new(saved.unwrap_or_default());
        let check_ms = RwSignal::new(0.0);
        let year = u16::try_from(js_sys::Date::new_0().get_full_year()).unwrap_or(2026);
        let content = shipped.clone();
        let checked = Memo::new(move |_| {
            let started = now();
            let result = draft.with(|d| check(d, &content, year));
            check_ms.set(now() - started);
            result
        });
        Editor {
            draft,
            checked,
            attention,
            shipped: StoredValue::new(shipped),
            check_ms,
        }
    }

    /// The problems about `field`, once the person has been to it.
    fn problems(self, field: Field) -> Vec<FieldProblem> {
        if !self.attention.with(|a| a.shows(field)) {
            return Vec::new();
        }
        self.checked.with(|(_, problems)| {
            problems
                .iter()
                .filter(|p| p.field == field)
                .cloned()
                .collect()
        })
    }

    /// Changes the draft through `field`, which then shows its problems.
    fn edit(self, field: Field, change: impl FnOnce(&mut Draft)) {
        self.attention.update(|a| a.touch(field));
        self.draft.update(change);
    }
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Loads the shipped journeys, then shows the editor; a failed download
/// says so instead of leaving the page blank.
#[component]
fn EditorPage() -> impl IntoView {
    let loaded = LocalResource::new(|| async {
        let bytes = super::data::download(SOURCES_FILE, "the map's stations").await?;
        ShippedContent::unpack(&bytes)
            .map(Arc::new)
            .map_err(|_| "the map's stations are damaged: reload the page".to_owned())
    });
    view! {
        <header class="editor-header">
            <div class="editor-header-inner">
                <a href="../">"← Back to the map"</a>
                <h1>"Add your journey"</h1>
                <p class="tagline">
                    "Build a career journey step by step. It stays on this device until you choose to send it."
                </p>
            </div>
        </header>
        <main id="editor" class="editor">
            {move || match loaded.get() {
                None => view! { <p class="notice" role="status">"Loading the map's stations…"</p> }.into_any(),
                Some(Err(why)) => view! { <p class="notice" role="alert">{why}</p> }.into_any(),
                Some(Ok(shipped)) => {
                    let saved = storage()
                        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
                        .and_then(|text| Draft::read(&text));
                    let editor = Editor::new(shipped, saved);
                    provide_context(editor);
                    // Keep the draft on the device as it changes.
                    Effect::new(move |_| {
                        let text = editor.checked.with(|(written, _)| written.text.clone());
                        if let Some(storage) = storage() {
                            let _ = storage.set_item(STORAGE_KEY, &text);
                        }
                    });
                    view! { <EditorForm /> }.into_any()
                }
            }}
        </main>
    }
}

#[component]
fn EditorForm() -> impl IntoView {
    let editor = crate::ui::shared::<Editor>();
    view! {
        <div class="editor-columns">
        <form
            class="editor-form"
            data-check-ms=move || format!("{:.1}", editor.check_ms.get())
            on:submit=|ev| ev.prevent_default()
        >
            <fields::AboutFields />
            <fields::SourceFields />
            <steps::Steps />
        </form>
        <send::Send />
        </div>
    }
}
