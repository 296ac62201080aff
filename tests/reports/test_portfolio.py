"""The portfolio: `lst-kit export` to HTML and Markdown."""

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from _payloads import ESCAPED, SCRIPT, UNICODE, payload_answers, snapshot, write_payload_workbook

from lst_kit import cli
from lst_kit.reports import readings as hooks
from lst_kit.reports.portfolio import build_portfolio, md_escape, render_html, render_markdown

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "werkboeken"
    write_payload_workbook(folder)
    return folder


def export(folder, out, participant="zoë-ünal", capsys=None):
    code = cli.main(["export", participant, "--folder", str(folder), "--out", str(out)])
    return code


def test_html_portfolio_escapes_every_payload_and_embeds_the_plots(folder, tmp_path, capsys):
    out = tmp_path / "portfolio.html"
    assert export(folder, out) == 0
    assert str(out) in capsys.readouterr().out
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "<img src=x" not in html
    assert html.count(ESCAPED) >= 10
    assert UNICODE in html
    assert "Portfolio van zoë-ünal" in html
    answers = payload_answers()
    figures = {e: hooks.plot_answer(e, a) for e, a in answers.items()}
    plotted = [e for e, fig in figures.items() if fig is not None]
    assert set(plotted) == {"m1.wrr_nadrukken", "m1.tijdlijn", "m1.principes", "m1.paradox", "m6.dilemmas"}
    drawn_as_svg = [e for e in plotted if hasattr(figures[e], "to_svg")]  # svgplot figures embed as SVG
    assert "m1.tijdlijn" in drawn_as_svg
    assert html.count('<img src="data:image/svg+xml;base64,') == len(drawn_as_svg)
    assert html.count('<img src="data:image/png;base64,') == len(plotted) - len(drawn_as_svg)
    assert all(m in html for m in ('alt="Grafiek bij', "@media print", "break-inside: avoid"))


def test_modules_in_course_order_exercises_in_notebook_order(folder, tmp_path):
    portfolio = build_portfolio("zoë-ünal", folder, with_images=False)
    assert [m.key for m in portfolio.modules] == ["m1", "m6", "m9"]
    assert portfolio.modules[0].title.startswith("Module 1 · Functies van toezicht")
    assert portfolio.modules[2].title == "Module 9"
    m1 = [e.exercise_id for e in portfolio.modules[0].entries]
    assert m1.index("m1.definitie") < m1.index("m1.wrr_nadrukken") < m1.index("m1.tijdlijn") < m1.index("m1.paradox")
    m6 = [e.exercise_id for e in portfolio.modules[1].entries]
    assert m6 == ["m6.dilemmas", "m6.wat_neem_je_mee", "m6.reflectie_meenemen"]
    vreemd = portfolio.modules[2].entries[0]
    assert not vreemd.known and vreemd.problem.startswith("Deze oefening staat niet (meer) in de cursus")


def test_generic_rendering_of_an_unknown_answer(folder):
    html = render_html(build_portfolio("zoë-ünal", folder, with_images=False))
    section = html[html.index('id="m9.vreemd"'):]
    assert '<dl class="generic">' in section and "<dt>&lt;script&gt;" in section
    # the workbook keeps keys sorted, so the columns come out as score, wie
    assert '<table class="generic"><thead><tr><th scope="col">score</th><th scope="col">wie</th>' in section
    assert f"<td>4</td><td>{UNICODE}</td>" in section
    assert '<p class="text">tweede alinea</p>' in section and "<li><span>ja</span></li>" in section


