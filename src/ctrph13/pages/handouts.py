"""A handout for one part of the program (``in/<anchor>/``), offered by the clause link menu ("In khoản này").

It holds the part in Vietnamese as signed (and the English on the English page), its citation line, its
permanent and current addresses, and a QR code of the permanent address made at build time with segno. While the
publisher is a placeholder (``extra.kb.publisher.placeholder``), a note stands in for the QR code, so that no
example.org address reaches paper. The print stylesheet keeps it to two A4 pages at 10 pt or more.
"""

from __future__ import annotations

from html import escape

import segno

from ctrph13.data.program import Program, anchor_label

HANDOUT_DIR = "in"
CITED = {
    "vi": "Chương trình phối hợp số 13/CTrPH-CA-MTTQ ngày 12/01/2024",
    "en": "Coordination Program No. 13/CTrPH-CA-MTTQ of 12 January 2024",
}
WORDS = {
    "vi": {
        "title": "Bản in: {label}",
        "cite": "Trích dẫn",
        "permanent": "Địa chỉ cố định",
        "current": "Bản hiện hành",
        "english": "Bản dịch tiếng Anh (không chính thức; bản tiếng Việt có giá trị)",
        "placeholder": "Chưa in mã QR: địa chỉ của trang chưa phải của đơn vị phát hành thật.",
        "qr": "Mã QR của địa chỉ cố định",
    },
    "en": {
        "title": "Handout: {label}",
        "cite": "Citation",
        "permanent": "Permanent address",
        "current": "Current version",
        "english": "English (unofficial translation; the Vietnamese prevails)",
        "placeholder": "No QR code printed: the site's address is not yet the real publisher's.",
        "qr": "QR code of the permanent address",
    },
}


def qr_svg(address: str) -> str:
    """An inline SVG QR code of ``address`` (medium error correction, printable at 3 px a module)."""
    svg: str = segno.make(address, error="m").svg_inline(scale=3, title=address)
    return svg


def handout_markdown(
    program: Program,
    translation: dict[str, str],
    anchor: str,
    lang: str,
    permanent: str,
    current: str,
    placeholder: bool,
) -> str:
    """The handout page of ``anchor`` in ``lang`` (see the module)."""
    words = WORDS[lang]
    label = anchor_label(anchor, lang)
    blocks = [block for block in program.blocks if anchor in block.anchors]
    signed = "\n".join(f"<p>{escape(block.text)}</p>" for block in blocks)
    parts = [
        f'---\ntitle: "{words["title"].format(label=label)}"\nsearch:\n  exclude: true\n---\n',
        '<div class="kb-handout" markdown>',
        f"# {escape(label[0].upper() + label[1:])}",
        f'<p class="kb-handout-cite" data-editorial><strong>{words["cite"]}:</strong> '
        f"{escape(label)}, {escape(CITED[lang])}</p>",
        f'<div class="kb-verbatim kb-handout-text" lang="vi">\n{signed}\n</div>',
    ]
    if lang == "en":
        english = "\n".join(f"<p>{escape(translation.get(block.id, ''))}</p>" for block in blocks)
        heading = f"<p><em>{words['english']}</em></p>"
        parts.append(f'<div class="kb-handout-text" data-editorial lang="en">\n{heading}\n{english}\n</div>')
    code = (
        f'<p class="kb-handout-note">{words["placeholder"]}</p>'
        if placeholder
        else f'<figure class="kb-qr" aria-label="{words["qr"]}">{qr_svg(permanent)}</figure>'
    )
    parts.append(
        '<div class="kb-handout-addresses" data-editorial>\n'
        f"<p><strong>{words['permanent']}:</strong> {escape(permanent)}</p>\n"
        f"<p><strong>{words['current']}:</strong> {escape(current)}</p>\n{code}\n</div>"
    )
    parts.append("</div>")
    return "\n\n".join(parts) + "\n"
