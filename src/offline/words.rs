//! Turning names and notes into words: a test's name into the behaviour it pins
//! (`wide_value_label_centered_by_display_width` → "center wide value label by display
//! width"), a release note's first sentence into an imperative phrase ("Fixed `x` …" →
//! "fix `x` …"), and verbs into their bare form.

/// Prepositions that may follow a passive participle in a test's name
/// (`label_centered_by_width`).
pub(crate) const PREPOSITIONS: &[&str] = &[
    "by", "with", "without", "for", "on", "in", "when", "after", "before", "to", "from", "at",
    "as", "if", "into", "inside", "under", "across", "per", "via",
];

/// Words that open a test's name without saying anything (`test_`, `it_`, `should_`).
const OPENERS: &[&str] = &["test", "tests", "it", "should", "check", "checks", "verify"];

/// Splits an identifier into lower-case words: `snake_case`, `camelCase`, `kebab-case`.
pub(crate) fn split_ident(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if !c.is_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        word.extend(c.to_lowercase());
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

fn is_consonant(c: u8) -> bool {
    c.is_ascii_alphabetic() && !matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Returns the bare form of a past participle (`centered` → `center`, `saved` → `save`,
/// `stopped` → `stop`, `applied` → `apply`), or `None` when `word` is not one.
pub(crate) fn unpast(word: &str) -> Option<String> {
    let irregular = [
        ("made", "make"),
        ("built", "build"),
        ("written", "write"),
        ("kept", "keep"),
        ("sent", "send"),
        ("shown", "show"),
        ("run", "run"),
        ("set", "set"),
        ("read", "read"),
        ("found", "find"),
        ("left", "leave"),
        ("brought", "bring"),
        ("taken", "take"),
        ("given", "give"),
        ("hidden", "hide"),
        ("split", "split"),
        ("chosen", "choose"),
        ("thrown", "throw"),
    ];
    if let Some((_, bare)) = irregular.iter().find(|(past, _)| *past == word) {
        return Some((*bare).to_owned());
    }
    let stem = word.strip_suffix("ed")?;
    if stem.len() < 2 || word == "need" || word == "seed" || word == "speed" {
        return None;
    }
    if let Some(y) = stem.strip_suffix('i') {
        return Some(format!("{y}y"));
    }
    let b = stem.as_bytes();
    let (last, before) = (b[b.len() - 1], b[b.len() - 2]);
    // `stopped` → `stop`; `passed`, `called`, `buffered` keep their letters.
    if last == before && is_consonant(last) && !matches!(last, b's' | b'l' | b'f' | b'z' | b'd') {
        return Some(stem[..stem.len() - 1].to_owned());
    }
    // The stems that lost an `e`: `saved`, `parsed`, `handled`, `created`, `used`.
    let needs_e = [
        "v", "c", "z", "g", "us", "as", "os", "is", "rs", "ns", "ps", "ls", "bl", "cl", "dl", "fl",
        "gl", "kl", "pl", "tl", "zl", "at", "ut", "it", "ir", "ur", "or", "ar", "ok", "ib", "ud",
        "id", "od", "ad", "uc", "th",
    ];
    let keep = ["ing", "ng", "nd", "rd", "ld", "nt", "ss", "ll"];
    if needs_e.iter().any(|s| stem.ends_with(s))
        && !keep.iter().any(|s| stem.ends_with(s))
        && !matches!(
            stem,
            "edit" | "limit" | "exit" | "visit" | "audit" | "color" | "error" | "treat" | "repeat"
        )
        && !stem.ends_with("ow")
    {
        return Some(format!("{stem}e"));
    }
    Some(stem.to_owned())
}

/// Returns the bare form of a third-person verb (`handles` → `handle`, `matches` → `match`,
/// `applies` → `apply`), or `None` when `word` does not look like one.
pub(crate) fn unthird(word: &str) -> Option<String> {
    let irregular = [
        ("does", "do"),
        ("has", "have"),
        ("is", "be"),
        ("goes", "go"),
    ];
    if let Some((_, bare)) = irregular.iter().find(|(third, _)| *third == word) {
        return Some((*bare).to_owned());
    }
    if word.len() < 4 || word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return None;
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return Some(format!("{stem}y"));
    }
    for tail in ["ches", "shes", "sses", "xes", "zes"] {
        if word.ends_with(tail) {
            return Some(word[..word.len() - 2].to_owned());
        }
    }
    word.strip_suffix('s').map(str::to_owned)
}

/// Verbs a release note or a test often opens with, in their bare form.
const VERBS: &[&str] = &[
    "add",
    "allow",
    "avoid",
    "change",
    "clean",
    "correct",
    "create",
    "deprecate",
    "disable",
    "drop",
    "enable",
    "ensure",
    "expose",
    "extend",
    "fix",
    "handle",
    "implement",
    "improve",
    "introduce",
    "keep",
    "make",
    "mark",
    "move",
    "optimize",
    "prevent",
    "refactor",
    "reduce",
    "remove",
    "rename",
    "replace",
    "report",
    "respect",
    "restore",
    "return",
    "show",
    "simplify",
    "skip",
    "speed",
    "support",
    "update",
    "upgrade",
    "use",
    "accept",
    "apply",
    "bump",
    "emit",
    "export",
    "hide",
    "ignore",
    "infer",
    "pass",
    "preserve",
    "print",
    "raise",
    "read",
    "render",
    "resolve",
    "reuse",
    "run",
    "save",
    "set",
    "sort",
    "stop",
    "throw",
    "trim",
    "validate",
    "warn",
    "write",
    "center",
    "align",
    "parse",
    "load",
    "include",
    "exclude",
    "limit",
    "treat",
    "reject",
    "detect",
    "guard",
    "check",
    "convert",
    "document",
    "generate",
    "migrate",
    "install",
    "reinstall",
    "open",
    "unify",
    "merge",
    "split",
    "release",
    "publish",
    "revert",
    "fail",
    "work",
    "close",
    "wait",
    "retry",
    "send",
    "start",
    "restart",
    "clear",
    "reset",
    "recover",
    "respond",
    "prefer",
    "fall",
    "poll",
];

/// Returns the bare form of `word` when it is a verb in the past or third person that a
/// sentence may open with (`Fixed`, `Adds`), or the word itself when it is already bare.
pub(crate) fn imperative(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    if VERBS.contains(&lower.as_str()) {
        return Some(lower);
    }
    let bare = unpast(&lower).or_else(|| unthird(&lower))?;
    VERBS.contains(&bare.as_str()).then_some(bare)
}

/// A switch named by a type and flipped to its other value, in words: `SkipDevTools::No`
/// → `SkipDevTools::Yes` is `skip dev tools`, `ReinstallDeps::No` is `don't reinstall
/// deps`, `Vsync::Off` is `disable vsync`; `None` unless the two values are opposites.
pub(crate) fn toggle_phrase(qualifier: &str, old: &str, new: &str) -> Option<String> {
    const PAIRS: &[(&str, &str)] = &[
        ("yes", "no"),
        ("true", "false"),
        ("on", "off"),
        ("enabled", "disabled"),
        ("enable", "disable"),
        ("always", "never"),
        ("allow", "deny"),
        ("show", "hide"),
        ("visible", "hidden"),
    ];
    let (old, new) = (old.to_lowercase(), new.to_lowercase());
    let on = PAIRS.iter().find_map(|&(yes, no)| {
        if (old.as_str(), new.as_str()) == (no, yes) {
            Some(true)
        } else if (old.as_str(), new.as_str()) == (yes, no) {
            Some(false)
        } else {
            None
        }
    })?;
    let words = split_ident(qualifier);
    if words.is_empty() || words.len() > 5 || !qualifier.starts_with(char::is_uppercase) {
        return None;
    }
    let said = words.join(" ");
    Some(
        match (imperative(&words[0]).is_some() && words.len() > 1, on) {
            (true, true) => said,
            (true, false) => format!("don't {said}"),
            (false, true) => format!("enable {said}"),
            (false, false) => format!("disable {said}"),
        },
    )
}

/// Returns a test's name as plain words, without `test_`/`it_`/`should_`
/// (`test_missing_route` → `missing route`).
/// Verbs that link a thing to its state (`stays closed`, `is cached`): a participle after
/// one is that state, not what the change did.
const LINKING: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "stays", "stay", "remains", "remain", "gets", "get",
    "becomes", "become", "keeps", "keep",
];

/// Acronyms a test's identifier writes in lower case, given back their capitals.
const ACRONYMS: &[&str] = &[
    "PEP", "EOF", "URL", "URLs", "URI", "HTTP", "HTTPS", "API", "JSON", "TOML", "YAML", "CLI",
    "TLS", "SSL", "SSH", "CSV", "HTML", "CSS", "SQL", "UTF", "ASCII", "PyPI", "OSV", "LSP", "DAP",
    "MSRV", "CI", "IPv4", "IPv6", "TCP", "UDP", "DNS", "OIDC", "JWT", "JWK",
];

/// Participles that name a state a thing is in, never an action done to it.
const STATES: &[&str] = &[
    "undefined",
    "defined",
    "expected",
    "required",
    "needed",
    "allowed",
    "supported",
    "detected",
    "installed",
    "unchanged",
    "unused",
    "used",
    "called",
];

/// Adverbs that may follow a passive and still leave it an action (`is parsed correctly`).
const MANNER: &[&str] = &[
    "correctly",
    "properly",
    "again",
    "instead",
    "once",
    "twice",
    "first",
    "last",
    "only",
    "lazily",
    "eagerly",
    "immediately",
];

fn linked_or_modal(word: &str) -> bool {
    let lower = word.to_lowercase();
    LINKING.contains(&lower.as_str()) || matches!(lower.as_str(), "should" | "must" | "can" | "not")
}

pub(crate) fn test_words(name: &str) -> String {
    let words = if name.contains(' ') {
        name.split_whitespace().map(str::to_owned).collect()
    } else {
        split_ident(name)
    };
    let start = words
        .iter()
        .position(|w| !OPENERS.contains(&w.to_lowercase().as_str()))
        .unwrap_or(0);
    words[start..].join(" ")
}

/// Tells whether a test's name, in words, states a fact about a subject
/// (`stream reader does not poll after eof`, `help uses valid config`, `num idle threads is
/// zero after shutdown`) rather than naming a command under test (`apply scene replaces …`,
/// `run pep723 script relative index`), a case (`build name mismatch`) or a vague state
/// (`alias names are reasonable`).
pub(crate) fn states_fact(words: &str) -> bool {
    let words: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
    let Some(first) = words.first() else {
        return false;
    };
    if imperative(first).as_deref() == Some(first.as_str()) {
        return false;
    }
    (1..words.len().min(5)).any(|k| {
        let (w, after) = (words[k].as_str(), words.len() - k - 1);
        match w {
            "should" | "must" | "can" | "cannot" | "can't" | "will" | "won't" | "never"
            | "does" | "doesn't" | "don't" => after >= 1,
            "do" => words.get(k + 1).is_some_and(|n| n == "not"),
            "is" | "are" => after >= 3 || words.get(k + 1).is_some_and(|n| n == "not"),
            _ => {
                w.ends_with('s')
                    && after >= 1
                    && unthird(w).is_some_and(|bare| VERBS.contains(&bare.as_str()))
            }
        }
    })
}

/// Returns the `-ing` form of a bare verb: `poll` → `polling`, `hide` → `hiding`, `stop`
/// → `stopping`, `panic` → `panicking`, `see` → `seeing`, `tie` → `tying`.
pub(crate) fn gerund(verb: &str) -> String {
    if let Some(stem) = verb.strip_suffix("ie") {
        return format!("{stem}ying");
    }
    if verb.ends_with('e') && !verb.ends_with("ee") && !verb.ends_with("ye") && verb.len() > 2 {
        return format!("{}ing", &verb[..verb.len() - 1]);
    }
    if verb.ends_with('c') {
        return format!("{verb}king");
    }
    let b = verb.as_bytes();
    let vowels = |w: &[u8]| {
        let mut groups = 0;
        let mut inside = false;
        for &c in w {
            let vowel = !is_consonant(c);
            groups += usize::from(vowel && !inside);
            inside = vowel;
        }
        groups
    };
    // A short verb that ends consonant, vowel, consonant doubles its last letter (`stop`,
    // `split`, `run`), as do the longer ones stressed at the end (`omit`, `prefer`).
    let stressed_last = [
        "omit", "emit", "submit", "commit", "permit", "admit", "prefer", "refer", "occur", "begin",
        "forget", "regret", "upset",
    ];
    if b.len() >= 3
        && is_consonant(b[b.len() - 1])
        && !matches!(b[b.len() - 1], b'w' | b'x' | b'y')
        && !is_consonant(b[b.len() - 2])
        && is_consonant(b[b.len() - 3])
        && (vowels(b) == 1 || stressed_last.contains(&verb))
    {
        return format!("{verb}{}ing", b[b.len() - 1] as char);
    }
    format!("{verb}ing")
}

/// Returns a test's fact as the change that makes it true, or `None` when the words read
/// otherwise: `stream reader does not poll after eof` → `stop stream reader from polling
/// after eof`, `tar wheel traversal is not recorded` → `don't record tar wheel traversal`,
/// `broadcast sender new must be closed` → `close broadcast sender new`, `scenario can
/// skip generated tests` → `let scenario skip generated tests`, `num idle threads is zero
/// after shutdown` → `make num idle threads zero after shutdown`.
///
/// A verb in the third person on its own (`help uses …`) counts only with `plain_verbs`:
/// in a test's name it is one, in a note's prose it is as often a plural (`SQL get
/// documents using …`).
pub(crate) fn fact_change(phrase: &str, plain_verbs: bool) -> Option<String> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let first = words.first()?.to_lowercase();
    // A name led by a verb is a case under test (`evaluate file arg … does not split …`),
    // not a thing the change acts on.
    let verb_like = first.ends_with("ing")
        || first.ends_with("ify")
        || first.ends_with("ize")
        || first.len() >= 7 && first.ends_with("ate");
    if opens_with_verb(&first) || verb_like {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let negated = lower.iter().any(|w| {
        matches!(
            w.as_str(),
            "not"
                | "no"
                | "never"
                | "wont"
                | "won't"
                | "dont"
                | "don't"
                | "doesnt"
                | "doesn't"
                | "cant"
                | "can't"
                | "cannot"
                | "without"
        )
    });
    let at = |k: usize| lower.get(k).map_or("", String::as_str);
    let tail = |from: usize| {
        let rest = words.get(from..).unwrap_or_default().join(" ");
        if rest.is_empty() {
            rest
        } else {
            format!(" {rest}")
        }
    };
    // The verb a participle is made from, when it is one (`closed`, `recorded`, `kept`).
    let done = |word: &str| {
        (word.len() > 3 && !word.starts_with("un"))
            .then(|| participle(word))
            .flatten()
    };
    for k in 1..words.len().min(6) {
        if words[k - 1].ends_with([',', ':', ';']) {
            return None;
        }
        let subject = words[..k].join(" ");
        let (one, two) = (at(k + 1), at(k + 2));
        let change = match at(k) {
            "does" | "do" | "will" | "should" | "must" | "can" if one == "not" => {
                let verb = (two.len() > 1).then_some(two)?;
                if verb == "be" {
                    let bare = done(at(k + 3))?;
                    format!("don't {bare} {subject}{}", tail(k + 4))
                } else {
                    format!("stop {subject} from {}{}", gerund(verb), tail(k + 3))
                }
            }
            "doesn't" | "don't" | "won't" | "cannot" | "can't" | "shouldn't" | "mustn't" => {
                let verb = (one.len() > 1 && one != "be").then_some(one)?;
                format!("stop {subject} from {}{}", gerund(verb), tail(k + 2))
            }
            "never" | "no" => {
                let at_verb = if at(k) == "no" {
                    (one == "longer").then_some(k + 2)?
                } else {
                    k + 1
                };
                let bare = unthird(at(at_verb))?;
                format!("stop {subject} from {}{}", gerund(&bare), tail(at_verb + 1))
            }
            "is" | "are" | "isn't" | "aren't" => {
                let no_longer = one == "no" && two == "longer";
                let negated = matches!(at(k), "isn't" | "aren't") || one == "not" || no_longer;
                let next = match (one, no_longer) {
                    (_, true) => k + 3,
                    ("not", _) => k + 2,
                    _ => k + 1,
                };
                match (negated, done(at(next))) {
                    (true, Some(bare)) => format!("don't {bare} {subject}{}", tail(next + 1)),
                    (false, Some(bare)) => format!("{bare} {subject}{}", tail(next + 1)),
                    // `is zero after shutdown`: a state and when it holds.
                    (false, None) if words.len() - next >= 3 => {
                        format!("make {subject}{}", tail(next))
                    }
                    _ => return None,
                }
            }
            "must" | "should" | "will" if one == "be" => {
                let bare = done(two)?;
                format!("{bare} {subject}{}", tail(k + 3))
            }
            // `will now also contain` → `make … also contain`.
            "must" | "should" | "will" if one.len() > 1 => {
                let from = if one == "now" { k + 2 } else { k + 1 };
                (from < words.len()).then_some(())?;
                format!("make {subject}{}", tail(from))
            }
            "can" if one.len() > 1 && one != "be" => {
                let from = if one == "now" { k + 2 } else { k + 1 };
                (from < words.len()).then_some(())?;
                format!("let {subject}{}", tail(from))
            }
            // `workspace list reuses settings discovery` → `make workspace list reuse
            // settings discovery`. A name that says what must not happen elsewhere in it
            // (`… returns none without …`) stays a fact: its verb turned reads backwards.
            word => {
                let Some(bare) =
                    unthird(word).filter(|b| imperative(b).as_deref() == Some(b.as_str()))
                else {
                    continue;
                };
                // `exit CLI when Cargo returns …`: a clause, not a subject.
                let clause = (lower[..k].iter())
                    .any(|w| matches!(w.as_str(), "when" | "if" | "while" | "unless" | "where"));
                // A verb before it makes it an object (`SQL get documents using …`).
                let verb_before = words[..k].iter().any(|w| {
                    opens_with_verb(w)
                        || matches!(w.to_lowercase().as_str(), "get" | "put" | "find" | "call")
                });
                if !plain_verbs || negated || clause || verb_before {
                    continue;
                }
                format!("make {subject} {bare}{}", tail(k + 1))
            }
        };
        return Some(change);
    }
    None
}

/// Returns the behaviour a test's name pins, in words, or `None` when the name says too
/// little (`test_parse`, `TestRun`): at least three words are needed.
pub(crate) fn test_intent(name: &str) -> Option<String> {
    // A label before the description names the module, not the behaviour:
    // `[node/dns] lookupService accepts string ports`, `[perf_hooks]: …`, `http: …`.
    let name = match name.strip_prefix('[').and_then(|rest| rest.split_once(']')) {
        Some((_, rest)) => rest.trim_start_matches(':').trim_start(),
        None => name,
    };
    let name = match name.split_once(": ") {
        Some((label, rest)) if name.contains(' ') && !label.contains(' ') => rest,
        _ => name,
    };
    // A description (`it('handles empty input')`) is already words.
    let words: Vec<String> = if name.contains(' ') {
        // Names inside keep their case (`shallowRef`); only the opening word is lowered.
        name.split_whitespace().map(lower_first).collect()
    } else {
        // An identifier lost its acronyms' capitals (`pep_751_prefers_path_over_url`).
        // A standard's number run into its name (`pep723`) is the name and the number:
        // `PEP 723`; not so `http2` or `utf8`.
        split_ident(name)
            .into_iter()
            .map(|w| {
                let digits = w.len() - w.trim_end_matches(|c: char| c.is_ascii_digit()).len();
                let (letters, number) = w.split_at(w.len() - digits);
                match ACRONYMS.iter().find(|a| a.eq_ignore_ascii_case(letters)) {
                    Some(acronym) if number.is_empty() => (*acronym).to_owned(),
                    Some(acronym) if matches!(*acronym, "PEP" | "RFC") => {
                        format!("{acronym} {number}")
                    }
                    Some(_) => w,
                    None => w,
                }
            })
            .collect()
    };
    let mut words: &[String] = &words;
    while let Some((first, rest)) = words.split_first() {
        if OPENERS.contains(&first.as_str()) {
            words = rest;
        } else {
            break;
        }
    }
    // A numbered variant (`poll_write_vectored_4`) names a case, not a behaviour.
    let numbered = words
        .last()
        .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()));
    if words.len() < 3 || numbered || words.iter().any(|w| w.len() > 30) {
        return None;
    }
    let words_in = words;
    // Shorthand spelt out (`w/ complex expression`), a word doubled by it dropped (`work
    // with w/ …`).
    let mut words: Vec<String> = Vec::with_capacity(words.len());
    for w in words_in {
        let w = match w.as_str() {
            "w/" => "with".to_owned(),
            "w/o" => "without".to_owned(),
            _ => w.clone(),
        };
        if words
            .last()
            .is_none_or(|last| !last.eq_ignore_ascii_case(&w))
        {
            words.push(w);
        }
    }
    // `should work with complex expression` → `support complex expression`: what the code
    // now copes with.
    if words.len() >= 3
        && matches!(words[0].to_lowercase().as_str(), "work" | "works")
        && words[1] == "with"
    {
        words.splice(..2, ["support".to_owned()]);
    }
    // `does not throw on a missing tsconfig` → `don't throw on a missing tsconfig`.
    let negations: [&[&str]; 5] = [
        &["does", "not"],
        &["doesn't"],
        &["do", "not"],
        &["should", "not"],
        &["shouldn't"],
    ];
    if let Some(negation) = negations.iter().find(|n| {
        words.len() > n.len() + 1
            && words
                .iter()
                .zip(n.iter())
                .all(|(w, n)| w.eq_ignore_ascii_case(n))
    }) {
        let rest = &words[negation.len()..];
        let verb = imperative(&rest[0]).unwrap_or_else(|| rest[0].clone());
        return Some(format!("don't {verb} {}", rest[1..].join(" ")));
    }
    // `concurrent restarts are coalesced instead of overlapping` → `coalesce concurrent
    // restarts instead of overlapping`: a passive that says what the code now does to a
    // thing. `stays closed` and `is undefined` say how a thing is, and stay as written.
    let passive_aux = (1..words.len().min(6)).find(|&k| {
        matches!(
            words[k].to_lowercase().as_str(),
            "is" | "are" | "gets" | "get"
        ) && words[..k].iter().all(|w| !linked_or_modal(w))
            && words.get(k + 1).is_some_and(|p| {
                p.len() > 4 && !STATES.contains(&p.to_lowercase().as_str()) && unpast(p).is_some()
            })
            && words.get(k + 2).is_none_or(|next| {
                PREPOSITIONS.contains(&next.as_str()) || MANNER.contains(&next.as_str())
            })
    });
    if let Some(k) = passive_aux {
        let verb = unpast(&words[k + 1].to_lowercase()).expect("checked above");
        let thing = words[..k].join(" ");
        let rest = words[k + 2..].join(" ");
        return Some(format!("{verb} {thing} {rest}").trim_end().to_owned());
    }
    // `label_centered_by_width` → `center label by width`.
    // ... but `session stays closed after …` says how a thing stays, not what was done,
    // and `memory leak when fd closed before drop` when it happens.
    let linked = |w: &String| LINKING.contains(&w.to_lowercase().as_str());
    let clause = |w: &String| {
        matches!(
            w.to_lowercase().as_str(),
            "when" | "if" | "while" | "after" | "before" | "unless" | "where" | "once" | "until"
        )
    };
    let passive = (1..words.len().min(5)).find(|&k| {
        words[k].len() > 4
            && words[..k]
                .iter()
                .all(|w| imperative(w).is_none() && !linked(w) && !clause(w))
            && words
                .get(k + 1)
                .is_none_or(|next| PREPOSITIONS.contains(&next.as_str()))
            && unpast(&words[k]).is_some()
    });
    if let Some(k) = passive {
        let verb = unpast(&words[k]).expect("checked above");
        words.remove(k);
        words.insert(0, verb);
    } else if let Some(bare) = unthird(&words[0]).filter(|b| VERBS.contains(&b.as_str())) {
        words[0] = bare;
    }
    Some(words.join(" "))
}

