//! Prints the offline engine's feature vectors for training `scripts/offline-train.py`.
//!
//! Reads length-framed diffs on stdin (`<byte count>\n<diff bytes>`, repeated) and writes one
//! line per diff: comma-separated features, a tab, the ten candidate flags as `0`/`1`, a tab,
//! and the subject the engine writes. With `--names` it prints the feature names instead;
//! with `--body` each line ends with a tab and the body, its newlines written as `\n`.
//!
//! With `--votes`, run inside a repository, it reads one line per change instead (the changed
//! paths, tab-separated), and prints the history's type votes near them as the engine sees
//! them at HEAD: ten comma-separated numbers in `TYPES` order, a tab, and the house's count of
//! each type among its newest subjects (for weighing the history against the model).

use git_herald::filter::{Attributes, FileEntry, Filter, FilterOptions};
use git_herald::message::Style;
use git_herald::offline;
use std::io::{self, BufRead, Read, Write};

fn main() -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if std::env::args().any(|a| a == "--names") {
        writeln!(out, "{}", offline::feature_names().join(","))?;
        return Ok(());
    }
    if std::env::args().any(|a| a == "--votes") {
        return votes(&mut out);
    }
    let with_body = std::env::args().any(|a| a == "--body");
    let filter = Filter::new(&FilterOptions::default()).expect("the default filter compiles");
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut header = String::new();
    loop {
        header.clear();
        if input.read_line(&mut header)? == 0 {
            break;
        }
        let len: usize = header.trim().parse().map_err(io::Error::other)?;
        let mut diff = vec![0; len];
        input.read_exact(&mut diff)?;
        let entries: Vec<FileEntry> = git_herald::diff::parse(&diff)
            .into_iter()
            .map(|change| {
                let decision = filter.decide(&change, Attributes::default());
                FileEntry { change, decision }
            })
            .collect();
        let features: Vec<String> = offline::features(&entries)
            .iter()
            .map(|v| format!("{v:.5}"))
            .collect();
        let mask: String = offline::candidate_types(&entries)
            .iter()
            .map(|&b| if b { '1' } else { '0' })
            .collect();
        let message = offline::write(&entries, &Style::default());
        write!(out, "{}\t{mask}\t{}", features.join(","), message.subject)?;
        if with_body {
            write!(out, "\t{}", message.body.replace('\n', "\\n"))?;
        }
        writeln!(out)?;
    }
    out.flush()
}

/// Prints the history's type votes for each line of tab-separated paths on stdin.
fn votes(out: &mut impl Write) -> io::Result<()> {
    let repo = git_herald::git::Repo::discover().map_err(io::Error::other)?;
    let history = git_herald::history::History::open(&repo, git_herald::history::Budget::Unlimited);
    for line in io::stdin().lock().lines() {
        let line = line?;
        let paths: Vec<&str> = line.split('\t').filter(|p| !p.is_empty()).collect();
        // Type votes do not depend on the focus file.
        let advice = history.advise(&paths, None);
        let row: Vec<String> = offline::TYPES
            .iter()
            .map(|t| {
                let vote = advice
                    .types
                    .iter()
                    .find(|(k, _)| k == t)
                    .map_or(0.0, |(_, v)| *v);
                format!("{vote:.5}")
            })
            .collect();
        // Then the house's own counts of each type among its newest subjects.
        let house: Vec<String> = offline::TYPES
            .iter()
            .map(|t| {
                let n = advice
                    .house
                    .as_ref()
                    .and_then(|h| h.types.iter().find(|(k, _)| k == t));
                n.map_or(0, |(_, n)| *n).to_string()
            })
            .collect();
        writeln!(out, "{}\t{}", row.join(","), house.join(","))?;
    }
    out.flush()
}
