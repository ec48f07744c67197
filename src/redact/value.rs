//! Judging a candidate value: entropy, character classes, placeholders and references, and
//! the tests that decide whether a literal looks like a password or a key.

use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// Shannon entropy of the bytes, in bits per byte.
pub(super) fn entropy(v: &[u8]) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in v {
        counts[usize::from(b)] += 1;
    }
    let len = v.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = f64::from(c) / len;
            -p * p.log2()
        })
        .sum()
}

/// Which of upper case, lower case, digits and other printable bytes occur.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Classes {
    pub upper: bool,
    pub lower: bool,
    pub digit: bool,
    pub symbol: bool,
}

impl Classes {
    pub(super) fn of(v: &[u8]) -> Self {
        let mut c = Classes::default();
        for &b in v {
            match b {
                b'A'..=b'Z' => c.upper = true,
                b'a'..=b'z' => c.lower = true,
                b'0'..=b'9' => c.digit = true,
                _ => c.symbol = true,
            }
        }
        c
    }

    /// Counts upper, lower and digit (the classes random tokens draw from).
    pub(super) fn alnum(self) -> usize {
        usize::from(self.upper) + usize::from(self.lower) + usize::from(self.digit)
    }

    pub(super) fn all(self) -> usize {
        self.alnum() + usize::from(self.symbol)
    }
}

/// Tells whether a value is too regular to be a real token: few distinct bytes, or one byte
/// making up most of it (`xxxx`, `0000`, `AKIAXXXXXXXXXXXXXXXX`).
pub(super) fn is_degenerate(v: &[u8]) -> bool {
    let mut counts = [0u32; 256];
    for &b in v {
        counts[usize::from(b)] += 1;
    }
    let distinct = counts.iter().filter(|&&c| c > 0).count();
    let max = counts.iter().copied().max().unwrap_or(0) as usize;
    distinct < 5 || max * 2 > v.len()
}

/// A provider token: not degenerate, drawn from at least two of upper, lower and digits (or
/// upper case alone, as some AWS key ids are, when varied enough; lower case alone reads as an
/// identifier).
pub(super) fn is_token(v: &[u8]) -> bool {
    let c = Classes::of(v);
    let varied = c.alnum() >= 2 || (c.upper && !c.lower && !c.digit && entropy(v) >= 3.0);
    !is_degenerate(v) && varied && !contains_placeholder_marker(v)
}

fn lower(v: &[u8]) -> Vec<u8> {
    v.to_ascii_lowercase()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    super::doc::find(haystack, needle).is_some()
}

/// Words that stand for a value rather than being one (compared without case and without
/// punctuation).
const PLACEHOLDER_WORDS: &[&str] = &[
    "changeme",
    "changeit",
    "changethis",
    "password",
    "passwd",
    "pass",
    "pwd",
    "secret",
    "secrets",
    "token",
    "apikey",
    "apitoken",
    "accesstoken",
    "authtoken",
    "secretkey",
    "privatekey",
    "accesskey",
    "clientsecret",
    "key",
    "value",
    "example",
    "sample",
    "dummy",
    "test",
    "testing",
    "fake",
    "foo",
    "bar",
    "baz",
    "foobar",
    "null",
    "nil",
    "none",
    "undefined",
    "true",
    "false",
    "yes",
    "no",
    "on",
    "off",
    "empty",
    "default",
    "required",
    "optional",
    "string",
    "str",
    "text",
    "todo",
    "fixme",
    "tbd",
    "na",
    "notset",
    "unset",
    "redacted",
    "hidden",
    "masked",
    "removed",
    "omitted",
    "secretvalue",
    "mysecret",
    "mypassword",
    "mytoken",
    "myapikey",
    "yourpassword",
    "yoursecret",
    "yourtoken",
    "yourapikey",
    "yourkey",
    "xxx",
];

