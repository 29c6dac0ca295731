//! The route planner against brute force on small random networks, and on
//! the shipped content against what a careers adviser would expect.
//!
//! The number of random networks per run is `PROPTEST_CASES` (default
//! below); each is planned under all three criteria.

use petgraph::graph::{EdgeReference, NodeIndex};
use petgraph::visit::{EdgeRef, Reversed};
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use std::cell::Cell;
use std::collections::HashMap;
use tubemap::graph::{CareerGraph, Track};
use tubemap::journey::{Journey, Kind, Level, Network, PositionIndex, Requirement, Sector, sample};
use tubemap::route::dijkstra::distances;
use tubemap::route::yen::k_shortest_paths;
use tubemap::route::{
    self, Constraints, Criterion, MAX_ALTERNATIVES, MAX_SHARED_STEPS, NoRoute, Route, RouteQuery,
    plan,
};

const DEFAULT_CASES: u32 = 500;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(DEFAULT_CASES)
}

const CRITERIA: [Criterion; 3] = [
    Criterion::FewestSteps,
    Criterion::ShortestTime,
    Criterion::MostTravelled,
];

/// A random network of 2 to 8 positions, some with entry requirements,
/// and 1 to 7 journeys, and a query.
#[derive(Clone, Debug)]
struct Case {
    network: Network,
    from: PositionIndex,
    to: PositionIndex,
    alternatives: usize,
    constraints: Constraints,
    age: Option<u8>,
}

impl Case {
    fn query(&self, criterion: Criterion) -> RouteQuery {
        RouteQuery {
            criterion,
            alternatives: self.alternatives,
            constraints: self.constraints.clone(),
            age: self.age,
            has: Vec::new(),
        }
    }

    /// Whether someone starting as the query says can take every stop.
    fn feasible(&self, stops: &[PositionIndex]) -> bool {
        let start = self
            .query(Criterion::FewestSteps)
            .standing(&self.network, self.from);
        route::walk(&self.network, &start, stops).is_ok()
    }
}

fn level(rank: u8) -> Level {
    Level::all().nth(usize::from(rank)).unwrap_or(Level::MAX)
}

fn case() -> impl Strategy<Value = Case> {
    (2usize..=8)
        .prop_flat_map(|n| {
            // Requirements: up to two alternatives, each with an age from
            // 14 to 22, an upper age limit, a level, and one position to
            // have held first.
            let requirement = (
                prop::option::weighted(0.4, 14u8..=22),
                prop::option::weighted(0.2, 15u8..=21),
                prop::option::weighted(0.4, 0u8..=8),
                prop::collection::vec(0..n as u32, 0..=1),
            );
            let requires = prop::option::weighted(0.4, prop::collection::vec(requirement, 1..=2));
            let position = ((0u8..=8, prop::bool::weighted(0.25), 0usize..6), requires);
            let journey = prop::collection::vec(0..n as u32, 2..=6);
            (
                prop::collection::vec(position, n),
                prop::collection::vec(journey, 1..=7),
                0..n as u32,
                0..n as u32,
                (0usize..=4, prop::option::of(14u8..=20)),
                (
                    prop::bool::weighted(0.3),
                    prop::option::weighted(0.3, 0u8..=8),
                    prop::collection::vec(0..n as u32, 0..=1),
                ),
            )
        })
        .prop_map(|(positions, journeys, from, to, (alternatives, age), c)| {
            let years = [None, Some(0.25), Some(0.5), Some(1.0), Some(2.0), Some(3.5)];
            let positions = positions
                .into_iter()
                .enumerate()
                .map(|(i, ((rank, degree, y), requires))| {
                    let mut p = sample::position(&format!("p{i}"), level(rank), Sector::General);
                    if degree {
                        p.kind = Kind::Degree;
                    }
                    p.typical_years = years[y];
                    p.requires = requires
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|r| {
                            r.0.is_some() || r.1.is_some() || r.2.is_some() || !r.3.is_empty()
                        })
                        .map(|(age, max_age, rank, after)| Requirement {
                            age,
                            max_age,
                            level: rank.map(level),
                            after: after.into_iter().map(PositionIndex).collect(),
                        })
                        .collect();
                    p
                })
                .collect();
            let journeys: Vec<Journey> = journeys
                .iter()
                .enumerate()
                .map(|(i, stops)| sample::journey(&format!("j{i}"), Sector::General, stops))
                .collect();
            Case {
                network: tubemap::journey::sample::one_line_per_journey(positions, journeys),
                from: PositionIndex(from),
                to: PositionIndex(to),
                alternatives,
                constraints: Constraints {
                    no_university: c.0,
                    max_level: c.1.map(level),
                    avoid: c.2.into_iter().map(PositionIndex).collect(),
                },
                age,
            }
        })
}

