"""Recognise citations of legal, party and administrative documents in Vietnamese and English text.

A citation is a kind word ("Chỉ thị", "Nghị quyết", "Directive", ...) followed by a document number
("09-CT/TW", "40/2023/TT-BTC", "07/CTrPH-BCA-MTTW"), optionally by a date and by the issuer:

    Chỉ thị số 09-CT/TW ngày 01/12/2011 của Ban Bí thư về “...”
    Directive No. 09-CT/TW of 1 December 2011 of the Secretariat

The parser reads Markdown as editors write it and returns every match with offsets into the original
string, so that callers can link the exact span or report a line and column. The rules, in short:

* **A kind word is required.** A bare number ("Số: 13 /CTrPH-CA-MTTQ" in a document header, "19/8",
  "năm 2023") is never a citation. A number must carry a letter code ("09-CT/TW", "12/CP"); dates such
  as "12/5/2014" therefore never pass as numbers.
* **Words between the kind and "số" / "No."** are a title ("Luật Đất đai số 31/2024/QH15",
  "Báo cáo thẩm tra số ...", "Law on Cybersecurity No. ..."): up to ten words, never another kind word,
  so the nearest kind word wins.
* **Separators.** Tokens may be separated by spaces, Markdown emphasis markers (``*``, ``_``) and single
  line breaks (with their "> " in a blockquote): editors wrap lines anywhere. A blank line (a Markdown
  paragraph break) ends a citation. Inside a number, spaces around "/" and "-" are allowed
  ("13 /CTrPH-CA-MTTQ", "09 - CT / TW"), as are Unicode hyphens and dashes.
* **Lists** share the kind word: in "Công điện số 217/CĐ-TTg, 218/CĐ-TTg và số 222/CĐ-TTg ngày ..."
  each number is a citation of kind "Công điện"; such a continuation starts at its "số" or number.
  A date or issuer belongs only to the number it follows.
* **Issuer.** After "của" / "giữa" ("of" / "by" / "between"), the issuer runs to the first of: a
  punctuation mark other than "-" (``, ; : ( ) [ ] |`` quotes, emphasis markers), a full stop that
  ends a sentence, a new Markdown block (blank line, list item, heading, table row), the next
  citation, or a word that starts a predicate ("về", "quy định",
  "ban hành", "thực hiện", "ngày", ... / "on", "dated", "regarding", ...). A comma, "và", "với"
  ("and") continue the issuer only when the next word is capitalised and is not a kind word ("Bộ
  Chính trị, Ban Bí thư"; "Bộ Công an với Ủy ban ..."; "và các tổ chức thành viên" is allowed too).
  For "giữa X với|và Y" the issuer is the whole "X với Y". English issuers drop a leading "the".
* **Forms of real text.** A number may carry a unit code in brackets ("2560/BCA(X13)"), a register number
  ("102-SL/L-004"), a year after a party serial ("28-2024/CTHĐQT-DA"), a code typed apart ("TTLT-BGD ĐT-BNV"),
  or be cut short ("Kết luận số 159-TB"). A date may follow a short title and "ban hành" / "ký"
  ("Luật 55/2014/QH13 Bảo vệ môi trường ban hành ngày 23/06/2014"), and the issuer a comma after the date
  ("35-NQ/TW, ngày 22-10-2018, của Bộ Chính trị"). A kind word may be run into the word before it
  ("ban hànhChỉ thị", "1Chỉ thị"), and ";" continues a list when the number carries the kind's own code. A number may
  also have dashes only ("102-SL-L004") or no dash ("84 QĐ/TWĐTN"), a letter after its digits ("1227a/TTr-SKHĐT"),
  and run into "ngày". HTML entities read as their characters ("CT&amp;HSSV"). "Số văn bản:" at the start of a
  line is a metadata field, and "Luật số: …" above "Hà Nội, ngày …" the document's own number: neither is a
  citation. A kind word with one diacritic dropped ("Nghị quyêt", ``SLIPS``) is read as its kind, and a date may
  stand in brackets ("(ngày 2/1/2020)"). In "các Nghị định của Chính phủ: số …; số …" every item gets the issuer,
  and the list goes on past other kinds cited in an item's description and over wrapped lines.
* **Short forms.** "(gọi tắt là Chương trình phối hợp số 07)", "(sau đây gọi là ...)",
  "(hereinafter “Coordination Program No. 07”)" define a short form for the nearest preceding
  citation with the same kind and serial number. Later uses of that kind word with that serial, not
  followed by "/", are returned with the defined document's number, date and issuer and
  ``short_form=True``. The defining phrase itself is not a citation. A phrase that repeats a full
  number ("(sau đây viết tắt là Chỉ thị số 27/CT-TTg)") is an ordinary citation.
* **Unicode.** Input may be NFC or NFD: the text is normalised cluster by cluster with an offset map,
  so returned offsets always index the original string.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Literal

__all__ = [
    "EN_KINDS",
    "KIND_CODES",
    "Citation",
    "find_citations",
    "kind_matches_number",
    "may_cite",
    "normalise_number",
    "type_code",
]


@dataclass(frozen=True)
class Citation:
    """One citation found in a text.

    Attributes:
        start: Offset in the original text where the citation starts (inclusive): the kind word, or for
            a list continuation its "số" / number.
        end: Offset where the citation ends (exclusive): the end of the issuer, date or number,
            whichever comes last.
        lang: ``"vi"`` or ``"en"``, from the kind word.
        kind: The kind word as written, NFC, whitespace collapsed ("Chỉ thị", "NGHỊ QUYẾT",
            "Directive").
        number: The number, normalised by `normalise_number` ("09-CT/TW").
        number_span: Offsets of the number as written (for a short form: of its serial, "07").
        date: The date in ISO form, or None if absent or not a valid date.
        issuer: The issuer, NFC, whitespace collapsed, or None if absent.
        short_form: True when this match uses a short form that the text defined itself.
    """

    start: int
    end: int
    lang: Literal["vi", "en"]
    kind: str
    number: str
    number_span: tuple[int, int]
    date: str | None
    issuer: str | None
    short_form: bool = False


# Kind word (lower case, NFC) -> the type codes its numbers may carry. An empty set means the kind
# does not constrain the number: laws are numbered "59/2020/QH14" (no type code), and "công văn" or
# "văn bản" can carry any code ("văn bản số 213-KL/TW").
KIND_CODES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "hiến pháp": frozenset(),
        "bộ luật": frozenset(),
        "luật": frozenset(),
        "pháp lệnh": frozenset({"PL"}),
        "lệnh": frozenset({"L"}),
        "sắc lệnh": frozenset({"SL"}),
        "nghị định": frozenset({"NĐ"}),
        "nghị quyết": frozenset({"NQ", "NQLT"}),
        "nghị quyết liên tịch": frozenset({"NQLT"}),
        "thông tư": frozenset({"TT", "TTLT"}),
        "thông tư liên tịch": frozenset({"TTLT"}),
        "chỉ thị": frozenset({"CT"}),
        "chỉ thị liên tịch": frozenset({"CTLT"}),
        "kết luận": frozenset({"KL"}),
        "thông báo": frozenset({"TB"}),
        "thông báo kết luận": frozenset({"TB"}),
        "thông tri": frozenset({"TT"}),
        "quyết định": frozenset({"QĐ", "QĐLT"}),
        "quyết định liên tịch": frozenset({"QĐLT"}),
        "quy định": frozenset({"QĐ", "QĐi", "QyĐ"}),
        "quy chế": frozenset({"QC", "QCPH"}),
        "quy chế phối hợp": frozenset({"QCPH", "QC"}),
        "chương trình": frozenset({"CTr", "CTrPH", "CTPH", "CTHĐ"}),
        "chương trình phối hợp": frozenset({"CTrPH", "CTR", "CTPH"}),
        "chương trình hành động": frozenset({"CTr", "CTHĐ"}),
        "kế hoạch": frozenset({"KH", "KHLT", "KHPH"}),
        "kế hoạch liên tịch": frozenset({"KHLT"}),
        "hướng dẫn": frozenset({"HD", "HDLT"}),
        "hướng dẫn liên tịch": frozenset({"HDLT"}),
        "công văn": frozenset(),
        "công điện": frozenset({"CĐ"}),
        "văn bản": frozenset(),
        "văn bản hợp nhất": frozenset({"VBHN"}),
        "báo cáo": frozenset({"BC"}),
        "đề án": frozenset({"ĐA"}),
        "tờ trình": frozenset({"TTr"}),
        "phương án": frozenset({"PA"}),
        "biên bản": frozenset({"BB"}),
        "giấy mời": frozenset({"GM"}),
    }
)

# English kind word (lower case) -> the Vietnamese kind word it translates.
EN_KINDS: Mapping[str, str] = MappingProxyType(
    {
        "constitution": "hiến pháp",
        "code": "bộ luật",
        "law": "luật",
        "ordinance": "pháp lệnh",
        "order": "lệnh",
        "decree": "nghị định",
        "resolution": "nghị quyết",
        "joint resolution": "nghị quyết liên tịch",
        "circular": "thông tư",
        "joint circular": "thông tư liên tịch",
        "joint directive": "chỉ thị liên tịch",
        "joint decision": "quyết định liên tịch",
        "joint plan": "kế hoạch liên tịch",
        "joint guidance": "hướng dẫn liên tịch",
        "directive": "chỉ thị",
        "conclusion": "kết luận",
        "notice": "thông báo",
        "announcement": "thông báo",
        "conclusion notice": "thông báo kết luận",
        "decision": "quyết định",
        "regulation": "quy định",
        "regulations": "quy chế",
        "coordination regulations": "quy chế phối hợp",
        "program": "chương trình",
        "programme": "chương trình",
        "coordination program": "chương trình phối hợp",
        "coordination programme": "chương trình phối hợp",
        "action program": "chương trình hành động",
        "action programme": "chương trình hành động",
        "plan": "kế hoạch",
        "guidance": "hướng dẫn",
        "guideline": "hướng dẫn",
        "guidelines": "hướng dẫn",
        "instruction": "hướng dẫn",
        "official letter": "công văn",
        "official dispatch": "công điện",
        "official telegram": "công điện",
        "document": "văn bản",
        "report": "báo cáo",
        "project": "đề án",
        "scheme": "đề án",
        "proposal": "tờ trình",
        "submission": "tờ trình",
        "invitation": "giấy mời",
    }
)

# Every code some kind allows; a one-part code after the serial ("150/SL") is a type code only if it is
# one of these, otherwise it names the issuer ("12/CP", "299/TTg", "59/2020/QH14").
# Invisible characters that copies from PDFs and web pages leave inside symbols; the patterns never see them.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_DROPPED = frozenset("*_") | _INVISIBLE
_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
_INVISIBLE_OR_ENTITY = re.compile(f"[{''.join(sorted(_INVISIBLE))}]|{_ENTITY.pattern}")
_KNOWN_CODES = frozenset(code.casefold() for codes in KIND_CODES.values() for code in codes)

# --------------------------------------------------------------------------------------------------
# Building blocks of the patterns. They run on the NFC working copy of the text.

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"
_SLASHES = "/\u2215\u2044\uff0f"
_DASH_CLASS = "".join(map(re.escape, _DASHES))  # escaped: a bare "-" inside [...] would make a range
_DASH = f"[{_DASH_CLASS}]"
_SLASH = f"[{_SLASHES}]"
_H = r"[^\S\n]"  # horizontal white space
# Word boundaries that treat "_" as punctuation: "_Chỉ thị số 09-CT/TW_" is Markdown emphasis, not a word.
_NO_LETTER_BEFORE = r"(?<![^\W_])"
_NO_LETTER_AFTER = r"(?![^\W_])"
# A line break that does not open a blank line (a paragraph break ends a citation), with the quote markers
# that continue a Markdown blockquote ("> ").
_NL = rf"\n(?!(?:{_H}|>)*\n)(?:{_H}*+>)*+"
# Possessive quantifiers: a run of separators is taken whole, which keeps matching linear on long runs
# of spaces or asterisks (backtracking into them could never help: no token starts with a separator).
_SEP = rf"(?:{_H}|[*_]|{_NL})++"  # between tokens: spaces, emphasis markers, one line break
_SP = rf"(?:{_H}|[*_]|{_NL})*+"
_KSEP = rf"(?:{_H}|{_NL})++"  # inside a kind word


def _alternation(words: list[str]) -> str:
    # Longest first, so "Thông tư liên tịch" wins over "Thông tư".
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(_KSEP.join(re.escape(part) for part in word.split()) for word in ordered)


def _slips(word: str) -> set[str]:
    """The word with one diacritic dropped, as typing and scanning leave it ("Nghị quyêt", "Chỉ thi", "Quyết dịnh")."""
    decomposed = unicodedata.normalize("NFD", word)
    found = {
        unicodedata.normalize("NFC", decomposed[:i] + decomposed[i + 1 :])
        for i, ch in enumerate(decomposed)
        if unicodedata.combining(ch)
    }
    found |= {word[:i] + "d" + word[i + 1 :] for i, ch in enumerate(word) if ch == "đ"}
    return found


# A Vietnamese kind word with one slip -> the kind word (only where the slip is no kind word itself).
SLIPS: Mapping[str, str] = MappingProxyType(
    {slip: kind for kind in KIND_CODES for slip in sorted(_slips(kind)) if slip not in KIND_CODES}
)
_KINDS = _alternation(list(KIND_CODES) + list(SLIPS) + list(EN_KINDS))
# Where a kind word only ends a title or an issuer, slips need not count: the alternation is a third as long.
_EXACT_KINDS = _alternation(list(KIND_CODES) + list(EN_KINDS))
# Before a kind word: no letter, or a word run into a capitalised kind word ("đã ban hànhChỉ thị số 09/CT/TW").
_KIND_BEFORE = rf"(?:{_NO_LETTER_BEFORE}|(?<=[^\W_])(?-i:(?=[A-ZĐ])))"  # and a list's "1Chỉ thị 15/CT-TTg"
_KIND_END = rf"(?:{_NO_LETTER_AFTER}|(?=số))"  # "Nghị quyếtsố 107/2020/QH14" occurs in real text
_MARKER = rf"(?:số|sô|so|nos?\.?|number){_NO_LETTER_AFTER}"  # "so", "sô": the marker typed or scanned without a mark

# Codes are case-sensitive (the rest of the patterns is not): "CTrPH", "TTg", "QĐi", "C06", "BNN&MT".
# Letters of codes: Latin, and the Vietnamese letters that abbreviations keep ("ĐCTUBTƯMTTQVN", "13-NQ/TƯ").
_UP = "A-ZĐÐƯƠĂÂÊÔ"
# "&" joins two codes ("BNN&PTNT"), never an HTML entity ("TT-BGDĐT&nbsp;").
_ALNUM_CLASS = f"[{_UP}a-zđươăâêô0-9]"
_ALNUM = f"{_ALNUM_CLASS}*(?:&[{_UP}]{_ALNUM_CLASS}*)*"  # the rest of a code
# A symbol ends at a non-letter, or where "ngày" / "của" run into it ("5104/QĐ-ĐHKHTNngày 08/12/2013").
_SEG_END = rf"(?:{_NO_LETTER_AFTER}|(?=ngày|của))"
_SEG = rf"(?:(?:[{_UP}]{_ALNUM})?QH \d{{1,2}}|[{_UP}]{_ALNUM}){_SEG_END}"  # "QH 13" for "QH13"
# After a spaced dash, so "- Ban Bí thư" is not eaten; "TTg" is the Prime Minister's code.
_CAP_SEG = rf"(?:[{_UP}][{_UP}0-9&]+g?|[{_UP}]){_SEG_END}"
_ANY_SEG = rf"[{_UP}a-zđươăâêô]{_ALNUM}{_SEG_END}"  # "154/BC-UBPL15-m"
# "…" / "..." stand for a number not yet assigned; a letter may follow the digits ("1227a/TTr-SKHĐT").
_SERIAL = rf"{_NO_LETTER_BEFORE}(?:\d{{1,6}}[a-z]?|\.{{3,}}|…)"
_TIGHT = r"[*_]*+"
_CONT_SEG = (
    rf"(?:{_TIGHT}(?:{_DASH}|{_SLASH}){_TIGHT}{_ANY_SEG}|{_SP}{_DASH}{_SP}{_CAP_SEG}"
    rf"|\([{_UP}]{_ALNUM}\)"  # a unit code in brackets: "2560/BCA(X13)"
    rf"|{_H}[{_UP}][{_UP}&]{{0,5}}(?=(?:{_DASH}|{_SLASH})[{_UP}])"  # typed apart: "23/2015/TTLT-BGD ĐT-BNV"
    rf"|{_DASH}\d{{1,4}}(?![\d{_SLASHES}]|[.,]\d){_NO_LETTER_AFTER})"  # a register number: "102-SL/L-004"
)
_NUMBER = (
    rf"(?-i:{_SERIAL}"
    rf"(?:{_SP}{_DASH}{_SP}{_SEG}{_SP}{_SLASH}{_SP}{_SEG}"  # party: 09-CT/TW
    rf"|{_SP}{_DASH}{_SP}\d{{4}}{_SP}{_SLASH}{_SP}{_SEG}"  # with its year: 28-2024/CTHĐQT-DA
    # 40/2023/TT-BTC, 59/2020/QH14, 07/CTrPH-BCA-MTTW; the year run into the code: "31/2013TT-BGDĐT", "44/2007 QĐ-…"
    rf"|{_SP}{_SLASH}{_SP}(?:\d{{4}}(?:{_SP}{_SLASH}{_SP}|{_H}?(?=[{_UP}]{{2}})))?{_SEG}"
    rf"|{_SP}{_DASH}{_SP}{_SEG}(?={_DASH}[{_UP}])"  # dashes only: "102-SL-L004", "1691- TB-TU"
    rf"|{_H}?[{_UP}]{{1,6}}{_SLASH}{_SEG}"  # no dash: "22HD/TWĐTN", "84 QĐ/TWĐTN"
    rf"|{_SP}{_DASH}{_SP}(?P<truncated>[{_UP}]{{2,8}}g?)(?![^\W_]|[\d{_SLASHES}{_DASH_CLASS}]))"  # cut short: "159-TB"
    rf"{_CONT_SEG}*)"
)
# What every citation's number starts with (see _NUMBER): a serial, a dash or slash, then a code or a year.
# One search for it rules out most texts of a page before the costlier head pattern runs.
_MAY_CITE = re.compile(rf"(?:\d|\.{{3}}|…)[a-z]?{_SP}(?:(?:{_DASH}|{_SLASH}){_SP}[{_UP}\d]|[{_UP}]+{_SLASH})")
_GAP_WORD = (
    rf"(?!(?:{_EXACT_KINDS}){_KIND_END})"
    rf"(?!(?:mẫu|phụ{_SEP}lục){_NO_LETTER_AFTER})"  # "mẫu số 03/TNDN" is a form, not a title
    # "Điều 5", "khoản 2 Mục III": a part of a text, not a title; "Luật Đê điều số 79/2006/QH11" has a title.
    rf"(?!(?:điều|khoản|điểm|mục|chương){_SEP}(?:\d|[IVXLC]+{_NO_LETTER_AFTER}))"
    r"[^\s*_;()\[\]|“”\"]*[^\s*_;()\[\]|“”\".]"
)
# "(số": the marker may open a bracket ("Công văn (số 73/TTg-CN)").
_HEAD = re.compile(
    rf"{_KIND_BEFORE}(?P<kind>{_KINDS}){_KIND_END}:?"
    rf"(?:(?P<title>(?:{_SEP}{_GAP_WORD}){{0,16}}?){_SP}(?:\({_SP})?(?P<marker>{_MARKER}))?"
    rf"{_SP}:?{_SP}(?P<number>{_NUMBER})",
    re.IGNORECASE,
)
_CONTINUATION = re.compile(
    rf"{_SP}(?:,{_SP}(?:(?:và|and){_NO_LETTER_AFTER}{_SEP})?|(?:và|hoặc|and|or){_NO_LETTER_AFTER}{_SEP}|(?P<semi>;){_SP}"
    rf"|(?P<bare>))"
    rf"(?:(?:các|the){_SEP})?(?P<lead>{_MARKER}{_SP}:?{_SP})?(?P<number>{_NUMBER})",
    re.IGNORECASE,
)

_LIST_ITEM = re.compile(
    rf"(?:;|,|(?:và|and){_NO_LETTER_AFTER}){_SP}(?:(?:và|and){_SEP})?(?P<lead>{_MARKER}){_SP}:?{_SP}(?P<number>{_NUMBER})",
    re.IGNORECASE,
)
# Where a list of items ends: a full stop before a new sentence, or a line break.
_SENTENCE_END = re.compile(r"\.(?=\s+[A-ZĐÀ-Ỹ])|\n(?:[ \t]*>)*[ \t]*(?:\n|[-+*#|]|\d{1,3}[.)]\s)")
_LAW_KINDS = frozenset({"hiến pháp", "bộ luật", "luật"})
# A metadata field that opens a line names no document: "- **Số văn bản**: 94/VBHN-VPQH", "Số hiệu văn bản: …".
_PLACE_DATE = re.compile(rf"\s*[A-ZĐ][^\n,]{{1,30}},{_SP}ngày{_SEP}\d")  # "Hà Nội, ngày 12 tháng 3 năm 2019"
_FIELD_LABEL = re.compile(r"(?:^|\n)[\s>*_•-]*số(?:\s+hiệu)?[\s*_]*\Z", re.IGNORECASE)
# Codes a law's number never carries; a Sắc lệnh or Lệnh promulgates one ("Luật số 102-SL/L004").
_NOT_LAW_CODES = _KNOWN_CODES - {"sl", "l"}

_DAY_MONTH = r"\d{1,2}|\.{2,}|…"
_NUMERIC_DATE = (
    rf"(?P<y0>\d{{4}})-(?P<m0>\d{{1,2}})-(?P<d0>\d{{1,2}})(?!\d)"
    rf"|(?P<d1>{_DAY_MONTH})(?:{_SP}[/.{_DASH_CLASS}]{_SP}|{_SEP}tháng{_SP})"  # "ngày 8 tháng12 năm 1995"
    rf"(?P<m1>{_DAY_MONTH})(?:{_SP}[/.{_DASH_CLASS}]{_SP}|{_SEP}năm{_SP})(?P<y1>\d{{4}})(?!\d)"
)
# Footnote marks, a Party congress term ("(khóa XI)") and commas before a date or an issuer.
_LEAD = rf"{_SP}(?:\[\d{{1,3}}\]{_SP})?(?:\((?:khóa|khoá|term){_SEP}[IVXL]+\){_SP})?(?:,{_SP})?"
# A short title may stand between the number and "ban hành ngày": "Luật 55/2014/QH13 Bảo vệ môi trường ban hành ngày
# 23/06/2014". Its words hold no digit, no kind word (a nested law keeps its own date) and no "của".
_TITLE_WORD = rf"(?!(?:{_EXACT_KINDS}){_KIND_END})(?!của{_NO_LETTER_AFTER})[^\W\d_]+{_SEP}"
_VI_DATE = re.compile(
    rf"{_LEAD}(?P<bracket>\({_SP})?(?:năm{_SEP}\d{{4}}{_SEP})?(?:(?:{_TITLE_WORD}){{0,12}}?(?:ban{_SEP}hành|ký){_SEP})?"
    rf"ngày{_SEP}(?:ngày{_SEP})?(?:{_NUMERIC_DATE})(?(bracket){_SP}\))",  # "(ngày 2/1/2020)": the bracket closes
    re.IGNORECASE,
)
# A comma before "của" only after a date ("số 35-NQ/TW, ngày 22-10-2018, của Bộ Chính trị"): right after a number,
# in "..., của Ban Bí thư tại văn bản số ..." the issuer belongs to what follows.
_VI_ISSUER = re.compile(
    rf"{_SP}(?P<comma>,{_SP})?(?:\[\d{{1,3}}\]{_SP})?(?:năm{_SEP}\d{{4}}{_SEP})?(?:\([^()\d\n]{{1,30}}\){_SP})?"
    rf"(?P<word>của|giữa){_SEP}",
    re.IGNORECASE,
)
_THEN_WHERE = re.compile(rf"{_SP}tại{_NO_LETTER_AFTER}", re.IGNORECASE)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_EN_DATE = re.compile(
    rf"{_LEAD}(?:(?:issued|signed|adopted|promulgated){_SEP})?(?:of|dated|on){_SEP}"
    rf"(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?{_SEP}(?P<mon2>{_MONTH}){_NO_LETTER_AFTER}\.?,?{_SEP}(?P<y2>\d{{4}})(?!\d)"
    rf"|(?P<mon3>{_MONTH}){_NO_LETTER_AFTER}\.?{_SEP}(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?,?{_SEP}(?P<y3>\d{{4}})(?!\d)"
    rf"|{_NUMERIC_DATE})",
    re.IGNORECASE,
)
_EN_ISSUER = re.compile(rf"{_SP}(?:\[\d{{1,3}}\]{_SP})?(?P<word>of|by|between){_SEP}(?:the{_SEP})?", re.IGNORECASE)

_DEFINITION = re.compile(
    r"\(" + _SP + r"(?:"
    rf"(?:sau{_SEP}đây{_SEP})?(?:được{_SEP})?(?:gọi|viết)(?:{_SEP}tắt)?{_SEP}là"
    rf"|(?:hereinafter|hereafter)(?:{_SEP}(?:referred{_SEP}to{_SEP}as|called|as))?"
    rf")(?:{_SP}:)?{_SP}[“\"']?{_SP}(?:the{_SEP})?(?P<kind>{_KINDS}){_NO_LETTER_AFTER}{_SEP}"
    rf"(?:{_MARKER}{_SP})?(?P<serial>\d{{1,6}})(?!\d){_SP}[”\"']?{_SP}\)",
    re.IGNORECASE,
)

_WORD = re.compile(r"[^\s,;:()\[\]{}<>|“”\"‘’«»*_!?]+|\S")  # a word, or one punctuation mark
_QUOTE_MARKERS = re.compile(rf"\n(?:{_H}*>)+")
# A line break that starts a new Markdown block (blank line, list item, heading, table row), in or out of a quote.
_BLOCK_BREAK = re.compile(rf"\n(?:{_H}*>)*{_H}*(?:\n|(?:[-+*#|]|\d{{1,3}}[.)])(?:{_H}|$))")
_KIND_START = re.compile(rf"(?:{_EXACT_KINDS}){_KIND_END}", re.IGNORECASE)


# Where a head may start, found case-sensitively in a lower-cased copy of the text: several times faster than the
# case-insensitive search, which tries every kind word and slip at every position. Each vowel of a kind word
# stands for every one of its marked forms ("ngh[iìíỉĩị] quy[eèéẻẽẹêềếểễệ]t"), so a few dozen words find the
# kind words and their slips alike, and _HEAD then says which is which. Letters that IGNORECASE equates with
# others although str.lower() keeps them apart ("ı", "ſ", "ẛ") send a text to the plain search.
def _marked_forms() -> dict[str, str]:
    forms: dict[str, set[str]] = {}
    for code in range(0xC0, 0x1F00):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if chr(code).islower() and base.isascii() and base != chr(code):
            forms.setdefault(base, {base}).add(chr(code))
    forms.setdefault("d", {"d"}).add("đ")
    return {base: "[" + "".join(sorted(chars)) + "]" for base, chars in forms.items()}


_MARKED = _marked_forms()


def _loose(word: str) -> str:
    bare = "".join(unicodedata.normalize("NFD", ch)[0] if ch != "đ" else "d" for ch in word)
    return _KSEP.join("".join(_MARKED.get(ch, re.escape(ch)) for ch in part) for part in bare.split())


_LOOSE_KINDS = sorted({_loose(kind.lower()) for kind in [*KIND_CODES, *EN_KINDS]}, key=len, reverse=True)
_KIND_LOWER = re.compile(rf"{_NO_LETTER_BEFORE}(?:{'|'.join(_LOOSE_KINDS)})")
# A kind word run into the word before ("hànhChỉ thị", "1Chỉ thị") starts with a capital after a letter or digit.
_JOINED_CAPITAL = re.compile(r"(?<=[^\W_])[A-ZĐ]")
_CASE_APART = re.compile("[ıſẛ]")
_PUNCT_JOINERS = frozenset("-–—")
_ABBREVIATIONS = frozenset({"tp.", "tx.", "q.", "p."})  # "UBND TP. Hồ Chí Minh": not a sentence end


def _by_first_word(phrases: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    # Looked up at every word of every issuer: by first word, the rest of each phrase.
    found: dict[str, list[tuple[str, ...]]] = {}
    for words in (phrase.split() for phrase in phrases):
        found.setdefault(words[0], []).append(tuple(words[1:]))
    return {first: tuple(rests) for first, rests in found.items()}


# Words that start a predicate or a complement, and so end an issuer ("của Bộ Tài chính quy định về ...").
_VI_STOPS = _by_first_word(
    [
        "về",
        "quy định",
        "hướng dẫn",
        "ban hành",
        "sửa đổi",
        "bổ sung",
        "phê duyệt",
        "phê chuẩn",
        "thực hiện",
        "triển khai",
        "tiếp thu",
        "thí điểm",
        "khoảng",
        "đã",
        "được",
        "đến",
        "tại",
        "theo",
        "nhằm",
        "thì",
        "là",
        "có",
        "kèm theo",
        "để",
        "cho",
        "trong",
        "tải về",
        "mà",
        "ngày",
        "năm",
        "bao gồm",
        "gồm",
        "như sau",
        "bãi bỏ",
        "thay thế",
        "công bố",
        "yêu cầu",
        "do",
        "số",
        "trên",
        "đối với",
        "từ",
        "hoặc",
        "sau đây",
        "v/v",  # "về việc", abbreviated
    ]
)
_EN_STOPS = _by_first_word(
    [
        "on",
        "dated",
        "regarding",
        "concerning",
        "about",
        "guiding",
        "providing",
        "prescribing",
        "stipulating",
        "detailing",
        "amending",
        "approving",
        "promulgating",
        "issued",
        "signed",
        "which",
        "that",
        "to",
        "for",
        "in",
        "with",
        "as",
        "is",
        "was",
        "were",
        "are",
        "has",
        "have",
        "had",
        "will",
        "shall",
        "hereinafter",
        "under",
        "at",
        "from",
        "by",
        "or",
    ]
)
_CONJUNCTIONS = frozenset({"và", "với", "and"})
_CONJ_LOWER_OK = frozenset({"các", "the", "its", "their", "all"})  # "và các tổ chức thành viên"
_DANGLING = _CONJUNCTIONS | _CONJ_LOWER_OK | {"of", "của"}  # never the last word of an issuer
_MAX_ISSUER_WORDS = 30
_Step = Literal["keep", "skip", "last", "stop"]
_ISSUER_WINDOW = 600

_SEPARATOR_TABLE = str.maketrans({**dict.fromkeys(_DASHES, "-"), **dict.fromkeys(_SLASHES, "/")})
_PARTY_NUMBER = re.compile(r"(?:\d+|\.{3,}|…)-(?:\d{4}/)?(?P<code>[^/\d-][^/-]*)(?:[/-]|$)")
_STATE_NUMBER = re.compile(r"(?:\d+|\.{3,}|…)/(?:\d{4}/)?(?P<codes>.+)")


# --------------------------------------------------------------------------------------------------
# Public helpers


def normalise_number(raw: str) -> str:
    """Normalise a document number as written.

    Args:
        raw: The number as it appears in the text, possibly with spaces, line breaks, Markdown emphasis
            markers (``*``, ``_``), Unicode dashes or slashes, in NFC or NFD.

    Returns:
        The number in NFC with ASCII "-" and "/", without spaces or emphasis markers:
        ``"13 /CTrPH‐CA‐MTTQ"`` gives ``"13/CTrPH-CA-MTTQ"``.
    """
    text = unicodedata.normalize("NFC", raw).translate(_SEPARATOR_TABLE)
    return "".join(ch for ch in text if not ch.isspace() and ch not in _DROPPED)


def type_code(number: str) -> str | None:
    """Return the type code of a document number.

    Args:
        number: A document number, normalised or as written.

    Returns:
        The code naming the kind of document: ``"CT"`` for ``"09-CT/TW"``, ``"TT"`` for
        ``"40/2023/TT-BTC"``, ``"CTrPH"`` for ``"07/CTrPH-BCA-MTTW"``, ``"QĐ"`` for
        ``"1234/QĐ-UBND"``. None when the number has no type code, only an issuer (``"59/2020/QH14"``,
        ``"12/CP"``), or is not a document number. For an official letter numbered after its issuer
        (``"8935/BNV-CTTN&BĐG"``) the first code is returned as it stands ("BNV").
    """
    normalised = normalise_number(number)
    party = _PARTY_NUMBER.match(normalised)
    if party:
        return party["code"]
    state = _STATE_NUMBER.fullmatch(normalised)
    if not state:
        return None
    codes = re.split("[-/]", state["codes"])
    if len(codes) > 1 or codes[0].casefold() in _KNOWN_CODES:
        return codes[0] or None
    return None


def kind_matches_number(kind: str, number: str) -> bool:
    """Tell whether a kind word is compatible with the type code of a number.

    Args:
        kind: A Vietnamese or English kind word, in any case ("Nghị quyết", "DIRECTIVE").
        number: A document number.

    Returns:
        False when the kind word contradicts the number's type code ("Nghị quyết số 09-CT/TW"); True
        otherwise, including when the kind is unknown, does not constrain its number (``KIND_CODES``
        maps it to an empty set) or the number has no type code.
    """
    key = _kind_key(kind)
    codes = KIND_CODES.get(key, frozenset())
    code = type_code(number)
    if not codes or code is None:
        return True
    return code.casefold() in {c.casefold() for c in codes}


# --------------------------------------------------------------------------------------------------
# Finding


@dataclass(frozen=True)
class _Definition:
    start: int
    end: int
    kind: str
    serial: int
    target: Citation


def find_citations(text: str) -> list[Citation]:
    """Find every citation of a document in a text.

    Args:
        text: Vietnamese or English text, typically Markdown, NFC or NFD.

    Returns:
        The citations in text order, with offsets into ``text`` itself. List continuations and uses of
        short forms are included; see the module documentation for the rules.
    """
    if not may_cite(text):
        return []
    work, starts, ends = _working_copy(text)
    found = list(_scan(work))
    if found:  # a short form is defined right after a citation of its document
        found += _short_form_uses(work, found)
    found.sort(key=lambda f: f.start)
    return [_to_original(f, starts, ends) for f in found]


def may_cite(text: str) -> bool:
    """Whether ``text`` can hold a citation at all: most text of a page has no serial, hence no citation."""
    return _MAY_CITE.search(text) is not None


def _working_copy(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    # Regexes need NFC; offsets must stay in the original. Normalising one grapheme cluster (a base
    # character and its combining marks) at a time keeps a map from each working character back to
    # the cluster it came from.
    if unicodedata.is_normalized("NFC", text) and not _INVISIBLE_OR_ENTITY.search(text):
        return text, None, None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] in _INVISIBLE:  # a soft hyphen or zero-width space inside a symbol ("2560/BC\u00adA")
            i += 1
            continue
        entity = _ENTITY.match(text, i) if text[i] == "&" else None
        if entity:  # Markdown passes HTML entities through: "QĐ-CT&amp;HSSV" is "QĐ-CT&HSSV"
            for ch in html.unescape(entity.group()):
                out.append(ch)
                starts.append(i)
                ends.append(entity.end())
            i = entity.end()
            continue
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        for ch in unicodedata.normalize("NFC", text[i:j]):
            out.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    return "".join(out), starts, ends


def _to_original(found: Citation, starts: list[int] | None, ends: list[int] | None) -> Citation:
    # The patterns ran on the working copy; map its offsets back to the text as given.
    if starts is None or ends is None:
        return found
    (start, end), (number_start, number_end) = (found.start, found.end), found.number_span
    return replace(
        found,
        start=starts[start],
        end=ends[end - 1],
        number_span=(starts[number_start], ends[number_end - 1]),
    )


@dataclass(frozen=True)
class _Kind:
    text: str
    lang: Literal["vi", "en"]


class _Heads:
    """Every place a citation's head starts in a text, found in one pass.

    ``after(pos)`` is what ``_HEAD.search(work, pos)`` returns (a match depends only on where it starts), without
    scanning the text again for each citation and each issuer.
    """

    def __init__(self, work: str) -> None:
        lower = work.lower()
        if len(lower) == len(work) and not _CASE_APART.search(work):
            starts = {kind.start() for kind in _overlapping(_KIND_LOWER, lower)}
            starts.update(joined.start() for joined in _JOINED_CAPITAL.finditer(work))
            found = (_HEAD.match(work, start) for start in sorted(starts))
            self.matches = [head for head in found if head]
        else:
            self.matches = list(_overlapping(_HEAD, work))
        self.starts = [m.start() for m in self.matches]

    def after(self, pos: int) -> re.Match[str] | None:
        index = bisect.bisect_left(self.starts, pos)
        return self.matches[index] if index < len(self.matches) else None


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """A match of ``pattern`` at every position where it matches, overlapping ones included."""
    pos = 0
    while found := pattern.search(text, pos):
        yield found
        pos = found.start() + 1


def _scan(work: str) -> Iterator[Citation]:
    heads = _Heads(work)
    pos = 0
    while head := heads.after(pos):
        if not _plausible(head) or _not_a_citation(work, head):
            pos = head.start() + 1
            continue
        text = _collapse(head["kind"])
        kind = _Kind(text, "en" if text.casefold() in EN_KINDS else "vi")
        found = _with_tail(work, head.start(), head.span("number"), kind, heads)
        # "các Nghị định của Chính phủ: số …; số …": the issuer before the number is every item's.
        shared = _title_issuer(work, head) if head["title"] else None
        if found.issuer is None and shared:
            found = replace(found, issuer=shared)
        yield found
        while True:
            # Numbers after "," / "và" share the kind word: "Công điện số 217/CĐ-TTg, 218/CĐ-TTg"; so do the items
            # of a list that each start with "số" after a description ("…: số 77/2015/NĐ-CP ngày … về …; số …").
            cont = _CONTINUATION.match(work, found.end)
            if cont and _continues(text, cont):
                first = cont.start("lead") if cont["lead"] else cont.start("number")
            elif cont := _list_item(work, found.end, text, heads):
                first = cont.start("lead")
            else:
                break
            found = _with_tail(work, first, cont.span("number"), kind, heads)
            yield replace(found, issuer=shared) if found.issuer is None and shared else found
        # Heads the list stepped over (in its items' descriptions) are read next.
        inner = heads.after(head.end())
        pos = inner.start() if inner is not None and inner.start() < found.end else found.end


def _not_a_citation(work: str, head: re.Match[str]) -> bool:
    """Whether a head is no citation: a metadata field, or the document's own number line.

    "- **Số văn bản**: 94/VBHN-VPQH" is a field; "Luật số: 56/2024/QH15" before "Hà Nội, ngày 29 tháng 11 năm 2024"
    numbers the document itself.
    """
    if _FIELD_LABEL.search(work, max(0, head.start() - 40), head.start()):
        return True
    own = head["marker"] and work[head.end("marker") : head.start("number")].strip(" *_").startswith(":")
    return bool(own and _PLACE_DATE.match(work, head.end()))


def _continues(kind: str, cont: re.Match[str]) -> bool:
    """Whether a number after "," / "và" / ";" continues a list of the kind: after ";" only with the kind's own code."""
    if cont["truncated"] and not cont["lead"]:
        return False
    if cont["bare"] is not None and not cont["lead"]:
        return False  # nothing between two numbers but a space: only "số" makes the second an item
    if cont["semi"] is None and cont["bare"] is None:
        return kind_matches_number(kind, cont["number"])
    code = type_code(cont["number"])
    return code is not None and code.casefold() in {c.casefold() for c in KIND_CODES.get(_kind_key(kind), ())}


