"""What the service tells its operator: metrics, skipped-stamp reports, traces."""
