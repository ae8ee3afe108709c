"""The site engines the handbook is built with, beside the MkDocs plugin (`generator.mkdocs_plugin`):
Zensical (`zensical`), the preview server (`serve`) and the reproducible build date.

May import every layer below (words, source, rules, render, search); commands and the CLI import it.
"""
