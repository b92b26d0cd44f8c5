/* Search for Vietnamese readers: accent-insensitive, phrase-aware, scoped to this language, light on the network.
 * The index (search/*.js, built by ctrph13.outputs.searchindex) is loaded shard by shard with <script> tags, so search
 * also works in a copy of the site opened from disk. The tokenizer mirrors ctrph13/searchindex.py exactly; the
 * test suite runs both on the same inputs. In Node (tests, benchmark) the engine is exported as a module. */
(function (root) {
  "use strict";

  // ---- Text: the same rules as ctrph13.core.text and ctrph13.outputs.searchindex -------------------------------------
  var OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe",
    "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"
  };
  var TONE_RE = new RegExp(Object.keys(OLD_TONES).join("|"), "gi");
  var TOKEN_RE = /(\d+(?:[ ]?[-/–‐][ ]?[\p{L}\p{N}]+)+)|(\p{L}+(?:[-/][\p{L}\p{N}]+)+)|([\p{L}\p{N}]+)/gu;

  function normalise(text) {
    return text.normalize("NFC").replace(TONE_RE, function (found) {
      var fresh = OLD_TONES[found.toLowerCase()];
      if (found === found.toUpperCase()) return fresh.toUpperCase();
      return found[0] === found[0].toUpperCase() ? fresh[0].toUpperCase() + fresh.slice(1) : fresh;
    });
  }

  // Character by character, so positions in the folded text are positions in the original (for highlighting).
  function foldChar(c) {
    if (c === "đ" || c === "Đ") return "d";
    var base = c.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    return base.length === 1 ? base : c.toLowerCase();
  }

  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) out += foldChar(text[i]);
    return out;
  }

  function codeKeys(raw) {
    var joined = raw.replace(/[ ]?([-/–‐])[ ]?/g, function (m, sep) { return sep === "/" ? "/" : "-"; });
    var parts = joined.split(/([-/])/);
    var segments = [], separators = [], keys = [joined], seen = {};
    for (var p = 0; p < parts.length; p++) (p % 2 ? separators : segments).push(parts[p]);
    seen[joined] = true;
    for (var length = segments.length - 1; length > 0; length--) {
      for (var start = 0; start + length <= segments.length; start++) {
        var piece = segments[start];
        for (var i = start + 1; i < start + length; i++) piece += separators[i - 1] + segments[i];
        if (!seen[piece]) { seen[piece] = true; keys.push(piece); }
      }
    }
    return keys;
  }

  function tokenize(text) {
    var prepared = normalise(text).toLowerCase(), tokens = [], match;
    TOKEN_RE.lastIndex = 0;
    while ((match = TOKEN_RE.exec(prepared)) !== null) {
      var folded = fold(match[0]);
      if (match[3] === undefined) {
        var keys = codeKeys(folded);
        tokens.push({ keys: keys, surface: match[0], head: keys[0].split(/[-/]/)[0], start: match.index });
      } else {
        tokens.push({ keys: [folded], surface: match[0], head: folded, start: match.index });
      }
    }
    return tokens;
  }

  // ---- Engine ---------------------------------------------------------------------------------------------
  function Engine(load) {
    this.load = load;          // load(name) -> Promise of the shard's data
    this.cache = {};
  }

  Engine.prototype.get = function (name) {
    if (!this.cache[name]) this.cache[name] = this.load(name);
    return this.cache[name];
  };

  Engine.prototype.manifest = function () { return this.get("manifest"); };

  // Which documents quote which clause of the program, and which documents are its clauses (quotes.js).
  Engine.prototype.quotes = function () {
    return this.get("quotes").then(function (data) {
      var of = {}, clause = {};
      for (var i = 0; i < data.q.length; i += 2) of[data.q[i]] = data.q[i + 1];
      data.c.forEach(function (doc) { clause[doc] = true; });
      return { of: of, clause: clause };
    }, function () { return { of: {}, clause: {} }; });
  };

  function fnv1a(key) {
    var value = 0x811c9dc5;
    for (var i = 0; i < key.length; i++) value = Math.imul(value ^ key.charCodeAt(i), 0x01000193) >>> 0;
    return value;
  }

  Engine.prototype.postings = function (keys, manifest) {
    var self = this, buckets = {};
    keys.forEach(function (key) { buckets[fnv1a(key) % manifest.buckets] = true; });
    return Promise.all(Object.keys(buckets).map(function (b) {
      return self.get("p-" + b).then(function (data) { return data; }, function () { return {}; });
    })).then(function (shards) {
      var found = {};
      keys.forEach(function (key) {
        for (var s = 0; s < shards.length; s++) if (shards[s][key]) { found[key] = decode(shards[s][key]); break; }
      });
      return found;
    });
  };

  function decode(flat) {
    var out = {}, doc = 0;
    for (var i = 0; i < flat.length; i += 2) { doc += flat[i]; out[doc] = flat[i + 1]; }
    return out;
  }

  // Completion of the word being typed: the most frequent keys (or pairs, after a previous word) it starts.
  Engine.prototype.complete = function (previous, prefix) {
    var lookup = previous ? previous + " " + prefix : prefix;
    if (lookup.length < 2) return Promise.resolve([]);
    return this.get("lex-" + lookup.slice(0, 2)).then(function (lexicon) {
      return Object.keys(lexicon).filter(function (key) {
        return key.indexOf(lookup) === 0 && (previous ? key.split(" ").length === 2 : key.indexOf(" ") < 0);
      }).sort(function (a, b) { return lexicon[b] - lexicon[a]; }).slice(0, 6).map(function (key) {
        return previous ? key.slice(previous.length + 1) : key;
      });
    }, function () { return []; });
  };

  // A query becomes positions, each with the keys that may stand there; abbreviations add a spelled-out variant.
  Engine.prototype.variants = function (query, manifest) {
    var tokens = tokenize(query);
    if (!tokens.length) return Promise.resolve([]);
    var typing = !/[\s.,;:!?)"”]$/.test(query);
    var last = tokens[tokens.length - 1];
    var prev = tokens.length > 1 ? tokens[tokens.length - 2].keys[0] : "";
    var expand = typing && last.keys.length === 1 ? this.complete(prev, last.keys[0]) : Promise.resolve([]);
    return expand.then(function (completions) {
      var positions = tokens.map(function (t, i) {
        var alts = [t.keys[0]];
        // Numbers are written with and without a leading zero ("sơ kết 05 năm", "Chỉ thị số 09"): try both.
        if (/^\d+$/.test(t.keys[0])) alts.push(t.keys[0].length === 1 ? "0" + t.keys[0] : t.keys[0].replace(/^0+(?=\d)/, ""));
        if (alts[1] === alts[0]) alts.pop();
        if (manifest.lang === "en") english(t.keys[0]).forEach(function (form) { if (alts.indexOf(form) < 0) alts.push(form); });
        if (i === tokens.length - 1) completions.forEach(function (c) { if (alts.indexOf(c) < 0) alts.push(c); });
        return { alts: alts, head: t.head, surface: t.surface };
      });
      var variants = [positions], abbr = manifest.abbr || {};
      var spelled = [], changed = false;
      positions.forEach(function (p) {
        var long = abbr[p.alts[0]];
        if (long) { changed = true; long.forEach(function (w) { spelled.push({ alts: [w], head: w, surface: w }); }); }
        else spelled.push(p);
      });
      if (changed) variants.push(spelled);
      return variants;
    });
  };

  // English readers ask "duties" of a text that says "duty", "rewards" of "reward": the singular and plural of a
  // word are tried both (the index keeps words as written; Vietnamese words do not inflect).
  function english(word) {
    if (!/^[a-z]{3,}$/.test(word)) return [];
    if (/ies$/.test(word)) return [word.slice(0, -3) + "y"];
    if (/(ss|us|is)$/.test(word)) return [];
    if (/(ches|shes|xes|sses)$/.test(word)) return [word.slice(0, -2)];
    if (/s$/.test(word)) return [word.slice(0, -1)];
    if (/y$/.test(word) && !/[aeiou]y$/.test(word)) return [word.slice(0, -1) + "ies"];
    return [word + "s"];
  }

  function pairs(positions) {
    var out = [];
    for (var i = 1; i < positions.length; i++) {
      var options = [];
      positions[i - 1].alts.forEach(function (a) {
        positions[i].alts.forEach(function (b) { options.push(a + " " + b); });
      });
      if (positions[i].head !== positions[i].alts[0]) options.push(positions[i - 1].alts[0] + " " + positions[i].head);
      out.push(options);
    }
    return out;
  }

  Engine.prototype.search = function (query, limit) {
    var self = this;
    limit = limit || 10;
    return Promise.all([this.manifest(), this.quotes()]).then(function (loaded) {
      var manifest = loaded[0], quotes = loaded[1];
      return self.variants(query, manifest).then(function (variants) {
        if (!variants.length) return [];
        var keys = {};
        variants.forEach(function (positions) {
          positions.forEach(function (p) { p.alts.forEach(function (k) { keys[k] = true; }); });
          pairs(positions).forEach(function (options) { options.forEach(function (k) { keys[k] = true; }); });
        });
        return self.postings(Object.keys(keys), manifest).then(function (found) {
          var scores = sourceFirst(rank(variants, found, manifest.documents), quotes, numbers(variants[0]), found);
          var top = scores.slice(0, limit);
          return self.documents(top, manifest).then(function (docs) {
            return rerank(top, docs, query, variants).slice(0, limit);
          });
        });
      });
    });
  };

  function idf(list, total) {
    var df = list ? Object.keys(list).length : 0;
    return Math.log(1 + total / (1 + df));
  }

  // Adjacent pairs dominate: a section holding every pair of the query ranks above one holding only the words.
  function rank(variants, found, total) {
    var best = {};
    variants.forEach(function (positions) {
      var score = {};
      function add(doc, value) { score[doc] = (score[doc] || 0) + value; }
      var pairOptions = pairs(positions);
      pairOptions.forEach(function (options) {
        var hits = {};
        options.forEach(function (key) {
          var list = found[key], weight = 1e6 + 1e3 * idf(list, total);
          for (var doc in list) hits[doc] = Math.max(hits[doc] || 0, weight + list[doc]);
        });
        for (var doc in hits) add(doc, hits[doc]);
      });
      positions.forEach(function (p) {
        var hits = {};
        p.alts.forEach(function (key, i) {
          var list = found[key], weight = (i ? 0.9 : 1) * (1e3 + 100 * idf(list, total));
          for (var doc in list) hits[doc] = Math.max(hits[doc] || 0, weight + list[doc]);
        });
        for (var doc in hits) add(doc, hits[doc]);
      });
      for (var doc in score) if (!(doc in best) || score[doc] > best[doc]) best[doc] = score[doc];
    });
    return Object.keys(best).map(function (doc) { return { doc: +doc, score: best[doc] }; })
      .sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
  }

  // The numbers the reader typed, each as the keys that may stand for it: a year or a document number alone
  // ("2028", "40/2023"), a period with its unit ("10 năm" as the pair "10 nam"), so that "5" alone matches no
  // clause merely numbered 5.
  function numbers(positions) {
    var out = [];
    positions.forEach(function (p, i) {
      if (!/\d/.test(p.surface)) return;
      var next = positions[i + 1];
      if (next && !/\d/.test(next.surface)) {
        out.push(p.alts.map(function (a) { return a + " " + next.alts[0]; }));
      } else out.push(p.alts);
    });
    return out;
  }

  // The source before its quotations: a clause takes the best score of the pages that quote it, which then leave
  // the list (the clause's result names them). A clause that states every number the query has ranks first.
  function sourceFirst(scores, quotes, keys, found) {
    var best = {};
    scores.forEach(function (hit) {
      var doc = hit.doc in quotes.of ? quotes.of[hit.doc] : hit.doc;
      if (!(doc in best) || hit.score > best[doc]) best[doc] = hit.score;
    });
    if (keys.length) {
      Object.keys(best).forEach(function (doc) {
        var states = function (options) {
          return options.some(function (key) { return found[key] && doc in found[key]; });
        };
        if (quotes.clause[doc] && keys.every(states)) {
          best[doc] += 1e9;
        }
      });
    }
    return Object.keys(best).map(function (doc) { return { doc: +doc, score: best[doc] }; })
      .sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
  }

  Engine.prototype.documents = function (top, manifest) {
    var self = this, shards = {};
    top.forEach(function (hit) { shards[Math.floor(hit.doc / manifest.docsPerShard)] = true; });
    return Promise.all(Object.keys(shards).map(function (n) {
      return self.get("d-" + n).then(function (rows) { return { n: +n, rows: rows }; });
    })).then(function (loaded) {
      var docs = {};
      loaded.forEach(function (shard) {
        shard.rows.forEach(function (row, i) { docs[shard.n * manifest.docsPerShard + i] = row; });
      });
      return docs;
    });
  };

  // With the text at hand: the whole phrase in order ranks first, then exact accents when the reader typed them.
  function rerank(top, docs, query, variants) {
    var typedAccents = normalise(query).toLowerCase() !== fold(normalise(query));
    var surfaces = tokenize(query).map(function (t) { return t.surface; });
    return top.map(function (hit) {
      var row = docs[hit.doc], text = normalise(row[2]), folded = fold(text);
      var span = null;
      variants.forEach(function (positions) {
        if (!span) span = findPhrase(folded, positions);
      });
      var score = hit.score + (span ? 1e8 : 0);
      if (typedAccents) {
        var lower = text.toLowerCase();
        surfaces.forEach(function (s) { if (lower.indexOf(s) >= 0) score += 5e7 / surfaces.length; });
      }
      return { url: row[0], title: row[1], text: text, span: span, score: score, quotedIn: row[3] || [] };
    }).sort(function (a, b) { return b.score - a.score; });
  }

  function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  // Where the query's words stand together, in order, in the folded text (the last word may be a prefix).
  function findPhrase(folded, positions) {
    var parts = positions.map(function (p, i) {
      var words = p.alts.map(escapeRe).join("|");
      return "(?:" + words + ")" + (i === positions.length - 1 ? "[\\p{L}\\p{N}]*" : "");
    });
    var re = new RegExp("(?<![\\p{L}\\p{N}])" + parts.join("[^\\p{L}\\p{N}]+(?:so[^\\p{L}\\p{N}]+)?"), "u");
    var m = re.exec(folded);
    return m ? [m.index, m.index + m[0].length] : null;
  }

  function snippet(result, width) {
    var text = result.text, start = 0, end = Math.min(text.length, width);
    if (result.span) {
      start = Math.max(0, result.span[0] - Math.floor(width / 3));
      if (start > 0) start = text.indexOf(" ", start) + 1 || start;  // begin at a word, not inside one
      end = Math.min(text.length, start + width);
    }
    function esc(s) { return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"); }
    var html = esc(text.slice(start, end));
    if (result.span) {
      html = esc(text.slice(start, result.span[0])) + "<mark>" + esc(text.slice(result.span[0], result.span[1])) +
        "</mark>" + esc(text.slice(result.span[1], end));
    }
    return (start > 0 ? "… " : "") + html + (end < text.length ? " …" : "");
  }

  var api = { normalise: normalise, fold: fold, tokenize: tokenize, fnv1a: fnv1a, Engine: Engine, snippet: snippet };
  if (typeof module === "object" && module.exports) { module.exports = api; return; }

  // ---- Browser ----------------------------------------------------------------------------------------------
  var dialog = document.querySelector("[data-kb-search]");
  var waiting = {};
  root.kbSearchLoad = function (name, data) {
    if (waiting[name]) { waiting[name].resolve(data); delete waiting[name]; }
  };

  function scriptLoader(base) {
    return function (name) {
      return new Promise(function (resolve, reject) {
        waiting[name] = { resolve: resolve };
        var tag = document.createElement("script");
        tag.src = base + "search/" + name + ".js";
        tag.async = true;
        tag.onerror = function () { delete waiting[name]; reject(new Error(name)); };
        tag.onload = function () { tag.remove(); if (waiting[name]) { delete waiting[name]; reject(new Error(name)); } };
        document.head.appendChild(tag);
      });
    };
  }

  function highlightPage() {
    var terms = new URLSearchParams(location.search).get("h");
    if (!terms) return;
    var words = tokenize(terms).map(function (t) { return t.keys[0]; }).filter(function (w) { return w.length > 1; });
    var scope = document.querySelector("article.md-content__inner");
    if (!scope || !words.length) return;
    var re = new RegExp("(?<![\\p{L}\\p{N}])(?:" + words.map(escapeRe).join("|") + ")[\\p{L}\\p{N}]*", "gu");
    var walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT), nodes = [], node;
    while ((node = walker.nextNode())) nodes.push(node);
    nodes.forEach(function (textNode) {
      var value = textNode.nodeValue, folded = fold(value), m, last = 0, frag = null;
      re.lastIndex = 0;
      while ((m = re.exec(folded)) !== null) {
        frag = frag || document.createDocumentFragment();
        frag.appendChild(document.createTextNode(value.slice(last, m.index)));
        var mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        mark.textContent = value.slice(m.index, m.index + m[0].length);
        frag.appendChild(mark);
        last = m.index + m[0].length;
      }
      if (frag) {
        frag.appendChild(document.createTextNode(value.slice(last)));
        textNode.parentNode.replaceChild(frag, textNode);
      }
    });
  }

  function withQuery(url, query) {
    var hash = url.indexOf("#"), path = hash < 0 ? url : url.slice(0, hash), anchor = hash < 0 ? "" : url.slice(hash);
    return path + "?h=" + encodeURIComponent(query) + anchor;
  }

  function setup() {
    highlightPage();
    if (!dialog) return;
    var base = dialog.getAttribute("data-kb-base").replace(/\/?$/, "/");
    var engine = new Engine(scriptLoader(base));
    var toggle = document.getElementById("__search");
    var input = dialog.querySelector("input[name=query]");
    var meta = dialog.querySelector(".md-search-result__meta");
    var list = dialog.querySelector(".md-search-result__list");
    var say = function (key, n) { return dialog.getAttribute("data-kb-" + key).replace("#", n); };
    var latest = 0, timer = null;

    // Whatever opened the search gets the focus back when it closes: the header field (desktop), the search button
    // (phone), or nothing when a key opened it, so focus returns to the page. Material opens its own search when
    // the field gains focus; ours must too, or a click on the desktop field shows no results (issue 16).
    var opener = null, closing = false;
    // On a phone the open search covers the page, which must not scroll (or pan sideways) beneath it: Material's
    // own search locks the body the same way, and its stylesheet fixes body[data-md-scrolllock] on small screens.
    var narrow = window.matchMedia("(max-width: 59.984375em)"), scrolled = 0;
    function lock(on) {
      var body = document.body;
      if (on && narrow.matches && !body.hasAttribute("data-md-scrolllock")) {
        scrolled = window.scrollY;
        body.style.top = -scrolled + "px";
        body.setAttribute("data-md-scrolllock", "");
      } else if (!on && body.hasAttribute("data-md-scrolllock")) {
        body.removeAttribute("data-md-scrolllock");
        body.style.top = "";
        window.scrollTo(0, scrolled);
      }
    }
    function open(from) {
      opener = from || null;
      lock(true);
      if (toggle && !toggle.checked) toggle.checked = true;
      if (document.activeElement !== input) input.focus();  // focus() also forces the style update that shows it
    }
    // Tab moving on from the search (to the page, not to a result) closes it where it is, focus left alone.
    dialog.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (!toggle || !toggle.checked || (next && dialog.contains(next))) return;
      if (!next) return;  // focus left the window, or a click on nothing focusable: the overlay handles that
      toggle.checked = false;
      lock(false);
      opener = null;
    });
    function close() {
      if (toggle) toggle.checked = false;
      lock(false);
      var back = opener;
      opener = null;
      if (back === input) return;  // the field keeps the focus, closed: typing opens it again
      closing = true;
      if (back && document.contains(back)) back.focus();
      else input.blur();
      closing = false;
    }
    input.addEventListener("focus", function () { if (!closing && toggle && !toggle.checked) open(input); });
    input.addEventListener("input", function () { if (toggle && !toggle.checked) open(opener || input); });
    // The header's search button (shown on narrow screens) is a label: focusable, and Enter or Space opens it.
    // (No role="button": ARIA allows no role on a label, and Material's styles select the label.)
    Array.prototype.forEach.call(document.querySelectorAll(".md-header__button[for=__search]"), function (button) {
      button.setAttribute("tabindex", "0");
      button.addEventListener("click", function (event) {
        event.preventDefault();  // the label would toggle the checkbox after us and close it again
        open(button);
      });
      button.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(button); }
      });
    });

    function render(query, results) {
      list.innerHTML = "";
      list.setAttribute("data-query", query);  // which query the list answers (typing runs several)
      meta.textContent = results.length === 0 ? say("none") : results.length === 1 ? say("one") : say("other", results.length);
      results.forEach(function (result) {
        var item = document.createElement("li");
        item.className = "md-search-result__item";
        var link = document.createElement("a");
        link.className = "md-search-result__link";
        link.href = base + withQuery(result.url, query);
        var article = document.createElement("article");
        article.className = "md-search-result__article md-typeset";
        var title = document.createElement("h1");
        title.textContent = result.title;
        var text = document.createElement("p");
        text.innerHTML = snippet(result, 220);
        article.appendChild(title);
        article.appendChild(text);
        link.appendChild(article);
        item.appendChild(link);
        if (result.quotedIn.length) item.appendChild(quotedIn(result.quotedIn, query));
        list.appendChild(item);
      });
    }

    // "also quoted in: A, B, C +N" under a clause: links of their own, beside (not inside) the result's link.
    function quotedIn(pages, query) {
      var line = document.createElement("p");
      line.className = "kb-search-quoted";
      line.appendChild(document.createTextNode(say("quoted") + " "));
      pages.slice(0, 3).forEach(function (page, i) {
        if (i) line.appendChild(document.createTextNode(", "));
        var link = document.createElement("a");
        link.href = base + withQuery(page[0], query);
        link.textContent = page[1];
        line.appendChild(link);
      });
      if (pages.length > 3) {
        var more = document.createElement("span");
        more.textContent = " +" + (pages.length - 3);
        more.title = pages.slice(3).map(function (page) { return page[1]; }).join(", ");
        line.appendChild(more);
      }
      return line;
    }

    function run() {
      var query = input.value, ticket = ++latest;
      if (query.trim().length < 2) { list.innerHTML = ""; return; }  // one letter matches everything
      meta.textContent = say("loading");
      engine.search(query, 10).then(function (results) {
        if (ticket === latest) render(query, results);
      }, function () { if (ticket === latest) meta.textContent = say("offline"); });
    }

    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 80); });
    dialog.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) location.href = first.href;
    });
    dialog.querySelector("form").addEventListener("reset", function () { list.innerHTML = ""; setTimeout(run, 0); });
    // The dialog's own back arrow and the overlay are labels that uncheck the toggle: close as Escape does.
    if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) open(opener); else close(); });
    // The 404 page of the published branch sends its search form here as ?q=…
    var asked = new URLSearchParams(location.search).get("q");
    if (asked) { open(null); input.value = asked; run(); }
    document.addEventListener("keydown", function (event) {
      var target = event.target, typing = target instanceof HTMLElement &&
        (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (!typing && (event.key === "/" || event.key === "s" || event.key === "f") && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        open(null);
      } else if (toggle && toggle.checked && event.key === "Escape") {
        close();
      } else if (toggle && toggle.checked && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
        var links = Array.prototype.slice.call(list.querySelectorAll("a"));
        if (!links.length) return;
        event.preventDefault();
        var index = links.indexOf(document.activeElement);
        index = event.key === "ArrowDown" ? Math.min(index + 1, links.length - 1) : index - 1;
        (index < 0 ? input : links[index]).focus();
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})(typeof window !== "undefined" ? window : this);
