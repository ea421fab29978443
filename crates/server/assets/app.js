// The dateline page: filters, a zoomable timeline, a world map and the
// sources of the chosen event. Every piece of article text reaches the page
// through textContent, never as markup.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const STATUS_COLOURS = {
  occurred: "#2f7d32", ongoing: "#1f6feb", scheduled: "#8250df",
  expected: "#bf8700", missed: "#d12f2f", deadline: "#e36209",
};
// With a token, the server has set a cookie (HttpOnly, so not readable
// here) when the page was opened as /?token=...; same-origin requests
// carry it, so the page itself never handles the token.
function api(path, options = {}) {
  return fetch(path, Object.assign({ credentials: "same-origin" }, options)).then(async (response) => {
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || response.statusText);
    return body;
  });
}

function el(name, attributes = {}, text) {
  const node = document.createElement(name);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function svg(name, attributes = {}) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
  return node;
}

const day = (s) => Date.parse(s + "T00:00:00Z");
let events = [];
let keyDates = [];
let view = null; // [startMs, endMs]
let selected = null;
// The chart shows the key dates or every event; until the reader chooses,
// key dates for a store of more than a few hundred events.
let chartView = null;
const KEY_VIEW_FROM = 300;

function filters() {
  const params = new URLSearchParams();
  for (const id of ["q", "entity", "place", "from", "to", "status"]) {
    const value = document.getElementById(id).value.trim();
    if (value) params.set(id, value);
  }
  return params;
}

async function load() {
  const params = filters();
  const summary = new URLSearchParams();
  for (const name of ["q", "from", "to"]) if (params.get(name)) summary.set(name, params.get(name));
  params.set("limit", "500");
  try {
    [events, keyDates] = await Promise.all([
      api("/api/events?" + params.toString()),
      api("/api/summary?" + summary.toString()).catch(() => []),
    ]);
  } catch (e) {
    events = [];
    keyDates = [];
    document.getElementById("count").textContent = "(" + e.message + ")";
  }
  if (!chartView) document.getElementById("chart-view").value = events.length >= KEY_VIEW_FROM ? "key" : "all";
  view = null;
  selected = null;
  drawKeyDates();
  drawTimeline();
  drawPlaces();
  showSources(null);
}

// ----- key dates -----

function drawKeyDates() {
  const list = document.getElementById("keydates");
  list.replaceChildren();
  document.getElementById("keydates-count").textContent = keyDates.length ? "(" + keyDates.length + ")" : "(none)";
  for (const [i, key] of keyDates.entries()) {
    const item = el("li", { "data-date": key.date });
    const details = el("details");
    const summary = el("summary");
    const status = el("span", { class: "status" }, key.status);
    status.style.background = STATUS_COLOURS[key.status] || "#57606a";
    summary.append(el("time", { datetime: key.start }, key.date), status,
      document.createTextNode(" · " + key.source_count + " source" + (key.source_count === 1 ? "" : "s")));
    for (const line of key.summary) summary.appendChild(el("p", { class: "headline" }, line.sentence));
    details.appendChild(summary);
    for (const source of key.sources.slice(0, 20)) details.appendChild(sourceLine(source));
    if (key.sources.length > 20) details.appendChild(el("p", { class: "meta" }, "and " + (key.sources.length - 20) + " more"));
    details.addEventListener("toggle", () => { if (details.open) { selected = "key-" + i; drawTimeline(); } });
    item.appendChild(details);
    list.appendChild(item);
  }
}

function sourceLine(source) {
  const line = el("p", { class: "source" });
  const href = source.url && /^https?:\/\//.test(source.url) ? source.url : "/api/documents/" + encodeURIComponent(source.doc);
  line.append(document.createTextNode(source.sentence + " "),
    el("a", { href, rel: "noopener noreferrer", target: "_blank" }, "(" + (source.title || source.doc) + ", " + source.dct + ")"));
  return line;
}

