"""`--template DIR`: user templates replace built-ins by name, run sandboxed, fail clearly."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from movekit.config import Settings
from movekit.engine import check_bytes
from movekit.render.document import build_document
from movekit.render.templates import HTML_TEMPLATE, TemplateProblem, fill
from tests.conftest import EXAMPLE_TODAY, REPO, SMALL_PLAN, run_cli, template_folder

BUILT_IN = REPO / "templates" / "document"
TODAY = dt.date(2027, 3, 15)


@pytest.fixture
def plan(write_plan: Callable[..., Path]) -> Path:
    return write_plan(SMALL_PLAN)


def _render(plan: Path, templates: Path, *args: str) -> tuple[int, str, str]:
    """Exit code, stderr and the document written (empty when none)."""
    output = plan.parent / "out.html"
    result = run_cli("render", str(plan), "--today", EXAMPLE_TODAY, "--template", str(templates),
                     "-o", str(output), *args)  # fmt: skip
    written = output.read_text(encoding="utf-8") if output.exists() else ""
    return result.returncode, result.stderr, written


def test_a_user_template_replaces_the_built_in_of_the_same_name(plan: Path, tmp_path: Path) -> None:
    cover = "<header><h1>{{ doc.cover.name }}</h1><p>Our own cover for {{ doc.cover.goal }}</p>"
    cover += "</header>\n"
    templates = template_folder(
        tmp_path, {"cover.html.j2": cover, "document.css": "body{color:#123}"}
    )
    code, stderr, html = _render(plan, templates)
    assert code == 0, stderr
    assert "<p>Our own cover for Council adopts School Streets</p>" in html
    assert "body{color:#123}" in html and "--accent" not in html  # the CSS was replaced
    assert '<section id="journeys" class="chapter"' in html  # the other templates are built-in


def test_the_markdown_template_can_be_replaced(plan: Path, tmp_path: Path) -> None:
    templates = template_folder(
        tmp_path, {"document.md.j2": "{{ doc.cover.name }}: {{ doc.cover.goal }}\n"}
    )
    output = tmp_path / "out.md"
    result = run_cli("render", str(plan), "--template", str(templates), "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert output.read_text(encoding="utf-8") == "Clean Air: Council adopts School Streets\n"


def test_user_templates_escape_plan_text(write_plan: Callable[..., Path], tmp_path: Path) -> None:
    plan = write_plan(SMALL_PLAN.replace("name: Clean Air", "name: <b onmouseover=x>Air</b>"))
    templates = template_folder(tmp_path, {"cover.html.j2": "<h1>{{ doc.cover.name }}</h1>"})
    code, _, html = _render(plan, templates)
    assert code == 0
    assert "<h1>&lt;b onmouseover=x&gt;Air&lt;/b&gt;</h1>" in html


def _fill(tmp_path: Path, cover: str) -> str:
    """The HTML document of SMALL_PLAN with this cover template, made in this process."""
    checked = check_bytes(SMALL_PLAN.encode(), "plan.yaml", today=TODAY, settings=Settings())
    assert checked.plan is not None
    document = build_document(checked.plan, checked.findings, TODAY)
    return fill(
        HTML_TEMPLATE, document, template_folder(tmp_path, {"cover.html.j2": cover}), html=True
    )


@pytest.mark.parametrize(
    "expression",
    [
        "''.__class__.__mro__",
        "doc.__class__.__init__.__globals__",
        "doc.cover.name.__class__.__subclasses__()",
        "cycler.__init__.__globals__.os",
        "doc.audiences.append(1)",
    ],
)
def test_a_user_template_cannot_reach_python_internals(expression: str, tmp_path: Path) -> None:
    where = r"template error in .*cover\.html\.j2, line 1: "
    with pytest.raises(TemplateProblem, match=where) as raised:
        _fill(tmp_path, f"<h1>{{{{ {expression} }}}}</h1>\n")
    assert "not allowed in a template" in str(raised.value) or "does not exist" in str(raised.value)


def test_a_sandbox_violation_exits_2_with_a_clear_message(plan: Path, tmp_path: Path) -> None:
    templates = template_folder(
        tmp_path, {"cover.html.j2": "<h1>{{ ''.__class__.__mro__ }}</h1>\n"}
    )
    code, stderr, html = _render(plan, templates)
    assert code == 2
    assert stderr.startswith("error: template error in ")
    assert "cover.html.j2, line 1: not allowed in a template" in stderr
    assert "Traceback" not in stderr and html == ""


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("<h1>{{ doc.cover.nmae }}</h1>\n", "cover.html.j2, line 1: 'nmae' does not exist"),
        ("\n\n{% if doc %}<h1>\n", "cover.html.j2, line 3: Unexpected end of template"),
        ("{% include 'nothing.html.j2' %}", "template nothing.html.j2: not found"),
    ],
)
def test_template_mistakes_say_where(template: str, message: str, tmp_path: Path) -> None:
    with pytest.raises(TemplateProblem, match=re.escape(message)):
        _fill(tmp_path, template)


def test_a_template_mistake_exits_2(plan: Path, tmp_path: Path) -> None:
    code, stderr, _ = _render(
        plan, template_folder(tmp_path, {"cover.html.j2": "{{ doc.nothing }}"})
    )
    assert code == 2
    assert "template error in " in stderr and "cover.html.j2, line 1: " in stderr
    assert "Traceback" not in stderr


def test_the_template_folder_must_exist(plan: Path, tmp_path: Path) -> None:
    code, stderr, _ = _render(plan, tmp_path / "nowhere")
    assert code == 2
    assert "--template" in stderr and "not a folder of templates" in stderr


def test_every_built_in_template_is_documented() -> None:
    docs = (REPO / "docs" / "render.md").read_text(encoding="utf-8")
    for template in sorted(BUILT_IN.iterdir()):
        assert f"`{template.name}`" in docs, template.name


def test_the_example_in_the_docs_works(tmp_path: Path) -> None:
    docs = (REPO / "docs" / "render.md").read_text(encoding="utf-8")
    files = dict(re.findall(r"<!-- template: (\S+) -->\n```[\w+]*\n(.*?)```", docs, re.S))
    assert set(files) == {"cover.html.j2", "custom.css"}
    templates = template_folder(tmp_path, files)
    output = tmp_path / "plan.html"
    plan = REPO / "examples" / "clean-air-streets.yaml"
    result = run_cli("render", str(plan), "--template", str(templates), "-o", str(output))
    assert result.returncode == 0, result.stderr
    html = output.read_text(encoding="utf-8")
    assert "Run by Clean Air Stockport, figures as of" in html
    assert html.index("--accent: #2f5d8a") < html.index("--accent: #0b6e4f")  # custom.css last
