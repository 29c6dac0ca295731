//! The "My journey" panel: badges, the goal and the route to it, export,
//! import and share. The marks themselves are `progress_state`.

use super::data::Shared;
use super::progress_state::MyJourney;
use crate::progress::Progress;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Badges, goal, route to it, export, import and share.
#[component]
pub fn MyJourneyPanel() -> impl IntoView {
    let data = super::map_context().data;
    let state = super::map_context().state;
    let my = super::map_context().my;
    // The shared data, not a copy of the network: closures clone the Arc.
    let network = data.clone();
    let badges = {
        let network = network.clone();
        move || {
            my.shown()
                .badges(network.network())
                .into_iter()
                .map(|badge| {
                    view! {
                        <li class="badge">
                            <span class="badge-mark" aria-hidden="true">{badge.mark}</span>
                            <span><strong>{badge.title.clone()}</strong><span class="muted">{format!(" · {}", badge.meaning)}</span></span>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let goal = {
        let network = network.clone();
        move || {
            my.shown()
                .goal
                .map(|g| network.network().position(g).title.clone())
        }
    };
    let route_to_goal = {
        let network = network.clone();
        move |_| {
            let progress = my.shown();
            if let (Some(from), Some(to)) = (progress.furthest(network.network()), progress.goal) {
                state.route.set_from(Some(from));
                state.route.set_to(Some(to));
            }
        }
    };
    let link = {
        let network = network.clone();
        move || share_link(&network, my)
    };
    let export = {
        let network = network.clone();
        move |_| {
            download_text(
                "my-career-journey.txt",
                &my.mine.with(|p| p.to_text(network.network())),
            )
        }
    };
    let import = {
        let network = network.clone();
        move |ev: web_sys::Event| import_file(network.clone(), my, ev)
    };
    let leave_shared = move |_| {
        my.shared.set(None);
        state.shared_link.set(None);
    };
    view! {
        <section class="panel my-journey" aria-labelledby="my-journey-title">
            <h2 id="my-journey-title">{move || if my.read_only() { "A shared journey" } else { "My journey" }}</h2>
            {move || my.notice.get().map(|n| view! { <p class="notice" role="status">{n}</p> })}
            {move || my.read_only().then(|| view! {
                <p>"You are looking at someone's shared journey. It is read-only."</p>
                <button type="button" class="chip-button" on:click=leave_shared>"Back to my own journey"</button>
            })}
            {move || my.with_shown(Progress::is_empty).then(|| view! {
                <p class="muted">"Open a station and choose “I've done this” or “This is my goal”. It stays on this device only."</p>
            })}
            <ul class="plain badges" aria-label="Badges earned">{badges}</ul>
            {move || goal().map(|g| view! { <p class="goal"><strong>"Goal: "</strong>{g}</p> })}
            {move || (my.with_shown(|p| p.goal.is_some() && !p.done().is_empty())).then(|| view! {
                <button type="button" class="chip-button" on:click=route_to_goal.clone()>"Show my route to my goal"</button>
            })}
            {move || (!my.read_only() && !my.mine.with(Progress::is_empty)).then(|| view! {
                <div class="share">
                    <label for="share-link">"Share (read-only link)"</label>
                    <input id="share-link" type="text" readonly prop:value=link.clone() />
                    <button type="button" class="chip-button" on:click=export.clone()>"Save to a file"</button>
                </div>
            })}
            {move || (!my.read_only()).then(|| view! {
                <label class="file-label" for="import-journey">"Load a saved file"</label>
                <input id="import-journey" type="file" accept=".txt,text/plain" on:change=import.clone() />
            })}
        </section>
    }
}

/// The read-only link to the journey marked on this device.
fn share_link(data: &Shared, my: MyJourney) -> String {
    let location = web_sys::window().map(|w| w.location());
    let base = location
        .and_then(|l| Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?)))
        .unwrap_or_default();
    format!(
        "{base}?mine={}",
        my.mine.with(|p| p.to_link(data.network()))
    )
}

/// Reads the file chosen in the import button, replacing the marks, and
/// says whether it worked.
fn import_file(data: Shared, my: MyJourney, ev: web_sys::Event) {
    let Some(file) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .and_then(|files| files.get(0))
    else {
        return;
    };
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        match Progress::from_text(data.network(), &text) {
            Ok((progress, _)) => {
                my.mine.set(progress);
                my.notice.set(Some("Your journey was imported.".to_owned()));
            }
            Err(error) => my
                .notice
                .set(Some(format!("That file could not be imported: {error}."))),
        }
    });
}

/// Offers `text` as a file download.
pub(super) fn download_text(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/plain");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let anchor = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(anchor) = anchor {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
