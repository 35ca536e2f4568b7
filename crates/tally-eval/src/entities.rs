//! The entities suite: named-mention span P/R/F1 by type on MEANTIME, for tally and peers.
//!
//! Gold: `ENTITY_MENTION`s with `syntactic_type="NAM"` whose instance (through
//! `REFERS_TO`) has `ent_type` PER, ORG or LOC. Only the annotated part of each article is
//! scored (MEANTIME annotates the title and the first sentences: every sentence up to the
//! last one holding a markable).
//!
//! Predictions: tally's entity mentions (person → PER, organization → ORG, country and
//! place → LOC; demonyms such as "American" are adjectives, not names, and are left out,
//! as spaCy's NORP is), and, for each `*.jsonl` path given, a peer's predictions written
//! by `bench/peers/spacy_entities.py` (`{"doc", "text", "seconds", "entities": [{"start",
//! "end", "label"}]}`, byte offsets into the same rebuilt text; labels PERSON → PER, ORG →
//! ORG, GPE/LOC/FAC → LOC, others ignored).
//!
//! Scoring, the same for every system:
//! - *exact*: same type and same span once a leading "the " and a trailing "'s" are
//!   trimmed from both sides (MEANTIME includes articles, most systems do not);
//! - *lenient*: same type and overlapping spans, one to one;
//! - a prediction overlapping no PER/ORG/LOC name but a gold mention that is not a name
//!   (a pronoun, a description, a premodifier like "US" in "US stocks") is ignored: the
//!   gold says nothing about it as a name; one overlapping a PRO or FIN name (products,
//!   indices) is a false positive.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Deserialize;
use serde_json::{Value, json};
use tally_core::EntityType;

use crate::meantime::{self, MarkableKind, MeantimeDoc};
use crate::prf::round4;
use crate::{EvalError, Prf, Report};

const USAGE: &str = "MEANTIME_DIR_OR_XML... [PEER.jsonl...]";
const TYPES: [&str; 3] = ["PER", "ORG", "LOC"];

/// A typed span.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Mention {
    start: usize,
    end: usize,
    label: &'static str,
}

/// One document's gold.
struct Gold {
    names: Vec<Mention>,
    /// Spans of gold mentions that are not PER/ORG/LOC names: (start, end, is_other_name).
    others: Vec<(usize, usize, bool)>,
    /// End of the annotated region.
    region_end: usize,
}

#[derive(Debug, Deserialize)]
struct PeerEntity {
    start: usize,
    end: usize,
    label: String,
}

#[derive(Debug, Deserialize)]
struct PeerDoc {
    doc: String,
    text: String,
    #[serde(default)]
    seconds: f64,
    entities: Vec<PeerEntity>,
}

impl crate::peers::PeerLine for PeerDoc {
    fn doc(&self) -> &str {
        &self.doc
    }
}

#[derive(Default)]
struct Tally {
    exact: BTreeMap<&'static str, Prf>,
    lenient: BTreeMap<&'static str, Prf>,
    seconds: f64,
    bytes: usize,
    docs: usize,
    /// Lenient misses, for reading: `(kind, label, text)`.
    errors: Vec<(&'static str, &'static str, String)>,
}

/// Errors kept per system in the JSON report.
const MAX_ERRORS: usize = 500;

/// Runs the suite.
///
/// # Errors
/// [`EvalError::Usage`] without gold paths; [`EvalError::Data`] naming a bad file or a
/// peer file whose text differs from the gold text.
pub fn run(paths: &[PathBuf]) -> Result<Report, EvalError> {
    let (peers, gold_paths): (Vec<&PathBuf>, Vec<&PathBuf>) =
        paths.iter().partition(|p| crate::peers::is_peer(p));
    let mut files = Vec::new();
    for p in gold_paths {
        collect_xml(p, &mut files)?;
    }
    if files.is_empty() {
        return Err(EvalError::Usage {
            suite: "entities",
            usage: USAGE,
        });
    }
    files.sort();
    let peer_docs: crate::peers::Peers<PeerDoc> = crate::peers::read_all(&peers)?;

    let config = tally_extract::PipelineConfig::default();
    let pipeline = tally_extract::Pipeline::builtin(&config).map_err(|e| EvalError::Data {
        path: "pipeline".into(),
        message: e.to_string(),
    })?;
    let gazetteer = tally_entities::Gazetteer::builtin().map_err(|e| EvalError::Data {
        path: "gazetteer".into(),
        message: e.to_string(),
    })?;

    let mut systems: BTreeMap<String, Tally> = BTreeMap::new();
    for file in &files {
        let doc = meantime::read_file(file)?;
        let gold = gold_of(&doc);
        let name = crate::peers::doc_key(file);

        let mut tdoc = doc.document();
        let started = Instant::now();
        pipeline.run(&mut tdoc).map_err(|e| EvalError::Data {
            path: file.display().to_string(),
            message: e.to_string(),
        })?;
        let seconds = started.elapsed().as_secs_f64();
        let predicted = tally_mentions(&tdoc, &gazetteer);
        add(
            systems.entry("tally".into()).or_default(),
            &doc.text,
            &gold,
            &predicted,
            seconds,
        );

        for (peer, docs) in &peer_docs {
            let Some(pd) = docs.get(&name) else { continue };
            crate::peers::same_text(peer, &name, &pd.text, &doc.text)?;
            let predicted: Vec<Mention> = pd
                .entities
                .iter()
                .filter_map(|e| {
                    let label = match e.label.as_str() {
                        "PERSON" | "PER" => "PER",
                        "ORG" => "ORG",
                        "GPE" | "LOC" | "FAC" => "LOC",
                        _ => return None,
                    };
                    Some(Mention {
                        start: e.start,
                        end: e.end,
                        label,
                    })
                })
                .collect();
            add(
                systems.entry(peer.clone()).or_default(),
                &doc.text,
                &gold,
                &predicted,
                pd.seconds,
            );
        }
    }
    Ok(report(files.len(), &systems))
}

