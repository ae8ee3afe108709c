"""What the command line and the MkDocs plugin print: values from the handbook cannot break a line.

A YAML key, a tag, an id or a file name may carry line breaks, terminal escapes,
direction controls or GitHub workflow commands (`::error::`, `##[add-mask]`); each
problem must stay on its own line and nothing may reach a CI log as a command.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.site.conftest import make_site_project, run_mkdocs
from tests.test_cli import TEXT_LINE, handbook

# Site builds, many processes or a big handbook: not in `make check`.
pytestmark = pytest.mark.slow

# Unknown keys (HB011, errors) and a tag (HB055, a warning) whose text the messages quote.
HOSTILE_KEYS = {
    "roles/member.yml": (
        "id: member\n"
        "title: 組員\n"
        "reports_to: lead\n"
        '"a\\n::error file=roles/lead.yml,line=1::pwned": 1\n'
        '"b\\r::set-output name=x::y": 2\n'
        '"c%0A::add-mask::secret \\e[2K\\e]52;c;eA==\\a\\u202e ##[add-mask]d": 3\n'
        '"e\\u2028::stop-commands::t \\u0085 \\x9b31m": 4\n'
        'summary: "負責 <b\\n::warning::pwned ##[set-output name=x]y \\e[31m>"\n'
    )
}
PROBLEMS = [  # (line, code) of each problem, written by hand
    (4, "HB011"),
    (5, "HB011"),
    (6, "HB011"),
    (7, "HB011"),
    (8, "HB055"),
]
# What no printed line may hold: a terminal escape, C1 CSI, direction control, a lone surrogate
# (as the "surrogateescape" of a bad byte), a legacy workflow command.
FORBIDDEN = ("\x1b", "\x9b", "\u202e", "\u2028", "\x85", "\x07", "##[")


def _assert_log_safe(output: str) -> list[str]:
    lines = output.split("\n")
    for line in lines:
        assert not any(char in line for char in FORBIDDEN), repr(line)
        assert "\r" not in line, repr(line)
        assert not re.search("[\ud800-\udfff]", line), repr(line)
    return [line for line in lines if line]


def test_text_format_prints_one_line_per_problem_whatever_the_keys_hold(write_handbook):
    result = handbook("validate", write_handbook(HOSTILE_KEYS), "--lang", "en")
    assert result.returncode == 1, result.stderr
    *problems, summary = _assert_log_safe(result.stdout)
    assert summary == "4 error(s), 1 warning(s)"
    assert [(int(TEXT_LINE.match(line)["line"]), TEXT_LINE.match(line)["code"]) for line in problems] == PROBLEMS
    # The values are there to read, their controls shown as escapes.
    assert "unknown key `a\\n::error file=roles/lead.yml,line=1::pwned`" in problems[0]
    assert "`c%0A::add-mask::secret \\x1b[2K\\x1b]52;c;eA==\\x07\\u202e ##\\x5badd-mask]d`" in problems[2]
    assert "`e\\u2028::stop-commands::t \\x85 \\x9b31m`" in problems[3]
    assert "Traceback" not in result.stderr


def _runner_commands(output: str) -> list[tuple[str, dict[str, str], str]]:
    """The workflow commands GitHub's runner reads in `output`, unescaped as it unescapes them.

    Lines are split where the runner splits them (CR, LF); a command is `::name props::data`
    after leading whitespace, or `##[name props]data` anywhere in the line.
    """

    def unescape(text: str, mapping: dict[str, str]) -> str:
        for escaped, char in mapping.items():
            text = text.replace(escaped, char)
        return text

    data_map = {"%0D": "\r", "%0A": "\n", "%25": "%"}
    property_map = {"%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ",", "%25": "%"}
    commands = []
    for line in re.split("\r\n|\r|\n", output):
        stripped = line.lstrip()
        assert "##[" not in line, line
        if not stripped.startswith("::") or stripped.find("::", 2) < 0:
            continue
        end = stripped.find("::", 2)
        name, _, props = stripped[2:end].partition(" ")
        properties = {
            key: unescape(value, property_map)
            for key, value in (pair.split("=", 1) for pair in props.split(",") if "=" in pair)
        }
        commands.append((name, properties, unescape(stripped[end + 2 :], data_map)))
    return commands


def test_github_format_gives_one_annotation_per_problem_and_no_other_command(write_handbook):
    result = handbook("validate", write_handbook(HOSTILE_KEYS), "--format", "github", "--lang", "en")
    assert result.returncode == 1, result.stderr
    commands = _runner_commands(result.stdout)
    assert [(name, int(props["line"]), props["title"].split()[0]) for name, props, _ in commands] == [
        ("error", 4, "HB011"),
        ("error", 5, "HB011"),
        ("error", 6, "HB011"),
        ("error", 7, "HB011"),
        ("warning", 8, "HB055"),
    ]
    for _, properties, data in commands:
        assert set(properties) == {"file", "line", "col", "title"}
        assert properties["file"] == "roles/member.yml"
        assert "\n" not in data and "\r" not in data
    # `%0A` written in the key is shown as `%0A`, not decoded into a line break.
    assert "`c%0A::add-mask::secret" in commands[2][2]


def test_json_format_keeps_every_value_exactly_and_prints_nothing_a_log_would_act_on(write_handbook):
    result = handbook("validate", write_handbook(HOSTILE_KEYS), "--format", "json", "--lang", "en")
    assert result.returncode == 1, result.stderr
    _assert_log_safe(result.stdout)
    messages = [problem["message"] for problem in json.loads(result.stdout)]
    assert "unknown key `c%0A::add-mask::secret \x1b[2K\x1b]52;c;eA==\x07\u202e ##[add-mask]d`" in messages[2]
    assert "`e\u2028::stop-commands::t \x85 \x9b31m`" in messages[3]


def test_mkdocs_build_logs_each_warning_on_one_line(write_handbook):
    root = make_site_project(write_handbook({"roles/member.yml": HOSTILE_KEYS["roles/member.yml"].split('"a')[0]}))
    member = root / "roles/member.yml"
    member.write_text(
        member.read_text(encoding="utf-8") + 'summary: "負責 <b\\n::warning::pwned ##[set-output name=x]y \\e[31m>"\n',
        encoding="utf-8",
    )
    for result in (run_mkdocs("build", cwd=root), handbook("build", root, "--lang", "en")):
        assert result.returncode == 0, result.stderr
        lines = _assert_log_safe(result.stderr)
        assert not any(line.lstrip().startswith("::") for line in lines)
        warnings = [line for line in lines if "HB055" in line]
        assert warnings and all("<b\\n::warning::pwned ##\\x5bset-output name=x]y \\x1b[31m>" in w for w in warnings)


def test_new_with_a_hostile_id_answers_in_one_line(write_handbook):
    root = write_handbook()
    for identifier in ("x\n::error::pwned", "y\x1b[2K\r::add-mask::z", "%0A##[set-output name=a]b"):
        result = handbook("new", "role", identifier, "--dir", root, "--lang", "en")
        assert result.returncode == 2
        assert result.stdout == ""
        (line,) = _assert_log_safe(result.stderr)
        assert line.startswith("handbook: cannot create it: the role id `")
    assert sorted(path.name for path in (root / "roles").iterdir()) == ["lead.yml", "member.yml"]


def test_export_writes_any_text_the_model_holds(write_handbook, tmp_path: Path):
    # Lone surrogates never reach the model: the loader refuses them (tests/test_hostile_values.py).
    title = "組員 \u00ad ##[set-output name=x]y \x9b31m"
    summary = "負責 \u2028 \x85 \U0001f600"

    def quoted(text: str) -> str:
        return '"' + text.encode("unicode_escape").decode("ascii") + '"'

    member = f"id: member\ntitle: {quoted(title)}\nreports_to: lead\nsummary: {quoted(summary)}\n"
    root = write_handbook({"roles/member.yml": member})
    out = tmp_path / "export.json"
    result = handbook("export", root, "--output", out)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "\u00ad" not in text and "##[" not in text and "\u2028" not in text
    (exported,) = [role for role in json.loads(text)["roles"] if role["id"] == "member"]
    assert (exported["title"], exported["summary"]) == (title, summary)
    streamed = handbook("export", root)
    _assert_log_safe(streamed.stdout)
    assert json.loads(streamed.stdout) == json.loads(text)
