//! A line as a line diagram shows it, like the strip map above a tube
//! carriage's doors: its stations in order, where to change to other lines,
//! and how many people rode it.

use super::CareerGraph;
use crate::journey::{LineIndex, PositionIndex};

/// One line drawn as a list, from [`CareerGraph::line_diagram`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineDiagram {
    /// The trunk first, then each branch, as the line declares them.
    pub runs: Vec<Vec<DiagramStop>>,
    /// How many journeys travelled along this line's track for at least
    /// one step (on it or on a line sharing that track).
    pub riders: usize,
}

/// A station on a line diagram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiagramStop {
    /// The station.
    pub position: PositionIndex,
    /// Already listed on an earlier run: where a branch leaves or rejoins.
    pub listed_above: bool,
    /// The other lines that stop here, in line order: where to change.
    pub change_to: Vec<LineIndex>,
}

impl LineDiagram {
    /// How many different stations the line calls at.
    pub fn station_count(&self) -> usize {
        self.runs
            .iter()
            .flatten()
            .filter(|stop| !stop.listed_above)
            .count()
    }
}

impl CareerGraph {
    /// `line` as a line diagram. O(stations on the line × lines + its
    /// tracks' journeys).
    pub fn line_diagram(&self, line: LineIndex) -> LineDiagram {
        let network = self.network();
        let mut listed: Vec<PositionIndex> = Vec::new();
        let runs = network
            .line(line)
            .runs
            .iter()
            .map(|run| {
                let stops = run
                    .iter()
                    .map(|&position| DiagramStop {
                        position,
                        listed_above: listed.contains(&position),
                        change_to: self
                            .lines_at(position)
                            .iter()
                            .copied()
                            .filter(|&other| other != line)
                            .collect(),
                    })
                    .collect();
                listed.extend(run.iter().copied());
                stops
            })
            .collect();
        // Marks, not a sort: sorting code would weigh more in the bundle.
        let mut rode = vec![false; network.journeys().len()];
        for (_, _, track) in self.tracks() {
            if track.lines.contains(&line) {
                track.journeys.iter().for_each(|j| rode[j.get()] = true);
            }
        }
        LineDiagram {
            runs,
            riders: rode.iter().filter(|&&r| r).count(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::sample::{journey, line, position};
    use crate::journey::{Level, Network, Sector};

    fn diagram(network: &Network, line: u32) -> LineDiagram {
        CareerGraph::new(network.clone()).line_diagram(LineIndex(line))
    }

    /// A trunk 0 → 1 → 2 with a branch 1 → 3, and a second line 2 → 4.
    fn branched() -> Network {
        let level = |n| Level::rqf(n).expect("sample levels are valid");
        let positions = (0..5)
            .map(|i| position(&format!("p{i}"), level(2 + i), Sector::Construction))
            .collect();
        let mut trunk = line("trunk", Sector::Construction, &[0, 1, 2]);
        trunk.runs.push(vec![PositionIndex(1), PositionIndex(3)]);
        let other = line("other", Sector::Construction, &[2, 4]);
        let journeys = vec![
            journey("rides-trunk", Sector::Construction, &[0, 1, 3]),
            journey("rides-both", Sector::Construction, &[1, 2, 4]),
            journey("rides-other", Sector::Construction, &[2, 4]),
        ];
        Network::new(positions, vec![trunk, other], Vec::new(), journeys)
            .expect("the sample network is sound")
    }

    #[test]
    fn a_branch_marks_the_station_it_leaves_from_as_listed_above() {
        let diagram = diagram(&branched(), 0);
        let shape: Vec<Vec<(u32, bool)>> = diagram
            .runs
            .iter()
            .map(|run| run.iter().map(|s| (s.position.0, s.listed_above)).collect())
            .collect();
        assert_eq!(
            shape,
            vec![
                vec![(0, false), (1, false), (2, false)],
                vec![(1, true), (3, false)]
            ]
        );
        assert_eq!(diagram.station_count(), 4);
    }

    #[test]
    fn a_stop_names_the_other_lines_to_change_to() {
        let network = branched();
        let trunk = diagram(&network, 0);
        let changes: Vec<usize> = trunk.runs[0].iter().map(|s| s.change_to.len()).collect();
        assert_eq!(changes, vec![0, 0, 1]);
        assert_eq!(trunk.runs[0][2].change_to, vec![LineIndex(1)]);
        let other = diagram(&network, 1);
        assert_eq!(other.runs[0][0].change_to, vec![LineIndex(0)]);
    }

    #[test]
    fn riders_count_each_journey_on_the_line_s_track_once() {
        let network = branched();
        assert_eq!(diagram(&network, 0).riders, 2);
        assert_eq!(diagram(&network, 1).riders, 2);
    }
}
