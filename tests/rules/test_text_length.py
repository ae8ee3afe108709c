from __future__ import annotations

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from generator.render.escaping import markdown_text
from generator.source.texts import MAX_ONE_LINE_CHARACTERS, MAX_PARAGRAPH_CHARACTERS
from tests.conftest import REPO, codes, handbook_in_process
from tests.site.conftest import make_site_project, run_mkdocs

MEMBER = "roles/member.yml"


def _member(**fields: str) -> str:
    lines = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return "id: member\ntitle: 組員\nreports_to: lead\n" + lines


def test_a_list_item_over_1000_characters_is_an_error_at_the_item(check):
    report = check({MEMBER: _member(responsibilities="\n  - 甲\n  - " + "責" * 1001)})
    assert codes(report) == ["HB058"]
    (problem,) = report.problems
    assert (problem.path, problem.line, problem.column, problem.severity) == (MEMBER, 6, 5, "error")
    assert "item 2 of `responsibilities` has 1001 characters, more than the 1000 allowed" in problem.message


def test_a_summary_may_be_longer_than_a_title_but_not_without_end(check):
    assert check({MEMBER: _member(summary="說" * 5000, responsibilities="\n  - " + "責" * 1000)}).problems == ()
    report = check({MEMBER: _member(summary="說" * 5001)})
    assert codes(report) == ["HB058"]
    assert report.problems[0].line == 4


@pytest.mark.slow  # a site build
def test_the_site_is_not_built_with_an_overlong_value_even_with_the_rule_off(write_handbook):
    root = make_site_project(write_handbook({MEMBER: _member(summary='"' + "[" * 6000 + '"')}))
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    rule_off = "  - handbook:\n      rules:\n        HB058: 'off'\n"
    (root / "mkdocs.yml").write_text(text.replace("  - handbook\n", rule_off))
    assert handbook_in_process("validate", ".", cwd=root).returncode == 0  # the rule is off …
    result = run_mkdocs("build", cwd=root)
    assert result.returncode != 0  # … but the build stops at once instead of parsing 6,000 brackets
    assert "roles/member.yml:4:10" in result.stderr
    assert not (root / "site" / "roles" / "member").exists()


def test_the_example_handbook_stays_well_inside_the_limits():
    # Read with plain PyYAML, not our loader: the limits must leave room for what a department writes.
    def strings(data: object) -> list[str]:
        if isinstance(data, str):
            return [data]
        values = data.values() if isinstance(data, dict) else data if isinstance(data, list) else []
        return [text for value in values for text in strings(value)]

    files = [*REPO.glob("roles/*.yml"), *REPO.glob("processes/*.yml"), REPO / "glossary.yml"]
    longest = max(len(text) for path in files for text in strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert 20 < longest < MAX_ONE_LINE_CHARACTERS / 4 < MAX_PARAGRAPH_CHARACTERS


def test_brackets_outside_links_are_text_and_links_still_work():
    value = "見 [說明](https://example.com/a) 與 [x] 和 [壞](javascript:alert(1)) ]["
    page = BeautifulSoup(markdown.markdown(str(markdown_text(value))), "html.parser")
    assert page.get_text() == "見 說明 與 [x] 和 [壞](javascript:alert(1)) ]["
    assert [(link["href"], link.get_text()) for link in page.find_all("a")] == [("https://example.com/a", "說明")]
