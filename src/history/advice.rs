//! What the past says about one change: the past commits that touched the same files (else
//! the nearest folder), their votes for the form, the scope or area and the type, weighted
//! by recency, and the commits most like the change.

use super::subject::Form;
use super::{History, House};
use std::collections::HashMap;

/// The weight of a commit halves every this many commits back.
const HALF_LIFE: f32 = 500.0;

/// How many staged paths are looked up (a huge change votes through its first ones).
const MAX_PATHS: usize = 40;

/// A path with this many near commits has half the say of a quiet one.
const BUSY: f32 = 50.0;

/// How many similar past commits are kept as examples.
pub const EXAMPLES: usize = 6;

/// The house style's weight, in commits, against the votes of the commits near the paths.
const PRIOR: f32 = 3.0;

/// The weight of the author's own habit (the forms of their newest subjects) against the
/// house's [`PRIOR`], once they have [`OWN_ENOUGH`] subjects. A person keeps to their own
/// form in a house that mixes them: on `style_eval` (the author's email set, as git sets it
/// for the hook) kind match 0.817 → 0.838, and 0.900 → 0.928 on nine repositories it was
/// not tuned on (nushell 0.68 → 0.83, axum 0.63 → 0.75); 12 and 48 gave less.
const AUTHOR: f32 = 24.0;

/// How many of the author's newest subjects are read, and how many give their habit its
/// full say (fewer give a share of it).
const OWN_SUBJECTS: usize = 60;
const OWN_ENOUGH: usize = 10;

/// How many of the author's own commits near the staged paths make their habit there
/// replace their habit at large (fewer replace a share of it).
const OWN_HERE_ENOUGH: usize = 3;

/// The say of the author's subjects halves every this many of their subjects back.
const OWN_HALF_LIFE: f32 = 15.0;

/// In a Conventional Commits house, the author's habit decides only with at least half of
/// [`OWN_ENOUGH`] subjects, fewer than this share of them Conventional.
const OWN_SURE: f32 = 0.5;
const OWN_OTHER: f32 = 0.4;

/// How many of the author's sentences or `area:` summaries tell their case habit.
const OWN_CASES: usize = 5;

