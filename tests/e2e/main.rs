//! End-to-end tests of the built site in a real headless Chromium.
//!
//! Run by `.ci/test` after `trunk build --release`; on their own:
//! `cargo test --features e2e --test e2e`.

mod editor;
mod legibility;
mod pocket;
mod support;

use fantoccini::Locator;
use fantoccini::key::Key;
use support::{Browser, content, dist, serve};

async fn open(width: u32, height: u32, query: &str) -> (Browser, String) {
    let base = serve(dist()).await;
    // Chromium's windows are at least 500 px wide: a phone's viewport needs
    // device emulation, or the "phone" is a 500 px window.
    let browser = Browser::start(width.max(500), height).await;
    if width < 500 {
        browser
            .cdp(
                "Emulation.setDeviceMetricsOverride",
                serde_json::json!({ "width": width, "height": height, "deviceScaleFactor": 2, "mobile": true }),
            )
            .await;
    }
    browser
        .client
        .goto(&format!("{base}{query}"))
        .await
        .expect("page opens");
    browser.wait_for(".tube-map .station").await;
    (browser, base)
}

fn index_of(id: &str) -> u32 {
    content()
        .position_by_id(id)
        .unwrap_or_else(|| panic!("no position {id}"))
        .0
}

/// Types into the search box `name` (station, from, to), waits for matches
/// and chooses the first with Enter, as a keyboard user would.
async fn search_and_choose(browser: &Browser, name: &str, text: &str) {
    let input = browser.wait_for(&format!("#{name}-search")).await;
    input.send_keys(text).await.unwrap();
    let options = format!("document.querySelectorAll('#{name}-results [role=option]').length > 0");
    browser.until("matches appear", &options).await;
    input.send_keys(&Key::Enter.to_string()).await.unwrap();
}

async fn panel_title(browser: &Browser) -> String {
    browser
        .wait_for("#station-title")
        .await
        .text()
        .await
        .expect("title text")
}

#[tokio::test]
async fn clicking_a_station_opens_its_details() {
    let (browser, _) = open(1280, 800, "").await;
    let network = content();
    let index = index_of("gcses-9-4");
    let station = browser
        .wait_for(&format!(".station[data-position=\"{index}\"]"))
        .await;
    station.click().await.expect("click station");
    let position = &network.positions()[index as usize];
    assert_eq!(panel_title(&browser).await, position.title);
    let panel = browser
        .wait_for(".station-panel")
        .await
        .text()
        .await
        .unwrap();
    assert!(panel.contains(position.level.meaning()), "{panel}");
    assert!(panel.contains("Where people went next"), "{panel}");
    // How common each step is, out of everyone on the map.
    let of_all = format!(" of {} people", network.journeys().len());
    assert!(panel.contains(&of_all), "{panel}");
    // The words come from map-details.bin, fetched as the panel opens.
    let description: String = position.description.chars().take(60).collect();
    browser.until_panel_says(&description).await;
    browser
        .until(
            "the URL names the station",
            "location.search.includes('station=gcses-9-4')",
        )
        .await;
    browser.close().await;
}

#[tokio::test]
async fn a_jobs_pay_links_its_source_or_says_it_is_not_confirmed() {
    let network = content();
    let jobs = || {
        network
            .positions()
            .iter()
            .filter(|p| p.kind == tubemap::journey::Kind::Job)
    };
    let paid = jobs().find(|p| p.salary.is_some()).expect("a job with pay");
    let salary = paid.salary.as_ref().expect("pay");
    let unconfirmed = jobs()
        .find(|p| p.pay_not_confirmed.is_some())
        .expect("a job whose pay is not confirmed");
    let (browser, _) = open(1280, 800, &format!("?station={}", paid.id)).await;
    browser.until_panel_says(&salary.source).await;
    let link = browser
        .eval("const a = document.querySelector('.station-panel .facts .source a'); return [a.href, a.textContent];")
        .await;
    assert_eq!(link[0], salary.url.as_str(), "{link}");
    assert!(
        link[1]
            .as_str()
            .is_some_and(|t| t.contains(&salary.year.to_string())),
        "{link}"
    );
    browser.close().await;
    let (browser, _) = open(1280, 800, &format!("?station={}", unconfirmed.id)).await;
    browser.until_panel_says("Not confirmed").await;
    let facts = browser
        .eval("return document.querySelector('.station-panel .facts').textContent;")
        .await;
    assert!(
        !facts.as_str().unwrap_or("").contains('£'),
        "no figure where pay is not confirmed: {facts}"
    );
    browser.close().await;
}

