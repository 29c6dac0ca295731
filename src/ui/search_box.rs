use crate::journey::PositionIndex;
use crate::search::search;
use leptos::prelude::*;

/// Finds a station as you type, forgiving typos; Enter or a click chooses it.
/// `name` makes the element ids unique when several boxes are on the page.
#[component]
pub fn SearchBox(
    name: &'static str,
    label: &'static str,
    placeholder: &'static str,
    on_choose: Callback<PositionIndex>,
    #[prop(optional)] visible_label: bool,
) -> impl IntoView {
    let data = super::map_context().data;
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let results = Memo::new({
        let data = data.clone();
        move |_| {
            query.with(|q| {
                search(data.network(), q, 8)
                    .into_iter()
                    .map(|m| m.position)
                    .collect::<Vec<_>>()
            })
        }
    });
    let choose = move |index: usize| {
        if let Some(position) = results.with_untracked(|r| r.get(index).copied()) {
            on_choose.run(position);
            query.set(String::new());
        }
    };
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
            choose(active.get_untracked());
        }
        "Escape" => query.set(String::new()),
        _ => {}
    };
    let input_id = format!("{name}-search");
    let list_id = format!("{name}-results");
    let option_id = move |i: usize| format!("{name}-result-{i}");
    view! {
        <div class="search" role="search" aria-label=label>
            <label for=input_id.clone() class:visually-hidden=!visible_label>{label}</label>
            <input
                id=input_id
                type="search"
                placeholder=placeholder
                autocomplete="off"
                role="combobox"
                aria-autocomplete="list"
                aria-controls=list_id.clone()
                aria-expanded=move || (!results.with(Vec::is_empty)).to_string()
                aria-activedescendant=move || {
                    if results.with(Vec::is_empty) { String::new() } else { option_id(active.get()) }
                }
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    active.set(0);
                }
                on:keydown=on_key
            />
            <ul
                id=list_id
                class="search-results"
                role="listbox"
                aria-label=label
                class:is-empty=move || results.with(Vec::is_empty)
            >
                {move || {
                    results
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, position)| {
                            let p = data.network().position(position);
                            view! {
                                <li
                                    id=option_id(i)
                                    role="option"
                                    aria-selected=move || (active.get() == i).to_string()
                                    on:mousedown=move |ev| {
                                        ev.prevent_default();
                                        choose(i)
                                    }
                                >
                                    {p.title.clone()}
                                    <span class="muted">{format!(" · {}", p.level_text())}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <p class="visually-hidden" role="status" aria-live="polite">
                {move || {
                    let n = results.with(Vec::len);
                    if query.with(String::is_empty) { String::new() } else { format!("{n} matching stations") }
                }}
            </p>
        </div>
    }
}
