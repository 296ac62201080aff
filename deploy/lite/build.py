"""Build the whole course as a static JupyterLite site: ``make lite``.

Everything comes from the registries, at build time only: the build tools and
pure wheels from PyPI, the Pyodide core from npm. The site itself never
reaches a CDN: ``pyodideUrl`` points at the copy in ``static/pyodide/``,
PyPI fallback is off, and a ``pyodide-lock.json`` written here lists only
wheels that lie next to it, so the kernel preloads lst-kit and its
dependencies and no notebook needs an install cell.

    python3 deploy/lite/build.py [--out _site] [--force]

Versions: ``deploy/lite/requirements-lite.txt`` (PyPI) and
``deploy/lite/package.json`` + ``package-lock.json`` (npm). The build venv and
downloads are cached under ``.venv/lite/``, keyed on those files; the site is
rebuilt (always from scratch: an incremental JupyterLite build once dropped
``pyodideUrl`` and fell back to the CDN) only when an input changed, which a
stamp with the hash of all inputs records.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from email.parser import Parser
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
REQUIREMENTS = HERE / "requirements-lite.txt"
NPM_FILES = (HERE / "package.json", HERE / "package-lock.json")
CACHE = REPO / ".venv" / "lite"
STAMP_NAME = ".lst-lite-stamp"

#: Files of the Pyodide npm package the site needs (the core; no packages).
PYODIDE_CORE = ("pyodide.mjs", "pyodide.js", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                "package.json")
#: Pure wheels built from sdists here, with the environment that keeps their C extension out.
FROM_SDIST = {"pyyaml": {"PYYAML_FORCE_LIBYAML": "0"}, "markupsafe": {"CC": "/bin/false"}}
#: Wheels the kernel brings as stubs or helpers (lab extension's static/pypi).
KERNEL_STUBS = ("pyodide_kernel-", "ipykernel-", "piplite-", "widgetsnbextension-4.")
#: Preloaded when the kernel starts (the kernel's own list, plus the kit).
PRELOAD = ["micropip", "piplite", "ipykernel", "comm", "pyodide-kernel", "jedi", "ipython", "lst-kit"]
#: Marker environment of Pyodide 314 (CPython 3.14, emscripten) for Requires-Dist.
MARKER_ENV = {"sys_platform": "emscripten", "platform_system": "Emscripten", "python_version": "3.14",
              "python_full_version": "3.14.2", "implementation_name": "cpython",
              "platform_python_implementation": "CPython", "platform_machine": "wasm32", "os_name": "posix",
              "extra": ""}
#: Where the workbook lives in the browser: the persistent drive (browser storage).
WORKBOOK_DIR = "/drive/LST-werkboek"
#: Lab extensions that must be federated into the site for the widgets to render.
REQUIRED_EXTENSIONS = ("@jupyter-widgets/jupyterlab-manager", "anywidget", "@jupyterlite/pyodide-kernel-extension")
#: Inputs of the site besides the pins: the kit, its content, the notebooks and this script.
SOURCES = ("pyproject.toml", "README.md", "lst_kit", "data", "notebooks", "exercises", "deploy/lite")


def log(message: str) -> None:
    print(f"[lite] {message}", flush=True)


def run(cmd: list, env: dict | None = None, cwd: Path | None = None) -> None:
    full_env = dict(os.environ, **(env or {}))
    subprocess.run([str(c) for c in cmd], check=True, env=full_env, cwd=cwd)


def sections() -> dict[str, list[str]]:
    """The ``[build]`` and ``[browser]`` pins of requirements-lite.txt."""
    found: dict[str, list[str]] = {}
    current = None
    for raw in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("# [") and "]" in line:
            current = line[3:line.index("]")]
            found[current] = []
        elif line and not line.startswith("#"):
            if current is None or "==" not in line:
                raise SystemExit(f"{REQUIREMENTS}: '{line}' staat buiten een sectie of is niet vastgepind")
            found[current].append(line)
    if set(found) != {"build", "browser"}:
        raise SystemExit(f"{REQUIREMENTS}: secties [build] en [browser] verwacht, gevonden {sorted(found)}")
    return found


def digest_files(paths, root: Path = REPO) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(str(path.relative_to(root)).encode())
        h.update(b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()


def source_files() -> list[Path]:
    files = []
    for name in SOURCES:
        base = REPO / name
        candidates = [base] if base.is_file() else sorted(base.rglob("*"))
        for path in candidates:
            parts = set(path.relative_to(REPO).parts)
            if path.is_file() and not parts & {"__pycache__", ".ipynb_checkpoints"} and path.suffix != ".pyc":
                files.append(path)
    return files


def pins_key() -> str:
    return digest_files([REQUIREMENTS, *NPM_FILES])[:16]


def inputs_key() -> str:
    return digest_files([REQUIREMENTS, *NPM_FILES, *source_files()])


# -- cached steps (keyed on the pins) ------------------------------------------
def build_venv(pins: dict) -> Path:
    venv = CACHE / "venv"
    stamp = venv / ".pins"
    key = hashlib.sha256("\n".join(pins["build"]).encode()).hexdigest()
    if stamp.exists() and stamp.read_text() == key:
        return venv / "bin" / "python"
    log("build venv: " + ", ".join(pins["build"]))
    shutil.rmtree(venv, ignore_errors=True)
    run([sys.executable, "-m", "venv", venv])
    py = venv / "bin" / "python"
    run([py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *pins["build"]])
    stamp.write_text(key)
    return py


def pyodide_core(cache: Path) -> Path:
    """The npm package ``pyodide`` (exact version and integrity from package-lock.json)."""
    target = cache / "npm"
    package = target / "node_modules" / "pyodide"
    if (package / "pyodide.asm.wasm").exists():
        return package
    log("npm ci: pyodide")
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for path in NPM_FILES:
        shutil.copy(path, target / path.name)
    run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], cwd=target)
    return package


def browser_wheels(py: Path, pins: dict, cache: Path) -> Path:
    """Every [browser] pin as a py3-none-any wheel (downloaded, or built from its sdist)."""
    wheels = cache / "wheels"
    done = wheels / ".complete"
    if done.exists():
        return wheels
    shutil.rmtree(wheels, ignore_errors=True)
    sdists = cache / "sdists"
    shutil.rmtree(sdists, ignore_errors=True)
    wheels.mkdir(parents=True)
    binary = [p for p in pins["browser"] if p.split("==")[0].lower() not in FROM_SDIST]
    source = [p for p in pins["browser"] if p.split("==")[0].lower() in FROM_SDIST]
    log(f"pip download: {len(binary)} pure wheels, {len(source)} sdists")
    pip = [py, "-m", "pip", "--disable-pip-version-check"]
    run([*pip, "download", "--quiet", "--no-deps", "--only-binary=:all:", "--platform", "any",
         "--python-version", "3.14", "--implementation", "py", "--abi", "none", "-d", wheels, *binary])
    run([*pip, "download", "--quiet", "--no-deps", "--no-binary=:all:", "-d", sdists, *source])
    for pin in source:
        name = pin.split("==")[0].lower()
        (sdist,) = [p for p in sdists.iterdir() if p.name.lower().startswith(name + "-")]
        run([*pip, "wheel", "--quiet", "--no-deps", "--no-build-isolation", sdist, "-w", wheels],
            env={**FROM_SDIST[name], "SOURCE_DATE_EPOCH": "315532800"})
    not_pure = [w.name for w in wheels.glob("*.whl") if not w.name.endswith("-none-any.whl")]
    if not_pure:
        raise SystemExit(f"geen pure wheels: {not_pure}")
    done.write_text("\n".join(pins["browser"]))
    return wheels


# -- per build -----------------------------------------------------------------
def kit_wheel(py: Path, work: Path) -> Path:
    out = work / "kit"
    run([py, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check", "--no-deps", "--no-build-isolation",
         REPO, "-w", out], env={"SOURCE_DATE_EPOCH": "315532800"})
    (wheel,) = out.glob("lst_kit-*.whl")
    return wheel


def wheel_entry(whl: Path) -> dict:
    """One pyodide-lock.json entry for a local wheel."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name, parse_wheel_filename

    name, version, _, _ = parse_wheel_filename(whl.name)
    with zipfile.ZipFile(whl) as z:
        names = z.namelist()
        meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(z.read(meta_name).decode("utf-8"))
    depends = set()
    for spec in meta.get_all("Requires-Dist") or []:
        req = Requirement(spec)
        if req.marker is None or req.marker.evaluate(MARKER_ENV):
            depends.add(str(canonicalize_name(req.name)))
    imports = sorted({n.split("/")[0].removesuffix(".py") for n in names
                      if not n.split("/")[0].endswith((".dist-info", ".data")) and (n.endswith(".py") or "/" in n)})
    return {"name": str(name), "version": str(version), "file_name": whl.name, "install_dir": "site",
            "sha256": hashlib.sha256(whl.read_bytes()).hexdigest(), "package_type": "package",
            "imports": imports, "depends": sorted(depends), "unvendored_tests": False}


