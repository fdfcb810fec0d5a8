// Starts the wasm app. A static file (not Trunk's inline loader) so that the page runs under
// a strict Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.

// Anything the policy blocks is kept for inspection (the browser tests assert there is none).
window.cspViolations = [];
addEventListener("securitypolicyviolation", (e) => {
  window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
});

// A remembered large-font choice applies before the app starts: the first paint is already
// the size the page will be, and the take-over moves nothing.
try {
  if (localStorage.getItem("report-page:large-font") === "1") {
    document.documentElement.classList.add("large-font");
  }
} catch (_) {
  // Storage blocked: the default size.
}

const tag = document.querySelector("script[data-wasm]");
const app = document.getElementById("app");

function failed(err) {
  console.error("report page failed to start", err);
  const box = document.getElementById("boot-error");
  if (box) box.hidden = false;
}

// `fresh`: a second copy of the JavaScript glue (another URL is another module), so a fresh
// wasm instance: the first one has stopped (panic = "abort").
async function start(fresh) {
  const { default: init } = await import(fresh ? `${tag.dataset.js}?render=client` : tag.dataset.js);
  await init({ module_or_path: tag.dataset.wasm });
}

// The app takes over the page the build rendered (`data-render="hydrate"` on #app). If that
// fails (the app panics: the rendering does not match it), the page is rendered afresh by a
// new instance, once: never a half-working page.
let fallback = null;
addEventListener("report-page:panic", () => {
  if (fallback || !app || app.dataset.render !== "hydrate") return;
  fallback = new Promise((resolve) => setTimeout(resolve)).then(() => {
    console.warn("report page: taking over the rendered page failed; rendering it afresh");
    app.replaceChildren();
    app.dataset.render = "client";
    return start(true);
  });
  fallback.catch(failed);
});

try {
  await start(false);
} catch (err) {
  // A panic while starting is a trap here too: the fallback, if one began, has the page.
  if (!fallback) failed(err);
}
