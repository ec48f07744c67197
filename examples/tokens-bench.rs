//! Benchmark of token counting: how long each encoder takes to build in a fresh process, and
//! how fast it counts, one thread and on every core (`Counter::count_all`, as large changes
//! are counted); beside each, tiktoken-rs's own encoder (`o200k_base_singleton()` and
//! `encode_ordinary`), which git-herald used before and its tests still compare with.
//!
//! Run: `cargo run --release --example tokens-bench` (`-- --mb 10` for another size). Each
//! build is timed in a child process of its own (the encoders are process-wide singletons);
//! the text is this crate's own sources repeated up to the size, so runs are comparable.

use git_herald::tokens::Counter;
use std::io::Write as _;
use std::time::{Duration, Instant};

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn text(mb: usize) -> String {
    let mut sources = String::new();
    for dir in ["src", "src/llm", "src/redact", "src/offline", "tests/cli"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if path.extension().is_some_and(|e| e == "rs") {
                sources.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    assert!(
        !sources.is_empty(),
        "run it from the repository's top folder"
    );
    let mut out = String::with_capacity(mb << 20);
    while out.len() < mb << 20 {
        out.push_str(&sources);
    }
    let mut end = mb << 20;
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out.truncate(end);
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // Child mode: build one encoder and print how long it took.
    if let Some(model) = args
        .iter()
        .position(|a| a == "--build")
        .map(|i| &args[i + 1])
    {
        let start = Instant::now();
        match model.as_str() {
            "tiktoken-rs:o200k_base" => drop(tiktoken_rs::o200k_base_singleton()),
            "tiktoken-rs:cl100k_base" => drop(tiktoken_rs::cl100k_base_singleton()),
            model => drop(Counter::new(model, 0.0).count("x")),
        }
        let _ = writeln!(std::io::stdout(), "{}", start.elapsed().as_micros());
        return;
    }
    let mb = args
        .iter()
        .position(|a| a == "--mb")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(5);
    let exe = std::env::current_exe().expect("own path");
    for (model, encoding) in [
        ("gpt-4o", "o200k_base"),
        ("tiktoken-rs:o200k_base", "o200k_base (tiktoken-rs)"),
        ("gpt-4", "cl100k_base"),
        ("tiktoken-rs:cl100k_base", "cl100k_base (tiktoken-rs)"),
    ] {
        let runs: Vec<Duration> = (0..5)
            .map(|_| {
                let out = std::process::Command::new(&exe)
                    .args(["--build", model])
                    .output()
                    .expect("run a child");
                let us: u64 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
                Duration::from_micros(us)
            })
            .collect();
        let _ = writeln!(
            std::io::stdout(),
            "build {encoding:<26} median {:>6.1} ms (5 fresh processes)",
            median(runs).as_secs_f64() * 1e3
        );
    }
    let text = text(mb);
    let counter = Counter::new("gpt-4o", 0.0);
    counter.count("warm up");
    let reference = tiktoken_rs::o200k_base_singleton();
    let pieces: Vec<&str> = text.split_inclusive("\n}\n").collect();
    // Rounds interleave the three, so a machine busy with other work slows each alike.
    let (mut one, mut all, mut old) = (Vec::new(), Vec::new(), Vec::new());
    let mut tokens = 0;
    for _ in 0..5 {
        let start = Instant::now();
        tokens = counter.count(&text);
        one.push(start.elapsed());
        let start = Instant::now();
        let counts = counter.count_all(&pieces);
        all.push(start.elapsed());
        assert!(counts.iter().sum::<usize>() > 0);
        let start = Instant::now();
        let n = reference.encode_ordinary(&text).len();
        old.push(start.elapsed());
        assert_eq!(n, tokens, "the same count as tiktoken-rs");
    }
    let rate = |d: Duration| (text.len() as f64 / (1 << 20) as f64) / d.as_secs_f64();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let _ = writeln!(
        std::io::stdout(),
        "count o200k_base on {mb} MB ({tokens} tokens): one thread {:.1} MB/s; \
         count_all on {threads} cores {:.1} MB/s; tiktoken-rs encode_ordinary one thread \
         {:.1} MB/s (medians of 5, interleaved)",
        rate(median(one)),
        rate(median(all)),
        rate(median(old))
    );
}
