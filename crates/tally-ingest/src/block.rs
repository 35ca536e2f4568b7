//! Blocks: the paragraphs, headings and list items of an input, as plain text with the
//! links they contain. Markdown and plain text both turn into blocks before metadata is
//! separated from the body (see `article.rs`).

/// What kind of block the text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading of the given level (1 = `#`).
    Heading(u8),
    /// A paragraph, list item or block quote.
    Paragraph,
    /// A block that holds only an image (its alt text is in `text`).
    Image,
}

/// A link inside a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The link text.
    pub text: String,
    /// The target; empty or `#` when the source had no usable target.
    pub url: String,
}

/// One block of plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Heading, paragraph or image.
    pub kind: BlockKind,
    /// Plain text, whitespace-collapsed.
    pub text: String,
    /// Links in the block, in order.
    pub links: Vec<Link>,
}

impl Block {
    /// A paragraph block with no links.
    pub fn paragraph(text: impl Into<String>) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            text: text.into(),
            links: Vec::new(),
        }
    }
}
