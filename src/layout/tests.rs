use super::*;
use crate::graph::CareerGraph;
use crate::journey::{Level, Network, Position, Sector, sample};

fn level(n: i64) -> Level {
    Level::rqf(n).expect("test levels are valid")
}

fn network(levels: &[Level], journeys: &[&[u32]]) -> Network {
    let positions = levels
        .iter()
        .enumerate()
        .map(|(i, &l)| sample::position(&format!("position-{i}"), l, Sector::Construction))
        .collect();
    let journeys = journeys
        .iter()
        .enumerate()
        .map(|(i, stops)| sample::journey(&format!("j{i}"), Sector::Construction, stops))
        .collect();
    crate::journey::sample::one_line_per_journey(positions, journeys)
}

fn check(name: &str, network: &Network) -> MapLayout {
    let graph = CareerGraph::new(network.clone());
    let map = layout(&graph);
    let report = verify(&map);
    assert_eq!(report.stations, network.positions().len(), "{name}");
    // Some networks here step down a level, which the validator refuses and
    // the layout can only draw by doubling back; every other hard rule holds.
    let broken: Vec<_> = report
        .hard_rule_breaks()
        .into_iter()
        .filter(|&(rule, n)| n > 0 && rule != "U-turns")
        .collect();
    assert!(broken.is_empty(), "{name}: {broken:?}");
    assert_eq!(map, layout(&graph), "{name}: deterministic");
    for (line, journey) in map.lines.iter().zip(network.journeys()) {
        assert_eq!(line.stops.len(), journey.steps.len(), "{name}");
        for (&stop, step) in line.stops.iter().zip(&journey.steps) {
            let station = &map.stations[step.position.get()];
            let point = line.points[stop];
            assert_eq!(point.x, station.at.x, "{name}: stops sit on their station");
            assert!(
                (station.capsule.0.y..=station.capsule.1.y).contains(&point.y),
                "{name}: stop inside the capsule"
            );
        }
    }
    for station in &map.stations {
        let band = map
            .bands
            .iter()
            .find(|b| b.level == network.position(station.position).level)
            .expect("every station's level has a band");
        assert!(band.x <= station.at.x && station.at.x <= band.x + band.width);
    }
    map
}

#[test]
fn two_lines_lay_out_cleanly() {
    let map = check("two_lines", &sample::two_lines());
    let levels: Vec<u8> = map.bands.iter().map(|b| b.level.rank()).collect();
    assert_eq!(levels, [2, 4, 5], "one band per level present, in order");
    assert!(map.bands.windows(2).all(|w| w[0].x + w[0].width <= w[1].x));
    assert!(map.stations[0].interchange && map.stations[1].interchange);
    assert!(!map.stations[2].interchange);
    assert_eq!(map.bands[0].title, level(2).band_label());
}

#[test]
fn a_journey_going_down_a_level_is_drawn() {
    // 0 (L3) → 1 (L5) → 2 (L4): a career change back down a level.
    let net = network(&[level(3), level(5), level(4)], &[&[0, 1, 2]]);
    let map = check("down a level", &net);
    let line = &map.lines[0];
    let last = line.points[line.stops[2]];
    let middle = line.points[line.stops[1]];
    assert!(last.x < middle.x, "the step down goes left");
}

#[test]
fn a_journey_revisiting_a_level_and_a_station() {
    let net = network(
        &[level(2), level(2), level(3), level(3), level(2)],
        &[&[0, 1, 2, 4, 3, 0], &[4, 1, 3]],
    );
    check("revisits", &net);
}

#[test]
fn many_journeys_sharing_one_stretch_run_in_parallel() {
    let stretch: &[u32] = &[0, 1];
    let net = network(&[level(2), level(3)], &[stretch; 12]);
    let map = check("shared stretch", &net);
    // Twelve parallel lines, LINE_SPACING apart, in journey order.
    let starts: Vec<f32> = map.lines.iter().map(|l| l.points[0].y).collect();
    for w in starts.windows(2) {
        assert_eq!(w[1] - w[0], LINE_SPACING);
    }
    assert_eq!(verify(&map).line_crossings, 0);
    let capsule = map.stations[0].capsule;
    assert_eq!(capsule.1.y - capsule.0.y, 11.0 * LINE_SPACING);
}

