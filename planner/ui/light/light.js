// The light stakeholder page: the join form, then the Vote page's own ballot (ballot.js,
// unchanged) mounted with the same data the Vote page hands it, following the
// facilitator: a reveal, a re-vote round or the close redraws from /api/light/ballot.

const RETRY_MS = [500, 1000, 2000, 4000, 8000];
const root = document.getElementById("light");
const code = root.dataset.code;
const lang = root.dataset.lang;
const $ = (id) => document.getElementById(id);
let key = null; // the personal link's token: from ?me=, else the cookie answers
let mountBallot = null;

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text; // user text stays text
  return node;
}

// A request that met a closed connection (or a proxy or server in trouble) is sent
// again, later each time; what the user typed stays in the form meanwhile.
async function retrying(request) {
  for (let tries = 0; ; tries += 1) {
    try {
      const response = await request();
      if (response.status < 500 || tries >= RETRY_MS.length) return response;
    } catch (error) {
      if (tries >= RETRY_MS.length) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS[tries]));
  }
}

async function asJson(response) {
  try {
    return await response.json();
  } catch (_) {
    return {};
  }
}

function notice(message) {
  const note = $("notice");
  note.textContent = message || "";
  note.hidden = !message;
}

function showJoin() {
  $("loading").hidden = true;
  $("who").hidden = true;
  $("personal").hidden = true;
  $("results").hidden = true;
  $("ballot-host").replaceChildren();
  $("join").hidden = false;
}

function showResults(body) {
  const table = body.results;
  const parts = [el("p", { class: "revealed" }, body.message)];
  if (table.rows.length) {
    const grid = el("table", { "data-testid": "light-results" });
    const head = el("tr");
    for (const name of table.columns) head.append(el("th", { scope: "col" }, name));
    const rows = table.rows.map((cells) => {
      const row = el("tr");
      cells.forEach((cell, index) =>
        row.append(index ? el("td", {}, cell) : el("th", { scope: "row" }, cell)),
      );
      return row;
    });
    const thead = el("thead");
    thead.append(head);
    const tbody = el("tbody");
    tbody.append(...rows);
    grid.append(thead, tbody);
    const scroller = el("div", { class: "scroller", tabindex: "0", role: "region", "aria-label": body.message });
    scroller.append(grid);
    parts.push(scroller);
  } else {
    parts.push(el("p", {}, table.empty));
  }
  $("results").replaceChildren(...parts);
  $("results").hidden = false;
}

async function mount(data) {
  if (!mountBallot) mountBallot = (await import(root.dataset.ballotJs)).default;
  const parentElement = el("div");
  $("ballot-host").replaceChildren(parentElement);
  mountBallot({
    data,
    parentElement,
    setTriggerValue(name, value) {
      if (name !== "round_changed") return;
      notice(value?.message || "");
      show(false);
    },
  });
}

// A personal link (or the cookie) of another session of the workspace: the key takes
// part in this one too, by a POST (a GET enrols nobody: routes.py). Else the join form.
async function enrol() {
  let response = null;
  try {
    response = await fetch("/api/light/enrol", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(key ? { "X-Ballot-Key": key } : {}) },
      body: JSON.stringify({ code, lang }),
      credentials: "same-origin",
    });
  } catch (_) {
    response = null;
  }
  if (!response || response.status !== 200) return showJoin();
  key = (await asJson(response)).key;
  return show(false, true);
}

async function show(joined, enrolled = false) {
  const headers = key ? { "X-Ballot-Key": key } : {};
  const query = `code=${encodeURIComponent(code)}&lang=${lang}${joined ? "&joined=1" : ""}`;
  let response;
  try {
    response = await retrying(() =>
      fetch(`/api/light/ballot?${query}`, { headers, credentials: "same-origin" }),
    );
  } catch (_) {
    $("loading").hidden = true;
    notice(root.dataset.offline);
    return;
  }
  const body = await asJson(response);
  if (response.status === 401) return enrolled ? showJoin() : enrol();
  $("loading").hidden = true;
  if (response.status !== 200) return notice(body.error || root.dataset.offline);
  key = body.token;
  $("join").hidden = true;
  $("heading").textContent = body.session;
  $("who").textContent = body.who;
  $("who").hidden = false;
  $("personal-link").textContent = `${location.origin}/b/${code}?me=${key}`;
  // The join set the personal cookie: the sign-off page reads it (?link=1), so the key
  // is neither in the link nor in the sign-off page's address.
  $("signoff").href = body.signoff.replace(/([?&])me=[^&]*/, "$1link=1");
  $("personal").hidden = false;
  $("personal").open = joined;
  if (body.view === "ballot") {
    $("results").hidden = true;
    if (body.focus) notice(body.focus);
    await mount(body.data);
  } else {
    if (body.view === "results") showResults(body);
    else notice(body.message);
    await mount(body.follow);
  }
}

$("join-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const button = event.target.querySelector("button[type=submit]");
  const problem = $("join-problem");
  problem.textContent = "";
  button.disabled = true;
  // One id per submit, sent again with every retry: a join whose answer was lost on the
  // way answers the same key again instead of "name taken" (routes.py, _Answered).
  const attempt = [...crypto.getRandomValues(new Uint8Array(16))]
    .map((byte) => byte.toString(16).padStart(2, "0"))
    .join("");
  const form = { code, lang, attempt, name: $("join-name").value.trim(), role: $("join-role").value };
  let response;
  try {
    response = await retrying(() =>
      fetch("/api/light/join", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(form),
        credentials: "same-origin",
      }),
    );
  } catch (_) {
    response = null;
  }
  const body = response ? await asJson(response) : {};
  if (!response || response.status !== 200) {
    button.disabled = false;
    problem.textContent = body.error || root.dataset.offline;
    return;
  }
  key = body.key;
  document.activeElement?.blur(); // the form goes: focus goes to the first card's heading
  await show(true);
});

$("leave").addEventListener("click", async () => {
  await fetch("/api/ballot/remember", {
    method: "DELETE",
    headers: { "X-Ballot-Key": key || "" },
    credentials: "same-origin",
  }).catch(() => {});
  key = null;
  notice("");
  showJoin();
  $("join-name").focus();
});

const address = new URL(location.href);
if (address.searchParams.get("me")) {
  key = address.searchParams.get("me"); // the personal link: kept out of the address bar
  address.searchParams.delete("me");
  history.replaceState(null, "", address.pathname + address.search);
}
show(false);
