//! The end-to-end harness: serves the built `dist/` on loopback with the
//! same security headers as the dev server, and drives Debian's Chromium
//! through chromedriver.

use fantoccini::{Client, ClientBuilder, Locator};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::process::{Child, Command};

/// The built site. `.ci/test` builds it with `trunk build --release` first.
pub fn dist() -> PathBuf {
    let dist = PathBuf::from(std::env::var("TUBEMAP_DIST").unwrap_or_else(|_| "dist".into()));
    assert!(
        dist.join("index.html").exists(),
        "no built site in {}: run `trunk build --release --offline` first (.ci/test does)",
        dist.display()
    );
    dist
}

/// Whether the built HTML has `name="value"` on some element. Release builds
/// are minified, which drops the quotes where HTML allows it.
pub fn has_attribute(html: &str, name: &str, value: &str) -> bool {
    html.contains(&format!("{name}=\"{value}\""))
        || html.contains(&format!("{name}={value} "))
        || html.contains(&format!("{name}={value}>"))
}

/// The headers Trunk's dev server sends, read from Trunk.toml, so the tests
/// run under exactly the policy a user gets.
pub fn served_headers() -> Vec<(String, String)> {
    let text = std::fs::read_to_string("Trunk.toml").expect("Trunk.toml");
    let config: toml::Table = text.parse().expect("Trunk.toml parses");
    let headers = config["serve"]["headers"]
        .as_table()
        .expect("[serve.headers]");
    headers
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
        .collect()
}

/// A tiny static file server for `root` on a free loopback port.
pub async fn serve(root: PathBuf) -> String {
    serve_stoppable(root).await.url
}

/// A static file server that can be shut down, to cut the network.
pub struct Server {
    /// The site's address, ending in `/`.
    pub url: String,
    accept: tokio::task::AbortHandle,
}

