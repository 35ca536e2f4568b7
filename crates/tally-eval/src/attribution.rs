//! The `attribution` suite: tally's attributions against PolNeAR and MEANTIME.
//!
//! `tally eval attribution PATH... [PEER.jsonl...] [--json]`, where each PATH is one of:
//! - a PolNeAR compartment (`polnear/data/train`, `polnear/data/dev`: a folder with `text/`
//!   and `attributions/`). Every article is run through the built-in pipeline with its text
//!   as the body (so offsets compare directly) and its publication date from
//!   `../metadata.tsv`. PolNeAR has several annotators for some articles, one `.ann` each:
//!   tally is scored against **each annotator's file separately and the counts are summed**
//!   (a micro-average over article × annotator pairs); per-annotator scores are listed too.
//!   Reported: cue, source and content precision / recall / F1, each **exact** (same
//!   start and end after trimming whitespace; discontinuous spans compare by their extent)
//!   and **overlap** (one-to-one, sharing at least one byte), and the **attribution** F1: a
//!   predicted attribution counts when its cue overlaps the gold cue and its source
//!   overlaps the gold source (or both have none).
//!   The **direct-quote subset** is scored the same way: gold whose content is in
//!   quotation marks, against tally's direct attributions and each peer file's quotes
//!   (`PEER.jsonl` paths, as `bench/peers/peers.py predict quotes` writes them; see
//!   [`direct`]).
//! - a MEANTIME folder (with `.xml` CAT files; `meantime/` itself means its
//!   `intra-doc_annotation/`): the share of speech events (event mentions of
//!   `SPEECH_COGNITIVE` events with an `Arg0` participant) whose speaker tally attributes
//!   correctly: an attribution whose cue overlaps the event mention and whose source
//!   overlaps the Arg0 mention, or whose speaker has a mention of the same gold entity.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use tally_core::{Document, DocumentMeta, Layer, Published, PublishedSource, QuoteKind, Span};
use tally_extract::{Pipeline, PipelineConfig};

mod direct;

use crate::brat::{self, GoldAttribution, Ranges};
use crate::meantime::{self, MarkableKind};
use crate::{EvalError, Prf, Report};

const USAGE: &str = "PATH... [PEER.jsonl...] (PolNeAR compartments such as polnear/data/dev, or MEANTIME folders; peers' direct quotes)";

pub fn run(paths: &[PathBuf]) -> Result<Report, EvalError> {
    let (peer_paths, paths): (Vec<&PathBuf>, Vec<&PathBuf>) =
        paths.iter().partition(|p| crate::peers::is_peer(p));
    let peers: crate::peers::Peers<direct::PeerDoc> = crate::peers::read_all(&peer_paths)?;
    if paths.is_empty() {
        return Err(EvalError::Usage {
            suite: "attribution",
            usage: USAGE,
        });
    }
    let pipeline = Pipeline::builtin(&PipelineConfig::default()).map_err(|e| EvalError::Data {
        path: "pipeline".into(),
        message: e.to_string(),
    })?;
    let mut results = Vec::new();
    let mut summary = String::new();
    for path in paths {
        if !path.exists() {
            summary.push_str(&format!("{}: skipped, folder absent\n", path.display()));
            results.push(json!({"path": path.display().to_string(), "skipped": "folder absent"}));
            continue;
        }
        if path.join("text").is_dir() && path.join("attributions").is_dir() {
            let (value, text) = polnear(&pipeline, path, &peers)?;
            results.push(value);
            summary.push_str(&text);
        } else {
            let (value, text) = meantime_share(&pipeline, path)?;
            results.push(value);
            summary.push_str(&text);
        }
    }
    Ok(Report {
        json: json!({"suite": "attribution", "results": results}),
        summary,
    })
}

fn data_error(path: &Path, message: impl ToString) -> EvalError {
    EvalError::Data {
        path: path.display().to_string(),
        message: message.to_string(),
    }
}

