"""Who this browser is: grants, signing in to a workspace, its links."""
