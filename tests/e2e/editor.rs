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
    browser
        .client
        .find(Locator::XPath("//button[normalize-space()='Download']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let mut file = None;
    for _ in 0..100 {
        file = std::fs::read_dir(&downloads)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "toml"));
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
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tubemap"))
        .args(["check", "journeys"])
        .arg(&file)
        .output()
        .expect("tubemap runs");
    let report = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{report}");
    assert!(report.contains("0 error(s), 0 warning(s)"), "{report}");

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
        .eval("return [typeof window.pwned, document.querySelectorAll('main img, main script').length];")
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
    browser
        .client
        .find(Locator::XPath(
            "//button[normalize-space()='Show every problem']",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
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
    browser
        .client
        .find(Locator::LinkText("← Back to the map"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.wait_for(".tube-map .station").await;
    browser.close().await;
}
