"""The tables of 承诺台账, as SQLAlchemy 2 typed declarative models.

Machine output and human decisions live apart:

* ``document`` holds each ingested text once (normalised, never rewritten);
* ``candidate`` rows are what one extractor version read in a document:
  immutable, never updated, one set per (document, extractor_version);
* ``pledge`` rows are the records people work on. Ingest creates a *pending*
  pledge per candidate (``origin = machine``, pointing back through
  ``candidate_id``); re-extraction may refresh a pledge only while it is pending
  and untouched (``is_machine_owned``); once an editor confirms, corrects or
  rejects it, or a reviewer rates it, no machine writes to it again;
* ``status_event`` and ``audit_event`` are append-only histories.

Enums are stored as VARCHAR with a named CHECK constraint on both databases;
spans carry CHECK (0 <= start < end). Constraint names follow ``NAMING``.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Optional

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from tracker.db.enums import (
    DateSource,
    DeadlineChange,
    DistrictLevel,
    DocumentFormat,
    FollowupOutcome,
    Channel,
    MissReason,
    PledgeOrigin,
    Precision,
    QuantityRole,
    RecipientKind,
    ReportState,
    ReviewState,
    Status,
    StatusEventKind,
    SuggestionState,
    TargetChange,
    UserRole,
    WebhookKind,
)
from tracker.db.types import ExactDecimal, UTCDateTime, utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JSONType = sa.JSON().with_variant(JSONB(), "postgresql")


def enum_column(enum_cls, name: str) -> sa.Enum:
    """VARCHAR + a CHECK constraint named ``ck_<table>_<name>`` listing the enum's values."""
    return sa.Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in enum_cls) + 4,
        values_callable=lambda cls: [m.value for m in cls],
        validate_strings=True,
    )


def span_check(prefix: str = "") -> sa.CheckConstraint:
    start, end = f"{prefix}start", f"{prefix}end"
    return sa.CheckConstraint(f'0 <= "{start}" AND "{start}" < "{end}"', name=f"{prefix}span")


def optional_span_check(prefix: str) -> sa.CheckConstraint:
    start, end = f"{prefix}start", f"{prefix}end"
    return sa.CheckConstraint(
        f'("{start}" IS NULL AND "{end}" IS NULL) OR (0 <= "{start}" AND "{start}" < "{end}")',
        name=f"{prefix}span",
    )


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING)
    type_annotation_map = {
        dt.datetime: UTCDateTime(),
        Decimal: ExactDecimal(),
        dict[str, Any]: JSONType,
        list[Any]: JSONType,
    }


class TimestampMixin:
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


# --- people and places -------------------------------------------------------------------


