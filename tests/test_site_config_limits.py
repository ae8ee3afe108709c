"""mkdocs.yml is read safely before MkDocs ever sees it: an alias bomb or deep nesting is refused, never run."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.source.site_config import MAX_CONFIG_DEPTH, ConfigUnreadable, parse_site_config
from tests.conftest import REPO, copy_example
from tests.site.conftest import build_handbook

EXAMPLE = REPO / "mkdocs.yml"
ALIAS_BOMB = """extra:
  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
  f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
  g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
"""
DEEP = "extra:\n  deep: " + "[" * 500 + "]" * 500 + "\n"


def test_the_example_reads_as_before() -> None:
    config = parse_site_config(EXAMPLE.read_text(encoding="utf-8"))
    assert config["site_name"] == "市場營銷部手冊"
    assert config["markdown_extensions"][0]["toc"]["permalink"] is True


@pytest.mark.parametrize(("addition", "words"), [(ALIAS_BOMB, "aliases"), (DEEP, "nested")])
def test_a_bomb_or_deep_nesting_is_refused_at_once(addition: str, words: str) -> None:
    started = time.monotonic()
    with pytest.raises(ConfigUnreadable, match=words):
        parse_site_config(EXAMPLE.read_text(encoding="utf-8") + addition)
    assert time.monotonic() - started < 5


def test_nesting_up_to_the_limit_is_still_read() -> None:
    depth = MAX_CONFIG_DEPTH - 3
    config = parse_site_config("extra:\n  deep: " + "[" * depth + "1" + "]" * depth + "\n")
    assert "deep" in config["extra"]


@pytest.mark.slow
@pytest.mark.parametrize("addition", [ALIAS_BOMB, DEEP])
def test_build_refuses_such_a_file_without_a_traceback(tmp_path: Path, addition: str) -> None:
    copy_example(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(EXAMPLE.read_text(encoding="utf-8") + addition, encoding="utf-8")
    result = build_handbook(".", cwd=tmp_path)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "mkdocs.yml" in output
    assert not (tmp_path / "site").exists()
