"""Storage of access: grants (who may enter a workspace, as what), the managers' and product
owners' links, attempts (rate limiting), sign-in records, server secrets."""
