"""All SQL, one module per table family. Functions take an `Executor` and return domain objects."""
