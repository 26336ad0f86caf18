"""`--template DIR` is fenced and limited: no file from outside the folder, no template
mistake reported as movekit's bug, and no template that exhausts memory or time."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from movekit.config import Settings
from movekit.engine import check_bytes
from movekit.render import sandbox
from movekit.render.document import build_document
from movekit.render.templates import HTML_TEMPLATE, TemplateProblem, fill
from tests.conftest import EXAMPLE_TODAY, SMALL_PLAN, run_cli, template_folder

TODAY = dt.date(2027, 3, 15)


def _fill(folder: Path) -> str:
    """The HTML document of SMALL_PLAN with the templates of `folder`, in this process."""
    checked = check_bytes(SMALL_PLAN.encode(), "plan.yaml", today=TODAY, settings=Settings())
    assert checked.plan is not None
    document = build_document(checked.plan, checked.findings, TODAY)
    return fill(HTML_TEMPLATE, document, folder, html=True)


def _problem(tmp_path: Path, cover: str) -> str:
    with pytest.raises(TemplateProblem) as raised:
        _fill(template_folder(tmp_path, {"cover.html.j2": cover}))
    return str(raised.value)


def _render(tmp_path: Path, folder: Path) -> tuple[int, str, Path]:
    plan = tmp_path / "plan.yaml"
    plan.write_text(SMALL_PLAN, encoding="utf-8")
    output = tmp_path / "out.html"
    result = run_cli("render", str(plan), "--today", EXAMPLE_TODAY, "--template", str(folder),
                     "-o", str(output))  # fmt: skip
    return result.returncode, result.stderr, output


# --- the folder is a fence -------------------------------------------------------------


def test_a_link_to_a_file_outside_the_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"  # stands for /etc/passwd
    secret.write_text("root:x:0:0:SECRET\n", encoding="utf-8")
    folder = template_folder(tmp_path, {"cover.html.j2": "<h1>{% include 'leak.txt' %}</h1>\n"})
    (folder / "leak.txt").symlink_to(secret)
    code, stderr, output = _render(tmp_path, folder)
    assert code == 2, stderr
    assert stderr.startswith(f"error: template error in {folder / 'leak.txt'}: ")
    assert "outside the template folder" in stderr and "copy that file into" in stderr
    assert not output.exists()


def test_a_link_to_a_folder_outside_is_refused_too(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "cover.html.j2").write_text("SECRET\n", encoding="utf-8")
    folder = template_folder(tmp_path, {})
    (folder / "parts").symlink_to(outside)
    (folder / "cover.html.j2").write_text("{% include 'parts/cover.html.j2' %}", encoding="utf-8")
    with pytest.raises(TemplateProblem, match="outside the template folder") as raised:
        _fill(folder)
    assert "SECRET" not in str(raised.value)


def test_a_link_inside_the_folder_is_followed(tmp_path: Path) -> None:
    folder = template_folder(tmp_path, {"real.html.j2": "<h1>Our cover</h1>\n"})
    (folder / "cover.html.j2").symlink_to(folder / "real.html.j2")
    assert "<h1>Our cover</h1>" in _fill(folder)


def test_a_fifo_is_never_opened(tmp_path: Path) -> None:
    folder = template_folder(tmp_path, {"cover.html.j2": "{% include 'pipe.txt' %}"})
    os.mkfifo(folder / "pipe.txt")  # opening it would wait for a writer for ever
    with pytest.raises(TemplateProblem, match=r"template pipe\.txt: not found"):
        _fill(folder)


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"\xff\xfe not text", "not UTF-8 text"), (b"x" * 1_000_001, "over 1 MB")],
)
def test_unreadable_template_files_are_named(content: bytes, reason: str, tmp_path: Path) -> None:
    folder = template_folder(tmp_path, {})
    (folder / "cover.html.j2").write_bytes(content)
    with pytest.raises(TemplateProblem, match=f"cover.html.j2: it is {reason}"):
        _fill(folder)


# --- mistakes are the template's, named by file and line ---------------------------------


@pytest.mark.parametrize(
    ("cover", "line", "what"),
    [
        ("<h1>\n{{ 1/0 }}</h1>", 2, "division by zero"),
        (
            "{% macro m() %}{{ m() }}{% endmacro %}\n\n{{ m() }}",
            1,
            "a macro or an include calls itself without end",
        ),
        ("{% include 'cover.html.j2' %}", 1, "a macro or an include calls itself without end"),
        ("{{ doc.cover.name|truncate('a') }}", 1, "a value of the wrong kind: "),
        ("\n{{ doc.cover.naem }}", 2, "'naem' does not exist here (`movekit docs render`"),
        ("{{ nothing }}", 1, "'nothing' does not exist here"),
        ("{% for %}", 1, "Expected an expression"),
        ("{{ doc.cover.name|round('x') }}", 1, "a value of the wrong kind: "),
    ],
)
def test_template_mistakes_are_template_errors(
    cover: str, line: int, what: str, tmp_path: Path
) -> None:
    message = _problem(tmp_path, cover)
    assert re.match(rf"template error in \S+cover\.html\.j2, line {line}: ", message), message
    assert what in message
    assert "internal error" not in message


@pytest.mark.parametrize(
    ("cover", "what"),
    [
        ("{{ doc.cover.name|date }}", "the date filter needs a date, not str 'Clean Air'"),
        ("{{ doc.cover|number }}", "the number filter needs a number, not Cover"),
        ("{{ 3|count }}", "the count filter: missing a required argument: 'noun'"),
        ("{{ doc|diagram }}", "the diagram filter needs a journey (one of doc.journeys)"),
        ("{{ doc.iteration|timeline }}", "the timeline filter needs phases with dates"),
        ("{{ doc.nothing|date }}", "'nothing' does not exist here"),
    ],
)
def test_movekit_filters_given_the_wrong_thing_are_template_errors(
    cover: str, what: str, tmp_path: Path
) -> None:
    message = _problem(tmp_path, cover)
    assert re.match(r"template error in \S+cover\.html\.j2, line 1: ", message), message
    assert what in message


def test_a_template_mistake_exits_2_and_names_the_file(tmp_path: Path) -> None:
    folder = template_folder(tmp_path, {"cover.html.j2": "<h1>\n{{ 1/0 }}</h1>\n"})
    code, stderr, output = _render(tmp_path, folder)
    assert code == 2
    assert stderr == (
        f"error: template error in {folder / 'cover.html.j2'}, line 2: division by zero\n"
    )
    assert not output.exists()


# --- limits --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cover", "what"),
    [
        ("{{ 'a' * 10**9 }}", "more than 20,000,000 characters or items (20 MB)"),
        ("{{ [1] * 10**9 }}", "more than 20,000,000 characters or items"),
        ("{{ 10 ** 1000000 }}", "a number too large"),
        ("{{ range(10**9)|list|length }}", "range() here gives more than 100,000 numbers"),
        ("{{ range(10**30) }}", "range() here gives more than 100,000 numbers"),
        ("{{ 'x'|center(10**9) }}", "more than 20,000,000 characters"),
        ("{{ 'x'.ljust(10**9) }}", "more than 20,000,000 characters"),
        ("{{ [1]|batch(10**9, 0)|list }}", "more than 20,000,000 characters or items"),
        ("{{ doc.cover.name|replace('', 'x' * 3000000) }}", "more than 20,000,000"),
        ("{{ '{:>{w}}'.format(1, w=10**9) }}", "asks for a field over 10,000 wide"),
        ("{{ '{:>999999999}'.format(1) }}", "asks for a field over 10,000 wide"),
        ("{{ '%0999999999d'|format(1) }}", "asks for a field over 10,000 wide"),
        ("{{ '%*d' % (999999999, 1) }}", "asks for a field over 10,000 wide"),
        (
            "{% set x = range(100000)|list %}{% set y = [x] * 100 %}"
            "{{ ([y] * 100)|sum(start=[])|sum(start=[])|length }}",
            "more than 20,000,000 characters or items",
        ),
        (
            "{% set ns = namespace(s='a') %}{% for i in range(40) %}"
            "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
            "more than 20,000,000 characters or items",
        ),
        (
            "{% set s = 'x' * 9999 %}{% for i in range(3000) %}{{ s|indent(s) }}\n{% endfor %}",
            "more than 20,000,000",
        ),
    ],
)
def test_values_over_the_size_limit_stop_the_template(
    cover: str, what: str, tmp_path: Path
) -> None:
    message = _problem(tmp_path, cover)
    assert re.match(r"template error in \S+cover\.html\.j2, line 1: ", message), message
    assert what in message


def test_nested_loops_stop_at_the_budget_of_rounds(tmp_path: Path) -> None:
    cover = "<h1>\n{% for i in range(100000) %}\n{% for j in range(100000) %}{% endfor %}\n"
    cover += "{% endfor %}</h1>"
    message = _problem(tmp_path, cover)
    assert message.startswith("template error in ") and "cover.html.j2, line 3: " in message
    assert "more than 1,000,000 loop rounds in all (loops inside loops multiply)" in message


def test_loops_over_a_list_made_by_the_template_are_counted(tmp_path: Path) -> None:
    cover = "{% set r = range(100000)|list %}{% for i in r %}{% for j in r %}x{% endfor %}"
    cover += "{% endfor %}"
    assert "loop rounds" in _problem(tmp_path, cover)


def test_a_recursive_loop_is_counted(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sandbox, "MAX_CALLS", 10**9)
    monkeypatch.setattr(sandbox, "MAX_ROUNDS", 50_000)
    cover = "{% for x in range(10) recursive %}{% if loop.depth < 20 %}{{ loop(range(10)) }}"
    cover += "{% endif %}{% endfor %}"
    assert "more than 50,000 loop rounds" in _problem(tmp_path, cover)


def test_macros_that_double_stop_at_the_budget_of_calls(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sandbox, "MAX_CALLS", 5_000)
    cover = "{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}"
    cover += "{{ f(60) }}"
    assert "calls macros or functions more than 5,000 times" in _problem(tmp_path, cover)


def test_the_document_size_is_limited(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sandbox, "MAX_DOCUMENT", 5_000_000)
    cover = "{% set s = 'x' * 100000 %}{% for i in range(100) %}{{ s }}{% endfor %}"
    message = _problem(tmp_path, cover)
    assert message == "template error in document.html.j2: the template makes a document over 5 MB"


def test_a_limit_exits_2_through_the_cli(tmp_path: Path) -> None:
    folder = template_folder(tmp_path, {"cover.html.j2": "{{ 'a' * 10**9 }}"})
    code, stderr, output = _render(tmp_path, folder)
    assert code == 2
    assert stderr.startswith("error: template error in ") and "20 MB" in stderr
    assert not output.exists()


@pytest.mark.parametrize(
    "cover",
    [
        "{{ 6 * 7 }} {{ 2 ** 10 }} {{ 100000 * 100000 }} {{ 'ab' * 3 }} {{ [1, 2] + [3] }}",
        "{{ '%5.1f' % 3.14159 }} {{ '%s and %s'|format('a', 'b') }} {{ '{:>8}'.format('x') }}",
        "{{ doc.cover.name|center(40) }} {{ 'a b'|replace(' ', '-') }} {{ ', '.join(['a']) }}",
        "{% for a in doc.audiences %}{% for b in range(1000) %}{% endfor %}{% endfor %}",
        "{{ doc.cover.name|wordwrap(20) }} {{ [1, 2, 3]|batch(2)|list }} {{ 'x'|indent(4) }}",
    ],
)
def test_ordinary_templates_are_within_the_limits(cover: str, tmp_path: Path) -> None:
    assert "<html" in _fill(template_folder(tmp_path, {"cover.html.j2": cover}))


def test_the_limits_are_counted_per_document(tmp_path: Path) -> None:
    """Two renders in one process each have the whole budget (it is not a process total)."""
    folder = template_folder(
        tmp_path, {"cover.html.j2": "{% for i in range(100000) %}{% endfor %}" * 6}
    )
    _fill(folder)
    _fill(folder)
