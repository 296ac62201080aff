"""E3.3 System analysis map, the view: a case picker and three tabs (the
editor beside the map it draws, with the loops and leverage candidates below;
Mendelow's grid; where the inspectorate can act). The editor and the map
stand side by side where the width allows and stack below about 900 px."""

from __future__ import annotations

from typing import Sequence

import ipywidgets as widgets

from ...content import ACTOR_TYPES, Case, ContentError
from ...errors import InputError
from ...i18n import t
from ...widgets import CaseFrame, FigureBox, IntSlider, esc
from ...workbook import Workbook
from .figures import (
    leverage_html,
    loops_html,
    map_caption,
    plot_map,
    plot_power_interest,
    quadrants_html,
    reach_html,
)
from .layout import MapLayout, layout
from .model import KINDS, REACH, SystemMap, SystemMapSpec

__all__ = ["SystemMapView"]


class SystemMapView(CaseFrame):
    """The map for one spec, on the cases it is given (id -> Case, in order);
    ``broken`` are the problems of case files that did not load."""

    def __init__(self, spec: SystemMapSpec, cases: dict[str, Case], workbook: Workbook | None = None,
                 broken: Sequence[ContentError] = ()):
        super().__init__(spec, cases, workbook, broken)
        case_id = self.first_case
        self.map_layout: MapLayout | None = None
        self.model = self._load(case_id)
        # as wide as its text, within its row (the 2 px margins on each side inside it too)
        wide = {"style": {"description_width": "initial"},
                "layout": widgets.Layout(width="auto", max_width="calc(100% - 4px)")}
        self.case = widgets.Dropdown(options=[(case.label, c) for c, case in cases.items()], value=case_id,
                                     description=t("map.field_case"), **wide)
        self.case.observe(self.guard(self._on_case), names="value")
        # add node
        self.node_label = widgets.Text(description=t("map.field_label"), placeholder=t("map.label_placeholder"),
                                       **wide)
        self.node_kind = widgets.ToggleButtons(options=[(t(f"map.kind_{k}"), k) for k in KINDS], value="factor",
                                               description=t("map.field_kind"), style={"description_width": "initial",
                                                                                        "button_width": "auto"})
        self.actor_type = widgets.Dropdown(options=[(t(f"map.type_{a}"), a) for a in ACTOR_TYPES], value="regulatee",
                                           description=t("map.field_actor_type"), **wide)
        self.power = IntSlider(value=3, min=1, max=5, description=t("map.field_power"), **wide)
        self.interest = IntSlider(value=3, min=1, max=5, description=t("map.field_interest"), **wide)
        self.node_kind.observe(self.guard(lambda _: self._show_kind_fields()), names="value")
        self.add_node_button = widgets.Button(description=t("map.add_node"), icon="plus")
        self.add_node_button.on_click(self.guard(lambda _: self._on_add_node()))
        # "Toegevoegd: ..." beside the button that added it
        self.node_added = widgets.HTML(layout=widgets.Layout(margin="0 0 0 8px"))
        self.link_added = widgets.HTML(layout=widgets.Layout(margin="0 0 0 8px"))
        # add link
        self.source = widgets.Dropdown(description=t("map.field_source"), **wide)
        self.target = widgets.Dropdown(description=t("map.field_target"), **wide)
        self.sign = widgets.ToggleButtons(options=[("+", "+"), ("−", "-")], value="+", description=t("map.field_sign"),
                                          tooltips=[t("map.sign_plus"), t("map.sign_minus")],
                                          style={"description_width": "initial", "button_width": "3em"})
        self.strength = IntSlider(value=2, min=1, max=3, description=t("map.field_strength"), **wide)
        self.delay = widgets.Checkbox(value=False, description=t("map.field_delay"), indent=False)
        self.add_link_button = widgets.Button(description=t("map.add_link"), icon="plus")
        self.add_link_button.on_click(self.guard(lambda _: self._on_add_link()))
        # remove
        self.link_choice = widgets.Dropdown(description=t("map.field_link"), **wide)
        self.remove_link_button = widgets.Button(description=t("map.remove_link"), icon="trash")
        self.remove_link_button.on_click(self.guard(lambda _: self._on_remove_link()))
        self.node_choice = widgets.Dropdown(description=t("map.field_node"), **wide)
        self.remove_node_button = widgets.Button(description=t("map.remove_node"), icon="trash")
        self.remove_node_button.on_click(self.guard(lambda _: self._on_remove_node()))
        # reach
        self.reach_node = widgets.Dropdown(description=t("map.field_node"), **wide)
        self.reach = widgets.ToggleButtons(options=[(t("map.reach_none"), "")] + [(t(f"map.reach_{r}"), r) for r in REACH],
                                           value="", description=t("map.field_reach"),
                                           style={"description_width": "initial", "button_width": "auto"})
        self.reach_node.observe(self.guard(self._on_reach_node), names="value")
        self.reach.observe(self.guard(self._on_reach), names="value")
        # outputs
        self.figure = FigureBox()
        self.grid_figure = FigureBox()
        self.loops_out = widgets.HTML()
        self.leverage_out = widgets.HTML()
        self.quadrants_out = widgets.HTML()
        self.reach_out = widgets.HTML()
        wrap = widgets.Layout(flex_flow="row wrap", align_items="center")
        self.actor_fields = widgets.VBox([self.actor_type, widgets.HBox([self.power, self.interest], layout=wrap)])
        self.editor = widgets.VBox([
            widgets.HTML(f"<b>{esc(t('map.add_node_title'))}</b>"), self.node_label, self.node_kind, self.actor_fields,
            widgets.HBox([self.add_node_button, self.node_added], layout=wrap),
            widgets.HTML(f"<b>{esc(t('map.add_link_title'))}</b>"),
            widgets.HBox([self.source, self.target], layout=wrap),
            widgets.HBox([self.sign, self.strength, self.delay], layout=wrap),
            widgets.HBox([self.add_link_button, self.link_added], layout=wrap),
            widgets.HTML(f"<b>{esc(t('map.remove_title'))}</b>"),
            widgets.HBox([self.link_choice, self.remove_link_button], layout=wrap),
            widgets.HBox([self.node_choice, self.remove_node_button], layout=wrap),
        ], layout=widgets.Layout(flex="1 1 360px", min_width="0", max_width="100%"))
        self.drawing = widgets.VBox([self.figure, self.loops_out, self.leverage_out],
                                    layout=widgets.Layout(flex="2 1 520px", min_width="0", max_width="100%"))
        # side by side from about 900 px; narrower, the map stacks below the editor
        self.workspace = widgets.HBox([self.editor, self.drawing],
                                      layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start",
                                                            width="100%", grid_gap="12px"))
        self.editor.add_class("lst-map-editor")
        self.drawing.add_class("lst-map-drawing")
        self.tabs = widgets.Tab(children=[
            self.workspace,
            widgets.VBox([self.grid_figure, self.quadrants_out]),
            widgets.VBox([widgets.HTML(f"<p>{esc(t('map.reach_intro'))}</p>"), self.reach_node, self.reach,
                          self.reach_out]),
        ])
        for i, key in enumerate(("tab_map", "tab_grid", "tab_reach")):
            self.tabs.set_title(i, t(f"map.{key}"))
        self._show_kind_fields()
        self._grid_actors = None
        self._refresh_choices()
        self._redraw()
        self.set_body(self.case, widgets.HTML(f"<small>{esc(t('map.illustrative'))}</small>"), self.tabs)

    # -- state ----------------------------------------------------------
    def _load(self, case_id: str) -> SystemMap:
        maps = self._saved.get("maps") if isinstance(self._saved.get("maps"), dict) else {}
        return SystemMap.from_dict(self.spec, maps.get(case_id), self.cases[case_id])

    def _place(self) -> None:
        """Give every node without a place one (new nodes go into free
        space; nodes with a place keep it) and keep the places in the model,
        so they are saved with the answer."""
        self.map_layout = layout(self.model)
        if self.map_layout.placed:
            self.model.set_positions(self.map_layout.pos)

    def _answer(self) -> dict:
        maps = dict(self._saved.get("maps", {})) if isinstance(self._saved.get("maps"), dict) else {}
        maps[self.model.case_id] = self.model.to_dict()
        self._saved = {"case": self.model.case_id, "maps": maps}
        return self._saved

    def _commit(self, structural: bool = True, shown=None) -> None:
        """Show the edit (and call ``shown``: the confirmation beside its
        button), then save it: the new picture goes to the browser without
        waiting for the disk (a save with fsync took 5-80 ms here)."""
        if structural:
            self._place()
            self._refresh_choices()
            self._redraw()
        else:
            self.reach_out.value = reach_html(self.model)
        if shown is not None:
            shown()
        self.save(self._answer())

    # -- widgets ----------------------------------------------------------
    def _refresh_choices(self) -> None:
        nodes = sorted(((x.label, x.id) for x in self.model.nodes.values()), key=lambda p: p[0].casefold())
        for dd in (self.source, self.target, self.node_choice, self.reach_node):
            current = dd.value
            dd.options = nodes
            dd.value = current if current in self.model.nodes else (nodes[0][1] if nodes else None)
        links = [(f"{self.model.nodes[x.source].label} → {self.model.nodes[x.target].label} ({x.sign})",
                  (x.source, x.target)) for x in self.model.links]
        self.link_choice.options = links
        self.link_choice.value = links[0][1] if links else None
        self._target_apart()
        self._show_reach_of(self.reach_node.value)

    def _target_apart(self) -> None:
        """"Naar" on another node than "Van", so the first "Invloed toevoegen" can succeed."""
        if self.target.value == self.source.value:
            other = next((n for _, n in self.target.options if n != self.source.value), None)
            if other is not None:
                self.target.value = other

    def _show_kind_fields(self) -> None:
        """Type, power and interest only for an actor."""
        self.actor_fields.layout.display = None if self.node_kind.value == "actor" else "none"

    def _show_reach_of(self, node_id) -> None:
        node = self.model.nodes.get(node_id)
        self.set_quietly(self.reach, (node.reach or "") if node else "")
        self.reach_out.value = reach_html(self.model)

    def _redraw(self) -> None:
        if self.map_layout is None or set(self.model.positions) != set(self.model.nodes):
            self._place()
        self.figure.show(plot_map(self.model, self.model.positions), alt=t("map.alt"),
                         caption=map_caption(self.model), fmt="svg")
        self.loops_out.value = loops_html(self.model, self.model.loops())
        self.leverage_out.value = leverage_html(self.model)
        actors = tuple((a.id, a.label, a.actor_type, a.power, a.interest) for a in self.model.actors())
        if actors != self._grid_actors:  # the grid changes only with the actors
            self._grid_actors = actors
            self.grid_figure.show(plot_power_interest(self.model), alt=t("map.grid_alt"))
            self.quadrants_out.value = quadrants_html(self.model)

    # -- handlers ---------------------------------------------------------
    def _on_case(self, change) -> None:
        self.model = self._load(change["new"])
        self._place()
        self.node_added.value = self.link_added.value = ""
        self.save(self._answer())
        self._refresh_choices()
        self._redraw()

    def _on_add_node(self) -> None:
        self.node_added.value = ""
        kind = self.node_kind.value
        node = self.model.add_node(self.node_label.value, kind, self.actor_type.value if kind == "actor" else None,
                                   self.power.value, self.interest.value)
        self.node_label.value = ""

        def shown():
            self.source.value = node.id  # ready to link it
            self._target_apart()
            self.node_added.value = f"<span role='status'>{esc(t('map.added', what=node.label))}</span>"

        self._commit(shown=shown)

    def _on_add_link(self) -> None:
        self.link_added.value = ""
        link = self.model.add_link(self.source.value, self.target.value, self.sign.value, self.strength.value,
                                   self.delay.value)
        what = f"{self.model.nodes[link.source].label} → {self.model.nodes[link.target].label} ({link.sign})"
        self._commit(shown=lambda: setattr(self.link_added, "value",
                                           f"<span role='status'>{esc(t('map.added', what=what))}</span>"))

    def _on_remove_link(self) -> None:
        if self.link_choice.value is None:
            raise InputError(t("map.field_link"), t("map.allowed_existing_link"), "—")
        self.model.remove_link(*self.link_choice.value)
        self._commit()

    def _on_remove_node(self) -> None:
        self.model.remove_node(self.node_choice.value)
        self._commit()

    def _on_reach_node(self, change) -> None:
        self._show_reach_of(change["new"])

    def _on_reach(self, change) -> None:
        if self._syncing or self.reach_node.value is None:
            return
        self.model.set_reach(self.reach_node.value, change["new"] or None)
        self._commit(structural=False)
