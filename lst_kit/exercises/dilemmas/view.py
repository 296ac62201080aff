"""E6.1 Independence dilemma cards, the view: one accordion page per card
(scenario, the options; after choosing, the rules and a discussion prompt),
the progress, and the profile."""

from __future__ import annotations

import ipywidgets as widgets

from ...content import Case
from ...i18n import t
from ...widgets import ExerciseFrame, FigureBox, esc
from ...workbook import Workbook
from .figures import case_html, plot_profile, rule_html, summary_text
from .model import DilemmaChoices, DilemmaSpec

__all__ = ["DilemmasView"]


class DilemmasView(ExerciseFrame):
    """The cards of one spec; ``case`` is the spec's case, if it names one."""

    def __init__(self, spec: DilemmaSpec, case: Case | None = None, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.model = DilemmaChoices.from_dict(spec, self.saved())
        parts = [widgets.HTML(case_html(case))] if case is not None else []
        self.radios: dict[str, widgets.RadioButtons] = {}
        self.rule_boxes: dict[str, widgets.HTML] = {}
        pages = []
        for card in spec.cards:
            radio = widgets.RadioButtons(
                options=[(o.text, o.key) for o in card.options],
                value=self.model.choices.get(card.key),
                description=t("dilemmas.field_choice"),
                style={"description_width": "initial"},
                layout=widgets.Layout(width="auto"),
            )
            radio.observe(self.guard(lambda change, key=card.key: self._on_choice(key, change["new"])), names="value")
            box = widgets.HTML()
            self.radios[card.key] = radio
            self.rule_boxes[card.key] = box
            dim = spec.dimension(card.dimension).label
            pages.append(widgets.VBox([
                widgets.HTML(f"<p style='margin:2px 0'>{esc(card.scenario)}</p>"
                             f"<p style='margin:2px 0'><small style='color:#555'>"
                             f"{esc(t('dilemmas.dimension', dimension=dim))}</small></p>"),
                radio, box,
            ]))
        self.cards = widgets.Accordion(children=pages, selected_index=0 if pages else None)
        self.progress = widgets.HTML()
        self.figure = FigureBox()
        self.scale_note = widgets.HTML(f"<small style='color:#555'>{esc(t('dilemmas.scale_note'))}</small>")
        self._refresh_cards()
        self._redraw()
        self.set_body(*parts, self.cards, self.progress, self.figure, self.scale_note)

    def _on_choice(self, card_key: str, option_key) -> None:
        if option_key is None:
            return
        self.model.choose(card_key, option_key)
        self.save(self.model.to_dict())
        self._refresh_cards()
        self._redraw()

    def _refresh_cards(self) -> None:
        titles = []
        for i, card in enumerate(self.spec.cards):
            done = card.key in self.model.choices
            titles.append(f"{i + 1}. {card.title}" + (" ✓" if done else ""))
            self.rule_boxes[card.key].value = rule_html(self.spec, card) if done else ""
        self.cards.titles = tuple(titles)
        progress = t("dilemmas.progress", done=len(self.model.choices), total=len(self.spec.cards))
        self.progress.value = f"<small>{esc(progress)}</small>"

    def _redraw(self) -> None:
        self.figure.show(plot_profile(self.model), alt=t("dilemmas.alt"), caption=summary_text(self.model))
