"""WTForms forms (Flask-WTF, so every one carries a CSRF token). Forms check shape only:
required, length, number and date format; the services check the domain rules."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from flask_wtf import FlaskForm
from wtforms import (BooleanField, DateField, FieldList, Form as PlainForm, FormField, HiddenField, IntegerField, PasswordField,
                     SelectChoice, SelectField, StringField, SubmitField, TextAreaField)
from wtforms.validators import DataRequired, EqualTo, InputRequired, Length, NumberRange, Optional, ValidationError

from tracker.db.enums import Precision, UserRole
from tracker.db.types import DECIMAL_PRECISION, DECIMAL_SCALE, canonical_decimal
from tracker.services import dates
from tracker.web.validation import ID_MAX, change_limits

REQUIRED = "此项必填"
#: The limits of a pledge's fields, read from openapi.json (PledgeChanges): the API and the forms
#: follow one schema.
LIMITS = change_limits()


def _most(field: str) -> Length:
    return Length(max=LIMITS[field], message=f"最多 {LIMITS[field]} 个字符")


def choices(pairs) -> list[SelectChoice]:
    """(value, label) pairs as WTForms 3.3 wants them (tuples are deprecated)."""
    return [SelectChoice(v, label) for v, label in pairs]


def number(form, field) -> None:
    text = (field.data or "").strip().replace(",", "").replace("，", "")
    if text:
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise ValidationError("请填写数字，例如 3 或 12.5") from None
        if not value.is_finite():
            raise ValidationError("请填写数字，例如 3 或 12.5")
        if value < 0:
            raise ValidationError("不能为负数")
        try:
            exact = canonical_decimal(value)
        except InvalidOperation:
            exact = None
        if exact is None or exact >= 10 ** (DECIMAL_PRECISION - DECIMAL_SCALE) or exact.as_tuple().exponent < -DECIMAL_SCALE:
            raise ValidationError(f"超出范围（最多 {DECIMAL_PRECISION - DECIMAL_SCALE} 位整数、{DECIMAL_SCALE} 位小数）")



class DayField(DateField):
    """A day as ``services.dates.parse_day`` reads it, the one reader of a typed day (the command
    line's and manifest.csv's too): 2026-12-03, 2026/12/3, 2026年12月3日 …, with its two messages
    (不是日期, 这一天不存在) naming the field. Rendered as a date input, as WTForms' DateField."""

    def process_formdata(self, valuelist):
        if not valuelist:
            return
        text = " ".join(valuelist).strip()
        self.data = None
        if text:
            try:
                self.data = dates.parse_day(text, self.label.text)
            except dates.BadDate as exc:
                raise ValueError(str(exc)) from None

class ZhMeta:
    """WTForms' own Chinese messages for what our validators do not word themselves (with
    WTF_I18N_ENABLED off, Flask-WTF leaves translations to WTForms)."""

    locales = ("zh",)


class Form(FlaskForm):
    class Meta(ZhMeta):
        pass


class ActionForm(Form):
    """A form with nothing but its CSRF token: logout, skip, undo, release."""


class LoginForm(Form):
    name = StringField("用户名", validators=[DataRequired(REQUIRED), Length(max=80)])
    password = PasswordField("密码", validators=[DataRequired(REQUIRED)])
    next = HiddenField()


class UserForm(Form):
    name = StringField("用户名", validators=[DataRequired(REQUIRED), Length(max=80, message="最多 80 个字符")])
    password = PasswordField("初始密码", validators=[DataRequired(REQUIRED),
                                                 Length(min=10, message="密码至少 10 个字符")])
    role = SelectField("角色", choices=choices(UserRole.choices()), default=UserRole.EDITOR.value)


class PasswordForm(Form):
    current = PasswordField("当前密码", validators=[DataRequired(REQUIRED)])
    new = PasswordField("新密码", validators=[DataRequired(REQUIRED), Length(min=10, message="密码至少 10 个字符"),
                                            Length(max=200, message="最多 200 个字符")])
    confirm = PasswordField("再输一次新密码", validators=[DataRequired(REQUIRED),
                                                   EqualTo("new", message="两次输入的新密码不一致")])


