/* On an older edition's program page: a note on each clause that changed in the latest edition, linking to the
   comparison. Read from the latest edition's change list on the same host (data/changes.json), so the older
   edition's own files never change. Offline, or where the list cannot be read, nothing is shown. */
(function () {
  "use strict";
  var links = document.getElementById("kb-links");
  if (!links || !window.fetch) return;
  var here = JSON.parse(links.textContent).version;
  var vi = document.documentElement.lang !== "en";
  var list = new URL("../../latest/data/changes.json", location.href);
  fetch(list, { credentials: "same-origin" })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (changes) {
      if (!changes || changes.version === here) return;
      changes.changes.forEach(function (change) {
        var block = change.anchor && document.getElementById(change.anchor);
        if (!block) return;
        var note = document.createElement("p");
        note.className = "kb-changed";
        note.setAttribute("data-editorial", "");
        var link = document.createElement("a");
        link.href = new URL("../../latest/so-sanh/#" + change.anchor, location.href).href;
        link.textContent = vi ? "Xem so sánh." : "See the comparison.";
        note.textContent = (vi ? "Đoạn này đã thay đổi trong ấn bản " : "This part changed in edition ") +
          changes.version + ". ";
        note.appendChild(link);
        block.appendChild(note);
      });
    })
    .catch(function () { /* offline or not published: nothing to say */ });
})();