#[tokio::test]
async fn a_keyboard_only_user_reaches_a_station_and_opens_it() {
    let (browser, _) = open(1280, 800, "").await;
    let mut label = String::new();
    for _ in 0..12 {
        browser
            .client
            .active_element()
            .await
            .unwrap()
            .send_keys(&Key::Tab.to_string())
            .await
            .unwrap();
        let focused = browser.eval("const e = document.activeElement; return e && e.classList.contains('station') ? e.getAttribute('aria-label') : null;").await;
        if let Some(name) = focused.as_str() {
            label = name.to_owned();
            break;
        }
    }
    assert!(!label.is_empty(), "Tab never reached a station");
    browser
        .client
        .active_element()
        .await
        .unwrap()
        .send_keys(&Key::Enter.to_string())
        .await
        .unwrap();
    let title = panel_title(&browser).await;
    assert!(label.starts_with(&title), "opened `{title}` from `{label}`");
    browser
        .until(
            "focus moves to the panel",
            "document.activeElement && document.activeElement.id === 'station-title'",
        )
        .await;
    // Escape-free close: the close button returns focus to the station.
    browser
        .wait_for(".station-panel .close")
        .await
        .click()
        .await
        .unwrap();
    browser
        .until(
            "focus returns to the station",
            "document.activeElement && document.activeElement.classList.contains('station')",
        )
        .await;
    browser.close().await;
}

/// True once every lit line's path lies inside the view.
const LINE_FRAMED: &str = "(() => {
    const svg = document.querySelector('.tube-map');
    const vb = svg.viewBox.baseVal;
    const lit = [...svg.querySelectorAll('.line.is-lit')];
    return lit.length > 0 && lit.every(p => {
        const b = p.getBBox();
        return b.x >= vb.x && b.y >= vb.y
            && b.x + b.width <= vb.x + vb.width && b.y + b.height <= vb.y + vb.height;
    });
})()";

/// The line with id `id`, after checking natively that framing it zooms in
/// (so the tests below fail if the view stays the whole map), and the
/// map's width.
fn line_to_fly_to(id: &str) -> (tubemap::journey::LineIndex, f32) {
    let graph = tubemap::graph::CareerGraph::new(content());
    let map = tubemap::layout::layout(&graph);
    let line = graph.network().line_by_id(id).expect("the line ships");
    let area = map.line_bounds(line).expect("drawn");
    let framed = tubemap::map_view::Viewport::framing(map.width, map.height, area);
    assert!(framed.zoom > 1.1, "{id}: {framed:?}");
    (line, map.width)
}

/// Waits until every lit run is in view, then checks the view is closer
/// than the whole map (`map_width` wide).
async fn assert_flown_in(browser: &Browser, map_width: f32) {
    browser.until("the line is framed", LINE_FRAMED).await;
    let ratio = browser
        .eval("return document.querySelector('.tube-map').viewBox.baseVal.width;")
        .await
        .as_f64()
        .unwrap_or(0.0)
        / f64::from(map_width);
    assert!(ratio < 0.95, "the view is {ratio} of the map's width");
}

/// The legend's line buttons, one per line in line order.
async fn line_buttons(browser: &Browser) -> Vec<fantoccini::elements::Element> {
    browser
        .client
        .find_all(Locator::Css(".legend-lines .line-button"))
        .await
        .expect("the legend lists the lines")
}

/// Choosing a line from the legend flies in to show all of it: the Cyber
/// security line, small enough that its view is closer than the map's.
#[tokio::test]
async fn choosing_a_line_from_the_legend_flies_in_to_it() {
    let (cyber, map_width) = line_to_fly_to("cyber-security");
    let (browser, _) = open(1280, 800, "").await;
    let buttons = line_buttons(&browser).await;
    buttons[cyber.0 as usize].click().await.unwrap();
    assert_flown_in(&browser, map_width).await;
    browser.close().await;
}

