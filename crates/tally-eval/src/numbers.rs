//! The `numbers` suite: tally's amount recognizer ([`tally_figures::Recognizer`]) against the
//! Microsoft Recognizers-Text English specs (`Specs/Number/English/*.json`,
//! `Specs/NumberWithUnit/English/*.json`; MIT).
//!
//! Each spec file is a list of cases `{Input, NotSupported?, Results: [{Text, Start, End,
//! TypeName, Resolution}]}` with character offsets (`End` inclusive). The suite scores the
//! recognizer, not the figure filter: Recognizers counts the digits of dates and phone
//! numbers as numbers, which tally's figures drop on purpose.
//!
//! * Files in scope: `NumberModel` (every number core, e.g. "20" in "$20"), `NumberRangeModel`
//!   (amounts with a bound or range, rendered as Recognizers intervals "[20,30)", "(30,)"),
//!   `PercentModel` and `CurrencyModel` (amount spans and values; currency units compared
//!   as ISO 4217 codes). Other files (ordinals, ages, dimensions, temperatures, the
//!   experimental and percent modes) are listed as out of scope with the reason, not scored.
//! * Cases whose `NotSupported` names every binding (dotnet, java, javascript, python) are
//!   skipped and counted.
//! * Inside in-scope files, some case kinds fall outside what news figures need (ratio
//!   fractions "one over three", compound ordinal denominators "a trillionth", crypto and
//!   spoken Chinese money, comma decimals, compound comparisons "more than 10 and less than
//!   20"). Every case is scored; the report gives the scores with and without those kinds,
//!   and how many cases each kind holds.
//!
//! Metrics per file and overall: exact span P/R/F1, overlap span P/R/F1, and value accuracy
//! on exactly matched spans (and unit accuracy for currency).

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use tally_figures::{Base, ModKind, Quantity, Recognizer, number::flags};

use crate::prf::round4;
use crate::{EvalError, Prf, Report};

const USAGE: &str = "RECOGNIZERS_SPECS_DIR_OR_JSON... (e.g. recognizers-text/Specs)";
const MAX_ERRORS: usize = 60;

/// The files scored, by model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Model {
    Number,
    Range,
    Percent,
    Currency,
}

fn model_of(stem: &str) -> Result<Model, &'static str> {
    match stem {
        "NumberModel" => Ok(Model::Number),
        "NumberRangeModel" => Ok(Model::Range),
        "PercentModel" => Ok(Model::Percent),
        "CurrencyModel" => Ok(Model::Currency),
        s if s.starts_with("Ordinal") => Err("ordinals are not figures (kept apart on purpose)"),
        s if s.ends_with("ExperimentalMode") => {
            Err("experimental mode: alternative resolutions of the same inputs")
        }
        s if s.ends_with("PercentMode") => {
            Err("percent mode: reads fractions and ratios as percentages, not news usage")
        }
        "AgeModel" => Err("ages are not figures (CONVENTIONS.md)"),
        "DimensionModel" => Err(
            "physical dimensions: only a few news units are read (points, km, tonnes, GB), not the full unit grammar",
        ),
        "TemperatureModel" => Err("temperatures are not handled"),
        _ => Err("unknown spec file"),
    }
}

/// Case kinds outside what news figures need, by a cheap test on the input.
fn out_of_scope_kind(model: Model, input: &str) -> Option<&'static str> {
    let lower = input.to_lowercase();
    let has = |s: &str| lower.contains(s);
    if ['⅔', '¾', '⅙', '½'].iter().any(|c| input.contains(*c)) {
        return Some("unicode vulgar fractions");
    }
    if has(" over ") && model == Model::Number || has(" out of ") || has(" in twenty") {
        return Some("ratio fractions (one over three, 1 in 21)");
    }
    if has("trillionth")
        || has("firsts")
        || has("-first")
        || has("fifth") && has("hundred")
        || has("one hundred fifth")
        || has("hundred and fifth")
    {
        return Some("compound ordinal denominators (a trillionth, one one hundred fifth)");
    }
    if has("bitcoin") || has("btc") || has("satoshi") || input.contains('₿') {
        return Some("crypto currencies");
    }
    if has("kuai") || has(" mao") {
        return Some("spoken Chinese money units");
    }
    if ['₡', '₾', '₭'].iter().any(|c| input.contains(*c)) || input.contains("ரூ") || has("sen 1")
    {
        return Some("minor currency symbols");
    }
    if has("1.111,11") || has("5,00") || has(" 1,3.") {
        return Some("comma decimals");
    }
    if has("x10^") {
        return Some("x10^ notation");
    }
    if model == Model::Percent && (has("percent of") || has("per cent of") || has("percents of")) {
        return Some("percent word before its number (percent of 10)");
    }
    if model == Model::Range
        && (has(" and less")
            || has(" and smaller")
            || has(" and below")
            || has(" but ")
            || has("and more than")
            || has("and less than")
            || has("or equal than")
            || has("larger than twenty")
            || has("at most 100 and")
            || has("greater than 100 and")
            || has("above 1000 and")
            || has("above one quarter")
            || has("no more than 50 and")
            || has(" or less than")
            || has(" or more than")
            || has(" or greater than")
            || has("the tenth"))
    {
        return Some("compound comparisons (more than 10 and less than 20)");
    }
    if model == Model::Currency && (has("musd") || has("meur") || has("mgbp") || has("maud")) {
        return Some("M-prefixed currency codes (MUSD)");
    }
    None
}

