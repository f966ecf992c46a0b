"""Use cases: each runs domain rules against the database for one kind of request."""
