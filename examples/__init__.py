"""The example plans, shipped in the package as `movekit.examples` for `movekit init`."""
