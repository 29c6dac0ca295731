// Starts the app. A file rather than Trunk's inline script, so the
// Content-Security-Policy can forbid inline scripts altogether.
import init from "./careers-tube-map.js";

// The theme chosen earlier (src/ui/theme.rs keeps it), applied before the
// app loads so a dark-theme user never sees a white flash. Storage can be
// blocked or hold anything: then the device setting applies.
try {
  const theme = localStorage.getItem("tubemap-theme");
  if (theme === "light" || theme === "dark" || theme === "contrast") {
    document.documentElement.dataset.theme = theme;
  }
} catch {
  // No storage: nothing to restore.
}

const started = init({ module_or_path: new URL("./careers-tube-map_bg.wasm", import.meta.url) });

// Offline use (assets/sw.js). Registered once the app runs, so installing
// the worker never competes with the first load for bandwidth.
if ("serviceWorker" in navigator) {
  // A page already run by a worker that gets a new one has just had a newer
  // build installed (assets/sw.js takes over at once): say so, so a
  // classroom sees new journeys without waiting for the next visit.
  const updating = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (updating) offerReload();
  });
  started
    .then(() => navigator.serviceWorker.register("./sw.js"))
    .catch(() => {
      // No service worker (private mode, old browser): the app still works online.
    });
}

// A polite notice with a Reload button; made of elements, not markup.
function offerReload() {
  if (document.querySelector(".update-notice")) return;
  const notice = document.createElement("div");
  notice.className = "update-notice";
  notice.setAttribute("role", "status");
  const text = document.createElement("p");
  text.textContent = "A newer version of the map is ready.";
  const reload = document.createElement("button");
  reload.type = "button";
  reload.className = "chip-button";
  reload.textContent = "Reload";
  reload.addEventListener("click", () => location.reload());
  notice.append(text, reload);
  document.body.append(notice);
}
