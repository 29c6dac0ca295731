//! Route planning: "how do I get from here to there?", with real
//! alternatives, in the direction people actually went.
//!
//! [`plan`] finds the best route between two stations under a
//! [`Criterion`] and [`Constraints`], plus up to three alternatives that
//! are genuinely different (see [`MAX_SHARED_STEPS`]). Every route is split
//! into [`Leg`]s, one per line ridden, ready for [`directions`]. When there
//! is no route, [`NoRoute`] says why and offers the nearest place that can
//! be reached. [`reach()`] answers "where can this lead?", and [`resolve()`]
//! turns what someone typed into a station.
//!
//! The algorithms are free functions over the graph with a cost closure, one
//! per file, like `petgraph::algo`: [`dijkstra`] and [`yen`].

pub mod dijkstra;
pub mod directions;
pub mod feasible;
pub mod quick_start;
pub mod reach;
pub mod resolve;
pub mod yen;

pub use directions::{Direction, directions, explain, render_text};
pub use quick_start::{QuickStart, quick_starts};
pub use reach::{Reached, reach};
pub use resolve::{AMBIGUITY_MARGIN, Ends, Unresolved, resolve, resolve_route};

use crate::graph::{CareerGraph, Track};
use crate::journey::{
    Kind, Level, LineIndex, Met, Network, PositionIndex, Standing, Unmet, admits,
};
use petgraph::graph::{EdgeReference, NodeIndex};
use petgraph::visit::{EdgeRef, Reversed};
use serde::{Deserialize, Serialize};
use std::fmt;

/// At most this many alternatives are returned besides the best route.
pub const MAX_ALTERNATIVES: usize = 3;

/// The diversity rule: an alternative is kept only if, for every route kept
/// before it, at most this share of the alternative's steps are also steps
/// of that route. Without it, the "alternatives" are mostly the best route
/// with one stop swapped.
pub const MAX_SHARED_STEPS: f64 = 0.6;

/// How many loopless paths Yen's algorithm may produce while looking for
/// different-enough alternatives, counting the best. Bounds the time of one
/// query (each path costs a few shortest-path searches); on a big network
/// this can return fewer alternatives than exist.
pub const MAX_EXAMINED: usize = 40;

/// The age assumed when a query gives none: a pupil finishing Year 11.
pub const DEFAULT_AGE: u8 = 16;

/// Years spent at a station whose `typical_years` is missing (or not a
/// positive number), for [`Criterion::ShortestTime`].
pub const DEFAULT_YEARS: f32 = 1.0;

/// Per-step cost of [`Criterion::MostTravelled`] on top of `1 / traffic`:
/// keeps long detours along busy steps from always winning.
pub const TRAVELLED_STEP_COST: f64 = 0.1;

/// What "best" means.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Criterion {
    /// The fewest steps: each step costs 1.
    #[default]
    FewestSteps,
    /// The least time: a step costs the typical years of the station it
    /// goes to ([`years_at`]). Every route to a destination ends with the
    /// same years there, so the cheapest is the one you arrive soonest by.
    ShortestTime,
    /// The steps most people took: a step costs
    /// [`TRAVELLED_STEP_COST`]` + 1 / (traffic + 1)`, where traffic is how
    /// many journeys passed along it. Always positive; a step nine people
    /// took costs 0.2, one nobody took 1.1.
    MostTravelled,
}

/// Limits on the stations a route may use.
///
/// Constraints apply to every stop after the start, including the
/// destination: the start is exempt because you are already there, but a
/// destination that breaks a constraint (a degree with `no_university`,
/// say) gives [`NoRoute::Constrained`] rather than a route that quietly
/// ignores the choice.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Constraints {
    /// Earn while you learn: no [`Kind::Degree`] stations. Degree
    /// apprenticeships are apprenticeships, so they stay allowed.
    pub no_university: bool,
    /// No station above this level.
    pub max_level: Option<Level>,
    /// Stations to keep out of the route.
    pub avoid: Vec<PositionIndex>,
}

impl Constraints {
    /// Whether a route may stop at `position` (after its start). A position
    /// outside the network, or closed to new starts, is never allowed.
    pub fn allows(&self, network: &Network, position: PositionIndex) -> bool {
        let Some(p) = network.positions().get(position.get()) else {
            return false;
        };
        let university = self.no_university && p.kind == Kind::Degree;
        let too_high = self.max_level.is_some_and(|max| p.level > max);
        !(p.is_closed() || university || too_high || self.avoid.contains(&position))
    }

