#!/usr/bin/env node
/* Runs the site's own search engine (overrides/assets/search.js) in Node against a built index, as the browser
 * would, and reports what it loaded. Used by the tests and the search benchmark.
 * Usage: node scripts/search-query.js SEARCH_DIR [--typed] [--text] QUERY...
 *   --typed: type each query key by key, counting the bytes from the first keystroke to the final result;
 *   --text: include each result's text. Queries run in order on one engine, so later ones reuse loaded files. */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const search = require(path.join(__dirname, "..", "overrides", "assets", "search.js"));

const args = process.argv.slice(2);
const dir = args.shift();
let typed = false;
let withText = false;
while (args[0] && args[0].startsWith("--")) {
  const flag = args.shift();
  if (flag === "--typed") typed = true;
  if (flag === "--text") withText = true;
}

function loader(loaded) {
  return (name) => new Promise((resolve, reject) => {
    const file = path.join(dir, `${name}.js`);
    if (!fs.existsSync(file)) return reject(new Error(name));
    const source = fs.readFileSync(file);
    loaded.push({ name, bytes: source.length, gzip: zlib.gzipSync(source, { level: 9 }).length });
    let data;
    new Function("kbSearchLoad", source.toString("utf8"))((_, value) => { data = value; });
    resolve(data);
  });
}

async function main() {
  const engine = new search.Engine(loader([]));
  const out = [];
  for (const query of args) {
    const loaded = [];
    engine.load = loader(loaded);
    // Typed: every keystroke from the second character on runs a search, as in the browser.
    const steps = typed ? [...query].map((_, i) => query.slice(0, i + 1)).filter((s) => s.trim().length >= 2)
      : [query];
    let results = [];
    for (const step of steps) results = await engine.search(step, 10);
    out.push({
      query,
      files: loaded.map((f) => f.name),
      gzip: loaded.reduce((sum, f) => sum + f.gzip, 0),
      results: results.map((r) => ({ url: r.url, title: r.title, phrase: Boolean(r.span),
        match: r.span ? r.text.slice(r.span[0], r.span[1]) : "", ...(withText ? { text: r.text } : {}) })),
    });
  }
  process.stdout.write(JSON.stringify(out, null, 1) + "\n");
}

main().catch((error) => { process.stderr.write(`${error.stack}\n`); process.exit(1); });
