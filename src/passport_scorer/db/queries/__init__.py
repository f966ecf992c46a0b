"""All SQL, one module per table family. Functions take a connection and return domain objects."""
