// The review pad in a tablet's browser (counter.server.pad_page): it asks the hall server for its desk's rating
// request under the pad's own key, shows it, and sends the applicant's answer.  Nothing here records anything: the
// server closes a request once, so an answer sent again after a dropped connection is never counted twice.
"use strict";

const KEY_STORE = "counter-pad-key";
const LANG_STORE = "counter-pad-lang";
const TEXT_STORE = "counter-pad-text";
const WAIT_S = 20; // how long one ask for a request is held by the server (pad_routes.LONGEST_WAIT_S)
const RETRY_MS = 2000; // how soon a pad whose server did not answer asks again
const THANKS_MS = 5000; // how long the thanks stay before the idle page
const BAD = new Set(["dissatisfied", "very_dissatisfied"]);
const LEVELS = ["very_satisfied", "satisfied", "basically_satisfied", "dissatisfied", "very_dissatisfied"];
// each level's face: its colour and how its mouth bends (positive: a smile)
const FACES = {
  very_satisfied: ["#1a7f37", 10], satisfied: ["#4d8f1f", 6], basically_satisfied: ["#8a6d00", 0],
  dissatisfied: ["#b5470b", -6], very_dissatisfied: ["#b42318", -10],
};

const pad = { key: "", lang: "zh", words: null, start: null, shown: null, level: null, chosen: new Set(), timer: 0 };

function settings() {
  // the technician opens /pad#key=…&lang=mn&text=150 once: the fragment never leaves the tablet; kept, then wiped
  const given = new URLSearchParams(location.hash.slice(1));
  for (const [name, store] of [["key", KEY_STORE], ["lang", LANG_STORE], ["text", TEXT_STORE]]) {
    if (given.get(name)) localStorage.setItem(store, given.get(name));
  }
  if (location.hash) history.replaceState(null, "", location.pathname);
  pad.key = localStorage.getItem(KEY_STORE) || "";
  pad.lang = localStorage.getItem(LANG_STORE) === "mn" ? "mn" : "zh";
  const text = Number(localStorage.getItem(TEXT_STORE) || "100");
  document.documentElement.style.fontSize = `${Math.min(Math.max(text, 100), 200) / 100 * 16}px`;
  document.documentElement.lang = pad.lang === "mn" ? "mn-Mong" : "zh-CN";
  document.body.classList.toggle("mn", pad.lang === "mn");
}

function mongolian(text) {
  return /[\u1800-\u18af]/.test(text);
}

// a bracket and the word beside it inside the bracket (a Mongolian word, a number, or one other character), and the
// marks that may not begin a column with the word before them: kept in one column, so that no bracket stands alone at
// a column's foot or head, and no 、 or ， heads a column (the browser's own rule for them does not reach a character
// set upright in its own box, drawn() below)
const BRACKETED = /[（(](?:[\u1800-\u18af\u202f]+|[0-9A-Za-z]+|[^\s])|(?:[\u1800-\u18af\u202f]+|[0-9A-Za-z]+|[^\s])[）)、，。：；！？]+/g;
// in a Mongolian column, the characters that stand upright (Chinese and its full-width marks, and the "·" of a
// name) and, of those, the brackets and marks that lie along the column as the Mongolian letters do
const UPRIGHT = /[\u00b7\u2e80-\u2fff\u3000-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3ffff}]/u;
const TURNED = /[\u3008-\u3011\u3014-\u301c\uff08\uff09\uff1a\uff1b\uff3b\uff3d\uff5b\uff5d\uff5e-\uff60]/u;

function drawn(text) {
  // On a Mongolian page each upright character in a box of its own, set on a line (pad.css): the browser sets a
  // character upright in a column by the font's vertical metrics, and the Chinese font a tablet or a Linux pad has
  // (WenQuanYi Micro Hei) has them wrong: each character was drawn 0.8 of its size down the column, over the
  // bracket, "·" or number after it (我要开小餐馆（50…, 阿拉坦其其格·孟和巴雅尔), and past the column's foot.  Set on a
  // line it is drawn by the metrics every font has right; a bracket is then turned along the column.
  if (pad.lang !== "mn" || !UPRIGHT.test(text)) return [text];
  const pieces = [];
  let plain = "";
  for (const char of text) {
    if (!UPRIGHT.test(char)) {
      plain += char;
      continue;
    }
    pieces.push(plain, Object.assign(document.createElement("span"), {
      className: TURNED.test(char) ? "upright turned" : "upright", textContent: char }));
    plain = "";
  }
  pieces.push(plain);
  return pieces.filter((piece) => piece !== "");
}

