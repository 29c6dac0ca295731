//! The layout engine: the passes in order, the row-order search, and
//! which finished map is kept (see the module above for the passes).

use super::{
    LABEL_MAX_CHARS, LayoutReport, MapLayout, Point, Rect, Shape, Size, StationMark, clearance,
    geometry, labels, paths, rows, text_size, untangle, verify, wrap,
};
use crate::graph::CareerGraph;

/// Lays out the graph's network. Deterministic: the same network always
/// gives the same layout, natively and in wasm.
pub fn layout(graph: &CareerGraph) -> MapLayout {
    let network = graph.network();
    let texts: Vec<Vec<String>> = network
        .positions()
        .iter()
        .map(|p| wrap(&p.title, LABEL_MAX_CHARS))
        .collect();
    let sizes: Vec<Size> = texts.iter().map(|t| text_size(t)).collect();
    let shapes: Vec<Shape> = network
        .position_indices()
        .map(|p| Shape::new(graph.lines_at(p).len(), graph.is_interchange(p)))
        .collect();
    let plan = rows::RowPlan::new(network, &sizes);
    let draw = |plan: &rows::RowPlan, finish: Finish| {
        let placement = rows::place(network, &sizes, &shapes, plan);
        finish.run(graph, texts.clone(), &sizes, &shapes, placement)
    };
    // Clearing stretches of stations and names changes where lines run,
    // which can cost crossings: it is kept only when the map reads better.
    // Untangling draws the map once per shape it tries: only small maps.
    // The finishes share nothing, so each draws on its own thread.
    let kept = |plan: &rows::RowPlan, others: &[Finish]| {
        let (first, others) = each(&Finish::KEPT, others, |&finish| {
            let map = draw(plan, finish);
            (legibility(&verify(&map)), map)
        });
        let (_, mut map) = first_best(first, others);
        let area = Rect::new(0.0, 0.0, map.width, map.height);
        // The costliest try for a name, so only on the map kept.
        let narrower = &labels::NARROWER;
        labels::slide(&mut map.labels, &map.stations, &map.lines, area, narrower);
        map.snap_to_tenths();
        map.small_screen_scale = crate::lod::small_screen_scale(graph, &map);
        map
    };
    if network.positions().len() > ORDER_SEARCH_LIMIT {
        return kept(&plan, &[Finish::CLEARED]);
    }
    // Local search over the order of each block's rows: make one move,
    // keep it if the map reads better. Rows are packed first fit, so
    // their first order is only a guess. The search compares names as
    // first wrapped, and stretches as first bent.
    let search = |mut plan: rows::RowPlan| {
        let mut score = draft_legibility(&draw(&plan, Finish::SEARCH));
        for _ in 0..ORDER_SEARCH_PASSES {
            let mut better = false;
            for change in plan.moves() {
                let before = plan.clone();
                if !plan.apply(change) {
                    continue;
                }
                let candidate = draft_legibility(&draw(&plan, Finish::SEARCH));
                if candidate < score {
                    (score, better) = (candidate, true);
                } else {
                    plan = before;
                }
            }
            if !better {
                break;
            }
        }
        let map = kept(&plan, &[Finish::CLEARED, Finish::UNTANGLED]);
        (legibility(&verify(&map)), map)
    };
    // Where the search ends depends on where it starts, so it starts from
    // each of `SEARCH_STARTS`, and the map that reads best wins (the first
    // such, so the result is deterministic).
    let [first, second] = SEARCH_STARTS.map(|f| plan.flipped(f));
    let (first, others) = each(&first, &[second], |start| search(start.clone()));
    first_best(first, others).1
}

/// The item with the lowest score, the first of equals, so the result
/// does not depend on which thread finished first.
fn first_best<S: Ord, T>(first: (S, T), others: Vec<(S, T)>) -> (S, T) {
    others.into_iter().fold(
        first,
        |best, next| if next.0 < best.0 { next } else { best },
    )
}

