"""`handbook --help` in the handbook's language.

Click takes help texts from the decorators, once, in English. Before it parses the
command line, `HandbookGroup` decides the language (`--lang` if given, else the theme
language of the mkdocs.yml in the current folder) and replaces every command's and
option's help with the catalog text `help.<command>[.<option>]`, and the formatter
writes "Usage:", "Options" and "Commands" in that language. The English catalog
holds the decorators' own text (tests/test_cli_help.py checks that every command
and option has its key, and that the English ones match the decorators).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from generator.render.output_escaping import log_line
from generator.source.site_config import ConfigUnreadable, read_site_config, theme_language
from generator.words.languages import Language, handbook_language
from generator.words.messages import EN, msg, render

# Click's own words, which it writes through gettext in English.
_SECTIONS = {"Options": "help.section.options", "Commands": "help.section.commands"}


def help_key(command: str, option: str | None = None) -> str:
    """The catalog key of a command's help (`help.validate`) or of one of its options.

    An option's key is `help.<command>.<option>` (`help.validate.strict`), or `help.<option>`
    for an option several commands share with the same meaning (`help.lang`).
    """
    if option is None:
        return f"help.{command}"
    own = f"help.{command}.{option}"
    return own if own in EN else f"help.{option}"


def _language_of_invocation(args: Sequence[str]) -> Language:
    """The handbook's language for this command line: its `--lang X` / `--lang=X`, and ./mkdocs.yml.

    Help is printed before click has parsed anything, so the option is read from the
    arguments here; the decision itself is `handbook_language`'s, as for every command.
    """
    chosen = None
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            chosen = args[index + 1]
            break
        if arg.startswith("--lang="):
            chosen = arg.partition("=")[2]
            break
    try:
        theme = theme_language(read_site_config(Path.cwd())) if not chosen else None
    except ConfigUnreadable:
        theme = None
    return handbook_language(chosen=chosen, theme_language=theme)


def _catalog_help(key: str, language: Language, fallback: str | None) -> str | None:
    """The catalog's text for `key`, or the decorator's own when the catalog lacks it."""
    return render(msg(key), language) if key in EN else fallback


class _Formatter(click.HelpFormatter):
    def __init__(self, *args: Any, language: Language, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language = language

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        usage = render(msg("help.usage"), self.language)
        # A full-width colon carries its own space.
        super().write_usage(prog, args, prefix=usage if usage.endswith("：") else f"{usage} ")

    def write_heading(self, heading: str) -> None:
        # Imported here: the package imports Jinja, which a command that prints no help never needs.
        from generator.words.labels import labels_for

        colon = labels_for(self.language)["colon"].rstrip()
        self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        key = _SECTIONS.get(name)
        with super().section(render(msg(key), self.language) if key else name):
            yield


class _Context(click.Context):
    def make_formatter(self) -> click.HelpFormatter:
        root = self.find_root().command
        language: Language = root.language if isinstance(root, HandbookGroup) else "en"
        return _Formatter(width=self.terminal_width, max_width=self.max_content_width, language=language)


class _Command(click.Command):
    context_class = _Context

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        root = ctx.find_root().command
        if option is not None and isinstance(root, HandbookGroup):
            option.help = render(msg("help.option.help"), root.language)
        return option


# The exit code of a failure the tool did not foresee (1: problems found, 2: cannot run).
EXIT_UNEXPECTED = 3
# How much of an unforeseen error's own text the one line quotes.
UNEXPECTED_SHOWN = 200


class HandbookGroup(click.Group):
    """The `handbook` command group: its help, and its commands' help, in the handbook's language."""

    context_class = _Context
    command_class = _Command
    language: Language = "en"

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = render(msg("help.option.help"), self.language)
        return option

    def main(self, args: Sequence[str] | None = None, *pos: Any, **kwargs: Any) -> Any:
        arguments = list(sys.argv[1:] if args is None else args)
        self.language = _language_of_invocation(arguments)
        if self.language == "en":
            return super().main(arguments, *pos, **kwargs)
        # The commands are module-level objects: give them back their English afterwards
        # (main exits through SystemExit), so a second run in one process starts afresh.
        saved = self._translate_help()
        try:
            return super().main(arguments, *pos, **kwargs)
        finally:
            for target, attribute, value in saved:
                setattr(target, attribute, value)
            self.language = "en"

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; an exception nobody expected becomes one line and exit code 3 (`--debug`: the traceback)."""
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as error:
            if ctx.params.get("debug"):
                raise
            detail = log_line(f"{type(error).__name__}: {error}")
            if len(detail) > UNEXPECTED_SHOWN:
                detail = detail[:UNEXPECTED_SHOWN] + "…"
            unexpected = msg("run.unexpected", command=ctx.invoked_subcommand or "", error=detail)
            click.echo(f"handbook: {render(unexpected, self.language)}", err=True)
            sys.exit(EXIT_UNEXPECTED)

    def _translate_help(self) -> list[tuple[Any, str, Any]]:
        """Put the catalog's help on every command and option; return what was there before."""
        saved: list[tuple[Any, str, Any]] = []
        commands: list[tuple[str, click.Command]] = [("main", self), *self.commands.items()]
        for name, command in commands:
            saved.append((command, "help", command.help))
            command.help = _catalog_help(help_key(name), self.language, command.help)
            for param in command.params:
                if isinstance(param, click.Option) and param.name:
                    key = help_key(name, param.name)
                    if key not in EN:
                        continue  # tests/test_cli_help.py reports it; the command must still run
                    saved += [(param, "help", param.help), (param, "show_default", param.show_default)]
                    param.help = render(msg(key), self.language)
                    # Click writes "[default: …]" in English: the catalog text names the default.
                    param.show_default = False
        return saved
