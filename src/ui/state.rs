//! The app's reactive state, and keeping it in the URL.

use super::data::Shared;
use crate::journey::{JourneyIndex, LineIndex, PositionIndex, Sector};
use crate::map_view::{MapView, RouteView, Viewport};
use crate::route::Criterion;
use leptos::prelude::*;

/// What the user has chosen. Everything here is mirrored in the URL.
#[derive(Clone, Copy)]
pub struct MapState {
    /// The station whose details are open.
    pub station: RwSignal<Option<PositionIndex>>,
    /// The person whose trip is drawn over the dimmed map, and the line
    /// chosen in the legend (lit, with its line diagram open), as their
    /// indexes' numbers: read them with [`MapState::person`] and
    /// [`MapState::line`]. `usize`, like `present`: a signal of a new type
    /// would add its own reactive code to the bundle.
    person: RwSignal<Option<usize>>,
    line: RwSignal<Option<usize>>,
    /// Only this sector is shown in full.
    pub sector: RwSignal<Option<Sector>>,
    /// "Busiest routes": the map drawn as a flow, width by people.
    pub flow: RwSignal<bool>,
    /// Pan and zoom; `None` fits the whole map.
    pub viewport: RwSignal<Option<Viewport>>,
    /// The route being planned.
    pub route: RouteState,
    /// Presentation mode, at this step.
    pub present: RwSignal<Option<usize>>,
    /// A shared journey's text from the URL, kept so the link stays whole.
    pub shared_link: RwSignal<Option<String>>,
}

/// The route planner's choices.
#[derive(Clone, Copy)]
pub struct RouteState {
    /// Where the pupil starts.
    pub from: RwSignal<Option<PositionIndex>>,
    /// Where they want to get to.
    pub to: RwSignal<Option<PositionIndex>>,
    /// What "best" means.
    pub criterion: RwSignal<Criterion>,
    /// Earn while you learn: no degrees.
    pub no_university: RwSignal<bool>,
    /// The pupil's age now, for entry requirements. A `usize`, like
    /// `choice`: a signal of a new type would add its own reactive code to
    /// the bundle.
    pub age: RwSignal<usize>,
    /// Which route is shown: 0 is the best, then the alternatives.
    pub choice: RwSignal<usize>,
}

impl RouteState {
    /// Whether both ends are chosen.
    pub fn is_planned(&self) -> bool {
        self.from.get().is_some() && self.to.get().is_some()
    }

    // Each setter changes the question, so the answer starts again from its
    // best route.

    /// Where the route starts.
    pub fn set_from(&self, from: Option<PositionIndex>) {
        self.from.set(from);
        self.choice.set(0);
    }

    /// Where the route goes.
    pub fn set_to(&self, to: Option<PositionIndex>) {
        self.to.set(to);
        self.choice.set(0);
    }

    /// What "best" means.
    pub fn set_criterion(&self, criterion: Criterion) {
        self.criterion.set(criterion);
        self.choice.set(0);
    }

    /// Earn while you learn.
    pub fn set_no_university(&self, no_university: bool) {
        self.no_university.set(no_university);
        self.choice.set(0);
    }

    /// The pupil's age.
    pub fn set_age(&self, age: usize) {
        self.age.set(age);
        self.choice.set(0);
    }
}

impl MapState {
    /// The person whose trip is shown (tracked).
    pub fn person(&self) -> Option<JourneyIndex> {
        self.person.get().map(|j| JourneyIndex(j as u32))
    }

    /// The line chosen in the legend (tracked).
    pub fn line(&self) -> Option<LineIndex> {
        self.line.get().map(|l| LineIndex(l as u32))
    }

    /// Chooses a line, or none; a line and a person are never both shown.
    pub fn choose_line(&self, line: Option<LineIndex>) {
        self.station.set(None);
        self.person.set(None);
        self.line.set(line.map(LineIndex::get));
    }

    /// Chooses a person's journey, or none.
    pub fn choose_person(&self, person: Option<JourneyIndex>) {
        self.station.set(None);
        self.line.set(None);
        self.person.set(person.map(JourneyIndex::get));
    }

    /// Chooses `line` and brings all of it into view, or closes it if it
    /// is the one chosen.
    pub fn toggle_line(&self, data: &Shared, line: LineIndex) {
        let open = self.line.get_untracked() == Some(line.get());
        self.choose_line((!open).then_some(line));
        if !open {
            self.frame_line(data);
        }
    }

    /// Brings the chosen line, if any, wholly into view.
    fn frame_line(&self, data: &Shared) {
        let layout = &data.layout;
        let line = self.line.get_untracked().map(|l| LineIndex(l as u32));
        if let Some(area) = line.and_then(|l| layout.line_bounds(l)) {
            let view = Viewport::framing(layout.width, layout.height, area);
            self.viewport.set(Some(view));
        }
    }

    /// Chooses `person`, or closes their trip if it is the one shown.
    pub fn toggle_person(&self, person: JourneyIndex) {
        let open = self.person.get_untracked() == Some(person.get());
        self.choose_person((!open).then_some(person));
    }

    /// State restored from a URL query string.
    pub fn from_query(data: &Shared, query: &str) -> MapState {
        let state = MapState {
            station: RwSignal::new(None),
            person: RwSignal::new(None),
            line: RwSignal::new(None),
            sector: RwSignal::new(None),
            flow: RwSignal::new(false),
            viewport: RwSignal::new(None),
            route: RouteState {
                from: RwSignal::new(None),
                to: RwSignal::new(None),
                criterion: RwSignal::new(Criterion::default()),
                no_university: RwSignal::new(false),
                age: RwSignal::new(crate::route::DEFAULT_AGE.into()),
                choice: RwSignal::new(0),
            },
            present: RwSignal::new(None),
            shared_link: RwSignal::new(None),
        };
        state.apply(data, &MapView::from_query(query));
        state
    }

