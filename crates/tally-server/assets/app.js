// tally web page: search, claim cards, documents, timeline chart, sources.
//
// Safety rule for this file: text from articles (claims, names, titles, paragraphs) is
// only ever put into the page with textContent or createTextNode, never parsed as HTML, so a
// "<script>" inside an article stays text. The server's Content-Security-Policy would
// refuse to run it anyway. A url from an article is a link only when it is http(s)
// (webLink), since "javascript:..." in an href is live.
"use strict";

const SVG = "http://www.w3.org/2000/svg";

// ---------------------------------------------------------------- DOM helpers

/** A link to a document's url, only when it is a web address: a stored url is whatever the
 * article or crawl said ("javascript:...", "data:..."), and an href would make it live. */
function webLink(url) {
  return /^https?:\/\//i.test(url)
    ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, url)
    : el("span", {}, url);
}

/** Builds an element: el("a", {href: "#", class: "x"}, "text", child, ...). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

/** The same for SVG elements. */
function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

// ---------------------------------------------------------------- formatting

const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

function num(v) {
  const a = Math.abs(v);
  if (a >= 1e9) return NUMBER.format(v / 1e9) + " billion";
  if (a >= 1e6) return NUMBER.format(v / 1e6) + " million";
  return NUMBER.format(v);
}

/** A figure's range: "300–900", "≥ 1,000", "~1,100", "USD 5.6 billion". */
function range(f) {
  let text;
  const { low, best, high } = f;
  if (low != null && high != null && low === high) text = num(low);
  else if (low != null && high != null) text = `${num(low)}–${num(high)}`;
  else if (low != null && f.open_high) text = `≥ ${num(low)}`;
  else if (best != null) text = `~${num(best)}`;
  else if (low != null) text = `≥ ${num(low)}`;
  else if (high != null) text = `≤ ${num(high)}`;
  else text = f.raw;
  if (f.approx && !text.startsWith("~")) text = "~" + text;
  if (f.unit) text = `${f.unit} ${text}`;
  return text;
}

const KIND_NAMES = {
  direct: "direct quote",
  indirect: "paraphrase",
  mixed: "partial quote",
  reporter: "reporter's voice",
};

function shortDate(value) {
  return value ? String(value).slice(0, 10) : "";
}

// ---------------------------------------------------------------- API

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== "") query.set(k, v);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? body.error.message : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}

// ---------------------------------------------------------------- routing

const view = () => document.getElementById("view");

function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, search] = hash.split("?");
  const params = Object.fromEntries(new URLSearchParams(search || ""));
  const parts = path.split("/").filter(Boolean);
  const tab = parts[0] === "timeline" ? "timeline" : parts[0] === "sources" ? "sources" : "claims";
  for (const a of document.querySelectorAll(".tabs a")) {
    a.classList.toggle("active", a.dataset.tab === tab);
  }
  document.getElementById("filters").hidden = !(parts.length === 0 || parts[0] === "claims");
  const show = {
    claim: () => showClaim(parts[1]),
    doc: () => showDocument(parts[1]),
    timeline: () => showTimeline(params),
    sources: () => showSources(),
  }[parts[0]] || (() => showClaims(params));
  show().catch((e) => {
    clear(view());
    view().append(el("p", { class: "error" }, "Could not load: ", e.message));
  });
}

function go(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== "") query.set(k, v);
  }
  const target = query.toString() ? `#${path}?${query}` : `#${path}`;
  if (location.hash === target) route();
  else location.hash = target;
}

// ---------------------------------------------------------------- claims

function backLink() {
  return el("p", { class: "back" }, el("a", {
    href: "#/",
    onclick: (e) => { if (history.length > 1) { e.preventDefault(); history.back(); } },
  }, "← Back"));
}

const FILTERS = ["speaker", "entity", "place", "measure", "kind", "anonymous", "since", "until"];

function currentFilters() {
  const out = { q: document.getElementById("q").value.trim() };
  for (const name of FILTERS) {
    const input = document.querySelector(`#filters [name=${name}]`);
    out[name] = input.value.trim();
  }
  return out;
}

