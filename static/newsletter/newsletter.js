/* Newsletter sign-up without a page reload.
 *
 * Without this script the form posts and the server redirects back to the page with a
 * message. With it, the same form (CSRF token included) is sent with fetch, asking for
 * JSON, and the answer's message is shown in the box's status line, which screen readers
 * announce. If anything but JSON comes back, the form is posted the ordinary way.
 */
(function () {
  "use strict";

  function say(form, text, ok) {
    var box = form.closest("section.newsletter").querySelector(".newsletter__message");
    box.textContent = "";
    var line = document.createElement("span");
    line.className = "newsletter__says newsletter__says--" + (ok ? "success" : "error");
    line.textContent = text;
    box.appendChild(line);
  }

  function submit(event) {
    var form = event.target;
    if (!form.matches || !form.matches("form.newsletter__form") || !window.fetch) return;
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-Requested-With": "XMLHttpRequest" },
    })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("application/json") === -1) throw new Error("not json");
        return response.json().then(function (data) {
          say(form, data.message || "", Boolean(data.ok));
          if (data.ok) form.querySelector("input[type=email]").value = "";
          button.disabled = false;
        });
      })
      .catch(function () {
        button.disabled = false;
        HTMLFormElement.prototype.submit.call(form);
      });
  }

  document.addEventListener("submit", submit);
})();
