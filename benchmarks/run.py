"""Time movekit against its peers, side by side in one run, and check the speed targets.

Usage:
    python benchmarks/run.py                 # the full run (about 20 minutes on 2 cores)
    python benchmarks/run.py --quick         # every comparison once at 10 KB (CI runs this)
    python benchmarks/run.py --sizes 1MB,5MB --repeat 5 --output results.md
    python benchmarks/run.py --only fmt --fmt-sizes 500KB,1MB,2MB   # fmt beside check
    python benchmarks/run.py --only record --rows 100000            # record --from a CSV
    python benchmarks/run.py --only preview                         # preview's first paint
    python benchmarks/run.py --only lsp                             # the language server

Each measurement is a whole process (start-up included), run through a small wrapper that
reports its wall time and peak memory (the child's maximum resident set size). The
commands of one comparison run alternately, `--repeat` times, and the medians are
compared, so a noisy neighbour slows every contender alike.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate, parse_size

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "clean-air-streets.yaml"
TODAY = "2027-03-15"
PYTHON = sys.executable
BIN = Path(PYTHON).parent
WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "elapsed = time.perf_counter() - start\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(elapsed, peak, done.returncode)\n"
)
CSAFE = "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)"
RUAMEL = "import sys, ruamel.yaml; ruamel.yaml.YAML(typ='rt').load(open(sys.argv[1], 'rb'))"
WEASYPRINT = (
    "import sys, weasyprint; weasyprint.HTML(filename=sys.argv[1])"
    ".write_pdf(sys.argv[2], pdf_variant=sys.argv[3] if len(sys.argv) > 3 else None)"
)
"""WeasyPrint alone: the HTML to a PDF, tagged (PDF/UA-1) as movekit makes it, or untagged."""


@dataclass
class Contender:
    """One command in a comparison, with its measurements."""

    label: str
    command: list[str]
    seconds: list[float] = field(default_factory=list)
    peak_kb: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mb(self) -> float:
        return max(self.peak_kb) / 1024


def measure(contender: Contender) -> None:
    output = subprocess.run(
        [PYTHON, "-c", WRAPPER, *contender.command], capture_output=True, text=True, check=True
    ).stdout.split()
    contender.seconds.append(float(output[0]))
    contender.peak_kb.append(int(output[1]))


def compare(title: str, contenders: list[Contender], repeat: int) -> list[Contender]:
    print(f"  {title} ...", file=sys.stderr, flush=True)
    for contender in contenders:  # warm the file cache once, unmeasured
        subprocess.run(contender.command, capture_output=True, check=False)
    for _ in range(repeat):
        for contender in contenders:
            measure(contender)
    return contenders


def table(title: str, contenders: list[Contender]) -> str:
    base = contenders[0].median
    rows = [
        f"### {title}",
        "",
        "| command | median (s) | runs | vs first | peak memory (MB) |",
        "|---|---:|---:|---:|---:|",
    ]
    for contender in contenders:
        ratio = contender.median / base if base else float("nan")
        rows.append(
            f"| {contender.label} | {contender.median:.3f} | {len(contender.seconds)} "
            f"| {ratio:.2f}x | {contender.peak_mb:.0f} |"
        )
    return "\n".join(rows) + "\n"


def tool(name: str) -> str | None:
    found = BIN / name
    return str(found) if found.exists() else shutil.which(name)


def startup(repeat: int) -> tuple[str, list[str]]:
    movekit, yamllint = tool("movekit"), tool("yamllint")
    assert movekit is not None, "install movekit first (pip install -e '.[test]')"
    check = [movekit, "check", str(EXAMPLE), "--today", TODAY]
    contenders = [
        Contender("movekit check (example, findings cached)", check),
        Contender("movekit check --no-cache (example)", [*check, "--no-cache"]),
    ]
    if yamllint:
        contenders.append(Contender("yamllint (same file)", [yamllint, str(EXAMPLE)]))
    contenders.append(Contender("python -c pass", [PYTHON, "-c", "pass"]))
    compare("start-up", contenders, repeat)
    verdicts = []
    if yamllint:
        for contender in contenders[:2]:
            ratio = contender.median / contenders[2].median
            target = f"{contender.label} <= yamllint"
            verdicts.append(_verdict(target, ratio <= 1.0, f"{ratio:.2f}x"))
    return table("Start-up: checking a shipped example", contenders), verdicts


def scaling(sizes: list[str], repeat: int, folder: Path) -> tuple[str, list[str]]:
    movekit, yamllint = tool("movekit"), tool("yamllint")
    assert movekit is not None
    text, verdicts, medians = "", [], {}
    for size in sizes:
        plan = folder / f"plan-{size}.yaml"
        plan.write_text(generate(parse_size(size)), encoding="utf-8")
        contenders = [
            Contender(
                f"movekit check --no-cache ({size})",
                [movekit, "check", str(plan), "--today", "2027-02-03", "--no-cache"],
            ),
            Contender("PyYAML CSafeLoader load", [PYTHON, "-c", CSAFE, str(plan)]),
            Contender("ruamel.yaml round-trip load", [PYTHON, "-c", RUAMEL, str(plan)]),
        ]
        if yamllint and parse_size(size) <= 5_000_000:
            contenders.append(Contender("yamllint", [yamllint, str(plan)]))
        compare(f"{size} plan", contenders, repeat)
        medians[size] = contenders[0].median
        text += table(f"Checking a generated {size} plan", contenders) + "\n"
        if parse_size(size) < 5_000_000:
            continue  # the targets are set for 5 MB and up; smaller sizes are start-up bound
        ratio = contenders[0].median / contenders[1].median
        verdicts.append(_verdict(f"{size}: check <= 2x CSafeLoader", ratio <= 2.0, f"{ratio:.2f}x"))
        if len(contenders) == 4:
            speedup = contenders[3].median / contenders[0].median
            verdicts.append(
                _verdict(
                    f"{size}: check >= 3x faster than yamllint", speedup >= 3, f"{speedup:.1f}x"
                )
            )
        if parse_size(size) >= 20_000_000:
            peak = contenders[0].peak_mb
            verdicts.append(_verdict(f"{size}: peak memory < 1 GB", peak < 1024, f"{peak:.0f} MB"))
    if "5MB" in medians and "20MB" in medians:
        growth = medians["20MB"] / medians["5MB"]
        verdicts.append(_verdict("20 MB takes <= 4.4x 5 MB", growth <= 4.4, f"{growth:.2f}x"))
    return text, verdicts


def rendering(repeat: int, folder: Path) -> tuple[str, list[str]]:
    movekit = tool("movekit")
    assert movekit is not None
    probe = subprocess.run([movekit, "render", "--help"], capture_output=True, check=False)
    if probe.returncode != 0:
        return "### Rendering\n\n`movekit render` is not available in this build: skipped.\n", []
    html = folder / "plan.html"
    render = [movekit, "render", str(EXAMPLE), "--today", TODAY]
    subprocess.run([*render, "--format", "html", "-o", str(html)], check=True, capture_output=True)
    contenders = [
        Contender(
            "movekit render --format html",
            [*render, "--format", "html", "-o", str(folder / "a.html")],
        ),
        Contender("movekit render --pdf", [*render, "--pdf", "-o", str(folder / "a.pdf")]),
        Contender(
            "WeasyPrint alone (same HTML, tagged PDF/UA-1)",
            [PYTHON, "-c", WEASYPRINT, str(html), str(folder / "b.pdf"), "pdf/ua-1"],
        ),
        Contender(  # what tagging costs: for the record, not the target
            "WeasyPrint alone (same HTML, untagged)",
            [PYTHON, "-c", WEASYPRINT, str(html), str(folder / "c.pdf")],
        ),
    ]
    compare("rendering", contenders, repeat)
    ratio = contenders[1].median / contenders[2].median
    verdict = _verdict("render --pdf <= 1.2x WeasyPrint alone", ratio <= 1.2, f"{ratio:.2f}x")
    return table("Rendering the example", contenders), [verdict]


def _verdict(target: str, met: bool, value: str) -> str:
    return f"| {target} | {value} | {'met' if met else 'MISSED'} |"


def main(argv: list[str]) -> int:
    import release  # its comparison uses the helpers above

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1MB,5MB,20MB", help="generated plan sizes")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command")
    parser.add_argument("--quick", action="store_true", help="10KB, one run (for CI)")
    parser.add_argument("--output", type=Path, help="also write the Markdown report here")
    parser.add_argument(
        "--only",
        choices=("startup", "scaling", "render", "fmt", "record", "preview", "lsp", "release"),
        help="run one group of comparisons",
    )
    parser.add_argument("--fmt-sizes", default="500KB,1MB,2MB", help="plan sizes for fmt")
    parser.add_argument("--rows", type=int, default=100_000, help="CSV rows for record")
    parser.add_argument(
        "--baseline",
        default=release.BEFORE_ADDITIONS,
        help="git revision of the earlier movekit for --only release",
    )
    args = parser.parse_args(argv)
    sizes = ["10KB"] if args.quick else args.sizes.split(",")
    fmt_sizes = ["10KB", "20KB"] if args.quick else args.fmt_sizes.split(",")
    rows = 100 if args.quick else args.rows
    repeat = 1 if args.quick else args.repeat
    import lsp  # its comparison uses the helpers above
    import preview  # its comparison uses the helpers above
    import writers  # its comparisons use the helpers above

    with tempfile.TemporaryDirectory() as scratch:
        groups = {
            "startup": lambda: startup(repeat),
            "scaling": lambda: scaling(sizes, repeat, Path(scratch)),
            "render": lambda: rendering(repeat, Path(scratch)),
            "fmt": lambda: writers.formatting(fmt_sizes, repeat, Path(scratch)),
            "record": lambda: writers.recording(rows, sizes[0], repeat, Path(scratch)),
            "preview": lambda: preview.previewing(repeat, Path(scratch)),
            "lsp": lambda: lsp.serving(["10KB" if args.quick else "1MB"], repeat, Path(scratch)),
            "release": lambda: release.against_release(sizes, args.baseline, repeat, Path(scratch)),
        }
        parts = [run() for name, run in groups.items() if args.only in (None, name)]
    verdicts = [line for _, lines in parts for line in lines]
    report = "\n".join(text for text, _ in parts)
    report += (
        "\n### Targets\n\n| target | measured | |\n|---|---:|---|\n" + "\n".join(verdicts) + "\n"
    )
    print(report)
    if args.output:
        args.output.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
