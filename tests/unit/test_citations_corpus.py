"""The citation parser on 200 real passages nobody here wrote, against hand-checked gold labels.

The corpus (``tests/corpus/citations.vi.jsonl``, described in its README) holds 401 citations across 30 kinds
and 29 negative passages. Scoring rules, following the corpus's known limits:

- a citation is the pair (kind as written, compared case-insensitively; normalised number); precision and recall
  count these pairs per passage as multisets, so a document cited three times must be found three times;
- dates and issuers are scored on matched pairs only. Within one passage, a predicted citation is paired first with
  a gold label that agrees on date and issuer, then with the remaining labels of the same pair in text order;
- issuers are labelled only from "của …". Where the label is null but the parser read a "giữa …" issuer, the
  issuer is not scored: the labels cannot say whether it is wrong;
- bare references without a symbol ("Nghị định 168") are not labelled, and the parser does not return them either.

Known misses, kept visible in the printed report: in "Các Nghị định của Chính phủ ... (Số 37/2019/NĐ-CP ngày ...,
số 58/2023/NĐ-CP ...)" the kind word stands a sentence away from the numbers, which no rule here links.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pytest
from tests.conftest import CORPUS_DIR

from ctrph13.citations.find import Citation, find_citations, kind_matches_number

CORPUS = CORPUS_DIR / "citations.vi.jsonl"

# Thresholds just under what the parser reaches today (recall 399/401, precision 399/399, dates 399/399,
# issuers 399/399): recall fails at one more miss (398/401 = 0.9925); precision, dates and issuers tolerate a
# single error and fail at a second one (399/401 = 0.9950, 397/399 = 0.9950). The message names the passages.
MIN_RECALL = 0.995
MIN_PRECISION = 0.997
MIN_DATE_ACCURACY = 0.997
MIN_ISSUER_ACCURACY = 0.997
MIN_KIND_ACCURACY = 0.997

Key = tuple[str, str]


@dataclass
class Score:
    """Counts over the whole corpus, with one line per disagreement for the failure message."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    dates_right: int = 0
    dates_scored: int = 0
    issuers_right: int = 0
    issuers_scored: int = 0
    # Citations found with a labelled number, and how many of them also have the labelled kind.
    kinds_right: int = 0
    kinds_scored: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positives / max(1, self.true_positives + self.false_positives)

    @property
    def recall(self) -> float:
        return self.true_positives / max(1, self.true_positives + self.false_negatives)

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / max(1, self.dates_scored)

    @property
    def issuer_accuracy(self) -> float:
        return self.issuers_right / max(1, self.issuers_scored)

    @property
    def kind_accuracy(self) -> float:
        return self.kinds_right / max(1, self.kinds_scored)

    def report(self) -> str:
        lines = [
            f"precision {self.precision:.4f} ({self.true_positives}/{self.true_positives + self.false_positives})",
            f"recall {self.recall:.4f} ({self.true_positives}/{self.true_positives + self.false_negatives})",
            f"dates {self.date_accuracy:.4f} ({self.dates_right}/{self.dates_scored})",
            f"issuers {self.issuer_accuracy:.4f} ({self.issuers_right}/{self.issuers_scored})",
            f"kinds {self.kind_accuracy:.4f} ({self.kinds_right}/{self.kinds_scored})",
        ]
        return "\n".join([*lines, *self.problems])


def passages() -> list[dict[str, Any]]:
    assert CORPUS.is_file(), f"{CORPUS}: the citation corpus is missing from the repository"
    with CORPUS.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


# The issue defines a citation's number with an ASCII hyphen and slash; the second corpus labels other dashes and
# slashes as written ("130–CP", "1478⁄CĐ-TTg"), so both sides are compared with those unified.
SEPARATORS = str.maketrans(
    dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d", "-") | dict.fromkeys("\u2215\u2044\uff0f", "/")
)


def key(kind: str, number: str) -> Key:
    # An HTML entity in a label ("CT&amp;HSSV", from an HTML source) is the character it stands for.
    return kind.casefold(), html.unescape(number).translate(SEPARATORS)


