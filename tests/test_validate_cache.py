"""`handbook validate` keeps per-file results in .cache/validate/ and reuses them only when it may.

The real command runs on small handbooks; the signing key lives in a temporary
XDG_CACHE_HOME. Where a test must know whether a file was parsed again, it counts calls
to the loader's own `source_from_bytes` (the call still runs).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from pathlib import Path

import pytest

from generator.rules import cache as cache_module
from generator.rules import checking
from generator.rules.cache import ValidateCache
from generator.rules.checking import check_handbook, validate_handbook
from tests.conftest import handbook_in_process as handbook
from tests.test_cli import MISSPELT_TITLE

# Site builds, many processes or a big handbook: not in `make check`.
pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def signing_key_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "user-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def _lines(result) -> list[str]:  # type: ignore[no-untyped-def]
    return result.stdout.splitlines()


def test_a_second_run_prints_what_a_run_without_the_cache_prints(write_handbook):
    root = write_handbook(MISSPELT_TITLE)
    first = handbook("validate", root)
    assert (root / ".cache" / "validate" / "files.json").is_file()
    assert (root / ".cache" / "validate" / "run.json").is_file()
    second = handbook("validate", root)
    fresh = handbook("validate", root, "--no-cache")
    assert first.returncode == second.returncode == fresh.returncode == 1
    assert _lines(second) == _lines(first) == _lines(fresh)
    assert _lines(second)[0] == (
        "roles/member.yml:1:1: error HB010 this role has no `title`: add `title:` — it is required (rules/#hb010)"
    )


class _ParseCounter:
    """Counts the files the checker parses, by path; each call still parses."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.paths: list[str] = []
        real = checking.source_from_bytes

        def counted(path, kind, raw):  # type: ignore[no-untyped-def]
            self.paths.append(path)
            return real(path, kind, raw)

        monkeypatch.setattr(checking, "source_from_bytes", counted)


def _validate(root: Path, settings=None):  # type: ignore[no-untyped-def]
    config = {"settings": settings or {}, "language": "en", "root": str(root)}
    cache = ValidateCache(root / ".cache" / "validate", within=root, config=config)
    return validate_handbook(root, settings=settings or {}, cache=cache)


def test_only_changed_files_are_parsed_and_rules_across_files_still_see_the_whole_handbook(
    write_handbook, monkeypatch: pytest.MonkeyPatch
):
    root = write_handbook()
    parsed = _ParseCounter(monkeypatch)
    assert _validate(root).problems == ()
    assert sorted(parsed.paths) == ["processes/weekly.yml", "roles/lead.yml", "roles/member.yml"]

    parsed.paths.clear()
    assert _validate(root).problems == ()
    assert parsed.paths == []  # nothing changed: no file parsed

    # Renaming the lead breaks the two unchanged files that name it: only the edited file is parsed.
    lead = root / "roles" / "lead.yml"
    lead.write_text("id: chief\ntitle: 組長\n", encoding="utf-8")
    parsed.paths.clear()
    verdict = _validate(root)
    assert parsed.paths == ["roles/lead.yml"]
    found = {(p.code, p.path, p.line) for p in verdict.problems}
    assert ("HB030", "roles/member.yml", 3) in found  # reports_to: lead
    assert ("HB030", "processes/weekly.yml", 3) in found  # owner: lead
    assert ("HB021", "roles/lead.yml", 1) in found  # the id no longer matches the file name
    assert verdict.problems == check_handbook(root).problems
    assert (verdict.roles, verdict.processes) == (2, 1)


