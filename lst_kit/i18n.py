"""One text catalogue for everything a participant or teacher reads.

Dutch is the default; ``LST_LANG=en`` switches to the complete English
catalogue. The catalogues are ``lst_kit/locales/<lang>.yaml``; both hold the
same keys with the same ``{placeholders}`` (a test checks this).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from .paths import pinned_language

__all__ = ["LANGUAGES", "NUMBER_FORMATS", "PLURAL_FORMS", "language", "localized", "money", "number", "number_input",
           "parse_number", "percent", "plural_form", "shorten", "t"]

LANGUAGES = ("nl", "en")
_LOCALES = Path(__file__).with_name("locales")


def language() -> str:
    """The language in force: ``LST_LANG`` if it names a known one, else nl
    (inside :func:`lst_kit.paths.steady_content`: the one at its start)."""
    pinned = pinned_language()
    return _language(pinned if pinned is not None else os.environ.get("LST_LANG", "nl"))


@lru_cache(maxsize=32)
def _language(value: str) -> str:
    lang = value.strip().lower()[:2]
    return lang if lang in LANGUAGES else "nl"


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    """The flat catalogue of one language: ``{"section.key": "text"}``."""
    import yaml

    with open(_LOCALES / f"{lang}.yaml", encoding="utf-8") as fh:
        # libyaml's loader when present: ten times faster than the pure-Python one, same result
        tree = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader
    flat: dict[str, str] = {}

    def walk(prefix: str, node: Any) -> None:
        for key, value in node.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            if isinstance(value, dict):
                walk(name, value)
            else:
                flat[name] = str(value)

    walk("", tree)
    return flat


#: The plural forms a catalogue key can have: ``key: {one: ..., other: ...}``.
PLURAL_FORMS = ("one", "other")


def plural_form(n: Any) -> str:
    """CLDR's category for Dutch and English: ``one`` for exactly 1, else ``other``."""
    return "one" if n == 1 else "other"


def t(key: str, **values: Any) -> str:
    """The text for ``key`` in the current language, with values filled in.

    A key with plural forms (``one:`` and ``other:`` under it) is picked by
    ``n``: ``t("cli.check_ok", n=1)`` -> "1 bestand gecontroleerd"."""
    cat = catalogue(language())
    if "n" in values and f"{key}.other" in cat:
        key = f"{key}.{plural_form(values['n'])}"
    text = cat.get(key)
    if text is None:
        text = catalogue("nl")[key]  # a missing key is a bug: KeyError in tests
    return text.format(**values) if values else text


def localized(value: Any) -> str:
    """Pick the current language from a content text: a plain string (Dutch)
    or a mapping such as ``{"nl": "...", "en": "..."}``."""
    if isinstance(value, dict):
        return str(value.get(language()) or value.get("nl") or "")
    return "" if value is None else str(value)


#: How each language writes numbers (CLDR's symbols and patterns for nl_NL
#: and en_GB): decimal sign, group sign, and the euro before the amount. Two
#: rows of data, where Babel would add 10 MB to the browser build.
NUMBER_FORMATS = {
    "nl": {"decimal": ",", "group": ".", "euro": "€\u00a0"},  # CLDR: a no-break space
    "en": {"decimal": ".", "group": ",", "euro": "€"},
}


def number(x: float, digits: int = 1, strip: bool = False) -> str:
    """A number as a reader of the current language writes it: ``1.234,5``
    in Dutch, ``1,234.5`` in English. ``digits`` decimals (rounded half to
    even, as Python rounds); ``strip`` drops trailing zeros."""
    symbols = NUMBER_FORMATS[language()]
    text = f"{round(float(x), digits) + 0.0:,.{max(digits, 0)}f}"  # + 0.0: no "-0"
    if strip and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]
    return text.translate(str.maketrans({",": symbols["group"], ".": symbols["decimal"]}))


def money(amount: float) -> str:
    """An amount in euro without cents: ``€ 12.500`` (nl; the space is a
    no-break space, so an amount never wraps away from its sign), ``€12,500`` (en)."""
    return NUMBER_FORMATS[language()]["euro"] + number(amount, 0)


def percent(share: float, digits: int = 0) -> str:
    """A share (0..1) as a percentage: ``12,5%`` (nl), ``12.5%`` (en)."""
    return number(100 * float(share), digits, strip=True) + "%"


_GROUPED = {",": r"[1-9]\d{0,2}(,\d{3})+", ".": r"[1-9]\d{0,2}(\.\d{3})+"}


def parse_number(text) -> float:
    """A number as a participant types it, with a decimal comma or a decimal
    point: ``0,1`` and ``0.1`` are both 0.1 in either language. The current
    language's group separator is read as one when it groups by three
    (``20.000`` is 20000 in Dutch, ``20,000`` in English); a leading zero
    never starts a group (``0.125`` is 0.125 everywhere). A ``€`` sign and
    spaces are ignored. ValueError for anything else (the caller turns it into a
    Dutch message)."""
    if isinstance(text, bool):
        raise ValueError(text)
    if isinstance(text, (int, float)):
        return float(text)
    s = str(text).strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("€", "")
    if s.startswith("+"):
        s = s[1:]
    sign = -1.0 if s.startswith(("-", "\u2212")) else 1.0
    if sign < 0:
        s = s[1:]
    if not s:
        raise ValueError(text)
    group = NUMBER_FORMATS[language()]["group"]
    if re.fullmatch(_GROUPED[group], s):
        s = s.replace(group, "")
    elif "," in s and "." in s:  # both: the last one is the decimal mark
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        other = "." if decimal == "," else ","
        whole, _, frac = s.rpartition(decimal)
        if not re.fullmatch(r"[1-9]\d{0,2}(" + re.escape(other) + r"\d{3})+|\d{1,3}", whole) or not frac.isdigit():
            raise ValueError(text)
        s = whole.replace(other, "") + "." + frac
    else:
        s = s.replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d*)?|\.\d+", s):
        raise ValueError(text)
    return sign * float(s)


def number_input(x: float, digits: int = 6) -> str:
    """A number for a text field a participant edits: the current language's
    notation, no trailing zeros, so that :func:`parse_number` reads it back
    as the same value (``0,02``, ``20.000``)."""
    return number(x, digits, strip=True)


def shorten(text, limit: int = 60) -> str:
    """Text cut to ``limit`` characters with "…" (for echoing input back)."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
