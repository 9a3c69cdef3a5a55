// Second Round worker: boots Pyodide and the secondround wheel off the main thread as soon as it
// is created, then hands each event from the page to Python and posts back the JSON View. Every
// message, both ways, is JSON text (secondround/protocol.py); this script sends codes, no words.
// Every name it shares with Python or Pyodide (messages and their fields, the Python it calls,
// Pyodide's files) comes from build.mjs, which the build writes.
import {
  DECODER_URL,
  DOWNLOAD_BYTES,
  ENTRY,
  FAILURE,
  FIELD,
  FULL_TREE_EVENTS,
  LOCK_FILE,
  MESSAGE,
  PACKED_FILES,
  PACKED_SUFFIX,
  PYODIDE_DIR,
  PYODIDE_FILE,
  RUNTIME_CACHE,
  STDLIB_URL,
  STEP,
  WHEEL_FORMAT,
  WHEEL_URL,
  WORKER_MODULE,
} from "./build.mjs";
import { decoder, unzstd } from "./unzstd.mjs";

const SITE_ROOT = new URL("../../", import.meta.url);
const PYODIDE_URL = new URL(PYODIDE_DIR + "/", SITE_ROOT).href;
const queue = [];
let handle = null;
let pyodide = null;
// Bytes arrived per download, counted after any decompression by the host's encoding and capped
// at the size the build knows for that file: the progress line stays honest whatever the host does.
const arrived = new Map();
const EXPECTED = Object.values(DOWNLOAD_BYTES).reduce((a, b) => a + b, 0);
let lastReport = 0;
const cacheWrites = [];

// A message as protocol.py declares it: its kind and what it carries.
function post(kind, fields = {}) {
  self.postMessage(JSON.stringify({ [FIELD.type]: kind, ...fields }));
}

function fileName(url) {
  return String(url).split("?")[0].split("/").pop();
}

// A progress message per network chunk would flood the page; a few per second are plenty. The
// page also reads each one as a sign of life: it gives up only after a long silence.
function report(force) {
  const now = performance.now();
  if (!force && now - lastReport < 100) return;
  lastReport = now;
  let loaded = 0;
  for (const [name, bytes] of arrived) loaded += Math.min(bytes, DOWNLOAD_BYTES[name] ?? bytes);
  post(MESSAGE.progress, { [FIELD.loaded]: loaded, [FIELD.expected]: EXPECTED });
}

// A start-up step finished: also a sign of life for the page's stall timer.
function stepDone(step) {
  post(MESSAGE.step, { [FIELD.step]: step });
}

// The page shows the sentence its markup has for the code; the detail (a file, an error) is
// shown beside it as it is.
function failed(code, detail) {
  post(MESSAGE.failed, { [FIELD.code]: code, [FIELD.detail]: String(detail) });
}

// For the benchmark (read from the worker's scope): the WebAssembly heap is most of the kit's memory.
self.secondroundStats = () => ({ wasmBytes: pyodide ? pyodide._module.HEAPU8.byteLength : 0 });

// Count download bytes for the page's progress line; the responses themselves are unchanged,
// but for two things: a runtime file that already arrived (before a Retry) comes from the
// runtime cache, and a packed file (the WebAssembly, the library, the wheel) is fetched as
// `<name>.zst` and handed over unpacked, as it arrives.
const realFetch = self.fetch.bind(self);
const PACKED = new Set(PACKED_FILES);
// The decoder is small (60 KB) and fetched first, beside everything else. It is instantiated
// from its bytes, so a host's type for .wasm does not matter.
let zstd = null;

// Pyodide asks for its files one after another: its loader, then its core script, then the
// WebAssembly and the library. On a phone link each request would wait a round trip behind the
// one before, so all of them start here at once, and the fetch below hands over what was started.
const early = new Map();
function fetchEarly(url) {
  early.set(url, obtain(url).catch(() => null));
}

self.fetch = async (input, init) => {
  const url = String(input);
  const started = early.get(url);
  early.delete(url);
  return (started && (await started)) || obtain(url, input, init);
};

async function obtain(url, input = url, init = undefined) {
  if (!PACKED.has(fileName(url))) return (await keptCopy(url)) || download(url, input, init);
  const source = url.split("?")[0] + PACKED_SUFFIX;
  const response = (await keptCopy(source)) || (await download(source));
  if (!response.ok || !response.body) return response;
  // A packed file as Pyodide expects it: decoded chunk by chunk, so the WebAssembly still
  // compiles while it streams in. The type is set here, whatever the host sent: streaming
  // compilation insists on application/wasm.
  const type = url.endsWith(".wasm") ? "application/wasm" : "application/octet-stream";
  let zstdExports;
  try {
    zstdExports = await zstd;
  } catch {
    // Already reported (loadDecoder): an error Response lets Pyodide fail on its handled path.
    return new Response(null, { status: 503 });
  }
  const body = response.body.pipeThrough(unzstd(zstdExports));
  return new Response(body, { status: 200, headers: { "content-type": type } });
}

function loadDecoder() {
  const url = new URL(DECODER_URL, SITE_ROOT).href;
  const name = fileName(url);
  zstd = realFetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`${name} (HTTP ${response.status})`);
      return response.arrayBuffer();
    })
    .then(decoder);
  // Without it nothing can start: the page hears of it now, with the file's name (a failed
  // fetch rejects with a TypeError that names nothing).
  zstd.catch((error) => failed(FAILURE.download, error instanceof TypeError ? name : error.message));
}

