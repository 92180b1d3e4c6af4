"""The Streamlit user interface: the only Streamlit code besides app.py."""
