"""The citation parser on real passages nobody here wrote, labelled by hand by helpers who never ran or read the
parser, scored per split: `tune` may be studied; `held_out` never is (only its figures are printed, never its
failures).

Four corpora, each gathered after the parser had been tuned on the ones before: `tests/corpus/unseen/` (216
passages), `unseen-b/` (244), `unseen-c/` (247) and `unseen-d/` (220). Issue 18's goal on text the parser was not
tuned on is precision ≥ 0.99, recall ≥ 0.98 and dates ≥ 0.98. Figures (runs of 2026-12-03; the developer page
`docs/en/dev/reference.md` has the whole history):

| set | passages | precision | recall | dates | issuers |
| --- | ---: | ---: | ---: | ---: | ---: |
| unseen held out, first run | 72 | 0.946 | 0.879 | 0.989 | 0.977 |
| unseen-b held out, first run (after tuning on unseen tune) | 81 | 1.000 | 0.946 | 0.991 | 0.981 |
| unseen-c held out, first run (after tuning on unseen-b tune) | 82 | 0.955 | 0.934 | 1.000 | 0.961 |
| unseen-d held out, first run (after tuning on unseen-c tune) | 72 | 0.991 | 0.973 | 1.000 | 0.955 |
| unseen held out, today | 72 | 0.980 | 0.980 | 0.990 | 0.990 |
| unseen-b held out, today | 81 | 1.000 | 0.991 | 0.991 | 0.982 |
| unseen-c held out, today | 82 | 0.955 | 0.934 | 1.000 | 0.961 |
| unseen-d held out, today | 72 | 0.991 | 0.973 | 1.000 | 0.955 |
| the four held-out splits together | 307 | 0.980 | 0.967 | 0.996 | 0.971 |

The goal holds on unseen-b's held-out split, and recall and dates on unseen's; not on the four together. The floors
sit at the goal where it is met and just under today's figures where it is not, so that no change makes the parser
worse on text it has not seen.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS_DIR
from tests.unit.test_citations_corpus import Score, score_passage

CORPORA = {name: CORPUS_DIR / name / "citations.vi.jsonl" for name in ("unseen", "unseen-b", "unseen-c", "unseen-d")}
GOAL = {"precision": 0.99, "recall": 0.98, "dates": 0.98}
FLOORS = {
    ("unseen", "tune"): {"precision": 0.995, "recall": 0.99, "dates": 0.985, "issuers": 0.95, "kinds": 0.99},
    ("unseen", "held_out"): {"precision": 0.975, "recall": 0.975, "dates": 0.98, "issuers": 0.98, "kinds": 0.99},
    ("unseen-b", "tune"): {"precision": 0.99, "recall": 0.985, "dates": 0.985, "issuers": 0.96, "kinds": 0.99},
    ("unseen-b", "held_out"): {**GOAL, "issuers": 0.97, "kinds": 0.99},
    ("unseen-c", "tune"): {"precision": 0.995, "recall": 0.99, "dates": 0.99, "issuers": 0.98, "kinds": 0.99},
    ("unseen-c", "held_out"): {"precision": 0.95, "recall": 0.93, "dates": 0.99, "issuers": 0.95, "kinds": 0.99},
    ("unseen-d", "tune"): {"precision": 0.995, "recall": 0.995, "dates": 0.99, "issuers": 0.975, "kinds": 0.99},
    ("unseen-d", "held_out"): {"precision": 0.99, "recall": 0.97, "dates": 0.99, "issuers": 0.95, "kinds": 0.99},
}
ALL_HELD_OUT = {"precision": 0.975, "recall": 0.96, "dates": 0.99}


def passages(path: Path, split: str) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [row for row in map(json.loads, lines) if row["split"] == split]


def figures(score: Score) -> dict[str, float]:
    return {
        "precision": score.precision,
        "recall": score.recall,
        "dates": score.date_accuracy,
        "issuers": score.issuer_accuracy,
        "kinds": score.kind_accuracy,
    }


def shown(found: dict[str, float]) -> str:
    return ", ".join(f"{name} {value:.3f}" for name, value in found.items())


@pytest.mark.parametrize(("corpus", "split"), list(FLOORS))
def test_scores_on_text_the_parser_never_saw(corpus: str, split: str) -> None:
    score = Score()
    for index, passage in enumerate(passages(CORPORA[corpus], split)):
        score_passage(index, passage, score)
    found = figures(score)
    print(f"\n{corpus}, {split}: {shown(found)}")  # noqa: T201 - the figures, with pytest -s
    below = {name: value for name, value in found.items() if value < FLOORS[corpus, split][name]}
    # The held-out splits' failures are never shown: only which figure fell.
    detail = score.report() if split == "tune" else shown(found)
    assert not below, f"{corpus} {split}: below the floor: {below}\n{detail}"


def test_the_held_out_splits_together() -> None:
    score = Score()
    for path in CORPORA.values():
        for index, passage in enumerate(passages(path, "held_out")):
            score_passage(index, passage, score)
    found = figures(score)
    met = all(found[name] >= value for name, value in GOAL.items())
    print(f"\nthe held-out splits together: {shown(found)}; issue 18's goal {'met' if met else 'not met'}")  # noqa: T201
    below = {name: value for name, value in found.items() if name in ALL_HELD_OUT and value < ALL_HELD_OUT[name]}
    assert not below, f"the held-out splits together: below the floor: {below}"


@pytest.mark.parametrize(
    ("corpus", "tune", "held_out"),
    [("unseen", 144, 72), ("unseen-b", 163, 81), ("unseen-c", 165, 82), ("unseen-d", 148, 72)],
)
def test_the_splits_are_what_the_readmes_say(corpus: str, tune: int, held_out: int) -> None:
    assert len(passages(CORPORA[corpus], "tune")) == tune
    assert len(passages(CORPORA[corpus], "held_out")) == held_out
