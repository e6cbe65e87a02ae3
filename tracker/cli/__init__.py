"""The ``tracker`` command. Each subcommand lives in its own module and imports
what it needs when it runs, so ``tracker extract`` never loads the web stack."""
from __future__ import annotations

import re

import click

from tracker import __version__
from tracker.cli import words, zh

zh.install()  # click's own messages (Usage:, Error: …) in Chinese, before any command is declared


class _Main(click.Group):
    """A database that cannot be used (an invalid DATABASE_URL, a server that does not answer) is one
    Chinese line and exit status 1 for every command, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except Exception as exc:
            message = words.database_problem(exc)
            if message is None:
                raise
            raise click.ClickException(message) from None


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tracker")
def main() -> None:
    """承诺台账：抽取、入库、审核并跟踪地方政府的量化承诺。

    每个子命令后加 --help 查看用法，例如 tracker demo --help。
    """


def _register() -> None:
    """The subcommands, imported here rather than at the top: each module declares its command when
    imported, which must come after ``zh.install()`` (click's words in Chinese) and after ``main``."""
    from tracker.cli import db, export, extract, followup, ingest, publish, reextract, remind, serve, transfer

    for command in (extract.extract, db.db, ingest.ingest, reextract.reextract, transfer.export_db,
                    transfer.import_db, export.export, serve.serve, serve.demo, serve.user, followup.followup,
                    remind.remind, remind.unit, publish.publish):
        main.add_command(command)


def _first_paragraph(text: str) -> str:
    """A help's first paragraph on one line (lines joined with a space, none between Chinese characters)."""
    lines = [line.strip() for line in text.strip().split("\n\n")[0].splitlines()]
    joined = lines[0]
    for line in lines[1:]:
        cjk = joined and line and joined[-1] > "\u2e80" and line[0] > "\u2e80"
        joined += ("" if cjk else " ") + line
    return joined


def _usage_words(command) -> None:
    """Usage lines in Chinese: tracker [选项] 子命令 [参数]... (click's own words there are no messages);
    each command's line in a list is its help's first phrase, its bracketed asides left out (click cuts
    a Chinese sentence with “...”, finding no spaces between its words)."""
    command.options_metavar = "[选项]"
    if command.help and not command.short_help:
        first = re.sub(r"（[^（）]*）|\([^()]*\)", "", _first_paragraph(command.help))  # its asides dropped
        command.short_help = re.split(r"[：:；。]", first, maxsplit=1)[0].strip() or first
    if isinstance(command, click.Group):
        command.subcommand_metavar = "子命令 [参数]..."
        for sub in command.commands.values():
            _usage_words(sub)


_register()
_usage_words(main)
