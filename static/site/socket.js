/* One websocket a page keeps open: the match page, the console and the scores on the home
   and table pages all connect through it (docs/PROTOCOL.md, "The client's rules").

   Whenever the socket closes, whatever the code, it connects again after a wait that doubles
   with each failure in a row from 1 s and stops growing at 30 s; a random part of up to half
   the wait is taken off (jitter), so fans cut off together do not all come back at the same
   moment, and no wait ever reaches 30 s. With `since`, each connection asks for what came
   after the last update the page applied (`?since=N`), so a reconnect is also the catch-up. */

export const FIRST_WAIT_MS = 1000;
export const LONGEST_WAIT_MS = 30000;

/* The wait before connecting again after `failures` (1, 2, …) closes in a row: in
   [ceiling / 2, ceiling), where ceiling = min(30 s, 1 s × 2^(failures − 1)). */
export function reconnectDelay(failures, random = Math.random) {
  const ceiling = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - 1));
  return ceiling * (0.5 + random() / 2);
}

function addressOf(path, since) {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const query = since ? `?since=${since()}` : "";
  return `${scheme}//${location.host}${path}${query}`;
}

/* Opens `path` and keeps it open. `since()` gives the last seq the page applied; each message
   that is JSON goes to `onMessage`; `onOpen()` and `onClose(failures)` say how it stands.
   Answers null where the browser has no websockets. */
export function liveSocket(path, { since = null, onOpen = () => {}, onMessage = () => {}, onClose = () => {} } = {}) {
  if (!("WebSocket" in window)) return null;
  let socket = null;
  let failures = 0;

  function connect() {
    socket = new WebSocket(addressOf(path, since));
    socket.addEventListener("open", () => {
      failures = 0;
      onOpen();
    });
    socket.addEventListener("message", (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (error) {
        return; // a frame that is not JSON is skipped
      }
      onMessage(message);
    });
    socket.addEventListener("close", () => {
      socket = null;
      failures += 1;
      onClose(failures);
      setTimeout(connect, reconnectDelay(failures));
    });
  }

  connect();
  return {
    /* Sends a message if the socket is open; false if it is not (the caller may poll instead). */
    send(message) {
      if (!socket || socket.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(message));
      return true;
    },
  };
}
