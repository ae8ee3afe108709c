"""The site engines the handbook is built with: the MkDocs plugin (`mkdocs_plugin`, events only),
Zensical (`zensical`), the preview server (`serve`) and the reproducible build date.

May import every layer below (words, source, rules, render, search); commands and the CLI import it.
"""
