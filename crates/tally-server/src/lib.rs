//! The tally HTTP server: a JSON API over the store, `POST /api/ingest` guarded by a bearer
//! token, an OpenAPI description at `/openapi.json`, and a web page (search, claim cards
//! with the evidence highlighted in its paragraph, documents with every annotation, and a
//! timeline chart of estimate ranges by source) embedded in the binary.
//!
//! - Reads need no token; writes need `Authorization: Bearer TOKEN`, the token given in
//!   [`ServerConfig::token`] (`tally serve` prints a fresh one, or takes `TALLY_TOKEN`).
//! - It listens on 127.0.0.1 unless told otherwise ([`is_exposed`] says when not).
//! - Bad parameters are a 400 with a JSON error; bodies, query strings, header reading and
//!   request time are all bounded ([`Limits`]).
//! - Article text is only ever sent as JSON strings and shown with `textContent`; the page's
//!   Content-Security-Policy allows no script but its own.
//!
//! ```no_run
//! use tally_server::{Server, ServerConfig};
//! let mut config = ServerConfig::new("tally.db").unwrap();
//! config.bind = "127.0.0.1:0".parse().unwrap();
//! let server = Server::bind(config).unwrap().spawn();
//! println!("serving on http://{}", server.addr());
//! ```

mod api;
mod assets;
mod config;
mod error;
mod ingest;
mod model;
mod openapi;
mod params;
mod security;
mod serve;
mod state;

pub use config::{Limits, ServerConfig, Token, is_exposed};
pub use error::{ApiError, ErrorBody, ErrorDetail, ServerError};
pub use openapi::openapi_json;
pub use serve::{Running, Server, router};
pub use state::AppState;
