"""``tracker publish DIR``: the public site as static files (``tracker.web.publish``)."""
from __future__ import annotations

import secrets
from pathlib import Path

import click


@click.command()
@click.argument("target", type=click.Path(file_okay=False, path_type=Path))
@click.option("--site-url", help="The live app's address: links to pages not published (the editor's "
                                 "pages, filtered views, the login) point there; else they lose their target.")
@click.option("--force", is_flag=True, help="Render every page even when the data has not changed.")
def publish(target: Path, site_url: str | None, force: bool) -> None:
    """Write the public site (台账, status tables, dashboard, scorecards, pledge pages and their
    CSV / Excel / JSON files) into TARGET as static files with relative links. Run again, it
    writes only what changed (TARGET/.tracker-publish.json remembers what it wrote)."""
    from tracker.db import migrate
    from tracker.db.engine import redacted
    from tracker.web import create_app
    from tracker.web.publish import publish as publish_site

    # the pages are rendered for an anonymous reader and no session leaves this process: any key will do
    app = create_app({"SECRET_KEY": secrets.token_hex(32), "PUBLIC_READ": True, "SERVER_NAME": None})
    url = app.config["DATABASE_URL"]
    try:
        if migrate.current_revision(url) != migrate.head_revision():
            raise click.ClickException(f"{redacted(url)} is not migrated: run `tracker db upgrade` first")
        report = publish_site(app, target, site_url=site_url, force=force)
    finally:
        app.extensions["tracker.engine"].dispose()
    click.echo(report.line())


__all__ = ["publish"]
