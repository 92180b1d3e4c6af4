"""Infrastructure: settings, the database, errors users can cause, the i18n catalog."""
