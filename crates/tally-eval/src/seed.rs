//! The seed suite: scores the whole pipeline against the worked example
//! (`example-seed.json`) on the seed story. Matching is by text snippets, never offsets:
//! quotes are straightened, whitespace collapsed and case ignored.
//!
//! Sections: `document` (metadata), `times`, `figures` (including things that must not be
//! figures), `entities`, `speakers` (with coreference), `claims` (speaker claims, with
//! kind, cue, said-on date, merged evidence, figures and times) and `reporter_claims`.
//! Each check is listed with what was expected and what was found, so a failing check
//! says what to fix.

use std::path::PathBuf;

use serde_json::{Value, json};
use tally_core::{Claim, ClaimKind, Document, Figure, Speaker};

use crate::{EvalError, Report};

const USAGE: &str = "GOLD.json ARTICLE";

/// One pass/fail check.
struct Check {
    name: String,
    passed: bool,
    detail: String,
}

#[derive(Default)]
struct Section {
    checks: Vec<Check>,
}

impl Section {
    fn check(&mut self, name: impl Into<String>, passed: bool, detail: impl Into<String>) {
        self.checks.push(Check {
            name: name.into(),
            passed,
            detail: detail.into(),
        });
    }

    fn passed(&self) -> usize {
        self.checks.iter().filter(|c| c.passed).count()
    }

    fn to_json(&self) -> Value {
        let checks: Vec<Value> = self
            .checks
            .iter()
            .map(|c| json!({"check": c.name, "passed": c.passed, "detail": c.detail}))
            .collect();
        json!({"passed": self.passed(), "total": self.checks.len(), "checks": checks})
    }
}

/// Runs the suite: `paths` are the gold JSON and the article.
pub fn run(paths: &[PathBuf]) -> Result<Report, EvalError> {
    let [gold_path, article_path] = paths else {
        return Err(EvalError::Usage {
            suite: "seed",
            usage: USAGE,
        });
    };
    let gold = read_gold(gold_path)?;
    let doc = crate::extract_file(article_path)?;
    let sections = score(&gold, &doc);
    Ok(report(&sections))
}

fn read_gold(path: &PathBuf) -> Result<Value, EvalError> {
    let data = |message: String| EvalError::Data {
        path: path.display().to_string(),
        message,
    };
    let text = std::fs::read_to_string(path).map_err(|e| data(e.to_string()))?;
    serde_json::from_str(&text).map_err(|e| data(e.to_string()))
}

fn score(gold: &Value, doc: &Document) -> Vec<(&'static str, Section)> {
    let speakers = map_speakers(gold, doc);
    vec![
        ("document", document(&gold["document"], doc)),
        ("times", times(&gold["times"], doc)),
        ("figures", figures(gold, doc)),
        ("entities", entities(&gold["entities"], doc)),
        (
            "speakers",
            speaker_section(&gold["speakers"], doc, &speakers),
        ),
        ("claims", claims(&gold["claims"], doc, &speakers)),
        (
            "reporter_claims",
            reporter_claims(&gold["reporter_claims"], doc),
        ),
    ]
}

