"""Storage of the journey: workspaces, their phases, channels and personas (and the import
aliases for them), candidates and their merges."""
