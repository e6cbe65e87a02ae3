"""Errors a service raises for a broken domain rule. Messages are for people: zh-CN,
because editors and reviewers read them beside the form. ``status`` is the HTTP status the
web answers with when the error reaches the app's one handler (``tracker.web.errors``)."""
from __future__ import annotations


class ServiceError(ValueError):
    """A domain rule refused the change; ``str(exc)`` is the message to show."""

    status = 400


class NotAllowed(ServiceError):
    """The user's role may not do this."""

    status = 409


class NotFound(ServiceError):
    """The record the change names does not exist."""

    status = 404


class StaleEdit(ServiceError):
    """Someone saved the record after this form was loaded; ``current`` is the record as it is now."""

    status = 409

    def __init__(self, message: str, current=None) -> None:
        super().__init__(message)
        self.current = current


class EvidenceRequired(ServiceError):
    pass
