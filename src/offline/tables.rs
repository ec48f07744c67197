//! Where each changed line of a TOML hunk sits: the table it belongs to and, in an array
//! of tables, the entry's `name` (helix's `[[language]]` entry `cpp`). The hunk's own
//! context lines say it when they reach a header; the lines git read above the hunk
//! ([`Hunk::above`](crate::diff::Hunk::above)) say it otherwise.

use crate::diff::{Hunk, LineKind};
pub(crate) use crate::toml_table::Place;
use crate::toml_table::State;
use bstr::ByteSlice;

/// The place of each removed line (`[0]`) and each added line (`[1]`) of `hunk`, in order;
/// `None` where no header was seen (the top of the file, or a diff read without its
/// repository).
pub(crate) fn places(hunk: &Hunk) -> [Vec<Option<Place>>; 2] {
    let mut state = State::default();
    for line in hunk.above.lines() {
        state.read(&line.to_str_lossy());
    }
    let mut sides = [state.clone(), state];
    let mut out: [Vec<Option<Place>>; 2] = Default::default();
    for line in hunk.lines() {
        let text = line.text.to_str_lossy();
        let at: &[usize] = match line.kind {
            LineKind::Context => &[0, 1],
            LineKind::Removed => &[0],
            LineKind::Added => &[1],
            LineKind::NoNewline => continue,
        };
        for &side in at {
            sides[side].read(&text);
            if line.kind != LineKind::Context {
                out[side].push(sides[side].place());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use bstr::BString;

    fn hunk(above: &str, body: &str) -> Hunk {
        Hunk {
            old_start: 1,
            old_lines: 0,
            new_start: 1,
            new_lines: 0,
            section: BString::default(),
            body: body.into(),
            above: above.into(),
        }
    }

    fn named(table: &str, entry: Option<&str>) -> Option<Place> {
        Some(Place {
            table: table.to_owned(),
            entry: entry.map(str::to_owned),
        })
    }

    #[test]
    fn the_lines_above_name_the_entry() {
        let [old, new] = places(&hunk(
            "[[language]]\nname = \"cpp\"\n",
            " indent = 2\n+formatter = { command = \"clang-format\" }\n",
        ));
        assert!(old.is_empty());
        assert_eq!(new, vec![named("language", Some("cpp"))]);
    }

    #[test]
    fn headers_inside_the_hunk_move_the_place() {
        let body = " nil = { command = \"nil\" }\n+nginx = { command = \"nginx-ls\" }\n \n [[language]]\n name = \"nginx\"\n+language-servers = [\"nginx\"]\n";
        let [_, new] = places(&hunk("[language-server]\n", body));
        assert_eq!(
            new,
            vec![
                named("language-server", None),
                named("language", Some("nginx"))
            ]
        );
        // A sub-table of an entry is still that entry's.
        let [_, new] = places(&hunk(
            "[[language]]\nname = \"rust\"\n",
            " [language.auto-pairs]\n+'<' = '>'\n",
        ));
        assert_eq!(new, vec![named("language.auto-pairs", Some("rust"))]);
    }

    #[test]
    fn nothing_known_is_no_place() {
        let [old, new] = places(&hunk("", "-a = 1\n+a = 2\n"));
        assert_eq!((old, new), (vec![None], vec![None]));
    }
}
