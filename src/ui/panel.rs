//! What every details panel does the same way.

use crate::journey::JourneyIndex;
use leptos::prelude::*;

/// A panel's heading, focused when the panel opens, so keyboard and
/// screen-reader users land on what they opened. One function for every
/// panel keeps one copy of the effect in the bundle.
pub fn focused_heading() -> NodeRef<leptos::html::H2> {
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    heading
}

/// A station named in a panel: its title, which flies the map to it and
/// opens it, then `detail` in muted text (" · Level 3 · 2 years"). One
/// function for every panel, so the bundle holds one copy of its code.
pub fn station_link(
    data: &super::data::Shared,
    to: crate::journey::PositionIndex,
    detail: String,
) -> impl IntoView + use<> {
    let state = super::map_context().state;
    let title = data.network().position(to).title.clone();
    let data = data.clone();
    view! {
        <button type="button" class="link-button" on:click=move |_| state.fly_to(&data, to)>{title}</button>
        <span class="muted">{detail}</span>
    }
}

/// A person, named as the legend lists them: pressing shows their trip
/// over the dimmed map and their story, and pressing again closes it. The
/// legend and the station panel share it (and its code in the bundle).
pub fn person_button(network: &crate::journey::Network, j: JourneyIndex) -> impl IntoView + use<> {
    let state = super::map_context().state;
    let text = network.journey(j).listed_name();
    view! {
        <li>
            <button
                type="button"
                class="line-button"
                aria-pressed=move || (state.person() == Some(j)).to_string()
                on:click=move |_| state.toggle_person(j)
            >
                {text}
            </button>
        </li>
    }
}
