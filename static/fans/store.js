/* What a fan keeps in this browser, no account needed: the clubs and matches they follow, and
   their spoiler shield (how far behind their picture is, whether the home page hides scores).
   Kept in localStorage; a change is told to the page's other scripts as a `matchcentre:follows`
   or `matchcentre:shield` event on `document`, and to the fan's other tabs by the browser's own
   `storage` event. A signed-in fan's follows are kept with the account too (follow.js). */

const FOLLOWS = "matchcentre.follows";
const SHIELD = "matchcentre.shield";
// The longest delay a fan may set: a whole match and its breaks, watched from kick-off.
export const LONGEST_DELAY_SECONDS = 4 * 60 * 60;

function read(key, fallback) {
  try {
    const value = JSON.parse(localStorage.getItem(key) || "null");
    return value && typeof value === "object" ? value : fallback;
  } catch (error) {
    return fallback; // storage refused (private mode) or not JSON: as if nothing were kept
  }
}

function write(key, value, event) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch (error) {
    // Kept for this page only.
  }
  document.dispatchEvent(new CustomEvent(event, { detail: value }));
}

function ids(list) {
  return Array.isArray(list) ? [...new Set(list.map(Number).filter((id) => Number.isInteger(id) && id > 0))] : [];
}

/* {teams: [ids], matches: [ids]}, in the order followed. */
export function followed() {
  const kept = read(FOLLOWS, {});
  return { teams: ids(kept.teams), matches: ids(kept.matches), user: kept.user || null };
}

export function isFollowed(kind, id) {
  return followed()[kind === "team" ? "teams" : "matches"].includes(Number(id));
}

export function setFollowed(kind, id, on) {
  const now = followed();
  const key = kind === "team" ? "teams" : "matches";
  const rest = now[key].filter((each) => each !== Number(id));
  now[key] = on ? [...rest, Number(id)] : rest;
  write(FOLLOWS, now, "matchcentre:follows");
}

/* Keeps what the account holds (after sign-in, the union), and whose it is. */
export function replaceFollowed({ teams, matches }, user) {
  write(FOLLOWS, { teams: ids(teams), matches: ids(matches), user }, "matchcentre:follows");
}

/* {delay: seconds behind, hideScores: bool}. */
export function shieldSetting() {
  const kept = read(SHIELD, {});
  const delay = Math.round(Number(kept.delay) || 0);
  return { delay: Math.min(Math.max(delay, 0), LONGEST_DELAY_SECONDS), hideScores: kept.hideScores === true };
}

export function setShieldSetting(changes) {
  write(SHIELD, { ...shieldSetting(), ...changes }, "matchcentre:shield");
}
