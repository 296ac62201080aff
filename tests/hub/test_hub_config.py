"""deploy/jupyterhub/jupyterhub_config.py, loaded as JupyterHub loads it, for
every choice an operator makes through LST_HUB_* (no hub is started here)."""

from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from _hub import CONFIG
from traitlets.config.loader import PyFileConfigLoader


def load(monkeypatch, **env):
    for key in list(__import__("os").environ):
        if key.startswith("LST_HUB_"):
            monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config()


def spawner(name):
    return SimpleNamespace(user=SimpleNamespace(name=name))


def test_defaults_are_a_real_class_on_loopback(monkeypatch):
    c = load(monkeypatch)
    assert c.JupyterHub.bind_url == "http://127.0.0.1:8000"
    assert c.JupyterHub.hub_ip == "127.0.0.1"
    assert c.JupyterHub.authenticator_class == "nativeauthenticator.NativeAuthenticator"
    assert c.JupyterHub.spawner_class == "localprocess"  # real OS users
    assert c.Spawner.default_url == "/lab/tree/lst-kit/notebooks/01_functies_van_toezicht.ipynb"
    assert c.ConfigurableHTTPProxy.command[0].endswith("configurable-http-proxy")
    env = c.Spawner.environment
    assert env["LST_WERKBOEK_DIR"](spawner("anna")) == "/srv/lst/cohort1/anna"
    assert env["LST_KLAS_DIR"](spawner("anna")) == ""
    assert env["LST_WERKBOEK_DIR"](spawner("docent")) == ""  # the teacher's own workbook stays home
    assert env["LST_KLAS_DIR"](spawner("docent")) == "/srv/lst/cohort1"


def test_demo_needs_a_password_and_names_who_may_log_in(monkeypatch, capsys):
    with pytest.raises(ValueError, match="LST_HUB_DEMO_PASSWORD"):
        load(monkeypatch, LST_HUB_AUTH="demo")
    c = load(monkeypatch, LST_HUB_AUTH="demo", LST_HUB_DEMO_PASSWORD="geheim-123", LST_HUB_USERS="a, b",
             LST_HUB_TEACHERS="juf", LST_HUB_SPAWNER="single", LST_HUB_PORT="8123")
    assert c.JupyterHub.authenticator_class == "shared-password"
    assert c.Authenticator.allowed_users == {"a", "b", "juf"}
    assert c.JupyterHub.spawner_class == "simple"
    assert "HETZELFDE wachtwoord" in capsys.readouterr().err


def test_lti_and_bad_choices(monkeypatch):
    c = load(monkeypatch, LST_HUB_AUTH="lti13", LST_HUB_LTI_CLIENT_ID="x1,x2")
    assert c.JupyterHub.authenticator_class == "ltiauthenticator.lti13.auth.LTI13Authenticator"
    assert c.LTI13Authenticator.client_id == ["x1", "x2"]
    with pytest.raises(ValueError, match="LST_HUB_AUTH"):
        load(monkeypatch, LST_HUB_AUTH="iedereen")
    with pytest.raises(ValueError, match="LST_HUB_SPAWNER"):
        load(monkeypatch, LST_HUB_SPAWNER="docker")


def test_content_repo_opens_through_nbgitpuller(monkeypatch):
    c = load(monkeypatch, LST_HUB_CONTENT_REPO="https://github.com/academie/lst-kit.git",
             LST_HUB_CONTENT_BRANCH="cohort-2027")
    url = urlsplit(c.Spawner.default_url)
    assert url.path == "/git-pull"
    assert parse_qs(url.query) == {"repo": ["https://github.com/academie/lst-kit.git"], "branch": ["cohort-2027"],
                                   "urlpath": ["lab/tree/lst-kit/notebooks/01_functies_van_toezicht.ipynb"],
                                   "targetPath": ["lst-kit"]}


def test_class_folder_for_a_user_in_single_account_mode(monkeypatch, tmp_path):
    c = load(monkeypatch, LST_HUB_SPAWNER="single", LST_HUB_CLASS_ROOT=str(tmp_path), LST_HUB_COHORT="k1",
             LST_HUB_STATE_DIR=str(tmp_path / "state"))
    hook = c.Spawner.pre_spawn_hook
    s = SimpleNamespace(user=SimpleNamespace(name="anna"), home_dir=str(tmp_path / "home" / "anna"),
                        default_url=c.Spawner.default_url)
    hook(s)
    assert (tmp_path / "k1" / "anna").is_dir()
    assert (tmp_path / "home" / "anna" / "lst-kit" / "notebooks" / "01_functies_van_toezicht.ipynb").exists()
    mine = tmp_path / "home" / "anna" / "lst-kit" / "notebooks" / "01_functies_van_toezicht.ipynb"
    mine.write_text("mijn versie")
    hook(s)  # the next start never overwrites the participant's copy
    assert mine.read_text() == "mijn versie"
    teacher = SimpleNamespace(user=SimpleNamespace(name="docent"), home_dir=str(tmp_path / "home" / "docent"),
                              default_url=c.Spawner.default_url)
    hook(teacher)
    assert teacher.default_url == "/lab/tree/lst-kit/exercises/docent_klasoverzicht.ipynb"
    assert not (tmp_path / "k1" / "docent").exists()
    for bad in ("..", ".verborgen", "a/b"):
        with pytest.raises(ValueError, match="folder name"):
            hook(SimpleNamespace(user=SimpleNamespace(name=bad), home_dir=str(tmp_path / "x")))
