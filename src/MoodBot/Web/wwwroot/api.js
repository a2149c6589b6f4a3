// The host's JSON API (README, "The API"). Every failure becomes an ApiError with a sentence a
// person can read, so the page never shows a stack trace or a bare status code.

export class ApiError extends Error {
  /** @param {string} message @param {number} status */
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

async function send(method, path, body, headers = {}) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError("I can't reach MoodBot right now. Is it still running?", 0);
  }

  if (response.status === 204) return null;
  const payload = await response.json().catch(() => null);
  if (response.ok && payload !== null) return payload;

  if (response.status === 429) {
    const wait = Number.parseInt(response.headers.get("retry-after") ?? "", 10);
    const when = Number.isFinite(wait) ? `in ${wait} second${wait === 1 ? "" : "s"}` : "in a moment";
    throw new ApiError(`That's a lot of moods at once. Let's take a breath and try again ${when}.`, 429);
  }

  const said = payload && typeof payload.error === "string" ? payload.error : `The server answered ${response.status}.`;
  throw new ApiError(said, response.status);
}

/** @returns {Promise<object>} the reading (the soundscape JSON with tracks). */
export const readMood = (text, session) => send("POST", "/api/mood", { text, session });

export const sendFeedback = (track, mood, liked) => send("POST", "/api/feedback", { track, mood, liked });

/** @returns {Promise<Array<{id: string, label: string, emoji: string, color: string}>>} */
export const listMoods = () => send("GET", "/api/moods");

/** @returns {Promise<{slug: string, name: string, private: boolean, admin_token: string, join_url: string}>} */
export const createRoom = (name, isPrivate) => send("POST", "/api/rooms", { name, private: isPrivate });

/**
 * One room's calls (README, "Rooms"). A private room's join token rides on every URL, the event
 * stream's included; the admin token, when this browser has it, goes as a bearer header.
 */
export class RoomApi {
  /** @param {string} slug @param {string | null} token @param {string | null} adminToken */
  constructor(slug, token, adminToken, siteAdminToken = "") {
    this.base = `/api/rooms/${encodeURIComponent(slug)}`;
    this.query = token ? `?token=${encodeURIComponent(token)}` : "";
    this.headers = adminToken ? { authorization: `Bearer ${adminToken}` } : {};
    // The lights are the site admin's too: they also need the token entered on /admin/lights, if any.
    this.lightHeaders = siteAdminToken ? { ...this.headers, [SiteAdminHeader]: siteAdminToken } : this.headers;
  }

  url(path = "") {
    return this.base + path + this.query;
  }

  state = () => send("GET", this.url(), undefined, this.headers);
  mood = (text, session) => send("POST", this.url("/mood"), { text, session }, this.headers);
  skip = (trackId, session) => send("POST", this.url("/skip"), { track_id: trackId, session }, this.headers);
  update = changes => send("PATCH", this.url(), changes, this.headers);
  clear = () => send("POST", this.url("/clear"), undefined, this.headers);
  remove = () => send("DELETE", this.url(), undefined, this.headers);
  events = () => new EventSource(this.url("/events"));
  /** @returns {Promise<{paired: boolean, linked: Array<{bridge_id: string, group_id: string, name: string}>, available: Array<{bridge_id: string, group_id: string, name: string}>, problems: string[]}>} */
  lights = () => send("GET", this.url("/lights"), undefined, this.lightHeaders);
  linkLight = (bridgeId, groupId) =>
    send("PUT", this.url(`/lights/${encodeURIComponent(bridgeId)}/${encodeURIComponent(groupId)}`), undefined, this.lightHeaders);
  unlinkLight = (bridgeId, groupId) =>
    send("DELETE", this.url(`/lights/${encodeURIComponent(bridgeId)}/${encodeURIComponent(groupId)}`), undefined, this.lightHeaders);
}

/** The header the site admin token (Web:AdminToken) goes in. */
export const SiteAdminHeader = "x-moodbot-admin";

/** The site admin's Hue calls (/admin/lights). Without a token, only the bot's own machine is let in. */
export class AdminApi {
  /** @param {string} token */
  constructor(token) {
    this.headers = token ? { [SiteAdminHeader]: token } : {};
  }

  /** @returns {Promise<{paired: Array<{id: string, address: string}>, candidates: Array<{address: string, bridge_id: string | null, source: string}>}>} */
  bridges = () => send("GET", "/api/admin/lights/bridges", undefined, this.headers);
  forget = id => send("DELETE", `/api/admin/lights/bridges/${encodeURIComponent(id)}`, undefined, this.headers);
  /** @returns {Promise<{id: string, state: string, address: string, bridge_id: string | null, attempt: number, seconds_left: number | null, error: string | null, running: boolean}>} */
  pair = (address, bridgeId) => send("POST", "/api/admin/lights/pair", { address, bridge_id: bridgeId ?? null }, this.headers);
  pairing = () => send("GET", "/api/admin/lights/pair", undefined, this.headers);
  /** @returns {Promise<{groups: Array<{bridge_id: string, group_id: string, name: string}>, links: Array<{place: string, kind: string, name: string, bridge_id: string, group_id: string, group_name: string}>, problems: string[]}>} */
  links = () => send("GET", "/api/admin/lights/links", undefined, this.headers);
  unlink = (place, bridgeId, groupId) => send("DELETE",
    `/api/admin/lights/links?place=${encodeURIComponent(place)}&bridge_id=${encodeURIComponent(bridgeId)}&group_id=${encodeURIComponent(groupId)}`,
    undefined, this.headers);
}