/// A link to a line opens on the whole line, closer than the whole map.
#[tokio::test]
async fn a_link_to_a_line_opens_on_the_whole_line() {
    let (_, map_width) = line_to_fly_to("building-services");
    let (browser, _) = open(1280, 800, "?line=building-services").await;
    assert_flown_in(&browser, map_width).await;
    browser.close().await;
}

/// The legend's lines: choosing one lights its path and stations over the
/// dimmed map and opens its line diagram under its name, whose stations
/// open their panel.
#[tokio::test]
async fn choosing_a_line_lights_it_and_lists_its_stations_in_order() {
    let network = content();
    let graph = tubemap::graph::CareerGraph::new(network.clone());
    let line = network
        .line_by_id("onsite-construction")
        .expect("the Onsite construction line ships");
    let diagram = graph.line_diagram(line);
    let (browser, _) = open(1280, 800, "").await;
    let buttons = line_buttons(&browser).await;
    assert_eq!(buttons.len(), network.lines().len(), "one button per line");
    buttons[line.0 as usize].click().await.unwrap();
    let open_line = browser
        .wait_for(".legend-lines .line-button[aria-expanded='true']")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(open_line, network.line(line).name);
    browser
        .until(
            "the URL names the line",
            "location.search.includes('line=onsite-construction')",
        )
        .await;
    // The map flies in to show the whole line, closer than the whole map.
    browser.until("the line is framed", LINE_FRAMED).await;
    let lit = browser
        .eval(
            "return [...document.querySelectorAll('.tube-map.is-dimmed .line.is-lit')]
               .map(l => Number(l.dataset.line));",
        )
        .await;
    let lit: Vec<u64> = serde_json::from_value(lit).unwrap();
    let runs = network.line(line).runs.len();
    assert_eq!(
        lit,
        vec![u64::from(line.0); runs],
        "only this line's runs are lit"
    );
    let lit_stations = browser
        .eval("return document.querySelectorAll('.station.is-lit').length;")
        .await;
    assert_eq!(lit_stations.as_u64(), Some(diagram.station_count() as u64));
    // The diagram: every run in order, each station by its title, and at
    // an interchange the lines to change to.
    let rows = browser
        .eval(
            "return [...document.querySelectorAll('#line-diagram ol')].map(run =>
               [...run.querySelectorAll('li')].map(li =>
                 [li.querySelector('.link-button').textContent, li.querySelector('.muted').textContent]));",
        )
        .await;
    let rows: Vec<Vec<(String, String)>> = serde_json::from_value(rows).unwrap();
    let expected: Vec<Vec<(String, String)>> = diagram
        .runs
        .iter()
        .map(|run| {
            run.iter()
                .map(|stop| {
                    let p = network.position(stop.position);
                    let mut detail = format!(" · {}", p.level_text());
                    let names: Vec<&str> = stop
                        .change_to
                        .iter()
                        .map(|&l| network.line(l).name.as_str())
                        .collect();
                    if !names.is_empty() && !stop.listed_above {
                        detail.push_str(&format!(" · change for {}", names.join(", ")));
                    }
                    (p.title.clone(), detail)
                })
                .collect()
        })
        .collect();
    assert_eq!(rows, expected);
    assert!(
        diagram
            .runs
            .iter()
            .flatten()
            .any(|s| !s.change_to.is_empty()),
        "the line has an interchange"
    );
    let branches = browser
        .eval("return document.querySelectorAll('#line-diagram ol[aria-label=\"Branch\"]').length;")
        .await;
    assert_eq!(branches.as_u64(), Some(runs as u64 - 1));
    let summary = browser
        .wait_for("#line-diagram > .muted")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        summary,
        format!(
            "{} stations · ridden by {} of {} people",
            diagram.station_count(),
            diagram.riders,
            network.journeys().len()
        )
    );
    assert!(
        diagram.riders > 0,
        "people ride the Onsite construction line"
    );
    browser
        .wait_for("#line-diagram .link-button")
        .await
        .click()
        .await
        .unwrap();
    let opened = panel_title(&browser).await;
    assert_eq!(
        opened,
        network.position(network.line(line).runs[0][0]).title
    );
    browser.close().await;
}

