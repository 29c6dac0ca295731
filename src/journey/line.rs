use super::{Colour, PositionIndex, Sector};
use serde::{Deserialize, Serialize};

/// Index of a line in [`super::Network::lines`]; the default is the first.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct LineIndex(pub u32);

impl LineIndex {
    /// The index as a `usize`, for slices.
    pub fn get(self) -> usize {
        self.0 as usize
    }
}

/// A line: a named progression pathway, drawn as the Underground draws its
/// lines. Its stations run in the direction people progress.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// Stable identifier, kebab-case, unique across all files.
    pub id: String,
    /// The pathway's name, e.g. "Onsite construction".
    pub name: String,
    /// The line's colour.
    pub colour: Colour,
    /// The sector the pathway belongs to.
    pub sector: Sector,
    /// The trunk first, then each branch. A branch starts or ends at a
    /// station of an earlier run, as the Northern line's branches leave
    /// Camden Town. Every run has at least two stations.
    pub runs: Vec<Vec<PositionIndex>>,
}

impl Line {
    /// Every stretch between consecutive stations of every run, in the
    /// direction of travel.
    pub fn stretches(&self) -> impl Iterator<Item = (PositionIndex, PositionIndex)> + '_ {
        self.runs
            .iter()
            .flat_map(|run| run.windows(2).map(|pair| (pair[0], pair[1])))
    }

    /// Whether the line stops at `position`.
    pub fn stops_at(&self, position: PositionIndex) -> bool {
        self.runs.iter().any(|run| run.contains(&position))
    }

    /// The stations from `from` to `to` riding this line forward, both ends
    /// included, by the fewest stops; `None` when the line does not go from
    /// one to the other.
    pub fn ride(&self, from: PositionIndex, to: PositionIndex) -> Option<Vec<PositionIndex>> {
        // Lines are small (tens of stations): a breadth-first search over
        // the stretches is quicker to read than an index, and fast enough.
        let mut came_from: Vec<(PositionIndex, PositionIndex)> = Vec::new();
        let mut frontier = vec![from];
        let mut seen = vec![from];
        while !frontier.is_empty() {
            let mut next = Vec::new();
            for &here in &frontier {
                for (a, b) in self.stretches() {
                    if a == here && !seen.contains(&b) {
                        seen.push(b);
                        came_from.push((b, a));
                        next.push(b);
                    }
                }
            }
            if seen.contains(&to) {
                let mut path = vec![to];
                while let Some(&(_, previous)) =
                    came_from.iter().find(|(p, _)| Some(p) == path.last())
                {
                    path.push(previous);
                }
                path.reverse();
                return (path.first() == Some(&from) && from != to).then_some(path);
            }
            frontier = next;
        }
        None
    }
}

/// An out-of-station interchange: a thin link between two stations that no
/// line joins, for a step people took between pathways (a career change).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    /// Where the step starts.
    pub from: PositionIndex,
    /// Where it ends.
    pub to: PositionIndex,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::Colour;

    fn line(runs: &[&[u32]]) -> Line {
        Line {
            id: "l".into(),
            name: "L".into(),
            colour: Colour { r: 0, g: 0, b: 0 },
            sector: Sector::Construction,
            runs: runs
                .iter()
                .map(|r| r.iter().map(|&p| PositionIndex(p)).collect())
                .collect(),
        }
    }

    #[test]
    fn a_ride_follows_the_line_forward_through_a_branch() {
        let l = line(&[&[0, 1, 2, 3], &[1, 4, 5]]);
        let p = |v: &[u32]| v.iter().map(|&i| PositionIndex(i)).collect::<Vec<_>>();
        assert_eq!(
            l.ride(PositionIndex(0), PositionIndex(3)),
            Some(p(&[0, 1, 2, 3]))
        );
        assert_eq!(
            l.ride(PositionIndex(0), PositionIndex(5)),
            Some(p(&[0, 1, 4, 5]))
        );
        assert_eq!(l.ride(PositionIndex(2), PositionIndex(2)), None);
        // Not backwards, and not from one branch to the other.
        assert_eq!(l.ride(PositionIndex(3), PositionIndex(0)), None);
        assert_eq!(l.ride(PositionIndex(2), PositionIndex(5)), None);
        assert!(l.stops_at(PositionIndex(4)) && !l.stops_at(PositionIndex(9)));
    }
}
