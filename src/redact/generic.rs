//! Generic assignments: a secret-like name given a literal, in the syntaxes people write
//! (`k = "v"`, `k: v`, `"k": "v"`, `K=v`, `--k v`, `setK("v")`, XML attributes and elements,
//! `.properties`, Terraform, Dockerfile `ENV`, SQL), with the value deciding.

use super::value::{self, Class};
use aho_corasick::AhoCorasick;
use std::collections::HashSet;
use std::sync::LazyLock;

static EXCLUDED_HEAD_SET: LazyLock<HashSet<&str>> =
    LazyLock::new(|| EXCLUDED_HEADS.iter().copied().collect());
static EXCLUDED_ANYWHERE_SET: LazyLock<HashSet<&str>> =
    LazyLock::new(|| EXCLUDED_ANYWHERE.iter().copied().collect());
static STRONG_KEY_SET: LazyLock<HashSet<&str>> =
    LazyLock::new(|| STRONG_KEY.iter().copied().collect());
static BENIGN_KEY_SET: LazyLock<HashSet<&str>> =
    LazyLock::new(|| BENIGN_KEY.iter().copied().collect());

/// How a file's unquoted values read: as literals (configuration) or as expressions (code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lang {
    /// Source code: `password = other_var` is a reference, only quoted literals count.
    Code,
    /// Configuration, shell, documentation: `password: hunter2` is a literal.
    Config,
    /// No path or an unknown extension: unquoted values count unless they look like code.
    Unknown,
}

/// Guesses how values read in a file from its name.
pub(super) fn lang_of(path: &[u8]) -> Lang {
    let name = path.rsplit(|&b| b == b'/').next().unwrap_or(path);
    let name = name.to_ascii_lowercase();
    const CONFIG_NAMES: &[&[u8]] = &[
        b"dockerfile",
        b"containerfile",
        b"makefile",
        b"procfile",
        b".npmrc",
        b".yarnrc",
        b".netrc",
        b"_netrc",
        b".pgpass",
        b".pypirc",
        b".gitconfig",
        b".htpasswd",
        b".envrc",
        b"jenkinsfile",
    ];
    if CONFIG_NAMES.contains(&name.as_slice())
        || name.starts_with(b".env")
        || name.starts_with(b"dockerfile.")
        || name.ends_with(b".dockerfile")
    {
        return Lang::Config;
    }
    let Some(dot) = name.iter().rposition(|&b| b == b'.') else {
        return Lang::Unknown;
    };
    match &name[dot + 1..] {
        b"yaml" | b"yml" | b"toml" | b"ini" | b"cfg" | b"conf" | b"cnf" | b"properties"
        | b"env" | b"json" | b"json5" | b"jsonc" | b"xml" | b"plist" | b"config" | b"txt"
        | b"md" | b"markdown" | b"rst" | b"adoc" | b"sh" | b"bash" | b"zsh" | b"ksh" | b"fish"
        | b"bat" | b"cmd" | b"service" | b"sql" | b"csv" | b"tsv" | b"htaccess" | b"tfvars"
        | b"neon" | b"erb" | b"j2" | b"tpl" | b"example" | b"sample" | b"dist" | b"template"
        | b"local" | b"http" | b"rest" | b"desktop" | b"container" => Lang::Config,
        b"py" | b"pyi" | b"rb" | b"js" | b"mjs" | b"cjs" | b"ts" | b"mts" | b"cts" | b"tsx"
        | b"jsx" | b"go" | b"rs" | b"java" | b"kt" | b"kts" | b"scala" | b"groovy" | b"gradle"
        | b"c" | b"h" | b"cc" | b"cpp" | b"cxx" | b"hpp" | b"hh" | b"cs" | b"fs" | b"vb"
        | b"swift" | b"m" | b"mm" | b"dart" | b"lua" | b"pl" | b"pm" | b"php" | b"r" | b"jl"
        | b"ex" | b"exs" | b"erl" | b"hrl" | b"clj" | b"cljs" | b"hs" | b"ml" | b"elm" | b"vue"
        | b"svelte" | b"ps1" | b"psm1" | b"tf" | b"hcl" | b"nim" | b"zig" | b"cr" | b"sol" => {
            Lang::Code
        }
        _ => Lang::Unknown,
    }
}

/// A secret value found on a line (offsets into that line: the scanned one, or one after it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hit {
    pub start: usize,
    pub end: usize,
    pub class: Class,
    /// Which line holds the value: 0 the scanned one, 1 the next (`- name: DB_PASSWORD` /
    /// `value: …`), more for a YAML block scalar or a parenthesised value.
    pub line: usize,
}

/// The lines after the scanned one, without their diff prefix: `following(1)` is the next.
pub(super) type Following<'a> = dyn Fn(usize) -> Option<&'a [u8]> + 'a;

/// How many lines a value opened on a name's line (`password: |`, `PASSWORD = (`) may span.
const MAX_VALUE_LINES: usize = 32;

/// Substrings of which a secret-like name has at least one (a cheap test before splitting);
/// also the keywords that wake the generic-password rule (`rules.rs`), so the two agree.
pub(super) const HINTS: &[&str] = &[
    "pass",
    "pwd",
    "pw",
    "secret",
    "token",
    "key",
    "auth",
    "cred",
    "salt",
    "mnemonic",
    "bearer",
    "jwt",
    "psk",
    // Names for a password in other languages (issue 14): `contraseña:`, `Kennwort=`.
    "contrase",
    "senha",
    "kennwort",
    "wachtwoord",
    "lösenord",
    "losenord",
    "hasło",
    "haslo",
    "heslo",
    "şifre",
    "sifre",
    "salasana",
    "adgangskode",
    "jelsz",
    "пароль",
    "ПАРОЛЬ",
    "密码",
    "密碼",
    "パスワード",
    "비밀번호",
];

/// Words for "password" in other languages; a name holding one names a password.
const FOREIGN_PASSWORDS: &[&str] = &[
    "contraseña",
    "contrasena",
    "contrasenya",
    "senha",
    "kennwort",
    "wachtwoord",
    "lösenord",
    "losenord",
    "passord",
    "hasło",
    "haslo",
    "heslo",
    "şifre",
    "sifre",
    "salasana",
    "adgangskode",
    "jelszó",
    "jelszo",
    "motdepasse",
    "пароль",
    "密码",
    "密碼",
    "パスワード",
    "비밀번호",
];

