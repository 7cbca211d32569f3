"""The pieces every server-drawn SVG chart and diagram is made of.

Charts are drawn on the server so that page, print and PDF show the same picture. Every
piece of text is escaped here with ``html.escape``; the caller marks the finished SVG safe.
Each picture is ``role="img"`` with a title and a description, and the page puts the same
numbers in a table next to it, so colour is never the only carrier.
"""

import html

FONT = "font-family=\"'IBM Plex Sans', Arial, sans-serif\""
TEXT = "#1a1a1a"
MUTED = "#545454"
AXIS = "#757575"
GRID = "#d9d9d9"
BLUE = "#00508f"
HALO = 'stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round"'
CHAR_WIDTH = 7.2  # average width of a 13 px character, for sizing labels


def escape(text: object) -> str:
    return html.escape(str(text), quote=True)


def number(value: float) -> str:
    """A coordinate with at most one decimal and no trailing zeros."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def clip(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def text(
    x: float,
    y: float,
    content: object,
    *,
    size: int = 13,
    anchor: str = "start",
    fill: str = TEXT,
    bold: bool = False,
    extra: str = "",
    title: str = "",
    css: str = "",
) -> str:
    """A label centred on ``y``. ``title`` is a tooltip, e.g. the full text of a clipped
    label; ``css`` a class for the page's stylesheet; ``extra`` raw attributes (a halo)."""
    weight = ' font-weight="600"' if bold else ""
    extra = f" {extra}" if extra else ""
    css = f' class="{escape(css)}"' if css else ""
    tip = f"<title>{escape(title)}</title>" if title else ""
    return (
        f'<text{css} x="{number(x)}" y="{number(y)}" font-size="{size}" fill="{fill}" '
        f'text-anchor="{anchor}" dominant-baseline="central"{weight}{extra}>'
        f"{tip}{escape(content)}</text>"
    )


def svg(chart_id: str, width: float, height: float, title: str, desc: str, body: str) -> str:
    """The outer element, with an accessible title and description. The page's stylesheet
    scales it down (``.styrbord-chart``); no inline style, because WeasyPrint would take an
    inline ``height:auto`` as the height and print every chart square."""
    chart_id = escape(chart_id)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="styrbord-chart" id="{chart_id}" '
        f'viewBox="0 0 {number(width)} {number(height)}" width="{number(width)}" '
        f'height="{number(height)}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" {FONT}>'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>{body}</svg>'
    )