#[test]
fn shared_diagonal_stretches_stay_parallel() {
    // Three journeys take the same path; a fourth, with a busier start,
    // pushes the stations out of line so the path has to change row.
    let net = network(
        &[level(1), level(1), level(2), level(3), level(3)],
        &[
            &[1, 2, 3],
            &[1, 2, 3],
            &[1, 2, 3],
            &[0, 4],
            &[0, 4],
            &[0, 3],
        ],
    );
    let map = check("diagonal bundle", &net);
    let bundle = &map.lines[..3];
    let turns = bundle[0]
        .points
        .windows(2)
        .filter(|w| w[0].x != w[1].x && w[0].y != w[1].y)
        .count();
    assert!(turns > 0, "the path changes row: {bundle:?}");
    // Corresponding segments are parallel, LINE_SPACING apart measured
    // across them (give or take the rounding to whole pixels).
    for pair in bundle.windows(2) {
        assert_eq!(pair[0].points.len(), pair[1].points.len());
        for (s, t) in pair[0].points.windows(2).zip(pair[1].points.windows(2)) {
            let (dx, dy) = (s[1].x - s[0].x, s[1].y - s[0].y);
            let (ex, ey) = (t[1].x - t[0].x, t[1].y - t[0].y);
            assert_eq!((dx.signum(), dy.signum()), (ex.signum(), ey.signum()));
            let across = ((t[0].x - s[0].x) * dy - (t[0].y - s[0].y) * dx).abs() / dx.hypot(dy);
            assert!((across - LINE_SPACING).abs() < 0.75, "{across}: {bundle:?}");
        }
    }
    let within: MapLayout = MapLayout {
        lines: bundle.to_vec(),
        ..map.clone()
    };
    assert_eq!(verify(&within).line_crossings, 0);
}

#[test]
fn same_level_steps_and_unused_positions() {
    let net = network(
        &[level(4), level(4), level(4), level(4), Level::ENTRY],
        &[&[0, 1, 2, 3], &[3, 2, 1, 0], &[0, 2]],
    );
    let map = check("same level", &net);
    assert!(!map.stations[4].interchange, "an unused position is a tick");
}

#[test]
fn long_titles_wrap_and_still_do_not_overlap() {
    let mut net = sample::two_lines();
    let positions: Vec<Position> = net
        .positions()
        .iter()
        .map(|p| Position {
            title: format!("{} with a very long official qualification title", p.title),
            ..p.clone()
        })
        .collect();
    net = sample::one_line_per_journey(positions, net.journeys().to_vec());
    let map = check("long titles", &net);
    for label in &map.labels {
        assert!(label.lines.len() >= 3);
        assert!(
            label
                .lines
                .iter()
                .all(|l| l.chars().count() <= LABEL_MAX_CHARS)
        );
    }
}

#[test]
fn an_empty_network_lays_out_as_an_empty_map() {
    let map = layout(&CareerGraph::new(Network::default()));
    assert!(map.bands.is_empty() && map.stations.is_empty() && map.lines.is_empty());
    assert_eq!(verify(&map), LayoutReport::default());
}