// What the chart draws: every event, or the key dates as marks.
function chartItems() {
  if (document.getElementById("chart-view").value !== "key") return events;
  return keyDates.map((key, i) => ({
    id: "key-" + i, key, date: key.date, start: key.start, end: key.end, status: key.status,
    text: key.summary.length ? key.summary[0].sentence : "", event: key.date,
    actors: [], places: [], date_source: "explicit", conflict: false,
  }));
}

// ----- timeline -----

// Rows that mean something: the main actors when they take part in most
// of the events, else the statuses.
function lanes(items) {
  const counts = new Map();
  for (const item of items) if (item.actors[0]) counts.set(item.actors[0], (counts.get(item.actors[0]) || 0) + 1);
  const actors = [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name]) => name);
  const covered = items.filter((item) => actors.includes(item.actors[0])).length;
  if (actors.length >= 2 && covered * 2 >= items.length) {
    const rest = covered < items.length ? ["other actors"] : [];
    return { names: actors.concat(rest), of: (item) => (actors.includes(item.actors[0]) ? item.actors[0] : "other actors") };
  }
  const statuses = Object.keys(STATUS_COLOURS).filter((s) => items.some((item) => item.status === s));
  return { names: statuses, of: (item) => item.status };
}

// The first view: where most events are (the middle 90% of their dates),
// so that one event years away does not squeeze all the others.
function fittedView(items) {
  const starts = items.map((e) => day(e.start)).sort((a, b) => a - b);
  const ends = items.map((e) => day(e.end) + 86400000).sort((a, b) => a - b);
  const lo = starts[Math.floor((starts.length - 1) * 0.05)];
  const hi = ends[Math.ceil((ends.length - 1) * 0.95)];
  const span = Math.max(hi - lo, 86400000 * 7);
  return [lo - span * 0.04 - 86400000, hi + span * 0.04 + 86400000];
}

function drawTimeline() {
  const box = document.getElementById("timeline");
  box.replaceChildren();
  const items = chartItems();
  const keyView = document.getElementById("chart-view").value === "key";
  const count = document.getElementById("count");
  if (!count.textContent.startsWith("(") || events.length) {
    count.textContent = "(" + events.length + " events" + (keyView ? ", " + items.length + " key dates shown" : "") + ")";
  }
  if (!items.length) return;
  const width = box.clientWidth || 900;
  const height = 320;
  const left = 130;
  if (!view) view = fittedView(items);
  const x = (t) => left + ((t - view[0]) / (view[1] - view[0])) * (width - left - 10);
  const rows = lanes(items);
  const groups = rows.names.slice(0, 12);
  const rowHeight = Math.max(18, Math.min(40, (height - 40) / groups.length));
  groups.forEach((g, i) => {
    const label = svg("text", { x: 4, y: 24 + i * rowHeight + rowHeight / 2 + 4 });
    label.textContent = g.length > 20 ? g.slice(0, 19) + "…" : g;
    box.appendChild(label);
    box.appendChild(svg("line", { class: "axis", x1: left, x2: width, y1: 24 + (i + 1) * rowHeight, y2: 24 + (i + 1) * rowHeight }));
  });
  drawTicks(box, view, x, height);
  // Inferred dates under told ones: a told date on the same day stays on top.
  const drawn = [...items].sort((a, b) => (b.date_source === "inferred") - (a.date_source === "inferred"));
  const placed = [];
  // Marks of one day and row are stacked, as far as the row has room.
  const stacked = new Map();
  const slots = Math.max(1, Math.floor(rowHeight / 13));
  for (const event of drawn) {
    const row = groups.indexOf(rows.of(event));
    if (row < 0) continue;
    const x0 = x(day(event.start));
    const x1 = x(day(event.end) + 86400000);
    const spot = row + ":" + Math.round(x0);
    const n = stacked.get(spot) || 0;
    stacked.set(spot, n + 1);
    const slot = n % slots;
    const y = 24 + row * rowHeight + rowHeight / 2 + (slot === 0 ? 0 : (slot % 2 ? -1 : 1) * Math.ceil(slot / 2) * 13);
    const mark = eventMark(event, x0, x1, y);
    mark.addEventListener("click", () => {
      selected = event.id;
      drawTimeline();
      if (event.key) showKeyDate(event.key); else showSources(event);
    });
    if (selected === event.id) mark.classList.add("selected");
    box.appendChild(mark);
    if (event.conflict) box.appendChild(svg("circle", { class: "conflict", cx: (x0 + x1) / 2, cy: y, r: 10 }));
    if (x0 >= left && x0 <= width) placed.push({ row, x: Math.max(x0, x1) + 8, y: y + 3, text: event.key ? event.text : event.event });
  }
  // Labels where there is room before the next mark of the row.
  placed.sort((a, b) => a.row - b.row || a.x - b.x);
  placed.forEach((mark, i) => {
    const next = placed[i + 1] && placed[i + 1].row === mark.row ? placed[i + 1].x - 16 : width;
    const room = Math.floor((next - mark.x) / 6);
    if (room < 6 || !mark.text) return;
    const label = svg("text", { class: "label", x: mark.x, y: mark.y });
    label.textContent = mark.text.length > room ? mark.text.slice(0, room - 1) + "…" : mark.text;
    box.appendChild(label);
  });
}

