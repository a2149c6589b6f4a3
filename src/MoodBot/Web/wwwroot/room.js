// A shared listening room (/rooms/{slug}): everyone hears the same track at the same second. The
// server keeps the clock; this page follows its events, seeks to where the room is and corrects drift.
import { RoomApi, listMoods } from "./api.js";
import { sessionId, roomTokens, forgetRoom, adminToken } from "./storage.js";
import { el, clock } from "./dom.js";
import { moodInfo } from "./render.js";
import { playable } from "./player.js";

const $ = id => document.getElementById(id);
const root = document.documentElement;
const audio = $("audio");
const player = $("now-playing");
const joinButton = $("join");
const leaveButton = $("leave");
const skipButton = $("skip");

/** How far the audio may stray from the room's position before it is moved back. */
const DriftLimit = 0.5;
/** Network delay taken out of an event's age; an older server_time means the clocks differ, not that the event was slow. */
const MaxLatencyMs = 2000;

const slug = (() => {
  const part = location.pathname.split("/").filter(Boolean)[1] ?? "";
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
})();
const kept = roomTokens(slug);
const joinToken = new URLSearchParams(location.search).get("token") ?? kept.token;
const api = new RoomApi(slug, joinToken, kept.adminToken, adminToken());
const session = sessionId();

/** @type {Map<string, {id: string, label: string, emoji: string, color: string}>} */
let moods = new Map();
let state = null;
/** The room's position in the playing track: `position` seconds at performance.now() = `at`. */
let anchor = null;
/** The queue entry the <audio> holds. */
let loadedId = null;
/** Whether the person pressed Join: browsers refuse sound before a gesture. */
let joined = false;
let events = null;
let closed = false;

/** Where the room is now, in seconds into the playing track. */
function roomPosition() {
  return anchor ? anchor.position + (performance.now() - anchor.at) / 1000 : 0;
}

/** Anchors the room's clock: position_s was true at server_time, which is a little in the past by now. */
function setAnchor(id, position, serverTime) {
  const age = Date.now() - Date.parse(serverTime);
  const lag = Number.isFinite(age) && age > 0 && age < MaxLatencyMs ? age : 0;
  anchor = { id, position, at: performance.now() - lag };
}

/** Moves the audio to the room's second when it has strayed; called on load, on play and on every heartbeat. */
function follow() {
  if (!joined || !anchor || anchor.id !== loadedId || audio.readyState < HTMLMediaElement.HAVE_METADATA) return;
  const target = roomPosition();
  const duration = state?.now_playing?.duration_s ?? Infinity;
  // Past the end, the server is about to announce the next track: wait for it.
  if (target >= duration) return;
  if (Math.abs(audio.currentTime - target) > DriftLimit) audio.currentTime = target;
}

function light(moodId) {
  if (!moodId) return;
  const mood = moodInfo(moods, moodId);
  root.style.setProperty("--mood-color", mood.color);
  root.style.setProperty("--mood-brightness", "0.7");
  document.body.dataset.mood = moodId;
}

function apply(next) {
  state = next;
  document.title = `${next.name} · MoodBot`;
  $("room-name").textContent = next.name;
  showListeners(next.listeners);
  $("room-locked").hidden = !next.locked;
  $("room-private").hidden = !next.private;
  $("lock").textContent = next.locked ? "Unlock" : "Lock";
  light(next.now_playing?.mood ?? next.mood);
  showQueue(next.queue ?? []);

  const playing = next.now_playing;
  if (!playing) {
    anchor = null;
    loadedId = null;
    delete player.dataset.track;
    audio.pause();
    audio.removeAttribute("src");
    audio.load();
    $("track-title").textContent = "Nothing playing yet";
    $("track-meta").textContent = "Post a mood below and its music starts here, for everyone.";
    $("skip-votes").textContent = "";
    skipButton.disabled = true;
    showTime();
    return;
  }

  setAnchor(playing.id, playing.position_s, next.server_time);
  player.dataset.track = String(playing.id);
  player.style.setProperty("--card-color", moodInfo(moods, playing.mood).color);
  $("track-title").textContent = playing.title;
  $("track-meta").textContent = `${playing.artist} · ${playing.licence}`;
  skipButton.disabled = false;
  $("skip-votes").textContent = playing.skip_votes_needed > 1 ? `votes ${playing.skip_votes}/${playing.skip_votes_needed}` : "";

  if (playing.id !== loadedId) {
    loadedId = playing.id;
    audio.src = playable(playing.url);
    audio.load();
    if (joined) listenAlong();
  } else {
    follow();
  }
  showTime();
}

