"""Storage functions: keyword-only, the database session passed in as `db`, one package
per feature (journey, scoring, roadmap, delivery, access) and in it one module per
concept; `sql` holds the SQL helpers they share, `audit` the audit log and audited
changes. The backup wing is planner.backup, a layer above. ("Session" alone means a
scoring session; Streamlit's is `st.session_state`.)"""