/// Every simple path from `from` whose stops after the first `allowed`
/// accepts, as stop lists.
fn all_simple_paths(
    graph: &CareerGraph,
    from: PositionIndex,
    allowed: &dyn Fn(PositionIndex) -> bool,
) -> Vec<Vec<PositionIndex>> {
    fn walk(
        graph: &CareerGraph,
        path: &mut Vec<PositionIndex>,
        allowed: &dyn Fn(PositionIndex) -> bool,
        out: &mut Vec<Vec<PositionIndex>>,
    ) {
        out.push(path.clone());
        let at = *path.last().unwrap();
        for (next, _) in graph.next_steps(at) {
            if !path.contains(&next) && allowed(next) {
                path.push(next);
                walk(graph, path, allowed, out);
                path.pop();
            }
        }
    }
    let mut out = Vec::new();
    walk(graph, &mut vec![from], allowed, &mut out);
    out
}

/// The cost of `stops` under `criterion`, summed from the start.
fn cost(
    network: &Network,
    graph: &CareerGraph,
    criterion: Criterion,
    stops: &[PositionIndex],
) -> f64 {
    stops.windows(2).fold(0.0, |sum, w| {
        let track = graph
            .track(w[0], w[1])
            .expect("consecutive stops are a track");
        sum + route::step_cost(network, criterion, w[1], track)
    })
}

/// The fewest legs that can cover `stops`, by dynamic programming.
fn fewest_legs(graph: &CareerGraph, stops: &[PositionIndex]) -> usize {
    let steps = stops.len() - 1;
    let rides = |k: usize, j| {
        graph
            .track(stops[k], stops[k + 1])
            .unwrap()
            .lines
            .contains(j)
    };
    let mut best = vec![usize::MAX; steps + 1];
    best[0] = 0;
    for start in 0..steps {
        if best[start] == usize::MAX {
            continue;
        }
        for j in &graph.track(stops[start], stops[start + 1]).unwrap().lines {
            let mut end = start;
            while end < steps && rides(end, j) {
                end += 1;
                best[end] = best[end].min(best[start] + 1);
            }
        }
    }
    best[steps]
}

fn check_route(case: &Case, graph: &CareerGraph, criterion: Criterion, r: &Route) {
    let network = &case.network;
    assert_eq!(r.stops.first(), Some(&case.from));
    assert_eq!(r.stops.last(), Some(&case.to));
    let mut seen = r.stops.clone();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), r.stops.len(), "loopless: {:?}", r.stops);
    for &p in &r.stops[1..] {
        let position = network.position(p);
        assert!(!(case.constraints.no_university && position.kind == Kind::Degree));
        assert!(
            case.constraints
                .max_level
                .is_none_or(|m| position.level <= m)
        );
        assert!(!case.constraints.avoid.contains(&p));
    }
    assert!((r.cost - cost(network, graph, criterion, &r.stops)).abs() < 1e-9);
    assert!(
        case.feasible(&r.stops),
        "meets every requirement: {:?}",
        r.stops
    );
    let age = f32::from(case.age.unwrap_or(route::DEFAULT_AGE));
    assert!(
        (r.arrival_age - age - r.total_years).abs() < 1e-3,
        "arrival age"
    );
    let between: f32 = r.stops[1..r.stops.len() - 1]
        .iter()
        .map(|&p| route::years_at(network, p))
        .sum();
    assert!(
        (r.total_years - between).abs() < 1e-3,
        "years between the ends"
    );
    assert_eq!(r.steps, r.stops.len() - 1);
    // Legs cover every step, in order, each on one line, without a change
    // to the same line, and as few as possible.
    let mut at = 0;
    for (i, leg) in r.legs.iter().enumerate() {
        assert_eq!(leg.from, r.stops[at]);
        for k in at..at + leg.stops {
            let track = graph.track(r.stops[k], r.stops[k + 1]).unwrap();
            assert!(leg.line.is_some_and(|l| track.lines.contains(&l)));
        }
        at += leg.stops;
        assert_eq!(leg.to, r.stops[at]);
        if i > 0 {
            assert_ne!(r.legs[i - 1].line, leg.line);
        }
    }
    assert_eq!(at, r.steps);
    assert_eq!(r.legs.len(), fewest_legs(graph, &r.stops));
    let highest = r
        .stops
        .iter()
        .map(|&p| network.position(p).level)
        .max()
        .unwrap();
    assert_eq!(r.highest_level, highest);
}

