//! The map drawn as a flow ("Busiest routes"): every stretch of track that
//! people travelled, as wide as the number of people who took it, so the
//! common routes stand out.

use super::drawn_route::ridden;
use super::svg::{CONNECTION_INK, path_data};
use crate::graph::CareerGraph;
use crate::layout::MapLayout;
use std::fmt::Write;

/// The widest a stretch is drawn, in screen pixels: beyond it, more people
/// make no stretch wider, so a national-scale map stays a map.
pub const FLOW_MAX_WIDTH: u32 = 26;

/// A stretch's width in screen pixels (drawn with a non-scaling stroke, so
/// it reads the same at every zoom): 5 px for one person and 1.5 px more
/// for each other, as flow maps draw counts, up to [`FLOW_MAX_WIDTH`]. A
/// route twice as common is clearly wider, which a square root (tried
/// first: 5 to 12 px on the shipped map) did not make plain.
pub fn flow_width(traffic: usize) -> u32 {
    (3.0 + 1.5 * traffic as f32)
        .round()
        .min(FLOW_MAX_WIDTH as f32) as u32
}

/// The flow as SVG paths: one per track at least one journey passed along,
/// in the colour of its first line (a connection in the connections' ink),
/// `stroke-width` [`flow_width`] of its traffic, in the graph's order.
/// Tracks meet only at stations, so the order hides none. Only numbers and
/// colours: no text to escape. A track whose drawing cannot be found (a
/// layout from other content) is left out.
pub fn flow_markup(graph: &CareerGraph, layout: &MapLayout) -> String {
    let network = graph.network();
    let mut out = String::new();
    for (from, to, track) in graph.tracks().filter(|(_, _, t)| t.traffic() > 0) {
        let (points, colour) = match track.lines.first() {
            Some(&line) => (
                ridden(network, layout, line, &[from, to]),
                network.line(line).colour.to_string(),
            ),
            None => (
                layout
                    .connections
                    .iter()
                    .find(|c| c.from == from && c.to == to)
                    .map(|c| c.points.clone()),
                CONNECTION_INK.to_owned(),
            ),
        };
        if let Some(points) = points {
            let _ = write!(
                out,
                "<path d=\"{}\" stroke=\"{colour}\" stroke-width=\"{}\"/>",
                path_data(&points),
                flow_width(track.traffic())
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::sample;

    #[test]
    fn every_travelled_track_is_one_path_as_wide_as_its_people() {
        // amara: 0 → 1 → 2 and ben: 0 → 1 → 3 share their first stretch.
        let network = sample::two_lines();
        let graph = CareerGraph::new(network.clone());
        let layout = crate::layout::layout(&graph);
        let markup = flow_markup(&graph, &layout);
        let travelled = graph.tracks().filter(|(_, _, t)| t.traffic() > 0).count();
        assert_eq!(travelled, 3);
        assert_eq!(markup.matches("<path ").count(), travelled);
        let width = |w: u32| format!("stroke-width=\"{w}\"");
        assert_eq!(markup.matches(&width(flow_width(2))).count(), 1);
        assert_eq!(markup.matches(&width(flow_width(1))).count(), 2);
        let amara = network.line(crate::journey::LineIndex(0)).colour;
        assert!(markup.contains(&format!("stroke=\"{amara}\"")));
    }

    #[test]
    fn width_grows_with_each_person_up_to_a_limit() {
        assert_eq!(flow_width(1), 5, "one person's stretch is still seen");
        assert!(flow_width(2) > flow_width(1));
        assert!(flow_width(10) >= 3 * flow_width(1), "ten people stand out");
        assert_eq!(flow_width(1_000), FLOW_MAX_WIDTH);
        assert!(flow_width(14) <= FLOW_MAX_WIDTH);
    }
}
