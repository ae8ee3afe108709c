"""`handbook diff` on a real git repository with two commits: exactly the ownership changes made."""

from __future__ import annotations

import json
import subprocess
import textwrap
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from generator.commands.diff import compare, handbook_at_revision
from tests.conftest import handbook_in_process as handbook
from tests.github_markdown import github_html

# Site builds, many processes or a big handbook: not in `make check`.
pytestmark = pytest.mark.slow

BASE_FILES = {
    "roles/lead.yml": """\
        id: lead
        title: 組長
        summary: 帶領小組
        responsibilities:
          - 訂定每週目標
          - 主持週會
        """,
    "roles/member.yml": "id: member\ntitle: 組員\nreports_to: lead\n",
    "roles/helper.yml": "id: helper\ntitle: 助理\nreports_to: lead\n",
    "roles/designer.yml": "id: designer\ntitle: 設計\nreports_to: lead\n",
    "processes/weekly.yml": """\
        id: weekly
        title: 每週例行
        summary: 每週的固定工作
        owner: lead
        stages:
          - id: plan
            title: 計劃
            steps:
              - id: write-plan
                title: 撰寫計劃
                raci: {R: [member], A: lead, C: [helper]}
                checklist: [列出目標, 估計工時]
              - id: review-plan
                title: 檢查計劃
                raci: {R: [lead], A: lead, I: [member]}
          - id: report
            title: 回報
            steps:
              - id: send-report
                title: 寄出報告
                raci: {R: [member], A: lead}
          - id: wrap
            title: 收尾
            steps:
              - id: close-week
                title: 結束本週
                raci: {R: [designer], A: lead}
        """,
    "processes/yearly.yml": """\
        id: yearly
        title: 年度回顧
        owner: lead
        stages:
          - id: review
            title: 回顧
            steps:
              - id: look-back
                title: 回顧一年
                raci: {R: [lead], A: lead}
        """,
}

# One change of every kind: member is renamed assistant (aliases), helper leaves, intern joins;
# designer gets a new title and now reports to assistant; lead's summary and duties change; the
# weekly process gets a new title, summary and owner; stage plan a new title; write-plan changes
# owner, loses its C and gains an I (one line) and its checklist changes; review-plan is renamed
# and moves; send-report and the whole wrap stage go; archive and a retro stage arrive; the yearly
# process goes and a monthly one arrives. The renamed member keeps its R and I: no line for those.
HEAD_FILES = {
    "roles/lead.yml": """\
        id: lead
        title: 組長
        summary: 帶領小組達成目標
        responsibilities:
          - 訂定每週目標
          - 核准預算
        """,
    "roles/member.yml": None,
    "roles/assistant.yml": "id: assistant\ntitle: 組員\nreports_to: lead\naliases: [member]\n",
    "roles/helper.yml": None,
    "roles/intern.yml": "id: intern\ntitle: 實習生\nreports_to: designer\n",
    "roles/designer.yml": "id: designer\ntitle: 設計師\nreports_to: assistant\n",
    "processes/weekly.yml": """\
        id: weekly
        title: 每週例行工作
        summary: 每週固定要做的工作
        owner: assistant
        stages:
          - id: plan
            title: 規劃
            steps:
              - id: write-plan
                title: 撰寫計劃
                raci: {R: [assistant], A: assistant, I: [intern]}
                checklist: [列出目標, 確認預算]
          - id: report
            title: 回報
            steps:
              - id: review-plan
                title: 審閱計劃
                raci: {R: [lead], A: lead, I: [assistant]}
              - id: archive
                title: 歸檔
                raci: {R: [intern], A: lead}
          - id: retro
            title: 復盤
            steps:
              - id: retro-meeting
                title: 復盤會議
                raci: {R: [lead], A: lead}
        """,
    "processes/yearly.yml": None,
    "processes/monthly.yml": """\
        id: monthly
        title: 每月結算
        owner: lead
        stages:
          - id: close
            title: 結算
            steps:
              - id: close-books
                title: 結帳
                raci: {R: [assistant], A: lead}
        """,
}

