//! Server settings: where the database is, where to listen, the ingest token, and the
//! limits that keep one client from exhausting the server.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use tally_extract::PipelineConfig;

use crate::ServerError;

/// Everything `tally serve` needs.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The SQLite database; created (empty) when missing, so POST /ingest can fill it.
    pub db: PathBuf,
    /// Where to listen. Loopback by default: see [`is_exposed`].
    pub bind: SocketAddr,
    /// The bearer token POST /ingest requires.
    pub token: Token,
    /// Size limits and timeouts.
    pub limits: Limits,
    /// The extraction pipeline POST /ingest runs.
    pub pipeline: PipelineConfig,
    /// Tokio worker threads (0: one per core).
    pub threads: usize,
}

impl ServerConfig {
    /// Defaults for `db`: 127.0.0.1:8080, a fresh random token, default limits.
    ///
    /// # Errors
    /// [`ServerError::Token`] when the system has no randomness to make a token with.
    pub fn new(db: impl Into<PathBuf>) -> Result<ServerConfig, ServerError> {
        Ok(ServerConfig {
            db: db.into(),
            bind: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 8080),
            token: Token::generate()?,
            limits: Limits::default(),
            pipeline: PipelineConfig::default(),
            threads: 0,
        })
    }
}

/// Request limits and timeouts.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest request body (POST /ingest), in bytes.
    pub max_body_bytes: usize,
    /// Longest query string, in bytes; longer requests get 414.
    pub max_query_bytes: usize,
    /// Longest a read request may take before it gets 503.
    pub read_timeout: Duration,
    /// Longest an ingest request may take (extraction is slower than reading).
    pub ingest_timeout: Duration,
    /// Longest a client may take to send request headers (slow clients hold a connection).
    pub header_timeout: Duration,
    /// Most open connections; more are closed at once.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // A news article is rarely over 1 MB; a JSON batch of a few hundred fits in 16.
            max_body_bytes: 16 * 1024 * 1024,
            max_query_bytes: 4096,
            read_timeout: Duration::from_secs(15),
            ingest_timeout: Duration::from_secs(300),
            header_timeout: Duration::from_secs(10),
            max_connections: 1024,
        }
    }
}

/// The ingest bearer token. Its `Debug` form hides the value so it never lands in logs.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(…)")
    }
}

impl Token {
    /// A token of 32 random hex digits (128 bits) from the operating system.
    ///
    /// # Errors
    /// [`ServerError::Token`] when the system's random source fails.
    pub fn generate() -> Result<Token, ServerError> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).map_err(|e| ServerError::Token(e.to_string()))?;
        Ok(Token(bytes.iter().map(|b| format!("{b:02x}")).collect()))
    }

    /// A token chosen by the user (the `TALLY_TOKEN` variable).
    ///
    /// # Errors
    /// [`ServerError::Token`] when it is shorter than 16 characters or holds characters
    /// that cannot appear in an HTTP header.
    pub fn from_value(value: &str) -> Result<Token, ServerError> {
        if value.len() < 16 {
            return Err(ServerError::Token(
                "a token must be at least 16 characters".to_owned(),
            ));
        }
        if !value.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(ServerError::Token(
                "a token may only hold visible ASCII characters".to_owned(),
            ));
        }
        Ok(Token(value.to_owned()))
    }

    /// The token's text, to print once at start.
    #[must_use]
    pub fn reveal(&self) -> &str {
        &self.0
    }

    /// Compares in time independent of where the first difference is, so response times
    /// do not leak the token a byte at a time.
    #[must_use]
    pub fn matches(&self, candidate: &str) -> bool {
        let (a, b) = (self.0.as_bytes(), candidate.as_bytes());
        let mut diff = a.len() ^ b.len();
        for (i, x) in a.iter().enumerate() {
            diff |= usize::from(x ^ b.get(i).copied().unwrap_or(0));
        }
        diff == 0
    }
}

/// Whether listening on `addr` exposes the server beyond this machine.
#[must_use]
pub fn is_exposed(addr: &SocketAddr) -> bool {
    !addr.ip().is_loopback()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_compare_whole() {
        let t = Token::from_value("0123456789abcdef").unwrap_or_else(|_| unreachable!());
        assert!(t.matches("0123456789abcdef"));
        assert!(!t.matches("0123456789abcdeF"));
        assert!(!t.matches("0123456789abcdef0"));
        assert!(!t.matches(""));
        assert!(Token::from_value("short").is_err());
        assert!(Token::from_value("has a space in the middle").is_err());
        assert_eq!(format!("{t:?}"), "Token(…)");
    }

    #[test]
    fn generated_tokens_differ() {
        let a = Token::generate().map(|t| t.reveal().to_owned());
        let b = Token::generate().map(|t| t.reveal().to_owned());
        assert!(matches!((&a, &b), (Ok(x), Ok(y)) if x != y && x.len() == 32));
    }

    #[test]
    fn loopback_is_not_exposed() {
        assert!(!is_exposed(
            &"127.0.0.1:8080".parse().unwrap_or_else(|_| unreachable!())
        ));
        assert!(!is_exposed(
            &"[::1]:8080".parse().unwrap_or_else(|_| unreachable!())
        ));
        assert!(is_exposed(
            &"0.0.0.0:8080".parse().unwrap_or_else(|_| unreachable!())
        ));
    }
}
