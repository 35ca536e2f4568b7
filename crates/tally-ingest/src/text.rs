//! Plain-text articles into blocks.
//!
//! Paragraphs are separated by blank lines, and hard-wrapped lines inside one are joined.
//! Text with no blank lines is split at indented lines when it uses indentation to start
//! paragraphs (1980s wire copy), else one paragraph per line when lines are long (one
//! paragraph per line exports), else kept as one paragraph.

use crate::block::Block;

/// Lines at least this long on average mean "one paragraph per line".
const LONG_LINE: usize = 100;

/// Splits plain text into paragraph blocks.
pub fn blocks(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().collect();
    let has_blank = lines.iter().any(|l| l.trim().is_empty());
    if has_blank {
        return paragraphs(lines.split(|l| l.trim().is_empty()));
    }
    if lines
        .iter()
        .skip(1)
        .any(|l| l.starts_with(char::is_whitespace))
    {
        let groups = split_at_indents(&lines);
        paragraphs(groups.iter().map(Vec::as_slice))
    } else if average_len(&lines) >= LONG_LINE {
        paragraphs(lines.chunks(1))
    } else {
        paragraphs(std::iter::once(lines.as_slice()))
    }
}

/// One paragraph block per group of lines that has text: the lines joined by a space,
/// whitespace collapsed. A group of one line (most of them) is not joined into a copy first.
fn paragraphs<'a>(groups: impl Iterator<Item = &'a [&'a str]>) -> Vec<Block> {
    groups
        .map(|group| match group {
            [line] => tally_core::normalize_whitespace(line),
            _ => tally_core::normalize_whitespace(&group.join(" ")),
        })
        .filter(|t| !t.is_empty())
        .map(Block::paragraph)
        .collect()
}

fn split_at_indents<'a>(lines: &[&'a str]) -> Vec<Vec<&'a str>> {
    let mut groups: Vec<Vec<&'a str>> = Vec::new();
    for line in lines {
        if line.starts_with(char::is_whitespace) || groups.is_empty() {
            groups.push(Vec::new());
        }
        if let Some(group) = groups.last_mut() {
            group.push(line);
        }
    }
    groups
}

fn average_len(lines: &[&str]) -> usize {
    let total: usize = lines.iter().map(|l| l.len()).sum();
    total / lines.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<String> {
        blocks(input).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn blank_lines_separate_and_wraps_join() {
        assert_eq!(
            texts("Title\n\nOne line\nwrapped.\n\n\nTwo."),
            ["Title", "One line wrapped.", "Two."]
        );
    }

    #[test]
    fn indented_wire_copy() {
        assert_eq!(
            texts("    First para\nwraps here.\n    Second para."),
            ["First para wraps here.", "Second para."]
        );
    }

    #[test]
    fn one_paragraph_per_long_line() {
        let a = "a".repeat(120);
        let b = "b".repeat(130);
        assert_eq!(texts(&format!("{a}\n{b}")), [a, b]);
    }
}
