//! Ratios: "one in five adults", "nine out of 10 voters", "1 in every 4 homes" state a share
//! of a group, not two counts. The recognizer reads the two numbers apart (its eval scores
//! each number); the figure layer joins them into one amount, the share `a / b` with the unit
//! `fraction`, counting the noun after the second number.

use crate::convention::Base;
use crate::lexicon::Lexicon;
use crate::number::{NumKind, Nums, flags};
use crate::quantity::Quantity;

/// The words that may join the two numbers of a ratio, lowercase, single spaces.
const JOINERS: &[&str] = &["in", "in every", "out of", "out of every", "of every"];

/// Joins every ratio of `quantities` (in body order) into one quantity.
pub(crate) fn merge(lexicon: &Lexicon, text: &str, quantities: &mut Vec<Quantity>) {
    let mut i = 0;
    while i + 1 < quantities.len() {
        let joined = match (quantities.get(i), quantities.get(i + 1)) {
            (Some(a), Some(b)) => join(lexicon, text, a, b),
            _ => None,
        };
        if let Some(q) = joined {
            if let Some(slot) = quantities.get_mut(i) {
                *slot = q;
            }
            quantities.remove(i + 1);
        }
        i += 1;
    }
}

/// The single number of a plain amount: no currency, percent, unit, range or vague word.
fn plain(q: &Quantity) -> Option<f64> {
    let plain = q.currency.is_none()
        && q.percent.is_none()
        && q.unit.is_none()
        && !q.range
        && q.vague.is_none()
        && q.nums.len() == 1;
    match q.base {
        Base::Exact(v) if plain && v.fract() == 0.0 && v >= 1.0 => Some(v),
        _ => None,
    }
}

/// The ratio of `a` and `b` when only a joiner stands between them.
fn join(lexicon: &Lexicon, text: &str, a: &Quantity, b: &Quantity) -> Option<Quantity> {
    let (top, bottom) = (plain(a)?, plain(b)?);
    // "one in 2024" is a year, "won 5 in 3 races" no share; a whole below its part neither.
    if top >= bottom || a.post_modifier.is_some() || b.modifier.is_some() {
        return None;
    }
    let gap = text.get(a.span.end..b.span.start)?;
    if !is_joiner(gap) {
        return None;
    }
    // The second number must be a figure itself: "one in 10 days" is a duration, "1 in
    // 2020" a year.
    if crate::filter::not_figure(lexicon, text, b, false).is_some() {
        return None;
    }
    let first = a.nums.first()?;
    let last = b.nums.first()?;
    let share = top / bottom;
    let mut num = *first;
    num.end = last.end;
    num.value = share;
    num.kind = NumKind::Fraction;
    num.words = first.words || last.words;
    num.plain_digits = None;
    num.grouped = false;
    num.flags = first.flags | last.flags | flags::RATIO;
    let mut nums = Nums::new();
    nums.push(num);
    Some(Quantity {
        span: a.span.start..b.span.end,
        amount: a.amount.start..b.amount.end,
        base: Base::Exact(share),
        modifier: a.modifier.clone(),
        post_modifier: b.post_modifier.clone(),
        currency: None,
        percent: None,
        unit: None,
        nums,
        vague: None,
        range: false,
        flags: a.flags | b.flags | flags::RATIO,
    })
}

/// Whether `gap` is one of [`JOINERS`], with any spacing and case.
fn is_joiner(gap: &str) -> bool {
    let mut words = gap.split_whitespace();
    // At most three words: allocation-free comparison against each joiner.
    let (w1, w2, w3, rest) = (words.next(), words.next(), words.next(), words.next());
    if rest.is_some() || !gap.starts_with(' ') || !gap.ends_with(' ') {
        return false;
    }
    JOINERS.iter().any(|j| {
        let mut jw = j.split(' ');
        [w1, w2, w3].iter().all(|w| match (w, jw.next()) {
            (Some(w), Some(j)) => w.eq_ignore_ascii_case(j),
            (None, None) => true,
            _ => false,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::is_joiner;

    #[test]
    fn joiners() {
        assert!(is_joiner(" in "));
        assert!(is_joiner(" out of "));
        assert!(is_joiner(" In Every "));
        assert!(!is_joiner(" in the "));
        assert!(!is_joiner(", in "));
        assert!(!is_joiner(" of "));
    }
}
