"""Live preview of both languages (``make serve``): rebuilds only what an edit changed.

``mkdocs serve`` rebuilds the whole site on every change, and through the nested English build that means both
languages, about 4 s at 1×. This command serves the same site with MkDocs' own live-reload server, but each
rebuild follows :func:`ctrph13.incremental.plan`: after an edit to a page, only that language is rebuilt, in
MkDocs' ``dirty`` mode (only the edited pages and the generated pages whose content changed are rendered; the
search index re-reads only changed sections). Data, templates, configuration, added or removed pages rebuild
everything. The preview never prints the PDFs.

A rebuild that finds errors reports them in the project's format and keeps serving the last good build.
"""

from __future__ import annotations

import argparse
import functools
import logging
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File

from ctrph13 import build
from ctrph13.incremental import Mode, PreviewState, edited, page_language, plan, snapshot
from ctrph13.validate import validate_all

LOG = logging.getLogger("mkdocs.ctrph13.preview")
# How often the watcher looks at the files (MkDocs' default is 0.5 s, which alone is a quarter of the budget).
POLL_SECONDS = 0.1


CONFIGS = ("mkdocs.yml", "mkdocs.en.yml")


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


def _configs(root: Path, site_dir: Path, serve_url: str, modes: dict[str, Mode]) -> list[tuple[MkDocsConfig, bool]]:
    """The configurations to build, Vietnamese first (its full build empties the folder, English included)."""
    configs = []
    if modes["vi"] is not Mode.SKIP:
        primary = load_config(config_file=str(root / CONFIGS[0]), site_dir=str(site_dir))
        primary.site_url = serve_url
        configs.append((primary, modes["vi"] is Mode.DIRTY))
    if modes["en"] is not Mode.SKIP:
        english = build.english_config(root, site_dir / "en")
        english.site_url = serve_url + "en/"
        configs.append((english, modes["en"] is Mode.DIRTY))
    return configs


def rebuild(root: Path, site_dir: Path, serve_url: str, state: PreviewState) -> bool:
    """Rebuild what changed since the last good build; ``False`` (and the last good build kept) on errors."""
    stamps = snapshot(root, watched(root))
    modes = plan(state.stamps, stamps)
    if all(mode is Mode.SKIP for mode in modes.values()):
        return True
    start = time.perf_counter()
    logging.getLogger("mkdocs.commands.build").addFilter(_not_dirty_warning)  # once: filters are a set
    loaded, problems = validate_all(root)
    if problems or loaded is None:
        error = build.ContentBuildError(problems)
        for line in error.lines:
            LOG.error(line)
        return _failed(state, error.summary)
    state.modes = modes
    try:
        for config, dirty in _configs(root, site_dir, serve_url, modes):
            config[build.SITE_KEY] = loaded
            config[build.PREVIEW_KEY] = state
            if dirty:
                _forget_outputs(config, edited(state.stamps, stamps) or [])
            build.run(config, dirty=dirty, serve_url=serve_url)
    except MkDocsException as error:  # the hooks have logged the details
        return _failed(state, str(error))
    state.stamps = stamps
    done = ", ".join(f"{lang}: {mode.value}" for lang, mode in modes.items())
    LOG.info("Rebuilt in %.2f s (%s)", time.perf_counter() - start, done)
    return True


def _forget_outputs(config: MkDocsConfig, paths: list[str]) -> None:
    """Remove the output of each edited page of this language, so that ``dirty`` mode renders it again.

    MkDocs renders a page when its source is newer than its output; a save within the file system's clock tick
    of the last build would look older.
    """
    lang = build.lang_of(config)
    for path in paths:
        if page_language(path) == lang:
            src_uri = path.split("/", 2)[2]
            output = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls).abs_dest_path
            Path(output).unlink(missing_ok=True)


def _failed(state: PreviewState, why: str) -> bool:
    # The next rebuild starts from scratch: the failed one may have written part of the site.
    state.stamps = None
    LOG.error("%s — fix the errors above; the preview keeps showing the last good build", why)
    return False


def serve(root: Path, host: str, port: int) -> int:
    """Build both languages into a scratch folder and serve it, rebuilding on every change until interrupted."""
    site_dir = Path(tempfile.mkdtemp(prefix="ctrph13-preview-"))
    # At the root (not under site_url's path, as `mkdocs serve` does), as the README and CONTRIBUTING say.
    serve_url = f"http://{host}:{port}/"
    state = PreviewState()
    try:
        if not rebuild(root, site_dir, serve_url, state):
            return 1
        server = LiveReloadServer(
            builder=lambda: _rebuild_logged(root, site_dir, serve_url, state),
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


def _rebuild_logged(root: Path, site_dir: Path, serve_url: str, state: PreviewState) -> None:
    # The server's builder returns nothing: a failed rebuild has logged its errors and keeps the last good site.
    rebuild(root, site_dir, serve_url, state)


def _error_page(site_dir: Path, code: int) -> bytes | None:
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code == 404 and page.is_file() else None


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    # MkDocs warns that a dirty build may leave navigation stale, and strict mode turns that warning into a
    # failure. Here the navigation's titles are fixed in mkdocs.yml, and anything else that other pages show
    # rebuilds everything (ctrph13.incremental), so the warning does not apply.
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def _logging() -> None:
    # What `mkdocs serve` shows: INFO and above from MkDocs and our hooks, without tracebacks.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m ctrph13.preview [--dev-addr HOST:PORT] [--root DIR]``."""
    parser = argparse.ArgumentParser(prog="python -m ctrph13.preview", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default %(default)s)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository (default: this folder)")
    args = parser.parse_args(argv)
    host, _, port = args.dev_addr.rpartition(":")
    _logging()
    return serve(args.root.resolve(), host or "127.0.0.1", int(port))


if __name__ == "__main__":
    sys.exit(main())
