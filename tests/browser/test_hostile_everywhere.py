"""A hostile value in every field of every file kind shows as text on every page of the site.

The handbook is made from the JSON Schemas: every string field that is not an id
or a role reference gets hostile text, so a field added to the format later is
covered without touching this test. The site is built with the example's own
mkdocs.yml (tooltips, search, Mermaid) and every rule that objects switched off:
what stops the attack is the rendering alone. A real Chromium then opens every
page, hovers the glossary abbreviations and the navigation links (Material shows
a long link's text as a tooltip), lets Mermaid draw, and searches.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.source.schema import schema_for
from tests.browser.charts import OPEN_SHADOW_ROOTS, wait_until_drawn
from tests.browser.conftest import Reader, open_reader, serve
from tests.conftest import REPO, build_in_process, handbook_in_process
from tests.site.conftest import SearchIndex

# Each family of attack, written so that anything that runs calls alert() and anything
# that loads something asks for evil.example (which the reader records and blocks).
PAYLOADS = (
    "<script>alert('script')</script>",
    "<img src=x onerror=alert('img')>",
    "<IMG/SRC=x/ONERROR=alert('img-upper')>",
    "<svg\nonload=alert('svg')>",
    "<scr<script>ipt>alert('nested')</script>",
    "<a href=\"java\tscript:alert('tab')\">a</a>",
    "[連結](javascript:alert('link')) [斷行](java\nscript:alert('break'))",
    "![圖](https://evil.example/image.png)",
    "&lt;img src=x onerror=alert('entity')&gt;",
    "&#x3c;img src=x onerror=alert('hex')&#x3e; &#60;script&#62;alert('dec')&#60;/script&#62;",
    "&amp;lt;img src=x onerror=alert('double')&amp;gt;",
    "</title><script>alert('title')</script>",
    '{: onclick="alert(\'attr\')" .x-evil #x-evil style="color:red" }',
    "%%{init: {'theme':'dark','themeCSS':'@import url(https://evil.example/theme.css);'}}%%",
    "%%{ init: { 'securityLevel': 'loose' } }%% %% comment :::x-evil",
    '\nclick s1 href "https://evil.example/click"\nstyle s1 fill:#f00\nclassDef x-evil fill:#f00\n',
    "| 管 | 道 | `code | span` \\| \\",
    "\u202e倒序\u202c \u2066隔離\u2069",
)
# What a one-line value may start with to open a block, each used as the start of some value.
BLOCK_STARTS = (
    "# ",
    "!!! danger ",
    "??? note ",
    "> ",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "1) ",
    "=== ",
    "--- ",
    "::: ",
    "    ",
    "| ",
    "``` ",
    "~~~ ",
    "[^1]: ",
    "*[GMV]: ",
    "<!-- ",
    "[ ] ",
    "___ ",
)
WORD_JOINER = "\u2060"
# The pattern of required free text (any character but a space); ids have a slug pattern.
NOT_BLANK = "\\S"
# Each role's title ends with its name, to find its column in the RACI matrix.
ROLE_NAMES = ("〔組長〕", "〔組員〕", "〔夥伴〕")
# Fields that hold role ids (references), not text.
ROLE_REFERENCES = frozenset({"reports_to", "buddy", "owner", "R", "A", "C", "I"})


class HostileText:
    """Hands out hostile values: each starts with the next block syntax and carries every payload."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, field: str) -> str:
        start = BLOCK_STARTS[self.count % len(BLOCK_STARTS)]
        # Rotate the payloads so no payload is always shielded by the one before it.
        shift = self.count % len(PAYLOADS)
        payloads = PAYLOADS[shift:] + PAYLOADS[:shift]
        self.count += 1
        return f"{start}{field}{self.count} GMV " + " ".join(payloads)


