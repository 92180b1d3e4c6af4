"""What every page shares: the engine, running changes, feedback, language, sidebar."""