function kept(text) {
  // the text's pieces: each bracket with its word in a span that no line or column breaks
  const pieces = [];
  let at = 0;
  for (const found of text.matchAll(BRACKETED)) {
    const keep = Object.assign(document.createElement("span"), { className: "keep" });
    keep.append(...drawn(found[0]));
    pieces.push(...drawn(text.slice(at, found.index)), keep);
    at = found.index + found[0].length;
  }
  pieces.push(...drawn(text.slice(at)));
  return pieces.filter((piece) => piece !== "");
}

function named(name) {
  // a person's name breaks only between its parts (after a "·"), never inside one: 阿拉坦其其格· | 孟和巴雅尔
  const whole = Object.assign(document.createElement("span"), { className: "name" });
  whole.append(...name.split(/(?<=·)/).map((part) => {
    const keep = Object.assign(document.createElement("span"), { className: "keep" });
    keep.append(...drawn(part));
    return keep;
  }));
  return whole;
}

function say(element, text, name = "") {
  // words in Mongolian script stand in vertical columns; any other on lines
  const [before, after] = name && text.includes(name) ? [text.slice(0, text.indexOf(name)),
    text.slice(text.indexOf(name) + name.length)] : [text, null];
  element.replaceChildren(...kept(before), ...(after === null ? [] : [named(name), ...kept(after)]));
  element.classList.toggle("vertical", mongolian(text));
}

function line(name, fields = {}) {
  return pad.words.lines[name].replace(/\{(\w+)\}/g, (_, field) => fields[field] ?? "");
}

function show(page) {
  for (const section of document.querySelectorAll(".page")) section.hidden = section.id !== page;
}

function banner(text) {
  const shown = document.getElementById("banner");
  shown.hidden = !text;
  say(shown, text || "");
}

async function call(path, body) {
  const asked = { method: "POST", headers: { "Pad-Key": pad.key, "Content-Type": "application/json" } };
  if (body !== undefined) asked.body = JSON.stringify(body);
  return fetch(path, asked);
}

function idle() {
  clearTimeout(pad.timer);
  pad.shown = null;
  const start = pad.start;
  const office = pad.lang === "mn" && start.office_name_mn ? start.office_name_mn : start.office;
  say(document.getElementById("welcome"), line("welcome", { office }));
  say(document.getElementById("greeting"), pad.lang === "mn" ? line("greeting") : "");
  say(document.getElementById("idle-text"), start.settings.idle_text || line("idle"));
  const clerk = start.clerk ? `  ${line("clerk", { clerk: start.clerk })}` : "";
  say(document.getElementById("idle-desk"), line("desk", { desk_no: start.desk_no }) + clerk);
  show("idle");
}

function face(level) {
  const [colour, bend] = FACES[level];
  const svg = `<svg viewBox="0 0 64 64" aria-hidden="true"><circle cx="32" cy="32" r="29" fill="${colour}"/>` +
    `<circle cx="22" cy="26" r="4" fill="#fff"/><circle cx="42" cy="26" r="4" fill="#fff"/>` +
    `<path d="M18 ${44 - bend / 2} Q32 ${44 + bend} 46 ${44 - bend / 2}" stroke="#fff" stroke-width="4" ` +
    `fill="none" stroke-linecap="round"/></svg>`;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "face";
  button.dataset.level = level;
  button.innerHTML = svg;
  const name = document.createElement("span");
  say(name, pad.words.levels[level]);
  button.append(name);
  button.setAttribute("aria-label", pad.words.levels[level]);
  button.addEventListener("click", () => chose(level));
  return button;
}

function taken(at) {
  if (!at) return "";
  const when = new Date(at);
  const time = when.toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit", hour12: false });
  if (when.toDateString() === new Date().toDateString()) return time;
  return `${when.toLocaleDateString("sv-SE")} ${time}`;
}

function rate(shown) {
  pad.shown = shown;
  pad.level = null;
  pad.chosen = new Set();
  if (shown.page_address) {
    say(document.getElementById("region-text"), [line("region_question"),
      line("region_address", { address: shown.page_address }), line("region_case", { case_no: shown.case_no })
    ].join("\n"));
    show("region");
  } else {
    say(document.getElementById("question"), line(shown.round === 2 ? "follow_up" : "question"));
    say(document.getElementById("tap-hint"), line("tap_hint"));
    const bundle = pad.lang === "mn" && shown.bundle_name_mn ? shown.bundle_name_mn : shown.bundle_name;
    const card = document.getElementById("card");
    card.replaceChildren();
    for (const text of [`${line("desk", { desk_no: shown.desk_no })}  ${line("clerk", { clerk: shown.clerk })}`,
      line("bundle", { bundle }), `${line("applicant", { name: shown.rater_masked })}  ${taken(shown.taken_at)}`]) {
      const row = document.createElement("p");
      say(row, text.trim(), shown.clerk);
      card.append(row);
    }
    const faces = document.getElementById("faces");
    faces.setAttribute("aria-label", line("question"));
    faces.replaceChildren(...LEVELS.map(face));
    show("rating");
  }
  clearTimeout(pad.timer);
  pad.timer = setTimeout(lapsed, shown.timeout_seconds * 1000);
}

