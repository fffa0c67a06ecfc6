// The playground: builds a request from the form, asks the live service, and shows the answer
// as a storefront would, with the explanation, the raw JSON, the curl command and a scenario.
"use strict";

const $ = (id) => document.getElementById(id);
const lines = [];
let last = null; // the last request decided, with its answer

function text(value) {
  return value == null ? "" : String(value);
}

function list(id) {
  return $(id).value.split(",").map((s) => s.trim()).filter((s) => s !== "");
}

/** A number where the text is one, so requests carry numbers; otherwise the text, for the API to refuse by name. */
function amount(text) {
  const value = Number(text);
  return text !== "" && Number.isFinite(value) ? value : text;
}

function setIfPresent(target, key, value) {
  if (value !== "" && value != null && !(Array.isArray(value) && value.length === 0)) {
    target[key] = value;
  }
}

/** The request for POST /v1/nudges that the form describes. */
function requestFromForm() {
  const request = {
    cart: {
      currency: $("currency").value,
      items: lines.map((l) => ({ sku: l.sku, quantity: amount(String(l.quantity)), price: amount(l.price) })),
    },
  };
  const shopper = {};
  setIfPresent(shopper, "id", $("shopper-id").value.trim());
  setIfPresent(shopper, "firstName", $("first-name").value.trim());
  setIfPresent(shopper, "segments", list("segments"));
  setIfPresent(shopper, "averageOrderValue", amount($("aov").value.trim()));
  setIfPresent(shopper, "size", $("size").value.trim());
  setIfPresent(shopper, "preferredColors", list("colors"));
  setIfPresent(shopper, "childrenAges", list("children-ages").map(Number));
  if (Object.keys(shopper).length) request.shopper = shopper;
  const context = {};
  setIfPresent(context, "country", $("country").value.trim());
  setIfPresent(context, "locale", $("locale").value.trim());
  setIfPresent(context, "weather", $("weather").value);
  setIfPresent(context, "at", $("at").value ? $("at").value + (/:\d\d:\d\d$/.test($("at").value) ? "" : ":00") + "Z" : "");
  if (Object.keys(context).length) request.context = context;
  return request;
}

function renderLines() {
  const body = $("lines");
  body.replaceChildren();
  lines.forEach((line, i) => {
    const row = document.createElement("tr");
    // Markup without data: a sku or name from a feed is set as text, never parsed as HTML.
    row.innerHTML = `<th scope="row"></th><td></td>
      <td><input class="quantity" type="number" min="1"></td>
      <td><input class="price" inputmode="decimal"></td>
      <td><button type="button" class="remove">Remove</button></td>`;
    row.querySelector(".quantity").setAttribute("aria-label", `Quantity of ${line.sku}`);
    row.querySelector(".price").setAttribute("aria-label", `Unit price of ${line.sku}`);
    row.querySelector(".remove").setAttribute("aria-label", `Remove ${line.sku}`);
    row.cells[0].textContent = line.sku;
    row.cells[1].textContent = line.name;
    const quantity = row.querySelector(".quantity");
    quantity.value = line.quantity;
    quantity.addEventListener("input", () => (line.quantity = quantity.value));
    const price = row.querySelector(".price");
    price.value = line.price;
    price.addEventListener("input", () => (line.price = price.value.trim()));
    row.querySelector(".remove").addEventListener("click", () => {
      lines.splice(i, 1);
      renderLines();
    });
    body.append(row);
  });
}

let searchSeq = 0;
async function search() {
  const seq = ++searchSeq;
  const q = $("search").value.trim();
  const results = $("search-results");
  if (!q) {
    results.replaceChildren();
    return;
  }
  const response = await fetch(`/v1/catalog/products?limit=8&q=${encodeURIComponent(q)}`);
  const products = response.ok ? await response.json() : [];
  if (seq !== searchSeq) return;
  results.replaceChildren(...products.map((p) => {
    const item = document.createElement("li");
    const add = document.createElement("button");
    add.type = "button";
    add.dataset.sku = p.sku;
    // The price in the cart's currency; a product the shop does not price in it starts at 0.
    const price = p.prices[$("currency").value] ?? 0;
    add.textContent = `Add ${p.sku}: ${p.name} (${price})`;
    add.addEventListener("click", () => {
      lines.push({ sku: p.sku, name: p.name, quantity: 1, price: String(price) });
      renderLines();
      $("search").focus();
    });
    item.append(add);
    return item;
  }));
}

function money(amount, currency, locale) {
  try {
    return new Intl.NumberFormat(locale || "en-US", { style: "currency", currency }).format(Number(amount));
  } catch (e) {
    return `${amount} ${currency}`;
  }
}