/// What the history says about a change to some paths.
#[derive(Debug, Clone, Default)]
pub struct Advice {
    /// The house style; `None` with too little history.
    pub house: Option<House>,
    /// The form this change should take: the house's, unless the commits near these paths
    /// write another.
    pub form: Option<Form>,
    /// Sentences (or summaries after an area, or after a bare type in a house that does not
    /// write Conventional Commits) start with a capital letter.
    pub capitalised: bool,
    /// The scope (Conventional Commits) or area to write, when the votes name one; `None`
    /// inside `Some` when they say "no scope".
    pub prefix: Option<Option<String>>,
    /// The scopes or areas used near these paths, best first, with their votes.
    pub prefixes: Vec<(String, f32)>,
    /// The Conventional Commits types used near these paths, with their votes.
    pub types: Vec<(&'static str, f32)>,
    /// Subjects of past commits that touched exactly these paths, newest first.
    pub same_paths: Vec<String>,
    /// The past subjects most like this change (by paths touched), best first; the newest
    /// subjects when none is near.
    pub similar: Vec<String>,
    /// The type and scope the house gives a lint fixed (`style(lib): remove ref_option
    /// lint` in hyper, `refactor: …` in ratatui), when most of its subjects that name a lint
    /// or clippy agree.
    pub lints: Option<(&'static str, Option<String>)>,
    /// The area an `area: summary` house gives a lint fixed (`clippy: fix ref_option lint`
    /// in jj), when most of its newest such subjects that name a lint or clippy agree.
    pub lint_area: Option<String>,
    /// The newest subjects the house's bots wrote (Dependabot, Renovate): how its
    /// dependency updates are headed when no person's bump is near.
    pub bots: Vec<String>,
    /// The author's own habit, in words (`your newest 12 subjects: mostly \`area:
    /// summary\`, lower case`), when they have subjects in the window and their email is
    /// known.
    pub own: Option<String>,
    /// The branch's name, when this is its first commit (`Repo::first_on_branch`): the
    /// offline engine reads a type and words from it (`fix/empty-config-crash`).
    pub first_branch: Option<String>,
    /// The bracketed label the house opens a summary with for the file these paths are
    /// about (`no-type-alias` in typescript-eslint's `fix(eslint-plugin): [no-type-alias]
    /// handle keyof`), when most past commits about one such file wrote one.
    pub label: Option<String>,
    /// In a Conventional Commits house, the scope (or "no scope") for each type the
    /// commits near these paths used: [`Advice::prefix`] once the change's type is known.
    pub typed_scopes: Vec<(&'static str, Option<String>)>,
}

/// How near a past path is to a staged one: `usize::MAX` for the same file, else twice the
/// number of leading folders they share (compared byte by byte: the hook runs this over
/// every path of the window), one more for a file of the same folder named alike (see
/// [`kin`]).
fn nearness(staged: &str, past: &str) -> usize {
    if staged == past {
        return usize::MAX;
    }
    let (a, b) = (staged.as_bytes(), past.as_bytes());
    let mut shared = 0;
    let mut last_slash = 0;
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        if x != y {
            break;
        }
        if *x == b'/' && i > 0 {
            shared += 1;
            last_slash = i + 1;
        }
    }
    let siblings = !a[last_slash..].contains(&b'/') && !b[last_slash..].contains(&b'/');
    2 * shared + usize::from(siblings && kin(&staged[last_slash..], &past[last_slash..]))
}

/// Whether two file names of one folder are named alike: the same first word, a `test`
/// before it aside (tokio's `tests/process_kill_after_wait.rs` and `process_issue_42.rs`,
/// jj's `test_bisect_command.rs` and `test_bisect.rs`). Such files are mostly about one
/// thing, which the house names alike.
fn kin(a: &str, b: &str) -> bool {
    fn first(name: &str) -> &str {
        let mut words = name.split(['_', '-', '.']).filter(|w| !w.is_empty());
        let word = words.next().unwrap_or("");
        if matches!(word, "test" | "tests") {
            words.next().unwrap_or("")
        } else {
            word
        }
    }
    let (a, b) = (first(a), first(b));
    a.len() >= 2 && a == b && (a.contains(|c: char| c.is_alphabetic()))
}

pub(super) fn advise(history: &History, paths: &[&str], focus: Option<&str>) -> Advice {
    let house = history.house();
    let commits = &history.commits;
    let staged: Vec<&str> = paths.iter().copied().take(MAX_PATHS).collect();
    // Each commit's weight: its recency, shared between the files it touched (a sweeping
    // change says little about any one of them), summed over the staged paths it is nearest.
    let mut weight = vec![0f32; commits.len()];
    // The same before the paths' says are evened out: the type votes, which should grow
    // with the number of commits behind them.
    let mut mass = vec![0f32; commits.len()];
    // The same for the scope votes, where a commit that names no scope counts by the share of
    // its files in this path's top folder: a sweep across the whole tree writes no scope
    // because it spans many parts, which says nothing against the scope of one of them.
    let mut scope_weight = vec![0f32; commits.len()];
    // That share, by commit and top folder: the staged paths mostly share a few folders.
    let mut shares: HashMap<(usize, &str), f32> = HashMap::new();
    for path in &staged {
        let mut best = 0;
        let mut near: Vec<usize> = Vec::new();
        for (i, past) in commits.iter().enumerate() {
            let level = past
                .paths
                .iter()
                .map(|p| nearness(path, p))
                .max()
                .unwrap_or(0);
            if level == 0 || level < best {
                continue;
            }
            if level > best {
                best = level;
                near.clear();
            }
            near.push(i);
        }
        // Each path has one say, shared by its near commits: a file nearly every commit
        // touches (a changelog, a lockfile) would otherwise outvote the code beside it. Its
        // say shrinks as it gets busier, and a path with only old or sweeping neighbours says
        // less than one.
        let raw: Vec<f32> = near
            .iter()
            .map(|&i| {
                let recency = 0.5f32.powf(i as f32 / HALF_LIFE);
                recency / (commits[i].paths.len() as f32).sqrt()
            })
            .collect();
        let sum: f32 = raw.iter().sum();
        let say = sum.min(1.0) / (1.0 + near.len() as f32 / BUSY) / staged.len() as f32;
        let top = path.split('/').next().unwrap_or(path);
        for (&i, r) in near.iter().zip(raw) {
            weight[i] += r / sum * say;
            mass[i] += r / staged.len() as f32;
            let past = &commits[i];
            let focus = if past.subject.prefix.is_some() || !path.contains('/') {
                1.0
            } else {
                *shares.entry((i, top)).or_insert_with(|| {
                    let inside = past
                        .paths
                        .iter()
                        .filter(|p| p.split('/').next() == Some(top) && p.contains('/'))
                        .count();
                    inside as f32 / past.paths.len().max(1) as f32
                })
            };
            scope_weight[i] += r / sum * say * focus;
        }
    }
    let conventional_house = house.as_ref().is_none_or(|h| h.form == Form::Conventional);
    // In a house that does not write Conventional Commits, `docs: …` is an area.
    let form_of = |s: &super::Subject| match s.form {
        Form::Conventional if !conventional_house && s.prefix.is_none() => Form::Area,
        form => form,
    };
    let prefix_of = |s: &super::Subject| match (s.form, form_of(s)) {
        (Form::Conventional, Form::Area) => s.kind.map(str::to_owned),
        _ => s.prefix.clone(),
    };

    // `-` is the key of an author with no email: nobody's habit.
    let me = history.me.as_deref().filter(|m| *m != "-");
    let mine = own_forms(commits, me, form_of);
    // The author's own commits near these paths: a person who writes sentences about the
    // code may write `ci: …` for the workflows (axum).
    let mine_here = own_here(commits, &weight, me, form_of);
    let mut forms: HashMap<Form, f32> = HashMap::new();
    let mut total = 0.0;
    for (i, past) in commits.iter().enumerate() {
        if weight[i] > 0.0 {
            *forms.entry(form_of(&past.subject)).or_default() += weight[i];
            total += weight[i];
        }
    }
    let form = house.as_ref().map(|house| {
        // The votes near the paths, normalised, against the house's shares as a prior worth
        // a few commits.
        let local = |f: Form| {
            if total > 0.0 {
                forms.get(&f).copied().unwrap_or(0.0) / total
            } else {
                0.0
            }
        };
        let evidence = total.min(1.0) * PRIOR;
        let mut ranked: Vec<(Form, f32)> = house
            .shares()
            .iter()
            .map(|&(f, share)| {
                (
                    f,
                    share * PRIOR + local(f) * evidence * 2.0 + mine.near(&mine_here, f) * AUTHOR,
                )
            })
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        ranked
    });

    // Votes for the prefix among the near commits of each form.
    let votes_in = |want: Form| {
        let mut votes: HashMap<Option<String>, f32> = HashMap::new();
        for (i, past) in commits.iter().enumerate() {
            if scope_weight[i] > 0.0 && form_of(&past.subject) == want {
                *votes.entry(prefix_of(&past.subject)).or_default() += scope_weight[i];
            }
        }
        votes
    };
    let mut chosen = form.as_ref().map(|ranked| ranked[0].0);
    let mut prefix = None;
    let mut typed_scopes = Vec::new();
    match &house {
        // A Conventional Commits house writes Conventional Commits everywhere: the odd
        // `area:` or plain subject near some paths is a slip, not a habit to copy.
        // Unless the author's own subjects are plainly of another form: a house of two minds
        // (helix) reads as Conventional Commits by its newest subjects, but each of its
        // people keeps to their own.
        Some(_) if conventional_house && !mine.overrules(Form::Conventional) => {
            chosen = Some(Form::Conventional);
            let votes = votes_in(Form::Conventional);
            prefix = best(&votes);
            typed_scopes = scopes_by_type(commits, &scope_weight, &votes, form_of, prefix_of);
        }
        // Another house: first a prefix or none (a sentence), as the house and the commits
        // near the paths write; then which prefix.
        Some(_) => {
            let ranked = form.as_deref().unwrap_or_default();
            let score = |f: Form| ranked.iter().find(|r| r.0 == f).map_or(0.0, |r| r.1);
            let prefixed_wins = if conventional_house {
                mine.say(Form::Area) + mine.say(Form::Conventional) > mine.say(Form::Plain)
            } else {
                score(Form::Area) + score(Form::Conventional) > score(Form::Plain)
            };
            if prefixed_wins {
                (chosen, prefix) = prefixed(commits, &weight, &mine, !conventional_house, focus);
            } else {
                chosen = Some(Form::Plain);
            }
        }
        // No house to speak of: the Conventional Commits near the paths still name scopes.
        None if total > 0.0 => prefix = best(&votes_in(Form::Conventional)),
        None => {}
    }
    if chosen == Some(Form::Plain) {
        prefix = None;
    }

    let mut prefixes: HashMap<String, f32> = HashMap::new();
    let mut types: HashMap<&'static str, f32> = HashMap::new();
    for (i, past) in commits.iter().enumerate() {
        if weight[i] == 0.0 {
            continue;
        }
        if let Some(p) = prefix_of(&past.subject)
            && !NOT_AREAS.contains(&p.to_lowercase().as_str())
        {
            *prefixes.entry(p).or_default() += weight[i];
        }
        if let Some(kind) = past.subject.kind {
            *types.entry(kind).or_default() += mass[i];
        }
    }

    let capitalised = match (chosen, &house) {
        // The author's own habit first: houses that mix forms mix cases too (nushell: the
        // house's case fits 54% of its sentences and summaries, each author's 76%).
        (Some(Form::Area | Form::Plain), _) if mine.capitalised.is_some() => {
            mine.capitalised == Some(true)
        }
        // A bare type in a house that does not write Conventional Commits is an area: its
        // summary's case is the author's (axum's `ci: Remove …`), else the house's habit
        // for such summaries.
        (Some(Form::Conventional), Some(house)) if house.form != Form::Conventional => {
            mine.capitalised.unwrap_or(house.summaries_capitalised)
        }
        (Some(Form::Area), _) => {
            // Summaries after an area, near the paths first.
            let (mut up, mut down) = (0.0, 0.0);
            for (i, past) in commits.iter().enumerate() {
                if form_of(&past.subject) == Form::Area {
                    let w = weight[i].max(0.001);
                    if past.subject.capitalised {
                        up += w;
                    } else {
                        down += w;
                    }
                }
            }
            up > down
        }
        (_, Some(house)) => house.capitalised,
        (_, None) => false,
    };

    let mut sorted_paths: Vec<&str> = paths.to_vec();
    sorted_paths.sort_unstable();
    let same_paths = commits
        .iter()
        .filter(|past| {
            let mut theirs: Vec<&str> = past.paths.iter().map(String::as_str).collect();
            theirs.sort_unstable();
            !theirs.is_empty() && theirs == sorted_paths
        })
        .map(|past| past.line.clone())
        .take(EXAMPLES)
        .collect();

    Advice {
        house,
        form: chosen,
        capitalised,
        prefix,
        prefixes: ranked(prefixes),
        types: ranked(types),
        same_paths,
        similar: similar(history, paths),
        lints: lint_habit(commits),
        lint_area: lint_area(commits),
        bots: history.bots.clone(),
        own: mine.describe(),
        first_branch: None,
        label: label(commits, paths),
        typed_scopes,
    }
}

/// The scope for each Conventional Commits type, where the commits near the paths used
/// it: the votes of all of them (`votes`), with those of the type counted twice.
/// typescript-eslint writes `fix(eslint-plugin): …` but `chore: …` and `docs: …` for the
/// same files; goreleaser `fix(changelog): …` beside unscoped tests and chores. On the dev
/// set (staged, every repository better on its own), scope exact 0.710 → 0.721, where the
/// author wrote one 0.563 → 0.580; counted three times, 0.716 / 0.561.
fn scopes_by_type(
    commits: &[super::Past],
    scope_weight: &[f32],
    votes: &HashMap<Option<String>, f32>,
    form_of: impl Fn(&super::Subject) -> Form,
    prefix_of: impl Fn(&super::Subject) -> Option<String>,
) -> Vec<(&'static str, Option<String>)> {
    let mut by_type: HashMap<&'static str, HashMap<Option<String>, f32>> = HashMap::new();
    for (i, past) in commits.iter().enumerate() {
        if scope_weight[i] > 0.0
            && form_of(&past.subject) == Form::Conventional
            && let Some(kind) = past.subject.kind
        {
            *by_type
                .entry(kind)
                .or_default()
                .entry(prefix_of(&past.subject))
                .or_default() += scope_weight[i];
        }
    }
    by_type
        .into_iter()
        .filter_map(|(kind, own)| {
            let mut both = votes.clone();
            for (prefix, vote) in own {
                *both.entry(prefix).or_default() += vote;
            }
            best(&both).map(|prefix| (kind, prefix))
        })
        .collect()
}

/// How many past commits about one file of the folder [`label`] reads, newest first.
const LABEL_COMMITS: usize = 40;

/// What a file is called in a bracketed label: its name up to the first dot
/// (`tests/rules/no-type-alias.test.ts` → `no-type-alias`).
pub fn label_stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.split('.').next().unwrap_or(name)
}

/// The bracketed label that opens a subject's summary, after its header if any:
/// `no-type-alias` in `fix(eslint-plugin): [no-type-alias] handle keyof`.
fn written_label(line: &str) -> Option<&str> {
    let rest = match line.split_once(": ") {
        Some((head, rest)) if !head.contains(' ') => rest,
        _ => line,
    };
    let (label, _) = rest.strip_prefix('[')?.split_once(']')?;
    Some(label)
}

/// The label the house gives a change about one file (see [`Advice::label`]): the name most
/// staged paths share (a rule's source, its tests and its docs), when most of the newest
/// past commits about one file of the same folders opened their summary with that file's
/// name in brackets. Names too generic to label (`index`, `mod`) are none.
fn label(commits: &[super::Past], paths: &[&str]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for path in paths {
        let stem = label_stem(path);
        match counts.iter_mut().find(|(s, _)| *s == stem) {
            Some((_, n)) => *n += 1,
            None => counts.push((stem, 1)),
        }
    }
    counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    // A rule's tests beside a helper it uses: each name shared by half the paths is tried.
    counts
        .iter()
        .filter(|(stem, count)| {
            let generic = matches!(
                stem.to_lowercase().as_str(),
                "index"
                    | "mod"
                    | "lib"
                    | "main"
                    | "readme"
                    | "changelog"
                    | "package"
                    | "cargo"
                    | "init"
            );
            !generic && stem.len() >= 3 && count * 2 >= paths.len()
        })
        .take(3)
        .find(|(stem, _)| house_labels(commits, paths, stem))
        .map(|(stem, _)| (*stem).to_owned())
}

/// Tells whether most of the newest past commits about one file of the folders holding
/// `stem`'s staged files opened their summary with that file's name in brackets.
fn house_labels(commits: &[super::Past], paths: &[&str], stem: &str) -> bool {
    fn folder(path: &str) -> &str {
        path.rsplit_once('/').map_or("", |(dir, _)| dir)
    }
    let folders: Vec<&str> = paths
        .iter()
        .filter(|p| label_stem(p) == stem)
        .map(|p| folder(p))
        .collect();
    // Past commits about one file of these folders (whatever else they touched), and how
    // many of them wrote its name as the label.
    let (mut about, mut labelled) = (0usize, 0usize);
    for past in commits {
        let mut one: Option<&str> = None;
        let mut several = false;
        for p in past.paths.iter().filter(|p| folders.contains(&folder(p))) {
            match one {
                None => one = Some(label_stem(p)),
                Some(s) if s != label_stem(p) => several = true,
                Some(_) => {}
            }
        }
        let Some(file) = one.filter(|_| !several) else {
            continue;
        };
        about += 1;
        labelled += usize::from(written_label(&past.line) == Some(file));
        if about == LABEL_COMMITS {
            break;
        }
    }
    about >= 4 && labelled * 2 > about
}

/// How many of the newest subjects naming a lint the lint habits read: a house's habit is
/// what it does now.
const LINT_SUBJECTS: usize = 12;

/// Whether a subject names a lint or clippy.
fn names_lint(line: &str) -> bool {
    line.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
        w.eq_ignore_ascii_case("lint")
            || w.eq_ignore_ascii_case("lints")
            || w.eq_ignore_ascii_case("clippy")
    })
}

