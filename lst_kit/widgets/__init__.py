"""The widget parts shared by every exercise view (all ipywidgets lives
here and in the exercises' ``view.py`` files; models never import it).

- :mod:`.frame`: :class:`ExerciseFrame`, :class:`CaseFrame` (a view on the
  shared cases) and :func:`build_view`;
- :mod:`.parts`: error banner, saved indicator, figure box;
- :mod:`.field`: the refusal message shown next to its control;
- :mod:`.slider`: the accessible slider (a native range input);
- :mod:`.debounce`: the debounced save of text fields;
- :mod:`.status`: the workbook box at the top of a module;
- :mod:`.style`: the kit's CSS and :func:`side_by_side`.
"""

from .debounce import Debouncer, flush_pending, kernel_loop
from .field import INVALID_CLASS, FieldMessage, typed_number
from .frame import CaseFrame, ExerciseFrame, build_view
from .parts import ErrorBanner, FigureBox, SavedIndicator, esc, labelled_layout
from .slider import FloatSlider, IntSlider
from .status import workbook_status
from .style import side_by_side, style_html

__all__ = [
    "INVALID_CLASS",
    "CaseFrame",
    "Debouncer",
    "ErrorBanner",
    "ExerciseFrame",
    "FieldMessage",
    "FigureBox",
    "FloatSlider",
    "IntSlider",
    "SavedIndicator",
    "build_view",
    "esc",
    "flush_pending",
    "kernel_loop",
    "labelled_layout",
    "side_by_side",
    "style_html",
    "typed_number",
    "workbook_status",
]
