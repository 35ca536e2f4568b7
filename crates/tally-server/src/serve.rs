//! The router and the listener: routes, middleware, and an accept loop that bounds how
//! many connections are open and how long a client may take to send its headers.

use std::net::SocketAddr;
use std::sync::Arc;
use std::thread::JoinHandle;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, oneshot};

use crate::{AppState, ServerConfig, ServerError, api, assets, ingest, openapi, security};

/// The whole application: API, page, OpenAPI, with limits and security headers.
pub fn router(state: AppState) -> Router {
    let reads = Router::new()
        .route("/api/health", get(api::health))
        .route("/api/claims", get(api::claims))
        .route("/api/claims/{id}", get(api::claim))
        .route("/api/documents", get(api::documents))
        .route("/api/documents/{id}", get(api::document))
        .route("/api/speakers", get(api::speakers))
        .route("/api/entities", get(api::entities))
        .route("/api/timeline", get(api::timeline))
        .route("/api/timeline/options", get(api::timeline_options))
        .route("/api/sources", get(api::sources))
        .route("/api/search", get(api::search))
        .route("/api/{*rest}", get(api::not_found))
        .route("/openapi.json", get(openapi_json))
        .route("/", get(assets::index))
        .route("/assets/{file}", get(assets::asset))
        .route_layer(from_fn_with_state(state.clone(), security::read_timeout));
    let writes = Router::new()
        .route("/api/ingest", post(ingest::ingest))
        .route("/ingest", post(ingest::ingest))
        .layer(DefaultBodyLimit::max(state.limits().max_body_bytes))
        .route_layer(from_fn_with_state(state.clone(), security::ingest_timeout));
    reads
        .merge(writes)
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(from_fn_with_state(state.clone(), security::query_limit))
        .layer(from_fn(security::headers))
        .with_state(state)
}

async fn openapi_json() -> Response {
    let mut response = openapi::openapi_json().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// A bound server, not yet answering.
pub struct Server {
    runtime: tokio::runtime::Runtime,
    listener: TcpListener,
    app: Router,
    config: ServerConfig,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("addr", &self.local_addr())
            .finish_non_exhaustive()
    }
}

impl Server {
    /// Opens the database, builds the pipeline, and binds the address (port 0 picks a free
    /// one: see [`Server::local_addr`]).
    ///
    /// # Errors
    /// [`ServerError`] when the database, pipeline or address is unusable.
    pub fn bind(config: ServerConfig) -> Result<Server, ServerError> {
        let listen = |source| ServerError::Listen {
            addr: config.bind.to_string(),
            source,
        };
        let mut builder = tokio::runtime::Builder::new_multi_thread();
        if config.threads > 0 {
            builder.worker_threads(config.threads);
        }
        let runtime = builder
            .enable_io()
            .enable_time()
            .thread_name("tally-serve")
            .build()
            .map_err(listen)?;
        let state = AppState::open(&config)?;
        let listener = runtime
            .block_on(TcpListener::bind(config.bind))
            .map_err(listen)?;
        Ok(Server {
            runtime,
            listener,
            app: router(state),
            config,
        })
    }

    /// The address actually bound.
    #[must_use]
    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().unwrap_or(self.config.bind)
    }

    /// Answers requests until the process ends.
    pub fn run(self) {
        let Server {
            runtime,
            listener,
            app,
            config,
        } = self;
        runtime.block_on(accept(listener, app, config));
    }

    /// Answers requests on a background thread until the handle is dropped or
    /// [`Running::stop`] is called (tests, embedding).
    #[must_use]
    pub fn spawn(self) -> Running {
        let addr = self.local_addr();
        let (stop, stopped) = oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let Server {
                runtime,
                listener,
                app,
                config,
            } = self;
            runtime.block_on(async move {
                let task = tokio::spawn(accept(listener, app, config));
                // Either a stop request or the handle being dropped ends the loop.
                let _ = stopped.await;
                task.abort();
            });
            // Dropping the runtime here cancels every open connection.
        });
        Running {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        }
    }
}

/// A server answering on a background thread.
#[derive(Debug)]
pub struct Running {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Running {
    /// The address it answers on.
    #[must_use]
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting, closes connections, and waits for the thread.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.shutdown();
    }
}

async fn accept(listener: TcpListener, app: Router, config: ServerConfig) {
    let limits = config.limits;
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    loop {
        let (stream, _) = match listener.accept().await {
            Ok(conn) => conn,
            Err(_) => {
                // Out of file descriptors or a connection reset before accept: back off
                // briefly rather than spin.
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                continue;
            }
        };
        // Over the connection limit the new connection is closed at once: the clients
        // already connected keep their service.
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        let header_timeout = limits.header_timeout;
        tokio::spawn(async move {
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout)
                .max_buf_size(64 * 1024)
                .serve_connection(TokioIo::new(stream), service);
            let _ = connection.await;
            drop(slot);
        });
    }
}