/// Head words (the last word of a name) that make it a name for something else:
/// `token_url`, `password_length`, `secret_name`, `api_key_header`.
const EXCLUDED_HEADS: &[&str] = &[
    "id",
    "ids",
    "uuid",
    "guid",
    "name",
    "names",
    "label",
    "labels",
    "title",
    "text",
    "desc",
    "description",
    "hint",
    "help",
    "message",
    "msg",
    "prompt",
    "placeholder",
    "error",
    "errors",
    "field",
    "fields",
    "column",
    "input",
    "param",
    "params",
    "parameter",
    "parameters",
    "header",
    "headers",
    "prefix",
    "suffix",
    "type",
    "types",
    "kind",
    "format",
    "mode",
    "style",
    "policy",
    "policies",
    "rule",
    "rules",
    "regex",
    "regexp",
    "pattern",
    "length",
    "len",
    "size",
    "count",
    "min",
    "max",
    "minimum",
    "maximum",
    "limit",
    "timeout",
    "ttl",
    "expiry",
    "expires",
    "expire",
    "expiration",
    "lifetime",
    "age",
    "duration",
    "interval",
    "url",
    "urls",
    "uri",
    "endpoint",
    "endpoints",
    "host",
    "hostname",
    "domain",
    "server",
    "port",
    "path",
    "paths",
    "file",
    "filename",
    "files",
    "dir",
    "directory",
    "folder",
    "location",
    "env",
    "var",
    "variable",
    "ref",
    "reference",
    "arn",
    "version",
    "provider",
    "providers",
    "manager",
    "store",
    "class",
    "module",
    "component",
    "handler",
    "callback",
    "fn",
    "func",
    "function",
    "method",
    "methods",
    "route",
    "page",
    "view",
    "controller",
    "generator",
    "validator",
    "validation",
    "strength",
    "enabled",
    "enable",
    "disabled",
    "required",
    "visible",
    "visibility",
    "show",
    "toggle",
    "icon",
    "button",
    "link",
    "form",
    "schema",
    "table",
    "algorithm",
    "algo",
    "alg",
    "scheme",
    "scope",
    "scopes",
    "realm",
    "issuer",
    "audience",
    "tenant",
    "region",
    "user",
    "username",
    "login",
    "email",
    "owner",
    "strategy",
    "flow",
    "plugin",
    "backend",
    "source",
    "target",
    "output",
    "usage",
    "reset",
    "forgot",
    "changed",
    "updated",
    "created",
    "at",
    "date",
    "time",
    "timestamp",
    "status",
    "state",
    "valid",
    "verified",
    "rotation",
    "hash",
    "hashed",
    "digest",
    "checksum",
    "fingerprint",
    "sha",
    "md5",
    "chars",
    "characters",
    "complexity",
    "request",
    "response",
    "req",
    "res",
    "resp",
    "counter",
    "index",
    "idx",
    "list",
    "map",
    "dict",
    "cache",
    "options",
    "opts",
    "option",
    "flag",
    "flags",
    "level",
    "encoding",
    "encoder",
    "decoder",
    "parser",
    "serializer",
    "factory",
    "builder",
    "util",
    "utils",
    "helper",
    "helpers",
    "struct",
    "interface",
    "enum",
    "event",
    "events",
    "listener",
    "client",
    "service",
    "bits",
    "bytes",
    "rounds",
    "iterations",
    "cost",
    "curve",
    "uses",
    "used",
    "mask",
    "dialog",
    "modal",
    "screen",
    "template",
    "tests",
    "spec",
    "store",
    "vault",
    "manager",
    "ids",
    "count",
    "entry",
    "set",
    "get",
    "len",
    "info",
    "meta",
    "metadata",
    "data",
    "config",
    "settings",
    "context",
    "ctx",
    "storage",
    "policy",
    "sent",
    "expired",
    "invalid",
    "missing",
    "error",
    "fail",
    "failed",
    "success",
    "ok",
    "matches",
    "match",
    "confirmed",
    "visible",
    "verify",
    "check",
    "changes",
    "change",
    "update",
    "create",
    "delete",
    "remove",
    "generate",
    "rotate",
    "stdin",
    "stdout",
    "from",
    "cmd",
    "command",
    "prompt",
    "dialog",
    "ring",
    "agent",
    "dir",
];

/// Words that anywhere in a name make it a name for something public or derived.
const EXCLUDED_ANYWHERE: &[&str] = &[
    "hash",
    "hashed",
    "digest",
    "checksum",
    "fingerprint",
    "sha1",
    "sha256",
    "sha512",
    "md5",
    "encrypted",
    "public",
    "pub",
    "publishable",
    "csrf",
    "xsrf",
    "next",
    "continuation",
    "pagination",
    "cursor",
    "page",
    "sync",
    "length",
    "tokens",
    "tokenizer",
    "max",
    "min",
];

/// Qualifiers that make `…_key` a secret.
const STRONG_KEY: &[&str] = &[
    "api",
    "access",
    "secret",
    "private",
    "priv",
    "encryption",
    "encrypt",
    "enc",
    "signing",
    "sign",
    "master",
    "license",
    "licence",
    "app",
    "application",
    "client",
    "consumer",
    "auth",
    "hmac",
    "session",
    "service",
    "account",
    "storage",
    "subscription",
    "shared",
    "webhook",
    "deploy",
    "admin",
    "root",
    "write",
    "ingest",
    "server",
    "rest",
    "live",
    "prod",
    "integration",
    "partner",
    "merchant",
    "developer",
    "dev",
    "project",
    "org",
    "personal",
    "management",
    "mgmt",
    "cloud",
    "crypto",
    "cipher",
    "aes",
    "jwt",
    "token",
    "bot",
    "push",
    "gcm",
    "fcm",
    "secure",
    "security",
    "sso",
    "otp",
    "totp",
    "mfa",
    "recovery",
    "wallet",
    "rpc",
    "sdk",
    "backup",
    "data",
    "db",
    "database",
    "sendgrid",
    "stripe",
    "openai",
    "mailgun",
    "twilio",
    "pusher",
    "algolia",
    "firebase",
    "maps",
    "google",
    "aws",
    "azure",
    "gcp",
    "mapbox",
    "datadog",
    "sentry",
    "preshared",
    "psk",
    "wireguard",
    "wg",
];

