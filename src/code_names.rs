//! Names from code in a subject line (`File::max_buf_size`, `spawn_blocking`, `JoinSet`):
//! how to tell one, whether a house writes them in backticks, and writing them so.
//!
//! tokio writes 90% of its paths, 67% of its `snake_case` names and 72% of its `CamelCase`
//! ones in backticks (`fs: add \`File::max_buf_size\``); ripgrep, jj and wezterm leave all
//! but paths bare. A house is read shape by shape, since most houses that write names bare
//! still tick `a::b` and `f()`.

use crate::filter::FileEntry;
use crate::paths;
use bstr::ByteSlice;

/// What makes a word read as a name from code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `a::b`, `f()`, `vec!`.
    Path,
    /// `spawn_blocking`, `MAX_SIZE`.
    Snake,
    /// `JoinSet`, `lookupService`: a lower-case letter followed by a capital.
    Camel,
}

/// The shapes a house writes in backticks, and whether it writes a function with its call's
/// parentheses (jj's `make closest_common_node() async`, 60% of its `snake_case` names).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ticks {
    pub path: bool,
    pub snake: bool,
    pub camel: bool,
    pub calls: bool,
}

/// What the change says of a name: whether its code writes it (`known`), defines, removes
/// or edits something by it (`defined`), and whether that is a function (`function`).
pub struct Lookup<'a> {
    pub known: &'a dyn Fn(&str) -> bool,
    pub defined: &'a dyn Fn(&str) -> bool,
    pub function: &'a dyn Fn(&str) -> bool,
    /// The type whose `impl` holds the method by that name (`File` for `max_buf_size`).
    pub owner: &'a dyn Fn(&str) -> Option<String>,
}

impl Ticks {
    fn takes(self, shape: Shape) -> bool {
        match shape {
            Shape::Path => self.path,
            Shape::Snake => self.snake,
            Shape::Camel => self.camel,
        }
    }

    /// Whether any shape is written in backticks.
    pub fn any(self) -> bool {
        self.path || self.snake || self.camel
    }

    /// Whether the house writes names its own way at all.
    fn writes_names(self) -> bool {
        self.any() || self.calls
    }
}

/// Names of one shape seen fewer times than this say nothing of the house.
const MIN_NAMES: usize = 8;

fn ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The shape of a word, if it reads as a name from code.
pub fn shape(word: &str) -> Option<Shape> {
    if word.is_empty() || !word.starts_with(|c: char| ident(c) || c == ':') {
        return None;
    }
    let path_chars = |w: &str| !w.is_empty() && w.chars().all(|c| ident(c) || c == ':' || c == '.');
    if word.contains("::") && path_chars(word) && word.chars().any(|c| c.is_ascii_alphabetic()) {
        return Some(Shape::Path);
    }
    if let Some(head) = word.strip_suffix("()")
        && path_chars(head)
    {
        return Some(Shape::Path);
    }
    if let Some(head) = word.strip_suffix('!')
        && head.len() > 1
        && head.chars().all(ident)
        && head.starts_with(|c: char| c.is_ascii_lowercase())
    {
        return Some(Shape::Path);
    }
    if !word.chars().all(ident) {
        return None;
    }
    let letters = word.chars().any(|c| c.is_ascii_alphabetic());
    if word.trim_matches('_').contains('_') && letters {
        return Some(Shape::Snake);
    }
    let bytes = word.as_bytes();
    let hump = bytes
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    (hump && bytes[0].is_ascii_alphabetic()).then_some(Shape::Camel)
}

/// Splits a word into what leads it, the word, and what closes it: `(see`, `foo_bar,` →
/// `("", "foo_bar", ",")`. A call's `()` stays with the word.
fn trim(word: &str) -> (&str, &str, &str) {
    let start = word.len() - word.trim_start_matches(['(', '"', '\'']).len();
    let mut end = word
        .trim_end_matches(['.', ',', ';', ':', '"', '\'', '?'])
        .len();
    if word[..end].ends_with(')') && !word[..end].ends_with("()") {
        end -= 1;
    }
    let end = end.max(start);
    (&word[..start], &word[start..end], &word[end..])
}

