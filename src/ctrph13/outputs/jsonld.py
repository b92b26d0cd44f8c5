"""schema.org JSON-LD for the program page and each document page: a machine-readable description of the text.

Each page describes one ``Legislation`` from the registry, in the page's language, with an ``encoding`` (a
``LegislationObject``) whose legal value is ``UnofficialLegalValue``: the site is not an official publication.
The two languages point to each other (``workTranslation`` / ``translationOfWork``).

The registry's relations map to schema.org where a property fits (schema.org 12.0, the vocabulary copy in
``tests/vocab/``):

- implements: ``legislationApplies`` ("transfers another legislation in a different legislative context": a
  province's program applying a national one);
- replaces: left out (schema.org 12.0 has no property for a repeal or replacement; ``legislationChanges`` is an
  amendment);
- guides: left out (no property says that one text gives guidance on another);
- status in force / replaced: ``legislationLegalForce`` ``InForce`` / ``NotInForce``; an unknown status is left
  out.
"""

from __future__ import annotations

import json
from typing import Any

from ctrph13.data.registry import Document

SCHEMA = "https://schema.org/"
LEGAL_FORCE = {"in-force": f"{SCHEMA}InForce", "replaced": f"{SCHEMA}NotInForce"}
RELATIONS = {"implements": "legislationApplies"}
NOT_OFFICIAL = {
    "vi": "Bản tham khảo không chính thức do trang này biên soạn, không phải văn bản được công bố chính thức. Văn bản "
    "tiếng Việt như khi ký là bản có giá trị.",
    "en": "An unofficial reference copy made by this site, not an official publication; the English is an "
    "unofficial translation, and the Vietnamese text as signed prevails.",
}


def legislation(doc: Document, lang: str, url_of: dict[str, dict[str, str]]) -> dict[str, Any]:
    """The JSON-LD of ``doc`` on its page in ``lang``.

    Args:
        doc: The registry's document the page presents.
        lang: ``vi`` or ``en``.
        url_of: The absolute address of each document's page, by document id and language (only documents with a
            page on this site are linked).
    """
    other = "en" if lang == "vi" else "vi"
    described: dict[str, Any] = {
        "@context": SCHEMA.rstrip("/"),
        "@type": "Legislation",
        "@id": f"{url_of[doc.id][lang]}#legislation",
        "name": doc.title_vi if lang == "vi" else doc.title_en,
        "legislationIdentifier": doc.number,
        "inLanguage": lang,
        "url": url_of[doc.id][lang],
        "encoding": {
            "@type": "LegislationObject",
            "legislationLegalValue": {"@id": f"{SCHEMA}UnofficialLegalValue"},
            "inLanguage": lang,
            "description": NOT_OFFICIAL[lang],
        },
        ("workTranslation" if lang == "vi" else "translationOfWork"): {"@id": f"{url_of[doc.id][other]}#legislation"},
    }
    if doc.date is not None:
        described["legislationDate"] = doc.date.isoformat()
    issuer = doc.issuer_vi if lang == "vi" else doc.issuer_en
    if issuer:
        described["legislationPassedBy"] = {"@type": "Organization", "name": issuer}
    if doc.status in LEGAL_FORCE:
        described["legislationLegalForce"] = {"@id": LEGAL_FORCE[doc.status]}
    for kind, target in doc.relations:
        prop = RELATIONS.get(kind)
        if prop is not None and target in url_of:
            described.setdefault(prop, []).append({"@id": f"{url_of[target][lang]}#legislation"})
    return described


def script(described: dict[str, Any]) -> str:
    """The JSON for a ``<script type="application/ld+json">``: ``</`` escaped, so no text can close the element."""
    return json.dumps(described, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")


def site_roots(site_url: str, lang: str, version: str | None) -> dict[str, str]:
    """The absolute root of each language's site, from one language's ``site_url`` (mike's points to latest)."""
    tail = ("en/" if lang == "en" else "") + ("latest/" if version else "")
    root = site_url.rstrip("/") + "/"
    root = root.removesuffix(tail) if tail and root.endswith(tail) else root
    latest = "latest/" if version else ""
    return {"vi": f"{root}{latest}", "en": f"{root}en/{latest}"}
