"""The PR gate and the pre-commit hook: valid files, and only commands `make test` also runs."""

from __future__ import annotations

import re
import shlex
import tomllib

import yaml

from tests.conftest import REPO
from tests.conftest import handbook_in_process as handbook

WORKFLOW = REPO / ".github" / "workflows" / "handbook.yml"
# Shell plumbing around the commands: where the diff goes, not what the gate checks.
PLUMBING = ("cat ", "gh pr comment ")


def _workflow() -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True)
    return data


def _run_lines() -> list[str]:
    steps = _workflow()["jobs"]["check"]["steps"]
    return [line.strip() for step in steps if "run" in step for line in step["run"].splitlines() if line.strip()]


def _make_targets() -> dict[str, list[str]]:
    """Each Makefile rule's prerequisites, in file order."""
    rules: dict[str, list[str]] = {}
    for match in re.finditer(r"^([^\s:#=.][^:=\n]*):(?!=)([^\n]*)$", (REPO / "Makefile").read_text(), re.MULTILINE):
        rules[match.group(1).strip()] = match.group(2).split()
    return rules


def _needed_by(target: str, rules: dict[str, list[str]]) -> set[str]:
    seen: set[str] = set()
    todo = [target]
    while todo:
        for prerequisite in rules.get(todo.pop(), []):
            if prerequisite not in seen:
                seen.add(prerequisite)
                todo.append(prerequisite)
    return seen


def test_workflow_is_a_pull_request_gate_that_validates_builds_uploads_and_diffs():
    workflow = _workflow()
    assert "pull_request" in workflow["on"]
    steps = workflow["jobs"]["check"]["steps"]
    uses = [step["uses"].split("@")[0] for step in steps if "uses" in step]
    assert uses == ["actions/checkout", "actions/setup-python", "actions/upload-artifact"]
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "site/"
    assert steps[0]["with"]["fetch-depth"] == 0  # the diff needs the base branch's objects
    commands = [line for line in _run_lines() if line.startswith(".venv/bin/handbook")]
    assert [shlex.split(line)[1:3] for line in commands] == [
        ["validate", "--format"],
        ["build", "--strict"],
        ["diff", "origin/$BASE_REF"],
    ]
    # github.base_ref reaches the shell only through the environment.
    assert not [line for line in _run_lines() if "${{" in line]


def test_every_make_target_the_workflow_runs_is_part_of_make_test():
    rules = _make_targets()
    needed = _needed_by("test", rules)
    default_goal = next(iter(rules))
    for line in _run_lines():
        if line.split()[0] == "make":
            target = line.split()[1] if len(line.split()) > 1 else default_goal
            assert target in needed, f"`{line}` is not run by `make test`"


def test_every_other_workflow_command_is_a_handbook_command_run_here():
    """Run the workflow's handbook commands on this repository, as `make test` (this test) does."""
    lines = [line for line in _run_lines() if line.split()[0] != "make"]
    for line in lines:
        assert line.startswith(".venv/bin/handbook ") or line.startswith(PLUMBING), line
    validate = handbook("validate", "--format", "github", cwd=REPO)
    assert (validate.returncode, validate.stdout) == (0, "")
    diff = handbook("diff", "HEAD", cwd=REPO)
    assert diff.returncode == 0, diff.stderr
    assert diff.stdout.startswith("## ")
    # `build --strict` on the example runs once per test run (the example_site fixture).
    assert '"build", ".", "--strict"' in (REPO / "tests" / "conftest.py").read_text()


def test_pre_commit_hook_runs_the_validator_on_handbook_files_only():
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "handbook-validate"
    assert hook["entry"] == "handbook validate"
    assert (hook["language"], hook["pass_filenames"]) == ("python", False)
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert hook["entry"].split()[0] in scripts
    files = re.compile(hook["files"])
    for path in ("roles/market-research.yml", "processes/campaign-lifecycle.yaml"):
        assert files.search(path), path
    for path in ("mkdocs.yml", "handbook/editing.md", "roles/README.md", "generator/roles/x.yml"):
        assert not files.search(path), path
    tracked = [p.relative_to(REPO).as_posix() for p in (*REPO.glob("roles/*.yml"), *REPO.glob("processes/*.yml"))]
    assert tracked and all(files.search(path) for path in tracked)
