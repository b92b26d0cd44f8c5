"""Live preview of both languages (``make serve``): rebuilds only what an edit changed.

``mkdocs serve`` rebuilds the whole site on every change, and through the nested English build that means both
languages, about 4 s at 1×. This command serves the same site with MkDocs' own live-reload server, but each
rebuild follows :func:`ctrph13.adapter.incremental.plan`: after an edit to a page, only that language is rebuilt, in
MkDocs' ``dirty`` mode (only the edited pages and the generated pages whose content changed are rendered; the
search index re-reads only changed sections). Data and templates render every page of both languages again, in
place; the configuration, or a page added or removed, rebuilds everything from an empty folder. English is
built in a process of its own (:class:`EnglishBuilder`) while this one builds Vietnamese. The preview never
prints the PDFs.

A rebuild that finds content errors (the checks, and links to no page) reports them in the project's format
before anything is written, and the preview keeps serving the last good build. A link to a missing anchor,
which MkDocs checks once the pages are written, or a broken template fails the rebuild after it changed the
folder; the next rebuild starts from scratch.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import logging
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer

from ctrph13.adapter.errors import ContentBuildError
from ctrph13.adapter.incremental import CONFIGS, Mode, PreviewState, edited, page_language, plan, snapshot
from ctrph13.adapter.state import Handover, english_config, run
from ctrph13.checks.validate import validate_all
from ctrph13.core.i18n import PRIMARY
from ctrph13.data.site import Site

LOG = logging.getLogger("mkdocs.ctrph13.preview.live")
# How often the watcher looks at the files (MkDocs' default is 0.5 s, which alone is a quarter of the budget).
POLL_SECONDS = 0.1
# How often the English process looks whether the preview that started it is still there.
PARENT_CHECK_SECONDS = 1.0


@functools.cache
def watched(root: Path) -> tuple[str, ...]:
    """What the preview watches, relative to ``root``: what the configurations name.

    Each language's configuration file and pages, and the ``watch`` list of ``mkdocs.yml``. ``src/`` is code,
    which a running preview does not reload.
    """
    paths = set(CONFIGS)
    for name in CONFIGS:
        config = load_config(config_file=str(root / name))
        paths |= {Path(folder).relative_to(root).as_posix() for folder in (config.docs_dir, *config.watch)}
    return tuple(sorted(paths))


def _config(root: Path, site_dir: Path, serve_url: str, lang: str) -> MkDocsConfig:
    """One language's configuration, built into its folder of ``site_dir`` and served under ``serve_url``."""
    if lang == PRIMARY:
        config = load_config(config_file=str(root / CONFIGS[0]), site_dir=str(site_dir))
        config.site_url = serve_url
    else:
        config = english_config(root, site_dir / lang)
        config.site_url = f"{serve_url}{lang}/"
    return config


def build_language(job: Job, state: PreviewState, loaded: Site) -> None:
    """Rebuild one language of the preview in its folder, as ``job`` says (raises on errors).

    MkDocs always runs in its ``dirty`` mode here, which keeps the folder and renders only the pages it is told
    changed: the hooks mark the pages to render again (:meth:`ctrph13.adapter.state.Build.add_generated_pages`)
    and, once every check has passed, empty the folder for a full rebuild
    (:func:`ctrph13.adapter.writes.clear_outputs`). Until then the folder holds the last good build.
    """
    config = _config(job.root, job.site_dir, job.serve_url, job.lang)
    state.modes = {**state.modes, job.lang: job.mode}
    state.edited = frozenset(path.split("/", 2)[2] for path in job.edited if page_language(path) == job.lang)
    logging.getLogger("mkdocs.commands.build").addFilter(_not_dirty_warning)  # once: filters are a set
    run(config, Handover(loaded, state), dirty=True, serve_url=job.serve_url)


@dataclass(frozen=True)
class Job:
    """One language's part of a rebuild."""

    root: Path
    site_dir: Path
    serve_url: str
    lang: str
    mode: Mode
    edited: tuple[str, ...]


# What the English process sends back: why it failed (None: it did not) and what it logged, in order.
Outcome = tuple[str | None, list[tuple[str, int, str]]]


