// Starts the editor page ("Add your journey"). A file rather than an inline
// script, so the Content-Security-Policy can forbid inline scripts.
import init from "./careers-tube-map-editor.js";

// The theme chosen on the map (src/ui/theme.rs), so the two pages match.
try {
  const theme = localStorage.getItem("tubemap-theme");
  if (theme === "light" || theme === "dark" || theme === "contrast") {
    document.documentElement.dataset.theme = theme;
  }
} catch {
  // No storage: the device setting applies.
}

init({ module_or_path: new URL("./careers-tube-map-editor_bg.wasm", import.meta.url) });
