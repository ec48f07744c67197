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

/// Lines of a TOML file moved and nothing else: the same lines taken out and put in, each
/// key now under another table (`rusty-fork` into `[dev-dependencies]`), or all in the
/// tables they were in, in another order (jj's `cargo: sort dependencies`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TomlMove {
    /// Keys moved to one table.
    To { keys: Vec<String>, table: String },
    /// Lines put in another order in one table; `sorted` when each moved key now sits in
    /// order with its neighbours.
    Reordered { table: String, sorted: bool },
}

/// One changed line of a TOML file: `(added, text, place)`.
pub(crate) type TomlLine = (bool, String, Option<Place>);

/// What moving `lines` does, when that is all they do (see [`TomlMove`]).
pub(crate) fn moves(lines: &[TomlLine], in_order: bool) -> Option<TomlMove> {
    let (mut old, mut new): (Vec<&TomlLine>, Vec<&TomlLine>) = lines.iter().partition(|l| !l.0);
    if old.is_empty() || old.len() != new.len() {
        return None;
    }
    old.sort_by(|a, b| a.1.cmp(&b.1));
    new.sort_by(|a, b| a.1.cmp(&b.1));
    if old.iter().zip(&new).any(|(o, n)| o.1 != n.1) {
        return None;
    }
    let table = |l: &TomlLine| l.2.as_ref().map(|p| p.table.clone());
    let pairs: Vec<(Option<String>, Option<String>, &str)> = old
        .iter()
        .zip(&new)
        .map(|(o, n)| (table(o), table(n), o.1.as_str()))
        .collect();
    if pairs.iter().all(|(o, n, _)| o.is_some() && o == n) {
        let first = pairs[0].0.clone()?;
        return pairs
            .iter()
            .all(|(o, ..)| o.as_deref() == Some(&first))
            .then_some(TomlMove::Reordered {
                table: first,
                sorted: in_order,
            });
    }
    // Moved across tables, all to one table (lines put in order beside them there, as
    // uv's `insta` when `wiremock` joined the dev-dependencies, go without a say).
    let (_, target, _) = pairs.iter().find(|(o, n, _)| o != n)?;
    let target = target.clone()?;
    let mut keys = Vec::new();
    for (o, n, text) in &pairs {
        if o.is_none() || n.as_deref() != Some(&target) {
            return None;
        }
        if o == n {
            continue;
        }
        if let Some((key, _)) = super::words::setting(text)
            && !keys.contains(&key)
        {
            keys.push(key);
        }
    }
    (!keys.is_empty()).then_some(TomlMove::To {
        keys,
        table: target,
    })
}

/// Whether each key a hunk adds sits in order with the keys beside it on the new side
/// (bytes compared, case aside, a header starting afresh): moved lines that sort.
pub(crate) fn added_in_order(hunk: &Hunk) -> bool {
    // The new side's keys, each marked when added; `None` at a header.
    let mut keys: Vec<Option<(String, bool)>> = Vec::new();
    for line in hunk.lines() {
        if matches!(line.kind, LineKind::Removed | LineKind::NoNewline) {
            continue;
        }
        let text = line.text.to_str_lossy();
        let t = text.trim();
        if t.starts_with('[') {
            keys.push(None);
        } else if !t.starts_with(char::is_whitespace)
            && let Some((key, _)) = super::words::setting(t)
            && !text.starts_with(char::is_whitespace)
        {
            keys.push(Some((key.to_lowercase(), line.kind == LineKind::Added)));
        }
    }
    keys.iter().enumerate().all(|(i, k)| {
        let Some((key, true)) = k else { return true };
        let before = i.checked_sub(1).and_then(|j| keys[j].as_ref());
        let after = keys.get(i + 1).and_then(Option::as_ref);
        before.is_none_or(|(b, _)| b <= key) && after.is_none_or(|(a, _)| key <= a)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use bstr::BString;

    fn line(added: bool, text: &str, table: &str) -> TomlLine {
        let place = Place {
            table: table.to_owned(),
            entry: None,
        };
        (added, text.to_owned(), Some(place))
    }

    #[test]
    fn lines_moved_are_read_as_a_move() {
        // uv's `wiremock` into the dev-dependencies, `insta` put in order there.
        let lines = [
            line(false, "wiremock = { workspace = true }", "dependencies"),
            line(false, "insta = { workspace = true }", "dev-dependencies"),
            line(true, "insta = { workspace = true }", "dev-dependencies"),
            line(true, "wiremock = { workspace = true }", "dev-dependencies"),
        ];
        assert_eq!(
            moves(&lines, true),
            Some(TomlMove::To {
                keys: vec!["wiremock".to_owned()],
                table: "dev-dependencies".to_owned()
            })
        );
        let sorted = [
            line(false, "eyre = \"0.6\"", "workspace.dependencies"),
            line(true, "eyre = \"0.6\"", "workspace.dependencies"),
        ];
        assert_eq!(
            moves(&sorted, true),
            Some(TomlMove::Reordered {
                table: "workspace.dependencies".to_owned(),
                sorted: true
            })
        );
        // A value changed on the way is no move.
        let bumped = [
            line(false, "eyre = \"0.6\"", "dependencies"),
            line(true, "eyre = \"0.7\"", "dev-dependencies"),
        ];
        assert_eq!(moves(&bumped, true), None);
    }

    #[test]
    fn added_keys_in_order_with_their_neighbours() {
        let sorted = hunk(
            "",
            " clap-markdown = \"=0.1.5\"\n+clap_complete = \"4.6\"\n clap_mangen = \"0.3\"\n",
        );
        assert!(added_in_order(&sorted));
        let unsorted = hunk("", " etcetera = \"0.11\"\n+eyre = \"0.6\"\n clap = \"4\"\n");
        assert!(!added_in_order(&unsorted));
    }

    fn hunk(above: &str, body: &str) -> Hunk {
        Hunk {
            old_start: 1,
            old_lines: 0,
            new_start: 1,
            new_lines: 0,
            section: BString::default(),
            body: body.into(),
            above: above.into(),
            fenced: None,
            below: Default::default(),
            within: Default::default(),
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
