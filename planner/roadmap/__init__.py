"""The roadmap: settings, periods, quadrants, ranking, scheduling, tables, matrix, charts (pure)."""