/// An entry without the reference that trails it, which says nothing to a reader: `… ([#3801])`,
/// `… (#42)`, `… by @jane`, bat's `…, see #3862 (@lenamonj)` and `… #3809 (@dhruvkb)`.
pub(crate) fn without_reference(text: &str) -> &str {
    let mut end = [
        " ([#",
        " (#",
        " [#",
        ", see #",
        ", see PR #",
        " by @",
        " (@",
    ]
    .iter()
    .filter_map(|cut| text.find(cut))
    .min()
    .unwrap_or(text.len());
    // A bare number last, with the word that names it: `… extension #3809`, `… fixtures PR
    // #3255`.
    let trailing = (text[..end].match_indices(" #")).find(|(at, _)| {
        let rest = &text[at + 2..end];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && rest[digits..].trim().is_empty()
    });
    if let Some((at, _)) = trailing {
        end = at;
        let head = text[..end].trim_end_matches(',');
        if let Some((before, last)) = head.rsplit_once(' ')
            && matches!(last.to_lowercase().as_str(), "pr" | "see" | "issue")
        {
            end = before.len();
        }
    }
    text[..end].trim_end().trim_end_matches(',')
}

/// The issue and pull request numbers a line links to (`…/issues/3180`, `…/pull/42`); with
/// `bare`, also those it writes as `#3180`, as a changelog entry does. The references are
/// found as [`house::references`](super::house::references) finds them.
pub(crate) fn cited_issues(text: &str, bare: bool) -> Vec<u32> {
    let mut out = Vec::new();
    for (start, end) in super::house::references(text) {
        let span = &text[start..end];
        let digits = match span.strip_prefix('#') {
            Some(digits) if bare => digits,
            Some(_) => continue,
            None => span,
        };
        if let Ok(number) = digits.parse::<u32>()
            && !out.contains(&number)
        {
            out.push(number);
        }
    }
    out
}

