"""The responsible units (牵头单位) as an admin manages them: list, add, rename, and the accounts
of each (role ``unit``: they may only report progress on the pledges their unit leads).

A unit leads the confirmed pledges whose 牵头单位 is its name, character for character
(``tracker.services.progress.unit_pledges``); renaming a unit therefore changes which pledges it
leads, and the list shows the count so an admin sees it. No pledge is rewritten here.

Every refusal is a ``ServiceError`` with a Chinese message, raised before anything is written
(a rename edited from a page that was already stale is a ``StaleEdit``). Flush, never commit.
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db.enums import ReviewState, UserRole
from tracker.db.models import Pledge, Unit, User
from tracker.services import audit, progress, users
from tracker.services.errors import ServiceError, StaleEdit

#: the roles an existing account may have to be moved into a unit (never an editor's, a reviewer's
#: or an admin's: their work would be lost to a role that may only report)
MOVABLE_ROLES = (UserRole.READER, UserRole.UNIT)


@dataclass(frozen=True)
class UnitRow:
    unit: Unit
    pledges: int  # confirmed pledges it leads (its exact name)
    accounts: list[User]


def _clean_name(name: str | None) -> str:
    name = (name or "").strip()
    if not name:
        raise ServiceError("请填写单位名称")
    if len(name) > progress.UNIT_NAME_MAX:
        raise ServiceError(f"单位名称最多 {progress.UNIT_NAME_MAX} 个字符")
    return name


def _led_counts(session: Session) -> dict[str, int]:
    return dict(session.execute(
        sa.select(Pledge.responsible_unit, sa.func.count())
        .where(Pledge.review_state == ReviewState.CONFIRMED, Pledge.merged_into_id.is_(None),
               Pledge.responsible_unit.is_not(None))
        .group_by(Pledge.responsible_unit)).all())


def list_units(session: Session) -> list[UnitRow]:
    """Every unit by name, with the count of pledges it leads and its accounts."""
    counts = _led_counts(session)
    units = session.scalars(sa.select(Unit).order_by(Unit.name)).all()
    accounts: dict[int, list[User]] = {}
    for user in session.scalars(sa.select(User).where(User.unit_id.is_not(None), User.role == UserRole.UNIT)
                                .order_by(User.name)):
        accounts.setdefault(user.unit_id, []).append(user)
    return [UnitRow(u, counts.get(u.name, 0), accounts.get(u.id, [])) for u in units]


def unit_row(session: Session, unit_id: int) -> UnitRow | None:
    unit = session.get(Unit, unit_id)
    if unit is None:
        return None
    accounts = session.scalars(sa.select(User).where(User.unit_id == unit.id, User.role == UserRole.UNIT)
                               .order_by(User.name)).all()
    return UnitRow(unit, _led_counts(session).get(unit.name, 0), list(accounts))


def unregistered_names(session: Session, limit: int = 200) -> list[tuple[str, int]]:
    """The 牵头单位 confirmed pledges name that no unit has yet, most pledges first."""
    registered = set(session.scalars(sa.select(Unit.name)))
    names = [(name, n) for name, n in _led_counts(session).items() if name.strip() and name not in registered]
    return sorted(names, key=lambda item: (-item[1], item[0]))[:limit]


def _get(session: Session, unit_id: int) -> Unit:
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise ServiceError("没有这个牵头单位（可能已被删除），请刷新页面")
    return unit


def create_unit(session: Session, name: str, *, by: User) -> Unit:
    """A new unit; refuses an empty, too long or taken name."""
    name = _clean_name(name)
    if progress.find_unit(session, name) is not None:
        raise ServiceError(f"已有名为「{name}」的牵头单位")
    return progress.save_unit(session, name, by=by)


def rename_unit(session: Session, unit_id: int, name: str, *, was: str, by: User) -> Unit:
    """Rename the unit; ``was`` is the name the form showed: another name now means someone renamed
    it meanwhile (``StaleEdit``, nothing changed)."""
    unit = _get(session, unit_id)
    if unit.name != (was or "").strip():
        raise StaleEdit(f"这个单位刚被改名为「{unit.name}」（在你打开页面之后），请核对后再改", current=unit)
    name = _clean_name(name)
    if name == unit.name:
        return unit
    other = progress.find_unit(session, name)
    if other is not None:
        raise ServiceError(f"已有名为「{name}」的牵头单位")
    old = unit.name
    unit.name = name
    session.flush()
    audit.record(session, entity="unit", entity_id=unit.id, action="update", user=by,
                 old={"name": old}, new={"name": name})
    return unit


def add_account(session: Session, unit_id: int, name: str, password: str, *, email: str | None = None,
                by: User) -> User:
    """A new account of role ``unit`` for the unit (the name must be free, the password strong)."""
    unit = _get(session, unit_id)
    if not (name or "").strip():
        raise ServiceError("请填写用户名")
    if users.find_user(session, name) is not None:
        raise ServiceError(f"用户名 {name.strip()} 已存在；要把这个账户移入本单位，请用“加入已有账户”")
    return progress.create_unit_user(session, name, password, unit.name, email=email, by=by)


def _move(session: Session, user: User, unit: Unit | None, *, by: User) -> None:
    old = {"role": user.role, "responsible_unit": user.unit.name if user.unit is not None else None}
    user.role = UserRole.UNIT if unit is not None else UserRole.READER
    user.unit_id = unit.id if unit is not None else None
    user.unit = unit
    users.end_sessions(user)  # the new role and unit take effect at the next login, on every device
    session.flush()
    audit.record(session, entity="user", entity_id=user.id, action="set_role", user=by, old=old,
                 new={"role": user.role, "responsible_unit": unit.name if unit is not None else None})


def attach_account(session: Session, unit_id: int, name: str, *, by: User) -> User:
    """An existing account (a reader, or another unit's) becomes this unit's account."""
    unit = _get(session, unit_id)
    name = (name or "").strip()
    if not name:
        raise ServiceError("请填写用户名")
    user = users.find_user(session, name)
    if user is None:
        raise ServiceError(f"没有名为「{name}」的账户；新建账户请用“新建本单位账户”")
    if user.role is UserRole.UNIT and user.unit_id == unit.id:
        raise ServiceError(f"{user.name} 已是本单位的账户")
    if user.role not in MOVABLE_ROLES:
        raise ServiceError(f"{user.name} 是{user.role.label}，不能改为牵头单位的账户；"
                           "只有读者或其他单位的账户可以加入")
    _move(session, user, unit, by=by)
    return user


def remove_account(session: Session, unit_id: int, user_id: int, *, by: User) -> User:
    """The account leaves the unit and becomes a reader (it may no longer report progress)."""
    unit = _get(session, unit_id)
    user = session.get(User, user_id)
    if user is None or user.role is not UserRole.UNIT or user.unit_id != unit.id:
        raise StaleEdit("这个账户已不属于本单位（可能刚被别人移出或改了角色），请刷新页面")
    _move(session, user, None, by=by)
    return user


__all__ = ["MOVABLE_ROLES", "UnitRow", "add_account", "attach_account", "create_unit", "list_units",
           "remove_account", "rename_unit", "unit_row", "unregistered_names"]
