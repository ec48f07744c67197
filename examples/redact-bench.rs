//! Benchmark of secret redaction: median throughput on a generated 50 MB mostly-benign diff
//! (as one text, as `git herald redact` reads it, and as parsed files, as the pipeline does),
//! and median latency on a one-line change (warm, and with a redactor built for it).
//!
//! Run: `cargo run --release --example redact-bench` (add `-- --mb 200` for another size).
//! The diff is generated from a fixed seed, so runs are comparable; one thread throughout.
//! `REDACT_BENCH_DUMP=FILE` also writes the generated diff there, to inspect the findings with
//! `git herald redact FILE`.

use git_herald::diff::{self, FileChange, Hunk, Status};
use git_herald::filter::{Decision, FileEntry, Reason, Treatment};
use git_herald::redact::{RedactOptions, Redactor};
use std::io::Write as _;
use std::time::{Duration, Instant};

/// xorshift64*: a fixed-seed generator, enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chars(&mut self, alphabet: &[u8], n: usize) -> String {
        (0..n)
            .map(|_| char::from(alphabet[self.below(alphabet.len())]))
            .collect()
    }
}

const WORDS: &[&str] = &[
    "user", "order", "item", "cache", "value", "count", "total", "index", "buffer", "config",
    "request", "response", "handler", "stream", "parser", "token", "node", "tree", "state",
    "event", "queue", "worker", "result", "error", "path", "file", "line", "offset", "price",
    "session", "client", "server", "report", "entry", "record", "batch", "page", "limit",
];
const HEX: &[u8] = b"0123456789abcdef";
const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

fn benign_line(r: &mut Rng) -> String {
    let a = r.pick(WORDS);
    let b = r.pick(WORDS);
    let c = r.pick(WORDS);
    let n = r.below(10_000);
    match r.below(24) {
        0 => format!("    let {a}_{b} = {c}.get_{a}({b}, {n});"),
        1 => format!(
            "    if {a}.len() > {n} {{ return Err(Error::Too{}); }}",
            capital(b)
        ),
        2 => format!("def {a}_{b}(self, {c}, limit={n}):"),
        3 => format!("        return self.{a}[{b}]"),
        4 => format!("const {a} = require('./{b}/{c}');"),
        5 => format!("  \"{a}_{b}\": \"the {c} of the {a}\","),
        6 => format!("  {a}: {b}-{c}"),
        7 => format!("// Keeps the {a} in step with the {b} until the {c} is done."),
        8 => format!("# TODO: check the {a} before the {b} ({n})"),
        9 => format!("import {{ {} }} from './{b}';", capital(a)),
        10 => format!("    {a} = self.next_{b}()"),
        11 => format!("    let key = format!(\"{{}}:{{}}\", {a}, {b});"),
        12 => format!("  sha: {}", r.chars(HEX, 40)),
        13 => format!("  \"integrity\": \"sha512-{}==\",", r.chars(B64, 86)),
        14 => {
            let h = r.chars(HEX, 32);
            format!(
                "    \"id\": \"{}-{}-{}-{}-{}\",",
                &h[..8],
                &h[8..12],
                &h[12..16],
                &h[16..20],
                &h[20..]
            )
        }
        15 => format!("  url: https://{a}.example.com/{b}/{c}?page={n}"),
        16 => format!("/// Returns the {a} of the {b}, or an error when the {c} is missing."),
        17 => format!("// Grüße — {a} の {b} を更新する ({c})"),
        18 => format!("    assert_eq!({a}_{b}({n}), {});", n * 3),
        19 => String::new(),
        20 => "    }".to_owned(),
        21 => format!("    password_hash = hash_password({a}.password)"),
        22 => format!("        self.{a}_{b} = {c}_{a}.clone();"),
        _ => format!("    {a}.push({b}.{c}() + {n});"),
    }
}

