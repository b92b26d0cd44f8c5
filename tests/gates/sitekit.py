"""What the quality gates share: the page types they visit, copies of the project, a deliberately broken copy,
and serving a built site at the path it has on its host."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from tests.browserkit import serve
from tests.conftest import ROOT, Build, copy_project, run_build

# One page of every type, at the same path in both languages (English under en/).
PAGE_TYPES = (
    "",  # home
    "chuong-trinh/",  # the program
    "trach-nhiem/",  # responsibility matrix
    "to-chuc/cong-an-tinh/",  # an organisation
    "chu-de/crime-prevention/",  # a theme
    "van-ban/ct-09-2011/",  # a cited document
    "van-ban/",  # documents index
    "mo-hinh/gia-dinh-5-khong-3-sach/",  # a practice
    "mo-hinh/",  # practices index
    "lich/",  # schedule and calendar builder
    "thuat-ngu/",  # glossary
    "du-lieu-mo/",  # open data
    "nhat-ky-thay-doi/",  # change log
    "gioi-thieu/",  # about
    "tiep-can/",  # accessibility statement
    "404.html",  # not found
)
LANGUAGES = ("", "en/")
LANGUAGE_IDS = ["vi", "en"]
PAGES = tuple(lang + path for lang in LANGUAGES for path in PAGE_TYPES)
PAGE_IDS = [page or "home" for page in PAGES]  # test ids: en/ is the English home
# The developer pages, in English only: wide tables and code in scroll boxes.
DEV_PAGES = ("en/dev/", "en/dev/benchmarks/", "en/dev/reference/", "en/dev/search/", "en/dev/quality/")
SEARCH_QUERY = "chi thi"


def site_path(root: Path = ROOT) -> str:
    """The path of ``site_url`` in ``mkdocs.yml`` (``/ctrph13/``): where the site lives on its host."""
    match = re.search(r"^site_url:\s*(\S+)", (root / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    return urlsplit(match[1]).path if match else "/"


@contextmanager
def served(site: Path, mount: Path) -> Iterator[str]:
    """Serve a built site at its host path, under a scratch folder ``mount``; yield the site's URL.

    The 404 pages link to the site's assets by absolute path (they are served at any address), so a site served
    at the server root would fail for a reason no reader ever meets.
    """
    path = site_path().strip("/")
    if path:
        (mount / path).parent.mkdir(parents=True, exist_ok=True)
        (mount / path).symlink_to(site, target_is_directory=True)
    server, url = serve(mount if path else site)
    try:
        yield f"{url}{path}/" if path else url
    finally:
        server.shutdown()


@dataclass(frozen=True)
class Defect:
    """Raw HTML appended to a Vietnamese page of a project copy: one defect per page, for one gate to report."""

    source: str  # the page under docs/vi/
    page: str  # its built path
    html: str


LOW_CONTRAST = Defect(
    "gioi-thieu.md", "gioi-thieu/", '<p style="color:#bbb;background:#fff">Chữ nhạt trên nền trắng.</p>'
)
INVALID_HTML = Defect("tiep-can/index.md", "tiep-can/", '<p>Chiều chữ <span dir="sideways">sai</span>.</p>')
DEAD_LINKS = Defect(
    "du-lieu-mo/index.md",
    "du-lieu-mo/",
    '<p><a href="../khong-co-trang-nay/">trang không có</a>, '
    '<a href="../chuong-trinh/#khong-co-muc-nay">mục không có</a></p>',
)
MISSING_SCRIPT = Defect(
    "nhat-ky-thay-doi/index.md", "nhat-ky-thay-doi/", '<script src="../assets/khong-co.js"></script>'
)
DEFECTS = (LOW_CONTRAST, INVALID_HTML, DEAD_LINKS, MISSING_SCRIPT)


def build_broken(root: Path) -> Build:
    """A strict build of a project copy carrying every defect of ``DEFECTS``, each on its own page."""
    copy_project(root)
    for defect in DEFECTS:
        source = root / "docs" / "vi" / defect.source
        source.write_text(source.read_text(encoding="utf-8") + f"\n{defect.html}\n", encoding="utf-8")
    build = run_build(root, root / "site")
    assert build.returncode == 0, build.log
    return build