function heartbeat(position) {
  if (typeof position.listeners === "number") showListeners(position.listeners);
  if (position.track_id === null || position.track_id !== state?.now_playing?.id) return;
  setAnchor(position.track_id, position.position_s, position.server_time);
  follow();
}

function showListeners(count) {
  $("room-listeners").textContent = `${count} listening`;
}

function showQueue(queue) {
  $("queue").replaceChildren(...queue.map(track =>
    el("li", { class: "queue-item", "data-id": track.id },
      el("span", { class: "track-name" }, track.title),
      el("span", { class: "track-artist" }, track.artist),
      el("span", { class: "track-length" }, clock(track.duration_s)))));
  $("queue-empty").hidden = queue.length > 0;
}

function showTime() {
  const duration = state?.now_playing?.duration_s ?? 0;
  const at = Math.min(duration, joined && !audio.paused ? audio.currentTime : roomPosition());
  $("track-time").textContent = state?.now_playing ? `${clock(at)} / ${clock(duration)}` : "";
  $("track-progress").style.width = `${duration > 0 ? Math.min(100, (at / duration) * 100) : 0}%`;
}

function say(id, text) {
  $(id).textContent = text;
}

async function listenAlong() {
  follow();
  try {
    await audio.play();
    say("player-status", "");
  } catch (error) {
    if (error?.name === "NotAllowedError") {
      showJoined(false);
      say("player-status", "Press “Join the listening” to hear the room.");
    } else if (error?.name !== "AbortError") {
      say("player-status", "This track won't play here.");
    }
  }
}

function showJoined(value) {
  joined = value;
  joinButton.hidden = value;
  leaveButton.hidden = !value;
}

joinButton.addEventListener("click", () => {
  showJoined(true);
  if (state?.now_playing) listenAlong();
  leaveButton.focus();
});

// Leaving stops the sound here only; the room plays on, and Join lands on its second again.
leaveButton.addEventListener("click", () => {
  showJoined(false);
  audio.pause();
  joinButton.focus();
});

audio.addEventListener("loadedmetadata", follow);
audio.addEventListener("playing", follow);
audio.addEventListener("play", () => player.classList.add("playing"));
audio.addEventListener("pause", () => player.classList.remove("playing"));
audio.addEventListener("error", () => {
  if (loadedId !== null) say("player-status", "This track won't play here; the room moves on to the next one when it ends.");
});
// A track that stops a little short of its catalogue length waits for the server's next state;
// if the stream was cut, ask rather than wait for a heartbeat.
audio.addEventListener("ended", () => setTimeout(refresh, 1000));

skipButton.addEventListener("click", async () => {
  const playing = state?.now_playing;
  if (!playing) return;
  skipButton.disabled = true;
  try {
    apply(await api.skip(playing.id, session));
    say("player-status", "");
  } catch (error) {
    say("player-status", error.message);
  } finally {
    skipButton.disabled = !state?.now_playing;
  }
});

$("room-mood").addEventListener("submit", async event => {
  event.preventDefault();
  const input = $("mood-input");
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  $("mood-send").disabled = true;
  say("mood-status", "Reading the mood…");
  try {
    const reading = await api.mood(text, session);
    const count = reading.tracks?.length ?? 0;
    const said = reading.mood
      ? `${moodInfo(moods, reading.mood).label}: ${count} track${count === 1 ? "" : "s"} added to the queue.`
      : reading.summary;
    // The lights status line ("lights: Living room -> amber"), when Hue rooms are linked here.
    say("mood-status", reading.lights ? `${said} ${reading.lights}` : said);
  } catch (error) {
    say("mood-status", error.message);
  } finally {
    $("mood-send").disabled = false;
    input.focus();
  }
});

async function admin(action, done) {
  try {
    const answer = await action();
    if (answer) apply(answer);
    say("admin-status", done);
  } catch (error) {
    say("admin-status", error.message);
  }
}

$("rename-form").addEventListener("submit", event => {
  event.preventDefault();
  const name = $("rename-input").value.trim();
  if (!name) return;
  admin(() => api.update({ name }), "Renamed.").then(() => { $("rename-input").value = ""; });
});
$("lock").addEventListener("click", () =>
  admin(() => api.update({ locked: !state?.locked }), state?.locked ? "Unlocked: everyone can add music and skip." : "Locked: only admins can add music and skip."));