class ResetPasswordForm(Form):
    password = PasswordField("新密码", validators=[DataRequired(REQUIRED), Length(min=10, message="密码至少 10 个字符"),
                                                Length(max=200, message="最多 200 个字符")])


class RoleForm(Form):
    role = SelectField("角色", choices=choices(UserRole.choices()))
    active = SelectField("状态", choices=choices([("1", "启用"), ("0", "停用")]))


class QuantityForm(PlainForm):
    """One quantity row (a sub-form: the CSRF token is the enclosing form's)."""

    class Meta(ZhMeta):
        pass

    value = StringField("数值", validators=[Optional(), Length(max=LIMITS["quantity_value"]), number])
    unit = StringField("单位", validators=[Optional(), Length(max=LIMITS["quantity_unit"],
                                                          message=f"最多 {LIMITS['quantity_unit']} 个字符")])

    def validate_unit(self, field) -> None:
        if (self.value.data or "").strip() and not (field.data or "").strip():
            raise ValidationError("请填写单位")

    def validate_value(self, field) -> None:
        if (self.unit.data or "").strip() and not (field.data or "").strip():
            raise ValidationError("请填写数值")


PRECISION_CHOICES = choices([("", "（未知）")] + Precision.choices())


class PledgeFieldsForm(Form):
    """The fields an editor reads and corrects."""

    district = StringField("区县", validators=[Optional(), _most("district")])
    official = StringField("责任领导", validators=[Optional(), _most("official")])
    responsible_unit = StringField("牵头单位", validators=[Optional(), _most("responsible_unit")])
    action = StringField("动作", validators=[Optional(), _most("action")])
    object = StringField("对象", validators=[Optional(), _most("object")])
    quantities = FieldList(FormField(QuantityForm), label="数量", min_entries=1, max_entries=LIMITS["quantities"])
    qualifier = StringField("限定词", validators=[Optional(), _most("qualifier")])
    deadline_raw = StringField("时限原文", validators=[Optional(), _most("deadline_raw")])
    due_on = DayField("完成时限", validators=[Optional()], format="%Y-%m-%d")
    deadline_precision = SelectField("时限精度", choices=PRECISION_CHOICES, validators=[Optional()])

    def changes(self) -> dict:
        """The submitted values in the form the services take."""
        return {
            "district": self.district.data or "",
            "official": self.official.data or "",
            "responsible_unit": self.responsible_unit.data or "",
            "action": self.action.data or "",
            "object": self.object.data or "",
            "qualifier": self.qualifier.data or "",
            "deadline_raw": self.deadline_raw.data or "",
            "due_on": self.due_on.data,
            "deadline_precision": self.deadline_precision.data or None,
            "quantities": [{"value": q.value.data, "unit": q.unit.data} for q in self.quantities],
        }


class ReviewForm(PledgeFieldsForm):
    version = HiddenField(validators=[InputRequired("缺少版本号，请刷新页面")])
    decision = HiddenField(default="confirm")
    reject_reason = TextAreaField("驳回理由", validators=[Optional(), Length(max=2000)])
    confirm = SubmitField("确认")
    reject = SubmitField("驳回")

    def chosen(self) -> str:
        if self.reject.data:
            return "reject"
        if self.confirm.data:
            return "confirm"
        return self.decision.data if self.decision.data in ("confirm", "reject") else "confirm"

    def validate_reject_reason(self, field) -> None:
        if self.chosen() == "reject" and not (field.data or "").strip():
            raise ValidationError("驳回须写明理由")


class AddPledgeForm(PledgeFieldsForm):
    start = IntegerField(validators=[InputRequired("缺少选区起点"), NumberRange(min=0, max=ID_MAX, message="选区起点无效")])
    end = IntegerField(validators=[InputRequired("缺少选区终点"), NumberRange(min=1, max=ID_MAX, message="选区终点无效")])
    non_quantified = BooleanField("非量化（没有数量）")
    no_deadline = BooleanField("无时限")

    def changes(self) -> dict:
        return {**super().changes(), "non_quantified": bool(self.non_quantified.data),
                "no_deadline": bool(self.no_deadline.data)}


class MergeForm(Form):
    duplicate = IntegerField("重复条目编号", validators=[InputRequired("请填写编号"),
                                                      NumberRange(min=1, max=ID_MAX, message="编号须为正整数")])
