"""Shared by the tests of the mkdocs.yml rules (HB090–HB094): check a handbook with a given mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

from generator.rules.checking import check_handbook
from generator.source.problems import Problem
from generator.source.site_config import site_settings_of_file

# What the example's mkdocs.yml needs, and no more: a name, the folder of hand-written pages, the theme.
GOOD = """\
site_name: 市場營銷部手冊
site_url: https://handbook.example.com/
docs_dir: handbook
theme:
  name: material
  language: zh-Hant
plugins:
  - handbook:
      mermaid: local
markdown_extensions:
  - admonition
  - toc:
      permalink: true
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
"""


def site_problems(root: Path, config: str | bytes, code: str) -> list[tuple[int, int, str]]:
    """(line, column, message) of each `code` finding in mkdocs.yml, written as `config` into `root`."""
    (root / "handbook").mkdir(exist_ok=True)
    path = root / "mkdocs.yml"
    if isinstance(config, bytes):
        path.write_bytes(config)
    else:
        path.write_text(config, encoding="utf-8")
    site = site_settings_of_file(path, handbook_root=root, site_url="https://handbook.example.com/")
    report = check_handbook(root, language="zh-Hant", site=site)
    found: list[Problem] = [problem for problem in report.problems if problem.code == code]
    assert all(problem.path == "mkdocs.yml" for problem in found)
    return [(problem.line, problem.column, problem.message) for problem in found]
