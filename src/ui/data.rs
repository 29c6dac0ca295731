//! Downloading the map bundle built by `tubemap export`.

use crate::bundle::MapBundle;
use crate::network::CareerGraph;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The bundle's file name, next to index.html.
pub const BUNDLE_URL: &str = "map-data.bin";

/// What the app draws: the bundle and the graph built from it.
pub struct MapData {
    /// Network and layout.
    pub bundle: MapBundle,
    /// Next and previous steps, interchanges.
    pub graph: CareerGraph,
}

/// Shared, read-only map data.
pub type Shared = Arc<MapData>;

/// Downloads and decodes the bundle; the error is a sentence for people.
pub async fn load() -> Result<Shared, String> {
    let bytes = download(BUNDLE_URL).await?;
    let bundle = MapBundle::decode(&bytes).map_err(|e| e.to_string())?;
    let graph = CareerGraph::new(&bundle.network);
    Ok(Arc::new(MapData { bundle, graph }))
}

async fn download(url: &str) -> Result<Vec<u8>, String> {
    let failed = |what: &str| {
        format!("the map data could not be downloaded ({what}); check the connection and reload")
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
