"""The comparison with an earlier movekit: `check` on the same plan, then and now.

Run through benchmarks/run.py (`--only release --baseline REV`). The earlier version is
taken from git (`git archive REV src`), so both run from source with the same installed
libraries, Python and plan; only movekit's own code differs. The default baseline is the
last commit before the plan format additions of movekit 0.2 (targets, owners, timing,
assumptions and risks), whose target is "no slowdown beyond 5% on the 5 MB plan".
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

from generate import generate, parse_size
from run import PYTHON, REPO, Contender, _verdict, compare, table

BEFORE_ADDITIONS = "4a56eee"
"""The last commit of movekit 0.1's plan format, before the 0.2 additions."""
# Both versions check the same plans: generated ones, which have none of the additions,
# and the clean-air example as movekit 0.1 shipped it (tests/data/plans-0.1).


def _source_of(revision: str, folder: Path) -> Path:
    """movekit's `src` folder as it was at `revision`, unpacked into `folder`."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", revision, "src"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src"


def _check(source: Path, plan: Path) -> list[str]:
    """`movekit check` run from `source`, bytecode kept so neither side recompiles."""
    return [
        "env",
        "-u",
        "PYTHONDONTWRITEBYTECODE",
        f"PYTHONPATH={source}",
        PYTHON,
        "-m",
        "movekit",
        "check",
        str(plan),
        "--today",
        "2027-02-03",
        "--no-cache",
    ]


def against_release(
    sizes: list[str], baseline: str, repeat: int, folder: Path
) -> tuple[str, list[str]]:
    """`check --no-cache` now beside `check --no-cache` at `baseline`, on the same plans."""
    before = _source_of(baseline, folder / f"movekit-{baseline}")
    text, verdicts = "", []
    example = REPO / "tests" / "data" / "plans-0.1" / "clean-air-streets.yaml"
    contenders = [
        Contender(f"movekit check at {baseline} (0.1 example)", _check(before, example)),
        Contender("movekit check now (0.1 example)", _check(REPO / "src", example)),
    ]
    compare("release start-up", contenders, repeat)
    text += table(f"Start-up: the 0.1 example, {baseline} and now", contenders) + "\n"
    for size in sizes:
        plan = folder / f"release-{size}.yaml"
        plan.write_text(generate(parse_size(size)), encoding="utf-8")
        contenders = [
            Contender(f"movekit check at {baseline} ({size})", _check(before, plan)),
            Contender(f"movekit check now ({size})", _check(REPO / "src", plan)),
        ]
        compare(f"release {size}", contenders, repeat)
        text += table(f"Checking a generated {size} plan: {baseline} and now", contenders) + "\n"
        if parse_size(size) < 5_000_000:
            continue  # the target is set for 5 MB; smaller plans are start-up bound
        ratio = contenders[1].median / contenders[0].median
        verdicts.append(
            _verdict(
                f"{size}: check now <= 1.05x check at {baseline}", ratio <= 1.05, f"{ratio:.3f}x"
            )
        )
    return text, verdicts
