"""Business rules in plain Python: no HTTP, no SQL."""
