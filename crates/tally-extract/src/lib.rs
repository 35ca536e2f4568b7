//! The tally pipeline: runs extractors over a [`Document`] in a checked order.
//!
//! [`builtin`] is the one place that lists the built-in extractors and their order.
//! [`Pipeline::new`] checks that every extractor's required layers are provided by an
//! earlier one (or by ingest), so a bad order is a typed error, not a silent empty layer.
//!
//! ```
//! use tally_core::{Document, DocumentMeta, Layer};
//! use tally_extract::{Pipeline, PipelineConfig};
//! let pipeline = Pipeline::builtin(&PipelineConfig::default()).unwrap();
//! let mut doc = Document::new(DocumentMeta::default(), ["The official said so."]);
//! pipeline.run(&mut doc).unwrap();
//! assert!(doc.has_layer(Layer::Sentences));
//! ```

use std::collections::BTreeSet;

use tally_core::{Document, ExtractError, Extractor, Layer};

/// Settings for the built-in extractors.
#[derive(Debug, Clone, Default)]
pub struct PipelineConfig {
    /// A user gazetteer (TSV, CSV or JSON) merged over the bundled one (`--gazetteer`).
    pub gazetteer: Option<std::path::PathBuf>,
    /// The figures convention (`--conventions`): `default`, `acled`, or a conventions file
    /// (format: `data/figures/conventions/default.tsv`). `None` means `default`.
    pub conventions: Option<String>,
}

/// Why a pipeline could not be built.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// An extractor needs a layer nothing before it provides.
    #[error("extractor {extractor} needs layer {layer:?}, which no earlier extractor provides")]
    MissingLayer {
        /// The extractor's name.
        extractor: &'static str,
        /// The layer it needs.
        layer: Layer,
    },
    /// An extractor could not be built (bad data file, bad configuration).
    #[error(transparent)]
    Extractor(#[from] ExtractError),
}

/// The built-in extractors, in pipeline order. This is the only list.
///
/// # Errors
/// [`PipelineError::Extractor`] when an extractor's data cannot be loaded.
pub fn builtin(config: &PipelineConfig) -> Result<Vec<Box<dyn Extractor>>, PipelineError> {
    let entities = match &config.gazetteer {
        Some(path) => tally_entities::EntityExtractor::with_gazetteer_file(path)?,
        None => tally_entities::EntityExtractor::new()?,
    };
    Ok(vec![
        Box::new(tally_text::Segmenter),
        Box::new(match &config.conventions {
            Some(spec) => tally_figures::FigureExtractor::with_conventions(spec)?,
            None => tally_figures::FigureExtractor::new()?,
        }),
        Box::new(tally_times::TimeExtractor::new()?),
        Box::new(entities),
        // Attribution runs after times and entities: it uses them when present.
        Box::new(tally_attribution::Attributor::new()?),
        Box::new(tally_claims::ClaimBuilder),
    ])
}

/// An ordered, checked list of extractors.
pub struct Pipeline {
    extractors: Vec<Box<dyn Extractor>>,
}

impl Pipeline {
    /// Checks the order of `extractors`: each one's required layers must be provided by
    /// ingest (paragraphs) or by an earlier extractor.
    ///
    /// # Errors
    /// [`PipelineError::MissingLayer`] naming the first extractor and layer that fail.
    pub fn new(extractors: Vec<Box<dyn Extractor>>) -> Result<Pipeline, PipelineError> {
        let mut available: BTreeSet<Layer> = BTreeSet::from([Layer::Paragraphs]);
        for extractor in &extractors {
            if let Some(&layer) = extractor.requires().iter().find(|l| !available.contains(l)) {
                return Err(PipelineError::MissingLayer {
                    extractor: extractor.name(),
                    layer,
                });
            }
            available.extend(extractor.provides());
        }
        Ok(Pipeline { extractors })
    }

    /// The built-in pipeline.
    ///
    /// # Errors
    /// As [`builtin`].
    pub fn builtin(config: &PipelineConfig) -> Result<Pipeline, PipelineError> {
        Pipeline::new(builtin(config)?)
    }

