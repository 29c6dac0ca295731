// Starts the app. A file rather than Trunk's inline script, so the
// Content-Security-Policy can forbid inline scripts altogether.
import init from "./careers-tube-map.js";

init({ module_or_path: new URL("./careers-tube-map_bg.wasm", import.meta.url) });