function syncFilters(params) {
  document.getElementById("q").value = params.q || "";
  for (const name of FILTERS) {
    document.querySelector(`#filters [name=${name}]`).value = params[name] || "";
  }
}

async function showClaims(params) {
  syncFilters(params);
  const offset = Number(params.offset || 0);
  const page = await api("/api/claims", { ...params, limit: 20, offset });
  const root = view();
  clear(root);
  const described = params.q ? ` for “${params.q}”` : "";
  root.append(
    el("div", { class: "summary" },
      el("span", { class: "count" }, `${page.total} claim${page.total === 1 ? "" : "s"}${described}`),
      page.total > 0 ? el("span", { class: "hint" }, `showing ${offset + 1}–${offset + page.claims.length}`) : null),
  );
  if (page.claims.length === 0) {
    root.append(el("p", { class: "empty" },
      "No claims match. Try fewer filters, or ingest articles with ",
      el("code", {}, "tally ingest"), " or ", el("code", {}, "POST /api/ingest"), "."));
    return;
  }
  const list = el("div", { class: "cards" });
  for (const claim of page.claims) list.append(claimCard(claim));
  root.append(list);
  const pager = el("div", { class: "pager" });
  if (offset > 0) {
    pager.append(el("button", { type: "button", onclick: () => go("/", { ...params, offset: Math.max(0, offset - 20) }) }, "← Newer"));
  }
  if (offset + page.claims.length < page.total) {
    pager.append(el("button", { type: "button", onclick: () => go("/", { ...params, offset: offset + 20 }) }, "More →"));
  }
  root.append(pager);
}

function claimantBlock(c) {
  const who = el("div", { class: "who" });
  const badge = c.anonymous
    ? el("span", { class: "badge anonymous", title: "Not identified by name" }, "anonymous")
    : c.kind === "speaker"
      ? el("span", { class: "badge named" }, "named")
      : el("span", { class: "badge outlet" }, c.kind === "unknown" ? "unknown" : c.kind);
  who.append(badge, el("strong", { class: "claimant" }, c.name));
  const details = [];
  if (c.role) details.push(c.role);
  if (c.affiliation_name || c.affiliation) details.push(c.affiliation_name || c.affiliation);
  if (details.length) who.append(el("span", { class: "role" }, details.join(" · ")));
  if (c.group) who.append(el("span", { class: "tag" }, "group"));
  for (const cond of c.conditions || []) who.append(el("span", { class: "tag condition" }, cond));
  return who;
}

/** Who did the harm, as the CLI's timeline says it: "killed by Russian drones and missiles (RU)". */
function agentText(measure, f) {
  if (!f.agent) return null;
  // Measures named by a past participle read as one ("killed by"); others were "caused by".
  const verb = ["killed", "wounded", "captured", "displaced", "detained"].includes(measure) ? measure : "caused";
  // A pronoun agent ("Israel says it has killed ...") is shown by its entity.
  if (f.agent_entity && /^(it|they|we|he|she|i|them|us|him|her)$/i.test(f.agent)) return `${verb} by ${f.agent_entity} (“${f.agent}”)`;
  return f.agent_entity && f.agent_entity !== f.agent ? `${verb} by ${f.agent} (${f.agent_entity})` : `${verb} by ${f.agent}`;
}

function figureChips(figures) {
  if (!figures.length) return null;
  const box = el("div", { class: "figures" });
  for (const f of figures) {
    box.append(el("span", { class: `figure-chip m-${f.measure}`, title: `“${f.raw}”${f.noun ? " " + f.noun : ""}` },
      el("b", { class: "range" }, range(f)),
      f.measure !== "other" && f.measure !== "money" ? el("span", { class: "measure" }, f.measure) : null,
      el("span", { class: "raw" }, `“${f.raw}”`),
      f.place ? el("span", { class: "where" }, f.place) : null,
      f.agent ? el("span", { class: "where" }, agentText(f.measure, f)) : null,
      (f.hedges || []).map((h) => el("span", { class: "hedge" }, h))));
  }
  return box;
}