    /// The extractors, in order, for callers that schedule stages themselves (`tally bench`
    /// runs each stage over a batch of documents to time it by CPU clock).
    #[must_use]
    pub fn extractors(&self) -> &[Box<dyn Extractor>] {
        &self.extractors
    }

    /// Names of the extractors, in order.
    #[must_use]
    pub fn names(&self) -> Vec<&'static str> {
        self.extractors.iter().map(|e| e.name()).collect()
    }

    /// Runs every extractor over `doc`, in order.
    ///
    /// # Errors
    /// The first extractor's [`ExtractError`]; layers added before it stay on `doc`.
    pub fn run(&self, doc: &mut Document) -> Result<(), ExtractError> {
        for extractor in &self.extractors {
            run_one(extractor.as_ref(), doc)?;
        }
        Ok(())
    }

    /// Runs every extractor over each of `docs`, a stage over all of them before the next:
    /// what [`Pipeline::run`] does per document, with each stage's code and tables kept in
    /// the caches across the batch (running all stages on one document after another
    /// evicts them; a fifth more CPU time on news, see `tally extract`). Tens of
    /// documents per call are enough.
    ///
    /// Returns one result per document, in order: a document stops at its first failing
    /// extractor (its error, layers added before it stay) and the others go on.
    /// `docs` may hold the documents or references to them.
    pub fn run_batch<D: std::borrow::BorrowMut<Document>>(
        &self,
        docs: &mut [D],
    ) -> Vec<Result<(), ExtractError>> {
        let mut results: Vec<Result<(), ExtractError>> = docs.iter().map(|_| Ok(())).collect();
        for extractor in &self.extractors {
            for (doc, result) in docs.iter_mut().zip(results.iter_mut()) {
                if result.is_ok() {
                    *result = run_one(extractor.as_ref(), doc.borrow_mut());
                }
            }
        }
        results
    }

    /// Runs every extractor over `doc`, in order, calling `each(name, elapsed)` after each
    /// one: the hook `tally bench` times stages with.
    ///
    /// # Errors
    /// As [`Pipeline::run`]; `each` is not called for the failing extractor.
    pub fn run_each(
        &self,
        doc: &mut Document,
        mut each: impl FnMut(&'static str, std::time::Duration),
    ) -> Result<(), ExtractError> {
        for extractor in &self.extractors {
            let started = std::time::Instant::now();
            run_one(extractor.as_ref(), doc)?;
            each(extractor.name(), started.elapsed());
        }
        Ok(())
    }
}

