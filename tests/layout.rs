//! The layout holds its hard rules (octilinear lines, nothing overlapping)
//! on the generated 2,000-position network and on the shipped content, and
//! reports its quality numbers (crossings, bends) for people to watch.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tubemap::graph::CareerGraph;
use tubemap::journey::Network;
use tubemap::layout::{LayoutReport, MapLayout, layout, verify};
use tubemap::source;

fn generated(positions: usize, journeys: usize) -> Network {
    let loaded = source::synthetic::load(positions, journeys);
    assert_eq!(
        loaded.error_count(),
        0,
        "the generated network loads cleanly"
    );
    loaded.network
}

fn laid_out(network: &Network) -> (MapLayout, LayoutReport) {
    let map = layout(&CareerGraph::new(network.clone()));
    let report = verify(&map);
    (map, report)
}

/// The shipped content, loaded and laid out once for every test here: the
/// row search makes it the slowest layout (minutes in a debug build).
fn shipped() -> &'static (Network, MapLayout, LayoutReport) {
    static SHIPPED: OnceLock<(Network, MapLayout, LayoutReport)> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let loaded = source::load_paths(&[PathBuf::from("journeys")]);
        eprintln!(
            "shipped content: {} position(s), {} journey(s), {} error(s)",
            loaded.network.positions().len(),
            loaded.network.journeys().len(),
            loaded.error_count()
        );
        let (map, report) = laid_out(&loaded.network);
        (loaded.network, map, report)
    })
}

fn assert_clean(name: &str, network: &Network, map: &MapLayout, report: &LayoutReport) {
    eprintln!("{name}: {report:?}");
    assert_eq!(report.stations, network.positions().len(), "{name}");
    // Lines only climb, so none doubles back either.
    assert!(report.hard_rules_hold(), "{name}: {report:?}");
    let runs: Vec<_> = network
        .line_indices()
        .flat_map(|l| network.line(l).runs.iter().map(move |run| (l, run)))
        .collect();
    assert_eq!(map.lines.len(), runs.len(), "{name}");
    for (path, (line, run)) in map.lines.iter().zip(runs) {
        assert_eq!(path.line, line, "{name}");
        assert_eq!(path.stops.len(), run.len(), "{name}: {line:?}");
    }
    assert_eq!(map.connections.len(), network.connections().len());
    for station in &map.stations {
        let level = network.position(station.position).level;
        let band = map.bands.iter().find(|b| b.level == level);
        let band = band.unwrap_or_else(|| panic!("{name}: no band for {level}"));
        assert!(
            (band.x..=band.x + band.width).contains(&station.at.x),
            "{name}: station {:?} outside its band",
            station.position
        );
    }
}

#[test]
fn generated_network_has_no_overlaps() {
    let network = generated(2000, 500);
    let (map, report) = laid_out(&network);
    assert_clean("generated 2000/500", &network, &map, &report);
    assert_eq!(map.bands.len(), 9);
    // Ratchets on the way to zero (issue 10): names on a line try
    // narrower wraps, which took 894 to 654; stretches that run into a
    // station or a name bend elsewhere (along it, down a corridor, or
    // slanting off a row), then clear the names where they moved to,
    // which took names on lines to 51 and lines through stations they
    // skip from 281 to 6; names still on a line on the map kept slide
    // along their station, to 29; a stretch may also step off its row at
    // once and run beside it to its drop, which took names on lines to 7
    // and lines through stations they skip to none, or drop beside the
    // other row and step onto it: 2; lines routed again keep off the
    // other corners of a name no spot cleared: 1; and off a name with no
    // other corner clear, before any number of names that can move: 0.
    assert_eq!(report.labels_on_lines, 0, "{report:?}");
    assert_eq!(report.pass_throughs, 0, "{report:?}");
    // Lines drawn over each other: a ratchet. Untangling, which mends them
    // on the shipped map, is for maps the row-order search runs on; drops
    // moved to a free lane (`lanes`) took them from 3,517 to 1,273.
    assert!(report.line_overlaps <= 1273, "{report:?}");
}

#[test]
fn generated_network_layout_is_deterministic() {
    let network = generated(300, 80);
    let graph = CareerGraph::new(network.clone());
    assert_eq!(layout(&graph), layout(&graph));
}

