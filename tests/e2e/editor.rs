//! The editor page, "Add your journey" (add/): a journey built by search and
//! keyboard, checked as it is typed, and sent as a file `tubemap check`
//! accepts, a pull-request link, or kept over a reload.

use crate::support::{Browser, dist, serve};
use fantoccini::Locator;
use fantoccini::key::Key;
use std::time::Duration;

async fn open_editor() -> Browser {
    let base = serve(dist()).await;
    let browser = Browser::start(1280, 900).await;
    browser
        .client
        .goto(&format!("{base}add/"))
        .await
        .expect("editor opens");
    browser.wait_for("#name").await;
    browser
}

async fn type_into(browser: &Browser, id: &str, text: &str) {
    let field = browser.wait_for(&format!("#{id}")).await;
    field.send_keys(text).await.expect("typing");
}

/// Adds a step with the station picker, by keyboard: type, then Enter.
async fn add_step(browser: &Browser, text: &str) {
    let before: u64 = step_count(browser).await;
    type_into(browser, "add-step", text).await;
    browser
        .until(
            "stations match",
            "document.querySelectorAll('#add-step-results [role=option]').length > 0",
        )
        .await;
    let input = browser.wait_for("#add-step").await;
    input.send_keys(&Key::Enter.to_string()).await.unwrap();
    browser
        .until(
            "the step is added",
            &format!(
                "document.querySelectorAll('.draft-step').length === {}",
                before + 1
            ),
        )
        .await;
}

async fn step_count(browser: &Browser) -> u64 {
    browser
        .eval("return document.querySelectorAll('.draft-step').length;")
        .await
        .as_u64()
        .unwrap_or(0)
}

async fn click(browser: &Browser, at: Locator<'_>) {
    browser
        .client
        .find(at)
        .await
        .expect("the control is there")
        .click()
        .await
        .expect("it takes a click");
}

/// `tubemap check`, run on the shipped journeys and `file` as it is,
/// finds nothing wrong.
fn assert_accepted_by_check(file: &std::path::Path) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tubemap"))
        .args(["check", "journeys"])
        .arg(file)
        .output()
        .expect("tubemap runs");
    let report = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{report}");
    assert!(report.contains("0 error(s), 0 warning(s)"), "{report}");
}

async fn text_of(browser: &Browser, css: &str) -> String {
    browser.wait_for(css).await.text().await.unwrap_or_default()
}

/// Fills in a whole, valid journey, by search and typing: GCSEs, then A
/// levels.
async fn fill_valid(browser: &Browser) {
    type_into(browser, "name", "Asha").await;
    type_into(browser, "headline", "From GCSEs to A levels").await;
    browser
        .wait_for("#sector")
        .await
        .select_by_value("digital")
        .await
        .expect("choose sector");
    type_into(browser, "started", "2019").await;
    type_into(browser, "story", "Asha took GCSEs, then three A levels.").await;
    browser
        .wait_for("input[name=source-kind][value=example]")
        .await
        .click()
        .await
        .expect("choose example");
    add_step(browser, "GCSEs at grades 9 to 4").await;
    add_step(browser, "A levels").await;
}