/// The area most of the newest dozen `area: summary` subjects naming a lint or clippy give
/// it (`clippy:` in jj); `None` with fewer than four such subjects or no clear lead.
fn lint_area(commits: &[super::Past]) -> Option<String> {
    let mut areas: HashMap<&str, u32> = HashMap::new();
    let mut total = 0;
    let areas_named = commits.iter().filter_map(|past| {
        (past.subject.form == Form::Area)
            .then_some(past.subject.prefix.as_deref())
            .flatten()
            .filter(|_| names_lint(&past.line))
    });
    for area in areas_named.take(LINT_SUBJECTS) {
        total += 1;
        *areas.entry(area).or_default() += 1;
    }
    let mut ranked: Vec<(&str, u32)> = areas.into_iter().collect();
    ranked.sort_by_key(|(a, n)| (std::cmp::Reverse(*n), *a));
    let (area, count) = *ranked.first()?;
    let second = ranked.get(1).map_or(0, |(_, n)| *n);
    // A majority, or a clear lead (jj's five `clippy:` beside three `rustc_lint:`).
    let leads = count * 2 > total || (count >= 4 && count * 2 >= second * 3);
    (total >= 4 && leads).then(|| area.to_owned())
}

/// The Conventional Commits type most of the newest dozen subjects naming a lint or clippy
/// take, and the scope most of those take (or none); `None` with fewer than four such
/// subjects or no majority.
fn lint_habit(commits: &[super::Past]) -> Option<(&'static str, Option<String>)> {
    let mut kinds: HashMap<&'static str, u32> = HashMap::new();
    let mut scopes: HashMap<(&'static str, Option<&str>), u32> = HashMap::new();
    let mut total = 0;
    let typed = (commits.iter())
        .filter_map(|past| Some((past.subject.kind?, past)))
        .filter(|(_, past)| names_lint(&past.line));
    for (kind, past) in typed.take(LINT_SUBJECTS) {
        total += 1;
        *kinds.entry(kind).or_default() += 1;
        *scopes
            .entry((kind, past.subject.prefix.as_deref()))
            .or_default() += 1;
    }
    let (&kind, &count) = kinds
        .iter()
        .max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k)))?;
    if total < 4 || count * 2 <= total {
        return None;
    }
    let scope = scopes
        .iter()
        .filter(|((k, _), n)| *k == kind && **n * 2 > count)
        .find_map(|((_, scope), _)| scope.map(str::to_owned));
    Some((kind, scope))
}

