//! Text for people on a terminal: control characters from articles are shown, not obeyed.
//!
//! Article text is whatever a page or feed held; an escape sequence in a title or quote
//! (`ESC [2J`, `ESC ]0;...BEL`) printed as it is would clear the screen, retitle the
//! window or hide what follows. JSON escapes them itself; tables and text lines go through
//! [`Printable`].

use std::io::{self, Write};

/// What a control character is shown as.
const SHOWN_AS: &[u8] = "\u{FFFD}".as_bytes();

/// A writer that replaces control characters (C0 except newline and tab, DEL, and the C1
/// range U+0080 to U+009F) with U+FFFD. ASCII controls are single bytes; a C1 control is
/// the two bytes `C2 80..=9F`, whose lead byte may end one write and its second begin the
/// next.
pub struct Printable<W: Write> {
    inner: W,
    /// A `C2` byte held back until the next byte says whether it starts a C1 control.
    lead: bool,
}

impl<W: Write> Printable<W> {
    pub fn new(inner: W) -> Printable<W> {
        Printable { inner, lead: false }
    }
}

impl<W: Write> Write for Printable<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut out = Vec::with_capacity(buf.len());
        for &b in buf {
            if std::mem::take(&mut self.lead) {
                if (0x80..=0x9F).contains(&b) {
                    out.extend_from_slice(SHOWN_AS);
                    continue;
                }
                out.push(0xC2);
            }
            match b {
                b'\n' | b'\t' => out.push(b),
                0x00..=0x1F | 0x7F => out.extend_from_slice(SHOWN_AS),
                0xC2 => self.lead = true,
                _ => out.push(b),
            }
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if std::mem::take(&mut self.lead) {
            self.inner.write_all(&[0xC2])?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for Printable<W> {
    fn drop(&mut self) {
        // A text ending in a bare lead byte is not UTF-8 anyway; keep it as it came.
        if self.lead {
            let _ = self.inner.write_all(&[0xC2]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(chunks: &[&[u8]]) -> String {
        let mut out = Vec::new();
        {
            let mut p = Printable::new(&mut out);
            for c in chunks {
                p.write_all(c).unwrap_or_default();
            }
            p.flush().unwrap_or_default();
        }
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn escape_sequences_and_controls_are_shown_not_obeyed() {
        let text = "a \u{1b}[2J b \u{1b}]0;title\u{7} c\rd\u{7f}\u{9b}31m é ½\n\tend";
        assert_eq!(
            shown(&[text.as_bytes()]),
            "a \u{FFFD}[2J b \u{FFFD}]0;title\u{FFFD} c\u{FFFD}d\u{FFFD}\u{FFFD}31m é ½\n\tend"
        );
    }

    #[test]
    fn a_c1_control_split_between_writes_is_still_caught() {
        assert_eq!(shown(&[b"x\xC2", b"\x9By"]), "x\u{FFFD}y");
        // "½" is C2 BD: a lead byte at a write's end that starts a printable character.
        assert_eq!(shown(&[b"x\xC2", b"\xBDy"]), "x½y");
    }
}
