// Second Round kit, main thread: plumbing only. It forwards events to the Python worker, applies
// the View it answers with, and makes the storage and URL writes Python asks for. All wording,
// validation, dates and state rules live in Python (src/secondround); every name it shares
// with Python (events, messages and their fields, keys, data-* attributes) comes from build.mjs,
// generated from protocol.py.
import {
  BUILD,
  CACHE_PREFIXES,
  DATA,
  EVENT,
  FAILURE,
  FIELD,
  KIT_ID,
  MESSAGE,
  PROBE_KEY,
  ROOT_ID,
  SERVICE_WORKER,
  STALL_MS,
  STATUS,
  STORAGE_PREFIX,
  TOKEN_MARK,
  VIEW_CACHE_KEY,
} from "./build.mjs";

// The DOM patcher is a classic script, so the kit page can also run it while still parsing
// (see kit_page.py); anywhere else it is loaded here.
if (!window.secondroundDom) await import("./dom.js");
const { applyCachedView, editDom, editTree, patch } = window.secondroundDom;

const PREFIX = STORAGE_PREFIX;
const SITE_ROOT = new URL("../../", import.meta.url);

let worker = null;
let ready = false;
let timer = null;
let kit = null;
let store = null;
let pending = 0;

// How many events still await their View: lets tests (and curious readers) wait for Python.
window.__secondround = { pending: () => pending };

// The markup's data-* attributes, by the names protocol.py declares: an attribute's value
// (undefined when absent), and a selector for the elements that have it.
const data = (node, name) => node.getAttribute(name) ?? undefined;
const marked = (name) => `[${name}]`;

// A storage that is full (or read-only) still holds what was saved: it is read all the same,
// and Python is told the kit cannot save (it then writes nothing and says so).
let writable = false;
function openStorage() {
  let s = null;
  try {
    s = window.localStorage;
  } catch {
    return null;
  }
  try {
    s.setItem(PROBE_KEY, "1");
    s.removeItem(PROBE_KEY);
    writable = true;
  } catch {
    writable = false;
  }
  return s;
}

function snapshot() {
  const out = {};
  if (!store) return out;
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key && key.startsWith(PREFIX)) out[key] = store.getItem(key);
  }
  return out;
}

// An event as protocol.py declares it: its kind, what it carries, and the page's clock.
function send(kind, fields = {}) {
  startWorker();
  pending++;
  const clock = { [FIELD.now_ms]: Date.now(), [FIELD.tz_offset_min]: new Date().getTimezoneOffset() };
  worker.postMessage(JSON.stringify({ [FIELD.type]: kind, ...fields, ...clock }));
}

// What most events carry: the thing acted on (a field's path, a step, a draft) and a value. An
// undefined one is left out of the message.
const about = (arg, value) => ({ [FIELD.arg]: arg, [FIELD.value]: value });

function startWorker() {
  if (worker) return;
  store = openStorage();
  ready = false;
  // The kit page starts its worker early (see kit.html); it is adopted once, with what it said.
  const early = window.secondroundEarly;
  window.secondroundEarly = null;
  worker = early ? early.worker : new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
  worker.onmessage = (message) => receive(message.data);
  worker.onerror = (error) => {
    error.preventDefault();
    fail(FAILURE.worker, error.message);
  };
  showStatus(STATUS.downloading);
  samples = [];
  alive();
  send(EVENT.boot, {
    [FIELD.build]: BUILD,
    [FIELD.storage]: snapshot(),
    [FIELD.saving]: store !== null && writable,
    [FIELD.language]: navigator.language,
  });
  // Last, since one of them may be a failure that ends this worker.
  if (early) early.messages.forEach(receive);
  if (early && early.error !== undefined) fail(FAILURE.worker, early.error);
}

// The kit gives up on a stall, not on a slow link: every sign of life from the worker (bytes
// arrived, a start-up step done) restarts the clock.
function alive() {
  clearTimeout(timer);
  if (!ready) timer = setTimeout(() => ready || fail(FAILURE.stalled, ""), STALL_MS);
}

