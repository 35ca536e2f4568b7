//! A cheap language guess: English or unknown.
//!
//! tally's lexicons are English, so the only useful question is "is this English?". The
//! guess counts very common English function words among the first 150 words; at least
//! 12 % of a text of 20 words or more must be among them. This is approximate by design: it never names
//! any other language, and says nothing for short or mixed texts.

/// Sorted, lower case, none longer than [`LONGEST`] bytes. `is_function_word` matches
/// exactly these; the list stays as the tests' reference.
#[cfg(test)]
const FUNCTION_WORDS: &[&[u8]] = &[
    b"a", b"an", b"and", b"are", b"as", b"at", b"be", b"but", b"by", b"for", b"from", b"had",
    b"has", b"have", b"he", b"her", b"his", b"in", b"is", b"it", b"not", b"of", b"on", b"or",
    b"said", b"she", b"that", b"the", b"their", b"they", b"this", b"to", b"was", b"were", b"will",
    b"with", b"would",
];
const LONGEST: usize = 5;
/// Words looked at: enough for a stable share, few enough to cost nothing on long texts.
const SAMPLE_WORDS: usize = 150;

/// `Some("en")` when the paragraphs read as English. Words are runs of ASCII letters, read
/// from the bytes without building strings: this runs on every document.
pub fn guess(paragraphs: &[String]) -> Option<&'static str> {
    let mut words = 0usize;
    let mut hits = 0usize;
    'paragraphs: for paragraph in paragraphs {
        for word in paragraph
            .as_bytes()
            .split(|b| !b.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
        {
            words += 1;
            hits += usize::from(is_function_word(word));
            if words == SAMPLE_WORDS {
                break 'paragraphs;
            }
        }
    }
    (words >= 20 && hits * 100 >= words * 12).then_some("en")
}

fn is_function_word(word: &[u8]) -> bool {
    if word.len() > LONGEST {
        return false;
    }
    let mut buf = [0u8; LONGEST];
    for (b, w) in buf.iter_mut().zip(word) {
        *b = w.to_ascii_lowercase();
    }
    // One match on the lowercase word (the compiler dispatches on length, then compares
    // a few bytes) instead of a binary search: this ran for the first 150 words of every
    // document and was a tenth of ingest time. The test keeps it equal to the list.
    matches!(
        &buf[..word.len()],
        b"a" | b"an"
            | b"and"
            | b"are"
            | b"as"
            | b"at"
            | b"be"
            | b"but"
            | b"by"
            | b"for"
            | b"from"
            | b"had"
            | b"has"
            | b"have"
            | b"he"
            | b"her"
            | b"his"
            | b"in"
            | b"is"
            | b"it"
            | b"not"
            | b"of"
            | b"on"
            | b"or"
            | b"said"
            | b"she"
            | b"that"
            | b"the"
            | b"their"
            | b"they"
            | b"this"
            | b"to"
            | b"was"
            | b"were"
            | b"will"
            | b"with"
            | b"would"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_sorted_and_short() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(FUNCTION_WORDS.iter().all(|w| w.len() <= LONGEST));
        assert!(FUNCTION_WORDS.iter().all(|w| is_function_word(w)));
        for word in [&b"th"[..], b"thee", b"ands", b"wills", b"x", b"an't"] {
            assert!(!is_function_word(word));
        }
        assert!(
            is_function_word(b"The") && is_function_word(b"said") && !is_function_word(b"Kursk")
        );
    }

    #[test]
    fn english_and_not() {
        let en = ["The official said that the troops have been in combat for a week and that they were tired of the war.".to_owned()];
        assert_eq!(guess(&en), Some("en"));
        let de = ["Die Truppen sind seit einer Woche im Kampf und müde vom Krieg, sagte der Beamte gestern Abend in Kiew.".to_owned()];
        assert_eq!(guess(&de), None);
    }
}
