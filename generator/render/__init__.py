"""Render the model into Markdown pages through Jinja templates.

Python decides what goes on a page (who owns what, which steps a role takes
part in); the templates in `templates/` only lay it out. Every value from YAML
is escaped on the way out (see `markdown_text`), so text in a YAML file can
never become HTML, an attribute list or a line break in the page.

`urls` (where pages live), `escaping` (one function per output), `renderer` (the Jinja
environment and the page renderer), one module per page family that is not the renderer's
own (`departments`, `checklists`, `redirects`), `navigation`, and `reporting` (findings as text,
JSON and GitHub annotations).
"""