fn check_case(case: &Case) {
    let network = &case.network;
    let graph = CareerGraph::new(network.clone());
    let allowed = |p| case.constraints.allows(network, p);
    let paths: Vec<_> = all_simple_paths(&graph, case.from, &allowed)
        .into_iter()
        .filter(|p| p.len() > 1 && p.last() == Some(&case.to))
        .collect();
    let feasible: Vec<_> = paths.iter().filter(|p| case.feasible(p)).cloned().collect();
    let unconstrained: Vec<_> = all_simple_paths(&graph, case.from, &|_| true)
        .into_iter()
        .filter(|p| p.len() > 1 && p.last() == Some(&case.to))
        .collect();
    let feasible_unconstrained = unconstrained.iter().any(|p| case.feasible(p));
    for criterion in CRITERIA {
        let query = case.query(criterion);
        let result = plan(&graph, case.from, case.to, &query);
        let optimum = feasible
            .iter()
            .map(|p| cost(network, &graph, criterion, p))
            .min_by(f64::total_cmp);
        match (result, optimum) {
            (Err(NoRoute::SameStation), _) => assert_eq!(case.from, case.to),
            (Err(NoRoute::Unreachable { .. }), None) => assert!(unconstrained.is_empty()),
            (Err(NoRoute::Constrained { blocking, .. }), None) => {
                assert!(feasible_unconstrained);
                assert!(!blocking.is_empty());
            }
            (Err(NoRoute::Requirement { at, .. }), None) => {
                assert!(!unconstrained.is_empty() && !feasible_unconstrained);
                assert!(!network.position(at).requires.is_empty());
            }
            (Err(e), None) => panic!("unexpected {e:?}"),
            (Err(e), Some(best)) => panic!("brute force found cost {best}, planner said {e:?}"),
            (Ok(p), None) => panic!(
                "brute force found nothing, planner found {:?}",
                p.best.stops
            ),
            (Ok(plan), Some(best)) => {
                assert_ne!(case.from, case.to);
                assert!(
                    (plan.best.cost - best).abs() < 1e-9,
                    "{criterion:?}: planner {} vs brute force {best}",
                    plan.best.cost
                );
                assert!(plan.alternatives.len() <= case.alternatives.min(MAX_ALTERNATIVES));
                let routes: Vec<&Route> = plan.routes().collect();
                for r in &routes {
                    check_route(case, &graph, criterion, r);
                }
                for (j, later) in routes.iter().enumerate() {
                    for earlier in &routes[..j] {
                        assert!(earlier.cost <= later.cost + 1e-9, "cost order");
                        assert_ne!(earlier.stops, later.stops);
                        assert!(
                            route::shared_share(&later.stops, &earlier.stops) <= MAX_SHARED_STEPS,
                            "diversity: {:?} after {:?}",
                            later.stops,
                            earlier.stops
                        );
                    }
                }
            }
        }
    }
    for criterion in CRITERIA {
        check_yen_lists_every_path(case, &graph, criterion, &paths);
    }
    // Where can this lead: the fewest steps to each reachable station.
    let mut fewest: HashMap<PositionIndex, usize> = HashMap::new();
    for p in all_simple_paths(&graph, case.from, &allowed) {
        let (&end, steps) = (p.last().unwrap(), p.len() - 1);
        if end != case.from {
            let e = fewest.entry(end).or_insert(steps);
            *e = (*e).min(steps);
        }
    }
    let mut reached = HashMap::new();
    let mut last_level = None;
    for (level, at) in route::reach(&graph, case.from, &case.constraints) {
        assert!(last_level < Some(level), "levels ascend, each once");
        last_level = Some(level);
        for r in at {
            assert_eq!(network.position(r.position).level, level);
            reached.insert(r.position, r.steps);
        }
    }
    assert_eq!(reached, fewest);
}

