//! The journey's own fields: who, what, the story, and where it comes from.

use super::Editor;
use crate::diagnostic::Severity;
use crate::draft::{Draft, Field, SourceField};
use leptos::prelude::*;

/// The problems about one field, in the validator's words with its hint;
/// its id is what the field's `aria-describedby` names.
#[component]
pub(super) fn Problems(field: Field) -> impl IntoView {
    let editor = crate::ui::shared::<Editor>();
    view! {
        <ul class="field-problems" id=format!("{}-problems", field.key())>
            {move || {
                editor
                    .problems(field)
                    .into_iter()
                    .map(|p| {
                        let warning = p.severity == Severity::Warning;
                        view! {
                            <li class:is-warning=warning>
                                <strong>{if warning { "Check: " } else { "Fix: " }}</strong>
                                {p.message}
                                {p.hint.map(|hint| view! { <span class="hint">{format!(" {hint}")}</span> })}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

/// One text field bound to a part of the draft.
#[component]
fn TextField(
    field: Field,
    label: &'static str,
    #[prop(optional)] help: &'static str,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] numeric: bool,
    get: fn(&Draft) -> &String,
    set: fn(&mut Draft, String),
) -> impl IntoView {
    let editor = crate::ui::shared::<Editor>();
    let id = field.key();
    let described = format!("{id}-help {id}-problems");
    let value = move || editor.draft.with(|d| get(d).clone());
    let invalid = move || (!editor.problems(field).is_empty()).to_string();
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        editor.edit(field, |d| set(d, text));
    };
    let input = if multiline {
        view! {
            <textarea id=id.clone() rows="5" aria-describedby=described aria-invalid=invalid
                prop:value=value on:input=on_input></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type="text" inputmode=if numeric { "decimal" } else { "text" }
                aria-describedby=described aria-invalid=invalid prop:value=value on:input=on_input />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <p class="help" id=format!("{id}-help")>{help}</p>
            {input}
            <Problems field=field />
        </div>
    }
}

/// Name, headline, sector, year started and story.
#[component]
pub(super) fn AboutFields() -> impl IntoView {
    let editor = crate::ui::shared::<Editor>();
    let sector = move || editor.draft.with(|d| d.sector.clone());
    view! {
        <fieldset class="editor-section">
            <legend>"About the journey"</legend>
            <TextField field=Field::Name label="First name"
                help="A first name only, or a made-up one for an example."
                get=|d| &d.name set=|d, v| d.name = v />
            <TextField field=Field::Headline label="Headline"
                help="One line: where it started and where it is now, such as “From GCSEs to site manager”."
                get=|d| &d.headline set=|d, v| d.headline = v />
            <div class="field">
                <label for="sector">"Sector"</label>
                <p class="help" id="sector-help">"The sector the journey ends in."</p>
                <select id="sector" aria-describedby="sector-help sector-problems"
                    prop:value=sector
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        editor.edit(Field::Sector, |d| d.sector = v);
                    }>
                    <option value="">"Choose a sector"</option>
                    <option value="construction">"Construction"</option>
                    <option value="digital">"Digital"</option>
                    <option value="general">"General"</option>
                </select>
                <Problems field=Field::Sector />
            </div>
            <TextField field=Field::Started label="Year the first step began" numeric=true
                help="Such as 2019. The check uses it to see that the dates add up."
                get=|d| &d.started set=|d, v| d.started = v />
            <TextField field=Field::Story label="Story" multiline=true
                help="Two to four sentences in your own words. For a published story, summarise it: never copy its sentences."
                get=|d| &d.story set=|d, v| d.story = v />
        </fieldset>
    }
}

/// Where the journey comes from: a published story (with its link), the
/// person's own story (with their consent) or an example the editors wrote.
#[component]
pub(super) fn SourceFields() -> impl IntoView {
    let editor = crate::ui::shared::<Editor>();
    let kind = move || editor.draft.with(|d| d.source.kind.clone());
    let field = Field::Source(SourceField::Kind);
    let choose = move |value: &'static str| {
        move |_| editor.edit(field, |d| d.source.kind = value.to_owned())
    };
    view! {
        <fieldset class="editor-section" id=field.key() aria-describedby=format!("{}-problems", field.key())>
            <legend>"Where it comes from"</legend>
            <label class="choice">
                <input type="radio" name="source-kind" value="published"
                    prop:checked=move || kind() == "published" on:change=choose("published") />
                "A real person’s story, published on a web page (give its link)"
            </label>
            <label class="choice">
                <input type="radio" name="source-kind" value="own"
                    prop:checked=move || kind() == "own" on:change=choose("own") />
                "My own story, or one told with the person who lived it"
            </label>
            <label class="choice">
                <input type="radio" name="source-kind" value="example"
                    prop:checked=move || kind() == "example" on:change=choose("example") />
                "An example, written to show a route (the map labels it “Example journey”)"
            </label>
            <Problems field=field />
            <Show when=move || kind() == "own">
                <ConsentField />
            </Show>
            <Show when=move || kind() == "published">
                <TextField field=Field::Source(SourceField::Title) label="Page title"
                    get=|d| &d.source.title set=|d, v| d.source.title = v />
                <TextField field=Field::Source(SourceField::Publisher) label="Published by"
                    help="Such as CITB or a college."
                    get=|d| &d.source.publisher set=|d, v| d.source.publisher = v />
                <TextField field=Field::Source(SourceField::Url) label="Link (https)"
                    get=|d| &d.source.url set=|d, v| d.source.url = v />
                <TextField field=Field::Source(SourceField::Year) label="Year published" numeric=true
                    get=|d| &d.source.year set=|d, v| d.source.year = v />
            </Show>
        </fieldset>
    }
}

/// The agreement an own story is published with. Everything sent is
/// public, so the page says what to leave out before anyone agrees.
#[component]
fn ConsentField() -> impl IntoView {
    let editor = crate::ui::shared::<Editor>();
    let field = Field::Source(SourceField::Consent);
    let id = field.key();
    let checked = move || editor.draft.with(|d| d.source.consent);
    view! {
        <div>
            <p class="help" id=format!("{id}-help")>
                "The map and the pull request are public. Use a first name only, and leave out your school, address and anything else that says where to find you."
            </p>
            <label class="choice">
                <input type="checkbox" id=id.clone() aria-describedby=format!("{id}-help {id}-problems")
                    prop:checked=checked
                    on:change=move |ev| {
                        let agreed = event_target_checked(&ev);
                        editor.edit(field, |d| d.source.consent = agreed);
                    } />
                "The person whose journey this is agrees to their first name and story being published. If they are under 18, a parent or carer agrees too."
            </label>
            <Problems field=field />
        </div>
    }
}