#[test]
fn verify_finds_overlaps_and_slanted_segments() {
    let at = Point::new(100.0, 100.0);
    let station = |position: u32, at: Point| StationMark {
        position: PositionIndex(position),
        at,
        interchange: false,
        bounds: Rect::new(at.x - 2.5, at.y - 8.0, 5.0, 10.5),
        capsule: (at, at),
        tick: Point::new(0.0, -1.0),
    };
    let label = |position: u32, x: f32, y: f32| Label {
        position: PositionIndex(position),
        lines: vec!["Label".to_owned()],
        anchor: Point::new(x, y + LABEL_BASELINE),
        align: Align::Start,
        bounds: Rect::new(x, y, 36.0, 16.0),
    };
    let line = |line: u32, points: Vec<Point>| LinePath {
        line: LineIndex(line),
        colour: crate::journey::Colour {
            r: 0,
            g: 0x36,
            b: 0x88,
        },
        stops: vec![0, points.len() - 1],
        points,
    };
    let map = MapLayout {
        width: 400.0,
        height: 400.0,
        hub: Point::new(0.0, 0.0),
        small_screen_scale: 1.0,
        bands: Vec::new(),
        // Two stations on top of each other.
        stations: vec![station(0, at), station(1, Point::new(102.0, 101.0))],
        // Two labels sharing space, the first over station 1.
        labels: vec![label(0, 98.0, 95.0), label(1, 120.0, 100.0)],
        connections: Vec::new(),
        lines: vec![
            // 30 degrees: dy/dx = tan 30°; then a bend to horizontal.
            line(
                0,
                vec![
                    Point::new(0.0, 0.0),
                    Point::new(173.2, 100.0),
                    Point::new(300.0, 100.0),
                ],
            ),
            // Vertical, crossing both segments of line 0.
            line(1, vec![Point::new(150.0, 0.0), Point::new(150.0, 300.0)]),
            line(2, vec![Point::new(250.0, 0.0), Point::new(250.0, 300.0)]),
            // A branch of line 2 across its trunk: an own crossing.
            line(2, vec![Point::new(200.0, 200.0), Point::new(300.0, 200.0)]),
            // A branch of line 1 leaving the end of its trunk: no crossing.
            line(1, vec![Point::new(150.0, 300.0), Point::new(200.0, 350.0)]),
        ],
    };
    let report = verify(&map);
    assert_eq!(report.stations, 2);
    assert_eq!(report.non_octilinear_segments, 1);
    assert_eq!(report.label_overlaps, 1);
    assert_eq!(report.station_overlaps, 1);
    assert_eq!(report.label_station_overlaps, 2);
    assert_eq!(report.line_crossings, 2);
    assert_eq!(report.own_crossings, 1);
    // Line 0 is crossed twice; line 2 once by line 0 and once by itself.
    assert_eq!(report.max_crossings_per_line, 2);
    assert_eq!(report.crossings_by_line, [2, 1, 2]);
    assert_eq!(report.bends, 1);
    assert_eq!(report.bends_by_line, [1, 0, 0]);
    // Runs: line 0's one bend, the other four none; the median is 0.
    assert_eq!(
        (report.median_bends_per_run, report.max_bends_per_run),
        (0, 1)
    );
    // The vertical line at x = 150 runs through the second label.
    assert_eq!(report.labels_on_lines, 1);
    // Four of the five hard rules are broken here; no line turns back.
    assert!(!report.hard_rules_hold());
    let broken: Vec<&str> = report
        .hard_rule_breaks()
        .iter()
        .filter(|&&(_, n)| n > 0)
        .map(|&(rule, _)| rule)
        .collect();
    assert_eq!(
        broken,
        [
            "non-octilinear segments",
            "label overlaps",
            "station overlaps",
            "labels on stations"
        ]
    );
    assert!(LayoutReport::default().hard_rules_hold());
}

#[test]
fn verify_counts_a_line_whose_stroke_runs_into_a_station_it_skips() {
    let at = Point::new(100.0, 100.0);
    let capsule = StationMark {
        position: PositionIndex(0),
        at,
        interchange: true,
        bounds: Rect::new(at.x - CAPSULE_RADIUS, at.y - CAPSULE_RADIUS, 14.0, 14.0),
        capsule: (at, at),
        tick: Point::new(0.0, 0.0),
    };
    // A vertical line past the capsule's left edge, `gap` from it.
    let past = |gap: f32| {
        let x = at.x - CAPSULE_RADIUS - gap;
        MapLayout {
            width: 200.0,
            height: 300.0,
            hub: at,
            small_screen_scale: 1.0,
            bands: Vec::new(),
            stations: vec![capsule.clone()],
            labels: Vec::new(),
            connections: Vec::new(),
            lines: vec![LinePath {
                line: LineIndex(0),
                colour: crate::journey::Colour { r: 0, g: 0, b: 0 },
                points: vec![Point::new(x, 0.0), Point::new(x, 300.0)],
                stops: vec![0, 1],
            }],
        }
    };
    // Its centre line misses the capsule, but half its width overlaps it.
    let grazing = past(LINE_WIDTH / 2.0 - 1.0);
    assert_eq!(verify(&grazing).pass_throughs, 1);
    assert_eq!(verify::centre_line_pass_throughs(&grazing), 0);
    // Its stroke's edge clear of the capsule.
    assert_eq!(verify(&past(LINE_WIDTH / 2.0)).pass_throughs, 0);
    // Through the middle: counted either way.
    let through = past(-CAPSULE_RADIUS);
    assert_eq!(verify(&through).pass_throughs, 1);
    assert_eq!(verify::centre_line_pass_throughs(&through), 1);
}