    /// Each constraint on its own, for saying which one blocks a route.
    fn each(&self) -> Vec<Blocking> {
        let mut each = Vec::new();
        if self.no_university {
            each.push(Blocking::NoUniversity);
        }
        if let Some(level) = self.max_level {
            each.push(Blocking::MaxLevel(level));
        }
        each.extend(self.avoid.iter().map(|&p| Blocking::Avoid(p)));
        each
    }

    /// These constraints without `dropped`.
    fn without(&self, dropped: Blocking) -> Constraints {
        let mut c = self.clone();
        match dropped {
            Blocking::NoUniversity => c.no_university = false,
            Blocking::MaxLevel(_) => c.max_level = None,
            Blocking::Avoid(p) => c.avoid.retain(|&a| a != p),
        }
        c
    }
}

/// What to plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteQuery {
    /// What "best" means.
    pub criterion: Criterion,
    /// How many alternatives to look for besides the best route; more than
    /// [`MAX_ALTERNATIVES`] counts as that many.
    pub alternatives: usize,
    /// Stations the route may not use.
    pub constraints: Constraints,
    /// Your age now, in years; [`DEFAULT_AGE`] when not given.
    pub age: Option<u8>,
    /// Positions you have already held besides the start, such as GCSEs:
    /// they count towards entry requirements.
    pub has: Vec<PositionIndex>,
}

impl RouteQuery {
    /// Where you stand at the start: your age, and the start and
    /// [`RouteQuery::has`] as held.
    pub fn standing(&self, network: &Network, from: PositionIndex) -> Standing {
        let mut held = self.has.clone();
        held.push(from);
        let age = f32::from(self.age.unwrap_or(DEFAULT_AGE));
        Standing::new(network, Some(age), &held)
    }
}

/// The best route and the different-enough alternatives, cheapest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoutePlan {
    /// The cheapest route under the criterion.
    pub best: Route,
    /// Alternatives in non-decreasing cost; each shares at most
    /// [`MAX_SHARED_STEPS`] of its steps with the best route and with every
    /// alternative before it. May be fewer than asked for.
    pub alternatives: Vec<Route>,
}

impl RoutePlan {
    /// The best route, then the alternatives.
    pub fn routes(&self) -> impl Iterator<Item = &Route> {
        std::iter::once(&self.best).chain(&self.alternatives)
    }

    /// The route on show when someone chose number `choice` (0 is the
    /// best): that one, or the best when the choice is out of range, as it
    /// is when a new plan has fewer alternatives than the last. The map,
    /// the directions and presentation all show this one.
    pub fn on_show(&self, choice: usize) -> &Route {
        self.alternatives
            .get(choice.wrapping_sub(1))
            .filter(|_| choice > 0)
            .unwrap_or(&self.best)
    }

    /// The index of [`RoutePlan::on_show`]'s route among [`RoutePlan::routes`].
    pub fn on_show_index(&self, choice: usize) -> usize {
        if choice <= self.alternatives.len() {
            choice
        } else {
            0
        }
    }
}

/// One way from the start to the destination.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Route {
    /// Every station from the start to the destination; no station twice.
    pub stops: Vec<PositionIndex>,
    /// The lines to ride, in order; together they cover every step, and
    /// consecutive legs are on different lines.
    pub legs: Vec<Leg>,
    /// Typical years until arriving: the sum of [`years_at`] over every
    /// stop between the start and the destination.
    pub total_years: f32,
    /// Your age on arriving, if you start at the query's age: the earliest
    /// you could be there this way.
    pub arrival_age: f32,
    /// How each entry requirement on the way is met, in route order: why
    /// this route is possible.
    pub met: Vec<Met>,
    /// Number of steps (stops − 1).
    pub steps: usize,
    /// The highest level of any stop.
    pub highest_level: Level,
    /// The fewest journeys that passed along any one step of the route:
    /// "at least this many people went each step of the way".
    pub traffic: usize,
    /// The cost under the query's criterion, summed step by step from the
    /// start; what routes are ordered by.
    pub cost: f64,
}

