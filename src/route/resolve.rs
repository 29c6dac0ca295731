//! Turning what someone typed ("GCSE", "site manager", `site-manager`) into
//! a station, for the ends of a route.

use super::Constraints;
use super::reach::fewest_steps;
use crate::graph::CareerGraph;
use crate::journey::{Network, PositionIndex};
use crate::search::{Match, search};
use serde::{Deserialize, Serialize};

/// When the best two search scores are closer than this, the text is
/// ambiguous: "developer" scores the same for "Software developer" and "Web
/// developer", and guessing would send a pupil down the wrong line.
pub const AMBIGUITY_MARGIN: f32 = 0.25;

/// For the ends of a route, matches scoring within this of the best are
/// plausible readings too: "GCSE" matches "GCSE English and maths resits"
/// best (an exact word), but "GCSEs at grades 9 to 4" is what most pupils
/// mean, and only one of them may lead where they want to go.
pub const READING_WINDOW: f32 = 1.0;

/// How many candidates an ambiguous text lists at most.
pub const MAX_CANDIDATES: usize = 8;

/// Why typed text is not one station.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Unresolved {
    /// Nothing matches.
    #[error("no station matches \"{query}\"")]
    NotFound {
        /// What was typed.
        query: String,
    },
    /// Several stations match about equally well.
    #[error("\"{query}\" could be any of {} stations", .candidates.len())]
    Ambiguous {
        /// What was typed.
        query: String,
        /// The close matches, best first.
        candidates: Vec<PositionIndex>,
    },
}

/// The station `text` means: the position with exactly that id, else the
/// best [`search`] match, unless the runner-up is within
/// [`AMBIGUITY_MARGIN`] of it.
///
/// ```
/// use tubemap::journey::{PositionIndex, sample};
/// use tubemap::route::{Unresolved, resolve};
///
/// let network = sample::two_lines();
/// assert_eq!(resolve(&network, "hnc"), Ok(PositionIndex(3)));
/// assert_eq!(resolve(&network, "supervisr"), Ok(PositionIndex(2)));
/// assert!(matches!(resolve(&network, "nurse"), Err(Unresolved::NotFound { .. })));
/// ```
pub fn resolve(network: &Network, text: &str) -> Result<PositionIndex, Unresolved> {
    let text = text.trim();
    if let Some(p) = network.position_by_id(text) {
        return Ok(p);
    }
    let matches = search(network, text, MAX_CANDIDATES);
    let Some(best) = matches.first() else {
        return Err(Unresolved::NotFound {
            query: text.to_owned(),
        });
    };
    let close: Vec<PositionIndex> = matches
        .iter()
        .filter(|m| best.score - m.score < AMBIGUITY_MARGIN)
        .map(|m| m.position)
        .collect();
    if close.len() > 1 {
        return Err(Unresolved::Ambiguous {
            query: text.to_owned(),
            candidates: close,
        });
    }
    Ok(best.position)
}

/// The two ends of a route, as resolved by [`resolve_route`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ends {
    /// The start.
    pub from: PositionIndex,
    /// The destination.
    pub to: PositionIndex,
    /// Whether either end is not the best text match on its own, but a
    /// close reading chosen because it gives a route: worth telling the user.
    pub reread: bool,
}