/// A document whose body is exactly `text`: paragraphs are the runs between blank lines,
/// so every offset into the file is an offset into the body.
pub(crate) fn document_from_text(text: &str, published: Option<Published>) -> Document {
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for piece in text.split("\n\n") {
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let s = start + lead;
            paragraphs.push(Span {
                start: s,
                end: s + trimmed.len(),
                text: trimmed.to_owned(),
            });
        }
        start += piece.len() + 2;
    }
    Document {
        id: tally_core::document_id(text, ""),
        content_hash: tally_core::content_hash(text),
        meta: DocumentMeta {
            published,
            ..DocumentMeta::default()
        },
        body: text.to_owned(),
        paragraphs,
        layers: vec![Layer::Paragraphs],
        ..Document::default()
    }
}

/// Publication dates by article name from `metadata.tsv` beside the compartments.
pub(crate) fn publication_dates(compartment: &Path) -> HashMap<String, Published> {
    let Some(file) = compartment.parent().map(|p| p.join("metadata.tsv")) else {
        return HashMap::new();
    };
    let Ok(tsv) = std::fs::read_to_string(file) else {
        return HashMap::new();
    };
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let (Some(name), Some(date)) = (col("filename"), col("publication_date")) else {
        return HashMap::new();
    };
    lines
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let published = Published::parse_iso(cols.get(date)?).ok()?;
            Some((
                (*cols.get(name)?).to_owned(),
                Published {
                    source: PublishedSource::Metadata,
                    ..published
                },
            ))
        })
        .collect()
}

/// Predicted spans of one document.
struct Predicted {
    cues: Vec<Ranges>,
    sources: Vec<Ranges>,
    contents: Vec<Ranges>,
    pairs: Vec<(Ranges, Option<Ranges>)>,
}

/// One predicted attribution, tally's or a peer's.
#[derive(Debug, Clone)]
struct Quote {
    cue: Ranges,
    source: Option<Ranges>,
    content: Ranges,
}

/// tally's attributions as quotes; `direct_only` keeps [`QuoteKind::Direct`] ones.
fn tally_quotes(doc: &Document, direct_only: bool) -> Vec<Quote> {
    // PolNeAR annotates no attribution inside another's content: nested reports are not
    // compared.
    doc.attributions
        .iter()
        .filter(|a| a.within.is_none())
        .filter(|a| !direct_only || a.kind == QuoteKind::Direct)
        .map(|a| Quote {
            cue: vec![a.cue.range()],
            source: a.source.as_ref().map(|s| vec![s.range()]),
            content: a.content.iter().map(Span::range).collect(),
        })
        .collect()
}

fn predicted<'a>(quotes: impl IntoIterator<Item = &'a Quote>) -> Predicted {
    let mut p = Predicted {
        cues: Vec::new(),
        sources: Vec::new(),
        contents: Vec::new(),
        pairs: Vec::new(),
    };
    for q in quotes {
        if !p.cues.contains(&q.cue) {
            p.cues.push(q.cue.clone());
        }
        if let Some(s) = &q.source
            && !p.sources.contains(s)
        {
            p.sources.push(s.clone());
        }
        if !p.contents.contains(&q.content) {
            p.contents.push(q.content.clone());
        }
        p.pairs.push((q.cue.clone(), q.source.clone()));
    }
    p
}

fn overlaps(a: &Ranges, b: &Ranges) -> bool {
    a.iter()
        .any(|x| b.iter().any(|y| x.start < y.end && y.start < x.end))
}

/// The extent of a span with surrounding whitespace trimmed.
fn extent(text: &str, r: &Ranges) -> Option<Range<usize>> {
    let start = r.iter().map(|x| x.start).min()?;
    let end = r.iter().map(|x| x.end).max()?;
    let s = text.get(start..end)?;
    let lead = s.len() - s.trim_start().len();
    Some(start + lead..start + lead + s.trim().len())
}