# Written by hand from the two commits above.
EXPECTED = """\
## Who owns what: changes from `v1` to `v2`

### Roles

- Added: `實習生` (`intern`)
- Removed: `助理` (`helper`)
- Renamed: `member` → `組員` (`assistant`)

### Reporting lines

- `設計師` (`designer`) reports to `組長` (`lead`) → `組員` (`assistant`)

### Titles and summaries

- Title of role `designer`: `設計` → `設計師`
- Summary of role `lead`: `帶領小組` → `帶領小組達成目標`
- Title of process `weekly`: `每週例行` → `每週例行工作`
- Summary of process `weekly`: `每週的固定工作` → `每週固定要做的工作`
- Title of stage `weekly` › `plan`: `計劃` → `規劃`
- Title of step `weekly` › `review-plan`: `檢查計劃` → `審閱計劃`

### Responsibilities

- `組長` (`lead`)
    - ➖ `主持週會`
    - ➕ `核准預算`

### Process owners and RACI per step

- Owner of process `每週例行工作` (`weekly`): `組長` (`lead`) → `組員` (`assistant`)
- **`每週例行工作` › `規劃` › `撰寫計劃`** (`write-plan`): Accountable (`A`): `組長` (`lead`) → `組員` (`assistant`); \
Consulted (`C`): ➖ `助理` (`helper`); Informed (`I`): ➕ `實習生` (`intern`)

### Checklists

- **`每週例行工作` › `規劃` › `撰寫計劃`** (`write-plan`)
    - ➖ `估計工時`
    - ➕ `確認預算`

### Processes, stages and steps

- Added process: `每月結算` (`monthly`)
- Removed process: `年度回顧` (`yearly`)
- Added stage: **`每週例行工作` › `復盤`** (`weekly` › `retro`)
- Removed stage: **`每週例行` › `收尾`** (`weekly` › `wrap`)
- Added step: **`每週例行工作` › `回報` › `歸檔`** (`archive`); Accountable (`A`): `組長` (`lead`)
- Added step: **`每週例行工作` › `復盤` › `復盤會議`** (`retro-meeting`); Accountable (`A`): `組長` (`lead`)
- Removed step: **`每週例行` › `回報` › `寄出報告`** (`send-report`); Accountable (`A`) was `組長` (`lead`)
- Removed step: **`每週例行` › `收尾` › `結束本週`** (`close-week`); Accountable (`A`) was `組長` (`lead`)
- Moved step: **`每週例行工作` › `回報` › `審閱計劃`** (`review-plan`), from stage `計劃` (`plan`) to `回報` (`report`)
"""


def git(root: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"]
    done = subprocess.run([*command, *args], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout


def write(root: Path, files: dict[str, str | None]) -> None:
    for relative, content in files.items():
        path = root / relative
        if content is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "--quiet", "--initial-branch=main")
    write(root, BASE_FILES)
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "base")
    git(root, "tag", "v1")
    write(root, HEAD_FILES)
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "head")
    git(root, "tag", "v2")
    return root


