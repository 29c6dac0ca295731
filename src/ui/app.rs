use super::data::{self, Shared, Words};
use super::journey_panel::JourneyPanel;
use super::legend::Legend;
use super::map::TubeMap;
use super::my_journey::MyJourneyPanel;
use super::plan::planned_routes;
use super::present::Presenter;
use super::progress_state::load_my_journey;
use super::route_panel::RoutePlanner;
use super::search_box::SearchBox;
use super::state::{MapState, sync_with_url};
use super::station_panel::StationPanel;
use leptos::prelude::*;

/// The whole app: loads the map data, then shows the map, search, legend
/// and details. A failed load shows why instead of a blank page.
#[component]
pub fn App() -> impl IntoView {
    // A plain signal filled once by a spawned task: the download needs no
    // resource machinery (suspense, transitions), which keeps the bundle small.
    let loaded = RwSignal::new(None::<Result<Shared, String>>);
    leptos::task::spawn_local(async move { loaded.set(Some(data::load().await)) });
    view! {
        <div class="app">
            <header class="topbar">
                <h1 class="brand">"Careers Tube Map"</h1>
                <p class="tagline">"Careers in construction and digital: pick a station or a person."</p>
                <a class="add-journey" href="add/">"Add"<span class="add-long">" your journey"</span></a>
                <super::theme::ThemeSwitch />
            </header>
            {move || match loaded.get() {
                None => view! { <p class="notice" role="status">"Loading the map…"</p> }.into_any(),
                Some(Err(message)) => view! {
                    <div class="notice notice-error" role="alert">
                        <h2>"The map could not be shown"</h2>
                        <p>{message}</p>
                    </div>
                }.into_any(),
                Some(Ok(data)) => view! { <Explorer data=data /> }.into_any(),
            }}
        </div>
    }
}

/// The map with its controls, once the data is here.
#[component]
pub(super) fn Explorer(data: Shared) -> impl IntoView {
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let state = MapState::from_query(&data, &query);
    // A link to a station without a viewport opens with that station in
    // view (the map opens any other on the view that suits the screen).
    if let (Some(station), None) = (
        state.station.get_untracked(),
        state.viewport.get_untracked(),
    ) {
        state.fly_to(&data, station);
    }
    sync_with_url(data.clone(), state);
    let my = load_my_journey(&data, state.shared_link.get_untracked().as_deref());
    // The words (descriptions, stories) are fetched when first wanted: the
    // map itself never waits for them.
    let words = Words::new();
    provide_context(super::MapContext {
        data: data.clone(),
        state,
        planned: planned_routes(data.clone(), state),
        words,
        my,
    });
    Effect::new({
        let data = data.clone();
        move |_| {
            let reading = state.station.get().is_some()
                || state.person().is_some()
                || state.present.get().is_some();
            if reading {
                words.request(&data);
            }
        }
    });
    // Effects run after mounting: mark when the map is interactive, for the
    // browser timings benchmark (tests/benches/browser.rs).
    Effect::new(|_| {
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark("map-interactive");
        }
    });
    let data_for_side = data.clone();
    view! {
        <div class="explorer" class:is-presenting=move || state.present.get().is_some()>
            <section class="toolbar" aria-label="Find and filter">
                <SearchBox
                    name="station"
                    label="Find a station"
                    placeholder="Find a job or qualification…"
                    on_choose=Callback::new({
                        let data = data.clone();
                        move |position| state.fly_to(&data, position)
                    })
                />
                <SectorFilter />
            </section>
            <main class="stage" id="map">
                <TubeMap />
                <Presenter />
            </main>
            <aside class="side" aria-label="Details">
                {move || {
                    let data = data_for_side.clone();
                    if let Some(position) = state.station.get() {
                        view! { <StationPanel data=data position=position words=words.get() /> }.into_any()
                    } else if let Some(journey) = state.person() {
                        view! { <JourneyPanel data=data journey=journey words=words.get() /> }.into_any()
                    } else {
                        view! { <Welcome /> }.into_any()
                    }
                }}
                <MyJourneyPanel />
                <RoutePlanner />
                <Legend />
            </aside>
        </div>
    }
}

#[component]
fn Welcome() -> impl IntoView {
    view! {
        <section class="panel welcome" aria-labelledby="welcome-title">
            <h2 id="welcome-title">"Where could you go?"</h2>
            <p>"Each coloured line is a pathway, such as Onsite construction. Stations are school stages, qualifications, apprenticeships and jobs, by level from Entry (left) to Level 7 (right). Under People, see the trips people took; most are examples written by the editors."</p>
            <p>"Choose a station to see what it is, what it pays and where it leads."</p>
        </section>
    }
}

/// Shows one sector in full and dims the others, and "Busiest routes":
/// the map as a flow, width by people.
#[component]
fn SectorFilter() -> impl IntoView {
    use crate::journey::Sector;
    let state = super::map_context().state;
    let options = [
        (None, "All sectors"),
        (Some(Sector::Construction), "Construction"),
        (Some(Sector::Digital), "Digital and IT"),
    ];
    view! {
        <fieldset class="sector-filter">
            <legend>"Show"</legend>
            {options
                .into_iter()
                .map(|(sector, label)| {
                    view! {
                        <label class="chip">
                            <input
                                type="radio"
                                name="sector"
                                prop:checked=move || state.sector.get() == sector
                                on:change=move |_| state.sector.set(sector)
                            />
                            {label}
                        </label>
                    }
                })
                .collect_view()}
            // In the same row: on a phone the row scrolls sideways rather
            // than taking a second line from the map.
            <label class="chip">
                <input type="checkbox" prop:checked=move || state.flow.get() on:change=move |_| state.flow.update(|f| *f = !*f) />
                "Busiest routes"
            </label>
        </fieldset>
    }
}