/// A run of consecutive stops ridden on one line, or one step through a
/// connection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Leg {
    /// The line ridden; `None` for an out-of-station connection.
    pub line: Option<LineIndex>,
    /// Where you board.
    pub from: PositionIndex,
    /// Where you get off.
    pub to: PositionIndex,
    /// How many stops you ride (steps on this line); at least 1.
    pub stops: usize,
    /// Typical years on this leg: the [`years_at`] of every station it
    /// reaches, except the route's destination. The station you board at
    /// belongs to the leg before (or is where you are now).
    pub years: f32,
    /// Stations on this leg reached by a step down a level: a career change.
    /// Empty when the leg only climbs or stays level.
    pub steps_down: Vec<PositionIndex>,
}

impl Leg {
    /// Whether this leg includes a step down a level.
    pub fn goes_down(&self) -> bool {
        !self.steps_down.is_empty()
    }
}

/// Why there is no route.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum NoRoute {
    /// The start or destination is not a station of the network.
    #[error("position {} is not in the network", .0.0)]
    NoSuchPosition(PositionIndex),
    /// The start is the destination.
    #[error("you are already there")]
    SameStation,
    /// No journey leads from the start to the destination, with or without
    /// the constraints.
    #[error("no journey leads from the start to the destination")]
    Unreachable {
        /// The nearest reachable station (see [`nearest`]).
        nearest: Option<PositionIndex>,
    },
    /// A route exists, but every one breaks an entry requirement: the
    /// first one the best route without requirements breaks.
    #[error("a route needs something you do not have yet")]
    Requirement {
        /// The station whose requirement is not met.
        at: PositionIndex,
        /// What is missing there.
        unmet: Unmet,
        /// The nearest station you can reach (see [`nearest`]).
        nearest: Option<PositionIndex>,
    },
    /// A route exists, but only without some of the constraints.
    #[error("there is a route only without: {}", list(.blocking))]
    Constrained {
        /// The constraints that each, dropped on its own, open a route. When
        /// no single one does, every constraint is listed: only dropping
        /// several together opens a route.
        blocking: Vec<Blocking>,
        /// The nearest station reachable *with* the constraints (see
        /// [`nearest`]).
        nearest: Option<PositionIndex>,
    },
}

impl NoRoute {
    /// The nearest reachable station offered instead, if any.
    pub fn nearest(&self) -> Option<PositionIndex> {
        match self {
            NoRoute::Unreachable { nearest }
            | NoRoute::Constrained { nearest, .. }
            | NoRoute::Requirement { nearest, .. } => *nearest,
            NoRoute::NoSuchPosition(_) | NoRoute::SameStation => None,
        }
    }
}

/// One constraint that stands in the way of a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Blocking {
    /// [`Constraints::no_university`].
    NoUniversity,
    /// [`Constraints::max_level`].
    MaxLevel(Level),
    /// One of [`Constraints::avoid`].
    Avoid(PositionIndex),
}

impl fmt::Display for Blocking {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Blocking::NoUniversity => f.write_str("no university"),
            Blocking::MaxLevel(level) => write!(f, "nothing above {level}"),
            Blocking::Avoid(p) => write!(f, "avoiding position {}", p.0),
        }
    }
}