/** Paragraphs with marked segments; `kinds` says which mark kinds to highlight. */
function passages(list, marks, kinds) {
  const box = el("div", { class: "passages" });
  for (const p of list) {
    const para = el("p", { class: "passage" });
    for (const seg of p.segments) {
      const used = seg.marks.map((i) => marks[i]).filter((m) => m && kinds.has(m.kind));
      if (!used.length) {
        para.append(document.createTextNode(seg.text));
        continue;
      }
      const classes = [...new Set(used.map((m) => "m-" + m.kind))].join(" ");
      const title = [...new Set(used.map((m) => m.label))].join("\n");
      const tag = used.some((m) => m.kind === "evidence") ? "mark" : "span";
      para.append(el(tag, { class: `hl ${classes}`, title }, seg.text));
    }
    box.append(para);
  }
  return box;
}

/** Half a year either side of a date: the window a claim's timeline opens on. */
function around(date) {
  const day = parseDay(date);
  if (day === null) return {};
  const HALF_YEAR = 182 * 86400000;
  const iso = (t) => new Date(t).toISOString().slice(0, 10);
  return { since: iso(day - HALF_YEAR), until: iso(day + HALF_YEAR) };
}

function claimCard(claim) {
  const card = el("article", { class: `claim-card kind-${claim.kind}`, "data-claim": claim.id });
  append(card, [
    el("header", {},
      claimantBlock(claim.claimant),
      el("div", { class: "meta" },
        el("span", { class: `kind kind-${claim.kind}` }, KIND_NAMES[claim.kind] || claim.kind),
        claim.said_date ? el("time", { class: "said", datetime: claim.said_date }, `said ${claim.said_date}`) : null)),
    figureChips(claim.figures),
  ]);
  if (claim.passages.length) {
    card.append(passages(claim.passages, claim.marks, new Set(["evidence", "figure"])));
  } else {
    card.append(el("p", { class: "content" }, claim.content));
  }
  const d = claim.document;
  const timelineFigure = claim.figures.find((f) => f.measure !== "other");
  card.append(el("footer", {},
    el("span", { class: "source" },
      el("a", { href: `#/doc/${d.id}`, class: "doc-link" }, d.title || "(untitled)"),
      d.publisher ? ` · ${d.publisher}` : "",
      d.agency && d.agency !== d.publisher ? ` (${d.agency})` : "",
      d.published ? ` · ${shortDate(d.published)}` : ""),
    el("span", { class: "actions" },
      claim.carriers > 1 ? el("span", { class: "carriers", title: "Documents carrying this claim" }, `${claim.carriers} carriers`) : null,
      claim.matched ? el("span", { class: "matched" }, `matched in ${claim.matched}`) : null,
      el("a", { href: `#/claim/${claim.id}` }, "Details"),
      timelineFigure ? el("a", {
        href: "#/timeline?" + new URLSearchParams(Object.entries({
          measure: timelineFigure.measure,
          subject: timelineFigure.subject_entity || "",
          place: timelineFigure.place_entity || "",
          ...around(claim.said_date || shortDate(d.published)),
        }).filter(([, v]) => v)),
        class: "timeline-link",
      }, "Timeline") : null)));
  return card;
}

async function showClaim(id) {
  const detail = await api(`/api/claims/${encodeURIComponent(id)}`);
  const root = view();
  clear(root);
  root.append(backLink());
  root.append(claimCard(detail.claim));
  const info = el("section", { class: "panel" }, el("h2", {}, "Carried by"));
  const table = el("table", { class: "grid" },
    el("thead", {}, el("tr", {}, ["Document", "Publisher", "Published", "Said"].map((h) => el("th", {}, h)))));
  const body = el("tbody");
  for (const c of detail.carriers) {
    body.append(el("tr", {},
      el("td", {}, el("a", { href: `#/doc/${c.document.id}` }, c.document.title || c.document.id)),
      el("td", {}, c.document.publisher || ""),
      el("td", {}, shortDate(c.document.published)),
      el("td", {}, c.said_date ? `${c.said_date}${c.said_basis ? " (" + c.said_basis.replace(/_/g, " ") + ")" : ""}` : "")));
  }
  table.append(body);
  info.append(table);
  if (detail.entities.length) {
    info.append(el("h3", {}, "Mentions"),
      el("div", { class: "chips" }, detail.entities.map((e) =>
        el("a", { class: `chip e-${e.kind}`, href: "#/?" + new URLSearchParams({ entity: e.id }) }, e.name))));
  }
  if (detail.conditions.length) {
    info.append(el("h3", {}, "Sourcing conditions"), el("ul", {}, detail.conditions.map((c) => el("li", {}, c))));
  }
  if (detail.rules.length) {
    info.append(el("h3", {}, "Why tally built it"), el("div", { class: "chips" }, detail.rules.map((r) => el("code", { class: "chip" }, r))));
  }
  root.append(info);
}

