"""`scripts/kb cite`: the parser for others to call, on files and on JSON lines (issue 18, item 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

from ctrph13.data.registry import number_key


def kb(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ctrph13", "--root", str(ROOT), "cite", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_files_give_location_kind_number_date_issuer_and_registry(tmp_path: Path) -> None:
    page = tmp_path / "bai.md"
    text = "Căn cứ Thông tư số 40/2023/TT-BTC ngày 09/6/2023 của Bộ Tài chính; Nghị định số 1/2099/NĐ-CP."
    page.write_text(f"Tiêu đề\n\n{text}\n")
    result = kb(str(page))
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows[0] == [f"{page}:3:8", "Thông tư", "40/2023/TT-BTC", "2023-06-09", "Bộ Tài chính", "known"]
    assert rows[1][1:3] == ["Nghị định", "1/2099/NĐ-CP"]
    assert rows[1][-1] == "not in the registry"


def test_json_lines_in_order_with_code_point_offsets() -> None:
    texts = ["Theo Chỉ thị số 09-CT/TW ngày 01/12/2011 của Ban Bí thư.", "Không trích dẫn gì cả: 12/2024."]
    stdin = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts)
    result = kb("--jsonl", stdin=stdin)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2
    (found,) = lines[0]["citations"]
    assert found == {
        "kind": "Chỉ thị",
        "number": "09-CT/TW",
        "date": "2011-12-01",
        "issuer": "Ban Bí thư",
        "start": texts[0].index("Chỉ thị"),
        "end": found["end"],
    }
    assert texts[0][found["start"] : found["end"]].endswith("Ban Bí thư")
    assert lines[1] == {"citations": []}


def test_a_bad_line_is_reported_and_the_rest_goes_on() -> None:
    stdin = 'not json\n{"text": "Nghị quyết số 02-NQ/TW"}\n{"body": "x"}\n'
    result = kb("--jsonl", stdin=stdin)
    assert result.returncode == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["citations"] is None for o in out] == [True, False, True]
    assert out[1]["citations"][0]["number"] == "02-NQ/TW"
    errors = result.stderr.splitlines()
    assert errors[0].startswith("<stdin>:1:1: not JSON") and " — " in errors[0]
    assert errors[1].startswith('<stdin>:3:1: no "text" string — ')
    assert "Traceback" not in result.stderr


def test_tu_and_tw_name_the_same_party_body() -> None:
    assert number_key("13-NQ/TƯ") == number_key("13-NQ/TW")
    assert number_key("09-CT/TW") != number_key("09-CT/TU")
