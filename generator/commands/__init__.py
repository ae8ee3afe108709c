"""One module per `handbook` command that has work of its own (as mkdocs' `commands/`).

`generator.cli` parses the arguments and calls these; they may import every layer below.
"""
