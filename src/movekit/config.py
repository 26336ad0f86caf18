"""Rule settings: `movekit.toml` or `[tool.movekit]`, merged with command-line flags."""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from movekit.codes import ALWAYS_ON
from movekit.errors import ConfigError
from movekit.findings import Severity

CONFIG_KEYS = ("select", "ignore", "severity")


@dataclass(frozen=True)
class Settings:
    """Which rules run and how severe each one is."""

    select: tuple[str, ...] = ("MK",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    source: Path | None = None
    """The config file these settings came from, if any."""

    def enabled(self, code: str) -> bool:
        if code in ALWAYS_ON:
            return True
        selected = any(code.startswith(prefix) for prefix in self.select)
        return selected and not any(code.startswith(prefix) for prefix in self.ignore)

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)

    def with_flags(
        self, select: Iterable[str] | None, ignore: Iterable[str] | None, known: Iterable[str]
    ) -> Settings:
        """These settings with command-line `--select` / `--ignore` taking precedence."""
        codes = list(known)
        updated = self
        if select is not None:
            updated = replace(updated, select=_codes(select, codes, "--select"))
        if ignore is not None:
            updated = replace(updated, ignore=_codes(ignore, codes, "--ignore"))
        return updated


def _codes(values: Iterable[str], known: list[str], where: str) -> tuple[str, ...]:
    """Validate rule codes or prefixes (`MK3`, `MK301`), split on commas."""
    result = []
    for value in values:
        for part in str(value).split(","):
            code = part.strip().upper()
            if not code:
                continue
            if not any(candidate.startswith(code) for candidate in known):
                close = difflib.get_close_matches(code, known, n=1)
                suggestion = f"; did you mean {close[0]}?" if close else ""
                raise ConfigError(
                    f"{where}: '{part.strip()}' is not a rule code or prefix{suggestion} "
                    "(run `movekit rules` to list them)"
                )
            result.append(code)
    return tuple(result)


def find_config_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest `movekit.toml`, or `pyproject.toml` with `[tool.movekit]`, at or above start."""
    folder = start if start.is_dir() else start.parent
    for candidate in (folder.resolve(), *folder.resolve().parents):
        own = candidate / "movekit.toml"
        if own.is_file():
            return own, _read_toml(own)
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            tool = _read_toml(pyproject).get("tool")
            table = tool.get("movekit") if isinstance(tool, dict) else None
            if isinstance(table, dict):
                return pyproject, table
            if table is not None:
                raise ConfigError(f"{pyproject}: [tool.movekit] must be a table of settings")
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from error
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror}") from error


def settings_from_table(table: dict[str, Any], source: Path, known: Iterable[str]) -> Settings:
    """Settings from a config table, with every mistake reported as a ConfigError."""
    codes = list(known)
    where = str(source)
    for key in table:
        if key not in CONFIG_KEYS:
            close = difflib.get_close_matches(key, CONFIG_KEYS, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            allowed = ", ".join(CONFIG_KEYS)
            raise ConfigError(f"{where}: unknown setting '{key}'{hint} (allowed: {allowed})")
    select = _code_list(table, "select", codes, where)
    ignore = _code_list(table, "ignore", codes, where)
    return Settings(
        select=select if select is not None else ("MK",),
        ignore=ignore or (),
        severity=_severities(table.get("severity", {}), codes, where),
        source=source,
    )


def _code_list(
    table: dict[str, Any], key: str, known: list[str], where: str
) -> tuple[str, ...] | None:
    if key not in table:
        return None
    value = table[key]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f'{where}: `{key}` must be a list of rule codes, such as ["MK3"]')
    return _codes(value, known, f"{where}: {key}")


def _severities(value: Any, known: list[str], where: str) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(f'{where}: `severity` must be a table, such as MK307 = "warning"')
    levels = ", ".join(severity.value for severity in Severity)
    result = {}
    for code, level in value.items():
        if code not in known:
            raise ConfigError(f"{where}: severity: '{code}' is not a rule code")
        if code in ALWAYS_ON:
            raise ConfigError(f"{where}: severity: {code} is a file-level error and stays one")
        if not isinstance(level, str) or level not in {severity.value for severity in Severity}:
            raise ConfigError(f"{where}: severity: {code} = {level!r}; use one of {levels}")
        result[code] = Severity(level)
    return result


def load_settings(plan: Path, known: Iterable[str]) -> Settings:
    """The settings that apply to a plan file: its nearest config, or the defaults."""
    found = find_config_file(plan)
    if found is None:
        return Settings()
    source, table = found
    return settings_from_table(table, source, known)