/// "Busiest routes": the map drawn as a flow, every travelled stretch as
/// wide as the number of people who took it, in screen pixels at any zoom.
#[tokio::test]
async fn busiest_routes_draws_each_stretch_as_wide_as_its_people() {
    let network = content();
    let graph = tubemap::graph::CareerGraph::new(network.clone());
    let layout = tubemap::layout::layout(&graph);
    let expected = tubemap::render::flow_markup(&graph, &layout)
        .matches("<path ")
        .count();
    let busiest = graph.tracks().map(|(_, _, t)| t.traffic()).max().unwrap();
    let (browser, _) = open(1366, 768, "").await;
    let hidden = browser
        .eval("return getComputedStyle(document.querySelector('.tube-map .flow')).display;")
        .await;
    assert_eq!(hidden.as_str(), Some("none"), "off until asked for");
    let toggle = browser
        .client
        .find(Locator::XPath(
            "//label[contains(., 'Busiest routes')]/input",
        ))
        .await
        .unwrap();
    toggle.click().await.unwrap();
    browser
        .until(
            "the flow shows and the URL keeps it",
            "document.querySelector('.tube-map').classList.contains('is-flow')
             && getComputedStyle(document.querySelector('.tube-map .flow')).display !== 'none'
             && location.search.includes('flow=1')",
        )
        .await;
    let drawn = browser
        .eval(
            "return [...document.querySelectorAll('.tube-map .flow path')].map(p =>
               [Number(p.getAttribute('stroke-width')), getComputedStyle(p).vectorEffect]);",
        )
        .await;
    let drawn: Vec<(u32, String)> = serde_json::from_value(drawn).unwrap();
    assert!(
        expected > 50,
        "the shipped map has many travelled stretches"
    );
    assert_eq!(drawn.len(), expected, "one path per travelled stretch");
    assert!(
        drawn
            .iter()
            .all(|(_, effect)| effect == "non-scaling-stroke")
    );
    let widest = drawn.iter().map(|(w, _)| *w).max().unwrap();
    let thinnest = drawn.iter().map(|(w, _)| *w).min().unwrap();
    assert_eq!(
        widest,
        tubemap::render::flow_width(busiest),
        "the busiest is widest"
    );
    assert!(
        thinnest >= 5,
        "one person's stretch is still seen: {thinnest}"
    );
    assert!(widest > 2 * thinnest, "{widest} vs {thinnest}");
    toggle.click().await.unwrap();
    browser
        .until(
            "the ordinary map again",
            "!document.querySelector('.tube-map').classList.contains('is-flow')",
        )
        .await;
    browser.close().await;
}

#[tokio::test]
async fn choosing_a_person_draws_their_trip_and_tells_the_story() {
    let (browser, _) = open(1280, 800, "").await;
    let network = content();
    let journey = network
        .journey_by_id("aisha")
        .map(|j| network.journey(j).clone())
        .unwrap_or_else(|| network.journeys()[0].clone());
    let index = network.journey_by_id(&journey.id).unwrap().0;
    let buttons = browser
        .client
        .find_all(Locator::Css(".legend .line-button"))
        .await
        .unwrap();
    let mut clicked = false;
    for button in buttons {
        if button.text().await.unwrap() == format!("{} (example)", journey.name) {
            button.click().await.unwrap();
            clicked = true;
            break;
        }
    }
    assert!(clicked, "no legend entry for {}", journey.name);
    browser
        .until(
            "the map dims",
            "document.querySelector('.tube-map').classList.contains('is-dimmed')",
        )
        .await;
    // The lines dim and the person's trip is drawn over them, one stretch
    // per step, along the lines they rode.
    let lit = browser
        .eval("return document.querySelectorAll('.line.is-lit').length;")
        .await;
    assert_eq!(lit.as_u64(), Some(0));
    let rides = network.trip(tubemap::journey::JourneyIndex(index)).len();
    let drawn = browser
        .eval("return document.querySelectorAll('.route-line').length;")
        .await;
    assert_eq!(drawn.as_u64(), Some(rides as u64));
    let story = browser
        .wait_for(".journey-panel .story")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(story, journey.story);
    // An example is never passed off as a real person's journey.
    let eyebrow = browser
        .wait_for(".journey-panel .eyebrow")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        eyebrow.starts_with("Example journey"),
        journey.source.is_example(),
        "{eyebrow}"
    );
    let lit_stations = browser
        .eval("return document.querySelectorAll('.station.is-lit').length;")
        .await;
    let distinct: std::collections::HashSet<_> = journey.steps.iter().map(|s| s.position).collect();
    assert_eq!(lit_stations.as_u64(), Some(distinct.len() as u64));
    browser.close().await;
}

