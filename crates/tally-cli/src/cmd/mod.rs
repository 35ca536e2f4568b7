//! One module per subcommand.

pub mod bench;
pub mod claims;
pub mod demo;
pub mod eval;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod pg;
pub mod search;
pub mod serve;
pub mod sources;
pub mod stored_claims;
pub mod timeline;
