use super::data::Shared;
use super::state::MapState;
use crate::search::search;
use leptos::prelude::*;

/// Finds a station as you type, forgiving typos; Enter or a click flies to it.
#[component]
pub fn SearchBox() -> impl IntoView {
    let data = expect_context::<Shared>();
    let state = expect_context::<MapState>();
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let results = Memo::new({
        let data = data.clone();
        move |_| {
            query.with(|q| {
                search(&data.bundle.network, q, 8)
                    .into_iter()
                    .map(|m| m.position)
                    .collect::<Vec<_>>()
            })
        }
    });
    let choose = {
        let data = data.clone();
        move |index: usize| {
            if let Some(&position) = results.with_untracked(|r| r.get(index).copied()).as_ref() {
                state.fly_to(&data, position);
                query.set(String::new());
            }
        }
    };
    let choose_on_key = choose.clone();
    let on_key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" => {
            ev.prevent_default();
            let count = results.with_untracked(Vec::len);
            active.update(|a| *a = if count == 0 { 0 } else { (*a + 1) % count });
        }
        "ArrowUp" => {
            ev.prevent_default();
            let count = results.with_untracked(Vec::len);
            active.update(|a| {
                *a = if count == 0 {
                    0
                } else {
                    (*a + count - 1) % count
                }
            });
        }
        "Enter" => {
            ev.prevent_default();
            choose_on_key(active.get_untracked());
        }
        "Escape" => query.set(String::new()),
        _ => {}
    };
    let network_data = data.clone();
    view! {
        <div class="search" role="search">
            <label for="station-search" class="visually-hidden">"Find a station"</label>
            <input
                id="station-search"
                type="search"
                placeholder="Find a job or qualification…"
                autocomplete="off"
                role="combobox"
                aria-autocomplete="list"
                aria-controls="search-results"
                aria-expanded=move || (!results.with(Vec::is_empty)).to_string()
                aria-activedescendant=move || if results.with(Vec::is_empty) { String::new() } else { format!("search-result-{}", active.get()) }
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    active.set(0);
                }
                on:keydown=on_key
            />
            <ul id="search-results" class="search-results" role="listbox" aria-label="Matching stations" class:is-empty=move || results.with(Vec::is_empty)>
                {move || {
                    results
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, position)| {
                            let p = network_data.bundle.network.position(position);
                            let choose = choose.clone();
                            view! {
                                <li
                                    id=format!("search-result-{i}")
                                    role="option"
                                    aria-selected=move || (active.get() == i).to_string()
                                    on:mousedown=move |ev| { ev.prevent_default(); choose(i) }
                                >
                                    {p.title.clone()}
                                    <span class="muted">{format!(" · {}", p.level)}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <p class="visually-hidden" role="status" aria-live="polite">
                {move || { let n = results.with(Vec::len); if query.with(String::is_empty) { String::new() } else { format!("{n} matching stations") } }}
            </p>
        </div>
    }
}
