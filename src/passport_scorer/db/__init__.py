"""Data access: the engine, the table definitions, and all SQL (`queries/`)."""