// Year, month or day ticks across a chart, by how long the view is.
function drawTicks(box, view, x, height) {
  const spanDays = (view[1] - view[0]) / 86400000;
  const first = new Date(view[0]);
  const unit = spanDays < 45 ? "day" : spanDays < 800 ? "month" : "year";
  let tick = unit === "day" ? Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate())
    : unit === "month" ? Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1) : Date.UTC(first.getUTCFullYear(), 0, 1);
  const step = unit === "day" ? Math.ceil(spanDays / 15) : 1;
  while (tick < view[1]) {
    if (tick > view[0]) {
      box.appendChild(svg("line", { class: "axis", x1: x(tick), x2: x(tick), y1: 18, y2: height }));
      const t = svg("text", { x: x(tick) + 2, y: 14 });
      const d = new Date(tick);
      t.textContent = unit === "day" ? d.toISOString().slice(5, 10) : unit === "month" ? d.toISOString().slice(0, 7) : String(d.getUTCFullYear());
      box.appendChild(t);
    }
    const d = new Date(tick);
    tick = unit === "day" ? tick + step * 86400000
      : unit === "month" ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) : Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  }
}

// The mark of one event from x0 to x1 at height y: a bar for a span, a dot
// for a day (hollow when missed), dashed when its date is inferred.
function eventMark(event, x0, x1, y) {
  const colour = STATUS_COLOURS[event.status] || "#57606a";
  let mark;
  if (event.start !== event.end && x1 - x0 > 8) {
    mark = svg("rect", { x: x0, y: y - 5, width: x1 - x0, height: 10, rx: 3, fill: colour, "fill-opacity": 0.55 });
  } else {
    const hollow = event.status === "missed";
    mark = svg("circle", { cx: (x0 + x1) / 2, cy: y, r: 6, fill: hollow ? "#fff" : colour, stroke: colour, "stroke-width": 2 });
  }
  mark.classList.add(event.key ? "keydate" : "event");
  // A date inferred from the story, not told: a dashed outline.
  if (event.date_source === "inferred") mark.classList.add("inferred");
  mark.dataset.date = event.date;
  mark.dataset.status = event.status;
  mark.dataset.id = String(event.id);
  const title = svg("title");
  title.textContent = event.date + (event.date_source === "inferred" ? " (date inferred)" : "") + " · " + event.status + " · " + event.text;
  mark.appendChild(title);
  return mark;
}

function zoom(factor, at) {
  if (!view) return;
  const [a, b] = view;
  const pivot = a + (b - a) * at;
  view = [pivot - (pivot - a) * factor, pivot + (b - pivot) * factor];
  drawTimeline();
}

