"""The Markdown extension: citations and abbreviations wrapped in place, never in code or verbatim text."""

from __future__ import annotations

import re

import markdown

from ctrph13.adapter.mdext import KnowledgeBaseExtension, Span

PAGE = """# Chỉ thị 09 và ANTQ

Căn cứ Chỉ thị 09 của Ban Bí thư về ANTQ &amp; trật tự &copy; 2024,
dòng thứ hai với *nhấn mạnh ANTQ* và `Chỉ thị 09` trong mã.<br>
Sau chỗ xuống dòng: ANTQ.

- ANTQ trong danh sách
- mục không có gì

<div class="kb-verbatim" markdown>
Chỉ thị 09 nguyên văn, không chú thích ANTQ.
</div>

Cuối trang: Chỉ thị 09
"""


def annotate(text: str) -> list[Span]:
    # Two annotators' worth: a link to a document's page, and an abbreviation.
    spans = [Span(m.start(), m.end(), "a", {"class": "kb-cite"}, "ct09") for m in re.finditer("Chỉ thị 09", text)]
    return spans + [Span(m.start(), m.end(), "abbr", {"title": "an ninh Tổ quốc"}) for m in re.finditer("ANTQ", text)]


ANNOTATORS = [annotate]


def href(doc_id: str) -> str | None:
    return f"../van-ban/{doc_id}/"


def convert(page: str) -> str:
    extension = KnowledgeBaseExtension("vi", ANNOTATORS, href)
    return markdown.Markdown(extensions=["toc", "md_in_html", extension]).convert(page)


def test_texts_are_annotated_in_place_outside_code_and_verbatim_blocks() -> None:
    html = convert(PAGE)
    assert '<a class="kb-cite" href="../van-ban/ct09/">Chỉ thị 09</a> của Ban Bí thư' in html
    assert '<abbr title="an ninh Tổ quốc">ANTQ</abbr> &amp; trật tự &copy; 2024' in html
    assert "<code>Chỉ thị 09</code>" in html
    assert "Chỉ thị 09 nguyên văn, không chú thích ANTQ." in html  # the verbatim block is left alone
    assert html.count('class="kb-cite"') == 3  # the heading, the first paragraph and the last line


def test_wrappers_add_no_text() -> None:
    def text(html: str) -> str:
        return re.sub(r"<(a|abbr)\b[^>]*>|</(a|abbr)>", "", html)

    plain = markdown.Markdown(extensions=["toc", "md_in_html"]).convert(PAGE)
    assert text(convert(PAGE)) == text(plain)
