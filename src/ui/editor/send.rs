//! Sending the journey: the file as `tubemap check` will see it, to copy,
//! download, or open as a pull request.

use super::Editor;
use crate::diagnostic::Severity;
use crate::draft::{file_name, journey_id, pull_request_url};
use leptos::prelude::*;

/// The repository pull requests go to: `repository` in Cargo.toml.
const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

#[component]
pub(super) fn Send() -> impl IntoView {
    let editor = crate::ui::shared::<Editor>();
    let text = move || editor.checked.with(|(w, _)| w.text.clone());
    let path = move || {
        let draft = editor.draft.get();
        editor
            .shipped
            .with_value(|s| file_name(&draft, &journey_id(&draft.name, &s.network)))
    };
    let errors = move || {
        editor
            .checked
            .with(|(_, p)| p.iter().filter(|p| p.severity == Severity::Error).count())
    };
    let status = move || match errors() {
        0 => "Ready to send: the check finds no problems.".to_owned(),
        1 => "1 problem to fix before you send it.".to_owned(),
        n => format!("{n} problems to fix before you send it."),
    };
    let hidden_problems = move || errors() != 0 && !editor.attention.with(|a| a.all);
    let copied = RwSignal::new(false);
    let copy = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().clipboard().write_text(&text());
            copied.set(true);
        }
    };
    let download = move |_| {
        let name = path();
        let name = name.rsplit('/').next().unwrap_or("journey.toml").to_owned();
        super::super::my_journey::download_text(&name, &text());
    };
    let pull_request =
        move || (errors() == 0).then(|| pull_request_url(REPOSITORY, &path(), &text()));
    view! {
        <section class="editor-section send" aria-labelledby="send-title">
            <h2 id="send-title">"Send it"</h2>
            <p class="send-status" role="status" class:is-ready=move || errors() == 0>{status}</p>
            <Show when=hidden_problems>
                <button type="button" class="chip-button" on:click=move |_| editor.attention.update(|a| a.all = true)>
                    "Show every problem"
                </button>
            </Show>
            <p class="help">"The file "<code>{path}</code>", exactly as the check will read it:"</p>
            <pre class="draft-file" tabindex="0" aria-label="Your journey file">{text}</pre>
            <div class="send-actions">
                <button type="button" class="chip-button" on:click=copy>
                    {move || if copied.get() { "Copied" } else { "Copy" }}
                </button>
                <button type="button" class="chip-button" on:click=download>"Download"</button>
                {move || match pull_request() {
                    Some(href) => view! {
                        <a class="chip-button" href=href target="_blank" rel="noopener noreferrer">
                            "Open a pull request"
                        </a>
                    }.into_any(),
                    None => view! {
                        <span class="chip-button is-disabled" aria-disabled="true">"Open a pull request (fix the problems first)"</span>
                    }.into_any(),
                }}
            </div>
            <p class="help">
                "Nothing leaves this device until you copy, download or open the pull request. The draft is kept in this browser so a reload keeps it."
            </p>
        </section>
    }
}
