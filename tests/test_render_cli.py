"""`movekit render` through the real entry point: paths, formats, refusals and exit codes."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_TODAY, EXAMPLES, SMALL_PLAN, VALID_PLAN, run_cli
from tests.golden import GOLDEN

TODAY = ("--today", EXAMPLE_TODAY)
CLEAN_AIR = EXAMPLES / "clean-air-streets.yaml"


def test_writes_build_plan_html_next_to_the_plan_by_default(
    write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    plan = write_plan(SMALL_PLAN, "campaign/plan.yaml")
    result = run_cli("render", "campaign/plan.yaml", *TODAY, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {Path('campaign/build/plan.html')}\n"
    html = (plan.parent / "build" / "plan.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert [p.name for p in (plan.parent / "build").iterdir()] == ["plan.html"]  # no temp files


@pytest.mark.parametrize(
    ("args", "written"),
    [
        (["--format", "md"], "build/plan.md"),
        (["-o", "out/plan.markdown"], "out/plan.markdown"),
        (["-o", "out/page.htm"], "out/page.htm"),
        (["-o", "out/PLAN.MD"], "out/PLAN.MD"),
        (["-f", "html", "-o", "out/no-extension"], "out/no-extension"),
        (["-f", "md", "-o", "out/plan.markdown"], "out/plan.markdown"),
    ],
)
def test_the_format_comes_from_the_option_or_the_extension(
    args: list[str], written: str, write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    write_plan(SMALL_PLAN)
    (tmp_path / "out").mkdir()
    result = run_cli("render", "plan.yaml", *TODAY, *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {Path(written)}\n"
    text = (tmp_path / written).read_text(encoding="utf-8")
    markdown = written.lower().endswith((".md", ".markdown"))
    assert text.startswith("# Clean Air" if markdown else "<!DOCTYPE html>")


def test_the_gaps_follow_the_config_file_and_the_day(
    write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    write_plan(SMALL_PLAN)
    (tmp_path / "movekit.toml").write_text('ignore = ["MK3"]\n', encoding="utf-8")
    result = run_cli("render", "plan.yaml", "--today", "2031-02-03", "-f", "md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    document = (tmp_path / "build" / "plan.md").read_text(encoding="utf-8")
    assert "## Open gaps" in document
    assert "**MK2" in document and "**MK3" not in document
    assert "**Plan data as of:** 3 February 2031" in document


def test_no_gaps_leaves_the_open_gaps_out(write_plan: Callable[..., Path], tmp_path: Path) -> None:
    write_plan(SMALL_PLAN)
    result = run_cli("render", "plan.yaml", *TODAY, "-f", "md", "--no-gaps", cwd=tmp_path)
    assert result.returncode == 0
    document = (tmp_path / "build" / "plan.md").read_text(encoding="utf-8")
    assert "Open gaps" not in document and "**MK" not in document


def test_no_gap_details_leaves_the_appendix_for_editors_out(tmp_path: Path) -> None:
    plan = EXAMPLES / "gaps" / "plan.yaml"
    for options, appendix in (((), True), (("--no-gap-details",), False)):
        output = tmp_path / "plan.md"
        result = run_cli("render", str(plan), *TODAY, "-o", str(output), *options)
        assert result.returncode == 0, result.stderr
        document = output.read_text(encoding="utf-8")
        assert "## Open gaps" in document  # the gaps for people stay
        assert ("## For whoever edits the plan" in document) is appendix
        assert ("**MK605**" in document) is appendix
    help_text = " ".join(run_cli("render", "--help").stdout.split())
    assert "--no-gap-details" in help_text and "rule codes" in help_text


def test_refuses_to_write_over_the_plan(write_plan: Callable[..., Path], tmp_path: Path) -> None:
    plan = write_plan(SMALL_PLAN)
    result = run_cli("render", "plan.yaml", "-o", f"./{plan.name}", cwd=tmp_path)
    assert result.returncode == 2
    assert "movekit cannot write .yaml files" in result.stderr
    assert "Traceback" not in result.stderr
    assert plan.read_text(encoding="utf-8") == SMALL_PLAN


def test_refuses_a_plan_named_with_a_link_to_it(
    write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    plan = write_plan(SMALL_PLAN)
    (tmp_path / "link.html").symlink_to(plan)
    result = run_cli("render", "plan.yaml", "-o", "link.html", cwd=tmp_path)
    assert result.returncode == 2 and "that is the plan itself" in result.stderr


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("missing/plan.html", "missing: no such folder"),
        ("plan.yaml/plan.html", "is not a folder"),
        ("folder.html", "is a folder"),
    ],
)
def test_refuses_outputs_it_cannot_write(
    output: str, message: str, write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    write_plan(SMALL_PLAN)
    (tmp_path / "folder.html").mkdir()
    result = run_cli("render", "plan.yaml", "-o", output, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert result.stdout == ""


def test_a_build_file_in_the_way_is_a_clear_error(
    write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    write_plan(SMALL_PLAN)
    (tmp_path / "build").write_text("not a folder", encoding="utf-8")
    result = run_cli("render", "plan.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "build: exists and is not a folder" in result.stderr


def test_a_read_only_folder_is_a_clear_error(
    write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    write_plan(SMALL_PLAN)
    # /proc refuses new files even for root, where permission bits would not
    result = run_cli("render", "plan.yaml", "-o", "/proc/plan.html", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: /proc") and "Traceback" not in result.stderr


def test_a_missing_plan_exits_2(tmp_path: Path) -> None:
    result = run_cli("render", "nowhere.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "error: nowhere.yaml: no such file\n"
    assert not (tmp_path / "build").exists()


def test_standard_input_renders_only_with_an_output_path(tmp_path: Path) -> None:
    # a plan read as `-` has no folder for the default build/ output
    refused = run_cli("render", "-", *TODAY, cwd=tmp_path, stdin=SMALL_PLAN)
    assert refused.returncode == 2
    assert (
        refused.stderr
        == "error: -: a plan read from standard input needs -o PATH for the document\n"
    )
    assert list(tmp_path.iterdir()) == []
    result = run_cli("render", "-", *TODAY, "-o", "plan.md", cwd=tmp_path, stdin=SMALL_PLAN)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "plan.md").read_text(encoding="utf-8").startswith("# Clean Air")


def test_file_level_errors_are_shown_like_check_and_exit_1(
    write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    write_plan(VALID_PLAN.replace("type: policy", "type: polcy"))
    result = run_cli("render", "plan.yaml", *TODAY, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "MK002 [error]" in result.stderr and "--> plan.yaml:8:11" in result.stderr
    assert "error: plan.yaml: fix the errors above, then render again" in result.stderr
    assert not (tmp_path / "build").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "docx"], "'docx' is not a format; use one of md, html, pdf"),
        (["--pdf", "--format", "md"], "--pdf and --format md disagree"),
    ],
)
def test_bad_options_exit_2(args: list[str], message: str) -> None:
    result = run_cli("render", str(CLEAN_AIR), *args)
    assert result.returncode == 2
    assert message in result.stderr


def test_render_never_imports_weasyprint_for_markdown_or_html(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from movekit.cli import main\n"
        f"sys.argv = ['movekit', 'render', {str(CLEAN_AIR)!r}, '-o', {str(tmp_path / 'a.htm')!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as done:\n"
        "    assert not done.code, done.code\n"
        "print('HEAVY', sorted(m for m in sys.modules if m.startswith('weasyprint')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert "HEAVY []" in result.stdout, result.stderr


class _Outline(HTMLParser):
    """Headings, table headers, and the svg elements with their titles."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.headers: list[dict[str, str | None]] = []
        self.svgs: list[dict[str, str | None]] = []
        self.titles = 0
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "th":
            self.headers.append(dict(attrs))
        elif tag == "svg":
            self.svgs.append(dict(attrs))
        elif tag == "title" and self.svgs:
            self.titles += 1
        elif tag == "html":
            self.lang = dict(attrs).get("lang")


