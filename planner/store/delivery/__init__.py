"""Storage of delivery: sign-off of a saved version, and the commitments made to its items."""