/// Qualifiers that make `…_key` something else (`primary_key`, `cache_key`, `public_key`).
const BENIGN_KEY: &[&str] = &[
    "public",
    "pub",
    "primary",
    "foreign",
    "sort",
    "partition",
    "cache",
    "idempotency",
    "row",
    "column",
    "table",
    "field",
    "i18n",
    "translation",
    "message",
    "config",
    "setting",
    "settings",
    "registry",
    "unique",
    "composite",
    "natural",
    "surrogate",
    "ssh",
    "gpg",
    "host",
    "hot",
    "short",
    "lookup",
    "map",
    "dict",
    "hash",
    "object",
    "s3",
    "bucket",
    "redis",
    "group",
    "item",
    "entry",
    "node",
    "index",
    "shard",
    "routing",
    "dedup",
    "dedupe",
    "lock",
    "mutex",
    "event",
    "metric",
    "tag",
    "the",
    "a",
    "react",
    "list",
    "local",
    "storage_key",
    "query",
    "route",
    "state",
    "store",
    "sign_in",
    "cursor",
    "join",
    "parent",
    "child",
    "mapping",
    "label",
    "option",
    "menu",
    "nav",
    "form",
    "cell",
    "keyboard",
    "press",
    "shortcut",
    "hotkey",
    "music",
    "note",
    "chord",
    "scale",
    "minor",
    "major",
    "value",
    "recv",
    "receive",
    "import",
    "export",
    "trusted",
    "known",
];

/// Owners that make `…pass` a password (`dbpass`, `adminpass`), unlike `bypass`, `compass`.
const PASS_OWNERS: &[&str] = &[
    "db",
    "root",
    "admin",
    "user",
    "app",
    "smtp",
    "mail",
    "ftp",
    "sql",
    "mysql",
    "pg",
    "redis",
    "ldap",
    "bind",
    "proxy",
    "api",
    "vnc",
    "rdp",
    "wifi",
    "ssh",
    "keystore",
    "truststore",
    "store",
    "key",
    "my",
    "sudo",
];

/// [`HINTS`] in one automaton: one pass over a name instead of a search per hint.
static HINT_SET: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(HINTS)
        .expect("the hints are few and short")
});

/// Tells whether a name holds one of [`HINTS`] (lower case: any ASCII case of them counts)
/// in its first 80 bytes.
fn has_hint(name: &[u8]) -> bool {
    HINT_SET.is_match(&name[..name.len().min(80)])
}

/// Parts of a word that make it name a password: the English ones and
/// [`FOREIGN_PASSWORDS`], in one automaton (words are lower case already).
static PASSWORD_PARTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let english = ["password", "passwd", "passwort", "passphrase", "passcode"];
    AhoCorasick::new(english.iter().chain(FOREIGN_PASSWORDS)).expect("the words are few")
});

fn word_class(w: &str, prev: Option<&str>, last: bool) -> Option<Class> {
    if PASSWORD_PARTS.is_match(w)
        || matches!(
            w,
            "pass" | "pwd" | "pw" | "pword" | "pswd" | "passw" | "pw1" | "pw2" | "psk"
        )
        || (w == "passe" && prev == Some("de"))
    {
        return Some(Class::Password);
    }
    if let Some(owner) = w.strip_suffix("pass").or_else(|| w.strip_suffix("pwd"))
        && PASS_OWNERS.contains(&owner)
    {
        return Some(Class::Password);
    }
    if w.contains("secret") && !w.starts_with("secretar") {
        return Some(Class::Secret);
    }
    if w.contains("token") && w != "tokens" && !w.starts_with("tokeniz") {
        return Some(Class::Secret);
    }
    if matches!(
        w,
        "credential" | "credentials" | "creds" | "cred" | "mnemonic" | "seedphrase" | "bearer"
    ) {
        return Some(Class::Secret);
    }
    if last && matches!(w, "auth" | "jwt" | "salt" | "authorization") {
        return Some(Class::Secret);
    }
    if w == "key" || w == "keys" {
        return match prev {
            Some(p) if STRONG_KEY_SET.contains(p) => Some(Class::Secret),
            Some(p) if BENIGN_KEY_SET.contains(p) => None,
            _ => Some(Class::WeakKey),
        };
    }
    if let Some(q) = w.strip_suffix("key").or_else(|| w.strip_suffix("keys"))
        && STRONG_KEY_SET.contains(q)
    {
        return Some(Class::Secret);
    }
    None
}

/// Decides from a name whether the value assigned to it may be a secret, and how sure.
pub(super) fn classify(name: &[u8]) -> Option<Class> {
    let words = value::words(name);
    let head = words.last()?;
    if words.len() > 8 || EXCLUDED_HEAD_SET.contains(head.as_str()) {
        return None;
    }
    if words
        .iter()
        .any(|w| EXCLUDED_ANYWHERE_SET.contains(w.as_str()))
    {
        return None;
    }
    let mut best = None;
    for (i, w) in words.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| words[p].as_str());
        if let Some(c) = word_class(w, prev, i + 1 == words.len()) {
            best = best.max(Some(c));
        }
    }
    best
}

fn is_quote(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | b'`')
}

/// A byte of a name: ASCII letters, digits, `_`, `-`, `.`, and any byte of a non-ASCII
/// character (`contraseña`, `пароль`).
fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.') || b >= 0x80
}

fn skip_ws(line: &[u8], mut j: usize) -> usize {
    while j < line.len() && (line[j] == b' ' || line[j] == b'\t') {
        j += 1;
    }
    j
}

/// Where the name sits, which widens the separators accepted after it.
#[derive(Debug, Clone, Copy, Default)]
struct NameContext {
    /// Inside quotes: `"password": …`, `define('DB_PASSWORD', …)`.
    quoted: bool,
    /// An XML element: `<password>…</password>`.
    element: bool,
    /// A command-line flag: `--password …`.
    flag: bool,
    /// The variable of a Dockerfile `ENV`/`ARG` line, which may use a space.
    env_line: bool,
    /// Right after `{`: `{password, "v"}`.
    brace: bool,
    /// Inside a string literal (`"Server=db;Password=v;"`), where values are literals.
    in_string: bool,
    /// Right after `:` (`arn:aws:…`, a Clojure keyword).
    after_colon: bool,
    /// A password or secret name (not a bare `key`): `password "v"` (Gradle, Lisp) counts.
    strong: bool,
    /// A password name, which may take prose (`password is v`).
    password: bool,
    /// A name that may take a quoted value after a space: SQL's `PASSWORD 'v'`, a C
    /// `#define PASSWORD "v"`, a Clojure `:password "v"` (upper case, or after `:`).
    spaced_literal: bool,
}

