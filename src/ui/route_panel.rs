use super::data::Shared;
use super::search_box::SearchBox;
use super::state::RouteState;
use crate::journey::PositionIndex;
use crate::route::{Criterion, RoutePlan, directions, explain};
use leptos::prelude::*;

/// "How do I get from here to there?": pick both ends (by search, by a
/// station's panel, or a quick start), compare the routes, read the steps.
#[component]
pub fn RoutePlanner() -> impl IntoView {
    let data = super::map_context().data;
    let state = super::map_context().state;
    let planned = super::map_context().planned;
    let route = state.route;
    // The shared data, not a copy of the network: closures clone the Arc.
    let network = data.clone();
    let choose_end = move |set: fn(&RouteState, Option<PositionIndex>)| {
        Callback::new(move |position| set(&route, Some(position)))
    };
    let quick_starts = crate::route::quick_starts(&data.graph)
        .into_iter()
        .map(|start| {
            let (from, age) = (start.from, start.age);
            view! {
                <button type="button" class="chip-button" on:click=move |_| { route.set_from(Some(from)); route.set_age(age); }>
                    {start.label}
                </button>
            }
        })
        .collect_view();
    let end_name = {
        let network = network.clone();
        move |end: RwSignal<Option<PositionIndex>>| {
            let network = network.clone();
            move || {
                end.get()
                    .map(|p| network.network().position(p).title.clone())
            }
        }
    };
    let from_name = end_name(route.from);
    let to_name = end_name(route.to);
    let criteria = [
        (Criterion::FewestSteps, "Fewest steps"),
        (Criterion::ShortestTime, "Quickest"),
        (Criterion::MostTravelled, "Most travelled"),
    ]
    .into_iter()
    .map(|(criterion, label)| {
        view! {
            <label class="chip">
                <input
                    type="radio"
                    name="criterion"
                    prop:checked=move || route.criterion.get() == criterion
                    on:change=move |_| route.set_criterion(criterion)
                />
                {label}
            </label>
        }
    })
    .collect_view();
    let results = move || {
        let network = network.clone();
        planned.get().map(|result| match result {
            Ok(plan) => view! { <RouteResults plan=plan network=network /> }.into_any(),
            Err(why) => {
                let (from, to) = (route.from.get_untracked(), route.to.get_untracked());
                let text = match (from, to) {
                    (Some(from), Some(to)) => explain(network.network(), from, to, &why),
                    _ => String::new(),
                };
                view! { <p class="no-route" role="status">{text}</p> }.into_any()
            }
        })
    };
    view! {
        <section class="panel route-panel" aria-labelledby="route-title">
            <h2 id="route-title">"Plan a route"</h2>
            <div class="quick-starts" role="group" aria-label="Start from">{quick_starts}</div>
            <label class="age">
                "Your age"
                <input
                    type="number"
                    min="11"
                    max="99"
                    prop:value=move || route.age.get().to_string()
                    on:change=move |ev| {
                        if let Ok(age) = event_target_value(&ev).parse::<usize>() {
                            route.set_age(age.clamp(11, 99));
                        }
                    }
                />
            </label>
            <div class="route-end">
                <SearchBox name="from" label="From" placeholder="Where are you now?" on_choose=choose_end(RouteState::set_from) visible_label=true />
                <p class="chosen" aria-live="polite">{move || from_name().map(|t| format!("From: {t}"))}</p>
            </div>
            <div class="route-end">
                <SearchBox name="to" label="To" placeholder="Where do you want to get to?" on_choose=choose_end(RouteState::set_to) visible_label=true />
                <p class="chosen" aria-live="polite">{move || to_name().map(|t| format!("To: {t}"))}</p>
            </div>
            <fieldset class="criteria">
                <legend>"Best means"</legend>
                {criteria}
            </fieldset>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || route.no_university.get()
                    on:change=move |ev| route.set_no_university(event_target_checked(&ev))
                />
                "Earn while you learn (no university)"
            </label>
            {move || (route.from.get().is_some() || route.to.get().is_some()).then(|| view! {
                <button type="button" class="link-button" on:click=move |_| { route.set_from(None); route.set_to(None); }>
                    "Clear the route"
                </button>
            })}
            {results}
        </section>
    }
}

/// The routes side by side, and the chosen one's directions as an ordered
/// list: the screen-reader equivalent of the route drawn on the map.
#[component]
fn RouteResults(plan: RoutePlan, network: Shared) -> impl IntoView {
    let state = super::map_context().state;
    let choice = state.route.choice;
    let plan = std::sync::Arc::new(plan);
    let options = plan
        .routes()
        .enumerate()
        .map(|(i, route)| {
            let name = if i == 0 { "Best route".to_owned() } else { format!("Alternative {i}") };
            let summary = crate::route::directions::summary(route);
            let plan = plan.clone();
            let pressed = move || (plan.on_show_index(choice.get()) == i).to_string();
            view! {
                <li>
                    <button type="button" class="route-option" aria-pressed=pressed on:click=move |_| choice.set(i)>
                        <strong>{name}</strong>
                        <span>{summary}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    let steps = move || {
        directions(plan.on_show(choice.get()))
            .iter()
            .map(|d| view! { <li>{d.text(network.network())}</li> })
            .collect_view()
    };
    view! {
        <ul class="plain route-options" aria-label="Routes found">{options}</ul>
        <button type="button" class="chip-button" on:click=move |_| state.start_presenting()>"Present this route"</button>
        <h3>"Directions"</h3>
        <ol class="directions">{steps}</ol>
    }
}
