"""Charts drawn on the server as inline SVG: no chart library, no CDN, no script; the page
works offline and prints. Every chart carries a <title> and a text table fallback is
rendered beside it by the template, so a screen reader gets the numbers too."""
from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

from tracker.db.enums import Status

STATUS_COLOURS = {
    Status.DONE: "#2e8b57", Status.PARTLY_DONE: "#8cc084", Status.IN_PROGRESS: "#3b73b9",
    Status.STALLED: "#e0a800", Status.MISSED: "#b3261e", Status.UNASSESSED: "#c3cad5",
    Status.UNASSESSABLE: "#8a94a6",
}
FONT = 'font-family="PingFang SC, Noto Sans CJK SC, WenQuanYi Micro Hei, Microsoft YaHei, sans-serif"'


def _svg(width: int, height: int, title: str, body: list[str]) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg" {FONT} font-size="12">'
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>")


def legend(statuses=tuple(Status)) -> Markup:
    items = "".join(f'<span class="key"><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true">'
                    f'<rect width="10" height="10" rx="2" fill="{STATUS_COLOURS[s]}"/></svg>{escape(s.label)}</span>'
                    for s in statuses)
    return Markup(f'<div class="legend">{items}</div>')


def stacked_bars(groups: list[tuple[str, dict]], title: str) -> Markup:
    """Horizontal bars, one per group (name, {Status: count}), stacked by status."""
    if not groups:
        return Markup('<p class="muted">没有数据</p>')
    width, label_w, row_h = 720, 110, 26
    height = row_h * len(groups) + 24
    top = max(sum(c.values()) for _, c in groups) or 1
    scale = (width - label_w - 50) / top
    body = []
    for i, (name, counts) in enumerate(groups):
        y = 8 + i * row_h
        body.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">{escape(name)}</text>')
        x = label_w
        for status in Status:
            n = counts.get(status, 0)
            if not n:
                continue
            w = n * scale
            body.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row_h - 8}" '
                        f'fill="{STATUS_COLOURS[status]}"><title>{escape(name)} · {escape(status.label)}：{n}</title>'
                        f"</rect>")
            x += w
        body.append(f'<text x="{x + 6:.1f}" y="{y + 15}" fill="#4a5566">{sum(counts.values())}</text>')
    return _svg(width, height, title, body)


def month_columns(months: list[tuple[str, dict]], title: str, today: dt.date | None = None) -> Markup:
    """Vertical columns, one per month (YYYY-MM, {Status: count}), stacked by status."""
    if not months:
        return Markup('<p class="muted">没有数据</p>')
    width, height, left, bottom = 720, 220, 30, 40
    step = (width - left - 10) / len(months)
    top = max(sum(c.values()) for _, c in months) or 1
    scale = (height - bottom - 16) / top
    body = [f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" stroke="#c8ced8"/>']
    now = today.strftime("%Y-%m") if today else None
    for i, (month, counts) in enumerate(months):
        x = left + i * step + step * 0.15
        w = step * 0.7
        y = height - bottom
        for status in Status:
            n = counts.get(status, 0)
            if not n:
                continue
            h = n * scale
            y -= h
            body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" '
                        f'fill="{STATUS_COLOURS[status]}"><title>{month} · {escape(status.label)}：{n}</title></rect>')
        total = sum(counts.values())
        body.append(f'<text x="{x + w / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" fill="#4a5566">{total}</text>')
        if len(months) <= 14 or i % max(1, len(months) // 12) == 0:
            weight = ' font-weight="bold"' if month == now else ""
            body.append(f'<text x="{x + w / 2:.1f}" y="{height - bottom + 16}" text-anchor="middle"{weight}>'
                        f"{month[2:].replace('-', '/')}</text>")
    return _svg(width, height, title, body)


def line(points: list[tuple[dt.date, int]], total: int, title: str) -> Markup:
    """Cumulative 已完成 at each month's end, against the number of pledges."""
    if not points:
        return Markup('<p class="muted">尚无评估记录</p>')
    width, height, left, bottom = 720, 200, 40, 34
    top = max(total, max(n for _, n in points), 1)
    step = (width - left - 20) / max(1, len(points) - 1)

    def xy(i, n):
        return left + i * step, height - bottom - n * (height - bottom - 14) / top

    body = [f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" stroke="#c8ced8"/>']
    y_total = xy(0, total)[1]
    body.append(f'<line x1="{left}" y1="{y_total:.1f}" x2="{width - 10}" y2="{y_total:.1f}" stroke="#c8ced8" '
                f'stroke-dasharray="4 3"/><text x="{left - 4}" y="{y_total + 4:.1f}" text-anchor="end">{total}</text>')
    path = " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in
                    enumerate(xy(i, n) for i, (_, n) in enumerate(points)))
    body.append(f'<path d="{path}" fill="none" stroke="{STATUS_COLOURS[Status.DONE]}" stroke-width="2.5"/>')
    for i, (day, n) in enumerate(points):
        x, y = xy(i, n)
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{STATUS_COLOURS[Status.DONE]}">'
                    f"<title>{day.isoformat()}：已完成 {n}</title></circle>")
        if len(points) <= 14 or i % max(1, len(points) // 12) == 0 or i == len(points) - 1:
            body.append(f'<text x="{x:.1f}" y="{height - bottom + 16}" text-anchor="middle">'
                        f"{day.strftime('%y/%m')}</text>")
    return _svg(width, height, title, body)


def meter(parts: list[tuple[str, str, int]]) -> Markup:
    """A promise meter: one bar split by kept / partly / in progress / stalled / missed / not rated."""
    colours = {"kept": STATUS_COLOURS[Status.DONE], "partly": STATUS_COLOURS[Status.PARTLY_DONE],
               "in_progress": STATUS_COLOURS[Status.IN_PROGRESS], "stalled": STATUS_COLOURS[Status.STALLED],
               "missed": STATUS_COLOURS[Status.MISSED], "unrated": STATUS_COLOURS[Status.UNASSESSED]}
    total = sum(n for _, _, n in parts)
    if not total:
        return Markup('<p class="muted">尚无已确认的承诺</p>')
    width, height = 720, 34
    body, x = [], 0.0
    for key, label, n in parts:
        if not n:
            continue
        w = width * n / total
        body.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" fill="{colours[key]}">'
                    f"<title>{escape(label)}：{n}</title></rect>")
        if w > 40:
            body.append(f'<text x="{x + w / 2:.1f}" y="22" text-anchor="middle" fill="#fff" font-weight="bold">'
                        f"{n}</text>")
        x += w
    return _svg(width, height, "承诺兑现情况", body)