/// Tells whether `pos` lies inside a `"…"` or `'…'` literal, by counting quotes before it.
/// Kept across a line's names so the count is linear in the line's length.
#[derive(Debug, Default)]
struct Quotes {
    pos: usize,
    double: bool,
    single: bool,
}

impl Quotes {
    /// Tells whether `pos` (not before the last position asked) is inside a literal.
    fn inside(&mut self, line: &[u8], pos: usize) -> bool {
        while self.pos < pos {
            match line[self.pos] {
                b'\\' => self.pos += 1,
                b'"' if !self.single => self.double = !self.double,
                b'\'' if !self.double => self.single = !self.single,
                _ => {}
            }
            self.pos += 1;
        }
        self.double || self.single
    }
}

/// A value's position and whether it was quoted.
#[derive(Debug, Clone, Copy)]
struct Value {
    start: usize,
    end: usize,
    quoted: bool,
}

/// Parses a quoted string starting at `j` (the quote), returning the inside.
fn quoted_at(line: &[u8], j: usize) -> Option<Value> {
    let n = line.len();
    // `\"value\"` inside an escaped JSON string.
    if line[j] == b'\\' {
        let q = *line.get(j + 1)?;
        let start = j + 2;
        let mut k = start;
        while k + 1 < n {
            if line[k] == b'\\' && line[k + 1] == q {
                return Some(Value {
                    start,
                    end: k,
                    quoted: true,
                });
            }
            k += 1;
        }
        return None;
    }
    let q = line[j];
    if line[j..].starts_with(&[q, q, q]) {
        let start = j + 3;
        let end = line[start..]
            .windows(3)
            .position(|w| w == [q, q, q])
            .map_or(n, |p| start + p);
        return Some(Value {
            start,
            end,
            quoted: true,
        });
    }
    let start = j + 1;
    let mut k = start;
    while k < n {
        match line[k] {
            b'\\' if q != b'`' => k += 2,
            b if b == q => {
                return Some(Value {
                    start,
                    end: k,
                    quoted: true,
                });
            }
            _ => k += 1,
        }
    }
    // An unterminated string continues on the next line; take what is here.
    let mut end = n;
    while end > start && line[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    Some(Value {
        start,
        end,
        quoted: true,
    })
}

/// Parses an unquoted value starting at `j`.
fn unquoted_at(line: &[u8], j: usize, until_lt: bool) -> Value {
    let n = line.len();
    let mut k = j;
    while k < n {
        let b = line[k];
        let next = line.get(k + 1).copied();
        let at_end = next.is_none_or(|c| c.is_ascii_whitespace());
        let stop = match b {
            b' ' | b'\t' | b'\r' | b'\n' | b'"' | b'\'' | b'`' => true,
            b'<' => true,
            b'>' => until_lt || at_end,
            b';' | b'&' | b',' => at_end || next_is_assignment(&line[k + 1..]),
            b')' | b']' | b'}' => {
                at_end || next.is_some_and(|c| matches!(c, b';' | b',' | b')' | b']' | b'}'))
            }
            b'\\' => next.is_some_and(|c| matches!(c, b'n' | b'r' | b't' | b'"' | b'\'')),
            _ => false,
        };
        if stop && !(until_lt && b != b'<') {
            break;
        }
        if until_lt && b == b'<' {
            break;
        }
        k += 1;
    }
    let mut end = k;
    if !until_lt {
        while end > j && matches!(line[end - 1], b',' | b';') {
            end -= 1;
        }
    } else {
        while end > j && line[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
    }
    Value {
        start: j,
        end,
        quoted: until_lt,
    }
}

/// `key=` right here (the next pair of a query string or connection string).
fn next_is_assignment(rest: &[u8]) -> bool {
    let rest = &rest[skip_ws(rest, 0)..];
    let len = rest
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-' | b' '))
        .count();
    len > 0 && rest.get(len) == Some(&b'=')
}

/// Calls whose string argument is the value: `SecretStr("…")`, `String::from("…")`,
/// `ConvertTo-SecureString "…"`.
const WRAPPERS: &[&str] = &[
    "secretstr",
    "secretstring",
    "secret",
    "securestring",
    "converttosecurestring",
    "some",
    "from",
    "new",
    "string",
    "str",
    "bytes",
    "sensitive",
    "secretvalue",
    "password",
    "plaintext",
    "literal",
    "protect",
    "encode",
];

fn wrapped_literal(line: &[u8], j: usize) -> Option<Value> {
    let n = line.len();
    let mut k = j;
    while k < n && (line[k].is_ascii_alphanumeric() || matches!(line[k], b'_' | b'.' | b':' | b'-'))
    {
        k += 1;
    }
    if k == j {
        return None;
    }
    let chain = line[j..k].to_ascii_lowercase();
    let last = chain
        .rsplit(|&b| matches!(b, b'.' | b':' | b'-'))
        .next()
        .unwrap_or(&chain);
    let last_word = std::str::from_utf8(last).unwrap_or_default();
    let whole = std::str::from_utf8(&chain)
        .unwrap_or_default()
        .replace(['-', '_'], "");
    if !WRAPPERS.contains(&last_word) && !WRAPPERS.contains(&whole.as_str()) {
        return None;
    }
    let mut m = skip_ws(line, k);
    if m < n && line[m] == b'(' {
        m = skip_ws(line, m + 1);
    } else if m == k {
        return None;
    }
    if m < n && is_quote(line[m]) {
        quoted_at(line, m)
    } else {
        None
    }
}

/// Looks past an optional type annotation after `:` (`password: str = "…"`,
/// `PASSWORD: &str = "…"`); returns the index after `=` if there is one.
fn after_annotation(line: &[u8], j: usize) -> Option<usize> {
    let n = line.len();
    let mut k = skip_ws(line, j);
    while k < n && matches!(line[k], b'&' | b'*') {
        k += 1;
    }
    let start = k;
    while k < n
        && (line[k].is_ascii_alphanumeric()
            || matches!(
                line[k],
                b'_' | b'<' | b'>' | b'[' | b']' | b'?' | b'.' | b':' | b','
            ))
    {
        k += 1;
    }
    if k == start || !line[start].is_ascii_alphabetic() {
        return None;
    }
    let ws = skip_ws(line, k);
    (ws > k && ws < n && line[ws] == b'=' && line.get(ws + 1) != Some(&b'=')).then_some(ws + 1)
}

/// Looks past a declared type with spaces (`var password string = "…"`,
/// `Dim password As String = "…"`); returns the index after `=`.
fn after_spaced_type(line: &[u8], j: usize) -> Option<usize> {
    let n = line.len();
    let mut k = j;
    for _ in 0..2 {
        let start = k;
        while k < n
            && (line[k].is_ascii_alphanumeric() || matches!(line[k], b'_' | b'[' | b']' | b'*'))
        {
            k += 1;
        }
        if k == start {
            return None;
        }
        k = skip_ws(line, k);
        if k < n && line[k] == b'=' && line.get(k + 1) != Some(&b'=') {
            return Some(k + 1);
        }
    }
    None
}

/// Tells whether the identifier at the end of `before` names a lookup (`get_secret`,
/// `getToken`, `fetch_password`, `read_key`, `load_secret`, `lookupToken`).
fn is_lookup(before: &[u8]) -> bool {
    let start = before
        .iter()
        .rposition(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
        .map_or(0, |p| p + 1);
    let word = before[start..].to_ascii_lowercase();
    ["get", "fetch", "read", "load", "lookup", "resolve"]
        .iter()
        .any(|verb| word.starts_with(verb.as_bytes()))
}

/// Finds the value assigned to the name ending at `end`.
fn value_after(line: &[u8], end: usize, ctx: NameContext) -> Option<Value> {
    let n = line.len();
    let mut j = end;
    if ctx.quoted {
        if j + 1 < n && line[j] == b'\\' && is_quote(line[j + 1]) {
            j += 2;
        } else if j < n && is_quote(line[j]) {
            j += 1;
        }
    }
    while j < n && line[j] == b']' {
        j += 1;
    }
    if j < n && line[j] == b'[' {
        let close = line[j..].iter().take(6).position(|&b| b == b']')?;
        j += close + 1;
    }
    let before_ws = j;
    j = skip_ws(line, j);
    let had_ws = j > before_ws;
    if j >= n {
        return None;
    }
    let rest = &line[j..];
    let mut element = false;
    let mut require_quoted = false;
    let mut colon = false;
    let after = if ctx.quoted && value_keyword(rest).is_some() {
        j + value_keyword(rest).unwrap_or(0)
    } else if (ctx.element || ctx.quoted) && rest[0] == b'>' {
        // `<password>v</password>`, `<entry key="db.password">v</entry>`.
        element = true;
        j + 1
    } else if ctx.element && value_keyword(rest).is_some() {
        // `<password value="v"/>`.
        j + value_keyword(rest).unwrap_or(0)
    } else if let Some(op) = [
        &b"||="[..],
        b"??=",
        b"===",
        b":=",
        b"=>",
        b"?=",
        b"+=",
        b"<-",
        b"==",
    ]
    .iter()
    .find(|op| rest.starts_with(op))
    {
        // A comparison counts only against a literal.
        require_quoted = op.starts_with(b"==") || op.starts_with(b"===");
        j + op.len()
    } else if rest[0] == b'=' {
        j + 1
    } else if rest[0] == b':' {
        if rest.get(1) == Some(&b':') {
            return None;
        }
        colon = true;
        j + 1
    } else if rest[0] == b'(' && is_lookup(&line[..end]) {
        // `get_secret("prod/db")`, `fetchToken("github")`: the argument names what is looked
        // up, it is not the secret (issue 14).
        return None;
    } else if (rest[0] == b',' && (ctx.quoted || ctx.brace)) || rest[0] == b'(' {
        // `("password", "v")`, `{password, "v"}`, `setPassword("v")`: literals only.
        require_quoted = true;
        j + 1
    } else if had_ws && (ctx.flag || ctx.env_line) {
        j
    } else if had_ws && matches!(rest[0], b'"' | b'\'') && (ctx.spaced_literal || ctx.strong) {
        require_quoted = true;
        j
    } else if had_ws && ctx.password && rest.len() > 3 && rest[..3].eq_ignore_ascii_case(b"is ") {
        // Prose: `# the password is Sshp4ss!word`.
        j + 3
    } else if had_ws {
        after_spaced_type(line, j)?
    } else {
        return None;
    };
    let mut j = after;
    // `arn:aws:secretsmanager:…`, `urn:x:token:…`: a segment of a colon-separated name.
    if colon
        && line
            .get(j)
            .is_some_and(|b| !b.is_ascii_whitespace() && !is_quote(*b))
        && (ctx.after_colon || ctx.in_string)
    {
        return None;
    }
    if colon && let Some(k) = after_annotation(line, j) {
        j = k;
    }
    j = skip_ws(line, j);
    // YAML anchors and tags: `&pw hunter2`, `!!str hunter2`.
    if j < n && line[j] == b'&' && line.get(j + 1).is_some_and(u8::is_ascii_alphabetic) {
        while j < n && !line[j].is_ascii_whitespace() {
            j += 1;
        }
        j = skip_ws(line, j);
    }
    if line[j..].starts_with(b"!!") {
        while j < n && !line[j].is_ascii_whitespace() {
            j += 1;
        }
        j = skip_ws(line, j);
    }
    if j >= n {
        return None;
    }
    // String prefixes: r"…", b'…', f"…", @"…", $"…", L"…", rb"…".
    let prefix_len = line[j..]
        .iter()
        .take(2)
        .take_while(|&&b| {
            matches!(
                b,
                b'r' | b'b' | b'u' | b'f' | b'R' | b'B' | b'U' | b'F' | b'L' | b'@' | b'$'
            )
        })
        .count();
    if prefix_len > 0 && line.get(j + prefix_len).copied().is_some_and(is_quote) {
        j += prefix_len;
    }
    let b = line[j];
    if is_quote(b) || (b == b'\\' && line.get(j + 1).copied().is_some_and(is_quote)) {
        return quoted_at(line, j);
    }
    if element {
        let v = unquoted_at(line, j, true);
        return (v.end > v.start).then_some(v);
    }
    if let Some(v) = fallback_literal(line, j) {
        return Some(v);
    }
    if let Some(v) = wrapped_literal(line, j) {
        return Some(v);
    }
    if require_quoted || matches!(b, b'{' | b'[' | b'(' | b'<' | b'|' | b'>') {
        return None;
    }
    let v = unquoted_at(line, j, false);
    (v.end > v.start).then_some(v)
}

/// The literal after a fallback operator in an expression (issue 14): `process.env.PW ||
/// "v"`, `os.environ.get("PW") or "v"`, `ENV["PW"] ?? "v"`.
fn fallback_literal(line: &[u8], j: usize) -> Option<Value> {
    let rest = &line[j..];
    for op in [&b"||"[..], b"??", b" or "] {
        if let Some(at) = super::doc::find(rest, op) {
            let k = skip_ws(line, j + at + op.len());
            if line.get(k).copied().is_some_and(is_quote) {
                return quoted_at(line, k);
            }
        }
    }
    None
}

/// `value=` / `value =` / `", "value":` after a quoted name: the .NET `<add key="…"
/// value="…"/>` and `{"name": "…", "value": "…"}` shapes. Returns the length to skip.
fn value_keyword(rest: &[u8]) -> Option<usize> {
    let mut k = 0;
    if rest.first() == Some(&b',') {
        k = skip_ws(rest, 1);
        if rest.get(k).copied().is_some_and(is_quote) {
            k += 1;
        } else {
            return None;
        }
    }
    let word = rest.get(k..k + 5)?;
    if !word.eq_ignore_ascii_case(b"value") {
        return None;
    }
    k += 5;
    if rest.get(k).copied().is_some_and(is_quote) {
        k += 1;
    }
    k = skip_ws(rest, k);
    match rest.get(k) {
        Some(b'=') | Some(b':') => Some(k + 1),
        _ => None,
    }
}

/// Tells whether an unquoted value reads as code: an identifier, a member access, a call,
/// a number, a keyword.
fn is_expression(v: &[u8]) -> bool {
    let Some(&first) = v.first() else {
        return true;
    };
    if first.is_ascii_digit() {
        return v
            .iter()
            .all(|&b| b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'e' | b'x'));
    }
    (first.is_ascii_alphabetic() || matches!(first, b'_' | b'$' | b'@' | b':' | b'&' | b'*'))
        && v.iter().all(|&b| {
            b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b'_' | b'$'
                        | b'.'
                        | b':'
                        | b'-'
                        | b'>'
                        | b'('
                        | b')'
                        | b'['
                        | b']'
                        | b'!'
                        | b'?'
                        | b'@'
                        | b'&'
                        | b'*'
                )
        })
}

fn normalized(v: &[u8]) -> Vec<u8> {
    v.iter()
        .filter(|b| b.is_ascii_alphanumeric())
        .map(u8::to_ascii_lowercase)
        .collect()
}

/// The value names a field rather than holding a secret: equal to the name, or made of
/// secret-ish words (`"password": "Password"`, `token: "access_token"`).
fn names_a_field(v: &[u8], name: &[u8]) -> bool {
    let mut v = v;
    while let [rest @ .., b':' | b';' | b',' | b')'] = v {
        v = rest;
    }
    let nv = normalized(v);
    if nv.is_empty() || nv == normalized(name) {
        return true;
    }
    if !value::is_word_chain(v) {
        return false;
    }
    value::words(v).iter().any(|w| {
        w.contains("pass")
            || w.contains("secret")
            || w.contains("token")
            || w == "key"
            || w.contains("auth")
            || w == "pwd"
    })
}

fn accept(v: &[u8], value: Value, ctx: NameContext, class: Class, lang: Lang, name: &[u8]) -> bool {
    if !value.quoted && !ctx.in_string {
        // A call (`self.next_token()`, `get(x`) is code in any file.
        let call = v
            .windows(2)
            .any(|w| w[1] == b'(' && (w[0].is_ascii_alphanumeric() || w[0] == b'_'));
        let code_like = call
            || match lang {
                Lang::Code => {
                    is_expression(v)
                        || (v[0].is_ascii_alphabetic() || v[0] == b'_')
                            && (v.contains(&b'(') || v.contains(&b'.'))
                }
                Lang::Config => {
                    (v.contains(&b'(') && v.ends_with(b")"))
                        || (is_expression(v)
                            && !v.iter().any(u8::is_ascii_digit)
                            && v.contains(&b'['))
                }
                Lang::Unknown => {
                    is_expression(v)
                        && (v.contains(&b'(')
                            || v.contains(&b'.')
                            || v.contains(&b'[')
                            || !v.iter().any(u8::is_ascii_digit))
                }
            };
        if code_like {
            return false;
        }
    }
    if names_a_field(v, name) {
        return false;
    }
    if class == Class::WeakKey && value::is_uuid(v) {
        return false;
    }
    value::accept(v, class)
}

/// Where the variable of a Dockerfile `ENV`/`ARG` line starts, if this is one.
fn env_name_at(line: &[u8]) -> Option<usize> {
    let j = skip_ws(line, 0);
    let t = &line[j..];
    (t.starts_with(b"ENV ") || t.starts_with(b"ARG ") || t.starts_with(b"ENV\t"))
        .then(|| skip_ws(line, j + 4))
}

/// Tells whether the text before a name ends in a `name` key (`- name: DB_PASSWORD`,
/// `"name": "DB_PASSWORD"`), whose value then follows as `value:` on the next line.
fn after_name_key(before: &[u8]) -> bool {
    let mut t = before;
    while let [rest @ .., last] = t {
        if last.is_ascii_whitespace() || is_quote(*last) {
            t = rest;
        } else {
            break;
        }
    }
    let Some(t) = t.strip_suffix(b":").or_else(|| t.strip_suffix(b"=")) else {
        return false;
    };
    let t = t.strip_suffix(b"\"").unwrap_or(t);
    t.len() >= 4 && t[t.len() - 4..].eq_ignore_ascii_case(b"name")
}

/// Reads `value: …` at the start of a line (after indentation and an optional `-`).
fn next_line_value(line: &[u8]) -> Option<Value> {
    let mut j = skip_ws(line, 0);
    if line.get(j) == Some(&b'-') {
        j = skip_ws(line, j + 1);
    }
    let quoted_key = line.get(j).copied().is_some_and(is_quote);
    if quoted_key {
        j += 1;
    }
    if !line.get(j..j + 5)?.eq_ignore_ascii_case(b"value") {
        return None;
    }
    j += 5;
    if quoted_key {
        j += 1;
    }
    j = skip_ws(line, j);
    if line.get(j) != Some(&b':') {
        return None;
    }
    j = skip_ws(line, j + 1);
    if j >= line.len() {
        return None;
    }
    if is_quote(line[j]) {
        return quoted_at(line, j);
    }
    let v = unquoted_at(line, j, false);
    (v.end > v.start).then_some(v)
}

/// A value that starts after its name's line: a YAML block scalar or a parenthesised value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opening {
    /// `password: |` (or `|-`, `>`, `>-`, `|+`, `|2`): the more indented lines below.
    Block,
    /// `PASSWORD = (`: the string literals on the lines below, up to the `)`.
    Paren,
}

