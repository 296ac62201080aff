"""The responsive-pyramid game as widgets: pick a type, play rounds, restart."""

from __future__ import annotations

import ipywidgets as widgets

from ...i18n import t
from ...widgets import ExerciseFrame, FigureBox, esc
from ...workbook import Workbook
from .figures import game_summary, log_lines, plot_game
from .model import HIDDEN, Game, GameSpec

__all__ = ["GameView"]


class GameView(ExerciseFrame):
    def __init__(self, spec: GameSpec, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.game = Game.from_dict(spec, self.saved())
        options = [(a.label, a.key) for a in spec.agents] + [(t("pyramid_game.hidden"), HIDDEN)]
        self.agent_dd = widgets.Dropdown(options=options, value=self.game.agent_key,
                                         description=t("pyramid_game.field_agent"),
                                         tooltip=t("pyramid_game.agent_tip"), style={"description_width": "initial"},
                                         layout=widgets.Layout(width="28em"))
        self.agent_dd.observe(self.guard(lambda change: self._on_agent(change["new"])), names="value")
        self.agent_info = widgets.HTML()
        self.level = widgets.ToggleButtons(options=[(f"{lv.level} · {lv.label}", lv.level) for lv in spec.levels],
                                           value=1, description=t("pyramid_game.field_level"),
                                           tooltips=[t("pyramid_game.level_tip", cost=f"{lv.cost:g}")
                                                     for lv in spec.levels],
                                           style={"description_width": "initial", "button_width": "auto"})
        self.next_button = widgets.Button(description=t("pyramid_game.next"), icon="play", button_style="primary",
                                          tooltip=t("pyramid_game.next_tip"), layout=widgets.Layout(width="auto"))
        self.next_button.on_click(self.guard(lambda _b: self._on_next()))
        self.restart_button = widgets.Button(description=t("pyramid_game.restart"), icon="refresh",
                                             tooltip=t("pyramid_game.restart_tip"), layout=widgets.Layout(width="auto"))
        self.restart_button.on_click(self.guard(lambda _b: self._on_restart()))
        self.figure = FigureBox()
        self.rounds_log = widgets.HTML()
        self._redraw()
        self.set_body(widgets.HTML(f"<p style='color:#6b5200'><b>{esc(t('pyramid_game.illustrative'))}</b></p>"),
                      self.agent_dd, self.agent_info, self.level,
                      widgets.HBox([self.next_button, self.restart_button]), self.figure, self.rounds_log)

    def _on_agent(self, key) -> None:
        self.game.set_agent(key)
        self._changed()

    def _on_next(self) -> None:
        self.game.choose(self.level.value)
        self._changed()

    def _on_restart(self) -> None:
        self.game.restart()
        self._changed()

    def _changed(self) -> None:
        self.save(self.game.to_dict())
        self._redraw()

    def _redraw(self) -> None:
        game = self.game
        info = t("pyramid_game.hidden_info") if game.hidden else game.agent.description
        self.agent_info.value = f"<small>{esc(info)}</small>"
        self.next_button.disabled = game.finished
        self.figure.show(plot_game(self.spec, game.rounds(), self.spec.rounds), alt=t("pyramid_game.alt"),
                         caption=game_summary(game))
        items = "".join(f"<li>{esc(line)}" + (f" <i>{esc(over)}</i>" if over else "") + "</li>"
                        for line, over in log_lines(game))
        self.rounds_log.value = f"<ol style='margin-top:0;padding-left:0;list-style:none'>{items}</ol>" if items else ""
