//! Common places to start a route from ("I'm in Year 9", "I have GCSEs",
//! "I have a Level 2"), each with the usual age there, so a pupil can plan
//! without searching first.

use crate::graph::CareerGraph;
use crate::journey::{Kind, Level, PositionIndex};

/// The station a school stage starts from; `tests/shipped_content.rs`
/// checks the shipped content has each.
pub const YEAR_9: &str = "year-9-options";
/// GCSEs at grades 9 to 4.
pub const GCSES: &str = "gcses-9-4";

/// A starting point offered before any search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuickStart {
    /// What the pupil would say: "I have GCSEs".
    pub label: &'static str,
    /// Where the route starts.
    pub from: PositionIndex,
    /// The usual age there, for entry requirements.
    pub age: usize,
}

/// The quick starts this network offers, in school order. Year 9 and
/// GCSEs are the stations with those ids; "a Level 2" is the Level 2
/// qualification or apprenticeship most journeys pass through, found in
/// the content rather than named.
pub fn quick_starts(graph: &CareerGraph) -> Vec<QuickStart> {
    let network = graph.network();
    let gcses = network.position_by_id(GCSES);
    let level_2 = network
        .position_indices()
        .filter(|&p| {
            let position = network.position(p);
            Some(position.level) == Level::rqf(2).ok()
                && matches!(position.kind, Kind::Qualification | Kind::Apprenticeship)
                && Some(p) != gcses
        })
        .max_by_key(|&p| (graph.journeys_at(p).len(), std::cmp::Reverse(p)));
    [
        ("I'm in Year 9", network.position_by_id(YEAR_9), 14),
        ("I have GCSEs", gcses, 16),
        ("I have a Level 2", level_2, 17),
    ]
    .into_iter()
    .filter_map(|(label, from, age)| {
        Some(QuickStart {
            label,
            from: from?,
            age,
        })
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::Sector;
    use crate::journey::sample::{journey, one_line_per_journey, position};

    #[test]
    fn the_busiest_level_2_is_offered_after_year_9_and_gcses() {
        let level = |n| Level::rqf(n).expect("sample levels are valid");
        let mut quiet = position("quiet-diploma", level(2), Sector::Construction);
        quiet.kind = Kind::Qualification;
        let mut busy = position("busy-apprenticeship", level(2), Sector::Construction);
        busy.kind = Kind::Apprenticeship;
        let positions = vec![
            position(YEAR_9, level(1), Sector::General),
            position(GCSES, level(2), Sector::General),
            quiet,
            busy,
        ];
        let network = one_line_per_journey(
            positions,
            vec![
                journey("a", Sector::Construction, &[0, 1, 3]),
                journey("b", Sector::Construction, &[1, 3]),
                journey("c", Sector::Construction, &[1, 2]),
            ],
        );
        let starts = quick_starts(&CareerGraph::new(network.clone()));
        let shown: Vec<(&str, u32, usize)> =
            starts.iter().map(|s| (s.label, s.from.0, s.age)).collect();
        assert_eq!(
            shown,
            vec![
                ("I'm in Year 9", 0, 14),
                ("I have GCSEs", 1, 16),
                ("I have a Level 2", 3, 17),
            ]
        );
    }

    #[test]
    fn a_start_missing_from_the_content_is_left_out() {
        let network = crate::journey::sample::two_lines();
        let starts = quick_starts(&CareerGraph::new(network.clone()));
        assert!(starts.iter().all(|s| s.label != "I'm in Year 9"));
    }
}
