"""Errors with a plain Dutch message for the participant."""

from __future__ import annotations

from typing import Any

from .i18n import t

__all__ = ["InputError"]


class InputError(ValueError):
    """Input a model refuses. The message names the field, what is allowed
    and what was given; the model stays as it was."""

    def __init__(self, field: str, allowed: str, given: Any):
        self.field = field
        self.allowed = allowed
        self.given = given
        shown = given if isinstance(given, str) else repr(given)
        super().__init__(t("input.error", field=field, allowed=allowed, given=shown))