/// Marks that show a value is a stand-in, wherever they occur in it.
const PLACEHOLDER_MARKERS: &[&[u8]] = &[
    b"changeme",
    b"change_me",
    b"change-me",
    b"changeit",
    b"changethis",
    b"change_this",
    b"replaceme",
    b"replace_me",
    b"replace-me",
    b"replace_with",
    b"replace-with",
    b"placeholder",
    b"your_",
    b"your-",
    b"your.",
    b"yourapi",
    b"yourkey",
    b"yoursecret",
    b"yourtoken",
    b"yourpass",
    b"_here",
    b"-here",
    b"xxxxx",
    b"*****",
    b"\xe2\x80\xa2\xe2\x80\xa2",
    b"...",
    b"redacted",
    b"<insert",
    b"insert_",
    b"insert-",
    b"enter_your",
    b"enter-your",
];

/// [`PLACEHOLDER_MARKERS`] in one automaton: one pass instead of a search per marker.
static MARKERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(PLACEHOLDER_MARKERS)
        .expect("the markers are few and short")
});

fn contains_placeholder_marker(v: &[u8]) -> bool {
    // The markers are lower case: any case of them counts, as in a lower-cased copy.
    MARKERS.is_match(v)
}

/// Tells whether a value refers to a secret kept elsewhere (`${X}`, `$X`, `{{ x }}`,
/// `%X%`, `env:X`, `op://…`, `!vault`) or stands in for one (`<your-key>`, `changeme`,
/// `********`).
pub(super) fn is_placeholder(v: &[u8]) -> bool {
    if v.is_empty() {
        return true;
    }
    let first = v[0];
    let last = v[v.len() - 1];
    if first == b'$' {
        // `$VAR`, `$env:X`; a `$2b$…` hash or a password like `$ecret!9` stays a value.
        let rest = &v[1..];
        let rest = rest.strip_prefix(b"env:").unwrap_or(rest);
        if rest
            .first()
            .is_some_and(|&b| b == b'_' || b.is_ascii_alphabetic())
            && rest.iter().all(|&b| b == b'_' || b.is_ascii_alphanumeric())
        {
            return true;
        }
    }
    const REFERENCES: &[&[u8]] = &[
        b"${", b"{{", b"}}", b"$(", b"#{", b"<%", b"{%", b"%(", b"%{",
    ];
    if REFERENCES.iter().any(|r| contains(v, r)) {
        return true;
    }
    if v.len() > 2
        && ((first == b'%' && last == b'%')
            || (first == b'@' && last == b'@')
            || (first == b'<' && last == b'>')
            || (first == b'[' && last == b']')
            || (first == b'(' && last == b')')
            || (first == b'{' && last == b'}'))
    {
        return true;
    }
    if first == b'<'
        || first == b'!'
        || (first == b'*' && v.len() > 1 && v[1].is_ascii_alphabetic())
    {
        // `<your key`, YAML tags (`!vault`, `!Ref`), YAML aliases (`*password`).
        return true;
    }
    const PREFIXES: &[&[u8]] = &[
        b"env:",
        b"env.",
        b"env[",
        b"env(",
        b"vault:",
        b"vault(",
        b"secret:",
        b"secrets.",
        b"secretsmanager",
        b"secretref",
        b"arn:",
        b"op://",
        b"ref+",
        b"enc(",
        b"encrypted:",
        b"sm://",
        b"ssm:",
        b"awssm",
        b"keyvault",
        b"process.env",
        b"os.environ",
        b"getenv",
        b"system.getenv",
        b"file:",
        b"data:",
        b"azurekeyvault",
    ];
    // The prefixes are lower case: compared without case, as in a lower-cased copy.
    if PREFIXES
        .iter()
        .any(|p| v.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))
    {
        return true;
    }
    // Made of filler only: `xxxx`, `****`, `....`, `0000`, `----`, `????`.
    if v.iter().all(|&b| {
        matches!(
            b,
            b'x' | b'X' | b'*' | b'.' | b'-' | b'_' | b'#' | b'0' | b'?' | b' '
        )
    }) {
        return true;
    }
    if v.iter().all(|&b| b == first) {
        return true;
    }
    if contains_placeholder_marker(v) {
        return true;
    }
    // Its letters and digits, lower-cased, as one of the words (none is longer than 16).
    let mut word = [0u8; 16];
    let mut n = 0;
    for &b in v.iter().filter(|b| b.is_ascii_alphanumeric()) {
        if n == word.len() {
            return false;
        }
        word[n] = b.to_ascii_lowercase();
        n += 1;
    }
    PLACEHOLDER_WORDS.iter().any(|w| w.as_bytes() == &word[..n])
}

