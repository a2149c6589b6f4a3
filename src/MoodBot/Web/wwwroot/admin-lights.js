// The site admin's Hue page (/admin/lights): paired and discovered bridges, pairing one while its
// link button is pressed, and which chat places drive which Hue rooms. Every call needs the site
// admin (the bot's own machine, or the Web:AdminToken entered here); keys never reach the page.
import { AdminApi } from "./api.js";
import { adminToken, setAdminToken } from "./storage.js";
import { el } from "./dom.js";

const $ = id => document.getElementById(id);
/** How often the pairing's progress is asked for; the server asks the bridge once a second. */
const PollMs = 1000;

let api = new AdminApi(adminToken());
let polling = false;

function say(id, text) {
  $(id).textContent = text;
}

function button(label, action, extra = "") {
  const made = el("button", { type: "button", class: `ghost small ${extra}`.trim() }, label);
  made.addEventListener("click", action);
  return made;
}

/** Hides what needs the site admin when the server says this browser is not (403), with its reason. */
function showAccess(error) {
  const refused = error?.status === 403;
  for (const id of ["bridges-section", "pair-section", "links-section"]) $(id).hidden = refused;
  say("access-status", refused ? error.message : "");
  return refused;
}

async function refresh() {
  await Promise.all([showBridges(), showLinks(), resumePairing()]);
}

async function showBridges() {
  say("bridges-status", "Looking for Hue bridges on this network…");
  let bridges;
  try {
    bridges = await api.bridges();
  } catch (error) {
    if (!showAccess(error)) say("bridges-status", error.message);
    return;
  }

  showAccess(null);
  $("paired").replaceChildren(...bridges.paired.map(bridge => el("li", null,
    `Bridge ${bridge.id} at ${bridge.address} `,
    button("Forget bridge", () => forget(bridge.id), "danger"))));
  $("candidates").replaceChildren(...bridges.candidates.map(found => el("li", null,
    `${found.address}${found.bridge_id ? ` (bridge ${found.bridge_id})` : ""}, from ${found.source} `,
    button("Pair", () => pair(found.address, found.bridge_id)))));
  say("bridges-status", [
    bridges.paired.length === 0 ? "No bridge is paired yet." : "",
    bridges.candidates.length === 0 ? "No other bridge answered; type its address below (find it in the Hue app, Settings > Bridges)." : "",
  ].filter(Boolean).join(" "));
}

async function forget(id) {
  if (!confirm(`Forget bridge ${id}? Every room and channel linked to its lights is unlinked.`)) return;
  try {
    await api.forget(id);
    say("bridges-status", `Forgot bridge ${id}.`);
    await Promise.all([showBridges(), showLinks()]);
  } catch (error) {
    if (!showAccess(error)) say("bridges-status", error.message);
  }
}

async function pair(address, bridgeId) {
  try {
    const started = await api.pair(address, bridgeId);
    showPairing(started);
    await followPairing();
  } catch (error) {
    if (!showAccess(error)) say("pair-status", error.message);
  }
}

/** A pairing started before this page loaded (or in another tab) is shown too. */
async function resumePairing() {
  try {
    const status = await api.pairing();
    if (status.running) await followPairing();
  } catch {
    // 404 (none since the bot started) or 403 (shown by the other calls): nothing to follow.
  }
}

async function followPairing() {
  if (polling) return;
  polling = true;
  try {
    for (;;) {
      await new Promise(resolve => setTimeout(resolve, PollMs));
      const status = await api.pairing();
      showPairing(status);
      if (!status.running) {
        if (status.state === "paired") await Promise.all([showBridges(), showLinks()]);
        return;
      }
    }
  } catch (error) {
    say("pair-status", error.message);
  } finally {
    polling = false;
  }
}

function showPairing(status) {
  $("pair").disabled = status.running;
  say("pair-status",
    status.state === "checking" ? `Checking that ${status.address} is a Hue bridge…`
      : status.state === "waiting" ? `Waiting for the link button on bridge ${status.bridge_id} at ${status.address}… ${status.seconds_left ?? 0} s left.`
        : status.state === "paired" ? `Paired with bridge ${status.bridge_id} at ${status.address}.`
          : `Pairing failed: ${status.error}`);
}

function placeLabel(link) {
  switch (link.kind) {
    case "room": return el("a", { href: `/rooms/${encodeURIComponent(link.name)}` }, `Listening room ${link.name}`);
    case "discord": return `Discord channel ${link.name}`;
    case "slack": return `Slack channel ${link.name}`;
    default: return link.place;
  }
}

function linkItem(link) {
  return el("li", null, placeLabel(link), " ",
    button("Unlink", () => unlink(link)));
}

async function showLinks() {
  let lights;
  try {
    lights = await api.links();
  } catch (error) {
    if (!showAccess(error)) say("links-status", error.message);
    return;
  }

  const key = item => `${item.bridge_id}/${item.group_id}`;
  const known = new Set(lights.groups.map(key));
  const groups = lights.groups.map(group => {
    const linked = lights.links.filter(link => key(link) === key(group));
    return el("li", null, el("strong", null, group.name), ` (bridge ${group.bridge_id})`,
      linked.length === 0 ? el("span", { class: "muted" }, ": not linked")
        : el("ul", { class: "lights-list" }, ...linked.map(linkItem)));
  });
  // Links to rooms a bridge did not list now (it is down, or the room was deleted in the Hue app).
  const others = lights.links.filter(link => !known.has(key(link))).map(link =>
    el("li", null, el("strong", null, link.group_name), ` (bridge ${link.bridge_id}, not answering now): `, placeLabel(link), " ",
      button("Unlink", () => unlink(link))));
  $("groups").replaceChildren(...groups, ...others);
  say("links-status", lights.problems.length > 0 ? lights.problems.join(" ")
    : lights.groups.length === 0 && others.length === 0 ? "No rooms or zones yet: pair a bridge, and make rooms in the Hue app." : "");
}

async function unlink(link) {
  try {
    await api.unlink(link.place, link.bridge_id, link.group_id);
    await showLinks();
    say("links-status", `Unlinked ${link.group_name}.`);
  } catch (error) {
    if (!showAccess(error)) say("links-status", error.message);
  }
}

$("pair-form").addEventListener("submit", event => {
  event.preventDefault();
  const address = $("pair-address").value.trim();
  if (address) pair(address, null);
});

$("token-form").addEventListener("submit", event => {
  event.preventDefault();
  setAdminToken($("token-input").value.trim());
  $("token-input").value = "";
  api = new AdminApi(adminToken());
  say("access-status", "Token kept for this tab.");
  refresh();
});

$("token-forget").addEventListener("click", () => {
  setAdminToken("");
  api = new AdminApi("");
  refresh();
});

// "ready" once the first answers are shown (the browser tests wait for it).
refresh().finally(() => document.body.classList.add("ready"));
