"""mofa-extract: MOFA press releases into validated, normalized tables."""

__version__ = "0.1.0"
