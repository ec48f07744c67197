//! The house style: the form most of the recent subjects take, and its habits.

use super::Past;
use super::subject::Form;
use crate::code_names::Ticks;

/// How many of the newest subjects the house style is read from.
pub const SAMPLE: usize = 600;

/// Fewer subjects than this say too little: the default (Conventional Commits) holds.
pub const MIN_EVIDENCE: usize = 20;

/// How many subjects back a subject's say in the house's form halves. Houses move (to
/// Conventional Commits, most often) and the newest subjects show where they went: on the
/// dev set, 27 commits written in Conventional Commits after such a move had been given plain
/// sentences (goreleaser: 98% of its newest 100 subjects, 19% of its last 600). 50 against
/// 100 and 200 (and none): staged type accuracy 0.652 against 0.645, 0.642 (0.634); house
/// kind on `style_eval.py` 0.817 against 0.821, 0.808 (0.821).
pub const HALF_LIFE: f32 = 50.0;

/// How many of the newest subjects the description quotes beside the whole sample.
const NEWEST: usize = 100;

/// The house style, and the evidence for it.
#[derive(Debug, Clone, PartialEq)]
pub struct House {
    pub form: Form,
    /// Subjects read.
    pub total: usize,
    /// Conventional Commits headers with a scope, without one, `area:` subjects and plain
    /// sentences among them.
    pub scoped: usize,
    pub bare: usize,
    pub area: usize,
    pub plain: usize,
    /// The same four counts with each subject's say halving every [`HALF_LIFE`] subjects
    /// back, as shares: what decides the form.
    pub recent: [f32; 4],
    /// The four counts among the newest [`NEWEST`] subjects.
    pub newest: [usize; 4],
    /// Plain sentences (or, in an `area:` house, summaries) mostly start with a capital.
    pub capitalised: bool,
    /// Conventional Commits summaries mostly start with a capital (clap's `fix(help):
    /// Replace …`, 98% of its headers), against the form's own lower-case habit.
    pub summaries_capitalised: bool,
    /// Subjects that start with a gitmoji, or with a ticket id.
    pub gitmoji: usize,
    pub ticket: usize,
    /// The types and the scopes or areas used, most used first.
    pub types: Vec<(String, usize)>,
    pub prefixes: Vec<(String, usize)>,
    /// The shapes of names from code the house writes in backticks.
    pub ticks: Ticks,
}

impl House {
    /// How many subjects took the house's form. A Conventional Commits type without a scope
    /// (`docs: …`) reads as an area in a house that does not use Conventional Commits.
    pub fn matching(&self) -> usize {
        taking(self.form, [self.scoped, self.bare, self.area, self.plain])
    }

    /// The share of subjects in each form, as the prior for a change's own form. Each of
    /// the last [`SAMPLE`] counts the same here: only the house's form follows its newest
    /// subjects, the prior for a mixed house reads best from them all.
    pub fn shares(&self) -> [(Form, f32); 3] {
        let n = self.total.max(1) as f32;
        let [scoped, bare, area, plain] =
            [self.scoped, self.bare, self.area, self.plain].map(|c| c as f32 / n);
        if self.form == Form::Conventional {
            [
                (Form::Conventional, scoped + bare),
                (Form::Area, area),
                (Form::Plain, plain),
            ]
        } else {
            [
                (Form::Conventional, scoped),
                (Form::Area, area + bare),
                (Form::Plain, plain),
            ]
        }
    }

