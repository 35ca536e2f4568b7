//! One module per subcommand.

pub mod claims;
pub mod bench;
pub mod demo;
pub mod eval;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod search;
pub mod sources;
pub mod timeline;
