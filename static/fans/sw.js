/* MatchCentre's service worker (served as /sw.js, scope "/"): Web Push alerts, and the stadium
   mode that keeps the last copy of the site's pages for when the network is gone.

   Pages and static files are fetched from the network first, exactly as without a worker (a
   conditional GET stays one: the browser's own HTTP cache answers it), and the answer is kept;
   only when the network fails is the kept copy served. So online nothing stale is ever shown,
   and offline the match pages a fan opened (and those they follow, which the page keeps here)
   still open, with the last state they had (static/fans/stadium.js says "as of 61'"). */
const CACHE = "matchcentre-stadium-v1";
const KEPT_PATHS = [/^\/$/, /^\/matches\/\d+\/([\w-]+\/)?$/, /^\/static\//, /^\/manifest\.webmanifest$/];
const NEVER = [/^\/(api|ws|console|accounts|admin|push|me)\//, /\/updates$/];

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith("matchcentre-") && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

function kept(request) {
  if (request.method !== "GET") return false;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return false;
  if (NEVER.some((pattern) => pattern.test(url.pathname))) return false;
  return KEPT_PATHS.some((pattern) => pattern.test(url.pathname));
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // A page's copy is kept by its address alone: a match page has no query that matters offline.
    const storable = !/no-store/.test(response.headers.get("Cache-Control") || "");
    if (response.ok && response.type === "basic" && storable) cache.put(request.url.split("?")[0], response.clone());
    return response;
  } catch (error) {
    // ignoreVary: the copy is this browser's own, whatever the page varies on (its cookies).
    const copy = await cache.match(request.url.split("?")[0], { ignoreVary: true });
    if (copy) return copy;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  if (kept(event.request)) event.respondWith(networkFirst(event.request));
});

/* An alert (fans/alerts_plan.py: title, body, url, tag). */
self.addEventListener("push", (event) => {
  let alert = {};
  try {
    alert = event.data ? event.data.json() : {};
  } catch (error) {
    alert = { title: "MatchCentre", body: event.data ? event.data.text() : "" };
  }
  const title = alert.title || "MatchCentre";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: alert.body || "",
      tag: alert.tag || undefined, // the page's own alerts (static/fans/alerts.js) use the same tag
      renotify: Boolean(alert.tag),
      icon: "/static/site/favicon.svg",
      data: { url: alert.url || "/", seq: alert.seq, match: alert.match },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL((event.notification.data && event.notification.data.url) || "/", self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => client.url.split("#")[0] === url);
      return open ? open.focus() : self.clients.openWindow(url);
    }),
  );
});
