"""Real mail: the SMTP server of `PLANNER_SMTP_URL` (config), messages built with the
standard library's EmailMessage (message), sent with smtplib (sender)."""