class Unit(TimestampMixin, Base):
    """A responsible unit (牵头单位): the pledges whose ``responsible_unit`` is its ``name`` are its
    own; its accounts (``user.unit_id``) report progress on them; ``tracker remind`` reaches it by
    e-mail and by its group robot's webhook."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    email: Mapped[Optional[str]] = mapped_column(sa.String(320))  # one or more, comma-separated
    webhook_url: Mapped[Optional[str]] = mapped_column(sa.String(2000))
    webhook_kind: Mapped[Optional[WebhookKind]] = mapped_column(enum_column(WebhookKind, "webhook_kind"))
    webhook_secret: Mapped[Optional[str]] = mapped_column(sa.String(200))  # 钉钉 加签 secret

    def __repr__(self) -> str:
        return f"<Unit {self.name}>"


class User(TimestampMixin, Base):
    __tablename__ = "user"
    __table_args__ = (
        sa.CheckConstraint("role <> 'unit' OR unit_id IS NOT NULL", name="unit_account_has_unit"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    role: Mapped[UserRole] = mapped_column(enum_column(UserRole, "role"), default=UserRole.READER)
    is_active: Mapped[bool] = mapped_column(default=True)
    #: one more at logout, a password, role or active change: every older login cookie ends
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")
    email: Mapped[Optional[str]] = mapped_column(sa.String(320))  # where reminders reach a reviewer
    unit_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("unit.id"), index=True)  # a unit account's unit

    unit: Mapped[Optional[Unit]] = relationship()

    def __repr__(self) -> str:
        return f"<User {self.name} {self.role.value}>"


class District(TimestampMixin, Base):
    """A province, city, district, county, town or functional zone; ``name`` is the full name (张店区)."""

    __tablename__ = "district"
    __table_args__ = (sa.UniqueConstraint("parent_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(50), index=True)
    level: Mapped[DistrictLevel] = mapped_column(enum_column(DistrictLevel, "level"))
    parent_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("district.id"), index=True)
    code: Mapped[Optional[str]] = mapped_column(sa.String(12), unique=True)  # 行政区划代码

    parent: Mapped[Optional["District"]] = relationship(remote_side=[id])
    aliases: Mapped[list["DistrictAlias"]] = relationship(
        back_populates="district", cascade="all, delete-orphan", order_by="DistrictAlias.alias"
    )

    def __repr__(self) -> str:
        return f"<District {self.name}>"


class DistrictAlias(Base):
    """Another name that means the same district (张店 → 张店区). Unique across all districts."""

    __tablename__ = "district_alias"

    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int] = mapped_column(sa.ForeignKey("district.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(sa.String(50), unique=True)

    district: Mapped[District] = relationship(back_populates="aliases")


class Official(TimestampMixin, Base):
    """One person, one row, whatever titles they held over the years (see ``official_title``)."""

    __tablename__ = "official"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(50), index=True)
    district_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("district.id"), index=True)

    district: Mapped[Optional[District]] = relationship()
    titles: Mapped[list["OfficialTitle"]] = relationship(
        back_populates="official", cascade="all, delete-orphan", order_by="OfficialTitle.id"
    )

    def __repr__(self) -> str:
        return f"<Official {self.name}>"


class OfficialTitle(Base):
    __tablename__ = "official_title"
    __table_args__ = (sa.UniqueConstraint("official_id", "title"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    official_id: Mapped[int] = mapped_column(sa.ForeignKey("official.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(sa.String(200))
    first_seen_on: Mapped[Optional[dt.date]]  # publication date of the first document that printed it

    official: Mapped[Official] = relationship(back_populates="titles")


# --- documents and machine output --------------------------------------------------------


class Document(Base):
    """One ingested article. ``text`` is the normalised text; every offset indexes into it."""

    __tablename__ = "document"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(500))
    source: Mapped[Optional[str]] = mapped_column(sa.String(2000))  # URL where known
    file_name: Mapped[str] = mapped_column(sa.String(500))
    format: Mapped[DocumentFormat] = mapped_column(enum_column(DocumentFormat, "format"))
    published_on: Mapped[Optional[dt.date]] = mapped_column(index=True)
    published_source: Mapped[Optional[DateSource]] = mapped_column(enum_column(DateSource, "published_source"))
    text: Mapped[str] = mapped_column(sa.Text)
    sha256: Mapped[str] = mapped_column(sa.String(64), unique=True)  # of ``text`` (UTF-8)
    raw_sha256: Mapped[str] = mapped_column(sa.String(64), index=True)  # of the decoded text before normalising
    encoding: Mapped[str] = mapped_column(sa.String(40))
    extractor_version: Mapped[str] = mapped_column(sa.String(40))  # of the latest extraction run
    ingested_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    # The document's government and speaker as its user gave them (manifest.csv, --district, --official):
    # they fill a pledge's district and official where the text names none, now and on every re-extraction.
    given_district: Mapped[Optional[str]] = mapped_column(sa.String(50))
    given_official: Mapped[Optional[str]] = mapped_column(sa.String(50))
    given_official_title: Mapped[Optional[str]] = mapped_column(sa.String(200))

    candidates: Mapped[list["Candidate"]] = relationship(back_populates="document", order_by="Candidate.id")
    pledges: Mapped[list["Pledge"]] = relationship(
        back_populates="document", foreign_keys="Pledge.document_id", order_by="Pledge.start"
    )

    def __repr__(self) -> str:
        return f"<Document {self.id} {self.file_name}>"


class Candidate(Base):
    """What one extractor version read in one document: immutable machine output."""

    __tablename__ = "candidate"
    __table_args__ = (
        sa.UniqueConstraint("document_id", "extractor_version", "ordinal"),
        span_check(),
        sa.CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(sa.ForeignKey("document.id"))
    extractor_version: Mapped[str] = mapped_column(sa.String(40))
    ordinal: Mapped[int]  # position in the run's output
    start: Mapped[int]
    end: Mapped[int]
    quote: Mapped[str] = mapped_column(sa.Text)
    district_name: Mapped[Optional[str]] = mapped_column(sa.String(50))
    official_name: Mapped[Optional[str]] = mapped_column(sa.String(50))
    official_title: Mapped[Optional[str]] = mapped_column(sa.String(200))
    action: Mapped[Optional[str]] = mapped_column(sa.String(100))
    object: Mapped[Optional[str]] = mapped_column(sa.String(200))
    qualifier: Mapped[Optional[str]] = mapped_column(sa.String(50))
    deadline_raw: Mapped[Optional[str]] = mapped_column(sa.String(100))
    due_on: Mapped[Optional[dt.date]]
    deadline_precision: Mapped[Optional[Precision]] = mapped_column(enum_column(Precision, "deadline_precision"))
    deadline_inherited: Mapped[bool] = mapped_column(default=False)
    responsible_unit: Mapped[Optional[str]] = mapped_column(sa.String(200))  # 牵头单位 the text names
    # [{"value": "417", "value_max": null, "unit": "亿元", "raw": "417亿元", "role": "amount", "start": 12, "end": 18}]
    quantities: Mapped[list[Any]] = mapped_column(default=list)
    confidence: Mapped[float]
    cues: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    document: Mapped[Document] = relationship(back_populates="candidates")

    def __repr__(self) -> str:
        return f"<Candidate {self.id} v{self.extractor_version} {self.quote[:20]!r}>"


# --- human records -----------------------------------------------------------------------


class Pledge(Base):
    """A pledge people work on: reviewed by editors, rated by reviewers.

    ``version_id`` is the optimistic lock: a form carries it back and a stale
    write raises ``StaleDataError``. ``is_machine_owned`` tells whether the
    extractor may still refresh it.
    """

    __tablename__ = "pledge"
    __table_args__ = (
        span_check(),
        sa.CheckConstraint("confidence IS NULL OR (confidence >= 0 AND confidence <= 1)", name="confidence"),
        sa.CheckConstraint("merged_into_id IS NULL OR merged_into_id <> id", name="not_merged_into_self"),
        sa.Index("ix_pledge_document_id_start", "document_id", "start"),
        sa.Index("ix_pledge_review_state_confidence", "review_state", "confidence"),
        sa.Index("ix_pledge_status_due_on", "status", "due_on"),
        # the pledge page's possible duplicates (same object and district): a probe, not a district's every row
        sa.Index("ix_pledge_object_district_id", "object", "district_id"),
        # the list filtered by district, newest first: the district's rows in id order, not every pledge's
        sa.Index("ix_pledge_district_id_id", "district_id", "id"),
        # (PostgreSQL also holds two partial indexes, ix_pledge_confirmed_due_on and ix_pledge_open_due_on, for
        # the ledger's and the reviewer's queue's counts: see migration 0009 and fulltext.POSTGRESQL_ONLY_INDEXES)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(sa.ForeignKey("document.id"))
    candidate_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("candidate.id"), unique=True)
    origin: Mapped[PledgeOrigin] = mapped_column(enum_column(PledgeOrigin, "origin"), default=PledgeOrigin.MACHINE)
    start: Mapped[int]
    end: Mapped[int]
    quote: Mapped[str] = mapped_column(sa.Text)
    district_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("district.id"), index=True)
    official_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("official.id"), index=True)
    responsible_unit: Mapped[Optional[str]] = mapped_column(sa.String(200), index=True)  # 牵头单位
    action: Mapped[Optional[str]] = mapped_column(sa.String(100))
    object: Mapped[Optional[str]] = mapped_column(sa.String(200))
    qualifier: Mapped[Optional[str]] = mapped_column(sa.String(50))
    deadline_raw: Mapped[Optional[str]] = mapped_column(sa.String(100))
    due_on: Mapped[Optional[dt.date]] = mapped_column(index=True)
    deadline_precision: Mapped[Optional[Precision]] = mapped_column(enum_column(Precision, "deadline_precision"))
    deadline_inherited: Mapped[bool] = mapped_column(default=False)
    confidence: Mapped[Optional[float]]  # the candidate's; NULL for a pledge an editor added

    review_state: Mapped[ReviewState] = mapped_column(
        enum_column(ReviewState, "review_state"), default=ReviewState.PENDING, index=True
    )
    is_corrected: Mapped[bool] = mapped_column(default=False)  # confirmed with corrections
    reject_reason: Mapped[Optional[str]] = mapped_column(sa.Text)
    reviewed_by_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"))
    reviewed_at: Mapped[Optional[dt.datetime]]

    # The status in force (a proposed 未完成 does not count until confirmed; see status_event).
    status: Mapped[Status] = mapped_column(enum_column(Status, "status"), default=Status.UNASSESSED, index=True)
    status_on: Mapped[Optional[dt.date]]  # the as-of date of the status in force
    miss_reason: Mapped[Optional[MissReason]] = mapped_column(enum_column(MissReason, "miss_reason"))
    miss_note: Mapped[Optional[str]] = mapped_column(sa.Text)

    merged_into_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("pledge.id"), index=True)
    claimed_by_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"))
    claim_expires_at: Mapped[Optional[dt.datetime]]

    version_id: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    document: Mapped[Document] = relationship(back_populates="pledges", foreign_keys=[document_id])
    candidate: Mapped[Optional[Candidate]] = relationship()
    district: Mapped[Optional[District]] = relationship()
    official: Mapped[Optional[Official]] = relationship()
    quantities: Mapped[list["Quantity"]] = relationship(
        back_populates="pledge", cascade="all, delete-orphan", order_by="Quantity.position"
    )
    sources: Mapped[list["PledgeSource"]] = relationship(
        back_populates="pledge", cascade="all, delete-orphan", foreign_keys="PledgeSource.pledge_id",
        order_by="PledgeSource.id",
    )
    status_events: Mapped[list["StatusEvent"]] = relationship(
        back_populates="pledge", foreign_keys="StatusEvent.pledge_id", order_by="StatusEvent.id"
    )
    merged_into: Mapped[Optional["Pledge"]] = relationship(remote_side=[id], foreign_keys=[merged_into_id])
    reviewed_by: Mapped[Optional[User]] = relationship(foreign_keys=[reviewed_by_id])
    claimed_by: Mapped[Optional[User]] = relationship(foreign_keys=[claimed_by_id])

    __mapper_args__ = {"version_id_col": version_id}

    @property
    def is_machine_owned(self) -> bool:
        """True while no person has decided anything about this pledge."""
        return (
            self.origin is PledgeOrigin.MACHINE
            and self.review_state is ReviewState.PENDING
            and self.status is Status.UNASSESSED
            and not self.is_corrected
            and self.merged_into_id is None
            and self.reviewed_by_id is None
        )

    def __repr__(self) -> str:
        return f"<Pledge {self.id} {self.review_state.value} {self.quote[:20]!r}>"


class Quantity(Base):
    """One number of a pledge, exact (``Decimal``), in the written unit; ``achieved_value`` is the reviewer's."""

    __tablename__ = "quantity"
    __table_args__ = (sa.UniqueConstraint("pledge_id", "position"), optional_span_check(""))

    id: Mapped[int] = mapped_column(primary_key=True)
    pledge_id: Mapped[int] = mapped_column(sa.ForeignKey("pledge.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)  # 0 is the primary quantity
    value: Mapped[Decimal]
    value_max: Mapped[Optional[Decimal]]  # upper bound of a range (3至5年)
    unit: Mapped[str] = mapped_column(sa.String(20))
    raw: Mapped[str] = mapped_column(sa.String(50))
    role: Mapped[QuantityRole] = mapped_column(enum_column(QuantityRole, "role"), default=QuantityRole.OTHER)
    start: Mapped[Optional[int]]  # offsets of ``raw`` in the document text, where known
    end: Mapped[Optional[int]]
    achieved_value: Mapped[Optional[Decimal]]
    achieved_on: Mapped[Optional[dt.date]]

    pledge: Mapped[Pledge] = relationship(back_populates="quantities")


class PledgeSource(Base):
    """A further document reporting the same pledge (after a merge of duplicates)."""

    __tablename__ = "pledge_source"
    __table_args__ = (sa.UniqueConstraint("pledge_id", "document_id", "start", "end"), span_check())

    id: Mapped[int] = mapped_column(primary_key=True)
    pledge_id: Mapped[int] = mapped_column(sa.ForeignKey("pledge.id", ondelete="CASCADE"))
    document_id: Mapped[int] = mapped_column(sa.ForeignKey("document.id"), index=True)
    start: Mapped[int]
    end: Mapped[int]
    quote: Mapped[str] = mapped_column(sa.Text)
    merged_pledge_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("pledge.id"))  # the duplicate merged in
    added_by_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"))
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    pledge: Mapped[Pledge] = relationship(back_populates="sources", foreign_keys=[pledge_id])
    document: Mapped[Document] = relationship()


class StatusEvent(Base):
    """One dated entry on a pledge's status timeline. Append-only: never updated or deleted.

    ``kind`` says how it counts: ``effective`` at once; ``proposed`` (a 未完成 verdict
    awaiting a second reviewer); ``confirmation`` / ``withdrawal`` of the proposal
    named by ``responds_to_id``. ``as_of_on`` is the day the status describes;
    ``created_at`` is when it was recorded (``--as-of`` rebuilds read both).
    """

    __tablename__ = "status_event"
    __table_args__ = (
        sa.Index("ix_status_event_pledge_id_as_of_on", "pledge_id", "as_of_on"),
        # is this proposal answered? a probe for each open proposal a list shows (not a scan of the trail)
        sa.Index("ix_status_event_responds_to_id", "responds_to_id"),
        optional_span_check("evidence_"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pledge_id: Mapped[int] = mapped_column(sa.ForeignKey("pledge.id"))
    kind: Mapped[StatusEventKind] = mapped_column(
        enum_column(StatusEventKind, "kind"), default=StatusEventKind.EFFECTIVE
    )
    old_status: Mapped[Optional[Status]] = mapped_column(enum_column(Status, "old_status"))
    new_status: Mapped[Status] = mapped_column(enum_column(Status, "new_status"))
    as_of_on: Mapped[dt.date]
    note: Mapped[Optional[str]] = mapped_column(sa.Text)
    evidence_url: Mapped[Optional[str]] = mapped_column(sa.String(2000))
    evidence_quote: Mapped[Optional[str]] = mapped_column(sa.Text)
    evidence_document_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("document.id"))
    evidence_start: Mapped[Optional[int]]
    evidence_end: Mapped[Optional[int]]
    miss_reason: Mapped[Optional[MissReason]] = mapped_column(enum_column(MissReason, "miss_reason"))
    quantity_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("quantity.id", ondelete="SET NULL"))
    achieved_value: Mapped[Optional[Decimal]]
    responds_to_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("status_event.id"))
    user_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)

    pledge: Mapped[Pledge] = relationship(back_populates="status_events", foreign_keys=[pledge_id])
    user: Mapped[Optional[User]] = relationship()
    evidence_document: Mapped[Optional[Document]] = relationship()
    responds_to: Mapped[Optional["StatusEvent"]] = relationship(remote_side=[id])


