"""Delivery widgets: the commitment board, detail and form."""