/// A real person's journey says so and links the page it was summarised
/// from, as a link that opens apart from the map.
#[tokio::test]
async fn a_published_journey_links_its_source() {
    let network = content();
    let journey = network
        .journeys()
        .iter()
        .find(|j| !j.source.is_example())
        .expect("a published journey ships");
    let tubemap::journey::Source::Published(citation) = &journey.source else {
        unreachable!("found as published");
    };
    let (browser, _) = open(1280, 800, &format!("?person={}", journey.id)).await;
    let link = browser.wait_for(".journey-panel .source a").await;
    assert_eq!(
        link.attr("href").await.unwrap().as_deref(),
        Some(citation.url.as_str())
    );
    assert_eq!(
        link.attr("rel").await.unwrap().as_deref(),
        Some("noopener noreferrer")
    );
    let eyebrow = browser
        .wait_for(".journey-panel .eyebrow")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(eyebrow, "From a published story");
    browser.close().await;
}

#[tokio::test]
async fn search_finds_a_station_despite_a_typo() {
    let (browser, _) = open(1280, 800, "").await;
    search_and_choose(&browser, "station", "sofware develper").await;
    let title = panel_title(&browser).await;
    assert!(
        title.to_lowercase().contains("software develop"),
        "found `{title}`"
    );
    browser
        .until("the map flew to it", "/view=/.test(location.search)")
        .await;
    browser.close().await;
}

#[tokio::test]
async fn a_deep_link_restores_the_view_and_back_works() {
    let network = content();
    let station = "gcses-9-4";
    // A person named `line=`, as links did before lines could be chosen:
    // such a link still opens their trip.
    let line = &network.journeys()[1].id;
    let (browser, _) = open(
        1280,
        800,
        &format!("?station={station}&line={line}&view=400,300,2.00"),
    )
    .await;
    assert_eq!(
        panel_title(&browser).await,
        network.positions()[index_of(station) as usize].title
    );
    let view_box = browser
        .eval("return document.querySelector('.tube-map').getAttribute('viewBox');")
        .await;
    let parts: Vec<f32> = view_box
        .as_str()
        .unwrap()
        .split(' ')
        .map(|p| p.parse().unwrap())
        .collect();
    assert!(
        (parts[0] + parts[2] / 2.0 - 400.0).abs() < 1.0
            && (parts[1] + parts[3] / 2.0 - 300.0).abs() < 1.0,
        "{view_box}"
    );
    browser
        .until(
            "the person's trip is drawn",
            "document.querySelectorAll('.route-line').length > 0",
        )
        .await;
    // Go on to where people went next, then go Back.
    browser
        .wait_for(".station-panel .link-button")
        .await
        .click()
        .await
        .unwrap();
    browser
        .until(
            "the URL moves on",
            &format!("!location.search.includes('station={station}')"),
        )
        .await;
    browser.client.back().await.unwrap();
    browser
        .until(
            "Back restores the first station",
            &format!("location.search.includes('station={station}')"),
        )
        .await;
    let title = panel_title(&browser).await;
    assert_eq!(title, network.positions()[index_of(station) as usize].title);
    browser.close().await;
}

#[tokio::test]
async fn axe_core_finds_no_accessibility_violations() {
    let (browser, _) = open(1280, 800, "?station=gcses-9-4").await;
    panel_title(&browser).await;
    let result = support::axe_violations(&browser, false).await;
    assert_eq!(result, serde_json::json!([]), "axe-core violations");
    browser.close().await;
}

