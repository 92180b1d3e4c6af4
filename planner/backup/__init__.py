"""The backup of a workspace: the document's schema, the export of a workspace into it, the
restore from it (in batches, through a staging workspace nobody sees yet; large imports
stage the same way), and a consistent copy of the whole SQLite database file.

A layer above the store (pyproject.toml): it reads and writes through the store's functions."""