function setupTimeline() {
  const box = document.getElementById("timeline");
  box.addEventListener("wheel", (e) => {
    e.preventDefault();
    const rect = box.getBoundingClientRect();
    zoom(e.deltaY > 0 ? 1.25 : 0.8, Math.min(1, Math.max(0, (e.clientX - rect.left - 130) / (rect.width - 140))));
  }, { passive: false });
  let dragging = null;
  box.addEventListener("mousedown", (e) => { dragging = { x: e.clientX, view: view && view.slice() }; });
  window.addEventListener("mouseup", () => { dragging = null; });
  window.addEventListener("mousemove", (e) => {
    if (!dragging || !dragging.view) return;
    const rect = box.getBoundingClientRect();
    const shift = ((e.clientX - dragging.x) / (rect.width - 140)) * (dragging.view[1] - dragging.view[0]);
    view = [dragging.view[0] - shift, dragging.view[1] - shift];
    drawTimeline();
  });
  const legend = document.getElementById("legend");
  for (const [status, colour] of Object.entries(STATUS_COLOURS)) {
    const item = el("li");
    const swatch = el("span");
    swatch.style.background = colour;
    item.append(swatch, document.createTextNode(status));
    legend.appendChild(item);
  }
  const inferred = el("li");
  inferred.append(el("span", { class: "inferred-swatch" }), document.createTextNode("date inferred"));
  legend.appendChild(inferred);
}

// ----- entities: one row per followed entity -----

// The entities followed, in the order chosen: { name, events }.
let followed = [];
// Every name and alias of the store's entities (lower case) → the
// entity's own name, so that an entity followed twice by two of its
// names gets one row.
let canonical = new Map();

async function loadEntityNames() {
  let entities = [];
  try { entities = await api("/api/entities?limit=1000"); } catch (e) { return; }
  const list = document.getElementById("entity-names");
  list.replaceChildren();
  canonical = new Map();
  for (const entity of entities) {
    for (const name of [entity.name, ...(entity.aliases || [])]) canonical.set(name.toLowerCase(), entity.name);
    list.appendChild(el("option", { value: entity.name, label: entity.kind + ", " + entity.documents + " article(s)" }));
    for (const alias of entity.aliases || []) list.appendChild(el("option", { value: alias, label: "= " + entity.name }));
  }
}

async function follow(e) {
  e.preventDefault();
  const input = document.getElementById("entity-pick");
  const typed = input.value.trim();
  const count = document.getElementById("entities-count");
  if (!typed) return;
  const name = canonical.get(typed.toLowerCase()) || typed;
  if (followed.some((f) => f.name.toLowerCase() === name.toLowerCase())) { input.value = ""; return; }
  try {
    // The store's entity filter takes any alias of an entity.
    const found = await api("/api/events?" + new URLSearchParams({ entity: typed, limit: "500" }).toString());
    if (!found.length) { count.textContent = "(no events for " + name + ")"; return; }
    followed.push({ name, events: found });
    input.value = "";
    count.textContent = "";
  } catch (error) {
    count.textContent = "(" + error.message + ")";
  }
  drawSwimlanes();
}

