// Second Round worker: boots Pyodide and the secondround wheel off the main thread as soon as it
// is created, then hands each event from the page to Python and posts back the JSON View.
import { PYODIDE_DIR, RUNTIME_CACHE, WHEEL_URL } from "./build.mjs";

const SITE_ROOT = new URL("../../", import.meta.url);
const PYODIDE_URL = new URL(PYODIDE_DIR + "/", SITE_ROOT).href;
const queue = [];
let handle = null;
let pyodide = null;
let loaded = 0;
let expected = 0;
let lastReport = 0;
const cacheWrites = [];

// A progress message per network chunk would flood the page; a few per second are plenty.
function report(force) {
  const now = performance.now();
  if (!force && now - lastReport < 100) return;
  lastReport = now;
  self.postMessage({ type: "progress", loaded, expected });
}

function failed(message) {
  self.postMessage(JSON.stringify({ type: "error", message }));
}

// For the benchmark (read from the worker's scope): the WebAssembly heap is most of the kit's memory.
self.secondroundStats = () => ({ wasmBytes: pyodide ? pyodide._module.HEAPU8.byteLength : 0 });

// Count download bytes for the page's progress line; the responses themselves are unchanged.
const realFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
  let response;
  try {
    response = await realFetch(input, init);
  } catch {
    // Pyodide would only log this and wait forever: tell the page now, so it can offer Retry.
    // An error Response (not a rejection) lets Pyodide fail through its own handled path.
    failed(`download failed: ${input}`);
    return new Response(null, { status: 503, statusText: "download failed" });
  }
  if (!response.ok) failed(`download failed: ${input} (HTTP ${response.status})`);
  if (!response.body) return response;
  let body = response.body;
  if (response.ok && (await needsCaching(String(input)))) {
    // A copy goes to the runtime cache as it streams in, so the offline copy (sw.js) need not
    // download the runtime a second time.
    const [forPyodide, forCache] = body.tee();
    body = forPyodide;
    const copy = new Response(forCache, { status: response.status, headers: response.headers });
    cacheWrites.push(caches.open(RUNTIME_CACHE).then((cache) => cache.put(String(input), copy)));
  }
  expected += Number(response.headers.get("content-length")) || 0;
  const counter = new TransformStream({
    transform(chunk, controller) {
      loaded += chunk.byteLength;
      report(false);
      controller.enqueue(chunk);
    },
    flush() {
      report(true);
    },
  });
  return new Response(body.pipeThrough(counter), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};

// Runtime files not cached yet (a repeat visit gets them from the cache, through sw.js).
async function needsCaching(url) {
  if (!self.caches || !url.startsWith(PYODIDE_URL)) return false;
  try {
    return !(await (await caches.open(RUNTIME_CACHE)).match(url));
  } catch {
    return false;
  }
}

async function start() {
  const wheelUrl = new URL(WHEEL_URL, SITE_ROOT).href;
  // The wheel downloads while Pyodide boots.
  const wheel = realFetch(wheelUrl).then((r) => {
    if (!r.ok) throw new Error(`download failed: ${wheelUrl} (HTTP ${r.status})`);
    return r.arrayBuffer();
  });
  const { loadPyodide } = await import(PYODIDE_URL + "pyodide.mjs");
  pyodide = await loadPyodide({ indexURL: PYODIDE_URL, stdout: () => {}, stderr: console.warn });
  performance.mark("sr-pyodide-loaded");
  self.postMessage({ type: "starting" });
  pyodide.unpackArchive(await wheel, "wheel");
  const entry = pyodide.pyimport("secondround.worker");
  handle = entry.handle;
  performance.mark("sr-imported");
  // Events that arrived while Python booted, in order: nothing typed early is lost.
  while (queue.length) self.postMessage(handle(queue.shift()));
  // The page sets up the offline copy once the runtime is in its cache (or could not be).
  Promise.allSettled(cacheWrites).then(() => self.postMessage({ type: "runtime-cached" }));
  // Then warm the engine up (see rehearse() in worker.py), one short step per task, so a real
  // event never waits behind more than one step; it stops as soon as the reader acts.
  for (let step = 0; step < REHEARSALS && !busy; step++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!busy) entry.rehearse(step);
  }
}

const REHEARSALS = 120;
let busy = false;

self.onmessage = (message) => {
  const text = JSON.stringify(message.data);
  if (message.data.type !== "boot" && message.data.type !== "mount") busy = true;
  if (handle) self.postMessage(handle(text));
  else queue.push(text);
};

start().catch((error) => failed(String((error && error.message) || error)));
