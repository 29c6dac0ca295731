//! How long the layout takes: the 100 ms budget is for the generated
//! 2,000-position / 500-journey network, natively in release.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use tubemap::graph::CareerGraph;
use tubemap::journey::Network;
use tubemap::layout::layout;
use tubemap::source;

fn main() {
    divan::main();
}

static GENERATED: LazyLock<CareerGraph> =
    LazyLock::new(|| CareerGraph::new(source::synthetic::load(2000, 500).network));

static SHIPPED: LazyLock<Option<CareerGraph>> = LazyLock::new(|| {
    Path::new("journeys").is_dir().then(|| {
        let loaded = source::load_paths(&[PathBuf::from("journeys")]);
        CareerGraph::new(loaded.network)
    })
});

#[divan::bench]
fn generated_2000_positions_500_journeys(bencher: divan::Bencher) {
    let graph = &*GENERATED;
    bencher.bench(|| layout(divan::black_box(graph)));
}

#[divan::bench]
fn shipped_content(bencher: divan::Bencher) {
    // Without journeys/ this measures nothing rather than failing the run.
    let empty = CareerGraph::new(Network::default());
    let graph = SHIPPED.as_ref().unwrap_or(&empty);
    bencher.bench(|| layout(divan::black_box(graph)));
}