def write_lock(core: Path, target: Path, wheels: list[Path]) -> dict:
    """A pyodide-lock.json that lists exactly the local wheels (and refuses a missing dependency)."""
    lock = json.loads((core / "pyodide-lock.json").read_text(encoding="utf-8"))
    packages = {}
    for whl in sorted(wheels, key=lambda p: p.name):
        entry = wheel_entry(whl)
        key = entry["name"].lower().replace("_", "-").replace(".", "-")
        packages[key] = entry
        shutil.copy(whl, target / whl.name)
    missing = sorted({f"{p['name']} -> {d}" for p in packages.values() for d in p["depends"] if d not in packages})
    if missing:
        raise SystemExit("ontbrekende afhankelijkheden in de browser: " + ", ".join(missing))
    lock["packages"] = packages
    (target / "pyodide-lock.json").write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return packages


def lite_config() -> dict:
    return {
        "jupyter-lite-schema-version": 0,
        "jupyter-config-data": {
            "appName": "LST-cursuskit",
            "exposeAppInBrowser": True,
            "disabledExtensions": ["@jupyterlab/apputils-extension:announcements"],
            "litePluginSettings": {
                "@jupyterlite/pyodide-kernel-extension:kernel": {
                    "pyodideUrl": "./static/pyodide/pyodide.mjs",
                    "disablePyPIFallback": True,
                    "loadPyodideOptions": {"packages": PRELOAD, "env": {"LST_WERKBOEK_DIR": WORKBOOK_DIR}},
                }
            },
        },
    }