/// Tells whether the words before a note's colon only file it: an issue number after
/// `Fixed`, or after a label (`BUG #2664`, `FEATURE #3096`), which the section's verb may
/// lead (`Fixed BUG #2664`, as a `Bug fixes:` entry reads).
/// A note's text without the label that files it (`FEATURE #2425: Shell completions …`,
/// `Fixed #10776: Biome no longer …`), when it opens with one.
pub(crate) fn without_filing(text: &str) -> &str {
    match text.split_once(": ") {
        Some((lead, rest)) if filed(lead) => rest.trim(),
        _ => text,
    }
}

fn filed(lead: &str) -> bool {
    // ripgrep's `BUG #1332, BUG #3001`: one label after another.
    let several = lead.split(", ").flat_map(|part| part.split(" and "));
    if lead.contains(", ") && several.clone().all(filed) {
        return true;
    }
    let words: Vec<&str> = lead.split_whitespace().collect();
    let label = |w: &str| w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase());
    let fix = |w: &str| imperative(w).as_deref() == Some("fix");
    let number =
        |w: &str| w.len() > 1 && w.starts_with('#') && w[1..].bytes().all(|b| b.is_ascii_digit());
    match words.as_slice() {
        [first, n] => number(n) && (fix(first) || label(first)),
        [verb, tag, n] => number(n) && label(tag) && imperative(verb).is_some(),
        _ => false,
    }
}

/// Returns the first sentence of a release note's prose as an imperative phrase: the verb
/// made bare (`Fixed` → `fix`, `Adds` → `add`), the first letter lowered unless the word is
/// a name (`OpenAIChatGenerator`), reStructuredText double backticks made single, the final
/// period dropped.
pub(crate) fn note_phrase(text: &str) -> Option<String> {
    // A note written as a header (`perf: optimize …`): the type is not part of the words.
    let text = note_header(text).map_or(text, |(_, rest)| rest);
    // `` `tauri::webview_version` , to get …``: a space before a comma is a slip.
    let text = unlink(&text.replace("``", "`")).replace(" ,", ",");
    // `Fixed #10776: Biome no longer …`, ripgrep's `[BUG #2664](…): Fix …` and `FEATURE
    // #3096: Improve …`: the issue number, and the label that files it, say nothing a reader
    // can use.
    let text = without_filing(text.trim());
    // The first sentence: up to a period followed by a space, or the end.
    let mut end = text.len();
    let bytes = text.as_bytes();
    let mut ticks = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'`' {
            ticks += 1;
        }
        if b == b'.' && ticks % 2 == 0 && bytes.get(i + 1).is_none_or(|n| *n == b' ') {
            end = i;
            break;
        }
    }
    let sentence = text[..end].trim().trim_end_matches([':', ';', ',']);
    // The main clause: `Added the nursery rule X, which reports …` → `Added the nursery rule
    // X`.
    let sentence = [
        ", which ",
        ", such as ",
        ", so that ",
        ", so ",
        ", because ",
    ]
    .iter()
    .filter_map(|cut| sentence.find(cut))
    .min()
    .map_or(sentence, |at| &sentence[..at]);
    let sentence = count_listed(sentence);
    if let Some(phrase) = reworded(&sentence) {
        return Some(phrase);
    }
    let mut words = sentence.split_whitespace();
    let first = words.next()?;
    let rest: Vec<&str> = words.collect();
    if rest.is_empty() {
        return None;
    }
    let verb = imperative(first.trim_end_matches(':'));
    let lead = verb.clone().unwrap_or_else(|| lower_first(first));
    // Two verbs joined: `Added or improved file type filtering for …` → `add or improve …`.
    let mut rest: Vec<String> = rest.iter().map(|w| (*w).to_owned()).collect();
    if verb.is_some()
        && rest.len() >= 3
        && matches!(rest[0].as_str(), "or" | "and")
        && let Some(verb) = imperative(&rest[1])
    {
        rest[1] = verb;
    }
    // `Fixed a bug where …` says less than what follows it, unless what follows is a
    // clause (`… where ripgrep would mishandle …`): `fix ripgrep would …` is no phrase.
    let mut phrase = format!("{lead} {}", rest.join(" "));
    for filler in [
        "fix a bug where ",
        "fix an issue where ",
        "fix a bug that ",
        "fix bug where ",
    ] {
        if let Some(tail) = phrase.strip_prefix(filler)
            && !is_clause(tail)
        {
            phrase = format!("fix {tail}");
        }
    }
    Some(phrase)
}

/// Tells whether words open a clause, a subject then its auxiliary within its first three
/// words: `ripgrep would mishandle …`, `the cursor was drawn …`.
fn is_clause(words: &str) -> bool {
    (words.split_whitespace().take(4).skip(1)).any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "would"
                | "wouldn't"
                | "could"
                | "couldn't"
                | "was"
                | "wasn't"
                | "were"
                | "weren't"
                | "did"
                | "didn't"
                | "does"
                | "doesn't"
                | "is"
                | "isn't"
                | "are"
                | "aren't"
                | "can"
                | "can't"
                | "cannot"
                | "might"
                | "had"
                | "has"
        )
    })
}

