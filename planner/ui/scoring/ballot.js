// The ballot: one candidate at a time; every click is one request carrying the
// candidate, criterion and answer the clicked button was drawn for.
// What shows as chosen is what the server answered it stored; a failed write says so,
// keeps the answer and retries. No page rerun per click: see ballot_routes.py.
// The round's state is pushed (Server-Sent Events, ballot_events.py); while the stream
// is not up, or where EventSource fails, the ballot asks /api/ballot/state every 2 s.

const RETRY_MS = [500, 1000, 2000, 4000, 8000];
const POLL_MS = 2000;
const ADVANCE_MS = 300;
const DONT_KNOW = "?"; // planner.scoring.answers.DONT_KNOW (tests/test_allowed_values.py)
const DIMENSIONS = ["value", "effort"]; // planner.scoring.consensus.Dimension (the same test)

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text; // user text stays text
  return node;
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
}

class Ballot {
  constructor(root, component) {
    this.root = root;
    this.component = component;
    this.cards = new Map(); // candidate id -> card as the server last sent it
    this.wanted = new Map(); // "candidate:criterion" -> answer still to be stored
    this.sending = new Map(); // "candidate:criterion" -> answer on its way
    this.failed = new Map(); // "candidate:criterion" -> retries so far
    this.comments = new Map(); // candidate id -> {text, timer, state}
    this.changed = false;
    this.moving = 0; // a move to another card scheduled or loading
    this.arriving = Boolean(component.data.joined); // just joined: the form is gone
    this.update(component.data);
    this.current = this.firstUnscored() ?? this.data.candidates[0]?.[0];
    this.build();
    this.show(this.current);
    this.poll(); // until the first pushed state arrives
    // The page moved on (the root left the document): no poll, no stream left open.
    this.ticker = setInterval(() => (this.root.isConnected ? this.tick() : this.stop()), 1000);
    this.timeBox(this.data.seconds_left);
    // The stream carries the personal link in the cookie /remember sets: opened after it.
    this.remember().finally(() => this.listen());
    window.addEventListener("beforeunload", (event) => {
      if (this.wanted.size || this.sending.size) event.preventDefault();
    });
  }

  update(data) {
    this.data = data;
    this.done = new Set([...(this.done ?? []), ...data.done]);
  }

  // --- talking to the server -------------------------------------------------------

