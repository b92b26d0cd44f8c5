"""The search engine: the same tokens in Python and in the browser's script, folding, keys and ranking."""

from __future__ import annotations

import json
import subprocess
import unicodedata
from pathlib import Path

import pytest
from tests.conftest import CORPUS_DIR, PROGRAM_TEXT, ROOT

from ctrph13.outputs import searchindex
from ctrph13.outputs.searchindex import Section, document_keys, expansions, tokenize

NODE_SCRIPT = """
const search = require(process.argv[1]);
const inputs = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(inputs.map((text) => search.tokenize(text).map((t) => [t.keys, t.head]))));
"""
SEARCH_JS = ROOT / "overrides" / "assets" / "search.js"
QUERY_JS = ROOT / "scripts" / "search-query.js"


def js_tokens(texts: list[str]) -> list[list[list[object]]]:
    result = subprocess.run(
        ["node", "-e", NODE_SCRIPT, str(SEARCH_JS)], input=json.dumps(texts), capture_output=True, text=True, check=True
    )
    tokens: list[list[list[object]]] = json.loads(result.stdout)
    return tokens


def test_python_and_browser_tokenize_alike() -> None:
    program = PROGRAM_TEXT.read_text(encoding="utf-8")
    corpus = [
        json.loads(line)["text"]
        for line in (CORPUS_DIR / "citations.vi.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    texts = [
        program,
        unicodedata.normalize("NFD", program),
        *corpus,
        "Chỉ thị số 09 - CT / TW",
        "ĐẢNG VIÊN Đảng viên",
        "hoà giải hòa giải HOÀ",
        "13 /CTrPH‐CA–MTTQ",
        "kinh tế - xã hội",
        "e-mail x/y 5 không, 3 sạch",
        "Thuỷ thủy",
        "x²₃ ½ ٣",
    ]
    expected = [[[list(t.keys), t.head] for t in tokenize(text)] for text in texts]
    assert js_tokens(texts) == expected


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Đảng viên", [("dang",), ("vien",)]),
        (unicodedata.normalize("NFD", "đảng viên"), [("dang",), ("vien",)]),
        ("hoà giải", [("hoa",), ("giai",)]),
        ("ANTQ", [("antq",)]),
        ("09-CT/TW", [("09-ct/tw", "09-ct", "ct/tw", "09", "ct", "tw")]),
        (
            "13 /CTrPH-CA-MTTQ",
            [
                (
                    "13/ctrph-ca-mttq",
                    "13/ctrph-ca",
                    "ctrph-ca-mttq",
                    "13/ctrph",
                    "ctrph-ca",
                    "ca-mttq",
                    "13",
                    "ctrph",
                    "ca",
                    "mttq",
                )
            ],
        ),
        ("TT-BTC", [("tt-btc", "tt", "btc")]),
        ("kinh tế - xã hội", [("kinh",), ("te",), ("xa",), ("hoi",)]),
    ],
)
def test_tokens(text: str, keys: list[tuple[str, ...]]) -> None:
    assert [t.keys for t in tokenize(text)] == keys


def test_keys_hold_pairs_codes_and_abbreviations() -> None:
    antq = expansions([("ANTQ", "an ninh Tổ quốc")])
    keys = document_keys("Chỉ thị số 09-CT/TW và phong trào bảo vệ ANTQ", antq)
    assert {
        "chi thi",
        "thi 09",
        "thi 09-ct/tw",
        "09-ct",
        "ct/tw",
        "bao ve",
        "ve antq",
        "ve an",
        "ninh to",
        "an",
        "quoc",
    } <= set(keys)
    spelled = document_keys("bảo vệ an ninh Tổ quốc", antq)
    assert "antq" in spelled


def _index(tmp_path: Path, sections: list[Section]) -> Path:
    folder = tmp_path / "search"
    folder.mkdir()
    for name, content in searchindex.build(sections, "vi", expansions([("ANTQ", "an ninh Tổ quốc")])).files.items():
        (folder / name).write_text(content, encoding="utf-8")
    return folder


def query(folder: Path, *queries: str, typed: bool = False) -> list[dict[str, object]]:
    args = ["node", str(QUERY_JS), str(folder), *(["--typed"] if typed else []), *queries]
    result = subprocess.run(args, capture_output=True, text=True, check=True)
    data: list[dict[str, object]] = json.loads(result.stdout)
    return data