/// The summary of a subject: the words after a prefix (`fs: `, `fix(x): `), if any.
fn summary(line: &str) -> &str {
    match line.split_once(": ") {
        Some((head, rest)) if head.len() <= 40 && !head.contains('`') => rest,
        _ => line,
    }
}

/// Reads the shapes a house writes in backticks from its subject lines: a shape is ticked
/// when at least half the names of that shape are, out of [`MIN_NAMES`] or more.
pub fn learn<'a>(lines: impl Iterator<Item = &'a str>) -> Ticks {
    // Per shape: ticked, bare.
    let mut counts = [[0usize; 2]; 3];
    // `snake_case` names with a call's parentheses, without.
    let mut calls = [0usize; 2];
    let mut call = |word: &str| {
        let name = trim(word).1;
        match name.strip_suffix("()") {
            Some(head) if shape(head) == Some(Shape::Snake) => calls[0] += 1,
            _ if shape(name) == Some(Shape::Snake) => calls[1] += 1,
            _ => {}
        }
    };
    let slot = |shape: Shape| match shape {
        Shape::Path => 0,
        Shape::Snake => 1,
        Shape::Camel => 2,
    };
    for line in lines {
        for (i, part) in summary(line).split('`').enumerate() {
            if i % 2 == 1 {
                // A span in backticks: its first word says what was ticked.
                let first = part.split_whitespace().next().unwrap_or("");
                if let Some(shape) = shape(trim(first).1) {
                    counts[slot(shape)][0] += 1;
                }
                call(first);
                continue;
            }
            for word in part.split_whitespace() {
                if let Some(shape) = shape(trim(word).1) {
                    counts[slot(shape)][1] += 1;
                }
                call(word);
            }
        }
    }
    let ticked = |[ticked, bare]: [usize; 2]| ticked + bare >= MIN_NAMES && ticked >= bare;
    Ticks {
        path: ticked(counts[0]),
        snake: ticked(counts[1]),
        camel: ticked(counts[2]),
        calls: calls[0] >= MIN_NAMES && calls[0] >= calls[1],
    }
}