#[test]
fn verify_counts_lines_drawn_over_each_other_but_not_a_bundle() {
    let run = |line: u32, y: f32, from: f32| LinePath {
        line: LineIndex(line),
        colour: crate::journey::Colour { r: 0, g: 0, b: 0 },
        points: vec![Point::new(from, y), Point::new(from + 200.0, y)],
        stops: vec![0, 1],
    };
    let with = |lines: Vec<LinePath>| {
        let map = MapLayout {
            width: 400.0,
            height: 200.0,
            hub: Point::new(0.0, 0.0),
            small_screen_scale: 1.0,
            bands: Vec::new(),
            stations: Vec::new(),
            labels: Vec::new(),
            connections: Vec::new(),
            lines,
        };
        verify(&map).line_overlaps
    };
    // Half a width apart, side by side for 100: one over the other.
    assert_eq!(with(vec![run(0, 100.0, 0.0), run(1, 102.5, 100.0)]), 1);
    // A bundle: a line's spacing apart.
    assert_eq!(
        with(vec![run(0, 100.0, 0.0), run(1, 100.0 + LINE_SPACING, 0.0)]),
        0
    );
    // End to end, touching only where one ends and the other begins.
    assert_eq!(with(vec![run(0, 100.0, 0.0), run(1, 100.0, 200.0)]), 0);
    // Two runs of one line on one stretch read as that line.
    assert_eq!(with(vec![run(0, 100.0, 0.0), run(0, 100.0, 50.0)]), 0);
}

#[test]
fn verify_survives_nonsense() {
    let mut map = layout(&CareerGraph::new(sample::two_lines()));
    map.width = f32::NAN;
    map.height = -5.0;
    map.lines[0]
        .points
        .push(Point::new(f32::INFINITY, f32::NAN));
    map.labels[0].bounds = Rect::new(1e30, -1e30, 1e30, 1e30);
    let report = verify(&map);
    assert_eq!(report.stations, 4);
}

#[test]
fn titles_wrap_at_spaces_and_split_long_words() {
    assert_eq!(
        wrap("Level 3 Diploma in Site Carpentry", 22),
        ["Level 3 Diploma in", "Site Carpentry"]
    );
    assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    assert_eq!(wrap("  ", 22), Vec::<String>::new());
    assert_eq!(wrap("a bcdefgh", 4), ["a", "bcde", "fgh"]);
    assert_eq!(
        text_size(&wrap("Year 9 options", 22)),
        Size::new(14.0 * CHAR_WIDTH, 16.0)
    );
}

#[test]
fn a_line_s_bounds_hold_every_run_of_it() {
    let graph = CareerGraph::new(sample::two_lines());
    let map = layout(&graph);
    let line = crate::journey::LineIndex(0);
    let bounds = map.line_bounds(line).expect("the line is drawn");
    for path in map.lines.iter().filter(|p| p.line == line) {
        for p in &path.points {
            assert!(
                bounds.inflate(0.01).contains(*p),
                "{p:?} outside {bounds:?}"
            );
        }
    }
    // Only that line: the other line reaches outside it somewhere.
    let other = map
        .line_bounds(crate::journey::LineIndex(1))
        .expect("drawn");
    assert_ne!(bounds, other);
    assert_eq!(map.line_bounds(crate::journey::LineIndex(99)), None);
}