    /// Says what the house style is and why: `\`area: summary\` (54% of the last 600
    /// subjects)`.
    pub fn describe(&self) -> String {
        let share = |n: usize| (n * 100 + self.total / 2) / self.total.max(1);
        let mut text = format!(
            "{} ({}% of the last {} subjects",
            self.form.describe(),
            share(self.matching()),
            self.total
        );
        // The newest subjects weigh most: say so when they, not the whole count, decided.
        let newest = self.newest.iter().sum::<usize>();
        if newest < self.total {
            let taking = taking(self.form, self.newest);
            text.push_str(&format!(
                ", {}% of the newest {newest}",
                (taking * 100 + newest / 2) / newest.max(1)
            ));
        } else if self.matching() * 2 < self.total {
            text.push_str(", most of the newest");
        }
        if self.form != Form::Conventional && self.scoped + self.bare > 0 {
            text.push_str(&format!(
                "; Conventional Commits {}%",
                share(
                    self.scoped
                        + if self.form == Form::Area {
                            0
                        } else {
                            self.bare
                        }
                )
            ));
        }
        text.push(')');
        if self.form != Form::Conventional {
            text.push_str(if self.capitalised {
                ", capitalised"
            } else {
                ", lower case"
            });
        } else if self.summaries_capitalised {
            text.push_str(", summaries capitalised");
        }
        if self.gitmoji * 2 >= self.total {
            text.push_str(&format!(", gitmoji {}%", share(self.gitmoji)));
        }
        if self.ticket * 2 >= self.total {
            text.push_str(&format!(", ticket ids {}%", share(self.ticket)));
        }
        // Most houses tick `a::b` and `f()`; only ticked bare names are a habit of note.
        if self.ticks.snake || self.ticks.camel {
            text.push_str(", names from code in backticks");
        }
        if self.ticks.calls {
            text.push_str(", functions written as calls (`f()`)");
        }
        text
    }
}

/// Reads the house style from the newest subjects; `None` with too few of them.
pub fn detect(commits: &[Past]) -> Option<House> {
    let sample = &commits[..commits.len().min(SAMPLE)];
    if sample.len() < MIN_EVIDENCE {
        return None;
    }
    let mut house = House {
        form: Form::Conventional,
        total: sample.len(),
        scoped: 0,
        bare: 0,
        area: 0,
        plain: 0,
        recent: [0.0; 4],
        newest: [0; 4],
        capitalised: false,
        summaries_capitalised: false,
        gitmoji: 0,
        ticket: 0,
        types: Vec::new(),
        prefixes: Vec::new(),
        ticks: crate::code_names::learn(sample.iter().map(|p| p.line.as_str())),
    };
    // Per form, in the order `[scoped, bare, area, plain]`: all subjects, the newest, and
    // each with its say.
    let mut counts = [0usize; 4];
    let mut newest = [0usize; 4];
    let mut recent = [0f32; 4];
    let mut upper = [0f32; 2];
    let mut summaries = [0f32; 2];
    let mut types = std::collections::HashMap::<String, usize>::new();
    let mut prefixes = std::collections::HashMap::<String, usize>::new();
    for (i, past) in sample.iter().enumerate() {
        let s = &past.subject;
        let say = 0.5f32.powf(i as f32 / HALF_LIFE);
        house.gitmoji += usize::from(s.gitmoji);
        house.ticket += usize::from(s.ticket);
        let slot = match s.form {
            Form::Conventional if s.prefix.is_some() => 0,
            Form::Conventional => 1,
            Form::Area => 2,
            Form::Plain => 3,
        };
        recent[slot] += say;
        counts[slot] += 1;
        if i < NEWEST {
            newest[slot] += 1;
        }
        if let Some(kind) = s.kind {
            *types.entry(kind.to_owned()).or_default() += 1;
        }
        if let Some(prefix) = &s.prefix {
            *prefixes.entry(prefix.clone()).or_default() += 1;
        }
        if s.form != Form::Conventional {
            upper[usize::from(s.capitalised)] += say;
        } else {
            summaries[usize::from(s.capitalised)] += say;
        }
    }
    [house.scoped, house.bare, house.area, house.plain] = counts;
    let sum: f32 = recent.iter().sum();
    house.recent = recent.map(|r| r / sum);
    house.newest = newest;
    // A type without a scope fits an `area:` house as well as a Conventional one: it goes to
    // the house whose other subjects outnumber the rest. The newest subjects count most.
    let [scoped, bare, area, plain] = house.recent;
    let mostly_scoped = scoped >= area + bare && scoped >= plain;
    house.form = if (scoped + bare) * 2.0 >= 1.0 || mostly_scoped {
        Form::Conventional
    } else if area + bare >= plain {
        Form::Area
    } else {
        Form::Plain
    };
    house.capitalised = upper[1] > upper[0];
    // A Conventional summary is lower case by the form's habit: a house overrides it only
    // by a clear majority (axum's 53% of capitals is a mix, not a habit).
    house.summaries_capitalised = summaries[1] > 2.0 * summaries[0];
    house.types = sorted(types);
    house.prefixes = sorted(prefixes);
    Some(house)
}