impl Server {
    /// Stops accepting connections: from now on the site is unreachable
    /// (connection refused), as with no network at all.
    pub async fn stop(self) {
        self.accept.abort();
        // Let the runtime drop the listener before the caller goes on.
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Like [`serve`], with a handle to stop the server.
pub async fn serve_stoppable(root: PathBuf) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let address = listener.local_addr().expect("address");
    let headers = served_headers();
    let accept = tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                break;
            };
            let root = root.clone();
            let headers = headers.clone();
            tokio::spawn(async move {
                let mut buffer = vec![0u8; 8192];
                let Ok(n) = socket.read(&mut buffer).await else {
                    return;
                };
                let request = String::from_utf8_lossy(&buffer[..n]);
                let path = request.split_whitespace().nth(1).unwrap_or("/");
                let path = path
                    .split('?')
                    .next()
                    .unwrap_or("/")
                    .trim_start_matches('/');
                // A folder's page is its index.html, as static hosts serve it
                // (the editor is at add/).
                let file = if path.is_empty() || path.ends_with('/') {
                    root.join(path).join("index.html")
                } else {
                    root.join(path)
                };
                let inside = file
                    .canonicalize()
                    .ok()
                    .filter(|f| f.starts_with(root.canonicalize().unwrap_or_default()));
                let (status, body, kind) =
                    match inside.and_then(|f| std::fs::read(&f).ok().map(|b| (b, f))) {
                        Some((body, f)) => ("200 OK", body, content_type(&f)),
                        None => ("404 Not Found", b"not found".to_vec(), "text/plain"),
                    };
                let mut head = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\nCache-Control: no-store\r\n",
                    body.len()
                );
                for (name, value) in &headers {
                    head.push_str(&format!("{name}: {value}\r\n"));
                }
                head.push_str("\r\n");
                let _ = socket.write_all(head.as_bytes()).await;
                let _ = socket.write_all(&body).await;
                let _ = socket.shutdown().await;
            });
        }
    });
    Server {
        url: format!("http://{address}/"),
        accept: accept.abort_handle(),
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

/// A headless Chromium session; the driver process ends with it.
pub struct Browser {
    pub client: Client,
    _driver: Child,
    /// chromedriver's address, for commands fantoccini has no method for.
    driver_url: String,
}

impl Browser {
    /// Starts chromedriver and a headless Chromium with a window of this size.
    pub async fn start(width: u32, height: u32) -> Browser {
        let port = {
            let probe = std::net::TcpListener::bind("127.0.0.1:0").expect("free port");
            probe.local_addr().expect("address").port()
        };
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("chromedriver on PATH (.ci/install-tools installs Debian's chromium-driver)");
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--no-first-run", "--disable-extensions",
                    format!("--window-size={width},{height}"),
                ]
            }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let mut last_error = None;
        for _ in 0..50 {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(capabilities.clone())
                .connect(&url)
                .await
            {
                Ok(client) => {
                    return Browser {
                        client,
                        _driver: driver,
                        driver_url: url,
                    };
                }
                Err(error) => last_error = Some(error),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("could not start Chromium through chromedriver: {last_error:?}");
    }

    /// Waits until `css` matches an element.
    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("waiting for `{css}`: {e}"))
    }

    /// Runs JavaScript in the page and returns its result.
    pub async fn eval(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Polls a JavaScript condition until it is true (at most 5 s).
    pub async fn until(&self, what: &str, condition: &str) {
        for _ in 0..100 {
            if self.eval(&format!("return !!({condition});")).await == serde_json::Value::Bool(true)
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("timed out waiting until {what}: `{condition}`");
    }

    /// Waits until the station panel's text includes `text` (its words
    /// arrive after the panel opens, from map-details.bin).
    pub async fn until_panel_says(&self, text: &str) {
        self.until(
            &format!("the station panel says {text:?}"),
            &format!(
                "(document.querySelector('.station-panel') || {{}}).textContent?.includes({})",
                serde_json::Value::String(text.to_owned())
            ),
        )
        .await;
    }

    /// Sends a Chrome DevTools Protocol command through chromedriver's
    /// `goog/cdp/execute` endpoint (media emulation, for instance) and
    /// returns its result.
    pub async fn cdp(&self, command: &str, params: serde_json::Value) -> serde_json::Value {
        let session = self
            .client
            .session_id()
            .await
            .expect("session id")
            .expect("a session");
        let body = serde_json::json!({ "cmd": command, "params": params }).to_string();
        let address = self.driver_url.trim_start_matches("http://");
        let mut stream = tokio::net::TcpStream::connect(address)
            .await
            .expect("chromedriver");
        // A plain HTTP/1.1 request: the only JSON-over-HTTP call the tests
        // make outside WebDriver, not worth another dependency.
        let request = format!(
            "POST /session/{session}/goog/cdp/execute HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(request.as_bytes()).await.expect("send");
        // chromedriver keeps the connection open: read the head, then
        // exactly Content-Length bytes of body.
        let mut response = Vec::new();
        let mut chunk = [0u8; 4096];
        let (head_end, length) = loop {
            let n = stream.read(&mut chunk).await.expect("receive");
            assert!(n > 0, "chromedriver closed the connection");
            response.extend_from_slice(&chunk[..n]);
            let text = String::from_utf8_lossy(&response);
            if let Some(end) = text.find("\r\n\r\n") {
                let length = text[..end]
                    .lines()
                    .find_map(|l| {
                        let (name, value) = l.split_once(':')?;
                        name.eq_ignore_ascii_case("content-length")
                            .then(|| value.trim().parse::<usize>().ok())?
                    })
                    .expect("Content-Length");
                break (end + 4, length);
            }
        };
        while response.len() < head_end + length {
            let n = stream.read(&mut chunk).await.expect("receive");
            assert!(n > 0, "chromedriver closed the connection");
            response.extend_from_slice(&chunk[..n]);
        }
        let json = String::from_utf8_lossy(&response[head_end..head_end + length]).into_owned();
        let response = json.clone();
        let json = json.as_str();
        let value: serde_json::Value =
            serde_json::from_str(json).unwrap_or_else(|e| panic!("CDP {command}: {e}\n{response}"));
        assert!(
            value["value"].get("error").is_none(),
            "CDP {command} failed: {value}"
        );
        value["value"].clone()
    }

    /// Ends the session.
    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// The shipped content, loaded the way the build loads it.
pub fn content() -> tubemap::journey::Network {
    tubemap::source::load_paths(&["journeys".into()]).network
}

/// Runs `script` asynchronously in the page; it calls `done(value)`.
pub async fn eval_async(browser: &Browser, script: &str) -> serde_json::Value {
    browser
        .client
        .execute_async(
            &format!("const done = arguments[arguments.length - 1]; {script}"),
            vec![],
        )
        .await
        .unwrap_or_else(|e| panic!("async script failed: {e}\n{script}"))
}

/// axe-core's violations on the page, as "rule: count targets" lines
/// (`enhanced_contrast` adds WCAG AAA contrast).
pub async fn axe_violations(browser: &Browser, enhanced_contrast: bool) -> serde_json::Value {
    let axe = std::fs::read_to_string("node_modules/axe-core/axe.min.js")
        .expect("npm ci installed axe-core");
    if browser.eval("return typeof axe === 'undefined';").await == serde_json::json!(true) {
        browser.eval(&axe).await;
    }
    eval_async(
        browser,
        &format!(
            "axe.run(document, {{ resultTypes: ['violations'], rules: {{ 'color-contrast-enhanced': {{ enabled: {enhanced_contrast} }} }} }})
               .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.length + ' ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))));"
        ),
    )
    .await
}