fn list(blocking: &[Blocking]) -> String {
    blocking
        .iter()
        .map(Blocking::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Plans the best route from `from` to `to` and up to
/// `query.alternatives` different alternatives.
///
/// Steps follow the direction people went, and each is taken only when
/// the station it leads to admits you: your age, the level you have reached
/// and what you have held by then ([`crate::journey::admits`]). The best
/// route and the alternatives come from Yen's k shortest loopless paths
/// ([`yen`]) whose every search is the requirement-aware [`feasible`] one,
/// so they are the cheapest routes that meet every requirement, in order;
/// alternatives are kept by the diversity rule [`MAX_SHARED_STEPS`], and
/// at most [`MAX_EXAMINED`] paths are looked at. A step down a level (a career change) is allowed, and
/// flagged in [`Leg::steps_down`]. `graph` must be built from `network`.
///
/// ```
/// use tubemap::journey::{PositionIndex, sample};
/// use tubemap::graph::CareerGraph;
/// use tubemap::route::{NoRoute, RouteQuery, plan};
///
/// let network = sample::two_lines();
/// let graph = CareerGraph::new(network.clone());
/// let query = RouteQuery::default();
/// // gcse → bricklayer → supervisor, on one line.
/// let found = plan(&graph, PositionIndex(0), PositionIndex(2), &query).unwrap();
/// assert_eq!(found.best.stops, [0, 1, 2].map(PositionIndex));
/// assert_eq!(found.best.legs.len(), 1);
/// assert_eq!(found.best.steps, 2);
/// // Nobody went from the supervisor back to GCSEs.
/// let none = plan(&graph, PositionIndex(2), PositionIndex(0), &query);
/// assert!(matches!(none, Err(NoRoute::Unreachable { .. })));
/// ```
pub fn plan(
    graph: &CareerGraph,
    from: PositionIndex,
    to: PositionIndex,
    query: &RouteQuery,
) -> Result<RoutePlan, NoRoute> {
    let network = graph.network();
    let count = network.positions().len();
    for p in [from, to] {
        if p.get() >= count {
            return Err(NoRoute::NoSuchPosition(p));
        }
    }
    if from == to {
        return Err(NoRoute::SameStation);
    }
    let constraints = &query.constraints;
    let criterion = query.criterion;
    let g = graph.graph();
    let edge_cost = |e: EdgeReference<'_, Track>| {
        let target = g[e.target()];
        constraints
            .allows(network, target)
            .then(|| step_cost(network, criterion, target, e.weight()))
    };
    // The exact cost to the destination from everywhere, ignoring entry
    // requirements: a lower bound for A* in both searches below (bans and
    // requirements only make paths dearer), and nodes that cannot get
    // there at all are never searched.
    let to_go = dijkstra::distances(Reversed(g), node(to), |e| edge_cost(e.into_unreversed()));
    let estimate = |n: NodeIndex| to_go.get(n.index()).copied().unwrap_or(f64::INFINITY);
    let start = query.standing(network, from);
    let rules = feasible::Rules::new(network);
    // Each spur search knows what the root made possible: where the
    // traveller stands after it, and that its stations are behind them.
    let spur = |root: &[usize], banned: &dyn Fn(usize, usize) -> bool, cost: f64| {
        let (&at, before) = root.split_last()?;
        let mut standing = start.clone();
        for &p in &root[1..] {
            let p = PositionIndex(p as u32);
            standing.hold(network, p, years_at(network, p));
        }
        let search_from = feasible::Start {
            at: PositionIndex(at as u32),
            standing,
            before: before.iter().map(|&p| PositionIndex(p as u32)).collect(),
            cost,
        };
        let mut allowed = |e: EdgeReference<'_, Track>| {
            if banned(e.source().index(), e.target().index()) {
                None
            } else {
                edge_cost(e)
            }
        };
        let ways = feasible::search(
            network,
            &rules,
            g,
            search_from,
            Some(to),
            &mut allowed,
            &estimate,
        );
        ways.path_to(to)
    };
    let mut paths = yen::KShortestPaths::new(from.get(), to.get(), spur);
    let Some(best) = paths.next() else {
        return Err(explain_no_route(graph, from, to, query));
    };
    let wanted = 1 + query.alternatives.min(MAX_ALTERNATIVES);
    let mut kept = vec![best];
    for path in paths.take(MAX_EXAMINED - 1) {
        if kept.len() >= wanted {
            break;
        }
        if kept
            .iter()
            .all(|k| shared_share(&path.0, &k.0) <= MAX_SHARED_STEPS)
        {
            kept.push(path);
        }
    }
    let mut routes = kept.into_iter().map(|(nodes, costs)| {
        let stops: Vec<PositionIndex> = nodes.iter().map(|&n| g[NodeIndex::new(n)]).collect();
        let cost = costs.last().copied().unwrap_or(0.0);
        build_route(graph, &start, stops, cost)
    });
    let Some(best) = routes.next() else {
        return Err(NoRoute::Unreachable { nearest: None });
    };
    Ok(RoutePlan {
        best,
        alternatives: routes.collect(),
    })
}

