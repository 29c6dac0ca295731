//! The journey's steps: a station picker (the map's forgiving search) and
//! each step with its years, note, trip preview and reordering.

use super::Editor;
use super::fields::Problems;
use crate::draft::{DraftStep, Field, StepField, StepRide};
use crate::search::search;
use leptos::prelude::*;

/// The ordered steps and the picker that adds one.
#[component]
pub(super) fn Steps() -> impl IntoView {
    let editor = crate::ui::shared::<Editor>();
    let count = Memo::new(move |_| editor.draft.with(|d| d.steps.len()));
    view! {
        <fieldset class="editor-section" id=Field::Steps.key() aria-describedby="steps-problems">
            <legend>"Steps"</legend>
            <p class="help">
                "Every place the journey stopped, in order: school stages, courses, apprenticeships and jobs. Each step rides one of the map’s lines or a connection."
            </p>
            <super::preview::TripPreviewPanel />
            <ol class="draft-steps">{move || (0..count.get()).map(|i| view! { <StepRow index=i /> }).collect_view()}</ol>
            <Problems field=Field::Steps />
            <StationPicker />
        </fieldset>
    }
}

#[component]
fn StepRow(index: usize) -> impl IntoView {
    let editor = crate::ui::shared::<Editor>();
    let step = move || {
        editor
            .draft
            .with(|d| d.steps.get(index).cloned().unwrap_or_default())
    };
    let proposed = move || {
        editor
            .draft
            .with(|d| d.steps.get(index).is_some_and(|s| s.proposed.is_some()))
    };
    let title = move || {
        if let Some(p) = step().proposed {
            return format!("New station: {}", p.title);
        }
        let id = step().position;
        editor
            .shipped
            .with_value(|s| match s.network.position_by_id(&id) {
                Some(p) => {
                    let p = s.network.position(p);
                    format!("{} · {}", p.title, p.level_text())
                }
                None => format!("“{id}” is not a station on the map"),
            })
    };
    let ride = move || {
        let rides = editor
            .shipped
            .with_value(|s| editor.draft.with(|d| d.rides(&s.network)));
        match rides.get(index) {
            Some(StepRide::Start) => "Where the journey starts.".to_owned(),
            Some(StepRide::Line { name, stops }) => {
                format!(
                    "Rides the {name} line, {}.",
                    crate::wording::plural(*stops, "stop")
                )
            }
            Some(StepRide::Connection) => "Changes by a connection between lines.".to_owned(),
            Some(StepRide::Proposed) => {
                "A new station: it joins the map on the line you choose for it.".to_owned()
            }
            _ => "No line or connection joins this to the step before.".to_owned(),
        }
    };
    let edit = move |part: StepField, change: fn(&mut DraftStep, String)| {
        move |ev| {
            let text = event_target_value(&ev);
            editor.edit(Field::Step(index, part), |d| {
                if let Some(step) = d.steps.get_mut(index) {
                    change(step, text);
                }
            });
        }
    };
    let field = move |f| Field::Step(index, f);
    let invalid = move |f| move || (!editor.problems(field(f)).is_empty()).to_string();
    let (years, note) = (field(StepField::Years).key(), field(StepField::Note).key());
    let number = index + 1;
    let is_last = move || editor.draft.with(|d| number >= d.steps.len());
    view! {
        <li class="draft-step" id=field(StepField::Position).key() aria-describedby=format!("{}-problems", field(StepField::Position).key())>
            <p class="step-title"><strong>{title}</strong></p>
            <p class="step-ride">{ride}</p>
            <Problems field=field(StepField::Position) />
            <Show when=proposed>
                <super::proposal::ProposalFields index=index />
            </Show>
            <div class="step-fields">
                <label for=years.clone()>"Years there"</label>
                <input id=years.clone() type="text" inputmode="decimal" class="years"
                    aria-describedby=format!("{years}-problems") aria-invalid=invalid(StepField::Years)
                    prop:value=move || step().years on:input=edit(StepField::Years, |s, v| s.years = v) />
                <label for=note.clone()>"What they did there"</label>
                <input id=note.clone() type="text" aria-describedby=format!("{note}-problems") aria-invalid=invalid(StepField::Note)
                    prop:value=move || step().note on:input=edit(StepField::Note, |s, v| s.note = v) />
            </div>
            <Problems field=field(StepField::Years) />
            <Problems field=field(StepField::Note) />
            <div class="step-actions">
                <button type="button" class="chip-button"
                    disabled=move || index == 0 on:click=move |_| editor.edit(Field::Steps, |d| d.move_step(index, index - 1))>
                    "Move "<span class="visually-hidden">{format!("step {number} ")}</span>"up"
                </button>
                <button type="button" class="chip-button"
                    disabled=is_last
                    on:click=move |_| editor.edit(Field::Steps, |d| d.move_step(index, index + 1))>
                    "Move "<span class="visually-hidden">{format!("step {number} ")}</span>"down"
                </button>
                <button type="button" class="chip-button"
                    on:click=move |_| editor.edit(Field::Steps, |d| { d.steps.remove(index); })>
                    "Remove"<span class="visually-hidden">{format!(" step {number}")}</span>
                </button>
            </div>
        </li>
    }
}

