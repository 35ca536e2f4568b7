//! Conventions: how vague words and modifiers become low / best / high numbers.
//!
//! A convention is data (`data/figures/conventions/*.tsv`, documented in those files): the
//! bundled `default` follows CONVENTIONS.md, the bundled `acled` fills `best` with the single
//! number conflict-event coders record, and users may supply their own file, optionally
//! extending a bundled one and changing a few rows. Every figure records the convention that
//! produced it.
//!
//! ```
//! use tally_figures::Convention;
//! let acled = Convention::bundled("acled").unwrap();
//! assert_eq!(acled.name(), "acled");
//! let mine = Convention::parse("mine", "extends\tdefault\nvague\tseveral\t3\t5\t7\n").unwrap();
//! assert_eq!(mine.name(), "mine");
//! assert!(Convention::parse("bad", "vague\tseveral\tlots\t-\t9\n").is_err());
//! ```

use std::collections::HashMap;
use std::path::Path;

use crate::lexicon::{ModKind, rows};

const DEFAULT: &str = include_str!("../../../data/figures/conventions/default.tsv");
const ACLED: &str = include_str!("../../../data/figures/conventions/acled.tsv");

/// Why a convention could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ConventionError {
    /// A row is malformed.
    #[error("conventions {name}, line {line}: {message}")]
    Row {
        /// The convention's name (file name or bundled name).
        name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong, naming the bad value.
        message: String,
    },
    /// No bundled convention has this name.
    #[error("unknown bundled convention {0:?}; expected default, acled or a file")]
    Unknown(String),
    /// The file could not be read.
    #[error("cannot read conventions file {path}: {source}")]
    Io {
        /// The path given.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// One cell of a convention row.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Cell {
    /// Left empty: nothing is invented.
    Empty,
    /// A fixed number.
    Value(f64),
    /// A factor times the number in the text (`N`, `0.9N`).
    N(f64),
    /// The first number of a range.
    A,
    /// The second number of a range.
    B,
    /// No bound.
    Open,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Row {
    low: Cell,
    best: Cell,
    high: Cell,
}

/// The numbers a convention gives an expression.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Resolved {
    /// Lowest value the words allow.
    pub low: Option<f64>,
    /// The single best value, when the words or the convention give one.
    pub best: Option<f64>,
    /// Highest value; empty when open.
    pub high: Option<f64>,
    /// No upper bound in the words.
    pub open_high: bool,
    /// No lower bound in the words.
    pub open_low: bool,
    /// Marked approximate.
    pub approx: bool,
}

/// A vague base: a vague word, possibly times a scale ("several hundred", "tens of
/// thousands").
#[derive(Clone, Debug, PartialEq)]
pub struct VagueBase {
    /// The key in the conventions ("several", "hundreds").
    pub key: String,
    /// The scale it multiplies (1 for a bare vague word).
    pub scale: f64,
    /// Plural of a plural scale ("tens of thousands"): the high end fills the whole
    /// order of magnitude.
    pub of_plural: bool,
}

/// What a convention turns into numbers.
#[derive(Clone, Debug, PartialEq)]
pub enum Base {
    /// A number.
    Exact(f64),
    /// A vague amount.
    Vague(VagueBase),
    /// Two amounts: "between A and B", "A to B", "A-B".
    Range(f64, f64),
}

/// A convention: values for vague words, modifiers, ranges and exact numbers.
#[derive(Clone, Debug)]
pub struct Convention {
    name: String,
    vague: HashMap<String, Row>,
    modifiers: HashMap<ModKind, Row>,
    range: Row,
    exact: Row,
}

fn parse_cell(cell: &str) -> Option<Cell> {
    match cell {
        "-" => Some(Cell::Empty),
        "open" => Some(Cell::Open),
        "A" => Some(Cell::A),
        "B" => Some(Cell::B),
        "N" => Some(Cell::N(1.0)),
        _ => {
            if let Some(factor) = cell.strip_suffix('N') {
                factor
                    .parse::<f64>()
                    .ok()
                    .filter(|f| f.is_finite())
                    .map(Cell::N)
            } else {
                cell.parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
                    .map(Cell::Value)
            }
        }
    }
}