/// A prediction or gold item: a character range and a value to compare.
#[derive(Clone, Debug)]
struct Item {
    chars: Range<usize>,
    value: Option<String>,
    unit: Option<String>,
}

/// Runs the suite.
///
/// # Errors
/// [`EvalError::Usage`] without spec files; [`EvalError::Data`] naming a file that cannot be
/// read or parsed.
pub fn run(paths: &[PathBuf]) -> Result<Report, EvalError> {
    let mut files = BTreeMap::new();
    for p in paths {
        collect(p, &mut files)?;
    }
    if files.is_empty() {
        return Err(EvalError::Usage {
            suite: "numbers",
            usage: USAGE,
        });
    }
    let recognizer = Recognizer::new().map_err(|e| EvalError::Data {
        path: "data/figures".into(),
        message: e.to_string(),
    })?;

    let mut per_file = serde_json::Map::new();
    let mut out_of_scope_files = Vec::new();
    let mut overall = Tally::default();
    let mut overall_in_scope = Tally::default();
    let mut skipped_total = 0usize;
    let mut summary = String::new();
    for (stem, path) in &files {
        let model = match model_of(stem) {
            Ok(m) => m,
            Err(reason) => {
                let cases = read_cases(path)?.len();
                out_of_scope_files.push(json!({"file": stem, "cases": cases, "reason": reason}));
                continue;
            }
        };
        let cases = read_cases(path)?;
        let mut all = Tally::default();
        let mut in_scope = Tally::default();
        let mut kinds: BTreeMap<&'static str, usize> = BTreeMap::new();
        let mut skipped = 0usize;
        let mut errors = Vec::new();
        for case in &cases {
            let input = case.get("Input").and_then(Value::as_str).unwrap_or("");
            if not_supported_anywhere(case) {
                skipped += 1;
                continue;
            }
            let gold = gold_items(model, case);
            let predicted = predict(model, &recognizer, input);
            let t = score(&gold, &predicted);
            // Bare unit words with no amount ("dollar", "percent") are no figure's business.
            let with_amount: Vec<Item> = gold
                .iter()
                .filter(|g| g.value.as_deref().is_some_and(|v| v != "null"))
                .cloned()
                .collect();
            let bare = gold.len() - with_amount.len();
            if bare > 0 {
                *kinds
                    .entry("bare unit words without an amount (items)")
                    .or_default() += bare;
            }
            if (t.prf.fp > 0 || t.prf.fn_ > 0 || t.value_ok < t.value_n)
                && errors.len() < MAX_ERRORS
            {
                errors.push(json!({
                    "input": input,
                    "gold": gold.iter().map(|g| json!([slice(input, &g.chars), g.value, g.unit])).collect::<Vec<_>>(),
                    "tally": predicted.iter().map(|p| json!([slice(input, &p.chars), p.value, p.unit])).collect::<Vec<_>>(),
                }));
            }
            all.add(&t);
            match out_of_scope_kind(model, input) {
                Some(kind) => *kinds.entry(kind).or_default() += 1,
                None => in_scope.add(&score(&with_amount, &predicted)),
            }
        }
        skipped_total += skipped;
        overall.add(&all);
        overall_in_scope.add(&in_scope);
        summary.push_str(&format!(
            "{stem}: in scope span F1 {:.3}, value accuracy {:.3} ({}/{}); all cases span F1 {:.3}, value {:.3}; {} skipped (NotSupported everywhere)\n",
            in_scope.prf.f1(),
            in_scope.value_accuracy(),
            in_scope.value_ok,
            in_scope.value_n,
            all.prf.f1(),
            all.value_accuracy(),
            skipped,
        ));
        per_file.insert(
            stem.clone(),
            json!({
                "cases": cases.len(),
                "skipped_not_supported_anywhere": skipped,
                "all": all.to_json(),
                "in_scope": in_scope.to_json(),
                "out_of_scope_kinds": kinds,
                "errors": errors,
            }),
        );
    }
    summary.push_str(&format!(
        "overall in scope: span F1 {:.3}, value accuracy {:.3}; all: span F1 {:.3}, value accuracy {:.3}\n",
        overall_in_scope.prf.f1(),
        overall_in_scope.value_accuracy(),
        overall.prf.f1(),
        overall.value_accuracy()
    ));
    Ok(Report {
        json: json!({
            "suite": "numbers",
            "data": "Microsoft Recognizers-Text English specs (MIT)",
            "files": per_file,
            "overall": overall.to_json(),
            "overall_in_scope": overall_in_scope.to_json(),
            "skipped_not_supported_anywhere": skipped_total,
            "out_of_scope_files": out_of_scope_files,
        }),
        summary,
    })
}

