"""Shared helpers for the benchmarks: timing, tables, JSON results.

Benchmarks print figures; they do not pass or fail (targets are in the
issue texts and in each table's 'doel' column).
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def isolated_env() -> None:
    """Workbooks in a temporary folder, a fixed participant, no GUI backend,
    and Python's bytecode cache on (see :func:`with_bytecode_cache`)."""
    with_bytecode_cache(os.environ)
    os.environ.setdefault("LST_WERKBOEK_DIR", tempfile.mkdtemp(prefix="lst-bench-"))
    os.environ.setdefault("LST_DEELNEMER", "bench")
    os.environ.setdefault("MPLBACKEND", "Agg")


def with_bytecode_cache(env) -> None:
    """Measure as on a participant's machine, where Python keeps the compiled
    bytecode of lst_kit in ``__pycache__`` after the first import (the
    libraries of the floor come precompiled by pip). A tool environment with
    ``PYTHONDONTWRITEBYTECODE`` set would charge the kit for compiling its
    15,000 lines again in every kernel and process, a cost a participant pays
    once. The warm-up run of each benchmark writes the cache."""
    env.pop("PYTHONDONTWRITEBYTECODE", None)


def timed(fn, repeat: int) -> list[float]:
    """Run fn() repeat times; wall-clock milliseconds per run."""
    out = []
    for i in range(repeat):
        start = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - start) * 1000)
    return out


def summary(ms: list[float]) -> dict:
    ordered = sorted(ms)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"n": len(ms), "median_ms": round(statistics.median(ms), 1), "p95_ms": round(p95, 1)}


def table(rows: list[dict], columns: list[str]) -> str:
    widths = [max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in columns]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths))]
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(str(r.get(c, "")).ljust(w) for c, w in zip(columns, widths)))
    return "\n".join(lines)


def write(name: str, rows: list[dict]) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