def _plausible(head: re.Match[str]) -> bool:
    """A law is never numbered like a decree: "của Luật Đầu tư công và số 161/2016/NĐ-CP" lists decrees."""
    if _kind_key(head["kind"]) not in _LAW_KINDS:
        return True
    code = type_code(head["number"])
    return code is None or code.casefold() not in _NOT_LAW_CODES


def _list_item(work: str, pos: int, kind: str, heads: _Heads) -> re.Match[str] | None:
    """The next item of a list of numbers of one kind, each after "số", in the same sentence (see _scan).

    Only numbers that carry the kind's own type code (or, for laws, a number shaped like a law's) qualify: "số"
    alone starts many things.
    """
    key = _kind_key(kind)
    codes = KIND_CODES.get(key, frozenset())
    if not codes and key not in _LAW_KINDS:
        return None  # "công văn", "văn bản": any number, so any "số …" would do
    end = _SENTENCE_END.search(work, pos)
    limit = end.start() if end else len(work)
    following = heads.after(pos)
    # An item's description may cite other kinds ("…; số 01/2007/TT-BKH … của Nghị định số 92/2006/NĐ-CP; số …").
    while (
        following is not None
        and following.start() < limit
        and (not _plausible(following) or _kind_key(following["kind"]) != key)
    ):
        following = heads.after(following.start() + 1)
    if following is not None:
        limit = min(limit, following.start())
    item = _LIST_ITEM.search(work, pos, limit)
    if item is None or item.end("number") > limit:
        return None
    code = type_code(item["number"])
    if codes:
        return item if code is not None and code.casefold() in {c.casefold() for c in codes} else None
    return item if code is None and "QH" in item["number"] else None