// The kit's markup has the sentence for each failure code; the detail (a file name, an error)
// is shown beside it as it came.
function fail(code, detail) {
  if (worker) worker.terminate();
  worker = null;
  pending = 0;
  clearTimeout(timer);
  console.warn("Second Round: Python did not start:", code, detail);
  if (kit) {
    for (const span of kit.querySelectorAll(marked(DATA.failure))) span.hidden = data(span, DATA.failure) !== code;
    kit.querySelector(marked(DATA.failure_detail)).hidden = !detail;
    kit.querySelector(marked(DATA.detail)).textContent = detail || "";
    kit.querySelector(marked(DATA.stall_seconds)).textContent = String(Math.round(STALL_MS / 1000));
  }
  showStatus(STATUS.failed);
}

// A rough time left, from the rate over the last few seconds: shown only when it is long enough
// to matter, in seconds or minutes (the words around the number are in the page, from Python).
let samples = [];
let lastProgress = null;
function showProgress(progress) {
  const { [FIELD.loaded]: loaded, [FIELD.expected]: expected } = progress;
  const mb = (bytes) => (bytes / 1e6).toFixed(1);
  kit.querySelector(marked(DATA.loaded)).textContent = mb(Math.min(loaded, expected || loaded));
  if (expected) kit.querySelector(marked(DATA.total)).textContent = mb(expected);
  const now = performance.now();
  samples.push([now, loaded]);
  while (samples.length > 2 && now - samples[0][0] > 5000) samples.shift();
  const [t0, b0] = samples[0];
  const rate = now - t0 > 1000 ? (loaded - b0) / (now - t0) : 0;
  const left = rate > 0 ? Math.max(0, expected - loaded) / rate / 1000 : 0;
  const seconds = kit.querySelector(marked(DATA.left_seconds));
  const minutes = kit.querySelector(marked(DATA.left_minutes));
  seconds.hidden = !(left >= 10 && left < 90);
  minutes.hidden = !(left >= 90);
  seconds.querySelector(marked(DATA.left)).textContent = String(Math.round(left / 5) * 5);
  minutes.querySelector(marked(DATA.left)).textContent = String(Math.round(left / 60));
}

let status = STATUS.static;
function showStatus(name) {
  status = name;
  if (!kit) return;
  for (const node of kit.querySelectorAll(marked(DATA.status))) node.hidden = data(node, DATA.status) !== name;
}

function receive(text) {
  const message = JSON.parse(text);
  const kind = message[FIELD.type];
  if (!ready && kind !== MESSAGE.failed) alive();
  if (kind === MESSAGE.progress) {
    // Kept for the kit's markup: the early worker may report before the page has mounted.
    lastProgress = message;
    if (kit) showProgress(message);
  } else if (kind === MESSAGE.runtime_cached) {
    offlineWanted = true;
    registerServiceWorkerSoon();
  } else if (kind === MESSAGE.starting) {
    showStatus(STATUS.starting);
  } else if (kind === MESSAGE.failed) {
    fail(message[FIELD.code], message[FIELD.detail]);
  } else if (kind === MESSAGE.view) {
    pending = Math.max(0, pending - message[FIELD.answers]);
    if (!ready) {
      ready = true;
      clearTimeout(timer);
      showStatus(STATUS.ready);
      performance.mark("sr-python-ready");
    }
    apply(message[FIELD.view], message[FIELD.effects]);
  }
}

// The tree the page shows, as Python last described it: a View brings the whole tree (after
// boot or mount) or only edits to it (render.diff in Python), applied here and to the DOM.
let shownTree = null;
let kitPath = "";

function apply(view, effects) {
  const { [FIELD.tree]: tree, [FIELD.bookmark]: bookmark, [FIELD.announce]: announcement } = view;
  const ops = tree ? null : view[FIELD.ops];
  shownTree = ops ? editTree(shownTree, ops) : tree;
  // The screen first (that is what the reader waits for), then the URL and storage.
  // Instant navigation may have left the kit's page while this View was on its way.
  const mounted = kit && document.contains(kit) && location.pathname === kitPath;
  if (mounted) {
    const live = kit.querySelector("#" + ROOT_ID);
    if (live) showTree(live, ops);
    const announce = kit.querySelector(marked(DATA.announce));
    if (announce && announce.textContent !== announcement) announce.textContent = announcement;
    performance.mark("sr-view-applied");
    // The fragment always holds the latest state, so a bookmark made at any moment keeps it;
    // a blank kit has no token, and any old one goes.
    if (bookmark && location.hash !== "#" + bookmark) {
      history.replaceState(history.state, "", "#" + bookmark);
    } else if (!bookmark && location.hash.slice(1).includes(TOKEN_MARK)) {
      history.replaceState(history.state, "", location.pathname + location.search);
    }
  }
  const { [FIELD.writes]: writes, [FIELD.download]: file, [FIELD.focus]: focus } = effects;
  if (effects[FIELD.forget]) forget();
  // After a removal the button is gone: focus goes where Python says (a neighbour).
  if (focus && mounted) kit.querySelector("#" + CSS.escape(focus))?.focus();
  if (file) save(file);
  for (const [key, value] of writes) {
    try {
      store.setItem(key, value);
    } catch {
      send(EVENT.saving_off);
      break;
    }
  }
  if (store && writes.length) cacheView(shownTree);
}