impl Convention {
    /// A bundled convention: `default` or `acled`.
    ///
    /// # Errors
    /// [`ConventionError::Unknown`] for any other name.
    pub fn bundled(name: &str) -> Result<Convention, ConventionError> {
        match name {
            "default" => Convention::parse("default", DEFAULT),
            "acled" => Convention::parse("acled", ACLED),
            other => Err(ConventionError::Unknown(other.to_owned())),
        }
    }

    /// A bundled convention by name, or a file by path: what `--conventions` takes.
    ///
    /// # Errors
    /// [`ConventionError::Io`] when the file cannot be read, or a row error.
    pub fn load(spec: &str) -> Result<Convention, ConventionError> {
        if spec == "default" || spec == "acled" {
            return Convention::bundled(spec);
        }
        let path = Path::new(spec);
        let text = std::fs::read_to_string(path).map_err(|source| ConventionError::Io {
            path: spec.to_owned(),
            source,
        })?;
        let name = path
            .file_stem()
            .map_or_else(|| spec.to_owned(), |s| s.to_string_lossy().into_owned());
        Convention::parse(&name, &text)
    }

    /// Parses a convention file's text (format: `data/figures/conventions/default.tsv`).
    ///
    /// # Errors
    /// [`ConventionError::Row`] naming the line and the bad value.
    pub fn parse(name: &str, text: &str) -> Result<Convention, ConventionError> {
        let err = |line: usize, message: String| ConventionError::Row {
            name: name.to_owned(),
            line,
            message,
        };
        let mut base: Option<Convention> = None;
        let mut vague = HashMap::new();
        let mut modifiers = HashMap::new();
        let mut range = None;
        let mut exact = None;
        for (line, cols) in rows(text) {
            let kind = cols.first().copied().unwrap_or("");
            if kind == "extends" {
                let parent = cols.get(1).copied().unwrap_or("");
                if parent == name {
                    return Err(err(line, format!("{parent:?} cannot extend itself")));
                }
                base = Some(Convention::bundled(parent).map_err(|e| err(line, e.to_string()))?);
                continue;
            }
            if cols.len() != 5 {
                return Err(err(
                    line,
                    format!("expected 5 tab-separated columns, found {}", cols.len()),
                ));
            }
            let mut cells = [Cell::Empty; 3];
            for (i, cell) in cols[2..5].iter().enumerate() {
                cells[i] =
                    parse_cell(cell).ok_or_else(|| err(line, format!("bad value {cell:?}")))?;
            }
            let row = Row {
                low: cells[0],
                best: cells[1],
                high: cells[2],
            };
            let key = cols[1];
            match kind {
                "vague" => {
                    if [row.low, row.best, row.high]
                        .iter()
                        .any(|c| !matches!(c, Cell::Value(_) | Cell::Empty))
                    {
                        return Err(err(line, format!("vague {key:?} takes plain numbers")));
                    }
                    vague.insert(key.to_owned(), row);
                }
                "modifier" => {
                    let m = ModKind::parse(key)
                        .ok_or_else(|| err(line, format!("unknown modifier {key:?}")))?;
                    modifiers.insert(m, row);
                }
                "range" => range = Some(row),
                "exact" => exact = Some(row),
                other => return Err(err(line, format!("unknown kind {other:?}"))),
            }
        }
        let mut convention = base.unwrap_or_else(|| Convention::empty(name));
        convention.name = name.to_owned();
        convention.vague.extend(vague);
        convention.modifiers.extend(modifiers);
        if let Some(r) = range {
            convention.range = r;
        }
        if let Some(e) = exact {
            convention.exact = e;
        }
        Ok(convention)
    }