/// A note that says what a thing does now or what was done to it, as the change that did
/// it: `the cli now also watches workspace members` → `make the cli also watch workspace
/// members`, `the file drop event is now part of \`WindowEvent\`` → `make the file drop
/// event part of \`WindowEvent\``, `the \`Tracer\` has been moved out of Haystack` → `move
/// the \`Tracer\` out of Haystack`. `None` when the sentence opens with a verb or reads
/// otherwise.
fn reworded(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    // `Deprecated \`x\` setting has been removed`: a participle before a noun, then the
    // clause's own verb, is no verb of the note's.
    let adjective = words.first()?.ends_with("ed")
        && (words.iter().take(8).skip(2)).any(|w| matches!(*w, "has" | "have" | "was" | "were"));
    if imperative(words[0]).is_some() && !adjective {
        return None;
    }
    let subject = |end: usize| {
        let mut out = match words[0] {
            "A" | "An" | "The" => words[0].to_lowercase(),
            first => lower_first(first),
        };
        for w in &words[1..end] {
            out.push(' ');
            out.push_str(w);
        }
        out
    };
    // `Changing a catalog entry … no longer re-resolves the graph` → `don't re-resolve the
    // graph when changing a catalog entry …`: what an action no longer sets off.
    if words[0].ends_with("ing")
        && let Some(k) = (1..words.len().min(16))
            .find(|&k| words[k] == "no" && words.get(k + 1) == Some(&"longer"))
    {
        // `Passing an argument more than once is no longer an error` → `allow passing an
        // argument more than once`.
        if words[k - 1] == "is" && matches!(words.get(k + 2..k + 4), Some(["an", "error"])) {
            return Some(format!("allow {}", subject(k - 1)));
        }
        let verb = unthird(words.get(k + 2)?)?;
        let rest = words.get(k + 3..).filter(|r| !r.is_empty())?;
        return Some(format!(
            "don't {verb} {} when {}",
            rest.join(" "),
            subject(k)
        ));
    }
    // The subject is a few words, none of them ending a clause.
    for k in 1..words.len().min(8) {
        let word = words[k].to_lowercase();
        let rest = |from: usize| words.get(from..).filter(|r| !r.is_empty());
        match word.as_str() {
            "now" if matches!(words[k - 1], "is" | "are") && k >= 2 => {
                let next = words.get(k + 1)?;
                // `… are now read on …`: done to them, `read … on …`.
                if let Some(verb) = participle(next) {
                    let tail = rest(k + 2).map(|r| format!(" {}", r.join(" ")));
                    return Some(format!(
                        "{verb} {}{}",
                        subject(k - 1),
                        tail.unwrap_or_default()
                    ));
                }
                let rest = rest(k + 1)?;
                return Some(format!("make {} {}", subject(k - 1), rest.join(" ")));
            }
            // `will now also contain`: a modal's clause, read as a fact below.
            "now" if matches!(words[k - 1], "will" | "can" | "must" | "should") => break,
            "now" => {
                // `now also watches`, `now correctly handles`.
                let also = words
                    .get(k + 1)
                    .is_some_and(|w| *w == "also" || w.len() > 4 && w.ends_with("ly"));
                let at = k + 1 + usize::from(also);
                // `shims now follow`: after a plural the verb is already bare.
                let next = words.get(at)?;
                let plain_subject = k <= 4
                    && words[..k]
                        .iter()
                        .all(|w| !w.contains('`') && !matches!(*w, "such" | "as" | "and"));
                let verb = unthird(next).or_else(|| {
                    let modal = [*next, words[k - 1]].iter().any(|w| {
                        matches!(
                            *w,
                            "can" | "will" | "may" | "must" | "should" | "could" | "would"
                        )
                    });
                    (plain_subject
                        && !modal
                        && next.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
                    .then(|| (*next).to_owned())
                })?;
                let rest = rest(at + 1)?;
                let also = if also {
                    format!("{} ", words[k + 1])
                } else {
                    String::new()
                };
                return Some(format!(
                    "make {} {also}{verb} {}",
                    subject(k),
                    rest.join(" ")
                ));
            }
            "has" | "have" | "was" | "were" => {
                let mut at = k + 1;
                if matches!(word.as_str(), "has" | "have") {
                    (words.get(at) == Some(&"been")).then_some(())?;
                    at += 1;
                }
                let adverb = words
                    .get(at)
                    .filter(|a| a.len() > 4 && a.ends_with("ly"))
                    .map(|a| format!("{a} "));
                at += usize::from(adverb.is_some());
                let verb = participle(words.get(at)?)?;
                let tail = rest(at + 1).map(|r| format!(" {}", r.join(" ")));
                return Some(format!(
                    "{}{verb} {}{}",
                    adverb.unwrap_or_default(),
                    subject(k),
                    tail.unwrap_or_default()
                ));
            }
            _ if words[k].ends_with([',', ':', ';']) => return None,
            _ => {}
        }
    }
    // `jj config gc` will delete …, `--foo` is no longer required: what the thing
    // does or is, as the change that made it so. What a thing no longer does reads as it
    // is (`the parser no longer crashes`).
    if (words.windows(3)).any(|w| w[0] == "no" && w[1] == "longer" && unthird(w[2]).is_some()) {
        return None;
    }
    // A verb in the third person counts after a name in code or an article (the `Host`
    // extractor that `includes port …`), not after bare words, where it is as often a
    // plural (`SQL get documents using …`).
    let named = words[0].starts_with('`') || matches!(words[0], "The" | "A" | "An");
    fact_change(&format!("{} {}", subject(1), words[1..].join(" ")), named)
}

/// The bare verb of a past participle: `moved` → `move`, and the common irregular ones
/// (`read`, `built`, `written`).
fn participle(word: &str) -> Option<String> {
    const IRREGULAR: &[(&str, &str)] = &[
        ("read", "read"),
        ("built", "build"),
        ("made", "make"),
        ("run", "run"),
        ("set", "set"),
        ("kept", "keep"),
        ("sent", "send"),
        ("shown", "show"),
        ("written", "write"),
        ("done", "do"),
        ("taken", "take"),
        ("given", "give"),
        ("held", "hold"),
        ("found", "find"),
        ("left", "leave"),
        ("thrown", "throw"),
        ("split", "split"),
        ("rewritten", "rewrite"),
    ];
    IRREGULAR
        .iter()
        .find(|(p, _)| *p == word)
        .map(|(_, bare)| (*bare).to_owned())
        .or_else(|| unpast(word))
}

/// A list of three or more code names before a plural noun, counted: `` `--mode`, `--site`,
/// and `--open` flags being dropped `` → `3 flags being dropped`; a subject has no room
/// for the list, and cutting it leaves half of one.
fn count_listed(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len());
    let mut rest = sentence;
    while let Some(open) = rest.find('`') {
        // The list: code spans separated by `, `, `, and `, ` and `, ` or `.
        let mut at = open;
        let mut items = 0;
        while let Some(close) = rest[at + 1..].find('`').map(|i| at + 1 + i) {
            items += 1;
            at = close + 1;
            let next = [", and `", ", or `", " and `", " or `", ", `"]
                .iter()
                .find(|sep| rest[at..].starts_with(**sep));
            match next {
                Some(sep) => at += sep.len() - 1,
                None => break,
            }
        }
        let noun = rest[at..]
            .strip_prefix(' ')
            .and_then(|t| t.split([' ', ',']).next())
            .filter(|w| {
                w.len() > 3 && w.ends_with('s') && w.bytes().all(|b| b.is_ascii_lowercase())
            });
        match noun {
            Some(noun) if items >= 3 => {
                out.push_str(&rest[..open]);
                out.push_str(&format!("{items} {noun}"));
                rest = &rest[at + 1 + noun.len()..];
            }
            _ => {
                let end = at.max(open + 1);
                out.push_str(&rest[..end]);
                rest = &rest[end..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Markdown links as their text: `[`noThisInStatic`](https://…)` → `` `noThisInStatic` ``,
/// `[#11436](https://…)` → `#11436`.
pub(crate) fn unlink(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|i| open + i) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|i| close + i) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The type the author's note gives the change by its first word: `Fixed …` a fix, `Added
/// …` a feature, `Improved performance …` a performance change; `None` when it says no more.
pub(crate) fn note_kind(text: &str) -> Option<&'static str> {
    if let Some((kind, _)) = note_header(text) {
        return Some(kind);
    }
    let mut words = text.split_whitespace();
    let first = imperative(words.next()?.trim_end_matches(':'))?;
    let second = words.next().unwrap_or("").to_lowercase();
    match first.as_str() {
        "fix" => Some("fix"),
        "add" | "introduce" | "support" => Some("feat"),
        "improve" | "speed" | "optimize" | "optimise" if second.starts_with("perf") => Some("perf"),
        "optimize" | "optimise" | "speed" => Some("perf"),
        // `Document the input ordering behavior of …`: the author says it is docs.
        "document" => Some("docs"),
        _ => None,
    }
}

/// A release note written as a Conventional Commits header, as Svelte's changesets are
/// (`perf: optimize simple object destructuring`): its type and what follows the colon.
fn note_header(text: &str) -> Option<(&'static str, &str)> {
    let header = crate::conventions::Header::parse(text.trim_start())?;
    let kind = super::classify::TYPES
        .iter()
        .find(|t| t.eq_ignore_ascii_case(header.kind))?;
    Some((kind, header.summary))
}

/// Returns a comment block as the reason for a change: its first sentence, when it reads as
/// prose (four words or more, no code, no tool directive such as `TODO`, `eslint-disable`,
/// `SAFETY:` or a licence header), its first letter raised and a period closing it.
pub(crate) fn reason(block: &str) -> Option<String> {
    let text = links_out(block);
    let end = text
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && text[i + 1..].starts_with(' '))
        .map_or(text.len(), |(i, _)| i);
    let sentence = text[..end].trim().trim_end_matches(['.', ':', ',', ';']);
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let lower = sentence.to_lowercase();
    const TOOLS: &[&str] = &[
        "todo",
        "fixme",
        "xxx",
        "hack",
        "safety:",
        "eslint",
        "noqa",
        "@ts-",
        "type:",
        "nolint",
        "prettier",
        "istanbul",
        "license",
        "copyright",
        "spdx",
        "clippy",
        "rustfmt",
        "pylint",
        "@param",
        "@return",
        "@deprecated",
        "c8 ",
        "biome-",
        "http://",
        "https://",
    ];
    let code = sentence
        .chars()
        .filter(|c| matches!(c, ';' | '{' | '}' | '(' | ')' | '=' | '<' | '>' | '[' | ']'))
        .count();
    let letters = sentence.chars().filter(|c| c.is_alphabetic()).count();
    if words.len() < 4
        || sentence.len() > 200
        || code > 2
        || letters * 2 < sentence.len()
        || TOOLS
            .iter()
            .any(|t| lower.starts_with(t) || lower.contains(&format!(" {t}")))
    {
        return None;
    }
    let mut chars = sentence.chars();
    let first = chars.next()?;
    Some(format!("{}{}.", first.to_uppercase(), chars.as_str()))
}

/// The words of a comment with its links taken out, whitespace squeezed: a link to an
/// advisory is its identifier (`due to https://nvd.nist.gov/vuln/detail/CVE-2022-40897` →
/// `due to CVE-2022-40897`); any other goes with the word that points at it (`see`, `at`).
fn links_out(block: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for word in block.split_whitespace() {
        let Some(at) = word.find("https://").or_else(|| word.find("http://")) else {
            words.push(word.to_owned());
            continue;
        };
        let url = word[at..].trim_end_matches(['/', ')', '.', ',', ';', ':']);
        let last = url.rsplit('/').next().unwrap_or("");
        let upper = last.to_ascii_uppercase();
        if ["CVE-", "GHSA-", "RUSTSEC-"]
            .iter()
            .any(|p| upper.starts_with(p))
        {
            words.push(format!("{}{upper}", &word[..at]));
            continue;
        }
        if words.last().is_some_and(|w| {
            matches!(
                w.to_lowercase().trim_start_matches('('),
                "see" | "at" | "in" | "from" | "on" | "via" | "per"
            )
        }) {
            words.pop();
        }
    }
    words.join(" ")
}

/// Picks the comment that says why: the first that gives a cause (`because`, `so that`,
/// `avoid`, `otherwise`), else the first doc comment of a new item, named (`parse_duration:
/// Parses …`), else none: an incidental comment is not the change's reason.
pub(crate) fn pick_reason(reasons: Vec<(String, Option<String>)>) -> Option<String> {
    const CAUSES: &[&str] = &[
        "because",
        "so that",
        "so we",
        "otherwise",
        "avoid",
        "prevent",
        "to keep",
        "ensure",
        "must",
        "needs",
        "need to",
        "required",
        "workaround",
        "instead",
        "since",
        "slow",
        "expensive",
        "can't",
        "cannot",
        "don't",
        "doesn't",
        "won't",
        "would",
        "breaks",
        "fails",
        "in case",
        ", not",
        "rather than",
    ];
    let causal = reasons.iter().find(|(r, _)| {
        let lower = r.to_lowercase();
        CAUSES.iter().any(|c| {
            lower.starts_with(c)
                || lower.contains(&format!(" {c}"))
                || c.starts_with(',') && lower.contains(c)
        })
    });
    if let Some((r, _)) = causal {
        return Some(r.clone());
    }
    reasons.into_iter().find_map(|(r, item)| {
        let item = item?;
        Some(if r.starts_with(&item) {
            r
        } else {
            format!("{item}: {r}")
        })
    })
}

/// Tells whether a word is a verb an entry may open with: one [`imperative`] knows, in
/// any form (`Fixed`, `Adds`), or a few more in their bare form (`Require explicit tap …`,
/// `Don't highlight …`).
pub(crate) fn opens_with_verb(word: &str) -> bool {
    // Not words that open noun phrases as often (`Block selection …`, `Default font size
    // …`, `Escape sequences …`): those count as names.
    const MORE: &[&str] = &[
        "don't", "do", "never", "require", "let", "bind", "open", "close", "draw", "send",
        "switch", "start", "launch", "prefer", "clear", "reset", "select", "copy", "paste",
        "reload", "retry", "wait", "forward", "fall", "redraw", "unset", "rework", "rewrite",
        "restrict", "relax", "increase", "decrease", "lower", "raise", "bundle", "build", "ship",
        "install", "strip", "yank", "reorder", "persist", "expand", "collapse", "spawn", "honor",
        "honour", "tweak", "shorten", "lengthen", "escape",
    ];
    imperative(word).is_some() || MORE.contains(&word.to_lowercase().as_str())
}

/// Tells whether an entry names a fault (`Crash when …`, `Spurious warnings on X11`,
/// `Signal termination skipping resource cleanup`): what was there was fixed.
pub(crate) fn names_fault(text: &str) -> bool {
    const FAULTS: &[&str] = &[
        "crash",
        "crashes",
        "crashing",
        "panic",
        "panics",
        "panicking",
        "error",
        "errors",
        "broken",
        "invalid",
        "missing",
        "skipping",
        "spurious",
        "wrong",
        "incorrect",
        "incorrectly",
        "fail",
        "fails",
        "failure",
        "failing",
        "slowdown",
        "slowdowns",
        "leak",
        "leaks",
        "leaking",
        "hang",
        "hangs",
        "freeze",
        "freezes",
        "regression",
        "deadlock",
        "glitch",
        "glitches",
        "flicker",
        "flickering",
        "lacking",
        "unable",
        "stuck",
        "bug",
        "segfault",
        "overflow",
        "underflow",
        "unresponsive",
        "corrupted",
        "corruption",
    ];
    text.split_whitespace().any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        FAULTS.contains(&w.as_str())
    })
}

/// Tells whether a changelog entry is a sentence (`` `jj run` no longer runs … ``, `IME is
/// disabled on X11`, `Subprocesses on OpenBSD now run …`) rather than the name of a thing
/// (`Crash when … is not present`): a verb among its words before the first that starts a
/// clause (`when`, `if`, `that`, …). Words in code spans are names, never verbs.
pub(crate) fn is_sentence(text: &str) -> bool {
    const ENDS: &[&str] = &[
        "when", "if", "while", "after", "before", "where", "that", "which", "because", "since",
        "unless", "until", "whenever",
    ];
    const MARKERS: &[&str] = &[
        "now", "no", "can", "cannot", "will", "could", "should", "must", "may", "do", "does",
        "has", "have", "had", "attempts", "works", "tries", "behaves", "honors", "honours",
        "contains", "would", "might", "did", "didn't", "doesn't", "don't", "won't", "wouldn't",
        "couldn't", "can't",
    ];
    let mut code = false;
    for (i, word) in text.split_whitespace().enumerate() {
        let ticks = word.matches('`').count();
        let quoted = code || word.starts_with('`');
        if ticks % 2 == 1 {
            code = !code;
        }
        if quoted {
            continue;
        }
        let lower = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if i > 0 && ENDS.contains(&lower.as_str()) {
            return false;
        }
        if i > 0
            && (MARKERS.contains(&lower.as_str())
                || LINKING.contains(&lower.as_str())
                || lower.ends_with('s')
                    && unthird(&lower).is_some_and(|b| VERBS.contains(&b.as_str())))
        {
            return true;
        }
    }
    false
}

/// Lowers the first letter of a plain word (`The` → `the`), leaving names that carry case
/// inside (`OpenAI`, `URL`, `Fill`) as written.
pub(crate) fn lower_first(word: &str) -> String {
    // Short words of the language, never names (`Vi` is one).
    const SMALL: &[&str] = &[
        "A", "An", "As", "At", "By", "If", "In", "It", "No", "On", "Or", "To",
    ];
    if SMALL.contains(&word) {
        return word.to_lowercase();
    }
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let rest: String = chars.collect();
    if first.is_uppercase() && rest.chars().all(|c| !c.is_uppercase()) && rest.len() > 1 {
        first.to_lowercase().chain(rest.chars()).collect()
    } else {
        word.to_owned()
    }
}

/// One word changed for another on a line otherwise kept (`recieve` → `receive`), and
/// whether the line is prose (documentation, a comment) rather than code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Swap {
    pub old: String,
    pub new: String,
    pub prose: bool,
    /// The key the new word is the value of (`"no-console": "error"`, `level = "debug"`).
    pub key: Option<String>,
    /// The path the new word is named through (`SkipDevTools` in `SkipDevTools::Yes`).
    pub qualifier: Option<String>,
}

/// Reads a line of configuration that sets one option to a plain value (`pool: 'vmThreads',`,
/// `"no-console": "warn"`, `level = "debug"`) as `(key, value)`; `None` for anything else.
pub(crate) fn setting(line: &str) -> Option<(String, String)> {
    let line = line.trim().trim_end_matches([',', ';']);
    let sep = line.find([':', '='])?;
    let (head, value) = (&line[..sep], &line[sep + 1..]);
    if value.starts_with([':', '=', '>']) || head.ends_with(['!', '<', '>', '=']) {
        return None;
    }
    let key = head.trim().trim_matches(|c| matches!(c, '"' | '\'' | '`'));
    let value = value.trim();
    let quoted =
        value.len() >= 2 && value.starts_with(['"', '\'', '`']) && value.ends_with(&value[..1]);
    let value = if quoted {
        &value[1..value.len() - 1]
    } else {
        value
    };
    let plain_key = !key.is_empty()
        && key.len() <= 40
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    // A quoted empty value clears the key (setup-python's `cache: ""`).
    let plain_value = quoted && value.is_empty()
        || !value.is_empty()
            && value.len() <= 40
            && value.chars().all(|c| {
                c.is_alphanumeric()
                        || matches!(c, '-' | '_' | '.' | '/' | '@' | ' ')
                        // A colour, quoted (`"#FFD700"`).
                        || c == '#' && quoted
            })
            && (quoted || !value.contains(' '));
    // A CI expression (`${{ runner.temp }}/cargo-home`) is a value too; it is named by its key.
    let expression = value.starts_with("${{") && value.len() <= 80;
    // So is an inline table or list on one line (TOML's `vtsls = { command = "vtsls" }`).
    // A call inside (`plugins: [vue()]`) is code, not data.
    let inline = value.len() <= 400
        && !value.contains('(')
        && (value.starts_with('{') && value.ends_with('}')
            || value.starts_with('[') && value.ends_with(']'));
    // A quoted key of a few words given a list or table (bat's `"SSH Config" =
    // ["**/.ssh/config"]`); a quoted key given words is a translation's text, no setting.
    let head = head.trim();
    let spaced_key = inline
        && head.len() >= 2
        && head.starts_with('"')
        && head.ends_with('"')
        && key.len() <= 40
        && key.split(' ').count() <= 4
        && (key.chars()).all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ' '));
    ((plain_key && (plain_value || expression || inline)) || spaced_key)
        .then(|| (key.to_owned(), value.to_owned()))
}

