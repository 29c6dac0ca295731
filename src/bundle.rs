//! The compact form of the map shipped to the browser: the checked network
//! and its layout, encoded with postcard.
//!
//! Journeys are parsed, checked and laid out at build time (`tubemap
//! export`), so the browser needs neither the TOML parser nor the layout
//! passes: it decodes this and draws. The words (descriptions, pay, links,
//! stories, notes) travel in a second file, [`MapBundle::split`], which the
//! app fetches when a panel first opens: the first load stays small.

use crate::journey::{Details, DetailsMismatch, LineIndex, Network, PositionIndex};
use crate::layout::MapLayout;
use serde::{Deserialize, Serialize};

/// Bumped whenever the encoded shape changes, so a stale cached bundle is
/// refused with a clear message instead of misread.
pub const FORMAT: u32 = 17;

/// The map file's name, next to `index.html`: the app fetches it on
/// start, and Trunk's hook has `tubemap export` write it.
pub const MAP_FILE: &str = "map-data.bin";
/// The words' file (`MapBundle::split`): `tubemap export` writes it next to
/// the map file, and the app fetches it when a panel first needs words.
pub const DETAILS_FILE: &str = "map-details.bin";

/// Everything the app draws.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapBundle {
    /// [`FORMAT`] at the time of encoding.
    pub format: u32,
    /// Positions and journeys.
    pub network: Network,
    /// Where everything is drawn.
    pub layout: MapLayout,
    /// A checksum of the details file written with this bundle, so words
    /// from another build are refused rather than shown against the wrong
    /// stations; `None` when the network still holds its words.
    pub details_check: Option<u32>,
}

/// Why a bundle could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    /// The bytes are not a bundle. Postcard's own words stay in the
    /// error's source, not in the sentence a pupil reads.
    #[error("the map data is damaged: reload the page")]
    Corrupt(#[from] postcard::Error),
    /// Written by another version of the app.
    #[error("the map data is format {found}, this app reads format {expected}: reload the page")]
    Version {
        /// The format found.
        found: u32,
        /// The format this build reads.
        expected: u32,
    },
    /// The details file is from another build than the map.
    #[error("the map's details are from another version of the map: reload the page")]
    StaleDetails,
    /// The details do not fit the network.
    #[error(transparent)]
    DetailsMismatch(#[from] DetailsMismatch),
    /// The layout does not match the network.
    #[error(
        "the map data is inconsistent: {stations} stations and {lines} runs of line drawn for {positions} positions and {runs} runs of line"
    )]
    Mismatch {
        /// Stations in the layout.
        stations: usize,
        /// Runs of line drawn in the layout.
        lines: usize,
        /// Positions in the network.
        positions: usize,
        /// Runs of line (trunks and branches) in the network.
        runs: usize,
    },
}

impl MapBundle {
    /// Bundles a network, words and all, with its layout.
    pub fn new(network: Network, layout: MapLayout) -> MapBundle {
        MapBundle {
            format: FORMAT,
            network,
            layout,
            details_check: None,
        }
    }

    /// The two files the app loads: this bundle without the words, to draw
    /// at once, and the words, for panels ([`MapBundle::with_details`]).
    pub fn split(mut self) -> Result<(Vec<u8>, Vec<u8>), BundleError> {
        // No format number of its own: the checksum below ties this file
        // to the map file, whose format is checked.
        let details = postcard::to_allocvec(&self.network.take_details())?;
        self.details_check = Some(checksum(&details));
        Ok((self.encode()?, details))
    }

    /// The network with its words, from the details file written with this
    /// bundle by [`MapBundle::split`].
    pub fn with_details(self, bytes: &[u8]) -> Result<Network, BundleError> {
        if self.details_check != Some(checksum(bytes)) {
            return Err(BundleError::StaleDetails);
        }
        let details: Details = postcard::from_bytes(bytes)?;
        Ok(self.network.with_details(details)?)
    }

    /// Encodes the bundle: everything but the words, which the types leave
    /// out (`#[serde(skip)]` on each), so the map file can never carry them.
    fn encode(&self) -> Result<Vec<u8>, BundleError> {
        Ok(postcard::to_allocvec(self)?)
    }

