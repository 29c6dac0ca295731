//! The compact form of the map shipped to the browser: the checked network
//! and its layout, encoded with postcard.
//!
//! Journeys are parsed, checked and laid out at build time (`tubemap
//! export`), so the browser needs neither the TOML parser nor the layout
//! passes: it decodes this and draws.

use crate::journey::Network;
use crate::layout::MapLayout;
use serde::{Deserialize, Serialize};

/// Bumped whenever the encoded shape changes, so a stale cached bundle is
/// refused with a clear message instead of misread.
pub const FORMAT: u32 = 1;

/// Everything the app draws.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapBundle {
    /// [`FORMAT`] at the time of encoding.
    pub format: u32,
    /// Positions and journeys.
    pub network: Network,
    /// Where everything is drawn.
    pub layout: MapLayout,
}

/// Why a bundle could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    /// The bytes are not a bundle.
    #[error("the map data is damaged: {0}")]
    Corrupt(#[from] postcard::Error),
    /// Written by another version of the app.
    #[error("the map data is format {found}, this app reads format {expected}: reload the page")]
    Version {
        /// The format found.
        found: u32,
        /// The format this build reads.
        expected: u32,
    },
    /// The layout does not match the network.
    #[error(
        "the map data is inconsistent: {stations} stations and {lines} lines drawn for {positions} positions and {journeys} journeys"
    )]
    Mismatch {
        /// Stations in the layout.
        stations: usize,
        /// Lines in the layout.
        lines: usize,
        /// Positions in the network.
        positions: usize,
        /// Journeys in the network.
        journeys: usize,
    },
}

impl MapBundle {
    /// Bundles a network with its layout.
    pub fn new(network: Network, layout: MapLayout) -> MapBundle {
        MapBundle {
            format: FORMAT,
            network,
            layout,
        }
    }

    /// Encodes the bundle.
    pub fn encode(&self) -> Result<Vec<u8>, BundleError> {
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
        let bundle: MapBundle = postcard::from_bytes(bytes)?;
        let (stations, lines) = (bundle.layout.stations.len(), bundle.layout.lines.len());
        let (positions, journeys) = (
            bundle.network.positions().len(),
            bundle.network.journeys().len(),
        );
        if stations != positions || lines != journeys || bundle.layout.labels.len() != positions {
            return Err(BundleError::Mismatch {
                stations,
                lines,
                positions,
                journeys,
            });
        }
        Ok(bundle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::sample;
    use crate::network::CareerGraph;

    fn bundle() -> MapBundle {
        let network = sample::two_lines();
        let layout = crate::layout::layout(&network, &CareerGraph::new(&network));
        MapBundle::new(network, layout)
    }

    #[test]
    fn round_trips() {
        let bundle = bundle();
        let bytes = bundle.encode().unwrap();
        assert_eq!(MapBundle::decode(&bytes).unwrap(), bundle);
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
        bundle.layout.stations.pop();
        let inconsistent = bundle.encode().unwrap();
        assert!(matches!(
            MapBundle::decode(&inconsistent),
            Err(BundleError::Mismatch { .. })
        ));
    }
}
