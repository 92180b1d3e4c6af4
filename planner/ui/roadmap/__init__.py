"""Roadmap widgets: settings, plan editor, versions, the roadmap view, matrix details, downloads."""