/// The texts the suite scores, one JSON line per file (`{"doc", "text"}`), for peers to
/// run on.
///
/// # Errors
/// [`EvalError::Data`] naming a file that cannot be read.
pub fn texts(paths: &[PathBuf]) -> Result<Vec<Value>, EvalError> {
    let mut files = Vec::new();
    for p in paths {
        collect_xml(p, &mut files)?;
    }
    files.sort();
    files
        .iter()
        .map(|f| {
            let doc = meantime::read_file(f)?;
            Ok(json!({"doc": crate::peers::doc_key(f), "text": doc.text}))
        })
        .collect()
}

fn collect_xml(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), EvalError> {
    if path.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|e| EvalError::Data {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        for entry in entries.filter_map(Result::ok) {
            collect_xml(&entry.path(), out)?;
        }
    } else if path.extension().is_some_and(|e| e == "xml") {
        out.push(path.to_path_buf());
    } else if !path.exists() {
        return Err(EvalError::Data {
            path: path.display().to_string(),
            message: "no such file or directory".into(),
        });
    }
    Ok(())
}

fn gold_of(doc: &MeantimeDoc) -> Gold {
    let mut names = Vec::new();
    let mut others = Vec::new();
    let mut last_sentence = 0;
    for m in &doc.markables {
        if let Some(&t) = m.tokens.last() {
            last_sentence = last_sentence.max(doc.tokens[t].sentence);
        }
    }
    for m in doc.of_kind(MarkableKind::EntityMention) {
        let Some(span) = m.span.clone() else { continue };
        let ent_type = doc.instance_of(&m.id).and_then(|i| i.attr("ent_type"));
        let label = match ent_type {
            Some("PER") => Some("PER"),
            Some("ORG") => Some("ORG"),
            Some("LOC") => Some("LOC"),
            _ => None,
        };
        let named = m.attr("syntactic_type") == Some("NAM");
        match (named, label) {
            (true, Some(label)) => names.push(Mention {
                start: span.start,
                end: span.end,
                label,
            }),
            _ => others.push((span.start, span.end, named)),
        }
    }
    // Some mentions are annotated twice (once per instance layer); count each span once.
    names.sort_by_key(|m| (m.start, m.end, m.label));
    names.dedup();
    let region_end = doc
        .tokens
        .iter()
        .filter(|t| t.sentence <= last_sentence)
        .map(|t| t.span.end)
        .max()
        .unwrap_or(0);
    Gold {
        names,
        others,
        region_end,
    }
}

fn tally_mentions(
    doc: &tally_core::Document,
    gazetteer: &tally_entities::Gazetteer,
) -> Vec<Mention> {
    let mut out = Vec::new();
    for e in &doc.entities {
        let label = match e.kind {
            EntityType::Person => "PER",
            EntityType::Organization => "ORG",
            EntityType::Country | EntityType::Place => "LOC",
            EntityType::Group => continue,
        };
        let demonyms = gazetteer
            .get(&e.id)
            .map(|g| g.demonyms.as_slice())
            .unwrap_or(&[]);
        for m in &e.mentions {
            let text = m.text.strip_prefix("the ").unwrap_or(&m.text);
            if demonyms.iter().any(|d| d == text) {
                continue;
            }
            out.push(Mention {
                start: m.start,
                end: m.end,
                label,
            });
        }
    }
    out
}

/// The span with a leading article and a trailing possessive trimmed.
fn core(text: &str, start: usize, end: usize) -> (usize, usize) {
    let Some(s) = text.get(start..end) else {
        return (start, end);
    };
    let mut a = start;
    let mut b = end;
    for article in ["the ", "The "] {
        if s.starts_with(article) {
            a += article.len();
        }
    }
    for possessive in [" 's", "'s", "’s"] {
        if text.get(a..b).is_some_and(|t| t.ends_with(possessive)) {
            b -= possessive.len();
        }
    }
    (a, b.max(a))
}

