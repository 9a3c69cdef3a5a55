// Second Round's DOM patcher: applies a View's tree ([tag, attrs, ...children]) or edits to it.
// Text is only ever set as text, and attributes that could run code are refused whatever the
// tree says. A classic script: the kit page runs it right after the kit's markup, to put the
// reader's last View on screen before the first paint; kit.js uses the same functions.
// PROTOCOL (op kinds, the cache's key and fields, data-* names) is put in front of this file by
// the build (hook.py).
(() => {
  const { DATA, FIELD, KIT_ID, OP, ROOT_ID, VALUE_ATTR, VALUE_TAG, VIEW_CACHE_KEY } = PROTOCOL;
  const SAFE_URL = /^(mailto:|#)/i;

  function allowed(name, value) {
    if (/^on/i.test(name) || name === "style" || name === "srcdoc") return false;
    if (name === "href" || name === "src" || name === "action") return SAFE_URL.test(value);
    return true;
  }

  function setAttributes(node, attrs) {
    for (const { name } of [...node.attributes]) if (!(name in attrs)) node.removeAttribute(name);
    for (const [name, value] of Object.entries(attrs)) {
      if (name === VALUE_ATTR) {
        // The field being typed in belongs to the reader; Python's copy of it may be a key behind.
        if (node !== document.activeElement && node.value !== value) node.value = value;
        if (node.localName === VALUE_TAG) continue;
      }
      if (name === "checked") node.checked = value;
      if (name === "selected") node.selected = value;
      if (value === false) node.removeAttribute(name);
      else if (allowed(name, String(value))) {
        const text = value === true ? "" : String(value);
        if (node.getAttribute(name) !== text) node.setAttribute(name, text);
      }
    }
  }

  function create(tree) {
    if (typeof tree === "string") return document.createTextNode(tree);
    const [tag, attrs, ...children] = tree;
    const node = document.createElement(tag);
    setAttributes(node, attrs);
    if (tag !== VALUE_TAG) for (const child of children) node.appendChild(create(child));
    return node;
  }

  function patch(node, tree) {
    if (typeof tree === "string") {
      if (node.nodeType === Node.TEXT_NODE) {
        if (node.data !== tree) node.data = tree;
      } else node.replaceWith(create(tree));
      return;
    }
    const [tag, attrs, ...children] = tree;
    if (node.nodeType !== Node.ELEMENT_NODE || node.localName !== tag) {
      node.replaceWith(create(tree));
      return;
    }
    setAttributes(node, attrs);
    if (tag === VALUE_TAG) return;
    let child = node.firstChild;
    for (const childTree of children) {
      if (child) {
        const next = child.nextSibling;
        patch(child, childTree);
        child = next;
      } else node.appendChild(create(childTree));
    }
    while (child) {
      const next = child.nextSibling;
      child.remove();
      child = next;
    }
  }

  // Edits, as render.py describes them: [OP.node, path, tree] | [OP.attrs, path, attrs] |
  // [OP.children, path, start, trees], where path is child indices from the root.
  function editTree(tree, ops) {
    for (const [kind, path, a, b] of ops) {
      if (kind === OP.node && path.length === 0) {
        tree = a;
        continue;
      }
      let parent = tree;
      for (const i of kind === OP.node ? path.slice(0, -1) : path) parent = parent[2 + i];
      if (kind === OP.node) parent[2 + path[path.length - 1]] = a;
      else if (kind === OP.attrs) parent[1] = a;
      else if (kind === OP.children) parent.splice(2 + a, parent.length, ...b);
      else throw new Error("unknown edit: " + kind);
    }
    return tree;
  }

  function editDom(root, ops) {
    for (const [kind, path, a, b] of ops) {
      let node = root;
      for (const i of path) {
        node = node.childNodes[i];
        if (!node) throw new Error("the page no longer matches the tree");
      }
      if (kind === OP.node) patch(node, a);
      else if (kind === OP.attrs) setAttributes(node, a);
      else {
        while (node.childNodes.length > a) node.lastChild.remove();
        for (const tree of b) node.appendChild(create(tree));
      }
    }
  }

  // The View Python last produced for this reader, cached by kit.js; one from another build
  // could disagree with this page's code, so it is only used when the builds match.
  function applyCachedView(kit) {
    if (!kit || kit.hasAttribute(DATA.cache_applied)) return;
    kit.setAttribute(DATA.cache_applied, "true");
    try {
      const cached = JSON.parse(localStorage.getItem(VIEW_CACHE_KEY) || "null");
      if (cached && cached[FIELD.build] === kit.getAttribute(DATA.build)) {
        patch(document.getElementById(ROOT_ID), cached[FIELD.tree]);
        performance.mark("sr-cached-view-applied");
      }
    } catch {
      // No storage, or a damaged cache: Python's own View arrives shortly.
    }
  }

  self.secondroundDom = { applyCachedView, editDom, editTree, patch };
  // Under Node (tests/site/test_protocol.py's agreement test) there is no document, only
  // editTree to check.
  if (typeof document !== "undefined" && document.currentScript?.hasAttribute(DATA.apply_cache)) {
    applyCachedView(document.getElementById(KIT_ID));
  }
})();
