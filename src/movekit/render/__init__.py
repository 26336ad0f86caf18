"""`movekit render`: a plan document in Markdown, HTML or PDF, in the method's order.

pipeline.py runs it; document.py builds the view model the templates (templates.py) fill;
diagram.py, timeline.py, chart.py and mermaid.py draw; pdf.py prints the HTML to PDF.
"""

from __future__ import annotations

from movekit.render.pipeline import FORMATS, Rendered, RenderRequest, UnrenderablePlan, render

__all__ = ["FORMATS", "RenderRequest", "Rendered", "UnrenderablePlan", "render"]