// A runtime file that arrived before a Retry: counted as arrived, not fetched again.
async function keptCopy(url) {
  const kept = await fromRuntimeCache(url);
  if (kept) {
    const name = fileName(url);
    arrived.set(name, DOWNLOAD_BYTES[name] ?? 0);
    report(true);
  }
  return kept;
}

async function download(url, input = url, init = undefined) {
  const name = fileName(url);
  let response;
  try {
    response = await realFetch(input, init);
  } catch {
    // Pyodide would only log this and wait forever: tell the page now, so it can offer Retry.
    // An error Response (not a rejection) lets Pyodide fail through its own handled path.
    failed(FAILURE.download, name);
    return new Response(null, { status: 503 });
  }
  if (!response.ok) failed(FAILURE.download, `${name} (HTTP ${response.status})`);
  if (!response.body) return response;
  const headers = new Headers(response.headers);
  arrived.set(name, 0);
  const counter = new TransformStream({
    transform(chunk, controller) {
      arrived.set(name, arrived.get(name) + chunk.byteLength);
      report(false);
      controller.enqueue(chunk);
    },
    flush() {
      report(true);
    },
  });
  let body = response.body.pipeThrough(counter);
  if (response.ok && (await needsCaching(url))) {
    // A copy goes to the runtime cache as it streams in, so the offline copy (sw.js) need not
    // download the runtime a second time, and a Retry need not either. The copy is read at the
    // link's pace, so the bytes are counted as they arrive, not when Pyodide gets to them.
    const [forPyodide, forCache] = body.tee();
    body = forPyodide;
    const copy = new Response(forCache, { status: response.status, headers });
    cacheWrites.push(caches.open(RUNTIME_CACHE).then((cache) => cache.put(url, copy)).catch(() => {}));
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

async function fromRuntimeCache(url) {
  if (!self.caches || !url.startsWith(PYODIDE_URL)) return null;
  try {
    return (await (await caches.open(RUNTIME_CACHE)).match(url)) || null;
  } catch {
    return null;
  }
}

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
  loadDecoder();
  const wheelUrl = new URL(WHEEL_URL, SITE_ROOT).href;
  const stdlibUrl = new URL(STDLIB_URL, SITE_ROOT).href;
  fetchEarly(PYODIDE_URL + PYODIDE_FILE.wasm);
  fetchEarly(stdlibUrl);
  // The same module record Pyodide's loader imports later: fetched and parsed once, from now.
  import(PYODIDE_URL + PYODIDE_FILE.asm).catch(() => {});
  // The wheel downloads while Pyodide boots.
  const wheel = self.fetch(wheelUrl).then((r) => {
    if (!r.ok) failed(FAILURE.download, `${fileName(wheelUrl)} (HTTP ${r.status})`);
    return r.arrayBuffer();
  });
  const { loadPyodide } = await import(PYODIDE_URL + PYODIDE_FILE.loader);
  stepDone(STEP.loader);
  pyodide = await loadPyodide({
    indexURL: PYODIDE_URL,
    // The standard library trimmed to what the kit imports, and a lock file with no packages.
    stdLibURL: stdlibUrl,
    lockFileContents: LOCK_FILE,
    stdout: () => {},
    stderr: console.warn,
  });
  performance.mark("sr-pyodide-loaded");
  post(MESSAGE.starting);
  pyodide.unpackArchive(await wheel, WHEEL_FORMAT);
  stepDone(STEP.wheel);
  const entry = pyodide.pyimport(WORKER_MODULE);
  performance.mark("sr-imported");
  // Keystrokes sent while Python was busy starting still wait in this worker's task queue (the
  // start-up above yields only microtasks): one task's turn lets them join the queue, so the
  // first View answers them all at once, not one View per keystroke after it.
  await new Promise((resolve) => setTimeout(resolve, 0));
  handle = entry[ENTRY.handle];
  // Events that arrived while Python booted, in order, answered with one View: nothing typed
  // early is lost, and no View is drawn that the next one replaces at once.
  if (queue.length) self.postMessage(entry[ENTRY.handle_all](JSON.stringify(queue.splice(0))));
  // The page sets up the offline copy once the runtime is in its cache (or could not be).
  Promise.allSettled(cacheWrites).then(() => post(MESSAGE.runtime_cached));
  // Then, one short step per task so a real event never waits behind more than one: draw the
  // other applications ahead of a switch (see prepare() in worker.py), and warm the engine up
  // (rehearse()), which stops as soon as the reader acts.
  for (let step = 0; ; step++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!entry[ENTRY.prepare](step)) break;
  }
  for (let step = 0; step < REHEARSALS && !busy; step++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!busy) entry[ENTRY.rehearse](step);
  }
}

const REHEARSALS = 120;
let busy = false;

self.onmessage = (message) => {
  const text = message.data;
  if (!FULL_TREE_EVENTS.includes(JSON.parse(text)[FIELD.type])) busy = true;
  if (handle) self.postMessage(handle(text));
  else queue.push(text);
};

start().catch((error) => failed(FAILURE.start, (error && error.message) || error));
