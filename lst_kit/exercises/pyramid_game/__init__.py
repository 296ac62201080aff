"""E4.2 The responsive-pyramid game (illustrative, seeded).

Spec: ``data/exercises/m4/piramidespel.yaml`` (type ``pyramid_game``); the
answer format is in :mod:`.model`.
"""

from __future__ import annotations

from ... import content

__all__ = ["pyramid_game"]


def pyramid_game(exercise_id: str = "m4.piramidespel", workbook=None):
    """E4.2 as a widget."""
    from ...widgets import build_view
    from .view import GameView

    return build_view(lambda: GameView(content.load_spec(exercise_id, "pyramid_game"), workbook))