/// `f` of `first` and of each of `others`, in order, each on its own
/// thread: the row-order searches from each start, and the finishes of a
/// map, share nothing, and the machines that build the map have two cores.
#[cfg(not(target_arch = "wasm32"))]
fn each<S: Sync, T: Send>(first: &S, others: &[S], f: impl Fn(&S) -> T + Sync) -> (T, Vec<T>) {
    std::thread::scope(|scope| {
        let f = &f;
        let threads: Vec<_> = others
            .iter()
            .map(|item| scope.spawn(move || f(item)))
            .collect();
        let first = f(first);
        // A thread that panicked panics here, as it would on one thread.
        let others = threads
            .into_iter()
            .map(|t| t.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect();
        (first, others)
    })
}

/// `f` of `first` and of each of `others`, one after the other: a
/// browser's wasm has no threads (the browser build leaves the engine out,
/// but its tests lay out small maps).
#[cfg(target_arch = "wasm32")]
fn each<S, T>(first: &S, others: &[S], f: impl Fn(&S) -> T) -> (T, Vec<T>) {
    (f(first), others.iter().map(f).collect())
}

/// Where the row-order search starts: the first-fit order, and the same
/// with the rows of the construction and digital blocks turned the other
/// way round (the general block, the hub every line leaves from, keeps
/// its order). The search's local moves rarely turn a whole block over,
/// and on the shipped map the second start ends with far fewer crossings
/// (79, against 112 from the first). Two starts, one per core of the
/// machines that build the map, take about as long as one.
const SEARCH_STARTS: [[bool; 3]; 2] = [[false, false, false], [true, false, true]];

/// Networks up to this many positions get their row order searched; a
/// national-scale one keeps its first order, so it lays out in its budget.
const ORDER_SEARCH_LIMIT: usize = 400;
/// At most this many sweeps over the neighbouring rows.
const ORDER_SEARCH_PASSES: usize = 8;

/// What the row-order search minimises, and how the map kept is chosen,
/// most important first: hard rules (which the passes keep at zero
/// anyway), labels a line runs through, lines through stations they skip,
/// lines drawn over each other, crossings (a line's own included), then
/// bends.
fn legibility(r: &LayoutReport) -> (usize, usize, usize, usize, usize, usize) {
    let hard = r.hard_rule_breaks().iter().map(|&(_, n)| n).sum();
    (
        hard,
        r.labels_on_lines,
        r.pass_throughs,
        r.line_overlaps,
        r.all_crossings(),
        r.bends,
    )
}

/// [`legibility`] of a draft the row-order search compares, with its
/// lines through stations counted by centre line
/// ([`verify::centre_line_pass_throughs`]) and lines drawn over each other
/// not counted: both come from where a draft's stretches bend by a fixed
/// rule, and untangling mends them on the map kept.
fn draft_legibility(draft: &MapLayout) -> (usize, usize, usize, usize, usize, usize) {
    let mut report = verify(draft);
    report.pass_throughs = super::verify::centre_line_pass_throughs(draft);
    report.line_overlaps = 0;
    legibility(&report)
}

/// How much the passes after placement do: the row-order search draws
/// many maps and compares them cheaply; the map kept gets every pass.
#[derive(Clone, Copy)]
struct Finish {
    /// Wraps a name still on a line tries ([`labels::NARROWER`]).
    narrower: &'static [usize],
    /// Whether stretches that run into a station or a name try other
    /// bends (`clearance`).
    clear: bool,
    /// Whether stretches between rows bend where lines cross least
    /// (`untangle`).
    untangle: bool,
}

impl Finish {
    const SEARCH: Finish = Finish {
        narrower: &[],
        clear: false,
        untangle: false,
    };
    const KEPT: Finish = Finish {
        narrower: &labels::NARROWER,
        clear: false,
        untangle: false,
    };
    const CLEARED: Finish = Finish {
        narrower: &labels::NARROWER,
        clear: true,
        untangle: false,
    };
    const UNTANGLED: Finish = Finish {
        narrower: &labels::NARROWER,
        clear: false,
        untangle: true,
    };

    /// The passes after placement: stations, lines, connections, labels.
    fn run(
        self,
        graph: &CareerGraph,
        texts: Vec<Vec<String>>,
        sizes: &[Size],
        shapes: &[Shape],
        placement: rows::Placement,
    ) -> MapLayout {
        finish(graph, texts, sizes, shapes, placement, self)
    }
}

fn finish(
    graph: &CareerGraph,
    texts: Vec<Vec<String>>,
    sizes: &[Size],
    shapes: &[Shape],
    placement: rows::Placement,
    how: Finish,
) -> MapLayout {
    let network = graph.network();
    let stations: Vec<StationMark> = network
        .position_indices()
        .map(|p| shapes[p.get()].mark(p, placement.at[p.get()]))
        .collect();
    let area = Rect::new(0.0, 0.0, placement.width, placement.height);
    let marks: Vec<Rect> = stations.iter().map(|s| s.bounds).collect();
    let names: Vec<Rect> = stations
        .iter()
        .zip(sizes)
        .map(|(s, &size)| labels::reserved(s, size))
        .collect();
    let (at, row) = (&placement.at[..], &placement.row[..]);
    let no_choices = paths::Choices::default();
    let mut lines = if how.untangle {
        untangle::untangle(graph, (at, row), &stations, &names, area)
    } else {
        let mut obstacles = how
            .clear
            .then(|| clearance::Obstacles::new(&marks, &names, &[], area));
        paths::route(graph, at, row, obstacles.as_mut(), &no_choices)
    };
    let connections = paths::connect(graph, &placement.at);
    let titles: Vec<&str> = network
        .positions()
        .iter()
        .map(|p| p.title.as_str())
        .collect();
    let mut placed = labels::place(
        &titles,
        texts.clone(),
        sizes,
        &stations,
        &lines,
        area,
        how.narrower,
    );
    if how.clear {
        // A name its line ran into has moved: the lines clear the names
        // where they now stand, and the names move again round them. A
        // name that found no clear spot asks the lines to keep off its
        // other corners too, so that one of them may come clear.
        let names: Vec<Rect> = placed.labels.iter().map(|l| l.bounds).collect();
        let spares = labels::other_corners(&placed, &stations);
        let mut obstacles = clearance::Obstacles::new(&marks, &names, &spares, area);
        obstacles.pin(labels::pinned(&placed, &stations, &lines, area));
        lines = paths::route(graph, at, row, Some(&mut obstacles), &no_choices);
        placed = labels::place(&titles, texts, sizes, &stations, &lines, area, how.narrower);
    }
    let hub = crate::lod::hub(graph)
        .and_then(|p| stations.get(p.get()))
        .map_or(Point::new(0.0, 0.0), |s| s.at);
    let mut map = MapLayout {
        width: placement.width,
        height: placement.height,
        bands: placement.bands,
        stations,
        lines,
        connections,
        labels: placed.labels,
        hub,
        small_screen_scale: crate::lod::LABELS_FROM_SCALE,
    };
    map.snap_to_tenths();
    map
}

impl MapLayout {
    /// Every coordinate at whole tenths of a pixel, as the map data stores
    /// them, so a layout and its decoded copy are equal.
    fn snap_to_tenths(&mut self) {
        let (w, h) = (geometry::snap(self.width), geometry::snap(self.height));
        (self.width, self.height) = (w, h);
        self.hub = self.hub.snapped();
        for band in &mut self.bands {
            (band.x, band.width) = (geometry::snap(band.x), geometry::snap(band.width));
        }
        for s in &mut self.stations {
            s.at = s.at.snapped();
            s.bounds = s.bounds.snapped();
            s.capsule = (s.capsule.0.snapped(), s.capsule.1.snapped());
            s.tick = s.tick.snapped();
        }
        for path in &mut self.lines {
            path.points.iter_mut().for_each(|p| *p = p.snapped());
        }
        for c in &mut self.connections {
            c.points.iter_mut().for_each(|p| *p = p.snapped());
        }
        for label in &mut self.labels {
            label.anchor = label.anchor.snapped();
            label.bounds = label.bounds.snapped();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_of_the_best_wins_in_the_order_given() {
        let (first, others) = each(&3, &[1, 4, 1], |&n| (n, n * 10));
        assert_eq!(
            (first, others.clone()),
            ((3, 30), vec![(1, 10), (4, 40), (1, 10)])
        );
        let others = vec![(1, "second"), (4, "third"), (1, "fourth")];
        assert_eq!(first_best((3, "first"), others), (1, "second"));
        assert_eq!(first_best((1, "first"), vec![(1, "second")]), (1, "first"));
    }
}
