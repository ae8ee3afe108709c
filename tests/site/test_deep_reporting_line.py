"""A very deep reporting line is shown in part: each role page stays small, whatever the depth."""

from __future__ import annotations

from tests.conftest import WriteHandbook
from tests.site.conftest import build_handbook, make_site_project, read_html


def test_a_role_page_shows_its_twelve_nearest_managers_then_an_ellipsis(write_handbook: WriteHandbook) -> None:
    # lead ← member ← level-1 ← … ← level-14: level-14 has 15 managers above it.
    managers = {n: "member" if n == 1 else f"level-{n - 1}" for n in range(1, 15)}
    files = {
        f"roles/level-{n}.yml": f"id: level-{n}\ntitle: 層級{n}\nreports_to: {boss}\n" for n, boss in managers.items()
    }
    root = make_site_project(write_handbook(files), language="en")
    # Not --strict: the levels take part in no step, which is only a warning.
    assert build_handbook(".", cwd=root).returncode == 0
    bottom = read_html(root / "site", "roles/level-14")
    line = next(li for li in bottom.select("article li") if li.get_text().startswith("Reporting line"))
    assert [a.get_text() for a in line.find_all("a")] == [f"層級{n}" for n in range(13, 1, -1)]
    assert line.get_text().rstrip().endswith("層級2 → …")
    # Twelve managers or fewer: the whole line, up to the top, and no ellipsis.
    near = read_html(root / "site", "roles/level-11")
    line = next(li for li in near.select("article li") if li.get_text().startswith("Reporting line"))
    assert [a.get_text() for a in line.find_all("a")][-2:] == ["組員", "組長"]
    assert "…" not in line.get_text()
