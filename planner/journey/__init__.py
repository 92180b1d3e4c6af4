"""The journey: phases x channels, templates, names as typed, the grid, candidate search."""