/// Reads what follows a name: `: |`, `= (` and nothing else on the line opens a value on the
/// lines below. A YAML tag other than `!!str` (`!vault |`) holds something encrypted: no.
fn opens_value(rest: &[u8], ctx: NameContext) -> Option<Opening> {
    let mut j = 0;
    if ctx.quoted && rest.first().copied().is_some_and(is_quote) {
        j = 1;
    }
    j = skip_ws(rest, j);
    let colon = match rest.get(j)? {
        b':' if rest.get(j + 1) == Some(&b'=') => {
            j += 1;
            false
        }
        b':' => true,
        b'=' => false,
        _ => return None,
    };
    j = skip_ws(rest, j + 1);
    if rest[j..].starts_with(b"!!str") {
        j = skip_ws(rest, j + 5);
    }
    let opening = match rest.get(j)? {
        b'|' | b'>' if colon => {
            j += 1;
            while rest
                .get(j)
                .is_some_and(|b| matches!(b, b'-' | b'+' | b'1'..=b'9'))
            {
                j += 1;
            }
            Opening::Block
        }
        b'(' => {
            j += 1;
            Opening::Paren
        }
        _ => return None,
    };
    let tail = &rest[skip_ws(rest, j)..];
    let tail = tail.trim_ascii_end();
    (tail.is_empty() || (opening == Opening::Block && tail.starts_with(b"#"))).then_some(opening)
}

