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

/// How many similar past commits are kept as examples.
pub const EXAMPLES: usize = 6;

/// The house style's weight, in commits, against the votes of the commits near the paths.
const PRIOR: f32 = 3.0;

/// What the history says about a change to some paths.
#[derive(Debug, Clone, Default)]
pub struct Advice {
    /// The house style; `None` with too little history.
    pub house: Option<House>,
    /// The form this change should take: the house's, unless the commits near these paths
    /// write another.
    pub form: Option<Form>,
    /// Sentences (or summaries after an area) start with a capital letter.
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
}

/// How near a past path is to a staged one: `usize::MAX` for the same file, else how many
/// leading folders they share (compared byte by byte: the hook runs this over every path of
/// the window).
fn nearness(staged: &str, past: &str) -> usize {
    if staged == past {
        return usize::MAX;
    }
    let (a, b) = (staged.as_bytes(), past.as_bytes());
    let mut shared = 0;
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        if x != y {
            break;
        }
        if *x == b'/' && i > 0 {
            shared += 1;
        }
    }
    shared
}

pub(super) fn advise(history: &History, paths: &[&str]) -> Advice {
    let house = history.house();
    let commits = &history.commits;
    let staged: Vec<&str> = paths.iter().copied().take(MAX_PATHS).collect();
    // Each commit's weight: its recency, shared between the files it touched (a sweeping
    // change says little about any one of them), summed over the staged paths it is nearest.
    let mut weight = vec![0f32; commits.len()];
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
        for i in near {
            let recency = 0.5f32.powf(i as f32 / HALF_LIFE);
            weight[i] += recency / (commits[i].paths.len() as f32).sqrt() / staged.len() as f32;
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
            .map(|&(f, share)| (f, share * PRIOR + local(f) * evidence * 2.0))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        ranked
    });

    // Votes for the prefix among the near commits of each form.
    let votes_in = |want: Form| {
        let mut votes: HashMap<Option<String>, f32> = HashMap::new();
        for (i, past) in commits.iter().enumerate() {
            if weight[i] > 0.0 && form_of(&past.subject) == want {
                *votes.entry(prefix_of(&past.subject)).or_default() += weight[i];
            }
        }
        votes
    };
    // A Conventional Commits house writes Conventional Commits everywhere: the odd `area:` or
    // plain subject near some paths is a slip, not a habit to copy.
    let mut chosen = if conventional_house && house.is_some() {
        Some(Form::Conventional)
    } else {
        form.as_ref().map(|ranked| ranked[0].0)
    };
    let mut prefix = None;
    if let Some(f) = chosen {
        let votes = votes_in(f);
        prefix = best(&votes);
        // An `area:` house with no area near these paths: the next form instead.
        if f == Form::Area && !matches!(prefix, Some(Some(_))) {
            let next = form.as_ref().map(|ranked| ranked[1].0);
            chosen = next;
            prefix = next.and_then(|f| best(&votes_in(f)));
        }
    } else if total > 0.0 {
        // No house to speak of: the Conventional Commits near the paths still name scopes.
        prefix = best(&votes_in(Form::Conventional));
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
        if let Some(p) = prefix_of(&past.subject) {
            *prefixes.entry(p).or_default() += weight[i];
        }
        if let Some(kind) = past.subject.kind {
            *types.entry(kind).or_default() += weight[i];
        }
    }

    let capitalised = match (chosen, &house) {
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
    }
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
