"""movekit: plan campaigns that turn moments into movements.

The core is usable as a library::

    from movekit import load_plan, check_plan

    plan = load_plan("examples/clean-air-streets.yaml")
    findings = check_plan("examples/gaps/plan.yaml")
"""

from movekit.api import check_plan, load_plan
from movekit.errors import PlanError
from movekit.version import __version__

__all__ = ["PlanError", "__version__", "check_plan", "load_plan"]
