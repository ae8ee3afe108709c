"""HB090 site-config-readable: mkdocs.yml must be UTF-8 YAML, a mapping of settings, of a sane size."""

from __future__ import annotations

import pytest

from tests.conftest import WriteHandbook
from tests.conftest import handbook_in_process as handbook
from tests.rules._site_config import GOOD, site_problems

BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + level)}: &{chr(98 + level)} [{', '.join(['*' + chr(97 + level)] * 10)}]\n" for level in range(8)
)


@pytest.mark.parametrize(
    ("config", "where", "words"),
    [
        (GOOD.encode("utf-16"), (1, 1), "UTF-8"),
        (b"", (1, 1), "site_name"),
        (b"# only a comment\n", (1, 1), "site_name"),
        (GOOD.replace("docs_dir: handbook", "docs_dir: hand\x00book").encode(), (3, 15), "控制字元"),
        (b"- site_name: x\n", (1, 1), "一行一個"),
        (b"site_name: x\ntheme:\n  name: material\n    language: zh-Hant\n", (4, 5), "縮排"),
        (("site_name: x\nnav: " + "[" * 60 + "]" * 60 + "\n").encode(), None, "層"),
        (("site_name: x\n" + BOMB).encode(), None, "記憶體"),
    ],
    ids=["utf-16", "empty", "comment-only", "nul", "list", "indent", "deep", "alias-bomb"],
)
def test_a_file_mkdocs_cannot_read_is_an_error_at_its_line(
    write_handbook: WriteHandbook, config: bytes, where: tuple[int, int] | None, words: str
) -> None:
    (found,) = site_problems(write_handbook(), config, "HB090")
    line, column, message = found
    if where is not None:
        assert (line, column) == where, message
    assert words in message


@pytest.mark.parametrize(
    ("value", "words"),
    [("!!timestamp 2026-13-45", "2026-13-45"), ("!!int x", "`x`"), ("9" * 5000, "…")],
    ids=["impossible-date", "forced-int", "5000-digits"],
)
def test_a_value_yaml_cannot_make_is_an_error_at_it(write_handbook: WriteHandbook, value: str, words: str) -> None:
    config = GOOD.replace("https://handbook.example.com/", value, 1)
    ((line, column, message),) = site_problems(write_handbook(), config, "HB090")
    assert (line, column) == (2, 11) and words in message


def test_a_readable_file_passes(write_handbook: WriteHandbook) -> None:
    assert site_problems(write_handbook(), GOOD, "HB090") == []


def test_validate_refuses_it_and_build_never_hands_it_to_mkdocs(write_handbook: WriteHandbook) -> None:
    root = write_handbook()
    (root / "mkdocs.yml").write_text("site_name: 手冊\n" + BOMB, encoding="utf-8")
    checked = handbook("validate", ".", cwd=root)
    assert checked.returncode == 1
    assert "mkdocs.yml:" in checked.stdout and "error HB090" in checked.stdout
    built = handbook("build", ".", cwd=root)
    assert built.returncode == 1 and "Traceback" not in built.stderr
    assert not (root / "site").exists()