function showTree(live, ops) {
  if (ops) {
    try {
      editDom(live, ops);
      return;
    } catch {
      // The DOM drifted from the tree (an extension, say): the whole tree puts it right.
    }
  }
  patch(live, shownTree);
}

// The cached View only speeds up the next visit, so it is written when the browser is idle,
// once typing pauses, instead of on every keystroke.
let cacheTimer = null;
let cachedTree = null;
function cacheView(tree) {
  cachedTree = tree;
  clearTimeout(cacheTimer);
  cacheTimer = setTimeout(flushViewCache, 500);
}
function flushViewCache() {
  clearTimeout(cacheTimer);
  if (!cachedTree || !store) return;
  try {
    store.setItem(VIEW_CACHE_KEY, JSON.stringify({ [FIELD.build]: BUILD, [FIELD.tree]: cachedTree }));
  } catch {
    // Storage full: Python has already been told through the state write.
  }
  cachedTree = null;
}
window.addEventListener("pagehide", flushViewCache);

// "Forget me on this device": every key, cache and service worker of ours goes.
function forget() {
  clearTimeout(cacheTimer);
  cachedTree = null;
  if (store) {
    const keys = [];
    for (let i = 0; i < store.length; i++) keys.push(store.key(i));
    for (const key of keys) if (key && key.startsWith(PREFIX)) store.removeItem(key);
  }
  if (window.caches) {
    caches.keys().then((names) =>
      Promise.all(names.filter((n) => CACHE_PREFIXES.some((p) => n.startsWith(p))).map((n) => caches.delete(n))),
    );
  }
  navigator.serviceWorker?.getRegistrations().then((all) => all.forEach((r) => r.unregister()));
}

function save(file) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([file[FIELD.text]], { type: file[FIELD.mime] }));
  link.download = file[FIELD.filename];
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

// --- Events: read from data attributes that Python put in the View.

function onInput(event) {
  const t = event.target;
  if (offlineWanted) registerServiceWorkerSoon();
  const field = data(t, DATA.field);
  const draft = data(t, DATA.edit);
  if (field !== undefined && t.type !== "radio") send(EVENT.field, about(field, t.value));
  else if (draft !== undefined) send(EVENT.edit, about(draft, t.value));
}

// Leaving a field is when its errors may show (Python decides which).
function onLeave(event) {
  const t = event.target;
  const field = t.getAttribute && data(t, DATA.field);
  if (field !== undefined && t.type !== "radio") send(EVENT.leave, about(field));
}

function onChange(event) {
  const t = event.target;
  const field = data(t, DATA.field);
  const action = data(t, DATA.action);
  if (t.type === "radio" && t.checked && field !== undefined) {
    send(EVENT.field, about(field, t.value));
  } else if (t.type === "file" && action && t.files.length) {
    t.files[0].text().then((text) => send(action, { [FIELD.value]: text }));
    t.value = "";
  } else if (action && (t.type === "checkbox" || t.type === "radio")) {
    send(action, about(data(t, DATA.arg), t.type === "checkbox" ? t.checked : t.value));
  }
}

