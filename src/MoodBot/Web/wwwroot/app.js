// MoodBot's chat page: say how you feel, get the mood, its light and its music.
import { readMood, sendFeedback, listMoods, createRoom } from "./api.js";
import { sessionId, loadHistory, remember, forget, rememberRoom } from "./storage.js";
import { userMessage, errorMessage, pendingMessage, readingMessage, historyItem } from "./render.js";
import { Player } from "./player.js";

const $ = id => document.getElementById(id);
const transcript = $("transcript");
const form = $("composer");
const input = $("input");
const sendButton = $("send");
const followUps = $("follow-ups");
const historyPanel = $("history");
const historyList = $("history-list");
const historyToggle = $("history-toggle");
const root = document.documentElement;

const session = sessionId();
const player = new Player($("player"), (track, mood, liked) => sendFeedback(track.id, mood, liked));
/** @type {Map<string, {id: string, label: string, emoji: string, color: string}>} */
let moods = new Map();
let history = loadHistory();
let busy = false;
/** The card of the reading the player holds, to mark the track that is on. */
const cards = new WeakMap();

/** The page's light: the mood colour at the mood's brightness, fading over the reading's transition. */
function light(reading) {
  if (!reading?.light) return;
  root.style.setProperty("--glow-ms", `${Math.max(0, reading.light.transition_ms | 0)}ms`);
  root.style.setProperty("--mood-color", reading.light.color);
  root.style.setProperty("--mood-brightness", String(reading.light.brightness));
  document.body.dataset.mood = reading.mood;
}

function addMessage(node) {
  transcript.append(node);
  node.scrollIntoView({ block: "end", behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
  return node;
}

/** Adds the answer to the transcript and lights the page; play is "start", "load" (wait for the play button) or "none". */
function showReading(reading, play) {
  const message = readingMessage(reading, moods, (r, index) => player.load(r, index, true));
  cards.set(reading, message);
  addMessage(message);
  light(reading);
  if (play !== "none" && reading.tracks?.length) player.load(reading, 0, play === "start");
  followUps.hidden = !reading.mood && !history.some(e => e.reading.mood);
}

async function ask(text) {
  const said = text.trim();
  if (!said || busy) return;
  busy = true;
  sendButton.disabled = true;
  addMessage(userMessage(said));
  const pending = addMessage(pendingMessage());
  try {
    const reading = await readMood(said, session);
    pending.remove();
    history = remember(history, said, reading);
    renderHistory();
    showReading(reading, "start");
  } catch (error) {
    pending.remove();
    addMessage(errorMessage(error.message));
  } finally {
    busy = false;
    sendButton.disabled = false;
  }
}

function renderHistory() {
  historyList.replaceChildren(...[...history].reverse().map(entry => historyItem(entry, moods, openFromHistory)));
  $("history-empty").hidden = history.length > 0;
  $("history-clear").hidden = history.length === 0;
}

function openFromHistory(entry) {
  addMessage(userMessage(entry.text));
  showReading(entry.reading, "load");
  setHistoryOpen(false);
  input.focus();
}

function setHistoryOpen(open) {
  historyPanel.classList.toggle("open", open);
  historyToggle.setAttribute("aria-expanded", String(open));
  // On a phone the history is a drawer over the chat: keyboard focus goes with it.
  if (open) (historyList.querySelector("button") ?? $("history-close")).focus();
}

form.addEventListener("submit", event => {
  event.preventDefault();
  if (busy || !input.value.trim()) return;
  const text = input.value;
  input.value = "";
  input.focus();
  ask(text);
});

followUps.addEventListener("click", event => {
  const button = event.target.closest("[data-follow-up]");
  if (!button) return;
  ask(button.dataset.followUp);
  input.focus();
});

historyToggle.addEventListener("click", () => setHistoryOpen(!historyPanel.classList.contains("open")));
$("history-close").addEventListener("click", () => {
  setHistoryOpen(false);
  historyToggle.focus();
});
document.addEventListener("click", event => {
  if (historyPanel.classList.contains("open") && !historyPanel.contains(event.target) && !historyToggle.contains(event.target)) {
    setHistoryOpen(false);
  }
});
$("history-clear").addEventListener("click", () => {
  history = forget();
  renderHistory();
  input.focus();
});

document.addEventListener("keydown", event => {
  if (event.key === "Escape" && historyPanel.classList.contains("open")) {
    setHistoryOpen(false);
    historyToggle.focus();
  }
});

document.addEventListener("moodbot:track", event => {
  for (const button of transcript.querySelectorAll(".track-button[aria-current]")) button.removeAttribute("aria-current");
  const card = cards.get(player.reading);
  for (const button of card?.querySelectorAll(".track-button") ?? []) {
    if (button.dataset.track === event.detail.id) button.setAttribute("aria-current", "true");
  }
});

// A listening room: made here, then the browser goes to it. Its admin token is shown only in this
// answer, so it is kept in local storage to give the maker the room's admin controls.
$("room-form").addEventListener("submit", async event => {
  event.preventDefault();
  const name = $("new-room-name").value.trim();
  if (!name) return;
  const button = $("room-create");
  button.disabled = true;
  $("room-status").textContent = "";
  try {
    const room = await createRoom(name, $("room-private").checked);
    const link = new URL(room.join_url, location.href);
    rememberRoom(room.slug, room.admin_token, link.searchParams.get("token"));
    location.assign(link.pathname + link.search);
  } catch (error) {
    $("room-status").textContent = error.message;
    button.disabled = false;
  }
});

async function start() {
  try {
    moods = new Map((await listMoods()).map(m => [m.id, m]));
  } catch {
    // Labels fall back to the mood ids; the chat itself still works.
  }

  // Last visit's conversation, as it was. Only the latest music is loaded, and it waits for play:
  // nothing should sound before the person does something (and old links may have expired).
  for (const entry of history) {
    transcript.append(userMessage(entry.text));
    showReading(entry.reading, "none");
  }
  const lastWithMusic = history.findLast(e => e.reading.tracks?.length);
  if (lastWithMusic) player.load(lastWithMusic.reading, 0, false);
  renderHistory();
  document.body.classList.add("ready");
  input.focus();
}

start();