/// Yen's algorithm, unfiltered, lists exactly the brute-force paths, in
/// non-decreasing cost, with and without the A* estimate.
fn check_yen_lists_every_path(
    case: &Case,
    graph: &CareerGraph,
    criterion: Criterion,
    brute: &[Vec<PositionIndex>],
) {
    if case.from == case.to {
        return;
    }
    let network = &case.network;
    let g = graph.graph();
    let edge_cost = |e: EdgeReference<'_, Track>| {
        let target = g[e.target()];
        case.constraints
            .allows(network, target)
            .then(|| route::step_cost(network, criterion, target, e.weight()))
    };
    let to = NodeIndex::new(case.to.get());
    let to_go = distances(Reversed(g), to, |e| edge_cost(e.into_unreversed()));
    let mut expected: Vec<(Vec<PositionIndex>, f64)> = brute
        .iter()
        .map(|p| (p.clone(), cost(network, graph, criterion, p)))
        .collect();
    expected.sort_by(|a, b| a.0.cmp(&b.0));
    let from = NodeIndex::new(case.from.get());
    let plain: Vec<_> = k_shortest_paths(g, from, to, edge_cost, |_| 0.0).collect();
    let guided: Vec<_> =
        k_shortest_paths(g, from, to, edge_cost, |n: NodeIndex| to_go[n.index()]).collect();
    for found in [plain, guided] {
        for w in found.windows(2) {
            assert!(w[0].cost() <= w[1].cost() + 1e-9, "non-decreasing");
        }
        let mut got: Vec<(Vec<PositionIndex>, f64)> = found
            .iter()
            .map(|p| (p.nodes.iter().map(|&n| g[n]).collect(), p.cost()))
            .collect();
        got.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(got.len(), expected.len(), "every simple path, once");
        for (g, e) in got.iter().zip(&expected) {
            assert_eq!(g.0, e.0);
            assert!((g.1 - e.1).abs() < 1e-9);
        }
    }
}

