"""Storage functions: keyword-only, the session passed in, one concept per module."""