#[test]
fn a_station_is_found_by_pointing_at_its_mark_or_its_name() {
    let graph = CareerGraph::new(crate::journey::sample::two_lines());
    let map = layout(&graph);
    for station in &map.stations {
        assert_eq!(map.station_at(station.at, 10.0), Some(station.position));
        let label = &map.labels[station.position.get()];
        let middle = Point::new(
            label.bounds.x + label.bounds.width / 2.0,
            label.bounds.y + label.bounds.height / 2.0,
        );
        assert_eq!(map.station_at(middle, 10.0), Some(station.position));
    }
    let nowhere = Point::new(map.width + 500.0, map.height + 500.0);
    assert_eq!(map.station_at(nowhere, 10.0), None);
}

/// "Bricklayer", one station at (300, 400) on an 800 px square map, its
/// name placed round the `lines` given.
fn bricklayer_placed(lines: &[LinePath]) -> (StationMark, labels::Placed) {
    let station = Shape::new(1, false).mark(PositionIndex(0), Point::new(300.0, 400.0));
    let title = "Bricklayer";
    let text = wrap(title, LABEL_MAX_CHARS);
    let size = text_size(&text);
    let stations = std::slice::from_ref(&station);
    let placed = labels::place(&[title], vec![text], &[size], stations, lines, MAP_800, &[]);
    (station, placed)
}

const MAP_800: Rect = Rect::new(0.0, 0.0, 800.0, 800.0);

/// A run of line 0 straight from `a` to `b`.
fn straight(a: Point, b: Point) -> LinePath {
    LinePath {
        line: LineIndex(0),
        colour: Colour::default(),
        points: vec![a, b],
        stops: vec![0, 1],
    }
}

#[test]
fn a_name_left_on_a_line_asks_lines_to_keep_off_its_other_corners() {
    let upright = |x: f32| straight(Point::new(x, 150.0), Point::new(x, 700.0));
    // Clear of lines: nothing to keep off.
    let (station, clear) = bricklayer_placed(&[upright(100.0)]);
    let stations = std::slice::from_ref(&station);
    assert!(clear.on_lines.is_empty());
    assert!(labels::other_corners(&clear, stations).is_empty());
    // Uprights through both sides: every spot touches one.
    let (_, boxed) = bricklayer_placed(&[upright(280.0), upright(320.0)]);
    assert_eq!(boxed.on_lines, vec![0]);
    let now = boxed.labels[0].bounds;
    let corners = labels::other_corners(&boxed, stations);
    assert_eq!(corners.len(), 3, "{corners:?}");
    for corner in &corners {
        assert_ne!(*corner, now);
        assert_eq!((corner.width, corner.height), (now.width, now.height));
        assert!(!corner.intersects(&station.bounds), "{corner:?}");
        // Just above or below the station.
        let gap_y = (corner.y - station.bounds.bottom()).max(station.bounds.y - corner.bottom());
        assert_eq!(gap_y, rows::LABEL_GAP, "{corner:?}");
    }
}

#[test]
fn a_name_with_no_other_corner_clear_is_pinned() {
    let pinned = |lines: &[LinePath]| {
        let (station, placed) = bricklayer_placed(lines);
        labels::pinned(&placed, std::slice::from_ref(&station), lines, MAP_800)
    };
    // Nothing near: every corner is free.
    assert_eq!(pinned(&[]), [false]);
    // A line just above the station, and one down its left: of the
    // corners only below-right, where the name stands, is clear.
    let above = straight(Point::new(100.0, 380.0), Point::new(600.0, 380.0));
    let left = straight(Point::new(280.0, 150.0), Point::new(280.0, 700.0));
    assert_eq!(pinned(&[above.clone(), left]), [true]);
    // With the left side free, below-left is somewhere else to go.
    assert_eq!(pinned(&[above]), [false]);
}

