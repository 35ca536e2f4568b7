// Browser end-to-end test of the tally web page, run by tests/browser.rs:
//   node e2e.mjs BASE_URL OUT_DIR XSS_DOCUMENT_ID
// Drives Debian's Chromium headless with playwright-core (no browser download), and
// exits non-zero with a message on the first failed check. Screenshots go to OUT_DIR.
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [base, outDir, xssDoc] = process.argv.slice(2);
if (!base || !outDir || !xssDoc) {
  console.error("usage: node e2e.mjs BASE_URL OUT_DIR XSS_DOCUMENT_ID");
  process.exit(2);
}
const executablePath = process.env.TALLY_CHROMIUM || "/usr/bin/chromium";

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
  console.log(`ok: ${message}`);
}

const profile = mkdtempSync(join(tmpdir(), "tally-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
  ],
});
const problems = [];
try {
  const page = context.pages()[0] || (await context.newPage());
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
  page.on("dialog", (d) => { problems.push(`unexpected dialog: ${d.message()}`); d.dismiss(); });

  // 1. The page loads and lists claims.
  await page.goto(`${base}/`);
  await page.locator(".claim-card").first().waitFor({ timeout: 15000 });
  check(await page.title() === "tally · claim ledger", "the page loads with its title");

  // 2. Search "casualties": a card shows the anonymous official and the range.
  await page.fill("#q", "casualties");
  await page.press("#q", "Enter");
  await page.waitForFunction(() => location.hash.includes("q=casualties"));
  await page.locator(".summary .count", { hasText: "casualties" }).waitFor({ timeout: 15000 });
  const card = page.locator(".claim-card", { hasText: "A senior U.S. official" })
    .filter({ has: page.locator(".figure-chip") }).first();
  await card.waitFor({ timeout: 15000 });
  const badge = (await card.locator(".who .badge").textContent()).trim();
  check(badge === "anonymous", `the official's card says anonymous (badge "${badge}")`);
  const role = (await card.locator(".who .role").textContent()) || "";
  check(/official/.test(role), `the card shows the role (“${role}”)`);
  const ranges = await card.locator(".figure-chip .range").allTextContents();
  check(ranges.includes("300–900"), `the card shows the range 300–900 (found ${JSON.stringify(ranges)})`);
  const evidence = await card.locator("mark.m-evidence").allTextContents();
  check(evidence.join("").includes("several hundred"), "the evidence is highlighted inside its paragraph");
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(outDir, "claims-casualties.png"), fullPage: false });

  // 3. Open the timeline from that card: estimates drawn as ranges, contradictions marked.
  await card.locator("a.timeline-link").click();
  await page.locator("svg.chart .estimate").first().waitFor({ timeout: 15000 });
  const drawn = await page.locator("svg.chart .estimate").count();
  check(drawn >= 2, `the timeline draws ${drawn} estimates`);
  const flagged = await page.locator("svg.chart .estimate.flagged").count();
  check(flagged >= 2, `contradicting estimates are marked (${flagged})`);
  check(await page.locator("svg.chart .contradiction-link").count() >= 1, "a contradiction line joins them");
  await page.screenshot({ path: join(outDir, "timeline.png"), fullPage: true });

  // 4. A document view with annotations highlighted by type.
  const docId = await page.evaluate(async () => {
    const r = await fetch("/api/claims?q=casualties&limit=1");
    return (await r.json()).claims[0].document.id;
  });
  await page.goto(`${base}/#/doc/${docId}`);
  await page.locator(".doc-text .hl.m-figure").first().waitFor({ timeout: 15000 });
  for (const kind of ["figure", "time", "entity", "speaker", "cue"]) {
    const n = await page.locator(`.doc-text .hl.m-${kind}`).count();
    check(n > 0, `the document highlights ${kind} annotations (${n})`);
  }
  await page.screenshot({ path: join(outDir, "document.png"), fullPage: false });

  // 5. Article text is text: a <script> inside an article is shown, never run.
  await page.goto(`${base}/#/doc/${xssDoc}`);
  // Wait for this document's own heading: the previous document's passages stay in the
  // page until the new one is drawn, and reading them made this check flaky.
  await page.locator(".document h1", { hasText: "Tallyxss" }).waitFor({ timeout: 15000 });
  await page.locator(".doc-text .passage").first().waitFor({ timeout: 15000 });
  const text = await page.locator(".document").textContent();
  check(text.includes("<script>window.__tallyXss = 1</script>"), "a <script> in an article is shown as text");
  check(text.includes("<img src=x onerror="), "an <img onerror> in an article is shown as text");
  const ran = await page.evaluate(() => window.__tallyXss !== undefined || window.__tallyImg !== undefined);
  check(!ran, "no script from the article ran");
  const injected = await page.evaluate(() => document.querySelectorAll("main script, main img, main iframe").length);
  check(injected === 0, "no element from the article was created");
  // Its url is "javascript:...": shown, never a link.
  check(text.includes("javascript:window.__tallyXss=2"), "a javascript: url is shown as text");
  const live = await page.evaluate(() => [...document.querySelectorAll("main a[href]")]
    .filter((a) => !/^(https?:|#|\/)/i.test(a.getAttribute("href"))).length);
  check(live === 0, "no link goes anywhere but the web or the page itself");
  await page.goto(`${base}/#/?q=tallyxss`);
  await page.locator(".claim-card").first().waitFor({ timeout: 15000 });
  check(await page.evaluate(() => window.__tallyXss === undefined), "claim cards show the same text safely");

  // 6. A phone-wide window: cards and the timeline's table stay within the page width
  // (a card's nowrap chips widened the card grid past it; the table ran out of its panel).
  await page.setViewportSize({ width: 400, height: 800 });
  for (const route of ["/#/?q=casualties", "/#/timeline?measure=casualties&subject=KP"]) {
    await page.goto(`${base}${route}`);
    await page.locator(route.includes("timeline") ? ".estimates-table" : ".claim-card").first()
      .waitFor({ timeout: 15000 });
    const [scroll, client] = await page.evaluate(() =>
      [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    check(scroll <= client, `${route} fits a 400 px window (${scroll} <= ${client})`);
  }
  await page.screenshot({ path: join(outDir, "narrow.png"), fullPage: false });

  check(problems.length === 0, `no page or console errors (${problems.join("; ")})`);
  console.log("browser e2e: all checks passed");
} catch (e) {
  console.error(String(e && e.stack || e));
  if (problems.length) console.error(problems.join("\n"));
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
