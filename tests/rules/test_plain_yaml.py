from __future__ import annotations

import time
import tracemalloc

from tests.conftest import codes

HELPER = "roles/helper.yml"


def test_python_tag_is_refused_and_never_run(check, tmp_path):
    marker = tmp_path / "pwned"
    report = check(
        {
            HELPER: f"""\
                id: helper
                title: 助理
                summary: !!python/object/apply:os.system ["touch {marker}"]
                """
        }
    )
    assert not marker.exists()
    # The tag is refused; the value, read as plain YAML, is a list where text belongs.
    assert codes(report) == ["HB005", "HB012"]
    tag = report.problems[0]
    # `summary: ` is 9 characters: the tag starts at column 10.
    assert (tag.path, tag.line, tag.column, tag.severity) == (HELPER, 3, 10, "error")
    assert "remove the tag `!!python/object/apply:os.system`" in tag.message


def test_custom_tag_is_refused(check):
    report = check({HELPER: "id: helper\ntitle: 助理\nsummary: !vault 幫忙組長\n"})
    assert codes(report) == ["HB005"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column) == (HELPER, 3, 10)
    assert "remove the tag `!vault`" in problem.message


def test_anchor_and_alias_are_both_refused(check):
    report = check(
        {
            HELPER: """\
                id: helper
                title: 助理
                responsibilities: &duties
                  - 問卷調研
                metrics: *duties
                """
        }
    )
    assert codes(report) == ["HB005", "HB005"]
    anchor, alias = report.problems
    # `responsibilities: ` is 18 characters, `metrics: ` 9.
    assert (anchor.path, anchor.line, anchor.column) == (HELPER, 3, 19)
    assert "remove the anchor `&duties`" in anchor.message
    assert (alias.path, alias.line, alias.column) == (HELPER, 5, 10)
    assert "replace the alias `*duties`" in alias.message


def test_merge_key_is_refused(check):
    report = check(
        {
            "processes/weekly.yml": """\
                id: weekly
                title: 每週例行
                owner: lead
                stages:
                  - id: plan
                    title: 計劃
                    steps:
                      - id: write-plan
                        title: 撰寫計劃
                        raci:
                          <<: {R: [member], A: lead}
                """
        }
    )
    # The merge is not applied, so the step also has no owner and nobody under R.
    assert codes(report) == ["HB101", "HB103", "HB005", "HB011"]
    merge = report.problems[2]
    assert (merge.path, merge.line, merge.column) == ("processes/weekly.yml", 11, 11)
    assert "remove the merge key `<<`" in merge.message


def test_alias_bomb_is_reported_quickly_without_expanding_it(check):
    # "Billion laughs": 9 levels of 9 aliases each would expand to 9**9 (387 million) items.
    lines = ["id: helper", "title: 助理", "responsibilities:", "  - &a [" + ", ".join(["lol"] * 9) + "]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"  - &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    tracemalloc.start()
    start = time.perf_counter()
    try:
        report = check({HELPER: "\n".join(lines) + "\n"})
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 2
    assert peak < 50 * 1024 * 1024
    found = codes(report)
    # 9 anchors and 8 × 9 aliases: the first ten are reported, then one finding counts the other 71
    # (each list item is also a list where text belongs: HB012).
    assert found.count("HB005") == 10 + 1
    last = [problem for problem in report.problems if problem.code == "HB005"][-1]
    assert "71" in last.message
    assert set(found) == {"HB005", "HB012"}
    first = report.problems[0]
    assert (first.path, first.line, first.column, first.code) == (HELPER, 4, 5, "HB005")
    assert "remove the anchor `&a`" in first.message


def test_plain_yaml_passes(check):
    report = check(
        {
            HELPER: """\
                id: helper
                title: 助理
                responsibilities:
                  - 問卷調研
                metrics:
                  - 問卷回收率
                """
        }
    )
    assert report.problems == ()
