//! The sample articles bundled into the binary for `tally demo` (see `NOTICE.md`
//! for their sources and licenses).

/// A bundled sample: its path in the repository and its text.
pub struct Sample {
    /// Path relative to the repository root.
    pub path: &'static str,
    /// The file's text.
    pub text: &'static str,
}

macro_rules! sample {
    ($path:literal) => {
        Sample {
            path: $path,
            text: include_str!(concat!("../../../", $path)),
        }
    };
}

/// Every sample, in the order the demo shows them.
pub const SAMPLES: &[Sample] = &[
    sample!("samples/synthetic/syn-01-kursk-losses-top-1000.md"),
    sample!("samples/synthetic/syn-02-seoul-estimate.md"),
    sample!("samples/synthetic/syn-03a-aid-package-ledger.md"),
    sample!("samples/synthetic/syn-03b-aid-package-courier.md"),
    sample!("samples/synthetic/syn-04-displaced-flood.md"),
    sample!("samples/wikinews/gm-opel-jobs.md"),
    sample!("samples/wikinews/daimlerchrysler-jobs.md"),
    sample!("samples/wikinews/airbus-raf-airtanker.md"),
    sample!("samples/muc3/dev-muc3-0001.txt"),
    sample!("samples/muc3/dev-muc3-0215.txt"),
];