function drawSwimlanes() {
  const box = document.getElementById("swimlanes");
  box.replaceChildren();
  const chips = document.getElementById("entity-chips");
  chips.replaceChildren();
  for (const [i, f] of followed.entries()) {
    const chip = el("li", {}, f.name + " (" + f.events.length + ")");
    const remove = el("button", { type: "button", "aria-label": "Stop following " + f.name }, "×");
    remove.addEventListener("click", () => { followed.splice(i, 1); drawSwimlanes(); });
    chip.appendChild(remove);
    chips.appendChild(chip);
  }
  const rowHeight = 36;
  const height = followed.length ? 24 + followed.length * rowHeight + 4 : 0;
  box.style.height = height + "px";
  if (!followed.length) return;
  const width = box.clientWidth || 900;
  const left = 130;
  // One time axis for every row, fitted to all their events.
  const lanesView = fittedView(followed.flatMap((f) => f.events));
  const x = (t) => left + ((t - lanesView[0]) / (lanesView[1] - lanesView[0])) * (width - left - 10);
  drawTicks(box, lanesView, x, height);
  followed.forEach((f, row) => {
    const top = 24 + row * rowHeight;
    const label = svg("text", { x: 4, y: top + rowHeight / 2 + 4 });
    label.textContent = f.name.length > 20 ? f.name.slice(0, 19) + "…" : f.name;
    box.appendChild(label);
    box.appendChild(svg("line", { class: "axis", x1: left, x2: width, y1: top + rowHeight, y2: top + rowHeight }));
    const lane = svg("g", { class: "lane" });
    lane.dataset.entity = f.name;
    // Told dates drawn over inferred ones; each event labelled where the
    // next mark leaves room.
    const drawn = [...f.events].sort((a, b) => (b.date_source === "inferred") - (a.date_source === "inferred") || day(a.start) - day(b.start));
    const marks = [];
    for (const event of drawn) {
      const x0 = x(day(event.start));
      const x1 = x(day(event.end) + 86400000);
      if (x1 < left || x0 > width) continue;
      const mark = eventMark(event, Math.max(x0, left), x1, top + rowHeight / 2);
      if (selected === event.id) mark.classList.add("selected");
      mark.addEventListener("click", () => { selected = event.id; drawSwimlanes(); showSources(event); });
      lane.appendChild(mark);
      marks.push({ x: Math.max(x0, x1) + 8, text: event.event });
    }
    marks.sort((a, b) => a.x - b.x);
    marks.forEach((mark, i) => {
      const room = Math.floor(((marks[i + 1] ? marks[i + 1].x - 16 : width) - mark.x) / 6);
      if (room < 6 || !mark.text) return;
      const text = svg("text", { class: "label", x: mark.x, y: top + rowHeight / 2 + 3 });
      text.textContent = mark.text.length > room ? mark.text.slice(0, room - 1) + "…" : mark.text;
      lane.appendChild(text);
    });
    box.appendChild(lane);
  });
}

// ----- map -----

const project = ([lon, lat]) => [(lon + 180) * 2, (90 - lat) * 2];

async function drawCountries() {
  const map = document.getElementById("map");
  const topology = await fetch("/countries-110m.json").then((r) => r.json());
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  // TopoJSON arcs are delta-encoded and quantised.
  const arcs = topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  const ring = (indexes) => {
    const points = [];
    for (const i of indexes) {
      const arc = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      points.push(...(points.length ? arc.slice(1) : arc));
    }
    return "M" + points.map((p) => project(p).map((v) => v.toFixed(1)).join(",")).join("L") + "Z";
  };
  for (const geometry of topology.objects.countries.geometries) {
    const polygons = geometry.type === "Polygon" ? [geometry.arcs] : geometry.type === "MultiPolygon" ? geometry.arcs : [];
    const d = polygons.map((polygon) => polygon.map(ring).join("")).join("");
    if (!d) continue;
    const path = svg("path", { class: "country", d });
    const title = svg("title");
    title.textContent = (geometry.properties && geometry.properties.name) || "";
    path.appendChild(title);
    map.appendChild(path);
  }
}

async function drawPlaces() {
  const map = document.getElementById("map");
  map.querySelectorAll(".place").forEach((n) => n.remove());
  // The places of the events shown, with their coordinates from the store.
  const shown = new Set(events.flatMap((e) => e.places));
  let places = [];
  try { places = await api("/api/places?limit=2000"); } catch (e) { return; }
  for (const place of places) {
    if (!shown.has(place.name) || place.lat == null || place.lon == null) continue;
    const [cx, cy] = project([place.lon, place.lat]);
    const count = events.filter((e) => e.places.includes(place.name)).length;
    const dot = svg("circle", { class: "place", cx, cy, r: Math.min(9, 3 + Math.sqrt(count) * 1.5) });
    dot.dataset.name = place.name;
    const title = svg("title");
    title.textContent = place.name + " (" + count + ")";
    dot.appendChild(title);
    dot.addEventListener("click", () => { document.getElementById("place").value = place.name; load(); });
    map.appendChild(dot);
  }
}

// ----- sources -----

function showKeyDate(key) {
  const box = document.getElementById("sources");
  box.replaceChildren();
  document.getElementById("panel-empty").hidden = true;
  const head = el("p");
  head.append(el("strong", {}, key.date + " · " + key.status + " · " + key.source_count + " source(s)"));
  box.appendChild(head);
  for (const line of key.summary) box.appendChild(el("p", {}, line.sentence));
  for (const source of key.sources) {
    const item = el("div", { class: "source" });
    item.appendChild(sourceLine(source));
    box.appendChild(item);
  }
}

