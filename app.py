"""Journey Roadmap Planner: the router, and the app served with its routes and cookie.

`streamlit run app.py` finds `app` below and serves it: the pages (this same file run
as the page script on every rerun), the small JSON routes the ballot writes to, the
download route, the route that hands a browser its new sign-in token, and the
middleware that gives each browser its cookie and every response its security headers.
"""

from streamlit.starlette import App

if __name__ == "__main__":  # the page script: pages and navigation in planner/ui/nav.py
    from planner.ui.nav import route

    route()
else:  # imported by the server
    from starlette.middleware import Middleware

    from planner.ui.access.headers import UNKNOWN_ROUTES, SecurityHeaders
    from planner.ui.access.key_in_address import KeyOutOfAddress
    from planner.ui.access.visit_cookie import ROUTES as SIGN_IN
    from planner.ui.access.visit_cookie import VisitCookie
    from planner.ui.compression import Compressed
    from planner.ui.downloads.route import ROUTES as DOWNLOADS
    from planner.ui.light.assets import ROUTES as LIGHT_ASSETS
    from planner.ui.light.routes import ROUTES as LIGHT
    from planner.ui.scoring.ballot_events import ROUTES as BALLOT_EVENTS
    from planner.ui.scoring.ballot_routes import ROUTES as BALLOT
    from planner.ui.scoring.reminder_routes import ROUTES as REMINDERS_OFF
    from planner.ui.threads import lifespan

    app = App(
        __file__,
        lifespan=lifespan,
        routes=BALLOT
        + BALLOT_EVENTS
        + LIGHT
        + LIGHT_ASSETS
        + DOWNLOADS
        + SIGN_IN
        + REMINDERS_OFF
        + UNKNOWN_ROUTES,
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(KeyOutOfAddress),
            Middleware(VisitCookie),
            Middleware(Compressed),
        ],
    )
