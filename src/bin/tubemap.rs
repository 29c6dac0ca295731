//! `tubemap`: the content tool. `check` validates journey files; `render`
//! draws the map as SVG; `schema` prints the JSON Schema that editors use
//! for completion; `codes` lists what each diagnostic code means; `route`
//! plans a route; `export` writes the app's map data.

use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use tubemap::diagnostic::{Style, render_human, render_json};
use tubemap::source;
// For `route`.
use tubemap::journey::{Level, Network, PositionIndex};
use tubemap::route;

#[derive(Parser)]
#[command(
    name = "tubemap",
    version,
    about = "Careers Tube Map: check, render and route career journeys"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check journey files and report every problem with file:line:column and a hint.
    Check {
        /// Files or folders to check (folders are searched for .toml files).
        #[arg(default_value = "journeys")]
        paths: Vec<PathBuf>,
        /// How to print problems.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Draw the map as a standalone SVG on standard output (`tubemap render > map.svg`).
    Render {
        /// Files or folders to draw (folders are searched for .toml files).
        #[arg(default_value = "journeys")]
        paths: Vec<PathBuf>,
    },
    /// Lay out the map and print how legible it is (crossings, bends,
    /// labels with a line through them), so an editor can see whether a
    /// change tangles the map before CI's layout ratchets do.
    Measure {
        /// Files or folders to lay out (folders are searched for .toml files).
        #[arg(default_value = "journeys")]
        paths: Vec<PathBuf>,
    },
    /// Print the JSON Schema of journey files.
    Schema,
    /// Print every diagnostic code with what it means and how to fix it
    /// (the table in journeys/README.md).
    Codes,
    /// Check, lay out and compact the journeys into the app's data file.
    /// Fails, printing every problem, if any journey has an error.
    Export {
        /// Files or folders to export (folders are searched for .toml files).
        #[arg(default_value = "journeys")]
        paths: Vec<PathBuf>,
        /// Where to write the map data; its words go to `map-details.bin`
        /// in the same folder.
        #[arg(long)]
        out: PathBuf,
    },
    /// Pack the journey files for the editor page ("Add your journey"),
    /// which checks drafts against them. Fails if any has an error.
    Sources {
        /// Files or folders to pack (folders are searched for .toml files).
        #[arg(default_value = "journeys")]
        paths: Vec<PathBuf>,
        /// Where to write them.
        #[arg(long)]
        out: PathBuf,
    },
    /// Plan a route between two stations (ids or names), with alternatives.
    Route {
        /// Where you are: a position id or name ("GCSE", "gcses-9-4").
        from: String,
        /// Where you want to get to: a position id or name.
        to: String,
        /// How many different alternatives to show besides the best route (0 to 3).
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(0..=3))]
        alternatives: u8,
        /// What "best" means.
        #[arg(long, value_enum, default_value_t = RouteCriterion::Steps)]
        criterion: RouteCriterion,
        /// Earn while you learn: no university degrees on the way.
        #[arg(long)]
        no_university: bool,
        /// Go no higher than this level ("entry" or 1 to 8).
        #[arg(long, value_parser = parse_level)]
        max_level: Option<Level>,
        /// A station to keep out of the route (id or name); repeat for more.
        #[arg(long)]
        avoid: Vec<String>,
        /// Your age now, for entry requirements (16 if not given).
        #[arg(long, value_parser = clap::value_parser!(u8).range(5..=99))]
        age: Option<u8>,
        /// Something you already have besides the start (id or name), such
        /// as "GCSEs at grades 9 to 4"; repeat for more.
        #[arg(long)]
        has: Vec<String>,
        /// Print the plan as JSON.
        #[arg(long)]
        json: bool,
        /// Journey files or folders to plan over.
        #[arg(long, default_value = "journeys")]
        journeys: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum RouteCriterion {
    /// The fewest steps.
    Steps,
    /// The least time, from typical years at each station.
    Years,
    /// The steps most people took.
    Travelled,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { paths, format } => check(&paths, format),
        Command::Render { paths } => render(&paths),
        Command::Measure { paths } => measure(&paths),
        Command::Sources { paths, out } => pack_sources(&paths, &out),
        Command::Export { paths, out } => export(&paths, &out),
        Command::Schema => {
            print!("{}", source::document::json_schema());
            ExitCode::SUCCESS
        }
        Command::Codes => {
            print!("{}", tubemap::diagnostic::codes::markdown());
            ExitCode::SUCCESS
        }
        Command::Route {
            from,
            to,
            alternatives,
            criterion,
            no_university,
            max_level,
            avoid,
            age,
            has,
            json,
            journeys,
        } => {
            let criterion = match criterion {
                RouteCriterion::Steps => route::Criterion::FewestSteps,
                RouteCriterion::Years => route::Criterion::ShortestTime,
                RouteCriterion::Travelled => route::Criterion::MostTravelled,
            };
            let request = RouteRequest {
                from,
                to,
                avoid,
                has,
                json,
                query: route::RouteQuery {
                    criterion,
                    alternatives: usize::from(alternatives),
                    constraints: route::Constraints {
                        no_university,
                        max_level,
                        avoid: Vec::new(),
                    },
                    age,
                    has: Vec::new(),
                },
            };
            plan_route(&journeys, request)
        }
    }
}

