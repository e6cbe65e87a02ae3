"""Logins (Flask-Login), roles, CSRF (Flask-WTF) and the admin's user page."""
from __future__ import annotations

import functools
import hmac
from urllib.parse import urlsplit

from flask import (Blueprint, abort, current_app, flash, has_request_context, jsonify, redirect, render_template,
                   request, url_for)
from flask_login import LoginManager, UserMixin, current_user, login_required, login_user, logout_user
from flask_wtf.csrf import CSRFError, CSRFProtect, generate_csrf
from markupsafe import Markup

from tracker.db.enums import UserRole
from tracker.services import queries, records, users as user_service
from tracker.services.errors import ServiceError
from tracker.web.db import get_session, unit_of_work
from tracker.web.forms import ActionForm, LoginForm, PasswordForm, ResetPasswordForm, RoleForm, UserForm

bp = Blueprint("auth", __name__)
login_manager = LoginManager()
csrf = CSRFProtect()

EDITORS = (UserRole.EDITOR, UserRole.ADMIN)
ADMINS = (UserRole.ADMIN,)


class Account(UserMixin):
    """The logged-in person. ``load_user`` builds it from the account's row (``records.login_row``: one
    Core query, no ORM object) on a reading request; ``user``, their ``User`` in this request's session
    for the services that write, is loaded when first asked for (most pages only read the name and role).
    On a writing request (POST and the like, whose services take the ``User``) ``load_user`` reads the
    ``User`` itself and builds the person from it: one read of the account, not the row and then the object."""

    def __init__(self, user, *, loaded: bool = True) -> None:
        self._user = user if loaded else None
        self.id = user.id
        self.name = user.name
        self.role = user.role
        self._active = user.is_active
        # the id, a fingerprint of the password hash and the user's session version: a new password,
        # a logout, a role change or deactivation ends every older session
        self._session_id = f"{user.id}.{user_service.session_fingerprint(user)}.{user.session_version or 0}"

    @property
    def user(self):
        if self._user is None:
            self._user = records.user(get_session(), self.id)
        return self._user

    def get_id(self) -> str:
        return self._session_id

    @property
    def is_active(self) -> bool:
        return self._active

    @property
    def is_editor(self) -> bool:
        return self.role in EDITORS

    @property
    def is_admin(self) -> bool:
        return self.role is UserRole.ADMIN


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def init_app(app) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "请先登录"
    login_manager.session_protection = "basic"
    csrf.init_app(app)

    login_manager.user_loader(load_user)
    login_manager.unauthorized_handler(unauthorized)
    app.register_error_handler(CSRFError, csrf_error)
    app.register_error_handler(403, forbidden)
    app.register_error_handler(404, not_found)
    app.before_request(private_mode)
    app.context_processor(action_form_context)


def load_user(session_id: str):
    user_id, _, rest = session_id.partition(".")
    fingerprint, _, version = rest.partition(".")
    if not user_id.isdigit() or len(user_id) > 10:
        return None
    session = get_session()
    # a writing request's services take the User: read it once, as the object, instead of the row now and the
    # object again when the view asks ``current_user.user`` (the same columns checked below either way)
    writes = has_request_context() and request.method not in READING_METHODS
    user = records.user(session, int(user_id)) if writes else records.login_row(session, int(user_id))
    if user is None or not user.is_active:
        return None
    if not hmac.compare_digest(fingerprint, user_service.session_fingerprint(user)):
        return None  # the password changed since this session logged in
    if not hmac.compare_digest(version, str(user.session_version or 0)):
        return None  # logged out, or role or account changed, since this session logged in
    return Account(user, loaded=writes)


#: the methods that change nothing (``load_user`` reads the account's row for them, not its ``User``)
READING_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def unauthorized():
    if _wants_json():
        return jsonify(error="请先登录"), 401
    flash("请先登录", "warning")
    target = request.full_path if request.query_string else request.path
    return redirect(url_for("auth.login", next=target) if len(target) <= NEXT_MAX else url_for("auth.login"))


def csrf_error(exc):
    if _wants_json():
        return jsonify(error=f"CSRF 校验失败：{exc.description}"), 400
    return render_template("error.html", code=400, message="表单已失效（CSRF 校验失败），请刷新页面后重试"), 400


def forbidden(exc):
    if _wants_json():
        return jsonify(error="没有权限"), 403
    return render_template("error.html", code=403, message="你的角色没有这项权限"), 403


def not_found(exc):
    if _wants_json():
        return jsonify(error="不存在"), 404
    return render_template("error.html", code=404, message="页面不存在"), 404


def private_mode():
    if current_app.config["PUBLIC_READ"] or current_user.is_authenticated:
        return None
    if request.endpoint in ("auth.login", "static") or request.endpoint is None:
        return None
    return login_manager.unauthorized()


def action_form_context():
    return {"action_form": _LazyActionForm()}


class _LazyActionForm:
    """The templates' ``action_form`` (its CSRF token field), built on first use: most pages a reader
    opens (every anonymous one) never render it, and building a WTForms form on each render cost more
    than some of those pages' queries. Its ``csrf_token``, all the templates ask of it (the header's
    logout form on every logged-in page, the queues' buttons), is written without the form
    (``csrf_field``): building the form and rendering the field through WTForms' widget cost about a
    tenth of a logged-in pledge page."""

    __slots__ = ("_form",)

    def __init__(self):
        self._form = None

    def __getattr__(self, name):
        if name == "csrf_token" and self._form is None:
            field = csrf_field()
            if field is not None:
                return field
        if self._form is None:
            self._form = ActionForm()
        return getattr(self._form, name)