RANKING = [
    Section("a/", "Trang A", "Các đảng viên và đoàn viên ở cơ sở."),
    Section("b/", "Trang B", "Đảng lãnh đạo; viên chức và cán bộ ở xã."),
    Section("c/", "Trang C", "Viên chức của Đảng và đảng viên tham gia."),
    Section("d/", "Trang D", "Không liên quan: nông thôn mới, đô thị văn minh."),
    Section("e/", "Hòa giải", "Tổ hòa giải ở ấp thực hiện hoà giải mâu thuẫn."),
    Section("f/", "Hoa", "Trồng hoa và giải thưởng."),
    Section("g/", "Bảo vệ ANTQ", "Phong trào toàn dân bảo vệ ANTQ."),
    Section("h/", "Văn bản", "Thông tư số 40/2023/TT-BTC ngày 09/6/2023 của Bộ Tài chính."),
]


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("dang vien", [{"a/", "c/"}, {"a/", "c/"}, "b/"]),  # adjacent and in order first; apart last
        ("đảng viên", [{"a/", "c/"}, {"a/", "c/"}, "b/"]),
        ("dang vi", [{"a/", "c/"}, {"a/", "c/"}]),  # typing: the last word is a prefix
        ("hoa giai", ["e/", "f/"]),  # old and new tone placement alike; the phrase beats the two words
        ("bao ve an ninh to quoc", ["g/"]),  # the abbreviation is expanded
        ("antq", ["g/"]),
        ("thong tu 40", ["h/"]),
        ("TT-BTC", ["h/"]),
        ("40/2023", ["h/"]),
    ],
)
def test_ranking(tmp_path: Path, text: str, order: list[str | set[str]]) -> None:
    [result] = query(_index(tmp_path, RANKING), text)
    urls = [r["url"] for r in result["results"]]  # type: ignore[index]
    assert len(urls) >= len(order)
    for url, expected in zip(urls, order, strict=False):
        assert url in expected if isinstance(expected, set) else url == expected, (urls, order)


def test_exact_accents_rank_first_when_typed(tmp_path: Path) -> None:
    sections = [
        Section("x/", "X", "Ông hoà giải việc."),
        Section("y/", "Y", "Hỏa giải nhiệt nhanh."),
        Section("z/", "Z", "Hóa giải lời nguyền."),
    ]
    [result] = query(_index(tmp_path, sections), "hỏa giải")
    assert result["results"][0]["url"] == "y/"  # type: ignore[index]
    [plain] = query(tmp_path / "search", "hoa giai")
    assert len(plain["results"]) == 3  # type: ignore[arg-type]


def test_sections_split_at_anchors() -> None:
    html = (
        '<h1 id="t">Tiêu đề</h1><p>Mở đầu.</p><p class="kb-anchor" id="i-1"><a class="kb-permalink" '
        'href="#i-1"></a>1. Khoản một.</p><h2 id="h">Mục <em>hai</em></h2><p>Nội dung.</p><script>x()</script>'
    )
    found = searchindex.sections(html, "p/", "Trang")
    assert [(s.url, s.title, s.text) for s in found] == [
        ("p/#t", "Trang › Tiêu đề", "Tiêu đề Mở đầu."),
        ("p/#i-1", "Trang › Tiêu đề", "1. Khoản một."),
        ("p/#h", "Trang › Mục hai", "Mục hai Nội dung."),
    ]


def test_a_quotation_is_eight_consecutive_words() -> None:
    clause = "một hai ba bốn năm sáu bảy tám chín mười"
    sources = searchindex.Sources("chuong-trinh/", {"i-1": [clause, "one two three"]})
    sections = [
        Section("chuong-trinh/#i-1", "Program › 1", clause),
        Section("a/", "A", "trước " + " ".join(clause.split()[:8]) + " sau"),  # eight words: a quotation
        Section("b/", "B", " ".join(clause.split()[:7])),  # seven: not
        Section("c/", "C", "mot hai ba bon nam sau bay tam"),  # folded: the same words
    ]
    assert searchindex.quotations(sections, sources) == {1: 0, 3: 0}
    files = searchindex.build(sections, "vi", (), sources=sources).files
    assert '"q":[1,0,3,0]' in files["quotes.js"]
    assert '"c":[0]' in files["quotes.js"]
    assert '[["a/","A"],["c/","C"]]' in files["d-0.js"]
