//! `tubemap`: the content tool. `check` validates journey files; `schema`
//! prints the JSON Schema that editors use for completion.

use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use tubemap::diagnostic::{Style, render_human, render_json};
use tubemap::source;

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
    /// Print the JSON Schema of journey files.
    Schema,
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
        Command::Schema => {
            print!("{}", source::document::json_schema());
            ExitCode::SUCCESS
        }
    }
}

fn check(paths: &[PathBuf], format: Format) -> ExitCode {
    let loaded = source::load_paths(paths);
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
                    "checked {} file(s): {} position(s), {} journey(s); {} error(s), {} warning(s)",
                    loaded.files.len(),
                    network.positions().len(),
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