def hostile_instance(schema: dict[str, Any], root: dict[str, Any], text: HostileText, name: str = "") -> Any:
    """A value for `schema` with hostile text wherever the format takes free text."""
    if "$ref" in schema:
        return hostile_instance(root["$defs"][schema["$ref"].rsplit("/", 1)[-1]], root, text, name)
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if name in ROLE_REFERENCES:
        return "lead" if "string" in kinds else ["member"]
    if "object" in kinds:
        properties = schema.get("properties", {})
        return {key: hostile_instance(value, root, text, key) for key, value in properties.items()}
    if "array" in kinds:
        return [hostile_instance(schema["items"], root, text, name) for _ in range(2)]
    if "boolean" in kinds:
        return False
    if schema.get("pattern", NOT_BLANK) != NOT_BLANK:  # an id: only slugs pass the loader, so a valid one
        return name
    return text(name)


def hostile_files() -> dict[str, Any]:
    """Two roles, a process and a glossary, every free-text field hostile."""
    text = HostileText()
    role_schema, process_schema, glossary_schema = (schema_for(kind) for kind in ("role", "process", "glossary"))
    lead = hostile_instance(role_schema, role_schema, text)
    lead.update(id="lead", aliases=["old-lead"])
    del lead["reports_to"]
    member = hostile_instance(role_schema, role_schema, text)
    member.update(id="member", aliases=["old-member"], reports_to="lead")
    partner = hostile_instance(role_schema, role_schema, text)
    partner.update(id="partner", aliases=["old-partner"], external=True)
    del partner["reports_to"]
    for role, name in zip((lead, member, partner), ROLE_NAMES, strict=True):
        role["title"] += f" {name}"
    process = hostile_instance(process_schema, process_schema, text)
    process.update(id="weekly", aliases=["old-weekly"])
    for number, stage in enumerate(process["stages"], start=1):
        stage["id"] = f"stage-{number}"
        for step_number, step in enumerate(stage["steps"], start=1):
            step["id"] = f"step-{number}-{step_number}"
            step["raci"] = {"R": ["member"], "A": "lead", "C": ["partner"], "I": ["member"]}
    # Inputs are the outputs of an earlier step, by name, so the documents page links them.
    steps = [step for stage in process["stages"] for step in stage["steps"]]
    for earlier, later in itertools.pairwise(steps):
        later["inputs"] = list(earlier["outputs"])
    glossary = hostile_instance(glossary_schema, glossary_schema, text)
    # One term is a word the hostile text contains, so its tooltip shows on every page.
    glossary["terms"][1]["term"] = "GMV"
    return {
        "roles/lead.yml": lead,
        "roles/member.yml": member,
        "roles/partner.yml": partner,
        "processes/weekly.yml": process,
        "glossary.yml": glossary,
    }


def _example_config(rules: dict[str, str]) -> str:
    """The example's mkdocs.yml, reading docs/ and with `rules` for the handbook plugin."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: handbook", "docs_dir: docs")
    return text.replace("  - handbook:\n", f"  - handbook:\n      rules: {json.dumps(rules)}\n", 1)


@pytest.fixture(scope="module")
def everywhere_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    root = tmp_path_factory.mktemp("hostile-everywhere")
    for relative, data in hostile_files().items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# 首頁\n\nGMV\n", encoding="utf-8")
    found = json.loads(handbook_in_process("validate", ".", "--format", "json", cwd=root).stdout or "[]")
    objecting = {problem["code"]: "off" for problem in found}
    (root / "mkdocs.yml").write_text(_example_config(objecting), encoding="utf-8")
    site = build_in_process(root)
    with serve(site) as url:
        yield site, url


def _text_fields(schema: dict[str, Any], root: dict[str, Any]) -> set[str]:
    """The names of the schema's free-text fields (strings without an id pattern, not role references)."""
    if "$ref" in schema:
        return _text_fields(root["$defs"][schema["$ref"].rsplit("/", 1)[-1]], root)
    names: set[str] = set()
    for name, value in schema.get("properties", {}).items():
        target = value.get("items", value)
        if name in ROLE_REFERENCES:
            continue
        if target.get("type") == "string" and target.get("pattern", NOT_BLANK) == NOT_BLANK:
            names.add(name)
        names |= _text_fields(target, root)
    return names


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item)
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)