function renderAnswer(request, answer) {
  const locale = request.context && request.context.locale;
  const nudges = $("nudges");
  nudges.replaceChildren();
  if (!answer.nudges.length) {
    nudges.innerHTML = "<p>No nudge for this cart.</p>";
  }
  for (const nudge of answer.nudges) {
    const card = document.createElement("article");
    card.className = "nudge";
    card.dataset.type = nudge.type;
    const message = document.createElement("p");
    message.className = "nudge-message";
    message.textContent = nudge.message;
    card.append(message);
    if (nudge.threshold != null) {
      const bar = document.createElement("progress");
      bar.max = Number(nudge.threshold);
      bar.value = Number(nudge.threshold) - Number(nudge.amountRemaining);
      bar.setAttribute("aria-label", `Progress towards ${money(nudge.threshold, answer.currency, locale)}`);
      const toGo = document.createElement("p");
      toGo.className = "to-go";
      toGo.textContent = `${money(nudge.amountRemaining, answer.currency, locale)} to go`;
      card.append(bar, toGo);
    }
    if (nudge.products.length) {
      const products = document.createElement("ul");
      products.className = "nudge-products";
      for (const p of nudge.products) {
        const li = document.createElement("li");
        li.textContent = p.price == null ? `${p.name} (${p.sku})` : `${p.name} (${p.sku}), ${money(p.price, answer.currency, locale)}`;
        products.append(li);
      }
      card.append(products);
    }
    const meta = document.createElement("p");
    meta.className = "nudge-meta";
    meta.textContent = `${nudge.type} from “${nudge.rule}”`;
    card.append(meta);
    nudges.append(card);
  }
  const explanation = answer.explanation || { fired: [], dropped: [] };
  $("fired").replaceChildren(...explanation.fired.map((f) => item(f.from ? `${f.rule} (${f.from})` : f.rule)));
  const dropped = explanation.dropped.map((d) => item(`${d.rule} (${d.type}): ${d.reason}`));
  if (explanation.fault) dropped.push(item(`The decision was cut short: ${explanation.fault.kind} in “${explanation.fault.rule || "a rule"}”`));
  $("dropped").replaceChildren(...(dropped.length ? dropped : [item("none")]));
  $("scenario").textContent = scenario(request, answer);
}

function item(content) {
  const li = document.createElement("li");
  li.textContent = content;
  return li;
}

function curl(request) {
  const body = JSON.stringify(request).replaceAll("'", "'\\''");
  return `curl -s ${location.origin}/v1/nudges -H 'Content-Type: application/json' -d '${body}'`;
}

/** A scenario for rules/scenarios/ expecting this answer. JSON is YAML, so the request is written as it is sent. */
function scenario(request, answer) {
  const name = $("scenario-name").value.trim() || "A cart tried in the playground";
  const out = [`- name: ${JSON.stringify(name)}`, `  cart: ${JSON.stringify(request.cart)}`];
  if (request.shopper) out.push(`  shopper: ${JSON.stringify(request.shopper)}`);
  if (request.context) out.push(`  context: ${JSON.stringify(request.context)}`);
  if (!answer.nudges.length) {
    out.push("  expectNone: true");
  } else {
    out.push("  expect:");
    for (const n of answer.nudges) {
      const expected = { type: n.type, rule: n.rule };
      if (n.amountRemaining != null) expected.amountRemaining = n.amountRemaining;
      if (n.products.length) expected.products = n.products.map((p) => p.sku);
      out.push(`    - ${JSON.stringify(expected)}`);
    }
  }
  return out.join("\n") + "\n";
}

function showProblem(problem) {
  const error = $("error");
  const fields = (problem.errors || []).map((e) => `${e.field} ${e.message}`).join("; ");
  error.textContent = `${problem.title || "The request was refused"}: ${fields || problem.detail || ""}`;
  error.hidden = false;
}

async function decide(request) {
  // Pinned to the moment asked, so that the curl command and the scenario mean that moment too.
  if (!(request.context && request.context.at)) {
    request = { ...request, context: { ...(request.context || {}), at: new Date().toISOString() } };
  }
  $("error").hidden = true;
  $("curl").textContent = curl(request);
  const response = await fetch("/v1/nudges?explain=true", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(request),
  });
  // The answer as sent, so amounts keep their scale (JSON.parse turns 30.00 into 30).
  const raw = await response.text();
  const body = JSON.parse(raw);
  if (!response.ok) {
    showProblem(body);
    return;
  }
  last = { request, answer: body };
  renderAnswer(request, body);
  $("raw").textContent = raw;
  document.body.dataset.decided = body.decisionId;
}

async function loadRules() {
  const response = await fetch("/v1/rules");
  if (!response.ok) return;
  const rules = await response.json();
  $("rules-version").textContent = `${rules.version} (reload: ${rules.reload})`;
  $("rules").replaceChildren(...rules.rules.map((r) => {
    const row = document.createElement("tr");
    const where = r.row ? `${r.file}, sheet “${r.sheet}”, row ${r.row}` : r.file;
    for (const value of [r.name, where, r.description]) {
      const cell = document.createElement("td");
      cell.textContent = text(value);
      row.append(cell);
    }
    return row;
  }));
  const refused = $("last-refused");
  if (rules.lastRefused) {
    const problems = rules.lastRefused.errors.map((e) => `${e.cell ? `${e.file}, sheet “${e.sheet}”, cell ${e.cell}` : `${e.file}:${e.line}`}`
        + ` ${e.rule ? `rule “${e.rule}”: ` : ""}${e.message}`)
      .concat(rules.lastRefused.failedScenarios.map((s) => `${s.file}: ${s.scenario}: ${s.failures.join("; ")}`));
    refused.textContent = `Your last edit was refused at ${rules.lastRefused.at}; version ${rules.version} keeps serving. ${problems.join(" | ")}`;
    refused.hidden = false;
  } else {
    refused.hidden = true;
  }
}

