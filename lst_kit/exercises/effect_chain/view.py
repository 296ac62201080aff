"""The effect chain as ipywidgets: pick indicators from the menu or write
your own, see where the measurement weight lies, choose a design. Thin: the
model decides, :mod:`.figures` draws."""

from __future__ import annotations

import ipywidgets as widgets

from ...i18n import t
from ...widgets import ExerciseFrame, FigureBox, esc
from ...workbook import Workbook
from .figures import caption, design_caption, plot_designs, plot_weights
from .model import EffectChain, EffectChainSpec, classify, normalize

__all__ = ["EffectChainView"]


class EffectChainView(ExerciseFrame):
    def __init__(self, spec: EffectChainSpec, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.model = EffectChain.from_dict(spec, self.saved())
        self._tier_touched = False
        tier_options = [(x.label, x.key) for x in spec.tiers]

        chain = " → ".join(f"<b>{esc(x.label)}</b>" for x in spec.tiers)
        legend = "".join(f"<li><b>{esc(x.label)}</b>: {esc(x.description)}</li>" for x in spec.tiers if x.description)
        self.chain_info = widgets.HTML(f"<p>{chain}</p><details><summary>{esc(t('effect_chain.tiers_meaning'))}"
                                       f"</summary><ul>{legend}</ul></details>")

        self.menu = widgets.Dropdown(options=[(t("effect_chain.menu_choose"), None)]
                                     + [(m.text, m.text) for m in sorted(spec.menu, key=lambda m: normalize(m.text))],
                                     index=0, description=t("effect_chain.menu"),
                                     style={"description_width": "12em"}, layout=widgets.Layout(width="90%"))
        self.menu_add = widgets.Button(description=t("effect_chain.add"), icon="plus")
        self.menu_add.on_click(self.guard(lambda _: self._on_add_menu()))

        self.own_text = widgets.Text(placeholder=t("effect_chain.own_placeholder"), description=t("effect_chain.own"),
                                     continuous_update=True, style={"description_width": "12em"},
                                     layout=widgets.Layout(width="90%"))
        self.own_text.observe(self.guard(self._on_own_text), names="value")
        self.own_tier = widgets.Dropdown(options=[(t("effect_chain.tier_choose"), None)] + tier_options, index=0,
                                         description=t("effect_chain.tier"), style={"description_width": "12em"})
        self.own_tier.observe(self.guard(self._on_own_tier), names="value")
        self.suggestion = widgets.HTML()
        self.own_add = widgets.Button(description=t("effect_chain.add"), icon="plus")
        self.own_add.on_click(self.guard(lambda _: self._on_add_own()))

        self.rows = widgets.VBox()
        self.row_controls: list[dict] = []

        self.design = widgets.Dropdown(options=[(t("effect_chain.design_choose"), None)]
                                       + [(d.label, d.key) for d in spec.designs],
                                       index=[None, *[d.key for d in spec.designs]].index(self.model.design),
                                       description=t("effect_chain.design"),
                                       style={"description_width": "12em"}, layout=widgets.Layout(width="90%"))
        self.design.observe(self.guard(self._on_design), names="value")
        self.design_info = widgets.HTML()
        self.warnings = widgets.HTML()
        self.figure = FigureBox()
        self.design_figure = FigureBox()

        self._rebuild_rows()
        self._redraw()
        self._redraw_design()
        self.set_body(
            self.chain_info,
            widgets.HTML(f"<b>{esc(t('effect_chain.step_pick'))}</b>"),
            widgets.HBox([self.menu, self.menu_add]),
            widgets.HBox([self.own_text, self.own_add]), widgets.HBox([self.own_tier, self.suggestion]),
            widgets.HTML(f"<b>{esc(t('effect_chain.chosen'))}</b>"), self.rows,
            self.figure,
            widgets.HTML(f"<b>{esc(t('effect_chain.step_design'))}</b>"), self.design, self.design_info,
            self.design_figure, self.warnings,
        )

    # -- handlers --------------------------------------------------------
    def _on_add_menu(self) -> None:
        self.model.add_menu(self.menu.value)
        self.menu.index = 0  # back to "— kies een indicator —" (value None)
        self._changed(rows=True)

    def _on_own_text(self, change) -> None:
        tier, word = classify(change["new"], self.spec.rules)
        if tier and not self._tier_touched:
            self._set_own_tier(tier)
        if not change["new"].strip():
            self.suggestion.value = ""
        elif tier:
            self.suggestion.value = esc(t("effect_chain.suggestion", tier=self.spec.tier(tier).label, word=word))
        else:
            self.suggestion.value = esc(t("effect_chain.no_suggestion"))

    def _on_own_tier(self, change) -> None:
        if not self._syncing:
            self._tier_touched = change["new"] is not None

    def _set_own_tier(self, tier) -> None:
        with self.quietly():
            if tier is None:
                self.own_tier.index = 0  # "— kies het niveau —"; value None
            else:
                self.own_tier.value = tier

    def _on_add_own(self) -> None:
        self.model.add_own(self.own_text.value, self.own_tier.value)
        self._tier_touched = False
        self.own_text.value = ""
        self._set_own_tier(None)
        self._changed(rows=True)

    def _on_row_tier(self, index: int, tier) -> None:
        if self._syncing:
            return
        self.model.set_tier(index, tier)
        self._changed()

    def _on_remove(self, index: int) -> None:
        self.model.remove(index)
        self._changed(rows=True)

    def _on_design(self, change) -> None:
        self.model.set_design(change["new"])
        self.save(self.model.to_dict())
        self._redraw_design()  # the weights chart did not change

    def _changed(self, rows: bool = False) -> None:
        self.save(self.model.to_dict())
        if rows:
            self._rebuild_rows()
        self._redraw()

    # -- display -----------------------------------------------------------
    def _rebuild_rows(self) -> None:
        tier_options = [(x.label, x.key) for x in self.spec.tiers]
        rows, controls = [], []
        for index, indicator in enumerate(self.model.indicators):
            source = t("effect_chain.source_menu") if indicator.source == "menu" else t("effect_chain.source_own")
            text = widgets.HTML(f"{esc(indicator.text)} <small style='color:#555'>({esc(source)})</small>",
                                layout=widgets.Layout(width="55%"))
            if indicator.source == "eigen":
                tier = widgets.Dropdown(options=tier_options, value=indicator.tier, layout=widgets.Layout(width="16em"))
                tier.observe(self.guard(lambda change, i=index: self._on_row_tier(i, change["new"])), names="value")
            else:
                tier = widgets.HTML(f"<b>{esc(self.spec.tier(indicator.tier).label)}</b>",
                                    layout=widgets.Layout(width="16em"))
            remove = widgets.Button(description=t("effect_chain.remove"), icon="trash",
                                    layout=widgets.Layout(width="8em"))
            remove.on_click(self.guard(lambda _, i=index: self._on_remove(i)))
            rows.append(widgets.HBox([text, tier, remove]))
            controls.append({"tier": tier, "remove": remove})
        if not rows:
            rows = [widgets.HTML(f"<span style='color:#555'>{esc(t('effect_chain.none_chosen'))}</span>")]
        self.rows.children = tuple(rows)
        self.row_controls = controls

    def _show_warnings(self) -> None:
        notes = self.model.warnings()
        self.warnings.value = "".join(
            f"<div role='status' style='background:#fff4d6;color:#5c4400;padding:6px 10px;border-radius:4px;"
            f"margin:3px 0'>⚠ {esc(n)}</div>" for n in notes)

    def _redraw(self) -> None:
        """After a change of indicators: the weights chart and the warnings."""
        self._show_warnings()
        self.figure.show(plot_weights(self.model), alt=t("effect_chain.alt_weights"), caption=caption(self.model))

    def _redraw_design(self) -> None:
        """After a change of design: its description, chart and the warnings."""
        design = self.model.chosen_design()
        if design:
            dots = "●" * design.strength + "○" * (5 - design.strength)
            self.design_info.value = (
                f"<p style='margin:2px 0'><b>{esc(design.label)}</b>: {esc(design.description)}<br>"
                f"{esc(t('effect_chain.strength', strength=design.strength))} "
                f"<span aria-hidden='true'>{dots}</span><br><small>{esc(self.spec.strength_note)}</small></p>")
        else:
            self.design_info.value = ""
        self._show_warnings()
        self.design_figure.show(plot_designs(self.spec, self.model.design), alt=t("effect_chain.alt_designs"),
                                caption=design_caption(self.model))