fn indent(line: &[u8]) -> usize {
    line.iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count()
}

/// Finds the value opened on a name's line in the lines below it: each line of a YAML block
/// scalar (more indented than the name), or each string literal up to the closing `)`.
fn continued_value(
    line: &[u8],
    opening: Opening,
    following: &Following<'_>,
    class: Class,
    lang: Lang,
    name: &[u8],
    out: &mut Vec<Hit>,
) {
    let key_indent = indent(line);
    for k in 1..=MAX_VALUE_LINES {
        let Some(next) = following(k) else { break };
        let trimmed = next.trim_ascii();
        // Records `v` on line `k` when it passes as a value of `name` (or is taken as is).
        let mut record = |v: Value, taken: bool| {
            let ctx = NameContext::default();
            if taken || accept(&next[v.start..v.end], v, ctx, class, lang, name) {
                out.push(Hit {
                    start: v.start,
                    end: v.end,
                    class,
                    line: k,
                });
            }
        };
        match opening {
            Opening::Block => {
                if trimmed.is_empty() {
                    continue;
                }
                if indent(next) <= key_indent || trimmed.starts_with(b"$ANSIBLE_VAULT") {
                    break;
                }
                let start = indent(next);
                let v = Value {
                    start,
                    end: start + trimmed.len(),
                    quoted: true,
                };
                let phrase = passphrase(next, v, name, lang);
                record(phrase.unwrap_or(v), phrase.is_some());
            }
            Opening::Paren => {
                if trimmed.starts_with(b")") {
                    break;
                }
                let mut j = indent(next);
                for op in [&b"+"[..], b"||", b"??", b"or "] {
                    if next[j..].starts_with(op) {
                        j = skip_ws(next, j + op.len());
                        break;
                    }
                }
                let prefix = next[j..]
                    .iter()
                    .take(2)
                    .take_while(|&&b| {
                        matches!(b, b'r' | b'b' | b'u' | b'f' | b'R' | b'B' | b'U' | b'F')
                    })
                    .count();
                if next.get(j + prefix).copied().is_some_and(is_quote)
                    && let Some(v) = quoted_at(next, j + prefix)
                {
                    record(v, false);
                }
                if trimmed.ends_with(b")") || trimmed.ends_with(b");") || trimmed.ends_with(b"),") {
                    break;
                }
            }
        }
    }
}

