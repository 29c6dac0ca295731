//! A station the map does not have yet, proposed at one step: its title,
//! kind, level, sector, line and description, and for a job its pay. The
//! core writes it into the file ([`crate::draft::DraftPosition`]).

use super::Editor;
use super::fields::Problems;
use crate::draft::{DraftPosition, Field, ProposalField};
use leptos::prelude::*;

/// What a proposed station can be, as the file names it.
const KINDS: &[(&str, &str)] = &[
    ("qualification", "Qualification"),
    ("apprenticeship", "Apprenticeship"),
    ("t-level", "T Level"),
    ("degree", "Degree"),
    ("course", "Course"),
    ("job", "Job"),
    ("professional-membership", "Professional membership"),
    ("school-stage", "School stage"),
];

const LEVELS: &[(&str, &str)] = &[
    ("entry", "Entry level"),
    ("1", "Level 1"),
    ("2", "Level 2 (like GCSEs at 9 to 4)"),
    ("3", "Level 3 (like A levels)"),
    ("4", "Level 4 (like an HNC)"),
    ("5", "Level 5 (like an HND)"),
    ("6", "Level 6 (like a degree)"),
    ("7", "Level 7 (like a master’s)"),
    ("8", "Level 8 (like a doctorate)"),
];

const SECTORS: &[(&str, &str)] = &[
    ("construction", "Construction"),
    ("digital", "Digital"),
    ("general", "General"),
];

/// The proposed station of step `index`.
#[component]
pub(super) fn ProposalFields(index: usize) -> impl IntoView {
    let editor = crate::ui::shared::<Editor>();
    let lines: Vec<(String, String)> = editor.shipped.with_value(|s| {
        s.network
            .lines()
            .iter()
            .map(|l| (l.id.clone(), l.name.clone()))
            .collect()
    });
    let is_job = move || {
        editor.draft.with(|d| {
            d.steps
                .get(index)
                .and_then(|s| s.proposed.as_ref())
                .is_some_and(|p| p.kind == "job")
        })
    };
    let text = move |f, label, get, set| view! { <ProposalText index f label get set /> };
    let choice = move |f, label, options: Vec<(String, String)>, get, set| {
        view! { <ProposalChoice index f label options get set /> }
    };
    let owned = |options: &[(&str, &str)]| {
        options
            .iter()
            .map(|(v, t)| ((*v).to_owned(), (*t).to_owned()))
            .collect::<Vec<_>>()
    };
    view! {
        <div class="proposal">
            {text(ProposalField::Title, "Its official title", |p: &DraftPosition| &p.title, |p: &mut DraftPosition, v| p.title = v)}
            {choice(ProposalField::Kind, "What it is", owned(KINDS), |p: &DraftPosition| &p.kind, |p: &mut DraftPosition, v| p.kind = v)}
            {choice(ProposalField::Level, "Its level", owned(LEVELS), |p: &DraftPosition| &p.level, |p: &mut DraftPosition, v| p.level = v)}
            {choice(ProposalField::Sector, "Its sector", owned(SECTORS), |p: &DraftPosition| &p.sector, |p: &mut DraftPosition, v| p.sector = v)}
            {choice(ProposalField::Line, "The line it goes on", lines, |p: &DraftPosition| &p.line, |p: &mut DraftPosition, v| p.line = v)}
            {text(ProposalField::Description, "What it is, in a sentence or two", |p: &DraftPosition| &p.description, |p: &mut DraftPosition, v| p.description = v)}
            <Show when=is_job>
                <p class="help">"Pay, from an official page such as the National Careers Service job profile:"</p>
                {text(ProposalField::SalaryMin, "Starting pay, £ a year", |p: &DraftPosition| &p.salary.min, |p: &mut DraftPosition, v| p.salary.min = v)}
                {text(ProposalField::SalaryMax, "Experienced pay, £ a year", |p: &DraftPosition| &p.salary.max, |p: &mut DraftPosition, v| p.salary.max = v)}
                {text(ProposalField::SalarySource, "Who published the figures", |p: &DraftPosition| &p.salary.source, |p: &mut DraftPosition, v| p.salary.source = v)}
                {text(ProposalField::SalaryUrl, "The page (https)", |p: &DraftPosition| &p.salary.url, |p: &mut DraftPosition, v| p.salary.url = v)}
                {text(ProposalField::SalaryYear, "The year the figures are for", |p: &DraftPosition| &p.salary.year, |p: &mut DraftPosition, v| p.salary.year = v)}
            </Show>
        </div>
    }
}

/// Changes the proposal of step `index` through `field`.
fn edit_proposal(
    editor: Editor,
    index: usize,
    field: ProposalField,
    change: impl FnOnce(&mut DraftPosition),
) {
    editor.edit(Field::Proposal(index, field), |d| {
        if let Some(p) = d.steps.get_mut(index).and_then(|s| s.proposed.as_mut()) {
            change(p);
        }
    });
}

fn value_of(editor: Editor, index: usize, get: fn(&DraftPosition) -> &String) -> String {
    editor.draft.with(|d| {
        d.steps
            .get(index)
            .and_then(|s| s.proposed.as_ref())
            .map(|p| get(p).clone())
            .unwrap_or_default()
    })
}

#[component]
fn ProposalText(
    index: usize,
    f: ProposalField,
    label: &'static str,
    get: fn(&DraftPosition) -> &String,
    set: fn(&mut DraftPosition, String),
) -> impl IntoView {
    let editor = crate::ui::shared::<Editor>();
    let field = Field::Proposal(index, f);
    let id = field.key();
    let invalid = move || (!editor.problems(field).is_empty()).to_string();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id.clone() type="text" aria-describedby=format!("{id}-problems") aria-invalid=invalid
                prop:value=move || value_of(editor, index, get)
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    edit_proposal(editor, index, f, |p| set(p, v));
                } />
            <Problems field=field />
        </div>
    }
}

#[component]
fn ProposalChoice(
    index: usize,
    f: ProposalField,
    label: &'static str,
    options: Vec<(String, String)>,
    get: fn(&DraftPosition) -> &String,
    set: fn(&mut DraftPosition, String),
) -> impl IntoView {
    let editor = crate::ui::shared::<Editor>();
    let field = Field::Proposal(index, f);
    let id = field.key();
    let invalid = move || (!editor.problems(field).is_empty()).to_string();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id.clone() aria-describedby=format!("{id}-problems") aria-invalid=invalid
                prop:value=move || value_of(editor, index, get)
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    edit_proposal(editor, index, f, |p| set(p, v));
                }>
                <option value="">"Choose one"</option>
                {options.into_iter().map(|(value, text)| view! { <option value=value>{text}</option> }).collect_view()}
            </select>
            <Problems field=field />
        </div>
    }
}