/// Tells whether a found value is public by design, so no rule reports it: the example keys
/// AWS prints in its documentation (`AKIAIOSFODNN7EXAMPLE`,
/// `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`) and Mapbox public tokens (`pk.eyJ…`, meant for
/// browsers; its secret tokens are `sk.eyJ…`). Checked once, where every span is recorded.
pub(super) fn is_known_public(v: &[u8]) -> bool {
    let aws_key_id = v.len() == 20
        && (v.starts_with(b"AKIA") || v.starts_with(b"ASIA"))
        && v.ends_with(b"EXAMPLE")
        && v.iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let aws_secret = v.len() == 40
        && v.ends_with(b"EXAMPLEKEY")
        && v.iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'/' || b == b'+');
    aws_key_id || aws_secret || v.starts_with(b"pk.eyJ")
}

/// `1.2.3`, `v2.0.0-rc.1+build.5`.
pub(super) fn is_version(v: &[u8]) -> bool {
    let v = v.strip_prefix(b"v").unwrap_or(v);
    let core_end = v
        .iter()
        .position(|&b| b == b'-' || b == b'+')
        .unwrap_or(v.len());
    let core = &v[..core_end];
    let parts = core.split(|&b| b == b'.').collect::<Vec<_>>();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 8 && p.iter().all(u8::is_ascii_digit))
}

/// `8-4-4-4-12` hex.
pub(super) fn is_uuid(v: &[u8]) -> bool {
    let v = v.strip_prefix(b"{").unwrap_or(v);
    let v = v.strip_suffix(b"}").unwrap_or(v);
    v.len() == 36
        && v.iter().enumerate().all(|(i, &b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

pub(super) fn is_hex(v: &[u8]) -> bool {
    !v.is_empty() && v.iter().all(u8::is_ascii_hexdigit)
}

/// Lengths of hex digests: md5, sha1, sha224, sha256, sha384, sha512.
pub(super) fn is_digest_len(len: usize) -> bool {
    matches!(len, 32 | 40 | 56 | 64 | 96 | 128)
}

/// Subresource-integrity and lockfile checksum forms: `sha512-…`, `sha256:…`, `h1:…`.
pub(super) fn is_integrity(v: &[u8]) -> bool {
    let l = lower(v);
    const PREFIXES: &[&[u8]] = &[
        b"sha1-",
        b"sha256-",
        b"sha384-",
        b"sha512-",
        b"md5-",
        b"sha1:",
        b"sha256:",
        b"sha384:",
        b"sha512:",
        b"md5:",
        b"h1:",
        b"sha256=",
        b"sha1=",
        b"blake2b:",
        b"xxh64:",
    ];
    PREFIXES.iter().any(|p| l.starts_with(p))
}

/// A URL or a filesystem path (credentials in URLs have their own rule).
pub(super) fn is_url_or_path(v: &[u8]) -> bool {
    contains(v, b"://")
        || v.starts_with(b"/")
        || v.starts_with(b"./")
        || v.starts_with(b"../")
        || v.starts_with(b"~/")
        || (v.len() > 3 && v[0].is_ascii_alphabetic() && v[1] == b':' && v[2] == b'\\')
        || (v.len() > 2 && v.starts_with(b"\\\\"))
}

/// `db.example.com`, `registry.internal`: a host name, not a secret.
pub(super) fn is_hostname(v: &[u8]) -> bool {
    let parts: Vec<&[u8]> = v.split(|&b| b == b'.').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.iter()
                    .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
        && parts
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.iter().all(u8::is_ascii_lowercase))
}

/// `name@example.com`.
pub(super) fn is_email(v: &[u8]) -> bool {
    let Some(at) = v.iter().position(|&b| b == b'@') else {
        return false;
    };
    let (user, host) = (&v[..at], &v[at + 1..]);
    !user.is_empty()
        && user
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'+' | b'-'))
        && host.contains(&b'.')
        && host
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'))
        && host.iter().any(u8::is_ascii_alphabetic)
}