def test_a_corrupt_cache_is_ignored_and_written_anew(write_handbook, monkeypatch: pytest.MonkeyPatch):
    root = write_handbook(MISSPELT_TITLE)
    expected = _lines(handbook("validate", root, "--no-cache"))
    handbook("validate", root)
    folder = root / ".cache" / "validate"
    (folder / "run.json").write_bytes(b"\x80\x04\x95 not json, a pickle's opening bytes")
    (folder / "files.json").write_text("{ half a file", encoding="utf-8")
    result = handbook("validate", root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert _lines(result) == expected
    # Written anew: the next run takes every file from it.
    parsed = _ParseCounter(monkeypatch)
    assert len(_validate(root).problems) == 2
    assert parsed.paths == []


def _sign(body: bytes, key: bytes) -> bytes:
    return hmac.new(key, body, hashlib.sha256).hexdigest().encode() + b"\n" + body


def test_a_cache_signed_with_another_key_cannot_hide_a_broken_file(write_handbook, signing_key_home: Path):
    # A forged run.json, as a pull request could commit it: the right keys, no problems at all.
    root = write_handbook(MISSPELT_TITLE)
    handbook("validate", root)
    run_file = root / ".cache" / "validate" / "run.json"
    data = json.loads(run_file.read_bytes().partition(b"\n")[2])
    data["problems"] = []
    forged = json.dumps(data).encode()
    attacker_key = b"k" * 32
    run_file.write_bytes(_sign(forged, attacker_key))
    result = handbook("validate", root)
    assert result.returncode == 1
    assert len(_lines(result)) == 3  # two problems and the summary

    # The same file signed with this machine's key is trusted: the signature is what refused it.
    own_key = (signing_key_home / "role-handbook" / "cache-key").read_bytes()
    run_file.write_bytes(_sign(forged, own_key))
    assert handbook("validate", root).returncode == 0


def test_a_link_in_place_of_the_cache_file_is_neither_followed_nor_written_through(write_handbook, tmp_path: Path):
    root = write_handbook()
    target = tmp_path / "elsewhere.json"
    target.write_text("precious", encoding="utf-8")
    folder = root / ".cache" / "validate"
    folder.mkdir(parents=True)
    (folder / "files.json").symlink_to(target)
    result = handbook("validate", root)
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1)
    assert target.read_text(encoding="utf-8") == "precious"
    assert (folder / "files.json").is_symlink()


def test_changed_rule_settings_are_not_answered_from_the_cache(write_handbook):
    root = write_handbook(MISSPELT_TITLE)
    assert "error HB011" in handbook("validate", root).stdout
    (root / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - handbook:\n      rules:\n        unknown-key: warning\n", encoding="utf-8"
    )
    relevelled = handbook("validate", root).stdout
    assert "warning HB011" in relevelled and "error HB011" not in relevelled
    (root / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - handbook:\n      rules:\n        HB011: 'off'\n", encoding="utf-8"
    )
    assert "HB011" not in handbook("validate", root).stdout


def test_changed_language_is_not_answered_from_the_cache(write_handbook):
    root = write_handbook(MISSPELT_TITLE)
    english = handbook("validate", root, "--lang", "en").stdout
    chinese = handbook("validate", root, "--lang", "zh-Hant").stdout
    assert english != chinese
    assert chinese == handbook("validate", root, "--lang", "zh-Hant", "--no-cache").stdout


def test_another_version_of_the_tool_does_not_reuse_the_cache(write_handbook, monkeypatch: pytest.MonkeyPatch):
    root = write_handbook()
    _validate(root)
    parsed = _ParseCounter(monkeypatch)
    _validate(root)
    assert parsed.paths == []
    monkeypatch.setattr(cache_module, "tool_fingerprint", lambda: "another version of the tool")
    _validate(root)
    assert len(parsed.paths) == 3


def test_no_cache_neither_reads_nor_writes_the_cache_folder(write_handbook):
    root = write_handbook()
    assert handbook("validate", root, "--no-cache").returncode == 0
    assert not os.path.lexists(root / ".cache" / "validate")


def test_a_change_to_mkdocs_yml_or_codeowners_alone_is_seen_on_the_next_run(tmp_path: Path) -> None:
    """The rules about mkdocs.yml (HB109) and the committed CODEOWNERS (HB077) read more than the YAML files."""
    import shutil

    root = tmp_path / "company"
    shutil.copytree(Path(__file__).parent / "examples" / "company", root)
    assert handbook("validate", root, "--lang", "en").returncode == 0
    assert handbook("validate", root, "--lang", "en").returncode == 0  # from the cache
    codeowners = root / ".github" / "CODEOWNERS"
    codeowners.write_text(codeowners.read_text(encoding="utf-8") + "/roles/ @someone-else\n", encoding="utf-8")
    stale = handbook("validate", root, "--lang", "en")
    assert stale.returncode == 1 and " HB077 " in stale.stdout
    codeowners.write_text(codeowners.read_text(encoding="utf-8").replace("/roles/ @someone-else\n", ""), "utf-8")
    assert handbook("validate", root, "--lang", "en").returncode == 0
    config = root / "mkdocs.yml"
    config.write_text(
        "".join(
            line for line in config.read_text(encoding="utf-8").splitlines(keepends=True) if "site_url" not in line
        ),
        encoding="utf-8",
    )
    unset = handbook("validate", root, "--lang", "en")
    assert " HB109 " in unset.stdout, unset.stdout
