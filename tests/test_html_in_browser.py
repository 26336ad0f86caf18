"""The rendered HTML as people see it, in a real Chromium (tests/browser.py): the shipped
examples lay out inside the window on a laptop and on a phone, every diagram and chart is
drawn inside its box, and an accessibility scan (axe-core, vendored in tests/vendor/, as
no network is used in tests) finds nothing serious."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.conftest import EXAMPLE_TODAY, EXAMPLES, REPO, run_cli

if TYPE_CHECKING:
    from playwright.sync_api import Page

PLANS = [
    *sorted(EXAMPLES.glob("*.yaml")),
    EXAMPLES / "gaps" / "plan.yaml",
    REPO / "tests" / "data" / "real-additions.yaml",
    REPO / "tests" / "data" / "tiny-plan.yaml",  # no journeys or dates: nothing to draw
]
# Tables too wide for a phone: shown as cards there (the others may stay tables).
WIDE_TABLES = {"measures", "targets", "stakeholders", "stages", "channel-plan", "risks"}
AXE = REPO / "tests" / "vendor" / "axe-core" / "axe.min.js"


def _name(plan: Path) -> str:
    return plan.parent.name + "/" + plan.stem


def _rendered(plan: Path, folder: Path) -> Path:
    out = folder / f"{plan.stem}.html"
    result = run_cli("render", str(plan), "-o", str(out), "--today", EXAMPLE_TODAY)
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("plan", PLANS, ids=_name)
def test_the_document_fits_a_laptop_window_and_draws_every_diagram(
    plan: Path, tmp_path: Path, desktop: Page
) -> None:
    desktop.goto(_rendered(plan, tmp_path).as_uri())
    overflow = desktop.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow} px at 1280 px"
    if plan.stem != "tiny-plan":
        assert desktop.locator("svg").count() > 0, "the document draws no diagram or chart"
    assert desktop.evaluate(_SVGS_OUT_OF_THEIR_BOX) == []
    assert desktop.locator("h1").count() == 1
    assert not _overlapping_headers(desktop)


# Every figure shows a drawn SVG (a figure may hold two, one for wide windows and one for
# narrow ones, and show one); every SVG shown lies inside the window's width, or inside a
# box that scrolls sideways, lies inside the window and can be reached with the keyboard.
_SVGS_OUT_OF_THEIR_BOX = """() => {
  const width = document.documentElement.clientWidth;
  const scroller = element => {
    for (let node = element.parentElement; node; node = node.parentElement) {
      const x = getComputedStyle(node).overflowX;
      if (x === 'auto' || x === 'scroll') return node;
    }
    return null;
  };
  const inside = box => box.left >= -0.5 && box.right <= width + 0.5;
  const drawn = svg => {
    const box = svg.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && svg.checkVisibility({visibilityProperty: true});
  };
  const figures = [...document.querySelectorAll('figure')]
    .filter(figure => figure.querySelector('svg') && !figure.querySelector('figure'))
    .filter(figure => ![...figure.querySelectorAll('svg')].some(drawn))
    .map(figure => 'a figure shows no drawing: ' + figure.textContent.slice(0, 60));
  return figures.concat([...document.querySelectorAll('svg')].filter(drawn).flatMap(svg => {
    const box = svg.getBoundingClientRect();
    const name = (svg.querySelector('title') || {}).textContent || svg.outerHTML.slice(0, 80);
    if (inside(box)) return [];
    const own = scroller(svg);
    if (own && inside(own.getBoundingClientRect()) && own.tabIndex >= 0) return [];
    return [name + ': from ' + Math.round(box.left) + ' to ' + Math.round(box.right) + ' px'];
  }));
}"""

_OVERLAPPING_HEADERS = """() => {
  const boxes = [...document.querySelectorAll('thead th')]
    .map(th => [th.textContent, th.getBoundingClientRect()])
    .filter(([, box]) => box.width > 1 && box.height > 1);
  const found = [];
  boxes.forEach(([a, one], i) => boxes.slice(i + 1).forEach(([b, two]) => {
    if (one.left < two.right - 1 && two.left < one.right - 1
        && one.top < two.bottom - 1 && two.top < one.bottom - 1) found.push(a + ' / ' + b);
  }));
  return found;
}"""


def _overlapping_headers(page: Page) -> list[str]:
    found: list[str] = page.evaluate(_OVERLAPPING_HEADERS)
    return found


@pytest.mark.parametrize("plan", PLANS, ids=_name)
def test_on_a_phone_the_page_never_scrolls_sideways_and_every_diagram_fits(
    plan: Path, tmp_path: Path, phone: Page
) -> None:
    phone.goto(_rendered(plan, tmp_path).as_uri())
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow} px at 390 px"
    if plan.stem != "tiny-plan":
        assert phone.locator("svg").count() > 0, "the document draws no diagram or chart"
    assert phone.evaluate(_SVGS_OUT_OF_THEIR_BOX) == []
    assert _overlapping_headers(phone) == []


# A table shown as cards: each data cell labelled with its column's heading ("#" columns
# get a word instead), and seen as a card, not a squeezed row.
_CARD_LABELS = """() => [...document.querySelectorAll('main table')]
  .filter(table => table.querySelector('td[data-label]'))
  .flatMap(table => {
    const heads = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
    return [...table.querySelectorAll('tbody tr')].flatMap(row => {
      if (row.cells.length === 1) return [];
      return [...row.cells].flatMap((cell, i) => {
        if (cell.tagName === 'TH' || !cell.textContent.trim()) return [];
        const label = cell.dataset.label, head = heads[i];
        if (head === '#' ? label : label && label.toLowerCase() === head.toLowerCase())
          return [];
        return [table.className + ': column ' + head + ' labelled ' + label];
      });
    });
  })"""

_LAYOUT = """() => [...document.querySelectorAll('main table')].map(table => [
  table.className, getComputedStyle(table).display,
  table.querySelector('tbody tr') && getComputedStyle(table.querySelector('tbody tr')).display,
  !!table.querySelector('td[data-label]')])"""


@pytest.mark.parametrize("plan", PLANS, ids=_name)
def test_on_a_phone_tables_become_cards_with_every_cell_labelled(
    plan: Path, tmp_path: Path, phone: Page
) -> None:
    phone.goto(_rendered(plan, tmp_path).as_uri())
    assert phone.evaluate(_CARD_LABELS) == []
    layout = phone.evaluate(_LAYOUT)
    assert layout or plan.stem == "tiny-plan", "the document has no table"
    for name, table, row, labelled in layout:
        if name in WIDE_TABLES:
            assert labelled, f"the {name} table has no data-label on its cells"
        if labelled:
            assert (table, row) == ("block", "flex"), f"{name} is not shown as cards"
    # On paper (printing from the phone) the same tables stay tables, as before.
    phone.emulate_media(media="print")
    for name, table, _row, _labelled in phone.evaluate(_LAYOUT):
        assert table == "table", f"{name} prints as {table}"


_STRUCTURE = """() => {
  const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter(h => !h.closest('svg')).map(h => [Number(h.tagName[1]), h.textContent.trim()]);
  const unnamed = [...document.querySelectorAll('main section')].flatMap(section => {
    const ids = (section.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
    const named = ids.length && ids.every(id => {
      const heading = document.getElementById(id);
      return heading && /^H[1-6]$/.test(heading.tagName);
    });
    return named ? [] : [section.id || section.outerHTML.slice(0, 60)];
  });
  return {
    levels, unnamed,
    banner: document.querySelectorAll('body > header').length,
    main: document.querySelectorAll('main').length,
    nav: document.querySelectorAll('nav[aria-labelledby]').length,
    svgs: [...document.querySelectorAll('svg')].filter(svg => svg.getAttribute('role') !== 'img'
      || !(svg.getAttribute('aria-label') || svg.querySelector(':scope > title'))).length,
  };
}"""


@pytest.mark.parametrize("plan", PLANS, ids=_name)
def test_the_page_has_landmarks_and_headings_in_order(
    plan: Path, tmp_path: Path, phone: Page
) -> None:
    phone.goto(_rendered(plan, tmp_path).as_uri())
    found: dict[str, Any] = phone.evaluate(_STRUCTURE)
    assert (found["banner"], found["main"], found["nav"]) == (1, 1, 1), found
    assert found["unnamed"] == [], "sections without aria-labelledby on a heading"
    assert found["svgs"] == 0, "an SVG without role=img and a title or aria-label"
    levels = [level for level, _text in found["levels"]]
    assert levels[0] == 1 and levels.count(1) == 1, found["levels"][:3]
    skips = [
        (before, after)
        for before, after in zip(found["levels"], found["levels"][1:], strict=False)
        if after[0] > before[0] + 1
    ]
    assert skips == [], f"headings skip a level: {skips}"


@pytest.mark.parametrize("plan", PLANS, ids=_name)
def test_an_accessibility_scan_finds_nothing_serious(
    plan: Path, tmp_path: Path, phone: Page
) -> None:
    phone.goto(_rendered(plan, tmp_path).as_uri())
    phone.add_script_tag(path=str(AXE))
    violations: list[dict[str, Any]] = phone.evaluate(
        "async () => (await axe.run(document)).violations.map(v => ({"
        " id: v.id, impact: v.impact, help: v.help,"
        " where: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))"
    )
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], serious
