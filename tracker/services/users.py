"""Accounts: create, authenticate, change role and password. Passwords are stored as Werkzeug hashes
(scrypt), never in clear. Flush, never commit."""
from __future__ import annotations

import hashlib

import sqlalchemy as sa
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash
from zxcvbn import zxcvbn

from tracker.db.enums import UserRole
from tracker.db.models import User
from tracker.services import audit
from tracker.services.errors import ServiceError

MIN_PASSWORD = 10
NAME_MAX = 80


#: The guesses (log10) zxcvbn must estimate a password needs: 10**5 refuses ten spaces (10**2),
#: 1234567890 (10**1.4), aaaaaaaaaa and qwertyuiop, and keeps a phrase such as admin-demo (10**8).
MIN_PASSWORD_GUESSES_LOG10 = 5


def _check_password(password: str, *, name: str | None = None) -> None:
    """At least ten characters, not only white space, and not easy to guess by what it is made of."""
    if len(password) < MIN_PASSWORD:
        raise ServiceError(f"密码至少 {MIN_PASSWORD} 个字符")
    if not password.strip():
        raise ServiceError("密码不能全是空白字符")
    guesses = zxcvbn(password[:100], user_inputs=[name] if name else [])["guesses_log10"]
    if guesses < MIN_PASSWORD_GUESSES_LOG10:
        raise ServiceError("密码太容易猜到（重复、连续的字符或键位、常见单词、用户名），请换一个")


def find_user(session: Session, name: str) -> User | None:
    return session.scalar(sa.select(User).where(User.name == name.strip()))


def create_user(session: Session, name: str, password: str, role: UserRole | str = UserRole.READER, *,
                by: User | None = None, unit_id: int | None = None, email: str | None = None) -> User:
    """A new account; refuses a taken name or a short password. An account of role ``unit``
    needs ``unit_id`` (see ``tracker.services.progress.create_unit_user``)."""
    name = name.strip()
    if not name or len(name) > NAME_MAX:
        raise ServiceError(f"用户名须为 1–{NAME_MAX} 个字符")
    if find_user(session, name) is not None:
        raise ServiceError(f"用户名 {name} 已存在")
    _check_password(password, name=name)
    if UserRole(role) is UserRole.UNIT and unit_id is None:
        raise ServiceError("责任单位的账户须指定所属单位")
    user = User(name=name, password_hash=generate_password_hash(password), role=UserRole(role), unit_id=unit_id,
                email=email)
    session.add(user)
    session.flush()
    audit.record(session, entity="user", entity_id=user.id, action="create", user=by,
                 actor=None if by else "tracker", new={"name": name, "role": user.role})
    return user


def differs(session: Session, name: str, password: str, role: UserRole | str) -> bool:
    """The account ``name`` exists but has another password or role, or is disabled."""
    user = find_user(session, name)
    if user is None:
        return False
    return (user.role is not UserRole(role) or not user.is_active
            or not check_password_hash(user.password_hash, password))


def others_exist(session: Session, names) -> bool:
    """Whether any account besides ``names`` exists (a database someone else set up)."""
    return session.scalar(sa.select(User.id).where(User.name.not_in(list(names))).limit(1)) is not None


def ensure_user(session: Session, name: str, password: str, role: UserRole | str) -> User:
    """The account ``name`` with exactly this password and role, created when missing (idempotent; demo)."""
    user = find_user(session, name)
    if user is None:
        return create_user(session, name, password, role)
    _check_password(password)
    if not check_password_hash(user.password_hash, password):
        user.password_hash = generate_password_hash(password)
    user.role = UserRole(role)
    user.is_active = True
    session.flush()
    return user


# Checked against when the name is unknown, so an unknown name costs the same hash as a wrong
# password and the answer's timing does not tell which names exist.
_NOBODY_HASH = generate_password_hash("no such account: nobody logs in with this")


def authenticate(session: Session, name: str, password: str) -> User | None:
    """The active user with this name and password, else None (same answer, and the same work, for either mistake)."""
    user = find_user(session, name or "")
    matches = check_password_hash(user.password_hash if user is not None else _NOBODY_HASH, password or "")
    if user is None or not user.is_active or not matches:
        return None
    return user


def set_password(session: Session, user_id: int, password: str, *, by: User | None,
                 current: str | None = None) -> User:
    """A new password. A user sets their own, giving the current one; an admin resets anyone else's;
    ``by=None`` is the operator at the command line (``tracker user password``).

    Every session of the user ends (``end_sessions``; the login cookie also carries a fingerprint of the hash)."""
    user = session.get(User, user_id)
    if user is None:
        raise ServiceError("没有这个用户")
    own = by is not None and user.id == by.id
    if by is not None and not own and by.role is not UserRole.ADMIN:
        raise ServiceError("只有管理员可以重设他人的密码")
    if own and not check_password_hash(user.password_hash, current or ""):
        raise ServiceError("当前密码不正确")
    _check_password(password, name=user.name)
    if check_password_hash(user.password_hash, password):
        raise ServiceError("新密码不能与当前密码相同")
    user.password_hash = generate_password_hash(password)
    end_sessions(user)
    session.flush()
    audit.record(session, entity="user", entity_id=user.id, action="set_password", user=by,
                 actor=None if by is not None else "tracker",
                 new={"by": "self" if own else "admin" if by is not None else "command line"})
    return user


def end_sessions(user: User) -> None:
    """End every login of ``user`` (each cookie carries the version it logged in under; flush only)."""
    user.session_version = (user.session_version or 0) + 1


def logout(session: Session, user_id: int) -> None:
    """Logging out ends every session of the user, on every device (a copied cookie included)."""
    user = session.get(User, user_id)
    if user is not None:
        end_sessions(user)
        session.flush()


def session_fingerprint(user: User) -> str:
    """A short fingerprint of the password hash, kept in the login cookie: a new password ends old sessions."""
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def set_role(session: Session, user_id: int, role: UserRole | str, *, by: User) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise ServiceError("没有这个用户")
    role = UserRole(role)
    if role is UserRole.UNIT and user.unit_id is None:
        raise ServiceError("责任单位的账户须指定所属单位：请用 tracker unit user 添加")
    if user.id == by.id and role is not UserRole.ADMIN:
        raise ServiceError("不能取消自己的管理员权限")
    old = user.role
    if old is not role:
        user.role = role
        end_sessions(user)  # the new role takes effect at the next login, on every device
        audit.record(session, entity="user", entity_id=user.id, action="set_role", user=by,
                     old={"role": old}, new={"role": role})
    session.flush()
    return user


def set_active(session: Session, user_id: int, active: bool, *, by: User) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise ServiceError("没有这个用户")
    if user.id == by.id and not active:
        raise ServiceError("不能停用自己的账户")
    if user.is_active != active:
        audit.record(session, entity="user", entity_id=user.id, action="set_active", user=by,
                     old={"is_active": user.is_active}, new={"is_active": active})
        user.is_active = active
        end_sessions(user)
    session.flush()
    return user
