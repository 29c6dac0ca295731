use super::*;
use crate::journey::{Sector, sample};

fn p(i: u32) -> PositionIndex {
    PositionIndex(i)
}

fn level(n: i64) -> Level {
    Level::rqf(n).unwrap()
}

/// ```text
/// x: 0 → 1 → 2 → 5          (1 is a degree)
/// y: 0 → 3 → 4 → 5          (4 is Level 3, after 3 at Level 4: a step down)
/// z: 3 → 4 → 5
/// w: 0 → 6 → 5              (6 is Level 7)
/// ```
fn network() -> Network {
    let mut positions = vec![
        sample::position("start", level(2), Sector::General),
        sample::position("degree", level(6), Sector::Digital),
        sample::position("after-degree", level(6), Sector::Digital),
        sample::position("apprentice", level(4), Sector::Digital),
        sample::position("bootcamp", level(3), Sector::Digital),
        sample::position("goal", level(6), Sector::Digital),
        sample::position("masters", level(7), Sector::Digital),
    ];
    positions[1].kind = Kind::Degree;
    positions[1].typical_years = Some(3.0);
    positions[3].typical_years = None;
    positions[4].typical_years = Some(0.25);
    positions[6].typical_years = Some(2.0);
    let journeys = vec![
        sample::journey("x", Sector::Digital, &[0, 1, 2, 5]),
        sample::journey("y", Sector::Digital, &[0, 3, 4, 5]),
        sample::journey("z", Sector::Digital, &[3, 4, 5]),
        sample::journey("w", Sector::Digital, &[0, 6, 5]),
    ];
    crate::journey::sample::one_line_per_journey(positions, journeys)
}

fn query(criterion: Criterion, alternatives: usize) -> RouteQuery {
    RouteQuery {
        criterion,
        alternatives,
        constraints: Constraints::default(),
        ..RouteQuery::default()
    }
}

#[test]
fn fewest_steps_then_different_alternatives_in_cost_order() {
    let network = network();
    let graph = CareerGraph::new(network.clone());
    let plan = plan(&graph, p(0), p(5), &query(Criterion::FewestSteps, 3)).unwrap();
    assert_eq!(plan.best.stops, [0, 6, 5].map(p));
    let costs: Vec<f64> = plan.routes().map(|r| r.cost).collect();
    assert_eq!(costs, vec![2.0, 3.0, 3.0]);
    // Equal costs come in the order found, which is deterministic.
    assert_eq!(plan.alternatives[0].stops, [0, 3, 4, 5].map(p));
    assert_eq!(plan.alternatives[1].stops, [0, 1, 2, 5].map(p));
}

#[test]
fn shortest_time_counts_years_between_the_ends() {
    let network = network();
    let graph = CareerGraph::new(network.clone());
    let plan = plan(&graph, p(0), p(5), &query(Criterion::ShortestTime, 0)).unwrap();
    // Not the start, where you are already: 1 (apprentice: missing,
    // default) + 0.25 (bootcamp) until you arrive; the cost adds the
    // destination's year, the same for every route there.
    assert_eq!(plan.best.stops, [0, 3, 4, 5].map(p));
    assert_eq!(plan.best.total_years, 1.25);
    assert_eq!(plan.best.cost, 2.25);
    assert_eq!(plan.best.arrival_age, 17.25);
    assert!(plan.alternatives.is_empty());
}

#[test]
fn legs_ride_each_line_as_far_as_it_goes_and_flag_steps_down() {
    let network = network();
    let graph = CareerGraph::new(network.clone());
    let mut q = query(Criterion::ShortestTime, 0);
    q.constraints.avoid = vec![p(6)];
    let route = plan(&graph, p(0), p(5), &q).unwrap().best;
    // y and z both ride 3 → 4 → 5; y also rides 0 → 3, so no change at all.
    assert_eq!(route.legs.len(), 1);
    let leg = &route.legs[0];
    assert_eq!(
        (leg.line, leg.from, leg.to, leg.stops),
        (Some(LineIndex(1)), p(0), p(5), 3)
    );
    assert_eq!(leg.steps_down, vec![p(4)]);
    assert!(leg.goes_down());
    assert_eq!(route.traffic, 1);
    assert_eq!(route.highest_level, level(6));
}

#[test]
fn a_change_of_line_is_a_new_leg() {
    let positions = (0..4)
        .map(|i| sample::position(&format!("p{i}"), level(2 + i), Sector::Digital))
        .collect();
    let journeys = vec![
        sample::journey("a", Sector::Digital, &[0, 1, 2]),
        sample::journey("b", Sector::Digital, &[1, 2, 3]),
    ];
    let network = crate::journey::sample::one_line_per_journey(positions, journeys);
    let graph = CareerGraph::new(network.clone());
    let route = plan(&graph, p(0), p(3), &RouteQuery::default())
        .unwrap()
        .best;
    let legs: Vec<_> = route
        .legs
        .iter()
        .map(|l| (l.line.map(|l| l.0), l.from.0, l.to.0, l.stops))
        .collect();
    // Greedy: a rides 0 → 1 → 2 (2 stops), then b 2 → 3.
    assert_eq!(legs, vec![(Some(0), 0, 2, 2), (Some(1), 2, 3, 1)]);
    assert_eq!(route.traffic, 1);
    let text = render_text(&network, &directions(&route));
    assert!(
        text.contains("At p2 (Level 4), change to the b line"),
        "{text}"
    );
}

