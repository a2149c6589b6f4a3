// The host's JSON API (README, "The API"). Every failure becomes an ApiError with a sentence a
// person can read, so the page never shows a stack trace or a bare status code.

export class ApiError extends Error {
  /** @param {string} message @param {number} status */
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

async function send(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
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
