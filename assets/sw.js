// The service worker: the app shell and the journey data, cached so the map
// opens with no network (a classroom with bad Wi-Fi, a pupil on a bus).
//
// Cache-first: every file here is served from the cache this worker filled
// when it was installed, so a visit never mixes files from two builds.
// Updates: the post_build hook (.ci/stamp-sw) stamps a hash of every
// shipped file into VERSION, so any change to any file changes this
// script's bytes; the browser then installs the new worker, which fills a
// new cache, takes over, and deletes the old ones. An open page is told by
// boot.js ("A newer version of the map is ready", with a Reload button);
// until it reloads it keeps the build it started with, and words fetched
// from the newer build are refused by their checksum (src/bundle.rs).
const VERSION = "__BUILD_HASH__";
const PREFIX = "careers-tube-map-";
const CACHE = PREFIX + VERSION;

// Everything the app needs to start and draw the map (tests/e2e/pocket.rs
// checks this list against dist/). File names are stable: filehash = false.
const SHELL = [
  "./",
  "boot.js",
  "careers-tube-map.js",
  "careers-tube-map_bg.wasm",
  "app.css",
  "map-data.bin",
  "map-details.bin",
  "manifest.webmanifest",
  "icons/icon.svg",
  "icons/icon-maskable.svg",
  "icons/icon-192.png",
  "icons/icon-512.png",
  "icons/icon-maskable-512.png",
  "icons/apple-touch-icon.png",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // "no-cache" revalidates each file with the server: a new version
      // never precaches a stale copy from the HTTP cache, and a file the
      // page has just downloaded comes back as a 304, not a second download.
      .then((cache) => cache.addAll(SHELL.map((url) => new Request(url, { cache: "no-cache" }))))
      // Take over at once: boot.js registers this worker only after the app
      // has loaded, so the page in use already has all its files.
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key)),
        ),
      )
      // Control the page that installed us too, so it works offline
      // without a reload.
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  // Only the map's own page falls back to the cached shell: another page
  // (the editor, add/) is fetched as it is, never answered with the map.
  const navigation =
    request.mode === "navigate" && new URL(request.url).pathname === new URL("./", self.location).pathname;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      // A page's query string is app state (?station=…), not another page.
      cache
        .match(request, { ignoreSearch: navigation })
        .then((hit) => hit || (navigation ? cache.match("./") : undefined))
        .then((hit) => hit || fetch(request)),
    ),
  );
});
