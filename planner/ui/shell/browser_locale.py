"""The page's locale in the browser follows the app's language.

Streamlit's grid writes a number or date it is told to show "localized" with the
browser's Intl in the languages of `navigator.languages`: an English browser would show
a Dutch page's scores as "7.5" and its dates as "Oct 1, 2026". Each run tells the browser
the app's language instead (and sets the document's `lang`, for screen readers), so a
Dutch page reads "7,5", "2.000" and "1 okt 2026" whatever the browser's own settings.
The script rides in Streamlit's event container (private, pinned Streamlit), which takes
no room on the page; the browser runs it again only when the language changes.
"""

import streamlit as st

from planner.ui.shell.lang import current_lang

# The app's languages as the browser's Intl knows them; English as Babel writes it here
# ("1 Oct 2026", day first), not the American default.
BROWSER_LOCALES = {"en": "en-GB", "nl": "nl-NL"}

SCRIPT = """<script>
Object.defineProperty(navigator, "languages", {{value: ["{tag}"], configurable: true}});
Object.defineProperty(navigator, "language", {{value: "{tag}", configurable: true}});
document.documentElement.lang = "{tag}";
</script>"""


def script(lang: str) -> str:
    """The script that gives the browser `lang`'s locale."""
    return SCRIPT.format(tag=BROWSER_LOCALES.get(lang, BROWSER_LOCALES["en"]))


def follow_language() -> None:
    """Give the browser the locale of the user's language (on every run)."""
    getattr(st, "_event", st).html(script(current_lang()), unsafe_allow_javascript=True)
