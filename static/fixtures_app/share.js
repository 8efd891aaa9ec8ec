/* "Copy link" for the share block. The share links themselves are plain links and work
 * without this script; the copy button stays hidden until this script shows it.
 * navigator.clipboard needs a secure context (https or localhost); elsewhere, or when it is
 * refused, a hidden text field and execCommand("copy") are tried, and failing both the
 * address is shown so that the reader can copy it by hand.
 */

function copyWithField(text) {
  const field = document.createElement("textarea");
  field.value = text;
  field.setAttribute("readonly", "");
  field.style.position = "fixed";
  field.style.opacity = "0";
  document.body.appendChild(field);
  field.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch (error) {
    copied = false;
  }
  document.body.removeChild(field);
  return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
}

function copy(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text).catch(() => copyWithField(text));
  }
  return copyWithField(text);
}

function say(button, text) {
  const status = button.closest(".share").querySelector(".share__status");
  if (status) status.textContent = text;
}

for (const button of document.querySelectorAll("button[data-copy-url]")) {
  button.hidden = false;
  button.addEventListener("click", () => {
    const url = button.getAttribute("data-copy-url");
    copy(url).then(
      () => say(button, "Link copied."),
      () => say(button, `Copy this link: ${url}`),
    );
  });
}
