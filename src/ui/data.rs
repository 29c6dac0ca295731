//! Downloading the map bundle built by `tubemap export`.

use crate::bundle::MapBundle;
use crate::graph::CareerGraph;
use crate::journey::Network;
use crate::layout::MapLayout;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// What the app draws: the bundle's network as a graph, and its layout.
pub struct MapData {
    /// The network, with next and previous steps and interchanges.
    pub graph: CareerGraph,
    /// Where everything is drawn.
    pub layout: MapLayout,
    /// The bundle's check of its words' file (`MapBundle::details_check`).
    pub details_check: Option<u32>,
    /// The map data as downloaded: decoded again to take the words, so the
    /// network is never copied (a copy's code weighs more in the bundle
    /// than the bytes kept in memory).
    pub bytes: Vec<u8>,
}

impl MapData {
    /// The decoded `bundle`, downloaded as `bytes`.
    pub fn new(bundle: MapBundle, bytes: Vec<u8>) -> MapData {
        MapData {
            graph: CareerGraph::new(bundle.network),
            layout: bundle.layout,
            details_check: bundle.details_check,
            bytes,
        }
    }

    /// Positions, lines and journeys, without their words.
    pub fn network(&self) -> &Network {
        self.graph.network()
    }
}

/// Shared, read-only map data.
pub type Shared = Arc<MapData>;

/// What a downloaded network with its words looks like to the panels:
/// `None` while it is on its way, the reason if it could not be had, and
/// `Ok(None)` when the bundle's own network already has them.
pub type LoadedWords = Option<Result<Option<Arc<Network>>, String>>;

/// The network with its words once they have arrived: `None` while they
/// are on their way, when they could not be had, and when the map's own
/// network already holds them. Panels show `data.network()` meanwhile.
pub fn worded(words: &LoadedWords) -> Option<Arc<Network>> {
    words
        .as_ref()
        .and_then(|w| w.as_ref().ok())
        .cloned()
        .flatten()
}

/// The network with its words, fetched once, when a panel or presentation
/// first needs them; the map itself never waits for them.
#[derive(Clone, Copy)]
pub struct Words {
    loaded: RwSignal<LoadedWords>,
    asked: StoredValue<bool>,
}

impl Words {
    /// Nothing asked for yet.
    pub fn new() -> Words {
        Words {
            loaded: RwSignal::new(None),
            asked: StoredValue::new(false),
        }
    }

    /// Starts the download, the first time only. A bundle that still holds
    /// its words (as in component tests) needs none.
    pub fn request(&self, data: &Shared) {
        if self.asked.get_value() {
            return;
        }
        self.asked.set_value(true);
        if data.details_check.is_none() {
            self.loaded.set(Some(Ok(None)));
            return;
        }
        let (data, loaded) = (data.clone(), self.loaded);
        leptos::task::spawn_local(async move {
            let words = download(crate::bundle::DETAILS_FILE, "the station details")
                .await
                .and_then(|bytes| {
                    MapBundle::decode(&data.bytes)
                        .and_then(|bundle| bundle.with_details(&bytes))
                        .map(|network| Some(Arc::new(network)))
                        .map_err(|e| e.to_string())
                });
            loaded.set(Some(words));
        });
    }

    /// The words as they stand (tracked).
    pub fn get(&self) -> LoadedWords {
        self.loaded.get()
    }
}

/// Downloads and decodes the bundle; the error is a sentence for people.
pub async fn load() -> Result<Shared, String> {
    let bytes = download(crate::bundle::MAP_FILE, "the map data").await?;
    let bundle = MapBundle::decode(&bytes).map_err(|e| e.to_string())?;
    Ok(Arc::new(MapData::new(bundle, bytes)))
}

/// The file at `url`, or a sentence saying why not (`what` names it).
pub(super) async fn download(url: &str, what: &str) -> Result<Vec<u8>, String> {
    let failed = |why: &str| {
        format!("{what} could not be downloaded ({why}); check the connection and reload")
    };
    let window = web_sys::window().ok_or_else(|| failed("no window"))?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| failed("network error"))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| failed("unexpected response"))?;
    if !response.ok() {
        return Err(failed(&format!("HTTP {}", response.status())));
    }
    let buffer = response
        .array_buffer()
        .map_err(|_| failed("unreadable body"))?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| failed("unreadable body"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// "Loading details…" while the words are on their way, or why they could
/// not be had; nothing once they are here.
pub fn words_status(words: &LoadedWords) -> Option<AnyView> {
    match words {
        None => Some(view! { <p class="muted" role="status">"Loading details…"</p> }.into_any()),
        Some(Err(why)) => {
            Some(view! { <p class="notice notice-error" role="alert">{why.clone()}</p> }.into_any())
        }
        Some(Ok(_)) => None,
    }
}
