"""The risks as an inline SVG grid: likelihood across (low to high), impact up (low to high).

Each rated risk is a labelled chip (its id) in its cell; the cells are tinted from calm
to alarming, and the axis headings say the same in words.
"""

from __future__ import annotations

from markupsafe import Markup

from movekit.render.risks import AssumptionsAndRisks, RiskRow
from movekit.render.svg import CHAR_WIDTH, document, element, escape, text_block, wrap

LABEL_W, COL_W, HEAD_H, FOOT_H, PAD = 64.0, 170.0, 4.0, 24.0, 8.0
CHIP_SIZE, CHIP_H, HEAD_SIZE, MIN_H = 11.0, 22.0, 11.0, 52.0
TINTS = ("#e0f1e6", "#eef3df", "#fdf0d5", "#fbe3d0", "#f8e1de")
"""Cell tints by likelihood + impact (0 for low and low, 4 for high and high)."""
INK, MUTED = "#1f2430", "#5b6270"


def _chip(risk: RiskRow, x: float, y: float) -> str:
    label = wrap(risk.label, COL_W - 2 * PAD - 10, CHIP_SIZE, max_lines=1)
    width = min(COL_W - 2 * PAD, len(label[0]) * CHIP_SIZE * CHAR_WIDTH + 12)
    frame = {"x": x, "y": y, "width": width, "height": CHIP_H - 4, "rx": 8, "fill": "#ffffff"}
    frame |= {"stroke": INK, "stroke-width": 1}
    if risk.status == "closed":  # a closed risk stays in its cell, drawn faint
        frame |= {"stroke": MUTED, "stroke-dasharray": "3 2"}
    return element(
        "g",
        {"class": "mk-risk", "data-risk": risk.id},
        element("title", {}, escape(_in_words(risk))),
        element("rect", frame),
        text_block(x + 6, y + 12, label, CHIP_SIZE, {"fill": INK}),
    )


def _in_words(risk: RiskRow) -> str:
    return (
        f"{risk.label}, {risk.risk}: {risk.likelihood} likelihood, {risk.impact} impact, "
        f"{risk.status}."
    )


def _cells(section: AssumptionsAndRisks, top: float) -> tuple[list[str], float]:
    by_label = {risk.label: risk for risk in section.risks}
    drawn: list[str] = []
    y = top
    for score_from_top, row in enumerate(section.grid):
        height = max(MIN_H, max(len(cell) for cell in row.cells) * CHIP_H + 2 * PAD - 4)
        name = {"fill": INK, "font-weight": "bold"}
        drawn.append(text_block(0, y + 18, [row.impact.capitalize(), "impact"], HEAD_SIZE, name))
        impact = len(section.grid) - 1 - score_from_top
        for column, (likelihood, cell) in enumerate(zip(section.ratings, row.cells, strict=True)):
            x = LABEL_W + column * COL_W
            where = {"class": "mk-cell", "data-likelihood": likelihood, "data-impact": row.impact}
            frame = {"x": x + 1, "y": y, "width": COL_W - 2, "height": height}
            drawn.append(element("rect", {**where, **frame, "fill": TINTS[impact + column]}))
            drawn += [
                _chip(by_label[risk], x + PAD, y + PAD + n * CHIP_H) for n, risk in enumerate(cell)
            ]
        y += height + 2
    return drawn, y


def _axis(section: AssumptionsAndRisks, top: float) -> list[str]:
    drawn = []
    for column, likelihood in enumerate(section.ratings):
        x = LABEL_W + column * COL_W + COL_W / 2
        style = {"fill": INK, "font-weight": "bold", "text-anchor": "middle"}
        label = f"{likelihood.capitalize()} likelihood"
        drawn.append(text_block(x, top + 14, [label], HEAD_SIZE, style))
    return drawn


def _description(section: AssumptionsAndRisks) -> str:
    """The grid in words, for screen readers: each risk with its likelihood and impact."""
    rated = [_in_words(risk) for risk in section.risks if risk.label not in section.unrated]
    unrated = [f"Not rated: {', '.join(section.unrated)}."] if section.unrated else []
    return " ".join(rated + unrated) or "No risks rated yet."


def risk_grid(section: AssumptionsAndRisks) -> Markup:
    """The SVG likelihood x impact grid of the rated risks (3 x 3, low, medium, high)."""
    cells, bottom = _cells(section, HEAD_H)
    width = LABEL_W + len(section.ratings) * COL_W
    return document(
        "risk-grid",
        (width, bottom + FOOT_H),
        "Risks by likelihood and impact",
        _description(section),
        *_axis(section, bottom),
        *cells,
    )