#[tokio::test]
async fn the_page_is_protected_by_a_strict_content_security_policy() {
    let html = std::fs::read_to_string(dist().join("index.html")).unwrap();
    let headers = support::served_headers();
    let csp = &headers
        .iter()
        .find(|(k, _)| k == "Content-Security-Policy")
        .expect("a CSP header")
        .1;
    let sources: Vec<&str> = csp.split([';', ' ']).collect();
    assert!(
        !sources.contains(&"'unsafe-inline'") && !sources.contains(&"'unsafe-eval'"),
        "{csp}"
    );
    assert!(
        sources.contains(&"'wasm-unsafe-eval'") && csp.contains("style-src 'self'"),
        "{csp}"
    );
    assert!(
        support::has_attribute(&html, "http-equiv", "Content-Security-Policy"),
        "meta CSP for hosts without headers"
    );
    // No inline script anywhere: every <script> has a src.
    let inline = html
        .match_indices("<script")
        .filter(|(i, _)| !html[*i..].split('>').next().unwrap_or("").contains("src="))
        .count();
    assert_eq!(inline, 0, "inline scripts in dist/index.html");
    let headers_file =
        std::fs::read_to_string(dist().join("_headers")).expect("dist/_headers for static hosts");
    assert!(
        headers_file.contains(csp.as_str()),
        "_headers and Trunk.toml disagree"
    );
    // And the app still runs under that policy.
    let (browser, _) = open(1024, 700, "").await;
    let stations = browser
        .eval("return document.querySelectorAll('.station').length;")
        .await;
    assert_eq!(stations.as_u64(), Some(content().positions().len() as u64));
    browser.close().await;
}

/// Entry requirements in the app: at 16 the route to software developer
/// goes through Level 3 and says so; at 24 a Skills Bootcamp (19 and over)
/// opens a quicker way, and the directions say why it is possible.
#[tokio::test]
async fn the_route_follows_entry_requirements_for_the_age_given() {
    let (browser, _) = open(1280, 800, "?from=gcses-9-4&to=software-developer").await;
    let directions = "return [...document.querySelectorAll('.directions li')].map(li => li.textContent).join('\\n');";
    browser
        .until(
            "directions appear",
            "document.querySelectorAll('.directions li').length >= 2",
        )
        .await;
    let at_16 = browser.eval(directions).await;
    let at_16 = at_16.as_str().unwrap_or_default().to_owned();
    assert!(
        at_16.contains("needs Level 3 (you have it from A level in Computer Science)"),
        "{at_16}"
    );
    assert!(at_16.contains("at about age 20"), "{at_16}");
    assert!(
        !at_16.contains("Skills Bootcamp"),
        "no bootcamp at 16: {at_16}"
    );
    // Type a new age, as a person would, and leave the field.
    let age = browser.wait_for(".age input").await;
    age.clear().await.expect("clears the age");
    age.send_keys("24\u{E004}")
        .await
        .expect("types an age and tabs away");
    browser
        .until(
            "the route changes for a 24-year-old",
            "[...document.querySelectorAll('.directions li')].some(li => li.textContent.includes('Skills Bootcamp'))",
        )
        .await;
    let at_24 = browser.eval(directions).await;
    let at_24 = at_24.as_str().unwrap_or_default().to_owned();
    assert!(
        at_24.contains(
            "Skills Bootcamp in Software Development needs you to be 19 or over (you would be 24)"
        ),
        "{at_24}"
    );
    assert!(at_24.contains("at about age 25"), "{at_24}");
    browser.close().await;
}

#[tokio::test]
async fn a_route_link_shows_directions_drawn_over_the_map() {
    let (browser, _) = open(1280, 800, "?from=gcses-9-4&to=site-manager&earn=1").await;
    browser
        .until(
            "directions appear",
            "document.querySelectorAll('.directions li').length >= 2",
        )
        .await;
    let directions = browser
        .eval("return [...document.querySelectorAll('.directions li')].map(li => li.textContent);")
        .await;
    let lines: Vec<&str> = directions
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert!(
        lines[0].starts_with("From GCSEs at grades 9 to 4"),
        "{lines:?}"
    );
    assert!(lines.last().unwrap().contains("Site manager"), "{lines:?}");
    // Earn while you learn: no degree on the route.
    let network = content();
    for line in &lines {
        for p in network
            .positions()
            .iter()
            .filter(|p| p.kind == tubemap::journey::Kind::Degree)
        {
            assert!(
                !line.contains(&format!(" {} (", p.title)),
                "degree {} on the route: {line}",
                p.title
            );
        }
    }
    let drawn = browser
        .eval("return document.querySelectorAll('.route-overlay .route-line').length;")
        .await;
    assert!(drawn.as_u64().unwrap_or(0) >= 1, "the route is drawn");
    assert_eq!(
        browser
            .eval("return document.querySelector('.tube-map').classList.contains('is-dimmed');")
            .await,
        serde_json::json!(true)
    );
    // Pick an alternative: the choice goes into the URL.
    let options = browser
        .client
        .find_all(Locator::Css(".route-option"))
        .await
        .unwrap();
    assert!(options.len() >= 2, "alternatives are offered");
    options[1].click().await.unwrap();
    browser
        .until(
            "the URL holds the alternative",
            "location.search.includes('alt=1')",
        )
        .await;
    browser.close().await;
}

