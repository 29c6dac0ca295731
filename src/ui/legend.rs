use leptos::prelude::*;

/// The lines with their colours, then the people, grouped by sector:
/// choosing a line lights it and opens its line diagram; choosing a person
/// draws their trip over the dimmed map.
#[component]
pub fn Legend() -> impl IntoView {
    let data = super::map_context().data;
    let state = super::map_context().state;
    let network = data.network();
    let lines = network
        .line_indices()
        .map(|l| {
            let line = network.line(l);
            let colour = line.colour.to_string();
            let chosen = move || state.line() == Some(l);
            let data = data.clone();
            view! {
                <li>
                    <button
                        type="button"
                        class="line-button"
                        aria-expanded=move || chosen().to_string()
                        aria-controls="line-diagram"
                        on:click={
                            let data = data.clone();
                            move |_| state.toggle_line(&data, l)
                        }
                    >
                        <svg class="swatch" viewBox="0 0 20 8" aria-hidden="true"><rect width="20" height="8" rx="4" fill=colour /></svg>
                        {line.name.clone()}
                    </button>
                    {move || chosen().then(|| super::line_diagram::line_diagram(&data, l))}
                </li>
            }
        })
        .collect_view();
    // People, construction first, then digital, then the rest: one list
    // (headings per sector cost more bundle than they help, and a sort
    // more still).
    let groups = crate::journey::Sector::ALL
        .iter()
        .flat_map(|&s| {
            network
                .journey_indices()
                .filter(move |&j| network.journey(j).sector == s)
        })
        .map(|j| super::panel::person_button(network, j))
        .collect_view();
    view! {
        <nav class="panel legend" aria-labelledby="legend-title">
            <h2 id="legend-title">"Lines"</h2>
            <ul class="plain legend-lines">{lines}</ul>
            <p class="key">
                <svg class="key-mark" viewBox="0 0 24 16" aria-hidden="true"><line class="capsule-ring" x1="6" y1="8" x2="18" y2="8" /><line class="capsule-fill" x1="6" y1="8" x2="18" y2="8" /></svg>
                "Interchange: change lines here. Thin grey link: a change of pathway no line makes."
            </p>
            <h2>"People"</h2>
            <ul class="plain legend-list">{groups}</ul>
        </nav>
    }
}