/// One-to-one greedy matching in order of predictions.
fn matched<P, G>(pred: &[P], gold: &[G], same: impl Fn(&P, &G) -> bool) -> Prf {
    let mut used = vec![false; gold.len()];
    let mut tp = 0;
    for p in pred {
        if let Some(i) = (0..gold.len()).find(|&i| !used[i] && same(p, &gold[i])) {
            used[i] = true;
            tp += 1;
        }
    }
    Prf {
        tp,
        fp: pred.len() - tp,
        fn_: gold.len() - tp,
    }
}

/// Exact and overlap counts for one span type.
#[derive(Default, Clone, Copy)]
struct SpanCounts {
    exact: Prf,
    overlap: Prf,
}

impl SpanCounts {
    fn score(text: &str, pred: &[Ranges], gold: &[Ranges]) -> SpanCounts {
        SpanCounts {
            exact: matched(pred, gold, |p, g| {
                extent(text, p).is_some() && extent(text, p) == extent(text, g)
            }),
            overlap: matched(pred, gold, overlaps),
        }
    }

    fn add(&mut self, other: SpanCounts) {
        self.exact.add(other.exact);
        self.overlap.add(other.overlap);
    }

    fn to_json(self) -> Value {
        json!({"exact": self.exact.to_json(), "overlap": self.overlap.to_json()})
    }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    cue: SpanCounts,
    source: SpanCounts,
    content: SpanCounts,
    attribution: Prf,
    annotations: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.cue.add(o.cue);
        self.source.add(o.source);
        self.content.add(o.content);
        self.attribution.add(o.attribution);
        self.annotations += o.annotations;
    }

    fn to_json(self) -> Value {
        json!({
            "annotation_files": self.annotations,
            "cue": self.cue.to_json(),
            "source": self.source.to_json(),
            "content": self.content.to_json(),
            "attribution": self.attribution.to_json(),
        })
    }

    /// The F1 scores on one line, as the text summaries print them.
    fn f1_line(&self) -> String {
        let f = |p: Prf| format!("{:.3}", p.f1());
        format!(
            "cue F1 exact {} overlap {} | source F1 exact {} overlap {} | content F1 exact {} overlap {} | attribution F1 {}",
            f(self.cue.exact),
            f(self.cue.overlap),
            f(self.source.exact),
            f(self.source.overlap),
            f(self.content.exact),
            f(self.content.overlap),
            f(self.attribution),
        )
    }
}

fn score_annotation(text: &str, pred: &Predicted, gold: &[GoldAttribution]) -> Counts {
    let cues: Vec<Ranges> = gold.iter().filter_map(|g| g.cue.clone()).collect();
    let sources: Vec<Ranges> = gold.iter().filter_map(|g| g.source.clone()).collect();
    let contents: Vec<Ranges> = gold.iter().filter_map(|g| g.content.clone()).collect();
    let gold_pairs: Vec<&GoldAttribution> = gold.iter().filter(|g| g.cue.is_some()).collect();
    Counts {
        cue: SpanCounts::score(text, &pred.cues, &cues),
        source: SpanCounts::score(text, &pred.sources, &sources),
        content: SpanCounts::score(text, &pred.contents, &contents),
        attribution: matched(&pred.pairs, &gold_pairs, |(cue, source), g| {
            g.cue.as_ref().is_some_and(|gc| overlaps(cue, gc))
                && match (source, &g.source) {
                    (Some(s), Some(gs)) => overlaps(s, gs),
                    (None, None) => true,
                    _ => false,
                }
        }),
        annotations: 1,
    }
}