    /// A convention with no vague or modifier rows: exact numbers and ranges only.
    pub(crate) fn empty(name: &str) -> Convention {
        Convention {
            name: name.to_owned(),
            vague: HashMap::new(),
            modifiers: HashMap::new(),
            range: Row {
                low: Cell::A,
                best: Cell::Empty,
                high: Cell::B,
            },
            exact: Row {
                low: Cell::N(1.0),
                best: Cell::N(1.0),
                high: Cell::N(1.0),
            },
        }
    }

    /// The name figures record (`default`, `acled`, or the file's stem).
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether the convention knows a vague key.
    #[must_use]
    pub fn knows(&self, key: &str) -> bool {
        self.vague.contains_key(key)
    }

    /// The low / best / high of a base amount, before modifiers.
    fn base(&self, base: &Base) -> Option<(Option<f64>, Option<f64>, Option<f64>)> {
        let n = |cell: Cell, v: f64| match cell {
            Cell::Value(x) => Some(x),
            Cell::N(f) => Some(f * v),
            _ => None,
        };
        match base {
            Base::Exact(v) => Some((
                n(self.exact.low, *v),
                n(self.exact.best, *v),
                n(self.exact.high, *v),
            )),
            Base::Range(a, b) => {
                let ab = |cell: Cell| match cell {
                    Cell::A => Some(*a),
                    Cell::B => Some(*b),
                    Cell::Value(x) => Some(x),
                    _ => None,
                };
                Some((ab(self.range.low), ab(self.range.best), ab(self.range.high)))
            }
            Base::Vague(v) => {
                let row = self.vague.get(&v.key)?;
                let value = |cell: Cell| match cell {
                    Cell::Value(x) => Some(x),
                    _ => None,
                };
                let low = value(row.low).map(|x| x * v.scale);
                let best = value(row.best).map(|x| x * v.scale);
                let high = value(row.high).map(|x| {
                    if v.of_plural {
                        (x + 1.0) * v.scale - 1.0
                    } else {
                        x * v.scale
                    }
                });
                Some((low, best, high))
            }
        }
    }

