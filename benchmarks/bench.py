"""Benchmarks that print figures (never timed tests): search bytes and precision, build scaling.

``python -m benchmarks.bench search --scales 1,10,100`` (``make bench-search``) and
``python -m benchmarks.bench build --scales 1,10,100`` (``make bench``). Both grow the site with the one corpus
generator (:mod:`benchmarks.corpus`), build it strictly, and measure the result.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import platform
import queue
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

import yaml
from mkdocs.config import load_config

from benchmarks import corpus
from benchmarks.localserve import serve
from ctrph13.adapter.state import generated_files, run
from ctrph13.core import timing
from ctrph13.core.i18n import LANGUAGES
from ctrph13.core.mdfile import body_start_line, front_matter_title
from ctrph13.data.site import load_site
from ctrph13.outputs import pdf
from ctrph13.outputs.searchindex import tokenize
from ctrph13.pages.markers import expand_markers

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = Path(sys.executable).parent / "mkdocs"
SEARCH_JS = ROOT / "overrides" / "assets" / "search.js"
QUERY_JS = ROOT / "scripts" / "search-query.js"
# Two- and three-syllable queries, typed without diacritics as most cadres do.
QUERIES = (
    "dang vien",
    "an ninh",
    "to quoc",
    "phong trao",
    "toan dan",
    "bao ve",
    "trat tu",
    "chi thi",
    "ket luan",
    "nghi quyet",
    "thong tu",
    "cong an",
    "mat tran",
    "hoi nong dan",
    "nguoi cao tuoi",
    "phu nu",
    "cuu chien binh",
    "hoa giai",
    "te nan",
    "toi pham",
    "tuyen truyen",
    "ban chi dao",
    "nong thon moi",
    "khu dan cu",
    "ngay hoi",
    "dai doan ket",
    "khen thuong",
    "so ket",
)
FURTHER = ("tu quan", "giam sat", "xa hoi")
# What an editor changes while `make serve` runs: a page of each language, then a data file (every page rendered).
EDITS = (
    ("a Vietnamese page", "docs/vi/gioi-thieu.md", "\n\nCâu thêm vào để đo thời gian xem trước.\n", "gioi-thieu/"),
    ("an English page", "docs/en/gioi-thieu.md", "\n\nA sentence added to time the preview.\n", "en/gioi-thieu/"),
    ("a data file (every page of both languages)", "data/glossary.yaml", "\n# timed by make bench\n", None),
)


def gz(path: Path) -> int:
    """Size of a file as a host serves it, gzip-compressed."""
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


@dataclass(frozen=True)
class Measured:
    """What one build cost: wall time and CPU time in seconds, peak memory in MiB.

    CPU time is the user and system time of the builder and of every process it started and joined: what the
    build costs a machine with no CPU to spare.
    """

    wall: float
    cpu: float
    peak: int


def measure(command: Sequence[str], root: Path, env: dict[str, str] | None = None) -> Measured:
    """Run a build of the project at ``root`` and measure it."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        command,
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SystemExit(f"{root}: {' '.join(command)} failed\n{result.stdout}{result.stderr}")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return Measured(wall, cpu, max(before.ru_maxrss, after.ru_maxrss) // 1024)


def build(root: Path, site: Path, env: dict[str, str] | None = None) -> Measured:
    """Strict build of the project at ``root`` (see :func:`measure`)."""
    return measure([str(MKDOCS), "build", "--strict", "-q", "-d", str(site)], root, env)


def project(scale: int, scratch: Path) -> Path:
    """The real site (scale 1) or a grown copy, built from this checkout."""
    out = scratch / f"x{scale}"
    corpus.generate(ROOT, out, scale)
    return out


def relevant(text: str, query: str) -> bool:
    """The matched passage holds the query's syllables next to each other, in order, after folding."""
    words = [t.keys[0] for t in tokenize(text)]
    wanted = [t.keys[0] for t in tokenize(query)]
    return any(words[i : i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1))


def run_queries(search_dir: Path, queries: Sequence[str]) -> list[dict[str, object]]:
    """Type ``queries`` in order, key by key, on one engine (a reader's session) and report what each loaded."""
    out = subprocess.run(
        ["node", str(QUERY_JS), str(search_dir), "--typed", "--text", *queries],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    data: list[dict[str, object]] = json.loads(out)
    return data


@dataclass(frozen=True)
class SearchFigures:
    """Search figures at one scale."""

    scale: int
    documents: int
    index_kib: float
    first_kib: float
    further_kib: float
    precision: float


def search_figures(scale: int, site: Path) -> SearchFigures:
    """Index size, bytes to the first result, bytes per further query, precision of the top 10."""
    folder = site / "search"
    runtime = gz(SEARCH_JS)
    manifest = json.loads((folder / "manifest.js").read_text(encoding="utf-8").split(",", 1)[1].rsplit(")", 1)[0])
    index = sum(gz(f) for f in folder.glob("*.js"))
    firsts, further, precisions = [], [], []
    for query in QUERIES:
        session = run_queries(folder, [query, *FURTHER])
        firsts.append(runtime + int(str(session[0]["gzip"])))
        further += [int(str(s["gzip"])) for s in session[1:]]
        results = session[0]["results"]
        assert isinstance(results, list)
        hits = sum(relevant(str(r["text"]), query) for r in results[:10])
        precisions.append(hits / 10)
    return SearchFigures(
        scale,
        int(manifest["documents"]),
        index / 1024,
        max(firsts) / 1024,
        max(further) / 1024,
        sum(precisions) / len(precisions),
    )


QUESTIONS = ROOT / "tests" / "search" / "questions.yaml"


@dataclass(frozen=True)
class Ranking:
    """How well search answers the committed questions of one language (tests/search/questions.yaml)."""

    lang: str
    questions: int
    hit1: int  # the answering clause comes first
    hit3: int  # ... among the first three
    reciprocal: float  # sum of 1/rank of the first answering clause (0 where none of the ten is)
    misses: tuple[str, ...]  # ids of the questions whose answer is not in the first three

    @property
    def mrr(self) -> float:
        """Mean reciprocal rank."""
        return self.reciprocal / self.questions


def question_ranking(site: Path, program_url: str = "chuong-trinh/") -> list[Ranking]:
    """Ask every committed question of the built ``site``'s search, as typed, and score the clause anchors."""
    questions = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))["questions"]
    out = []
    for lang, folder in (("vi", site / "search"), ("en", site / "en" / "search")):
        asked = [q for q in questions if q["lang"] == lang]
        answers = json.loads(
            subprocess.run(
                ["node", str(QUERY_JS), str(folder), *[str(q["q"]) for q in asked]],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        hit1 = hit3 = 0
        reciprocal = 0.0
        misses = []
        for question, answer in zip(asked, answers, strict=True):
            anchors = [
                url.partition("#")[2] if url.partition("#")[0] == program_url else None
                for url in (str(r["url"]) for r in answer["results"])
            ]
            rank = next((i for i, a in enumerate(anchors) if a in question["answers"]), None)
            if rank is not None:
                reciprocal += 1 / (rank + 1)
                hit1 += rank == 0
                hit3 += rank < 3
            if rank is None or rank >= 3:
                misses.append(str(question["id"]))
        out.append(Ranking(lang, len(asked), hit1, hit3, reciprocal, tuple(misses)))
    return out


def ranking_table(rankings: Sequence[Ranking]) -> str:
    """hit@1, hit@3 and MRR per language and in all, as a Markdown table."""
    rows = ["| language | questions | hit@1 | hit@3 | MRR |", "| --- | ---: | ---: | ---: | ---: |"]
    total = Ranking(
        "all",
        sum(r.questions for r in rankings),
        sum(r.hit1 for r in rankings),
        sum(r.hit3 for r in rankings),
        sum(r.reciprocal for r in rankings),
        (),
    )
    rows += [
        f"| {r.lang} | {r.questions} | {r.hit1 / r.questions:.2f} | {r.hit3 / r.questions:.2f} | {r.mrr:.2f} |"
        for r in [*rankings, total]
    ]
    return "\n".join(rows)


def environment() -> str:
    """What the figures were measured on."""
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("mkdocs", "mkdocs-material", "mike"))
    return (
        f"{platform.platform()}; {os.cpu_count()} CPUs; Python {platform.python_version()}; {versions}; "
        f"node {subprocess.run(['node', '--version'], capture_output=True, text=True, check=True).stdout.strip()}"
    )


def bench_search(scales: Sequence[int]) -> None:
    """Print the search table."""
    print(f"# Search benchmark\n{environment()}\n")
    print(
        "| scale | sections (vi) | index, gzip KiB | first result, KiB (worst query) | further query, KiB (worst) "
        "| precision@10 |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    rankings: dict[int, list[Ranking]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for scale in scales:
            root = project(scale, Path(scratch))
            build(root, root / "site")
            f = search_figures(scale, root / "site")
            print(
                f"| {f.scale}× | {f.documents} | {f.index_kib:.0f} | {f.first_kib:.1f} | {f.further_kib:.1f} | "
                f"{f.precision:.2f} |",
                flush=True,
            )
            rankings[scale] = question_ranking(root / "site")
            shutil.rmtree(root)
    today = datetime.now(UTC).date()
    for scale, ranked in rankings.items():
        print(f"\nQuestions answered by the right clause ({QUESTIONS.relative_to(ROOT)}), {scale}×, {today}:\n")
        print(ranking_table(ranked))


def without_hooks(root: Path) -> None:
    """Turn ``root`` into the same site for MkDocs and Material alone: what the hooks add, written out as files.

    Every page's markers are expanded and every generated page and data file is written into ``docs/``, so the
    build without hooks renders the same pages; what it does not do is the hooks' own work (validation, marker
    expansion, citation links and abbreviations, generated pages, search sections, nested English build).
    """
    site = load_site(root)
    site_url = "https://example.org/ctrph13/"
    for lang in LANGUAGES:
        docs = root / "docs" / lang
        titles = {}
        for page in sorted(docs.rglob("*.md")):
            raw = page.read_text(encoding="utf-8")
            path = page.relative_to(root).as_posix()
            titles[page.relative_to(docs).as_posix()] = front_matter_title(raw)
            lines = raw.split("\n")
            start = body_start_line(raw) - 1
            body = expand_markers("\n".join(lines[start:]), site, lang, path, start + 1, site_url)
            page.write_text("\n".join([*lines[:start], body]), encoding="utf-8")
        for name, content in generated_files(site, lang, titles, site_url).items():
            target = docs / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        config = root / name
        text = config.read_text(encoding="utf-8").replace("hooks:\n  - hooks/content.py\n", "hooks: []\n")
        config.write_text(text, encoding="utf-8")


# The hooks' own steps, as ctrph13.core.timing names them (hooks/content.py, the Markdown extension, the checks).
HOOK_STEPS = (
    "config",
    "files",
    "page_markdown",
    "annotate",
    "page_context",
    "env",
    "post_build",
)


@dataclass(frozen=True)
class BuildRun:
    """One strict build of a grown corpus with the hooks: what it cost, and the steps' own times."""

    cost: Measured
    steps: dict[str, float]

    @property
    def index(self) -> float:
        """Seconds spent on the search index (reported apart, as a product of its own)."""
        return self.steps.get("search-index", 0.0)

    @property
    def hooks(self) -> float:
        """Seconds the timed steps of the hooks took, their own time each (the search index and PDFs apart)."""
        return sum(seconds for step, seconds in self.steps.items() if step not in timing.APART)


def build_with_hooks(root: Path, env: dict[str, str] | None = None) -> BuildRun:
    """A strict build as ``make build`` runs it, PDFs skipped (they are timed apart), with its step timings."""
    timings = root / "timings.jsonl"
    timings.unlink(missing_ok=True)
    cost = build(root, root / "site", {timing.TIMINGS_VAR: str(timings), "KB_SKIP_PDF": "1", **(env or {})})
    steps: dict[str, float] = {}
    for line in timings.read_text(encoding="utf-8").splitlines():
        step = json.loads(line)
        steps[step["step"]] = steps.get(step["step"], 0.0) + step["seconds"]
    return BuildRun(cost, steps)


def bench_build(scales: Sequence[int], repeat: int, readers: bool = True) -> None:
    """Print the build-scaling table; at 1×, also the preview rebuild time and Lighthouse's scores.

    Each build runs ``repeat`` times, with and without the hooks in turn so that both meet the same neighbours,
    and the fastest run of each counts: on a shared machine the slower runs measure the neighbours.
    """
    how = f"{repeat} runs each, with and without hooks in turn" if repeat > 1 else "1 run each"
    print(f"# Build benchmark\n{environment()}\nFastest of {how}.\n")
    print(
        "| scale | pages (both languages) | wall time, s | per page, ms | peak memory, MiB | without hooks, s | "
        "hooks' share | hooks add | search index, s | PDFs, s |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    extra: list[str] = []
    steps: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        for scale in scales:
            root = project(scale, Path(scratch))
            bare = Path(scratch) / f"{root.name}-without-hooks"
            shutil.copytree(root, bare)
            without_hooks(bare)
            command = [sys.executable, "-m", "benchmarks.bench", "plain", "--root", str(bare)]
            runs: list[BuildRun] = []
            plains: list[Measured] = []
            for _ in range(repeat):
                runs.append(build_with_hooks(root))
                # The benchmarks package lives in the repository, not in the environment: name it for the child.
                plains.append(measure(command, bare, {"PYTHONPATH": str(ROOT)}))
            # The search index is timed inside the build and reported apart: the run that counts is the one whose
            # other work was fastest, as the build without hooks counts its fastest run.
            run = min(runs, key=lambda run: run.cost.wall - run.index)
            plain = min(plains, key=lambda cost: cost.wall)
            pages = len(list((root / "site").rglob("index.html")))
            assert run.index > 0, "the build recorded no search-index time"
            start = time.perf_counter()
            for lang, folder in (("vi", root / "site"), ("en", root / "site" / "en")):
                pdf.print_program(folder, lang, "https://example.org/ctrph13/")
            pdfs = time.perf_counter() - start
            if scale == 1:
                rebuilds = preview_rebuilds(root, repeat)
                extra.append(
                    f"Preview rebuild at 1× (make serve: from saving the file to the rebuilt site, watcher included; "
                    f"fastest of {repeat}): "
                    + "; ".join(f"{what} {seconds:.2f} s" for what, seconds in rebuilds.items())
                )
                if readers:
                    extra.append(readers_table(root / "site"))
            wall = run.cost.wall
            hooks = wall - run.index - plain.wall
            print(
                f"| {scale}× | {pages} | {wall:.1f} | {1000 * wall / pages:.1f} | {run.cost.peak} | {plain.wall:.1f} | "
                f"{hooks / wall:.0%} | {hooks / plain.wall:.0%} | {run.index:.2f} | {pdfs:.1f} |",
                flush=True,
            )
            own = " | ".join(f"{run.steps.get(step, 0.0):.2f}" for step in HOOK_STEPS)
            cpu = run.cost.cpu - run.index - plain.cpu
            steps.append(
                f"| {scale}× | {own} | {run.hooks:.2f} | {run.hooks / plain.wall:.0%} | {run.cost.cpu:.1f} | "
                f"{plain.cpu:.1f} | {cpu / plain.cpu:.0%} |"
            )
            shutil.rmtree(root)
            shutil.rmtree(bare)
    print(
        "\nThe hooks' steps in the fastest build, seconds (KB_TIMINGS; each step's own time in the build process), "
        "and the CPU time of both builds:\n\n"
        f"| scale | {' | '.join(HOOK_STEPS)} | all steps | ÷ without hooks | CPU, s | without hooks, CPU s | "
        "hooks add, CPU |\n"
        f"| --- |{' ---: |' * (len(HOOK_STEPS) + 5)}\n" + "\n".join(steps)
    )
    print("\n" + "\n\n".join(extra))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_for(lines: queue.Queue[str], needle: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while True:
        line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        if needle in line:
            return line


def _forward(stream: Iterable[str], lines: queue.Queue[str]) -> None:
    for line in stream:
        lines.put(line)


def preview_rebuilds(root: Path, repeat: int = 1, env: dict[str, str] | None = None) -> dict[str, float]:
    """Run the live preview (``make serve``) on ``root``; time each edit from saving it to the rebuilt site.

    Each edit is made ``repeat`` times, in turn with the others, and its fastest rebuild counts (as for builds).
    """
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "ctrph13.preview.live", "--root", str(root), "--dev-addr", f"127.0.0.1:{port}"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )
    lines: queue.Queue[str] = queue.Queue()
    assert process.stderr is not None
    threading.Thread(target=_forward, args=(process.stderr, lines), daemon=True).start()
    timings: dict[str, float] = {}
    try:
        _wait_for(lines, "Serving on", 300)
        for what, path, text, page in [edit for _ in range(repeat) for edit in EDITS]:
            with (root / path).open("a", encoding="utf-8") as out:
                start = time.perf_counter()
                out.write(text)
            _wait_for(lines, "Rebuilt in", 120)
            timings[what] = min(timings.get(what, math.inf), time.perf_counter() - start)
            if page:  # the rebuilt page is served with the edit
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/{page}", timeout=10) as response:
                    served = response.read().decode("utf-8")
                if text.strip() not in served:
                    raise SystemExit(f"preview: {page} does not show the edit to {path}")
    finally:
        process.terminate()
        process.wait(timeout=30)
    return timings


def lighthouse_scores(site: Path, pages: Sequence[str]) -> dict[str, dict[str, float]]:
    """Lighthouse (mobile: slow 4G, mid-range phone) on ``pages`` of ``site``, served gzip-compressed."""
    server, url = serve(site, gzip_encoding=True)
    try:
        scores = {}
        for page in pages:
            with tempfile.NamedTemporaryFile(suffix=".json") as out:
                subprocess.run(
                    [
                        str(ROOT / "node_modules" / ".bin" / "lighthouse"),
                        url + page,
                        "--quiet",
                        "--output=json",
                        f"--output-path={out.name}",
                        "--form-factor=mobile",
                        "--throttling-method=simulate",
                        "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking",
                    ],
                    env={**os.environ, "CHROME_PATH": shutil.which("chromium") or "/usr/bin/chromium"},
                    check=True,
                    capture_output=True,
                    timeout=240,
                )
                report = json.loads(Path(out.name).read_text(encoding="utf-8"))
            scores[page or "/"] = {k: float(v["score"]) for k, v in report["categories"].items()}
        return scores
    finally:
        server.shutdown()


def readers_table(site: Path) -> str:
    """Lighthouse's scores for the pages with budgets, in both languages, as a Markdown table."""
    pages = [prefix + page for prefix in ("", "en/") for page in ("", "chuong-trinh/", "trach-nhiem/")]
    rows = [
        "| page (Lighthouse, mobile) | performance | accessibility | best practices | SEO |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for page, scores in lighthouse_scores(site, pages).items():
        rows.append(
            f"| {page} | {scores['performance']:.2f} | {scores['accessibility']:.2f} | "
            f"{scores['best-practices']:.2f} | {scores['seo']:.2f} |"
        )
    return "\n".join(rows)


def build_plain(root: Path, site: Path) -> None:
    """Both languages of a project prepared by :func:`without_hooks`, strictly, in one process (as with hooks)."""
    run(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=True))
    run(load_config(config_file=str(root / "mkdocs.en.yml"), site_dir=str(site / "en"), strict=True))


def main(argv: Sequence[str] | None = None) -> int:
    """Command line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__)
    # "plain" is a step of "build": the project prepared by without_hooks, built in a process of its own.
    parser.add_argument("what", choices=("search", "build", "plain"))
    parser.add_argument("--root", type=Path, help="plain: the prepared project (its site goes to ROOT/plain)")
    parser.add_argument("--scales", default="1,10,100", help="comma-separated corpus scales")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse scores (build only)")
    parser.add_argument("--repeat", type=int, default=3, help="build: runs per build, the fastest counts")
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",")]
    if args.what == "plain":
        build_plain(args.root, args.root / "plain")
    elif args.what == "search":
        bench_search(scales)
    else:
        bench_build(scales, args.repeat, readers=not args.no_lighthouse)
    return 0


if __name__ == "__main__":
    sys.exit(main())