#[test]
fn constraints_exclude_stations_and_say_what_blocks() {
    let network = network();
    let graph = CareerGraph::new(network.clone());
    let mut q = query(Criterion::FewestSteps, 3);
    q.constraints = Constraints {
        no_university: true,
        max_level: Some(level(6)),
        avoid: vec![],
    };
    let plan_ = plan(&graph, p(0), p(5), &q).unwrap();
    let routes: Vec<_> = plan_.routes().map(|r| r.stops.clone()).collect();
    assert_eq!(routes, vec![[0, 3, 4, 5].map(p).to_vec()]);

    q.constraints.avoid = vec![p(4)];
    assert_eq!(
        plan(&graph, p(0), p(5), &q),
        Err(NoRoute::Constrained {
            blocking: vec![
                Blocking::NoUniversity,
                Blocking::MaxLevel(level(6)),
                Blocking::Avoid(p(4)),
            ],
            nearest: Some(p(3)),
        })
    );

    // Every route is blocked twice over: no single constraint is to blame,
    // so all are listed.
    q.constraints.avoid = vec![p(2), p(3), p(4), p(6)];
    let err = plan(&graph, p(0), p(5), &q).unwrap_err();
    assert_eq!(
        err,
        NoRoute::Constrained {
            blocking: vec![
                Blocking::NoUniversity,
                Blocking::MaxLevel(level(6)),
                Blocking::Avoid(p(2)),
                Blocking::Avoid(p(3)),
                Blocking::Avoid(p(4)),
                Blocking::Avoid(p(6)),
            ],
            nearest: None,
        }
    );
}

#[test]
fn a_destination_breaking_a_constraint_is_constrained_not_ignored() {
    let network = network();
    let graph = CareerGraph::new(network.clone());
    let mut q = RouteQuery::default();
    q.constraints.no_university = true;
    let err = plan(&graph, p(0), p(1), &q).unwrap_err();
    assert_eq!(
        err,
        NoRoute::Constrained {
            blocking: vec![Blocking::NoUniversity],
            // Same level and sector as the degree, two steps away.
            nearest: Some(p(5)),
        }
    );
    // The start is exempt: you are already there.
    assert!(plan(&graph, p(1), p(5), &q).is_ok());
}

#[test]
fn same_station_unknown_station_and_unreachable() {
    let network = network();
    let graph = CareerGraph::new(network.clone());
    let q = RouteQuery::default();
    assert_eq!(plan(&graph, p(0), p(0), &q), Err(NoRoute::SameStation));
    assert_eq!(
        plan(&graph, p(0), p(99), &q),
        Err(NoRoute::NoSuchPosition(p(99)))
    );
    assert_eq!(
        plan(&graph, p(5), p(0), &q),
        Err(NoRoute::Unreachable { nearest: None })
    );
    // From the bootcamp only the goal is reachable: the nearest to `start`.
    assert_eq!(
        plan(&graph, p(4), p(0), &q),
        Err(NoRoute::Unreachable {
            nearest: Some(p(5))
        })
    );
}

#[test]
fn most_travelled_prefers_busier_steps() {
    let network = network();
    let graph = CareerGraph::new(network.clone());
    let plan = plan(&graph, p(3), p(5), &query(Criterion::MostTravelled, 1)).unwrap();
    // 3 → 4 → 5: both steps taken by y and z: 2 × (0.1 + 1 / 3).
    assert_eq!(plan.best.stops, [3, 4, 5].map(p));
    assert!((plan.best.cost - 2.0 * (0.1 + 1.0 / 3.0)).abs() < 1e-9);
    assert_eq!(plan.best.traffic, 2);
}

#[test]
fn the_shared_share_counts_the_candidates_steps() {
    assert_eq!(shared_share(&[0, 1, 2, 3], &[0, 1, 2, 4]), 2.0 / 3.0);
    assert_eq!(shared_share(&[0, 1], &[0, 1, 2]), 1.0);
    assert_eq!(shared_share(&[0, 5, 3], &[0, 1, 3]), 0.0);
}

#[test]
fn reach_groups_by_level_with_fewest_steps() {
    let network = network();
    let graph = CareerGraph::new(network.clone());
    let levels = reach(&graph, p(0), &Constraints::default());
    let flat: Vec<(u8, u32, usize)> = levels
        .iter()
        .flat_map(|(l, at)| at.iter().map(|r| (l.rank(), r.position.0, r.steps)))
        .collect();
    assert_eq!(
        flat,
        vec![
            (3, 4, 2),
            (4, 3, 1),
            (6, 1, 1),
            (6, 2, 2),
            (6, 5, 2),
            (7, 6, 1)
        ]
    );
    let no_uni = Constraints {
        no_university: true,
        ..Constraints::default()
    };
    let levels = reach(&graph, p(0), &no_uni);
    assert!(
        levels
            .iter()
            .all(|(_, at)| at.iter().all(|r| r.position != p(1) && r.position != p(2)))
    );
}

#[test]
fn the_route_on_show_is_the_chosen_one_or_else_the_best() {
    let network = network();
    let graph = CareerGraph::new(network.clone());
    let plan = plan(&graph, p(0), p(5), &query(Criterion::FewestSteps, 3)).unwrap();
    assert_eq!(plan.alternatives.len(), 2);
    assert_eq!(plan.on_show(0), &plan.best);
    assert_eq!(plan.on_show(2), &plan.alternatives[1]);
    assert_eq!(plan.on_show_index(2), 2);
    // A new plan with fewer routes than the last choice shows the best.
    assert_eq!(plan.on_show(3), &plan.best);
    assert_eq!(plan.on_show_index(3), 0);
    assert_eq!(plan.on_show(usize::MAX), &plan.best);
}
