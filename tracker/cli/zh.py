"""click's own messages in Chinese (Usage:, Options, Error: …, Missing argument …).

click marks every message it prints with ``gettext`` (``from gettext import gettext as _`` and
``ngettext`` in each of its modules) but ships no catalog. ``install()`` puts this catalog in the
place of those two names in click's modules, so ``tracker --help`` and click's errors read in
Chinese whatever the machine's locale; a message missing here stays as click wrote it (a test
lists click's messages and fails on any this catalog lacks).
"""
from __future__ import annotations

import gettext
import importlib
import re
import unicodedata

import click._textwrap
import click.formatting
import click.types
from click._compat import strip_ansi

#: click's message ids → Chinese (the placeholders kept as click fills them in)
MESSAGES: dict[str, str] = {
    "Aborted!": "已中止。",
    "deprecated": "已弃用",
    "Missing command.": "缺少子命令。",
    "Options": "选项",
    "Positional arguments": "位置参数",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": "提示：命令 {name!r} 已弃用。{extra_message}",
    "Got unexpected extra argument ({args})": "多出了参数（{args}）",
    "Got unexpected extra arguments ({args})": "多出了参数（{args}）",
    "Commands": "子命令",
    "Value must be an iterable.": "取值须为多个值。",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "提示：{param_type} {name!r} 已弃用。{extra_message}",
    "Could not determine name for option with declarations {decls!r}": "无法确定选项 {decls!r} 的名称",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? "
    "Did you mean to pass '--{name}'?": "没有定义选项，却给了名称（{name}）。是要声明参数，还是要写 '--{name}'？",
    "env var: {var}": "环境变量：{var}",
    "default: {default}": "默认：{default}",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.": "参数只能有一个声明，收到 {length} 个：{decls}。",
    "(dynamic)": "（动态）",
    "Name '{name}' defined twice": "名称 '{name}' 定义了两次",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个值，只给了 1 个。",
    "Takes {nargs} values but {len} were given.": "需要 {nargs} 个值，给了 {len} 个。",
    "Boolean option {decl!r} cannot use the same flag for true/false.": "开关选项 {decl!r} 的开与关不能用同一个写法。",
    "required": "必填",
    "Do you want to continue?": "要继续吗？",
    "Confirm the action without prompting.": "不询问，直接确认。",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "Show the version and exit.": "显示版本号后退出。",
    "Show this message and exit.": "显示本帮助后退出。",
    "Did you mean {possibility}?": "是不是想用 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是不是想用其中之一：{possibilities}？）",
    "Missing argument": "缺少参数",
    "unknown error": "未知错误",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的取值无效：{message}",
    "Missing option": "缺少选项",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
    "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "No such option: {name}": "没有选项：{name}",
    "No such command {name!r}.": "没有子命令 {name!r}。",
    "Invalid value: {message}": "取值无效：{message}",
    "Missing {param_type}": "缺少{param_type}",
    "Usage:": "用法：",
    "Invalid start character for option ({option})": "选项的起始字符无效（{option}）",
    "Option {name!r} does not take a value.": "选项 {name!r} 不带取值。",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个取值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个取值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "Couldn't detect Bash version, shell completion is not supported.": "无法识别 Bash 版本，不支持命令补全。",
    "Shell completion is not supported for Bash versions older than 4.4.": "Bash 4.4 以前的版本不支持命令补全。",
    "Press any key to continue...": "按任意键继续……",
    "Repeat for confirmation": "再输一次以确认",
    "Error: The two entered values do not match.": "错误：两次输入的不一致。",
    "Unknown color {colour!r}": "未知颜色 {colour!r}",
    "Error: invalid input": "错误：输入无效",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不在可选值 {choices} 之中。",
    "Choice({choices})": "可选（{choices}）",
    "{value!r} does not match the format {format}.": "{value!r} 不符合格式 {format}。",
    "{value!r} does not match the formats {formats}.": "{value!r} 不符合格式 {formats} 中的任何一种。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 之内。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} 不是有效的开关值，可用：{states}",
    "{len_type} values are required, but {len_value} was given.": "需要 {len_type} 个值，给了 {len_value} 个。",
    "{len_type} values are required, but {len_value} were given.": "需要 {len_type} 个值，给了 {len_value} 个。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value!r} is not a valid UUID.": "{value!r} 不是有效的 UUID。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是文件夹。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 不可写。",
    "{name} {filename!r} is not executable.": "{name} {filename!r} 不可执行。",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "Unknown standard stream '{name}'": "未知的标准流 '{name}'",
    "{editor}: Editing failed": "{editor}：编辑失败",
    "{editor}: Editing failed: {e}": "{editor}：编辑失败：{e}",
    "Windows error: {error}": "Windows 错误：{error}",
    "d": "d",
    # click's type names, shown in help and errors ({number_type}, the metavars)
    "integer": "整数", "float": "数", "text": "文本", "boolean": "开关值",
    "integer range": "整数", "float range": "数",  # IntRange, FloatRange: the range itself is told apart
}

MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils",
           "shell_completion", "_termui_impl")


class Catalog(gettext.NullTranslations):
    """The messages above as a gettext translation (unknown ids pass through unchanged)."""

    def gettext(self, message: str) -> str:
        return MESSAGES.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


CATALOG = Catalog()


def install() -> None:
    """Put the catalog in place of the ``_`` and ``ngettext`` click's modules imported from gettext,
    and lay help out for Chinese (``install_layout``)."""
    install_layout()
    for name in MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # pragma: no cover - a click without this module
            continue
        if getattr(module, "_", None) is not None:
            module._ = CATALOG.gettext
        if getattr(module, "ngettext", None) is not None:
            module.ngettext = CATALOG.ngettext
    # the names help shows as metavars (--port 整数, not INTEGER) and errors as {number_type}
    for param_type in (click.types.INT, click.types.FLOAT, click.types.STRING, click.types.BOOL,
                       click.types.IntRange, click.types.FloatRange):  # (the ranges' name is their class's)
        param_type.name = MESSAGES.get(param_type.name, param_type.name)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: a Chinese character (or full-width form) two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in strip_ansi(text))


#: chunks a line may break between: runs of spaces, click's bracketed notes ([默认：csv], [必填]) and
#: Latin words and options whole (never cut mid-word), and each Chinese character on its own
#: (Chinese breaks between any two characters, but not before its closing punctuation)
_CHUNK = re.compile(r"\s+|\[(?:默认|必填)[^\[\]\n]{0,40}\]|\[[^\[\]\s]{1,30}\]|(?:[^\s\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+|.)[，。；：、）」』”！？)]*")


def _chunks(text: str) -> list[str]:
    """``text`` cut into the chunks ``_CHUNK`` finds."""
    return _CHUNK.findall(text)


def _wrapper_class():
    class ChineseWrapper(click._textwrap.TextWrapper):
        """click's wrapper measuring display width and breaking only between chunks (``_chunks``)."""

        def _split(self, text: str) -> list[str]:
            return _chunks(text)

        def _wrap_chunks(self, chunks: list[str]) -> list[str]:
            lines: list[str] = []
            line: list[str] = []
            indent = self.initial_indent
            used = display_width(indent)
            for chunk in chunks:
                size = display_width(chunk)
                if chunk.isspace():
                    if line:
                        line.append(chunk)
                        used += size
                    continue
                if line and used + size > self.width:
                    while line and line[-1].isspace():
                        line.pop()
                    lines.append(indent + "".join(line))
                    line, indent = [], self.subsequent_indent
                    used = display_width(indent)
                line.append(chunk)
                used += size
            while line and line[-1].isspace():
                line.pop()
            if line:
                lines.append(indent + "".join(line))
            return lines

    return ChineseWrapper


def install_layout() -> None:
    """Help laid out for Chinese: columns measured in display width, lines never cut inside a word."""
    click.formatting.term_len = display_width
    if not getattr(click._textwrap.TextWrapper, "chinese", False):  # wrap_text imports it when it runs
        click._textwrap.TextWrapper = _wrapper_class()
        click._textwrap.TextWrapper.chinese = True
