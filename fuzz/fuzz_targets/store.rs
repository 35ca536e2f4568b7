//! The store's write path on arbitrary annotated documents (in memory): a document, its
//! syndicated copy at another address, a rewrite that must add nothing, and an error
//! record; then every read path over what was written (search, browse, claims, document
//! view, timelines, sources, exports).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tally_core::{ALL_MEASURES, Document, DocumentMeta};
use tally_fuzz::{params, pipeline};
use tally_store::browse::{ClaimFilter, DocumentFilter, NameFilter};
use tally_store::{
    ErrorRecord, ExportFormat, ExportTable, Prepared, SearchScope, Store, TimelineQuery,
};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // Metadata from the text itself: its first line as title, publisher and agency, so
    // odd strings reach every metadata column.
    let first = text.lines().next().unwrap_or_default().to_owned();
    let meta = DocumentMeta {
        url: params::url(data),
        title: Some(first.clone()),
        publisher: Some(first.clone()),
        agency: Some(first.clone()),
        byline: Some(first.clone()),
        source_chain: vec![first.clone(), first.clone()],
        photo_credits: vec![first.clone()],
        published: params::published(data),
        ..DocumentMeta::default()
    };
    let mut doc = Document::new(meta, text.split("\n\n"));
    if pipeline().run(&mut doc).is_err() {
        return;
    }
    let mut copy = doc.clone();
    copy.meta.url = Some(format!("https://copy.example/{}", doc.id));
    copy.meta.publisher = Some("Copy Outlet".to_owned());
    copy.refresh_id();

    let mut store = Store::open_in_memory().expect("an in-memory store opens");
    let error = ErrorRecord {
        path: first.clone(),
        record: first.clone(),
        code: "I005".to_owned(),
        message: first.clone(),
    };
    let batch = [Prepared::new(doc.clone()), Prepared::new(copy)];
    if let Err(e) = store.write(&batch, &[error.clone()]) {
        panic!("writing a pipeline document failed: {e}");
    }
    match store.write(&batch[..1], &[error]) {
        Ok(stats) => assert_eq!(stats.inserted, 0, "rewriting a stored document added it again"),
        Err(e) => panic!("rewriting a stored document failed: {e}"),
    }

    let words: Vec<&str> = doc.body.split_whitespace().take(3).collect();
    for query in [first.as_str(), words.join(" ").as_str(), "\"", "*", "a OR"] {
        if !query.trim().is_empty() {
            for scope in [SearchScope::Documents, SearchScope::Claims, SearchScope::Both] {
                let _ = store.search(query, scope, 10);
            }
        }
    }
    let _ = store.counts().expect("counts");
    let page = store
        .claims(&ClaimFilter {
            q: Some(first.clone()).filter(|q| !q.trim().is_empty()),
            ..ClaimFilter::default()
        })
        .expect("claims filtered by a query");
    let _ = page;
    let all = store.claims(&ClaimFilter::default()).expect("claims");
    for card in &all.claims {
        let _ = store.claim(&card.id).expect("one claim");
    }
    let _ = store.document_view(&doc.id).expect("document view");
    let _ = store.documents(&DocumentFilter::default()).expect("documents");
    let _ = store.speakers(&NameFilter::default()).expect("speakers");
    let _ = store.entities(&NameFilter::default()).expect("entities");
    let _ = store.timeline_options(None).expect("timeline options");
    for measure in ALL_MEASURES {
        let query = TimelineQuery {
            measure: measure.as_str().to_owned(),
            ..TimelineQuery::default()
        };
        let _ = store.timeline(&query).expect("timeline");
    }
    let _ = store.sources(1, 10, 10).expect("sources");
    for table in [ExportTable::Claims, ExportTable::Figures, ExportTable::Documents] {
        for format in [ExportFormat::Jsonl, ExportFormat::Csv] {
            store
                .export(table, format, &mut std::io::sink(), "sink")
                .expect("export");
        }
    }
});
