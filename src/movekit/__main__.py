"""`python -m movekit`."""

from movekit.cli import main

main()