def _with_tail(work: str, start: int, number_span: tuple[int, int], kind: _Kind, heads: _Heads) -> Citation:
    # A date and an issuer may follow the number in either order, each at most once.
    end = number_span[1]
    date_match: re.Match[str] | None = None
    issuer: tuple[str, int] | None = None
    for _ in range(2):
        if not date_match and (date_match := (_VI_DATE if kind.lang == "vi" else _EN_DATE).match(work, end)):
            end = date_match.end()
        elif not issuer and (issuer := _issuer(work, end, kind.lang, heads, after_date=date_match is not None)):
            end = issuer[1]
        else:
            break
    return Citation(
        start=start,
        end=end,
        lang=kind.lang,
        kind=kind.text,
        number=normalise_number(work[number_span[0] : number_span[1]]),
        number_span=number_span,
        date=_iso_date(date_match) if date_match else None,
        issuer=issuer[0] if issuer else None,
    )


def _title_issuer(work: str, head: re.Match[str]) -> str | None:
    # "báo cáo thẩm định của Sở Tư pháp số 316/BC-STP": the issuer stands before the number.
    title_start, title_end = head.span("title")
    m = re.search(rf"{_NO_LETTER_BEFORE}của{_SEP}", work[title_start:title_end], re.IGNORECASE)
    if not m:
        return None
    found = _issuer_words(work, title_start + m.end(), head.start("marker"), "vi", between=False)
    return found[0] if found else None