/// A key given a quoted string of any words, as a manifest gives its package's
/// `description` or `homepage` (`repository = "https://github.com/x/y"`); `None` for
/// anything else.
pub(crate) fn quoted_setting(line: &str) -> Option<(String, String)> {
    let line = line.trim().trim_end_matches(',');
    let sep = line.find([':', '='])?;
    let key = line[..sep].trim().trim_matches('"');
    let value = line[sep + 1..].trim();
    let inner = value.strip_prefix('"')?.strip_suffix('"')?;
    let plain_key = !key.is_empty()
        && key.len() <= 40
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_'));
    (plain_key && inner.len() <= 200 && !inner.contains('"'))
        .then(|| (key.to_owned(), inner.to_owned()))
}

/// Tells whether a line only opens a block of settings (YAML's `env:`, TOML's `[profile]`):
/// it sets nothing itself, so it neither makes nor breaks a change of settings.
pub(crate) fn opener(line: &str) -> bool {
    let line = line.trim();
    let key = line
        .strip_suffix(':')
        .or_else(|| line.strip_prefix('[').and_then(|l| l.strip_suffix(']')));
    key.is_some_and(|k| {
        !k.is_empty()
            && k.len() <= 40
            && k.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
    })
}

/// Returns the key of a `key: value` or `key = value` line when the byte at `at` lies in
/// the value: the last word before the first `:` or `=`, without quotes or declarations.
fn key_of(line: &[u8], at: usize) -> Option<String> {
    let sep = line[..at.min(line.len())]
        .iter()
        .rposition(|&b| b == b':' || b == b'=')?;
    if line.get(sep + 1) == Some(&b':') || line.get(sep + 1) == Some(&b'=') {
        return None;
    }
    // The value is the swapped word alone, in quotes or not (`"no-console": "error",`).
    let value = String::from_utf8_lossy(&line[sep + 1..]);
    let value = value
        .trim()
        .trim_matches(|c| matches!(c, '"' | '\'' | '`' | ',' | ';'));
    let word = line[at..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_' || **b >= 0x80)
        .count();
    if value.as_bytes() != &line[at..at + word] {
        return None;
    }
    let head = String::from_utf8_lossy(&line[..sep]);
    let key = head
        .split_whitespace()
        .last()?
        .trim_matches(|c| matches!(c, '"' | '\'' | '`' | '-' | '[' | ']' | ','));
    let plain = key
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | '@'));
    (plain && !key.is_empty() && key.len() <= 40).then(|| key.to_owned())
}

/// Splits a line into tokens for [`word_swaps`]: runs of letters, digits and `_` as words,
/// every other visible character on its own; whitespace dropped. In prose an apostrophe
/// between letters belongs to its word (`it's`, `don't`), so `its` → `it's` is one swap.
fn tokens(line: &[u8], prose: bool) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &b) in line.iter().enumerate() {
        let inside = prose
            && b == b'\''
            && start.is_some()
            && line.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
        let word = b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80 || inside;
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&line[s..i]);
                start = None;
            }
            _ => {}
        }
        if !word && !b.is_ascii_whitespace() {
            out.push(&line[i..=i]);
        }
    }
    if let Some(s) = start {
        out.push(&line[s..]);
    }
    out
}

/// A one-line hunk whose line gains or loses one to three words in a row, the rest kept as
/// it was, split at spaces so a name keeps its marks: what [`WordRun::inserted`] and
/// [`WordRun::doubled`] read.
pub(crate) struct WordRun {
    /// The words came in (`true`) or went out.
    added: bool,
    /// The words of the longer line.
    long: Vec<String>,
    /// Where the run starts in `long`, and how many words it holds.
    at: usize,
    extra: usize,
}

impl WordRun {
    /// Reads the hunk's removed and added lines; `None` unless there is one of each and they
    /// differ by such a run.
    pub(crate) fn read(old: &[&[u8]], new: &[&[u8]]) -> Option<WordRun> {
        let ([old], [new]) = (old, new) else {
            return None;
        };
        let (old, new) = (String::from_utf8_lossy(old), String::from_utf8_lossy(new));
        let (o, n): (Vec<&str>, Vec<&str>) = (
            old.split_whitespace().collect(),
            new.split_whitespace().collect(),
        );
        let (added, short, long) = if n.len() > o.len() {
            (true, &o, &n)
        } else {
            (false, &n, &o)
        };
        let extra = long.len() - short.len();
        if extra == 0 || extra > 3 || short.len() < 2 {
            return None;
        }
        let at = short
            .iter()
            .zip(long.iter())
            .take_while(|(a, b)| a == b)
            .count();
        if short[at..] != long[at + extra..] {
            return None;
        }
        Some(WordRun {
            added,
            long: long.iter().map(|w| (*w).to_owned()).collect(),
            at,
            extra,
        })
    }

    /// The words put in (`apt install cmake pkg-config` → `apt install cmake g++
    /// pkg-config` gives `(true, "g++")`) or taken out (`false`).
    pub(crate) fn inserted(&self) -> Option<(bool, String)> {
        // A link put in is named by its text (`[TOML format](https://toml.io/en/)`).
        let words = unlink(&self.long[self.at..self.at + self.extra].join(" "));
        // Words, not marks: a bullet, a table bar, a bare number say nothing by themselves.
        (words.chars().any(char::is_alphabetic) && words.len() <= 40).then_some((self.added, words))
    }

    /// The word taken out where it stood twice in a row (`See the the [Examples]` → `See
    /// the [Examples]`), as the swap of the pair for the word: a typo fixed.
    pub(crate) fn doubled(&self) -> Option<Swap> {
        if self.added || self.extra != 1 {
            return None;
        }
        let (o, at) = (&self.long, self.at);
        let word = o[at].as_str();
        let twin = (at > 0 && o[at - 1].eq_ignore_ascii_case(word))
            || o.get(at + 1).is_some_and(|w| w.eq_ignore_ascii_case(word));
        (twin && word.chars().all(char::is_alphabetic)).then(|| Swap {
            old: format!("{word} {word}"),
            new: word.to_owned(),
            prose: true,
            key: None,
            qualifier: None,
        })
    }
}

/// Returns the words a hunk changes when each removed line comes back as an added line with
/// the same tokens except a few words (`teh` → `the`, `optimizeBindings` →
/// `optimizeImports`), or `None` when the hunk does anything else (adds or removes lines,
/// moves punctuation, changes numbers). Lines that only change whitespace add no swap.
pub(crate) fn word_swaps(old: &[&[u8]], new: &[&[u8]], prose: bool) -> Option<Vec<Swap>> {
    if old.is_empty() || old.len() != new.len() || old.len() > 12 {
        return None;
    }
    let mut out: Vec<Swap> = Vec::new();
    for (o, n) in old.iter().zip(new) {
        let comment = prose || is_comment_line(o) || reads_as_prose(o);
        let (to, tn) = (tokens(o, comment), tokens(n, comment));
        if to.len() != tn.len() {
            return None;
        }
        for (i, (a, b)) in to.iter().zip(&tn).enumerate() {
            if a == b {
                continue;
            }
            let word = |t: &[u8]| {
                t.iter().any(u8::is_ascii_alphabetic) && !t.iter().any(u8::is_ascii_digit)
            };
            // `_` stands for a name put out of use (`ctx` → `_`).
            if !word(a) || !(word(b) || *b == b"_") || a.len() > 60 || b.len() > 60 {
                return None;
            }
            let at = b.as_ptr() as usize - n.as_ptr() as usize;
            let swap = Swap {
                old: String::from_utf8_lossy(a).into_owned(),
                new: String::from_utf8_lossy(b).into_owned(),
                prose: comment,
                key: if comment { None } else { key_of(n, at) },
                qualifier: (!comment && i >= 3 && tn[i - 1] == b":" && tn[i - 2] == b":")
                    .then(|| String::from_utf8_lossy(tn[i - 3]).into_owned()),
            };
            if !out.contains(&swap) {
                out.push(swap);
            }
            if out.len() > 8 {
                return None;
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Returns the terms a page's hunk swaps when each removed line comes back as an added line
/// with the same words but one, and that one a term whose marks split it differently
/// (`--python-pin` → `--pin-python`, `gerrit.default_remote` → `gerrit.default-remote`,
/// `apt-get` → `apt`), which [`word_swaps`] cannot pair token by token. Links, numbers and
/// marks alone are left to the rules that read them.
pub(crate) fn term_swaps(old: &[&[u8]], new: &[&[u8]]) -> Option<Vec<Swap>> {
    if old.is_empty() || old.len() != new.len() || old.len() > 12 {
        return None;
    }
    let bare = |t: &str| -> String {
        t.trim_matches(|c: char| matches!(c, '`' | '"' | '\'' | '*' | '(' | ')' | '[' | ']'))
            .trim_end_matches(['.', ',', ';', ':'])
            .trim_matches('`')
            .to_owned()
    };
    let mut out: Vec<Swap> = Vec::new();
    for (o, n) in old.iter().zip(new) {
        let (o, n) = (String::from_utf8_lossy(o), String::from_utf8_lossy(n));
        let (wo, wn): (Vec<&str>, Vec<&str>) = (
            o.split_whitespace().collect(),
            n.split_whitespace().collect(),
        );
        if wo.len() != wn.len() {
            return None;
        }
        let mut swapped = (wo.iter().zip(&wn)).filter(|(a, b)| a != b);
        let (Some((a, b)), None) = (swapped.next(), swapped.next()) else {
            return None;
        };
        let (a, b) = (bare(a), bare(b));
        // A name, a flag, a path or a package: no code around it (quotes, brackets,
        // escapes, pipes) and short enough to name in a subject.
        let term = |t: &str| {
            t.chars().any(char::is_alphabetic)
                && t.len() <= 32
                && !t.contains("://")
                && t.chars().all(|c| {
                    c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ':' | '@' | '+')
                })
        };
        // A heading renamed is the section's, not a term's.
        let heading = |line: &str| line.trim_start().starts_with('#');
        if a == b || !term(&a) || !term(&b) || heading(&o) {
            return None;
        }
        let swap = Swap {
            old: a,
            new: b,
            prose: false,
            key: None,
            qualifier: None,
        };
        if !out.contains(&swap) {
            out.push(swap);
        }
    }
    (out.len() <= 2).then_some(out)
}

/// Returns a line without its link targets (`](…)`, `<https://…>`, bare URLs) and
/// without whitespace.
fn without_links(line: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(line);
    let mut out = String::new();
    let mut rest = text.as_ref();
    // A reference's definition, `[2.33.2]: https://…`: its label is where links point.
    let trimmed = rest.trim_start();
    if trimmed.starts_with('[')
        && let Some(end) = trimmed.find("]:")
    {
        rest = &trimmed[end + 2..];
    }
    loop {
        let url = rest.find("http://").or_else(|| rest.find("https://"));
        // An inline target, `[text](url)`, or a reference's label, `[text][label]`.
        let target = match (rest.find("]("), rest.find("][")) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let cut = match (url, target) {
            (Some(u), Some(t)) => u.min(t),
            (Some(u), None) => u,
            (None, Some(t)) => t,
            (None, None) => break,
        };
        out.push_str(&rest[..cut]);
        let tail = &rest[cut..];
        let end = tail
            .char_indices()
            .skip(2)
            .find(|&(_, c)| c.is_whitespace() || matches!(c, ')' | ']' | '>' | '"' | '\'' | '`'))
            .map_or(tail.len(), |(i, _)| i);
        rest = &tail[end..];
    }
    out.push_str(rest);
    out.bytes().filter(|b| !b.is_ascii_whitespace()).collect()
}

/// Tells whether a hunk's new lines are its old ones with `https://` put in place of
/// `http://` (axum's `[rovo](http://docs.rs/rovo)` made `https://`).
pub(crate) fn only_scheme_upgraded(old: &[&[u8]], new: &[&[u8]]) -> bool {
    let join = |lines: &[&[u8]]| -> String {
        (lines.iter())
            .map(|l| String::from_utf8_lossy(l).into_owned())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (old, new) = (join(old), join(new));
    old != new && old.replace("http://", "https://") == new
}

/// The version a hunk's links were moved to, when that is all it did (axum's
/// `https://docs.rs/axum/0.7/axum/struct.Json.html` made `…/0.8/…`, every moved link to the
/// same one), with the host of the links when they share one (`docs.rs`).
pub(crate) fn links_version_moved(
    old: &[&[u8]],
    new: &[&[u8]],
) -> Option<(String, Option<String>)> {
    if old.len() != new.len() {
        return None;
    }
    let version = |part: &str| {
        let digits = part.strip_prefix('v').unwrap_or(part);
        digits.contains('.')
            && !digits.starts_with('.')
            && !digits.ends_with('.')
            && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    };
    let mut to: Option<String> = None;
    let mut hosts: Vec<String> = Vec::new();
    for (before, after) in old.iter().zip(new) {
        let (before, after) = (
            String::from_utf8_lossy(before),
            String::from_utf8_lossy(after),
        );
        let (a, b): (Vec<&str>, Vec<&str>) =
            (before.split('/').collect(), after.split('/').collect());
        if a.len() != b.len() {
            return None;
        }
        for (k, (x, y)) in a.iter().zip(&b).enumerate() {
            if x == y {
                continue;
            }
            if !version(x) || !version(y) || to.as_deref().is_some_and(|v| v != *y) {
                return None;
            }
            to = Some((*y).to_owned());
            // `https://docs.rs/…`: the host follows the scheme's `//`.
            let host = (2..k)
                .rfind(|&h| {
                    b[h - 1].is_empty()
                        && (b[h - 2].ends_with("http:") || b[h - 2].ends_with("https:"))
                })
                .map(|h| b[h]);
            if let Some(host) = host
                && !hosts.iter().any(|h| h == host)
            {
                hosts.push(host.to_owned());
            }
        }
    }
    let host = match hosts.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    };
    to.map(|v| (v, host))
}

/// The labels of the links whose targets a hunk moved: a reference's definition
/// (`[\`TypedHeader\`]: https://…`) or an inline link (`[SML](https://…)`) that the old
/// lines do not hold as written. Only short names count (four words at most, not `here` or
/// `link`); a bare URL has no label.
pub(crate) fn moved_link_labels(old: &[&[u8]], new: &[&[u8]]) -> Vec<String> {
    let before: Vec<String> = (old.iter())
        .map(|l| String::from_utf8_lossy(l).into_owned())
        .collect();
    let mut out: Vec<String> = Vec::new();
    for line in new {
        let text = String::from_utf8_lossy(line);
        let mut rest = text.as_ref();
        while let Some(open) = rest.find('[') {
            let Some(close) = rest[open..].find(']').map(|c| open + c) else {
                break;
            };
            let after = &rest[close + 1..];
            let target_end = if let Some(tail) = after.strip_prefix(": ") {
                Some(close + 1 + after.len() - tail.len() + tail.find(' ').unwrap_or(tail.len()))
            } else if after.starts_with('(') {
                after.find(')').map(|e| close + 1 + e + 1)
            } else {
                None
            };
            let Some(end) = target_end else {
                rest = &rest[close + 1..];
                continue;
            };
            let link = &rest[open..end];
            let label = rest[open + 1..close].trim().trim_matches('`').trim();
            // One code span is its name (`` `TypedHeader` ``); more, cut apart, are not.
            let short = !label.is_empty()
                && !label.contains('`')
                && label.split_whitespace().count() <= 4
                && !label.contains("://")
                && !matches!(
                    label.to_lowercase().as_str(),
                    "here" | "link" | "this" | "docs" | "documentation" | "source"
                );
            if short && !before.iter().any(|b| b.contains(link)) && !out.iter().any(|o| o == label)
            {
                out.push(label.to_owned());
            }
            rest = &rest[end..];
        }
    }
    out
}

/// Tells whether a hunk changes only where links point: its lines are the same once link
/// targets are left out, and differ with them.
pub(crate) fn only_links_differ(old: &[&[u8]], new: &[&[u8]]) -> bool {
    if old.is_empty() || new.is_empty() || old.len() > 12 || new.len() > 12 {
        return false;
    }
    let join = |lines: &[&[u8]], f: &dyn Fn(&[u8]) -> Vec<u8>| -> Vec<u8> {
        lines.iter().flat_map(|l| f(l)).collect()
    };
    let raw = |l: &[u8]| -> Vec<u8> {
        l.iter()
            .copied()
            .filter(|b| !b.is_ascii_whitespace())
            .collect()
    };
    join(old, &raw) != join(new, &raw) && join(old, &without_links) == join(new, &without_links)
}

/// Tells whether a line of code reads as a sentence: a help text or message in a string
/// (ripgrep's `This flag enable searching across multiple lines.`), a snapshot of one.
/// Five words at least, three in four of its tokens plain words, one of them a function
/// word of English that no language's keywords all share (`the`, `your`).
fn reads_as_prose(line: &[u8]) -> bool {
    let text = String::from_utf8_lossy(line);
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let words: Vec<&str> = (tokens.iter())
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '\''))
        .collect();
    const ENGLISH: &[&str] = &[
        "the", "a", "an", "of", "to", "this", "that", "your", "you", "we", "be", "are", "was",
        "when", "which", "will", "it",
    ];
    words.len() >= 5
        && words.len() * 4 >= tokens.len() * 3
        && (words.iter()).any(|w| ENGLISH.contains(&w.to_lowercase().as_str()))
}

fn is_comment_line(line: &[u8]) -> bool {
    let t = line.trim_ascii_start();
    ["//", "#", "/*", "* ", "<!--", "--", "\"\"\""]
        .iter()
        .any(|p| t.starts_with(p.as_bytes()))
}

/// The edit distance between two short words (insertions, deletions, substitutions and
/// swaps of neighbours), compared without case.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// Tells whether a word is one of the small words that hold a sentence together (`a`, `the`,
/// `to`, `is`), whose swap mends grammar rather than meaning.
pub(crate) fn is_function_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "a", "an", "the", "to", "of", "in", "on", "at", "for", "by", "with", "from", "is", "are",
        "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "and", "or",
        "as", "if", "than", "then", "there", "their", "they", "which", "who", "whom", "has",
        "have", "had", "do", "does", "can", "will", "would", "should", "not", "your", "you", "our",
        "we",
    ];
    WORDS.contains(&word.to_lowercase().as_str())
}

