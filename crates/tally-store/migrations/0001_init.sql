-- Schema version 1: documents and every annotation layer tally-core has, sources,
-- syndication, claims with their carriers, ingest bookkeeping and errors.
--
-- Conventions: `doc_pk` is documents.pk (an integer, to keep child tables small); the
-- document's stable content id is documents.id. Offsets are half-open byte offsets into
-- documents.body. Lists that are only ever read whole are JSON text.

-- Outlets and agencies, by name ("AFP", "The Moscow Times").
CREATE TABLE sources (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE documents (
    pk             INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    content_hash   TEXT NOT NULL,
    url            TEXT,
    canonical_url  TEXT,
    title          TEXT,
    publisher_id   INTEGER REFERENCES sources(id),
    agency_id      INTEGER REFERENCES sources(id),
    byline         TEXT,
    published      TEXT,            -- ISO value as precise as the source gave it
    published_date TEXT,            -- YYYY-MM-DD, for range queries
    language       TEXT,
    origin_path    TEXT,
    origin_record  TEXT,
    origin_format  TEXT,
    meta_json      TEXT NOT NULL,   -- the full DocumentMeta (credits, related links, extra fields)
    layers         TEXT NOT NULL,   -- JSON list of the layers present when stored
    diagnostics    TEXT NOT NULL,   -- JSON list of Diagnostic
    body           TEXT NOT NULL,
    cluster_id     INTEGER NOT NULL, -- syndication cluster: pk of its first document
    ingested_at    TEXT NOT NULL
);
CREATE INDEX documents_content_hash ON documents(content_hash);
CREATE INDEX documents_cluster ON documents(cluster_id);
CREATE INDEX documents_published ON documents(published_date);
CREATE INDEX documents_publisher ON documents(publisher_id);
CREATE INDEX documents_agency ON documents(agency_id);

-- The source chain, originator first: AFP -> The Moscow Times.
CREATE TABLE source_chain (
    doc_pk    INTEGER NOT NULL REFERENCES documents(pk),
    position  INTEGER NOT NULL,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    PRIMARY KEY (doc_pk, position)
) WITHOUT ROWID;

CREATE TABLE paragraphs (
    doc_pk INTEGER NOT NULL REFERENCES documents(pk),
    idx    INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    PRIMARY KEY (doc_pk, idx)
) WITHOUT ROWID;

CREATE TABLE sentences (
    doc_pk INTEGER NOT NULL REFERENCES documents(pk),
    idx    INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    PRIMARY KEY (doc_pk, idx)
) WITHOUT ROWID;

CREATE TABLE entities (
    doc_pk INTEGER NOT NULL REFERENCES documents(pk),
    id     TEXT NOT NULL,
    kind   TEXT NOT NULL,
    name   TEXT NOT NULL,
    parent TEXT,
    PRIMARY KEY (doc_pk, id)
) WITHOUT ROWID;
CREATE INDEX entities_by_id ON entities(id);

CREATE TABLE mentions (
    doc_pk    INTEGER NOT NULL REFERENCES documents(pk),
    entity_id TEXT NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    PRIMARY KEY (doc_pk, entity_id, start)
) WITHOUT ROWID;

CREATE TABLE speakers (
    doc_pk      INTEGER NOT NULL REFERENCES documents(pk),
    id          TEXT NOT NULL,
    named       INTEGER NOT NULL,
    name        TEXT,
    entity_id   TEXT,
    descriptor  TEXT,
    role        TEXT,
    affiliation TEXT,
    seniority   TEXT,
    anonymous   INTEGER NOT NULL,
    grp         INTEGER NOT NULL,
    conditions  TEXT NOT NULL,      -- JSON list
    mentions    TEXT NOT NULL,      -- JSON list of [start, end]
    PRIMARY KEY (doc_pk, id)
) WITHOUT ROWID;

CREATE TABLE attributions (
    doc_pk        INTEGER NOT NULL REFERENCES documents(pk),
    id            TEXT NOT NULL,
    kind          TEXT NOT NULL,
    cue_start     INTEGER NOT NULL,
    cue_end       INTEGER NOT NULL,
    cue_lemma     TEXT NOT NULL,
    source_start  INTEGER,
    source_end    INTEGER,
    speaker_id    TEXT,
    said_date     TEXT,
    said_basis    TEXT,
    said_time_id  TEXT,
    content       TEXT NOT NULL,    -- JSON list of [start, end]
    conditions    TEXT NOT NULL,    -- JSON list
    PRIMARY KEY (doc_pk, id)
) WITHOUT ROWID;

CREATE TABLE times (
    doc_pk   INTEGER NOT NULL REFERENCES documents(pk),
    id       TEXT NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    raw      TEXT NOT NULL,
    type     TEXT NOT NULL,
    value    TEXT NOT NULL,
    modifier TEXT,
    anchor   TEXT,
    quant    TEXT,
    PRIMARY KEY (doc_pk, id)
) WITHOUT ROWID;

-- One statement by one claimant, stored once however many documents carry it. `key` is a
-- hash of the claimant and the whitespace-normalized, case-folded content, so syndicated
-- copies of the same quote share a row.
CREATE TABLE claims (
    pk                 INTEGER PRIMARY KEY,
    key                TEXT NOT NULL UNIQUE,
    claimant_kind      TEXT NOT NULL,
    claimant_name      TEXT NOT NULL,
    claimant_anonymous INTEGER NOT NULL,
    kind               TEXT NOT NULL,
    content            TEXT NOT NULL,
    said_date          TEXT,        -- earliest said-at date over its carriers
    first_doc_pk       INTEGER NOT NULL REFERENCES documents(pk)
);
CREATE INDEX claims_claimant ON claims(claimant_name);

-- Each document's copy of a claim: the carriers.
CREATE TABLE claim_instances (
    claim_pk     INTEGER NOT NULL REFERENCES claims(pk),
    doc_pk       INTEGER NOT NULL REFERENCES documents(pk),
    id           TEXT NOT NULL,     -- the per-document Claim::id
    speaker_id   TEXT,
    cue_start    INTEGER,
    cue_end      INTEGER,
    said_date    TEXT,
    said_basis   TEXT,
    said_time_id TEXT,
    about_times  TEXT NOT NULL,     -- JSON list of time ids
    figures      TEXT NOT NULL,     -- JSON list of figure ids
    entities     TEXT NOT NULL,     -- JSON list of entity ids
    conditions   TEXT NOT NULL,     -- JSON list
    attributions TEXT NOT NULL,     -- JSON list of attribution ids
    rules        TEXT NOT NULL,     -- JSON list of rule names
    PRIMARY KEY (claim_pk, doc_pk, id)
) WITHOUT ROWID;
CREATE INDEX claim_instances_doc ON claim_instances(doc_pk);

CREATE TABLE evidence (
    doc_pk   INTEGER NOT NULL REFERENCES documents(pk),
    claim_id TEXT NOT NULL,
    idx      INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    PRIMARY KEY (doc_pk, claim_id, idx)
) WITHOUT ROWID;

CREATE TABLE figures (
    doc_pk         INTEGER NOT NULL REFERENCES documents(pk),
    id             TEXT NOT NULL,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    raw            TEXT NOT NULL,
    low            REAL,
    best           REAL,
    high           REAL,
    unit           TEXT,
    approx         INTEGER NOT NULL,
    open_low       INTEGER NOT NULL,
    open_high      INTEGER NOT NULL,
    measure        TEXT NOT NULL,
    noun           TEXT,
    subject_text   TEXT,
    subject_entity TEXT,
    place_text     TEXT,
    place_entity   TEXT,
    hedges         TEXT NOT NULL,   -- JSON list
    convention     TEXT NOT NULL,
    claim_pk       INTEGER REFERENCES claims(pk),
    date           TEXT,            -- the claim's said-at date, else the publication date
    PRIMARY KEY (doc_pk, id)
) WITHOUT ROWID;
CREATE INDEX figures_timeline ON figures(measure, subject_entity, date);
CREATE INDEX figures_claim ON figures(claim_pk);

-- Full-text search over document titles and bodies, and claim content. External-content
-- tables: the text is stored once, in documents and claims. The store writes the index
-- rows itself, in the same transaction as the rows they index: an insert trigger would
-- make every statement open a savepoint, and FTS5 flushes its pending terms at each one.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body, content = 'documents', content_rowid = 'pk',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE claims_fts USING fts5(
    content, claimant_name, content = 'claims', content_rowid = 'pk',
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Syndication: a MinHash signature per document and its LSH band keys.
CREATE TABLE minhash (
    doc_pk    INTEGER PRIMARY KEY REFERENCES documents(pk),
    signature BLOB NOT NULL
);
CREATE TABLE lsh_bands (
    band   INTEGER NOT NULL,
    doc_pk INTEGER NOT NULL REFERENCES documents(pk),
    PRIMARY KEY (band, doc_pk)
) WITHOUT ROWID;

-- Ingest bookkeeping: an input whose size and modification time match a `done` row is
-- skipped on a rerun.
CREATE TABLE inputs (
    path        TEXT PRIMARY KEY,
    size        INTEGER NOT NULL,
    mtime_ns    INTEGER NOT NULL,
    status      TEXT NOT NULL,      -- 'running' or 'done'
    documents   INTEGER NOT NULL,
    errors      INTEGER NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT
);

-- Records that could not be read or annotated, with the reason.
CREATE TABLE errors (
    id      INTEGER PRIMARY KEY,
    path    TEXT NOT NULL,
    record  TEXT NOT NULL,          -- '' for a file-level error
    code    TEXT NOT NULL,
    message TEXT NOT NULL,
    at      TEXT NOT NULL,
    UNIQUE (path, record, code, message)
);