/// How many of the subjects counted as `[scoped, bare, area, plain]` take `form`: a type
/// without a scope (`docs: …`) takes either prefixed form.
fn taking<T: std::ops::Add<Output = T> + Copy>(
    form: Form,
    [scoped, bare, area, plain]: [T; 4],
) -> T {
    match form {
        Form::Conventional => scoped + bare,
        Form::Area => area + bare,
        Form::Plain => plain,
    }
}

fn sorted(counts: std::collections::HashMap<String, usize>) -> Vec<(String, usize)> {
    let mut out: Vec<_> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commits(lines: &[&str], times: usize) -> Vec<Past> {
        lines
            .iter()
            .cycle()
            .take(lines.len() * times)
            .map(|l| Past {
                id: String::new(),
                time: 0,
                line: (*l).to_owned(),
                subject: super::super::subject::parse(l),
                paths: Vec::new(),
                author: "-".to_owned(),
            })
            .collect()
    }

    #[test]
    fn the_form_most_subjects_take_is_the_house() {
        let plain = commits(&["Fix overflow", "Add a menu entry"], 15);
        let house = detect(&plain).unwrap();
        assert_eq!((house.form, house.capitalised), (Form::Plain, true));
        assert!(
            house
                .describe()
                .starts_with("plain sentences (100% of the last 30")
        );

        let area = commits(&["mux: fix x", "docs: add y", "Fix z", "term: handle w"], 6);
        let house = detect(&area).unwrap();
        assert_eq!((house.form, house.capitalised), (Form::Area, false));
        assert_eq!(house.matching(), 18);

        let cc = commits(&["fix(http1): x", "docs(lib): y", "Update z"], 10);
        assert_eq!(detect(&cc).unwrap().form, Form::Conventional);
        assert_eq!(detect(&cc[..5]), None);
    }

    #[test]
    fn conventional_summaries_are_capitalised_only_by_a_clear_majority() {
        let clap = commits(&["fix(help): Replace x", "docs: Update changelog"], 15);
        let house = detect(&clap).unwrap();
        assert!(house.summaries_capitalised);
        assert!(house.describe().ends_with(", summaries capitalised"));
        // Half and half (axum) is a mix, and lower case is the form's own habit.
        let mixed = commits(&["fix(help): Replace x", "docs: update changelog"], 15);
        assert!(!detect(&mixed).unwrap().summaries_capitalised);
        let lower = commits(&["fix(help): replace x", "Update z"], 15);
        assert!(!detect(&lower).unwrap().summaries_capitalised);
    }

    #[test]
    fn a_house_that_ticks_bare_names_says_so() {
        let tokio = commits(
            &[
                "fs: add `File::max_buf_size`",
                "sync: fix `spawn_inner` race",
            ],
            10,
        );
        let house = detect(&tokio).unwrap();
        assert!(house.ticks.path && house.ticks.snake && !house.ticks.camel);
        assert!(house.describe().ends_with(", names from code in backticks"));
        // Paths alone are ticked almost everywhere: no habit of note.
        let ripgrep = commits(
            &[
                "ignore: add `WalkBuilder::empty`",
                "regex: tidy spawn_inner",
            ],
            10,
        );
        let house = detect(&ripgrep).unwrap();
        assert!(house.ticks.path && !house.ticks.snake);
        assert!(!house.describe().contains("backticks"));
    }

    #[test]
    fn a_house_that_moved_follows_its_newest_subjects() {
        // Newest first: 100 Conventional Commits after 500 plain sentences.
        let mut moved = commits(&["fix(cli): x", "feat: y"], 50);
        moved.extend(commits(&["Fix overflow", "add a menu entry"], 250));
        let house = detect(&moved).unwrap();
        assert_eq!(house.form, Form::Conventional);
        assert_eq!(house.matching(), 100);
        assert_eq!(
            house.describe(),
            "Conventional Commits (`type(scope): summary`) (17% of the last 600 subjects, \
             100% of the newest 100)"
        );
        // The prior for a change's own form still reads the whole sample.
        assert_eq!(house.shares()[2].0, Form::Plain);
        assert!((house.shares()[2].1 - 500.0 / 600.0).abs() < 1e-6);

        // The other way round the older habit has moved on just the same.
        let mut back = commits(&["Fix overflow", "add a menu entry"], 50);
        back.extend(commits(&["fix(cli): x", "feat: y"], 250));
        assert_eq!(detect(&back).unwrap().form, Form::Plain);
    }
}
