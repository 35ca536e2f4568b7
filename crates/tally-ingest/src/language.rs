//! A cheap language guess: English or unknown.
//!
//! tally's lexicons are English, so the only useful question is "is this English?". The
//! guess counts very common English function words; at least 12 % of the words of a text
//! of 20 words or more must be among them. This is approximate by design: it never names
//! any other language, and says nothing for short or mixed texts.

const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "and", "of", "to", "in", "on", "for", "is", "was", "are", "were", "that",
    "with", "as", "by", "at", "it", "he", "she", "they", "said", "has", "have", "had", "from",
    "his", "her", "their", "this", "be", "not", "but", "or", "will", "would",
];

/// `Some("en")` when the paragraphs read as English.
pub fn guess(paragraphs: &[String]) -> Option<&'static str> {
    let mut words = 0usize;
    let mut hits = 0usize;
    for word in paragraphs
        .iter()
        .flat_map(|p| p.split_whitespace())
        .take(2_000)
    {
        words += 1;
        let word = word
            .trim_matches(|c: char| !c.is_alphabetic())
            .to_lowercase();
        hits += usize::from(FUNCTION_WORDS.contains(&word.as_str()));
    }
    (words >= 20 && hits * 100 >= words * 12).then_some("en")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_not() {
        let en = ["The official said that the troops have been in combat for a week and that they were tired of the war.".to_owned()];
        assert_eq!(guess(&en), Some("en"));
        let de = ["Die Truppen sind seit einer Woche im Kampf und müde vom Krieg, sagte der Beamte gestern Abend in Kiew.".to_owned()];
        assert_eq!(guess(&de), None);
    }
}