#: ActionForm's token field as WTForms renders it (a ``HiddenField``: id, name, type, value)
_CSRF_FIELD = Markup('<input id="csrf_token" name="csrf_token" type="hidden" value="{}">')


def csrf_field() -> Markup | None:
    """``ActionForm().csrf_token`` rendered, without the form: the hidden input with this request's token
    (``csrf_token()``, the one the page's meta tag and every other form of it carry), or nothing with
    CSRF off (the form then has no token field, and the template wrote nothing). None when the field is
    configured under another name (``WTF_CSRF_FIELD_NAME``): then the form itself answers."""
    config = current_app.config
    if config.get("WTF_CSRF_FIELD_NAME", "csrf_token") != "csrf_token":
        return None
    if not config.get("WTF_CSRF_ENABLED", True):
        return Markup("")
    return _CSRF_FIELD.format(generate_csrf())


def roles_required(*roles: UserRole):
    """Logged in with one of ``roles``: else the login page (anonymous) or 403 (wrong role)."""

    def wrap(view):
        @functools.wraps(view)
        def inner(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return inner

    return wrap


#: The longest ``next=`` kept (a path and query string); a longer one is dropped, never echoed.
NEXT_MAX = 2000


def _safe_next(target: str | None) -> str:
    if target and len(target) <= NEXT_MAX:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith("//"):
            return target
    return url_for("index")


@bp.route("/login", methods=["GET", "POST"])
def login():
    wanted = request.args.get("next", "")
    form = LoginForm(next=wanted if len(wanted) <= NEXT_MAX else "")
    if form.validate_on_submit():
        session = get_session()
        user = user_service.authenticate(session, form.name.data, form.password.data)
        if user is None:
            form.password.errors.append("用户名或密码不正确")
        else:
            login_user(Account(user))
            flash(f"欢迎，{user.name}（{user.role.label}）", "success")
            return redirect(_safe_next(form.next.data))
    return render_template("auth/login.html", form=form), 200 if request.method == "GET" else 400


@bp.post("/logout")
@login_required
def logout():
    if not ActionForm().validate_on_submit():
        abort(400)
    with unit_of_work() as session:
        user_service.logout(session, current_user.id)  # every session of this user ends, a copied cookie too
    logout_user()
    flash("已退出登录", "success")
    return redirect(url_for("index"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def password():
    """Change one's own password (the current one is asked for); other sessions end."""
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            with unit_of_work() as session:
                user = user_service.set_password(session, current_user.id, form.new.data, by=current_user.user,
                                                 current=form.current.data)
        except ServiceError as exc:
            (form.current if "当前" in str(exc) else form.new).errors.append(str(exc))
        else:
            login_user(Account(user))  # this session goes on under the new fingerprint
            flash("密码已修改；其他设备上的登录已失效", "success")
            return redirect(url_for("index"))
    return render_template("auth/password.html", form=form), 400 if request.method == "POST" else 200


@bp.route("/admin/users", methods=["GET", "POST"])
@roles_required(*ADMINS)
def users():
    session = get_session()
    form = UserForm()
    if form.validate_on_submit():
        try:
            with unit_of_work():
                user = user_service.create_user(session, form.name.data, form.password.data, form.role.data,
                                                by=current_user.user)
        except ServiceError as exc:
            form.name.errors.append(str(exc))
        else:
            flash(f"已添加用户 {user.name}", "success")
            return redirect(url_for("auth.users"))
    people = queries.users(session)
    forms = {u.id: RoleForm(prefix=f"u{u.id}", role=u.role.value, active="1" if u.is_active else "0")
             for u in people}
    resets = {u.id: ResetPasswordForm(prefix=f"p{u.id}") for u in people if u.id != current_user.id}
    return render_template("admin/users.html", form=form, people=people, forms=forms, resets=resets), \
        400 if request.method == "POST" else 200


@bp.post("/admin/users/<int:user_id>/password")
@roles_required(*ADMINS)
def reset_password(user_id: int):
    """An admin sets another user's password (their sessions end); one's own goes through /account/password."""
    session = get_session()
    form = ResetPasswordForm(prefix=f"p{user_id}")
    if not form.validate_on_submit():
        for errors in form.errors.values():
            flash("；".join(errors), "error")
        return redirect(url_for("auth.users"))
    if user_id == current_user.id:
        flash("修改自己的密码请到“修改密码”页面", "error")
        return redirect(url_for("auth.password"))
    with unit_of_work(back=url_for("auth.users")):  # a refusal: flashed, back to the users' page
        user = user_service.set_password(session, user_id, form.password.data, by=current_user.user)
    flash(f"已重设 {user.name} 的密码；其原有登录已失效", "success")
    return redirect(url_for("auth.users"))


@bp.post("/admin/users/<int:user_id>")
@roles_required(*ADMINS)
def update_user(user_id: int):
    session = get_session()
    form = RoleForm(prefix=f"u{user_id}")
    if not form.validate_on_submit():
        abort(400)
    with unit_of_work(back=url_for("auth.users")):  # a refusal: flashed, back to the users' page
        user_service.set_role(session, user_id, form.role.data, by=current_user.user)
        user_service.set_active(session, user_id, form.active.data == "1", by=current_user.user)
    flash("已保存", "success")
    return redirect(url_for("auth.users"))
