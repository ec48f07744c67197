//! Which table of a TOML file a line sits in: the header in force and, in an array of
//! tables, the entry's `name` (helix's `[[language]]` entry `cpp`). Git reads it for each
//! hunk of a changed TOML file ([`Hunk::above`](crate::diff::Hunk::above)); the offline
//! engine carries it on through the hunk.

/// A table of a TOML file: its dotted header (`language-server`, `language.auto-pairs`)
/// and, inside an array of tables, the `name` of the entry (`cpp`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub table: String,
    pub entry: Option<String>,
}

/// What a reader knows at one line: the last array-of-tables header with its entry's name,
/// and a plain table header after it.
#[derive(Debug, Clone, Default)]
pub(crate) struct State {
    known: bool,
    array: Option<(String, Option<String>)>,
    table: Option<String>,
}

impl State {
    pub(crate) fn read(&mut self, line: &str) {
        let line = line.trim();
        let header = |open: &str, close: &str| {
            line.strip_prefix(open)?
                .strip_suffix(close)
                .map(str::trim)
                .filter(|h| !h.is_empty() && !h.contains([',', '=', '[', ']', '#']))
                .map(|h| h.replace(['"', '\''], ""))
        };
        if let Some(name) = header("[[", "]]") {
            self.known = true;
            self.array = Some((name, None));
            self.table = None;
        } else if let Some(name) = header("[", "]") {
            self.known = true;
            let within = (self.array.as_ref()).is_some_and(|(a, _)| {
                name.strip_prefix(a.as_str())
                    .is_some_and(|r| r.starts_with('.'))
            });
            if !within {
                self.array = None;
            }
            self.table = Some(name);
        } else if let Some((_, entry @ None)) = &mut self.array
            && self.table.is_none()
            && let Some(value) = line
                .strip_prefix("name")
                .and_then(|r| r.trim_start().strip_prefix('='))
        {
            let value = value.trim().trim_matches(['"', '\'']);
            if !value.is_empty() && value.len() <= 60 && !value.contains(['"', '\'']) {
                *entry = Some(value.to_owned());
            }
        }
    }

    pub(crate) fn place(&self) -> Option<Place> {
        if !self.known {
            return None;
        }
        // A table under the entry (`[language.auto-pairs]`) is still the entry's.
        let table = (self.table.as_ref()).or(self.array.as_ref().map(|(array, _)| array))?;
        let entry = self.array.as_ref().and_then(|(_, entry)| entry.clone());
        Some(Place {
            table: table.clone(),
            entry,
        })
    }
}

impl State {
    /// The lines that set this state again when read: `[[language]]`, `name = "cpp"`,
    /// `[language.auto-pairs]`.
    fn lines(&self) -> String {
        let mut out = String::new();
        if let Some((array, entry)) = &self.array {
            out.push_str(&format!("[[{array}]]\n"));
            if let Some(entry) = entry {
                out.push_str(&format!("name = \"{entry}\"\n"));
            }
        }
        if let Some(table) = &self.table {
            out.push_str(&format!("[{table}]\n"));
        }
        out
    }
}

/// What each of a TOML file's hunks has above it (see [`Hunk::above`](crate::diff::Hunk::above)),
/// given the whole new file and the hunks' first lines in ascending order. One pass.
pub fn places_above(text: &str, starts: &[u32]) -> Vec<String> {
    let mut state = State::default();
    let mut lines = text.lines().enumerate().peekable();
    let mut out = Vec::with_capacity(starts.len());
    for &start in starts {
        while let Some((_, line)) = lines.next_if(|(i, _)| (*i as u32) + 1 < start) {
            state.read(line);
        }
        out.push(state.lines());
    }
    out
}

/// A TOML line without its comment: `x = { a = 1 } # why` → `x = { a = 1 }`. A `#` inside
/// a string stays.
pub(crate) fn without_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '#') => return line[..i].trim_end(),
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_hunk_gets_the_tables_above_it() {
        let text = "[language-server]\nnil = { command = \"nil\" }\n\n[[language]]\nname = \"rust\"\nscope = \"source.rust\"\n[language.auto-pairs]\n'(' = ')'\n\n[[grammar]]\nname = \"rust\"\n";
        let above = places_above(text, &[1, 2, 6, 8, 11, 40]);
        assert_eq!(
            above,
            [
                "",
                "[language-server]\n",
                "[[language]]\nname = \"rust\"\n",
                "[[language]]\nname = \"rust\"\n[language.auto-pairs]\n",
                "[[grammar]]\n",
                "[[grammar]]\nname = \"rust\"\n",
            ]
        );
    }

    #[test]
    fn comments_come_off_outside_strings() {
        assert_eq!(
            without_comment("x = { command = \"x\" } # https://x.org/#a"),
            "x = { command = \"x\" }"
        );
        assert_eq!(without_comment("a = \"#fff\""), "a = \"#fff\"");
    }
}