fn capital(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// A secret to plant: a provider token or an assignment.
fn secret_line(r: &mut Rng) -> String {
    match r.below(5) {
        0 => format!("GITHUB_TOKEN=ghp_{}", r.chars(ALNUM, 36)),
        1 => format!(
            "    aws_access_key_id = \"AKIA{}\"",
            r.chars(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
        ),
        2 => format!("  password: \"Tr0ub4dor-{}!\"", r.chars(ALNUM, 8)),
        3 => format!(
            "DATABASE_URL=postgres://app:{}@db:5432/app",
            r.chars(ALNUM, 16)
        ),
        _ => format!("stripe.api_key = \"sk_live_{}\"", r.chars(ALNUM, 32)),
    }
}

/// Generates a unified diff of about `bytes` bytes; returns it and the secrets planted.
fn generate(bytes: usize) -> (Vec<u8>, usize) {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = String::with_capacity(bytes + 4096);
    let mut planted = 0;
    let exts = ["rs", "py", "ts", "yml", "json", "md", "go", "java"];
    while out.len() < bytes {
        let path = format!(
            "src/{}/{}_{}.{}",
            r.pick(WORDS),
            r.pick(WORDS),
            r.below(1000),
            r.pick(&exts)
        );
        out.push_str(&format!(
            "diff --git a/{path} b/{path}\nindex {}..{} 100644\n--- a/{path}\n+++ b/{path}\n",
            r.chars(HEX, 7),
            r.chars(HEX, 7)
        ));
        for _ in 0..1 + r.below(4) {
            let lines = 10 + r.below(120);
            let start = 1 + r.below(2000);
            let mut body = String::new();
            let (mut old, mut new) = (0, 0);
            for _ in 0..lines {
                let line = if r.below(2500) == 0 {
                    planted += 1;
                    secret_line(&mut r)
                } else {
                    benign_line(&mut r)
                };
                let prefix = match r.below(10) {
                    0..=5 => {
                        new += 1;
                        '+'
                    }
                    6 | 7 => {
                        old += 1;
                        '-'
                    }
                    _ => {
                        old += 1;
                        new += 1;
                        ' '
                    }
                };
                body.push(prefix);
                body.push_str(&line);
                body.push('\n');
            }
            out.push_str(&format!(
                "@@ -{start},{old} +{start},{new} @@ fn {}()\n{body}",
                r.pick(WORDS)
            ));
        }
    }
    (out.into_bytes(), planted)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn mb_per_s(bytes: usize, t: Duration) -> f64 {
    bytes as f64 / 1e6 / t.as_secs_f64()
}

fn one_line_entry() -> Vec<FileEntry> {
    let mut change = FileChange::new("src/cart.rs", Status::Modified);
    change.hunks.push(Hunk {
        old_start: 41,
        old_lines: 1,
        new_start: 41,
        new_lines: 1,
        section: "fn total()".into(),
        body: "-    let total = items.iter().map(|i| i.price).sum();\n+    let total: u64 = items.iter().map(|i| i.price).sum();\n".into(),
        above: Default::default(),
        fenced: None,
        below: Default::default(),
        within: Default::default(),
    });
    change.recount();
    vec![FileEntry {
        change,
        decision: Decision {
            treatment: Treatment::Text,
            reason: Reason::Default,
        },
    }]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mb = args
        .iter()
        .position(|a| a == "--mb")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(50);
    let mut out = std::io::stdout().lock();
    let opts = RedactOptions::default();

    let (text, planted) = generate(mb * 1_000_000);
    if let Ok(path) = std::env::var("REDACT_BENCH_DUMP") {
        let _ = std::fs::write(path, &text);
    }
    let lines = text.iter().filter(|&&b| b == b'\n').count();
    let _ = writeln!(
        out,
        "redact benchmark: {:.1} MB diff, {lines} lines, {planted} secrets planted, {} rules",
        text.len() as f64 / 1e6,
        Redactor::new(&opts).map_or(0, |r| r.rule_ids().count())
    );

    let builds: Vec<Duration> = (0..20)
        .map(|_| {
            let t = Instant::now();
            let r = Redactor::new(&opts).expect("the built-in rules build");
            std::hint::black_box(&r);
            t.elapsed()
        })
        .collect();
    let _ = writeln!(
        out,
        "  build a redactor            median {:>9.3} ms",
        median(builds).as_secs_f64() * 1e3
    );

    let redactor = Redactor::new(&opts).expect("the built-in rules build");
    let mut found = 0;
    let runs: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let red = redactor.redact_bytes(&text, "bench.diff");
            let e = t.elapsed();
            found = red.findings().len();
            e
        })
        .collect();
    let t = median(runs);
    let _ = writeln!(
        out,
        "  {mb} MB diff as one text       median {:>9.3} s   {:>7.1} MB/s   ({found} findings)",
        t.as_secs_f64(),
        mb_per_s(text.len(), t)
    );

    let entries: Vec<FileEntry> = diff::parse(&text)
        .into_iter()
        .map(|change| FileEntry {
            change,
            decision: Decision {
                treatment: Treatment::Text,
                reason: Reason::Default,
            },
        })
        .collect();
    let runs: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let red = redactor.redact_diff(&entries);
            let e = t.elapsed();
            found = red.findings().len();
            e
        })
        .collect();
    let t = median(runs);
    let _ = writeln!(
        out,
        "  {mb} MB diff as {} files  median {:>9.3} s   {:>7.1} MB/s   ({found} findings)",
        entries.len(),
        t.as_secs_f64(),
        mb_per_s(text.len(), t)
    );

    let one = one_line_entry();
    let _ = redactor.redact_diff(&one);
    let warm: Vec<Duration> = (0..2000)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(redactor.redact_diff(&one));
            t.elapsed()
        })
        .collect();
    let _ = writeln!(
        out,
        "  one-line change, warm       median {:>9.3} µs",
        median(warm).as_secs_f64() * 1e6
    );
    let cold: Vec<Duration> = (0..50)
        .map(|_| {
            let t = Instant::now();
            let r = Redactor::new(&opts).expect("the built-in rules build");
            std::hint::black_box(r.redact_diff(&one));
            t.elapsed()
        })
        .collect();
    let _ = writeln!(
        out,
        "  one-line change, new redactor median {:>7.3} ms",
        median(cold).as_secs_f64() * 1e3
    );
    let secret = "+GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n";
    let mut with_secret = one_line_entry();
    with_secret[0].change.hunks[0].body = secret.into();
    let cold: Vec<Duration> = (0..50)
        .map(|_| {
            let t = Instant::now();
            let r = Redactor::new(&opts).expect("the built-in rules build");
            std::hint::black_box(r.redact_diff(&with_secret));
            t.elapsed()
        })
        .collect();
    let _ = writeln!(
        out,
        "  one-line secret, new redactor median {:>7.3} ms (compiles the rules it needs)",
        median(cold).as_secs_f64() * 1e3
    );
}