def score_passage(index: int, passage: dict[str, Any], score: Score) -> None:
    text: str = passage["text"]
    gold: list[dict[str, Any]] = passage["citations"]
    found = find_citations(text)
    where = f"passage {index} ({passage['source']}, {passage['loc']})"

    expected = Counter(key(g["kind"], g["number"]) for g in gold)
    got = Counter(key(c.kind, c.number) for c in found)
    matched = expected & got
    score.true_positives += sum(matched.values())
    numbers = Counter(key("", g["number"]) for g in gold) & Counter(key("", c.number) for c in found)
    score.kinds_scored += sum(numbers.values())
    score.kinds_right += sum(matched.values())
    score.false_positives += sum((got - expected).values())
    score.false_negatives += sum((expected - got).values())
    for kind, number in sorted((expected - got).elements()):
        score.problems.append(f"{where}: missed {kind} {number}")
    for kind, number in sorted((got - expected).elements()):
        score.problems.append(f"{where}: spurious {kind} {number}")

    for citation, label in pair(found, gold):
        score_fields(text, citation, label, where, score)


def pair(found: list[Citation], gold: list[dict[str, Any]]) -> list[tuple[Citation, dict[str, Any]]]:
    """Pair predictions with labels of the same (kind, number): exact agreements first, then in text order."""
    free = list(range(len(gold)))
    pairs: list[tuple[Citation, dict[str, Any]]] = []
    rest: list[Citation] = []
    for citation in found:
        exact = next(
            (
                i
                for i in free
                if key(gold[i]["kind"], gold[i]["number"]) == key(citation.kind, citation.number)
                and (gold[i]["date"], gold[i]["issuer"]) == (citation.date, citation.issuer)
            ),
            None,
        )
        if exact is None:
            rest.append(citation)
        else:
            free.remove(exact)
            pairs.append((citation, gold[exact]))
    for citation in rest:
        same = next(
            (i for i in free if key(gold[i]["kind"], gold[i]["number"]) == key(citation.kind, citation.number)), None
        )
        if same is not None:
            free.remove(same)
            pairs.append((citation, gold[same]))
    return pairs


def score_fields(text: str, citation: Citation, label: dict[str, Any], where: str, score: Score) -> None:
    name = f"{citation.kind} {citation.number} at {citation.start}"
    score.dates_scored += 1
    if citation.date == label["date"]:
        score.dates_right += 1
    else:
        score.problems.append(f"{where}: {name}: date {citation.date!r}, gold {label['date']!r}")
    from_between = "giữa" in text[citation.number_span[1] : citation.end]
    if label["issuer"] is None and citation.issuer is not None and from_between:
        return  # labels only come from "của …"
    score.issuers_scored += 1
    if citation.issuer == label["issuer"]:
        score.issuers_right += 1
    else:
        score.problems.append(f"{where}: {name}: issuer {citation.issuer!r}, gold {label['issuer']!r}")


@pytest.fixture(scope="module")
def score() -> Score:
    result = Score()
    for index, passage in enumerate(passages()):
        score_passage(index, passage, result)
    print(f"\ncitation corpus ({CORPUS.name}):\n{result.report()}")  # noqa: T201  # the figures, with pytest -s
    return result


def test_kind_and_number_precision_and_recall(score: Score) -> None:
    assert score.recall >= MIN_RECALL, score.report()
    assert score.precision >= MIN_PRECISION, score.report()


def test_date_and_issuer_accuracy_on_matched_citations(score: Score) -> None:
    assert score.date_accuracy >= MIN_DATE_ACCURACY, score.report()
    assert score.issuer_accuracy >= MIN_ISSUER_ACCURACY, score.report()
    assert score.kind_accuracy >= MIN_KIND_ACCURACY, score.report()


def test_negative_passages_cite_nothing() -> None:
    negatives = [(i, p) for i, p in enumerate(passages()) if not p["citations"]]
    assert len(negatives) == 29
    spurious = [
        f"passage {i} ({p['source']}): {p['text'][c.start : c.end]!r}"
        for i, p in negatives
        for c in find_citations(p["text"])
    ]
    assert not spurious, "\n".join(spurious)


def test_gold_kinds_agree_with_their_numbers() -> None:
    # KIND_CODES checked against 401 real labels; the one disagreement is a slip in the source document
    # ("Thông tư liên tịch số 07/2016/TTTLT-...", TTTLT for TTLT), which kind_matches_number should flag.
    clashes = [
        (g["kind"], g["number"])
        for p in passages()
        for g in p["citations"]
        if not kind_matches_number(g["kind"], g["number"])
    ]
    assert clashes == [("Thông tư liên tịch", "07/2016/TTTLT-BYT-BTC-BLĐTBXH")]