/// In a house that mixes forms, the prefixed form for a change whose neighbours write a
/// prefix: the area (or scope) they name most, written as they write it (`lsp: …` or
/// `fix(lsp): …`, and as the author writes a prefix); or, when most of them write a bare type
/// (`fix: …`, `docs: …`), a Conventional Commits header without a scope, which such a house
/// reads as an area too. A name is one name in any case (`DAP: …` beside `fix(dap): …`),
/// spelled as the form chosen spells it. In a house that does not write Conventional
/// Commits (`bare_as_area`), each bare type counts on its own against the areas (`chore: …`
/// beside `fs: …` in tokio): counted together, the house's `chore:`, `ci:` and `docs:`
/// sweeps outvoted the one area of the code. When one of them wins, the header is still a
/// bare type, the change's own. `focus` is the staged file most lines changed in: when the
/// house has written its name as an area, areas that name a file of their commit vote for
/// naming this change by its file.
fn prefixed(
    commits: &[super::Past],
    weight: &[f32],
    mine: &Own,
    bare_as_area: bool,
    focus: Option<&str>,
) -> (Option<Form>, Option<Option<String>>) {
    let mut votes: HashMap<Option<String>, f32> = HashMap::new();
    // Each bare type's votes, when they count one by one.
    let mut bare: HashMap<&str, f32> = HashMap::new();
    let mut as_area: HashMap<String, f32> = HashMap::new();
    // The votes of areas that name a file of their commit, written as a scope and as an area.
    let mut stems = [0f32; 2];
    // How the house spells the focus file's name as an area: weight near the paths, and
    // how new (the newest wins a tie). A name it never wrote is not taken.
    let mut spellings: HashMap<&str, (f32, usize)> = HashMap::new();
    let stem = focus.and_then(stem_area);
    if let Some(stem) = stem {
        for (i, past) in commits.iter().enumerate() {
            if let Some(p) = past.subject.prefix.as_deref()
                && p.eq_ignore_ascii_case(stem)
            {
                spellings.entry(p).or_insert((0.0, usize::MAX - i)).0 += weight[i];
            }
        }
    }
    let stem = stem.filter(|_| !spellings.is_empty());
    // Votes by spelling and form, to write the name back.
    let mut spelled: HashMap<(Form, &str), f32> = HashMap::new();
    for (i, past) in commits.iter().enumerate() {
        let s = &past.subject;
        if weight[i] == 0.0 || s.form == Form::Plain {
            continue;
        }
        if bare_as_area
            && s.form == Form::Conventional
            && s.prefix.is_none()
            && let Some(kind) = s.kind
        {
            *bare.entry(kind).or_default() += weight[i];
            continue;
        }
        let name = s.prefix.as_deref().map(str::to_lowercase);
        if name.as_deref().is_some_and(|n| NOT_AREAS.contains(&n)) {
            continue;
        }
        // An area that names one of the commit's files (jj's `cli_util: …`) votes for the
        // staged change's own file, when it has one to name: unless the commit touched
        // that file too and named another (a change to `cli_util.rs` about `git_util.rs`).
        if let Some((path, stem)) = focus.zip(stem)
            && let Some(n) = name.as_deref()
            && names_file(n, &past.paths)
            && (n == stem.to_lowercase() || !past.paths.iter().any(|p| p == path))
        {
            stems[usize::from(s.form == Form::Area)] += weight[i];
            continue;
        }
        *votes.entry(name.clone()).or_default() += weight[i];
        if let (Some(name), Some(written)) = (name, s.prefix.as_deref()) {
            *spelled.entry((s.form, written)).or_default() += weight[i];
            if s.form == Form::Area {
                *as_area.entry(name).or_default() += weight[i];
            }
        }
    }
    let most_bare = bare.values().fold(0f32, |most, v| most.max(*v));
    let most_named = votes.values().fold(0f32, |most, v| most.max(*v));
    // `area:` or `type(scope):`, by the share of the votes written as an area and the
    // author's habit.
    let form_for = |area: f32| {
        if area + mine.say(Form::Area) >= 1.0 - area + mine.say(Form::Conventional) {
            Form::Area
        } else {
            Form::Conventional
        }
    };
    if let Some(stem) = stem
        && stems[0] + stems[1] > most_bare.max(most_named)
    {
        let form = form_for(stems[1] / (stems[0] + stems[1]));
        // Spelled as the commits near the paths write it most (helix's `DAP:` for
        // `dap.rs`), else as the house last wrote it.
        let written = spellings
            .into_iter()
            .max_by(|a, b| a.1.0.total_cmp(&b.1.0).then(a.1.1.cmp(&b.1.1)))
            .map_or(stem, |(p, _)| p);
        return (Some(form), Some(Some(written.to_owned())));
    }
    let Some(Some(name)) = best(&votes).filter(|b| votes[b] > most_bare) else {
        return (Some(Form::Conventional), Some(None));
    };
    let form = form_for(as_area.get(&name).copied().unwrap_or(0.0) / votes[&Some(name.clone())]);
    // The spelling the chosen form uses most; else the other form's.
    let written = spelled
        .iter()
        .filter(|((_, w), _)| w.to_lowercase() == name)
        .max_by(|a, b| {
            ((a.0.0 == form), a.1)
                .partial_cmp(&((b.0.0 == form), b.1))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then_with(|| b.0.1.cmp(a.0.1))
        })
        .map_or(name.clone(), |((_, w), _)| (*w).to_owned());
    (Some(form), Some(Some(written)))
}