class AuditEvent(Base):
    """Append-only record of every change a person or a machine made: who, when, what, old → new.

    ``entity``/``entity_id`` name the row changed (no foreign key, so the history
    outlives a machine-owned pledge that re-extraction retracts). ``user_id`` is
    NULL for machine changes; ``actor`` then says which (``extractor 1``).
    """

    __tablename__ = "audit_event"
    __table_args__ = (sa.Index("ix_audit_event_entity_entity_id", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"), index=True)
    actor: Mapped[str] = mapped_column(sa.String(100))
    entity: Mapped[str] = mapped_column(sa.String(40))
    entity_id: Mapped[int]
    action: Mapped[str] = mapped_column(sa.String(40))
    old: Mapped[Optional[dict[str, Any]]]
    new: Mapped[Optional[dict[str, Any]]]
    note: Mapped[Optional[str]] = mapped_column(sa.Text)

    user: Mapped[Optional[User]] = relationship()


class ProgressReport(Base):
    """Progress a unit's account reported on one of its pledges: a note, a figure, evidence and an
    optional file. It changes no status: a reviewer accepts it (``status_event_id`` is the event
    recorded from it) or returns it with ``return_reason``. Append-only but for that answer."""

    __tablename__ = "progress_report"
    __table_args__ = (
        sa.CheckConstraint("achieved_value IS NULL OR achieved_value >= 0", name="achieved_not_negative"),
        sa.CheckConstraint("file_size IS NULL OR file_size >= 0", name="file_size"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pledge_id: Mapped[int] = mapped_column(sa.ForeignKey("pledge.id"), index=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("unit.id"), index=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    as_of_on: Mapped[dt.date]
    note: Mapped[str] = mapped_column(sa.Text)
    achieved_value: Mapped[Optional[Decimal]]
    evidence_url: Mapped[Optional[str]] = mapped_column(sa.String(2000))
    evidence_text: Mapped[Optional[str]] = mapped_column(sa.Text)
    # the attached file: kept under the instance folder by its sha256, never by the name given
    file_name: Mapped[Optional[str]] = mapped_column(sa.String(200))
    file_type: Mapped[Optional[str]] = mapped_column(sa.String(100))
    file_size: Mapped[Optional[int]]
    file_sha256: Mapped[Optional[str]] = mapped_column(sa.String(64))
    state: Mapped[ReportState] = mapped_column(enum_column(ReportState, "state"), default=ReportState.SUBMITTED,
                                               index=True)
    reviewed_by_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"))
    reviewed_at: Mapped[Optional[dt.datetime]]
    return_reason: Mapped[Optional[str]] = mapped_column(sa.Text)
    status_event_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("status_event.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    pledge: Mapped[Pledge] = relationship()
    unit: Mapped[Unit] = relationship()
    user: Mapped[User] = relationship(foreign_keys=[user_id])
    reviewed_by: Mapped[Optional[User]] = relationship(foreign_keys=[reviewed_by_id])
    status_event: Mapped[Optional[StatusEvent]] = relationship()


class Reminder(Base):
    """One 催办 sent: a pledge listed in a digest that reached a unit or a reviewer on a day, by one
    channel. Append-only; ``tracker remind`` reads it to send once a day per recipient and channel."""

    __tablename__ = "reminder"
    __table_args__ = (sa.Index("ix_reminder_pledge_id_sent_on", "pledge_id", "sent_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pledge_id: Mapped[int] = mapped_column(sa.ForeignKey("pledge.id"))
    sent_on: Mapped[dt.date]  # the day in Asia/Shanghai
    recipient_kind: Mapped[RecipientKind] = mapped_column(enum_column(RecipientKind, "recipient_kind"))
    recipient: Mapped[str] = mapped_column(sa.String(200))  # the unit's or the reviewer's name
    unit_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("unit.id"))
    user_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"))
    channel: Mapped[Channel] = mapped_column(enum_column(Channel, "channel"))
    flag: Mapped[Optional[str]] = mapped_column(sa.String(10))  # red / yellow / blue / due, as listed that day
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class PledgeSearch(Base):
    """The words a pledge can be found by (derived from its quote, object and document title; see
    ``tracker.db.fulltext``). Kept current by the mapper events there and by ingest; not exported
    by export-db but rebuilt on import, and by ``tracker db reindex``."""

    __tablename__ = "pledge_search"

    pledge_id: Mapped[int] = mapped_column(sa.ForeignKey("pledge.id", ondelete="CASCADE"), primary_key=True,
                                           autoincrement=False)
    words: Mapped[str] = mapped_column(sa.Text)


# --- follow-up: what later documents tell of earlier pledges (machine output kept apart) ----


class Suggestion(Base):
    """The matcher's reading of one later document for one pledge: an outcome with its evidence.

    Machine output, never a status: a reviewer accepts it (the status service then records a
    ``status_event`` with the document and quote as evidence, linked by ``status_event_id``),
    accepts it corrected, or dismisses it with a reason. Re-running the matcher refreshes only
    pending suggestions; a decided one is never touched again. One per (pledge, document).
    """

    __tablename__ = "suggestion"
    __table_args__ = (
        sa.UniqueConstraint("pledge_id", "document_id"),
        optional_span_check("evidence_"),
        sa.CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence"),
        sa.Index("ix_suggestion_state_confidence", "state", "confidence"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pledge_id: Mapped[int] = mapped_column(sa.ForeignKey("pledge.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(sa.ForeignKey("document.id"), index=True)  # the later document
    outcome: Mapped[FollowupOutcome] = mapped_column(enum_column(FollowupOutcome, "outcome"))
    evidence_start: Mapped[Optional[int]]
    evidence_end: Mapped[Optional[int]]
    evidence_quote: Mapped[Optional[str]] = mapped_column(sa.Text)
    # [{"value": "1.35", "value_max": null, "unit": "万人", "raw": "1.35万人", "role": "count", "start": 5, "end": 11}]
    reported: Mapped[list[Any]] = mapped_column(default=list)
    confidence: Mapped[float]
    matcher_version: Mapped[str] = mapped_column(sa.String(40))
    state: Mapped[SuggestionState] = mapped_column(enum_column(SuggestionState, "state"),
                                                   default=SuggestionState.PENDING)
    decided_status: Mapped[Optional[Status]] = mapped_column(enum_column(Status, "decided_status"))
    decided_value: Mapped[Optional[Decimal]]
    reason: Mapped[Optional[str]] = mapped_column(sa.Text)  # why it was dismissed or corrected
    decided_by_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("user.id"))
    decided_at: Mapped[Optional[dt.datetime]]
    status_event_id: Mapped[Optional[int]] = mapped_column(sa.ForeignKey("status_event.id"))
    version_id: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    pledge: Mapped[Pledge] = relationship()
    document: Mapped[Document] = relationship()
    decided_by: Mapped[Optional[User]] = relationship()
    status_event: Mapped[Optional[StatusEvent]] = relationship()

    __mapper_args__ = {"version_id_col": version_id}

    def __repr__(self) -> str:
        return f"<Suggestion {self.id} pledge {self.pledge_id} doc {self.document_id} {self.outcome.value}>"


class Restatement(Base):
    """A later pledge that restates an earlier one (再新建…, 继续推进…, a new target or deadline):
    machine output, replaced whenever the matcher reads the later document again."""

    __tablename__ = "restatement"
    __table_args__ = (
        sa.UniqueConstraint("earlier_pledge_id", "later_pledge_id"),
        sa.CheckConstraint("earlier_pledge_id <> later_pledge_id", name="not_self"),
        sa.CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    earlier_pledge_id: Mapped[int] = mapped_column(sa.ForeignKey("pledge.id", ondelete="CASCADE"))
    later_pledge_id: Mapped[int] = mapped_column(sa.ForeignKey("pledge.id", ondelete="CASCADE"), index=True)
    target_change: Mapped[TargetChange] = mapped_column(enum_column(TargetChange, "target_change"))
    deadline_change: Mapped[DeadlineChange] = mapped_column(enum_column(DeadlineChange, "deadline_change"))
    changes: Mapped[list[Any]] = mapped_column(default=list)  # the matcher's words: target_raised, same …
    confidence: Mapped[float]
    matcher_version: Mapped[str] = mapped_column(sa.String(40))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    earlier: Mapped[Pledge] = relationship(foreign_keys=[earlier_pledge_id])
    later: Mapped[Pledge] = relationship(foreign_keys=[later_pledge_id])


#: Tables in an order that respects foreign keys (parents first); export/import use it.
TABLES_IN_ORDER = [m.__table__ for m in (
    Unit, User, District, DistrictAlias, Official, OfficialTitle, Document, Candidate, Pledge, Quantity,
    PledgeSource, StatusEvent, AuditEvent, Suggestion, Restatement, ProgressReport, Reminder,
)]
#: Tables derived from the others: export-db leaves them out, import-db rebuilds them.
DERIVED_TABLES = [PledgeSearch.__table__]
