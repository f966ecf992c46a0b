"""Clients of outside services that are not databases (the Ethereum JSON-RPC endpoint)."""
