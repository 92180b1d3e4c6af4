"""Journey widgets: the candidate form and table, the heat map."""
