"""HTTP: thin handlers that parse, authenticate, call a service and format."""