// ---------------------------------------------------------------- document

const LAYERS = [
  ["figure", "Figures"],
  ["time", "Times"],
  ["entity", "Entities"],
  ["speaker", "Speakers"],
  ["cue", "Cues"],
  ["quote", "Quoted content"],
];

async function showDocument(id) {
  const doc = await api(`/api/documents/${encodeURIComponent(id)}`);
  const root = view();
  clear(root);
  const d = doc.document;
  const shown = new Set(LAYERS.map(([k]) => k));
  const textBox = el("div", { class: "doc-text" });
  const redraw = () => {
    clear(textBox);
    textBox.append(passages(doc.passages, doc.marks, shown));
  };
  const legend = el("div", { class: "legend" });
  for (const [kind, name] of LAYERS) {
    const count = doc.marks.filter((m) => m.kind === kind).length;
    const box = el("input", { type: "checkbox", checked: true, "data-layer": kind });
    box.addEventListener("change", () => {
      if (box.checked) shown.add(kind); else shown.delete(kind);
      redraw();
    });
    legend.append(el("label", { class: `layer m-${kind}` }, box, el("span", { class: "swatch hl m-" + kind }, name), ` ${count}`));
  }
  redraw();
  root.append(
    backLink(),
    el("article", { class: "document" },
      el("header", {},
        el("h1", {}, d.title || "(untitled)"),
        el("p", { class: "doc-meta" },
          [d.publisher, d.agency && d.agency !== d.publisher ? `wire: ${d.agency}` : null,
            doc.byline ? `by ${doc.byline}` : null, shortDate(d.published)].filter(Boolean).join(" · ")),
        doc.source_chain.length > 1 ? el("p", { class: "chain" }, "Source chain: ", doc.source_chain.join(" → ")) : null,
        doc.cluster_size > 1 ? el("p", { class: "chain" }, `Syndicated: ${doc.cluster_size} copies of this story are stored`) : null,
        d.url ? el("p", { class: "url" }, webLink(d.url)) : null),
      legend,
      textBox),
  );
  if (doc.claims.length) {
    const list = el("div", { class: "cards" });
    for (const claim of doc.claims) list.append(claimCard(claim));
    root.append(el("h2", { class: "section" }, `${doc.claims.length} claims in this article`), list);
  }
}

// ---------------------------------------------------------------- timeline

const PALETTE = ["#3346d3", "#d9480f", "#2b8a3e", "#ae3ec9", "#1098ad", "#e8590c", "#5c940d", "#c2255c", "#495057", "#f08c00"];

