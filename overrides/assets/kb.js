/* Knowledge-base behaviour. Plain script, no dependencies, nothing fetched. */
(function () {
  "use strict";

  var vi = document.documentElement.lang === "vi";
  var WORDS = vi ? {
    page: "Sao chép liên kết đến mục này", versioned: "Sao chép liên kết cố định (phiên bản {v})",
    current: "Sao chép liên kết đến bản hiện hành", cite: "Sao chép dòng trích dẫn", done: "Đã sao chép",
    menu: "Liên kết đến mục này"
  } : {
    page: "Copy the link to this section", versioned: "Copy the permanent link (version {v})",
    current: "Copy the link to the current version", cite: "Copy the citation line", done: "Copied",
    menu: "Link to this section"
  };

  function closest(event, selector) {
    return event.target instanceof Element ? event.target.closest(selector) : null;
  }

  // The language switch lands on the same page; carry the anchor (#iii-2) over as well.
  document.addEventListener("click", function (event) {
    var link = closest(event, "a.kb-alternate");
    if (link && location.hash && !link.hash) {
      event.preventDefault();
      location.href = link.href + location.hash;
    }
  });

  var links = (function () {
    var node = document.getElementById("kb-links");
    try { return node ? JSON.parse(node.textContent) : {}; } catch (error) { return {}; }
  })();

  function copy(text, button) {
    var done = function () { button.textContent = WORDS.done; };
    if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, function () { prompt("", text); });
    else prompt("", text);  // insecure context (a copy opened from disk): let the reader copy by hand
  }

  function closeMenu() {
    var open = document.querySelector(".kb-copy-menu");
    if (open) open.remove();
  }

  // A permalink control still goes to its anchor; with script it also offers the addresses to copy:
  // this version's and the current one's in a versioned deploy, and a citation line for the program's clauses.
  function openMenu(control) {
    closeMenu();
    var anchor = control.hash;
    var choices = [];
    if (links.versioned) {
      choices.push([WORDS.versioned.replace("{v}", links.version), links.versioned + anchor]);
      choices.push([WORDS.current, links.current + anchor]);
    } else {
      choices.push([WORDS.page, location.href.split("#")[0] + anchor]);
    }
    if (control.getAttribute("data-cite")) choices.push([WORDS.cite, control.getAttribute("data-cite")]);
    var menu = document.createElement("div");
    menu.className = "kb-copy-menu";
    menu.setAttribute("role", "group");
    menu.setAttribute("aria-label", WORDS.menu);
    choices.forEach(function (choice) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = choice[0];
      button.setAttribute("data-copy", choice[1]);
      button.addEventListener("click", function () { copy(choice[1], button); });
      menu.appendChild(button);
    });
    control.insertAdjacentElement("afterend", menu);
    menu.querySelector("button").focus();
  }

  document.addEventListener("click", function (event) {
    var control = closest(event, "a.kb-permalink");
    if (control) {
      event.preventDefault();
      if (location.hash !== control.hash) location.hash = control.hash;
      openMenu(control);
    } else if (!closest(event, ".kb-copy-menu")) {
      closeMenu();
    }
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") closeMenu(); });
})();