#[test]
fn a_name_no_spot_clears_wraps_narrower_to_fit_between_lines() {
    // Two upright lines 50 units either side of a station: a name wrapped
    // at 22 characters is wider than the gap at every spot, one wrapped at
    // 9 fits inside it.
    let at = Point::new(300.0, 400.0);
    let station = Shape::new(1, false).mark(PositionIndex(0), at);
    let upright = |x: f32| LinePath {
        line: LineIndex(0),
        colour: Colour::default(),
        points: vec![Point::new(x, 150.0), Point::new(x, 700.0)],
        stops: vec![0, 1],
    };
    let lines = [upright(at.x - 50.0), upright(at.x + 50.0)];
    let title = "Level 2 Diploma in Site Carpentry and Joinery";
    let text = wrap(title, LABEL_MAX_CHARS);
    let size = text_size(&text);
    let map = Rect::new(0.0, 0.0, 800.0, 800.0);
    let place = |narrower: &[usize]| {
        labels::place(
            &[title],
            vec![text.clone()],
            &[size],
            std::slice::from_ref(&station),
            &lines,
            map,
            narrower,
        )
        .labels
        .remove(0)
    };
    let on_a_line = |label: &Label| {
        let mut strokes = strokes::Strokes::new(&lines, map);
        strokes.touching(&label.bounds) > 0
    };
    let wide = place(&[]);
    assert!(on_a_line(&wide), "{:?}", wide.bounds);
    assert_eq!(wide.lines, text);
    let narrow = place(&labels::NARROWER);
    assert!(
        !on_a_line(&narrow),
        "{:?} {:?}",
        narrow.lines,
        narrow.bounds
    );
    assert!(narrow.lines.len() > text.len());
    // Same words, in the same order: the map data carries only the breaks.
    assert_eq!(narrow.lines.join(" "), title);
}

#[test]
fn a_name_no_fixed_spot_clears_slides_along_its_station_to_a_clear_place() {
    let at = Point::new(300.0, 400.0);
    let station = Shape::new(1, false).mark(PositionIndex(0), at);
    let shape = station.bounds;
    let title = "Bricklayer";
    let text = wrap(title, LABEL_MAX_CHARS);
    let size = text_size(&text);
    let segment = |a: Point, b: Point| LinePath {
        line: LineIndex(0),
        colour: Colour::default(),
        points: vec![a, b],
        stops: vec![0, 1],
    };
    // Just under the station, just over it, and short uprights through
    // the spots beside it: every fixed spot touches one.
    let (below, above) = (shape.bottom() + 3.0, shape.y - 3.0);
    let lines = [
        segment(
            Point::new(150.0, below + 1.0),
            Point::new(450.0, below + 1.0),
        ),
        segment(
            Point::new(150.0, above - 1.0),
            Point::new(450.0, above - 1.0),
        ),
        segment(
            Point::new(shape.right() + 26.0, at.y - 10.0),
            Point::new(shape.right() + 26.0, at.y + 10.0),
        ),
        segment(
            Point::new(shape.x - 26.0, at.y - 10.0),
            Point::new(shape.x - 26.0, at.y + 10.0),
        ),
    ];
    let map = Rect::new(0.0, 0.0, 800.0, 800.0);
    let stations = std::slice::from_ref(&station);
    let mut placed =
        labels::place(&[title], vec![text], &[size], stations, &lines, map, &[]).labels;
    let on_lines = |label: &Label| strokes::Strokes::new(&lines, map).touching(&label.bounds);
    assert!(on_lines(&placed[0]) > 0, "{:?}", placed[0].bounds);
    labels::slide(&mut placed, stations, &lines, map, &[]);
    let slid = &placed[0];
    assert_eq!(on_lines(slid), 0, "{:?}", slid.bounds);
    assert!(!slid.bounds.intersects(&shape));
    // Still its station's: at most 12 px from it either way, and no
    // further right than just past the default spot.
    let gap_x = (slid.bounds.x - shape.right()).max(shape.x - slid.bounds.right());
    let gap_y = (slid.bounds.y - shape.bottom()).max(shape.y - slid.bounds.bottom());
    assert!(
        gap_x <= 12.0 && gap_y <= 12.0,
        "{:?} {shape:?}",
        slid.bounds
    );
    assert!(slid.bounds.x <= at.x + 12.0, "{:?}", slid.bounds);
    assert_eq!(slid.lines, vec![title.to_owned()]);
    // A name already clear of lines stays where it is.
    let before = placed.clone();
    labels::slide(&mut placed, stations, &lines, map, &[]);
    assert_eq!(placed, before);
}