/// Type part of a station's name; Enter or a click adds it as a step.
/// Empty, it offers the stations one stop on from the last step.
#[component]
fn StationPicker() -> impl IntoView {
    let editor = crate::ui::shared::<Editor>();
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let focused = RwSignal::new(false);
    // Before anything is typed: the next stops from the last step, so the
    // usual next step is one Enter or tap away.
    let results = Memo::new(move |_| {
        editor.shipped.with_value(|s| {
            query.with(|q| match q.trim() {
                "" => editor
                    .draft
                    .with(|d| d.next_stops(&s.network))
                    .into_iter()
                    .take(8)
                    .collect(),
                q => search(&s.network, q, 8)
                    .into_iter()
                    .map(|m| m.position)
                    .collect::<Vec<_>>(),
            })
        })
    });
    let shown = move || focused.get() && !results.with(Vec::is_empty);
    let add = move |i: usize| {
        let Some(position) = results.with_untracked(|r| r.get(i).copied()) else {
            return;
        };
        let id = editor
            .shipped
            .with_value(|s| s.network.position(position).id.clone());
        editor.edit(Field::Steps, |d| {
            d.steps.push(DraftStep {
                proposed: None,
                position: id,
                ..DraftStep::default()
            })
        });
        query.set(String::new());
        active.set(0);
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let count = results.with_untracked(Vec::len).max(1);
        match ev.key().as_str() {
            "ArrowDown" => active.update(|a| *a = (*a + 1) % count),
            "ArrowUp" => active.update(|a| *a = (*a + count - 1) % count),
            "Enter" => add(active.get_untracked()),
            // Clears what was typed; on an empty box, closes the list.
            "Escape" if query.with_untracked(String::is_empty) => focused.set(false),
            "Escape" => query.set(String::new()),
            _ => return,
        }
        ev.prevent_default();
    };
    let propose = move |_| {
        let title = query.get_untracked();
        editor.shipped.with_value(|s| {
            editor.edit(Field::Steps, |d| d.propose(&title, &s.network));
        });
        query.set(String::new());
    };
    view! {
        <div class="search station-picker">
            <label for="add-step">"Add a step: type a station’s name, or choose a next stop"</label>
            <input id="add-step" type="search" autocomplete="off" role="combobox"
                placeholder="such as bricklayer, GCSE, software"
                aria-autocomplete="list" aria-controls="add-step-results"
                aria-expanded=move || shown().to_string()
                aria-activedescendant=move || if shown() { format!("add-step-{}", active.get()) } else { String::new() }
                on:focus=move |_| focused.set(true)
                on:blur=move |_| focused.set(false)
                prop:value=move || query.get()
                on:input=move |ev| { query.set(event_target_value(&ev)); active.set(0); }
                on:keydown=on_key />
            <ul id="add-step-results" class="search-results" role="listbox" aria-label="Stations"
                class:is-empty=move || !shown()>
                {move || results.get().into_iter().enumerate().map(|(i, position)| {
                    let text = editor.shipped.with_value(|s| {
                        let p = s.network.position(position);
                        format!("{} · {}", p.title, p.level_text())
                    });
                    view! {
                        <li id=format!("add-step-{i}") role="option"
                            aria-selected=move || (active.get() == i).to_string()
                            on:mousedown=move |ev| { ev.prevent_default(); add(i) }>{text}</li>
                    }
                }).collect_view()}
            </ul>
            <button type="button" class="chip-button propose" on:click=propose>
                "Not on the map? Propose a new station"
            </button>
        </div>
    }
}