fn report(sections: &[(&'static str, Section)]) -> Report {
    let passed: usize = sections.iter().map(|(_, s)| s.passed()).sum();
    let total: usize = sections.iter().map(|(_, s)| s.checks.len()).sum();
    let mut summary = format!("seed: {passed}/{total} checks passed\n");
    let mut json_sections = serde_json::Map::new();
    for (name, section) in sections {
        summary.push_str(&format!(
            "  {name:<16} {}/{}\n",
            section.passed(),
            section.checks.len()
        ));
        for check in section.checks.iter().filter(|c| !c.passed) {
            summary.push_str(&format!("    FAIL {}: {}\n", check.name, check.detail));
        }
        json_sections.insert((*name).to_owned(), section.to_json());
    }
    Report {
        json: json!({"suite": "seed", "sections": json_sections, "passed": passed, "total": total}),
        summary: summary.trim_end().to_owned(),
    }
}

/// Straight quotes, collapsed whitespace, lower case, no trailing punctuation.
fn norm(text: &str) -> String {
    let straight: String = text
        .chars()
        .map(|c| match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' => '"',
            '\u{2018}' | '\u{2019}' => '\'',
            _ => c,
        })
        .collect();
    tally_core::normalize_whitespace(&straight)
        .trim_matches(|c: char| c.is_ascii_punctuation() && c != '$' && c != '\'' || c == '"')
        .to_lowercase()
}

fn text_matches(found: &str, expected: &str) -> bool {
    let (f, e) = (norm(found), norm(expected));
    !f.is_empty() && (f == e || f.contains(&e))
}

fn str_of(value: &Value) -> &str {
    value.as_str().unwrap_or_default()
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn document(gold: &Value, doc: &Document) -> Section {
    let mut s = Section::default();
    let meta = &doc.meta;
    let fields: [(&str, Option<String>); 5] = [
        ("title", meta.title.clone()),
        ("url", meta.url.clone()),
        ("publisher", meta.publisher.clone()),
        ("agency", meta.agency.clone()),
        (
            "published",
            meta.published.as_ref().map(tally_core::Published::value),
        ),
    ];
    for (field, found) in fields {
        let expected = str_of(&gold[field]);
        s.check(
            field,
            found.as_deref() == Some(expected),
            format!("expected {expected:?}, found {found:?}"),
        );
    }
    let chain = strings(&gold["source_chain"]);
    s.check(
        "source_chain",
        meta.source_chain == chain,
        format!("expected {chain:?}, found {:?}", meta.source_chain),
    );
    let credits = strings(&gold["photo_credits"]);
    s.check(
        "photo_credits",
        meta.photo_credits == credits,
        format!("expected {credits:?}, found {:?}", meta.photo_credits),
    );
    let related: Vec<&str> = meta.related.iter().map(|r| r.title.as_str()).collect();
    let expected = strings(&gold["related"]);
    s.check(
        "related",
        related == expected,
        format!("expected {expected:?}, found {related:?}"),
    );
    for banned in strings(&gold["body_must_not_contain"]) {
        s.check(
            format!("body lacks {banned:?}"),
            !doc.body.contains(banned),
            "metadata leaked into the body",
        );
    }
    let round_trip = doc
        .sentences
        .iter()
        .chain(&doc.paragraphs)
        .all(|span| span.check(&doc.body).is_ok());
    s.check(
        "spans round-trip",
        round_trip,
        "every paragraph and sentence span equals body[start..end]",
    );
    s
}

fn times(gold: &Value, doc: &Document) -> Section {
    let mut s = Section::default();
    for expected in gold.as_array().into_iter().flatten() {
        let (raw, value, kind) = (
            str_of(&expected["raw"]),
            str_of(&expected["value"]),
            str_of(&expected["type"]),
        );
        let in_body = doc
            .times
            .iter()
            .find(|t| norm(&t.raw) == norm(raw) || norm(&t.span.text) == norm(raw));
        let found = in_body.map(|t| (t.value.clone(), type_name(t)));
        let dct = doc
            .meta
            .published
            .as_ref()
            .filter(|p| p.raw.as_deref().is_some_and(|r| norm(r) == norm(raw)));
        let found = found.or_else(|| dct.map(|p| (p.value(), "DATE".to_owned())));
        let passed = found.as_ref().is_some_and(|(v, t)| v == value && t == kind);
        s.check(
            format!("{raw} → {value}"),
            passed,
            format!("found {found:?}"),
        );
    }
    s
}

fn type_name(timex: &tally_core::Timex) -> String {
    serde_json::to_value(timex.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn figures(gold: &Value, doc: &Document) -> Section {
    let mut s = Section::default();
    let claim_figures = gold["claims"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|c| c["figures"].as_array().into_iter().flatten());
    let reporter_figures = gold["reporter_claims"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|c| c["figures"].as_array().into_iter().flatten());
    for expected in claim_figures.chain(reporter_figures) {
        let raw = str_of(&expected["raw"]);
        let found = doc.figures.iter().find(|f| figure_matches(f, raw));
        let Some(figure) = found else {
            s.check(format!("{raw}: found"), false, "no figure with this text");
            continue;
        };
        s.check(format!("{raw}: found"), true, "");
        let problems = figure_problems(expected, figure, doc);
        s.check(
            format!("{raw}: values"),
            problems.is_empty(),
            problems.join("; "),
        );
    }
    for banned in strings(&gold["not_figures"]) {
        let offending: Vec<&str> = doc
            .figures
            .iter()
            .filter(|f| norm(&f.raw) == norm(banned))
            .map(|f| f.raw.as_str())
            .collect();
        s.check(
            format!("{banned} is not a figure"),
            offending.is_empty(),
            format!("found {offending:?}"),
        );
    }
    s
}

/// Whether a predicted figure is the gold figure written `raw`: the same words, or the
/// amount followed by its counted noun ("thousands" counting "troops" is "thousands of
/// troops").
fn figure_matches(figure: &Figure, raw: &str) -> bool {
    let gold = norm(raw);
    let with_noun = gold.starts_with(&norm(&figure.raw))
        && figure
            .noun
            .as_deref()
            .is_some_and(|n| gold.ends_with(&norm(n)));
    text_matches(&figure.raw, raw) || text_matches(&figure.span.text, raw) || with_noun
}

/// Differences between a gold figure and a predicted one.
fn figure_problems(expected: &Value, figure: &Figure, doc: &Document) -> Vec<String> {
    let mut problems = Vec::new();
    for (field, found) in [
        ("low", figure.low),
        ("best", figure.best),
        ("high", figure.high),
    ] {
        if let Some(want) = expected[field].as_f64()
            && !found.is_some_and(|f| (f - want).abs() <= want.abs() * 1e-9)
        {
            problems.push(format!("{field}: expected {want}, found {found:?}"));
        }
    }
    let checks = [
        ("measure", vec![figure.measure.as_str().to_owned()]),
        ("unit", figure.unit.iter().cloned().collect()),
        ("subject", argument_labels(figure.subject.as_ref(), doc)),
        ("place", argument_labels(figure.place.as_ref(), doc)),
    ];
    for (field, found) in checks {
        if let Some(want) = expected[field].as_str() {
            let ok = found.iter().any(|f| f == want || text_matches(f, want));
            if !ok {
                problems.push(format!("{field}: expected {want:?}, found {found:?}"));
            }
        }
    }
    if let Some(hedge) = expected["hedge"].as_str()
        && !figure.hedges.iter().any(|h| text_matches(h, hedge))
    {
        problems.push(format!(
            "hedge: expected {hedge:?}, found {:?}",
            figure.hedges
        ));
    }
    problems
}

/// What an argument can be matched by: its entity id and name when linked, and its text.
fn argument_labels(argument: Option<&tally_core::Argument>, doc: &Document) -> Vec<String> {
    let Some(argument) = argument else {
        return Vec::new();
    };
    let mut labels = vec![argument.span.text.clone()];
    if let Some(id) = &argument.entity_id {
        labels.push(id.clone());
        labels.extend(
            doc.entities
                .iter()
                .filter(|e| &e.id == id)
                .map(|e| e.name.clone()),
        );
    }
    labels
}

fn entities(gold: &Value, doc: &Document) -> Section {
    let mut s = Section::default();
    for expected in gold.as_array().into_iter().flatten() {
        let kind = str_of(&expected["type"]);
        let label = expected["id"]
            .as_str()
            .or(expected["canonical"].as_str())
            .unwrap_or_default();
        let found = doc.entities.iter().find(|e| {
            let kind_ok = serde_json::to_value(e.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .as_deref()
                == Some(kind);
            kind_ok && (e.id == label || norm(&e.name) == norm(label))
        });
        let Some(entity) = found else {
            s.check(format!("{kind} {label}"), false, "no such entity");
            continue;
        };
        s.check(format!("{kind} {label}"), true, "");
        if let Some(parent) = expected["in"].as_str() {
            s.check(
                format!("{label} in {parent}"),
                entity.parent.as_deref() == Some(parent),
                format!("found {:?}", entity.parent),
            );
        }
        let mentions: Vec<String> = entity.mentions.iter().map(|m| norm(&m.text)).collect();
        for mention in strings(&expected["mentions"]) {
            let ok = mentions
                .iter()
                .any(|m| *m == norm(mention) || m.contains(&norm(mention)));
            s.check(
                format!("{label} mentioned as {mention:?}"),
                ok,
                format!("mentions {mentions:?}"),
            );
        }
    }
    s
}

/// Gold speaker id → predicted speaker, by the introducing mention.
fn map_speakers<'d>(gold: &Value, doc: &'d Document) -> Vec<(String, &'d Speaker)> {
    let mut out = Vec::new();
    for expected in gold["speakers"].as_array().into_iter().flatten() {
        let mention = str_of(&expected["mention"]);
        let found = doc.speakers.iter().find(|sp| {
            sp.mentions.iter().any(|m| norm(&m.text) == norm(mention))
                || sp
                    .descriptor
                    .as_deref()
                    .is_some_and(|d| norm(d) == norm(mention))
                || sp.name.as_deref().is_some_and(|n| norm(n) == norm(mention))
        });
        if let Some(speaker) = found {
            out.push((str_of(&expected["id"]).to_owned(), speaker));
        }
    }
    out
}

fn predicted<'a>(speakers: &'a [(String, &Speaker)], gold_id: &str) -> Option<&'a Speaker> {
    speakers
        .iter()
        .find(|(id, _)| id == gold_id)
        .map(|(_, s)| *s)
}

fn speaker_section(gold: &Value, doc: &Document, speakers: &[(String, &Speaker)]) -> Section {
    let mut s = Section::default();
    for expected in gold.as_array().into_iter().flatten() {
        let (id, mention) = (str_of(&expected["id"]), str_of(&expected["mention"]));
        let Some(speaker) = predicted(speakers, id) else {
            s.check(
                format!("{id} {mention:?}"),
                false,
                "no speaker with this mention",
            );
            continue;
        };
        s.check(format!("{id} {mention:?}"), true, "");
        let mut problems = Vec::new();
        if let Some(named) = expected["named"].as_bool()
            && speaker.named != named
        {
            problems.push(format!("named: expected {named}, found {}", speaker.named));
        }
        if expected["group"].as_bool() == Some(true) && !speaker.group {
            problems.push("expected a group".to_owned());
        }
        if let Some(affiliation) = expected["affiliation"].as_str()
            && speaker.affiliation.as_deref() != Some(affiliation)
        {
            problems.push(format!(
                "affiliation: expected {affiliation}, found {:?}",
                speaker.affiliation
            ));
        }
        if let Some(role) = expected["role"].as_str() {
            let found = [speaker.seniority.as_deref(), speaker.role.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            if !text_matches(&found, role) {
                problems.push(format!("role: expected {role:?}, found {found:?}"));
            }
        }
        if let Some(canonical) = expected["canonical"].as_str() {
            let name = speaker
                .name
                .clone()
                .or_else(|| entity_name(doc, speaker.entity_id.as_deref()));
            if name.as_deref().is_none_or(|n| norm(n) != norm(canonical)) {
                problems.push(format!("canonical: expected {canonical:?}, found {name:?}"));
            }
        }
        if let Some(condition) = expected["anonymity"].as_str() {
            let attributed = doc
                .attributions
                .iter()
                .filter(|a| a.speaker_id.as_deref() == Some(&speaker.id));
            let has = speaker
                .conditions
                .iter()
                .chain(attributed.flat_map(|a| &a.conditions))
                .any(|c| text_matches(c, condition));
            if !has {
                problems.push(format!("condition {condition:?} missing"));
            }
        }
        s.check(
            format!("{id} attributes"),
            problems.is_empty(),
            problems.join("; "),
        );
        let corefs = strings(&expected["coreferent_mentions"]);
        if !corefs.is_empty() {
            let later: Vec<String> = speaker
                .mentions
                .iter()
                .skip(1)
                .map(|m| norm(&m.text))
                .collect();
            let all_found = corefs
                .iter()
                .filter(|c| later.iter().any(|m| m.contains(&norm(c))))
                .count();
            let enough = corefs.iter().all(|c| {
                later.iter().filter(|m| m.contains(&norm(c))).count()
                    >= corefs.iter().filter(|x| norm(x) == norm(c)).count()
            });
            s.check(
                format!("{id} coreference"),
                enough,
                format!("expected {corefs:?}, found {later:?} ({all_found} kinds matched)"),
            );
        }
    }
    s
}

fn entity_name(doc: &Document, id: Option<&str>) -> Option<String> {
    let id = id?;
    doc.entities
        .iter()
        .find(|e| e.id == id)
        .map(|e| e.name.clone())
}

/// The predicted claim whose evidence carries a gold snippet.
fn claim_with<'d>(doc: &'d Document, snippet: &str) -> Option<&'d Claim> {
    doc.claims.iter().find(|c| {
        c.evidence.iter().any(|e| {
            text_matches(&e.text, snippet)
                || text_matches(snippet, &e.text) && e.text.len() * 2 > snippet.len()
        })
    })
}

fn kind_name(kind: ClaimKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn claims(gold: &Value, doc: &Document, speakers: &[(String, &Speaker)]) -> Section {
    let mut s = Section::default();
    for (i, expected) in gold.as_array().into_iter().flatten().enumerate() {
        let evidence = strings(&expected["evidence"]);
        let label = format!(
            "claim {} ({})",
            i + 1,
            evidence.first().map_or("", |e| &e[..e.len().min(40)])
        );
        let Some(claim) = evidence.first().and_then(|e| claim_with(doc, e)) else {
            s.check(label, false, "no claim carries this evidence");
            continue;
        };
        let mut problems = Vec::new();
        let speaker_id = predicted(speakers, str_of(&expected["speaker"])).map(|sp| sp.id.as_str());
        if speaker_id.is_none() || claim.claimant.speaker_id.as_deref() != speaker_id {
            problems.push(format!(
                "speaker: expected {} ({speaker_id:?}), found {:?}",
                str_of(&expected["speaker"]),
                claim.claimant.speaker_id
            ));
        }
        let kind = str_of(&expected["kind"]);
        if kind_name(claim.kind) != kind {
            problems.push(format!(
                "kind: expected {kind}, found {}",
                kind_name(claim.kind)
            ));
        }
        let cue = str_of(&expected["cue"]);
        if claim
            .cue
            .as_ref()
            .is_none_or(|c| norm(&c.text) != norm(cue))
        {
            problems.push(format!(
                "cue: expected {cue:?}, found {:?}",
                claim.cue.as_ref().map(|c| &c.text)
            ));
        }
        if let Some(date) = expected["said_on"].as_str() {
            let found = claim.said_at.as_ref().map(|s| s.date.as_str());
            if found != Some(date) {
                problems.push(format!("said_on: expected {date}, found {found:?}"));
            }
        }
        for snippet in evidence.iter().skip(1) {
            if !claim
                .evidence
                .iter()
                .any(|e| text_matches(&e.text, snippet))
            {
                problems.push(format!("merged evidence {snippet:?} missing"));
            }
        }
        problems.extend(claim_figure_problems(expected, claim, doc));
        for time in expected["times"].as_array().into_iter().flatten() {
            let ok = claim
                .about_times
                .iter()
                .filter_map(|id| doc.times.iter().find(|t| &t.id == id))
                .any(|t| t.value == str_of(&time["value"]));
            if !ok {
                problems.push(format!("time {} missing", str_of(&time["raw"])));
            }
        }
        s.check(label, problems.is_empty(), problems.join("; "));
    }
    s
}

fn claim_figure_problems(expected: &Value, claim: &Claim, doc: &Document) -> Vec<String> {
    let mut problems = Vec::new();
    for figure in expected["figures"].as_array().into_iter().flatten() {
        let raw = str_of(&figure["raw"]);
        let carried = claim
            .figures
            .iter()
            .filter_map(|id| doc.figures.iter().find(|f| &f.id == id));
        if !carried.into_iter().any(|f| figure_matches(f, raw)) {
            problems.push(format!("figure {raw:?} not on the claim"));
        }
    }
    problems
}

fn reporter_claims(gold: &Value, doc: &Document) -> Section {
    let mut s = Section::default();
    for expected in gold.as_array().into_iter().flatten() {
        let evidence = str_of(&expected["evidence"]);
        let label = format!("reporter: {}", &evidence[..evidence.len().min(40)]);
        let Some(claim) = claim_with(doc, evidence) else {
            s.check(label, false, "no claim carries this evidence");
            continue;
        };
        let mut problems = claim_figure_problems(expected, claim, doc);
        if claim.kind != ClaimKind::Reporter {
            problems.push(format!(
                "kind: expected reporter, found {}",
                kind_name(claim.kind)
            ));
        }
        let agency = doc
            .meta
            .agency
            .clone()
            .or(doc.meta.publisher.clone())
            .unwrap_or_default();
        if claim.claimant.name != agency {
            problems.push(format!(
                "claimant: expected {agency:?}, found {:?}",
                claim.claimant.name
            ));
        }
        s.check(label, problems.is_empty(), problems.join("; "));
    }
    s
}