def test_diff_between_two_commits_reports_exactly_the_ownership_changes(repo):
    result = handbook("diff", "v1", "v2", "--dir", repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout == EXPECTED + "\n"


def test_default_head_is_the_working_tree_and_nothing_is_checked_out(repo):
    status_before = git(repo, "status", "--porcelain")
    assert handbook("diff", "v2", "--dir", repo).stdout.endswith(
        "No changes to roles, reporting lines, titles, summaries, responsibilities, RACI, checklists, stages "
        "or steps.\n\n"
    )
    process = repo / "processes" / "weekly.yml"
    process.write_text(
        process.read_text(encoding="utf-8").replace("{R: [intern], A: lead}", "{R: [intern], A: intern}")
    )
    result = handbook("diff", "v2", "--dir", repo)
    assert result.stdout.splitlines()[0] == "## Who owns what: changes from `v2` to the working tree"
    changes = [line for line in result.stdout.splitlines() if line.startswith("- ")]
    assert changes == [
        "- **`每週例行工作` › `回報` › `歸檔`** (`archive`): Accountable (`A`): `組長` (`lead`) → `實習生` (`intern`)"
    ]
    # The base was read from git objects: HEAD and the index are as they were.
    assert git(repo, "rev-parse", "HEAD") == git(repo, "rev-parse", "v2")
    assert git(repo, "status", "--porcelain") == status_before + " M processes/weekly.yml\n"


# The handbook's language (zh-Hant): one term per RACI letter, the same the site uses. By hand.
EXPECTED_ZH_HANT_OWNERSHIP = """\
### 流程維護者與各步驟的 RACI

- 流程 `每週例行工作` (`weekly`) 的維護者：`組長` (`lead`) → `組員` (`assistant`)
- **`每週例行工作` › `規劃` › `撰寫計劃`** (`write-plan`)：當責（`A`）：`組長` (`lead`) → `組員` (`assistant`)；\
諮詢（`C`）：➖ `助理` (`helper`)；知會（`I`）：➕ `實習生` (`intern`)
"""


def test_the_diff_speaks_the_handbook_language_with_one_term_per_letter(repo):
    (repo / "mkdocs.yml").write_text("site_name: 手冊\ntheme:\n  name: material\n  language: zh-Hant\n")
    result = handbook("diff", "v1", "v2", "--dir", repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## 誰負責什麼：從 `v1` 到 `v2` 的變更\n")
    assert EXPECTED_ZH_HANT_OWNERSHIP in result.stdout
    assert "- `設計師` (`designer`) 的匯報對象：`組長` (`lead`) → `組員` (`assistant`)\n" in result.stdout
    assert (
        "- 新增步驟：**`每週例行工作` › `回報` › `歸檔`** (`archive`)；當責（`A`）：`組長` (`lead`)\n" in result.stdout
    )
    # No other word for A, and no English word outside the values.
    for other in ("負責人", "owner", "Accountable", "Added", "Title"):
        assert other not in result.stdout, other


def test_a_step_whose_four_letters_all_change_is_one_line(repo):
    process = repo / "processes" / "weekly.yml"
    process.write_text(
        process.read_text(encoding="utf-8").replace(
            "{R: [intern], A: lead}", "{R: [assistant], A: designer, C: [lead], I: [intern]}"
        ),
        encoding="utf-8",
    )
    changes = [line for line in handbook("diff", "v2", "--dir", repo).stdout.splitlines() if line.startswith("- ")]
    assert changes == [
        "- **`每週例行工作` › `回報` › `歸檔`** (`archive`): Responsible (`R`): ➖ `實習生` (`intern`) "
        "➕ `組員` (`assistant`); Accountable (`A`): `組長` (`lead`) → `設計師` (`designer`); "
        "Consulted (`C`): ➕ `組長` (`lead`); Informed (`I`): ➕ `實習生` (`intern`)"
    ]


def test_a_handbook_in_a_subfolder_is_read_from_its_own_folder(tmp_path):
    root = tmp_path / "repo"
    (root / "docs").mkdir(parents=True)
    git(root, "init", "--quiet", "--initial-branch=main")
    write(root / "docs", BASE_FILES)
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "base")
    before = handbook_at_revision(root / "docs", "HEAD")
    assert sorted(before.role_by_id) == ["designer", "helper", "lead", "member"]
    assert compare(before, before).is_empty()


def test_unknown_revision_is_a_clear_error(repo):
    result = handbook("diff", "no-such-branch", "--dir", repo)
    assert result.returncode == 2
    assert result.stderr.startswith("handbook: git has no commit `no-such-branch` here: check the name")
    assert "Traceback" not in result.stderr


# --- hostile values in the pull-request comment -------------------------------------------

# Everything GitHub's Markdown (with HTML) or its comment filters would turn into markup, a
# link, a mention or a reference, and what a CI log would read as a line or a command.
HOSTILE = (
    "x`y`` **b** _i_ [x](javascript:alert(1)) <script>alert(1)</script> <img src=x onerror=alert(1)> "
    "| @octocat #123 https://evil.example www.evil.example a@b.co &lt;b&gt; :smile:\n"
    "- fake item\n## fake heading ##[add-mask]z ::error::x \x1b[31m\u202e end"
)
# The same, as the reader must see it: one line, controls shown as escapes. Written by hand.
HOSTILE_SHOWN = (
    "x`y`` **b** _i_ [x](javascript:alert(1)) <script>alert(1)</script> <img src=x onerror=alert(1)> "
    "| @octocat #123 https://evil.example www.evil.example a@b.co &lt;b&gt; :smile: "
    "- fake item ## fake heading ##\\x5badd-mask]z ::error::x \\x1b[31m\\u202e end"
)
HOSTILE_ID = "evil`<b>@octocat#1\n- x"
HOSTILE_ID_SHOWN = "evil`<b>@octocat#1 - x"


def _yaml(value: str) -> str:
    return json.dumps(value)  # a JSON string is a YAML double-quoted scalar


def test_hostile_ids_and_titles_are_only_text_in_the_rendered_comment(repo):
    write(
        repo,
        {
            "roles/evil.yml": f"id: {_yaml(HOSTILE_ID)}\ntitle: {_yaml(HOSTILE)}\nreports_to: lead\n",
            "roles/lead.yml": (repo / "roles/lead.yml").read_text(encoding="utf-8") + f"  - {_yaml(HOSTILE)}\n",
            "processes/weekly.yml": (repo / "processes/weekly.yml").read_text(encoding="utf-8")
            + f"""\
  - id: {_yaml(HOSTILE_ID)}
    title: {_yaml(HOSTILE)}
    steps:
      - id: {_yaml(HOSTILE_ID + "step")}
        title: {_yaml(HOSTILE)}
        raci: {{R: [{_yaml(HOSTILE_ID)}], A: lead}}
""",
        },
    )
    result = handbook("diff", "v2", "--dir", repo)
    assert result.returncode == 0, result.stderr

    # In the CI log: no terminal escape, no direction control, no workflow command.
    for line in result.stdout.splitlines():
        assert "\x1b" not in line and "\u202e" not in line and "##[" not in line
        assert not line.lstrip().startswith("::")

    # As GitHub renders the comment (cmark-gfm), and as Python-Markdown does.
    for page in (github_html(result.stdout), BeautifulSoup(markdown.markdown(result.stdout), "html.parser")):
        _assert_only_text(page)


def _assert_only_text(page: BeautifulSoup) -> None:
    assert {tag.name for tag in page.find_all(True)} <= {"h2", "h3", "ul", "li", "strong", "code", "p"}
    # One list item per change: the role, the responsibility (under its role), the stage and the step.
    sections = {h3.get_text(): h3.find_next_sibling("ul") for h3 in page.find_all("h3")}
    assert list(sections) == ["Roles", "Responsibilities", "Processes, stages and steps"]
    assert len(sections["Roles"].find_all("li", recursive=False)) == 1
    (lead,) = sections["Responsibilities"].find_all("li", recursive=False)
    assert len(lead.find_all("li")) == 1
    assert len(sections["Processes, stages and steps"].find_all("li", recursive=False)) == 2
    # Every value is the whole text of one code element; no text outside code carries data.
    codes = [code.get_text() for code in page.find_all("code")]
    # The role title, the responsibility, the added stage, and the stage and step titles of the added step.
    assert codes.count(HOSTILE_SHOWN) == 5
    assert codes.count(HOSTILE_ID_SHOWN) == 2  # the role and the stage
    assert HOSTILE_ID_SHOWN + "step" in codes
    outside = "".join(text for text in page.find_all(string=True) if text.find_parent("code") is None)
    for marker in ("@", "#", "http", "www", "<", "*", "[", "`", "\\"):
        assert marker not in outside, marker