/// The area a change mostly about this file would take in a house that names areas by file
/// (`cli_util` for `cli/src/cli_util.rs`): its name without extension, unless that says
/// nothing of the file (`mod.rs`, `lib.rs`, `README.md`).
fn stem_area(path: &str) -> Option<&str> {
    let stem = label_stem(path);
    let generic = [
        "mod",
        "lib",
        "main",
        "index",
        "__init__",
        "readme",
        "changelog",
        "cargo",
    ];
    (!stem.is_empty() && !generic.contains(&stem.to_lowercase().as_str())).then_some(stem)
}

/// The area (lower case) is the name of one of the paths' files without extension, and no
/// folder of theirs: `cli_util` for `cli/src/cli_util.rs`; not `printer` for
/// `crates/printer/src/printer.rs`, an area of the folder.
fn names_file(area: &str, paths: &[String]) -> bool {
    let mut file = false;
    for path in paths {
        let mut parts = path.rsplit('/');
        let name = parts.next().unwrap_or(path);
        if parts.any(|folder| folder.eq_ignore_ascii_case(area)) {
            return false;
        }
        file |= stem_area(name).is_some_and(|stem| stem.eq_ignore_ascii_case(area));
    }
    file
}

/// Prefixes that say how far the work got or how much it weighs, not where it is (`wip: big
/// refactor`, `minor: …`): never written as an area.
const NOT_AREAS: [&str; 22] = [
    "wip",
    "todo",
    "fixme",
    "fixup",
    "squash",
    "draft",
    "tmp",
    "temp",
    "minor",
    "misc",
    "nit",
    "nits",
    "trivial",
    "feature",
    "features",
    "bugfix",
    "hotfix",
    "improvement",
    "improvements",
    "enhancement",
    "update",
    "updates",
];

