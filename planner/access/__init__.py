"""Access: roles, passphrases and the links people open (pure)."""
