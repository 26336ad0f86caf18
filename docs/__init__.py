"""The user docs ship inside the package as `movekit.docs`, so `movekit docs` works from a wheel."""
