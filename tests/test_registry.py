"""The one rule registry: every rule module registered, codes unique and in order, and the
generated codes.py (the fast path's copy of the codes) equal to it."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from pathlib import Path
from types import ModuleType

import pytest

import movekit.rules
from movekit import codes
from movekit.findings import Severity
from movekit.rules import BY_CODE, RULES
from movekit.rules.base import Rule
from tests.conftest import REPO


def _modules() -> list[ModuleType]:
    """Every module under movekit.rules (walked here only: the registry never scans)."""
    walked = pkgutil.walk_packages(movekit.rules.__path__, "movekit.rules.")
    return [importlib.import_module(info.name) for info in walked]


def _gen_rules_doc() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gen_rules_doc", REPO / "scripts/gen_rules_doc.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_rule_defined_under_movekit_rules_is_registered() -> None:
    registered = {id(rule) for rule in RULES}
    for module in _modules():
        for name, value in vars(module).items():
            if isinstance(value, Rule):
                assert id(value) in registered, (
                    f"{module.__name__}.{name} ({value.code}) is not in RULES: add it to the "
                    "list in src/movekit/rules/__init__.py"
                )


def test_every_module_of_a_rule_group_holds_one_rule() -> None:
    grouped = [module for module in _modules() if module.__name__.count(".") == 3]
    assert grouped
    for module in grouped:
        assert isinstance(getattr(module, "RULE", None), Rule), f"{module.__name__} has no RULE"


def test_group_packages_only_describe_their_group() -> None:
    """No second list of rules: a group package holds its docstring and its modules."""
    for module in _modules():
        if hasattr(module, "__path__"):
            own = [
                name
                for name, value in vars(module).items()
                if not name.startswith("__") and not isinstance(value, ModuleType)
            ]
            assert own == [], f"{module.__name__} defines {own}"


def test_codes_are_unique_and_in_order() -> None:
    listed = [rule.code for rule in RULES]
    assert listed == sorted(set(listed))
    assert list(BY_CODE) == listed
    assert len({rule.name for rule in RULES}) == len(RULES)


def test_always_on_codes_are_file_level_errors() -> None:
    for rule in RULES:
        if rule.always_on:
            assert rule.check is None and rule.severity is Severity.ERROR, rule.code


def test_codes_py_matches_the_registry() -> None:
    assert tuple(rule.code for rule in RULES) == codes.CODES
    assert {rule.code for rule in RULES if rule.always_on} == codes.ALWAYS_ON


def test_generated_files_are_up_to_date() -> None:
    assert _gen_rules_doc().main(["--check"]) == 0, "run: python scripts/gen_rules_doc.py"


def test_the_check_fails_on_a_stale_file_until_it_is_regenerated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    script = _gen_rules_doc()
    stale = tmp_path / "codes.py"
    stale.write_text('CODES = ("MK001",)\n', encoding="utf-8")
    monkeypatch.setattr(script, "TARGETS", {stale: script.codes_module})
    assert script.main(["--check"]) == 1
    assert "codes.py is out of date" in capsys.readouterr().out
    assert script.main([]) == 0
    assert stale.read_text(encoding="utf-8") == script.codes_module()
    assert script.main(["--check"]) == 0
