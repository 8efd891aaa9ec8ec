/* Before the page is drawn (a classic script, run where it stands in the header): the fan's
   spoiler shield marks the page, so no score shows for a moment that it should hide.
   `is-hiding-scores`: the home page's scores stay covered until tapped. `is-shielding`: a delay
   is set, so the live scores the page was rendered with (newer than the fan's picture) stay
   covered until the delay has passed (static/fans/shield.js lifts it). */
(function () {
  try {
    var shield = JSON.parse(localStorage.getItem("matchcentre.shield") || "null") || {};
    var html = document.documentElement;
    if (shield.hideScores === true) html.classList.add("is-hiding-scores");
    if (Number(shield.delay) > 0) html.classList.add("is-shielding");
  } catch (error) {
    // No storage: nothing is kept, nothing is hidden.
  }
})();