class EnglishBuilder:
    """Builds the English site in a process of its own while this one builds the Vietnamese site.

    The two languages share no output and, in the preview, no state: on two CPUs a data edit waits for the
    slower language instead of both. Spawned, not forked: the live-reload server runs threads. The process keeps
    its own :class:`PreviewState` of the English site between rebuilds, and sends back what it logged, which this
    process logs (the errors in the project's format). A process that died (killed, out of memory) is replaced.
    """

    def __init__(self) -> None:
        self._executor = self._new()

    @staticmethod
    def _new() -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_english_process)

    def start(self, job: Job, loaded: Site) -> Started:
        """Start rebuilding the English site, with the data the preview validated."""
        try:
            return Started(job, loaded, self._executor.submit(_build_english, job, loaded))
        except BrokenProcessPool:  # it died while waiting, and the pool knows
            self._restart()
            return Started(job, loaded, self._executor.submit(_build_english, job, loaded))

    def outcome(self, started: Started) -> Outcome:
        """What a rebuild reports once it is done; retried once in a new process if the process died."""
        try:
            return started.future.result()
        except BrokenProcessPool:  # it died while waiting (the pool had not noticed yet) or while building
            self._restart()
        try:
            return self._executor.submit(_build_english, started.job, started.loaded).result()
        except BrokenProcessPool:
            self._restart()
            return "the process building the English site stopped twice", []

    def _restart(self) -> None:
        self._executor.shutdown(wait=True)
        self._executor = self._new()

    def close(self) -> None:
        """Stop the process (a rebuild under way is finished first)."""
        self._executor.shutdown(wait=True, cancel_futures=True)


@dataclass(frozen=True)
class Started:
    """A rebuild of the English site under way, with what it needs to start again."""

    job: Job
    loaded: Site
    future: Future[Outcome]


# In the English process: what the builds log (collected for the preview to log) and each site's state.
_LOGGED: list[tuple[str, int, str]] = []
_STATES: dict[Path, PreviewState] = {}


class _Collect(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        _LOGGED.append((record.name, record.levelno, record.getMessage()))


def _english_process() -> None:
    # Ctrl-C reaches the whole process group: the preview stops this process itself (EnglishBuilder.close).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_end_with, args=(os.getppid(),), daemon=True).start()
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.addHandler(_Collect())


def _end_with(parent: int) -> None:
    # A preview killed outright cannot stop this process, which would wait for work forever: it ends itself.
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)


def _build_english(job: Job, loaded: Site) -> Outcome:
    _LOGGED.clear()
    if job.site_dir not in _STATES:
        # A process that took over from one that died has none of its memory (the other pages' search sections,
        # the generated pages and redirects it wrote): it starts the English site from scratch.
        job = dataclasses.replace(job, mode=Mode.FULL)
    state = _STATES.setdefault(job.site_dir, PreviewState())
    why = _attempt(job, state, loaded)
    return why, list(_LOGGED)


def _attempt(job: Job, state: PreviewState, loaded: Site) -> str | None:
    """Build one language; why it failed (what it logged is in the project's format), or ``None``."""
    try:
        build_language(job, state, loaded)
    except MkDocsException as error:  # the hooks have logged the details
        return str(error)
    except Exception:  # a bug, not bad input: the traceback is for whoever fixes it, and the preview goes on
        LOG.exception("the %s site could not be built", job.lang)
        return "an unexpected error (see the traceback above)"
    return None


