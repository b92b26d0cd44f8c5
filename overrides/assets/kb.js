/* Knowledge-base behaviour. Plain script, no dependencies, nothing fetched. */
(function () {
  "use strict";

  var vi = document.documentElement.lang === "vi";
  var WORDS = vi ? {
    page: "Sao chép liên kết đến mục này", versioned: "Sao chép liên kết cố định (phiên bản {v})",
    current: "Sao chép liên kết đến bản hiện hành", cite: "Sao chép dòng trích dẫn", done: "Đã sao chép",
    handout: "In khoản này",
    menu: "Liên kết đến mục này", scroll: "Bảng hoặc mã cuộn ngang"
  } : {
    page: "Copy the link to this section", versioned: "Copy the permanent link (version {v})",
    current: "Copy the link to the current version", cite: "Copy the citation line", done: "Copied",
    handout: "Print this clause",
    menu: "Link to this section", scroll: "Table or code that scrolls sideways"
  };

  function closest(event, selector) {
    return event.target instanceof Element ? event.target.closest(selector) : null;
  }

  // Tooltips for glossary abbreviations and citations (their title), made when a reader points at, taps or
  // focuses one. Material's content.tooltips mounts one per element at load: about 190 ms of main thread on
  // the program page of a mid-range phone (docs/en/dev/benchmarks.md). One tooltip at a time, from one listener.
  var TIPPED = ".md-typeset abbr[title], .md-typeset abbr[data-kb-title], " +
    ".md-typeset a.kb-cite[title], .md-typeset a.kb-cite[data-kb-title]";
  var tip = null, tipOwner = null;

  function tipText(element) {
    // The title moves aside while script runs the tooltip, so the browser does not show its own as well.
    if (element.hasAttribute("title")) {
      element.setAttribute("data-kb-title", element.getAttribute("title"));
      element.removeAttribute("title");
    }
    return element.getAttribute("data-kb-title");
  }

  function hideTip() {
    if (tip) tip.remove();
    if (tipOwner) tipOwner.removeAttribute("aria-describedby");
    tip = tipOwner = null;
  }

  function showTip(element) {
    if (element === tipOwner) return;
    hideTip();
    tip = document.createElement("div");
    tip.id = "kb-tooltip";
    tip.className = "kb-tooltip";
    tip.setAttribute("role", "tooltip");
    tip.setAttribute("data-editorial", "");
    tip.textContent = tipText(element);
    document.body.appendChild(tip);
    var box = element.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.max(8, Math.min(box.left + box.width / 2 - width / 2, document.documentElement.clientWidth - width - 8));
    // In page coordinates: the tooltip scrolls with the text it explains.
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
    tipOwner = element;
    element.setAttribute("aria-describedby", "kb-tooltip");
  }

  document.addEventListener("pointerover", function (event) {
    var element = closest(event, TIPPED);
    if (element) showTip(element);
    else if (tipOwner && event.pointerType === "mouse") hideTip();
  });
  document.addEventListener("focusin", function (event) {
    var element = closest(event, TIPPED);
    if (element) showTip(element); else hideTip();
  });
  document.addEventListener("focusout", function (event) {
    if (event.target === tipOwner) hideTip();
  });
  // A tap elsewhere closes it on phones; a tap on an abbreviation shows it (pointerover may not fire).
  document.addEventListener("click", function (event) {
    var element = closest(event, TIPPED);
    if (element && element.tagName === "ABBR") showTip(element);
    else if (!element) hideTip();
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") hideTip(); });

  // Keyboard readers reach an abbreviation's meaning too: the first use of each abbreviation on a page is a tab
  // stop (every use would add dozens of stops to the program page; the glossary page lists them all).
  function focusableAbbreviations() {
    var seen = {};
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset abbr[title], .md-typeset abbr[data-kb-title]"),
      function (abbr) {
        var name = abbr.textContent;
        if (seen[name] || abbr.closest("a")) return;
        seen[name] = true;
        abbr.setAttribute("tabindex", "0");
      });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", focusableAbbreviations);
  else focusableAbbreviations();

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
    if (control.getAttribute("data-cite")) {
      // The program's parts have a handout page each (in/<anchor>/): one or two A4 pages with a QR code.
      var handout = document.createElement("a");
      var part = anchor.slice(1);
      handout.href = /\.html$/.test(location.pathname) ? "in/" + part + ".html" : "../in/" + part + "/";
      handout.className = "kb-handout-link";
      handout.textContent = WORDS.handout;
      menu.appendChild(handout);
    }
    control.insertAdjacentElement("afterend", menu);
    menu.querySelector("button").focus();
  }

  document.addEventListener("click", function (event) {
    var control = closest(event, "a.kb-permalink");
    if (control) {
      event.preventDefault();
      if (location.hash !== control.hash) location.hash = control.hash;
      openMenu(control);
    } else if (event.isTrusted && !closest(event, ".kb-copy-menu")) {
      // A reader's click elsewhere closes it; a script's click (Material closes its search toggle with one when
      // the address changes) must not.
      closeMenu();
    }
  });
  // Escape closes the menu; from inside it, the focus goes back to the link control that opened it.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = document.querySelector(".kb-copy-menu");
    var back = open && open.contains(document.activeElement) ? open.previousElementSibling : null;
    closeMenu();
    if (back) back.focus();
  });

  // Wide tables and code scroll sideways in their boxes: a keyboard reader must be able to reach and scroll them
  // (axe scrollable-region-focusable). Only boxes that overflow at this width become tab stops.
  function scrollables() {
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset pre > code");
    Array.prototype.forEach.call(boxes, function (box) {
      var overflows = box.scrollWidth > box.clientWidth + 1;
      if (overflows && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("data-kb-scrollable", "");
        if (!box.hasAttribute("role") && box.tagName !== "CODE") {
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", WORDS.scroll);
        }
      } else if (!overflows && box.hasAttribute("data-kb-scrollable")) {
        ["tabindex", "data-kb-scrollable", "role", "aria-label"].forEach(function (name) { box.removeAttribute(name); });
      }
    });
  }
  var resized = null;
  window.addEventListener("resize", function () { clearTimeout(resized); resized = setTimeout(scrollables, 150); });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scrollables);
  else scrollables();
})();