/// Tells whether a name is for a phrase of words: `passphrase`, `mnemonic`, `seed_phrase`.
fn is_phrase_name(name: &[u8]) -> bool {
    let n = normalized(name);
    [
        "passphrase",
        "mnemonic",
        "seedphrase",
        "recoveryphrase",
        "secretphrase",
    ]
    .iter()
    .any(|p| super::doc::find(&n, p.as_bytes()).is_some())
}

/// A passphrase with spaces given to a phrase name (issue 14): `PASSPHRASE="correct horse
/// battery staple"`, or unquoted to the end of the line outside code (`passphrase: correct
/// horse battery staple`). Three to 24 words, no stand-in words.
fn passphrase(line: &[u8], v: Value, name: &[u8], lang: Lang) -> Option<Value> {
    if !is_phrase_name(name) {
        return None;
    }
    let mut v = v;
    if !v.quoted {
        if lang == Lang::Code {
            return None;
        }
        let rest = &line[v.start..];
        let end = super::doc::find(rest, b" #").unwrap_or(rest.len());
        v.end = v.start + rest[..end].trim_ascii_end().len();
    }
    let text = &line[v.start..v.end];
    let words: Vec<&[u8]> = text.split(|&b| b == b' ').collect();
    const STAND_INS: &[&str] = &[
        "your",
        "here",
        "example",
        "enter",
        "passphrase",
        "password",
        "secret",
        "changeme",
        "placeholder",
        "replace",
        "mnemonic",
        "phrase",
        "words",
        "todo",
        "the",
        "xxx",
    ];
    let plain = (3..=24).contains(&words.len())
        && text.len() >= 12
        && words.iter().all(|w| {
            (2..=24).contains(&w.len()) && w.iter().all(|b| b.is_ascii_graphic() && !is_quote(*b))
        })
        && !value::is_placeholder(text)
        && words.iter().all(|w| {
            let w = w.to_ascii_lowercase();
            !STAND_INS.iter().any(|s| s.as_bytes() == w.as_slice())
        });
    plain.then_some(v)
}

