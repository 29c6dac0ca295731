//! Load + validate + build the graph: the shipped content and a generated
//! network of 2,000 positions and 500 journeys (goal: under 20 ms natively).

use tubemap::graph::CareerGraph;
use tubemap::source::{load_paths, load_sources, synthetic};

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 30)]
fn generated_2000_positions_500_journeys(bencher: divan::Bencher) {
    let files = synthetic::journey_files(2000, 500);
    bencher.bench(|| {
        let loaded = load_sources(
            files
                .iter()
                .map(|(p, t)| (p.clone(), Ok(t.clone().into_bytes()))),
        );
        let diagnostics = loaded.diagnostics.len();
        let graph = CareerGraph::new(loaded.network);
        divan::black_box((diagnostics, graph.graph().edge_count()))
    });
}

#[divan::bench(sample_count = 50)]
fn shipped_content_from_disk() {
    let loaded = load_paths(&["journeys".into()]);
    let diagnostics = loaded.diagnostics.len();
    let graph = CareerGraph::new(loaded.network);
    divan::black_box((diagnostics, graph.graph().edge_count()));
}
