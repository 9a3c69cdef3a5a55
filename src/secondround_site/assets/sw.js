// Second Round service worker: one cache per build of the site, filled at install. Pages and
// unversioned files come from the network first (so an update is never hidden behind a stale
// copy) and from the cache when offline; the versioned Pyodide runtime and the hashed wheel
// come from the cache first. Anything it cannot serve falls through to the network.
// The runtime has a cache of its own, one per Pyodide version, which the kit's worker fills
// as it downloads it: the runtime is never downloaded twice, and survives site updates.
// The build writes each name in (secondround_site/offline.py): none is typed here.
const CACHE = __CACHE__;
const RUNTIME_CACHE = __RUNTIME_CACHE__;
const PRECACHE = __PRECACHE__;
// Every cache of ours starts with one of these.
const CACHE_PREFIXES = __CACHE_PREFIXES__;
// The runtime's folder, named by its version, and the wheel's, named by its hash.
const IMMUTABLE = new RegExp(__IMMUTABLE_PATH__);

self.addEventListener("install", (event) => {
  const scope = self.registration.scope;
  // addAll is all or nothing: a half-filled cache is never left behind as if it were whole.
  event.waitUntil(
    (async () => {
      const runtime = await caches.open(RUNTIME_CACHE);
      const urls = [];
      for (const url of PRECACHE) {
        const absolute = new URL(url, scope).href;
        if (!(await runtime.match(absolute))) urls.push(absolute);
      }
      const cache = await caches.open(CACHE);
      // "no-cache" revalidates with the server: a copy in the HTTP cache from an older build
      // is never taken for this one, and an unchanged file costs only a 304.
      await cache.addAll(urls.map((url) => new Request(url, { cache: "no-cache" })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names
          .filter((name) => CACHE_PREFIXES.some((prefix) => name.startsWith(prefix)))
          .filter((name) => name !== CACHE && name !== RUNTIME_CACHE)
          .map((name) => caches.delete(name)),
      ))
      .then(pruneRuntime)
      .then(() => self.clients.claim()),
  );
});

// The runtime cache outlives site updates; a runtime file this build no longer uses (an older
// trimmed standard library, named by its hash) goes.
async function pruneRuntime() {
  const scope = self.registration.scope;
  const used = new Set(PRECACHE.map((url) => new URL(url, scope).href));
  const runtime = await caches.open(RUNTIME_CACHE);
  for (const request of await runtime.keys()) {
    if (!used.has(request.url)) await runtime.delete(request);
  }
}

async function networkFirst(request) {
  try {
    const response = await fetch(request, { cache: "no-cache" });
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy)).catch(() => {});
    }
    return response;
  } catch (offline) {
    const cached = await caches.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw offline;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    // Repairs a cache that lost an entry: the next visit finds it again.
    caches.open(CACHE).then((cache) => cache.put(request, copy)).catch(() => {});
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(IMMUTABLE.test(url.pathname) ? cacheFirst(request) : networkFirst(request));
});
