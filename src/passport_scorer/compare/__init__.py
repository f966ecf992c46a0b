"""`passport-scorer compare`: replay requests against two deployments and report differences.

Requests file and `${…}` variables (`requests_file.py`), which hosts may be targeted
(`targets.py`), route templates (`routes.py`), the replay itself (`replay.py`), what may
legitimately differ (`normalise.py`), the comparison of two answers (`diff.py`), secrets kept
out of every output (`redact.py`), the report (`report.py`), requests sampled from a database
(`sample.py`) and the rows each deployment's database was left with (`side_effects.py`).
"""
