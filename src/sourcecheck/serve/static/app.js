// The editor page: the draft is checked as it is typed (POST /v1/check), and every finding
// is listed and highlighted. Article text only ever reaches the page as textContent, never
// as HTML, so a <script> in a draft is shown, not run.
"use strict";

(() => {
  const DEBOUNCE_MS = 350;
  // Each scorer's colour comes from the server (/v1/scorers), the same as in the HTML
  // report: fixed per scorer, whatever it finds and wherever.
  const UNKNOWN_COLOUR = "#d7dbe2";
  const colours = {};

  const $ = (id) => document.getElementById(id);
  const draft = $("draft");
  const format = $("format");
  const statusLine = $("status");
  const colourStyle = $("scorer-colours");
  const coloured = new Set();
  let timer = 0;
  let sequence = 0;
  let inFlight = null;
  let catalogue = null;

  function colourOf(scorer) {
    return colours[scorer] || UNKNOWN_COLOUR;
  }

  function ensureColour(scorer) {
    if (coloured.has(scorer)) return;
    coloured.add(scorer);
    // Attribute selectors, so a newsroom style sheet can override them.
    const name = CSS.escape(scorer);
    colourStyle.textContent +=
      `mark[data-scorer="${name}"], .swatch[data-scorer="${name}"] { background: ${colourOf(scorer)}; }\n`;
  }

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === "text") node.textContent = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else node.setAttribute(key, value);
    }
    for (const child of children) node.append(child);
    return node;
  }

  function headers() {
    const result = { "Content-Type": "application/json" };
    const token = sessionStorage.getItem("sourcecheck-token");
    if (token) result.Authorization = `Bearer ${token}`;
    return result;
  }

  function setStatus(text, isError = false) {
    statusLine.textContent = text;
    statusLine.classList.toggle("error", isError);
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE_MS);
  }

  async function check() {
    await catalogue; // the scorers' colours, before anything is drawn in them
    const text = draft.value;
    const mine = ++sequence;
    if (inFlight) inFlight.abort();
    if (!text.trim()) {
      render(null, text);
      setStatus("");
      return;
    }
    inFlight = new AbortController();
    setStatus("checking…");
    let response;
    try {
      response = await fetch("/v1/check", {
        method: "POST",
        headers: headers(),
        body: JSON.stringify({ text, format: format.value }),
        signal: inFlight.signal,
      });
    } catch (error) {
      if (error.name !== "AbortError") setStatus("the server cannot be reached", true);
      return;
    }
    const body = await response.json().catch(() => null);
    if (mine !== sequence) return; // a newer draft is being checked
    if (response.status === 401) {
      $("token-box").hidden = false;
      setStatus("this server needs a token", true);
      return;
    }
    if (!response.ok || !body) {
      setStatus(body && body.detail ? body.detail : `error ${response.status}`, true);
      return;
    }
    const file = body.files[0];
    if (file.error) {
      setStatus(file.error, true);
      render(null, text);
      return;
    }
    render(file, text);
    const count = file.findings.length;
    setStatus(`${count} finding${count === 1 ? "" : "s"}`);
  }

  // A scorer may report one finding twice (two attributions of one source): list it once.
  function distinct(findings) {
    const seen = new Set();
    return findings.filter((f) => {
      const key = [f.rule, f.offset, f.length, f.severity, f.message].join("\u0000");
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  // Offsets in the response count code points; JavaScript strings count UTF-16 units.
  function unitIndex(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => offset;
    const units = [];
    let unit = 0;
    for (const ch of text) {
      units.push(unit);
      unit += ch.length;
    }
    units.push(unit);
    return (offset) => units[Math.min(offset, units.length - 1)];
  }

  function render(file, text) {
    renderScore(file);
    renderBreakdown(file);
    const findings = file ? distinct(file.findings) : [];
    const toUnit = unitIndex(text);
    const placed = findings.map((finding, index) => {
      const hasSpan = finding.offset !== null && finding.length > 0;
      const start = hasSpan ? toUnit(finding.offset) : -1;
      const end = hasSpan ? toUnit(finding.offset + finding.length) : -1;
      return { finding, index, start, end };
    });
    for (const item of placed) ensureColour(item.finding.scorer);
    renderFindings(placed);
    renderHighlights(placed, text);
  }

  function renderScore(file) {
    const scored = file && file.score !== null;
    $("score-value").textContent = scored ? String(Math.floor(file.score)) : "–";
    $("score-band").textContent = scored ? file.band : file ? "not scored" : "type or paste a draft";
  }

  function signed(value) {
    return `${value >= 0 ? "+" : "−"}${Math.abs(value).toFixed(1)}`;
  }

  function renderBreakdown(file) {
    const body = $("breakdown").tBodies[0];
    body.replaceChildren();
    if (!file) {
      $("arithmetic").textContent = "";
      return;
    }
    let total = 0;
    for (const scorer of file.scorers) {
      ensureColour(scorer.name);
      const ok = scorer.status === "ok";
      if (ok) total += scorer.contribution;
      const name = el("td", {}, el("span", { class: "swatch", dataset: { scorer: scorer.name } }), scorer.name);
      name.append(el("span", { class: "summary", text: ok ? scorer.summary : scorer.status }));
      body.append(
        el(
          "tr",
          { dataset: { scorer: scorer.name } },
          name,
          el("td", { text: ok && scorer.score !== null ? scorer.score.toFixed(2) : "–" }),
          el("td", { text: ok ? signed(scorer.contribution) : scorer.status }),
        ),
      );
    }
    const score = file.score === null ? "–" : file.score.toFixed(1);
    $("arithmetic").textContent =
      `baseline ${file.baseline.toFixed(1)} + contributions ${signed(total)} = score ${score}`;
  }

  function renderFindings(placed) {
    const list = $("findings");
    list.replaceChildren();
    for (const { finding, index, start } of placed) {
      const button = el(
        "button",
        { type: "button", class: "finding-button", dataset: { finding: String(index) } },
        el("span", { class: "swatch", dataset: { scorer: finding.scorer } }),
        el("span", { class: "where", text: `${finding.line}:${finding.column} ` }),
        el("span", { class: "severity", text: `${finding.severity} ` }),
        el("span", { class: "message", text: finding.message }),
      );
      if (start >= 0) button.addEventListener("click", () => goToMark(index));
      else button.setAttribute("aria-disabled", "true");
      const link = el("a", { class: "rule-link", href: `#rule-${finding.rule}`, text: finding.rule });
      link.addEventListener("click", () => ($("rules").open = true));
      const item = el("li", { id: `finding-${index}`, dataset: { rule: finding.rule } }, button, " ", link);
      if (finding.snippet) item.append(el("span", { class: "snippet", text: `“${finding.snippet}”` }));
      list.append(item);
    }
  }

  // The text cut at every finding's start and end; each piece covered by a finding becomes
  // a <mark> for the finding that starts last (the narrowest around it), so overlapping
  // findings all stay visible and no text is repeated.
  function renderHighlights(placed, text) {
    const box = $("highlighted");
    box.replaceChildren();
    const spans = placed.filter((p) => p.start >= 0 && p.end > p.start);
    const cuts = new Set([0, text.length]);
    for (const p of spans) {
      cuts.add(p.start);
      cuts.add(p.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i], points[i + 1]];
      const piece = text.slice(from, to);
      const covering = spans.filter((p) => p.start <= from && p.end >= to);
      if (!covering.length) {
        box.append(piece);
        continue;
      }
      const top = covering.reduce((a, b) => (b.start > a.start ? b : a));
      const mark = el("mark", {
        tabindex: "0",
        title: `${top.finding.rule}: ${top.finding.message}`,
        dataset: {
          rule: top.finding.rule,
          scorer: top.finding.scorer,
          finding: String(top.index),
          findings: covering.map((p) => p.index).join(" "),
        },
        text: piece,
      });
      // data-finding is the finding the mark stands for now: the narrowest, or the one
      // the reader came from (goToMark), so going back returns to it.
      mark.addEventListener("click", () => goToFinding(Number(mark.dataset.finding)));
      mark.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          goToFinding(Number(mark.dataset.finding));
        }
      });
      box.append(mark);
    }
  }

  function markCurrent(selector, node) {
    for (const old of document.querySelectorAll(selector)) old.classList.remove("current");
    node.classList.add("current");
  }

  function goToMark(index) {
    // Findings on the same words share a mark: data-findings lists every one it shows.
    const mark = document.querySelector(`#highlighted mark[data-findings~="${index}"]`);
    if (!mark) return;
    mark.dataset.finding = String(index);
    markCurrent("#highlighted mark.current", mark);
    mark.scrollIntoView({ block: "center", behavior: "smooth" });
    mark.focus({ preventScroll: true });
  }

  function goToFinding(index) {
    const item = $(`finding-${index}`);
    if (!item) return;
    markCurrent("#findings li.current", item);
    item.scrollIntoView({ block: "center", behavior: "smooth" });
    item.querySelector("button").focus({ preventScroll: true });
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: headers() }).catch(() => null);
    return response && response.ok ? response.json() : null;
  }

  async function loadCatalogue() {
    const scorers = (await getJson("/v1/scorers")) || [];
    for (const scorer of scorers) colours[scorer.name] = scorer.colour;
    const rules = (await getJson("/v1/rules")) || {};
    const list = $("rule-list");
    list.replaceChildren();
    for (const [rule, text] of Object.entries(rules)) {
      const scorer = rule.split("/")[0];
      ensureColour(scorer);
      list.append(
        el("dt", { id: `rule-${rule}` }, el("span", { class: "swatch", dataset: { scorer } }), rule),
        el("dd", { text }),
      );
    }
  }

  function openFile(event) {
    const file = event.target.files[0];
    if (!file) return;
    format.value = /\.te?xt$/i.test(file.name) ? "text" : "markdown";
    file.text().then((text) => {
      draft.value = text;
      check();
    });
  }

  $("token-save").addEventListener("click", () => {
    sessionStorage.setItem("sourcecheck-token", $("token").value);
    $("token-box").hidden = true;
    catalogue = loadCatalogue();
    check();
  });
  draft.addEventListener("input", schedule);
  format.addEventListener("change", check);
  $("file").addEventListener("change", openFile);
  catalogue = loadCatalogue();
  if (draft.value.trim()) check();
})();