#[test]
fn shipped_content_has_no_overlaps() {
    assert!(
        Path::new("journeys").is_dir(),
        "the shipped content is in journeys/"
    );
    let (network, map, report) = shipped();
    assert_clean("shipped content", network, map, report);
    // Zeros reached by the row-order search (issue 10); crossings are a
    // ratchet on the way to at most one per line: it may only go down,
    // except when the content itself changes (92 before the two Level 5
    // apprenticeships; the manager one on the Site management line added 7;
    // moving single rows as well as swapping them took 99 to 87, and wider
    // narrow bands, which give the search other room, to 76; four Level 5
    // branches, to 74; stretches between rows bent where lines cross
    // least, to 60). Those counted crossings between lines only; with a
    // line crossing itself counted too (59 more then), which the search
    // and untangling now also lower, all crossings went 119 to 112; the
    // search also starting with the outer blocks' rows turned over took
    // them to 79, and the most on one line from 37 to 20; untangling
    // bundles of stretches as one, at more corridors, to 65 and 16; the
    // search also moving a run to another row it fits on, to 55 and 15;
    // untangling also trying each line in every slot of its stations, to
    // 49 and 12. Lines through stations counted by their stroke, not only
    // their centre line, found four lines grazing stations they skip;
    // untangling them cost crossings: 51 and 14. Mending lines drawn over
    // each other, 77 and 28.
    assert_eq!(report.pass_throughs, 0, "{report:?}");
    assert_eq!(report.labels_on_lines, 0, "{report:?}");
    // No line drawn over another, where one would hide the other: the 29
    // places there were cost 26 crossings to mend.
    assert_eq!(report.line_overlaps, 0, "{report:?}");
    assert!(report.all_crossings() <= 77, "{report:?}");
    assert!(report.max_crossings_per_line <= 28, "{report:?}");
    // Each run (a trunk or a branch) is drawn with few bends: most with
    // the two of one diagonal between rows. A line's own count adds up its
    // branches, so its median is far higher (14).
    assert!(report.median_bends_per_run <= 4, "{report:?}");
    // Near 16:9, so a laptop or a projector shows the whole map at a scale
    // where its lines and names can be made out (`lod::first_view`).
    assert!(report.aspect_permille <= 2000, "{report:?}");
}

#[test]
fn the_cli_measure_prints_what_verify_counts() {
    let (network, _, report) = shipped();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tubemap"))
        .args(["measure", "journeys"])
        .output()
        .expect("tubemap runs");
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let value = |name: &str| {
        stdout
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .map(str::trim)
            .unwrap_or_else(|| panic!("no `{name}` in {stdout}"))
            .to_owned()
    };
    assert_eq!(
        value("crossings between lines"),
        report.line_crossings.to_string()
    );
    assert_eq!(
        value("crossings of a line with itself"),
        report.own_crossings.to_string()
    );
    assert_eq!(
        value("lines drawn over each other"),
        report.line_overlaps.to_string()
    );
    assert_eq!(
        value("labels with a line through them"),
        report.labels_on_lines.to_string()
    );
    assert_eq!(
        value("median bends per line"),
        report.median_bends_per_line.to_string()
    );
    assert_eq!(
        value("median bends per run (trunk or branch)"),
        report.median_bends_per_run.to_string()
    );
    // Then each line's crossings and bends, the most tangled first.
    let mut rows = Vec::new();
    for (i, line) in network.lines().iter().enumerate() {
        let row = stdout
            .lines()
            .find(|l| l.split("  ").next() == Some(line.name.as_str()))
            .unwrap_or_else(|| panic!("no row for {} in {stdout}", line.name));
        let figures: Vec<usize> = row[line.name.len()..]
            .split_whitespace()
            .map(|n| n.parse().expect("a count"))
            .collect();
        let expected = [report.crossings_by_line[i], report.bends_by_line[i]];
        assert_eq!(figures, expected, "{}", line.name);
        rows.push((stdout.find(row), figures[0]));
    }
    rows.sort();
    assert!(rows.windows(2).all(|w| w[0].1 >= w[1].1), "{stdout}");
}

#[test]
fn the_cli_measure_refuses_broken_journeys() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tubemap"))
        .args(["measure", "tests/diagnostics/unknown-position"])
        .output()
        .expect("tubemap runs");
    assert_eq!(output.status.code(), Some(1));
}
