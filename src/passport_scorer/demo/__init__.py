"""Demo data and a test issuer that signs real stamps."""