def lite_overrides() -> dict:
    """JupyterLab settings of the site: the kit's own (no news, no update
    check: nothing fetched from elsewhere), and no autosave of notebooks into
    the browser's storage. Answers live in the workbook, never in a notebook;
    a notebook kept in the browser would hide a newer version of the course
    that the Academie publishes."""
    overrides = json.loads((REPO / "lst_kit" / "jupyter" / "overrides.json").read_text(encoding="utf-8"))
    overrides["@jupyterlab/docmanager-extension:plugin"] = {"autosave": False}
    return overrides


def check_site(out: Path) -> None:
    """Refuse a site that would reach a CDN or miss the widget extensions."""
    config = json.loads((out / "jupyter-lite.json").read_text(encoding="utf-8"))
    kernel = config["jupyter-config-data"]["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]
    if kernel.get("pyodideUrl") != "./static/pyodide/pyodide.mjs" or kernel.get("disablePyPIFallback") is not True:
        raise SystemExit(f"jupyter-lite.json: pyodideUrl/disablePyPIFallback verloren: {kernel}")
    federated = {e["name"] for e in config["jupyter-config-data"].get("federated_extensions", [])}
    missing = [name for name in REQUIRED_EXTENSIONS if name not in federated]
    if missing:
        raise SystemExit(f"lab-extensies ontbreken in de site: {missing} (wel: {sorted(federated)})")
    for name in ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        if not (out / "static" / "pyodide" / name).exists():
            raise SystemExit(f"static/pyodide/{name} ontbreekt")
    notebooks = sorted(p.name for p in (out / "files" / "notebooks").glob("*.ipynb"))
    if len(notebooks) != len(list((REPO / "notebooks").glob("*.ipynb"))):
        raise SystemExit(f"notebooks ontbreken in de site: {notebooks}")


def build(out: Path) -> None:
    started = time.monotonic()
    if shutil.which("npm") is None:
        raise SystemExit("npm ontbreekt: de Pyodide-kern komt uit de npm-registry (Debian: apt-get install npm)")
    pins = sections()
    cache = CACHE / pins_key()
    cache.mkdir(parents=True, exist_ok=True)
    py = build_venv(pins)
    core = pyodide_core(cache)
    wheels = browser_wheels(py, pins, cache)
    with tempfile.TemporaryDirectory(prefix="lst-lite-") as tmp:
        work = Path(tmp)
        lite = work / "lite"
        pyodide_dir = lite / "static" / "pyodide"
        pyodide_dir.mkdir(parents=True)
        for name in PYODIDE_CORE:
            shutil.copy(core / name, pyodide_dir / name)
        site = py.parent.parent
        stubs = site / "share" / "jupyter" / "labextensions" / "@jupyterlite" / "pyodide-kernel-extension" / "static" / "pypi"
        stub_wheels = [w for w in stubs.glob("*.whl") if w.name.startswith(KERNEL_STUBS)]
        packages = write_lock(core, pyodide_dir, [*wheels.glob("*.whl"), *stub_wheels, kit_wheel(py, work)])
        log(f"pyodide-lock.json: {len(packages)} lokale wheels")
        contents = work / "files"
        for folder in ("notebooks", "exercises"):
            shutil.copytree(REPO / folder, contents / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        (lite / "jupyter-lite.json").write_text(json.dumps(lite_config(), indent=2) + "\n", encoding="utf-8")
        (lite / "overrides.json").write_text(json.dumps(lite_overrides(), indent=2) + "\n", encoding="utf-8")
        shutil.rmtree(out, ignore_errors=True)
        jupyter = py.parent / "jupyter"
        build_log = CACHE / "jupyter-lite-build.log"
        log(f"jupyter lite build (uitvoer in {build_log.relative_to(REPO)})")
        with open(build_log, "wb") as fh:
            result = subprocess.run(
                [str(jupyter), "lite", "build", "--contents", str(contents), "--output-dir", str(out),
                 "--no-sourcemaps"], cwd=lite, stdout=fh, stderr=subprocess.STDOUT,
                env=dict(os.environ, JUPYTER_CONFIG_DIR=str(work / "jupyter-config"), PYTHONWARNINGS="ignore"))
        if result.returncode != 0:
            sys.stdout.write(build_log.read_text(encoding="utf-8", errors="replace")[-5000:])
            raise SystemExit(f"jupyter lite build mislukt (exitcode {result.returncode}); zie {build_log}")
    check_site(out)
    log(f"klaar in {time.monotonic() - started:.0f} s: {out}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(REPO / "_site"), help="output folder (default: _site)")
    parser.add_argument("--force", action="store_true", help="rebuild even when nothing changed")
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    key = inputs_key()
    stamp = out / STAMP_NAME
    if not args.force and stamp.exists() and stamp.read_text() == key:
        log(f"up to date: {out}")
        return 0
    build(out)
    stamp.write_text(key)
    return 0


if __name__ == "__main__":
    sys.exit(main())
