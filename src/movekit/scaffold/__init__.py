"""`movekit init`: a new campaign folder, with its plan, settings, hooks and schema.

folder.py writes the folder, starter.py makes its plan, wizard.py asks the method's questions.
"""

from __future__ import annotations

from movekit.scaffold.folder import InitRequest, InitResult, create, folder_files

__all__ = ["InitRequest", "InitResult", "create", "folder_files"]
