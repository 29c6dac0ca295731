//! Generated journey files of any size, for benchmarks and scale tests.
//!
//! The network looks like real content: positions spread over the nine
//! levels and three sectors, lines of about 33 stations climbing the levels
//! with a branch each onto the next line, and journeys riding stretches of
//! the lines, some changing pathway through a connection.

use crate::graph::CareerGraph;
use crate::journey::PositionIndex;
use crate::route::RouteQuery;

/// Entries per generated file, so every file stays far below
/// [`super::MAX_FILE_BYTES`], as an author would split them.
const ENTRIES_PER_FILE: usize = 200;

/// The generated network of `positions` positions and `journeys`
/// journeys, loaded as `tubemap check` would load its files
/// ([`journey_files`]): the one way tests and benchmarks make it.
pub fn load(positions: usize, journeys: usize) -> super::Loaded {
    let files = journey_files(positions, journeys);
    super::load_sources(files.into_iter().map(|(p, t)| (p, Ok(t.into_bytes()))))
}

/// TOML files (path, text) for `positions` positions, about one line per
/// 33 of them, and `journeys` journeys.
/// The same arguments always give the same files.
pub fn journey_files(positions: usize, journeys: usize) -> Vec<(String, String)> {
    let mut rng = SplitMix(0x5eed_cafe ^ (positions as u64) << 20 ^ journeys as u64);
    let sectors = ["construction", "digital", "general"];
    let per_level = positions.div_ceil(9).max(1);
    let mut files = Vec::new();
    let mut out = String::with_capacity(ENTRIES_PER_FILE * 300);
    let lines = positions.div_ceil(STATIONS_PER_LINE).max(1);
    for i in 0..positions {
        if i > 0 && i % ENTRIES_PER_FILE == 0 {
            files.push((
                format!("generated/positions-{}.toml", files.len()),
                std::mem::take(&mut out),
            ));
        }
        let level = (i / per_level).min(8);
        let level_text = if level == 0 {
            "\"entry\"".to_owned()
        } else {
            level.to_string()
        };
        let kind = if i % 5 == 4 { "job" } else { "qualification" };
        out.push_str(&format!(
            "[[position]]\nid = \"p{i}\"\ntitle = \"Position {i}\"\nkind = \"{kind}\"\nlevel = {level_text}\nsectors = [\"{}\"]\ndescription = \"Generated position {i}.\"\ntypical_years = {}.0\nlinks = [\"https://example.org/p{i}\"]\n",
            sectors[i % 3],
            1 + i % 3,
        ));
        out.push_str(&requires(i, level, lines));
        if kind == "job" {
            out.push_str(
                "salary = { min = 20000, max = 30000, source = \"Generated\", url = \"https://example.org/pay\", year = 2025 }\n",
            );
        }
        out.push('\n');
    }
    files.push((format!("generated/positions-{}.toml", files.len()), out));
    let runs = line_runs(positions, &mut rng);
    files.push(("generated/lines.toml".to_owned(), lines_file(&runs)));
    let (trips, connections) = trips(&runs, positions, per_level, journeys, &mut rng);
    let mut text = String::with_capacity(ENTRIES_PER_FILE * 400);
    for (j, steps) in trips.iter().enumerate() {
        if j > 0 && j % ENTRIES_PER_FILE == 0 {
            files.push((
                format!("generated/journeys-{j}.toml"),
                std::mem::take(&mut text),
            ));
        }
        text.push_str(&format!(
            "[[journey]]\nid = \"j{j}\"\nname = \"Person {j}\"\nheadline = \"Generated journey {j}\"\nsector = \"{}\"\nstory = \"Generated.\"\nsource = {{ kind = \"example\" }}\n",
            sectors[j % 3]
        ));
        for p in steps {
            text.push_str(&format!(
                "[[journey.step]]\nposition = \"p{p}\"\nyears = 1\n"
            ));
        }
        text.push('\n');
    }
    files.push((format!("generated/journeys-{journeys}.toml"), text));
    let mut text = String::new();
    for (from, to) in connections {
        text.push_str(&format!(
            "[[connection]]\nfrom = \"p{from}\"\nto = \"p{to}\"\n\n"
        ));
    }
    files.push(("generated/connections.toml".to_owned(), text));
    files
}

/// Positions per line, about the Underground's (270 stations, 11 lines).
const STATIONS_PER_LINE: usize = 33;

/// How many branches each generated line has, each onto another line.
const BRANCHES: usize = 6;

/// Each line's runs: its trunk, then [`BRANCHES`] branches that each leave
/// it through two stations of another line and rejoin it, so lines meet at
/// interchanges and there is more than one way between far-apart stations.
/// Entry requirements in the mix real content has: an age, an upper age
/// limit, a level reached, or the station before on the same line held
/// first (position `i` is on line `i % lines`) or else the level below.
fn requires(i: usize, level: usize, lines: usize) -> String {
    match i % 4 {
        1 if level >= 1 => "requires = [{ age = 16 }]\n".to_owned(),
        2 if level >= 3 => format!("requires = [{{ level = {} }}, {{ age = 21 }}]\n", level - 2),
        3 if level >= 2 && i >= lines => format!(
            "requires = [{{ after = [\"p{}\"] }}, {{ level = {} }}]\n",
            i - lines,
            level - 1
        ),
        // Rarer, as 16-to-19 courses are among all positions.
        0 if (2..=3).contains(&level) && i.is_multiple_of(16) => {
            "requires = [{ age = 16, max_age = 19 }]\n".to_owned()
        }
        _ => String::new(),
    }
}

