"""The app for a WSGI server: ``gunicorn 'tracker.web.wsgi:app' --preload --workers 2 --threads 4``
(``tracker serve`` runs waitress itself; configuration as for ``create_app``).

Everything alive once the app is built (the models, SQLAlchemy's and Flask's structures: some
130,000 objects) lives as long as the process, so it is moved out of the cyclic garbage
collector's sight (``gc.freeze``): the full collections that a large page's objects set off
then scan only the request's own objects (on the reviewer's queue with 100,000 pledges, a
pause of about 120 ms became about 35 ms). With ``--preload`` this happens once, before the
workers fork, and the frozen objects stay shared between them; the connection pool is emptied
first, so no worker inherits a connection.
"""
from __future__ import annotations

import gc

from tracker.web import create_app

app = create_app()
app.extensions["tracker.engine"].dispose()
gc.collect()
gc.freeze()
