"""E2.3 Effect chain: pick indicators from a menu or write your own, put each
on a tier of the chain (input, activiteit, output, outcome, impact), see
where the measurement weight lies, and choose an evaluation design with its
(illustrative) evidential strength.

- :mod:`.model`: spec, keyword matching, the chain (pure);
- :mod:`.figures`: the weights and designs charts with their captions;
- :mod:`.readings`: summary, portfolio picture, class picture, demo answer;
- :mod:`.view`: the widget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ...workbook import Workbook

__all__ = ["effect_chain"]


def effect_chain(exercise_id: str = "m2.effectketen", workbook: "Workbook | None" = None):
    """E2.3 as a widget."""
    from ...content import load_spec
    from ...widgets import build_view
    from .view import EffectChainView

    return build_view(lambda: EffectChainView(load_spec(exercise_id, "effect_chain"), workbook))
