"""Module 4 redraw benchmark: from one edit (a widget value change) to the
finished FigureBox, including the save to the workbook.

    .venv/bin/python bench/bench_m4.py [--edits 50]

For each exercise, 50 edits at a typical size and at ten times that size;
prints median and p95 of the wall-clock time and of the process CPU time
(which a busy machine does not inflate), and writes bench/results/m4.json
(shared harness). Prints figures, passes or fails nothing. Target (issue 4):
median <= 100 ms at typical size; the 10x figures have no target.

Sizes:
- Tafel van Elf: typical = the shipped cases (5); 10x = 50 cases, with a saved
  answer holding scores for every target group of every case. The edit moves
  one slider (radar redraw) or changes one calculator field (deterrence plot).
- Intervention matrix: typical = the shipped catalogue (16 interventions) with
  the 16 cells filled as in the reference (2-3 per cell); 10x = a catalogue of
  160 interventions and 20-30 per cell. The edit ticks one intervention.
- Pyramid: typical = the shipped catalogue, 6 interventions in the segment;
  10x = 160 interventions, 60 in the segment. The edit ticks one intervention.
- EAST letter: typical = the shipped letter; 10x = ten times as long. The edit
  is one keystroke (outside a kernel the debounced save runs at once).
- Pyramid game: typical = a game of 10 rounds; 10x = 100 rounds. The edit
  plays one round (the whole game is replayed from the seeded choices).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import summary, table, write  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
TARGET_MS = 100


def scaled_data(root: Path, factor: int) -> Path:
    """A copy of data/ with `factor` times the cases and the catalogue."""
    data = root / f"data-x{factor}"
    shutil.copytree(REPO / "data", data)
    if factor == 1:
        return data
    cases = sorted((data / "cases").glob("*.yaml"))
    for i in range(1, factor):
        for src in cases:
            doc = yaml.safe_load(src.read_text(encoding="utf-8"))
            doc["case_id"] = f"{doc['case_id']}_{i}"
            doc["title"] = f"{doc['title']} ({i})"
            (data / "cases" / f"{doc['case_id']}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True),
                                                                   encoding="utf-8")
    path = data / "reference" / "interventiecatalogus.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    base = list(doc["interventions"])
    for i in range(1, factor):
        for item in base:
            doc["interventions"].append(dict(item, id=f"{item['id']}_{i}", label=f"{item['label']} ({i})",
                                             short=f"{item['short'][:19]} {i}"))
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return data


def measure(edit, n: int) -> tuple[list[float], list[float]]:
    wall, cpu = [], []
    for i in range(n):
        w0, c0 = time.perf_counter(), time.process_time()
        edit(i)
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    return wall, cpu


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def run(factor: int, n: int, root: Path) -> list[tuple]:
    os.environ["LST_DATA_DIR"] = str(scaled_data(root, factor))
    import lst_kit
    from lst_kit.content.cases import case_ids, load_case
    from lst_kit.i18n import number
    from lst_kit.workbook import open_workbook

    wb = open_workbook("bench", root / f"wb-x{factor}")
    rows = []

    # Tafel van Elf: an answer holding scores for every group of every case
    scores = {cid: {g.id: {f"T{k}": 3 for k in range(1, 12)} for g in load_case(cid).target_groups}
              for cid in case_ids()}
    wb.save_answer("m4.tafel_van_elf", {"case": "ilt_ontgassen_binnenvaart", "scores": scores})
    view = lst_kit.tafel_van_elf("m4.tafel_van_elf", workbook=wb)
    assert view.__class__.__name__ == "T11View", getattr(view, "message", view)

    def slider(i):
        before = view.radar.draws
        view.sliders["T3"].value = 1 + (i % 5) if view.sliders["T3"].value != 1 + (i % 5) else 1 + ((i + 1) % 5)
        assert view.radar.draws == before + 1

    rows.append(("Tafel van Elf: schuifje → radar", factor, *measure(slider, n)))

    def deterrence(i):
        before = view.det_figure.draws
        # typed as a participant types it (a text field since the decimal comma)
        view.det_inputs["detection"].value = number(0.01 + 0.01 * (i % 90) + (0.001 if i % 2 else 0), 3, strip=True)
        assert view.det_figure.draws == before + 1

    rows.append(("Tafel van Elf: calculator → grafiek", factor, *measure(deterrence, n)))

    # Intervention matrix: every cell filled (reference, scaled with the catalogue)
    from lst_kit.exercises.intervention_matrix import load_matrix_setup

    setup = load_matrix_setup()
    cells = {}
    for cell in setup.spec.cell_keys:
        ids = list(setup.reference.get(cell))
        for k in range(1, factor):
            ids += [f"{x}_{k}" for x in setup.reference.get(cell)]
        cells[cell] = ids
    wb.save_answer("m4.interventiematrix", {"cells": cells, "situation": "B2"})
    matrix = lst_kit.intervention_matrix("m4.interventiematrix", workbook=wb)
    assert matrix.__class__.__name__ == "MatrixView", getattr(matrix, "message", matrix)

    def tick(i):
        before = matrix.figure.draws
        box = matrix.checks["nudge"]
        box.value = not box.value
        assert matrix.figure.draws == before + 1

    rows.append(("Interventiematrix: vinkje → matrix", factor, *measure(tick, n)))

    # Pyramid: own choices in one segment
    pyramid = lst_kit.enforcement_pyramid("m4.piramide", workbook=wb)
    pyramid.source.value = "eigen"
    wanted = [i.id for i in setup.catalogue.items][: 6 * factor]
    for item_id in wanted:
        pyramid.checks[item_id].value = True

    def pyr(i):
        before = pyramid.figure.draws
        box = pyramid.checks["signaal_beleid"]
        box.value = not box.value
        assert pyramid.figure.draws == before + 1

    rows.append(("Piramide: vinkje → piramide", factor, *measure(pyr, n)))

    # EAST letter: a letter of `factor` times the original length; one keystroke (no event loop: saved at once)
    letter = lst_kit.east_letter("m4.east_brief", workbook=wb)
    base = "\n\n".join([letter.spec.letter] * factor)

    def typing(i):
        before = letter.figure.draws
        letter.text.value = base + " " + "x" * (i + 1)
        assert letter.figure.draws == before + 1

    rows.append(("EAST-brief: tekst → score", factor, *measure(typing, n)))

    # Pyramid game: a game of `factor` x 10 rounds; the edit plays its last round (the game is replayed)
    import dataclasses

    from lst_kit.content import load_spec

    size = load_spec("m4.piramidespel").rounds * factor
    game = lst_kit.pyramid_game("m4.piramidespel", workbook=wb)
    game.spec = game.game.spec = dataclasses.replace(game.spec, rounds=size)
    wall, cpu = [], []
    for i in range(n):
        game.game.levels = [1 + k % 3 for k in range(size - 1)]
        game.next_button.disabled = False
        before = game.figure.draws
        w0, c0 = time.perf_counter(), time.process_time()
        game.next_button.click()
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
        assert game.figure.draws == before + 1 and len(game.game.levels) == size
    rows.append(("Piramidespel: ronde → grafiek", factor, wall, cpu))
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=50)
    args = parser.parse_args(argv)
    os.environ.setdefault("MPLBACKEND", "Agg")
    root = Path(tempfile.mkdtemp(prefix="lst-bench-m4-"))
    try:
        measured = []
        for factor in (1, 10):
            # caches are keyed by file path, so the two sizes (two data folders) do not mix
            measured += run(factor, args.edits, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    rows = []
    for name, factor, wall, cpu in measured:
        row = {"oefening / bewerking": name, "grootte": "typisch" if factor == 1 else f"{factor}x"}
        row.update(summary([1000 * x for x in wall]))
        cpu_ms = [1000 * x for x in cpu]
        row["cpu_median_ms"] = round(statistics.median(cpu_ms), 1)
        row["cpu_p95_ms"] = round(p95(cpu_ms), 1)
        row["doel"] = f"mediaan <= {TARGET_MS} ms" if factor == 1 else "-"
        rows.append(row)
    print(f"Module 4: van één bewerking tot een bijgewerkte FigureBox (incl. opslaan), {args.edits} bewerkingen per regel")
    print(table(rows, ["oefening / bewerking", "grootte", "median_ms", "p95_ms", "cpu_median_ms", "cpu_p95_ms",
                       "doel"]))
    print(f"(cpu = processortijd van dit proces; belasting door andere processen telt daar niet in mee. "
          f"Machine: {os.cpu_count()} kernen, Python {sys.version.split()[0]}.)")
    print(f"Resultaten: {write('m4', rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