$("clear").addEventListener("click", () => admin(() => api.clear(), "Cleared: the room is quiet until the next mood."));
$("delete").addEventListener("click", async () => {
  if (!confirm("Close this room for everyone?")) return;
  try {
    await api.remove();
    forgetRoom(slug);
    showClosed();
  } catch (error) {
    say("admin-status", error.message);
  }
});

// Lights (admin): the linked Hue rooms with an Unlink button each, and a list of the paired
// bridges' rooms to link. Asking the bridges can take a few seconds, so it happens on demand.
async function showLights() {
  let lights;
  try {
    lights = await api.lights();
  } catch (error) {
    // 403: the lights are the site admin's, and this browser is not (the message says how to be).
    if (error.status === 403) {
      $("lights-linked").replaceChildren();
      $("lights-form").hidden = true;
    }
    say("lights-status", error.message);
    return;
  }

  const linked = $("lights-linked");
  // Each linked room reads as it looks now ("Living room: on, 54 %, amber (set by MoodBot 2 min ago)").
  linked.replaceChildren(...lights.linked.map(group => el("li", null, group.state ?? group.name, " ",
    lightButton("Unlink", () => api.unlinkLight(group.bridge_id, group.group_id), `Unlinked ${group.name}.`))));
  const choice = $("lights-choice");
  const linkable = lights.available.filter(a => !lights.linked.some(l => l.bridge_id === a.bridge_id && l.group_id === a.group_id));
  choice.replaceChildren(...linkable.map(group =>
    el("option", { value: `${group.bridge_id}/${group.group_id}` }, group.name)));
  $("lights-form").hidden = linkable.length === 0;
  say("lights-status", !lights.paired
    ? "No Hue bridge is paired with this MoodBot yet: run `lights pair` on the host, or open /admin/lights."
    : lights.problems.length > 0 ? lights.problems.join(" ") : lights.linked.length === 0 ? "No Hue room is linked yet." : "");
}

function lightButton(label, action, done) {
  const button = el("button", { type: "button", class: "ghost small" }, label);
  button.addEventListener("click", () => changeLights(action, done));
  return button;
}

async function changeLights(action, done) {
  try {
    await action();
    await showLights();
    say("lights-status", done);
  } catch (error) {
    say("lights-status", error.message);
  }
}

$("lights-form").addEventListener("submit", event => {
  event.preventDefault();
  const [bridgeId, groupId] = $("lights-choice").value.split("/");
  const name = $("lights-choice").selectedOptions[0]?.textContent ?? "";
  if (bridgeId && groupId) changeLights(() => api.linkLight(bridgeId, groupId), `Linked ${name}.`);
});

function showClosed() {
  closed = true;
  events?.close();
  audio.pause();
  audio.removeAttribute("src");
  audio.load();
  $("room").hidden = true;
  $("room-closed").hidden = false;
  document.title = "Room closed · MoodBot";
}

function missing() {
  $("room").hidden = true;
  $("room-missing").hidden = false;
  document.title = "No such room · MoodBot";
}

async function refresh() {
  if (closed) return;
  try {
    apply(await api.state());
  } catch (error) {
    if (error.status === 404) showClosed();
  }
}

function listen() {
  events = api.events();
  events.addEventListener("state", event => apply(JSON.parse(event.data)));
  events.addEventListener("position", event => heartbeat(JSON.parse(event.data)));
  events.addEventListener("deleted", () => showClosed());
  // EventSource retries a dropped connection by itself, but gives up on an error status: the
  // room may be gone, or the server restarting. Look, then listen again.
  events.addEventListener("error", () => {
    if (closed || events.readyState !== EventSource.CLOSED) return;
    setTimeout(async () => {
      await refresh();
      if (!closed) listen();
    }, 3000);
  });
}

async function enter() {
  try {
    moods = new Map((await listMoods()).map(m => [m.id, m]));
  } catch {
    // The room works without labels and colours.
  }

  let first;
  try {
    first = await api.state();
  } catch (error) {
    $("room-loading").hidden = true;
    if (error.status === 404 || error.status === 400) missing();
    else say("room-loading", error.message);
    document.body.classList.add("ready");
    return;
  }

  $("room-loading").hidden = true;
  $("room").hidden = false;
  if (kept.adminToken) {
    $("admin").hidden = false;
    showLights();
    if (first.private && joinToken) {
      $("invite").hidden = false;
      $("invite-link").textContent = `${location.origin}/rooms/${encodeURIComponent(slug)}?token=${encodeURIComponent(joinToken)}`;
    }
  }
  apply(first);
  listen();
  setInterval(showTime, 250);
  document.body.classList.add("ready");
  joinButton.focus();
}

enter();
