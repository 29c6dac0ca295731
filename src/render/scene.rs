//! The scene: how each station and label is drawn, worked out once for
//! both renderers, the standalone SVG (`svg`) and the app's map
//! (`ui::map`), so that they only turn it into markup and can never
//! disagree on a tick's end, a capsule, a colour or an alignment.

use crate::graph::CareerGraph;
use crate::layout::{Align, Label, Point, StationMark, TICK_LENGTH};

/// A tick's colour where no line stops (a station only connections reach):
/// a grey with 4.5:1 contrast on white.
pub const UNUSED_TICK: &str = "#767676";

/// How a station is drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum StationShape {
    /// A short tick out of the line, in the colour of the first line that
    /// stops there.
    Tick {
        /// On the line, at the station's centre.
        from: Point,
        /// The tick's outer end.
        to: Point,
        /// The line's colour, or [`UNUSED_TICK`].
        colour: String,
    },
    /// An interchange: a white capsule with a dark ring, joining the stops
    /// of the lines that meet there.
    Capsule {
        /// One end (the top).
        from: Point,
        /// The other end.
        to: Point,
    },
}

/// How `mark` is drawn on the map of `graph`. A mark for a position the
/// graph does not have is drawn as an unused tick, not a panic.
pub fn station_shape(graph: &CareerGraph, mark: &StationMark) -> StationShape {
    if mark.interchange {
        let (from, to) = mark.capsule;
        return StationShape::Capsule { from, to };
    }
    let network = graph.network();
    let known = mark.position.get() < network.positions().len();
    let first_line = known
        .then(|| graph.lines_at(mark.position).first())
        .flatten();
    StationShape::Tick {
        from: mark.at,
        to: Point::new(
            mark.at.x + mark.tick.x * TICK_LENGTH,
            mark.at.y + mark.tick.y * TICK_LENGTH,
        ),
        colour: first_line.map_or_else(
            || UNUSED_TICK.to_owned(),
            |&l| network.line(l).colour.to_string(),
        ),
    }
}

/// The SVG `text-anchor` for a label's alignment.
pub fn text_anchor(align: Align) -> &'static str {
    match align {
        Align::Start => "start",
        Align::Middle => "middle",
        Align::End => "end",
    }
}

/// Each line of a label with its baseline's y.
pub fn label_lines(label: &Label) -> Vec<(f32, String)> {
    label
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            (
                label.anchor.y + i as f32 * crate::layout::LABEL_LINE_HEIGHT,
                line.clone(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::{PositionIndex, sample};
    use crate::layout::layout;

    #[test]
    fn ticks_take_their_line_colour_and_interchanges_are_capsules() {
        let graph = CareerGraph::new(sample::two_lines());
        let map = layout(&graph);
        for mark in &map.stations {
            match station_shape(&graph, mark) {
                StationShape::Capsule { from, to } => {
                    assert!(mark.interchange);
                    assert_eq!((from, to), mark.capsule);
                }
                StationShape::Tick { from, to, colour } => {
                    assert!(!mark.interchange);
                    assert_eq!(from, mark.at);
                    // Ticks point up, TICK_LENGTH long.
                    assert_eq!(to, Point::new(mark.at.x, mark.at.y - TICK_LENGTH));
                    let line = graph.lines_at(mark.position)[0];
                    assert_eq!(colour, graph.network().line(line).colour.to_string());
                }
            }
        }
        assert!(map.stations.iter().any(|m| m.interchange));
        assert!(map.stations.iter().any(|m| !m.interchange));
    }

    #[test]
    fn a_mark_the_graph_does_not_know_is_an_unused_tick() {
        let graph = CareerGraph::new(sample::two_lines());
        let mut mark = layout(&graph).stations[0].clone();
        mark.position = PositionIndex(999);
        mark.interchange = false;
        let StationShape::Tick { colour, .. } = station_shape(&graph, &mark) else {
            panic!("a tick");
        };
        assert_eq!(colour, UNUSED_TICK);
    }

    #[test]
    fn labels_anchor_as_they_are_aligned() {
        assert_eq!(text_anchor(Align::Start), "start");
        assert_eq!(text_anchor(Align::Middle), "middle");
        assert_eq!(text_anchor(Align::End), "end");
    }
}
