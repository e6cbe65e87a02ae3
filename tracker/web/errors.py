"""The app's one answer to a service error (``tracker.services.errors``): its Chinese message
with its status code. The API answers ``{"error": message}`` (and ``field`` when the error names
one); a form's view that opened its unit of work with ``back`` (``tracker.web.db.unit_of_work``)
has the message flashed and the browser sent back there; any other page shows the message on the
error page. Views that show the message beside a form field catch the error themselves."""
from __future__ import annotations

from flask import Flask, flash, g, jsonify, redirect, render_template, request

from tracker.services.errors import ServiceError


def service_error(exc: ServiceError):
    message = str(exc)
    if request.path.startswith("/api/"):
        body = {"error": message}
        field = getattr(exc, "field", None)
        if field is not None:
            body["field"] = field
        return jsonify(body), exc.status
    back = g.get("error_back")
    if back is not None:
        flash(message, "error")
        return redirect(back)
    return render_template("error.html", code=exc.status, message=message), exc.status


def init_app(app: Flask) -> None:
    app.register_error_handler(ServiceError, service_error)


__all__ = ["init_app", "service_error"]
