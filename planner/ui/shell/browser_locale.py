"""The page's locale in the browser follows the app's language.

Streamlit's grid writes a number or date it is told to show "localized" with the
browser's Intl in the languages of `navigator.languages`: an English browser would show
a Dutch page's scores as "7.5" and its dates as "Oct 1, 2026". Each run tells the browser
the app's language instead (and sets the document's `lang`, for screen readers), so a
Dutch page reads "7,5", "2.000" and "1 okt 2026" whatever the browser's own settings.
The script rides in Streamlit's event container (private, pinned Streamlit), which takes
no room on the page; the browser runs it again only when the language changes.

It also names the help icons for screen readers in the app's language: Streamlit labels
each "Help for <label>" (or "Help") in English, in the browser, with no option to set it;
the script renames them "Uitleg bij <label>", now and as they are drawn.
"""

import json

import streamlit as st

from planner.core.i18n import LANGUAGES, t
from planner.ui.shell.lang import current_lang

# The app's languages as the browser's Intl knows them; English as Babel writes it here
# ("1 Oct 2026", day first), not the American default.
BROWSER_LOCALES = {"en": "en-GB", "nl": "nl-NL"}

SCRIPT = """<script>
Object.defineProperty(navigator, "languages", {{value: ["{tag}"], configurable: true}});
Object.defineProperty(navigator, "language", {{value: "{tag}", configurable: true}});
document.documentElement.lang = "{tag}";
(() => {{
  const names = {names};  // language -> ["Help for ", "Help"] as it says them
  window.plannerHelpNames = names["{lang}"];
  const said = (value) => {{
    const [before, alone] = window.plannerHelpNames;
    for (const [otherBefore, otherAlone] of Object.values(names)) {{
      if (value === otherAlone) return alone;
      if (value.startsWith(otherBefore)) return before + value.slice(otherBefore.length);
    }}
    return value;
  }};
  const picked = Object.values(names)
    .flatMap(([before, alone]) => [`[aria-label^="${{before}}"]`, `[aria-label="${{alone}}"]`])
    .join(",");
  const rename = (element) => {{
    const value = element.getAttribute("aria-label");
    const now = value === null ? value : said(value);
    if (now !== value) element.setAttribute("aria-label", now);
  }};
  const renameIn = (root) => {{
    if (root.matches?.(picked)) rename(root);
    root.querySelectorAll?.(picked).forEach(rename);
  }};
  renameIn(document.body);
  if (window.plannerHelpWatch) return;
  window.plannerHelpWatch = new MutationObserver((changes) => {{
    for (const change of changes) {{
      if (change.type === "attributes") rename(change.target);
      else change.addedNodes.forEach((node) => node.nodeType === 1 && renameIn(node));
    }}
  }});
  window.plannerHelpWatch.observe(document.body, {{
    subtree: true, childList: true, attributes: true, attributeFilter: ["aria-label"],
  }});
}})();
</script>"""


def script(lang: str) -> str:
    """The script that gives the browser `lang`'s locale and help icon names."""
    names = {
        code: [t("streamlit.help_for", code, label=""), t("streamlit.help", code)]
        for code in LANGUAGES
    }
    return SCRIPT.format(
        tag=BROWSER_LOCALES.get(lang, BROWSER_LOCALES["en"]),
        lang=lang if lang in LANGUAGES else "en",
        names=json.dumps(names, ensure_ascii=False),
    )


def follow_language() -> None:
    """Give the browser the locale of the user's language (on every run)."""
    getattr(st, "_event", st).html(script(current_lang()), unsafe_allow_javascript=True)