  async call(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: { "Content-Type": "application/json", "X-Ballot-Key": this.data.key },
      body: body ? JSON.stringify({ ...body, lang: this.data.lang }) : undefined,
      credentials: "same-origin",
    });
    let json = {};
    try {
      json = await response.json();
    } catch (_) {
      json = {};
    }
    return { status: response.status, json };
  }

  // A request that changes nothing or the same thing again (a card load, the cookie),
  // met by a closed connection or a server in trouble, is sent again, later each time.
  async retried(method, path) {
    for (let tries = 0; ; tries += 1) {
      let result;
      try {
        result = await this.call(method, path);
      } catch (_) {
        result = { status: 0, json: {} };
      }
      const trouble = result.status === 0 || result.status >= 500;
      if (!trouble || tries >= RETRY_MS.length || this.changed) return result;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS[tries]));
    }
  }

  async remember() {
    const flag = `planner-ballot-remembered-${this.data.stakeholder}`;
    if (sessionStorage.getItem(flag)) return;
    const { status } = await this.retried("POST", "/api/ballot/remember");
    if (status === 200) sessionStorage.setItem(flag, "1");
  }

  async load(candidateId) {
    if (this.cards.has(candidateId)) return this.cards.get(candidateId);
    const query = `round=${this.data.round}&candidate=${candidateId}&lang=${this.data.lang}`;
    const { status, json } = await this.retried("GET", `/api/ballot/candidate?${query}`);
    if (status !== 200) throw Object.assign(new Error(json.error || "load"), { status, json });
    // Answers confirmed by a vote meanwhile are newer than this snapshot: they win.
    const confirmed = this.cards.get(candidateId)?.answers ?? {};
    const card = { ...json, answers: { ...json.answers, ...confirmed } };
    this.cards.set(candidateId, card);
    this.markDone(json.done);
    return card;
  }

  // Answers arrive in any order while several are on their way, but a candidate once
  // complete stays complete (an answer is changed, never taken back): so "done" only
  // grows, and a response never makes the ballot forget what a newer one confirmed.
  markDone(ids) {
    for (const id of ids) this.done.add(id);
  }

  answer(candidateId, criterionId, label) {
    const key = `${candidateId}:${criterionId}`;
    this.wanted.set(key, label);
    this.refresh();
    if (!this.sending.has(key)) this.send(candidateId, criterionId);
  }

  async send(candidateId, criterionId) {
    const key = `${candidateId}:${criterionId}`;
    const label = this.wanted.get(key);
    if (label === undefined) return;
    this.wanted.delete(key);
    this.sending.set(key, label);
    let result;
    try {
      result = await this.call("POST", "/api/ballot/vote", {
        round: this.data.round,
        candidate: candidateId,
        criterion: criterionId,
        answer: label,
      });
    } catch (_) {
      result = { status: 0, json: {} };
    }
    this.sending.delete(key);
    const { status, json } = result;
    if (status === 200) {
      this.failed.delete(key);
      // Only this request's own answer is surely current: requests for one question go
      // one after the other, but answers to other questions may have been stored since.
      const card = this.cards.get(candidateId);
      card.answers = { ...card.answers, [criterionId]: json.answers[criterionId] };
      const wasComplete = this.done.has(candidateId);
      this.markDone(json.done);
      if (this.wanted.has(key)) this.send(candidateId, criterionId);
      else if (!wasComplete && this.done.has(candidateId)) this.advanceFrom(candidateId);
    } else if (status === 409) {
      this.wanted.clear();
      this.failed.clear();
      this.notice(json.error, "error");
      this.roundChanged(json.error);
    } else if (status === 400 || status === 401 || status === 404) {
      this.wanted.delete(key);
      this.failed.delete(key);
      this.notice(json.error || this.data.text.not_saved, "error");
    } else {
      // Network or server trouble: keep the answer and try again, later each time.
      if (!this.wanted.has(key)) this.wanted.set(key, label);
      const tries = (this.failed.get(key) ?? 0) + 1;
      this.failed.set(key, tries);
      setTimeout(() => this.send(candidateId, criterionId), RETRY_MS[Math.min(tries, 5) - 1]);
    }
    this.refresh();
  }

  saveComment(candidateId, text) {
    const entry = this.comments.get(candidateId) ?? {};
    clearTimeout(entry.timer);
    entry.text = text;
    entry.state = "saving";
    entry.timer = setTimeout(() => this.sendComment(candidateId), 700);
    this.comments.set(candidateId, entry);
    this.refreshComment();
  }

  async sendComment(candidateId, tries = 0) {
    const entry = this.comments.get(candidateId);
    if (!entry || entry.state !== "saving") return;
    const text = entry.text;
    let result;
    try {
      result = await this.call("POST", "/api/ballot/comment", {
        round: this.data.round,
        candidate: candidateId,
        comment: text,
      });
    } catch (_) {
      result = { status: 0, json: {} };
    }
    if (entry.text !== text) return; // typed on meanwhile: a newer save follows
    if (result.status === 200) {
      entry.state = "saved";
      const card = this.cards.get(candidateId);
      if (card) card.comment = result.json.comment;
    } else if (result.status === 409) {
      entry.state = "failed";
      this.roundChanged(result.json.error);
    } else if (result.status === 0 || result.status >= 500) {
      entry.state = "retrying";
      setTimeout(() => {
        entry.state = "saving";
        this.sendComment(candidateId, tries + 1);
      }, RETRY_MS[Math.min(tries, 4)]);
    } else {
      entry.state = "failed";
      this.notice(result.json.error || this.data.text.not_saved, "error");
    }
    this.refreshComment();
  }

  // The state pushed: at once when the stream opens (or reopens), then at every change.
  // A hidden tab lets its stream go (a browser keeps 6 connections per server: tabs
  // holding one each would leave the pages none) and polls, less often, until shown.
  listen() {
    if (this.stopped || typeof EventSource === "undefined") return;
    if (!this.onVisibility) {
      this.onVisibility = () => this.visibility();
      document.addEventListener("visibilitychange", this.onVisibility);
    }
    if (this.source) return; // listening already
    if (document.hidden) return this.poll();
    const source = new EventSource(`/api/ballot/events?session=${this.data.session}`);
    this.source = source;
    source.addEventListener("state", (event) => {
      this.unpoll(); // the push is up: no poll meanwhile
      this.root.dataset.follows = "push";
      this.follow(JSON.parse(event.data));
    });
    source.addEventListener("error", () => {
      // Reconnecting (readyState CONNECTING): the poll bridges the gap. Refused or
      // unreadable (CLOSED: a 401/404, a proxy that buffers): the poll takes over.
      if (source.readyState === EventSource.CLOSED && this.source === source) this.source = null;
      this.poll();
    });
  }

  visibility() {
    if (this.stopped) return;
    if (!document.hidden) return this.listen();
    this.source?.close();
    this.source = null;
    this.poll();
  }

  poll() {
    if (this.poller || this.stopped) return;
    this.root.dataset.follows = "poll";
    this.poller = setInterval(() => this.ask(), POLL_MS);
  }

  unpoll() {
    clearInterval(this.poller);
    this.poller = null;
  }

  async ask() {
    if (!this.root.isConnected) return this.stop(); // the page moved on
    if (document.hidden && Math.random() < 0.75) return; // a hidden tab asks less often
    try {
      const { status, json } = await this.call(
        "GET",
        `/api/ballot/state?session=${this.data.session}`,
      );
      if (status === 200) this.follow(json);
    } catch (_) {
      /* offline for a moment: ask again at the next tick */
    }
  }

  follow(state) {
    if (!this.root.isConnected) return this.stop();
    this.timeBox(state.seconds_left);
    this.nudgedAt(state.nudged?.[String(this.data.stakeholder)]);
    const same =
      state.round === this.data.round &&
      state.round_status === this.data.round_status &&
      state.status === this.data.status;
    if (!same) this.roundChanged("");
  }

  stop() {
    this.stopped = true;
    this.unpoll();
    clearInterval(this.ticker);
    this.source?.close();
    this.source = null;
    document.removeEventListener("visibilitychange", this.onVisibility);
  }

  roundChanged(message) {
    if (this.changed) return;
    this.changed = true;
    this.stop();
    this.component.setTriggerValue("round_changed", { message: message || "" });
  }

  // --- time box and nudges --------------------------------------------------------------

  // The server says how many seconds are left (not when: this clock may be off); the
  // ballot counts down from there on its own clock, and corrects at every poll.
  timeBox(secondsLeft) {
    if (!this.clock) return; // a follower has nothing to show
    if (secondsLeft === null || secondsLeft === undefined) {
      this.endsAt = null;
    } else {
      this.endsAt = performance.now() + 1000 * secondsLeft;
    }
    this.tick();
  }

  tick() {
    if (this.endsAt === null || this.endsAt === undefined) {
      this.clock.hidden = true;
      return;
    }
    const left = Math.max(Math.ceil((this.endsAt - performance.now()) / 1000), 0);
    const text = this.data.text;
    const minutes = Math.floor(left / 60);
    const seconds = String(left % 60).padStart(2, "0");
    this.clock.hidden = false;
    this.clock.textContent = left ? fill(text.time_left, { time: `${minutes}:${seconds}` }) : text.time_up;
    this.clock.dataset.left = String(left);
    this.clock.classList.toggle("ending", left <= 60);
  }

  nudgedAt(at) {
    if (!this.nudge || at === undefined) return;
    const seen = Number(sessionStorage.getItem(this.nudgeFlag()) || 0);
    if (at <= seen) return;
    const left = this.ids().filter((id) => !this.done.has(id)).length;
    if (!left) return; // finished meanwhile: nothing to ask
    this.nudge.querySelector("span").textContent = fill(this.data.text.nudge, { left });
    this.nudge.hidden = false;
    this.nudge.dataset.at = String(at);
  }

  nudgeFlag() {
    return `planner-nudge-seen-${this.data.round}-${this.data.stakeholder}`;
  }

  // --- moving around ----------------------------------------------------------------

  ids() {
    return this.data.candidates.map(([id]) => id);
  }

  firstUnscored(after) {
    const ids = this.ids();
    const start = after === undefined ? 0 : ids.indexOf(after) + 1;
    const order = [...ids.slice(start), ...ids.slice(0, start)];
    return order.find((id) => !this.done.has(id) && id !== after);
  }

  advanceFrom(candidateId) {
    if (!this.data.auto_advance || candidateId !== this.current) return;
    const next = this.firstUnscored(candidateId);
    if (next === undefined) return;
    this.moving += 1;
    this.refresh();
    setTimeout(async () => {
      const busy = [...this.wanted.keys(), ...this.sending.keys()].some((key) =>
        key.startsWith(`${candidateId}:`),
      );
      if (this.current === candidateId && !busy) await this.show(next);
      this.moving -= 1;
      this.refresh();
    }, ADVANCE_MS);
  }

  async show(candidateId) {
    if (candidateId === undefined) return;
    // Focus in the card (on the answer just given) is lost when the card is replaced, and
    // there is none after joining: it goes to the new card's heading, so the keyboard
    // goes on from there instead of from the top of the page. Next and the picker keep it.
    const refocus = this.focusInCard() || (this.arriving && this.nothingFocused());
    this.arriving = false;
    this.current = candidateId;
    this.card.replaceChildren(el("p", { class: "loading" }, this.data.text.loading));
    this.card.dataset.candidate = "";
    this.moving += 1;
    this.refresh();
    try {
      await this.load(candidateId);
    } catch (error) {
      if (error.status === 409) this.roundChanged(error.json.error);
      this.card.replaceChildren(el("p", { class: "error" }, error.message));
      return;
    } finally {
      this.moving -= 1;
    }
    if (this.current !== candidateId) return; // moved on while it loaded
    this.drawCard(candidateId);
    if (refocus && this.nothingFocused()) this.focusHeading();
    this.refresh();
    const next = this.firstUnscored(candidateId);
    if (next !== undefined) this.load(next).catch(() => {}); // so Next is instant
  }

  focusInCard() {
    const active = this.root.getRootNode().activeElement; // inside the shadow root too
    return Boolean(active) && this.card.contains(active);
  }

  nothingFocused() {
    const active = document.activeElement;
    return !active || active === document.body;
  }

  focusHeading() {
    const heading = this.card.querySelector(".title");
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: "nearest" });
  }

  // --- drawing ------------------------------------------------------------------------

  build() {
    const text = this.data.text;
    this.root.replaceChildren();
    const top = el("div", { class: "top" });
    this.bar = el("div", {
      class: "bar",
      role: "progressbar",
      "aria-valuemin": "0",
      "aria-valuemax": String(this.data.candidates.length),
    });
    this.bar.append(el("span"));
    this.count = el("p", { class: "count", "data-testid": "ballot-progress" });
    this.allDone = el("p", { class: "all-done", hidden: "" }, text.all_done);
    const nav = el("div", { class: "nav" });
    const pick = el("label", { class: "pick" });
    pick.append(el("span", {}, text.candidate));
    this.picker = el("select", { "data-testid": "ballot-picker" });
    this.picker.addEventListener("change", () => this.show(Number(this.picker.value)));
    pick.append(this.picker);
    this.next = el("button", { type: "button", class: "next" }, text.next);
    this.next.addEventListener("click", () => this.show(this.firstUnscored(this.current)));
    nav.append(pick, this.next);
    this.clock = el("p", { class: "clock", "data-testid": "ballot-clock", role: "timer", hidden: "" });
    this.nudge = el("div", { class: "nudge", "data-testid": "ballot-nudge", role: "alert", hidden: "" });
    const dismiss = el("button", { type: "button" }, text.nudge_ok);
    dismiss.addEventListener("click", () => {
      sessionStorage.setItem(this.nudgeFlag(), this.nudge.dataset.at || "0");
      this.nudge.hidden = true;
    });
    this.nudge.append(el("span"), dismiss);
    top.append(this.bar, this.count, this.allDone, this.clock, this.nudge, nav);
    this.notes = el("div", { class: "notes", role: "status", "aria-live": "polite" });
    this.card = el("section", { class: "card", "data-testid": "ballot-card" });
    this.root.append(top, this.notes, this.card);
  }

  drawCard(candidateId) {
    const data = this.data;
    const card = this.cards.get(candidateId);
    const body = [];
    body.push(el("h2", { class: "title", tabindex: "-1" }, card.title)); // under the page's h1
    body.push(el("p", { class: "caption" }, [card.phase, card.channels.join(", ")].join(" · ")));
    if (card.description) body.push(el("p", { class: "description" }, card.description));
    for (const dimension of DIMENSIONS) {
      const criteria = data.criteria.filter((c) => c.dimension === dimension);
      if (!criteria.length) continue;
      body.push(el("p", { class: "help" }, data.text[`${dimension}_help`]));
      const yardsticks = card.references?.[dimension] ?? [];
      if (yardsticks.length) {
        const line = yardsticks.map(([label, title]) => `${label} = ${title}`).join(" · ");
        body.push(el("p", { class: "references", "data-testid": `references-${dimension}` }, `${data.text.references} ${line}`));
      }
      for (const criterion of criteria) {
        const group = el("fieldset", { class: "criterion", "data-criterion": criterion.id });
        const legend = el("legend");
        legend.append(el("span", {}, criterion.name), el("span", { class: "state" }));
        const options = el("div", { class: "options" });
        for (const label of data.options) {
          const button = el(
            "button",
            {
              type: "button",
              "data-label": label,
              "aria-pressed": "false",
              "aria-label": `${criterion.name}: ${data.names[label] ?? label}`,
              class: label === DONT_KNOW ? "dont-know" : "",
            },
            data.names[label] ?? label,
          );
          // The button carries its own candidate: a click always means this card.
          button.addEventListener("click", () => this.answer(candidateId, criterion.id, label));
          options.append(button);
        }
        group.append(legend, options);
        body.push(group);
      }
    }
    const commentLabel = el("label", { class: "comment" });
    commentLabel.append(el("span", {}, data.text.comment));
    const area = el("textarea", { maxlength: "1000", rows: "2", placeholder: data.text.comment_hint });
    const typed = this.comments.get(candidateId);
    area.value = typed && typed.state !== "saved" ? typed.text : card.comment;
    area.addEventListener("input", () => this.saveComment(candidateId, area.value));
    commentLabel.append(area, el("span", { class: "comment-state" }));
    body.push(commentLabel);
    this.card.replaceChildren(...body);
    this.card.dataset.candidate = String(candidateId);
  }

  refresh() {
    const ids = this.ids();
    const total = ids.length;
    const done = ids.filter((id) => this.done.has(id)).length;
    const text = this.data.text;
    this.bar.firstChild.style.width = `${total ? (100 * done) / total : 0}%`;
    this.bar.setAttribute("aria-valuenow", String(done));
    this.count.textContent = fill(text.progress, { done, total });
    this.bar.setAttribute("aria-label", this.count.textContent); // "1 of 3 scored"
    this.allDone.hidden = done < total;
    this.next.disabled = this.firstUnscored(this.current) === undefined;
    this.drawPicker();
    this.root.dataset.pending = String(this.wanted.size + this.sending.size);
    this.root.dataset.moving = String(this.moving);
    const candidateId = Number(this.card.dataset.candidate);
    const card = this.cards.get(candidateId);
    if (!card) return;
    for (const group of this.card.querySelectorAll("fieldset.criterion")) {
      const key = `${candidateId}:${group.dataset.criterion}`;
      const stored = card.answers[group.dataset.criterion];
      const pending = this.wanted.get(key) ?? this.sending.get(key);
      const retrying = this.failed.has(key);
      for (const button of group.querySelectorAll("button")) {
        const label = button.dataset.label;
        button.setAttribute("aria-pressed", String(label === stored));
        button.classList.toggle("stored", label === stored);
        button.classList.toggle("pending", pending !== undefined && label === pending);
      }
      const state = group.querySelector(".state");
      state.textContent = retrying
        ? text.retrying
        : pending !== undefined
          ? text.saving
          : stored !== undefined
            ? `✓ ${text.saved}`
            : "";
      state.dataset.state = retrying ? "retrying" : pending !== undefined ? "saving" : stored !== undefined ? "stored" : "open";
    }
    this.refreshComment();
  }

  refreshComment() {
    const state = this.card.querySelector(".comment-state");
    if (!state) return;
    const entry = this.comments.get(Number(this.card.dataset.candidate));
    const text = this.data.text;
    const shown = { saving: text.saving, saved: `✓ ${text.saved}`, retrying: text.retrying, failed: text.not_saved };
    state.textContent = entry ? shown[entry.state] : "";
  }

  drawPicker() {
    const titles = this.data.candidates;
    if (this.picker.options.length !== titles.length) {
      this.picker.replaceChildren(...titles.map(([id]) => el("option", { value: String(id) })));
    }
    titles.forEach(([id, title], index) => {
      const option = this.picker.options[index];
      const label = `${this.done.has(id) ? "✓" : "○"} ${title}`;
      if (option.textContent !== label) option.textContent = label;
    });
    this.picker.value = String(this.current);
  }

  notice(message, kind) {
    const note = el("p", { class: `note ${kind}` }, message);
    this.notes.replaceChildren(note);
    setTimeout(() => note.remove(), 8000);
  }
}

