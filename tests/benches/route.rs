//! Route planning with 3 alternatives on a generated network of 2,000
//! positions and 500 journeys (goal: under 1 ms median natively), and on
//! the shipped content.

use tubemap::journey::{Network, PositionIndex};
use tubemap::network::CareerGraph;
use tubemap::route::{self, Constraints, Criterion, RouteQuery};
use tubemap::source::{load_paths, load_sources, synthetic};

fn main() {
    divan::main();
}

fn generated() -> (Network, CareerGraph) {
    let files = synthetic::journey_files(2000, 500);
    let loaded = load_sources(files.into_iter().map(|(p, t)| (p, Ok(t.into_bytes()))));
    let graph = CareerGraph::new(&loaded.network);
    (loaded.network, graph)
}

/// A long climb, chosen the same way every run: from the first Entry-level
/// position with the most places reachable, to the highest-level of those,
/// furthest away.
fn long_climb(network: &Network, graph: &CareerGraph) -> (PositionIndex, PositionIndex) {
    let none = Constraints::default();
    let reachable = |p| {
        route::reach(network, graph, p, &none)
            .into_iter()
            .flat_map(|(_, at)| at)
            .collect::<Vec<_>>()
    };
    let from = network
        .position_indices()
        .filter(|&p| network.position(p).level.rank() == 0)
        .max_by_key(|&p| (reachable(p).len(), std::cmp::Reverse(p)))
        .expect("the generated network has Entry-level positions");
    let to = reachable(from)
        .into_iter()
        .max_by_key(|r| {
            (
                network.position(r.position).level,
                r.steps,
                std::cmp::Reverse(r.position),
            )
        })
        .expect("something is reachable")
        .position;
    (from, to)
}

fn query(criterion: Criterion) -> RouteQuery {
    RouteQuery {
        criterion,
        alternatives: 3,
        constraints: Constraints::default(),
    }
}

#[divan::bench(args = [Criterion::FewestSteps, Criterion::ShortestTime, Criterion::MostTravelled], sample_count = 200)]
fn generated_2000_positions_3_alternatives(bencher: divan::Bencher, criterion: Criterion) {
    let (network, graph) = generated();
    let (from, to) = long_climb(&network, &graph);
    let q = query(criterion);
    bencher.bench(|| {
        let plan = route::plan(&network, &graph, from, to, &q).expect("the pair has a route");
        divan::black_box(plan.alternatives.len())
    });
}

#[divan::bench(sample_count = 200)]
fn shipped_gcses_to_site_manager(bencher: divan::Bencher) {
    let network = load_paths(&["journeys".into()]).network;
    let graph = CareerGraph::new(&network);
    let from = network
        .position_by_id("gcses-9-4")
        .expect("shipped position");
    let to = network
        .position_by_id("site-manager")
        .expect("shipped position");
    let q = query(Criterion::FewestSteps);
    bencher.bench(|| divan::black_box(route::plan(&network, &graph, from, to, &q).is_ok()));
}