function onClick(event) {
  const t = event.target.closest("button, a");
  if (!t || !kit.contains(t)) return;
  const copyFrom = data(t, DATA.copy_from);
  const copyLink = data(t, DATA.copy_link);
  const print = data(t, DATA.print);
  const action = data(t, DATA.action);
  if (t.matches(marked(DATA.retry))) {
    startWorker();
  } else if (copyFrom) {
    const source = kit.querySelector("#" + CSS.escape(copyFrom));
    copy(t, source ? source.textContent : "", source);
  } else if (copyLink) {
    copy(t, new URL(copyLink, location.href).href, null);
  } else if (print) {
    printCard(kit.querySelector("#" + CSS.escape(print)));
  } else if (t.localName === "button" && action) {
    send(action, about(data(t, DATA.arg)));
  }
}

async function copy(button, text, source) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    if (!source) return;
    const range = document.createRange();
    range.selectNodeContents(source);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    document.execCommand("copy");
  }
  const label = button.textContent;
  button.textContent = data(button, DATA.copied);
  setTimeout(() => (button.textContent = label), 1500);
}

function printCard(body) {
  const draft = body && body.closest(".sr-draft");
  if (!draft) return;
  draft.classList.add("sr-print-target");
  document.body.classList.add("sr-printing-card");
  const done = () => {
    draft.classList.remove("sr-print-target");
    document.body.classList.remove("sr-printing-card");
  };
  window.addEventListener("afterprint", done, { once: true });
  window.print();
}

// Material's search box is a dialog without a name (axe: aria-dialog-name); it gets the name of
// its own search field, so no wording is added here.
function nameSearchDialog() {
  const dialog = document.querySelector(".md-search[role=dialog]:not([aria-label])");
  const label = dialog?.querySelector("input[aria-label]")?.getAttribute("aria-label");
  if (label) dialog.setAttribute("aria-label", label);
}

function mount() {
  nameSearchDialog();
  kit = document.getElementById(KIT_ID);
  kitPath = location.pathname;
  if (!kit) {
    store = store || openStorage();
    warmUp();
    return;
  }
  performance.mark("sr-kit-mounted");
  kit.addEventListener("input", onInput);
  kit.addEventListener("change", onChange);
  kit.addEventListener("click", onClick);
  kit.addEventListener("focusout", onLeave);
  store = store || openStorage();
  if (!ready) applyCachedView(kit);
  showStatus(status);
  if (lastProgress) showProgress(lastProgress);
  send(EVENT.mount, { [FIELD.value]: location.hash });
  // What the reader typed before this script could listen (it arrives late on a slow link, behind
  // Python's own downloads; kit.html notes those fields): sent now, so no early keystroke is lost.
  const typed = window.secondroundTyped;
  window.secondroundTyped = null;
  for (const t of typed || []) {
    const field = data(t, DATA.field);
    if (kit.contains(t) && field !== undefined && t.type !== "radio") send(EVENT.field, about(field, t.value));
  }
}

// Offline support, once Python is up and its runtime cached by the worker (precaching earlier
// would compete with Python's own download, or download the runtime twice).
// Filling the offline copy takes a moment of CPU: it waits for a pause in the reader's typing.
let offlineWanted = false;
let offlineTimer = null;
function registerServiceWorkerSoon() {
  clearTimeout(offlineTimer);
  offlineTimer = setTimeout(registerServiceWorker, 2000);
}

function registerServiceWorker() {
  offlineWanted = false;
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(new URL(SERVICE_WORKER, SITE_ROOT)).catch((error) => {
    console.warn("Second Round: offline copy unavailable:", error.message);
  });
}

// A returning reader (a View was cached) gets Python started while they read, when the browser
// is idle, so the kit is ready when they reach it. First visits and Save-Data download nothing.
function warmUp() {
  if (worker || !store || navigator.connection?.saveData) return;
  if (!store.getItem(VIEW_CACHE_KEY)) return;
  const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 1000));
  idle(() => worker || startWorker());
}

window.addEventListener("storage", (event) => {
  if (worker && event.key && event.key.startsWith(PREFIX)) send(EVENT.storage, about(event.key, event.newValue));
});
window.addEventListener("hashchange", () => kit && document.contains(kit) && send(EVENT.mount, { [FIELD.value]: location.hash }));

// The kit page's early worker is adopted at once, so its progress reaches the page.
if (window.secondroundEarly) startWorker();

// Material's instant navigation swaps pages without reloading scripts: mount on every page view.
function subscribe() {
  if (window.document$) window.document$.subscribe(mount);
  else mount();
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", subscribe);
else subscribe();
