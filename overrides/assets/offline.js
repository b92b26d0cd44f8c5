/* Offline reading: registers this language's service worker (sw.js at the language root, written by
 * ctrph13.offline at build time) so that the program, the matrix, the organisation pages and every page already
 * visited stay readable without a connection.
 *
 * Budget: nothing happens before the page's `load` event; the worker is registered when the browser is idle
 * (requestIdleCallback, or after a few seconds where it is missing), so its precache never competes with the
 * page's own files. Only over http(s): a copy opened from disk (file://) registers nothing.
 *
 * The state is on <html data-kb-offline>: "unsupported", "waiting" (for load and idle), "registering",
 * "ready" (this build's worker is active, so its precache is complete) or "failed".
 */
(function () {
  "use strict";

  var IDLE_TIMEOUT_MS = 4000;
  var html = document.documentElement;

  function state(value) {
    html.setAttribute("data-kb-offline", value);
  }

  if (!/^https?:$/.test(location.protocol) || !window.isSecureContext || !("serviceWorker" in navigator)) {
    state("unsupported");
    return;
  }

  /* The language root relative to this page ("." or "../..", from Material's config), as an absolute URL. */
  function languageRoot() {
    var base = ".";
    try {
      base = JSON.parse(document.getElementById("__config").textContent).base || ".";
    } catch (error) {
      /* no config: this page is at the root */
    }
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  /* Resolves with the registration's newest worker once it is active (its install, the precache, succeeded). */
  function activated(registration) {
    return new Promise(function (resolve, reject) {
      var worker = registration.installing || registration.waiting;
      if (!worker) {
        resolve(registration.active);
        return;
      }
      worker.addEventListener("statechange", function () {
        if (worker.state === "activated") resolve(worker);
        else if (worker.state === "redundant") reject(new Error("the service worker did not install"));
      });
    });
  }

  function register() {
    state("registering");
    var root = languageRoot();
    navigator.serviceWorker
      .register(new URL("sw.js", root).href, { scope: root.href })
      .then(activated)
      .then(function (worker) {
        /* This page may have loaded before the worker existed: let it keep a copy. */
        var page = new URL(location.href);
        page.hash = "";
        if (worker) worker.postMessage({ type: "visited", url: page.href });
        state("ready");
      })
      .catch(function () {
        state("failed");
      });
  }

  function whenIdle() {
    if ("requestIdleCallback" in window) window.requestIdleCallback(register, { timeout: IDLE_TIMEOUT_MS });
    else window.setTimeout(register, IDLE_TIMEOUT_MS);
  }

  state("waiting");
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle, { once: true });
})();
