"""Slips a department head makes when editing the example by hand: none may change what they wrote unheard.

Each slip is an edit of a real example file. It must either be reported on the line
the editor touched (code and line written by hand here), or be read exactly as the
editor meant it, which is checked in the JSON of the real `handbook export`.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.conftest import handbook_in_process as run_handbook

ROLE = "roles/brand-promotion.yml"
GLOSSARY = "glossary.yml"
PROCESS = "processes/marketing-management.yml"
# The second checklist item of the first step (`collect-inputs`), written at column 11 under `checklist:`.
ITEM = "更新競品在產品、定價與推廣渠道上的動態"
DUE = "        due: 每季開始前 3 週"
UNCHANGED_METRICS = ["品牌認知度", "品牌美譽度", "品牌內容曝光量", "輿情事件的回應時效"]


@dataclass(frozen=True)
class Reported:
    """The slip must be reported with `code` on the line holding `marker` (its `occurrence`-th such line)."""

    code: str
    marker: str
    occurrence: int = 1


@dataclass(frozen=True)
class Meant:
    """The slip must be read as meant: the exported value at `where` equals `value`."""

    where: tuple[str, ...]  # ("role", id, key), ("step", process id, step id, key) or ("term", term, key)
    value: Any


@dataclass(frozen=True)
class Slip:
    name: str
    file: str
    old: str
    new: str
    expect: Reported | Meant


def _metric(new_line: str) -> tuple[str, str]:
    return "  - 品牌美譽度", new_line


SLIPS: list[Any] = [
    # --- a list item indented a little off --------------------------------------------------
    Slip("item +1", PROCESS, f"          - {ITEM}", f"           - {ITEM}", Reported("HB060", ITEM)),
    Slip("item +2", PROCESS, f"          - {ITEM}", f"            - {ITEM}", Reported("HB060", ITEM)),
    Slip("item +4", PROCESS, f"          - {ITEM}", f"              - {ITEM}", Reported("HB060", ITEM)),
    Slip("item -1", PROCESS, f"          - {ITEM}", f"         - {ITEM}", Reported("HB001", ITEM)),
    Slip("item -2", PROCESS, f"          - {ITEM}", f"        - {ITEM}", Reported("HB001", ITEM)),
    Slip("item -4", PROCESS, f"          - {ITEM}", f"      - {ITEM}", Reported("HB001", ITEM)),
    Slip("role item +2", ROLE, "  - 透過線下活動", "    - 透過線下活動", Reported("HB060", "透過線下活動")),
    Slip("role item -1", ROLE, *_metric(" - 品牌美譽度"), Reported("HB001", "品牌美譽度")),
    # --- a missing or mistyped dash ----------------------------------------------------------------
    Slip("no dash, under the text", PROCESS, f"          - {ITEM}", f"            {ITEM}", Reported("HB060", ITEM)),
    Slip("no dash, at the dash", PROCESS, f"          - {ITEM}", f"          {ITEM}", Reported("HB001", ITEM)),
    Slip("no space after dash", PROCESS, f"          - {ITEM}", f"          -{ITEM}", Reported("HB001", ITEM)),
    Slip("no space after first dash", ROLE, "  - 品牌認知度", "  -品牌認知度", Reported("HB012", "品牌認知度")),
    Slip("full-width dash", ROLE, *_metric("  － 品牌美譽度"), Reported("HB001", "品牌美譽度")),
    # --- a key indented off ------------------------------------------------------------------------------
    Slip("key +1 after a list", PROCESS, DUE, " " + DUE, Reported("HB001", "每季開始前 3 週")),
    Slip("key +2 after a list", PROCESS, DUE, "  " + DUE, Reported("HB001", "每季開始前 3 週")),
    Slip("key -2", PROCESS, DUE, DUE[2:], Reported("HB001", "每季開始前 3 週")),
    Slip(
        "key +2 after a value",
        PROCESS,
        "整理成一份共同的事實基礎，作為後續討論的起點。\n        raci:",
        "整理成一份共同的事實基礎，作為後續討論的起點。\n          raci:",
        Reported("HB001", "          raci:"),
    ),
    Slip("role key +4", ROLE, "summary: 累積", "    summary: 累積", Reported("HB001", "summary:")),
    # --- a whole stage indented off --------------------------------------------------------------------
    Slip("stage +2", PROCESS, "  - id: execute", "    - id: execute", Reported("HB001", "id: execute")),
    Slip("stage -2", PROCESS, "  - id: execute", "- id: execute", Reported("HB001", "id: execute")),
    # The stage becomes a step of the stage above; its keys repeat that stage's keys (HB004 below).
    Slip("stage +4", PROCESS, "  - id: execute", "      - id: execute", Reported("HB064", "id: execute")),
    # --- `#` in a value --------------------------------------------------------------------------------
    Slip("# in a title", ROLE, "title: 品牌推廣專員", "title: 品牌推廣專員 #1", Reported("HB062", "title:")),
    Slip("# starts a title", ROLE, "title: 品牌推廣專員", "title: #1 品牌推廣專員", Reported("HB062", "title:")),
    Slip("# in a list item", ROLE, "  - 品牌認知度", "  - 品牌認知度 #重要", Reported("HB062", "品牌認知度")),
    Slip("# in a checklist item", PROCESS, f"- {ITEM}", f"- {ITEM} #重要", Reported("HB062", ITEM)),
    Slip("note after two spaces", ROLE, "  - 品牌認知度", "  - 品牌認知度  # 最重要", Reported("HB062", "品牌認知度")),
    Slip(
        "# after a full-width space",
        ROLE,
        "  - 品牌認知度",
        "  - 品牌認知度　#重要",
        Meant(("role", "brand-promotion", "metrics"), ["品牌認知度　#重要", *UNCHANGED_METRICS[1:]]),
    ),
    Slip(
        "full-width ＃",
        ROLE,
        "  - 品牌認知度",
        "  - 品牌認知度 ＃重要",
        Meant(("role", "brand-promotion", "metrics"), ["品牌認知度 ＃重要", *UNCHANGED_METRICS[1:]]),
    ),
    Slip(
        "comment on its own line",
        ROLE,
        "metrics:\n",
        "metrics:\n  # 每季檢視一次\n",
        Meant(("role", "brand-promotion", "metrics"), UNCHANGED_METRICS),
    ),
    # --- colons --------------------------------------------------------------------------------
    Slip(
        "time in a value",
        PROCESS,
        DUE,
        DUE + " 10:00",
        Meant(("step", "marketing-management", "collect-inputs", "due"), "每季開始前 3 週 10:00"),
    ),
    Slip("time alone", PROCESS, DUE, "        due: 10:00", Reported("HB012", "due: 10:00")),
    Slip("colon and space in a value", PROCESS, DUE, "        due: 注意: 先確認", Reported("HB001", "注意")),
    Slip("colon and space in an item", PROCESS, f"- {ITEM}", "- 注意: 先確認", Reported("HB012", "注意")),
    Slip("colon at the end of an item", ROLE, "  - 品牌認知度", "  - 品牌認知度:", Reported("HB012", "品牌認知度")),
    Slip(
        "full-width colon in a value",
        ROLE,
        "summary: 累積",
        "summary: 目標：累積",
        Meant(("role", "brand-promotion", "summary"), "目標：累積並放大品牌資產，讓用戶對品牌留下一致且正面的印象。"),
    ),
    Slip("full-width colon after a key", ROLE, "title: ", "title：", Reported("HB001", "title")),
    Slip("full-width colon after a step key", PROCESS, DUE, "        due：每季開始前 3 週", Reported("HB001", "due：")),
    Slip("missing colon", ROLE, "title: ", "title ", Reported("HB001", "title")),
    Slip("missing colon in a step", PROCESS, DUE, "        due 每季開始前 3 週", Reported("HB001", "due 每季")),
    # --- spaces that are not spaces ------------------------------------------------------------------
    Slip("ideographic space indent", ROLE, *_metric("　- 品牌美譽度"), Reported("HB001", "品牌美譽度")),
    Slip(
        "ideographic space in a key's indent", PROCESS, DUE, "      　due: 每季開始前 3 週", Reported("HB001", "　due")
    ),
    Slip("no-break space indent", ROLE, *_metric("\u00a0 - 品牌美譽度"), Reported("HB001", "品牌美譽度")),
    Slip("tab indent", ROLE, *_metric("\t- 品牌美譽度"), Reported("HB001", "品牌美譽度")),
    # --- quotes ----------------------------------------------------------------------------------------
    Slip("unclosed quote", ROLE, "title: 品牌推廣專員", 'title: "品牌推廣專員', Reported("HB001", "title")),
    Slip(
        "quote closed by the next value's quote",
        ROLE,
        "title: 品牌推廣專員\nsummary: 累積並放大品牌資產，讓用戶對品牌留下一致且正面的印象。",
        'title: "品牌推廣專員\nsummary: "累積並放大品牌資產，讓用戶對品牌留下一致且正面的印象。"',
        Reported("HB001", "title"),
    ),
    Slip(
        "text after the closing quote", ROLE, "title: 品牌推廣專員", 'title: "品牌"推廣專員', Reported("HB001", "title")
    ),
    Slip(
        "quote inside a value",
        ROLE,
        "title: 品牌推廣專員",
        'title: 品牌"推廣"專員',
        Meant(("role", "brand-promotion", "title"), '品牌"推廣"專員'),
    ),
    # --- values over several lines ---------------------------------------------------------------------
    Slip("title on two lines", ROLE, "title: 品牌推廣專員", "title: 品牌推廣\n  專員", Reported("HB060", "  專員")),
    Slip(
        "summary with a dash line",
        ROLE,
        "summary: 累積並放大品牌資產，",
        "summary: 累積並放大品牌資產，\n  - ",
        Reported("HB063", "  - 讓用戶"),
    ),
    Slip(
        "summary on two lines",
        ROLE,
        "summary: 累積並放大品牌資產，",
        "summary: 累積並放大品牌資產，\n  ",
        Meant(("role", "brand-promotion", "summary"), "累積並放大品牌資產， 讓用戶對品牌留下一致且正面的印象。"),
    ),
    # --- the glossary --------------------------------------------------------------------------------
    Slip(
        "glossary key +2",
        GLOSSARY,
        "    expansion: Unique Visitor",
        "      expansion: Unique Visitor",
        Reported("HB001", "Unique Visitor"),
    ),
    Slip("# in a term", GLOSSARY, "  - term: PV\n", "  - term: PV #頁面\n", Reported("HB062", "term: PV")),
    Slip(
        "explanation on two lines",
        GLOSSARY,
        "含之後退貨或取消的部分，",
        "含之後退貨或取消的部分，\n      ",
        Meant(
            ("term", "GMV", "explanation"),
            "一段期間內成交訂單的總金額，含之後退貨或取消的部分， 用來看活動或渠道帶來多少生意。",
        ),
    ),
    # --- copy and paste -----------------------------------------------------------------------------
    Slip("step pasted twice", PROCESS, "", "", Reported("HB022", "- id: collect-inputs", occurrence=2)),
    Slip("line pasted twice", PROCESS, DUE, DUE + "\n" + DUE, Reported("HB004", DUE, occurrence=2)),
]


def _paste_first_step_twice(text: str) -> str:
    start = text.index("      - id: collect-inputs")
    end = text.index("      - id: define-needs")
    return text[:end] + text[start:end] + text[end:]


@pytest.fixture
def example(tmp_path: Path) -> Path:
    for folder in ("roles", "processes", "people", "handbook"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    for name in ("mkdocs.yml", "glossary.yml"):
        shutil.copy(REPO / name, tmp_path / name)
    return tmp_path


def _apply(root: Path, slip: Slip) -> str:
    path = root / slip.file
    text = path.read_text(encoding="utf-8")
    if slip.name == "step pasted twice":
        text = _paste_first_step_twice(text)
    else:
        assert text.count(slip.old) == 1, f"{slip.old!r} is not written exactly once in {slip.file}"
        text = text.replace(slip.old, slip.new)
    path.write_bytes(text.encode("utf-8"))
    return text


def _line_of(text: str, marker: str, occurrence: int) -> int:
    numbers = [number for number, line in enumerate(text.splitlines(), start=1) if marker in line]
    assert len(numbers) >= occurrence, f"{marker!r} is on lines {numbers}"
    assert occurrence > 1 or len(numbers) == 1, f"{marker!r} is on lines {numbers}: name one line"
    return numbers[occurrence - 1]


def _exported(export: dict[str, Any], where: tuple[str, ...]) -> Any:
    if where[0] == "term":
        _, term, key = where
        return next(entry for entry in export["glossary"] if entry["term"] == term)[key]
    if where[0] == "role":
        _, role_id, key = where
        return next(role for role in export["roles"] if role["id"] == role_id)[key]
    _, process_id, step_id, key = where
    process = next(process for process in export["processes"] if process["id"] == process_id)
    return next(step for stage in process["stages"] for step in stage["steps"] if step["id"] == step_id)[key]


def test_there_are_at_least_thirty_slips() -> None:
    assert len(SLIPS) >= 30
    assert len({_name(slip) for slip in SLIPS}) == len(SLIPS)


def _name(slip: Any) -> str:
    return str(slip.values[0].name if hasattr(slip, "values") else slip.name)


@pytest.mark.parametrize("slip", SLIPS, ids=_name)
def test_each_slip_is_reported_on_the_touched_line_or_read_as_meant(example: Path, slip: Slip) -> None:
    text = _apply(example, slip)
    if isinstance(slip.expect, Reported):
        result = run_handbook("validate", ".", "--strict", "--format", "json", cwd=example)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
        line = _line_of(text, slip.expect.marker, slip.expect.occurrence)
        found = [(p["code"], p["path"], p["line"]) for p in json.loads(result.stdout)]
        assert (slip.expect.code, slip.file, line) in found, f"expected {slip.expect.code} at line {line}: {found}"
    else:
        result = run_handbook("export", ".", cwd=example)
        assert result.returncode == 0, result.stdout + result.stderr
        assert _exported(json.loads(result.stdout), slip.expect.where) == slip.expect.value


@pytest.mark.parametrize("relative", [PROCESS, ROLE])
def test_a_file_that_cannot_be_read_gets_its_own_finding_and_no_other(example: Path, relative: str) -> None:
    # Roles named only in the process, and references to the role, are fine: nothing may say otherwise.
    path = example / relative
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: ", "title：", 1), encoding="utf-8")
    result = run_handbook("validate", ".", "--strict", "--format", "json", cwd=example)
    assert result.returncode == 1, result.stderr
    problems = [(p["code"], p["path"]) for p in json.loads(result.stdout)]
    assert problems == [("HB001", relative)]