@dataclass
class Preview:
    """The preview of one repository in one site folder: what the last build left, and the English process."""

    root: Path
    site_dir: Path
    serve_url: str
    state: PreviewState = field(default_factory=PreviewState)
    english: EnglishBuilder = field(default_factory=EnglishBuilder)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.english.close()

    def rebuild(self) -> bool:
        """Rebuild what changed since the last good build; ``False`` (and the last good build kept) on errors."""
        state = self.state
        stamps = snapshot(self.root, watched(self.root))
        modes = plan(state.stamps, stamps)
        if all(mode is Mode.SKIP for mode in modes.values()):
            return True
        start = time.perf_counter()
        loaded, problems = validate_all(self.root)
        if problems or loaded is None:
            error = ContentBuildError(problems)
            for line in error.lines:
                LOG.error(line)
            return _failed(state, error.summary, written=False)
        state.modes = modes
        edited_paths = tuple(edited(state.stamps, stamps) or ())
        jobs = [
            Job(self.root, self.site_dir, self.serve_url, lang, mode, edited_paths)
            for lang, mode in modes.items()
            if mode is not Mode.SKIP
        ]
        failures = self._build(jobs, loaded)
        if failures:
            # The checks stop a build before it writes, but MkDocs' own warnings (a missing anchor) and template
            # errors come once the folder has changed.
            return _failed(state, "; ".join(failures), written=True)
        state.stamps = stamps
        done = ", ".join(f"{lang}: {mode.value}" for lang, mode in modes.items())
        LOG.info("Rebuilt in %.2f s (%s)", time.perf_counter() - start, done)
        return True

    def _build(self, jobs: list[Job], loaded: Site) -> list[str]:
        """Run the jobs, English in its process while Vietnamese builds here; why any failed."""
        english = [self.english.start(job, loaded) for job in jobs if job.lang != PRIMARY]
        failures = []
        for job in jobs:
            why = _attempt(job, self.state, loaded) if job.lang == PRIMARY else None
            failures += [why] if why else []
        for started in english:
            why, logged = self.english.outcome(started)
            for name, level, message in logged:
                logging.getLogger(name).log(level, message)
            if why is not None:
                failures.append(why)
        return failures


def serve(root: Path, host: str, port: int) -> int:
    """Build both languages into a scratch folder and serve it, rebuilding on every change until interrupted."""
    site_dir = Path(tempfile.mkdtemp(prefix="ctrph13-preview-"))
    # At the root (not under site_url's path, as `mkdocs serve` does), as the README and CONTRIBUTING say.
    serve_url = f"http://{host}:{port}/"
    try:
        with Preview(root, site_dir, serve_url) as preview:
            if not preview.rebuild():
                return 1
            server = LiveReloadServer(
                builder=lambda: _rebuild_logged(preview),
                host=host,
                port=port,
                root=str(site_dir),
                mount_path="/",
                polling_interval=POLL_SECONDS,
            )
            server.error_handler = lambda code: _error_page(site_dir, code)
            for name in watched(root):
                server.watch(str(root / name))
            try:
                server.serve()  # type: ignore[no-untyped-call]
            except KeyboardInterrupt:
                LOG.info("Shutting down...")
            finally:
                server.shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0


def _rebuild_logged(preview: Preview) -> None:
    # The server's builder returns nothing: a failed rebuild has logged its errors and keeps the last good site.
    preview.rebuild()


def _failed(state: PreviewState, why: str, *, written: bool) -> bool:
    # The next rebuild starts from scratch: the failed one may have written part of the site.
    state.stamps = None
    if written:
        LOG.error("%s — fix the errors above; the next rebuild starts from scratch", why)
    else:
        LOG.error("%s — fix the errors above; the preview keeps showing the last good build", why)
    return False


def _error_page(site_dir: Path, code: int) -> bytes | None:
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code == 404 and page.is_file() else None


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    # MkDocs warns that a dirty build may leave navigation stale, and strict mode turns that warning into a
    # failure. Here the navigation's titles are fixed in mkdocs.yml, and anything else that other pages show
    # rebuilds everything (ctrph13.adapter.incremental), so the warning does not apply.
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def _logging() -> None:
    # What `mkdocs serve` shows: INFO and above from MkDocs and our hooks, without tracebacks.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m ctrph13.preview.live [--dev-addr HOST:PORT] [--root DIR]``."""
    parser = argparse.ArgumentParser(prog="python -m ctrph13.preview.live", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default %(default)s)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository (default: this folder)")
    args = parser.parse_args(argv)
    host, _, port = args.dev_addr.rpartition(":")
    _logging()
    # Stopped like a service (SIGTERM) as with Ctrl-C: the English process is stopped and the scratch folder removed.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        return serve(args.root.resolve(), host or "127.0.0.1", int(port))
    except KeyboardInterrupt:  # before the server started: everything is cleaned up already
        return 130


if __name__ == "__main__":
    sys.exit(main())
