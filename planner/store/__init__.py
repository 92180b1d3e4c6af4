"""Storage functions: keyword-only, the database session passed in as `db`, one concept per
module. ("Session" alone means a scoring session; Streamlit's is `st.session_state`.)"""