def test_every_text_field_of_every_schema_gets_every_payload() -> None:
    fields = set()
    for kind in ("role", "process", "glossary"):
        fields |= _text_fields(schema_for(kind), schema_for(kind))
    # Checked by hand against generator/schema/: a field added there joins this set by itself.
    assert fields >= {"title", "summary", "responsibilities", "metrics", "details", "checklist", "due"}
    assert fields >= {"inputs", "outputs", "term", "expansion", "explanation", "synonyms"}
    values = [value for data in hostile_files().values() for value in _strings(data)]
    for field in fields:
        hostile = [value for value in values if re.search(rf"\b{field}\d+ ", value)]
        assert hostile, field
        assert all(payload in value for value in hostile for payload in PAYLOADS), field


# Mermaid draws into a closed shadow root; open it so the test can read the diagram.
# Everything on the page that the renderer did not mean to make.
UNINTENDED = r"""() => {
  const found = [];
  const all = [document, ...[...document.querySelectorAll("*")].filter(e => e.shadowRoot).map(e => e.shadowRoot)];
  const elements = all.flatMap(root => [...root.querySelectorAll("*")]);
  for (const e of elements) {
    for (const attr of e.getAttributeNames()) {
      if (attr.toLowerCase().startsWith("on")) found.push(`handler ${attr} on <${e.localName}>`);
    }
    for (const attr of ["href", "src", "action", "formaction", "xlink:href", "data"]) {
      // The browser's own URL parser decides the scheme (it drops tabs and line breaks anywhere).
      const value = e.getAttribute(attr);
      const scheme = value === null ? "" : new URL(value, location.href).protocol;
      if (scheme === "javascript:" || scheme === "data:") found.push(`${attr}=${value} on <${e.localName}>`);
    }
    if ((e.getAttribute("class") || "").includes("x-evil")) found.push(`class from data on <${e.localName}>`);
    if (e.id === "x-evil") found.push(`id from data on <${e.localName}>`);
    const style = e.getAttribute("style") || "";
    if (/red|#f00|url\(/.test(style)) found.push(`style from data: ${style}`);
  }
  const embedded = "iframe, object, embed, frame, base, article img, article style, article link, "
    + "article svg:not(.md-content__button svg), article video, article audio, article form, "
    + "article input:not([type=checkbox])";
  for (const e of document.querySelectorAll(embedded)) {
    found.push(`element <${e.localName}>`);
  }
  for (const e of document.querySelectorAll("script")) {
    const src = e.getAttribute("src");
    // The site's own scripts: its assets, and the editor's bundle on the /admin/ page (served from the site).
    const own = (path) => path.includes("/assets/") || path.endsWith("/admin/decap-cms.js");
    if (src ? !own(new URL(src, location.href).pathname) : e.textContent.includes("alert")) {
      found.push(`script ${src || e.textContent.slice(0, 60)}`);
    }
  }
  const ids = [...document.querySelectorAll("[id]")].map(e => e.id);
  for (const id of new Set(ids.filter((id, index) => ids.indexOf(id) !== index))) found.push(`duplicate id ${id}`);
  return found;
}"""

# What Mermaid drew: per diagram, the node labels and whether any style or link came from data.
DIAGRAMS = r"""() => [...document.querySelectorAll("div.mermaid")].map(host => {
  const svg = (host.shadowRoot || host).querySelector("svg");
  if (!svg) return null;
  return {
    nodes: [...svg.querySelectorAll("g.node")].map(n => n.textContent.trim()),
    links: svg.querySelectorAll("a").length,
    styled: [...svg.querySelectorAll("g.node [style]")].map(n => n.getAttribute("style")).filter(s => /f00/.test(s)),
    css: [...svg.querySelectorAll("style")].map(s => s.textContent).filter(t => /evil|@import/.test(t)),
  };
})"""


# The sidebar's links a pointer can rest on, by index among `.md-nav__link`, with what names
# them (address and text). A section's title without a page of its own (the editors' section,
# titled by the handbook's labels) takes no pointer events in Material: there is nothing to hover.
HOVERABLE_LINKS = r"""() => [...document.querySelectorAll(".md-sidebar--primary .md-nav__link")]
  .map((link, index) => [link, index])
  .filter(([link]) => {
    // Visible as Playwright counts it: a box with an area, and not `visibility: hidden` (closed sections).
    const box = link.getBoundingClientRect();
    const style = getComputedStyle(link);
    return box.width > 0 && box.height > 0 && style.visibility === "visible" && style.pointerEvents !== "none";
  })
  .map(([link, index]) => [index, `${link.href || ""} ${link.textContent.trim()}`])"""