function showSources(event) {
  const box = document.getElementById("sources");
  box.replaceChildren();
  document.getElementById("panel-empty").hidden = !!event;
  if (!event) return;
  const head = el("p");
  head.append(el("strong", {}, event.date + " · " + event.status), document.createTextNode(" " + event.text));
  box.appendChild(head);
  if (event.conflict) box.appendChild(el("p", { class: "meta" }, "Sources disagree on the date: " + event.dates.join(", ")));
  if (event.date_source === "inferred") {
    box.appendChild(el("p", { class: "meta" }, "Date inferred: no source dates this event; it is placed on the last day its story told before it, or on the publication date."));
  }
  if (event.linked) box.appendChild(el("p", { class: "meta" }, "Linked: " + event.linked.date + " (" + event.linked.status + ")"));
  for (const source of event.sources) {
    const item = el("div", { class: "source" });
    const sentence = el("p");
    // The date phrase highlighted: text pieces and a <mark>, all as text.
    const at = source.sentence.indexOf(source.expression);
    if (at >= 0 && source.expression) {
      sentence.append(
        document.createTextNode(source.sentence.slice(0, at)),
        el("mark", {}, source.expression),
        document.createTextNode(source.sentence.slice(at + source.expression.length)),
      );
    } else {
      sentence.textContent = source.sentence;
    }
    const meta = el("p", { class: "meta" });
    const href = source.url && /^https?:\/\//.test(source.url) ? source.url : "/api/documents/" + encodeURIComponent(source.doc);
    const link = el("a", { href, rel: "noopener noreferrer", target: "_blank" }, source.title || source.doc);
    const says = source.date_source === "inferred" ? " · dated from its story " : " · says ";
    meta.append(link, document.createTextNode(" · published " + source.dct + says + source.date + " (" + source.status + ")"));
    item.append(sentence, meta);
    box.appendChild(item);
  }
  if (event.source_count > event.sources.length) {
    box.appendChild(el("p", { class: "meta" }, "and " + (event.source_count - event.sources.length) + " more sources"));
  }
}

// ----- adding an article -----

async function addArticle(e) {
  e.preventDefault();
  const result = document.getElementById("article-result");
  const file = document.getElementById("article-file").files[0];
  let body;
  if (file && file.name.endsWith(".jsonl")) {
    body = await file.text();
  } else {
    const text = file ? await file.text() : document.getElementById("article-text").value;
    body = JSON.stringify({
      date: document.getElementById("article-date").value,
      title: document.getElementById("article-title").value || undefined,
      text,
    });
  }
  try {
    const answer = await api("/api/documents", { method: "POST", body, headers: { "Content-Type": "application/json" } });
    const entries = answer.documents.reduce((n, d) => n + d.entries.length, 0);
    result.textContent = "Added " + answer.added + " article(s), " + entries + " dated event(s).";
    document.getElementById("q").value = "";
    await Promise.all([load(), loadEntityNames()]);
  } catch (error) {
    result.textContent = "Not added: " + error.message;
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  setupTimeline();
  document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); load(); });
  document.getElementById("clear").addEventListener("click", () => {
    document.getElementById("filters").reset();
    load();
  });
  document.getElementById("article").addEventListener("submit", addArticle);
  document.getElementById("entity-form").addEventListener("submit", follow);
  document.getElementById("entity-clear").addEventListener("click", () => { followed = []; drawSwimlanes(); });
  document.getElementById("article-date").value = new Date().toISOString().slice(0, 10);
  window.addEventListener("resize", () => { drawTimeline(); drawSwimlanes(); });
  document.getElementById("chart-view").addEventListener("change", () => {
    chartView = document.getElementById("chart-view").value;
    view = null;
    drawTimeline();
  });
  await drawCountries().catch(() => {});
  await Promise.all([load(), loadEntityNames()]);
  document.body.dataset.ready = "true";
});
