"""Jinja templates shipped inside the movekit package (see pyproject.toml)."""
