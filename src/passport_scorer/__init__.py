"""A fast, drop-in Passport scorer."""

__version__ = "0.1.0"
