"""The closed vocabularies of the database, each a ``StrEnum`` with lowercase values
and one Chinese label per member in a single mapping (``LABELS``).

This module imports nothing heavy: forms, templates and exports read the labels
without loading SQLAlchemy.
"""
from __future__ import annotations

import enum
import sys

from tracker.extract.model import Precision as _ExtractPrecision, Role as _ExtractRole

if sys.version_info >= (3, 11):
    from enum import StrEnum
else:  # pragma: no cover - Python 3.10
    class StrEnum(str, enum.Enum):
        def __str__(self) -> str:
            return str(self.value)


class Labelled(StrEnum):
    """A StrEnum whose members carry their Chinese label (``Status.DONE.label == "已完成"``)."""

    @property
    def label(self) -> str:
        return LABELS[self]

    @classmethod
    def from_label(cls, label: str):
        for member in cls:
            if LABELS[member] == label:
                return member
        raise ValueError(f"{label!r} is not a {cls.__name__} label")

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(value, label) pairs in declaration order, e.g. for a WTForms SelectField."""
        return [(m.value, LABELS[m]) for m in cls]


class DistrictLevel(Labelled):
    PROVINCE = "province"
    CITY = "city"
    DISTRICT = "district"
    COUNTY = "county"
    TOWN = "town"
    ZONE = "zone"  # 开发区 / 高新区: a functional zone run like a district


class UserRole(Labelled):
    READER = "reader"
    EDITOR = "editor"
    REVIEWER = "reviewer"
    ADMIN = "admin"
    UNIT = "unit"  # a responsible unit's account: reports progress on its own pledges, nothing else


class ReviewState(Labelled):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class Status(Labelled):
    UNASSESSED = "unassessed"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    PARTLY_DONE = "partly_done"
    MISSED = "missed"
    STALLED = "stalled"
    UNASSESSABLE = "unassessable"


# How exactly a deadline is known: the extractor's vocabulary (``tracker.extract.model.Precision``).
Precision = Labelled("Precision", [(m.name, m.value) for m in _ExtractPrecision], module=__name__,
                     qualname="Precision")


# What a quantity measures: the extractor's vocabulary (``tracker.extract.model.Role``, where
# roles are assigned), stored and labelled here; one list of members, defined once.
QuantityRole = Labelled("QuantityRole", [(m.name, m.value) for m in _ExtractRole], module=__name__,
                        qualname="QuantityRole")


class MissReason(Labelled):
    FUNDING = "funding"
    APPROVAL = "approval"
    POLICY = "policy"
    OBJECTIVE = "objective"
    OTHER = "other"


class StatusEventKind(Labelled):
    """How a status event counts: in force at once, a proposal awaiting a second
    reviewer (未完成 needs two), the second reviewer's confirmation of a proposal,
    or the withdrawal of a proposal."""

    EFFECTIVE = "effective"
    PROPOSED = "proposed"
    CONFIRMATION = "confirmation"
    WITHDRAWAL = "withdrawal"


class DocumentFormat(Labelled):
    TEXT = "text"
    HTML = "html"
    DOCX = "docx"
    PDF = "pdf"


class DateSource(Labelled):
    """Where a document's publication date came from."""

    GIVEN = "given"  # --published on the command line
    MANIFEST = "manifest"  # manifest.csv beside the batch
    STATED = "stated"  # found in the text by the extractor


class PledgeOrigin(Labelled):
    MACHINE = "machine"  # created from a candidate at ingest
    MANUAL = "manual"  # added by an editor from a selection


class FollowupOutcome(Labelled):
    """What a later document tells of a pledge (the matcher's ``tracker.extract.followup.Outcome``)."""

    DONE = "done"
    EXCEEDED = "exceeded"
    PARTIAL = "partial"
    MISSED = "missed"
    NOT_REPORTED = "not_reported"
    NOT_DUE = "not_due"


class SuggestionState(Labelled):
    """A follow-up suggestion's fate: machine output until a reviewer decides. (LABELS is keyed by
    value, so ``pending`` shares its label 待核实 with ``ReviewState.PENDING``: one word, one meaning.)"""

    PENDING = "pending"
    ACCEPTED = "accepted"
    CORRECTED = "corrected"  # accepted with another status or figure
    DISMISSED = "dismissed"


class TargetChange(Labelled):
    """How a later plan's restatement changed an earlier pledge's target (the matcher's words)."""

    RAISED = "target_raised"
    LOWERED = "target_lowered"
    SAME = "target_same"
    UNKNOWN = "target_unknown"  # no comparable figure


class DeadlineChange(Labelled):
    """How a later plan's restatement moved an earlier pledge's deadline (the matcher's words)."""

    LATER = "deadline_later"
    EARLIER = "deadline_earlier"
    SAME = "deadline_same"
    UNKNOWN = "deadline_unknown"