/// Runs one extractor on one document. A panic (a bug on some input) becomes this
/// document's error, so that one bad article does not stop a batch of millions; the
/// document's layers are then incomplete and callers drop or report it.
fn run_one(extractor: &dyn Extractor, doc: &mut Document) -> Result<(), ExtractError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extractor.run(doc))).unwrap_or_else(
        |payload| {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".to_owned());
            Err(ExtractError::Panicked {
                extractor: extractor.name(),
                message,
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Needs(Layer);
    impl Extractor for Needs {
        fn name(&self) -> &'static str {
            "needs"
        }
        fn requires(&self) -> &'static [Layer] {
            match self.0 {
                Layer::Figures => &[Layer::Figures],
                _ => &[Layer::Sentences],
            }
        }
        fn provides(&self) -> &'static [Layer] {
            &[]
        }
        fn run(&self, _doc: &mut Document) -> Result<(), ExtractError> {
            Ok(())
        }
    }

    #[test]
    fn rejects_extractor_before_its_inputs() {
        let err = Pipeline::new(vec![Box::new(Needs(Layer::Figures))])
            .err()
            .unwrap();
        assert!(matches!(
            err,
            PipelineError::MissingLayer {
                layer: Layer::Figures,
                ..
            }
        ));
    }

    #[test]
    fn run_each_reports_every_stage_in_order() {
        let pipeline = Pipeline::builtin(&PipelineConfig::default()).unwrap();
        let mut doc = Document::new(
            tally_core::DocumentMeta::default(),
            ["The official said so."],
        );
        let mut seen = Vec::new();
        pipeline
            .run_each(&mut doc, |name, _| seen.push(name))
            .unwrap();
        assert_eq!(seen, pipeline.names());
    }

    /// Fails on a body holding "bad", panics on one holding "bug"; otherwise records its
    /// name as a diagnostic.
    struct Stage(&'static str);
    impl Extractor for Stage {
        fn name(&self) -> &'static str {
            self.0
        }
        fn requires(&self) -> &'static [Layer] {
            &[]
        }
        fn provides(&self) -> &'static [Layer] {
            &[]
        }
        fn run(&self, doc: &mut Document) -> Result<(), ExtractError> {
            assert!(
                !(self.0 == "second" && doc.body.contains("bug")),
                "index out of bounds"
            );
            if self.0 == "second" && doc.body.contains("bad") {
                return Err(ExtractError::MissingLayer {
                    extractor: self.0,
                    layer: Layer::Tokens,
                });
            }
            doc.diagnostics.push(tally_core::Diagnostic {
                code: self.0.to_owned(),
                severity: tally_core::Severity::Warning,
                message: String::new(),
            });
            Ok(())
        }
    }

    fn three_stages() -> Pipeline {
        let stages: Vec<Box<dyn Extractor>> = vec![
            Box::new(Stage("first")),
            Box::new(Stage("second")),
            Box::new(Stage("third")),
        ];
        Pipeline::new(stages).unwrap()
    }

    fn doc(body: &str) -> Document {
        Document::new(tally_core::DocumentMeta::default(), [body])
    }

    #[test]
    fn run_batch_runs_every_stage_in_order_and_stops_only_the_failing_document() {
        let pipeline = three_stages();
        let mut docs = vec![doc("good one"), doc("a bad one"), doc("good two")];
        let results = pipeline.run_batch(&mut docs);
        let ok: Vec<bool> = results.iter().map(Result::is_ok).collect();
        assert_eq!(ok, [true, false, true]);
        let codes = |d: &Document| -> Vec<String> {
            d.diagnostics.iter().map(|d| d.code.clone()).collect()
        };
        assert_eq!(codes(&docs[0]), ["first", "second", "third"]);
        assert_eq!(codes(&docs[1]), ["first"]);
        assert_eq!(codes(&docs[2]), ["first", "second", "third"]);
    }

    #[test]
    fn a_panicking_extractor_fails_only_its_document() {
        let pipeline = three_stages();
        let mut docs = vec![doc("good one"), doc("a bug"), doc("good two")];
        let results = pipeline.run_batch(&mut docs);
        assert!(results[0].is_ok() && results[2].is_ok());
        let err = results[1].as_ref().unwrap_err().to_string();
        assert!(
            err.contains("second") && err.contains("index out of bounds"),
            "{err}"
        );
        let mut single = doc("a bug");
        assert!(matches!(
            pipeline.run(&mut single),
            Err(ExtractError::Panicked {
                extractor: "second",
                ..
            })
        ));
    }

    #[test]
    fn run_batch_gives_what_run_gives() {
        let pipeline = Pipeline::builtin(&PipelineConfig::default()).unwrap();
        let bodies = [
            "The official said 12 people were killed on Monday in Kharkiv.",
            "",
            "\"We will rebuild,\" the mayor told Reuters. Police said two were hurt.",
        ];
        let mut batch: Vec<Document> = bodies.iter().map(|b| doc(b)).collect();
        let results = pipeline.run_batch(&mut batch);
        for ((body, batched), result) in bodies.iter().zip(&batch).zip(results) {
            let mut single = doc(body);
            assert_eq!(pipeline.run(&mut single).is_ok(), result.is_ok());
            assert_eq!(format!("{single:?}"), format!("{batched:?}"));
        }
    }

    #[test]
    fn builtin_order_is_valid() {
        let pipeline = Pipeline::builtin(&PipelineConfig::default()).unwrap();
        assert_eq!(pipeline.names()[0], "segment");
    }
}
