"""E5.2 Signal triage (the reflective function): field observations of a
case are routed to enforcement, a signal to policy or the public agenda by a
rule a teacher can change; the participant drafts a *signalement* to policy.

- :mod:`.rule`: the triage rule and its parser (pure);
- :mod:`.model`: spec, observations, routes, signalement, answer <-> model (pure);
- :mod:`.figures`: routes and observations, caption, class picture (pure);
- :mod:`.readings`: summary, pictures and demo answers for the reports;
- :mod:`.view`: the widget.

Here: the entry function, and the rule file's loader and check (``lst-kit check``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ...content import KEY, check_file, load_reference, reference_path
from ...i18n import t
from .rule import TriageRule, parse_rule

if TYPE_CHECKING:  # pragma: no cover
    from ...workbook import Workbook

__all__ = ["check_rule_file", "load_rule", "rule_path", "signal_triage"]


def rule_path(name: str) -> Path:
    """``signaal_triage`` -> ``data/reference/signaal_triage.yaml``."""
    if not isinstance(name, str) or not KEY.match(name):
        raise ValueError(t("signal_triage.rule_invalid", given=repr(name)))
    return reference_path(f"{name}.yaml")


def load_rule(name: str = "signaal_triage") -> TriageRule:
    """The validated triage rule ``data/reference/<name>.yaml`` (read again when the file changes)."""
    return load_reference(rule_path(name), parse_rule)


def check_rule_file(path) -> list[str]:
    """Problems in one triage-rule file (for ``lst-kit check``)."""
    return check_file(path, parse_rule)


def signal_triage(exercise_id: str = "m5.signalen", workbook: "Workbook | None" = None):
    """E5.2 as a widget, on every case whose file loads (a broken one is named in one line)."""
    from ...content import load_cases, load_spec
    from ...widgets import build_view
    from .view import SignalTriageView

    def build():
        spec = load_spec(exercise_id, "signal_triage")
        cases, broken = load_cases()
        return SignalTriageView(spec, load_rule(spec.rule_name), cases, workbook, broken=broken)

    return build_view(build)
