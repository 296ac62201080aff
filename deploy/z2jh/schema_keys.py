"""Write chart-schema-keys.json: every key path of the Zero to JupyterHub
chart's values schema, with its JSON types and whether it is open (free-form
below, like ``hub.config``). tests/hub/test_z2jh.py checks values.yaml against
it offline, so a misspelt key fails a test instead of a helm upgrade.

Regenerate after choosing another chart version (a git checkout or a mirror
of https://github.com/jupyterhub/zero-to-jupyterhub-k8s at the release tag)::

    git -C z2jh show 4.4.0:jupyterhub/values.schema.yaml > /tmp/values.schema.yaml
    python deploy/z2jh/schema_keys.py /tmp/values.schema.yaml --tag 4.4.0 \
        --commit "$(git -C z2jh rev-parse 4.4.0^{commit})" > deploy/z2jh/chart-schema-keys.json

Only key names, types and openness are taken from the schema (BSD-3-Clause,
Project Jupyter Contributors); descriptions are left out.
"""

from __future__ import annotations

import argparse
import json
import sys

import yaml


def types(node: dict) -> list[str]:
    kind = node.get("type", [])
    return sorted(kind if isinstance(kind, list) else [kind])


def is_open(node: dict) -> bool:
    """Keys beyond ``properties`` are allowed: JSON Schema's rule, where a
    missing ``additionalProperties`` allows them (the chart closes its own
    objects with an explicit ``additionalProperties: false``)."""
    if "object" not in types(node) and "properties" not in node:
        return False
    return node.get("additionalProperties", True) is not False or bool(node.get("patternProperties"))


def walk(node: dict, prefix: str, out: dict) -> None:
    for key, child in sorted((node.get("properties") or {}).items()):
        path = f"{prefix}.{key}" if prefix else key
        out[path] = {"type": types(child), "open": is_open(child)}
        walk(child, path, out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("schema", help="jupyterhub/values.schema.yaml of the chart")
    parser.add_argument("--tag", required=True, help="the chart release (git tag)")
    parser.add_argument("--commit", required=True, help="the commit of that tag")
    args = parser.parse_args(argv)
    with open(args.schema, encoding="utf-8") as fh:
        schema = yaml.safe_load(fh)
    paths: dict = {}
    walk(schema, "", paths)
    json.dump({
        "source": "https://github.com/jupyterhub/zero-to-jupyterhub-k8s",
        "file": "jupyterhub/values.schema.yaml",
        "tag": args.tag,
        "commit": args.commit,
        "license": "BSD-3-Clause (Project Jupyter Contributors); key names and types only",
        "generated_by": "python deploy/z2jh/schema_keys.py (see its docstring)",
        "root_open": is_open(schema),
        "paths": paths,
    }, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
