use super::data::Shared;
use crate::journey::LineIndex;
use leptos::prelude::*;

/// The line chosen in the legend as a line diagram, opened under its name:
/// its stations in order, where to change, and how many people rode it
/// (`CareerGraph::line_diagram`). Each row is the panels' own station link,
/// and the strip and ticks are drawn by the stylesheet: shared code keeps
/// the diagram's cost to the bundle small.
pub fn line_diagram(data: &Shared, line: LineIndex) -> impl IntoView + use<> {
    let network = data.network();
    let diagram = data.graph.line_diagram(line);
    let summary = format!(
        "{} stations · ridden by {}",
        diagram.station_count(),
        crate::graph::people_of(diagram.riders, network.journeys().len())
    );
    let runs = diagram
        .runs
        .iter()
        .enumerate()
        .map(|(i, run)| {
            let stops = run
                .iter()
                .map(|stop| {
                    let mut detail = format!(" · {}", network.position(stop.position).level_text());
                    // Where to change is said once, at a station's first
                    // listing: a branch that leaves it does not repeat it.
                    let changes = if stop.listed_above {
                        &[][..]
                    } else {
                        &stop.change_to[..]
                    };
                    for (n, &other) in changes.iter().enumerate() {
                        detail.push_str(if n == 0 { " · change for " } else { ", " });
                        detail.push_str(&network.line(other).name);
                    }
                    view! { <li>{super::panel::station_link(data, stop.position, detail)}</li> }
                })
                .collect_view();
            // A branch says so: its name is read out, and the stylesheet
            // shows it as a heading.
            let name = (i > 0).then_some("Branch");
            view! { <ol class="plain line-diagram" aria-label=name>{stops}</ol> }
        })
        .collect_view();
    view! {
        <div id="line-diagram">
            <p class="muted">{summary}</p>
            {runs}
        </div>
    }
}
