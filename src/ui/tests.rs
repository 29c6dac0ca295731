//! Component tests, run in headless Chromium by wasm-bindgen-test
//! (`cargo test --target wasm32-unknown-unknown --no-default-features --lib`).

use super::app::{App, Explorer};
use super::data::MapData;
use crate::bundle::MapBundle;
use crate::graph::CareerGraph;
use crate::journey::sample;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const HOSTILE_TITLE: &str = "<img src=x onerror=\"window.pwned=1\">Bricklayer & co";
const HOSTILE_STORY: &str = "<script>window.pwned=2</script>I build <b>walls</b>.";

async fn tick(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// A fresh element to mount into, and the URL set to `query`.
fn stage(query: &str) -> web_sys::HtmlElement {
    let window = web_sys::window().expect("window");
    let path = window.location().pathname().unwrap_or_default();
    let _ = window.history().expect("history").replace_state_with_url(
        &wasm_bindgen::JsValue::NULL,
        "",
        Some(&format!("{path}{query}")),
    );
    let host: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("div")
        .dyn_into()
        .expect("html element");
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    host
}

fn hostile_data() -> Arc<MapData> {
    let mut network_parts = sample::two_lines();
    let mut positions = network_parts.positions().to_vec();
    let mut journeys = network_parts.journeys().to_vec();
    positions[1].title = HOSTILE_TITLE.into();
    journeys[0].story = HOSTILE_STORY.into();
    journeys[0].source = crate::journey::Source::Own;
    network_parts = crate::journey::sample::one_line_per_journey(positions, journeys);
    let layout = crate::layout::layout(&CareerGraph::new(network_parts.clone()));
    Arc::new(MapData::new(
        MapBundle::new(network_parts, layout),
        Vec::new(),
    ))
}

#[wasm_bindgen_test]
async fn journey_text_is_rendered_as_text_never_as_markup() {
    let host = stage("?station=bricklayer&person=amara");
    let data = hostile_data();
    let handle = leptos::mount::mount_to(
        host.clone(),
        move || view! { <Explorer data=data.clone() /> },
    );
    tick(50).await;
    assert_eq!(
        host.query_selector_all("img, script, b")
            .map(|l| l.length())
            .unwrap_or(99),
        0,
        "markup from journey text reached the DOM"
    );
    let title = host
        .query_selector("#station-title")
        .ok()
        .flatten()
        .and_then(|e| e.text_content());
    assert_eq!(title.as_deref(), Some(HOSTILE_TITLE));
    let pwned =
        js_sys::Reflect::get(&web_sys::window().expect("window"), &"pwned".into()).expect("get");
    assert!(pwned.is_undefined());
    // The station's accessible name carries the literal text too.
    let label = host
        .query_selector(".station[data-position=\"1\"]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("aria-label"));
    assert!(label.is_some_and(|l| l.starts_with(HOSTILE_TITLE)));
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn the_story_shows_when_a_person_is_chosen_and_stations_dim() {
    let host = stage("?person=amara");
    let data = hostile_data();
    let handle = leptos::mount::mount_to(
        host.clone(),
        move || view! { <Explorer data=data.clone() /> },
    );
    tick(50).await;
    let story = host
        .query_selector(".journey-panel .story")
        .ok()
        .flatten()
        .and_then(|e| e.text_content());
    assert_eq!(story.as_deref(), Some(HOSTILE_STORY));
    // Amara's is an own story: said as such, neither example nor page.
    let eyebrow = host
        .query_selector(".journey-panel .eyebrow")
        .ok()
        .flatten()
        .and_then(|e| e.text_content());
    assert_eq!(
        eyebrow.as_deref(),
        Some("Their own story, shared with their consent")
    );
    assert!(
        host.query_selector(".journey-panel .source")
            .ok()
            .flatten()
            .is_none()
    );
    let lit = host
        .query_selector_all(".station.is-lit")
        .map(|l| l.length())
        .unwrap_or(0);
    assert_eq!(lit, 3, "amara's three stations stay bright");
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_failed_load_explains_itself_instead_of_a_blank_page() {
    // The test server has no map-data.bin, so the download fails.
    let host = stage("");
    let handle = leptos::mount::mount_to(host.clone(), App);
    let mut alert = None;
    for _ in 0..40 {
        tick(50).await;
        alert = host.query_selector("[role=alert]").ok().flatten();
        if alert.is_some() {
            break;
        }
    }
    let text = alert.and_then(|a| a.text_content()).unwrap_or_default();
    assert!(text.contains("could not be downloaded"), "{text}");
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_station_opens_at_once_and_says_why_when_its_details_cannot_be_had() {
    // The map without its words; the test server has no map-details.bin.
    let network = sample::two_lines();
    let layout = crate::layout::layout(&CareerGraph::new(network.clone()));
    let (map, _) = MapBundle::new(network.clone(), layout)
        .split()
        .expect("splits");
    let data = Arc::new(MapData::new(MapBundle::decode(&map).expect("decodes"), map));
    let host = stage("?station=bricklayer");
    let handle = leptos::mount::mount_to(
        host.clone(),
        move || view! { <Explorer data=data.clone() /> },
    );
    tick(20).await;
    let text = |selector: &str| {
        host.query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
    };
    let bricklayer = network
        .positions()
        .iter()
        .find(|p| p.id == "bricklayer")
        .expect("sample has a bricklayer");
    assert_eq!(
        text("#station-title").as_deref(),
        Some(bricklayer.title.as_str())
    );
    let mut alert = None;
    for _ in 0..40 {
        alert = text(".station-panel [role=alert]");
        if alert.is_some() {
            break;
        }
        tick(50).await;
    }
    let alert = alert.unwrap_or_default();
    assert!(
        alert.contains("station details could not be downloaded"),
        "{alert}"
    );
    // The map and the panel's own facts stay: title, level, journeys.
    assert!(text(".station-panel .level").is_some_and(|l| l.contains("Level")));
    assert!(
        host.query_selector(".station-panel .line-button")
            .ok()
            .flatten()
            .is_some()
    );
    drop(handle);
    host.remove();
}
