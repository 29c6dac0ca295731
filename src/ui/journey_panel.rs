use super::data::{LoadedWords, Shared};
use crate::journey::JourneyIndex;
use leptos::prelude::*;

/// One person's journey: their story and each step, in order. The steps
/// show at once; the story and notes follow with `words`.
#[component]
pub fn JourneyPanel(data: Shared, journey: JourneyIndex, words: LoadedWords) -> impl IntoView {
    let state = super::map_context().state;
    let full = super::data::worded(&words);
    let network = full.as_deref().unwrap_or(data.network());
    let j = network.journey(journey);
    let heading = super::panel::focused_heading();
    let steps = j
        .steps
        .iter()
        .map(|step| {
            let level = network.position(step.position).level_text();
            let years = step
                .years
                .map(|y| format!(" · {}", crate::journey::years_text(y)))
                .unwrap_or_default();
            view! {
                <li>
                    {super::panel::station_link(&data, step.position, format!(" · {level}{years}"))}
                    {step.note.clone().map(|n| view! { <p class="note">{n}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel journey-panel" aria-labelledby="journey-title">
            <button type="button" class="close" aria-label="Close journey" on:click=move |_| state.choose_person(None)>"×"</button>
            <p class="eyebrow">{provenance(j)}</p>
            <h2 id="journey-title" tabindex="-1" node_ref=heading>{j.name.clone()}</h2>
            <p class="headline">{j.headline.clone()}</p>
            {super::data::words_status(&words)}
            {(!j.story.is_empty()).then(|| view! { <blockquote class="story">{j.story.clone()}</blockquote> })}
            {source_link(j)}
            <button type="button" class="chip-button" on:click=move |_| state.start_presenting()>"Present this journey"</button>
            <ol class="steps">{steps}</ol>
        </section>
    }
}

/// Where a published story can be read, once the words are here (the
/// link travels with them).
fn source_link(j: &crate::journey::Journey) -> Option<impl IntoView + use<>> {
    match &j.source {
        crate::journey::Source::Published(c) if !c.url.is_empty() => Some(view! {
            <p class="source"><a href=c.url.clone() rel="noopener noreferrer" target="_blank">{format!("Source: {}, {}", c.title, c.publisher)}</a></p>
        }),
        _ => None,
    }
}

/// What the journey is: an example the editors wrote, a real person's
/// published story, or their own story told with consent.
fn provenance(j: &crate::journey::Journey) -> &'static str {
    match j.source {
        crate::journey::Source::Example => "Example journey (written by the editors)",
        crate::journey::Source::Published(_) => "From a published story",
        crate::journey::Source::Own => "Their own story, shared with their consent",
    }
}