def _issuer(
    work: str, pos: int, lang: Literal["vi", "en"], heads: _Heads, *, after_date: bool
) -> tuple[str, int] | None:
    lead = (_VI_ISSUER if lang == "vi" else _EN_ISSUER).match(work, pos)
    if not lead or (lead.groupdict().get("comma") and not after_date):
        return None
    # The issuer never runs into the next citation.
    next_head = heads.after(lead.end())
    limit = next_head.start() if next_head else len(work)
    between = lead["word"].casefold() in {"giữa", "between"}
    found = _issuer_words(work, lead.end(), limit, lang, between=between)
    if found and lead.groupdict().get("comma") and _THEN_WHERE.match(work, found[1]):
        return None  # "số 99-TB/TW ngày 21/11/2025, của Ban Bí thư tại văn bản số …": it names what follows
    return found


def _issuer_words(
    work: str, start: int, limit: int, lang: Literal["vi", "en"], *, between: bool
) -> tuple[str, int] | None:
    """Walk the words of an issuer from ``start``; return the issuer and its end, or None."""
    # An issuer has at most _MAX_ISSUER_WORDS words, so a bounded window of text is enough.
    window = min(limit, start + _ISSUER_WINDOW)
    words = [(m.group(), m.start()) for m in _WORD.finditer(work, start, window)]
    kept: list[tuple[str, int]] = []  # words of the issuer with their end offsets
    previous_end = start
    for index, (word, word_start) in enumerate(words):
        if _BLOCK_BREAK.search(work, previous_end, min(len(work), word_start + len(word) + 1)):
            break
        if word == ">" and "\n" in work[previous_end:word_start]:
            continue  # a blockquote goes on (previous_end stays put, so "> - item" is still seen as a break)
        previous_end = word_start + len(word)
        step = _issuer_step(work, word, words[index + 1 : index + 3], lang)
        if step == "stop":
            break
        if step == "last":
            kept.append((word[:-1], previous_end - 1))
            break
        if step == "keep":
            kept.append((word, previous_end))
        if len(kept) > _MAX_ISSUER_WORDS:
            return None
    else:
        if window < limit:
            return None  # ran out of window without an end: too long to be an issuer
    return _issuer_result(work, start, kept, between=between)