#[tokio::test]
async fn a_keyboard_user_plans_a_route_with_the_search_boxes() {
    let (browser, _) = open(1280, 800, "").await;
    search_and_choose(&browser, "from", "year 9").await;
    search_and_choose(&browser, "to", "sofware developer").await;
    browser
        .until(
            "the route is planned",
            "document.querySelectorAll('.directions li').length >= 2",
        )
        .await;
    browser
        .until(
            "the URL holds the route",
            "/from=year-9-options/.test(location.search) && /to=/.test(location.search)",
        )
        .await;
    browser.close().await;
}

#[tokio::test]
async fn presentation_mode_steps_through_a_journey_by_keyboard() {
    let network = content();
    let journey = network
        .journey_by_id("aisha")
        .map(|j| network.journey(j).clone())
        .unwrap_or_else(|| network.journeys()[0].clone());
    let (browser, _) = open(1280, 800, &format!("?person={}", journey.id)).await;
    browser
        .wait_for(".journey-panel .chip-button")
        .await
        .click()
        .await
        .unwrap();
    let title = |i: usize| network.position(journey.steps[i].position).title.clone();
    let shown = || async {
        browser
            .wait_for(".presenter-title")
            .await
            .text()
            .await
            .unwrap()
    };
    assert_eq!(shown().await, title(0));
    let story = browser
        .wait_for(".presenter-story")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(story, journey.story);
    let body = browser.client.find(Locator::Css("body")).await.unwrap();
    body.send_keys(&Key::PageDown.to_string()).await.unwrap();
    browser
        .until(
            "the next station",
            &format!(
                "document.querySelector('.presenter-title').textContent === {:?}",
                title(1)
            ),
        )
        .await;
    body.send_keys(" ").await.unwrap();
    browser
        .until(
            "space steps on",
            &format!(
                "document.querySelector('.presenter-title').textContent === {:?}",
                title(2)
            ),
        )
        .await;
    body.send_keys(&Key::PageUp.to_string()).await.unwrap();
    browser
        .until(
            "Page Up steps back",
            &format!(
                "document.querySelector('.presenter-title').textContent === {:?}",
                title(1)
            ),
        )
        .await;
    browser
        .until(
            "the URL holds the step",
            "location.search.includes('present=1')",
        )
        .await;
    // The view glides to the station: it ends centred on it, on screen and
    // clear of the card, marked, and close enough that its name shows.
    let index = journey.steps[1].position.get();
    browser
        .until(
            "the view centres on the station, beside the card",
            &format!(
                "(() => {{ const [x, y, w, h] = document.querySelector('.tube-map').getAttribute('viewBox').split(' ').map(Number);
                   const station = document.querySelector('.station[data-position=\"{index}\"]');
                   const s = station.querySelector('.hit').getBBox();
                   const on = station.querySelector('.hit').getBoundingClientRect();
                   const map = document.querySelector('.tube-map').getBoundingClientRect();
                   const card = document.querySelector('.presenter').getBoundingClientRect();
                   const clear = on.right < card.left || on.left > card.right || on.bottom < card.top || on.top > card.bottom;
                   const inside = on.left >= map.left && on.right <= map.right && on.top >= map.top && on.bottom <= map.bottom;
                   return Math.abs(x + w / 2 - (s.x + s.width / 2)) < 20 && Math.abs(y + h / 2 - (s.y + s.height / 2)) < 20
                       && clear && inside && station.classList.contains('is-selected')
                       && document.querySelector('.tube-map').dataset.detail === 'near'; }})()"
            ),
        )
        .await;
    body.send_keys("b").await.unwrap();
    browser
        .until(
            "the screen blanks",
            "document.querySelector('.blank-screen').classList.contains('is-on')",
        )
        .await;
    body.send_keys("b").await.unwrap();
    browser
        .until(
            "the screen comes back",
            "!document.querySelector('.blank-screen').classList.contains('is-on')",
        )
        .await;
    browser
        .wait_for(".presenter-controls [aria-pressed]")
        .await
        .click()
        .await
        .unwrap();
    browser
        .until(
            "a QR code is drawn",
            "document.querySelector('.qr svg path').getAttribute('d').length > 100",
        )
        .await;
    body.send_keys(&Key::Escape.to_string()).await.unwrap();
    browser
        .until("Esc leaves", "document.querySelector('.presenter').hidden")
        .await;
    browser.close().await;
}

