"""A PDF of the program in each language, printed at build time from the built page by Chromium.

The same source as the web page (and its print stylesheet: clause numbers, permanent links as endnotes), so
the PDF can never say something the page does not. Chromium stamps the time into the PDF; the stamp is replaced
by the program's date so two builds of the same commit give the same file.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

from ctrph13.core.diagnostics import ContentError, Diagnostic

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FIXED_STAMP = b"D:20240112000000+00'00'"
STAMP_RE = re.compile(rb"D:\d{14}[+\-Z][0-9']*")
PROGRAM_PAGE = "chuong-trinh/index.html"
PUBLIC_LINKS = """base => document.querySelectorAll("a[href]").forEach(a => {
  const href = a.getAttribute("href");
  if (!/^[a-z]+:/i.test(href)) a.setAttribute("href", new URL(href, base).href);
})"""


def pdf_name(lang: str) -> str:
    """File name of the program's PDF in ``lang`` (published under ``data/``)."""
    return f"ctrph-13-2024.{lang}.pdf"


def chromium() -> str:
    """Debian's Chromium; a clear error if it is missing."""
    found = shutil.which("chromium") or (shutil.which("chromium-browser"))
    if found is None:
        raise ContentError(
            [
                Diagnostic(
                    "Makefile",
                    1,
                    1,
                    "Chromium is needed to print the program's PDF",
                    "run `make browser` (Debian package chromium), or set KB_SKIP_PDF=1 for a preview without PDF",
                )
            ]
        )
    return found


def fixed_stamps(pdf: bytes) -> bytes:
    """The PDF with its creation and modification stamps set to the program's date (same length, same offsets)."""
    return STAMP_RE.sub(lambda m: FIXED_STAMP[: len(m.group(0))].ljust(len(m.group(0)), b"'"), pdf)


def print_program(site_dir: Path, lang: str, site_url: str) -> Path:
    """Print ``chuong-trinh/`` of the built site in ``site_dir`` to ``data/<name>.pdf`` on A4; return its path.

    Links in the PDF point to the published site (``site_url``), never to the local files it was printed from.
    """
    page_file = site_dir / PROGRAM_PAGE
    out = site_dir / "data" / pdf_name(lang)
    out.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(page_file.as_uri(), wait_until="load")
            page.evaluate(PUBLIC_LINKS, f"{site_url.rstrip('/')}/chuong-trinh/")
            pdf = page.pdf(
                format="A4",
                print_background=False,
                prefer_css_page_size=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template='<div style="font-size:8px;width:100%;text-align:center">'
                '<span class="pageNumber"></span>/<span class="totalPages"></span></div>',
                margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
            )
        finally:
            browser.close()
    out.write_bytes(fixed_stamps(pdf))
    return out
