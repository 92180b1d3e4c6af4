"""The page's locale in the browser follows the app's language."""

from planner.ui.shell.browser_locale import script


def test_the_browser_is_given_the_apps_locale():
    assert '["nl-NL"]' in script("nl") and 'lang = "nl-NL"' in script("nl")
    assert '["en-GB"]' in script("en") and '["en-GB"]' in script("xx")
