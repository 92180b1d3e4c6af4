"""Storage of the roadmap: the working plan, dependencies, saved versions, and the digests of
what the consensus and the working roadmap are made from (the caches' keys)."""
