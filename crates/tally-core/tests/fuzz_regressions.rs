//! Regressions found by fuzzing (`fuzz/`, see docs/fuzzing.md), one test per bug, named
//! after it.

use tally_core::Published;

/// `fuzz pipeline`: a publication time with fractional seconds or an offset with seconds
/// was written as `HH:MM:SS` and `±HH:MM`, so the document's JSON read back as a different
/// time. JSONL dumps often carry JavaScript's `toISOString()` milliseconds.
#[test]
fn published_value_keeps_fractional_seconds_and_offset_seconds() {
    for value in [
        "2024-12-18T10:05:00.123Z",
        "2024-12-18T10:05:00.5+03:00",
        "1970-06-19T01:25:00+08:39:42",
        "1970-06-19T01:25:00-00:00:01",
        "2024-12-18T10:05:00Z",
    ] {
        let published = Published::parse_iso(value).unwrap();
        assert_eq!(published.value(), value);
        let json = serde_json::to_string(&published).unwrap();
        assert_eq!(serde_json::from_str::<Published>(&json).unwrap(), published);
    }
}
