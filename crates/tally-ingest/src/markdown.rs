//! Markdown articles (the seed story's format) into blocks, with pulldown-cmark.
//!
//! Escapes (`\$5.6 billion`), emphasis and links become plain text; link targets are kept
//! beside the block so related-article and source-url lines can use them. Images become
//! image blocks; raw HTML tags are dropped.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::block::{Block, BlockKind, Link};

/// Parses Markdown into blocks.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut links: Vec<Link> = Vec::new();
    let mut open_link: Option<(String, usize)> = None;
    let mut image_depth = 0usize;
    let mut saw_image = false;
    let mut heading = None;
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES,
    ) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some(level as u8),
            Event::Start(Tag::Link { dest_url, .. }) => {
                open_link = Some((dest_url.to_string(), text.len()))
            }
            Event::End(TagEnd::Link) => {
                if let Some((url, start)) = open_link.take() {
                    let link_text = text.get(start..).unwrap_or_default().trim().to_owned();
                    links.push(Link {
                        text: link_text,
                        url,
                    });
                }
            }
            Event::Start(Tag::Image { .. }) => {
                image_depth += 1;
                saw_image = true;
            }
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if image_depth == 0 => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock,
            ) => {
                let kind = match heading.take() {
                    Some(level) => BlockKind::Heading(level),
                    None if saw_image && text.trim().is_empty() => BlockKind::Image,
                    None => BlockKind::Paragraph,
                };
                flush(&mut out, kind, &mut text, &mut links);
                saw_image = false;
            }
            _ => {}
        }
    }
    flush(&mut out, BlockKind::Paragraph, &mut text, &mut links);
    out
}

fn flush(out: &mut Vec<Block>, kind: BlockKind, text: &mut String, links: &mut Vec<Link>) {
    let collapsed = tally_core::normalize_whitespace(text);
    if !collapsed.is_empty() || kind == BlockKind::Image {
        out.push(Block {
            kind,
            text: collapsed,
            links: std::mem::take(links),
        });
    }
    text.clear();
    links.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes_and_keeps_links() {
        let md = "# A *title*\n\nBy [AFP](#)\n\nthe remaining \\$5.6 billion\nthat can be drawn\n\n\
                  **Related article:** [Kyiv Says](https://x.example/k)\n";
        let blocks = blocks(md);
        assert_eq!(blocks[0].kind, BlockKind::Heading(1));
        assert_eq!(blocks[0].text, "A title");
        assert_eq!(
            blocks[1].links,
            vec![Link {
                text: "AFP".into(),
                url: "#".into()
            }]
        );
        assert_eq!(
            blocks[2].text,
            "the remaining $5.6 billion that can be drawn"
        );
        assert_eq!(blocks[3].text, "Related article: Kyiv Says");
        assert_eq!(blocks[3].links[0].url, "https://x.example/k");
    }

    #[test]
    fn image_only_paragraph_is_an_image_block() {
        let blocks = blocks("![Soldiers in Kursk](photo.jpg)\n\nText.");
        assert_eq!(blocks[0].kind, BlockKind::Image);
        assert_eq!(blocks[1].text, "Text.");
    }
}
