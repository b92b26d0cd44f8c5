"""What changed in the program's text, translation, notes and duties between two editions, block by block.

Computed at publish time from the previous edition's published ``/data/program.json`` (``ctrph13.publish``) and
this edition's; shown on the comparison page (``so-sanh/``, in both languages) and published as
``/data/changes-since-<previous>.json``. A plain build, the preview and the offline copy have no previous edition
to compare with, and the page says so.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from ctrph13.data.program import anchor_label

PAGE = "so-sanh.md"
FIELDS = ("text_vi", "text_en", "notes", "duties")
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class BlockChange:
    """One block whose Vietnamese text, English translation, notes or duties differ between two editions."""

    id: str
    anchor: str | None
    fields: tuple[str, ...]
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None

    def as_json(self) -> dict[str, Any]:
        """The change as ``changes-since-<previous>.json`` publishes it."""
        return {
            "id": self.id,
            "anchor": self.anchor,
            "fields": list(self.fields),
            "before": {name: self.before[name] for name in FIELDS} if self.before else None,
            "after": {name: self.after[name] for name in FIELDS} if self.after else None,
        }


def compare(previous: Sequence[Mapping[str, Any]], current: Sequence[Mapping[str, Any]]) -> list[BlockChange]:
    """The blocks that changed from ``previous`` to ``current`` (both as ``program.json``), in the current order."""
    before = {block["id"]: block for block in previous}
    after = {block["id"]: block for block in current}
    changes = []
    for block_id in [*after, *(b for b in before if b not in after)]:
        old, new = before.get(block_id), after.get(block_id)
        changed = tuple(name for name in FIELDS if (old or {}).get(name) != (new or {}).get(name))
        if changed:
            anchor = (new or old or {}).get("anchor")
            changes.append(BlockChange(block_id, anchor, changed, old, new))
    return changes


def word_diff(before: str, after: str) -> str:
    """HTML of ``after`` with the words deleted from ``before`` in ``<del>`` and the words inserted in ``<ins>``.

    Struck through and underlined (``assets/kb.css``), never told apart by colour alone.
    """
    old, new = _TOKEN.findall(before), _TOKEN.findall(after)
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape("".join(old[i1:i2])))
            continue
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(''.join(old[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(''.join(new[j1:j2]))}</ins>")
    return "".join(parts)


_WORDS = {
    "vi": {
        "title": "So sánh với ấn bản trước",
        "none": "Không có ấn bản trước để so sánh: đây là bản dựng không thuộc ấn bản đã xuất bản nào (xem trước, "
        "bản ngoại tuyến hoặc bản dựng thử), hoặc là ấn bản đầu tiên.",
        "no-data": "Ấn bản trước ({previous}) được xuất bản trước khi trang có tệp dữ liệu toàn văn "
        "(`program.json`), nên không so sánh được từng đoạn.",
        "intro": "Các đoạn của chương trình có nguyên văn, bản dịch tiếng Anh, ghi chú biên tập hoặc nhiệm vụ "
        "khác với ấn bản {previous}. Chữ bị xóa được gạch ngang, chữ được thêm được gạch chân. Đoạn không đổi "
        "không được liệt kê. Dữ liệu: [changes-since-{previous}.json](data/changes-since-{previous}.json).",
        "unchanged": "Không đoạn nào thay đổi so với ấn bản {previous}.",
        "log": "Nhật ký thay đổi của ấn bản này",
        "in": "Trong ấn bản {version}",
        "in-previous": "Trong ấn bản {previous}",
        "text_vi": "Nguyên văn tiếng Việt",
        "text_en": "Bản dịch tiếng Anh",
        "notes": "Ghi chú biên tập",
        "duties": "Nhiệm vụ",
        "block": "Đoạn",
        "removed": "(không còn)",
    },
    "en": {
        "title": "Compared with the previous edition",
        "none": "There is no previous edition to compare with: this build belongs to no published edition "
        "(a preview, the offline copy or a test build), or it is the first edition.",
        "no-data": "The previous edition ({previous}) was published before the site had a data file of the full "
        "text (`program.json`), so it cannot be compared block by block.",
        "intro": "The blocks of the program whose Vietnamese text, English translation, editorial notes or duties "
        "differ from edition {previous}. Deleted words are struck through, inserted words underlined. Unchanged "
        "blocks are not listed. Data: [changes-since-{previous}.json](data/changes-since-{previous}.json).",
        "unchanged": "No block changed since edition {previous}.",
        "log": "This edition's change log",
        "in": "In edition {version}",
        "in-previous": "In edition {previous}",
        "text_vi": "Vietnamese text",
        "text_en": "English translation",
        "notes": "Editorial notes",
        "duties": "Duties",
        "block": "Block",
        "removed": "(removed)",
    },
}


def page_markdown(
    lang: str,
    version: str | None,
    previous: str | None,
    changes: Sequence[BlockChange] | None,
    log: Sequence[Mapping[str, Any]],
) -> str:
    """The comparison page of one language.

    Args:
        lang: ``vi`` or ``en``.
        version: This edition, or ``None`` for a build that is no published edition.
        previous: The previous edition, or ``None`` when there is none.
        changes: What changed, or ``None`` when the previous edition published no ``program.json``.
        log: This edition's change-log entries (``changes`` of its release in ``data/changelog.yaml``).
    """
    words = _WORDS[lang]
    lines = [f"---\ntitle: {words['title']}\nsearch:\n  exclude: true\n---\n", f"# {words['title']}\n"]
    body: list[str] = []
    if version is None or previous is None:
        body.append(words["none"])
    elif changes is None:
        body.append(words["no-data"].format(previous=previous))
    else:
        body.append(words["intro"].format(previous=previous))
        body += [_block(change, lang, version, previous) for change in changes]
        if not changes:
            body.append(words["unchanged"].format(previous=previous))
    if version is not None and log:
        body.append(f"## {words['log']}\n\n" + "\n".join(f"- {escape(entry[f'text_{lang}'])}" for entry in log))
    lines.append("<div data-editorial markdown>\n\n" + "\n\n".join(body) + "\n\n</div>\n")
    return "\n".join(lines)


def _block(change: BlockChange, lang: str, version: str, previous: str) -> str:
    words = _WORDS[lang]
    title = anchor_label(change.anchor, lang) if change.anchor else f"{words['block']} {change.id}"
    heading_id = change.anchor or change.id
    links = []
    if change.after is not None and change.anchor:
        links.append(f"[{words['in'].format(version=version)}](chuong-trinh.md#{change.anchor})")
    if change.before is not None and change.anchor:
        # The only links of the site that cross versions: to the same clause in the previous edition.
        label = words["in-previous"].format(previous=previous)
        links.append(f'<a href="../../{previous}/chuong-trinh/#{change.anchor}">{label}</a>')
    parts = [f"## {escape(title)} {{#{heading_id}}}", " · ".join(links)]
    for name in change.fields:
        old = (change.before or {}).get(name)
        new = (change.after or {}).get(name)
        parts.append(f"**{words[name]}**")
        parts.append(f'<p class="kb-diff">{_field_diff(name, old, new, lang, words["removed"])}</p>')
    return "\n\n".join(part for part in parts if part)


def _field_diff(name: str, old: Any, new: Any, lang: str, removed: str) -> str:  # noqa: ANN401 - program.json
    if name in ("text_vi", "text_en"):
        return word_diff(old or "", new or "") if new is not None else f"<del>{escape(old or '')}</del> {removed}"
    if name == "duties":
        return word_diff(", ".join(old or []), ", ".join(new or []))
    note = f"note_{lang}"
    return word_diff(" · ".join(n[note] for n in old or []), " · ".join(n[note] for n in new or []))
