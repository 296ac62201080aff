"""The fields of a case file, described once: the table in the teacher's
guide (``docs/docent.md``) and the README is generated from here, and its
allowed values come from the same constants :func:`parse_case` checks
against, so the guide cannot drift from what ``lst-kit check`` accepts (a
test also checks that every field a shipped case uses is described).

    python -m lst_kit.content.case_fields docs/docent.md   # rewrite the table
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from ..i18n import t
from .cases import ACTOR_TYPES, INTERVENTION_FAMILIES, LAW_COVERAGE, T11_KEYS

__all__ = ["BEGIN", "CASE_FIELDS", "END", "CaseField", "case_fields_markdown", "rewrite"]

BEGIN = "<!-- casusvelden: gemaakt door python -m lst_kit.content.case_fields; niet met de hand aanpassen -->"
END = "<!-- /casusvelden -->"


@dataclass(frozen=True)
class CaseField:
    name: str           # as in the file; ``risks[].likelihood`` for a field of each item of a list
    required: bool
    allowed: tuple      # (catalogue key, values for its placeholders)

    @property
    def key(self) -> str:
        return self.name.replace("[]", "").replace(".T1-T11", "_dimension").replace(".", "_").replace("_dimension_", "_")


def _choice(options) -> tuple:
    return ("content.allowed_choice", {"options": ", ".join(options)})


def _int(lo, hi) -> tuple:
    return ("content.allowed_int", {"lo": lo, "hi": hi})


def _num(lo, hi) -> tuple:
    return ("content.allowed_number", {"lo": lo, "hi": hi})


_TEXT = ("content.allowed_text", {})
_KEY = ("content.allowed_key", {})
_BOOL = ("content.allowed_bool", {})
_ACTOR = ("cases.allowed_actor", {})
_NODE = ("cases.allowed_node", {})
_T11 = ("cases.allowed_t11_list", {})
_LIST = ("case_fields.allowed_list", {})
_MAP = ("content.allowed_mapping", {})

#: Every field of a case, in the order of a case file.
CASE_FIELDS: tuple[CaseField, ...] = (
    CaseField("case_id", True, ("case_fields.allowed_case_id", {})),
    CaseField("title", True, _TEXT),
    CaseField("inspectorate", True, _TEXT),
    CaseField("illustratief", True, ("case_fields.allowed_true", {})),
    CaseField("summary", True, _TEXT),
    CaseField("public_values", True, ("content.allowed_list", {"min": 1, "max": 20})),
    CaseField("actors", True, ("content.allowed_list", {"min": 2, "max": 300})),
    CaseField("actors[].id", True, _KEY),
    CaseField("actors[].name", True, _TEXT),
    CaseField("actors[].type", True, _choice(ACTOR_TYPES)),
    CaseField("actors[].role", True, _TEXT),
    CaseField("actors[].interest", True, _TEXT),
    CaseField("actors[].power", True, _int(1, 5)),
    CaseField("actors[].interest_score", True, _int(1, 5)),
    CaseField("actors[].stance", False, _int(-2, 2)),
    CaseField("risks", True, ("content.allowed_list", {"min": 1, "max": 100})),
    CaseField("risks[].id", True, _KEY),
    CaseField("risks[].name", True, _TEXT),
    CaseField("risks[].description", False, _TEXT),
    CaseField("risks[].likelihood", True, _int(1, 5)),
    CaseField("risks[].impact", True, _int(1, 5)),
    CaseField("risks[].systemic", True, _BOOL),
    CaseField("risks[].covered_by_law", True, _choice(LAW_COVERAGE)),
    CaseField("risks[].owner", False, _ACTOR),
    CaseField("target_groups", True, ("content.allowed_list", {"min": 1, "max": 6})),
    CaseField("target_groups[].id", True, _KEY),
    CaseField("target_groups[].name", True, _TEXT),
    CaseField("target_groups[].description", False, _TEXT),
    CaseField("target_groups[].t11", True, ("case_fields.allowed_t11_block", {"keys": ", ".join(T11_KEYS)})),
    CaseField("target_groups[].t11.T1-T11", True, _MAP),
    CaseField("target_groups[].t11.T1-T11.score", True, _int(1, 5)),
    CaseField("target_groups[].t11.T1-T11.rationale", True, _TEXT),
    CaseField("nodes", True, ("content.allowed_list", {"min": 2, "max": 1000})),
    CaseField("nodes[].id", True, _KEY),
    CaseField("nodes[].label", True, _TEXT),
    CaseField("nodes[].kind", True, _choice(["factor", "actor"])),
    CaseField("nodes[].actor", False, _ACTOR),
    CaseField("links", True, ("content.allowed_list", {"min": 1, "max": 3000})),
    CaseField("links[].source", True, _NODE),
    CaseField("links[].target", True, _NODE),
    CaseField("links[].sign", True, _choice(["+", "-"])),
    CaseField("links[].strength", False, _int(1, 3)),
    CaseField("links[].delay", False, _BOOL),
    CaseField("interventions", True, ("content.allowed_list", {"min": 1, "max": 100})),
    CaseField("interventions[].id", True, _KEY),
    CaseField("interventions[].name", True, _TEXT),
    CaseField("interventions[].description", False, _TEXT),
    CaseField("interventions[].pyramid_level", True, _int(1, 6)),
    CaseField("interventions[].family", True, _choice(INTERVENTION_FAMILIES)),
    CaseField("interventions[].targets_t11", False, _T11),
    CaseField("interventions[].value", True, _int(1, 5)),
    CaseField("interventions[].legitimacy", True, _int(1, 5)),
    CaseField("interventions[].capacity", True, _int(1, 5)),
    CaseField("signals", False, ("content.allowed_list", {"min": 0, "max": 100})),
    CaseField("signals[].id", True, _KEY),
    CaseField("signals[].observation", True, _TEXT),
    CaseField("signals[].frequency", True, _int(1, 5)),
    CaseField("signals[].severity", True, _int(1, 5)),
    CaseField("signals[].covered_by_law", True, _choice(LAW_COVERAGE)),
    CaseField("signals[].systemic", True, _BOOL),
    CaseField("signals[].who_can_act", False, _TEXT),
    CaseField("policy_tension", False, _TEXT),
    CaseField("module_hooks", False, _MAP),
    CaseField("deterrence", False, _MAP),
    CaseField("deterrence.gain", True, _num(0, 1e9)),
    CaseField("deterrence.detection", True, _num(0, 1)),
    CaseField("deterrence.sanction", True, _num(0, 1)),
    CaseField("deterrence.fine", True, _num(0, 1e9)),
)


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def case_fields_markdown() -> str:
    """The table of a case's fields (Markdown, in the current language)."""
    rows = [f"| {t('case_fields.col_field')} | {t('case_fields.col_required')} | {t('case_fields.col_meaning')} "
            f"| {t('case_fields.col_allowed')} |", "|---|---|---|---|"]
    for f in CASE_FIELDS:
        key, values = f.allowed
        allowed = t(key, **{k: (f"{v:g}" if isinstance(v, float) else v) for k, v in values.items()}) \
            if values else t(key)
        rows.append(f"| `{f.name}` | {t('case_fields.required_yes') if f.required else t('case_fields.required_no')} "
                    f"| {_cell(t('case_fields.' + f.key))} | {_cell(allowed)} |")
    return "\n".join(rows)


def rewrite(path: Path) -> bool:
    """Put the generated table between the markers in ``path``; True if it changed."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    new = text[:start] + "\n" + case_fields_markdown() + "\n" + text[end:]
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":  # pragma: no cover - the maintainer's command
    for name in sys.argv[1:]:
        rewrite(Path(name))