/// The forms the author's own newest subjects take, as shares, and how sure they are.
struct Own {
    shares: HashMap<Form, f32>,
    /// How many of their subjects were read.
    seen: usize,
    sure: f32,
    /// Their sentences and summaries after an area mostly start with a capital; `None` with
    /// fewer than [`OWN_CASES`] of them.
    capitalised: Option<bool>,
}

impl Own {
    /// The habit from each form's summed say over `seen` subjects, sure once there are
    /// `enough` of them; the case is left unknown.
    fn new(mut shares: HashMap<Form, f32>, seen: usize, enough: usize) -> Own {
        let total: f32 = shares.values().sum();
        for share in shares.values_mut() {
            *share /= total;
        }
        Own {
            shares,
            seen,
            sure: seen.min(enough) as f32 / enough as f32,
            capitalised: None,
        }
    }

    fn say(&self, form: Form) -> f32 {
        self.shares.get(&form).copied().unwrap_or(0.0) * self.sure
    }

    /// [`Own::say`], with the author's habit near the staged paths (`here`) in its place as
    /// far as that is sure: a person who writes sentences about the code may write `ci: …`
    /// about the workflows (axum). On the held-out eight with the author's email, kind
    /// match 0.873 → 0.879 over five samples, never lower (5 or 1/√files: the same or less).
    fn near(&self, here: &Own, form: Form) -> f32 {
        self.say(form) * (1.0 - here.sure) + here.say(form)
    }

