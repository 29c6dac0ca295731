//! Reading journeys from TOML: files → [`Network`] plus every [`Diagnostic`].
//!
//! Loading never stops at the first problem. Each file, and each entry in a
//! file, is read on its own; what is wrong is reported and left out, and
//! everything else loads. Native only (feature `authoring`).

pub mod document;
mod files;
mod lints;
mod parse;
mod suggest;
pub mod synthetic;

pub use files::MAX_FILE_BYTES;

use crate::diagnostic::{Code, Diagnostic, FileId, SourceFile, SourceFiles, codes};
use crate::journey::{Citation, Journey, Network, Position, PositionIndex, Source};
use document::{
    AddedBranchDoc, ConnectionDoc, JourneyDoc, LineDoc, PositionDoc, RequirementDoc, SourceDoc,
    SourceKind,
};
use lints::dates::Open;
use lints::id::FirstDefinitions;
use lints::steps::KnownPositions;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// The result of a load: everything that loaded, and every problem found.
#[derive(Debug)]
pub struct Loaded {
    /// The positions and journeys that loaded cleanly.
    pub network: Network,
    /// Every problem, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The files read, for rendering diagnostics.
    pub files: SourceFiles,
}

impl Loaded {
    /// How many diagnostics are errors.
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// How many diagnostics are warnings.
    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }
}

pub use lints::dates::this_year;
pub(crate) use lints::id::kebab;

/// Loads every `.toml` file under `paths` (directories are searched
/// recursively, in sorted order). No journey is checked against the
/// present day: see [`load_paths_in_year`].
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    load_sources(files::discover(paths))
}

/// [`load_paths`], also reporting a journey whose years run past `year`
/// (`runs-past-today`). The loader never reads the clock itself: the edges
/// pass [`this_year`].
pub fn load_paths_in_year(paths: &[PathBuf], year: u16) -> Loaded {
    load_sources_in_year(files::discover(paths), Some(year))
}

/// Loads files given as (path, contents). A read error stands for a file
/// that could not be read.
pub fn load_sources(
    sources: impl IntoIterator<Item = (String, std::io::Result<Vec<u8>>)>,
) -> Loaded {
    load_sources_in_year(sources, None)
}

/// [`load_sources`], also reporting a journey whose years run past `today`
/// when it is given (see [`load_paths_in_year`]).
pub fn load_sources_in_year(
    sources: impl IntoIterator<Item = (String, std::io::Result<Vec<u8>>)>,
    today: Option<u16>,
) -> Loaded {
    let mut files = SourceFiles::default();
    let mut diagnostics = Vec::new();
    let mut docs = Docs::default();
    let mut broken: HashSet<String> = HashSet::new();
    for (path, bytes) in sources {
        let (text, problem) = decode(bytes);
        let id = files.add(SourceFile { path, text });
        if let Some((code, message, hint, offset)) = problem {
            diagnostics
                .push(Diagnostic::new(code, id, offset.map(|o| o..o + 1), message).with_hint(hint));
            continue;
        }
        let parsed = parse::parse_file(id, &files.get(id).text, &mut diagnostics);
        docs.positions
            .extend(parsed.positions.into_iter().map(|p| (id, p)));
        docs.lines.extend(parsed.lines.into_iter().map(|l| (id, l)));
        docs.connections
            .extend(parsed.connections.into_iter().map(|c| (id, c)));
        docs.journeys
            .extend(parsed.journeys.into_iter().map(|j| (id, j)));
        docs.branches
            .extend(parsed.branches.into_iter().map(|b| (id, b)));
        broken.extend(parsed.broken_ids);
    }
    let network = assemble(&files, docs, broken, today, &mut diagnostics);
    // Stable order for people and snapshots: by file, then position in file.
    diagnostics.sort_by_key(|d| (d.file, d.span.as_ref().map(|s| s.start)));
    Loaded {
        network,
        diagnostics,
        files,
    }
}

type DecodeProblem = (&'static Code, String, &'static str, Option<usize>);

