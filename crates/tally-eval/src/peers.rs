//! Peers' predictions, read the same way by every suite that scores them.
//!
//! A peer file is JSONL written by `bench/peers/` (`peers.py predict TASK` or
//! `spacy_entities.py`): one line per document, `{"doc", "text", "seconds", TASK: [...]}`,
//! spans as UTF-8 byte offsets into "text". A path ending in `.jsonl` on a suite's command
//! line is a peer file, and its stem names the peer (`textacy.jsonl` → `textacy`). Each
//! suite deserializes lines into its own type ([`PeerLine`]) and checks that the peer's
//! text is the text it scores ([`same_text`]), so offsets always mean the same bytes.
//!
//! Limitation: a file is read whole into memory; peer files are a few MB.

use std::collections::BTreeMap;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::EvalError;

/// One line of a peer file: the key of the document it is about.
pub(crate) trait PeerLine: DeserializeOwned {
    /// The document key ("corpus_gm/1234_X.xml", "TimeBank/wsj_0026.tml", an article name).
    fn doc(&self) -> &str;
}

/// Whether a command-line path is a peer's predictions rather than gold data.
pub(crate) fn is_peer(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "jsonl")
}

/// A peer's name: its file's stem (`duckling.jsonl` → `duckling`).
pub(crate) fn name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "peer".into())
}

/// A gold file's key in peer files: its folder and file name ("corpus_gm/1234_X.xml").
pub(crate) fn doc_key(path: &Path) -> String {
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    match path.parent().and_then(Path::file_name) {
        Some(dir) => format!("{}/{file}", dir.to_string_lossy()),
        None => file,
    }
}

/// Reads a peer file: its lines by document key (a later line for the same key wins).
///
/// # Errors
/// [`EvalError::Data`] naming the file, and the line when one is not valid JSON of `T`.
pub(crate) fn read<T: PeerLine>(path: &Path) -> Result<BTreeMap<String, T>, EvalError> {
    let data = |message: String| EvalError::Data {
        path: path.display().to_string(),
        message,
    };
    let text = std::fs::read_to_string(path).map_err(|e| data(e.to_string()))?;
    let mut out = BTreeMap::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let doc: T =
            serde_json::from_str(line).map_err(|e| data(format!("line {}: {e}", n + 1)))?;
        out.insert(doc.doc().to_owned(), doc);
    }
    Ok(out)
}

/// Peers in the order given: each one's name and its lines by document key.
pub(crate) type Peers<T> = Vec<(String, BTreeMap<String, T>)>;

/// Reads every peer path: `(name, lines by key)` in the order given.
///
/// # Errors
/// As [`read`].
pub(crate) fn read_all<T: PeerLine>(paths: &[&std::path::PathBuf]) -> Result<Peers<T>, EvalError> {
    paths.iter().map(|p| Ok((name(p), read(p)?))).collect()
}

/// Refuses a peer's predictions made on another text than the one scored.
///
/// # Errors
/// [`EvalError::Data`] naming the document and the peer when the texts differ.
pub(crate) fn same_text(
    peer: &str,
    key: &str,
    peer_text: &str,
    text: &str,
) -> Result<(), EvalError> {
    if peer_text == text {
        return Ok(());
    }
    Err(EvalError::Data {
        path: key.to_owned(),
        message: format!("peer {peer} scored a different text for {key}; rebuild its input"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Line {
        doc: String,
        #[serde(default)]
        items: Vec<usize>,
    }

    impl PeerLine for Line {
        fn doc(&self) -> &str {
            &self.doc
        }
    }

    #[test]
    fn reads_lines_by_key_and_names_bad_lines() {
        let dir = std::env::temp_dir().join(format!("tally-eval-peers-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let good = dir.join("textacy.jsonl");
        std::fs::write(
            &good,
            "{\"doc\": \"a/b.xml\", \"items\": [1]}\n\n{\"doc\": \"c\"}\n",
        )
        .unwrap();
        let lines: BTreeMap<String, Line> = read(&good).unwrap();
        assert_eq!(lines["a/b.xml"].items, vec![1]);
        assert!(lines["c"].items.is_empty());
        assert_eq!(name(&good), "textacy");
        assert!(is_peer(&good));
        let bad = dir.join("bad.jsonl");
        std::fs::write(&bad, "{\"doc\": \"a\"}\nnot json\n").unwrap();
        let err = read::<Line>(&bad).err().unwrap().to_string();
        assert!(err.contains("bad.jsonl") && err.contains("line 2"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn keys_are_folder_and_file_and_texts_must_match() {
        assert_eq!(
            doc_key(Path::new("/x/corpus_gm/1_A.xml")),
            "corpus_gm/1_A.xml"
        );
        assert!(same_text("p", "k", "same", "same").is_ok());
        let err = same_text("p", "k", "one", "other").unwrap_err().to_string();
        assert!(err.contains("peer p") && err.contains("different text"));
    }
}