/// The stations `from` and `to` mean as the ends of a route.
///
/// Each end's readings are its exact id, or else the [`search`] matches
/// within [`READING_WINDOW`] of the best. Among readings that give a route
/// (under `constraints`), the best-scoring start is taken, then the
/// best-scoring destination reachable from it. Readings within
/// [`AMBIGUITY_MARGIN`] of each other are told apart by how many journeys
/// pass through them (the usual meaning), and are ambiguous only if that
/// ties too. When no reading gives a route, this is [`resolve`] on each end,
/// so the planner can explain why.
///
/// ```
/// use tubemap::journey::{PositionIndex, sample};
/// use tubemap::graph::CareerGraph;
/// use tubemap::route::{Constraints, resolve_route};
///
/// let network = sample::two_lines();
/// let graph = CareerGraph::new(network.clone());
/// let ends = resolve_route(&graph, "gcse", "supervisor", &Constraints::default()).unwrap();
/// assert_eq!((ends.from, ends.to, ends.reread), (PositionIndex(0), PositionIndex(2), false));
/// ```
pub fn resolve_route(
    graph: &CareerGraph,
    from: &str,
    to: &str,
    constraints: &Constraints,
) -> Result<Ends, Unresolved> {
    let network = graph.network();
    let plain = || -> Result<Ends, Unresolved> {
        Ok(Ends {
            from: resolve(network, from)?,
            to: resolve(network, to)?,
            reread: false,
        })
    };
    let (starts, ends) = (readings(network, from)?, readings(network, to)?);
    let reached: Vec<(Match, Vec<Match>)> = starts
        .iter()
        .map(|start| {
            let steps = fewest_steps(graph, start.position, |p| constraints.allows(network, p));
            let to: Vec<Match> = ends
                .iter()
                .filter(|end| {
                    end.position != start.position
                        && steps.get(end.position.get()).is_some_and(Option::is_some)
                })
                .copied()
                .collect();
            (*start, to)
        })
        .filter(|(_, to)| !to.is_empty())
        .collect();
    let routable: Vec<Match> = reached.iter().map(|(start, _)| *start).collect();
    let Some(start) = pick(graph, from, &routable)? else {
        return plain();
    };
    let destinations = reached
        .iter()
        .find(|(s, _)| s.position == start)
        .map_or(&[][..], |(_, to)| to.as_slice());
    let Some(end) = pick(graph, to, destinations)? else {
        return plain();
    };
    let first = |m: &[Match]| m.first().map(|m| m.position);
    Ok(Ends {
        from: start,
        to: end,
        reread: first(&starts) != Some(start) || first(&ends) != Some(end),
    })
}

/// The readings of `text`, best first: its exact id alone, or the search
/// matches within [`READING_WINDOW`] of the best.
fn readings(network: &Network, text: &str) -> Result<Vec<Match>, Unresolved> {
    let text = text.trim();
    if let Some(position) = network.position_by_id(text) {
        return Ok(vec![Match {
            position,
            score: f32::INFINITY,
        }]);
    }
    let mut matches = search(network, text, MAX_CANDIDATES);
    let Some(best) = matches.first().map(|m| m.score) else {
        return Err(Unresolved::NotFound {
            query: text.to_owned(),
        });
    };
    matches.retain(|m| best - m.score <= READING_WINDOW);
    Ok(matches)
}

/// The best of `matches` (sorted best first), telling near-ties apart by
/// the journeys through each; `None` if there are no matches.
fn pick(
    graph: &CareerGraph,
    text: &str,
    matches: &[Match],
) -> Result<Option<PositionIndex>, Unresolved> {
    let Some(best) = matches.first() else {
        return Ok(None);
    };
    let mut close: Vec<Match> = matches
        .iter()
        .filter(|m| best.score == m.score || best.score - m.score < AMBIGUITY_MARGIN)
        .copied()
        .collect();
    let busy = |m: &Match| graph.journeys_at(m.position).len();
    close.sort_by_key(|m| std::cmp::Reverse(busy(m)));
    match close.as_slice() {
        [first, second, ..] if busy(first) == busy(second) => {
            let most = busy(first);
            Err(Unresolved::Ambiguous {
                query: text.trim().to_owned(),
                candidates: close
                    .iter()
                    .filter(|m| busy(m) == most)
                    .map(|m| m.position)
                    .collect(),
            })
        }
        [first, ..] => Ok(Some(first.position)),
        [] => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::{Level, Sector, sample};

    #[test]
    fn equally_good_matches_are_ambiguous() {
        let level = Level::rqf(4).unwrap();
        let mut positions = vec![
            sample::position("software-developer", level, Sector::Digital),
            sample::position("web-developer", level, Sector::Digital),
        ];
        positions[0].title = "Software developer".into();
        positions[1].title = "Web developer".into();
        let journeys = vec![sample::journey("j", Sector::Digital, &[0, 1])];
        let network = crate::journey::sample::one_line_per_journey(positions, journeys);
        assert_eq!(
            resolve(&network, "developer"),
            Err(Unresolved::Ambiguous {
                query: "developer".into(),
                candidates: vec![PositionIndex(0), PositionIndex(1)],
            })
        );
        assert_eq!(resolve(&network, "web dev"), Ok(PositionIndex(1)));
        assert_eq!(resolve(&network, " web-developer "), Ok(PositionIndex(1)));
    }
}