async function showTimeline(params) {
  const options = await api("/api/timeline/options", { measure: params.measure || "" });
  const measure = params.measure || (options.measures[0] && options.measures[0].value);
  const root = view();
  clear(root);
  if (!measure) {
    root.append(el("p", { class: "empty" }, "No figures stored yet: nothing to draw."));
    return;
  }
  const facets = params.measure ? options : await api("/api/timeline/options", { measure });
  const select = (name, list, value, anyLabel) => {
    const s = el("select", { name },
      anyLabel ? el("option", { value: "" }, anyLabel) : null,
      list.map((f) => el("option", { value: f.value, selected: f.value === value }, `${f.label} (${f.figures})`)));
    return s;
  };
  const form = el("form", { class: "timeline-controls" },
    el("label", {}, "Measure ", select("measure", options.measures, measure)),
    el("label", {}, "Subject ", select("subject", facets.subjects, params.subject, "any subject")),
    el("label", {}, "Place ", select("place", facets.places, params.place, "any place")),
    el("label", {}, "From ", el("input", { type: "date", name: "since", value: params.since || "" })),
    el("label", {}, "to ", el("input", { type: "date", name: "until", value: params.until || "" })),
    el("button", { type: "submit" }, "Draw"));
  const submit = (e) => {
    if (e) e.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    go("/timeline", data);
  };
  form.addEventListener("submit", submit);
  form.querySelector("[name=measure]").addEventListener("change", () => {
    form.querySelector("[name=subject]").value = "";
    form.querySelector("[name=place]").value = "";
    submit();
  });
  root.append(el("h1", { class: "section" }, "How the estimate changed"), form);
  // A subject or place that is not among the choices (typed in a link) still filters.
  const timeline = await api("/api/timeline", {
    measure, subject: params.subject, place: params.place, since: params.since, until: params.until,
  });
  const chartBox = el("div", { class: "chart-box", id: "timeline-chart" });
  root.append(chartBox);
  drawTimeline(chartBox, timeline);
  root.append(estimateTable(timeline));
}

function parseDay(value) {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2] || 1) - 1, Number(m[3] || 1));
}

/** A tick label centred on x would be cut by the chart's edge: anchor it inside instead
 * (about 7 px a character at the tick size). */
function edge(x, label, width) {
  const half = label.length * 3.5;
  return x + half > width ? " end" : x - half < 0 ? " start" : "";
}

/** "Nice" ticks for a linear scale. */
function linearTicks(lo, hi, count) {
  const span = hi - lo || 1;
  const step0 = Math.pow(10, Math.floor(Math.log10(span / count)));
  const err = span / count / step0;
  const step = step0 * (err >= 7.5 ? 10 : err >= 3.5 ? 5 : err >= 1.5 ? 2 : 1);
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(v);
  return ticks;
}

function logTicks(lo, hi) {
  const ticks = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * Math.pow(10, e);
      if (v >= lo && v <= hi) ticks.push(v);
    }
  }
  return ticks;
}

/** Calendar ticks between two instants: years, months, weeks or days, as [time, label]. */
function timeTicks(from, to) {
  const DAY = 86400000;
  const span = to - from;
  const ticks = [];
  const start = new Date(from);
  if (span > 3 * 365 * DAY) {
    for (let y = start.getUTCFullYear(); Date.UTC(y, 0, 1) <= to; y++) {
      if (Date.UTC(y, 0, 1) >= from) ticks.push([Date.UTC(y, 0, 1), String(y)]);
    }
  } else if (span > 60 * DAY) {
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let y = start.getUTCFullYear(), m = start.getUTCMonth();
    for (; Date.UTC(y, m, 1) <= to; m++) {
      const t = Date.UTC(y, m, 1);
      const d = new Date(t);
      if (t >= from) ticks.push([t, d.getUTCMonth() === 0 ? `${months[0]} ${d.getUTCFullYear()}` : months[d.getUTCMonth()]]);
    }
    if (ticks.length && !ticks[0][1].includes(" ")) ticks[0][1] += ` ${new Date(ticks[0][0]).getUTCFullYear()}`;
  } else {
    const step = span > 20 * DAY ? 7 * DAY : DAY;
    for (let t = Math.ceil(from / DAY) * DAY; t <= to; t += step) ticks.push([t, new Date(t).toISOString().slice(0, 10)]);
  }
  return ticks;
}

function shortNum(v) {
  if (v >= 1e9) return NUMBER.format(v / 1e9) + "B";
  if (v >= 1e6) return NUMBER.format(v / 1e6) + "M";
  if (v >= 1e4) return NUMBER.format(v / 1e3) + "k";
  return NUMBER.format(v);
}

