//! The house style: the form most of the recent subjects take, and its habits.

use super::Past;
use super::subject::Form;

/// How many of the newest subjects the house style is read from.
pub const SAMPLE: usize = 600;

/// Fewer subjects than this say too little: the default (Conventional Commits) holds.
pub const MIN_EVIDENCE: usize = 20;

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
    /// Plain sentences (or, in an `area:` house, summaries) mostly start with a capital.
    pub capitalised: bool,
    /// Subjects that start with a gitmoji, or with a ticket id.
    pub gitmoji: usize,
    pub ticket: usize,
    /// The types and the scopes or areas used, most used first.
    pub types: Vec<(String, usize)>,
    pub prefixes: Vec<(String, usize)>,
}

impl House {
    /// How many subjects took the house's form. A Conventional Commits type without a scope
    /// (`docs: …`) reads as an area in a house that does not use Conventional Commits.
    pub fn matching(&self) -> usize {
        match self.form {
            Form::Conventional => self.scoped + self.bare,
            Form::Area => self.area + self.bare,
            Form::Plain => self.plain,
        }
    }

    /// The share of subjects in each form, as the prior for a change's own form.
    pub fn shares(&self) -> [(Form, f32); 3] {
        let n = self.total.max(1) as f32;
        if self.form == Form::Conventional {
            [
                (Form::Conventional, (self.scoped + self.bare) as f32 / n),
                (Form::Area, self.area as f32 / n),
                (Form::Plain, self.plain as f32 / n),
            ]
        } else {
            [
                (Form::Conventional, self.scoped as f32 / n),
                (Form::Area, (self.area + self.bare) as f32 / n),
                (Form::Plain, self.plain as f32 / n),
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
        }
        if self.gitmoji * 2 >= self.total {
            text.push_str(&format!(", gitmoji {}%", share(self.gitmoji)));
        }
        if self.ticket * 2 >= self.total {
            text.push_str(&format!(", ticket ids {}%", share(self.ticket)));
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
        capitalised: false,
        gitmoji: 0,
        ticket: 0,
        types: Vec::new(),
        prefixes: Vec::new(),
    };
    let mut upper = [0usize; 2];
    let mut types = std::collections::HashMap::<String, usize>::new();
    let mut prefixes = std::collections::HashMap::<String, usize>::new();
    for past in sample {
        let s = &past.subject;
        house.gitmoji += usize::from(s.gitmoji);
        house.ticket += usize::from(s.ticket);
        match s.form {
            Form::Conventional if s.prefix.is_some() => house.scoped += 1,
            Form::Conventional => house.bare += 1,
            Form::Area => house.area += 1,
            Form::Plain => house.plain += 1,
        }
        if let Some(kind) = s.kind {
            *types.entry(kind.to_owned()).or_default() += 1;
        }
        if let Some(prefix) = &s.prefix {
            *prefixes.entry(prefix.clone()).or_default() += 1;
        }
        if s.form != Form::Conventional {
            upper[usize::from(s.capitalised)] += 1;
        }
    }
    // A type without a scope fits an `area:` house as well as a Conventional one: it goes to
    // the house whose other subjects outnumber the rest.
    let conventional = house.scoped + house.bare;
    let mostly_scoped = house.scoped >= house.area + house.bare && house.scoped >= house.plain;
    house.form = if conventional * 2 >= house.total || mostly_scoped {
        Form::Conventional
    } else if house.area + house.bare >= house.plain {
        Form::Area
    } else {
        Form::Plain
    };
    house.capitalised = upper[1] > upper[0];
    house.types = sorted(types);
    house.prefixes = sorted(prefixes);
    Some(house)
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
}