fn check(paths: &[PathBuf], format: Format) -> ExitCode {
    let loaded = source::load_paths_in_year(paths, source::this_year());
    let mut out = std::io::stdout().lock();
    let result = match format {
        Format::Json => writeln!(out, "{}", render_json(&loaded.diagnostics, &loaded.files)),
        Format::Human => {
            let style = if std::io::stdout().is_terminal() {
                Style::Coloured
            } else {
                Style::Plain
            };
            let mut result = Ok(());
            for diagnostic in &loaded.diagnostics {
                result = result.and_then(|()| {
                    writeln!(out, "{}\n", render_human(diagnostic, &loaded.files, style))
                });
            }
            let network = &loaded.network;
            result.and_then(|()| {
                writeln!(
                    out,
                    "checked {} file(s): {} position(s), {} line(s), {} journey(s); {} error(s), {} warning(s)",
                    loaded.files.len(),
                    network.positions().len(),
                    network.lines().len(),
                    network.journeys().len(),
                    loaded.error_count(),
                    loaded.warning_count()
                )
            })
        }
    };
    if result.is_err() {
        return ExitCode::from(2);
    }
    if loaded.error_count() > 0 || loaded.files.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Problems go to stderr and the SVG of whatever loaded to stdout, so a map
/// can still be previewed while some files are broken; the exit code says
/// whether they were.
fn render(paths: &[PathBuf]) -> ExitCode {
    let loaded = source::load_paths_in_year(paths, source::this_year());
    for diagnostic in &loaded.diagnostics {
        eprintln!(
            "{}\n",
            render_human(diagnostic, &loaded.files, Style::Plain)
        );
    }
    let failed = loaded.error_count() > 0 || loaded.files.is_empty();
    let graph = tubemap::graph::CareerGraph::new(loaded.network);
    let map = tubemap::layout::layout(&graph);
    let svg = tubemap::render::svg(&graph, &map);
    if std::io::stdout().lock().write_all(svg.as_bytes()).is_err() {
        return ExitCode::from(2);
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn pack_sources(paths: &[PathBuf], out: &std::path::Path) -> ExitCode {
    let loaded = source::load_paths_in_year(paths, source::this_year());
    if loaded.error_count() > 0 || loaded.files.is_empty() {
        eprintln!("tubemap sources: the journeys have errors: run `tubemap check`");
        return ExitCode::FAILURE;
    }
    let written = tubemap::draft::ShippedContent::pack(&loaded.files)
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            std::fs::write(out, bytes).map_err(|e| format!("{}: {e}", out.display()))
        });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("tubemap sources: {error}");
            ExitCode::FAILURE
        }
    }
}

fn measure(paths: &[PathBuf]) -> ExitCode {
    let loaded = source::load_paths_in_year(paths, source::this_year());
    if loaded.error_count() > 0 || loaded.files.is_empty() {
        eprintln!("the journeys have errors: run `tubemap check` first");
        return ExitCode::FAILURE;
    }
    let graph = tubemap::graph::CareerGraph::new(loaded.network);
    let map = tubemap::layout::layout(&graph);
    let r = tubemap::layout::verify(&map);
    let rows = [
        ("stations", r.stations.to_string()),
        (
            "labels with a line through them",
            r.labels_on_lines.to_string(),
        ),
        (
            "lines through a station they skip",
            r.pass_throughs.to_string(),
        ),
        ("crossings between lines", r.line_crossings.to_string()),
        (
            "crossings of a line with itself",
            r.own_crossings.to_string(),
        ),
        (
            "most crossings on one line",
            r.max_crossings_per_line.to_string(),
        ),
        ("bends", r.bends.to_string()),
        ("median bends per line", r.median_bends_per_line.to_string()),
        ("most bends on one line", r.max_bends_per_line.to_string()),
        (
            "median bends per run (trunk or branch)",
            r.median_bends_per_run.to_string(),
        ),
        ("most bends on one run", r.max_bends_per_run.to_string()),
        ("lines drawn over each other", r.line_overlaps.to_string()),
        ("U-turns", r.u_turns.to_string()),
        (
            "non-octilinear segments",
            r.non_octilinear_segments.to_string(),
        ),
        (
            "overlaps (label, station, label on station)",
            format!(
                "{}, {}, {}",
                r.label_overlaps, r.station_overlaps, r.label_station_overlaps
            ),
        ),
        (
            "aspect (width / height)",
            format!("{:.2}", f64::from(r.aspect_permille) / 1000.0),
        ),
    ];
    for (name, value) in rows {
        println!("{name:<45} {value}");
    }
    print_by_line(graph.network(), &r);
    ExitCode::SUCCESS
}