function drawTimeline(box, timeline) {
  const points = timeline.estimates
    .map((e, i) => {
      const day = parseDay(e.date);
      const lo = e.low != null ? e.low : e.best;
      const hi = e.high != null ? e.high : e.open_high ? null : e.best;
      return { e, i, day, lo, hi, open: e.open_high || (e.high == null && e.low != null && e.best == null) };
    })
    .filter((p) => p.day !== null && (p.lo != null || p.hi != null));
  if (!points.length) {
    box.append(el("p", { class: "empty" }, "No dated estimates to draw for this choice."));
    return;
  }
  const W = 1040, H = 440, M = { top: 24, right: 28, bottom: 56, left: 76 };
  const values = points.flatMap((p) => [p.lo, p.hi, p.e.best]).filter((v) => v != null && v > 0);
  let vMin = Math.min(...values), vMax = Math.max(...values);
  const useLog = vMin > 0 && vMax / vMin > 30;
  if (useLog) { vMin = vMin / 1.6; vMax = vMax * 1.8; }
  else { vMin = 0; vMax = vMax * 1.25 || 1; }
  const y = useLog
    ? (v) => M.top + (H - M.top - M.bottom) * (1 - (Math.log(Math.max(v, vMin)) - Math.log(vMin)) / (Math.log(vMax) - Math.log(vMin)))
    : (v) => M.top + (H - M.top - M.bottom) * (1 - (v - vMin) / (vMax - vMin));
  let dMin = Math.min(...points.map((p) => p.day)), dMax = Math.max(...points.map((p) => p.day));
  const DAY = 86400000;
  const pad = Math.max(DAY, (dMax - dMin) * 0.08);
  dMin -= pad; dMax += pad;
  const x = (d) => M.left + (W - M.left - M.right) * ((d - dMin) / (dMax - dMin));

  // Series: one per claimant, in order of first appearance.
  const series = new Map();
  for (const p of points) {
    if (!series.has(p.e.claimant)) series.set(p.e.claimant, PALETTE[series.size % PALETTE.length]);
  }
  // Estimates on the same day are spread sideways so their bars do not hide each other.
  const byDay = new Map();
  for (const p of points) byDay.set(p.day, (byDay.get(p.day) || []).concat([p]));
  for (const group of byDay.values()) {
    group.forEach((p, k) => { p.cx = x(p.day) + (k - (group.length - 1) / 2) * 18; });
  }

  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": `Timeline of ${timeline.measure} estimates` });
  chart.append(svg("title", {}, `${timeline.measure} estimates by source over time`));
  const grid = svg("g", { class: "grid" });
  const yTicks = useLog ? logTicks(vMin, vMax) : linearTicks(vMin, vMax, 6);
  for (const t of yTicks) {
    grid.append(svg("line", { x1: M.left, x2: W - M.right, y1: y(t), y2: y(t) }),
      svg("text", { x: M.left - 10, y: y(t) + 4, class: "tick y" }, shortNum(t)));
  }
  const xTicks = timeTicks(dMin, dMax);
  const every = Math.ceil(xTicks.length / 9);
  xTicks.forEach(([d, label], k) => {
    if (k % every) return;
    grid.append(svg("line", { x1: x(d), x2: x(d), y1: M.top, y2: H - M.bottom, class: "v" }),
      svg("text", { x: x(d), y: H - M.bottom + 20, class: `tick x${edge(x(d), label, W)}` }, label));
  });
  grid.append(svg("text", { x: 18, y: M.top + (H - M.top - M.bottom) / 2, class: "axis-label",
    transform: `rotate(-90 18 ${M.top + (H - M.top - M.bottom) / 2})` }, `${timeline.measure}${useLog ? " (log scale)" : ""}`));
  chart.append(grid);

  // Contradictions: a dashed red line between the two estimates, drawn under the bars.
  const mid = (p) => y(p.e.best != null ? p.e.best : p.hi != null && p.lo != null ? (useLog ? Math.sqrt(p.lo * p.hi) : (p.lo + p.hi) / 2) : p.lo != null ? p.lo : p.hi);
  const byIndex = new Map(points.map((p) => [p.i, p]));
  const links = svg("g", { class: "contradictions" });
  let contradictions = 0;
  for (const p of points) {
    for (const f of p.e.flags) {
      const other = byIndex.get(f.other);
      if (!other) continue;
      if (f.flag === "contradiction" && f.other > p.i) {
        contradictions++;
        links.append(svg("line", { x1: p.cx, y1: mid(p), x2: other.cx, y2: mid(other), class: "contradiction-link" },
          svg("title", {}, `Contradiction: ${p.e.claimant} (${p.e.raw}) vs ${other.e.claimant} (${other.e.raw})`)));
      }
      if (f.flag === "revision") {
        links.append(svg("line", { x1: other.cx, y1: mid(other), x2: p.cx, y2: mid(p), class: "revision-link" },
          svg("title", {}, `Revision by ${p.e.claimant}`)));
      }
    }
  }
  chart.append(links);

  const bars = svg("g", { class: "estimates" });
  for (const p of points) {
    const color = series.get(p.e.claimant);
    const flagged = p.e.flags.some((f) => f.flag === "contradiction");
    const top = p.hi != null ? y(p.hi) : M.top + 6;
    const bottom = p.lo != null ? y(p.lo) : y(p.hi);
    const g = svg("g", { class: `estimate${flagged ? " flagged" : ""}`, "data-index": p.i });
    const tip = `${p.e.claimant} (${p.e.sourcing})\n${shortDate(p.e.date)}: ${estimateWords(p.e)} → ${range({ ...p.e, approx: false })}` +
      (p.e.agent ? `\n${agentText(timeline.measure, p.e)}` : "") +
      (p.e.carriers.length ? `\ncarried by ${p.e.carriers.map((c) => c.publisher || c.document_id).join(", ")}` : "") +
      (flagged ? "\n⚠ contradicts another estimate" : "");
    g.append(svg("title", {}, tip));
    if (flagged) g.append(svg("rect", { x: p.cx - 11, y: top - 5, width: 22, height: Math.max(bottom - top, 2) + 10, rx: 6, class: "flag-ring" }));
    g.append(svg("rect", { x: p.cx - 6, y: top, width: 12, height: Math.max(bottom - top, 2), rx: 3, fill: color, "fill-opacity": 0.22, stroke: color }));
    g.append(svg("line", { x1: p.cx - 8, x2: p.cx + 8, y1: bottom, y2: bottom, stroke: color, class: "cap" }));
    if (p.hi != null) g.append(svg("line", { x1: p.cx - 8, x2: p.cx + 8, y1: top, y2: top, stroke: color, class: "cap" }));
    else g.append(svg("path", { d: `M${p.cx - 7},${top + 8} L${p.cx},${top - 2} L${p.cx + 7},${top + 8}`, stroke: color, fill: "none", class: "cap" }));
    if (p.e.best != null) g.append(svg("circle", { cx: p.cx, cy: y(p.e.best), r: 4.5, fill: color }));
    g.append(svg("text", { x: p.cx + 12, y: (top + bottom) / 2 + 4, class: "point-label" }, p.e.raw));
    bars.append(g);
  }
  chart.append(bars);
  box.append(chart);

  const legend = el("div", { class: "chart-legend" });
  for (const [name, color] of series) {
    legend.append(el("span", { class: "series" }, el("span", { class: "dot", style: null, "data-color": color }), name));
  }
  legend.append(el("span", { class: "series" }, el("span", { class: "contradiction-key" }), `contradiction${contradictions === 1 ? "" : "s"} (${contradictions})`));
  legend.append(el("span", { class: "series note" }, "bars: low–high range · dot: best value · arrow: no upper bound"));
  box.append(legend);
  // Colors are set through the DOM, not inline style attributes, so the CSP can forbid them.
  for (const dot of legend.querySelectorAll(".dot")) dot.style.background = dot.dataset.color;
}