/// Counts for one set of cases.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    prf: Prf,
    overlap: Prf,
    value_n: usize,
    value_ok: usize,
    unit_n: usize,
    unit_ok: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.prf.add(other.prf);
        self.overlap.add(other.overlap);
        self.value_n += other.value_n;
        self.value_ok += other.value_ok;
        self.unit_n += other.unit_n;
        self.unit_ok += other.unit_ok;
    }

    #[allow(clippy::cast_precision_loss)]
    fn value_accuracy(&self) -> f64 {
        if self.value_n == 0 {
            0.0
        } else {
            self.value_ok as f64 / self.value_n as f64
        }
    }

    #[allow(clippy::cast_precision_loss)]
    fn to_json(self) -> Value {
        let unit = if self.unit_n == 0 {
            Value::Null
        } else {
            json!({"n": self.unit_n, "correct": self.unit_ok,
                   "accuracy": round4(self.unit_ok as f64 / self.unit_n as f64)})
        };
        json!({
            "span_exact": self.prf.to_json(),
            "span_overlap": self.overlap.to_json(),
            "value": {"n": self.value_n, "correct": self.value_ok, "accuracy": round4(self.value_accuracy())},
            "unit": unit,
        })
    }
}

fn score(gold: &[Item], predicted: &[Item]) -> Tally {
    let mut t = Tally::default();
    let mut used = vec![false; predicted.len()];
    let mut used_overlap = vec![false; predicted.len()];
    for g in gold {
        if let Some(i) = (0..predicted.len()).find(|&i| !used[i] && predicted[i].chars == g.chars) {
            used[i] = true;
            t.prf.tp += 1;
            if g.value.is_some() {
                t.value_n += 1;
                if same_value(g.value.as_deref(), predicted[i].value.as_deref()) {
                    t.value_ok += 1;
                }
            }
            if let Some(unit) = &g.unit {
                t.unit_n += 1;
                if same_unit(unit, predicted[i].unit.as_deref()) {
                    t.unit_ok += 1;
                }
            }
        } else {
            t.prf.fn_ += 1;
        }
        let overlaps = |p: &Item| p.chars.start < g.chars.end && g.chars.start < p.chars.end;
        if let Some(i) = (0..predicted.len()).find(|&i| !used_overlap[i] && overlaps(&predicted[i]))
        {
            used_overlap[i] = true;
            t.overlap.tp += 1;
        } else {
            t.overlap.fn_ += 1;
        }
    }
    t.prf.fp += used.iter().filter(|u| !**u).count();
    t.overlap.fp += used_overlap.iter().filter(|u| !**u).count();
    t
}