def _site_pages(site: Path) -> list[str]:
    """Every page of the built site, as a path below its address (redirect pages included)."""
    return sorted(
        "" if page.parent == site else page.parent.relative_to(site).as_posix() + "/"
        for page in site.rglob("index.html")
    )


@pytest.fixture
def everywhere_reader(browser: Any, everywhere_site: tuple[Path, str]) -> Iterator[Reader]:
    with open_reader(browser, everywhere_site[1], viewport={"width": 1366, "height": 900}) as reader:
        reader.add_init_script(OPEN_SHADOW_ROOTS)
        yield reader


def test_every_page_shows_every_hostile_value_as_text(
    everywhere_reader: Reader, everywhere_site: tuple[Path, str]
) -> None:
    site, _ = everywhere_site
    pages = _site_pages(site)
    assert {"roles/lead/", "roles/partner/", "processes/weekly/", "processes/weekly/stage-1/", "glossary/"} <= set(
        pages
    )
    unintended: list[str] = []
    hovered = 0
    # The navigation holds the same links on every page, opened at the page's own section: each
    # link's tooltip is hovered once, on the first page that shows it.
    hovered_links: set[str] = set()
    for path in pages:
        page = everywhere_reader.open(path)
        if path == "admin/":
            # The editor keeps asking for its backend (`handbook edit` serves it; a static server
            # does not), so its network is never idle: it has drawn itself once its login shows.
            page.get_by_role("button", name="登入").wait_for()
        else:
            # The diagrams are drawn after the page has loaded: wait for each to be drawn (its shadow
            # root, opened by OPEN_SHADOW_ROOTS, holds the SVG), not for a quiet network, which is
            # half a second more per page.
            wait_until_drawn(page, site / path / "index.html")
        # Glossary tooltips (every abbreviation on a page shows the same one: a few will do) and
        # Material's tooltips for navigation links too long to show whole.
        targets = page.locator("article abbr").all()[:3]
        links = page.locator(".md-sidebar--primary .md-nav__link")
        for index, key in page.evaluate(HOVERABLE_LINKS):
            if key not in hovered_links:
                hovered_links.add(key)
                targets.append(links.nth(index))
        for target in targets:
            target.hover()
            hovered += 1
        unintended += [f"{path}: {finding}" for finding in page.evaluate(UNINTENDED)]
    assert hovered > 30 and len(hovered_links) > 15
    assert unintended == []
    assert everywhere_reader.dialogs == []
    assert everywhere_reader.outside_requests == []


def test_titles_show_as_text_in_the_navigation_title_and_table_of_contents(everywhere_reader: Reader) -> None:
    page = everywhere_reader.open("processes/weekly/")
    heading = page.locator("article h1").inner_text()
    assert "<img src=x onerror=alert('img')>" in heading
    assert "&lt;img src=x onerror=alert('entity')&gt;" in heading  # an entity shows as written
    # The titles the theme prints carry an invisible word joiner after each `<` (see render.theme_title).
    title = page.title().replace(WORD_JOINER, "")
    assert "</title><script>alert('title')</script>" in title
    assert "<img src=x onerror=alert('img')>" in title
    # The process is a section of the navigation, titled by the process.
    section = page.locator(".md-nav__item--section .md-nav__link", has_text="title").first
    assert "<img src=x onerror=alert('img')>" in section.inner_text().replace(WORD_JOINER, "")
    toc = page.locator(".md-sidebar--secondary .md-nav__link").all_inner_texts()
    assert any("<script>alert('script')</script>" in entry.replace(WORD_JOINER, "") for entry in toc)
    assert everywhere_reader.dialogs == []