/// Finds generic secret assignments on one line (without its diff prefix).
pub(super) fn scan_line(line: &[u8], following: &Following<'_>, lang: Lang, out: &mut Vec<Hit>) {
    let n = line.len();
    let env_at = env_name_at(line);
    let mut quotes = Quotes::default();
    let mut i = 0;
    while i < n {
        let b = line[i];
        if !(b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b >= 0x80) {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && is_name_byte(line[i]) {
            i += 1;
        }
        let mut end = i;
        while end > start && matches!(line[end - 1], b'.' | b'-') {
            end -= 1;
        }
        let mut name_start = start;
        while name_start < end && line[name_start] == b'-' {
            name_start += 1;
        }
        let name = &line[name_start..end];
        if name.len() < 2 || name.len() > 80 || !has_hint(name) {
            continue;
        }
        let Some(class) = classify(name) else {
            continue;
        };
        let prev = start.checked_sub(1).map(|p| line[p]);
        let ctx = NameContext {
            quoted: prev.is_some_and(is_quote),
            element: prev == Some(b'<'),
            flag: name_start > start,
            env_line: env_at == Some(start),
            brace: prev == Some(b'{'),
            in_string: quotes.inside(line, start) && !prev.is_some_and(is_quote),
            after_colon: prev == Some(b':'),
            strong: class != Class::WeakKey,
            password: class == Class::Password,
            spaced_literal: prev == Some(b':')
                || name.iter().all(|b| !b.is_ascii_lowercase())
                || (name.contains(&b'-') && name[0].is_ascii_uppercase())
                || line[..start].trim_ascii_end().ends_with(b"define"),
        };
        match value_after(line, end, ctx) {
            Some(v) => {
                if let Some(phrase) = passphrase(line, v, name, lang) {
                    out.push(Hit {
                        start: phrase.start,
                        end: phrase.end,
                        class,
                        line: 0,
                    });
                    i = i.max(phrase.end);
                } else if accept(&line[v.start..v.end], v, ctx, class, lang, name) {
                    out.push(Hit {
                        start: v.start,
                        end: v.end,
                        class,
                        line: 0,
                    });
                    i = i.max(v.end);
                }
            }
            None if let Some(opening) = opens_value(&line[end..], ctx) => {
                let before = out.len();
                continued_value(line, opening, following, class, lang, name, out);
                if out.len() > before {
                    // The rest of this line holds only the opening.
                    i = n;
                }
            }
            None => {
                // `- name: DB_PASSWORD` then `value: …` on the next line.
                let rest = &line[end..];
                let rest_blank = rest
                    .iter()
                    .all(|&b| b.is_ascii_whitespace() || is_quote(b) || b == b',');
                if rest_blank
                    && after_name_key(&line[..start])
                    && let Some(next) = following(1)
                    && let Some(v) = next_line_value(next)
                    && accept(
                        &next[v.start..v.end],
                        v,
                        NameContext::default(),
                        class,
                        lang,
                        name,
                    )
                {
                    out.push(Hit {
                        start: v.start,
                        end: v.end,
                        class,
                        line: 1,
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(line: &str, lang: Lang) -> Vec<String> {
        let mut hits = Vec::new();
        scan_line(line.as_bytes(), &|_| None, lang, &mut hits);
        hits.iter()
            .map(|h| line[h.start..h.end].to_owned())
            .collect()
    }

    #[test]
    fn names_are_classified() {
        assert_eq!(classify(b"DB_PASSWORD"), Some(Class::Password));
        assert_eq!(classify(b"clientSecret"), Some(Class::Secret));
        assert_eq!(classify(b"api_key"), Some(Class::Secret));
        assert_eq!(classify(b"x-api-key"), Some(Class::Secret));
        assert_eq!(classify(b"key"), Some(Class::WeakKey));
        for name in [
            "password_hash",
            "token_url",
            "api_key_header",
            "secret_name",
            "primary_key",
            "max_tokens",
            "bypass",
            "csrf_token",
            "public_key",
            "passwordMinLength",
        ] {
            assert_eq!(classify(name.as_bytes()), None, "{name}");
        }
    }

    #[test]
    fn syntaxes() {
        let cases = [
            (r#"password = "hunter2-but-long!""#, Lang::Code),
            ("DB_PASSWORD=hunter2-but-long!", Lang::Config),
            ("  password: hunter2-but-long!", Lang::Config),
            (r#"  "password": "hunter2-but-long!","#, Lang::Config),
            ("--password hunter2-but-long!", Lang::Config),
            (r#"user.setPassword("hunter2-but-long!");"#, Lang::Code),
            (
                r#"<add key="DbPassword" value="hunter2-but-long!" />"#,
                Lang::Config,
            ),
            ("<password>hunter2-but-long!</password>", Lang::Config),
            (r#"ENV DB_PASSWORD hunter2-but-long!"#, Lang::Config),
            (r#"password: str = "hunter2-but-long!""#, Lang::Code),
            (r#"define('DB_PASSWORD', 'hunter2-but-long!');"#, Lang::Code),
            (r#"var password string = "hunter2-but-long!""#, Lang::Code),
            (
                "Server=db;Password=hunter2-but-long!;Database=app",
                Lang::Config,
            ),
        ];
        for (line, lang) in cases {
            assert_eq!(found(line, lang), ["hunter2-but-long!"], "{line}");
        }
    }

    #[test]
    fn references_stay() {
        for line in [
            r#"password = os.environ["PW"]"#,
            "password: ${API_KEY}",
            r#"api_key = "<your-key-here>""#,
            "password: changeme",
            r#"password = "********""#,
            "password = get_password()",
            "if password == confirm_password:",
            r#"label = "Enter your password""#,
            r#""password": "Password""#,
            "token = self.next_token()",
        ] {
            assert!(found(line, Lang::Code).is_empty(), "{line}");
            assert!(found(line, Lang::Unknown).is_empty(), "{line}");
        }
    }
}
