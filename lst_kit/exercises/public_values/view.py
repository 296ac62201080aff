"""E5.1 view: the case, the stakeholders, the values and a grid of weights,
with the heat map, the ranked table and the index per row."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import ipywidgets as widgets

from ...content import Case, ContentError
from ...i18n import t
from ...widgets import CaseFrame, FigureBox, esc
from ...workbook import Workbook
from .figures import caption, plot_public_values, ranked_table, two_decimals
from .model import MAX_ACTORS, MIN_ACTORS, PublicValuesMap, PublicValuesSpec

__all__ = ["PublicValuesView"]


class PublicValuesView(CaseFrame):
    """The map of one case at a time; ``cases`` are the cases on offer (by id),
    ``broken`` the case files that did not load (named in one line)."""

    def __init__(self, spec: PublicValuesSpec, cases: Mapping[str, Case], workbook: Workbook | None = None,
                 broken: Sequence[ContentError] = ()):
        super().__init__(spec, cases, workbook, broken)
        self.model = PublicValuesMap.from_dict(spec, self.saved(), cases)
        options = [(case.label, case_id) for case_id, case in cases.items()]
        self.case_choice = widgets.Dropdown(options=options, value=self.model.case_id,
                                            description=t("public_values.field_case"),
                                            style={"description_width": "initial"},
                                            layout=widgets.Layout(width="auto"))
        self.case_choice.observe(self.guard(self._on_case), names="value")
        self.case_info = widgets.HTML()
        self.actor_boxes: dict[str, widgets.Checkbox] = {}
        self.actor_panel = widgets.Box(layout=widgets.Layout(display="flex", flex_flow="row wrap"))
        self.new_value = widgets.Combobox(placeholder=t("public_values.new_value_placeholder"),
                                          description=t("public_values.field_new_value"), ensure_option=False,
                                          style={"description_width": "initial"},
                                          layout=widgets.Layout(width="28em"))
        self.add_button = widgets.Button(description=t("public_values.add"), icon="plus",
                                         tooltip=t("public_values.add_tip"), layout=widgets.Layout(width="auto"))
        self.add_button.on_click(self.guard(lambda _: self._on_add()))
        self.remove_choice = widgets.Dropdown(description=t("public_values.field_remove"),
                                              style={"description_width": "initial"},
                                              layout=widgets.Layout(width="28em"))
        self.remove_button = widgets.Button(description=t("public_values.remove"), icon="trash",
                                            tooltip=t("public_values.remove_tip"), layout=widgets.Layout(width="auto"))
        self.remove_button.on_click(self.guard(lambda _: self._on_remove()))
        self.cells: dict[tuple[str, str], widgets.IntText] = {}
        self.row_index: dict[str, widgets.HTML] = {}
        self.grid = widgets.GridBox()
        self.figure = FigureBox()
        self.table = widgets.HTML()
        scale = spec.scale
        self.scale_note = widgets.HTML(
            f"<p style='margin:4px 0'>{esc(t('public_values.scale_note', lo=scale.min, low=scale.low, hi=scale.max, high=scale.high, start=scale.start))}</p>")
        self._build_case()
        self.set_body(
            self.case_choice, self.case_info,
            widgets.HTML(f"<b>{esc(t('public_values.heading_actors', lo=MIN_ACTORS, hi=MAX_ACTORS))}</b>"),
            self.actor_panel,
            widgets.HTML(f"<b>{esc(t('public_values.heading_values'))}</b>"),
            widgets.HBox([self.new_value, self.add_button]),
            widgets.HBox([self.remove_choice, self.remove_button]),
            widgets.HTML(f"<b>{esc(t('public_values.heading_weights'))}</b>"), self.scale_note,
            self.grid, self.figure, self.table,
        )

    # -- building ------------------------------------------------------------
    def _build_case(self) -> None:
        case = self.model.case
        self.case_info.value = (f"<p style='margin:2px 0 6px 0'>{esc(case.summary)}</p>"
                                f"<p style='margin:0 0 6px 0;color:#555'><i>{esc(t('public_values.illustrative'))}</i></p>")
        self.actor_boxes = {}
        chosen = set(self.model.state.actors)
        for actor in case.actors:
            box = widgets.Checkbox(value=actor.id in chosen, description=actor.name, indent=False,
                                   tooltip=f"{actor.role}. {actor.interest}",
                                   layout=widgets.Layout(width="17em"))
            box.observe(self.guard(lambda change, a=actor.id: self._on_actor(a, change)), names="value")
            self.actor_boxes[actor.id] = box
        self.actor_panel.children = tuple(self.actor_boxes.values())
        self._build_values()

    def _build_values(self) -> None:
        """The value controls and the weight grid (after any change of rows or columns)."""
        self.new_value.options = tuple(self.model.suggestions())
        added = list(self.model.state.extra_values)
        self.remove_choice.options = added
        self.remove_choice.value = added[0] if added else None
        self.remove_choice.disabled = self.remove_button.disabled = not added
        actors = self.model.actors()
        cells: list[widgets.Widget] = [widgets.HTML(f"<b>{esc(t('public_values.col_value'))}</b>")]
        cells += [widgets.HTML(f"<div lang='nl' style='font-size:85%;line-height:1.15;overflow-wrap:anywhere;"
                               f"hyphens:auto'><b>{esc(a.name)}</b></div>",
                               layout=widgets.Layout(width="auto")) for a in actors]
        cells.append(widgets.HTML(f"<b>{esc(t('public_values.col_index'))}</b>"))
        self.cells, self.row_index = {}, {}
        for value in self.model.values():
            label = esc(value) + (f" <small>({esc(t('public_values.added'))})</small>" if self.model.is_added(value) else "")
            cells.append(widgets.HTML(label))
            for actor in actors:
                # The description names the cell for screen readers; at zero width it takes no room.
                cell = widgets.IntText(value=self.model.weight(value, actor.id), layout=widgets.Layout(width="5em"),
                                       description=t("public_values.field_weight", value=value, actor=actor.name),
                                       style={"description_width": "0px"})
                cell.observe(self.guard(lambda change, v=value, a=actor.id, w=cell: self._on_weight(v, a, w, change)),
                             names="value")
                self.cells[(value, actor.id)] = cell
                cells.append(cell)
            self.row_index[value] = widgets.HTML()
            cells.append(self.row_index[value])
        self.grid.children = tuple(cells)
        self.grid.layout = widgets.Layout(
            grid_template_columns=f"minmax(10em, 16em) repeat({len(actors)}, minmax(5.5em, 8em)) 6em",
            grid_gap="2px 6px", align_items="center")
        self._redraw()

    # -- handlers -----------------------------------------------------------
    def _on_case(self, change) -> None:
        if self._syncing:
            return
        with self.refused_puts_back(self.case_choice, lambda: self.model.case_id):
            self.model.switch_case(change["new"])
        self.save(self.model.to_dict())
        self._build_case()

    def _on_actor(self, actor_id: str, change) -> None:
        if self._syncing:
            return
        chosen = set(self.model.state.actors)
        chosen = chosen | {actor_id} if change["new"] else chosen - {actor_id}
        with self.refused_puts_back(self.actor_boxes[actor_id], lambda: change["old"]):
            self.model.select_actors(chosen)
        self.save(self.model.to_dict())
        self._build_values()

    def _on_weight(self, value: str, actor_id: str, widget, change) -> None:
        if self._syncing:
            return
        with self.refused_puts_back(widget, lambda: self.model.weight(value, actor_id)):
            self.model.set_weight(value, actor_id, change["new"])
        self.save(self.model.to_dict())
        self._redraw()

    def _on_add(self) -> str:
        name = self.model.add_value(self.new_value.value)
        self.save(self.model.to_dict())
        self.new_value.value = ""
        self._build_values()
        return name

    def _on_remove(self) -> None:
        self.model.remove_value(self.remove_choice.value)
        self.save(self.model.to_dict())
        self._build_values()

    def _redraw(self) -> None:
        title = esc(t("public_values.col_index"))
        for value, index in self.model.divergence():
            self.row_index[value].value = f"<span title='{title}'>{two_decimals(index)}</span>"
        # SVG keeps the numbers in the cells as text: sharp, and half the time of a PNG
        self.figure.show(plot_public_values(self.model), alt=t("public_values.alt"), caption=caption(self.model),
                         fmt="svg")
        self.table.value = ranked_table(self.model)
