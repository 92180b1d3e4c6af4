"""The light stakeholder page: join and ballot as small HTML, the ballot's own JS and
JSON routes, served by the app itself (no Streamlit front end, no script run per
stakeholder). See routes.py."""