fn decode(bytes: std::io::Result<Vec<u8>>) -> (String, Option<DecodeProblem>) {
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => {
            let problem = (
                &codes::UNREADABLE_FILE,
                format!("the file could not be read: {error}"),
                "Check the path and that the file is readable.",
                None,
            );
            return (String::new(), Some(problem));
        }
    };
    if bytes.len() > MAX_FILE_BYTES {
        let message = format!(
            "the file is {} KiB; journey files may be at most {} KiB",
            bytes.len() / 1024,
            MAX_FILE_BYTES / 1024
        );
        return (
            String::new(),
            Some((
                &codes::FILE_TOO_LARGE,
                message,
                "Split it into several files, one journey per file; is it really a journey file?",
                None,
            )),
        );
    }
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            // Keep the readable part so the caret can point at the bad byte.
            let bytes = error.into_bytes();
            let text = String::from_utf8_lossy(&bytes[..at]).into_owned() + "\u{FFFD}";
            let message = format!("the file is not UTF-8 text: byte {at} is not valid UTF-8");
            (
                text,
                Some((
                    &codes::NOT_UTF8,
                    message,
                    "Save the file as UTF-8 (in most editors: File → Save with Encoding → UTF-8).",
                    Some(at),
                )),
            )
        }
    }
}

/// Every entry that read cleanly, with the file it came from.
#[derive(Default)]
struct Docs {
    positions: Vec<(FileId, PositionDoc)>,
    lines: Vec<(FileId, LineDoc)>,
    connections: Vec<(FileId, ConnectionDoc)>,
    journeys: Vec<(FileId, JourneyDoc)>,
    branches: Vec<(FileId, AddedBranchDoc)>,
}

/// Where an entry's id was written, for diagnostics about the entry.
type DefinedAt = Vec<(FileId, std::ops::Range<usize>)>;

fn assemble(
    files: &SourceFiles,
    docs: Docs,
    mut broken: HashSet<String>,
    today: Option<u16>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Network {
    let Positions {
        mut positions,
        defined_at: positions_at,
        requires,
        open,
    } = positions(files, docs.positions, &mut broken, diagnostics);
    let by_id: HashMap<String, PositionIndex> = positions
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), PositionIndex(i as u32)))
        .collect();
    let known = KnownPositions {
        by_id: &by_id,
        broken: &broken,
    };
    for (position, (file, docs)) in positions.iter_mut().zip(&requires) {
        position.requires = lints::requirements::resolve(docs, &known, *file, diagnostics);
    }
    let mut first = FirstDefinitions::default();
    let mut lines = Vec::with_capacity(docs.lines.len());
    let mut lines_at = Vec::with_capacity(docs.lines.len());
    for (file, doc) in &docs.lines {
        lints::id::check_form(&doc.id, *file, diagnostics);
        let unique = first.claim("line", &doc.id, *file, files, diagnostics);
        if let (true, Some(line)) = (
            unique,
            lints::lines::resolve(doc, &known, *file, diagnostics),
        ) {
            lines.push(line);
            lines_at.push((*file, doc.id.span()));
        }
    }
    let written_lines: HashSet<&str> = docs
        .lines
        .iter()
        .map(|(_, d)| d.id.get_ref().as_str())
        .collect();
    for (file, doc) in &docs.branches {
        let added = lints::lines::AddedBranch {
            doc,
            written_lines: &written_lines,
            positions: &positions,
        };
        added.add_to(&mut lines, &known, *file, diagnostics);
    }
    let connections = docs
        .connections
        .iter()
        .filter_map(|(file, doc)| lints::lines::resolve_connection(doc, &known, *file, diagnostics))
        .collect();
    // Checked above (ids unique, runs resolved, connections between two
    // stations); should they ever disagree, say so rather than panic.
    let network = match Network::new(positions, lines, connections, Vec::new()) {
        Ok(network) => network,
        Err(error) => return internal_error(files, &error, diagnostics),
    };
    let named: HashSet<&str> = docs
        .lines
        .iter()
        .flat_map(|(_, doc)| {
            let branches = doc.branch.iter().map(|b| &b.get_ref().stations);
            std::iter::once(&doc.stations).chain(branches)
        })
        .chain(docs.branches.iter().map(|(_, doc)| &doc.stations))
        .flat_map(|run| run.get_ref().iter().map(|id| id.get_ref().as_str()))
        .collect();
    lints::lines::check_every_station_on_a_line(&network, &named, &positions_at, diagnostics);
    lints::lines::check_colours_differ(&network, &lines_at, diagnostics);
    lints::lines::check_lines_climb(&network, &lines_at, diagnostics);

    let mut first = FirstDefinitions::default();
    let mut journeys = Vec::with_capacity(docs.journeys.len());
    for (file, doc) in &docs.journeys {
        lints::id::check_form(&doc.id, *file, diagnostics);
        let unique = first.claim("journey", &doc.id, *file, files, diagnostics);
        let Some(steps) = lints::steps::resolve(&doc.step, &doc.id, &known, *file, diagnostics)
        else {
            continue;
        };
        let on_the_map = lints::steps::check_on_the_map(&network, doc, &steps, *file, diagnostics);
        lints::dates::check_journey(doc, &steps, &open, today, *file, diagnostics);
        let stops: Vec<PositionIndex> = steps.iter().map(|s| s.position).collect();
        lints::requirements::check_journey(&network, doc, &stops, *file, diagnostics);
        let source = source(&doc.source, *file, diagnostics);
        if let (true, true, Some(source)) = (unique, on_the_map, source) {
            journeys.push(Journey {
                id: doc.id.get_ref().clone(),
                name: doc.name.trim().to_owned(),
                headline: doc.headline.trim().to_owned(),
                sector: doc.sector,
                story: doc.story.trim().to_owned(),
                source,
                steps,
            });
        }
    }
    let fallback = network.clone();
    network.with_journeys(journeys).unwrap_or_else(|error| {
        internal_error(files, &error, diagnostics);
        fallback
    })
}

