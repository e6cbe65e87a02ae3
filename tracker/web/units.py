"""The admin's page of the responsible units (牵头单位): list them, add and rename one, and add,
attach or remove its accounts (role 责任单位, which may only report progress on the unit's
pledges). Thin: each POST checks its form, calls one ``tracker.services.units`` function in a
unit of work, and on a refusal shows the page again with the Chinese message beside the form and
what was typed kept (400)."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from wtforms import HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from tracker.services import progress, units as service
from tracker.services.errors import ServiceError
from tracker.web.auth import ADMINS, roles_required
from tracker.web.db import get_session, unit_of_work
from tracker.web.forms import REQUIRED, ActionForm, Form

bp = Blueprint("units", __name__, url_prefix="/admin/units")
NAME_MAX = progress.UNIT_NAME_MAX


class UnitForm(Form):
    name = StringField("单位名称", validators=[DataRequired("请填写单位名称"),
                                           Length(max=NAME_MAX, message=f"最多 {NAME_MAX} 个字符")])


class RenameForm(UnitForm):
    was = HiddenField()  # the name the page showed: another one now means someone renamed it meanwhile


class AccountForm(Form):
    name = StringField("用户名", validators=[DataRequired(REQUIRED), Length(max=80, message="最多 80 个字符")])
    password = PasswordField("初始密码", validators=[DataRequired(REQUIRED),
                                                 Length(min=10, message="密码至少 10 个字符")])
    email = StringField("电子邮箱（可不填）", validators=[Optional(), Regexp(progress.EMAIL.pattern + "$",
                                                                      message="不是有效的电子邮件地址"),
                                                    Length(max=320, message="最多 320 个字符")])


class AttachForm(Form):
    name = StringField("已有账户的用户名", validators=[DataRequired(REQUIRED), Length(max=80, message="最多 80 个字符")])


def _index(form: UnitForm, status: int = 200):
    session = get_session()
    return render_template("units/index.html", form=form, rows=service.list_units(session),
                           unregistered=service.unregistered_names(session)), status


@bp.route("/", methods=["GET", "POST"])
@roles_required(*ADMINS)
def index():
    form = UnitForm()
    if request.method == "GET":
        return _index(form)
    if form.validate_on_submit():
        try:
            with unit_of_work() as session:
                unit = service.create_unit(session, form.name.data, by=current_user.user)
        except (ServiceError, IntegrityError) as exc:
            form.name.errors.append(_message(exc, form.name.data))
        else:
            flash(f"已添加牵头单位「{unit.name}」", "success")
            return redirect(url_for("units.view", unit_id=unit.id))
    return _index(form, 400)


def _message(exc: Exception, name: str | None) -> str:
    """A refusal's words; a unique name another request took first reads as the service's would."""
    if isinstance(exc, IntegrityError):
        return f"已有名为「{(name or '').strip()}」的牵头单位"
    return str(exc)


def _view(unit_id: int, status: int = 200, **forms):
    """The unit's page; its three forms have prefixes (unit-, account-, attach-): one id per field."""
    session = get_session()
    row = service.unit_row(session, unit_id)
    if row is None:
        abort(404)
    forms.setdefault("rename", RenameForm(formdata=None, prefix="unit", name=row.unit.name, was=row.unit.name))
    forms["rename"].was.data = row.unit.name  # a resubmit after a stale edit is measured against the name now
    forms.setdefault("account", AccountForm(formdata=None, prefix="account"))
    forms.setdefault("attach", AttachForm(formdata=None, prefix="attach"))
    return render_template("units/view.html", row=row, remove=ActionForm(), **forms), status


@bp.get("/<int:unit_id>")
@roles_required(*ADMINS)
def view(unit_id: int):
    return _view(unit_id)


def _post(unit_id: int, key: str, form, call, done):
    """Validate ``form``, run ``call(session)`` in a unit of work; on a refusal show the page again (400)."""
    if not form.validate_on_submit():
        return _view(unit_id, 400, **{key: form})
    try:
        with unit_of_work() as session:
            result = call(session)
    except (ServiceError, IntegrityError) as exc:
        form.name.errors.append(_message(exc, form.name.data))
        return _view(unit_id, 400, **{key: form})
    flash(done(result), "success")
    return redirect(url_for("units.view", unit_id=unit_id))


@bp.post("/<int:unit_id>/rename")
@roles_required(*ADMINS)
def rename(unit_id: int):
    form = RenameForm(prefix="unit")
    return _post(unit_id, "rename", form,
                 lambda s: service.rename_unit(s, unit_id, form.name.data, was=form.was.data, by=current_user.user),
                 lambda unit: f"已改名为「{unit.name}」")


@bp.post("/<int:unit_id>/accounts")
@roles_required(*ADMINS)
def add_account(unit_id: int):
    form = AccountForm(prefix="account")
    return _post(unit_id, "account", form,
                 lambda s: service.add_account(s, unit_id, form.name.data, form.password.data,
                                               email=form.email.data or None, by=current_user.user),
                 lambda user: f"已添加本单位账户 {user.name}")


@bp.post("/<int:unit_id>/attach")
@roles_required(*ADMINS)
def attach(unit_id: int):
    form = AttachForm(prefix="attach")
    return _post(unit_id, "attach", form,
                 lambda s: service.attach_account(s, unit_id, form.name.data, by=current_user.user),
                 lambda user: f"{user.name} 已加入本单位")


@bp.post("/<int:unit_id>/accounts/<int:user_id>/remove")
@roles_required(*ADMINS)
def remove_account(unit_id: int, user_id: int):
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        with unit_of_work() as session:
            user = service.remove_account(session, unit_id, user_id, by=current_user.user)
    except ServiceError as exc:
        flash(str(exc), "error")
    else:
        flash(f"{user.name} 已移出本单位（改为读者，不能再报送进展）", "success")
    return redirect(url_for("units.view", unit_id=unit_id))


def init_app(app) -> None:
    app.register_blueprint(bp)
