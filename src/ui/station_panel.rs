use super::data::{LoadedWords, Shared};
use crate::journey::{Kind, PositionIndex};
use leptos::prelude::*;

/// Everything about one station: what it is, its level, pay, links, the
/// journeys through it, and where people came from and went next. Its
/// title, level and journeys show at once; the words follow with `words`.
#[component]
pub fn StationPanel(data: Shared, position: PositionIndex, words: LoadedWords) -> impl IntoView {
    let state = super::map_context().state;
    let full = super::data::worded(&words);
    let network = full.as_deref().unwrap_or(data.network());
    let p = network.position(position).clone();
    let heading = super::panel::focused_heading();
    let close = move |_| {
        state.station.set(None);
        focus_station(position);
    };
    let step_list = |steps: Vec<(PositionIndex, usize)>| {
        steps
            .into_iter()
            .map(|(to, traffic)| {
                let level = network.position(to).level_text();
                let people = crate::graph::people_of(traffic, network.journeys().len());
                view! { <li>{super::panel::station_link(&data, to, format!(" · {level} · {people}"))}</li> }
            })
            .collect_view()
    };
    let next: Vec<_> = data
        .graph
        .next_steps(position)
        .into_iter()
        .map(|(to, c)| (to, c.traffic()))
        .collect();
    let before: Vec<_> = data
        .graph
        .previous_steps(position)
        .into_iter()
        .map(|(from, c)| (from, c.traffic()))
        .collect();
    let journeys = data
        .graph
        .journeys_at(position)
        .iter()
        // A person's trip has no colour of its own (lines do), so the list
        // names them, as the legend's People list does.
        .map(|&j| super::panel::person_button(network, j))
        .collect_view();
    let kind = if p.kind == Kind::Job {
        "Job".to_owned()
    } else {
        p.kind.label().to_owned()
    };
    // A figure always with the page it comes from; where no page confirms
    // the pay, the panel says so, and why, rather than guess.
    let salary = p.salary.clone().map(|s| {
        let figures = s.figures();
        view! {
            <dt>"Pay"</dt>
            <dd>
                {figures}
                <span class="source">
                    <a href=s.url rel="noopener noreferrer" target="_blank">{format!("Source: {}, {}", s.source, s.year)}</a>
                </span>
            </dd>
        }
    });
    let links = p
        .links
        .iter()
        .filter(|l| l.starts_with("https://"))
        .cloned()
        .map(|href| {
            let text = href
                .trim_start_matches("https://")
                .trim_end_matches('/')
                .to_owned();
            view! { <li><a href=href rel="noopener noreferrer" target="_blank">{text}</a></li> }
        })
        .collect_view();
    let has_next = !next.is_empty();
    let has_before = !before.is_empty();
    view! {
        <section class="panel station-panel" aria-labelledby="station-title">
            <button type="button" class="close" aria-label="Close details" on:click=close>"×"</button>
            <p class="eyebrow">{kind}</p>
            <h2 id="station-title" tabindex="-1" node_ref=heading>{p.title.clone()}</h2>
            <p class="level">{level_words(p.level_meaning())}</p>
            {super::data::words_status(&words)}
            {p.withdrawn.clone().map(|w| view! { <p class="withdrawn"><strong>"Closed to new starts. "</strong>{w}</p> })}
            <p>{p.description.clone()}</p>
            <dl class="facts">
                {p.entry_requirements.clone().map(|e| fact("To start", e))}
                {p.duration.clone().map(|d| fact("How long", d))}
                {salary}
                {p.pay_not_confirmed.clone().map(|why| fact("Pay", format!("Not confirmed. {why}")))}
            </dl>
            <super::progress_state::MarkButtons position=position />
            <div class="route-actions">
                <button type="button" class="chip-button" on:click=move |_| state.route.set_from(Some(position))>
                    "Start a route here"
                </button>
                <button type="button" class="chip-button" on:click=move |_| state.route.set_to(Some(position))>
                    "Plan a route to here"
                </button>
            </div>
            <h3>"Journeys through here"</h3>
            <ul class="plain">{journeys}</ul>
            {has_next.then(|| view! { <h3>"Where people went next"</h3> })}
            <ul class="plain">{step_list(next)}</ul>
            {has_before.then(|| view! { <h3>"Where people came from"</h3> })}
            <ul class="plain">{step_list(before)}</ul>
            <h3 class:visually-hidden=p.links.is_empty()>"Find out more"</h3>
            <ul class="plain links">{links}</ul>
        </section>
    }
}

/// Puts keyboard focus back on a station after its panel closes.
pub fn focus_station(position: PositionIndex) {
    let selector = format!("[data-position=\"{}\"]", position.0);
    // Stations are SVG elements, not HTML ones.
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&selector).ok().flatten())
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::SvgElement>(e).ok())
    {
        let _ = element.focus();
    }
}

/// "Level 2: like GCSE grades 9 to 4" with the level in bold.
fn level_words(meaning: crate::journey::LevelMeaning) -> impl IntoView {
    view! { <strong>{meaning.name}</strong>{format!(": {}", meaning.explanation)} }
}

/// One term and its description in the panel's facts; one function, so
/// every fact shares one view type (and its code in the bundle).
fn fact(term: &'static str, text: String) -> impl IntoView {
    view! { <dt>{term}</dt><dd>{text}</dd> }
}
