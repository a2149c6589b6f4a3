// What this browser remembers: its session id and its last readings. localStorage only, and
// read defensively: storage can be full, disabled, or hold something an older page wrote.

const SessionKey = "moodbot.session";
const HistoryKey = "moodbot.history";
export const HistoryLimit = 20;

function read(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or a full quota: the page still works, it just forgets on reload.
  }
}

function newId() {
  // randomUUID needs a secure context; a phone on the LAN reaches the bot over plain http.
  if (globalThis.crypto?.randomUUID && globalThis.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
}

/** The server takes 1-64 of [A-Za-z0-9_-]. */
const sanitise = id => String(id).replace(/[^A-Za-z0-9_-]/g, "").slice(0, 64);

/** This browser's session id, made once. */
export function sessionId() {
  const kept = sanitise(read(SessionKey) ?? "");
  if (kept) return kept;
  const made = sanitise(newId()) || "browser";
  write(SessionKey, made);
  return made;
}

/**
 * @typedef {{at: string, text: string, reading: object}} HistoryEntry
 * @returns {HistoryEntry[]} oldest first.
 */
export function loadHistory() {
  let parsed;
  try {
    parsed = JSON.parse(read(HistoryKey) ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter(e => e && typeof e.text === "string" && typeof e.at === "string" && e.reading && typeof e.reading.summary === "string")
    .slice(-HistoryLimit);
}

/** Adds a reading and returns the kept list (the last HistoryLimit). */
export function remember(entries, text, reading) {
  const kept = [...entries, { at: new Date().toISOString(), text, reading }].slice(-HistoryLimit);
  write(HistoryKey, JSON.stringify(kept));
  return kept;
}

export function forget() {
  write(HistoryKey, "[]");
  return [];
}

const RoomsKey = "moodbot.rooms";

/** @returns {Record<string, {admin_token?: string, token?: string}>} the rooms this browser made. */
function rooms() {
  try {
    const parsed = JSON.parse(read(RoomsKey) ?? "{}");
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/** Keeps a created room's tokens: the admin token is shown only once, when the room is made. */
export function rememberRoom(slug, adminToken, token) {
  const kept = rooms();
  kept[slug] = { admin_token: adminToken, token: token ?? undefined };
  write(RoomsKey, JSON.stringify(kept));
}

/** @returns {{adminToken: string | null, token: string | null}} */
export function roomTokens(slug) {
  const kept = rooms()[slug];
  const text = v => (typeof v === "string" && v ? v : null);
  return { adminToken: text(kept?.admin_token), token: text(kept?.token) };
}

export function forgetRoom(slug) {
  const kept = rooms();
  delete kept[slug];
  write(RoomsKey, JSON.stringify(kept));
}

// The site admin token (Web:AdminToken) as entered on /admin/lights: in sessionStorage, so it
// lives only as long as the tab and is sent only by this origin's pages.
const AdminTokenKey = "moodbot.admin-token";

/** @returns {string} the token entered in this tab, or "". */
export function adminToken() {
  try {
    return sessionStorage.getItem(AdminTokenKey) ?? "";
  } catch {
    return "";
  }
}

/** Keeps the token for this tab; an empty one forgets it. */
export function setAdminToken(token) {
  try {
    if (token) sessionStorage.setItem(AdminTokenKey, token);
    else sessionStorage.removeItem(AdminTokenKey);
  } catch {
    // Storage disabled: the token works for this page only, until it is reloaded.
  }
}
