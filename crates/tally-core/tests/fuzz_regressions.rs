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

/// `fuzz pipeline`: "nearly 278" gives a low bound of 278 × 0.9 = 250.20000000000002. JSON
/// wrote those 17 digits, but serde_json's default float parser, exact only for short
/// mantissas, read them back one unit in the last place off (250.2), so a figure stored or
/// passed on as JSON changed value. tally-core turns on serde_json's `float_roundtrip`,
/// which every crate reading a document shares.
#[test]
fn figure_values_read_back_from_json_unchanged() {
    for value in [
        278.0 * 0.9,
        0.1 + 0.2,
        1.0 / 3.0,
        5.6e9 * 1.1,
        f64::MAX,
        f64::MIN_POSITIVE,
        123_456_789.123_456_78,
    ] {
        let json = serde_json::to_string(&value).unwrap();
        let back: f64 = serde_json::from_str(&json).unwrap();
        assert_eq!(
            back.to_bits(),
            value.to_bits(),
            "{value} was written {json} and read back as {back}"
        );
    }
}