    /// The author's habit in words; `None` when no subject of theirs was read.
    fn describe(&self) -> Option<String> {
        if self.seen == 0 {
            return None;
        }
        let (form, _) = self.shares.iter().max_by(|a, b| {
            a.1.total_cmp(b.1)
                .then_with(|| b.0.describe().cmp(a.0.describe()))
        })?;
        let mut text = format!(
            "your newest {} subjects: mostly {}",
            self.seen,
            form.describe()
        );
        if let Some(capitalised) = self.capitalised {
            text.push_str(if capitalised {
                ", capitalised"
            } else {
                ", lower case"
            });
        }
        Some(text)
    }

    /// The author writes mostly in other forms than `form`, with enough subjects to tell.
    fn overrules(&self, form: Form) -> bool {
        self.sure >= OWN_SURE && self.say(form) < self.sure * OWN_OTHER
    }
}

/// Reads the author's habit from their own newest subjects in the window (none when the
/// author is unknown or new).
fn own_forms(
    commits: &[super::Past],
    me: Option<&str>,
    form_of: impl Fn(&super::Subject) -> Form,
) -> Own {
    let mut shares: HashMap<Form, f32> = HashMap::new();
    let mut seen = 0;
    // Capitals: how many, and their say against the lower-case starts.
    let (mut cases, mut up, mut down) = (0, 0.0, 0.0);
    let mine = commits.iter().filter(|p| Some(p.author.as_str()) == me);
    for past in mine.take(OWN_SUBJECTS) {
        let say = 0.5f32.powf(seen as f32 / OWN_HALF_LIFE);
        let form = form_of(&past.subject);
        *shares.entry(form).or_default() += say;
        seen += 1;
        // A Conventional Commits summary is lower case by the form's own habit; a bare
        // type in a house that does not write them is an area (`ci: Remove …`).
        if form != Form::Conventional {
            cases += 1;
            if past.subject.capitalised {
                up += say;
            } else {
                down += say;
            }
        }
    }
    let mut own = Own::new(shares, seen, OWN_ENOUGH);
    own.capitalised = (cases >= OWN_CASES).then_some(up > down);
    own
}

