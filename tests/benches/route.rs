//! Route planning with 3 alternatives on a generated network of 2,000
//! positions and 500 journeys (goal: under 1 ms median natively), and on
//! the shipped content.

use tubemap::graph::CareerGraph;
use tubemap::route::{self, Constraints, Criterion, RouteQuery};
use tubemap::source::{load_paths, synthetic};

fn main() {
    divan::main();
}

fn generated() -> CareerGraph {
    CareerGraph::new(synthetic::load(2000, 500).network)
}

fn query(criterion: Criterion) -> RouteQuery {
    RouteQuery {
        criterion,
        alternatives: 3,
        constraints: Constraints::default(),
        ..RouteQuery::default()
    }
}

#[divan::bench(args = [Criterion::FewestSteps, Criterion::ShortestTime, Criterion::MostTravelled], sample_count = 200)]
fn generated_2000_positions_3_alternatives(bencher: divan::Bencher, criterion: Criterion) {
    let graph = generated();
    let (from, to) = synthetic::long_climb(&graph);
    let q = query(criterion);
    bencher.bench(|| {
        let plan = route::plan(&graph, from, to, &q).expect("the pair has a route");
        divan::black_box(plan.alternatives.len())
    });
}

/// The best route alone: the requirement-aware search without Yen's
/// alternatives, to see which part the time goes to.
#[divan::bench(sample_count = 200)]
fn generated_2000_positions_best_only(bencher: divan::Bencher) {
    let graph = generated();
    let (from, to) = synthetic::long_climb(&graph);
    let q = RouteQuery {
        alternatives: 0,
        ..query(Criterion::FewestSteps)
    };
    bencher.bench(|| {
        let plan = route::plan(&graph, from, to, &q).expect("the pair has a route");
        divan::black_box(plan.best.steps)
    });
}

#[divan::bench(sample_count = 200)]
fn shipped_gcses_to_site_manager(bencher: divan::Bencher) {
    let graph = CareerGraph::new(load_paths(&["journeys".into()]).network);
    let network = graph.network();
    let from = network
        .position_by_id("gcses-9-4")
        .expect("shipped position");
    let to = network
        .position_by_id("site-manager")
        .expect("shipped position");
    let q = query(Criterion::FewestSteps);
    bencher.bench(|| divan::black_box(route::plan(&graph, from, to, &q).is_ok()));
}
