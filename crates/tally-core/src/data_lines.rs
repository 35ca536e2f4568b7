//! Reading the bundled one-entry-per-line data files (`data/<area>/*.txt`).

/// The entries of a bundled list: each line trimmed, blank lines and `#` comment lines left
/// out.
///
/// ```
/// let list: Vec<&str> = tally_core::data_lines("# words\nkilling\n\n  leaving \n").collect();
/// assert_eq!(list, ["killing", "leaving"]);
/// ```
pub fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}
