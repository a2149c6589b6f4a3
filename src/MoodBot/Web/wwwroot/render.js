// The transcript's messages. Built with el() only: text from people and from the server is text.
import { el, clock } from "./dom.js";

const SvgNs = "http://www.w3.org/2000/svg";

/** @typedef {{id: string, label: string, emoji: string, color: string}} MoodInfo */

/** @param {Map<string, MoodInfo>} moods */
export function moodInfo(moods, id) {
  return moods.get(id) ?? { id, label: id ? id[0].toUpperCase() + id.slice(1) : "", emoji: "✨", color: "#8b93ff" };
}

export function userMessage(text) {
  return el("li", { class: "msg user" }, el("div", { class: "bubble" }, el("p", { class: "said" }, text)));
}

export function errorMessage(text) {
  return el("li", { class: "msg bot error" }, el("div", { class: "bubble" }, el("p", null, text)));
}

export function pendingMessage() {
  return el("li", { class: "msg bot pending", "aria-hidden": "true" },
    el("div", { class: "bubble" }, el("span", { class: "dots" }, el("i"), el("i"), el("i"))));
}

/**
 * The answer to one message: the mood, its colour, the summary, the soundscape and the tracks.
 * @param {object} reading the soundscape JSON
 * @param {Map<string, MoodInfo>} moods
 * @param {(reading: object, index: number) => void} onPlay
 */
export function readingMessage(reading, moods, onPlay) {
  if (!reading.mood) {
    return el("li", { class: "msg bot" },
      el("article", { class: "card no-mood" },
        el("p", { class: "summary" }, reading.summary)));
  }

  const mood = moodInfo(moods, reading.mood);
  const color = reading.light?.color ?? mood.color;
  const percent = Math.round((reading.confidence ?? 0) * 100);
  const secondary = reading.secondary_mood ? moodInfo(moods, reading.secondary_mood) : null;

  const card = el("article", { class: "card", "data-mood": reading.mood, "aria-label": `${mood.label}, ${percent}% sure` },
    el("header", { class: "card-head" },
      el("span", { class: "emoji", "aria-hidden": "true" }, mood.emoji),
      el("div", { class: "card-title" },
        el("h3", { class: "mood-label" }, mood.label),
        secondary && el("p", { class: "secondary" }, "with a touch of ",
          el("span", { class: "secondary-mood" }, `${secondary.emoji} ${secondary.label}`))),
      el("span", { class: "confidence", title: "How sure the reading is" }, `${percent}%`)),
    el("p", { class: "summary" }, reading.summary),
    reading.truncated && el("p", { class: "muted small" }, "That was long, so I read only its start."),
    el("div", { class: "card-body" },
      soundscapeFacts(reading.soundscape),
      el("div", { class: "light" },
        el("span", { class: "swatch", role: "img", "aria-label": `Light colour ${color}` }),
        el("span", { class: "light-text" }, color.toUpperCase(), el("br"), `${Math.round((reading.light?.brightness ?? 0) * 100)}% bright`),
        circumplex(reading.valence, reading.arousal))),
    trackList(reading, onPlay));
  card.style.setProperty("--card-color", color);
  return el("li", { class: "msg bot" }, card);
}

function soundscapeFacts(soundscape) {
  if (!soundscape) return null;
  const energy = Math.round((soundscape.energy ?? 0) * 100);
  return el("dl", { class: "facts" },
    fact("Tempo", `${soundscape.tempo_bpm} bpm`),
    fact("Key", `${soundscape.key} ${soundscape.mode}`),
    fact("Energy", el("span", { class: "energy" },
      el("meter", { min: 0, max: 100, value: energy, "aria-label": "Energy" }), ` ${energy}%`)),
    fact("Textures", soundscape.textures.join(" · "), true),
    fact("Genres", el("span", { class: "tags" }, soundscape.genres.map(g => el("span", { class: "tag" }, g))), true));
}

const fact = (name, value, wide = false) =>
  el("div", { class: wide ? "fact wide" : "fact" }, el("dt", null, name), el("dd", null, value));

function trackList(reading, onPlay) {
  const tracks = reading.tracks ?? [];
  if (tracks.length === 0) return null;
  return el("ol", { class: "card-tracks", "aria-label": "Music for this mood" },
    tracks.map((track, index) => {
      const button = el("button", { type: "button", class: "track-button", "data-track": track.id, title: `Play ${track.title}` },
        el("span", { class: "track-play", "aria-hidden": "true" }, "▶"),
        el("span", { class: "track-name" }, track.title),
        el("span", { class: "track-artist" }, track.artist),
        el("span", { class: "track-length" }, clock(track.duration_s)));
      button.addEventListener("click", () => onPlay(reading, index));
      return el("li", null, button);
    }));
}

/** Where the reading sits on the valence/arousal plane (MOODS.md): a dot on a small circle. */
function circumplex(valence, arousal) {
  const svg = document.createElementNS(SvgNs, "svg");
  svg.setAttribute("viewBox", "-1.2 -1.2 2.4 2.4");
  svg.setAttribute("class", "circumplex");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `Pleasantness ${signed(valence)}, energy ${signed(arousal)}`);
  const shape = (name, attributes) => {
    const node = document.createElementNS(SvgNs, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    svg.append(node);
  };
  shape("circle", { cx: 0, cy: 0, r: 1, class: "ring" });
  shape("line", { x1: -1, y1: 0, x2: 1, y2: 0, class: "axis" });
  shape("line", { x1: 0, y1: -1, x2: 0, y2: 1, class: "axis" });
  shape("circle", { cx: clamp(valence), cy: -clamp(arousal), r: 0.2, class: "dot" });
  return svg;
}

const clamp = v => Math.max(-1, Math.min(1, Number(v) || 0));
const signed = v => (v >= 0 ? "+" : "") + clamp(v).toFixed(2);

/** One line of the history list. */
export function historyItem(entry, moods, onOpen) {
  const reading = entry.reading;
  const mood = reading.mood ? moodInfo(moods, reading.mood) : null;
  const when = new Date(entry.at);
  const button = el("button", { type: "button", class: "history-item", title: entry.text },
    el("span", { class: "history-emoji", "aria-hidden": "true" }, mood?.emoji ?? "…"),
    el("span", { class: "history-text" },
      el("span", { class: "history-mood" }, mood?.label ?? "No mood"),
      el("span", { class: "history-said" }, entry.text)),
    el("time", { datetime: entry.at, class: "history-time" },
      Number.isNaN(when.getTime()) ? "" : when.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })));
  if (mood) button.style.setProperty("--card-color", reading.light?.color ?? mood.color);
  button.addEventListener("click", () => onOpen(entry));
  return el("li", null, button);
}
