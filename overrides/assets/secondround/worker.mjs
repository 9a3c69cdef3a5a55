// Second Round worker: boots Pyodide and the secondround wheel off the main thread, then hands
// each event from the page to Python and posts back the JSON View it returns.

let handle = null;
let starting = false;
const queue = [];
let loaded = 0;
let expected = 0;
let lastReport = 0;
let pyodide = null;

// A progress message per network chunk would flood the page; a few per second are plenty.
function report(force) {
  const now = performance.now();
  if (!force && now - lastReport < 100) return;
  lastReport = now;
  self.postMessage({ type: "progress", loaded, expected });
}

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
  return new Response(response.body.pipeThrough(counter), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};

function failed(message) {
  self.postMessage(JSON.stringify({ type: "error", message }));
}

async function start(boot) {
  const wheel = realFetch(boot.wheel).then((r) => {
    if (!r.ok) throw new Error(`download failed: ${boot.wheel} (HTTP ${r.status})`);
    return r.arrayBuffer();
  });
  const { loadPyodide } = await import(boot.pyodide + "pyodide.mjs");
  pyodide = await loadPyodide({ indexURL: boot.pyodide, stdout: () => {}, stderr: console.warn });
  self.postMessage({ type: "starting" });
  pyodide.unpackArchive(await wheel, "wheel");
  handle = pyodide.pyimport("secondround.worker").handle;
  while (queue.length) self.postMessage(handle(queue.shift()));
}

self.onmessage = (message) => {
  if (message.data.type === "stats") {
    // For the benchmark: the WebAssembly heap is most of what the kit costs in memory.
    self.postMessage({ type: "stats", wasmBytes: pyodide ? pyodide._module.HEAPU8.byteLength : 0 });
    return;
  }
  const text = JSON.stringify(message.data);
  if (handle) {
    self.postMessage(handle(text));
    return;
  }
  // Events that arrive while Python boots wait here, in order: nothing typed early is lost.
  queue.push(text);
  if (!starting && message.data.type === "boot") {
    starting = true;
    start(message.data).catch((error) => failed(String((error && error.message) || error)));
  }
};