fn polnear(
    pipeline: &Pipeline,
    dir: &Path,
    peers: &crate::peers::Peers<direct::PeerDoc>,
) -> Result<(Value, String), EvalError> {
    let dates = publication_dates(dir);
    let mut anns: BTreeMap<String, Vec<(String, PathBuf)>> = BTreeMap::new();
    let listing = std::fs::read_dir(dir.join("attributions")).map_err(|e| data_error(dir, e))?;
    for entry in listing {
        let path = entry.map_err(|e| data_error(dir, e))?.path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if path.extension().and_then(|e| e.to_str()) != Some("ann") {
            continue;
        }
        let Some((article, annotator)) = stem.rsplit_once('_') else {
            continue;
        };
        anns.entry(article.to_owned())
            .or_default()
            .push((annotator.to_owned(), path.clone()));
    }
    let mut total = Counts::default();
    let mut direct_quotes = direct::Systems::new(peers.iter().map(|(name, _)| name.clone()));
    let mut by_annotator: BTreeMap<String, Counts> = BTreeMap::new();
    let mut bytes = 0usize;
    let started = std::time::Instant::now();
    let mut articles = 0;
    for (article, files) in &anns {
        let text_path = dir.join("text").join(format!("{article}.txt"));
        let text = std::fs::read_to_string(&text_path).map_err(|e| data_error(&text_path, e))?;
        let mut doc = document_from_text(&text, dates.get(article).cloned());
        pipeline
            .run(&mut doc)
            .map_err(|e| data_error(&text_path, e))?;
        bytes += text.len();
        articles += 1;
        let pred = predicted(&tally_quotes(&doc, false));
        let mut quotes = vec![tally_quotes(&doc, true)];
        for (k, (peer, docs)) in peers.iter().enumerate() {
            quotes.push(match docs.get(article) {
                Some(pd) => {
                    crate::peers::same_text(peer, article, &pd.text, &text)?;
                    direct::peer_quotes(pd, &text)
                }
                None => {
                    direct_quotes.missing(k + 1);
                    Vec::new()
                }
            });
        }
        for (annotator, path) in files {
            let ann = std::fs::read_to_string(path).map_err(|e| data_error(path, e))?;
            let gold = brat::parse(&text, &ann, &path.display().to_string())?;
            let counts = score_annotation(&text, &pred, &gold);
            direct_quotes.add(&text, &gold, &quotes);
            total.add(counts);
            by_annotator
                .entry(annotator.clone())
                .or_default()
                .add(counts);
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let mut value = total.to_json();
    value["path"] = json!(dir.display().to_string());
    value["articles"] = json!(articles);
    value["averaging"] = json!(
        "each annotator's .ann scored separately; counts summed over article x annotator pairs (micro-average)"
    );
    value["by_annotator"] = by_annotator
        .iter()
        .map(|(k, c)| (k.clone(), c.to_json()))
        .collect::<serde_json::Map<_, _>>()
        .into();
    value["direct_quotes"] = direct_quotes.to_json();
    value["pipeline_seconds_including_scoring"] = json!(crate::prf::round4(seconds));
    value["bytes"] = json!(bytes);
    let text = format!(
        "{}: {} articles, {} annotation files (scored per annotator, summed)\n  {}\n",
        dir.display(),
        articles,
        total.annotations,
        total.f1_line(),
    ) + &direct_quotes.summary();
    Ok((value, text))
}

pub(crate) fn xml_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), EvalError> {
    let listing = std::fs::read_dir(dir).map_err(|e| data_error(dir, e))?;
    let mut entries: Vec<PathBuf> = listing.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            xml_files(&path, out)?;
        } else if path.extension().and_then(|e| e.to_str()) == Some("xml") {
            out.push(path);
        }
    }
    Ok(())
}