/// Splits an identifier into lower-case words: `dbPassword` → `db`, `password`;
/// `API_KEY` → `api`, `key`; `x-api-key` → `x`, `api`, `key`.
/// Non-ASCII characters belong to words, lower-cased too (`contraseña`, `ПАРОЛЬ` → `пароль`).
pub(super) fn words(name: &[u8]) -> Vec<String> {
    fn word(cur: &mut Vec<u8>) -> String {
        let bytes = std::mem::take(cur);
        if bytes.is_ascii() {
            String::from_utf8(bytes).expect("ASCII is UTF-8")
        } else {
            String::from_utf8_lossy(&bytes).to_lowercase()
        }
    }
    let mut out = Vec::new();
    let mut cur = Vec::new();
    let mut prev: u8 = 0;
    for (i, &b) in name.iter().enumerate() {
        if !b.is_ascii_alphanumeric() && b < 0x80 {
            if !cur.is_empty() {
                out.push(word(&mut cur));
            }
            prev = b;
            continue;
        }
        let next = name.get(i + 1).copied().unwrap_or(0);
        let boundary = b.is_ascii_uppercase()
            && (prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && next.is_ascii_lowercase()));
        if boundary && !cur.is_empty() {
            out.push(word(&mut cur));
        }
        cur.push(b.to_ascii_lowercase());
        prev = b;
    }
    if !cur.is_empty() {
        out.push(word(&mut cur));
    }
    out
}

/// Tells whether a value is an identifier made of words (`access_token`, `confirmPassword`,
/// `my-secret-name`) rather than random characters.
pub(super) fn is_word_chain(v: &[u8]) -> bool {
    if v.is_empty() || !v[0].is_ascii_alphabetic() {
        return false;
    }
    if !v
        .iter()
        .all(|&b| b.is_ascii_alphabetic() || matches!(b, b'_' | b'-' | b'.'))
    {
        return false;
    }
    words(v).iter().all(|w| w.len() >= 2 && looks_like_word(w))
}

/// A rough English-likeness test: vowels present and no long consonant runs.
pub(super) fn looks_like_word(w: &str) -> bool {
    let bytes = w.as_bytes();
    let is_vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let vowels = bytes.iter().filter(|&&b| is_vowel(b)).count();
    if vowels == 0 {
        return bytes.len() <= 4;
    }
    let mut run = 0;
    for &b in bytes {
        if is_vowel(b) {
            run = 0;
        } else {
            run += 1;
            if run > 4 {
                return false;
            }
        }
    }
    bytes.len() <= 24 && vowels * 5 >= bytes.len()
}

/// How strongly a name suggests a secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Class {
    /// A name ending in `key` with no telling qualifier: the value must look random.
    WeakKey,
    /// Tokens, secrets, API keys, credentials.
    Secret,
    /// Passwords and passphrases.
    Password,
}

/// Common checks for every class: false when the value cannot be a secret literal.
fn plausible(v: &[u8]) -> bool {
    !v.is_empty()
        && v.len() <= 400
        && !v.iter().any(|b| b.is_ascii_whitespace())
        && !v.iter().any(|&b| b < 0x20 || b == 0x7f)
        && !is_placeholder(v)
        && !is_url_or_path(v)
        && !is_integrity(v)
        && !is_version(v)
        && !is_email(v)
        && !is_hostname(v)
}

/// Decides whether a literal assigned to a name of the given class is a secret.
pub(super) fn accept(v: &[u8], class: Class) -> bool {
    if !plausible(v) {
        return false;
    }
    let c = Classes::of(v);
    let len = v.len();
    let letters_only = !c.digit && !c.symbol;
    let h = entropy(v);
    match class {
        Class::Password => {
            // Longer than any password: an encrypted or encoded blob (a SealedSecret).
            if !(6..=128).contains(&len) {
                return false;
            }
            if is_word_chain(v) && (len < 16 || h < 3.0) {
                return false;
            }
            if letters_only {
                // A single word (`postgres`, `Passwort`) is a label, not a password, unless it
                // is long and mixed (`hUnTeRtWoXyz`).
                let title = v[0].is_ascii_uppercase() && v[1..].iter().all(u8::is_ascii_lowercase);
                let mixed = c.upper && c.lower && !title;
                return len >= 16 && h >= 3.0 || mixed && len >= 8 && h >= 2.5;
            }
            !is_degenerate(v) || len >= 8
        }
        Class::Secret => {
            if len < 8 || v.iter().all(u8::is_ascii_digit) {
                return false;
            }
            if is_word_chain(v) && !(c.upper && c.lower && len >= 20 && h >= 3.5) {
                return false;
            }
            if letters_only && !(len >= 16 && h >= 3.2) {
                return false;
            }
            if is_degenerate(v) {
                return false;
            }
            (len >= 10 && h >= 2.8 && c.all() >= 2) || (len >= 16 && h >= 3.0)
        }
        Class::WeakKey => {
            if len < 16 || is_uuid(v) || (is_hex(v) && is_digest_len(len)) || is_degenerate(v) {
                return false;
            }
            let charset = v.iter().all(|&b| {
                b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'_' | b'-' | b'.')
            });
            charset && c.digit && (c.upper || c.lower) && h >= 3.3 && !is_word_chain(v)
        }
    }
}