fn add(t: &mut Tally, text: &str, gold: &Gold, predicted: &[Mention], seconds: f64) {
    t.seconds += seconds;
    t.bytes += text.len();
    t.docs += 1;
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    let scored: Vec<&Mention> = predicted
        .iter()
        .filter(|p| p.start < gold.region_end)
        .filter(|p| {
            let span = (p.start, p.end);
            gold.names.iter().any(|g| overlaps(span, (g.start, g.end)))
                || !gold
                    .others
                    .iter()
                    .any(|&(s, e, named)| !named && overlaps(span, (s, e)))
        })
        .collect();
    for label in TYPES {
        let golds: Vec<&Mention> = gold.names.iter().filter(|g| g.label == label).collect();
        let preds: Vec<&&Mention> = scored.iter().filter(|p| p.label == label).collect();
        let exact_tp = preds
            .iter()
            .filter(|p| {
                let pc = core(text, p.start, p.end);
                golds.iter().any(|g| core(text, g.start, g.end) == pc)
            })
            .count();
        let mut used = vec![false; golds.len()];
        let mut lenient_tp = 0;
        let snippet = |s: usize, e: usize| text.get(s..e).unwrap_or("").to_owned();
        for p in &preds {
            if let Some(i) = (0..golds.len())
                .find(|&i| !used[i] && overlaps((p.start, p.end), (golds[i].start, golds[i].end)))
            {
                used[i] = true;
                lenient_tp += 1;
                let (pc, gc) = (
                    core(text, p.start, p.end),
                    core(text, golds[i].start, golds[i].end),
                );
                if pc != gc && t.errors.len() < MAX_ERRORS {
                    let both = format!(
                        "{} | gold: {}",
                        snippet(p.start, p.end),
                        snippet(golds[i].start, golds[i].end)
                    );
                    t.errors.push(("span", label, both));
                }
            } else if t.errors.len() < MAX_ERRORS {
                t.errors.push(("fp", label, snippet(p.start, p.end)));
            }
        }
        for (g, _) in golds.iter().zip(&used).filter(|(_, u)| !**u) {
            if t.errors.len() < MAX_ERRORS {
                t.errors.push(("fn", label, snippet(g.start, g.end)));
            }
        }
        for (map, tp) in [(&mut t.exact, exact_tp), (&mut t.lenient, lenient_tp)] {
            map.entry(label).or_default().add(Prf {
                tp,
                fp: preds.len() - tp,
                fn_: golds.len() - tp,
            });
        }
    }
}

fn report(docs: usize, systems: &BTreeMap<String, Tally>) -> Report {
    let mut json_systems = serde_json::Map::new();
    let mut summary =
        format!("entities: MEANTIME named mentions (PER/ORG/LOC), {docs} documents\n");
    summary.push_str(
        "system          match    PER F1  ORG F1  LOC F1  all P   all R   all F1  MB/s\n",
    );
    for (name, t) in systems {
        let mut sys = serde_json::Map::new();
        for (kind, map) in [("exact", &t.exact), ("lenient", &t.lenient)] {
            let mut all = Prf::default();
            let mut by = serde_json::Map::new();
            for (label, prf) in map {
                all.add(*prf);
                by.insert((*label).to_owned(), prf.to_json());
            }
            by.insert("all".into(), all.to_json());
            let f1 = |l: &str| map.get(l).map_or(0.0, Prf::f1);
            #[allow(clippy::cast_precision_loss)]
            let mbps = if t.seconds > 0.0 {
                t.bytes as f64 / 1e6 / t.seconds
            } else {
                0.0
            };
            summary.push_str(&format!(
                "{name:<15} {kind:<8} {:<7.4} {:<7.4} {:<7.4} {:<7.4} {:<7.4} {:<7.4} {mbps:.2}\n",
                f1("PER"),
                f1("ORG"),
                f1("LOC"),
                all.precision(),
                all.recall(),
                all.f1()
            ));
            sys.insert(kind.into(), Value::Object(by));
        }
        #[allow(clippy::cast_precision_loss)]
        let mbps = if t.seconds > 0.0 {
            t.bytes as f64 / 1e6 / t.seconds
        } else {
            0.0
        };
        sys.insert("docs".into(), json!(t.docs));
        sys.insert("errors".into(), json!(t.errors));
        sys.insert("bytes".into(), json!(t.bytes));
        sys.insert("seconds".into(), json!(round4(t.seconds)));
        sys.insert("mb_per_s".into(), json!(round4(mbps)));
        json_systems.insert(name.clone(), Value::Object(sys));
    }
    Report {
        json: json!({"suite": "entities", "docs": docs, "systems": json_systems}),
        summary,
    }
}