def test_search_index_holds_hostile_values_as_json_text(everywhere_site: tuple[Path, str]) -> None:
    """The handbook's search index (generator.search) is plain JSON: a value is a string in it, whatever it holds."""
    site, _ = everywhere_site
    index = SearchIndex(site)
    files = index.files()
    assert {"meta.json", "0.json"} <= {path.name for path in files}
    for path in files:
        json.loads(path.read_text(encoding="utf-8"))  # every file parses: no value broke out of its string
    titles = [page[1] for page in index.meta["pages"]]
    texts = index.section_texts()
    for payload in ("<img src=x onerror=alert('img')>", "</title><script>alert('title')</script>"):
        assert any(payload in title.replace(WORD_JOINER, "") for title in titles), payload
        assert any(payload in text.replace(WORD_JOINER, "") for text in texts), payload
    # Written as a reader reads the page, not as its HTML: an entity in the data stays as typed.
    assert any("&lt;img src=x onerror=alert('entity')&gt;" in text for text in texts)
    assert "roles/lead/" in index.pages_with_words("onerror")


def test_search_results_show_hostile_titles_as_text(everywhere_reader: Reader) -> None:
    page = everywhere_reader.open("")
    opener = page.locator(".hb-search__open")
    if opener.is_visible():
        opener.click()
    box = page.locator("input.hb-search__input")
    box.click()
    box.press_sequentially("onerror")  # key by key, as a reader types
    page.locator('.hb-search[data-searched="onerror"]').wait_for(state="attached")
    results = page.locator(".hb-search__result")
    assert results.count() > 0
    texts = [text.replace(WORD_JOINER, "") for text in results.all_inner_texts()]
    assert any("<img src=x onerror=alert('img')>" in text for text in texts)
    assert page.locator(".hb-search img, .hb-search script, .hb-search [onerror]").count() == 0
    assert page.evaluate(UNINTENDED) == []
    assert everywhere_reader.dialogs == []
    assert everywhere_reader.outside_requests == []


def test_glossary_tooltip_shows_entities_as_text(everywhere_reader: Reader) -> None:
    page = everywhere_reader.open("glossary/")
    abbr = page.locator("article abbr", has_text="GMV").first
    abbr.hover()
    tooltip = page.locator(".md-tooltip2__inner").first
    tooltip.wait_for()
    text = tooltip.inner_text()
    assert "<img src=x onerror=alert('img')>" in text
    assert "&lt;img src=x onerror=alert('entity')&gt;" in text
    assert "&#x3c;img" in text
    assert tooltip.locator("img, script, svg, a").count() == 0
    assert everywhere_reader.dialogs == []


def test_mermaid_draws_only_the_intended_nodes(everywhere_reader: Reader) -> None:
    for path, count in (("processes/weekly/", 2),):
        page = everywhere_reader.open(path)
        page.wait_for_function("() => [...document.querySelectorAll('div.mermaid')].every(d => d.shadowRoot)")
        (diagram,) = page.evaluate(DIAGRAMS)
        assert len(diagram["nodes"]) == count, diagram["nodes"]
        assert all("%%{init" in node and "click s1 href" in node for node in diagram["nodes"])
        assert diagram["links"] == 0
        assert diagram["styled"] == []
        assert diagram["css"] == []
    assert everywhere_reader.dialogs == []
    assert everywhere_reader.outside_requests == []


def _raci_table(page: Any) -> list[list[str]]:
    table = page.locator("article table.handbook-raci__table")
    return [row.locator("th, td").all_inner_texts() for row in table.locator("tr").all()]


def test_raci_letters_stay_under_their_role(everywhere_reader: Reader) -> None:
    page = everywhere_reader.open("processes/weekly/")
    header, *rows = _raci_table(page)
    # The step, then one column per role taking part; a stage is a row of its own (one cell).
    assert len(header) == 4, header
    column = {name: 1 + next(i for i, cell in enumerate(header[1:]) if name in cell) for name in ROLE_NAMES}
    assert sorted(column.values()) == [1, 2, 3]
    step_rows = [row for row in rows if len(row) != 1]
    assert len(step_rows) == 4 and len(rows) == 4 + 2
    for row in step_rows:
        assert len(row) == 4, row
        assert (row[column["〔組長〕"]], row[column["〔組員〕"]], row[column["〔夥伴〕"]]) == ("A", "RI", "C")