/** The figure's words and what it counts: "“47” people" (the noun may stand further on in the sentence). */
function estimateWords(e) {
  return e.noun ? `“${e.raw}” ${e.noun}` : `“${e.raw}”`;
}

function estimateTable(timeline) {
  const table = el("table", { class: "grid estimates-table" },
    el("thead", {}, el("tr", {}, ["Date", "Claimant", "Sourcing", "Words", "Range", "Carried by", "Flags"].map((h) => el("th", {}, h)))));
  const body = el("tbody");
  timeline.estimates.forEach((e, i) => {
    const flags = e.flags.map((f) => {
      const other = timeline.estimates[f.other];
      return f.flag === "contradiction"
        ? el("span", { class: "flag contradiction" }, `contradicts ${other ? other.claimant : "#" + f.other}`)
        : el("span", { class: "flag revision" }, "revision");
    });
    body.append(el("tr", { class: e.flags.some((f) => f.flag === "contradiction") ? "flagged" : null, "data-index": i },
      el("td", { class: "date" }, shortDate(e.date)),
      el("td", {}, e.claimant),
      el("td", {}, e.sourcing),
      el("td", {}, estimateWords(e), e.agent ? [el("br"), el("small", { class: "agent" }, agentText(timeline.measure, e))] : null),
      el("td", { class: "num" }, range({ ...e, approx: false })),
      el("td", {}, e.carriers.map((c, k) => [k ? ", " : "", el("a", { href: `#/doc/${c.document_id}` }, c.publisher || "document")])),
      el("td", {}, el("div", { class: "flags" }, flags))));
  });
  table.append(body);
  return el("section", { class: "panel estimates" }, el("h2", {}, `${timeline.estimates.length} estimates`), table);
}