function element(tag, text) {
  const made = document.createElement(tag);
  if (text !== undefined) made.textContent = text;
  return made;
}

function describeNudges(nudges) {
  return nudges.length ? nudges.map((n) => `${n.type} from “${n.rule}”: ${n.message}`).join("; ") : "no nudges";
}

function renderPreview(report, days) {
  const { check, replay } = report;
  const period = days === "1" ? "the last day" : `the last ${days} days`;
  const result = $("preview-result");
  const summary = element("p");
  summary.id = "preview-summary";
  summary.textContent = replay.carts === 0
    ? `No carts recorded in ${period} to replay: the service records them with nudge.events.carts=true.`
    : replay.replayed === 0
    ? `${replay.carts} carts recorded in ${period}, and none could be replayed: the service would refuse them all.`
    : `This draft (version ${replay.draftVersion}) changes ${(100 * replay.changedShare).toFixed(1)}% of the carts of ${period}:`
      + ` ${replay.changed.toLocaleString("en")} of ${replay.replayed.toLocaleString("en")}, against version ${replay.liveVersion} serving.`;
  const parts = [summary];
  if (!check.passed) {
    parts.push(element("p", `It would be refused: ${check.errors.length} errors, ${check.failedScenarios.length} failed scenarios`
      + " (a reload says which)."));
  }
  const changed = replay.rules.concat(replay.types).filter((c) => c.firedBefore !== c.firedAfter || c.shownBefore !== c.shownAfter);
  if (changed.length) {
    const table = element("table");
    const head = element("tr");
    for (const title of ["Rule or nudge type", "Fired before", "after", "Shown before", "after"]) {
      const th = element("th", title);
      th.scope = "col";
      head.append(th);
    }
    table.append(element("thead"), element("tbody"));
    table.tHead.append(head);
    for (const c of changed) {
      const row = element("tr");
      for (const value of [c.name, c.firedBefore, c.firedAfter, c.shownBefore, c.shownAfter]) row.append(element("td", String(value)));
      table.tBodies[0].append(row);
    }
    table.id = "preview-changes";
    parts.push(table);
  }
  if (replay.changedCarts.length) {
    parts.push(element("h3", "The first carts that change"));
    const list = element("ul");
    for (const cart of replay.changedCarts) {
      const subtotal = new Intl.NumberFormat("en", { style: "currency", currency: cart.currency }).format(cart.subtotal);
      list.append(element("li", `${subtotal}, ${cart.lines} line${cart.lines === 1 ? "" : "s"}:`
        + ` before ${describeNudges(cart.before)}; after ${describeNudges(cart.after)}`));
    }
    parts.push(list);
  }
  result.replaceChildren(...parts);
}

async function preview(event) {
  event.preventDefault();
  const days = $("preview-days").value;
  const problem = $("preview-error");
  problem.hidden = true;
  $("preview-result").replaceChildren(element("p", "Replaying..."));
  let response;
  let body;
  try {
    const draft = $("preview-draft").value.trim();
    response = await fetch(`/v1/rules/preview?days=${days}${draft ? `&draft=${encodeURIComponent(draft)}` : ""}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${$("admin-token").value}` },
    });
    body = await response.json();
  } catch (e) {
    // No answer, or one that is not JSON (a proxy that gave up on a long replay).
    $("preview-result").replaceChildren();
    problem.textContent = `The preview got no answer${response ? ` (HTTP ${response.status})` : ""}: try again, or a shorter period.`;
    problem.hidden = false;
    return;
  }
  if (!response.ok) {
    $("preview-result").replaceChildren();
    const errors = body.check ? body.check.errors.map((e) => `${e.file}${e.line ? `:${e.line}` : ""} ${e.message}`).join("; ") : "";
    problem.textContent = `${body.title || "The preview failed"}: ${body.detail || ""}${errors ? ` ${errors}` : ""}`;
    problem.hidden = false;
    return;
  }
  renderPreview(body, days);
}

$("search").addEventListener("input", search);
$("preview-form").addEventListener("submit", preview);
$("cart-form").addEventListener("submit", (event) => {
  event.preventDefault();
  decide(requestFromForm());
});
$("use-json").addEventListener("click", () => {
  try {
    decide(JSON.parse($("paste").value));
  } catch (e) {
    showProblem({ title: "This is not JSON", detail: e.message });
  }
});
$("scenario-name").addEventListener("input", () => {
  if (last) $("scenario").textContent = scenario(last.request, last.answer);
});
$("copy-curl").addEventListener("click", () => navigator.clipboard && navigator.clipboard.writeText($("curl").textContent));
$("copy-scenario").addEventListener("click", () => navigator.clipboard && navigator.clipboard.writeText($("scenario").textContent));
loadRules();
setInterval(loadRules, 5000);
