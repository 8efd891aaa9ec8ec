/* Match-page polls: votes without a page reload, and the numbers a live push brings.
 *
 * Without this script the poll's form posts and the server redirects back to the page.
 * With it, the same form is sent with fetch (CSRF token from the form, URL-encoded) and
 * the answer, the poll's JSON payload, redraws the poll in place.
 * MatchCentrePolls.applyTally(tally) takes the payload of polls.selectors.poll_tally, as
 * the match websocket will push it.
 */
(function () {
  "use strict";

  function votesLabel(total) {
    if (!total) return "No votes yet.";
    return total.toLocaleString("en-GB") + (total === 1 ? " vote" : " votes");
  }

  function sectionFor(pollId) {
    return document.querySelector('section.poll[data-poll="' + pollId + '"]');
  }

  function applyTally(tally) {
    var section = sectionFor(tally.id);
    if (!section) return;
    tally.options.forEach(function (option) {
      var row = section.querySelector('[data-option="' + option.id + '"]');
      if (!row) return;
      var percent = option.percent.toFixed(1) + "%";
      row.querySelector(".poll__percent").textContent = percent;
      row.querySelector(".poll__fill").style.width = percent;
    });
    section.querySelector(".poll__total").textContent = votesLabel(tally.total);
    if (!tally.is_open) {
      section.classList.add("poll--closed");
      section.querySelector(".poll__answers").disabled = true;
      section.querySelector(".poll__state").textContent = "Voting has closed.";
    }
  }

  function applyChoice(poll) {
    var section = sectionFor(poll.id);
    if (!section || !poll.choice) return;
    poll.options.forEach(function (option) {
      var row = section.querySelector('[data-option="' + option.id + '"]');
      if (!row) return;
      row.classList.toggle("poll__option--chosen", option.chosen);
      row.querySelector(".poll__choose").setAttribute("aria-pressed", String(option.chosen));
      row.querySelector(".poll__yours").hidden = !option.chosen;
    });
    section.querySelector(".poll__answers").disabled = true;
    if (poll.is_open) section.querySelector(".poll__state").textContent = "Thanks for voting.";
  }

  function say(form, text) {
    form.closest("section.poll").querySelector(".poll__message").textContent = text;
  }

  function submitWithoutScript(form, value) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = "option";
    input.value = value;
    form.appendChild(input);
    HTMLFormElement.prototype.submit.call(form);
  }

  function vote(event) {
    var form = event.target;
    if (!form.matches || !form.matches("form.poll__form") || !window.fetch) return;
    var button = event.submitter;
    if (!button || button.name !== "option") return;
    event.preventDefault();
    var fields = new FormData(form);
    fields.set("option", button.value);
    // Sent URL-encoded, as the form itself would be: the server reads it far faster than multipart.
    var body = new URLSearchParams(fields);
    var answers = form.querySelector(".poll__answers");
    answers.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-Requested-With": "XMLHttpRequest" },
    })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("application/json") === -1) throw new Error("not json");
        return response.json().then(function (data) {
          if (data.poll) {
            applyTally(data.poll);
            applyChoice(data.poll);
          } else {
            answers.disabled = response.status === 409; // 409: the poll has closed.
          }
          say(form, data.message || data.error || "");
        });
      })
      .catch(function () {
        answers.disabled = false;
        submitWithoutScript(form, button.value);
      });
  }

  document.addEventListener("submit", vote);
  window.MatchCentrePolls = { applyTally: applyTally };
})();
