// Second Round's DOM patcher: applies a View's tree ([tag, attrs, ...children]) or edits to it.
// Text is only ever set as text, and attributes that could run code are refused whatever the
// tree says. A classic script: the kit page runs it right after the kit's markup, to put the
// reader's last View on screen before the first paint; kit.js uses the same functions.
(() => {
  const VIEW_KEY = "secondround:view-cache";
  const SAFE_URL = /^(mailto:|#)/i;

  function allowed(name, value) {
    if (/^on/i.test(name) || name === "style" || name === "srcdoc") return false;
    if (name === "href" || name === "src" || name === "action") return SAFE_URL.test(value);
    return true;
  }

  function setAttributes(node, attrs) {
    for (const { name } of [...node.attributes]) if (!(name in attrs)) node.removeAttribute(name);
    for (const [name, value] of Object.entries(attrs)) {
      if (name === "value") {
        // The field being typed in belongs to the reader; Python's copy of it may be a key behind.
        if (node !== document.activeElement && node.value !== value) node.value = value;
        if (node.localName === "textarea") continue;
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
    if (tag !== "textarea") for (const child of children) node.appendChild(create(child));
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
    if (tag === "textarea") return;
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

  // Edits: ["node", path, tree] | ["attrs", path, attrs] | ["children", path, start, trees],
  // where path is child indices from the root.
  function editTree(tree, ops) {
    for (const [kind, path, a, b] of ops) {
      if (kind === "node" && path.length === 0) {
        tree = a;
        continue;
      }
      let parent = tree;
      for (const i of kind === "node" ? path.slice(0, -1) : path) parent = parent[2 + i];
      if (kind === "node") parent[2 + path[path.length - 1]] = a;
      else if (kind === "attrs") parent[1] = a;
      else parent.splice(2 + a, parent.length, ...b);
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
      if (kind === "node") patch(node, a);
      else if (kind === "attrs") setAttributes(node, a);
      else {
        while (node.childNodes.length > a) node.lastChild.remove();
        for (const tree of b) node.appendChild(create(tree));
      }
    }
  }

  // The View Python last produced for this reader, cached by kit.js; one from another build
  // could disagree with this page's code, so it is only used when the builds match.
  function applyCachedView(kit) {
    if (!kit || kit.dataset.cacheApplied) return;
    kit.dataset.cacheApplied = "true";
    try {
      const cached = JSON.parse(localStorage.getItem(VIEW_KEY) || "null");
      if (cached && cached.build === kit.dataset.build) {
        patch(kit.querySelector("#sr-live"), cached.tree);
        performance.mark("sr-cached-view-applied");
      }
    } catch {
      // No storage, or a damaged cache: Python's own View arrives shortly.
    }
  }

  window.secondroundDom = { VIEW_KEY, applyCachedView, create, editDom, editTree, patch, setAttributes };
  if (document.currentScript && document.currentScript.hasAttribute("data-apply-cache")) {
    applyCachedView(document.getElementById("secondround-kit"));
  }
})();
