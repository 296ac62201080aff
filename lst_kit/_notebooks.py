"""Keep notebooks clean: no outputs, no execution counts (nbdev's habit).

    python -m lst_kit._notebooks clean notebooks exercises
    python -m lst_kit._notebooks check notebooks exercises
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def notebooks(paths) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out += sorted(p.rglob("*.ipynb")) if p.is_dir() else [p]
    return [p for p in out if ".ipynb_checkpoints" not in p.parts]


def dirty_cells(nb: dict) -> list[int]:
    """Indexes of code cells that carry outputs or an execution count."""
    return [i for i, c in enumerate(nb.get("cells", []))
            if c.get("cell_type") == "code" and (c.get("outputs") or c.get("execution_count") is not None)]


def clean(nb: dict) -> dict:
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    nb.get("metadata", {}).pop("widgets", None)  # saved widget state cannot rebuild widgets anyway
    return nb


def main(argv: list[str]) -> int:
    action, *paths = argv
    dirty = []
    for path in notebooks(paths):
        nb = json.loads(path.read_text(encoding="utf-8"))
        if action == "clean":
            path.write_text(json.dumps(clean(nb), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        elif dirty_cells(nb) or "widgets" in nb.get("metadata", {}):
            dirty.append(str(path))
    for path in dirty:
        print(f"notebook met uitvoer: {path}")
    return 1 if dirty else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
