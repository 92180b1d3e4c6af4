"""Journey Roadmap Planner: the router, and the app served with the ballot's routes.

`streamlit run app.py` finds `app` below and serves it: the pages (this same file run
as the page script on every rerun) plus the small JSON routes the ballot writes to.
"""

from streamlit.starlette import App

if __name__ == "__main__":  # the page script: pages and navigation in planner/ui/nav.py
    from planner.ui.nav import route

    route()
else:  # imported by the server
    from planner.ui.scoring.ballot_routes import ROUTES

    app = App(__file__, routes=ROUTES)
