/* The CSRF token a form sent by script carries from a page every reader shares.

   Such a page (match, home, table) has no token of its own: a CDN keeps one copy for every
   reader. Django's check is a double submit: the form's token must match the `csrftoken` cookie,
   which a page of another site can neither read nor set. So the script makes this browser's
   secret once, keeps it as that cookie, and sends the same value with the form; a token the page
   does carry (a signed-in reader's page) is used as it is. (A form posted without script passes
   on the browser's own word that the site's page sent it: matchcentre/csrf.py.) */
const COOKIE = "csrftoken"; // settings.CSRF_COOKIE_NAME, Django's default
const SECRET = /(?:^|;\s*)csrftoken=([A-Za-z0-9]{32}|[A-Za-z0-9]{64})(?:;|$)/;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function newSecret() {
  if (!window.crypto || !window.crypto.getRandomValues) return "";
  // 62 * 4 = 248: bytes from 248 up are drawn again, so every character is equally likely.
  const chars = [];
  while (chars.length < 32) {
    for (const byte of window.crypto.getRandomValues(new Uint8Array(48))) {
      if (byte < 248 && chars.length < 32) chars.push(ALPHABET[byte % 62]);
    }
  }
  return chars.join("");
}

/* Puts this browser's token in `fields` (FormData) unless the page's form carried one. */
export function withCsrfToken(fields) {
  if (fields.get("csrfmiddlewaretoken")) return fields;
  const kept = document.cookie.match(SECRET);
  let secret = kept ? kept[1] : "";
  if (!secret) {
    secret = newSecret();
    if (!secret) return fields;
    const secure = location.protocol === "https:" ? ";secure" : "";
    document.cookie = `${COOKIE}=${secret};path=/;max-age=31449600;samesite=lax${secure}`;
  }
  fields.set("csrfmiddlewaretoken", secret);
  return fields;
}
