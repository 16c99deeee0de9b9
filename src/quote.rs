//! Text as a message shows it: quoted, the characters one cannot see
//! escaped, cut at [`MAX_ECHO_CHARS`].

use std::fmt;

use crate::limits::MAX_ECHO_CHARS;

/// Text in double quotes, with the characters one cannot see escaped: tab
/// `\t`, line breaks, NUL `\0`, and any other control, format or space
/// character but the plain space as `\u{a0}` (a non-breaking space).
///
/// # Example
/// ```
/// use cchc_forms::Quoted;
/// assert_eq!(Quoted("3.1\u{a0}").to_string(), r#""3.1\u{a0}""#);
/// assert_eq!(Quoted("a\0b\t\"c\"").to_string(), r#""a\0b\t\"c\"""#);
/// assert_eq!(Quoted("Số liệu").to_string(), "\"Số liệu\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted<'a>(pub &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write as _;
        out.write_char('"')?;
        for character in self.0.chars() {
            match character {
                '"' => out.write_str("\\\"")?,
                '\\' => out.write_str("\\\\")?,
                '\t' => out.write_str("\\t")?,
                '\n' => out.write_str("\\n")?,
                '\r' => out.write_str("\\r")?,
                '\0' => out.write_str("\\0")?,
                c if is_invisible(c) => write!(out, "\\u{{{:x}}}", u32::from(c))?,
                c => out.write_char(c)?,
            }
        }
        out.write_char('"')
    }
}

/// Characters a reader cannot see or tell from a space.
pub(crate) fn is_invisible(c: char) -> bool {
    (c.is_whitespace() && c != ' ')
        || c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{34f}'
                | '\u{61c}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{17b4}'
                | '\u{17b5}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{3164}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{feff}'
                | '\u{ffa0}'
                | '\u{fff0}'..='\u{fffb}'
        )
}

/// At most [`MAX_ECHO_CHARS`] characters of `text`, then `…` and how many
/// characters were cut.
pub(crate) fn echo(text: &str) -> String {
    match text.char_indices().nth(MAX_ECHO_CHARS) {
        None => text.to_owned(),
        Some((cut, _)) => {
            let rest = text[cut..].chars().count();
            format!("{}… (+{rest} characters)", &text[..cut])
        }
    }
}

/// Text as a message shows it inside its own quotes or backticks: cut as
/// [`echo`] cuts it, the characters one cannot see escaped as [`Quoted`]
/// escapes them (a key, a body, a label).
pub(crate) fn shown(text: &str) -> String {
    let quoted = Quoted(&echo(text)).to_string();
    quoted[1..quoted.len() - 1].to_owned()
}
