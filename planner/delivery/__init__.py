"""Delivery: the commitment workflow, tracking, search and tables (pure)."""
