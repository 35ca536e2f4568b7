//! Shared state: a pool of read-only connections, the one writer, and the pipeline.
//!
//! SQLite in WAL mode lets readers run while the writer writes, so reads never wait for an
//! ingest. Connections are blocking, so every query runs on tokio's blocking pool.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use tally_extract::Pipeline;
use tally_store::Store;

use crate::config::{Limits, Token};
use crate::{ApiError, ServerConfig, ServerError};

/// Idle read connections kept for reuse; more are opened under load and closed after.
const IDLE_READERS: usize = 16;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    db: PathBuf,
    readers: Mutex<Vec<Store>>,
    writer: Mutex<Store>,
    pipeline: Pipeline,
    token: Token,
    limits: Limits,
}

impl AppState {
    /// Opens (creating and migrating if needed) the database and builds the pipeline.
    ///
    /// # Errors
    /// [`ServerError::Store`] or [`ServerError::Pipeline`].
    pub fn open(config: &ServerConfig) -> Result<AppState, ServerError> {
        let writer = Store::open(&config.db)?;
        let pipeline = Pipeline::builtin(&config.pipeline)?;
        Ok(AppState {
            inner: Arc::new(Inner {
                db: config.db.clone(),
                readers: Mutex::new(Vec::new()),
                writer: Mutex::new(writer),
                pipeline,
                token: config.token.clone(),
                limits: config.limits.clone(),
            }),
        })
    }

    /// The limits in force.
    pub fn limits(&self) -> &Limits {
        &self.inner.limits
    }

    /// The ingest token.
    pub fn token(&self) -> &Token {
        &self.inner.token
    }

    /// Runs `f` with a read-only connection on the blocking pool.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let store = state.take_reader()?;
            let result = f(&store);
            state.give_back(store);
            result
        })
        .await
        .map_err(|e| ApiError::Internal(format!("query task failed: {e}")))?
    }

    /// Runs `f` with the pipeline and the writer on the blocking pool. Writes are
    /// serialized: one ingest writes at a time.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Pipeline, &Mutex<Store>) -> Result<T, ApiError> + Send + 'static,
    {
        let state = self.clone();
        tokio::task::spawn_blocking(move || f(&state.inner.pipeline, &state.inner.writer))
            .await
            .map_err(|e| ApiError::Internal(format!("ingest task failed: {e}")))?
    }

    fn take_reader(&self) -> Result<Store, ApiError> {
        let pooled = self
            .inner
            .readers
            .lock()
            .map_err(|_| ApiError::Internal("reader pool poisoned".to_owned()))?
            .pop();
        match pooled {
            Some(store) => Ok(store),
            None => Ok(Store::open_read_only(&self.inner.db)?),
        }
    }

    fn give_back(&self, store: Store) {
        if let Ok(mut readers) = self.inner.readers.lock()
            && readers.len() < IDLE_READERS
        {
            readers.push(store);
        }
    }
}
