"""The Markdown extension: texts annotated beside the build give the very page annotated in place."""

from __future__ import annotations

import re
from concurrent.futures import Future

import markdown
import pytest

from ctrph13.adapter.mdext import STX, Deferred, Found, KnowledgeBaseExtension, Span, annotate_all

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


def at_once(texts: list[str]) -> Future[list[Found]]:
    future: Future[list[Found]] = Future()
    future.set_result(annotate_all(ANNOTATORS, texts))
    return future


def convert(page: str, deferred: Deferred | None) -> str:
    extension = KnowledgeBaseExtension("vi", ANNOTATORS, href, deferred)
    return markdown.Markdown(extensions=["toc", "md_in_html", extension]).convert(page)


def test_deferred_annotation_gives_the_page_annotated_in_place() -> None:
    deferred = Deferred(at_once)
    tokens = convert(PAGE, deferred)
    assert STX in tokens and deferred.texts  # texts were left to the worker
    deferred.answered(wait=True)
    assert deferred.resolve(tokens, href) == convert(PAGE, None)
    assert '<a class="kb-cite" href="../van-ban/ct09/">Chỉ thị 09</a>' in deferred.resolve(tokens, href)


def test_search_reads_the_same_text_before_the_answers() -> None:
    deferred = Deferred(at_once)
    tokens = convert(PAGE, deferred)
    deferred.answered(wait=True)

    def text(html: str) -> str:
        return re.sub(r"<(a|abbr)\b[^>]*>|</(a|abbr)>", "", html)

    assert text(deferred.plain(tokens)) == text(deferred.resolve(tokens, href))


@pytest.mark.parametrize("text", [" \n ", "a\x02wzxhzdk:0\x03b"])
def test_white_space_and_markdown_placeholders_are_never_deferred(text: str) -> None:
    deferred = Deferred(at_once)
    convert(f"para ANTQ\n\n{text}\n", deferred)
    assert all(not t.isspace() and STX not in t for t in deferred.texts)


def test_answers_arrive_in_batches_and_fill_the_memo() -> None:
    pending: list[Future[list[Found]]] = []

    def later(texts: list[str]) -> Future[list[Found]]:
        pending.append(Future())
        pending[-1].texts = texts  # type: ignore[attr-defined]
        return pending[-1]

    deferred = Deferred(later)
    for index in range(Deferred.BATCH + 1):
        deferred.token(f"ANTQ {index}")
    deferred.send()
    assert len(pending) == 1 and deferred.answered(wait=False) == []  # sent, not answered yet
    pending[0].set_result(annotate_all(ANNOTATORS, pending[0].texts))  # type: ignore[attr-defined]
    assert len(deferred.answered(wait=False)) == Deferred.BATCH + 1
    failed: Future[list[Found]] = Future()
    failed.set_exception(KeyError("site"))  # the worker's checks failed: left for the build's report
    deferred.batches.append(failed)
    assert deferred.answered(wait=False) == []
