"""Scoring: scales, consensus, the scoring setup and join codes (pure)."""