#[test]
fn a_stretch_that_would_run_through_a_station_it_skips_bends_elsewhere() {
    let levels = [1, 3, 2, 4].map(level);
    let graph = CareerGraph::new(network(&levels, &[&[0, 1], &[2, 3]]));
    // Line a's stretch bends late, so its diagonal runs from (276, 100) to
    // (476, 300): through line b's first station, which a skips.
    let at = [
        Point::new(100.0, 100.0),
        Point::new(500.0, 300.0),
        Point::new(376.0, 200.0),
        Point::new(700.0, 200.0),
    ];
    let row = [0, 1, 2, 2];
    let marks: Vec<StationMark> = (0..4)
        .map(|i| Shape::new(1, false).mark(PositionIndex(i as u32), at[i]))
        .collect();
    let skipped = marks[2].bounds;
    let through = |paths: &[LinePath]| {
        paths[0]
            .points
            .windows(2)
            .any(|w| skipped.hit_by_segment(w[0], w[1]))
    };
    let plain = paths::route(&graph, &at, &row, None, &paths::Choices::default());
    assert!(through(&plain), "{:?}", plain[0].points);

    let bounds: Vec<Rect> = marks.iter().map(|m| m.bounds).collect();
    let names: Vec<Rect> = marks
        .iter()
        .map(|m| labels::reserved(m, Size::new(60.0, 16.0)))
        .collect();
    let area = Rect::new(0.0, 0.0, 800.0, 600.0);
    let mut obstacles = clearance::Obstacles::new(&bounds, &names, &[], area);
    let cleared = paths::route(
        &graph,
        &at,
        &row,
        Some(&mut obstacles),
        &paths::Choices::default(),
    );
    let line = &cleared[0].points;
    assert!(!through(&cleared), "{line:?}");
    assert!(
        names
            .iter()
            .all(|n| !line.windows(2).any(|w| n.hit_by_segment(w[0], w[1]))),
        "and clear of the names: {line:?}"
    );
    assert_eq!(
        (line.first(), line.last()),
        (plain[0].points.first(), plain[0].points.last())
    );
    let path = MapLayout {
        width: 800.0,
        height: 600.0,
        bands: Vec::new(),
        stations: Vec::new(),
        lines: cleared,
        connections: Vec::new(),
        hub: Point::new(0.0, 0.0),
        small_screen_scale: 1.0,
        labels: Vec::new(),
    };
    assert_eq!(verify(&path).non_octilinear_segments, 0);
}

#[test]
fn a_station_s_chosen_order_stacks_its_lines_top_to_bottom_in_that_order() {
    let levels = [1, 2, 3].map(level);
    let graph = CareerGraph::new(network(&levels, &[&[0, 1], &[1, 2]]));
    let at = [
        Point::new(100.0, 100.0),
        Point::new(300.0, 100.0),
        Point::new(500.0, 100.0),
    ];
    let row = [0, 0, 0];
    // Where each line stops at the middle station, the one they share.
    let heights = |choices: &paths::Choices| {
        let lines = paths::route(&graph, &at, &row, None, choices);
        [&lines[0], &lines[1]].map(|l| {
            let stop = l.stops.iter().find(|&&i| l.points[i].x == 300.0);
            stop.map(|&i| l.points[i].y).expect("stops at the middle")
        })
    };
    let [a, b] = heights(&paths::Choices::default());
    assert!(a != b, "two lines at one station stop apart: {a} {b}");
    let (upper, lower) = if a < b {
        (LineIndex(1), LineIndex(0))
    } else {
        (LineIndex(0), LineIndex(1))
    };
    let mut choices = paths::Choices::default();
    choices.orders.insert(PositionIndex(1), vec![upper, lower]);
    let [a2, b2] = heights(&choices);
    assert_eq!([a2, b2], [b, a], "the chosen order swaps the two stops");
}
