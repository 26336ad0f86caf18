"""The base of every model of the plan format."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Section(BaseModel):
    """Base of every mapping in a plan: unknown keys are errors (`x-` keys, the user's
    notes, are taken out before validation: validate.py, `without_notes`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