/// Decodes standard or URL-safe base64 (padding optional); `None` when it is not base64.
pub(super) fn base64_decode(v: &[u8]) -> Option<Vec<u8>> {
    let v = v
        .strip_suffix(b"==")
        .or_else(|| v.strip_suffix(b"="))
        .unwrap_or(v);
    let mut out = Vec::with_capacity(v.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &b in v {
        let x = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(x);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
        }
    }
    Some(out)
}

/// A base64 `user:password` pair (HTTP basic auth, Docker `auths`).
pub(super) fn is_basic_credentials(v: &[u8]) -> bool {
    let Some(decoded) = base64_decode(v) else {
        return false;
    };
    if decoded.is_empty() || !decoded.iter().all(|&b| (0x20..0x7f).contains(&b)) {
        return false;
    }
    match decoded.iter().position(|&b| b == b':') {
        Some(at) => {
            let pass = &decoded[at + 1..];
            at > 0 && !pass.is_empty() && !is_placeholder(pass)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_the_usual_spellings() {
        assert_eq!(words(b"dbPassword"), ["db", "password"]);
        assert_eq!(words(b"API_KEY"), ["api", "key"]);
        assert_eq!(words(b"APIKey"), ["api", "key"]);
        assert_eq!(words(b"x-api-key"), ["x", "api", "key"]);
        assert_eq!(
            words(b"spring.datasource.password"),
            ["spring", "datasource", "password"]
        );
    }

    #[test]
    fn placeholders_are_recognised() {
        for v in [
            "${DB_PASSWORD}",
            "$PASSWORD",
            "{{ vault_pw }}",
            "<your-key-here>",
            "changeme",
            "********",
            "xxxxxxxx",
            "%DB_PASS%",
            "your_api_key_here",
            "!vault",
            "env:SECRET",
            "op://vault/item/field",
        ] {
            assert!(is_placeholder(v.as_bytes()), "{v}");
        }
        for v in [
            "hunter2-but-long!",
            "$2b$12$abcdefghijklmnop",
            "Tr0ub4dor&3",
        ] {
            assert!(!is_placeholder(v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn passwords_and_labels() {
        for v in [
            "hunter2-but-long!",
            "Tr0ub4dor&3",
            "s3cr3tP4ss",
            "P@ssw0rd1",
        ] {
            assert!(accept(v.as_bytes(), Class::Password), "{v}");
        }
        for v in [
            "Passwort",
            "postgres",
            "new_password",
            "Mot de passe",
            "password",
        ] {
            assert!(!accept(v.as_bytes(), Class::Password), "{v}");
        }
    }

    #[test]
    fn tokens() {
        assert!(is_token(b"AKIAFYLRICNORTAANTEJ"));
        assert!(is_token(b"ghp_abcdefghijklmnopqrstuvwxyz0123456789"));
        assert!(!is_token(b"AKIAXXXXXXXXXXXXXXXX"));
        assert!(!is_token(b"hf_tokenizerconfigurationfilename"));
    }

    #[test]
    fn basic_credentials_decode() {
        assert!(is_basic_credentials(b"dXNlcjpodW50ZXIy"));
        assert!(!is_basic_credentials(b"aGVsbG8gd29ybGQ="));
    }
}