    /// Turns a base amount and an optional modifier into numbers. `None` when the
    /// convention has no row for a vague key.
    #[must_use]
    pub fn resolve(&self, base: &Base, modifier: Option<ModKind>) -> Option<Resolved> {
        let (low, best, high) = self.base(base)?;
        let vague = matches!(base, Base::Vague(_));
        let Some(m) = modifier else {
            return Some(Resolved {
                low,
                best,
                high,
                open_high: false,
                open_low: false,
                approx: false,
            });
        };
        let row = self.modifiers.get(&m).copied().unwrap_or(Row {
            low: Cell::N(1.0),
            best: Cell::N(1.0),
            high: Cell::N(1.0),
        });
        // N is the number itself for exact bases; for vague ones and ranges, the end of the
        // base range that the column faces.
        let point = best.or(low).or(high);
        let apply = |cell: Cell, face: Option<f64>| match cell {
            Cell::Value(x) => Some(x),
            Cell::N(f) => face.or(point).map(|v| f * v),
            Cell::A => low,
            Cell::B => high,
            Cell::Empty | Cell::Open => None,
        };
        let mut out = Resolved {
            low: apply(row.low, low),
            best: apply(row.best, if vague { low } else { point }),
            high: apply(row.high, high),
            open_high: row.high == Cell::Open,
            open_low: row.low == Cell::Open,
            approx: m == ModKind::About,
        };
        if m == ModKind::About && (vague || matches!(base, Base::Range(..))) {
            // "about several hundred" stays the vague range, marked approximate; so does
            // "about 8 to 10 percent" (was best 8 with no bounds: the upper end was lost).
            out.low = low;
            out.high = high;
            out.best = best;
        }
        // Factors and zero bounds written for counts flip around a negative number ("fewer
        // than -1" would give [0, -1]): keep low below high.
        if let (Some(l), Some(h)) = (out.low, out.high)
            && l > h
        {
            out.low = Some(h);
            out.high = Some(l);
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vague(key: &str, scale: f64, of_plural: bool) -> Base {
        Base::Vague(VagueBase {
            key: key.into(),
            scale,
            of_plural,
        })
    }

    fn triple(r: Resolved) -> (Option<f64>, Option<f64>, Option<f64>) {
        (r.low, r.best, r.high)
    }

    #[test]
    fn default_matches_conventions_md() {
        let c = Convention::bundled("default").unwrap();
        let t = |b: Base, m: Option<ModKind>| triple(c.resolve(&b, m).unwrap());
        assert_eq!(
            t(vague("several", 100.0, false), None),
            (Some(300.0), None, Some(900.0))
        );
        assert_eq!(
            t(vague("thousands", 1.0, false), None),
            (Some(2000.0), None, Some(9999.0))
        );
        assert_eq!(
            t(vague("billions", 1.0, false), None),
            (Some(2e9), None, Some(9_999_999_999.0))
        );
        assert_eq!(
            t(vague("tens", 1000.0, true), None),
            (Some(20_000.0), None, Some(99_999.0))
        );
        assert_eq!(
            t(vague("hundreds", 1000.0, true), None),
            (Some(200_000.0), None, Some(999_999.0))
        );
        assert_eq!(
            t(Base::Exact(1000.0), Some(ModKind::MoreThan)),
            (Some(1000.0), None, None)
        );
        assert!(
            c.resolve(&Base::Exact(1000.0), Some(ModKind::MoreThan))
                .unwrap()
                .open_high
        );
        assert_eq!(
            t(Base::Exact(10.0), Some(ModKind::FewerThan)),
            (Some(0.0), None, Some(10.0))
        );
        assert_eq!(
            t(Base::Exact(200.0), Some(ModKind::Nearly)),
            (Some(180.0), None, Some(200.0))
        );
        let about = c
            .resolve(&Base::Exact(300.0), Some(ModKind::About))
            .unwrap();
        assert_eq!(triple(about), (None, Some(300.0), None));
        assert!(about.approx);
        assert_eq!(
            t(Base::Range(500.0, 700.0), None),
            (Some(500.0), None, Some(700.0))
        );
        assert_eq!(
            t(Base::Exact(5.6e9), None),
            (Some(5.6e9), Some(5.6e9), Some(5.6e9))
        );
    }

    #[test]
    fn acled_fills_best_even_below_low() {
        let c = Convention::bundled("acled").unwrap();
        let best = |b: Base| c.resolve(&b, None).unwrap().best;
        assert_eq!(best(vague("tens", 1.0, false)), Some(10.0));
        assert_eq!(best(vague("dozens", 1.0, false)), Some(12.0));
        assert_eq!(best(vague("hundreds", 1.0, false)), Some(100.0));
        assert_eq!(best(vague("tens", 1000.0, true)), Some(10_000.0));
        assert_eq!(best(Base::Range(500.0, 700.0)), Some(500.0));
        let r = c
            .resolve(&Base::Exact(1000.0), Some(ModKind::MoreThan))
            .unwrap();
        assert_eq!(r.best, Some(1000.0));
        assert_eq!(
            c.resolve(&Base::Exact(3000.0), Some(ModKind::UpTo))
                .unwrap()
                .best,
            None
        );
    }

    #[test]
    fn user_file_extends_and_errors_name_the_line() {
        let c = Convention::parse("mine", "extends\tacled\nvague\tseveral\t3\t5\t7\n").unwrap();
        let r = c.resolve(&vague("several", 1.0, false), None).unwrap();
        assert_eq!(triple(r), (Some(3.0), Some(5.0), Some(7.0)));
        assert_eq!(
            c.resolve(&vague("dozens", 1.0, false), None).unwrap().best,
            Some(12.0)
        );
        let e = Convention::parse("bad", "# c\nvague\tseveral\tN\t-\t9\n").unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
        let e = Convention::parse("bad", "modifier\tmostly\tN\t-\tN\n").unwrap_err();
        assert!(e.to_string().contains("\"mostly\""), "{e}");
        assert!(Convention::load("/nonexistent/conv.tsv").is_err());
    }
}
