"""deploy/z2jh/: what can be checked without a cluster. values.yaml parses,
every key path exists in the values schema of the pinned chart (a key list
generated from it: deploy/z2jh/chart-schema-keys.json), the teacher hook in
hub.extraConfig does what the comments say, and the pieces agree with each
other (volume names, claim, user id, content link)."""

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from lst_kit.hub_link import git_pull_path

Z2JH = Path(__file__).resolve().parents[2] / "deploy" / "z2jh"
KEYS = json.loads((Z2JH / "chart-schema-keys.json").read_text(encoding="utf-8"))
JSON_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "integer": int,
              "number": (int, float), "null": type(None)}


def values():
    return yaml.safe_load((Z2JH / "values.yaml").read_text(encoding="utf-8"))


def unknown_keys(doc, keys=KEYS):
    """Key paths of ``doc`` the chart's schema does not know, or with a wrong type."""
    paths = keys["paths"]
    problems = []

    def walk(node, prefix, open_):
        for key, value in node.items():
            path = f"{prefix}.{key}" if prefix else key
            known = paths.get(path)
            if known is None:
                if not open_:
                    problems.append(f"{path}: not in the chart's schema")
                continue
            kinds = tuple(JSON_TYPES[k] for k in known["type"]) or (object,)
            if isinstance(value, bool) and bool not in kinds:
                problems.append(f"{path}: {value!r} is not {known['type']}")
            elif not isinstance(value, kinds):
                problems.append(f"{path}: {type(value).__name__} is not {known['type']}")
            elif isinstance(value, dict):
                walk(value, path, known["open"])

    walk(doc, "", keys["root_open"])
    return problems


def test_values_parse_and_every_key_is_in_the_charts_schema():
    doc = values()
    assert isinstance(doc, dict) and {"hub", "singleuser"} <= set(doc)
    assert unknown_keys(doc) == []


def test_the_check_catches_a_misspelt_or_mistyped_key():
    doc = values()
    doc["singleuser"]["storage"]["extraVolumeMount"] = []  # the real key ends in 's'
    doc["singleuser"]["uid"] = "1000"
    doc["culler"] = {"enabled": True}
    assert sorted(unknown_keys(doc)) == ["culler: not in the chart's schema",
                                         "singleuser.storage.extraVolumeMount: not in the chart's schema",
                                         "singleuser.uid: str is not ['integer', 'null']"]


def test_key_list_names_its_source():
    assert KEYS["source"] == "https://github.com/jupyterhub/zero-to-jupyterhub-k8s"
    assert KEYS["tag"] == "4.4.0" and re.fullmatch(r"[0-9a-f]{40}", KEYS["commit"])
    assert len(KEYS["paths"]) > 300 and KEYS["paths"]["hub.config"]["open"] is True
    assert "--version 4.4.0" in (Z2JH / "values.yaml").read_text(encoding="utf-8")


def test_the_class_volume_pieces_agree():
    su = values()["singleuser"]
    (volume,) = su["storage"]["extraVolumes"]
    (mount,) = su["storage"]["extraVolumeMounts"]
    (init,) = su["initContainers"]
    pvc = yaml.safe_load((Z2JH / "klas-pvc.yaml").read_text(encoding="utf-8"))
    assert pvc["kind"] == "PersistentVolumeClaim" and pvc["spec"]["accessModes"] == ["ReadWriteMany"]
    assert volume["persistentVolumeClaim"]["claimName"] == pvc["metadata"]["name"]
    assert mount["name"] == volume["name"] == init["volumeMounts"][0]["name"]
    assert mount["mountPath"] == su["extraEnv"]["LST_WERKBOEK_DIR"]  # the workbook lands on the class volume
    assert mount["subPath"] == "cohort1/{username}"
    made = f"{init['volumeMounts'][0]['mountPath']}/{mount['subPath']}"
    assert f"mkdir -p {made}" in init["command"][-1]
    assert f"chown {su['uid']}:{su['fsGid']} {made}" in init["command"][-1]
    dockerfile = (Z2JH / "Dockerfile").read_text(encoding="utf-8")
    assert f"--uid {su['uid']} --gid {su['fsGid']}" in dockerfile
    assert f"USER {su['uid']}:{su['fsGid']}" in dockerfile
    assert "[hub]" in dockerfile and " git " in dockerfile  # nbgitpuller needs git


def test_default_url_is_the_nbgitpuller_link_of_the_course():
    assert values()["singleuser"]["defaultUrl"] == git_pull_path("https://github.com/academie/lst-kit", "main",
                                                               target_path="lst-kit")


def _teacher_hook():
    config = values()["hub"]["extraConfig"]["lst-kit-docenten"]
    c = SimpleNamespace(KubeSpawner=SimpleNamespace())
    exec(compile(config, "hub.extraConfig.lst-kit-docenten", "exec"), {"c": c})
    return c.KubeSpawner.pre_spawn_hook


def _spawner(groups):
    su = values()["singleuser"]
    # as the chart's jupyterhub_config.py hands them to KubeSpawner
    mounts = {f"{i}-{m['name']}": m for i, m in enumerate(su["storage"]["extraVolumeMounts"])}
    mounts["volume-{username}"] = {"name": "volume-{username}", "mountPath": "/home/jovyan"}
    return SimpleNamespace(user=SimpleNamespace(groups=[SimpleNamespace(name=g) for g in groups]),
                           volume_mounts=mounts, init_containers=list(su["initContainers"]),
                           environment=dict(su["extraEnv"]), default_url=su["defaultUrl"])


def test_a_teacher_gets_the_cohort_read_only_and_no_class_workbook():
    hook = _teacher_hook()
    teacher = _spawner(["docenten"])
    hook(teacher)
    class_mounts = [m for m in teacher.volume_mounts.values() if m["name"] == "lst-klas"]
    assert class_mounts == [{"name": "lst-klas", "mountPath": "/srv/lst/klas", "subPath": "cohort1",
                             "readOnly": True}]
    assert "volume-{username}" in teacher.volume_mounts  # the home stays
    assert teacher.init_containers == []
    assert teacher.environment["LST_WERKBOEK_DIR"] == "" and teacher.environment["LST_KLAS_DIR"] == "/srv/lst/klas"
    assert "exercises%2Fdocent_klasoverzicht.ipynb" in teacher.default_url


@pytest.mark.parametrize("groups", [[], ["andere-groep"]])
def test_a_participant_keeps_only_their_own_folder(groups):
    participant = _spawner(groups)
    before = json.dumps(vars(participant), default=str, sort_keys=True)
    _teacher_hook()(participant)
    assert json.dumps(vars(participant), default=str, sort_keys=True) == before
