/* The fan's own layer on every page: follow buttons, the home page's My clubs strip, in-page
   alerts and the spoiler shield's panel (docs/PROTOCOL.md, "Following and alerts"). */
import { startAlerts } from "./alerts.js";
import { startFollowing } from "./follow.js";
import { startMyClubs } from "./my_clubs.js";
import { startPanel } from "./panel.js";
import "./shield.js";

// Another tab of the site changed what the fan follows or their shield: this one follows suit.
window.addEventListener("storage", (event) => {
  if (event.key === "matchcentre.follows") document.dispatchEvent(new CustomEvent("matchcentre:follows"));
  if (event.key === "matchcentre.shield") document.dispatchEvent(new CustomEvent("matchcentre:shield"));
});

startPanel();
startAlerts();
startMyClubs();
startFollowing();