#[tokio::test]
async fn badges_survive_a_reload_and_damaged_storage_is_set_aside() {
    let (browser, base) = open(1280, 800, "?station=gcses-9-4").await;
    panel_title(&browser).await;
    browser
        .wait_for(".mark-buttons .chip-button")
        .await
        .click()
        .await
        .unwrap();
    browser
        .until(
            "a badge is earned",
            "document.querySelectorAll('.badges .badge').length === 1",
        )
        .await;
    browser
        .until(
            "it is saved",
            "(localStorage.getItem('tubemap-progress') || '').includes('done=gcses-9-4')",
        )
        .await;
    browser.client.goto(&base).await.unwrap();
    browser.wait_for(".tube-map .station").await;
    browser
        .until(
            "the badge is back after a reload",
            "document.querySelectorAll('.badges .badge').length === 1",
        )
        .await;
    let index = index_of("gcses-9-4");
    browser.until("the map marks it", &format!("document.querySelector('.station[data-position=\"{index}\"]').classList.contains('is-done')")).await;
    // Damaged data: a notice, an empty journey, and the map as usual.
    browser
        .eval("localStorage.setItem('tubemap-progress', '{\"v\":9,\"done\":[[[');")
        .await;
    browser.client.goto(&base).await.unwrap();
    browser.wait_for(".tube-map .station").await;
    let notice = browser
        .wait_for(".my-journey .notice")
        .await
        .text()
        .await
        .unwrap();
    assert!(notice.contains("could not be read"), "{notice}");
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('.badges .badge').length;")
            .await,
        serde_json::json!(0)
    );
    browser.close().await;
}

#[tokio::test]
async fn a_shared_journey_opens_read_only() {
    let (browser, _) = open(
        1280,
        800,
        "?mine=tubemap-progress/1;done=gcses-9-4,a-levels;goal=site-manager",
    )
    .await;
    let title = browser
        .wait_for("#my-journey-title")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(title, "A shared journey");
    browser
        .until(
            "two badges",
            "document.querySelectorAll('.badges .badge').length >= 1",
        )
        .await;
    let goal = browser
        .wait_for(".my-journey .goal")
        .await
        .text()
        .await
        .unwrap();
    assert!(goal.contains("Site manager"), "{goal}");
    // Read-only: no marking in a station's panel.
    let index = index_of("gcses-9-4");
    browser
        .wait_for(&format!(".station[data-position=\"{index}\"]"))
        .await
        .click()
        .await
        .unwrap();
    panel_title(&browser).await;
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('.mark-buttons').length;")
            .await,
        serde_json::json!(0)
    );
    browser
        .until(
            "the link stays whole",
            "location.search.includes('mine=tubemap-progress/1')",
        )
        .await;
    browser.close().await;
}

#[tokio::test]
async fn a_link_to_a_station_opens_with_it_in_view() {
    let index = index_of("bricklayer");
    let (browser, _) = open(1280, 800, "?station=bricklayer").await;
    panel_title(&browser).await;
    let centred = format!(
        "(() => {{ const [x, y, w, h] = document.querySelector('.tube-map').getAttribute('viewBox').split(' ').map(Number);
           const s = document.querySelector('.station[data-position=\"{index}\"] .hit').getBBox();
           return w < 2000 && Math.abs(x + w / 2 - (s.x + s.width / 2)) < 20 && Math.abs(y + h / 2 - (s.y + s.height / 2)) < 20; }})()"
    );
    browser
        .until("the station is centred and zoomed in", &centred)
        .await;
    browser
        .until(
            "the URL records the view",
            "location.search.includes('view=')",
        )
        .await;
    browser.close().await;
}