/// Writes in backticks the words of `words` that are names of a shape the house ticks, and
/// that the code writes (once one is, every such name of any shape); words already in
/// backticks stay. A word of no shape (`Lock`, `reset`) is a name only when the change
/// defines or edits something by it: capitalised, it goes as the house writes `CamelCase`,
/// in lower case as it writes `snake_case`. A function the change defines or edits takes
/// its call's parentheses in a house that writes them. The first word (the verb) never
/// goes.
pub fn tick(words: &str, ticks: Ticks, look: &Lookup) -> String {
    if !ticks.writes_names() {
        return words.to_owned();
    }
    // One name in backticks puts every name of a shape in them: `Add try_from_uri and
    // \`Query\`` reads as two kinds of thing in a house that ticks only `CamelCase`.
    let consistent = ticks.any()
        && (words.contains('`')
            || words.split(' ').any(|w| {
                let name = trim(w).1;
                shape(name).is_some_and(|s| ticks.takes(s)) && (look.known)(name)
            }));
    // A function's name as a word of the subject: `snake_case`, or a plain lower-case word
    // as the verb's object or the first of two. A lower-case word is most often a word
    // (`fix new lints`, `move the copying of resources and …`): a name only there (`update
    // create and open`).
    let listed = |i: usize, prev: &str| i == 1 || (i == 3 && prev == "and");
    let lower = |name: &str, i: usize| {
        i > 0
            && name.len() >= 2
            && name.chars().all(ident)
            && name.starts_with(|c: char| c.is_ascii_lowercase())
    };
    let function_word = |name: &str, i: usize, prev: &str| {
        (shape(name) == Some(Shape::Snake)
            || lower(name, i) && listed(i, prev) && shape(name).is_none())
            && (look.function)(name)
    };
    // A method by its type where the house ticks names (tokio's `fs: add
    // \`File::max_buf_size\``): `max_buf_size` alone could be anything's. Only the one
    // method of a subject, and not beside its type (`extend \`TimerEntry\` and \`reset\``):
    // two such read as a list of paths. Its word's place, and the type.
    let method: Option<(usize, String)> = (ticks.path && (ticks.snake || ticks.camel))
        .then(|| {
            let mut prev = "";
            let mut found = Vec::new();
            for (i, word) in words.split(' ').enumerate() {
                let name = trim(word).1;
                if !word.contains('`')
                    && function_word(name, i, prev)
                    && let Some(owner) = (look.owner)(name)
                {
                    found.push((i, owner));
                }
                prev = word;
            }
            match found.as_slice() {
                // The type itself, as code writes it (`file`, the module, is no `File`).
                [(_, owner)]
                    if words
                        .split(' ')
                        .any(|w| trim(w).1.trim_matches('`') == owner) =>
                {
                    None
                }
                [one] => Some(one.clone()),
                _ => None,
            }
        })
        .flatten();
    let mut out = String::with_capacity(words.len() + 8);
    let mut open = false;
    let mut prev = "";
    let mut owned = None;
    for (i, word) in words.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let (lead, name, close) = trim(word);
        let bare = !open && !word.contains('`');
        let call = ticks.calls && bare && function_word(name, i, prev);
        let owner = method
            .as_ref()
            .filter(|(at, _)| *at == i && bare)
            .map(|(_, owner)| owner);
        let mut written = match owner {
            Some(owner) => format!("{owner}::{name}"),
            None => name.to_owned(),
        };
        if call {
            written.push_str("()");
        }
        owned = owned.or(owner);
        let tickable = bare
            && match shape(&written) {
                Some(shape) => (ticks.takes(shape) || consistent) && (look.known)(name),
                None if !(i > 0 && name.len() >= 2 && name.chars().all(ident)) => false,
                None if name.starts_with(|c: char| c.is_ascii_uppercase()) => {
                    ticks.camel
                        && name[1..].chars().all(|c| !c.is_ascii_uppercase())
                        && (look.defined)(name)
                }
                None => ticks.snake && listed(i, prev) && lower(name, i) && (look.defined)(name),
            };
        if tickable {
            out.push_str(&format!("{lead}`{written}`{close}"));
        } else if written != name {
            out.push_str(&format!("{lead}{written}{close}"));
        } else {
            out.push_str(word);
        }
        open ^= word.matches('`').count() % 2 == 1;
        prev = word;
    }
    // `use \`FnOnce\` instead of Fn`: what a name replaces is a name too, when the code
    // writes it.
    if let Some((head, old)) = out.split_once(" instead of ")
        && head.ends_with('`')
        && !old.contains(' ')
        && !old.contains('`')
        && old.len() > 1
        && old.chars().all(ident)
        && (look.known)(old)
    {
        return format!("{head} instead of `{old}`");
    }
    // The type named, its file as the place says it again (`add \`File::max_buf_size\` to
    // file`).
    let squash = |s: &str| s.replace(['_', '`', '(', ')', ',', '.'], "").to_lowercase();
    if let Some((head, place)) = out.rsplit_once(' ')
        && let Some((head, prep)) = head.rsplit_once(' ')
        && matches!(prep, "to" | "in" | "from")
        && head.contains(' ')
        && owned.is_some_and(|o| squash(o) == squash(place))
    {
        return head.to_owned();
    }
    out
}

/// Tells whether `name` (`File::max_buf_size`, `spawn()`, `vec!`) is a name in the code the
/// change touches: written in a hunk of a source file, or that file's module. A path counts
/// by its last part (`File::max_buf_size` by `max_buf_size`).
pub fn in_code(files: &[FileEntry], name: &str) -> bool {
    let bare = name.trim_end_matches("()").trim_end_matches('!');
    let last = bare.rsplit("::").next().unwrap_or(bare);
    let last = last.rsplit('.').next().unwrap_or(last);
    if last.is_empty() {
        return false;
    }
    files.iter().any(|f| {
        let path = f.change.path.to_str_lossy();
        let code = !matches!(
            paths::lang(&path),
            paths::Lang::Markdown | paths::Lang::Other
        );
        code && (paths::stem(&path) == last
            || f.change.hunks.iter().any(|h| {
                has_word(&h.body, last) || has_word(&h.section, last) || has_word(&h.within, last)
            }))
    })
}