/// Each line's crossings and bends, the most tangled first, so an editor
/// sees which line a change tangled.
fn print_by_line(network: &tubemap::journey::Network, r: &tubemap::layout::LayoutReport) {
    let mut lines: Vec<_> = network
        .lines()
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let crossings = r.crossings_by_line.get(i).copied().unwrap_or(0);
            let bends = r.bends_by_line.get(i).copied().unwrap_or(0);
            (crossings, bends, line.name.as_str())
        })
        .collect();
    lines.sort_by(|a, b| (b.0, b.1).cmp(&(a.0, a.1)).then(a.2.cmp(b.2)));
    println!();
    println!("{:<45} {:>9} {:>6}", "line", "crossings", "bends");
    for (crossings, bends, name) in lines {
        println!("{name:<45} {crossings:>9} {bends:>6}");
    }
}

/// `--max-level`: "entry" or an RQF level 1 to 8.
fn parse_level(text: &str) -> Result<Level, String> {
    if text.eq_ignore_ascii_case("entry") {
        return Ok(Level::ENTRY);
    }
    let n: i64 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a level: use \"entry\" or 1 to 8"))?;
    Level::rqf(n).map_err(|e| e.to_string())
}

/// A `route` command, its names not yet resolved.
struct RouteRequest {
    from: String,
    to: String,
    avoid: Vec<String>,
    has: Vec<String>,
    json: bool,
    query: route::RouteQuery,
}

/// Exit codes: 0 with a route, 1 when there is none (the reason and the
/// nearest alternative are printed), 2 when a name is ambiguous or unknown
/// or the output cannot be written.
fn plan_route(paths: &[PathBuf], mut request: RouteRequest) -> ExitCode {
    let loaded = source::load_paths_in_year(paths, source::this_year());
    if loaded.error_count() > 0 {
        eprintln!(
            "warning: {} error(s) in the journey files; planning over what loaded (run `tubemap check`)",
            loaded.error_count()
        );
    }
    let graph = tubemap::graph::CareerGraph::new(loaded.network);
    let network = graph.network();
    let mut avoid = Vec::new();
    for text in &request.avoid {
        match route::resolve(network, text) {
            Ok(p) => avoid.push(p),
            Err(why) => {
                eprintln!("{}", unresolved(network, &why));
                return ExitCode::from(2);
            }
        }
    }
    request.query.constraints.avoid = avoid;
    for text in &request.has {
        match route::resolve(network, text) {
            Ok(p) => request.query.has.push(p),
            Err(why) => {
                eprintln!("{}", unresolved(network, &why));
                return ExitCode::from(2);
            }
        }
    }
    let ends = route::resolve_route(
        &graph,
        &request.from,
        &request.to,
        &request.query.constraints,
    );
    let (from, to) = match ends {
        Ok(ends) => {
            if !request.json {
                let station = |p: PositionIndex| {
                    let position = network.position(p);
                    format!("{} ({}, {})", position.title, position.id, position.level)
                };
                let note = if ends.reread {
                    "  (the closest names that lead somewhere)"
                } else {
                    ""
                };
                let header = format!(
                    "From {} to {}{note}\n",
                    station(ends.from),
                    station(ends.to)
                );
                if println_checked(&header).is_err() {
                    return ExitCode::from(2);
                }
            }
            (ends.from, ends.to)
        }
        Err(why) => {
            eprintln!("{}", unresolved(network, &why));
            return ExitCode::from(2);
        }
    };
    let result = route::plan(&graph, from, to, &request.query);
    let written = match (&result, request.json) {
        (Ok(plan), true) => println_checked(&plan_json(network, from, to, plan)),
        (Ok(plan), false) => println_checked(&plan_text(network, plan, request.query.alternatives)),
        (Err(why), true) => println_checked(
            &serde_json::json!({
                "from": network.position(from).id,
                "to": network.position(to).id,
                "error": route::explain(network, from, to, why),
                "nearest": why.nearest().map(|p| network.position(p).id.clone()),
            })
            .to_string(),
        ),
        (Err(why), false) => println_checked(&route::explain(network, from, to, why)),
    };
    match (written, result) {
        (Err(_), _) => ExitCode::from(2),
        (Ok(()), Ok(_)) => ExitCode::SUCCESS,
        (Ok(()), Err(_)) => ExitCode::FAILURE,
    }
}

