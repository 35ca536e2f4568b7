//! Precision, recall and F1 from counts.

use serde::Serialize;

/// True positives, false positives and false negatives, with the derived scores.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Predictions that match gold.
    pub tp: usize,
    /// Predictions that match no gold.
    pub fp: usize,
    /// Gold that no prediction matches.
    pub fn_: usize,
}

impl Prf {
    /// Precision, or 0 with no predictions.
    #[must_use]
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall, or 0 with no gold.
    #[must_use]
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall.
    #[must_use]
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Adds another count.
    pub fn add(&mut self, other: Prf) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    /// The report form: counts plus rounded scores.
    #[must_use]
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "tp": self.tp, "fp": self.fp, "fn": self.fn_,
            "precision": round4(self.precision()), "recall": round4(self.recall()), "f1": round4(self.f1()),
        })
    }
}

#[allow(clippy::cast_precision_loss)]
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Rounds to four decimals for reports.
#[must_use]
pub fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