/// As [`own_forms`], over the author's commits near the staged paths, each by its recency
/// over the number of files it touched (a commit about these files alone counts most; a
/// sweep that also touched them, little).
fn own_here(
    commits: &[super::Past],
    weight: &[f32],
    me: Option<&str>,
    form_of: impl Fn(&super::Subject) -> Form,
) -> Own {
    let mut shares: HashMap<Form, f32> = HashMap::new();
    let mut seen = 0;
    for (i, (past, &w)) in commits.iter().zip(weight).enumerate() {
        if w > 0.0 && Some(past.author.as_str()) == me {
            let say = 0.5f32.powf(i as f32 / HALF_LIFE) / past.paths.len() as f32;
            *shares.entry(form_of(&past.subject)).or_default() += say;
            seen += 1;
        }
    }
    Own::new(shares, seen, OWN_HERE_ENOUGH)
}

/// The key with the most votes; `None` when there are none.
fn best(votes: &HashMap<Option<String>, f32>) -> Option<Option<String>> {
    votes
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(k, _)| k.clone())
}

fn ranked<K: Ord>(votes: HashMap<K, f32>) -> Vec<(K, f32)> {
    let mut out: Vec<_> = votes.into_iter().collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// The past subjects whose paths overlap the change's most (Jaccard, newer first on ties);
/// the newest subjects fill up when fewer are near.
fn similar(history: &History, paths: &[&str]) -> Vec<String> {
    let mine: std::collections::HashSet<&str> = paths.iter().copied().collect();
    let mut scored: Vec<(f32, usize)> = history
        .commits
        .iter()
        .enumerate()
        .filter_map(|(i, past)| {
            let shared = past
                .paths
                .iter()
                .filter(|p| mine.contains(p.as_str()))
                .count();
            let union = mine.len() + past.paths.len() - shared;
            (shared > 0).then(|| (shared as f32 / union.max(1) as f32, i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<String> = Vec::new();
    let picks = scored
        .iter()
        .map(|&(_, i)| i)
        .chain(0..history.commits.len());
    for i in picks {
        let line = &history.commits[i].line;
        if !line.is_empty() && !out.contains(line) {
            out.push(line.clone());
        }
        if out.len() == EXAMPLES {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(list: &[&str]) -> Vec<String> {
        list.iter().map(|p| (*p).to_owned()).collect()
    }

    #[test]
    fn files_named_alike_in_one_folder_are_nearer_than_the_folder() {
        let staged = "tokio/tests/process_kill_after_wait.rs";
        assert_eq!(nearness(staged, staged), usize::MAX);
        let kin = nearness(staged, "tokio/tests/process_issue_42.rs");
        let folder = nearness(staged, "tokio/tests/sync_mpsc.rs");
        assert!(kin > folder && folder > nearness(staged, "tokio/src/lib.rs"));
        // A leading `test` is no name (jj's `test_bisect_command.rs`).
        assert!(
            nearness(
                "cli/tests/test_bisect.rs",
                "cli/tests/test_bisect_command.rs"
            ) > nearness("cli/tests/test_bisect.rs", "cli/tests/test_log_command.rs")
        );
        // Alike only in one folder.
        assert_eq!(
            nearness("a/process_x.rs", "a/b/process_y.rs"),
            nearness("a/process_x.rs", "a/b/sync_y.rs")
        );
    }

    #[test]
    fn an_area_names_a_file_not_a_folder() {
        assert!(names_file(
            "cli_util",
            &paths(&["cli/src/cli_util.rs", "CHANGELOG.md"])
        ));
        assert!(names_file("Dag_Walk", &paths(&["lib/src/dag_walk.rs"])));
        // The folder's name, though a file is named the same.
        assert!(!names_file(
            "printer",
            &paths(&["crates/printer/src/printer.rs"])
        ));
        assert!(!names_file("cli", &paths(&["cli/src/cli_util.rs"])));
        // A file whose name says nothing of it.
        assert!(!names_file("mod", &paths(&["src/fs/mod.rs"])));
    }

    #[test]
    fn a_file_without_a_telling_name_gives_no_area() {
        assert_eq!(stem_area("cli/src/cli_util.rs"), Some("cli_util"));
        assert_eq!(stem_area("src/Button.test.tsx"), Some("Button"));
        assert_eq!(stem_area("src/fs/mod.rs"), None);
        assert_eq!(stem_area("README.md"), None);
        assert_eq!(stem_area("crates/x/Cargo.toml"), None);
        assert_eq!(stem_area(".github"), None);
    }
}
