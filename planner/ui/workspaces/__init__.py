"""The Workspaces page's parts: the forms, backup and restore."""
