"""The light page's HTML: the join form and a place for the ballot, every text from the
catalog in the page's language, every typed value escaped. No template engine: one
skeleton (string.Template) around each page's head and body, filled once per request."""

from html import escape
from string import Template

from planner.core.i18n import LANGUAGE_NAMES, LANGUAGES, t
from planner.store.scoring.stakeholders import JoinInfo
from planner.ui.light.assets import url

SKELETON = Template("""<!doctype html>
<html lang="$lang">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title</title>
$head
</head>
<body>
$body
</body>
</html>
""")

JOIN_HEAD = Template("""<link rel="stylesheet" href="$ballot_css">
<link rel="stylesheet" href="$light_css">
<script type="module" src="$light_js"></script>""")

JOIN_BODY = Template("""<main id="light" data-code="$code" data-lang="$lang"
  data-ballot-js="$ballot_js" data-offline="$offline">
<h1 id="heading" tabindex="-1">$heading</h1>
<p id="who" class="lead" hidden></p>
<noscript><p class="problem">$noscript</p></noscript>
<p id="loading" class="lead">$loading</p>
<section id="join" hidden>
<p>$joining</p>
<p class="lead">$intro</p>
<form id="join-form" novalidate>
<label for="join-name">$name_label</label>
<input id="join-name" name="name" maxlength="80" autocomplete="name" required>
<label for="join-role">$role_label</label>
$role_field
<p id="join-problem" class="problem" role="alert"></p>
<button type="submit" class="primary">$join</button>
</form>
</section>
<p id="notice" class="notice" role="status" hidden></p>
<div id="ballot-host"></div>
<section id="results" hidden></section>
<details id="personal" hidden>
<summary>$personal_link</summary>
<p class="lead">$personal_help</p>
<p><code id="personal-link"></code></p>
<p><a id="signoff" href="/">$signoff</a></p>
<p><button type="button" id="leave">$leave</button></p>
</details>
<nav class="languages" aria-label="$language">$languages</nav>
</main>""")

PROBLEM_BODY = Template("""<main id="light"><h1>$title</h1>
<p class="problem" role="alert">$message</p>
<p><a href="/">$home</a></p></main>""")


def _page(*, lang: str, head: str, body: str) -> str:
    """A whole page of the light stakeholder view: `head` and `body` are HTML already
    escaped (the skeleton adds nothing typed)."""
    title = escape(t("vote.title", lang))
    return SKELETON.substitute(lang=lang, title=title, head=head, body=body)


def _role_field(roles: list[str], lang: str) -> str:
    if not roles:  # no list to choose from: as they call it
        return '<input id="join-role" name="role" maxlength="80" autocomplete="organization-title">'
    options = "".join(f'<option value="{escape(r)}">{escape(r)}</option>' for r in roles)
    choose = escape(t("vote.role_choose", lang))
    return (
        f'<select id="join-role" name="role" required>'
        f'<option value="" selected disabled>{choose}</option>{options}</select>'
    )


def _languages(code: str, lang: str) -> str:
    links = []
    for other in LANGUAGES:
        name = escape(LANGUAGE_NAMES[other])
        if other == lang:
            links.append(f'<span aria-current="true" lang="{other}">{name}</span>')
        else:
            links.append(f'<a href="/b/{escape(code)}?lang={other}" lang="{other}">{name}</a>')
    return " · ".join(links)


def join_page(info: JoinInfo, lang: str) -> str:
    """The page of a join code: the form first; the ballot once joined (light.js)."""
    head = JOIN_HEAD.substitute(
        ballot_css=url("ballot.css"), light_css=url("light.css"), light_js=url("light.js")
    )
    body = JOIN_BODY.substitute(
        lang=lang,
        ballot_js=url("ballot.js"),
        code=escape(info.code),
        heading=escape(info.session),
        noscript=escape(t("light.noscript", lang)),
        offline=escape(t("light.offline", lang)),
        loading=escape(t("vote.loading", lang)),
        joining=escape(t("vote.joining", lang, session=info.session, workspace=info.workspace)),
        intro=escape(t("light.intro", lang)),
        name_label=escape(t("field.name", lang)),
        role_label=escape(t("field.role", lang)),
        role_field=_role_field(info.roles, lang),
        join=escape(t("vote.join", lang)),
        personal_link=escape(t("vote.personal_link", lang)),
        personal_help=escape(t("vote.personal_link_help", lang)),
        signoff=escape(t("nav.signoff", lang)),
        leave=escape(t("vote.leave", lang)),
        language=escape(t("light.language", lang)),
        languages=_languages(info.code, lang),
    )
    return _page(lang=lang, head=head, body=body)


def problem_page(message: str, lang: str) -> str:
    """A page that says why there is no join form here (unknown code, too many tries)."""
    body = PROBLEM_BODY.substitute(
        title=escape(t("vote.title", lang)),
        message=escape(message),
        home=escape(t("light.home", lang)),
    )
    head = f'<link rel="stylesheet" href="{url("light.css")}">'
    return _page(lang=lang, head=head, body=body)
