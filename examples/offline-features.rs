//! Prints the offline engine's feature vectors for training `scripts/offline-train.py`.
//!
//! Reads length-framed diffs on stdin (`<byte count>\n<diff bytes>`, repeated) and writes one
//! line per diff: comma-separated features, a tab, the ten candidate flags as `0`/`1`, a tab,
//! and the subject the engine writes. With `--names` it prints the feature names instead;
//! with `--body` each line ends with a tab and the body, its newlines written as `\n`.

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
