//! The map at first view and zoomed in, at the three screens it is used on:
//! no text smaller than 11 px, and the names that matter readable at once.

use super::open;

/// What text the map shows inside its frame: the smallest on-screen font
/// size, how many band titles, line names, interchange names and station
/// labels are visible, and which of them the map's buttons cover.
const TEXT_ON_SCREEN: &str = "
    const svg = document.querySelector('.tube-map');
    const frame = svg.getBoundingClientRect();
    const visible = t => {
        const r = t.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.right > frame.left && r.left < frame.right
            && r.bottom > frame.top && r.top < frame.bottom;
    };
    const shown = [...svg.querySelectorAll('text')].filter(visible);
    const size = t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
    const count = css => shown.filter(t => t.matches(css)).length;
    const buttons = [...document.querySelectorAll('.zoom-controls, .download')]
        .map(b => b.getBoundingClientRect());
    const under = t => { const r = t.getBoundingClientRect();
        return buttons.some(b => r.right > b.left && r.left < b.right
            && r.bottom > b.top && r.top < b.bottom); };
    const titles = shown.filter(t => t.matches('.band-title'));
    return { smallest: Math.min(...shown.map(size)), texts: shown.length,
             titleTop: Math.min(...titles.map(t => t.getBoundingClientRect().top)) - frame.top,
             bands: count('.band-title'), lines: count('.line-name'),
             interchanges: count('.interchange-name'), labels: count('.label'),
             underButtons: shown.filter(under).map(t => t.textContent) };";

async fn text_on_screen(browser: &super::Browser) -> serde_json::Value {
    // The first view and its names settle a frame after the map mounts.
    browser
        .until(
            "the names are drawn",
            "document.querySelectorAll('.tube-map .band-title').length > 0",
        )
        .await;
    browser.eval(TEXT_ON_SCREEN).await
}

#[tokio::test]
async fn the_first_view_is_readable_on_a_laptop_a_projector_and_a_phone() {
    let mut levels: Vec<_> = super::content()
        .positions()
        .iter()
        .map(|p| p.level)
        .collect();
    levels.sort_unstable();
    levels.dedup();
    let levels = levels.len() as u64;
    for (width, height, name) in [
        (1366, 768, "laptop"),
        (1920, 1080, "projector"),
        (360, 740, "phone"),
    ] {
        let (browser, _) = open(width, height, "").await;
        let text = text_on_screen(&browser).await;
        eprintln!("{name}: {text}");
        let smallest = text["smallest"].as_f64().unwrap_or(0.0);
        assert!(smallest >= 10.95, "{name}: text at {smallest} px: {text}");
        // A laptop and a projector open on the whole map, so every level
        // is titled, however narrow its band: a missing title reads as a
        // level the map skips.
        let whole_map = if name == "phone" { 1 } else { levels };
        assert!(
            text["bands"].as_u64() >= Some(whole_map),
            "{name}: {whole_map} band titles wanted: {text}"
        );
        if name == "phone" {
            // Zoomed in, the screen shows map above and below the view
            // box: the titles head the screen, not the view box.
            let top = text["titleTop"].as_f64().unwrap_or(f64::MAX);
            assert!(top <= 32.0, "{name}: band titles {top} px down: {text}");
        }
        assert!(
            text["lines"].as_u64() >= Some(2),
            "{name}: line names: {text}"
        );
        // The map's buttons sit where the first view has no names.
        assert_eq!(
            text["underButtons"],
            serde_json::json!([]),
            "{name}: names under the map's buttons"
        );
        let names =
            text["interchanges"].as_u64().unwrap_or(0) + text["labels"].as_u64().unwrap_or(0);
        assert!(names >= 2, "{name}: station names: {text}");
        browser.close().await;
    }
}

#[tokio::test]
async fn zooming_in_reveals_station_names_and_keeps_them_readable() {
    let (browser, _) = open(1366, 768, "").await;
    let before = text_on_screen(&browser).await;
    assert_eq!(
        before["labels"], 0,
        "a laptop opens on the whole map: {before}"
    );
    // Wheel in over the busiest station, as a pupil would.
    let hub = super::index_of("gcses-9-4");
    browser
        .eval(&format!(
            "const svg = document.querySelector('.tube-map');
             for (let i = 0; i < 4; i++) {{
               const r = document.querySelector('.station[data-position=\"{hub}\"] .hit').getBoundingClientRect();
               svg.dispatchEvent(new WheelEvent('wheel', {{ deltaY: -500, clientX: r.x + r.width / 2,
                 clientY: r.y + r.height / 2, bubbles: true, cancelable: true }}));
             }}
             return true;"
        ))
        .await;
    browser
        .until(
            "station names appear",
            "[...document.querySelectorAll('.tube-map .label')].some(t => t.getBoundingClientRect().width > 0)",
        )
        .await;
    let after = browser.eval(TEXT_ON_SCREEN).await;
    assert!(after["labels"].as_u64() > Some(0), "{after}");
    assert!(
        after["smallest"].as_f64().unwrap_or(0.0) >= 10.95,
        "{after}"
    );
    // Every station stays focusable with its name, labels shown or not.
    let named = browser
        .eval("return [...document.querySelectorAll('.tube-map .station')].filter(s => !(s.tabIndex === 0 && (s.getAttribute('aria-label') || '').length > 3)).map(s => s.outerHTML.slice(0, 200));")
        .await;
    assert_eq!(named, serde_json::json!([]));
    browser.close().await;
}

/// A resized window (or a turned phone) redraws the names for its new size
/// at once: no pan or zoom needed for them to stay readable.
#[tokio::test]
async fn resizing_the_window_keeps_every_name_readable() {
    let (browser, _) = open(1366, 768, "").await;
    text_on_screen(&browser).await;
    browser.client.set_window_size(800, 600).await.unwrap();
    browser
        .until(
            "the map is smaller",
            "document.querySelector('.tube-map').getBoundingClientRect().width < 600",
        )
        .await;
    // Names drawn for the old size would now be about 5 px on screen; they
    // are redrawn for the new size after the resize event.
    browser
        .until(
            "the names follow the new size",
            &format!("(() => {{ {TEXT_ON_SCREEN} }})().smallest >= 10.95"),
        )
        .await;
    let after = browser.eval(TEXT_ON_SCREEN).await;
    let smallest = after["smallest"].as_f64().unwrap_or(0.0);
    assert!(
        smallest >= 10.95,
        "text at {smallest} px after a resize: {after}"
    );
    assert!(after["bands"].as_u64() >= Some(1), "{after}");
    browser.close().await;
}