/// An unresolved name, with the candidates' ids when it is ambiguous.
fn unresolved(network: &Network, why: &route::Unresolved) -> String {
    let mut out = format!("{why}");
    if let route::Unresolved::Ambiguous { candidates, .. } = why {
        out.push_str(": did you mean one of these?");
        for &p in candidates {
            let position = network.position(p);
            out.push_str(&format!(
                "\n  {}  {} ({})",
                position.id, position.title, position.level
            ));
        }
    }
    out
}

fn println_checked(text: &str) -> std::io::Result<()> {
    writeln!(std::io::stdout().lock(), "{text}")
}

fn plan_text(network: &Network, plan: &route::RoutePlan, asked: usize) -> String {
    let mut out = String::new();
    for (i, r) in plan.routes().enumerate() {
        let heading = if i == 0 {
            "Best route".to_owned()
        } else {
            format!("Alternative {i}")
        };
        out.push_str(&format!("{heading}: {}\n", route::directions::summary(r)));
        for line in route::directions(r).iter().map(|d| d.text(network)) {
            out.push_str(&format!("  {line}\n"));
        }
        out.push('\n');
    }
    if asked > 0 && plan.alternatives.is_empty() {
        out.push_str("No different-enough alternative route found.\n");
    }
    out.trim_end().to_owned()
}

fn plan_json(
    network: &Network,
    from: PositionIndex,
    to: PositionIndex,
    plan: &route::RoutePlan,
) -> String {
    let id = |p: PositionIndex| network.position(p).id.clone();
    let routes: Vec<_> = plan
        .routes()
        .map(|r| {
            serde_json::json!({
                "stops": r.stops.iter().map(|&p| id(p)).collect::<Vec<_>>(),
                "steps": r.steps,
                "total_years": r.total_years,
                "arrival_age": r.arrival_age,
                "highest_level": r.highest_level.to_string(),
                "traffic": r.traffic,
                "cost": r.cost,
                "legs": r.legs.iter().map(|l| serde_json::json!({
                    "line": l.line.map(|l| network.line(l).id.clone()),
                    "from": id(l.from),
                    "to": id(l.to),
                    "stops": l.stops,
                    "years": l.years,
                    "steps_down": l.steps_down.iter().map(|&p| id(p)).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
                "directions": route::directions(r).iter().map(|d| d.text(network)).collect::<Vec<_>>(),
                "requirements_met": r.met.iter().map(|m| route::directions::met_text(network, m)).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::json!({
        "from": id(from),
        "to": id(to),
        "best": routes.first(),
        "alternatives": routes.get(1..).unwrap_or_default(),
    })
    .to_string()
}

/// The build step behind the app: journeys are checked here, at build time,
/// so a broken journey stops the build with the validator's own message.
fn export(paths: &[PathBuf], out: &std::path::Path) -> ExitCode {
    let loaded = source::load_paths_in_year(paths, source::this_year());
    for diagnostic in &loaded.diagnostics {
        eprintln!(
            "{}\n",
            render_human(diagnostic, &loaded.files, Style::Plain)
        );
    }
    if loaded.error_count() > 0 || loaded.files.is_empty() {
        eprintln!(
            "tubemap export: {} error(s): the map data was not written; fix the journeys above",
            loaded.error_count()
        );
        return ExitCode::FAILURE;
    }
    let graph = tubemap::graph::CareerGraph::new(loaded.network);
    let layout = tubemap::layout::layout(&graph);
    let bundle = tubemap::bundle::MapBundle::new(graph.into_network(), layout);
    let details_out = out.with_file_name(tubemap::bundle::DETAILS_FILE);
    let write = |path: &std::path::Path, bytes: &[u8]| {
        std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    };
    let written = bundle
        .split()
        .map_err(|e| e.to_string())
        .and_then(|(map, details)| {
            write(out, &map)?;
            write(&details_out, &details)?;
            Ok((map.len(), details.len()))
        });
    match written {
        Ok((map, details)) => {
            eprintln!(
                "tubemap export: wrote {} ({map} bytes) and {} ({details} bytes)",
                out.display(),
                details_out.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("tubemap export: {error}");
            ExitCode::FAILURE
        }
    }
}
