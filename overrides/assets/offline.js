/* Offline reading: registers this language's service worker (sw.js at the language root, written by
 * ctrph13.outputs.offline at build time), saves a small copy automatically where the connection allows, and drives the
 * "save for offline reading" control on the program page.
 *
 * Nothing heavy is downloaded behind the reader's back (issue 16):
 * - the worker downloads nothing when it installs; every page the reader opens is kept as it is read;
 * - the automatic copy (offline.json "auto": home page, program, their files; at most 150 KiB gzip) is saved only
 *   where the browser says the connection is fast and the reader has not asked to save data. Where it does not say
 *   (no navigator.connection, as in Safari and Firefox), nothing is saved automatically;
 * - the full copy (offline.json "full") is saved only from the control, which shows the size and the progress.
 * Files the page has already loaded are taken from the browser's HTTP cache ("force-cache"), never fetched again.
 *
 * Budget: nothing happens before the page's `load` event; the worker is registered when the browser is idle
 * (requestIdleCallback, or after a few seconds where it is missing). Only over http(s): a copy opened from disk
 * (file://) registers nothing and shows no control.
 *
 * States on <html>: data-kb-offline = "unsupported", "waiting" (for load and idle), "registering", "ready" (this
 * build's worker is active) or "failed"; data-kb-offline-copy = "none", "saving", "auto" (the automatic copy is
 * in), "saved" (the full copy is in) or "failed".
 */