// Follows the facilitator only (the reveal is on screen): no ballot, no identity.
class Follower {
  constructor(root, component) {
    this.root = root;
    this.component = component;
    this.data = component.data;
    this.poll();
    this.listen(); // the cookie is the ballot's, set before the reveal
    this.ticker = setInterval(() => this.root.isConnected || this.stop(), 1000);
  }
}
const SHARED = ["call", "listen", "visibility", "poll", "unpoll", "ask", "follow", "stop"];
for (const name of [...SHARED, "roundChanged", "timeBox", "nudgedAt"]) {
  Follower.prototype[name] = Ballot.prototype[name];
}

export default function (component) {
  const { data, parentElement } = component;
  if (data.follow_only) {
    // Its own element, as the ballot's: the component's parent may be a shadow root,
    // which has no dataset for the follower to mark how it follows.
    let root = parentElement.querySelector(".follower");
    if (!root) {
      root = el("div", { class: "follower", hidden: "" });
      parentElement.append(root);
    }
    if (!root.follower || root.follower.data.round !== data.round) {
      root.follower?.stop();
      root.follower = new Follower(root, component);
    }
    return () => {};
  }
  let root = parentElement.querySelector(".ballot");
  if (!root) {
    root = el("div", { class: "ballot" });
    parentElement.append(root);
  }
  const same = root.ballot && root.ballot.data.round === data.round && root.ballot.data.key === data.key;
  if (same) {
    const ballot = root.ballot;
    const relabel = JSON.stringify(ballot.data.text) !== JSON.stringify(data.text);
    ballot.component = component;
    ballot.update(data);
    if (relabel) {
      ballot.build(); // another language: draw the same candidate again
      ballot.show(ballot.current);
    } else {
      ballot.refresh();
    }
  } else {
    root.ballot?.stop();
    root.ballot = new Ballot(root, component);
  }
  return () => {};
}
