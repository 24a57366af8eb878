"""The wheel's package list names every package of the tree, and every data file the desk reads is declared."""

from __future__ import annotations

import configparser
import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def setup_options() -> configparser.SectionProxy:
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    return config["options"]


def test_every_package_of_the_tree_is_listed() -> None:
    listed = set(setup_options()["packages"].split())
    in_tree = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("desk_app", "badges")
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert listed == in_tree | {"desk_resources"}


def test_every_data_file_is_declared_for_the_wheel() -> None:
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    patterns = config["options.package_data"]["desk_resources"].split()
    resources = ROOT / "resources"
    shipped = {
        path.relative_to(resources).as_posix()
        for path in resources.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".py", ".ts")
    }
    undeclared = {name for name in shipped if not any(fnmatch.fnmatch(name, p) for p in patterns)}
    assert shipped and not undeclared  # .ts files are translation sources; the desk reads the compiled .qm
