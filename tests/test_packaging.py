"""The kit as users get it: a wheel that carries data/, a light import, the CLI."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from lst_kit import cli

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation", "-q", "-w", str(out)],
        check=True, capture_output=True,
    )
    (path,) = out.glob("lst_kit-*.whl")
    return path


def test_wheel_carries_the_content_and_the_catalogue(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "lst_kit/data/exercises/m1/tijdlijn.yaml" in names
    assert "lst_kit/locales/nl.yaml" in names and "lst_kit/locales/en.yaml" in names
    data_files = {p.relative_to(REPO).as_posix() for p in (REPO / "data").rglob("*.yaml")}
    assert {f"lst_kit/{name}" for name in data_files} <= names


def test_installed_wheel_finds_its_data_outside_the_repo(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    script = (
        "import lst_kit, lst_kit.paths as p, lst_kit.content as c;"
        "print(p.data_dir());"
        "print(len([c.load_spec(i) for i in c.exercise_ids()]))"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("LST_DATA_DIR", "PYTHONPATH")}
    env["PYTHONPATH"] = str(site)
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                            check=True)
    data_dir, count = result.stdout.split()
    assert Path(data_dir) == site / "lst_kit" / "data"
    assert int(count) >= 10


def test_import_is_light():
    code = ("import sys, lst_kit; heavy = [m for m in ('ipywidgets', 'matplotlib', 'pandas', 'numpy', 'yaml', 'jinja2')"
            " if m in sys.modules]; print(','.join(heavy))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_cli_check_passes_on_the_shipped_content(capsys):
    assert cli.main(["check"]) == 0
    assert "Alles in orde" in capsys.readouterr().out


def test_cli_check_reports_a_broken_file_and_fails(tmp_path, capsys, monkeypatch):
    import shutil

    shutil.copytree(REPO / "data", tmp_path / "data")
    monkeypatch.setenv("LST_DATA_DIR", str(tmp_path / "data"))
    broken = tmp_path / "data" / "exercises" / "m1" / "definitie.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("correct: true", "correct: misschien", 1),
                      encoding="utf-8")
    assert cli.main(["check", str(tmp_path / "data")]) == 1
    out = capsys.readouterr()
    assert "definitie.yaml" in out.out and "correct" in out.out and "'misschien'" in out.out
    assert "2 problemen gevonden" in out.err  # the bad value, and so no option is correct: both in one run


def test_cli_check_finds_a_notebook_calling_a_missing_exercise(tmp_path, capsys):
    nb = tmp_path / "x.ipynb"
    nb.write_text('{"cells": [{"cell_type": "code", "source": ["lst_kit.reflection(\\"m1.bestaat_niet\\")"]}]}')
    assert cli.main(["check", str(nb)]) == 1
    assert "bestaat_niet.yaml" in capsys.readouterr().out


def test_console_script_workbook(tmp_path):
    exe = Path(sys.executable).with_name("lst-kit")
    result = subprocess.run([str(exe), "workbook", "anna", "--folder", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0
    assert str(tmp_path / "anna.json") in result.stdout
    bad = subprocess.run([str(exe), "workbook", "../x", "--folder", str(tmp_path)], capture_output=True, text=True)
    assert bad.returncode == 2 and "kan niet" in bad.stderr and "Traceback" not in bad.stderr


def test_cli_app_finds_module_notebooks_and_refuses_missing_ones(capsys, tmp_path, monkeypatch):
    assert cli.app.module_notebook(1).name == "01_functies_van_toezicht.ipynb"
    assert cli.app.module_notebook(3).name.startswith("03_")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notebooks").mkdir()
    with pytest.raises(FileNotFoundError, match="module 9"):
        cli.app.module_notebook(9, root=tmp_path)
    with pytest.raises(SystemExit):
        cli.main(["app", "9"])  # argparse: modules are 1-6
    assert "ongeldige keuze: 9 (kies uit 1, 2, 3, 4, 5, 6)" in capsys.readouterr().err


def test_cli_app_starts_voila_with_the_kit_template_and_an_idle_kernel_culler(monkeypatch, capsys):
    """`lst-kit app` (and so `make app`): each page load starts a kernel; one
    whose page is gone must be stopped, and the loading screen is Dutch."""
    import json
    import os
    import subprocess as sp

    calls = []
    monkeypatch.setattr(sp, "call", lambda command, env=None: calls.append((command, env)) or 0)
    assert cli.main(["app", "3", "--no-browser", "--port", "9999"]) == 0
    (command, env), = calls
    assert command[1:3] == ["-m", "voila"] and command[3].endswith("03_risico_en_systeemanalyse.ipynb")
    options = dict(arg[2:].split("=", 1) for arg in command if arg.startswith("--") and "=" in arg)
    assert options["MappingKernelManager.cull_idle_timeout"] == "600"
    assert options["MappingKernelManager.cull_interval"] == "60"
    assert options["MappingKernelManager.cull_connected"] == "False"   # an open page keeps its kernel
    assert options["template"] == "lst" and options["port"] == "9999" and "--no-browser" in command
    texts = json.loads(options["VoilaConfiguration.resources"])["lst"]
    assert "{i}" in texts["loading"] and "{n}" in texts["loading"] and "Executing" not in texts["loading"]
    # Voilà finds the kit's template through JUPYTER_PATH
    first = Path(env["JUPYTER_PATH"].split(os.pathsep)[0])
    assert (first / "voila" / "templates" / "lst" / "conf.json").is_file()
    assert json.loads((first / "voila" / "templates" / "lst" / "conf.json").read_text())["base_template"] == "lab"

    calls.clear()
    assert cli.main(["app", "3", "--idle-timeout", "30"]) == 0
    options = dict(arg[2:].split("=", 1) for arg in calls[0][0] if arg.startswith("--") and "=" in arg)
    assert options["MappingKernelManager.cull_idle_timeout"] == "30"
    assert int(options["MappingKernelManager.cull_interval"]) <= 30


def _requires(wheel) -> list:
    from email.parser import Parser

    from packaging.requirements import Requirement

    z = zipfile.ZipFile(wheel)
    meta = Parser().parsestr(z.read(next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))).decode())
    return [Requirement(r) for r in meta.get_all("Requires-Dist") or []]


PYODIDE_ENV = {"sys_platform": "emscripten", "platform_system": "Emscripten", "python_version": "3.14",
               "python_full_version": "3.14.2", "implementation_name": "cpython", "platform_machine": "wasm32",
               "platform_python_implementation": "CPython", "os_name": "posix", "extra": ""}
DESKTOP_ONLY = {"jupyterlab", "pandas", "matplotlib", "voila"}


def test_the_core_wheel_installs_in_the_browser_and_the_desktop_parts_are_an_extra(wheel):
    requires = _requires(wheel)
    core = {r.name.lower() for r in requires if r.marker is None or r.marker.evaluate({**PYODIDE_ENV})}
    assert core and not core & DESKTOP_ONLY
    # in Pyodide no compiled package is needed: no numpy (no wasm wheel on PyPI), no filelock
    assert not core & {"numpy", "filelock"}
    lab = {r.name.lower() for r in requires if r.marker is not None and r.marker.evaluate({**PYODIDE_ENV, "extra": "lab"})}
    assert DESKTOP_ONLY <= lab
    # the browser build pins a pure wheel for every core dependency
    text = (REPO / "deploy" / "lite" / "requirements-lite.txt").read_text(encoding="utf-8")
    browser = {line.split("==")[0].lower().replace("_", "-") for line in text.split("# [browser]")[1].splitlines()
               if "==" in line and not line.startswith("#")}
    assert {name.replace("_", "-") for name in core} <= browser


def test_make_install_installs_the_desktop_extra():
    assert '-e ".[lab,test,hub]"' in (REPO / "Makefile").read_text(encoding="utf-8")


def test_app_without_the_lab_extra_says_what_to_install(monkeypatch, capsys):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "voila" else real(name, *a))
    monkeypatch.setattr(subprocess, "call", lambda *a, **k: 0)  # were it to start Voilà anyway
    assert cli.main(["app", "1", "--no-browser"]) == 2
    assert 'lst-kit[lab]' in capsys.readouterr().err