/// Numbers and intervals compare numerically (relative 1e-6); interval brackets must match.
fn same_value(gold: Option<&str>, predicted: Option<&str>) -> bool {
    let (Some(g), Some(p)) = (gold, predicted) else {
        return gold.is_none() && predicted.is_none();
    };
    let num = |s: &str| s.trim().trim_end_matches('%').parse::<f64>().ok();
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9);
    if g.starts_with(['[', '(']) {
        let parts = |s: &str| -> Option<(char, Option<f64>, Option<f64>, char)> {
            let open = s.chars().next()?;
            let close = s.chars().last()?;
            let inner = s.get(1..s.len() - 1)?;
            let (a, b) = inner.split_once(',')?;
            Some((open, num(a), num(b), close))
        };
        return match (parts(g), parts(p)) {
            (Some(x), Some(y)) => {
                let eq = |a: Option<f64>, b: Option<f64>| match (a, b) {
                    (Some(a), Some(b)) => close(a, b),
                    (None, None) => true,
                    _ => false,
                };
                x.0 == y.0 && x.3 == y.3 && eq(x.1, y.1) && eq(x.2, y.2)
            }
            _ => false,
        };
    }
    match (num(g), num(p)) {
        (Some(a), Some(b)) => close(a, b),
        _ => false,
    }
}

/// Recognizers unit names (or ISO codes) against tally's ISO code.
fn same_unit(gold: &str, predicted: Option<&str>) -> bool {
    let Some(p) = predicted else { return false };
    if gold.len() == 3 && gold.chars().all(|c| c.is_ascii_uppercase()) {
        return gold == p;
    }
    let accepted: &[&str] = match gold {
        "Dollar" | "Cent" => &["USD"],
        "Pound" | "Pence" | "Penny" => &["GBP"],
        "Franc" => &["CHF", "FRF", "XOF"],
        "Peseta" => &["ESP"],
        "Netherlands guilder" => &["NLG"],
        "Finnish markka" => &["FIM"],
        "Rupee" => &["INR"],
        _ => &[],
    };
    accepted.contains(&p)
}

fn not_supported_anywhere(case: &Value) -> bool {
    let Some(ns) = case.get("NotSupported").and_then(Value::as_str) else {
        return false;
    };
    let bindings: Vec<String> = ns.split(',').map(|s| s.trim().to_lowercase()).collect();
    ["dotnet", "java", "javascript", "python"]
        .iter()
        .all(|b| bindings.iter().any(|x| x == b))
}

fn gold_items(model: Model, case: &Value) -> Vec<Item> {
    let empty = Vec::new();
    let results = case
        .get("Results")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    results
        .iter()
        .filter_map(|r| {
            let start = usize::try_from(r.get("Start")?.as_u64()?).ok()?;
            let end = usize::try_from(r.get("End")?.as_u64()?).ok()? + 1;
            let resolution = r.get("Resolution");
            let value = resolution
                .and_then(|res| res.get("value"))
                .and_then(Value::as_str)
                .map(str::to_owned);
            let unit = if model == Model::Currency {
                resolution.and_then(|res| {
                    res.get("isoCurrency")
                        .or_else(|| res.get("unit"))
                        .and_then(Value::as_str)
                        .map(str::to_owned)
                })
            } else {
                None
            };
            // Recognizers gives minor units in their own value ("50 cents" = 50 Cent);
            // tally in the major unit (0.50 USD).
            let minor = resolution
                .and_then(|res| res.get("unit"))
                .and_then(Value::as_str)
                .is_some_and(|u| matches!(u, "Cent" | "Pence" | "Penny"));
            let value = match (value, minor) {
                (Some(v), true) => v.parse::<f64>().ok().map(|x| fmt(x / 100.0)),
                (v, _) => v,
            };
            Some(Item {
                chars: start..end,
                value,
                unit,
            })
        })
        .collect()
}

fn fmt(x: f64) -> String {
    format!("{x}")
}

/// Byte range to character range in `text`.
fn chars_of(text: &str, bytes: &Range<usize>) -> Range<usize> {
    let count = |b: usize| text.get(..b).map_or(0, |s| s.chars().count());
    count(bytes.start)..count(bytes.end)
}

fn slice(text: &str, chars: &Range<usize>) -> String {
    text.chars()
        .skip(chars.start)
        .take(chars.end.saturating_sub(chars.start))
        .collect()
}

fn interval(q: &Quantity) -> Option<String> {
    let v = |x: f64| fmt(x);
    match (&q.base, q.bound()) {
        (Base::Range(a, b), _) => Some(format!("[{},{})", v(*a), v(*b))),
        (Base::Exact(n), Some(kind)) => Some(match kind {
            ModKind::MoreThan => format!("({},)", v(*n)),
            ModKind::AtLeast => format!("[{},)", v(*n)),
            ModKind::FewerThan => format!("(,{})", v(*n)),
            ModKind::UpTo => format!("(,{}]", v(*n)),
            ModKind::Exact => format!("[{},{}]", v(*n), v(*n)),
            ModKind::Nearly | ModKind::About => return None,
        }),
        _ => None,
    }
}