#[test]
fn planner_matches_brute_force_on_random_networks() {
    let cases = cases();
    let mut runner = TestRunner::new(ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    // `run` takes a `Fn`, hence cells.
    let (ran, routed, with_alternatives) = (Cell::new(0u32), Cell::new(0u32), Cell::new(0u32));
    let (required, blocked) = (Cell::new(0u32), Cell::new(0u32));
    runner
        .run(&case(), |case| {
            check_case(&case);
            ran.set(ran.get() + 1);
            let graph = CareerGraph::new(case.network.clone());
            let query = case.query(Criterion::FewestSteps);
            match plan(&graph, case.from, case.to, &query) {
                Ok(p) => {
                    routed.set(routed.get() + 1);
                    with_alternatives
                        .set(with_alternatives.get() + u32::from(!p.alternatives.is_empty()));
                    required.set(required.get() + u32::from(!p.best.met.is_empty()));
                }
                Err(NoRoute::Requirement { .. }) => blocked.set(blocked.get() + 1),
                Err(_) => {}
            }
            Ok(())
        })
        .unwrap();
    let (ran, routed, with_alternatives) = (ran.get(), routed.get(), with_alternatives.get());
    let (required, blocked) = (required.get(), blocked.get());
    eprintln!(
        "checked {ran} random networks × 3 criteria: {routed} with a route ({required} meeting an entry requirement), {with_alternatives} with alternatives, {blocked} blocked by a requirement"
    );
    assert!(ran >= cases);
    assert!(
        routed > 0 && with_alternatives > 0 && required > 0 && blocked > 0,
        "the generator exercises routes, alternatives and requirements"
    );
}

// The shipped content.

fn shipped() -> (Network, CareerGraph) {
    let network = tubemap::source::load_paths(&["journeys".into()]).network;
    let graph = CareerGraph::new(network.clone());
    (network, graph)
}

fn id(network: &Network, id: &str) -> PositionIndex {
    network
        .position_by_id(id)
        .unwrap_or_else(|| panic!("no position `{id}`"))
}

/// Plans with a traveller's age and what they already have, and checks
/// that no route breaks an entry requirement, an age limit or a closed
/// position on the way.
fn golden(
    network: &Network,
    graph: &CareerGraph,
    (from, to): (&str, &str),
    age: u8,
    has: &[&str],
    constraints: Constraints,
) -> route::RoutePlan {
    let query = RouteQuery {
        alternatives: 3,
        constraints,
        age: Some(age),
        has: has.iter().map(|h| id(network, h)).collect(),
        ..RouteQuery::default()
    };
    let (from, to) = (id(network, from), id(network, to));
    let plan = plan(graph, from, to, &query).unwrap();
    let start = query.standing(network, from);
    for r in plan.routes() {
        assert!(
            route::walk(network, &start, &r.stops).is_ok(),
            "{:?}",
            r.stops
        );
        assert!(
            r.stops[1..]
                .iter()
                .all(|&p| !network.position(p).is_closed())
        );
    }
    plan
}

fn ids(network: &Network, stops: &[PositionIndex]) -> Vec<String> {
    stops
        .iter()
        .map(|&p| network.position(p).id.clone())
        .collect()
}

/// A 16-year-old with GCSEs who wants to write software. Level 3 first (an
/// A level in computer science: the Level 4 software developer
/// apprenticeship expects A levels or another Level 3,
/// https://www.instituteforapprenticeships.org/apprenticeship-standards/software-developer-v1-0,
/// as UCAS says employers generally do,
/// https://www.ucas.com/entry-requirements-apprenticeships-england),
/// and no Skills Bootcamp before 19 (DfE: for adults aged 19 and over,
/// https://parallelparliament.co.uk/question/HL3323/skills-bootcamps).
#[test]
fn golden_16_with_gcses_to_software_developer() {
    let (network, graph) = shipped();
    let plan = golden(
        &network,
        &graph,
        ("gcses-9-4", "software-developer"),
        16,
        &[],
        Constraints::default(),
    );
    assert_eq!(
        ids(&network, &plan.best.stops),
        [
            "gcses-9-4",
            "a-level-computer-science",
            "software-developer-apprenticeship",
            "software-developer"
        ]
    );
    assert_eq!(
        route::render_text(&network, &route::directions(&plan.best)),
        "From GCSEs at grades 9 to 4 (Level 2), take the School and foundation line 1 stop to A level in Computer Science (Level 3), about 2 years.\n\
         At A level in Computer Science (Level 3), take the connection to Software developer apprenticeship (Level 4), about 2 years. Software developer apprenticeship needs Level 3 (you have it from A level in Computer Science).\n\
         At Software developer apprenticeship (Level 4), change to the Digital production, design and development line 1 stop to Software developer (Level 4).\n\
         Arrive at Software developer at about age 20. Total: about 4 years, reaching Level 4."
    );
    let bootcamp = id(&network, "skills-bootcamp-software");
    for r in plan.routes() {
        if let Some(i) = r.stops.iter().position(|&p| p == bootcamp) {
            let years: f32 = r.stops[1..i]
                .iter()
                .map(|&p| route::years_at(&network, p))
                .sum();
            assert!(16.0 + years >= 19.0, "a bootcamp at {}", 16.0 + years);
        }
    }
    // A connection runs straight from GCSEs to the bootcamp (people took
    // it as adults), but not at 16: the way there spends three years
    // elsewhere first.
    let to_bootcamp = route::plan(
        &graph,
        id(&network, "gcses-9-4"),
        bootcamp,
        &RouteQuery {
            age: Some(16),
            ..RouteQuery::default()
        },
    )
    .unwrap();
    assert!(to_bootcamp.best.stops.len() > 2);
    assert!(to_bootcamp.best.arrival_age >= 19.0);
}

/// A 14-year-old in Year 9 who wants to run sites without university:
/// GCSEs, an apprenticeship from 16 (https://preprod.apprenticeships.gov.uk/apprentices/about-apprenticeships),
/// site supervision at Level 4 after trade experience
/// (https://instituteforapprenticeships.org/apprenticeship-standards/construction-site-supervisor):
/// a groundworker promoted to supervisor, then site manager after
/// supervising (https://nationalcareers.service.gov.uk/job-profiles/construction-manager).
#[test]
fn golden_14_in_year_9_to_site_manager_without_university() {
    let (network, graph) = shipped();
    let no_university = Constraints {
        no_university: true,
        ..Constraints::default()
    };
    let plan = golden(
        &network,
        &graph,
        ("year-9-options", "site-manager"),
        14,
        &[],
        no_university,
    );
    for r in plan.routes() {
        assert!(
            r.stops
                .iter()
                .all(|&p| network.position(p).kind != Kind::Degree)
        );
        assert!(r.arrival_age >= 21.0, "{}", r.arrival_age);
    }
    assert_eq!(
        route::render_text(&network, &route::directions(&plan.best)),
        "From Year 9 options (Entry level), take the School and foundation line 1 stop to GCSEs at grades 3 to 1 (Level 1), about 2 years.\n\
         At GCSEs at grades 3 to 1 (Level 1), change to the Onsite construction line 2 stops to Groundworker (Level 2), about 2.5 years.\n\
         At Groundworker (Level 2), take the connection to Site supervisor (Level 4), about 1 year.\n\
         At Site supervisor (Level 4), change to the Site management line 2 stops to Site manager (Level 6), about 1.5 years.\n\
         Arrive at Site manager at about age 21. Total: about 7 years, reaching Level 6."
    );
    // With university allowed there is a route through a degree too.
    let free = route::plan(
        &graph,
        id(&network, "year-9-options"),
        id(&network, "site-manager"),
        &RouteQuery {
            age: Some(14),
            alternatives: 3,
            ..RouteQuery::default()
        },
    )
    .unwrap();
    assert!(free.routes().any(|r| {
        r.stops
            .iter()
            .any(|&p| network.position(p).kind == Kind::Degree)
    }));
}

/// A 24-year-old labourer with GCSEs who wants to be a quantity surveyor:
/// an Access to HE Diploma (19 and over, https://www.colchester.ac.uk/parts/online-access-entry-requirements/)
/// then a degree, or a surveying technician apprenticeship then the degree
/// apprenticeship (https://www.qfi.org.uk/construction-quantity-surveyor-v1).
/// Never a T Level (16 to 19) or a foundation apprenticeship (16 to 21).
#[test]
fn golden_24_year_old_labourer_to_quantity_surveyor() {
    let (network, graph) = shipped();
    let plan = golden(
        &network,
        &graph,
        ("construction-labourer", "quantity-surveyor"),
        24,
        &["gcses-9-4"],
        Constraints::default(),
    );
    assert_eq!(
        ids(&network, &plan.best.stops),
        [
            "construction-labourer",
            "access-to-he",
            "bsc-quantity-surveying",
            "quantity-surveyor"
        ]
    );
    assert!(plan.routes().any(|r| {
        r.stops
            .contains(&id(&network, "surveying-technician-apprenticeship"))
    }));
    for r in plan.routes() {
        for &p in &r.stops {
            let kind = network.position(p).kind;
            assert!(kind != Kind::TLevel, "no T Level at 24");
            assert!(!network.position(p).id.contains("foundation-apprenticeship"));
        }
    }
    assert_eq!(
        route::render_text(&network, &route::directions(&plan.best)),
        "From Construction labourer (Entry level), take the connection to Access to Higher Education Diploma (Level 3), about 1 year. Access to Higher Education Diploma needs you to be 19 or over (you would be 24) and GCSEs at grades 9 to 4 first (you have it).\n\
         At Access to Higher Education Diploma (Level 3), take the connection to BSc (Hons) Quantity Surveying (Level 6), about 3 years. BSc (Hons) Quantity Surveying needs Level 3 (you have it from Access to Higher Education Diploma).\n\
         At BSc (Hons) Quantity Surveying (Level 6), change to the Design, surveying and planning line 1 stop to Quantity surveyor (Level 6).\n\
         Arrive at Quantity surveyor at about age 28. Total: about 4 years, reaching Level 6."
    );
}

/// Over every pair of stations, for a 16-year-old: every route meets every
/// entry requirement, and a pair with no route says why.
#[test]
fn no_route_on_the_shipped_map_breaks_an_entry_requirement() {
    let (network, graph) = shipped();
    let query = RouteQuery {
        alternatives: 3,
        ..RouteQuery::default()
    };
    let (mut routed, mut blocked, mut unreachable) = (0, 0, 0);
    for from in network.position_indices() {
        let start = query.standing(&network, from);
        for to in network.position_indices() {
            match plan(&graph, from, to, &query) {
                Ok(plan) => {
                    routed += 1;
                    for r in plan.routes() {
                        assert!(route::walk(&network, &start, &r.stops).is_ok());
                        assert!(
                            r.stops[1..]
                                .iter()
                                .all(|&p| !network.position(p).is_closed())
                        );
                    }
                }
                Err(NoRoute::Requirement { at, unmet, .. }) => {
                    blocked += 1;
                    assert!(!network.position(at).requires.is_empty(), "{unmet:?}");
                }
                Err(_) => unreachable += 1,
            }
        }
    }
    eprintln!(
        "{routed} pairs routed, {blocked} blocked by an entry requirement, {unreachable} with no way at all (or the same station)"
    );
    assert!(routed > 1000, "{routed}");
}

#[test]
fn gcses_to_software_developer_every_way() {
    let (network, graph) = shipped();
    let from = id(&network, "gcses-9-4");
    let to = id(&network, "software-developer");
    for criterion in CRITERIA {
        let query = RouteQuery {
            criterion,
            alternatives: 3,
            ..RouteQuery::default()
        };
        let plan = plan(&graph, from, to, &query).unwrap();
        assert!(!plan.alternatives.is_empty(), "{criterion:?}");
        assert_eq!(
            plan.best.highest_level,
            plan.best.highest_level.max(Level::rqf(4).unwrap())
        );
    }
}

#[test]
fn what_pupils_type_resolves_to_the_stations_they_mean() {
    let (network, graph) = shipped();
    let ends =
        route::resolve_route(&graph, "GCSE", "site manager", &Constraints::default()).unwrap();
    assert_eq!(network.position(ends.from).id, "gcses-9-4");
    assert_eq!(network.position(ends.to).id, "site-manager");
    assert!(ends.reread, "\"GCSE\" alone best matches the resits");
    assert!(matches!(
        route::resolve(&network, "developer"),
        Err(route::Unresolved::Ambiguous { candidates, .. }) if candidates.len() >= 2
    ));
}

#[test]
fn no_route_says_why_and_offers_the_nearest() {
    let (network, graph) = shipped();
    let from = id(&network, "gcses-9-4");
    let to = id(&network, "site-manager");
    let query = RouteQuery {
        constraints: Constraints {
            max_level: Some(Level::rqf(4).unwrap()),
            ..Constraints::default()
        },
        ..RouteQuery::default()
    };
    let why = plan(&graph, from, to, &query).unwrap_err();
    let NoRoute::Constrained { blocking, nearest } = &why else {
        panic!("{why:?}");
    };
    assert_eq!(
        blocking,
        &[route::Blocking::MaxLevel(Level::rqf(4).unwrap())]
    );
    let nearest = nearest.expect("something at Level 4 is reachable");
    assert_eq!(network.position(nearest).level, Level::rqf(4).unwrap());
    assert!(
        route::explain(&network, from, to, &why)
            .starts_with("There is a route, but only by going above Level 4.")
    );
}

#[test]
fn gcses_lead_all_the_way_up() {
    let (network, graph) = shipped();
    let from = id(&network, "gcses-9-4");
    let levels = route::reach(&graph, from, &Constraints::default());
    let site_manager = id(&network, "site-manager");
    let (level, at) = levels
        .iter()
        .find(|(_, at)| at.iter().any(|r| r.position == site_manager))
        .expect("site manager is reachable");
    assert_eq!(*level, Level::rqf(6).unwrap());
    assert!(at.iter().all(|r| r.steps >= 1));
    assert!(levels.len() >= 5, "{} levels", levels.len());
}

#[test]
fn a_long_climb_on_a_big_generated_network_has_three_alternatives() {
    let loaded = tubemap::source::synthetic::load(2000, 500);
    let (network, graph) = (&loaded.network, CareerGraph::new(loaded.network.clone()));
    // The same pair as the benchmark: see tests/benches/route.rs.
    let (from, to) = tubemap::source::synthetic::long_climb(&graph);
    for criterion in CRITERIA {
        let query = RouteQuery {
            criterion,
            alternatives: 3,
            ..RouteQuery::default()
        };
        let plan = plan(&graph, from, to, &query).unwrap();
        eprintln!(
            "{criterion:?}: {} → {}: best {} steps, alternatives {:?}",
            network.position(from).id,
            network.position(to).id,
            plan.best.steps,
            plan.alternatives
                .iter()
                .map(|r| r.steps)
                .collect::<Vec<_>>()
        );
        assert_eq!(plan.alternatives.len(), 3, "{criterion:?}");
    }
}
