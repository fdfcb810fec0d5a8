// Starts the wasm app. A static file (not Trunk's inline loader) so that the page runs under
// a strict Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.

// Anything the policy blocks is kept for inspection (the browser tests assert there is none).
window.cspViolations = [];
addEventListener("securitypolicyviolation", (e) => {
  window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
});

const tag = document.querySelector("script[data-wasm]");
try {
  const { default: init } = await import(tag.dataset.js);
  await init({ module_or_path: tag.dataset.wasm });
} catch (err) {
  console.error("report page failed to start", err);
  const box = document.getElementById("boot-error");
  if (box) box.hidden = false;
}
