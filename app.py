"""Journey Roadmap Planner: the router, and the app served with its routes and cookie.

`streamlit run app.py` finds `app` below and serves it: the pages (this same file run
as the page script on every rerun), the small JSON routes the ballot writes to, the
download route, and the middleware that gives each browser its sign-in cookie.
"""

from streamlit.starlette import App

if __name__ == "__main__":  # the page script: pages and navigation in planner/ui/nav.py
    from planner.ui.nav import route

    route()
else:  # imported by the server
    from starlette.middleware import Middleware

    from planner.ui.access.visit_cookie import VisitCookie
    from planner.ui.downloads.route import ROUTES as DOWNLOADS
    from planner.ui.scoring.ballot_routes import ROUTES as BALLOT

    app = App(__file__, routes=BALLOT + DOWNLOADS, middleware=[Middleware(VisitCookie)])
