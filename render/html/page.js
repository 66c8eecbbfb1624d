"use strict";
// The report's findings and diagrams, read from the page's JSON data and
// shown a page at a time, filtered by severity, rule, file and a text
// search, grouped on demand. Strings from the data become text nodes
// only (textContent), never markup. The filters live in the URL's
// fragment (#rule=seq-gap&severity=warning), so that a view can be
// linked; #f-N shows finding N.
(function () {
  const $ = (id) => document.getElementById(id);
  // The page's words in its language: on a page not in English, the
  // words element maps each English phrase to its translation; tf fills
  // in {0}, {1}, ...
  const words = $("words") ? JSON.parse($("words").textContent) : {};
  const t = (s) => words[s] || s;
  const tf = (s, ...args) => t(s).replace(/\{(\d)\}/g, (_, i) => String(args[i]));
  // unpack reads the page's data: JSON, gzipped, in base64.
  function unpack(text) {
    const s = atob(text.trim()), bytes = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
    const unzipped = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(unzipped).json();
  }
  performance.mark("script");
  unpack($("data").textContent).then(show, (err) => {
    $("shown").textContent = tf("The page's data cannot be read: {0}.", err);
    throw err;
  });

  function show(data) {
  performance.mark("unpacked");
  const PAGE = 100, DIAGRAM_PAGE = 24;
  const files = data.files, sevs = data.sev, ruleIDs = data.rules;

  // One entry per finding, in the report's order: its file and its index
  // there, in typed arrays so that 100,000 findings cost little.
  let total = 0;
  for (const f of files) total += f.findings.length;
  const fileOf = new Int32Array(total), indexIn = new Int32Array(total);
  const sevOf = new Uint8Array(total), ruleOf = new Int32Array(total);
  {
    let n = 0;
    files.forEach((f, fi) => f.findings.forEach((fd, j) => {
      fileOf[n] = fi; indexIn[n] = j; sevOf[n] = fd[1]; ruleOf[n] = fd[2]; n++;
    }));
  }
  const finding = (n) => files[fileOf[n]].findings[indexIn[n]];
  const connOf = (n) => files[fileOf[n]].conns[finding(n)[4]] || [0, "", "", "", ""];
  let haystack = null; // lower-case text of each finding, made at the first search
  function text(n) {
    const fd = finding(n), c = connOf(n);
    return [files[fileOf[n]].path, fd[0], sevs[fd[1]], ruleIDs[fd[2]], fd[3], "#" + c[0], c[1], c[2]].join("\n").toLowerCase();
  }

  performance.mark("flat");
  const ui = { severity: $("severity"), rule: $("rule"), file: $("file"), q: $("q"), group: $("group") };
  files.forEach((f, fi) => {
    if (f.findings.length === 0) return;
    const o = document.createElement("option");
    o.value = String(fi);
    o.textContent = f.path + " (" + f.findings.length + ")";
    ui.file.append(o);
  });
  const state = { page: 0, dpage: 0, rows: new Int32Array(0), groups: null, target: -1 };
  const fmt = (n) => n.toLocaleString("en-US");

  // filter computes the rows that pass the filters, in the report's
  // order or grouped.
  function filter() {
    const sev = sevs.indexOf(ui.severity.value), rule = ruleIDs.indexOf(ui.rule.value);
    const file = ui.file.value === "" ? -1 : Number(ui.file.value);
    const q = ui.q.value.trim().toLowerCase();
    if (q && !haystack) {
      haystack = new Array(total);
      for (let n = 0; n < total; n++) haystack[n] = text(n);
    }
    const keep = new Int32Array(total);
    let k = 0;
    for (let n = 0; n < total; n++) {
      if ((sev < 0 || sevOf[n] === sev) && (rule < 0 || ruleOf[n] === rule) &&
          (file < 0 || fileOf[n] === file) && (!q || haystack[n].includes(q))) keep[k++] = n;
    }
    let rows = keep.subarray(0, k);
    state.groups = null;
    const key = groupKey();
    if (key) {
      rows = Int32Array.from(rows).sort((a, b) => key.order(a, b) || a - b);
      state.groups = new Map();
      for (const n of rows) { const g = key.of(n); state.groups.set(g, (state.groups.get(g) || 0) + 1); }
    }
    state.rows = rows;
  }

  // groupKey says how rows are grouped: the key of a row, its name, and
  // the order of groups (severity: most severe first; rule and file: by
  // name, as in the report).
  function groupKey() {
    switch (ui.group.value) {
      case "severity": return { of: (n) => sevOf[n], name: (g) => t(sevs[g]), order: (a, b) => sevOf[a] - sevOf[b] };
      case "rule": {
        const byName = ruleIDs.map((_, i) => i).sort((a, b) => ruleIDs[a] < ruleIDs[b] ? -1 : 1);
        const rank = new Int32Array(ruleIDs.length);
        byName.forEach((r, i) => { rank[r] = i; });
        return { of: (n) => ruleOf[n], name: (g) => ruleIDs[g], order: (a, b) => rank[ruleOf[a]] - rank[ruleOf[b]] };
      }
      case "file": return { of: (n) => fileOf[n], name: (g) => files[g].path, order: (a, b) => fileOf[a] - fileOf[b] };
    }
    return null;
  }

  function el(tag, cls, txt) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (txt !== undefined) e.textContent = txt;
    return e;
  }

  // pathNodes appends s to e with a line-break chance after each slash.
  function pathNodes(e, s) {
    const parts = s.split("/");
    parts.forEach((p, i) => {
      e.append(i < parts.length - 1 ? p + "/" : p);
      if (i < parts.length - 1) e.append(document.createElement("wbr"));
    });
    return e;
  }

  function cell(tr, label, cls) {
    const td = el("td", cls);
    td.dataset.label = label;
    tr.append(td);
    return td;
  }

  function row(n) {
    const fd = finding(n), c = connOf(n), sev = sevs[fd[1]], rule = ruleIDs[fd[2]];
    const tr = el("tr");
    tr.id = "f-" + (n + 1);
    tr.tabIndex = -1;
    tr.dataset.severity = sev;
    tr.dataset.rule = rule;
    tr.dataset.file = String(fileOf[n]);
    const self = el("a", "", String(n + 1));
    self.href = "#f-" + (n + 1);
    self.setAttribute("aria-label", tf("finding {0}, link to it", n + 1));
    cell(tr, "#").append(self);
    cell(tr, t("Severity"), "sev-" + sev).textContent = t(sev);
    cell(tr, t("Rule"), "rule").textContent = rule;
    cell(tr, t("Message"), "msg").textContent = fd[3];
    const where = cell(tr, t("Where"));
    where.append(pathNodes(el("span", "path"), files[fileOf[n]].path));
    if (fd[0]) where.append(el("span", "where-pos", fd[0]));
    const conn = cell(tr, t("Connection"));
    if (c[0] || c[1]) {
      conn.append("#" + c[0] + " ", el("span", "endpoint", c[1]), " → ", el("span", "endpoint", c[2]));
    }
    for (const [url, word, what] of [[c[3], "diagram", "sequence diagram"], [c[4], "graph", "time-sequence graph"]]) {
      if (!url) continue;
      const a = el("a", "", t(word));
      a.href = url;
      a.setAttribute("aria-label", tf("{0} of connection {1} of {2}", t(what), c[0], files[fileOf[n]].path));
      conn.append(" ", a);
    }
    return tr;
  }

  function groupRow(name, count) {
    const tr = el("tr", "group-head"), th = el("th", "", tf(count === 1 ? "{0} — 1 finding" : "{0} — {1} findings", name, fmt(count)));
    th.colSpan = 6;
    th.scope = "rowgroup";
    tr.append(th);
    return tr;
  }

  // pager fills the navs of sel with buttons for page p of pages, calling
  // go with the page chosen. The buttons are drawn anew for each page, so
  // a button used from the keyboard hands the focus to its namesake in
  // the same nav (or the nav's first usable button once it is disabled),
  // rather than dropping it to the start of the document.
  function pager(sel, p, pages, go) {
    document.querySelectorAll(sel).forEach((nav, which) => {
      nav.replaceChildren();
      if (pages <= 1) return;
      const button = (label, to, name) => {
        const b = el("button", "", label);
        b.type = "button";
        b.disabled = to < 0 || to >= pages || to === p;
        b.setAttribute("aria-label", name);
        b.addEventListener("click", () => {
          const focused = document.activeElement === b;
          go(to);
          const again = document.querySelectorAll(sel)[which];
          if (!focused || !again) return;
          const usable = Array.from(again.querySelectorAll("button:not([disabled])"));
          const same = usable.find((x) => x.getAttribute("aria-label") === name) || usable[0];
          if (same) same.focus({ preventScroll: true });
        });
        nav.append(b);
      };
      button(t("« first"), 0, t("first page"));
      button(t("‹ previous"), p - 1, t("previous page"));
      nav.append(el("span", "", tf("page {0} of {1}", fmt(p + 1), fmt(pages))));
      button(t("next ›"), p + 1, t("next page"));
      button(t("last »"), pages - 1, t("last page"));
    });
  }

  function render() {
    const rows = state.rows, pages = Math.max(1, Math.ceil(rows.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    const from = state.page * PAGE, to = Math.min(rows.length, from + PAGE);
    const frag = document.createDocumentFragment(), key = state.groups && groupKey();
    let last = null;
    for (let i = from; i < to; i++) {
      const n = rows[i];
      if (key && key.of(n) !== last) {
        last = key.of(n);
        frag.append(groupRow(key.name(last), state.groups.get(last)));
      }
      const tr = row(n);
      if (n === state.target) tr.classList.add("target");
      frag.append(tr);
    }
    document.querySelector("#findings tbody").replaceChildren(frag);
    const root = document.documentElement.dataset; // counted for the report's tests
    root.renders = String(Number(root.renders || 0) + 1);
    $("shown").textContent = rows.length === 0 ? tf("No finding matches (of {0}).", fmt(total)) :
      rows.length < total ? tf("Findings {0}–{1} of {2} matching ({3} in all).", fmt(from + 1), fmt(to), fmt(rows.length), fmt(total)) :
      tf("Findings {0}–{1} of {2}.", fmt(from + 1), fmt(to), fmt(rows.length));
    pager("#findings-section .pager", state.page, pages, (p) => { state.page = p; render(); $("findings").scrollIntoView(); });
  }

  // thumb is a small picture of the drawing at url that opens it at full
  // size, loaded once it is about to be seen.
  function thumb(url, alt) {
    const a = el("a", "thumb"), img = el("img");
    a.href = url;
    img.src = url;
    img.loading = "lazy";
    img.decoding = "async";
    img.alt = alt;
    a.append(img);
    return a;
  }

  // diagrams shows a page of the diagrams and time-sequence graphs of the
  // file filtered on, or of every file: a connection's two side by side.
  function diagrams() {
    const file = ui.file.value === "" ? -1 : Number(ui.file.value), list = [];
    files.forEach((f, fi) => {
      if (file >= 0 && fi !== file) return;
      for (const c of f.conns) if (c[3] || c[4]) list.push([fi, c]);
    });
    const section = $("diagrams-section");
    section.hidden = list.length === 0 && file < 0;
    const pages = Math.max(1, Math.ceil(list.length / DIAGRAM_PAGE));
    state.dpage = Math.min(state.dpage, pages - 1);
    const from = state.dpage * DIAGRAM_PAGE, to = Math.min(list.length, from + DIAGRAM_PAGE);
    const frag = document.createDocumentFragment();
    for (const [fi, c] of list.slice(from, to)) {
      const fig = el("figure"), pics = el("div", "thumbs"), cap = el("figcaption");
      const of = (what) => tf("{0} of connection {1}: {2} → {3}", t(what), c[0], c[1], c[2]);
      if (c[3]) pics.append(thumb(c[3], of("sequence diagram")));
      if (c[4]) pics.append(thumb(c[4], of("time-sequence graph")));
      cap.append(pathNodes(el("span", "path"), files[fi].path), el("br"), "#" + c[0] + " ", el("span", "endpoint", c[1]), " → ", el("span", "endpoint", c[2]));
      fig.append(pics, cap);
      frag.append(fig);
    }
    $("diagrams").replaceChildren(frag);
    $("diagrams-shown").textContent = list.length === 0 ? t("No diagram of this file.") :
      tf("Diagrams {0}–{1} of {2}.", fmt(from + 1), fmt(to), fmt(list.length));
    pager("#diagrams-section .pager", state.dpage, pages, (p) => { state.dpage = p; diagrams(); });
  }

  function update() {
    state.page = 0;
    state.dpage = 0;
    state.target = -1;
    filter();
    render();
    diagrams();
    const h = new URLSearchParams();
    for (const k of ["severity", "rule", "file", "q", "group"]) if (ui[k].value) h.set(k, ui[k].value);
    const s = h.toString();
    history.replaceState(null, "", s ? "#" + s : location.pathname + location.search);
  }

  // fromHash sets the filters from the URL's fragment, or shows the
  // finding it names.
  function fromHash() {
    const h = location.hash.slice(1);
    const m = /^f-(\d+)$/.exec(h);
    if (!m && h && $(h)) return; // a link to a part of the page (the skip link)
    if (m && Number(m[1]) >= 1 && Number(m[1]) <= total) {
      for (const k in ui) ui[k].value = "";
      state.target = Number(m[1]) - 1;
      filter();
      state.page = Math.floor(state.target / PAGE);
      render();
      diagrams();
      const tr = $(h);
      if (tr) { tr.focus(); tr.scrollIntoView({ block: "center" }); }
      return;
    }
    const p = new URLSearchParams(location.hash.slice(1));
    for (const k in ui) {
      const v = p.get(k) || "";
      const ok = ui[k].tagName !== "SELECT" || Array.from(ui[k].options).some((o) => o.value === v);
      ui[k].value = ok ? v : "";
    }
    update();
    if (location.hash.length > 1) $("findings-section").scrollIntoView();
  }

  let timer = 0;
  ui.q.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(update, 150); });
  for (const k of ["severity", "rule", "file", "group"]) ui[k].addEventListener("change", update);
  $("reset").addEventListener("click", () => { for (const k in ui) ui[k].value = ""; update(); });
  window.addEventListener("hashchange", fromHash);
  fromHash();
  // When the page could first be used, for the report's tests.
  document.documentElement.dataset.ready = String(Math.round(performance.now()));
  }
})();