/// Goes along `stops` from `start`: how each entry requirement is met and
/// your age on arriving, or the first stop (its index) that does not admit
/// you, and why.
pub fn walk(
    network: &Network,
    start: &Standing,
    stops: &[PositionIndex],
) -> Result<(Vec<Met>, f32), (usize, Unmet)> {
    let mut standing = start.clone();
    let mut met = Vec::new();
    for (i, &stop) in stops.iter().enumerate().skip(1) {
        match admits(network, stop, &standing) {
            Ok(how) => met.extend(how),
            Err(unmet) => return Err((i, unmet)),
        }
        if i + 1 < stops.len() {
            standing.hold(network, stop, years_at(network, stop));
        }
    }
    Ok((met, standing.age.unwrap_or(f32::NAN)))
}

/// The cost of the step along `track` to `to` under `criterion`; see
/// [`Criterion`]. Always finite and positive.
pub fn step_cost(network: &Network, criterion: Criterion, to: PositionIndex, track: &Track) -> f64 {
    match criterion {
        Criterion::FewestSteps => 1.0,
        Criterion::ShortestTime => f64::from(years_at(network, to)),
        Criterion::MostTravelled => TRAVELLED_STEP_COST + 1.0 / (track.traffic() + 1) as f64,
    }
}

/// Typical years spent at `position`: its `typical_years`, or
/// [`DEFAULT_YEARS`] when that is missing or not a positive number (jobs
/// usually have none: the default reads as "a year or so before moving on").
pub fn years_at(network: &Network, position: PositionIndex) -> f32 {
    network
        .positions()
        .get(position.get())
        .and_then(|p| p.typical_years)
        .filter(|y| y.is_finite() && *y > 0.0)
        .unwrap_or(DEFAULT_YEARS)
}

/// The share of `candidate`'s steps that are also steps of `kept`, from 0
/// to 1: the measure behind [`MAX_SHARED_STEPS`].
pub fn shared_share<N: PartialEq>(candidate: &[N], kept: &[N]) -> f64 {
    let steps = candidate.len().saturating_sub(1);
    if steps == 0 {
        return 1.0;
    }
    let shared = candidate
        .windows(2)
        .filter(|c| kept.windows(2).any(|k| k == *c))
        .count();
    shared as f64 / steps as f64
}

/// The station offered when there is no route: among the stations you can
/// reach from `from` under the query's constraints and entry requirements,
/// the one closest in level to `to`, then sharing a sector with `to`, then
/// fewest steps away, then first in position order. `None` when nothing is
/// reachable.
pub fn nearest(
    graph: &CareerGraph,
    from: PositionIndex,
    to: PositionIndex,
    query: &RouteQuery,
) -> Option<PositionIndex> {
    let network = graph.network();
    let target = network.positions().get(to.get())?;
    let steps = reachable(graph, from, query, &query.constraints, true).costs();
    network
        .position_indices()
        .zip(steps)
        .filter(|&(p, s)| s.is_some() && p != from)
        .filter_map(|(p, s)| {
            let s = s.map(|steps| steps.round() as usize);
            let position = network.positions().get(p.get())?;
            let distance = position.level.rank().abs_diff(target.level.rank());
            let other_sector = !position.sectors.iter().any(|s| target.sectors.contains(s));
            Some(((distance, other_sector, s, p), p))
        })
        .min_by_key(|(key, _)| *key)
        .map(|(_, p)| p)
}

/// Every way from `from` in fewest steps, under `constraints` and, if
/// `requirements`, the entry requirements, for the query's traveller.
fn reachable(
    graph: &CareerGraph,
    from: PositionIndex,
    query: &RouteQuery,
    constraints: &Constraints,
    requirements: bool,
) -> feasible::Ways {
    let network = graph.network();
    let g = graph.graph();
    let start = query.standing(network, from);
    let mut edge_cost =
        |e: EdgeReference<'_, Track>| constraints.allows(network, g[e.target()]).then_some(1.0);
    let start = feasible::Start::new(from, start);
    let mut rules = feasible::Rules::new(network);
    rules.requirements = requirements;
    feasible::search(network, &rules, g, start, None, &mut edge_cost, &|_| 0.0)
}

