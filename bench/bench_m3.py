"""Module 3: redraw after one edit, from value change to finished figure.

Typical size: a case's own risks (6; also for the capacity allocation) and map (about 25 nodes); 10x: 60 risks;
250 nodes and 600 links. Targets (issue 3): median <= 100 ms typical,
<= 300 ms at 10x.

    .venv/bin/python bench/bench_m3.py
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import isolated_env, summary, table, timed, write  # noqa: E402

isolated_env()

import lst_kit  # noqa: E402

EDITS = 50


def risk_view(n_risks: int):
    view = lst_kit.risk_matrix("m3.risicomatrix")
    rng = random.Random(1)
    while len(view.model.risks) < n_risks:
        view.model.add(f"Extra risico {len(view.model.risks) + 1}", rng.randint(1, 5), rng.randint(1, 5))
    view._sync_rows()
    view._redraw()
    return view


def map_view(nodes: int, links: int):
    view = lst_kit.system_map("m3.systeemkaart")
    model = view.model
    rng = random.Random(2)
    while len(model.nodes) < nodes:
        model.add_node(f"Factor {len(model.nodes) + 1}")
    ids = sorted(model.nodes)
    while len(model.links) < links:
        a, b = rng.sample(ids, 2)
        if not any(x.source == a and x.target == b for x in model.links):
            model.add_link(a, b, rng.choice("+-"), rng.randint(1, 3), rng.random() < 0.1)
    view._refresh_choices()
    view._redraw()
    return view


def bench_risk(n_risks: int) -> dict:
    view = risk_view(n_risks)
    sliders = [w["likelihood"] for w in view.row_widgets.values()]

    def edit(i):
        slider = sliders[i % len(sliders)]
        slider.value = 1 + (slider.value % 5)

    return summary(timed(edit, EDITS))


def bench_map(nodes: int, links: int) -> dict:
    view = map_view(nodes, links)
    ids = sorted(view.model.nodes)
    rng = random.Random(3)

    def edit(i):
        # one new influence per edit: the full path of the 'Invloed toevoegen' button
        while True:
            a, b = rng.sample(ids, 2)
            if not any(x.source == a and x.target == b for x in view.model.links):
                break
        view.source.value, view.target.value = a, b
        view.add_link_button.click()

    return summary(timed(edit, EDITS))


def bench_map_actor() -> dict:
    """Issue 15.13: adding an actor took 190 ms in the browser. Each edit in
    turn adds an actor through the form, or removes the one added before."""
    view = map_view(0, 0)
    view.node_kind.value = "actor"

    def edit(i):
        if i % 2 == 0:
            view.node_label.value = f"Nieuwe actor {i}"
            view.add_node_button.click()
        else:
            view.node_choice.value = next(n for n in view.model.nodes if n.startswith("nieuwe_actor"))
            view.remove_node_button.click()

    return summary(timed(edit, EDITS))


def bench_capacity() -> dict:
    """E3.2: one day moved per edit (typed into a field): model, figure,
    table, reading and the workbook save."""
    view = lst_kit.capacity_allocation("m3.capaciteit")
    fields = list(view.day_inputs.values())

    def edit(i):
        field = fields[i % len(fields)]
        field.value = "1" if field.value == "0" else "0"

    return summary(timed(edit, EDITS))


def main() -> None:
    rows = []
    for label, size, fn, target in (
        ("risicomatrix", "6 risico's", lambda: bench_risk(6), 100),
        ("risicomatrix", "60 risico's (10x)", lambda: bench_risk(60), 300),
        ("capaciteit verdelen", "casus (6 risico's)", bench_capacity, 100),
        ("systeemkaart", "casus (~25 knopen)", lambda: bench_map(0, 0), 100),
        ("systeemkaart", "actor toevoegen / weghalen", bench_map_actor, 100),
        ("systeemkaart", "250 knopen, 600 invloeden (10x)", lambda: bench_map(250, 600), 300),
    ):
        result = fn()
        rows.append({"oefening": label, "omvang": size, **result, "doel_ms": target,
                     "gehaald": "ja" if result["median_ms"] <= target else "nee"})
    print(table(rows, ["oefening", "omvang", "n", "median_ms", "p95_ms", "doel_ms", "gehaald"]))
    print(f"\nresultaten: {write('m3_redraw', rows)}")


if __name__ == "__main__":
    main()
