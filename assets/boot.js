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
  started
    .then(() => navigator.serviceWorker.register("./sw.js"))
    .catch(() => {
      // No service worker (private mode, old browser): the app still works online.
    });
}