/// A journey's source. A published story needs its title, publisher and
/// https link; what is missing is reported and the journey left out. A bad
/// link is reported too, and the journey still loads without it.
fn source(
    doc: &toml::Spanned<SourceDoc>,
    file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Source> {
    let at = doc.span();
    let doc = doc.get_ref();
    match doc.kind {
        SourceKind::Example => return Some(Source::Example),
        SourceKind::Own => return own_story(doc, at, file, diagnostics),
        SourceKind::Published => {}
    }
    let missing: Vec<&str> = [
        ("title", doc.title.is_none()),
        ("publisher", doc.publisher.is_none()),
        ("url", doc.url.is_none()),
    ]
    .into_iter()
    .filter_map(|(key, absent)| absent.then_some(key))
    .collect();
    if !missing.is_empty() {
        diagnostics.push(
            Diagnostic::new(
                &codes::MISSING_KEY,
                file,
                Some(at),
                format!("a published source needs {}", missing.join(", ")),
            )
            .with_label("published, but where?")
            .with_hint("Give the page's title, who published it and its https link, e.g. { kind = \"published\", title = \"My apprenticeship\", publisher = \"CITB\", url = \"https://...\", year = 2024 }."),
        );
        return None;
    }
    let url = doc
        .url
        .as_ref()
        .map(|url| lints::links::check(std::slice::from_ref(url), file, diagnostics))
        .and_then(|links| links.into_iter().next())
        .unwrap_or_default();
    Some(Source::Published(Citation {
        title: doc.title.as_deref().unwrap_or_default().trim().to_owned(),
        publisher: doc
            .publisher
            .as_deref()
            .unwrap_or_default()
            .trim()
            .to_owned(),
        url,
        year: doc.year,
    }))
}

/// What `check` says of an own story without `consent`; the editor puts
/// it next to its consent box, in the box's words.
pub const OWN_STORY_NEEDS_CONSENT: &str =
    "an own story needs the person's consent (consent = true)";

/// A person's own story loads only with `consent = true`: without it the
/// journey is left out, so nobody's story reaches the map unagreed.
fn own_story(
    doc: &SourceDoc,
    at: std::ops::Range<usize>,
    file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Source> {
    const HINT: &str = "Write consent = true only when the person agreed to their first name and story being on the map and in a public pull request (and, if they are under 18, a parent or carer agreed too). Otherwise leave the journey out.";
    let problem = match doc.consent {
        Some(true) => return Some(Source::Own),
        Some(false) => Diagnostic::new(
            &codes::WRONG_VALUE,
            file,
            Some(at),
            "an own story is published only with consent = true",
        )
        .with_label("no consent"),
        None => Diagnostic::new(&codes::MISSING_KEY, file, Some(at), OWN_STORY_NEEDS_CONSENT)
            .with_label("own story, but has the person agreed?"),
    };
    diagnostics.push(problem.with_hint(HINT));
    None
}

/// The positions that load, in order, and what else was written with each.
struct Positions {
    positions: Vec<Position>,
    /// Where each id was written.
    defined_at: DefinedAt,
    /// Each one's `requires`, resolved once every id is known.
    requires: Vec<(FileId, Vec<toml::Spanned<RequirementDoc>>)>,
    /// The years each took new starts, for the date checks.
    open: Vec<Open>,
}

fn positions(
    files: &SourceFiles,
    docs: Vec<(FileId, PositionDoc)>,
    broken: &mut HashSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Positions {
    let mut first = FirstDefinitions::default();
    let mut positions = Vec::with_capacity(docs.len());
    let mut defined_at = Vec::with_capacity(docs.len());
    let mut requires = Vec::with_capacity(docs.len());
    let mut open = Vec::with_capacity(docs.len());
    for (file, mut doc) in docs {
        lints::id::check_form(&doc.id, file, diagnostics);
        if !first.claim("position", &doc.id, file, files, diagnostics) {
            continue;
        }
        let Some(level) = lints::level::check(&doc.level, file, diagnostics) else {
            broken.insert(doc.id.get_ref().clone());
            continue;
        };
        if doc.sectors.get_ref().is_empty() {
            diagnostics.push(
                Diagnostic::new(&codes::NO_SECTOR, file, Some(doc.sectors.span()), format!("the position `{}` has no sector", doc.id.get_ref()))
                    .with_hint("List at least one sector, e.g. sectors = [\"construction\"]; use \"general\" for school stages."),
            );
            broken.insert(doc.id.get_ref().clone());
            continue;
        }
        let kind = doc.kind;
        let salary = lints::salary::check(
            (doc.salary.as_ref(), doc.pay_not_confirmed.as_ref()),
            kind,
            &doc.id,
            file,
            diagnostics,
        );
        let links = lints::links::check(&doc.links, file, diagnostics);
        let last_start = doc.last_start.as_ref().map(|y| *y.get_ref());
        open.push(lints::dates::check_open(
            doc.first_start.as_ref(),
            doc.last_start.as_ref(),
            file,
            diagnostics,
        ));
        requires.push((file, std::mem::take(&mut doc.requires)));
        defined_at.push((file, doc.id.span()));
        positions.push(Position {
            id: doc.id.into_inner(),
            // One space between words, as label lines are cut from it
            // again at the spaces they broke at (`layout::wire`).
            title: doc.title.split_whitespace().collect::<Vec<_>>().join(" "),
            kind,
            level,
            sectors: doc.sectors.into_inner(),
            description: doc.description.trim().to_owned(),
            entry_requirements: doc.entry_requirements,
            duration: doc.duration,
            typical_years: doc.typical_years,
            salary,
            pay_not_confirmed: doc.pay_not_confirmed.map(|why| why.trim().to_owned()),
            links,
            withdrawn: doc.withdrawn,
            requires: Vec::new(),
            last_start,
        });
    }
    Positions {
        positions,
        defined_at,
        requires,
        open,
    }
}

/// Reports a broken invariant the checks should have caught, and keeps an
/// empty map rather than panic.
fn internal_error(
    files: &SourceFiles,
    error: &crate::journey::NetworkError,
    diagnostics: &mut Vec<Diagnostic>,
) -> Network {
    if let Some((id, _)) = files.iter().next() {
        diagnostics.push(Diagnostic::new(
            &codes::INTERNAL,
            id,
            None,
            format!("internal error: {error}"),
        ));
    }
    Network::default()
}

#[cfg(test)]
pub(crate) mod tests;