/// Tells whether swaps are misspellings put right, a name's capitals fixed beside them
/// (`goreleaser` → `GoReleaser`) going along; at least one a misspelling.
pub(crate) fn all_typos<'a>(mut swaps: impl Iterator<Item = &'a Swap> + Clone) -> bool {
    let recased =
        |s: &Swap| s.prose && s.old != s.new && s.old.to_lowercase() == s.new.to_lowercase();
    swaps.clone().any(is_typo) && swaps.all(|s| is_typo(s) || recased(s))
}

/// Tells whether a swap corrects a misspelling: close in spelling, not only in case, and in
/// code not a change of form (`field` → `fields`, `parse` → `parsed`), which code makes on
/// purpose.
/// In code (not a comment) only longer names count, where a slip is more likely than a new
/// meaning.
pub(crate) fn is_typo(swap: &Swap) -> bool {
    // In code a misspelt name keeps its capitals and digits: `fBpositional` → `fIpositional`
    // (roff's bold to italic) is markup changed, not a typo.
    let marks = |s: &str| {
        s.chars()
            .filter(|c| c.is_uppercase() || c.is_ascii_digit())
            .collect::<String>()
    };
    if !swap.prose && marks(&swap.old) != marks(&swap.new) {
        return false;
    }
    // A term whose marks alone changed (`default_remote` → `default-remote`, `gitlab-ci.yml`
    // → `.gitlab-ci.yml`) is another name, not a misspelling.
    let letters = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    if !swap.prose && letters(&swap.old) == letters(&swap.new) {
        return false;
    }
    let (old, new) = (swap.old.to_lowercase(), swap.new.to_lowercase());
    // A word written twice, once taken out (`the the` → `the`).
    if swap.prose && old == format!("{new} {new}") {
        return true;
    }
    let shorter = old.chars().count().min(new.chars().count());
    // A two-letter word of prose one letter off or turned round (`im` → `in`, `ot` → `to`):
    // a slip of the keys or of grammar, which its author calls a typo too.
    let word = |s: &str| s.chars().count() == 2 && s.chars().all(char::is_alphabetic);
    if swap.prose && old != new && word(&old) && word(&new) {
        // `distance` counts two neighbours swapped as one edit.
        return distance(&old, &new) == 1;
    }
    if old == new || shorter < 3 || (!swap.prose && shorter < 6) {
        return false;
    }
    let inflection = |a: &str, b: &str| {
        b.strip_prefix(a)
            .is_some_and(|tail| ["s", "es", "ed", "d", "ing", "er", "ly", "n"].contains(&tail))
    };
    // In prose a word's form put right is grammar mended (`This flag enable` → `enables`),
    // which its author calls a typo too; not a name's (`docker_digests` → `docker_digest`).
    if inflection(&old, &new) || inflection(&new, &old) {
        return swap.prose && old.chars().all(char::is_alphabetic);
    }
    let d = distance(&old, &new);
    (1..=2).contains(&d) && d * 3 <= shorter
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gerunds_follow_the_spelling_rules() {
        for (bare, ing) in [
            ("poll", "polling"),
            ("hide", "hiding"),
            ("stop", "stopping"),
            ("split", "splitting"),
            ("panic", "panicking"),
            ("see", "seeing"),
            ("tie", "tying"),
            ("open", "opening"),
            ("visit", "visiting"),
            ("emit", "emitting"),
            ("show", "showing"),
            ("fix", "fixing"),
            ("stall", "stalling"),
        ] {
            assert_eq!(gerund(bare), ing);
        }
    }

    #[test]
    fn a_fact_reads_as_the_change_that_makes_it_true() {
        for (fact, change) in [
            (
                "stream reader does not poll after EOF",
                "stop stream reader from polling after EOF",
            ),
            (
                "before park doesn't stall spawned timer",
                "stop before park from stalling spawned timer",
            ),
            (
                "Tar wheel traversal is not recorded",
                "don't record Tar wheel traversal",
            ),
            ("sender must be closed on drop", "close sender on drop"),
            ("value is rejected", "reject value"),
            (
                "scenario can skip generated tests",
                "let scenario skip generated tests",
            ),
            ("cursor must stay visible", "make cursor stay visible"),
            (
                "num idle threads is zero after shutdown",
                "make num idle threads zero after shutdown",
            ),
            (
                "parser never panics on eof",
                "stop parser from panicking on eof",
            ),
            ("help uses valid config", "make help use valid config"),
        ] {
            assert_eq!(fact_change(fact, true).as_deref(), Some(change), "{fact}");
        }
        // A case under test, a vague state, a name that runs a command: no change to say.
        for words in [
            "evaluate file arg with newline does not split commands",
            "alias names are reasonable",
            "metadata access is streaming",
            "value is unchanged",
            "returns none without input",
            "stream reader",
            "exit CLI when Cargo returns an error",
            "SQL get documents using nested filters",
        ] {
            assert_eq!(fact_change(words, true), None, "{words}");
        }
        // In prose a plural reads as a verb: only the auxiliaries count there.
        assert_eq!(fact_change("SQL get documents using filters", false), None);
        assert_eq!(
            fact_change("the value can be empty now", false).as_deref(),
            None
        );
    }

    #[test]
    fn participles_and_third_persons_become_bare() {
        for (past, bare) in [
            ("centered", "center"),
            ("saved", "save"),
            ("stopped", "stop"),
            ("applied", "apply"),
            ("handled", "handle"),
            ("parsed", "parse"),
            ("rendered", "render"),
            ("fixed", "fix"),
            ("added", "add"),
            ("created", "create"),
            ("used", "use"),
            ("passed", "pass"),
            ("called", "call"),
            ("edited", "edit"),
        ] {
            assert_eq!(unpast(past).as_deref(), Some(bare), "{past}");
        }
        assert_eq!(unpast("need"), None);
        for (third, bare) in [
            ("handles", "handle"),
            ("matches", "match"),
            ("applies", "apply"),
            ("uses", "use"),
            ("fixes", "fix"),
            ("does", "do"),
        ] {
            assert_eq!(unthird(third).as_deref(), Some(bare), "{third}");
        }
        assert_eq!(unthird("status"), None);
    }

    #[test]
    fn test_names_become_behaviour() {
        // A numbered variant names a case, not what it pins (tokio's `poll_write_vectored_4`).
        assert_eq!(test_intent("poll_write_vectored_4"), None);
        // A participle inside a clause says when, not what was done (tokio's leak test).
        assert_eq!(
            test_intent("memory_leak_when_fd_closed_before_drop").as_deref(),
            Some("memory leak when fd closed before drop")
        );
        assert_eq!(
            test_intent("wide_value_label_centered_by_display_width").as_deref(),
            Some("center wide value label by display width")
        );
        assert_eq!(
            test_intent("test_handles_empty_input").as_deref(),
            Some("handle empty input")
        );
        assert_eq!(
            test_intent("handles unicode in paths").as_deref(),
            Some("handle unicode in paths")
        );
        assert_eq!(
            test_intent("TestRunPipeWithoutRegistry").as_deref(),
            Some("run pipe without registry")
        );
        assert_eq!(
            test_intent("pep_751_prefers_path_over_url").as_deref(),
            Some("PEP 751 prefers path over URL")
        );
        // Shorthand spelt out, the doubled word dropped, `work with` said as support.
        assert_eq!(
            test_intent("should work with w/ complex expression").as_deref(),
            Some("support complex expression")
        );
        assert_eq!(
            test_intent("renders w/o a key").as_deref(),
            Some("render without a key")
        );
        assert_eq!(test_intent("test_parse"), None);
        assert_eq!(
            test_intent("check_ignores_invalid_pep723_scripts").as_deref(),
            Some("ignore invalid PEP 723 scripts")
        );
        assert_eq!(
            test_intent("http2_implicit_empty_size_hint").as_deref(),
            Some("http2 implicit empty size hint")
        );
        assert_eq!(test_intent("TestRun"), None);
        // A module label is not part of the behaviour (Deno's `Deno.test("[node/dns] …")`).
        assert_eq!(
            test_intent("[node/dns] lookupService accepts string ports").as_deref(),
            Some("lookupService accepts string ports")
        );
        assert_eq!(
            test_intent("[perf_hooks]: handles empty marks").as_deref(),
            Some("handle empty marks")
        );
        // A participle after `stays`, `is` … is a state, not the change's verb.
        assert_eq!(
            test_intent("Session stays closed after connection reopens").as_deref(),
            Some("session stays closed after connection reopens")
        );
        // vitest's and jest's titles: a passive and a negation, said as the change.
        assert_eq!(
            test_intent("concurrent restarts are coalesced instead of overlapping").as_deref(),
            Some("coalesce concurrent restarts instead of overlapping")
        );
        assert_eq!(
            test_intent("project is parsed correctly").as_deref(),
            Some("parse project correctly")
        );
        assert_eq!(
            test_intent("does not throw an error on a missing tsconfig").as_deref(),
            Some("don't throw an error on a missing tsconfig")
        );
        assert_eq!(
            test_intent("fails with a non-zero exit code when teardown throws").as_deref(),
            Some("fail with a non-zero exit code when teardown throws")
        );
        // A state stays a state; a passive with more after it than a manner stays too.
        assert_eq!(
            test_intent("value is undefined after reset").as_deref(),
            Some("value is undefined after reset")
        );
        assert_eq!(
            test_intent("cache is cleared and rebuilt").as_deref(),
            Some("cache is cleared and rebuilt")
        );
    }

    #[test]
    fn comments_become_reasons_unless_they_are_code_or_directives() {
        assert_eq!(
            reason(" Searching is slow; cache results for repeated queries. More here.").as_deref(),
            Some("Searching is slow; cache results for repeated queries.")
        );
        assert_eq!(reason(" TODO: remove this once the API is stable"), None);
        assert_eq!(reason(" eslint-disable-next-line no-console"), None);
        assert_eq!(reason(" let x = f(a, b); g(x);"), None);
        assert_eq!(reason(" unset old ref"), None);
        assert_eq!(
            reason(" Upgrade setuptools due to https://nvd.nist.gov/vuln/detail/CVE-2022-40897")
                .as_deref(),
            Some("Upgrade setuptools due to CVE-2022-40897.")
        );
        assert_eq!(
            reason(" Pin the runner image, see https://github.com/actions/runner-images/issues/1")
                .as_deref(),
            Some("Pin the runner image.")
        );
        let incidental = ("Parse arguments into enums.".to_owned(), None);
        let cause = ("Searching is slow; cache the results.".to_owned(), None);
        let doc = (
            "Parses `90s` into a duration.".to_owned(),
            Some("parse".to_owned()),
        );
        assert_eq!(pick_reason(vec![incidental.clone()]), None);
        assert_eq!(
            pick_reason(vec![incidental.clone(), doc.clone(), cause.clone()]).as_deref(),
            Some("Searching is slow; cache the results.")
        );
        assert_eq!(
            pick_reason(vec![incidental, doc]).as_deref(),
            Some("parse: Parses `90s` into a duration.")
        );
    }

    #[test]
    fn a_word_written_twice_and_taken_out_is_a_typo() {
        let doubled = |old: &[u8], new: &[u8]| WordRun::read(&[old], &[new])?.doubled();
        let swap = doubled(
            b"/// See the the [Examples] directory.",
            b"/// See the [Examples] directory.",
        )
        .unwrap();
        assert!(is_typo(&swap));
        // A word taken out that did not stand twice is an edit of its own.
        assert_eq!(
            doubled(b"/// See all the docs.", b"/// See the docs."),
            None
        );
        // Nor is one put in beside its like.
        assert_eq!(
            doubled(b"/// See the docs.", b"/// See the the docs."),
            None
        );
    }

    #[test]
    fn notes_that_say_what_now_happens_become_the_change() {
        // pnpm's changesets: a plural subject keeps its bare verb after `now`.
        assert_eq!(
            note_phrase("POSIX shell shims now follow symbolic links before computing `basedir`.")
                .as_deref(),
            Some("make POSIX shell shims follow symbolic links before computing `basedir`")
        );
        // What an action no longer does is what the change stops.
        assert_eq!(
            note_phrase(
                "Changing a catalog entry to a different exact version no longer re-resolves the dependency graph. More."
            )
            .as_deref(),
            Some(
                "don't re-resolve the dependency graph when changing a catalog entry to a different exact version"
            )
        );
        assert_eq!(
            reworded("The server now 404s on unknown routes"),
            Some("make the server 404 on unknown routes".to_owned())
        );
        // `can` after `now` lets, it does not make.
        assert_eq!(
            reworded("users can now work with dates").as_deref(),
            Some("let users work with dates")
        );
        // What a thing will do, or is no longer, is what the change makes so.
        for (note, phrase) in [
            (
                "The `--version` output will now also contain PCRE2 availability information.",
                "make the `--version` output also contain PCRE2 availability information",
            ),
            (
                "Passing an argument more than once is no longer an error. The last wins.",
                "allow passing an argument more than once",
            ),
            (
                "The `--base` flag is no longer required.",
                "don't require the `--base` flag",
            ),
            (
                "`Host` extractor includes port number when parsing authority.",
                "make `Host` extractor include port number when parsing authority",
            ),
        ] {
            assert_eq!(note_phrase(note).as_deref(), Some(phrase), "{note}");
        }
    }

    #[test]
    fn notes_become_imperative_phrases() {
        assert_eq!(
            note_phrase("Fix `requestPermissions` not resolving on Android.").as_deref(),
            Some("fix `requestPermissions` not resolving on Android")
        );
        assert_eq!(
            note_phrase("Adds `accelerator` method to the `CustomMenuItem` struct. More.")
                .as_deref(),
            Some("add `accelerator` method to the `CustomMenuItem` struct")
        );
        // tauri's `` `tauri::webview_version` , to get `` lost the space before its comma.
        assert_eq!(
            note_phrase("Added `tauri::webview_version` , to get webview version.").as_deref(),
            Some("add `tauri::webview_version`, to get webview version")
        );
        assert_eq!(
            note_phrase("Fixed a bug where ``Pipeline.run`` hung").as_deref(),
            Some("fix `Pipeline.run` hung")
        );
        assert_eq!(
            note_phrase("Document writer returns the number of documents written.").as_deref(),
            Some("document writer returns the number of documents written")
        );
        assert_eq!(note_phrase("Fixed."), None);
        // A list of code names before a plural noun is counted.
        assert_eq!(
            note_phrase(
                "Fixes `--mode`, `--site`, `--base`, and `--open` flags being silently dropped \
                 when using `astro dev --background`"
            )
            .as_deref(),
            Some("fix 4 flags being silently dropped when using `astro dev --background`")
        );
        assert_eq!(
            note_phrase("Adds `a` and `b` options to `run`").as_deref(),
            Some("add `a` and `b` options to `run`")
        );
        // The reference that trails an entry goes.
        for (entry, words) in [
            (
                "Fix `--list-languages`, see #3828 (@cyphercodes)",
                "Fix `--list-languages`",
            ),
            (
                "Include `.code-workspace` as JSON #3809 (@dhruvkb)",
                "Include `.code-workspace` as JSON",
            ),
            ("Add `Router::reset` ([#3801])", "Add `Router::reset`"),
            (
                "Replace `libgit2`, see PR #3703 (@blinxen)",
                "Replace `libgit2`",
            ),
            (
                "Make tests fail without fixtures PR #3255 (@dan)",
                "Make tests fail without fixtures",
            ),
            ("Fix issue #42 in the parser", "Fix issue #42 in the parser"),
        ] {
            assert_eq!(without_reference(entry), words);
        }
        // Before a clause the filler stays: `fix ripgrep would …` is no phrase.
        assert_eq!(
            note_phrase("Fix a bug where ripgrep would mishandle some paths.").as_deref(),
            Some("fix a bug where ripgrep would mishandle some paths")
        );
        // Two verbs joined are both made bare (ripgrep's running entry).
        assert_eq!(
            note_phrase("Added or improved file type filtering for Ada, DITA.").as_deref(),
            Some("add or improve file type filtering for Ada, DITA")
        );
        // Links as their text, the issue number dropped, the main clause kept (Biome's
        // changesets).
        assert_eq!(
            note_phrase(
                "Fixed [#10278](https://github.com/biomejs/biome/issues/10278): Marked the fix \
                 for [`noThisInStatic`](https://biomejs.dev/linter/rules/no-this-in-static/) as \
                 unsafe by default."
            )
            .as_deref(),
            Some("mark the fix for `noThisInStatic` as unsafe by default")
        );
        // ripgrep's label and issue number before the entry's words; a label without a
        // number is words.
        assert_eq!(
            note_phrase(
                "[BUG #2664](https://github.com/BurntSushi/ripgrep/issues/2664): Fix \
                 `--sortr=path`. I left a `panic` in the source."
            )
            .as_deref(),
            Some("fix `--sortr=path`")
        );
        assert_eq!(
            note_phrase("FEATURE #3096: Improve completions for `--hyperlink-format`.").as_deref(),
            Some("improve completions for `--hyperlink-format`")
        );
        assert_eq!(
            note_phrase(
                "[BUG #1332](https://github.com/BurntSushi/ripgrep/issues/1332), [BUG \
                 #3001](https://github.com/BurntSushi/ripgrep/issues/3001): Make `rg -vf file` \
                 where `file` is empty match everything."
            )
            .as_deref(),
            Some("make `rg -vf file` where `file` is empty match everything")
        );
        assert_eq!(
            note_phrase("API #1: Add a way out").as_deref(),
            Some("add a way out")
        );
        assert_ne!(
            note_phrase("NOTE: Add a way out").as_deref(),
            Some("add a way out")
        );
        // As a `Bug fixes:` entry reads, its section's verb first.
        assert_eq!(
            note_phrase("Fixed BUG #2664: Fix `--sortr=path`.").as_deref(),
            Some("fix `--sortr=path`")
        );
        assert_eq!(
            note_phrase(
                "Added the nursery rule [`noUnsafeTypeAssertion`](https://biomejs.dev/x/), which \
                 disallows TypeScript type assertions."
            )
            .as_deref(),
            Some("add the nursery rule `noUnsafeTypeAssertion`")
        );
        // `such as` without a comma belongs to the subject: kept.
        assert_eq!(
            note_phrase("GritQL snippets such as `x` now match re-exports.").as_deref(),
            Some("GritQL snippets such as `x` now match re-exports")
        );
    }

    #[test]
    fn a_note_names_the_type_by_its_first_word() {
        assert_eq!(note_kind("Fixed [#1](https://x/1): a crash."), Some("fix"));
        // What a thing does now, or what was done to it: the change that did it.
        for (note, phrase) in [
            (
                "The cli now also watches cargo workspace members.",
                "make the cli also watch cargo workspace members",
            ),
            (
                "The file drop event is now part of the `WindowEvent` enum.",
                "make the file drop event part of the `WindowEvent` enum",
            ),
            (
                "The `OpenTelemetryTracer` has been moved out of Haystack.",
                "move the `OpenTelemetryTracer` out of Haystack",
            ),
            (
                "The `return_empty_on_no_match` parameter has been fully removed.",
                "fully remove the `return_empty_on_no_match` parameter",
            ),
            (
                "The DOCXToDocument component now skips comment blocks.",
                "make the DOCXToDocument component skip comment blocks",
            ),
            (
                "Deprecated `ui.always-allow-large-revsets` setting has been removed.",
                "remove deprecated `ui.always-allow-large-revsets` setting",
            ),
            // What a thing no longer does reads as it is (`the parser no longer crashes`).
            (
                "Dynamic shell completion no longer attempts to resolve aliases.",
                "dynamic shell completion no longer attempts to resolve aliases",
            ),
            (
                "Fixed a crash when x is empty.",
                "fix a crash when x is empty",
            ),
            (
                "The Tauri files are now read on the app space.",
                "read the Tauri files on the app space",
            ),
            (
                "Haystack pipelines are now compressed to save space.",
                "compress haystack pipelines to save space",
            ),
            (
                "The parser now correctly handles `!`.",
                "make the parser correctly handle `!`",
            ),
            (
                "A runtime installed through `devEngines.runtime` now matches the host.",
                "make a runtime installed through `devEngines.runtime` match the host",
            ),
        ] {
            assert_eq!(note_phrase(note).as_deref(), Some(phrase), "{note}");
        }
        assert_eq!(note_kind("Added a new nursery rule `x`."), Some("feat"));
        assert_eq!(note_kind("Improved performance of `x`."), Some("perf"));
        assert_eq!(note_kind("Improved the docs of `x`."), None);
        assert_eq!(
            note_kind("Document the input ordering of `Pipeline.connect()`."),
            Some("docs")
        );
        assert_eq!(note_kind("The parser now accepts `!`."), None);
        // Svelte's changesets are headers already: their type, and no type in the words.
        assert_eq!(note_kind("perf: optimize destructuring"), Some("perf"));
        assert_eq!(note_kind("chore(deps): drop x"), Some("chore"));
        assert_eq!(note_kind("Note: this is prose"), None);
        assert_eq!(
            note_phrase("feat: export `RenderOutput` and `Csp` from `svelte/server`").as_deref(),
            Some("export `RenderOutput` and `Csp` from `svelte/server`")
        );
        assert_eq!(
            note_phrase("docs: clarify that context lookup includes the current component")
                .as_deref(),
            Some("clarify that context lookup includes the current component")
        );
    }

    #[test]
    fn hunks_that_change_words_in_place_are_swaps() {
        let swaps = word_swaps(
            &[b"The parser will recieve it."],
            &[b"The parser will receive it."],
            true,
        )
        .expect("one word changed");
        assert_eq!(
            (swaps[0].old.as_str(), swaps[0].new.as_str()),
            ("recieve", "receive")
        );
        assert!(is_typo(&swaps[0]));
        // More lines, other punctuation, numbers: not a swap.
        assert!(word_swaps(&[b"a b"], &[b"a b", b"c"], true).is_none());
        assert!(word_swaps(&[b"f(a)"], &[b"f(a, b)"], false).is_none());
        assert!(word_swaps(&[b"version 1.2"], &[b"version 1.3"], true).is_none());
        let code = word_swaps(
            &[b"  optimizeBindings(ast)"],
            &[b"  optimizeImports(ast)"],
            false,
        )
        .expect("a rename");
        assert!(!is_typo(&code[0]));
        let config = word_swaps(
            &[b"  \"no-console\": \"warn\""],
            &[b"  \"no-console\": \"error\""],
            false,
        )
        .expect("a value changed");
        assert_eq!(config[0].key.as_deref(), Some("no-console"));
        // A word inside a longer value is no setting of its own.
        let inside = word_swaps(
            &[b"Env: []string{\"VAR=token\"},"],
            &[b"Env: []string{\"VAR=giteatoken\"},"],
            false,
        )
        .expect("a word changed");
        assert_eq!(inside[0].key, None);
    }

    #[test]
    fn links_made_https_are_told() {
        assert!(only_scheme_upgraded(
            &[b"- [rovo](http://docs.rs/rovo): OpenAPI docs"],
            &[b"- [rovo](https://docs.rs/rovo): OpenAPI docs"]
        ));
        assert!(!only_scheme_upgraded(
            &[b"[rovo](http://docs.rs/rovo)"],
            &[b"[rovo](https://docs.rs/rovo2)"]
        ));
        assert!(!only_scheme_upgraded(&[b"same"], &[b"same"]));
    }

    #[test]
    fn links_moved_to_a_version_are_told() {
        let docs =
            |v: &str| format!("/// [`Json`]: https://docs.rs/axum/{v}/axum/struct.Json.html");
        let (old, new) = (docs("0.7"), docs("0.8"));
        assert_eq!(
            links_version_moved(&[old.as_bytes()], &[new.as_bytes()]),
            Some(("0.8".to_owned(), Some("docs.rs".to_owned())))
        );
        // From several versions to one, on two hosts: the version alone.
        let lib = "//! [`axum`]: https://docs.rs/axum/0.5";
        assert_eq!(
            links_version_moved(
                &[
                    lib.as_bytes(),
                    b"//! [guide]: https://example.org/0.6/guide"
                ],
                &[
                    b"//! [`axum`]: https://docs.rs/axum/0.8",
                    b"//! [guide]: https://example.org/0.8/guide"
                ]
            ),
            Some(("0.8".to_owned(), None))
        );
        // `v0.8` and `0.8` are two versions; versions moved apart, or a path moved too: no.
        assert_eq!(
            links_version_moved(
                &[
                    lib.as_bytes(),
                    b"//! [guide]: https://example.org/v0.5/guide"
                ],
                &[
                    b"//! [`axum`]: https://docs.rs/axum/0.8",
                    b"//! [guide]: https://example.org/v0.8/guide"
                ]
            ),
            None
        );
        assert_eq!(
            links_version_moved(
                &[old.as_bytes()],
                &[docs("0.8").replace("Json", "Form").as_bytes()]
            ),
            None
        );
        assert_eq!(
            links_version_moved(
                &[old.as_bytes(), old.as_bytes()],
                &[docs("0.8").as_bytes(), docs("0.9").as_bytes()]
            ),
            None
        );
    }

    #[test]
    fn moved_links_are_named_by_their_labels() {
        // axum's rustdoc reference, moved to another crate's docs.
        assert_eq!(
            moved_link_labels(
                &[b"/// [`TypedHeader`]: https://docs.rs/axum/0.8/axum/struct.TypedHeader.html"],
                &[b"/// [`TypedHeader`]: https://docs.rs/axum-extra/0.10/axum_extra/struct.TypedHeader.html"]
            ),
            ["TypedHeader"]
        );
        // Of two inline links, the one that moved; a bare URL and `here` name nothing.
        assert_eq!(
            moved_link_labels(
                &[b"[SML](https://a.example/sml) and [Zig](https://a.example/zig)"],
                &[b"[SML](https://b.example/sml) and [Zig](https://a.example/zig)"]
            ),
            ["SML"]
        );
        assert!(moved_link_labels(&[b"https://a.example/x"], &[b"https://b.example/x"]).is_empty());
        // Two code spans in a label are no name (typescript-eslint's docs).
        assert!(
            moved_link_labels(
                &[b"[`import` over `require`](https://a.example/r)"],
                &[b"[`import` over `require`](https://b.example/r)"]
            )
            .is_empty()
        );
        assert!(
            moved_link_labels(
                &[b"see [here](https://a.example)"],
                &[b"see [here](https://b.example)"]
            )
            .is_empty()
        );
    }

    #[test]
    fn hunks_that_move_only_link_targets_are_links() {
        assert!(only_links_differ(
            &[b"See [the guide](https://old.example/guide) for more."],
            &[b"See [the guide](https://docs.example/guide) for more."]
        ));
        assert!(only_links_differ(
            &[b"// https://a.example/x"],
            &[b"// https://a.example/y"]
        ));
        assert!(!only_links_differ(
            &[b"See [the guide](https://old.example/guide)."],
            &[b"Read [the guide](https://old.example/guide)."]
        ));
        assert!(!only_links_differ(&[b"same"], &[b"same"]));
        // vue's README: a reference's label (`[Github][jsx-code]` → `[rpv-code]`).
        assert!(only_links_differ(
            &[b"| rollup-plugin-vue | [![alpha][rpv-badge]][rpv-npm] [[Github][jsx-code]] |"],
            &[b"| rollup-plugin-vue | [![alpha][rpv-badge]][rpv-npm] [[Github][rpv-code]] |"]
        ));
        // clap's CHANGELOG: the label a reference defines.
        assert!(only_links_differ(
            &[b"[2.32.2]: https://github.com/clap-rs/clap/compare/v2.32.1...v2.33.2"],
            &[b"[2.33.2]: https://github.com/clap-rs/clap/compare/v2.32.1...v2.33.2"]
        ));
        // The words a link shows are prose.
        assert!(!only_links_differ(
            &[b"See [the guide][guide]."],
            &[b"See [the manual][guide]."]
        ));
    }

    #[test]
    fn an_apostrophe_inside_a_word_of_prose_is_part_of_it() {
        // `its` → `it's` in a comment: one swap, a typo.
        let swaps = word_swaps(
            &[b"    // its often easiest to call other implementations"],
            &[b"    // it's often easiest to call other implementations"],
            false,
        )
        .unwrap();
        assert_eq!(
            (swaps[0].old.as_str(), swaps[0].new.as_str()),
            ("its", "it's")
        );
        assert!(is_typo(&swaps[0]));
        // In code a quote stays a mark of its own (`b'x'`, lifetimes).
        assert_eq!(tokens(b"let c = b'x';", false).len(), 8);
        assert_eq!(tokens(b"don't stop", true), [&b"don't"[..], b"stop"]);
        assert_eq!(tokens(b"'quoted'", true).len(), 3);
    }

    /// tauri's `SkipDevTools::No` → `SkipDevTools::Yes` read `rename No to Yes`.
    #[test]
    fn a_switch_flipped_is_said_in_words() {
        let old: &[&[u8]] = &[b"    SkipDevTools::No,"];
        let new: &[&[u8]] = &[b"    SkipDevTools::Yes,"];
        let swaps = word_swaps(old, new, false).unwrap();
        assert_eq!(swaps[0].qualifier.as_deref(), Some("SkipDevTools"));
        let phrase = toggle_phrase;
        assert_eq!(
            phrase("SkipDevTools", "No", "Yes").as_deref(),
            Some("skip dev tools")
        );
        assert_eq!(
            phrase("ReinstallDeps", "Yes", "No").as_deref(),
            Some("don't reinstall deps")
        );
        assert_eq!(
            phrase("Vsync", "On", "Off").as_deref(),
            Some("disable vsync")
        );
        assert_eq!(
            phrase("DevTools", "Disabled", "Enabled").as_deref(),
            Some("enable dev tools")
        );
        // Not opposites, or no type to name the switch: no phrase.
        assert_eq!(phrase("Mode", "Light", "Dark"), None);
        assert_eq!(phrase("self", "No", "Yes"), None);
        // A plain word in its place has no qualifier.
        let swaps = word_swaps(&[b"let x = No;"], &[b"let x = Yes;"], false).unwrap();
        assert_eq!(swaps[0].qualifier, None);
    }

    #[test]
    fn typos_are_close_spellings_not_new_forms() {
        let swap = |old: &str, new: &str, prose: bool| Swap {
            old: old.into(),
            new: new.into(),
            prose,
            key: None,
            qualifier: None,
        };
        assert!(reads_as_prose(
            b"This flag enable searching across multiple lines."
        ));
        assert!(reads_as_prose(
            b"  r\"Print results im a vim compatible format.\""
        ));
        assert!(!reads_as_prose(
            b"    let field = parse(input, &mut state)?;"
        ));
        assert!(!reads_as_prose(b"if not value and other is None or done:"));
        assert!(is_typo(&swap("teh", "the", true)));
        assert!(is_typo(&swap("im", "in", true)));
        assert!(is_typo(&swap("ot", "to", true)));
        assert!(!is_typo(&swap("im", "in", false)));
        assert!(!is_typo(&swap("in", "into", true)));
        assert!(!is_typo(&swap("v1", "v2", true)));
        assert!(is_typo(&swap("stringiySymbol", "stringifySymbol", false)));
        assert!(!is_typo(&swap("field", "fields", false)));
        assert!(!is_typo(&swap("parse", "parsed", false)));
        assert!(is_typo(&swap("enable", "enables", true)));
        assert!(!is_typo(&swap("docker_digests", "docker_digest", true)));
        assert!(!is_typo(&swap("Foo", "foo", true)));
        assert!(!is_typo(&swap("sane", "sensible", true)));
        assert!(!is_typo(&swap("cat", "cut", false)));
        // A name in code keeps its capitals and digits when misspelt.
        assert!(is_typo(&swap("accumulted_len", "accumulated_len", false)));
        assert!(!is_typo(&swap("fBpositional", "fIpositional", false)));
        assert!(!is_typo(&swap("utf8_bytes", "utf16_bytes", false)));
    }

    #[test]
    fn settings_are_one_key_and_a_plain_value() {
        let set = |k: &str, v: &str| Some((k.to_owned(), v.to_owned()));
        assert_eq!(setting("pool: 'vmThreads',"), set("pool", "vmThreads"));
        assert_eq!(
            setting("\"no-console\": \"warn\""),
            set("no-console", "warn")
        );
        assert_eq!(setting("level = \"debug\""), set("level", "debug"));
        assert_eq!(setting("if (a == b) {"), None);
        assert_eq!(setting("cache: \"\""), set("cache", ""));
        assert_eq!(setting("cache:"), None);
        assert!(opener("env:") && opener("  [profile.release]"));
        assert!(!opener("run: cargo test") && !opener("- name:"));
        // A CI expression is a value, named by its key (uv's `CARGO_HOME`).
        assert_eq!(
            setting("CARGO_HOME: ${{ runner.temp }}/cargo-home"),
            set("CARGO_HOME", "${{ runner.temp }}/cargo-home")
        );
        assert_eq!(setting("plugins: [vue()],"), None);
        assert_eq!(
            setting("vtsls = { command = \"vtsls\" }"),
            set("vtsls", "{ command = \"vtsls\" }")
        );
        assert_eq!(setting("const x = foo(bar)"), None);
        // A quoted key of words names a setting when given a list (bat's syntax mappings),
        // not when given words (a translation).
        assert_eq!(
            setting("\"SSH Config\" = [\"**/.ssh/config\"]"),
            set("SSH Config", "[\"**/.ssh/config\"]")
        );
        assert_eq!(setting("\"Save file\": \"Datei speichern\","), None);
    }
}
