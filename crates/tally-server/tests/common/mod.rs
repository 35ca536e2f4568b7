//! Test helpers: a real server on a loopback port over a real SQLite file, and a minimal
//! HTTP/1.1 client over `std::net` (no client library to build).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::Duration;

use tally_server::{Running, Server, ServerConfig, Token};

/// The token every test server accepts.
pub const TOKEN: &str = "test-token-0123456789abcdef";

/// A server over `db` on a free loopback port.
pub fn start(db: &Path) -> Running {
    let mut config = ServerConfig::new(db).unwrap();
    config.bind = "127.0.0.1:0".parse().unwrap();
    config.token = Token::from_value(TOKEN).unwrap();
    config.threads = 2;
    Server::bind(config).unwrap().spawn()
}

/// A response.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
}

/// Sends one request on a new connection and reads the whole response.
pub fn request(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut head = format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if !body.is_empty() || method == "POST" {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    let mut reader = BufReader::new(stream);
    read_response(&mut reader).expect("a response")
}

pub fn get(addr: SocketAddr, target: &str) -> Response {
    request(addr, "GET", target, &[], b"")
}

/// POST /api/ingest with the test token.
pub fn ingest(addr: SocketAddr, content_type: &str, body: &[u8]) -> Response {
    let auth = format!("Bearer {TOKEN}");
    request(
        addr,
        "POST",
        "/api/ingest",
        &[("Content-Type", content_type), ("Authorization", &auth)],
        body,
    )
}

/// Reads one response (Content-Length or chunked) from a connection.
pub fn read_response(reader: &mut impl BufRead) -> Option<Response> {
    let mut line = String::new();
    if reader.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let status: u16 = line.split_whitespace().nth(1)?.parse().ok()?;
    let mut headers = Vec::new();
    loop {
        line.clear();
        reader.read_line(&mut line).ok()?;
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        let (k, v) = l.split_once(':')?;
        headers.push((k.trim().to_owned(), v.trim().to_owned()));
    }
    let find = |name: &str| {
        headers
            .iter()
            .find(|(k, _): &&(String, String)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let mut body = Vec::new();
    if let Some(len) = find("content-length") {
        body.resize(len.parse().ok()?, 0);
        reader.read_exact(&mut body).ok()?;
    } else if find("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        loop {
            line.clear();
            reader.read_line(&mut line).ok()?;
            let size = usize::from_str_radix(line.trim(), 16).ok()?;
            let mut chunk = vec![0; size + 2];
            reader.read_exact(&mut chunk).ok()?;
            if size == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..size]);
        }
    } else {
        reader.read_to_end(&mut body).ok()?;
    }
    Some(Response {
        status,
        headers,
        body,
    })
}

/// The bundled sample articles (not the notices or tools next to them), with the content
/// type to send each as.
pub fn samples() -> Vec<(String, &'static str, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples");
    let mut out = Vec::new();
    for dir in ["synthetic", "wikinews", "muc3"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for path in files {
            let kind = match path.extension().and_then(|e| e.to_str()) {
                Some("md") => "text/markdown",
                _ => "text/plain",
            };
            out.push((
                path.file_name().unwrap().to_string_lossy().into_owned(),
                kind,
                std::fs::read(&path).unwrap(),
            ));
        }
    }
    out
}

/// An article whose text carries markup that must never run when shown.
pub const XSS_ARTICLE: &str = "---
title: Tallyxss test <script>window.__tallyXss = 1</script>
url: javascript:window.__tallyXss=2
published: 2024-12-20
---

The <script>window.__tallyXss = 1</script> tag was in the text, officials said on Friday.

\"Five buildings were damaged <img src=x onerror=\"window.__tallyImg = 1\"> in the tallyxss storm,\" a police spokesman said.
";

/// Ingests every sample and the markup article; returns the markup article's document id.
pub fn ingest_samples(addr: SocketAddr) -> String {
    for (name, kind, body) in samples() {
        let r = ingest(addr, kind, &body);
        assert_eq!(r.status, 200, "{name}: {}", r.text());
    }
    let r = ingest(addr, "text/plain", XSS_ARTICLE.as_bytes());
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()["ids"][0].as_str().unwrap().to_owned()
}