def _issuer_result(work: str, start: int, kept: list[tuple[str, int]], *, between: bool) -> tuple[str, int] | None:
    # "của Bộ Chính trị và các quy định", "of the Secretariat of 1 December": connectives must lead somewhere.
    while kept and kept[-1][0].casefold() in _DANGLING:
        kept.pop()
    if not kept or not kept[0][0][0].isupper():
        return None
    if between and not any(word.casefold() in _CONJUNCTIONS for word, _ in kept):
        return None  # "giữa X với Y" names two parties
    end = kept[-1][1]
    return _collapse(work[start:end]), end


def _issuer_step(work: str, word: str, following: list[tuple[str, int]], lang: Literal["vi", "en"]) -> _Step:
    """Decide what one word does to an issuer: ``keep`` it, ``skip`` it, end after it (``last``) or ``stop``."""
    if not word[0].isalnum():
        return _punctuation_step(work, word, following)
    folded = [w.casefold().rstrip(".") for w in [word, *(f[0] for f in following)]]
    if _starts_stop(folded, _VI_STOPS if lang == "vi" else _EN_STOPS) or (lang == "en" and word[0].isdigit()):
        return "stop"  # a predicate starts ("về", "quy định", "dated"); in English a digit starts a date
    if folded[0] in _CONJUNCTIONS:
        leads_on = bool(following) and (
            _starts_name(work, *following[0]) or following[0][0].casefold() in _CONJ_LOWER_OK
        )
        return "keep" if leads_on else "stop"
    if word.endswith(".") and word.casefold() not in _ABBREVIATIONS:
        return "last"  # a full stop ends the sentence, hence the issuer
    return "keep"


