"""A countdown that ticks in the browser between reruns: the facilitator's live view and
the presenter view redraw every few seconds, the clock every second."""

import streamlit as st

_JS = """
export default function (component) {
  const { data, parentElement } = component;
  let clock = parentElement.querySelector(".countdown");
  if (!clock) {
    clock = document.createElement("p");
    clock.className = "countdown";
    clock.setAttribute("role", "timer");
    clock.dataset.testid = "countdown";
    parentElement.append(clock);
  }
  clock.style.fontSize = data.size;
  const endsAt = performance.now() + 1000 * data.seconds;
  const tick = () => {
    const left = Math.max(Math.ceil((endsAt - performance.now()) / 1000), 0);
    const time = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
    clock.textContent = left ? data.left.replace("{time}", time) : data.up;
    clock.dataset.left = String(left);
    clock.classList.toggle("ending", left <= 60);
  };
  clearInterval(parentElement.countdownTimer);
  parentElement.countdownTimer = setInterval(tick, 1000);
  tick();
  return () => clearInterval(parentElement.countdownTimer);
}
"""
_CSS = """
.countdown { margin: 0; font-family: var(--st-font, sans-serif); font-weight: 700;
  font-variant-numeric: tabular-nums; color: var(--st-text-color, #31333f); }
.countdown.ending { color: #b00020; }
"""

_component = st.components.v2.component("planner.countdown", js=_JS, css=_CSS)


def countdown(seconds: int, *, left: str, up: str, key: str, size: str = "1.6rem") -> None:
    """Show `left` (with {time} as m:ss) counting down from `seconds`, then `up`."""
    _component(key=key, data={"seconds": seconds, "left": left, "up": up, "size": size})