    /// Sets every signal from a view; unknown ids are dropped.
    pub fn apply(&self, data: &Shared, view: &MapView) {
        let network = data.network();
        self.station.set(
            view.station
                .as_deref()
                .and_then(|id| network.position_by_id(id)),
        );
        let line = view.line.as_deref().and_then(|id| network.line_by_id(id));
        self.line.set(line.map(LineIndex::get));
        // Links made before lines could be chosen name a person `line=`.
        let legacy = view.line.as_deref().filter(|_| line.is_none());
        self.person.set(
            view.person
                .as_deref()
                .or(legacy)
                .and_then(|id| network.journey_by_id(id))
                .map(JourneyIndex::get),
        );
        self.sector.set(view.sector);
        self.flow.set(view.flow);
        self.viewport.set(view.viewport);
        let route = &view.route;
        self.route.from.set(
            route
                .from
                .as_deref()
                .and_then(|id| network.position_by_id(id)),
        );
        self.route.to.set(
            route
                .to
                .as_deref()
                .and_then(|id| network.position_by_id(id)),
        );
        self.route.criterion.set(route.criterion);
        self.route.no_university.set(route.no_university);
        self.route.choice.set(route.choice);
        self.present.set(view.present);
        self.shared_link.set(view.shared_link.clone());
    }

    /// The current view, with ids, for the URL.
    pub fn map_view(&self, data: &Shared) -> MapView {
        let network = data.network();
        MapView {
            station: self.station.get().map(|p| network.position(p).id.clone()),
            line: self.line().map(|l| network.line(l).id.clone()),
            person: self.person().map(|j| network.journey(j).id.clone()),
            sector: self.sector.get(),
            flow: self.flow.get(),
            viewport: self.viewport.get(),
            route: RouteView {
                from: self
                    .route
                    .from
                    .get()
                    .map(|p| network.position(p).id.clone()),
                to: self.route.to.get().map(|p| network.position(p).id.clone()),
                criterion: self.route.criterion.get(),
                no_university: self.route.no_university.get(),
                choice: self.route.choice.get(),
            },
            present: self.present.get(),
            shared_link: self.shared_link.get(),
        }
    }

    /// Starts presenting from the first station, full screen if the
    /// browser allows it (it needs the click that called this).
    pub fn start_presenting(&self) {
        self.station.set(None);
        self.present.set(Some(0));
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.request_fullscreen();
        }
    }

    /// Opens on the view that suits this screen (`lod::first_view`), or on
    /// the whole line a link chose.
    pub fn open_first_view(&self, data: &Shared) {
        // A link to a line opens on the whole line.
        if self.line.get_untracked().is_some() {
            return self.frame_line(data);
        }
        let (w, h) = map_size();
        let layout = &data.layout;
        let first = crate::lod::first_view(layout, w.max(1.0), h.max(1.0));
        if first != Viewport::fit(layout.width, layout.height) {
            self.viewport.set(Some(first));
        }
    }

    /// Opens a station and brings it into view.
    pub fn fly_to(&self, data: &Shared, position: PositionIndex) {
        self.viewport.set(Some(self.open_near(data, position)));
    }

    /// Opens a station and returns the view centred on it, close enough to
    /// read its name and its neighbours' (never further out than now).
    pub fn open_near(&self, data: &Shared, position: PositionIndex) -> Viewport {
        let layout = &data.layout;
        let at = layout.stations[position.get()].at;
        let (w, h) = map_size();
        let current = self.viewport.get_untracked().map_or(1.0, |v| v.zoom);
        self.station.set(Some(position));
        Viewport {
            x: at.x,
            y: at.y,
            zoom: crate::lod::reading_zoom(layout, w, h, current),
        }
    }
}

/// Keeps the URL and the state in step: a choice pushes a history entry
/// (so Back undoes it), panning only replaces the current one, and Back or
/// Forward restore the state.
pub fn sync_with_url(data: Shared, state: MapState) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let data_for_effect = data.clone();
    let last_choice = StoredValue::new(choice_part(&state.map_view(&data)));
    Effect::new(move |_| {
        let view = state.map_view(&data_for_effect);
        let query = view.to_query();
        let Ok(current) = window.location().search() else {
            return;
        };
        if current.trim_start_matches('?') == query {
            return;
        }
        let url = if query.is_empty() {
            window.location().pathname().unwrap_or_default()
        } else {
            format!("?{query}")
        };
        let Ok(history) = window.history() else {
            return;
        };
        let choice = choice_part(&view);
        let result = if choice != last_choice.get_value() {
            last_choice.set_value(choice);
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
        // A refused history update only costs the deep link, never the map.
        let _ = result;
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let query = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let view = MapView::from_query(&query);
        last_choice.set_value(choice_part(&view));
        state.apply(&data, &view);
    });
    // The listener lives as long as the page.
    std::mem::forget(handle);
}

/// The part of a view that deserves its own history entry.
fn choice_part(view: &MapView) -> String {
    MapView {
        viewport: None,
        ..view.clone()
    }
    .to_query()
}

/// The map's size on screen, or a laptop's map when it is not drawn yet.
fn map_size() -> (f32, f32) {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".tube-map").ok().flatten())
        .map(|el| {
            let rect = el.get_bounding_client_rect();
            (rect.width() as f32, rect.height() as f32)
        })
        .filter(|&(w, h)| w > 0.0 && h > 0.0)
        .unwrap_or((950.0, 600.0))
}