def _punctuation_step(work: str, mark: str, following: list[tuple[str, int]]) -> _Step:
    if mark in _PUNCT_JOINERS:
        return "skip"  # "Bộ Y tế - Bộ Tài chính": kept inside, never at the end
    if mark == ",":
        return "skip" if following and _starts_name(work, *following[0]) else "stop"
    return "stop"  # ; : ( ) [ ] quotes * ! ?


def _starts_name(work: str, word: str, pos: int) -> bool:
    # A capitalised word that does not start a kind word continues a list of issuers.
    return word[0].isupper() and not _KIND_START.match(work, pos)


def _starts_stop(folded: list[str], stops: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    return any(tuple(folded[1 : 1 + len(rest)]) == rest for rest in stops.get(folded[0], ()))


def _iso_date(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    for d, mo, y in (("d0", "m0", "y0"), ("d1", "m1", "y1"), ("d2", "mon2", "y2"), ("d3", "mon3", "y3")):
        if groups.get(y):
            month_text = groups[mo]
            day_text = groups[d]
            if not (day_text.isdigit() and (month_text.isdigit() or month_text.casefold() in _MONTHS)):
                return None  # "ngày ... tháng ... năm 2025": a date left blank
            month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.casefold()]
            try:
                return dt.date(int(groups[y]), month, int(day_text)).isoformat()
            except ValueError:
                return None
    return None


def _collapse(text: str) -> str:
    # Line breaks, runs of spaces and blockquote markers at line starts all become one space.
    return " ".join(_QUOTE_MARKERS.sub("\n", text).split())


def _kind_key(kind: str) -> str:
    key = _collapse(unicodedata.normalize("NFC", kind)).casefold()
    return EN_KINDS.get(key) or SLIPS.get(key) or key


def _serial(number: str) -> int | None:
    m = re.match(r"\d+", number)
    return int(m.group()) if m else None


# --------------------------------------------------------------------------------------------------
# Short forms


def _definitions(work: str, found: list[Citation]) -> list[_Definition]:
    out: list[_Definition] = []
    for m in _DEFINITION.finditer(work):
        kind, serial = _collapse(m["kind"]), int(m["serial"])
        target = _definition_target(found, m.start(), kind, serial)
        if target:
            out.append(_Definition(m.start(), m.end(), kind, serial, target))
    return out


def _definition_target(found: list[Citation], before: int, kind: str, serial: int) -> Citation | None:
    # The nearest earlier citation with the same serial whose kind the short form names.
    for candidate in sorted((f for f in found if f.end <= before), key=lambda f: f.start, reverse=True):
        if _serial(candidate.number) != serial:
            continue
        if _kind_key(candidate.kind) == _kind_key(kind) or (
            KIND_CODES.get(_kind_key(kind)) and kind_matches_number(kind, candidate.number)
        ):
            return candidate
    return None


def _short_form_uses(work: str, found: list[Citation]) -> list[Citation]:
    definitions = _definitions(work, found)
    taken = [(f.start, f.end) for f in found] + [(d.start, d.end) for d in definitions]
    uses: list[Citation] = []
    for index, definition in enumerate(definitions):
        key = (_kind_key(definition.kind), definition.serial)
        # A later definition of the same short form takes over from where it stands.
        stop = next(
            (d.start for d in definitions[index + 1 :] if (_kind_key(d.kind), d.serial) == key),
            len(work),
        )
        pattern = re.compile(
            rf"{_NO_LETTER_BEFORE}(?P<kind>{_alternation([definition.kind])}){_NO_LETTER_AFTER}{_SEP}(?:{_MARKER}{_SP})?"
            rf"(?P<serial>0*{definition.serial})(?!\d)(?!{_SP}{_SLASH})(?!{_DASH}[^\W_])",
            re.IGNORECASE,
        )
        for m in pattern.finditer(work, definition.end, stop):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            kind = _collapse(m["kind"])
            target = definition.target
            uses.append(
                Citation(
                    start=m.start(),
                    end=m.end(),
                    lang="en" if kind.casefold() in EN_KINDS else "vi",
                    kind=kind,
                    number=target.number,
                    number_span=m.span("serial"),
                    date=target.date,
                    issuer=target.issuer,
                    short_form=True,
                )
            )
            taken.append(m.span())
    return uses
