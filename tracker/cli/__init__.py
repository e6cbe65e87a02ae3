"""The ``tracker`` command. Each subcommand lives in its own module and imports
what it needs when it runs, so ``tracker extract`` never loads the web stack."""
from __future__ import annotations

import click

from tracker import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tracker")
def main() -> None:
    """承诺台账: extract, store, review and follow government pledges."""


def _register() -> None:
    from tracker.cli import db, extract, ingest, reextract, transfer

    main.add_command(extract.extract)
    main.add_command(db.db)
    main.add_command(ingest.ingest)
    main.add_command(reextract.reextract)
    main.add_command(transfer.export_db)
    main.add_command(transfer.import_db)

    from tracker.cli import export

    main.add_command(export.export)

    from tracker.cli import serve

    main.add_command(serve.serve)
    main.add_command(serve.demo)
    main.add_command(serve.user)

    from tracker.cli import publish

    main.add_command(publish.publish)


_register()