@pytest.mark.parametrize("name", ["clean-air-streets", "gaps"])
def test_the_html_is_accessible(name: str) -> None:
    outline = _Outline()
    outline.feed((GOLDEN / f"render-{name}.html").read_text(encoding="utf-8"))
    assert outline.lang == "en"
    assert outline.headings[0] == 1 and outline.headings.count(1) == 1
    steps = zip(outline.headings, outline.headings[1:], strict=False)
    assert all(after <= before + 1 for before, after in steps), outline.headings
    assert outline.headers and all(th.get("scope") in {"col", "row"} for th in outline.headers)
    assert outline.svgs and all(svg.get("role") == "img" for svg in outline.svgs)
    html = (GOLDEN / f"render-{name}.html").read_text(encoding="utf-8")
    # every diagram and chart opens with its title (dots and rules may carry their own)
    assert len(re.findall(r"<svg\b[^>]*>\s*<title\b", html)) == len(outline.svgs)
    assert outline.titles >= len(outline.svgs)
    assert all(svg.get("aria-labelledby") for svg in outline.svgs)


def test_the_html_is_self_contained() -> None:
    html = (GOLDEN / "render-clean-air-streets.html").read_text(encoding="utf-8")
    assert "<script" not in html and "<link" not in html and "@import" not in html
    assert "@font-face" not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert not re.search(r"url\(", html)


def test_a_missing_pango_library_is_a_clear_error(
    write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    write_plan(SMALL_PLAN)
    fake = tmp_path / "fake" / "weasyprint"
    fake.mkdir(parents=True)  # a WeasyPrint that fails as it does when Pango is missing
    (fake / "__init__.py").write_text("raise OSError(\"cannot load library 'libpango-1.0-0'\")\n")
    result = run_cli("render", "plan.yaml", "--pdf", cwd=tmp_path,
                     env={"PYTHONPATH": str(fake.parent)}, fresh=True)  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith("error: PDF output needs WeasyPrint and the Pango")
    assert "apt-get install libpango-1.0-0" in result.stderr and "libpango-1.0-0'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "build" / "plan.pdf").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "plan.docx"], "plan.docx: movekit cannot write .docx files; end the name in .md"),
        (["-o", "plan"], "plan: no extension; end the name in .md or .markdown (Markdown)"),
        (["-f", "md", "-o", "plan.html"], "plan.html ends in .html, but --format md writes"),
        (["--pdf", "-o", "plan.md"], "plan.md ends in .md, but --pdf writes PDF"),
        (["-f", "pdf", "-o", "plan.txt"], "plan.txt: movekit cannot write .txt files"),
    ],
)
def test_an_output_name_that_does_not_match_a_format_is_refused(
    args: list[str], message: str, write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    write_plan(SMALL_PLAN)
    result = run_cli("render", "plan.yaml", *TODAY, *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in " ".join(result.stderr.split())
    assert ".pdf (PDF)" in result.stderr or "change one of them" in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.yaml"]