fn predict(model: Model, recognizer: &Recognizer, input: &str) -> Vec<Item> {
    let found = recognizer.recognize(input);
    let mut out = Vec::new();
    for q in &found {
        match model {
            Model::Number => {
                for n in &q.nums {
                    if n.flags & (flags::GLUED | flags::UNIT | flags::ORDINAL | flags::HUGE) != 0 {
                        continue;
                    }
                    out.push(Item {
                        chars: chars_of(input, &(n.start..n.end)),
                        value: Some(fmt(n.value)),
                        unit: None,
                    });
                }
            }
            Model::Range => {
                if let Some(value) = interval(q) {
                    out.push(Item {
                        chars: chars_of(input, &q.span),
                        value: Some(value),
                        unit: None,
                    });
                }
            }
            Model::Percent => {
                if q.percent.is_some()
                    && let Some(n) = q.nums.first()
                {
                    out.push(Item {
                        chars: chars_of(input, &q.amount),
                        value: Some(format!("{}%", fmt(n.value))),
                        unit: None,
                    });
                }
            }
            Model::Currency => {
                if let Some(iso) = &q.currency {
                    let value = match &q.base {
                        Base::Exact(v) => Some(fmt(*v)),
                        _ => None,
                    };
                    out.push(Item {
                        chars: chars_of(input, &q.amount),
                        value,
                        unit: Some(iso.clone()),
                    });
                }
            }
        }
    }
    out
}

fn read_cases(path: &Path) -> Result<Vec<Value>, EvalError> {
    let data = |message: String| EvalError::Data {
        path: path.display().to_string(),
        message,
    };
    let text = std::fs::read_to_string(path).map_err(|e| data(e.to_string()))?;
    let text = text.trim_start_matches('\u{feff}');
    let value: Value = serde_json::from_str(text).map_err(|e| data(e.to_string()))?;
    match value {
        Value::Array(cases) => Ok(cases),
        _ => Err(data("expected a JSON list of cases".into())),
    }
}

/// Spec files under `path` (a file, or a folder searched for `English` folders), by stem.
fn collect(path: &Path, files: &mut BTreeMap<String, PathBuf>) -> Result<(), EvalError> {
    if path.is_file() {
        if path.extension().is_some_and(|e| e == "json")
            && let Some(stem) = path.file_stem()
        {
            files.insert(stem.to_string_lossy().into_owned(), path.to_path_buf());
        }
        return Ok(());
    }
    let entries = std::fs::read_dir(path).map_err(|e| EvalError::Data {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        let name = child.file_name().map(|n| n.to_string_lossy().into_owned());
        if child.is_dir() {
            // Only English specs, and only the number families.
            let keep = matches!(
                name.as_deref(),
                Some("English" | "Number" | "NumberWithUnit" | "Specs")
            );
            if keep {
                collect(&child, files)?;
            }
        } else {
            collect(&child, files)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_compare_by_value_and_bracket() {
        assert!(same_value(Some("[20,30)"), Some("[20,30)")));
        assert!(same_value(Some("(30,)"), Some("(30,)")));
        assert!(!same_value(Some("(30,)"), Some("[30,)")));
        assert!(same_value(Some("100%"), Some("100%")));
        assert!(same_value(Some("1E-12"), Some("0.000000000001")));
    }

    #[test]
    fn scores_a_tiny_spec() {
        let dir = std::env::temp_dir().join(format!("tally-numbers-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("NumberModel.json");
        std::fs::write(
            &file,
            r#"[{"Input": "about 1,200 people", "Results": [{"Text": "1,200", "TypeName": "number", "Resolution": {"value": "1200"}, "Start": 6, "End": 10}]},
                {"Input": "x", "NotSupported": "dotnet, java, javascript, python", "Results": []}]"#,
        )
        .unwrap();
        let report = run(&[file]).unwrap();
        let f = &report.json["files"]["NumberModel"];
        assert_eq!(f["all"]["span_exact"]["f1"], 1.0);
        assert_eq!(f["all"]["value"]["accuracy"], 1.0);
        assert_eq!(f["skipped_not_supported_anywhere"], 1);
        std::fs::remove_dir_all(&dir).ok();
    }
}