function chose(level) {
  pad.level = level;
  if (!BAD.has(level)) return answer({ level, reasons: [], comment: "", left: false });
  const offered = (pad.shown.level_reasons || {})[level] || pad.shown.reasons;
  const list = document.getElementById("reason-list");
  list.setAttribute("aria-label", line("reasons_question"));
  list.replaceChildren(...offered.map((label) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "reason";
    button.setAttribute("aria-pressed", "false");
    say(button, pad.words.reasons[label] || label);
    button.addEventListener("click", () => {
      const on = !pad.chosen.has(label);
      if (on) pad.chosen.add(label); else pad.chosen.delete(label);
      button.setAttribute("aria-pressed", String(on));
      document.getElementById("submit").disabled = pad.chosen.size === 0;
    });
    return button;
  }));
  say(document.getElementById("reasons-question"), line("reasons_question"));
  document.getElementById("submit").disabled = true;
  show("reasons");
}

async function answer(choice) {
  const shown = pad.shown;
  clearTimeout(pad.timer);
  let again = false; // an answer sent again after the server did not answer: its request_closed is this answer
  for (;;) {
    try {
      const reply = await call("/v1/pad/answer", { request_id: shown.request_id, choice });
      banner("");
      if (reply.ok) return thanks(choice.level, true);
      if (reply.status === 422) {
        const refused = await reply.json();
        const closed = (refused.values || {}).code === "request_closed";
        return thanks(choice.level, again && closed);
      }
      if (reply.status === 401) return unknown();
    } catch (err) {
      banner(line("offline")); // the same answer is sent again: the server records it once
      again = true;
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

function thanks(level, saved) {
  say(document.getElementById("thanks-text"), saved ? line("thanks") : line("save_failed"));
  say(document.getElementById("thanks-detail"), saved ? line(BAD.has(level) ? "thanks_bad" : "thanks_good") : "");
  show("thanks");
  pad.shown = null;
  pad.timer = setTimeout(idle, THANKS_MS);
}

async function lapsed() {
  const shown = pad.shown;
  if (!shown) return;
  if (pad.level && BAD.has(pad.level) && pad.chosen.size) {
    return answer({ level: pad.level, reasons: [...pad.chosen], comment: "", left: true });
  }
  try {
    await call("/v1/pad/unrated", { request_id: shown.request_id });
  } catch (err) {
    banner(line("offline"));
  }
  idle();
}

function unknown() {
  banner(line("unknown_key"));
  show("idle");
}

async function begin() {
  for (;;) {
    try {
      const reply = await call("/v1/pad/start");
      if (reply.status === 401) return unknown();
      if (reply.ok) {
        pad.start = await reply.json();
        banner("");
        idle();
        return listen();
      }
    } catch (err) {
      // the server away: said on the pad, asked again
    }
    banner(line("offline"));
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

async function listen() {
  for (;;) {
    try {
      const reply = await call(`/v1/pad/next?wait=${WAIT_S}`);
      if (reply.status === 401) return unknown();
      banner("");
      if (reply.status === 200) {
        const shown = await reply.json();
        if (!pad.shown || pad.shown.request_id !== shown.request_id) rate(shown);
        await new Promise((resolve) => setTimeout(resolve, 1000)); // the same request is answered again at once
      } else if (reply.status !== 204) {
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    } catch (err) {
      banner(line("offline"));
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

async function main() {
  settings();
  const words = await fetch(`/pad/words/${pad.lang}.json`);
  pad.words = await words.json();
  document.getElementById("back").addEventListener("click", () => show("rating"));
  document.getElementById("submit").addEventListener("click", () =>
    answer({ level: pad.level, reasons: [...pad.chosen], comment: "", left: false }));
  say(document.getElementById("back"), line("back"));
  say(document.getElementById("submit"), line("submit"));
  begin();
}

document.addEventListener("DOMContentLoaded", main);
// settings given again to an open page (the same address with a new fragment): kept, and the page starts afresh
window.addEventListener("hashchange", () => {
  settings();
  location.reload();
});
