"""Importing candidates from CSV and Excel: read, preview, then apply in one transaction."""
