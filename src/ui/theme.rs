//! The colour theme: the device's setting, light, dark or high contrast.
//!
//! The colours themselves are CSS custom properties (the themes section of assets/app.css),
//! picked by `data-theme` on the root element; this component only chooses
//! the attribute and remembers the choice in localStorage.

use leptos::prelude::*;

/// Where the choice is kept. assets/boot.js reads the same key to apply it
/// before the app has loaded.
const STORAGE_KEY: &str = "tubemap-theme";

/// A theme the pupil can choose.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Theme {
    /// Follow `prefers-color-scheme`: no `data-theme` at all.
    Device,
    Light,
    Dark,
    Contrast,
}

impl Theme {
    const ALL: [Theme; 4] = [Theme::Device, Theme::Light, Theme::Dark, Theme::Contrast];

    /// The `data-theme` value and the stored value.
    fn key(self) -> &'static str {
        match self {
            Theme::Device => "device",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Contrast => "contrast",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Theme::Device => "Device theme",
            Theme::Light => "Light theme",
            Theme::Dark => "Dark theme",
            Theme::Contrast => "High contrast",
        }
    }

    /// Anything unknown (an old version's value, a hand-edited one) means
    /// the device setting rather than an error.
    fn parse(value: &str) -> Theme {
        Theme::ALL
            .into_iter()
            .find(|t| t.key() == value)
            .unwrap_or(Theme::Device)
    }
}

/// Storage may be missing or throw (blocked cookies, private mode): the
/// theme then lasts for this visit only.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn stored() -> Theme {
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .map_or(Theme::Device, |v| Theme::parse(&v))
}

/// Sets `data-theme` on the root element and remembers the choice.
fn apply(theme: Theme) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = match theme {
            Theme::Device => root.remove_attribute("data-theme"),
            _ => root.set_attribute("data-theme", theme.key()),
        };
    }
    if let Some(storage) = storage() {
        let _ = match theme {
            Theme::Device => storage.remove_item(STORAGE_KEY),
            _ => storage.set_item(STORAGE_KEY, theme.key()),
        };
    }
}

/// A labelled menu of themes for the top bar.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    // The theme lives outside Leptos (an attribute, storage), and only this
    // menu changes it, so no signal: the handler applies the choice itself.
    // Applying the stored one again also clears a garbage value.
    let initial = stored();
    apply(initial);
    let options = Theme::ALL
        .into_iter()
        .map(|t| view! { <option value=t.key() selected=t == initial>{t.label()}</option> })
        .collect_view();
    view! {
        <div class="theme-switch">
            <label for="theme-choice">"Theme"</label>
            <select id="theme-choice" on:change=move |ev| apply(Theme::parse(&event_target_value(&ev)))>
                {options}
            </select>
        </div>
    }
}
