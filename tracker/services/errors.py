"""Errors a service raises for a broken domain rule. Messages are for people: zh-CN,
because editors and reviewers read them beside the form."""
from __future__ import annotations


class ServiceError(ValueError):
    """A domain rule refused the change; ``str(exc)`` is the message to show."""


class NotAllowed(ServiceError):
    """The user's role may not do this."""


class StaleEdit(ServiceError):
    """Someone saved the record after this form was loaded; ``current`` is the record as it is now."""

    def __init__(self, message: str, current=None) -> None:
        super().__init__(message)
        self.current = current


class EvidenceRequired(ServiceError):
    pass