// ---------------------------------------------------------------- sources

async function showSources() {
  const data = await api("/api/sources", { min_size: 1, limit: 50 });
  const root = view();
  clear(root);
  root.append(el("h1", { class: "section" }, "Sources and syndication"));
  const counts = el("table", { class: "grid" },
    el("thead", {}, el("tr", {}, ["Source", "Published", "Originated (wire)"].map((h) => el("th", {}, h)))),
    el("tbody", {}, data.sources.map((s) => el("tr", {}, el("td", {}, s.name), el("td", { class: "num" }, s.published), el("td", { class: "num" }, s.originated)))));
  root.append(el("section", { class: "panel" }, el("h2", {}, "Outlets and agencies"), counts));
  const clusters = el("section", { class: "panel" }, el("h2", {}, "Stories and their copies"));
  for (const c of data.clusters) {
    clusters.append(el("div", { class: "cluster" },
      el("div", { class: "cluster-head" },
        el("strong", {}, c.size > 1 ? `${c.size} copies` : "1 document"),
        c.agencies.length ? ` · wire: ${c.agencies.join(", ")}` : "",
        c.publishers.length ? ` · ${c.publishers.join(", ")}` : "",
        c.first_published ? ` · ${c.first_published}${c.last_published && c.last_published !== c.first_published ? " to " + c.last_published : ""}` : ""),
      el("ul", {}, c.members.map((m) => el("li", {},
        el("a", { href: `#/doc/${m.document_id}` }, m.title || m.document_id),
        m.publisher ? ` · ${m.publisher}` : "", m.published ? ` · ${shortDate(m.published)}` : "")))));
  }
  root.append(clusters);
}

// ---------------------------------------------------------------- start

async function loadMeasures() {
  try {
    const options = await api("/api/timeline/options");
    const select = document.querySelector("#filters [name=measure]");
    const keep = select.value;
    for (const m of options.measures) select.append(el("option", { value: m.value }, m.label));
    select.value = keep;
  } catch (e) {
    // The filter still works with "any"; the list is a convenience.
  }
}

function start() {
  document.getElementById("search").addEventListener("submit", (e) => {
    e.preventDefault();
    go("/", currentFilters());
  });
  for (const input of document.querySelectorAll("#filters input, #filters select")) {
    input.addEventListener("change", () => go("/", currentFilters()));
  }
  document.getElementById("clear-filters").addEventListener("click", () => {
    for (const input of document.querySelectorAll("#filters input, #filters select")) input.value = "";
    go("/", { q: document.getElementById("q").value.trim() });
  });
  window.addEventListener("hashchange", route);
  loadMeasures().then(route);
}

start();
