// One <audio> element for the reading being listened to: play/pause, previous/next through its
// tracks, a seek bar, and thumbs up/down per track.
import { clock } from "./dom.js";

const Loopback = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * The bot names its music links after the address each request came to, but a reading restored
 * from history may carry an address this browser cannot reach now (the page opened from another
 * host or port). The page was loaded from the bot itself, so the bot's own links play from the
 * page's origin; links to anywhere else are left alone.
 */
export function playable(url) {
  let link;
  try {
    link = new URL(url, location.href);
  } catch {
    return url;
  }
  const own = link.pathname.startsWith("/audio/") && (Loopback.test(link.hostname) || link.hostname === location.hostname);
  return own ? link.pathname + link.search : link.href;
}

export class Player {
  /**
   * @param {HTMLElement} root the #player section
   * @param {(track: object, mood: string, liked: boolean) => Promise<void>} onVote
   */
  constructor(root, onVote) {
    this.root = root;
    this.onVote = onVote;
    this.audio = root.querySelector("audio");
    this.reading = null;
    this.index = 0;
    /** @type {Map<string, boolean>} votes given on this page, by track id */
    this.votes = new Map();
    this.seeking = false;

    const $ = id => root.querySelector(`#${id}`);
    this.title = $("track-title");
    this.meta = $("track-meta");
    this.position = $("track-position");
    this.status = $("player-status");
    this.seek = $("seek");
    this.elapsed = $("time-elapsed");
    this.total = $("time-total");
    this.playButton = $("play");
    this.previousButton = $("previous");
    this.nextButton = $("next");
    this.up = $("thumbs-up");
    this.down = $("thumbs-down");

    this.playButton.addEventListener("click", () => this.toggle());
    this.previousButton.addEventListener("click", () => this.step(-1));
    this.nextButton.addEventListener("click", () => this.step(1));
    this.up.addEventListener("click", () => this.vote(true));
    this.down.addEventListener("click", () => this.vote(false));

    this.seek.addEventListener("input", () => {
      this.seeking = true;
      this.elapsed.textContent = clock(Number(this.seek.value));
    });
    this.seek.addEventListener("change", () => {
      this.seeking = false;
      if (Number.isFinite(this.audio.duration)) this.audio.currentTime = Number(this.seek.value);
    });

    this.audio.addEventListener("play", () => this.showPlaying(true));
    this.audio.addEventListener("pause", () => this.showPlaying(false));
    this.audio.addEventListener("timeupdate", () => this.showTime());
    this.audio.addEventListener("durationchange", () => this.showTime());
    this.audio.addEventListener("ended", () => this.step(1));
    this.audio.addEventListener("error", () => {
      if (!this.reading) return;
      this.say("This track won't play; its link may have expired. Try \"something else\" for fresh music.");
    });
  }

  get track() {
    return this.reading?.tracks?.[this.index] ?? null;
  }

  /** Shows the reading's tracks and starts the one at index (autoplay only when a person just asked). */
  load(reading, index = 0, autoplay = true) {
    if (!reading?.tracks?.length) return;
    this.reading = reading;
    this.root.hidden = false;
    this.root.style.setProperty("--card-color", reading.light?.color ?? "#8b93ff");
    this.select(index, autoplay);
  }

  select(index, autoplay) {
    const count = this.reading.tracks.length;
    this.index = ((index % count) + count) % count;
    const track = this.track;
    this.say("");
    this.audio.src = playable(track.url);
    this.audio.load();
    this.title.textContent = track.title;
    this.meta.textContent = `${track.artist} · ${track.licence}`;
    this.position.textContent = `${this.index + 1} / ${count}`;
    this.previousButton.disabled = this.nextButton.disabled = count < 2;
    this.showVote();
    this.showTime();
    document.dispatchEvent(new CustomEvent("moodbot:track", { detail: { id: track.id } }));
    if (autoplay) this.play();
  }

  step(delta) {
    if (this.reading) this.select(this.index + delta, true);
  }

  async play() {
    try {
      await this.audio.play();
    } catch (error) {
      // Browsers refuse to start sound before a person has used the page; say how to start it.
      if (error?.name === "NotAllowedError") this.say("Press play to start the music.");
      else if (error?.name !== "AbortError") this.say("This track won't play here.");
    }
  }

  toggle() {
    if (this.audio.paused) this.play();
    else this.audio.pause();
  }

  async vote(liked) {
    const track = this.track;
    if (!track) return;
    try {
      await this.onVote(track, this.reading.mood, liked);
      this.votes.set(track.id, liked);
      this.showVote();
      this.say(liked ? "Noted. I'll play that one more often." : "Got it, less of that one.");
    } catch (error) {
      this.say(error.message);
    }
  }

  showVote() {
    const vote = this.votes.get(this.track?.id);
    this.up.setAttribute("aria-pressed", String(vote === true));
    this.down.setAttribute("aria-pressed", String(vote === false));
  }

  showPlaying(playing) {
    this.root.classList.toggle("playing", playing);
    this.playButton.setAttribute("aria-label", playing ? "Pause" : "Play");
    this.playButton.title = playing ? "Pause" : "Play";
  }

  showTime() {
    // Soundscapes stream while they render, so the element may not know the length yet: the
    // catalogue's length stands in until it does.
    const known = Number.isFinite(this.audio.duration) && this.audio.duration > 0;
    const total = known ? this.audio.duration : this.track?.duration_s ?? 0;
    this.seek.max = String(Math.max(1, Math.round(total)));
    this.seek.disabled = !known;
    if (!this.seeking) {
      this.seek.value = String(Math.round(this.audio.currentTime || 0));
      this.elapsed.textContent = clock(this.audio.currentTime || 0);
    }
    this.total.textContent = clock(total);
    this.seek.style.setProperty("--progress", `${total > 0 ? Math.min(100, (this.audio.currentTime / total) * 100) : 0}%`);
  }

  say(text) {
    this.status.textContent = text;
  }
}
