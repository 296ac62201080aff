"""Errors with a plain Dutch message for the participant."""

from __future__ import annotations

import math
from typing import Any

from .i18n import number, shorten, t

__all__ = ["MAX_SHOWN", "InputError", "shown_input"]


class InputError(ValueError):
    """Input a model refuses. The message names the field, what is allowed
    and what was given; the model stays as it was."""

    def __init__(self, field: str, allowed: str, given: Any):
        self.field = field
        self.allowed = allowed
        self.given = given
        super().__init__(t("input.error", field=field, allowed=allowed, given=shown_input(given)))


#: How much of a refused input a message echoes back.
MAX_SHOWN = 120


def shown_input(given: Any) -> str:
    """A refused input as a message repeats it: text cut to :data:`MAX_SHOWN`
    characters with "…", nothing as "(leeg)", numbers in the reader's notation
    (``500``, ``0,5``), never a 300-character paste in full."""
    if given is None or (isinstance(given, str) and not given.strip()):
        return t("input.empty")
    if isinstance(given, (int, float)) and not isinstance(given, bool) and math.isfinite(given):
        return number(given, 4, strip=True)
    return shorten(given if isinstance(given, str) else repr(given), MAX_SHOWN)