fn meantime_share(pipeline: &Pipeline, dir: &Path) -> Result<(Value, String), EvalError> {
    // The MEANTIME root holds the same articles twice; the intra-document set is enough.
    let root = if dir.join("intra-doc_annotation").is_dir() {
        dir.join("intra-doc_annotation")
    } else {
        dir.to_path_buf()
    };
    let mut files = Vec::new();
    xml_files(&root, &mut files)?;
    let (mut events, mut cue_found, mut correct) = (0usize, 0usize, 0usize);
    for file in &files {
        let gold = meantime::read_file(file)?;
        let mut doc = gold.document();
        pipeline.run(&mut doc).map_err(|e| data_error(file, e))?;
        // Gold entity instance of each entity mention, to compare speakers by coreference.
        let instance_at = |r: &Range<usize>| -> Option<String> {
            gold.of_kind(MarkableKind::EntityMention)
                .filter(|m| {
                    m.span
                        .as_ref()
                        .is_some_and(|s| s.start < r.end && r.start < s.end)
                })
                .find_map(|m| gold.instance_of(&m.id).map(|i| i.id.clone()))
        };
        for mention in gold.of_kind(MarkableKind::EventMention) {
            let speech = gold
                .instance_of(&mention.id)
                .is_some_and(|e| e.attr("class") == Some("SPEECH_COGNITIVE"));
            let Some(span) = mention.span.clone().filter(|_| speech) else {
                continue;
            };
            let Some(arg0) = gold
                .participants(&mention.id)
                .find(|(role, _)| *role == "Arg0")
                .and_then(|(_, m)| m.span.clone().map(|s| (s, m.id.clone())))
            else {
                continue;
            };
            events += 1;
            let speaker_instance = gold.instance_of(&arg0.1).map(|i| i.id.clone());
            let candidates: Vec<_> = doc
                .attributions
                .iter()
                .filter(|a| a.cue.start < span.end && span.start < a.cue.end)
                .collect();
            if !candidates.is_empty() {
                cue_found += 1;
            }
            let right = candidates.iter().any(|a| {
                let by_source = a
                    .source
                    .as_ref()
                    .is_some_and(|s| s.start < arg0.0.end && arg0.0.start < s.end);
                let by_speaker = speaker_instance.as_ref().is_some_and(|gi| {
                    doc.speakers
                        .iter()
                        .filter(|s| a.speaker_id.as_deref() == Some(s.id.as_str()))
                        .flat_map(|s| &s.mentions)
                        .any(|m| instance_at(&m.range()).as_ref() == Some(gi))
                });
                by_source || by_speaker
            });
            if right {
                correct += 1;
            }
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let share = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let value = json!({
        "path": root.display().to_string(),
        "documents": files.len(),
        "speech_events_with_arg0": events,
        "with_overlapping_cue": cue_found,
        "speaker_correct": correct,
        "speaker_share": crate::prf::round4(share(correct, events)),
        "speaker_accuracy_when_cue_found": crate::prf::round4(share(correct, cue_found)),
    });
    let text = format!(
        "{}: {} documents, {} speech events with an Arg0 speaker; cue found for {}, speaker right for {} (share {:.3}; {:.3} of found cues)\n",
        root.display(),
        files.len(),
        events,
        cue_found,
        correct,
        share(correct, events),
        share(correct, cue_found)
    );
    Ok((value, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_from_text_keeps_file_offsets() {
        let text = "Title line\n\nFirst para.\nsame para.\n\n\n  Second.\n";
        let doc = document_from_text(text, None);
        assert_eq!(doc.paragraphs.len(), 3);
        for p in &doc.paragraphs {
            assert_eq!(&text[p.range()], p.text);
        }
        assert_eq!(doc.paragraphs[2].text, "Second.");
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)] // Spans are lists of ranges.
    fn attribution_needs_cue_and_source_overlap() {
        let gold = vec![GoldAttribution {
            id: "E1".into(),
            cue: Some(vec![10..14]),
            source: Some(vec![0..9]),
            content: Some(vec![15..30]),
        }];
        let pred = Predicted {
            cues: vec![vec![10..14]],
            sources: vec![vec![4..9]],
            contents: vec![vec![15..29]],
            pairs: vec![(vec![10..14], Some(vec![4..9]))],
        };
        let text = "the fellow said that it is all fine now.";
        let c = score_annotation(text, &pred, &gold);
        assert_eq!(c.attribution.tp, 1);
        assert_eq!(c.source.exact.tp, 0);
        assert_eq!(c.source.overlap.tp, 1);
        assert_eq!(c.cue.exact.tp, 1);
    }
}