fn line_runs(positions: usize, rng: &mut SplitMix) -> Vec<Vec<Vec<usize>>> {
    let count = positions.div_ceil(STATIONS_PER_LINE).max(1);
    // Position i is on line i % count: positions are in level order, so
    // every trunk climbs through the levels.
    let trunks: Vec<Vec<usize>> = (0..count)
        .map(|l| (l..positions).step_by(count).collect())
        .collect();
    (0..count)
        .map(|l| {
            let trunk = trunks[l].clone();
            let mut runs = vec![trunk.clone()];
            for k in 0..BRANCHES {
                let other = &trunks[(l + 1 + k * 7) % count];
                if count == 1 || trunk.len() <= 4 || other.len() <= 4 {
                    break;
                }
                // Leave at one station, run a few stations of the other
                // line a level or so higher, and come back three stations
                // on: a detour, as real pathways have.
                let at = rng.below(trunk.len() - 4);
                let onto = (at + 1).min(other.len() - 3);
                let mut branch = vec![trunk[at]];
                branch.extend(&other[onto..onto + 2]);
                branch.push(trunk[at + 4]);
                runs.push(branch);
            }
            runs
        })
        .collect()
}

fn lines_file(runs: &[Vec<Vec<usize>>]) -> String {
    let mut text = String::new();
    let list = |run: &[usize]| {
        run.iter()
            .map(|p| format!("\"p{p}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (l, line) in runs.iter().enumerate() {
        // Colours are spread over the hue circle at Underground-like
        // darkness; a generated map is not checked for look-alikes.
        let colour = format!(
            "#{:02X}{:02X}{:02X}",
            (l * 37) % 160,
            (l * 71) % 120,
            (l * 113) % 160
        );
        text.push_str(&format!(
            "[[line]]\nid = \"line-{l}\"\nname = \"Line {l}\"\ncolour = \"{colour}\"\nsector = \"construction\"\nstations = [{}]\n",
            list(&line[0])
        ));
        for branch in &line[1..] {
            text.push_str(&format!("[[line.branch]]\nstations = [{}]\n", list(branch)));
        }
        text.push('\n');
    }
    text
}

/// Journeys as trips: each rides part of a run, stopping at some stations,
/// and about one in four then changes pathway through a connection to a
/// station a level up.
fn trips(
    runs: &[Vec<Vec<usize>>],
    positions: usize,
    per_level: usize,
    journeys: usize,
    rng: &mut SplitMix,
) -> (Vec<Vec<usize>>, Vec<(usize, usize)>) {
    let mut connections: Vec<(usize, usize)> = Vec::new();
    let mut trips = Vec::with_capacity(journeys);
    for _ in 0..journeys {
        let line = &runs[rng.below(runs.len())];
        let run = &line[rng.below(line.len())];
        let mut at = rng.below(run.len().saturating_sub(1));
        let mut steps = vec![run[at]];
        for _ in 0..2 + rng.below(5) {
            at += 1 + rng.below(2);
            let Some(&p) = run.get(at) else {
                break;
            };
            steps.push(p);
        }
        let last = steps.last().copied().unwrap_or(0);
        let next_level = (last / per_level.max(1) + 1) * per_level;
        if (steps.len() < 2 || rng.below(4) == 0) && next_level < positions {
            let to = (next_level + rng.below(per_level)).min(positions - 1);
            if to != last {
                if !connections.contains(&(last, to)) {
                    connections.push((last, to));
                }
                steps.push(to);
            }
        }
        if steps.len() < 2 {
            steps.push(run[run.len() - 1]);
            if steps[0] == steps[1] {
                steps[0] = run[0];
            }
        }
        trips.push(steps);
    }
    (trips, connections)
}

/// A small, fast, seeded generator: reproducible without a dependency.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A long climb for benchmarks and scale tests, chosen the same way every run: from the first Entry-level
/// position with the most places reachable, to the highest-level of those,
/// furthest away, that a 16-year-old can get to under the generated entry
/// requirements (ages, upper age limits, levels, stations held before).
pub fn long_climb(graph: &CareerGraph) -> (PositionIndex, PositionIndex) {
    let network = graph.network();
    let none = crate::route::Constraints::default();
    let reachable = |p| {
        crate::route::reach(graph, p, &none)
            .into_iter()
            .flat_map(|(_, at)| at)
            .collect::<Vec<_>>()
    };
    let from = network
        .position_indices()
        .filter(|&p| network.position(p).level.rank() == 0)
        .max_by_key(|&p| (reachable(p).len(), std::cmp::Reverse(p)))
        .expect("the generated network has Entry-level positions");
    let mut candidates = reachable(from);
    candidates.sort_by_key(|r| {
        std::cmp::Reverse((
            network.position(r.position).level,
            r.steps,
            std::cmp::Reverse(r.position),
        ))
    });
    let to = candidates
        .into_iter()
        .map(|r| r.position)
        .find(|&to| crate::route::plan(graph, from, to, &RouteQuery::default()).is_ok())
        .expect("something is reachable under the requirements");
    (from, to)
}