def test_output_is_deterministic(folder, tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    assert export(folder, first) == 0 and export(folder, second) == 0
    assert first.read_bytes() == second.read_bytes()
    assert not re.search(r"20\d\d-\d\d-\d\d", first.read_text(encoding="utf-8"))


def test_markdown_portfolio_writes_images_beside_it(folder, tmp_path):
    out = tmp_path / "portfolio.md"
    assert export(folder, out) == 0
    text = out.read_text(encoding="utf-8")
    assert "<script" not in text and ESCAPED in text and UNICODE in text
    images = re.findall(r"!\[[^\]]+\]\((portfolio-afbeeldingen/[^)]+\.(?:png|svg))\)", text)
    assert len(images) == 5
    assert "portfolio-afbeeldingen/m1.tijdlijn.svg" in images  # an svgplot figure is written as SVG
    for rel in images:
        data = (tmp_path / rel).read_bytes()
        assert data[:4] == b"\x89PNG" if rel.endswith(".png") else data.startswith(b"<svg xmlns=")
    assert text.startswith("# Portfolio van zoë-ünal\n")
    assert "## Module 6 · Slotbijeenkomst: over toezicht en beleid" in text


def test_markdown_without_image_folder_keeps_the_text_alternative(folder):
    text, images = render_markdown(build_portfolio("zoë-ünal", folder), image_dir=None)
    assert images == {} and "*Afbeelding weggelaten: Grafiek bij" in text


def test_md_escape():
    assert md_escape("<b>*vet*</b> & [link](x)") == r"&lt;b&gt;\*vet\*&lt;/b&gt; &amp; \[link\](x)"
    assert md_escape("# kop\n- punt\n1. een") == "\\# kop  \n\\- punt  \n\\1. een"


def test_export_never_touches_the_workbook(folder, tmp_path):
    before = snapshot(folder)
    assert export(folder, tmp_path / "p.html") == 0
    assert export(folder, tmp_path / "p.md") == 0
    assert snapshot(folder) == before  # same files, bytes and mtimes; no lock file


def test_missing_participant_is_a_dutch_error(folder, tmp_path, capsys):
    assert export(folder, tmp_path / "p.html", participant="bram") == 2
    err = capsys.readouterr().err
    assert "Er is geen werkboek van deelnemer 'bram'" in err and "Wel gevonden: zoë-ünal" in err
    assert not (tmp_path / "p.html").exists()


def test_missing_folder_and_output_folder_are_dutch_errors(tmp_path, capsys):
    assert export(tmp_path / "bestaat-niet", tmp_path / "p.html") == 2
    assert "De werkboekmap" in capsys.readouterr().err and not (tmp_path / "bestaat-niet").exists()
    write_payload_workbook(tmp_path / "wb")
    assert export(tmp_path / "wb", tmp_path / "geen-map" / "p.html") == 2
    assert "bestaat niet" in capsys.readouterr().err


def test_damaged_workbook_uses_the_backup_read_only(folder, tmp_path, capsys):
    path = folder / "zoë-ünal.json"
    path.write_bytes(b"{kapot")
    before = snapshot(folder)
    assert export(folder, tmp_path / "p.html") == 0
    html = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert "laatste goede kopie" in html and UNICODE in html
    assert snapshot(folder) == before
    (folder / "zoë-ünal.json.bak").unlink()
    assert export(folder, tmp_path / "q.html") == 2
    assert "beschadigd" in capsys.readouterr().err
    assert path.read_bytes() == b"{kapot"


def test_console_script_exit_codes(folder, tmp_path):
    exe = Path(sys.executable).with_name("lst-kit")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    ok = subprocess.run([str(exe), "export", "zoë-ünal", "--folder", str(folder), "--out", str(tmp_path / "p.html")],
                        capture_output=True, text=True, env=env)
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run([str(exe), "export", "niemand", "--folder", str(folder), "--out", str(tmp_path / "q.html")],
                         capture_output=True, text=True, env=env)
    assert bad.returncode == 2 and "geen werkboek" in bad.stderr and "Traceback" not in bad.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(out)], check=True, capture_output=True)
    (path,) = out.glob("lst_kit-*.whl")
    return path


def test_installed_wheel_exports_with_its_templates(wheel, tmp_path):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"lst_kit/reports/templates/portfolio.html.j2", "lst_kit/reports/templates/klasoverzicht.html.j2",
            "lst_kit/reports/templates/_base.html.j2", "lst_kit/data/reference/modules.yaml"} <= names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    write_payload_workbook(tmp_path / "wb")
    env = {k: v for k, v in os.environ.items() if k not in ("LST_DATA_DIR", "PYTHONPATH")}
    env["PYTHONPATH"] = str(site)
    out = tmp_path / "p.html"
    result = subprocess.run([sys.executable, "-m", "lst_kit.cli", "export", "zoë-ünal", "--folder", str(tmp_path / "wb"),
                             "--out", str(out)], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Module 6 · Slotbijeenkomst" in out.read_text(encoding="utf-8")
    assert SCRIPT not in out.read_text(encoding="utf-8")


def test_svgplot_pictures_are_exported_as_svg(folder, tmp_path, monkeypatch):
    from lst_kit.figures import svgplot

    def plot_answer(exercise_id, answer):
        fig = svgplot.Figure(figsize=(3, 2))
        fig.add_subplot().bar([0], [1])
        fig.suptitle(f"plaatje {exercise_id}")
        return fig

    monkeypatch.setattr(hooks, "plot_answer", plot_answer)
    portfolio = build_portfolio("zoë-ünal", folder)
    text, images = render_markdown(portfolio, image_dir="beelden")
    assert images and all(rel.endswith(".svg") and data.startswith(b"<svg ") for rel, data in images.items())
    assert all(f"]({rel})" in text for rel in images)
    html = render_html(portfolio)
    assert html.count("data:image/svg+xml;base64,") == len(images)


def test_a_module_without_notebook_in_modules_yaml_follows_its_numbered_notebook(tmp_path):
    """m4 names no notebook in modules.yaml: E4.1 (tafel_van_elf) still comes
    before E4.2 (piramidespel), as in notebooks/04_*.ipynb, not alphabetically."""
    from lst_kit.workbook import open_workbook

    wb = open_workbook("anna", tmp_path)
    for exercise_id in ("m4.piramidespel", "m4.tafel_van_elf", "m4.interventiematrix"):
        wb.save_answer(exercise_id, {})
    (m4,) = build_portfolio("anna", tmp_path, with_images=False).modules
    assert [e.exercise_id for e in m4.entries] == ["m4.tafel_van_elf", "m4.piramidespel", "m4.interventiematrix"]
