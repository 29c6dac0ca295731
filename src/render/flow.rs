//! The map drawn as a flow ("Busiest routes"): every stretch of track that
//! people travelled, as wide as the number of people who took it, so the
//! common routes stand out. The core part of issue 10's flow toggle; the
//! map's toggle waits for room in the first-load budget (see the closing
//! note of session 7).

use super::drawn_route::ridden;
use super::svg::{CONNECTION_INK, path_data};
use crate::graph::CareerGraph;
use crate::journey::{Colour, Network};
use crate::layout::{MapLayout, Point};
use std::fmt::Write;

/// One travelled stretch of track, as drawn in the flow.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowStretch {
    /// The drawn points, from one station to the next.
    pub points: Vec<Point>,
    /// The colour of the first line along it; `None` for a connection.
    pub colour: Option<Colour>,
    /// How many journeys passed along it (at least 1).
    pub traffic: usize,
}

/// Every stretch at least one journey passed along, in the graph's order.
/// Stretches meet only at stations, so the order of drawing hides none
/// (and a sort would add its code to the bundle). A stretch whose drawing
/// cannot be found (a layout from other content) is left out.
pub fn flow_stretches(
    network: &Network,
    graph: &CareerGraph,
    layout: &MapLayout,
) -> Vec<FlowStretch> {
    graph
        .tracks()
        .filter(|(_, _, track)| track.traffic() > 0)
        .filter_map(|(from, to, track)| {
            let points = match track.lines.first() {
                Some(&line) => ridden(network, layout, line, &[from, to])?,
                None => layout
                    .connections
                    .iter()
                    .find(|c| c.from == from && c.to == to)?
                    .points
                    .clone(),
            };
            Some(FlowStretch {
                points,
                colour: track.lines.first().map(|&l| network.line(l).colour),
                traffic: track.traffic(),
            })
        })
        .collect()
}

/// A stretch's width in screen pixels (drawn with a non-scaling stroke, so
/// it reads the same at every zoom): its area grows with the number of
/// people, so twice the people look about twice as heavy, not four times.
pub fn flow_width(traffic: usize) -> f32 {
    2.0 + 3.0 * (traffic as f32).sqrt()
}

/// The flow as SVG paths, one per stretch. Only numbers and colours: no
/// text to escape. Widths are screen pixels: draw them with a non-scaling
/// stroke.
pub fn flow_markup(stretches: &[FlowStretch]) -> String {
    let mut out = String::new();
    for stretch in stretches {
        let colour = stretch
            .colour
            .map_or_else(|| CONNECTION_INK.to_owned(), |c| c.to_string());
        let _ = write!(
            out,
            "<path d=\"{}\" stroke=\"{colour}\" stroke-width=\"{}\"/>",
            path_data(&stretch.points),
            flow_width(stretch.traffic).round() as i32
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::sample;

    #[test]
    fn every_travelled_stretch_is_drawn_with_its_traffic() {
        // amara: 0 → 1 → 2 and ben: 0 → 1 → 3 share their first stretch.
        let network = sample::two_lines();
        let graph = CareerGraph::new(&network);
        let layout = crate::layout::layout(&network, &graph);
        let flow = flow_stretches(&network, &graph, &layout);
        let travelled = graph.tracks().filter(|(_, _, t)| t.traffic() > 0).count();
        assert_eq!(flow.len(), travelled);
        let mut traffic: Vec<usize> = flow.iter().map(|s| s.traffic).collect();
        traffic.sort_unstable();
        assert_eq!(traffic, vec![1, 1, 2]);
        // The shared stretch runs from the first station to the second.
        let busiest = flow.iter().find(|s| s.traffic == 2).unwrap();
        let near = |a: Point, b: Point| (a.x - b.x).abs() < 20.0 && (a.y - b.y).abs() < 20.0;
        assert!(near(busiest.points[0], layout.stations[0].at));
        assert!(near(*busiest.points.last().unwrap(), layout.stations[1].at));
        assert!(busiest.colour.is_some());
    }

    #[test]
    fn the_markup_is_one_path_per_stretch_with_its_width() {
        let stretch = |traffic, colour| FlowStretch {
            points: vec![Point { x: 0.0, y: 0.0 }, Point { x: 10.0, y: 0.0 }],
            colour,
            traffic,
        };
        let red = Colour {
            r: 0xdc,
            g: 0x24,
            b: 0x1f,
        };
        let markup = flow_markup(&[stretch(4, Some(red)), stretch(1, None)]);
        assert_eq!(markup.matches("<path ").count(), 2);
        assert!(markup.contains(&format!("stroke-width=\"{}\"", flow_width(4).round())));
        assert!(markup.contains(&format!("stroke=\"{CONNECTION_INK}\"")));
        assert!(markup.contains(&format!("stroke=\"{}\"", red)));
    }

    #[test]
    fn width_grows_with_people_but_slower_than_their_number() {
        assert!(flow_width(1) >= 5.0, "one person's stretch is still seen");
        assert!(flow_width(2) > flow_width(1));
        assert!(flow_width(40) > flow_width(10));
        assert!(flow_width(40) < 4.0 * flow_width(10));
    }
}