    /// Decodes and checks a bundle.
    pub fn decode(bytes: &[u8]) -> Result<MapBundle, BundleError> {
        // The format number comes first, so it can be read even when the
        // rest is of another shape.
        let (found, _) = postcard::take_from_bytes::<u32>(bytes)?;
        if found != FORMAT {
            return Err(BundleError::Version {
                found,
                expected: FORMAT,
            });
        }
        let mut bundle: MapBundle = postcard::from_bytes(bytes)?;
        let (stations, lines) = (bundle.layout.stations.len(), bundle.layout.lines.len());
        let network = &bundle.network;
        let positions = network.positions().len();
        let runs: usize = network.lines().iter().map(|l| l.runs.len()).sum();
        if stations != positions
            || lines != runs
            || bundle.layout.labels.len() != positions
            || bundle.layout.connections.len() != network.connections().len()
        {
            return Err(BundleError::Mismatch {
                stations,
                lines,
                positions,
                runs,
            });
        }
        // What the map data leaves out because the network has it, or
        // because station and label i are position i, and runs are drawn
        // in the network's order: each line's trunk, then its branches.
        let network = &bundle.network;
        for (i, station) in bundle.layout.stations.iter_mut().enumerate() {
            station.position = PositionIndex(i as u32);
        }
        for (i, (label, position)) in bundle
            .layout
            .labels
            .iter_mut()
            .zip(network.positions())
            .enumerate()
        {
            label.position = PositionIndex(i as u32);
            label.cut_from_title(&position.title);
        }
        let mut paths = bundle.layout.lines.iter_mut();
        for (i, line) in network.lines().iter().enumerate() {
            for path in paths.by_ref().take(line.runs.len()) {
                (path.line, path.colour) = (LineIndex(i as u32), line.colour);
            }
        }
        for (path, c) in bundle
            .layout
            .connections
            .iter_mut()
            .zip(network.connections())
        {
            (path.from, path.to) = (c.from, c.to);
        }
        Ok(bundle)
    }
}

/// FNV-1a: a few lines for a check that needs no cryptography (the files
/// come from the same origin), where a hashing crate would add to the bundle.
/// 32 bits tell two builds apart as well as 64, and the map data carries
/// them on every first load: their bytes do not compress.
fn checksum(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash, &byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::CareerGraph;
    use crate::journey::sample;

    fn bundle() -> MapBundle {
        let network = sample::two_lines();
        let layout = crate::layout::layout(&CareerGraph::new(network.clone()));
        MapBundle::new(network, layout)
    }

    #[test]
    fn the_map_file_holds_everything_but_the_words() {
        let full = bundle();
        let (map, _) = full.clone().split().unwrap();
        let lean = MapBundle::decode(&map).unwrap();
        let mut without_words = full;
        without_words.network.take_details();
        without_words.details_check = lean.details_check;
        assert_eq!(lean, without_words);
    }

    /// Whether a network has none of its words: no description, headline
    /// or story.
    fn wordless(network: &Network) -> bool {
        network.positions().iter().all(|p| p.description.is_empty())
            && network
                .journeys()
                .iter()
                .all(|j| j.headline.is_empty() && j.story.is_empty())
    }

    #[test]
    fn the_words_travel_apart_and_come_back_whole() {
        let full = bundle();
        let (map, details) = full.clone().split().unwrap();
        let lean = MapBundle::decode(&map).unwrap();
        assert!(wordless(&lean.network));
        assert!(!wordless(&full.network));
        assert_eq!(lean.layout, full.layout);
        assert_eq!(lean.with_details(&details).unwrap(), full.network);
    }

    #[test]
    fn words_left_in_a_network_never_reach_the_map_file() {
        // Encoded as it is, words and all: the types drop the words.
        let full = bundle();
        let lean = MapBundle::decode(&full.encode().unwrap()).unwrap();
        assert!(wordless(&lean.network));
        assert_eq!(
            lean.network.positions().len(),
            full.network.positions().len()
        );
    }

    #[test]
    fn details_from_another_build_are_refused() {
        let (map, mut details) = bundle().split().unwrap();
        let lean = MapBundle::decode(&map).unwrap();
        let last = details.len() - 1;
        details[last] ^= 1;
        assert!(matches!(
            lean.clone().with_details(&details),
            Err(BundleError::StaleDetails)
        ));
        assert!(matches!(
            lean.with_details(&[]),
            Err(BundleError::StaleDetails)
        ));
    }

    #[test]
    fn refuses_damaged_stale_and_inconsistent_data() {
        let mut bundle = bundle();
        let bytes = bundle.encode().unwrap();
        assert!(matches!(
            MapBundle::decode(&bytes[..bytes.len() / 2]),
            Err(BundleError::Corrupt(_))
        ));
        assert!(matches!(
            MapBundle::decode(&[]),
            Err(BundleError::Corrupt(_))
        ));
        bundle.format = FORMAT + 1;
        let stale = bundle.encode().unwrap();
        assert!(matches!(
            MapBundle::decode(&stale),
            Err(BundleError::Version { .. })
        ));
        bundle.format = FORMAT;
        let mut one_run_short = bundle.clone();
        one_run_short.layout.lines.pop();
        let inconsistent = one_run_short.encode().unwrap();
        assert!(matches!(
            MapBundle::decode(&inconsistent),
            Err(BundleError::Mismatch { .. })
        ));
        bundle.layout.stations.pop();
        let inconsistent = bundle.encode().unwrap();
        assert!(matches!(
            MapBundle::decode(&inconsistent),
            Err(BundleError::Mismatch { .. })
        ));
    }
}