/// Tells whether `word` stands in `text` as a whole identifier.
fn has_word(text: &[u8], word: &str) -> bool {
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    text.find_iter(word.as_bytes()).any(|at| {
        let before = at.checked_sub(1).map(|i| text[i]);
        let after = text.get(at + word.len()).copied();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_told_by_their_shape() {
        assert_eq!(shape("File::max_buf_size"), Some(Shape::Path));
        assert_eq!(shape("get_commit_async()"), Some(Shape::Path));
        assert_eq!(shape("ensure!"), Some(Shape::Path));
        assert_eq!(shape("spawn_blocking"), Some(Shape::Snake));
        assert_eq!(shape("MAX_SIZE"), Some(Shape::Snake));
        assert_eq!(shape("JoinSet"), Some(Shape::Camel));
        assert_eq!(shape("lookupService"), Some(Shape::Camel));
        for word in [
            "URLs", "README", "fix", "Hi!", "v1.2.3", "--frozen", "a/b", "_",
        ] {
            assert_eq!(shape(word), None, "{word}");
        }
    }

    #[test]
    fn a_house_ticks_the_shapes_it_mostly_ticks() {
        let mut lines = vec!["fs: add `File::max_buf_size`"; 10];
        lines.extend(["sync: fix `JoinSet` drop"; 6]);
        lines.extend(["sync: fix JoinSet drop"; 4]);
        lines.extend(["rt: rename spawn_inner"; 9]);
        lines.push("rt: tidy `spawn_inner`");
        let ticks = learn(lines.iter().copied());
        assert_eq!(
            ticks,
            Ticks {
                path: true,
                snake: false,
                camel: true,
                calls: false,
            }
        );
        // Too few names of a shape say nothing.
        let few = learn(["Add `JoinSet`"; 7].iter().copied());
        assert!(!few.any());
    }

    fn never(_: &str) -> bool {
        false
    }

    /// What the change says of names, no function among them.
    fn lookup<'a>(
        known: &'a dyn Fn(&str) -> bool,
        defined: &'a dyn Fn(&str) -> bool,
    ) -> Lookup<'a> {
        Lookup {
            known,
            defined,
            function: &never,
            owner: &|_| None,
        }
    }

    #[test]
    fn known_names_of_ticked_shapes_are_ticked() {
        let all = Ticks {
            path: true,
            snake: true,
            camel: true,
            calls: false,
        };
        let known = |name: &str| name != "GitHub";
        let none = |_: &str| false;

        assert_eq!(
            tick(
                "add max_buf_size to File::open (see JoinSet).",
                all,
                &lookup(&known, &none)
            ),
            "add `max_buf_size` to `File::open` (see `JoinSet`)."
        );
        assert_eq!(
            tick(
                "fix `JoinSet` and GitHub spawn_x",
                all,
                &lookup(&known, &none)
            ),
            "fix `JoinSet` and GitHub `spawn_x`"
        );
        assert_eq!(
            tick("fix a `b c` spawn_x", all, &lookup(&known, &none)),
            "fix a `b c` `spawn_x`"
        );
        let paths_only = Ticks {
            path: true,
            ..Ticks::default()
        };
        assert_eq!(
            tick(
                "add max_buf_size to File::open",
                paths_only,
                &lookup(&known, &none)
            ),
            "add `max_buf_size` to `File::open`"
        );
        assert_eq!(
            tick(
                "add max_buf_size to file",
                paths_only,
                &lookup(&known, &none)
            ),
            "add max_buf_size to file"
        );
        assert_eq!(
            tick("add max_buf_size", Ticks::default(), &lookup(&known, &none)),
            "add max_buf_size"
        );
        // What a name replaces, when the code writes it.
        assert_eq!(
            tick("use FnOnce instead of Fn", all, &lookup(&known, &none)),
            "use `FnOnce` instead of `Fn`"
        );
        assert_eq!(
            tick("use FnOnce instead of GitHub", all, &lookup(&known, &none)),
            "use `FnOnce` instead of GitHub"
        );
        // Plain words go only when the change defines something by them.
        let defined = |name: &str| ["Lock", "reset", "update", "new", "open"].contains(&name);
        assert_eq!(
            tick(
                "update Lock and reset in lock",
                all,
                &lookup(&known, &defined)
            ),
            "update `Lock` and `reset` in lock"
        );
        // A lower-case word only as the verb's object or in a list.
        assert_eq!(
            tick(
                "bump clippy and fix new lints",
                all,
                &lookup(&known, &defined)
            ),
            "bump clippy and fix new lints"
        );
        assert_eq!(
            tick("update new and open", all, &lookup(&known, &defined)),
            "update `new` and `open`"
        );
        assert_eq!(
            tick(
                "move the copying of new and open",
                all,
                &lookup(&known, &defined)
            ),
            "move the copying of new and open"
        );
        let camel_only = Ticks {
            camel: true,
            ..Ticks::default()
        };
        assert_eq!(
            tick(
                "update Lock and reset",
                camel_only,
                &lookup(&known, &defined)
            ),
            "update `Lock` and reset"
        );
    }

    #[test]
    fn a_house_that_writes_calls_gets_functions_with_parentheses() {
        let mut lines = vec!["dag_walk_async: make closest_common_node() async"; 9];
        lines.extend(["cli: rename spawn_inner"; 5]);
        let ticks = learn(lines.iter().copied());
        assert!(ticks.calls && !ticks.any());
        let known = |_: &str| true;
        let function = |name: &str| ["closest_common_node", "heads"].contains(&name);
        let look = Lookup {
            known: &known,
            defined: &function,
            function: &function,
            owner: &|_| None,
        };
        assert_eq!(
            tick("make closest_common_node async", ticks, &look),
            "make closest_common_node() async"
        );
        assert_eq!(tick("make heads async", ticks, &look), "make heads() async");
        // Not a function the change touches, or a word past the verb's object.
        assert_eq!(
            tick("make dag_walk async and fix heads", ticks, &look),
            "make dag_walk async and fix heads"
        );
        // Most subjects without: no habit.
        let tokio = Ticks {
            path: true,
            snake: true,
            camel: true,
            calls: false,
        };
        let owner = |name: &str| (name == "max_buf_size").then(|| "File".to_owned());
        let function = |name: &str| name == "max_buf_size";
        let defined = |name: &str| ["max_buf_size", "File"].contains(&name);
        let look = Lookup {
            known: &known,
            defined: &defined,
            function: &function,
            owner: &owner,
        };
        assert_eq!(
            tick("add max_buf_size to file", tokio, &look),
            "add `File::max_buf_size`"
        );
        assert_eq!(
            tick("add max_buf_size to reader", tokio, &look),
            "add `File::max_buf_size` to reader"
        );
        // Beside its type, or with another method, a method goes by its name.
        assert_eq!(
            tick("extend File and max_buf_size", tokio, &look),
            "extend `File` and `max_buf_size`"
        );
        let both = |name: &str| ["max_buf_size", "set_max_buf_size"].contains(&name);
        let owner_of = |_: &str| Some("File".to_owned());
        let look = Lookup {
            known: &known,
            defined: &both,
            function: &both,
            owner: &owner_of,
        };
        assert_eq!(
            tick("add max_buf_size and set_max_buf_size", tokio, &look),
            "add `max_buf_size` and `set_max_buf_size`"
        );
        let bare = learn(["cli: rename spawn_inner"; 20].iter().copied());
        assert!(!bare.calls);
    }
}