#[tokio::test]
async fn a_journey_built_by_search_is_checked_as_typed_and_sent_as_a_file_the_check_accepts() {
    let browser = open_editor().await;
    // An empty form is not a wall of errors.
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('.field-problems li').length;")
            .await,
        0
    );
    fill_valid(&browser).await;
    assert!(
        text_of(&browser, ".draft-step .step-title")
            .await
            .contains("GCSEs at grades 9 to 4"),
        "the picker added the station searched for"
    );
    assert!(
        text_of(&browser, ".draft-step:nth-child(2) .step-ride")
            .await
            .contains("line")
    );
    // Removing a step leaves one: the steps say what is missing.
    browser
        .client
        .find(Locator::XPath(
            "(//li[@class='draft-step'])[2]//button[starts-with(normalize-space(), 'Remove')]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser
        .until(
            "too few steps is said",
            "document.querySelector('#steps-problems').textContent.includes('at least two')",
        )
        .await;
    add_step(&browser, "A levels").await;
    // A problem shown next to its field, then fixed.
    type_into(&browser, "step-1-years", "two").await;
    browser
        .until(
            "years that are not a number are reported",
            "document.querySelector('#step-1-years-problems').textContent.length > 0",
        )
        .await;
    assert_eq!(
        browser
            .eval("return document.querySelector('#step-1-years').getAttribute('aria-invalid');")
            .await,
        "true"
    );
    let years = browser.wait_for("#step-1-years").await;
    years.clear().await.unwrap();
    years.send_keys("2").await.unwrap();
    browser
        .until(
            "the years problem goes",
            "document.querySelector('#step-1-years-problems').textContent === ''",
        )
        .await;
    browser.close().await;
}

#[tokio::test]
async fn a_complete_journey_downloads_as_a_file_tubemap_check_accepts_unchanged() {
    let browser = open_editor().await;
    let downloads = std::env::temp_dir().join(format!("tubemap-editor-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&downloads);
    std::fs::create_dir_all(&downloads).unwrap();
    browser
        .cdp(
            "Browser.setDownloadBehavior",
            serde_json::json!({ "behavior": "allow", "downloadPath": downloads.to_str().unwrap() }),
        )
        .await;
    fill_valid(&browser).await;
    browser
        .until(
            "the check finds no problems",
            "document.querySelector('.send-status').textContent.startsWith('Ready to send')",
        )
        .await;
    let check_ms: f64 = browser
        .eval("return Number(document.querySelector('.editor-form').dataset.checkMs);")
        .await
        .as_f64()
        .expect("the form reports how long the check took");
    eprintln!("editor: one check of the draft took {check_ms} ms");
    let shown = text_of(&browser, ".draft-file").await;
    click(
        &browser,
        Locator::XPath("//button[normalize-space()='Download']"),
    )
    .await;
    // Chromium can create the file under its final name before it has
    // written it (seen once in CI: an empty file), so wait for its bytes
    // and for no partial download to be left.
    let mut file = None;
    for _ in 0..100 {
        let found: Vec<_> = std::fs::read_dir(&downloads)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        let partial = found
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "crdownload"));
        file = found
            .into_iter()
            .find(|p| p.extension().is_some_and(|e| e == "toml"))
            .filter(|p| !partial && std::fs::metadata(p).is_ok_and(|m| m.len() > 0));
        if file.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let file = file.expect("the journey file downloads");
    assert_eq!(
        file.file_name().unwrap().to_str().unwrap(),
        "asha-gcses-to-a-levels.toml"
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        text.trim_end(),
        shown.trim_end(),
        "the file is the one shown"
    );
    // The file as downloaded, checked with the shipped journeys.
    assert_accepted_by_check(&file);

    // The pull-request link carries the same file name and contents.
    let href = browser
        .eval("return document.querySelector('.send-actions a').href;")
        .await;
    let url = url::Url::parse(href.as_str().expect("a link")).unwrap();
    assert_eq!(url.host_str(), Some("github.com"));
    assert!(url.path().ends_with("/new/main"), "{url}");
    let pairs: std::collections::HashMap<String, String> = url.query_pairs().into_owned().collect();
    assert_eq!(
        pairs["filename"],
        "journeys/people/asha-gcses-to-a-levels.toml"
    );
    assert_eq!(pairs["value"], text);

    // A reload keeps the draft.
    browser.client.refresh().await.unwrap();
    browser.wait_for("#name").await;
    browser
        .until(
            "the draft is back",
            "document.querySelector('#name').value === 'Asha'",
        )
        .await;
    assert_eq!(step_count(&browser).await, 2);
    assert_eq!(
        text_of(&browser, ".draft-file").await.trim_end(),
        text.trim_end()
    );
    let _ = std::fs::remove_dir_all(&downloads);
    browser.close().await;
}

#[tokio::test]
async fn an_own_story_is_ready_to_send_only_once_the_person_agrees() {
    let browser = open_editor().await;
    fill_valid(&browser).await;
    browser
        .wait_for("input[name=source-kind][value=own]")
        .await
        .click()
        .await
        .expect("choose own story");
    browser
        .until(
            "the missing consent is said at its box",
            "document.querySelector('#source-consent-problems').textContent.includes('agreed')",
        )
        .await;
    assert!(
        !text_of(&browser, ".send-status")
            .await
            .starts_with("Ready to send")
    );
    browser
        .wait_for("#source-consent")
        .await
        .click()
        .await
        .expect("agree");
    browser
        .until(
            "agreed, the file is ready",
            "document.querySelector('.send-status').textContent.startsWith('Ready to send')",
        )
        .await;
    assert!(
        text_of(&browser, ".draft-file")
            .await
            .contains(r#"source = { kind = "own", consent = true }"#)
    );
    // The agreement is part of the kept draft.
    browser.client.refresh().await.unwrap();
    browser
        .until(
            "the agreement is back after a reload",
            "document.querySelector('#source-consent')?.checked === true",
        )
        .await;
    browser.close().await;
}

/// Chooses `value` in the select with id `id`.
async fn choose(browser: &Browser, id: &str, value: &str) {
    browser
        .wait_for(&format!("#{id}"))
        .await
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("choose {value} in #{id}: {e}"));
}

#[tokio::test]
async fn a_station_the_map_lacks_is_proposed_with_the_journey_and_the_check_accepts_it() {
    let browser = open_editor().await;
    fill_valid(&browser).await;
    // Typed, not found: proposed instead, with what was typed as its title.
    type_into(&browser, "add-step", "Cloud skills course").await;
    click(&browser, Locator::Css("button.propose")).await;
    browser.wait_for("#step-3-new-title").await;
    assert!(
        text_of(&browser, ".draft-step:nth-child(3) .step-title")
            .await
            .contains("New station: Cloud skills course")
    );
    choose(&browser, "step-3-new-kind", "course").await;
    choose(&browser, "step-3-new-level", "4").await;
    type_into(
        &browser,
        "step-3-new-description",
        "A short college course in cloud computing.",
    )
    .await;
    browser
        .until(
            "the proposal makes a file the check accepts",
            "document.querySelector('.send-status').textContent.startsWith('Ready to send')",
        )
        .await;
    let shown = text_of(&browser, ".draft-file").await;
    assert!(
        shown.contains("[[position]]\nid = \"cloud-skills-course\""),
        "{shown}"
    );
    assert!(shown.contains("[[branch]]\nline = "), "{shown}");
    let dir = std::env::temp_dir().join(format!("tubemap-proposal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("asha-gcses-to-a-levels.toml");
    std::fs::write(&file, format!("{}\n", shown.trim_end())).unwrap();
    assert_accepted_by_check(&file);
    // A field left empty is asked for where it is.
    let title = browser.wait_for("#step-3-new-title").await;
    title.clear().await.unwrap();
    title.send_keys(" ").await.unwrap();
    browser
        .until(
            "the empty title is asked for at the title",
            "document.querySelector('#step-3-new-title-problems').textContent.length > 0",
        )
        .await;
    let result = crate::support::axe_violations(&browser, false).await;
    assert_eq!(result, serde_json::json!([]), "axe-core on the proposal");
    // A reload keeps the proposal.
    browser.client.refresh().await.unwrap();
    browser
        .until(
            "the proposal is back after a reload",
            "document.querySelector('#step-3-new-level')?.value === '4'",
        )
        .await;
    let _ = std::fs::remove_dir_all(&dir);
    browser.close().await;
}

#[tokio::test]
async fn hostile_text_in_every_field_stays_text() {
    let browser = open_editor().await;
    let hostile = r#"<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>"#;
    for id in ["name", "headline", "started", "story"] {
        type_into(&browser, id, hostile).await;
    }
    browser
        .wait_for("input[name=source-kind][value=published]")
        .await
        .click()
        .await
        .unwrap();
    for id in [
        "source-title",
        "source-publisher",
        "source-url",
        "source-year",
    ] {
        type_into(&browser, id, hostile).await;
    }
    add_step(&browser, "bricklayer").await;
    for id in ["step-1-years", "step-1-note"] {
        type_into(&browser, id, hostile).await;
    }
    browser
        .until(
            "the file shows the text",
            "document.querySelector('.draft-file').textContent.includes('<script>window.pwned=2')",
        )
        .await;
    let result = browser
        .eval("return [typeof window.pwned, document.querySelectorAll('main img:not(.trip-preview-map), main script').length];")
        .await;
    assert_eq!(result, serde_json::json!(["undefined", 0]));
    browser.close().await;
}

#[tokio::test]
async fn the_editor_works_by_keyboard_alone_and_axe_finds_no_violations() {
    let browser = open_editor().await;
    let body = browser.client.find(Locator::Css("body")).await.unwrap();
    // Tab from the top of the page to each field in turn, typing as we go.
    let mut order = Vec::new();
    for _ in 0..40 {
        body.send_keys(&Key::Tab.to_string()).await.unwrap();
        let id = browser.eval("return document.activeElement.id;").await;
        let id = id.as_str().unwrap_or("").to_owned();
        match id.as_str() {
            "name" => browser
                .client
                .active_element()
                .await
                .unwrap()
                .send_keys("Kai")
                .await
                .unwrap(),
            "add-step" => {
                let input = browser.client.active_element().await.unwrap();
                input.send_keys("bricklayer apprenticeship").await.unwrap();
                browser
                    .until(
                        "stations match",
                        "document.querySelectorAll('#add-step-results [role=option]').length > 0",
                    )
                    .await;
                input.send_keys(&Key::Down.to_string()).await.unwrap();
                input.send_keys(&Key::Up.to_string()).await.unwrap();
                input.send_keys(&Key::Enter.to_string()).await.unwrap();
            }
            _ => {}
        }
        order.push(id);
        if order.last().is_some_and(|i| i == "add-step") {
            break;
        }
    }
    for id in ["name", "headline", "sector", "started", "story", "add-step"] {
        assert!(
            order.iter().any(|i| i == id),
            "Tab reaches #{id}: {order:?}"
        );
    }
    browser
        .until(
            "the keyboard added a step",
            "document.querySelectorAll('.draft-step').length === 1",
        )
        .await;
    assert_eq!(
        browser
            .eval("return document.querySelector('#name').value;")
            .await,
        "Kai"
    );
    // With problems on show, as a person would see them.
    click(
        &browser,
        Locator::XPath("//button[normalize-space()='Show every problem']"),
    )
    .await;
    let result = crate::support::axe_violations(&browser, false).await;
    assert_eq!(result, serde_json::json!([]), "axe-core violations");
    browser.close().await;
}

#[tokio::test]
async fn the_map_links_to_the_editor_and_back() {
    let base = serve(dist()).await;
    let browser = Browser::start(1280, 800).await;
    browser.client.goto(&base).await.unwrap();
    browser.wait_for(".tube-map .station").await;
    browser
        .wait_for("a.add-journey")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for("#name").await;
    assert!(
        browser
            .client
            .current_url()
            .await
            .unwrap()
            .path()
            .ends_with("/add/")
    );
    click(&browser, Locator::LinkText("← Back to the map")).await;
    browser.wait_for(".tube-map .station").await;
    browser.close().await;
}

/// The shipped map as the editor's preview draws it.
fn drawn_map() -> (tubemap::graph::CareerGraph, tubemap::layout::MapLayout) {
    let bytes = std::fs::read(dist().join(tubemap::bundle::MAP_FILE)).expect("built map data");
    let bundle = tubemap::bundle::MapBundle::decode(&bytes).expect("map data decodes");
    (
        tubemap::graph::CareerGraph::new(bundle.network),
        bundle.layout,
    )
}

#[tokio::test]
async fn the_trip_is_drawn_on_the_map_as_it_is_built_and_a_click_there_adds_a_step() {
    use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
    let browser = open_editor().await;
    add_step(&browser, "GCSEs at grades 9 to 4").await;
    add_step(&browser, "A levels").await;
    let alt = "GCSEs at grades 9 to 4, then A levels.";
    browser
        .until(
            "the preview names the trip",
            &format!(
                "(document.querySelector('.trip-preview-map') || {{}}).alt?.endsWith({alt:?})"
            ),
        )
        .await;
    // The drawing: two numbered steps joined along a line, not a gap.
    let svg = browser
        .eval(
            "const s = document.querySelector('.trip-preview-map').src;
             return decodeURIComponent(s.slice(s.indexOf(',') + 1));",
        )
        .await;
    let svg = svg.as_str().expect("an SVG data URL");
    assert_eq!(svg.matches("class=\"step-mark\"").count(), 2, "{svg}");
    assert_eq!(svg.matches("class=\"ride\"").count(), 1);
    assert!(!svg.contains("class=\"gap\""));

    // Where, on the image, a station other than the two steps is named.
    let (graph, layout) = drawn_map();
    let network = graph.network();
    let stops: Vec<_> = ["gcses-9-4", "a-levels"]
        .iter()
        .map(|id| network.position_by_id(id).expect(id))
        .collect();
    let preview = tubemap::render::trip_preview(&graph, &layout, &stops);
    let shown = browser
        .eval("const i = document.querySelector('.trip-preview-map'); return [i.clientWidth, i.clientHeight];")
        .await;
    let (width, height) = (shown[0].as_f64().unwrap(), shown[1].as_f64().unwrap());
    let view = preview.view;
    let reach = 10.0 * view.width / width as f32;
    let (target, across, down) = layout
        .labels
        .iter()
        .filter(|label| !stops.contains(&label.position))
        .find_map(|label| {
            let b = label.bounds;
            let middle = tubemap::layout::Point::new(b.x + b.width / 2.0, b.y + b.height / 2.0);
            let across = (middle.x - view.x) / view.width;
            let down = (middle.y - view.y) / view.height;
            let inside = (0.1..0.9).contains(&across) && (0.1..0.9).contains(&down);
            (inside && layout.station_at(middle, reach) == Some(label.position)).then_some((
                label.position,
                across,
                down,
            ))
        })
        .expect("a named station in the preview");
    // A pointer can only be moved to what is on screen.
    browser
        .eval("document.querySelector('.trip-preview-map').scrollIntoView({block: 'center'});")
        .await;
    let image = browser.wait_for(".trip-preview-map").await;
    let click = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: image,
            duration: None,
            x: ((f64::from(across) - 0.5) * width).round(),
            y: ((f64::from(down) - 0.5) * height).round(),
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    browser
        .client
        .perform_actions(click)
        .await
        .expect("click on the preview");
    browser
        .until(
            "the clicked station is the third step",
            "document.querySelectorAll('.draft-step').length === 3",
        )
        .await;
    let title = &network.position(target).title;
    let third = text_of(&browser, ".draft-step:nth-child(3) .step-title").await;
    assert!(third.starts_with(title.as_str()), "{third} is not {title}");
    browser
        .until(
            "the preview draws the third step",
            "decodeURIComponent(document.querySelector('.trip-preview-map').src).split('class=\"step-mark\"').length === 4",
        )
        .await;
    browser.close().await;
}

#[tokio::test]
async fn the_next_stops_from_the_last_step_are_offered_before_anything_is_typed() {
    let browser = open_editor().await;
    add_step(&browser, "GCSEs at grades 9 to 4").await;
    let network = crate::support::content();
    let draft = tubemap::draft::Draft {
        steps: vec![tubemap::draft::DraftStep {
            position: "gcses-9-4".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let expected: Vec<String> = draft
        .next_stops(&network)
        .iter()
        .take(8)
        .map(|&stop| {
            let p = network.position(stop);
            format!("{} · {}", p.title, p.level_text())
        })
        .collect();
    assert!(expected.len() >= 2, "{expected:?}");
    // The box is empty again after adding, and still focused: it offers
    // the next stops at once.
    let options =
        "[...document.querySelectorAll('#add-step-results [role=option]')].map(o => o.textContent)";
    browser
        .until(
            "the next stops are offered",
            &format!(
                "document.querySelector('#add-step-results:not(.is-empty)') && {options}.length > 0"
            ),
        )
        .await;
    let shown = browser.eval(&format!("return {options};")).await;
    assert_eq!(shown, serde_json::json!(expected));
    assert_eq!(
        browser
            .eval("return document.querySelector('#add-step').getAttribute('aria-expanded');")
            .await,
        "true"
    );
    // By keyboard: down to the second, then Enter.
    let input = browser.wait_for("#add-step").await;
    input
        .send_keys(&format!("{}{}", Key::Down, Key::Enter))
        .await
        .unwrap();
    browser
        .until(
            "the chosen next stop is step 2",
            "document.querySelectorAll('.draft-step').length === 2",
        )
        .await;
    let second = text_of(&browser, ".draft-step:nth-child(2) .step-title").await;
    assert!(
        second.starts_with(expected[1].as_str()),
        "{second} is not {}",
        expected[1]
    );
    // A step already taken is not offered again; Escape closes the list.
    let shown = browser.eval(&format!("return {options}.join('|');")).await;
    assert!(
        !shown
            .as_str()
            .unwrap_or_default()
            .contains("GCSEs at grades 9 to 4")
    );
    input.send_keys(&Key::Escape.to_string()).await.unwrap();
    browser
        .until(
            "Escape closes the list",
            "document.querySelector('#add-step-results.is-empty') && document.querySelector('#add-step').getAttribute('aria-expanded') === 'false'",
        )
        .await;
    browser.close().await;
}