/// Why [`plan`] found nothing. No way at all, even ignoring constraints and
/// requirements, is [`NoRoute::Unreachable`]. If the requirements alone
/// allow a route, the constraints block it; re-running with each dropped
/// on its own says which. Otherwise a requirement blocks it: the first one
/// the cheapest route without requirements breaks.
fn explain_no_route(
    graph: &CareerGraph,
    from: PositionIndex,
    to: PositionIndex,
    query: &RouteQuery,
) -> NoRoute {
    let network = graph.network();
    let constraints = &query.constraints;
    let nearest = nearest(graph, from, to, query);
    let reaches = |c: &Constraints| reachable(graph, from, query, c, true).reaches(to);
    let plain = |c: &Constraints| reachable(graph, from, query, c, false).path_to(to);
    let Some(free) = plain(&Constraints::default()) else {
        return NoRoute::Unreachable { nearest };
    };
    if reaches(&Constraints::default()) {
        let each = constraints.each();
        let mut blocking: Vec<Blocking> = each
            .iter()
            .copied()
            .filter(|&b| reaches(&constraints.without(b)))
            .collect();
        if blocking.is_empty() {
            blocking = each;
        }
        return NoRoute::Constrained { blocking, nearest };
    }
    let (nodes, _) = plain(constraints).unwrap_or(free);
    let stops: Vec<PositionIndex> = nodes.iter().map(|&n| PositionIndex(n as u32)).collect();
    match walk(network, &query.standing(network, from), &stops) {
        Err((i, unmet)) => NoRoute::Requirement {
            at: stops[i],
            unmet,
            nearest,
        },
        // Not expected: the search found no way, so this one must break
        // something; say so plainly rather than invent a reason.
        Ok(_) => NoRoute::Unreachable { nearest },
    }
}

/// Splits `stops` into legs, riding each line as far as it goes: taking the
/// line that goes furthest at every change gives the fewest changes. A
/// connection is a leg of its own.
fn build_route(
    graph: &CareerGraph,
    start: &Standing,
    stops: Vec<PositionIndex>,
    cost: f64,
) -> Route {
    let network = graph.network();
    let (met, arrival_age) = walk(network, start, &stops).unwrap_or((Vec::new(), f32::NAN));
    let track = |i: usize| graph.track(stops[i], stops[i + 1]);
    let lines = |i: usize| -> &[LineIndex] { track(i).map_or(&[], |t| t.lines.as_slice()) };
    let steps = stops.len().saturating_sub(1);
    let mut legs = Vec::new();
    let mut i = 0;
    while i < steps {
        let ride = |l: &LineIndex| (i..steps).take_while(|&k| lines(k).contains(l)).count();
        // Lines are in line order, so ties go to the first line.
        let best = lines(i)
            .iter()
            .map(|l| (ride(l), Some(*l)))
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        // A track without lines is a connection: one step on its own.
        let (len, line) = best.unwrap_or((1, None));
        let end = i + len;
        let level = |k: usize| network.position(stops[k]).level;
        legs.push(Leg {
            line,
            from: stops[i],
            to: stops[end],
            stops: len,
            years: stops[i + 1..=end.min(steps - 1)]
                .iter()
                .map(|&p| years_at(network, p))
                .sum(),
            steps_down: (i + 1..=end)
                .filter(|&k| level(k) < level(k - 1))
                .map(|k| stops[k])
                .collect(),
        });
        i = end;
    }
    Route {
        total_years: legs.iter().map(|l| l.years).sum(),
        steps,
        highest_level: stops
            .iter()
            .map(|&p| network.position(p).level)
            .max()
            .unwrap_or(Level::ENTRY),
        traffic: (0..steps)
            .map(|k| track(k).map_or(0, Track::traffic))
            .min()
            .unwrap_or(0),
        legs,
        stops,
        cost,
        arrival_age,
        met,
    }
}

/// Node `i` is position `i` (see [`CareerGraph`]).
fn node(position: PositionIndex) -> NodeIndex {
    NodeIndex::new(position.get())
}

/// The best route across [`crate::journey::sample::two_lines`], from its
/// first station to its last, with the graph it was planned on: for the
/// tests of what draws, tells or presents a route.
#[cfg(test)]
pub(crate) fn sample_route() -> (CareerGraph, Route) {
    let graph = CareerGraph::new(crate::journey::sample::two_lines());
    let found = plan(
        &graph,
        PositionIndex(0),
        PositionIndex(3),
        &RouteQuery::default(),
    );
    let route = found.expect("the sample network has a route").best;
    (graph, route)
}

#[cfg(test)]
mod tests;
