/* Knowledge-base behaviour. Plain script, no dependencies, nothing fetched. */
(function () {
  "use strict";

  // The language switch lands on the same page; carry the anchor (#iii-2) over as well.
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a.kb-alternate") : null;
    if (link && location.hash && !link.hash) {
      event.preventDefault();
      location.href = link.href + location.hash;
    }
  });

  // A permalink control copies the clause's address; the link itself still works without script.
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a.kb-permalink") : null;
    if (!link || !navigator.clipboard) return;
    navigator.clipboard.writeText(link.href).then(function () {
      link.classList.add("kb-copied");
      setTimeout(function () { link.classList.remove("kb-copied"); }, 1500);
    }, function () { /* Clipboard refused (insecure context): following the link still shows the address. */ });
  });
})();
