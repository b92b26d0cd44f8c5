"""The citation parser on 216 more real passages nobody here wrote (tests/corpus/unseen/, labelled by hand by a
helper who never ran or read the parser), scored per split: `tune` may be studied; `held_out` never is (only its
figures are printed, never its failures).

Issue 18's goal on text the parser was not tuned on is precision ≥ 0.99, recall ≥ 0.98 and dates ≥ 0.98; it is not
met on the held-out split. Until it is, these floors sit just under today's figures, so that no change makes the
parser worse on text it has not seen:

| split | precision | recall | dates | issuers |
| --- | ---: | ---: | ---: | ---: |
| tune (144 passages), first run (2026-12-03) | 0.984 | 0.939 | 0.989 | 0.957 |
| held_out (72), first run | 0.946 | 0.879 | 0.989 | 0.977 |
| tune, after tuning on its failures (2026-12-03) | 0.995 | 0.990 | 0.990 | 0.954 |
| held_out, same parser (figures only) | 0.967 | 0.899 | 0.989 | 0.977 |

Kinds (of the citations found with a labelled number, those with the labelled kind too): 1.000 in both splits.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from tests.conftest import CORPUS_DIR
from tests.unit.test_citations_corpus import Score, score_passage

UNSEEN = CORPUS_DIR / "unseen" / "citations.vi.jsonl"
FLOORS = {
    "tune": {"precision": 0.99, "recall": 0.985, "dates": 0.985, "issuers": 0.95, "kinds": 0.99},
    "held_out": {"precision": 0.96, "recall": 0.89, "dates": 0.98, "issuers": 0.97, "kinds": 0.99},
}


def passages(split: str) -> list[dict[str, Any]]:
    with UNSEEN.open(encoding="utf-8") as lines:
        return [row for row in map(json.loads, lines) if row["split"] == split]


def figures(score: Score) -> dict[str, float]:
    return {
        "precision": score.precision,
        "recall": score.recall,
        "dates": score.date_accuracy,
        "issuers": score.issuer_accuracy,
        "kinds": score.kind_accuracy,
    }


@pytest.mark.parametrize("split", ["tune", "held_out"])
def test_scores_on_text_the_parser_never_saw(split: str) -> None:
    score = Score()
    for index, passage in enumerate(passages(split)):
        score_passage(index, passage, score)
    found = figures(score)
    shown = ", ".join(f"{name} {value:.3f}" for name, value in found.items())
    print(f"\nunseen corpus, {split}: {shown}")  # noqa: T201 - the figures, with pytest -s
    below = {name: value for name, value in found.items() if value < FLOORS[split][name]}
    # The held-out split's failures are never shown: only which figure fell.
    detail = score.report() if split == "tune" else shown
    assert not below, f"{split}: below the floor: {below}\n{detail}"


def test_the_splits_are_what_the_readme_says() -> None:
    assert len(passages("tune")) == 144
    assert len(passages("held_out")) == 72