class ReportState(Labelled):
    """Where a unit's progress report stands: awaiting a reviewer, accepted (a status event was
    recorded from it) or returned to the unit with a reason."""

    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    RETURNED = "returned"


class WebhookKind(Labelled):
    """The message format a unit's (or the office's) group robot expects."""

    WECOM = "wecom"  # 企业微信群机器人, msgtype markdown
    WECOM_TEXT = "wecom_text"  # 企业微信群机器人, msgtype text
    DINGTALK = "dingtalk"  # 钉钉自定义机器人, msgtype markdown (optional 加签)
    JSON = "json"  # a plain JSON document for any other receiver


class RecipientKind(Labelled):
    UNIT = "unit"
    REVIEWER = "reviewer"


class Channel(Labelled):
    EMAIL = "email"
    WEBHOOK = "webhook"


LABELS: dict[Labelled, str] = {
    DistrictLevel.PROVINCE: "省",
    DistrictLevel.CITY: "市",
    DistrictLevel.DISTRICT: "区",
    DistrictLevel.COUNTY: "县",
    DistrictLevel.TOWN: "镇",
    DistrictLevel.ZONE: "功能区",
    UserRole.READER: "读者",
    UserRole.EDITOR: "编辑",
    UserRole.REVIEWER: "评议员",
    UserRole.ADMIN: "管理员",
    UserRole.UNIT: "责任单位",
    ReviewState.PENDING: "待核实",
    ReviewState.CONFIRMED: "已确认",
    ReviewState.REJECTED: "已驳回",
    Status.UNASSESSED: "未评估",
    Status.IN_PROGRESS: "推进中",
    Status.DONE: "已完成",
    Status.PARTLY_DONE: "部分完成",
    Status.MISSED: "未完成",
    Status.STALLED: "停滞",
    Status.UNASSESSABLE: "无法评估",
    Precision.DAY: "日",
    Precision.MONTH: "月",
    Precision.QUARTER: "季度",
    Precision.HALF: "半年",
    Precision.YEAR: "年",
    Precision.PLAN: "规划期",
    QuantityRole.COUNT: "数量",
    QuantityRole.AMOUNT: "金额",
    QuantityRole.LENGTH: "长度",
    QuantityRole.AREA: "面积",
    QuantityRole.RATIO: "比例",
    QuantityRole.DURATION: "时长",
    QuantityRole.OTHER: "其他",
    MissReason.FUNDING: "资金",
    MissReason.APPROVAL: "审批/要素保障",
    MissReason.POLICY: "政策调整",
    MissReason.OBJECTIVE: "客观原因",
    MissReason.OTHER: "其他",
    StatusEventKind.EFFECTIVE: "生效",
    StatusEventKind.PROPOSED: "待复核",
    StatusEventKind.CONFIRMATION: "复核确认",
    StatusEventKind.WITHDRAWAL: "撤回",
    DocumentFormat.TEXT: "文本",
    DocumentFormat.HTML: "网页",
    DocumentFormat.DOCX: "Word 文档",
    DocumentFormat.PDF: "PDF",
    DateSource.GIVEN: "命令行指定",
    DateSource.MANIFEST: "清单",
    DateSource.STATED: "正文所载",
    PledgeOrigin.MACHINE: "自动抽取",
    PledgeOrigin.MANUAL: "人工添加",
    FollowupOutcome.DONE: "已完成",
    FollowupOutcome.EXCEEDED: "超额完成",
    FollowupOutcome.PARTIAL: "部分完成",
    FollowupOutcome.MISSED: "未完成",
    FollowupOutcome.NOT_REPORTED: "未提及",
    FollowupOutcome.NOT_DUE: "未到期",
    SuggestionState.PENDING: "待核实",
    SuggestionState.ACCEPTED: "已采纳",
    SuggestionState.CORRECTED: "修正后采纳",
    SuggestionState.DISMISSED: "已否决",
    TargetChange.RAISED: "目标上调",
    TargetChange.LOWERED: "目标下调",
    TargetChange.SAME: "目标不变",
    TargetChange.UNKNOWN: "目标无法比较",
    DeadlineChange.LATER: "时限推迟",
    DeadlineChange.EARLIER: "时限提前",
    DeadlineChange.SAME: "时限不变",
    DeadlineChange.UNKNOWN: "时限无法比较",
    ReportState.SUBMITTED: "待审阅",
    ReportState.ACCEPTED: "已采纳",
    ReportState.RETURNED: "已退回",
    WebhookKind.WECOM: "企业微信（Markdown）",
    WebhookKind.WECOM_TEXT: "企业微信（文本）",
    WebhookKind.DINGTALK: "钉钉",
    WebhookKind.JSON: "通用 JSON",
    RecipientKind.UNIT: "牵头单位",
    RecipientKind.REVIEWER: "评议员",
    Channel.EMAIL: "电子邮件",
    Channel.WEBHOOK: "群机器人",
}

