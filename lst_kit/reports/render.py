"""The Jinja2 environment shared by the portfolio and the class overview.

Autoescape is on for every template, so whatever a participant typed (or a
foreign JSON file holds) reaches the page as text, never as markup.
"""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..i18n import language, t
from ..i18n import number as fmt

TEMPLATES = Path(__file__).with_name("templates")
MAX_DEPTH = 8


def paragraphs(text: Any) -> list[str]:
    """Text split on blank lines; single newlines are kept (CSS pre-wrap shows them)."""
    parts = [p.strip("\n") for p in re.split(r"\n\s*\n", str(text))]
    return [p for p in parts if p.strip()] or [""]


def scalar(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return t("hooks.word_yes") if value else t("hooks.word_no")
    if isinstance(value, float):
        return fmt(value, 2, strip=True)
    return str(value)


def is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def table_columns(value: Any) -> list[str]:
    """Columns when ``value`` is a list of flat mappings (render as a table), else []."""
    if not isinstance(value, list) or not value or not all(isinstance(v, dict) and v for v in value):
        return []
    if not all(is_scalar(x) for v in value for x in v.values()):
        return []
    columns: list[str] = []
    for row in value:
        for key in row:
            if key not in columns:
                columns.append(key)
    return columns if len(columns) <= 12 else []


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def mime(data: bytes) -> str:
    """The image type of rendered figure bytes: SVG (text) or PNG."""
    return "image/svg+xml" if data.lstrip()[:5] in (b"<?xml", b"<svg ") else "image/png"


@lru_cache(maxsize=4)
def _environment(lang: str):
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(t=t, scalar=scalar, is_scalar=is_scalar, table_columns=table_columns, MAX_DEPTH=MAX_DEPTH,
                       lang=lang)
    env.filters.update(paragraphs=paragraphs, b64=b64, mime=mime)
    return env


def render(template: str, **context) -> str:
    return _environment(language()).get_template(template).render(**context)