(function () {
  "use strict";

  var IDLE_TIMEOUT_MS = 4000;
  var SLOW = { "slow-2g": true, "2g": true };
  var html = document.documentElement;
  var control = document.querySelector("[data-kb-offline-save]");

  function state(value) {
    html.setAttribute("data-kb-offline", value);
  }
  function copyState(value) {
    html.setAttribute("data-kb-offline-copy", value);
  }

  if (!/^https?:$/.test(location.protocol) || !window.isSecureContext || !("serviceWorker" in navigator) ||
      !("caches" in window)) {
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

  var root = languageRoot();
  var marker = new URL("offline-saved.json", root).href;
  var listed = null;

  /* offline.json: the build id (the worker's cache name), the automatic and the full copy, each file's size. */
  function list() {
    if (!listed) {
      listed = fetch(new URL("offline.json", root).href, { cache: "no-cache" }).then(function (response) {
        if (!response.ok) throw new Error("offline.json: HTTP " + response.status);
        return response.json();
      });
      listed.catch(function () { listed = null; });
    }
    return listed;
  }

  function cacheName(copy) {
    return "ctrph13-offline " + root.href + " " + copy.build;
  }

  /* Resolves with the registration's newest worker once it is active. */
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

  var registered = null;
  function register() {
    if (registered) return registered;
    state("registering");
    registered = navigator.serviceWorker
      .register(new URL("sw.js", root).href, { scope: root.href })
      .then(activated)
      .then(function (worker) {
        /* This page may have loaded before the worker existed: let it keep a copy (from the HTTP cache). */
        var page = new URL(location.href);
        page.hash = "";
        if (worker) worker.postMessage({ type: "visited", url: page.href });
        state("ready");
        return worker;
      });
    registered.catch(function () { state("failed"); });
    return registered;
  }

  /* Save `paths` into the worker's cache, one file at a time, skipping what is already there. */
  function save(copy, paths, progress) {
    var total = paths.reduce(function (sum, path) { return sum + (copy.size[path] || 0); }, 0);
    var done = 0;
    return caches.open(cacheName(copy)).then(function (cache) {
      return paths.reduce(function (chain, path) {
        return chain.then(function () {
          var url = new URL(path, root).href;
          return cache.match(url, { ignoreVary: true }).then(function (hit) {
            if (hit) return null;
            return fetch(url, { cache: "force-cache" }).then(function (response) {
              if (!response.ok) throw new Error(url + ": HTTP " + response.status);
              return cache.put(url, response);
            });
          }).then(function () {
            done += copy.size[path] || 0;
            if (progress) progress(done, total);
          });
        });
      }, Promise.resolve()).then(function () { return { cache: cache, bytes: total }; });
    });
  }

  /* Where the browser says the connection is fast and the reader has not asked to save data. */
  function mayAutoSave() {
    var connection = navigator.connection;
    return Boolean(connection) && !connection.saveData && !SLOW[connection.effectiveType];
  }

  function savedFull(copy) {
    return caches.open(cacheName(copy)).then(function (cache) {
      return cache.match(marker).then(function (hit) { return hit ? hit.json() : null; });
    });
  }

  // ---- The control on the program page ------------------------------------------------------------------
  var lang = html.getAttribute("lang") || "vi";
  function text(key, value) {
    return control.getAttribute("data-kb-" + key).replace("#", value === undefined ? "" : value);
  }
  function size(bytes) {
    var number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    return bytes >= 1024 * 1024 ? number.format(bytes / 1024 / 1024) + " MB" : number.format(Math.ceil(bytes / 1024)) + " KB";
  }

  function setupControl() {
    var status = control.querySelector(".kb-offline-save__status");
    var bar = control.querySelector(".kb-offline-save__progress");
    var saveButton = control.querySelector("[data-kb-action=save]");
    var removeButton = control.querySelector("[data-kb-action=remove]");

    function show(message, saving, saved) {
      status.textContent = message;
      bar.hidden = !saving;
      saveButton.disabled = saving;
      saveButton.hidden = saved;
      removeButton.hidden = !saved;
    }

    function idle(copy) {
      var total = copy.full.reduce(function (sum, path) { return sum + (copy.size[path] || 0); }, 0);
      saveButton.textContent = text("save");
      show(text("idle", size(total)), false, false);
    }

    function fail(error) {
      var full = error && (error.name === "QuotaExceededError" || /quota/i.test(String(error.message)));
      copyState("failed");
      saveButton.textContent = text("retry");
      show(text(full ? "full" : "offline"), false, false);
    }

    saveButton.addEventListener("click", function () {
      copyState("saving");
      bar.value = 0;
      show(text("saving", "0%"), true, false);
      Promise.all([list(), register()]).then(function (loaded) {
        var copy = loaded[0];
        return save(copy, copy.full, function (done, total) {
          var share = total ? Math.round((done / total) * 100) : 100;
          bar.value = share;
          status.textContent = text("saving", share + "% (" + size(done) + " / " + size(total) + ")");
        }).then(function (result) {
          var record = { date: new Date().toISOString(), bytes: result.bytes };
          return result.cache.put(marker, new Response(JSON.stringify(record), {
            headers: { "Content-Type": "application/json" }
          })).then(function () { return record; });
        });
      }).then(function (record) {
        copyState("saved");
        show(text("done", size(record.bytes)), false, true);
        removeButton.focus();
      }, fail);
    });

    removeButton.addEventListener("click", function () {
      list().then(function (copy) {
        return caches.delete(cacheName(copy)).then(function () {
          copyState("none");
          idle(copy);
          status.textContent = text("removed");
          saveButton.focus();
        });
      });
    });

    list().then(function (copy) {
      return savedFull(copy).then(function (record) {
        if (record) {
          copyState("saved");
          var day = new Date(record.date).toLocaleDateString(lang, { day: "numeric", month: "numeric", year: "numeric" });
          show(text("saved", day), false, true);
        } else {
          idle(copy);
        }
        control.hidden = false;
      });
    }, function () { /* no list (an old deploy): no control */ });
  }

  function whenIdle() {
    var run = function () {
      register().then(function () {
        if (!mayAutoSave() || html.getAttribute("data-kb-offline-copy") !== "none") return null;
        return list().then(function (copy) {
          return save(copy, copy.auto).then(function () {
            if (html.getAttribute("data-kb-offline-copy") === "none") copyState("auto");
          });
        });
      }).catch(function () { /* the reader can still save from the control */ });
    };
    if ("requestIdleCallback" in window) window.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    else window.setTimeout(run, IDLE_TIMEOUT_MS);
  }

  function start() {
    if (control) setupControl();
    whenIdle();
  }

  state("waiting");
  copyState("none");
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start, { once: true });
})();
