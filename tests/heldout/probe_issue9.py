"""Held-out probe for issue 9, written by the lead before merging the fixes and never shown to their authors.

Kept for the record and to re-run, not to tune on: `make test` does not run it (it
is not a test module). Each part writes small handbooks in temporary folders and
runs the real `handbook` and `mkdocs` commands of a checkout, and Chromium.

Usage: <checkout>/.venv/bin/python tests/heldout/probe_issue9.py <checkout> [part ...]
Parts: total, inputs, codeload, slips, site. Prints one line per case: PASS/FAIL name detail.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

CHECKOUT = Path(sys.argv[1]).resolve()
PARTS = sys.argv[2:] or ["total", "inputs", "codeload", "slips", "site"]
BIN = CHECKOUT / ".venv" / "bin"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
RESULTS: list[tuple[str, bool, str]] = []


def report(name: str, ok: bool, detail: str = "") -> None:
    RESULTS.append((name, ok, detail))
    print(
        ("PASS " if ok else "FAIL ") + name + ("  " + detail[:300].replace("\n", " | ") if detail else ""), flush=True
    )


def run(*args: str, cwd: Path, timeout: float = 60) -> tuple[int, str, str, float]:
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [str(BIN / "handbook"), *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=ENV,
            errors="replace",
        )
    except subprocess.TimeoutExpired:
        return -9, "", "TIMEOUT", time.perf_counter() - started
    return done.returncode, done.stdout, done.stderr, time.perf_counter() - started


LEAD = "id: lead\ntitle: 組長\n"
MEMBER = "id: member\ntitle: 組員\nreports_to: lead\n"
WEEKLY = textwrap.dedent("""\
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
              R: [member]
              A: lead
            checklist:
              - 列出本週目標
    """)


def handbook(files: dict[str, str | bytes]) -> Path:
    root = Path(tempfile.mkdtemp(prefix="probe-"))
    base: dict[str, str | bytes] = {"roles/lead.yml": LEAD, "roles/member.yml": MEMBER, "processes/weekly.yml": WEEKLY}
    for rel, content in {**base, **files}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def site_project(root: Path, extra_plugin: str = "") -> None:
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "index.md").write_text("# 首頁\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        textwrap.dedent("""\
        site_name: Probe
        docs_dir: docs
        theme:
          name: material
          language: zh-Hant
          font: false
          features: [content.tooltips]
        plugins:
          - search
          - handbook:
              mermaid: local
        markdown_extensions:
          - attr_list
          - abbr
          - admonition
          - pymdownx.tasklist:
              custom_checkbox: true
          - pymdownx.superfences:
              custom_fences:
                - name: mermaid
                  class: mermaid
                  format: !!python/name:pymdownx.superfences.fence_code_format
        """).replace("mermaid: local", "mermaid: local" + extra_plugin),
        encoding="utf-8",
    )


# ---------------------------------------------------------------------------------------------
def part_total() -> None:
    """Every value a YAML parser can produce: a finding, never a traceback or a hang."""
    cases = {
        "huge-int-title": {"roles/member.yml": MEMBER.replace("title: 組員", "title: 9" + "8" * 6000)},
        "huge-hex-summary": {"roles/member.yml": MEMBER + "summary: 0x" + "f" * 9000 + "\n"},
        "surrogate-title": {"roles/member.yml": MEMBER.replace("title: 組員", 'title: "組員\\udfff"')},
        "surrogate-key": {"roles/member.yml": MEMBER + '"\\ud801x": 1\n'},
        "surrogate-checklist": {"processes/weekly.yml": WEEKLY.replace("列出本週目標", '"\\ud800目標"')},
        "nan-title": {"roles/member.yml": MEMBER.replace("title: 組員", "title: .NaN")},
        "inf-due": {"processes/weekly.yml": WEEKLY.replace("checklist:", "due: -.inf\n        checklist:")},
        "bad-timestamp": {"roles/member.yml": MEMBER + "summary: 2026-02-31\n"},
        "binary": {"roles/member.yml": MEMBER + "summary: !!binary aGk=\n"},
        "int-id": {"roles/member.yml": MEMBER.replace("id: member", "id: 1" + "0" * 5000)},
        "float-key": {"roles/member.yml": MEMBER + "1e999: x\n"},
        "null-key": {"roles/member.yml": MEMBER + "~: x\n"},
        "list-key": {"roles/member.yml": MEMBER + "? [a, b]\n: x\n"},
        "deep-flow": {"roles/member.yml": MEMBER + "summary: " + "[" * 5000 + "]" * 5000 + "\n"},
        "long-dash-run": {"roles/member.yml": MEMBER + 'summary: "' + "-" * 240_000 + '"\n'},
        "long-brace-run": {"roles/member.yml": MEMBER + 'summary: "' + "{:" * 120_000 + '"\n'},
        "long-bracket-run": {"roles/member.yml": MEMBER + 'summary: "' + "[" * 240_000 + '"\n'},
        "long-lt-run": {"roles/member.yml": MEMBER + 'summary: "' + "<a" * 120_000 + '"\n'},
        "long-link-run": {"roles/member.yml": MEMBER + 'summary: "' + "](" * 120_000 + '"\n'},
        "long-space-run": {"roles/member.yml": MEMBER + 'summary: "x' + " " * 240_000 + 'x"\n'},
        "id-trailing-newline": {"roles/member.yml": MEMBER.replace("id: member", 'id: "member\\n"')},
    }
    for name, files in cases.items():
        root = handbook(files)
        site_project(root)
        for command in (["validate", "."], ["export", "."], ["build", ".", "--site-dir", str(root / "out")]):
            code, out, err, took = run(*command, cwd=root, timeout=60)
            ok = "Traceback" not in err and code in (0, 1) and took < 20
            report(f"total/{name}/{command[0]}", ok, f"rc={code} {took:.1f}s {err[-300:] if not ok else ''}")
        if name == "id-trailing-newline":
            code, out, err, _ = run("validate", ".", cwd=root)
            report("total/id-trailing-newline-refused", code == 1 and "HB020" in out + err, out[-200:])
    # a long reporting chain
    files: dict[str, str | bytes] = {
        f"roles/r{i}.yml": f"id: r{i}\ntitle: 角色{i}\nreports_to: r{i + 1}\n" for i in range(3000)
    }
    files["roles/r3000.yml"] = "id: r3000\ntitle: 頂端\n"
    root = handbook(files)
    code, out, err, took = run("validate", ".", cwd=root, timeout=120)
    report("total/chain-3000-validate", "Traceback" not in err and took < 15, f"rc={code} {took:.1f}s")


# ---------------------------------------------------------------------------------------------
def part_inputs() -> None:
    outside = Path(tempfile.mkdtemp(prefix="outside-"))
    (outside / "secret.yml").write_text("id: secret\ntitle: SECRETMARKER\n", encoding="utf-8")
    (outside / "secret.md").write_text("# SECRETMARKER\n", encoding="utf-8")

    def check_no_secret(name: str, root: Path, expect_refusal: bool = True) -> None:
        code, out, err, took = run("validate", ".", cwd=root, timeout=30)
        report(
            f"inputs/{name}/validate-refuses",
            (code == 1) == expect_refusal and "Traceback" not in err and took < 20,
            f"rc={code} {out[-300:]} {err[-300:]}",
        )
        report(
            f"inputs/{name}/no-target-in-messages", "SECRETMARKER" not in out + err and str(outside) not in out + err
        )
        code, out, err, _ = run("export", ".", cwd=root, timeout=30)
        report(f"inputs/{name}/export", "SECRETMARKER" not in out and "Traceback" not in err, f"rc={code}")
        site_project(root)
        code, out, err, _ = run("build", ".", "--site-dir", str(root / "out"), cwd=root, timeout=120)
        leaked = (
            any("SECRETMARKER" in p.read_text(errors="replace") for p in (root / "out").rglob("*") if p.is_file())
            if (root / "out").exists()
            else False
        )
        report(f"inputs/{name}/build", not leaked and "Traceback" not in err, f"rc={code} leaked={leaked} {err[-200:]}")

    root = handbook({})
    os.symlink(outside / "secret.yml", root / "roles" / "secret.yml")
    check_no_secret("symlink-role", root)

    root = handbook({})
    shutil.move(str(root / "roles"), str(outside / "roles-elsewhere"))
    (outside / "roles-elsewhere" / "zz.yml").write_text("id: zz\ntitle: SECRETMARKER\n", encoding="utf-8")
    os.symlink(outside / "roles-elsewhere", root / "roles")
    check_no_secret("symlinked-roles-folder", root)

    root = handbook({})
    site_project(root)
    os.symlink(outside / "secret.md", root / "docs" / "secret.md")
    check_no_secret("symlink-in-docs", root)

    root = handbook({})
    os.symlink(outside / "secret.yml", root / "glossary.yml")
    check_no_secret("symlink-glossary", root)

    root = handbook({})
    os.mkfifo(root / "roles" / "pipe.yml")
    code, out, err, took = run("validate", ".", cwd=root, timeout=20)
    report("inputs/fifo-no-hang", code == 1 and took < 15, f"rc={code} {took:.1f}s {out[-200:]}")

    for name in ("Extra.YML", "extra.yaml", "extra .yml", "sub/extra.yml", "extra.yml.bak", "extra.txt"):
        root = handbook({f"roles/{name}": "id: extra\ntitle: 額外\n"})
        code, out, err, took = run("validate", ".", cwd=root, timeout=20)
        mentioned = name.split("/")[0].strip() in out + err or name in out + err
        report(f"inputs/ignored-file-reported:{name}", mentioned and "Traceback" not in err, f"rc={code} {out[-250:]}")

    # write-through a committed symlink in the cache folder
    root = handbook({})
    site_project(root)
    victim = outside / "victim.sh"
    victim.write_text("echo safe\n", encoding="utf-8")
    cache = root / ".cache"
    cache.mkdir()
    # link every name the tool may write in .cache to the victim: run a build once to learn the names
    code, out, err, _ = run("build", ".", "--site-dir", str(root / "out"), cwd=root, timeout=120)
    names = [p.relative_to(cache) for p in cache.rglob("*") if p.is_file()]
    shutil.rmtree(cache)
    cache.mkdir()
    for name in names:
        (cache / name).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(victim, cache / name)
    if not names:
        os.symlink(outside, cache / "handbook")
    code, out, err, _ = run("build", ".", "--site-dir", str(root / "out2"), cwd=root, timeout=120)
    report(
        "inputs/cache-symlink-not-written-through",
        victim.read_text() == "echo safe\n" and "Traceback" not in err,
        f"rc={code} names={names} {err[-200:]}",
    )
    # site dir a symlink
    root = handbook({})
    site_project(root)
    (outside / "sitevictim").mkdir()
    (outside / "sitevictim" / "keep.txt").write_text("keep", encoding="utf-8")
    os.symlink(outside / "sitevictim", root / "site")
    code, out, err, _ = run("build", ".", cwd=root, timeout=120)
    report(
        "inputs/site-symlink",
        (outside / "sitevictim" / "keep.txt").exists() and "Traceback" not in err,
        f"rc={code} {err[-200:]}",
    )


# ---------------------------------------------------------------------------------------------
def part_codeload() -> None:
    root = handbook({})
    site_project(root)
    marker = Path(tempfile.gettempdir()) / f"probe-pwned-{os.getpid()}"
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text += f"extra:\n  x: !!python/object/apply:os.system ['touch {marker}']\n"
    text = text.replace("language: zh-Hant", "language: zh-Hant\n  custom_dir: !ENV [HOME]")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    code, out, err, _ = run("validate", ".", cwd=root)
    report("codeload/validate-safe", not marker.exists() and "Traceback" not in err, f"rc={code} {err[-200:]}")
    # language still read
    bad = handbook({"roles/member.yml": MEMBER + "bogus: 1\n"})
    shutil.copy(root / "mkdocs.yml", bad / "mkdocs.yml")
    code, out, err, _ = run("validate", ".", cwd=bad)
    report(
        "codeload/language-still-read", any("\u4e00" <= c <= "\u9fff" for c in out) and not marker.exists(), out[-200:]
    )


# ---------------------------------------------------------------------------------------------
def part_slips() -> None:
    """Edits of the example: each must be reported on the touched line, or read exactly as meant."""
    example = CHECKOUT
    slips = [
        # (name, file, old, new, touched line text, meant (json path fn) or None)
        ("checklist-overindent-2", "processes/marketing-management.yml", None, None),
    ]
    del slips
    proc = (example / "processes" / "campaign-lifecycle.yml").read_text(encoding="utf-8")
    role = (example / "roles" / "market-research.yml").read_text(encoding="utf-8")
    cases: list[tuple[str, str, str, str]] = [
        (
            "checklist-item-indent+2",
            "processes/campaign-lifecycle.yml",
            "          - 比較至少兩種活動形式的成本與預期效果",
            "            - 比較至少兩種活動形式的成本與預期效果",
        ),
        (
            "checklist-item-indent+1",
            "processes/campaign-lifecycle.yml",
            "          - 比較至少兩種活動形式的成本與預期效果",
            "           - 比較至少兩種活動形式的成本與預期效果",
        ),
        (
            "checklist-item-no-dash",
            "processes/campaign-lifecycle.yml",
            "          - 比較至少兩種活動形式的成本與預期效果",
            "            比較至少兩種活動形式的成本與預期效果",
        ),
        (
            "hash-in-value",
            "processes/campaign-lifecycle.yml",
            "          - 比較至少兩種活動形式的成本與預期效果",
            "          - 比較至少兩種活動形式 #A/B 的成本",
        ),
        ("hash-in-title", "roles/market-research.yml", "title: 市場調研專員", "title: 市場調研專員 #1"),
        ("fullwidth-colon", "roles/market-research.yml", "title: 市場調研專員", "title：市場調研專員"),
        (
            "dash-no-space",
            "roles/market-research.yml",
            "  - 評估產業政策、技術變革等外部因素對市場可能造成的影響。",
            "  -評估產業政策、技術變革等外部因素對市場可能造成的影響。",
        ),
        (
            "ideographic-indent",
            "roles/market-research.yml",
            "  - 評估產業政策、技術變革等外部因素對市場可能造成的影響。",
            "\u3000 - 評估產業政策、技術變革等外部因素對市場可能造成的影響。",
        ),
        (
            "responsibility-indent+4",
            "roles/market-research.yml",
            "  - 評估產業政策、技術變革等外部因素對市場可能造成的影響。",
            "      - 評估產業政策、技術變革等外部因素對市場可能造成的影響。",
        ),
        ("colon-in-value", "roles/market-research.yml", "title: 市場調研專員", "title: 市場調研專員: 資深"),
        ("unclosed-quote", "roles/market-research.yml", "title: 市場調研專員", 'title: "市場調研專員'),
        ("key-indent-1", "roles/market-research.yml", "summary: 團隊", " summary: 團隊"),
    ]
    for name, rel, old, new in cases:
        work = Path(tempfile.mkdtemp(prefix="slip-"))
        for folder in ("roles", "processes"):
            shutil.copytree(example / folder, work / folder)
        shutil.copy(example / "glossary.yml", work / "glossary.yml")
        shutil.copy(example / "mkdocs.yml", work / "mkdocs.yml")
        path = work / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        touched_line = text[: text.index(old)].count("\n") + 1
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        code, out, _err, _ = run("validate", ".", "--format", "json", cwd=work)
        try:
            found = json.loads(out or "[]")
        except json.JSONDecodeError:
            found = []
        on_line = [f for f in found if f["path"] == rel and f["line"] == touched_line]
        others = [f for f in found if f["path"] != rel]
        if on_line:
            report(
                f"slips/{name}",
                not others,
                f"reported {on_line[0]['code']} on line {touched_line}; others={others[:2]}",
            )
        else:
            report(
                f"slips/{name}",
                False,
                f"not on line {touched_line}: rc={code} {[(f['code'], f['line']) for f in found][:5]}",
            )
    del proc, role


# ---------------------------------------------------------------------------------------------
PAYLOADS = [
    "<IMG SRC=x ONERROR=alert(11)>",
    "<svg><animate onbegin=alert(12) attributeName=x dur=1s>",
    "&lt;img src=x onerror=alert(13)&gt;",
    "&#x3C;img src=x onerror=alert(14)&#x3E;",
    "<<script>script>alert(15)<</script>/script>",
    '"><img src=x onerror=alert(16)>',
    "'><svg/onload=alert(17)>",
    '<a href="jav&#x09;ascript:alert(18)">x18</a>',
    "[x19](javascript:alert(19))",
    "<details open ontoggle=alert(21)>",
    "{{7*7}} ${7*7} {% raw %}",
    '%%{init: {"securityLevel":"loose", "themeCSS": "@import url(https://evil.example/x.css)"}}%%',
    "`A|B` | C \\| D",
    '!!! danger "x"',
    "# 標題",
    "> 引用",
    "1. 清單",
    "*[HTML]: Hyper",
    "[^1]: note",
    "<style>body{display:none}</style>",
    "<base href=//evil.example/>",
    "<form action=javascript:alert(24)><button>x24</button></form>",
    "<math><maction actiontype=statusline xlink:href=javascript:alert(25)>x25</maction></math>",
    '<noscript><p title="</noscript><img src=x onerror=alert(26)>">',
    "<iframe srcdoc='<script>alert(27)</script>'>",
    "![i](https://evil.example/i.png)",
    "<img src=https://evil.example/p.png>",
    'A"] --> B["x"]\nclick B href "javascript:alert(28)"',
    "&amp;lt;script&amp;gt;alert(29)&amp;lt;/script&amp;gt;",
    ":::danger x",
]


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def hostile_handbook() -> Path:
    files: dict[str, str | bytes] = {}
    n = len(PAYLOADS)
    files["roles/lead.yml"] = "id: lead\ntitle: 組長\nsummary: 使用 XSS 與 ABC。\n"
    for i, payload in enumerate(PAYLOADS):
        p = payload
        nxt = PAYLOADS[(i + 1) % n]
        files[f"roles/r{i}.yml"] = textwrap.dedent(f"""\
            id: r{i}
            title: {q("角色" + str(i) + p)}
            summary: {q("XSS " + nxt)}
            reports_to: lead
            responsibilities:
              - {q(p)}
              - {q("XSS ABC " + nxt)}
            metrics:
              - {q(p)}
            """)
    stages = []
    for i, payload in enumerate(PAYLOADS):
        p = payload
        stages.append(
            textwrap.indent(
                textwrap.dedent(f"""\
            - id: s{i}
              title: {q("階段" + str(i) + p)}
              summary: {q(p)}
              steps:
                - id: st{i}
                  title: {q("步驟" + str(i) + p)}
                  details: {q("XSS " + p)}
                  due: {q(p)}
                  raci:
                    R: [r{i}]
                    A: lead
                    C: [r{(i + 1) % n}]
                    I: [r{(i + 2) % n}]
                  checklist:
                    - {q(p)}
                    - {q("=1+1;" + p)}
                  inputs:
                    - {q("文件" + p)}
                  outputs:
                    - {q("產出" + str(i) + p)}
            """),
                "  ",
            )
        )
    files["processes/weekly.yml"] = (
        "id: weekly\ntitle: "
        + q("流程" + PAYLOADS[0])
        + "\nsummary: "
        + q(PAYLOADS[11])
        + "\nowner: lead\nstages:\n"
        + "".join(stages)
    )
    terms = []
    for i, payload in enumerate(PAYLOADS[:12]):
        terms.append(
            f"  - term: {q('XSS' if i == 0 else ('ABC' if i == 1 else 'T' + str(i)))}\n"
            f"    expansion: {q(payload)}\n    explanation: {q(PAYLOADS[(i + 3) % n])}\n"
            f"    synonyms: [{q('同義' + str(i) + payload)}]\n"
        )
    files["glossary.yml"] = "terms:\n" + "".join(terms)
    files["processes/weekly.yml"] = str(files["processes/weekly.yml"])
    root = handbook(files)
    (root / "processes" / "weekly.yml").write_text(str(files["processes/weekly.yml"]), encoding="utf-8")
    return root


def part_site() -> None:
    root = hostile_handbook()
    site_project(root)
    _code, out, err, _ = run("validate", ".", "--format", "json", cwd=root, timeout=120)
    try:
        codes = sorted({f["code"] for f in json.loads(out or "[]")})
    except json.JSONDecodeError:
        codes = []
        report("site/validate-json", False, out[-300:] + err[-300:])
    print("findings on hostile handbook:", codes, flush=True)
    rules = "\n      rules: " + json.dumps(dict.fromkeys(codes, "off"))
    site_project(root, rules)
    done = subprocess.run(
        [str(BIN / "mkdocs"), "build"], cwd=root, capture_output=True, text=True, env=ENV, timeout=600
    )
    report("site/build", done.returncode == 0, done.stderr[-500:])
    if done.returncode != 0:
        return
    site = root / "site"
    from bs4 import BeautifulSoup  # type: ignore[import-untyped]

    bad: list[str] = []
    example_scripts = None
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        rel = page.relative_to(site).as_posix()
        for el in soup.find_all(True):
            for attr, value in el.attrs.items():
                if attr.lower().startswith("on"):
                    bad.append(f"{rel}: <{el.name} {attr}>")
                v = " ".join(value) if isinstance(value, list) else str(value)
                if "javascript:" in v.replace("\t", "").replace("\n", "").lower() and attr in (
                    "href",
                    "src",
                    "action",
                    "xlink:href",
                    "formaction",
                ):
                    bad.append(f"{rel}: {attr}={v[:60]}")
                if "evil.example" in v and attr in ("src", "action"):
                    bad.append(f"{rel}: {attr}={v[:60]}")
            if el.name == "form" and not {"md-search__form", "hb-search__form"} & set(el.get("class") or []):
                bad.append(f"{rel}: <form> from data")
            if el.name in (
                "iframe",
                "object",
                "embed",
                "base",
                "math",
                "noscript",
                "details",
                "style",
                "animate",
                "maction",
            ) and not (el.name == "style" and el.find_parent("head")):
                bad.append(f"{rel}: <{el.name}>")
            if el.name == "script" and not el.get("src") and "alert(" in (el.string or ""):
                bad.append(f"{rel}: inline script with alert")
            if el.name == "div" and "admonition" in (el.get("class") or []):
                bad.append(f"{rel}: admonition from data")
            if el.name == "blockquote" and "引用" in el.get_text():
                bad.append(f"{rel}: <blockquote> from data")
            if el.name == "ol" and el.find("li", string=lambda t: t and t.strip().startswith("清單")):
                bad.append(f"{rel}: <ol> from data")
            if el.name in ("h1", "h2", "h3", "h4") and el.get_text().strip().startswith("標題"):
                bad.append(f"{rel}: heading from data")
            if el.name == "abbr" and el.get("title", "").strip() in ("Hyper",):
                bad.append(f"{rel}: abbr from data")
        if rel == "index.html":
            example_scripts = [s.get("src") for s in soup.find_all("script")]
    text_all = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    report("site/no-template-eval", ">49<" not in text_all and " 49 " not in text_all)
    report("site/static-html-clean", not bad, "; ".join(sorted(set(bad))[:25]))
    # RACI matrix columns
    soup = BeautifulSoup((site / "processes" / "weekly" / "index.html").read_text(encoding="utf-8"), "html.parser")
    shifted = []
    for table in soup.find_all("table"):
        head = [th.get_text(strip=True) for th in table.find_all("th")]
        for tr in table.find_all("tr")[1:]:
            cells = tr.find_all(["td", "th"])
            if len(cells) != len(head):
                shifted.append(f"{len(cells)} cells vs {len(head)} headers: {tr.get_text(' ', strip=True)[:60]}")
    report("site/tables-not-shifted", not shifted, "; ".join(shifted[:5]))
    print("scripts on home:", example_scripts)
    browser_check(site)


def browser_check(site: Path) -> None:
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import urlsplit

    from playwright.sync_api import sync_playwright

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *a: object) -> None:
            pass

        def handle(self) -> None:
            with contextlib.suppress(Exception):
                super().handle()

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    dialogs: list[str] = []
    outside: list[str] = []
    on_attrs: list[str] = []
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium",
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        context.set_default_timeout(8000)

        def route(r: object) -> None:
            url = r.request.url  # type: ignore[attr-defined]
            host = urlsplit(url).hostname
            if urlsplit(url).scheme in ("data", "blob", "about") or host in ("127.0.0.1", "localhost"):
                r.continue_()  # type: ignore[attr-defined]
            else:
                outside.append(url)
                r.abort()  # type: ignore[attr-defined]

        context.route("**/*", route)
        page = context.new_page()

        def on_dialog(d: object) -> None:
            dialogs.append(f"{page.url}: {d.message}")  # type: ignore[attr-defined]
            with contextlib.suppress(Exception):  # the page may have gone already
                d.dismiss()  # type: ignore[attr-defined]

        page.on("dialog", on_dialog)
        scan = """() => { const out = []; for (const el of document.querySelectorAll('*')) {
            for (const a of el.attributes) {
              if (a.name.toLowerCase().startsWith('on')) out.push(el.tagName + ' ' + a.name);
            }
            if (['IFRAME','OBJECT','EMBED','BASE','MATH'].includes(el.tagName)) out.push(el.tagName);
            if (el.tagName == 'DETAILS' && !el.classList.contains('md-search-result__more')) out.push('DETAILS');
            if (el.tagName == 'FORM' && !el.classList.contains('md-search__form')
                && !el.classList.contains('hb-search__form')) out.push('FORM');
            } return out; }"""
        for rel in pages:
            url = base + ("" if rel == "." else rel + "/")
            try:
                page.goto(url, wait_until="load")
                page.wait_for_timeout(600)
                for abbr in page.locator("article abbr").all()[:6]:
                    try:
                        abbr.hover(timeout=1500)
                        page.wait_for_timeout(150)
                    except Exception:
                        pass
                on_attrs += [f"{rel}: {x}" for x in page.evaluate(scan)]
            except Exception as error:
                on_attrs.append(f"{rel}: error {str(error)[:100]}")
        # search (the handbook's own box, generator.search; Material's is hidden under it)
        page.goto(base, wait_until="load")
        for query in ("角色", "img", "script", "XSS", "階段"):
            try:
                if page.locator(".hb-search__open").is_visible():
                    page.locator(".hb-search__open").click()
                page.locator("input.hb-search__input").click()
                page.fill("input.hb-search__input", query)
                page.wait_for_timeout(1500)
                on_attrs += [f"search {query}: {x}" for x in page.evaluate(scan)]
                page.keyboard.press("Escape")
            except Exception as error:
                on_attrs.append(f"search {query}: error {str(error)[:100]}")
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(base + "roles/r0/", wait_until="load")
        page.screenshot(path=str(Path(tempfile.gettempdir()) / "hostile-r0-phone.png"), full_page=False)
        title = page.title()
        browser.close()
    server.shutdown()
    report("site/browser-no-dialog", not dialogs, "; ".join(dialogs[:5]))
    report("site/browser-no-outside-request", not outside, "; ".join(outside[:5]))
    report("site/browser-no-unintended-elements", not on_attrs, "; ".join(on_attrs[:10]))
    report("site/title-is-text", "<IMG SRC=x ONERROR=alert(11)>" in title.replace("\u2060", ""), title)


for part in PARTS:
    globals()[f"part_{part}"]()
failed = [r for r in RESULTS if not r[1]]
print(f"\n{len(RESULTS) - len(failed)}/{len(RESULTS)} passed")
