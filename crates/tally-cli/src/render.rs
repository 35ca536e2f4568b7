//! Human-readable tables: the claim ledger. Machines get JSON, JSONL or CSV instead.

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use tally_core::{Claim, ClaimKind, Document, Figure};

/// Table width: `$COLUMNS` when set, else the terminal's width when standard output is one,
/// else 140. Shells do not export `COLUMNS`, so in a terminal narrower than 140 columns
/// every row wrapped onto two lines.
fn width() -> u16 {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(terminal_width)
        .unwrap_or(140)
}

#[cfg(unix)]
fn terminal_width() -> Option<u16> {
    let size = rustix::termios::tcgetwinsize(std::io::stdout()).ok()?;
    (size.ws_col > 0).then_some(size.ws_col)
}

#[cfg(not(unix))]
fn terminal_width() -> Option<u16> {
    None
}

fn table(header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width())
        .set_header(header.to_vec());
    table
}

/// A table of `rows` under `header`, in the ledger's style.
pub fn rows_table(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut t = table(header);
    for row in rows {
        t.add_row(row);
    }
    t.to_string()
}

/// The claim ledger of one document.
pub fn claims_table(doc: &Document) -> String {
    let mut t = table(&["Claimant", "Kind", "Said on", "Figures", "Evidence"]);
    for claim in &doc.claims {
        t.add_row(vec![
            claimant(claim),
            kind(claim.kind).to_owned(),
            claim
                .said_at
                .as_ref()
                .map_or_else(String::new, |s| s.date.clone()),
            claim_figures(claim, doc),
            snippet(
                &claim
                    .evidence
                    .iter()
                    .map(|e| e.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" … "),
                160,
            ),
        ]);
    }
    t.to_string()
}

fn claimant(claim: &Claim) -> String {
    let anonymous = if claim.claimant.anonymous {
        " (anonymous)"
    } else {
        ""
    };
    format!("{}{anonymous}", claim.claimant.name)
}

fn kind(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Direct => "direct",
        ClaimKind::Indirect => "indirect",
        ClaimKind::Mixed => "mixed",
        ClaimKind::Reporter => "reporter",
    }
}

fn claim_figures(claim: &Claim, doc: &Document) -> String {
    claim
        .figures
        .iter()
        .filter_map(|id| doc.figures.iter().find(|f| &f.id == id))
        .map(|f| format!("{} {}", measure(f), value(f)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The measure, with the counted noun for `other` ("other (rocket launchers)").
pub fn measure(figure: &Figure) -> String {
    match (&figure.measure, &figure.noun) {
        (tally_core::Measure::Other, Some(noun)) => noun.clone(),
        (measure, _) => measure.as_str().to_owned(),
    }
}

/// A figure's value as a reader would write it: `1,200`, `300–900`, `≥ 1,000`, `≈ 300`,
/// with the unit.
pub fn value(figure: &Figure) -> String {
    let bounds = Bounds {
        low: figure.low,
        best: figure.best,
        high: figure.high,
        approx: figure.approx,
        open_high: figure.open_high,
    };
    range(bounds, figure.unit.as_deref())
}

/// What [`range`] reads of a figure, from an extracted one or a stored one alike.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    pub low: Option<f64>,
    pub best: Option<f64>,
    pub high: Option<f64>,
    pub approx: bool,
    pub open_high: bool,
}

/// A range as a reader would write it, with the unit: see [`value`].
pub fn range(b: Bounds, unit: Option<&str>) -> String {
    let unit = unit.map_or(String::new(), |u| format!(" {u}"));
    let range = match (b.low, b.best, b.high) {
        (Some(l), _, Some(h)) if (l - h).abs() < f64::EPSILON => number(l),
        (_, Some(best), _) if b.approx => format!("≈ {}", number(best)),
        (Some(l), _, None) if b.open_high => format!("≥ {}", number(l)),
        (Some(l), _, Some(h)) => format!("{}–{}", number(l), number(h)),
        (None, _, Some(h)) => format!("≤ {}", number(h)),
        (_, Some(best), _) => number(best),
        _ => "?".to_owned(),
    };
    format!("{range}{unit}")
}

/// `5600000000` → `5.6 bn`, `12000` → `12,000`.
pub fn number(x: f64) -> String {
    let scaled = [(1e12, "tn"), (1e9, "bn"), (1e6, "m")]
        .into_iter()
        .find(|(s, _)| x.abs() >= *s);
    if let Some((scale, suffix)) = scaled {
        let v = format!("{:.2}", x / scale);
        return format!("{} {suffix}", v.trim_end_matches('0').trim_end_matches('.'));
    }
    if x.fract().abs() > 1e-9 {
        return format!("{x:.2}").trim_end_matches('0').to_owned();
    }
    #[allow(clippy::cast_possible_truncation)]
    let digits = (x.round() as i64).unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if x < 0.0 { format!("-{out}") } else { out }
}

/// The first `max` characters of `text`, whitespace collapsed, with an ellipsis if cut.
pub fn snippet(text: &str, max: usize) -> String {
    let text = tally_core::normalize_whitespace(text);
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_like_a_reporter_writes_them() {
        assert_eq!(number(5.6e9), "5.6 bn");
        assert_eq!(number(1_200.0), "1,200");
        assert_eq!(number(999.0), "999");
        assert_eq!(number(2e6), "2 m");
        assert_eq!(number(0.5), "0.5");
    }

    #[test]
    fn snippets_cut_on_characters() {
        assert_eq!(snippet("Kyiv – Moscow", 6), "Kyiv –…");
        assert_eq!(snippet("short", 10), "short");
    }
}
