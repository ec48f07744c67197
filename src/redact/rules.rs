//! The built-in rules: provider token formats, structural secrets and generic assignments,
//! each with an id, the keywords that must occur on a line before it runs, and its pattern.
//!
//! Patterns are compiled for bytes with Unicode off, so `\b`, `\w` and `\s` are ASCII and
//! cheap. The secret is the first capture group that took part in the match, else the whole
//! match. Order is priority: when two findings overlap, the earlier rule names it.

use regex::bytes::Regex;
use std::sync::OnceLock;

/// What must hold of a matched secret before it counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Check {
    /// A provider token: not degenerate (`xxxx`), at least two of upper, lower and digits.
    Token,
    /// Shannon entropy of at least this many bits per byte, and not a placeholder.
    Entropy(f64),
    /// Not a placeholder or reference, at least 4 bytes (passwords in URLs, `.netrc`, CLIs).
    Loose,
    /// Judged like the value of a `password` assignment.
    Password,
    /// Judged like the value of a `token` or `secret` assignment.
    Secret,
    /// Base64 of `user:password`.
    BasicAuth,
    /// `user:password` or a bare token before `@` in a URL.
    UrlCredentials,
    /// A webhook path holding a random segment.
    Webhook,
    /// Base64 of a PEM block that holds a private key.
    PemBase64,
    /// The pattern is precise enough alone.
    None,
}

/// Rules implemented in code rather than as one regex.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Custom {
    /// PEM, OpenSSH and PGP private key blocks, across lines.
    PrivateKey,
    /// The private lines of a PuTTY key file.
    Putty,
    /// Values under `data:`/`stringData:` of a Kubernetes `Secret`.
    KubernetesSecret,
    /// Secret-like names assigned literals; emits `generic-password` or `generic-secret`.
    Generic,
    /// Luhn-valid card numbers (no keyword: a scan over digits).
    Card,
    /// An id only: findings of [`Custom::Generic`] for non-password names.
    Label,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Kind {
    Regex(&'static str, Check),
    Custom(Custom),
}

/// One built-in rule.
#[derive(Debug, Clone, Copy)]
pub(super) struct Builtin {
    pub id: &'static str,
    /// Lower-case; a rule runs on a line only if one of these occurs in it (any case).
    pub keywords: &'static [&'static str],
    pub kind: Kind,
}

const fn re(
    id: &'static str,
    keywords: &'static [&'static str],
    pattern: &'static str,
    check: Check,
) -> Builtin {
    Builtin {
        id,
        keywords,
        kind: Kind::Regex(pattern, check),
    }
}

const fn custom(id: &'static str, keywords: &'static [&'static str], c: Custom) -> Builtin {
    Builtin {
        id,
        keywords,
        kind: Kind::Custom(c),
    }
}

/// Between a name and its value: a closing quote or bracket, an operator (`=`, `:`, `:=`, `=>`,
/// `?=`, `||`, `,`, `>`), or a type annotation (`: &str =`), then an opening quote.
macro_rules! sep {
    () => {
        r#"["'\]]{0,2}\s*(?:=|>|:{1,3}=|\|\||:|=>|\?=|,|:\s*&?(?:'static\s+)?[A-Za-z_][\w<>\[\]]*\s*=)\s*[`"']?"#
    };
}

/// `NAME…<op>"value"` where NAME holds one of the context words: gitleaks-style rules for
/// providers whose tokens have no prefix of their own.
macro_rules! ctx {
    ($names:literal, $value:literal) => {
        concat!(
            r#"(?i)(?:"#,
            $names,
            r#")[\w.\-]{0,40}?"#,
            sep!(),
            r#"(?:bearer\s+|token\s+)?("#,
            $value,
            r#")(?:[^A-Za-z0-9_\-+/=]|$)"#
        )
    };
}

/// The end of a token: not followed by more token characters.
// After the token, `-` and `_` may follow (issue 14: a branch `feature/ghp_<36>-login` was
// sent verbatim); a token whose alphabet holds them takes them greedily anyway.
macro_rules! tok {
    ($body:literal) => {
        concat!(r#"(?:^|[^A-Za-z0-9_\-])("#, $body, r#")(?:[^A-Za-z0-9]|$)"#)
    };
}

/// The built-in patterns, each compiled on first use, once per process.
static COMPILED: [OnceLock<Regex>; BUILTIN.len()] = [const { OnceLock::new() }; BUILTIN.len()];

/// The compiled pattern of the built-in rule at `index`; `None` for a custom rule.
pub(super) fn regex(index: usize) -> Option<&'static Regex> {
    let Kind::Regex(pattern, _) = BUILTIN.get(index)?.kind else {
        return None;
    };
    Some(COMPILED[index].get_or_init(|| {
        super::redactor::compile(pattern).expect("built-in patterns are tested to compile")
    }))
}

/// Every built-in rule, most specific first.
pub(super) const BUILTIN: &[Builtin] = &[
    // Structural secrets that span lines come first: they own every line of their block.
    custom(
        "private-key",
        &["private key", "-----begin"],
        Custom::PrivateKey,
    ),
    custom("putty-private-key", &["private-lines"], Custom::Putty),
    re(
        "private-key-base64",
        &["ls0tls1crudjti"],
        r#"(?:^|[^A-Za-z0-9+/])(LS0tLS1CRUdJTi[A-Za-z0-9+/]{40,}={0,2})"#,
        Check::PemBase64,
    ),
    custom(
        "kubernetes-secret",
        &[
            "kind: secret",
            "kind: \"secret\"",
            "kind: 'secret'",
            "\"kind\": \"secret\"",
        ],
        Custom::KubernetesSecret,
    ),
    // Webhook URLs: the whole URL is the credential.
    re(
        "slack-webhook",
        &["hooks.slack.com"],
        r#"((?:https?://)?hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_\-]{20,})"#,
        Check::Webhook,
    ),
    re(
        "discord-webhook",
        &["/api/webhooks/"],
        r#"(https?://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/api/webhooks/\d+/[A-Za-z0-9_\-]{40,})"#,
        Check::Webhook,
    ),
    re(
        "microsoft-teams-webhook",
        &["webhook.office.com", "outlook.office", "webhookb2"],
        r#"(https://(?:[A-Za-z0-9\-]+\.webhook\.office\.com/webhookb2|outlook\.office(?:365)?\.com/webhook)/[^\s"'<>`]+)"#,
        Check::Webhook,
    ),
    re(
        "azure-logic-app-url",
        &["logic.azure.com"],
        r#"(https://[A-Za-z0-9\-.]+\.logic\.azure\.com(?::443)?/workflows/[^\s"'<>`]*sig=[^\s"'<>`&]+[^\s"'<>`]*)"#,
        Check::Webhook,
    ),
    re(
        "google-chat-webhook",
        &["chat.googleapis.com"],
        r#"(https://chat\.googleapis\.com/v1/spaces/[^\s"'<>`]+)"#,
        Check::Webhook,
    ),
    re(
        "zapier-webhook",
        &["hooks.zapier.com"],
        r#"(https://hooks\.zapier\.com/hooks/catch/\d+/[A-Za-z0-9]+/?)"#,
        Check::None,
    ),
    re(
        "ifttt-webhook",
        &["maker.ifttt.com"],
        r#"(https://maker\.ifttt\.com/(?:trigger/[^\s/"']+/(?:json/)?with/key|use)/[A-Za-z0-9_\-]{16,})"#,
        Check::Webhook,
    ),
    re(
        "sentry-dsn",
        &["sentry", "dsn", "ingest"],
        r#"(?i)\b(https?://[0-9a-f]{32}(?::[0-9a-f]{32})?@[A-Za-z0-9.\-]+(?::\d+)?/(?:[A-Za-z0-9_\-]+/)*\d+)\b"#,
        Check::None,
    ),
    // Cloud.
    re(
        "aws-access-key-id",
        &["akia", "asia", "abia", "acca", "a3t"],
        r#"\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b"#,
        Check::Token,
    ),
    re(
        "aws-secret-access-key",
        &[
            "secret_access",
            "secretaccess",
            "secret-access",
            "aws_secret",
            "aws.secret",
            "awssecret",
            "secret_key",
            "secretkey",
        ],
        concat!(
            r#"(?i)(?:aws|secret)[\w.\-]{0,30}?(?:secret|access)[\w.\-]{0,20}?"#,
            sep!(),
            r#"([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)"#
        ),
        Check::Entropy(3.5),
    ),
    re(
        "aws-session-token",
        &[
            "session_token",
            "sessiontoken",
            "session-token",
            "security-token",
            "security_token",
        ],
        concat!(
            r#"(?i)(?:session|security)[_\-.]?token"#,
            sep!(),
            r#"([A-Za-z0-9/+=]{100,})"#
        ),
        Check::Entropy(4.0),
    ),
    re(
        "aws-mws-key",
        &["amzn.mws."],
        r#"(amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"#,
        Check::None,
    ),
    re(
        "google-api-key",
        &["aiza"],
        tok!(r#"AIza[0-9A-Za-z_\-]{35}"#),
        Check::Token,
    ),
    re(
        "google-oauth-client-secret",
        &["gocspx-"],
        tok!(r#"GOCSPX-[A-Za-z0-9_\-]{28}"#),
        Check::Token,
    ),
    re(
        "google-oauth-access-token",
        &["ya29."],
        tok!(r#"ya29\.[0-9A-Za-z_\-]{30,}"#),
        Check::Token,
    ),
    re(
        "google-oauth-refresh-token",
        &["1//0"],
        r#"(?:^|[^A-Za-z0-9_\-/])(1//0[0-9A-Za-z_\-]{40,})"#,
        Check::Token,
    ),
    re(
        "firebase-cloud-messaging-key",
        &["apa91b"],
        r#"\b(AAAA[A-Za-z0-9_\-]{7}:APA91b[A-Za-z0-9_\-]{100,})"#,
        Check::Token,
    ),
    re(
        "azure-storage-account-key",
        &[
            "accountkey",
            "account_key",
            "account-key",
            "storage_key",
            "storagekey",
            "storage-key",
        ],
        concat!(
            r#"(?i)(?:account|storage)[_\-.]?(?:access[_\-.]?)?key"#,
            sep!(),
            r#"([A-Za-z0-9+/]{86}==)"#
        ),
        Check::Entropy(4.0),
    ),
    re(
        "azure-shared-access-key",
        &["sharedaccesskey"],
        r#"(?i)SharedAccessKey\s*=\s*([A-Za-z0-9+/]{40,}={0,2})"#,
        Check::Entropy(3.5),
    ),
    re(
        "azure-sas-token",
        &["sig="],
        r#"(?i)[?&;]sig=([A-Za-z0-9%+/]{30,}(?:%3D|=){0,2})"#,
        Check::Entropy(3.5),
    ),
    re(
        "azure-ad-client-secret",
        &["q~"],
        r#"(?:^|[\\'"`\s>=:(,)])([A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.\-]{31,34})(?:$|[\\'"`\s<),;])"#,
        Check::Token,
    ),
    re(
        "azure-devops-pat",
        &[
            "azure",
            "devops",
            "azdo",
            "vsts",
            "ado_",
            "ado-",
            "system_accesstoken",
        ],
        concat!(
            r#"(?i)(?:azure|ado|azdo|devops|vsts|tfs|system_accesstoken)[\w.\-]{0,30}?"#,
            sep!(),
            r#"([a-z2-7]{52})\b|\b([A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})\b"#
        ),
        Check::Entropy(3.5),
    ),
    re(
        "azure-cognitive-key",
        &["azure", "ocp-apim", "cognitive"],
        ctx!("azure|ocp-apim|cognitive", "[a-f0-9]{32}|[A-Za-z0-9]{84}"),
        Check::Entropy(3.0),
    ),
    re(
        "azure-cosmos-key",
        &["cosmos", "documentdb"],
        concat!(
            r#"(?i)(?:cosmos|documentdb)[^\n]{0,80}?key"#,
            sep!(),
            r#"([A-Za-z0-9+/]{86}==)"#
        ),
        Check::Entropy(4.0),
    ),
    re(
        "azure-function-key",
        &["azurewebsites.net", "x-functions-key"],
        r#"(?i)azurewebsites\.net/[^\s"'<>]*[?&]code=([A-Za-z0-9_\-]{20,}={0,2})|x-functions-key["']?\s*[:=,]\s*["']?([A-Za-z0-9_\-]{20,}={0,2})"#,
        Check::Entropy(3.5),
    ),
    re(
        "digitalocean-pat",
        &["dop_v1_"],
        tok!("dop_v1_[a-f0-9]{64}"),
        Check::Token,
    ),
    re(
        "digitalocean-oauth-token",
        &["doo_v1_"],
        tok!("doo_v1_[a-f0-9]{64}"),
        Check::Token,
    ),
    re(
        "digitalocean-refresh-token",
        &["dor_v1_"],
        tok!("dor_v1_[a-f0-9]{64}"),
        Check::Token,
    ),
    re(
        "cloudflare-origin-ca-key",
        &["v1.0-"],
        tok!("v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}"),
        Check::Token,
    ),
    re(
        "cloudflare-global-api-key",
        &["cloudflare", "cf_api", "cf-api", "cf_auth", "x-auth-key"],
        ctx!(
            "cloudflare|cf_api|cf-api|cf_auth|x-auth-key",
            "[a-f0-9]{37}"
        ),
        Check::Entropy(3.0),
    ),
    re(
        "cloudflare-api-token",
        &["cloudflare", "cf_api", "cf-api", "cf_token", "cf-token"],
        ctx!(
            "cloudflare|cf_api|cf-api|cf_token|cf-token",
            "[A-Za-z0-9_\\-]{40}"
        ),
        Check::Entropy(3.5),
    ),
    re(
        "heroku-api-key",
        &["hrku-", "heroku"],
        concat!(
            r#"\b(HRKU-AA[0-9A-Za-z_\-]{58})\b|(?i)heroku[\w.\-]{0,40}?"#,
            sep!(),
            r#"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b"#
        ),
        Check::Token,
    ),
    re(
        "databricks-api-token",
        &["dapi"],
        tok!("dapi[a-f0-9]{32}(?:-\\d)?"),
        Check::Token,
    ),
    re(
        "alibaba-access-key-id",
        &["ltai"],
        tok!("LTAI[A-Za-z0-9]{20}"),
        Check::Token,
    ),
    re(
        "alibaba-secret-key",
        &["alibaba", "aliyun", "alicloud"],
        ctx!("alibaba|aliyun|alicloud", "[A-Za-z0-9]{30}"),
        Check::Entropy(3.5),
    ),
    re(
        "tencent-cloud-secret-id",
        &["akid"],
        tok!("AKID[A-Za-z0-9]{32}"),
        Check::Token,
    ),
    re(
        "ibm-cloud-api-key",
        &["ibm", "bluemix"],
        ctx!("ibm|bluemix", "[A-Za-z0-9_\\-]{44}"),
        Check::Entropy(3.5),
    ),
    re(
        "yandex-api-key",
        &["aqvn"],
        tok!("AQVN[A-Za-z0-9_\\-]{35,38}"),
        Check::Token,
    ),
    re(
        "yandex-access-token",
        &["t1."],
        tok!("t1\\.[A-Za-z0-9_\\-]+=*\\.[A-Za-z0-9_\\-]{86}=*"),
        Check::Token,
    ),
    re(
        "scaleway-secret-key",
        &["scw", "scaleway"],
        concat!(
            r#"\b(SCW[A-Z0-9]{17})\b|(?i)(?:scw|scaleway)[\w.\-]{0,30}?secret[\w.\-]{0,10}?"#,
            sep!(),
            r#"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b"#
        ),
        Check::Token,
    ),
    re(
        "linode-token",
        &["linode"],
        ctx!("linode", "[a-f0-9]{64}"),
        Check::Entropy(3.0),
    ),
    re(
        "flyio-access-token",
        &["fo1_", "fm1", "fm2_"],
        r#"(?:^|[^A-Za-z0-9_\-])(fo1_[A-Za-z0-9_\-]{43}|fm1[ar]_[A-Za-z0-9+/]{100,}={0,3}|fm2_[A-Za-z0-9+/]{100,}={0,3})"#,
        Check::Token,
    ),
    re(
        "vercel-token",
        &["vercel"],
        ctx!("vercel", "[A-Za-z0-9]{24}"),
        Check::Entropy(3.5),
    ),
    re(
        "netlify-token",
        &["netlify", "nfp_"],
        concat!(
            r#"\b(nfp_[A-Za-z0-9]{36})\b|(?i)netlify[\w.\-]{0,40}?"#,
            sep!(),
            r#"([A-Za-z0-9=_\-]{40,46})(?:[^A-Za-z0-9=_\-]|$)"#
        ),
        Check::Token,
    ),
    re(
        "supabase-key",
        &["sbp_", "sb_secret_"],
        tok!("sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_\\-]{31,}"),
        Check::Token,
    ),
    re(
        "render-api-key",
        &["rnd_"],
        tok!("rnd_[A-Za-z0-9]{32}"),
        Check::Token,
    ),
    re(
        "pulumi-access-token",
        &["pul-"],
        tok!("pul-[a-f0-9]{40}"),
        Check::Token,
    ),
    re(
        "terraform-cloud-token",
        &["atlasv1"],
        tok!("[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=\\-]{60,70}"),
        Check::Token,
    ),
    re(
        "doppler-token",
        &[
            "dp.pt.",
            "dp.st.",
            "dp.sa.",
            "dp.ct.",
            "dp.scim.",
            "dp.audit.",
        ],
        tok!("dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,44}"),
        Check::Token,
    ),
    re(
        "vault-service-token",
        &["hvs.", "vault"],
        concat!(
            r#"(?:^|[^A-Za-z0-9_\-])(hvs\.[A-Za-z0-9_\-]{90,120})(?:[^A-Za-z0-9_\-]|$)|(?i)vault[\w.\-]{0,30}?"#,
            sep!(),
            r#"(s\.[A-Za-z0-9]{24})\b"#
        ),
        Check::Token,
    ),
    re(
        "vault-batch-token",
        &["hvb."],
        tok!("hvb\\.[A-Za-z0-9_\\-]{138,300}"),
        Check::Token,
    ),
    re(
        "onepassword-service-account-token",
        &["ops_eyj"],
        r#"\b(ops_eyJ[A-Za-z0-9+/=_\-]{100,})"#,
        Check::Token,
    ),
    re(
        "onepassword-secret-key",
        &["a3-"],
        r#"\b(A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})\b"#,
        Check::Token,
    ),
    re(
        "age-secret-key",
        &["age-secret-key-1"],
        r#"(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})"#,
        Check::None,
    ),
    re(
        "tailscale-key",
        &["tskey-"],
        tok!("tskey-(?:api|auth|client|scim|webhook)-[A-Za-z0-9]+-[A-Za-z0-9]+"),
        Check::Token,
    ),
    // Code hosts.
    re(
        "github-pat",
        &["ghp_"],
        tok!("ghp_[A-Za-z0-9]{36,}"),
        Check::Token,
    ),
    re(
        "github-fine-grained-pat",
        &["github_pat_"],
        tok!("github_pat_[A-Za-z0-9_]{70,90}"),
        Check::Token,
    ),
    re(
        "github-oauth-token",
        &["gho_"],
        tok!("gho_[A-Za-z0-9]{36,}"),
        Check::Token,
    ),
    re(
        "github-app-user-token",
        &["ghu_"],
        tok!("ghu_[A-Za-z0-9]{36,}"),
        Check::Token,
    ),
    re(
        "github-app-installation-token",
        &["ghs_"],
        tok!("ghs_[A-Za-z0-9]{36,}"),
        Check::Token,
    ),
    re(
        "github-refresh-token",
        &["ghr_"],
        tok!("ghr_[A-Za-z0-9]{36,}"),
        Check::Token,
    ),
    re(
        "gitlab-pat",
        &["glpat-"],
        tok!("glpat-[A-Za-z0-9_\\-]{20,}(?:\\.[A-Za-z0-9]{2}\\.[A-Za-z0-9]{7,9})?"),
        Check::Token,
    ),
    re(
        "gitlab-deploy-token",
        &["gldt-"],
        tok!("gldt-[A-Za-z0-9_\\-]{20,}"),
        Check::Token,
    ),
    re(
        "gitlab-runner-token",
        &["glrt-"],
        tok!("glrt-[A-Za-z0-9_\\-]{20,}(?:\\.[A-Za-z0-9]{2}\\.[A-Za-z0-9]{7,9})?"),
        Check::Token,
    ),
    re(
        "gitlab-runner-registration-token",
        &["gr1348941"],
        tok!("GR1348941[A-Za-z0-9_\\-]{20}"),
        Check::Token,
    ),
    re(
        "gitlab-pipeline-trigger-token",
        &["glptt-"],
        tok!("glptt-[a-f0-9]{40}"),
        Check::Token,
    ),
    re(
        "gitlab-feed-token",
        &["glft-"],
        tok!("glft-[A-Za-z0-9_\\-]{20,}"),
        Check::Token,
    ),
    re(
        "gitlab-oauth-app-secret",
        &["gloas-"],
        tok!("gloas-[A-Za-z0-9_\\-]{64}"),
        Check::Token,
    ),
    re(
        "gitlab-agent-token",
        &["glagent-"],
        tok!("glagent-[A-Za-z0-9_\\-]{50}"),
        Check::Token,
    ),
    re(
        "gitlab-scim-token",
        &["glsoat-"],
        tok!("glsoat-[A-Za-z0-9_\\-]{20,}"),
        Check::Token,
    ),
    re(
        "gitlab-job-token",
        &["glcbt-"],
        tok!("glcbt-[A-Za-z0-9]{1,5}_[A-Za-z0-9_\\-]{20}"),
        Check::Token,
    ),
    re(
        "gitlab-incoming-mail-token",
        &["glimt-"],
        tok!("glimt-[A-Za-z0-9_\\-]{25}"),
        Check::Token,
    ),
    re(
        "gitlab-feature-flag-token",
        &["glffct-"],
        tok!("glffct-[A-Za-z0-9_\\-]{20}"),
        Check::Token,
    ),
    re(
        "gitlab-session-cookie",
        &["_gitlab_session="],
        r#"_gitlab_session=([0-9a-z]{32})"#,
        Check::Token,
    ),
    re(
        "bitbucket-app-password",
        &["atbb"],
        tok!("ATBB[A-Za-z0-9_=.\\-]{28,}"),
        Check::Token,
    ),
    re(
        "bitbucket-client-secret",
        &["bitbucket"],
        ctx!("bitbucket", "[A-Za-z0-9_\\-]{32,64}"),
        Check::Entropy(3.5),
    ),
    re(
        "atlassian-api-token",
        &["atatt3", "atlassian", "confluence", "jira"],
        concat!(
            r#"\b(ATATT3[A-Za-z0-9_\-=]{150,200})|(?i)(?:atlassian|confluence|jira)[\w.\-]{0,40}?"#,
            sep!(),
            r#"([A-Za-z0-9]{24})\b"#
        ),
        Check::Token,
    ),
    re(
        "sourcegraph-token",
        &["sgp_"],
        tok!("sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}|sgp_[a-fA-F0-9]{40}"),
        Check::Token,
    ),
    re(
        "gitea-token",
        &["gitea", "forgejo"],
        ctx!("gitea|forgejo", "[a-f0-9]{40}"),
        Check::Entropy(3.0),
    ),
    // Chat.
    re(
        "slack-config-token",
        &["xoxe.xox", "xoxe-"],
        tok!("xoxe\\.xox[bp]-\\d-[A-Za-z0-9]{100,}|xoxe-\\d-[A-Za-z0-9]{100,}"),
        Check::Token,
    ),
    re(
        "slack-bot-token",
        &["xoxb-"],
        tok!("xoxb-[0-9]{8,14}-[A-Za-z0-9\\-]{10,}"),
        Check::Token,
    ),
    re(
        "slack-user-token",
        &["xoxp-", "xoxe-"],
        tok!("xox[pe]-[0-9]{8,14}-[A-Za-z0-9\\-]{10,}"),
        Check::Token,
    ),
    re(
        "slack-app-token",
        &["xapp-"],
        tok!("xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+"),
        Check::Token,
    ),
    re(
        "slack-legacy-token",
        &["xoxa-", "xoxo-", "xoxr-", "xoxs-"],
        tok!("xox[aors]-[A-Za-z0-9\\-]{8,}"),
        Check::Token,
    ),
    re(
        "discord-bot-token",
        &["discord", "bot", "token", "client.run", ".login("],
        tok!("[MNO][A-Za-z0-9_\\-]{23,27}\\.[A-Za-z0-9_\\-]{6}\\.[A-Za-z0-9_\\-]{27,40}"),
        Check::Token,
    ),
    re(
        "discord-client-secret",
        &["discord"],
        ctx!("discord", "[A-Za-z0-9_\\-]{32}"),
        Check::Entropy(3.5),
    ),
    re(
        "telegram-bot-token",
        &[":aa", "telegram"],
        r#"(?:^|[^0-9])(\d{6,12}:AA[A-Za-z0-9_\-]{30,36})(?:[^A-Za-z0-9_\-]|$)"#,
        Check::Token,
    ),
    re(
        "twitch-token",
        &["twitch"],
        ctx!("twitch", "[a-z0-9]{30}"),
        Check::Entropy(3.5),
    ),
    // Payments.
    re(
        "stripe-secret-key",
        &["sk_live", "sk_test", "sk_prod"],
        tok!("sk_(?:test|live|prod)_[A-Za-z0-9]{10,99}"),
        Check::Token,
    ),
    re(
        "stripe-restricted-key",
        &["rk_live", "rk_test", "rk_prod"],
        tok!("rk_(?:test|live|prod)_[A-Za-z0-9]{10,99}"),
        Check::Token,
    ),
    re(
        "stripe-webhook-secret",
        &["whsec_"],
        tok!("whsec_[A-Za-z0-9+/=]{32,}"),
        Check::Token,
    ),
    re(
        "square-access-token",
        &["sq0atp-", "eaaa"],
        tok!("(?:EAAA|sq0atp-)[A-Za-z0-9_\\-]{22,60}"),
        Check::Token,
    ),
    re(
        "square-oauth-secret",
        &["sq0csp-"],
        tok!("sq0csp-[A-Za-z0-9_\\-]{43}"),
        Check::Token,
    ),
    re(
        "braintree-access-token",
        &["access_token$"],
        r#"(access_token\$(?:production|sandbox)\$[a-z0-9]{16}\$[a-f0-9]{32})"#,
        Check::Token,
    ),
    re(
        "paypal-client-secret",
        &["paypal"],
        ctx!("paypal", "[A-Za-z0-9_\\-]{40,80}"),
        Check::Entropy(3.5),
    ),
    re(
        "braintree-private-key",
        &["braintree"],
        ctx!("braintree", "[a-f0-9]{32}"),
        Check::Entropy(3.0),
    ),
    re(
        "razorpay-key",
        &["rzp_"],
        tok!("rzp_(?:live|test)_[A-Za-z0-9]{14,}"),
        Check::Token,
    ),
    re(
        "flutterwave-secret-key",
        &["flwseck"],
        tok!("FLWSECK(?:_TEST)?-[a-hA-H0-9]{32}-X"),
        Check::Token,
    ),
    re(
        "plaid-access-token",
        &[
            "access-sandbox-",
            "access-development-",
            "access-production-",
        ],
        tok!(
            "access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
        ),
        Check::None,
    ),
    re(
        "plaid-secret",
        &["plaid"],
        ctx!("plaid", "[a-z0-9]{30}"),
        Check::Entropy(3.5),
    ),
    re(
        "gocardless-token",
        &["gocardless"],
        ctx!("gocardless", "live_[A-Za-z0-9_\\-=]{40}"),
        Check::Token,
    ),
    re(
        "shopify-access-token",
        &["shpat_"],
        tok!("shpat_[a-fA-F0-9]{32}"),
        Check::Token,
    ),
    re(
        "shopify-custom-app-token",
        &["shpca_"],
        tok!("shpca_[a-fA-F0-9]{32}"),
        Check::Token,
    ),
    re(
        "shopify-private-app-token",
        &["shppa_"],
        tok!("shppa_[a-fA-F0-9]{32}"),
        Check::Token,
    ),
    re(
        "shopify-shared-secret",
        &["shpss_"],
        tok!("shpss_[a-fA-F0-9]{32}"),
        Check::Token,
    ),
    // Mail and messaging.
    re(
        "sendgrid-api-key",
        &["sg."],
        tok!("SG\\.[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9_\\-]{43}"),
        Check::Token,
    ),
    re(
        "mailgun-api-key",
        &["key-", "mailgun"],
        concat!(
            r#"\b(key-[a-f0-9]{32})\b|(?i)mailgun[\w.\-]{0,40}?"#,
            sep!(),
            r#"([a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})\b"#
        ),
        Check::Token,
    ),
    re(
        "mailchimp-api-key",
        &["-us"],
        r#"\b([a-f0-9]{32}-us\d{1,2})\b"#,
        Check::Token,
    ),
    re(
        "twilio-api-key",
        &["sk"],
        r#"\b(SK[0-9a-fA-F]{32})\b"#,
        Check::Token,
    ),
    re(
        "twilio-auth-token",
        &["twilio"],
        ctx!("twilio", "[a-f0-9]{32}"),
        Check::Entropy(3.0),
    ),
    re(
        "sendinblue-api-key",
        &["xkeysib-", "xsmtpsib-"],
        tok!("(?:xkeysib|xsmtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}"),
        Check::Token,
    ),
    re(
        "postmark-token",
        &["postmark"],
        ctx!(
            "postmark",
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
        ),
        Check::None,
    ),
    re(
        "mandrill-api-key",
        &["mandrill"],
        ctx!("mandrill", "[A-Za-z0-9_\\-]{22}"),
        Check::Entropy(3.5),
    ),
    re(
        "messagebird-api-key",
        &["messagebird", "message_bird", "message-bird"],
        ctx!("message[_\\-]?bird", "[A-Za-z0-9]{25}"),
        Check::Entropy(3.5),
    ),
    re(
        "vonage-api-secret",
        &["vonage", "nexmo"],
        ctx!("vonage|nexmo", "[A-Za-z0-9]{16}"),
        Check::Entropy(3.2),
    ),
    // AI providers.
    re(
        "anthropic-api-key",
        &["sk-ant-"],
        tok!("sk-ant-(?:api|admin|sid)\\d\\d-[A-Za-z0-9_\\-]{80,}"),
        Check::Token,
    ),
    re(
        "openrouter-api-key",
        &["sk-or-"],
        tok!("sk-or-v1-[a-f0-9]{64}"),
        Check::Token,
    ),
    re(
        "openai-api-key",
        &["sk-", "t3blbkfj"],
        tok!(
            "sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_\\-]{20,}|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|sk-[A-Za-z0-9]{32,64}"
        ),
        Check::Token,
    ),
    re(
        "huggingface-token",
        &["hf_"],
        tok!("hf_[A-Za-z0-9]{30,40}"),
        Check::Token,
    ),
    re(
        "huggingface-org-token",
        &["api_org_"],
        tok!("api_org_[A-Za-z0-9]{30,40}"),
        Check::Token,
    ),
    re(
        "groq-api-key",
        &["gsk_"],
        tok!("gsk_[A-Za-z0-9]{48,56}"),
        Check::Token,
    ),
    re(
        "replicate-api-token",
        &["r8_"],
        tok!("r8_[A-Za-z0-9]{37,40}"),
        Check::Token,
    ),
    re(
        "perplexity-api-key",
        &["pplx-"],
        tok!("pplx-[A-Za-z0-9]{48}"),
        Check::Token,
    ),
    re(
        "xai-api-key",
        &["xai-"],
        tok!("xai-[A-Za-z0-9]{70,90}"),
        Check::Token,
    ),
    re(
        "pinecone-api-key",
        &["pcsk_"],
        tok!("pcsk_[A-Za-z0-9_]{50,}"),
        Check::Token,
    ),
    re(
        "langsmith-api-key",
        &["lsv2_"],
        tok!("lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}"),
        Check::Token,
    ),
    re(
        "fireworks-api-key",
        &["fw_"],
        tok!("fw_[A-Za-z0-9]{24,}"),
        Check::Token,
    ),
    re(
        "cohere-api-key",
        &["cohere", "co_api_key"],
        ctx!("cohere|co_api_key", "[A-Za-z0-9]{40}"),
        Check::Entropy(3.5),
    ),
    re(
        "mistral-api-key",
        &["mistral"],
        ctx!("mistral", "[A-Za-z0-9]{32}"),
        Check::Entropy(3.5),
    ),
    // Package registries.
    re(
        "npm-access-token",
        &["npm_"],
        tok!("npm_[A-Za-z0-9]{36}"),
        Check::Token,
    ),
    re(
        "pypi-upload-token",
        &["pypi-age"],
        tok!("pypi-AgE[A-Za-z0-9_\\-]{70,}"),
        Check::Token,
    ),
    re(
        "rubygems-api-key",
        &["rubygems_"],
        tok!("rubygems_[a-f0-9]{48}"),
        Check::Token,
    ),
    re(
        "nuget-api-key",
        &["oy2"],
        tok!("oy2[a-z0-9]{43}"),
        Check::Token,
    ),
    re(
        "dockerhub-token",
        &["dckr_pat_", "dckr_oat_"],
        tok!("dckr_(?:pat|oat)_[A-Za-z0-9_\\-]{27,}"),
        Check::Token,
    ),
    re(
        "crates-io-token",
        &["cio"],
        tok!("cio[A-Za-z0-9]{32}"),
        Check::Token,
    ),
    re(
        "artifactory-token",
        &["akcp", "cmvmd"],
        tok!("AKCp[A-Za-z0-9]{69}|cmVmd[A-Za-z0-9]{59}"),
        Check::Token,
    ),
    re(
        "jfrog-token",
        &["jfrog", "artifactory"],
        ctx!("jfrog|artifactory", "[A-Za-z0-9]{64}|[A-Za-z0-9]{73}"),
        Check::Entropy(3.5),
    ),
    re(
        "clojars-token",
        &["clojars_"],
        r#"(?i)(CLOJARS_[a-z0-9]{60})"#,
        Check::Token,
    ),
    // Observability.
    re(
        "datadog-api-key",
        &[
            "datadog",
            "dd_api",
            "dd_app",
            "dd-api",
            "dd-app",
            "ddapi",
            "dd_client",
        ],
        concat!(
            r#"(?i)(?:datadog|\bdd)[_\-.]?(?:api|app|application|client)?[_\-.]?(?:key|token)"#,
            sep!(),
            r#"([a-f0-9]{32}|[a-f0-9]{40}|pub[a-f0-9]{32})\b"#
        ),
        Check::Entropy(3.0),
    ),
    re(
        "new-relic-user-api-key",
        &["nrak-"],
        tok!("NRAK-[A-Z0-9]{27}"),
        Check::Token,
    ),
    re(
        "new-relic-browser-key",
        &["nrjs-"],
        tok!("NRJS-[a-f0-9]{19}"),
        Check::Token,
    ),
    re(
        "new-relic-insert-key",
        &["nrii-"],
        tok!("NRII-[A-Za-z0-9\\-_]{32}"),
        Check::Token,
    ),
    re(
        "new-relic-license-key",
        &["nral", "newrelic", "new_relic", "new-relic"],
        concat!(
            r#"\b([a-f0-9]{36}NRAL)\b|(?i)new[_\-]?relic[\w.\-]{0,40}?"#,
            sep!(),
            r#"([a-f0-9]{40})\b"#
        ),
        Check::Token,
    ),
    re(
        "sentry-org-token",
        &["sntrys_"],
        r#"\b(sntrys_eyJ[A-Za-z0-9+/=_]{50,})"#,
        Check::Token,
    ),
    re(
        "sentry-user-token",
        &["sntryu_"],
        tok!("sntryu_[a-f0-9]{64}"),
        Check::Token,
    ),
    re(
        "grafana-api-key",
        &["eyjrijoi"],
        r#"\b(eyJrIjoi[A-Za-z0-9]{70,400}={0,3})"#,
        Check::Token,
    ),
    re(
        "grafana-cloud-token",
        &["glc_"],
        r#"\b(glc_[A-Za-z0-9+/]{32,400}={0,3})"#,
        Check::Token,
    ),
    re(
        "grafana-service-account-token",
        &["glsa_"],
        tok!("glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}"),
        Check::Token,
    ),
    re(
        "dynatrace-api-token",
        &["dt0c01."],
        tok!("dt0c01\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}"),
        Check::Token,
    ),
    re(
        "honeycomb-api-key",
        &["honeycomb"],
        ctx!(
            "honeycomb",
            "[A-Za-z0-9]{22,32}|hc[a-z]{2}k_[a-z0-9]{50,64}"
        ),
        Check::Entropy(3.5),
    ),
    re(
        "splunk-token",
        &["splunk", "hec_token", "hec-token"],
        ctx!(
            "splunk|hec",
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
        ),
        Check::None,
    ),
    re(
        "pagerduty-token",
        &["pagerduty"],
        ctx!("pagerduty", "[A-Za-z0-9_+\\-]{20,32}"),
        Check::Entropy(3.5),
    ),
    re(
        "rollbar-token",
        &["rollbar"],
        ctx!("rollbar", "[a-f0-9]{32}"),
        Check::Entropy(3.0),
    ),
    re(
        "bugsnag-key",
        &["bugsnag"],
        ctx!("bugsnag", "[a-f0-9]{32}"),
        Check::Entropy(3.0),
    ),
    // Identity.
    re(
        "okta-api-token",
        &["okta", "ssws"],
        concat!(
            r#"(?i)(?:okta[\w.\-]{0,40}?"#,
            sep!(),
            r#"|ssws\s+)(00[A-Za-z0-9_\-]{40})\b"#
        ),
        Check::Token,
    ),
    re(
        "auth0-client-secret",
        &["auth0"],
        ctx!("auth0", "[A-Za-z0-9_\\-]{64}"),
        Check::Entropy(3.5),
    ),
    // Maps and search.
    re(
        "mapbox-token",
        &["sk.eyj"],
        tok!("sk\\.eyJ[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]{20,}"),
        Check::Token,
    ),
    re(
        "algolia-api-key",
        &["algolia"],
        ctx!("algolia", "[a-f0-9]{32}"),
        Check::Entropy(3.0),
    ),
    // Other SaaS.
    re(
        "linear-api-key",
        &["lin_api_"],
        tok!("lin_api_[A-Za-z0-9]{40}"),
        Check::Token,
    ),
    re(
        "notion-token",
        &["secret_", "ntn_"],
        tok!("secret_[A-Za-z0-9]{43}|ntn_[0-9]{11}[A-Za-z0-9]{35}"),
        Check::Token,
    ),
    re(
        "airtable-token",
        &["pat", "airtable"],
        concat!(
            r#"\b(pat[A-Za-z0-9]{14}\.[a-f0-9]{64})\b|(?i)airtable[\w.\-]{0,40}?"#,
            sep!(),
            r#"(key[A-Za-z0-9]{14})\b"#
        ),
        Check::Token,
    ),
    re(
        "asana-token",
        &["asana"],
        ctx!(
            "asana",
            "[0-9]/[0-9]{10,20}:[A-Za-z0-9]{32}|[0-9]/[0-9]{10,20}/[0-9]{10,20}:[A-Za-z0-9]{32}"
        ),
        Check::None,
    ),
    re(
        "dropbox-token",
        &["sl.", "dropbox"],
        concat!(
            r#"(?:^|[^A-Za-z0-9_\-])(sl\.[A-Za-z0-9_\-]{130,})|(?i)dropbox[\w.\-]{0,40}?"#,
            sep!(),
            r#"([A-Za-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_\-=]{43})"#
        ),
        Check::Token,
    ),
    re(
        "figma-token",
        &["figd_"],
        tok!("figd_[A-Za-z0-9_\\-]{40,}"),
        Check::Token,
    ),
    re(
        "postman-api-key",
        &["pmak-"],
        tok!("PMAK-[a-f0-9]{24}-[a-f0-9]{34}"),
        Check::Token,
    ),
    re(
        "twitter-bearer-token",
        &["aaaaaaaaaaaaaaaaaaaaaa"],
        r#"\b(A{22}[A-Za-z0-9%]{80,110})"#,
        Check::None,
    ),
    re(
        "twitter-secret",
        &["twitter"],
        ctx!(
            "twitter",
            "[A-Za-z0-9]{45}|[A-Za-z0-9]{50}|[0-9]{15,25}-[A-Za-z0-9]{20,40}"
        ),
        Check::Entropy(3.5),
    ),
    re(
        "facebook-access-token",
        &["eaa"],
        tok!("EAA[A-Za-z0-9]{100,}"),
        Check::Token,
    ),
    re(
        "facebook-app-secret",
        &[
            "facebook",
            "fb_app",
            "fb_secret",
            "fb-secret",
            "fbsecret",
            "fb_client",
            "fbapp",
            "fb.app",
        ],
        ctx!("facebook|fb", "[a-f0-9]{32}"),
        Check::Entropy(3.0),
    ),
    re(
        "contentful-token",
        &["cfpat-"],
        tok!("CFPAT-[A-Za-z0-9_\\-]{43}"),
        Check::Token,
    ),
    re(
        "typeform-token",
        &["tfp_"],
        tok!("tfp_[A-Za-z0-9_\\-.=]{59}"),
        Check::Token,
    ),
    re(
        "shippo-token",
        &["shippo_"],
        tok!("shippo_(?:live|test)_[a-fA-F0-9]{40}"),
        Check::Token,
    ),
    re(
        "easypost-api-key",
        &["ezak", "eztk"],
        tok!("EZ[AT]K[A-Za-z0-9]{54}"),
        Check::Token,
    ),
    re(
        "duffel-token",
        &["duffel_"],
        tok!("duffel_(?:test|live)_[A-Za-z0-9_\\-=]{43}"),
        Check::Token,
    ),
    re(
        "frameio-token",
        &["fio-u-"],
        tok!("fio-u-[A-Za-z0-9_\\-=]{64}"),
        Check::Token,
    ),
    re(
        "octopus-deploy-key",
        &["api-"],
        tok!("API-[A-Z0-9]{26}"),
        Check::Token,
    ),
    re(
        "prefect-api-key",
        &["pnu_"],
        tok!("pnu_[A-Za-z0-9]{36}"),
        Check::Token,
    ),
    re(
        "readme-api-key",
        &["rdme_"],
        tok!("rdme_[a-z0-9]{70}"),
        Check::Token,
    ),
    re(
        "scalingo-token",
        &["tk-us-"],
        tok!("tk-us-[A-Za-z0-9_\\-]{48}"),
        Check::Token,
    ),
    re(
        "infracost-token",
        &["ico-"],
        tok!("ico-[A-Za-z0-9]{32}"),
        Check::Token,
    ),
    re(
        "maxmind-license-key",
        &["_mmk"],
        tok!("[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk"),
        Check::Token,
    ),
    re(
        "sonarqube-token",
        &["sqa_", "sqp_", "squ_"],
        tok!("sq[apu]_[a-f0-9]{40}"),
        Check::Token,
    ),
    re(
        "snyk-token",
        &["snyk"],
        ctx!(
            "snyk",
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
        ),
        Check::None,
    ),
    re(
        "circleci-token",
        &["ccipat_", "circle"],
        concat!(
            r#"\b(CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40})\b|(?i)circle[\w.\-]{0,40}?"#,
            sep!(),
            r#"([a-f0-9]{40})\b"#
        ),
        Check::Token,
    ),
    re(
        "buildkite-token",
        &["bkua_"],
        tok!("bkua_[a-f0-9]{40}"),
        Check::Token,
    ),
    re(
        "codecov-token",
        &["codecov"],
        ctx!(
            "codecov",
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-f0-9]{32}"
        ),
        Check::None,
    ),
    re(
        "travis-token",
        &["travis"],
        ctx!("travis", "[A-Za-z0-9_\\-]{22}"),
        Check::Entropy(3.5),
    ),
    re(
        "harness-token",
        &["pat.", "sat."],
        tok!("(?:pat|sat)\\.[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}"),
        Check::Token,
    ),
    re(
        "hubspot-token",
        &["pat-na1-", "pat-eu1-", "hubspot"],
        concat!(
            r#"\b(pat-(?:na|eu)1-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b|(?i)hubspot[\w.\-]{0,40}?"#,
            sep!(),
            r#"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\b"#
        ),
        Check::None,
    ),
    re(
        "zendesk-token",
        &["zendesk"],
        ctx!("zendesk", "[A-Za-z0-9]{40}"),
        Check::Entropy(3.5),
    ),
    re(
        "intercom-token",
        &["intercom"],
        ctx!("intercom", "[A-Za-z0-9=_\\-]{59,60}"),
        Check::Entropy(3.5),
    ),
    re(
        "launchdarkly-key",
        &["api-", "sdk-", "mob-"],
        tok!("(?:api|sdk|mob)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
        Check::None,
    ),
    re(
        "lob-api-key",
        &["lob"],
        ctx!("lob", "(?:live|test)_[a-f0-9]{35}"),
        Check::Token,
    ),
    re(
        "sidekiq-secret",
        &["contribsys"],
        r#"(?i)(?:BUNDLE_ENTERPRISE__CONTRIBSYS__COM|BUNDLE_GEMS__CONTRIBSYS__COM)["']?\s*[:=]\s*["']?([a-f0-9]{8}:[a-f0-9]{8})"#,
        Check::None,
    ),
    re(
        "jwt",
        &["eyj"],
        tok!("eyJ[A-Za-z0-9_\\-]{10,}\\.eyJ[A-Za-z0-9_\\-]{10,}\\.[A-Za-z0-9_\\-]*"),
        Check::Token,
    ),
    // Credentials in URLs, headers, command lines and credential files.
    re(
        "jdbc-oracle-credentials",
        &["jdbc:oracle"],
        r#"(?i)jdbc:oracle:[a-z]+:([^/@\s:"']+/[^@\s"']+)@"#,
        Check::Loose,
    ),
    re(
        "url-credentials",
        &["://"],
        r#"(?i)\b[a-z][a-z0-9+.\-]{1,30}://([^\s:/?#@"'<>\[\]{}|\\^`]{0,100}:[^\s/?#"'<>{}|\\^`]{1,200}|[A-Za-z0-9_\-.~%]{20,200})@[A-Za-z0-9._\-]+"#,
        Check::UrlCredentials,
    ),
    re(
        "basic-auth",
        &["basic"],
        r#"(?i)\bbasic\s+([A-Za-z0-9+/]{8,}={0,2})(?:[^A-Za-z0-9+/=]|$)"#,
        Check::BasicAuth,
    ),
    re(
        "bearer-token",
        &["bearer"],
        r#"(?i)\bbearer\s+([A-Za-z0-9\-._~+/]{12,}={0,2})(?:[^A-Za-z0-9\-._~+/=]|$)"#,
        Check::Secret,
    ),
    re(
        "authorization-header",
        &["authorization"],
        r#"(?i)\b(?:proxy-)?authorization["']?\]?\s*[:=,]\s*["']?(?:token|sso-key|ssws|apikey|api-key|key|geniekey|splunk|dsn|otoken|digest|klaviyo-api-key)\s+([^\s"',;]{12,})"#,
        Check::Secret,
    ),
    re(
        "basic-auth-credentials",
        &["auth", "login(", "credential"],
        r#"(?i)(?:\bauth\s*=\s*\(|basicauth\(|basic_auth\(|setbasicauth\(|withbasicauth\(|\.auth\(|\.login\(|networkcredential\(|passwordauthentication\(|passwordcredentials\(|\bcredentials\()\s*["'][^"']*["']\s*,\s*["']([^"']+)["']"#,
        Check::Password,
    ),
    re(
        "curl-credentials",
        &["curl", "wget", "http "],
        r#"(?:curl|wget|http)\b[^\n]*?\s(?:-u|--user|--http-user|--proxy-user)(?:\s+|=)["']?[^\s"':]*:([^\s"']+)"#,
        Check::Loose,
    ),
    re(
        "cli-password",
        &[
            "mysql",
            "mariadb",
            "sshpass",
            "login",
            "redis-cli",
            "sqlcmd",
            "htpasswd",
            "mongo",
        ],
        // `-p'…'` and `-p"…"` too (issue 14): the quotes are the shell's, the rest the password.
        r#"(?:mysql|mysqldump|mysqladmin|mariadb)\b[^\n]*?\s-p(?:'([^'\n]+)'|"([^"\n]+)"|([^\s"'\-][^\s"']*))|mongo(?:sh|dump|restore)?\b[^\n]*?\s-p\s+["']?([^\s"'\-][^\s"']*)|sshpass\s+-p\s*["']?([^\s"']+)|(?:docker|podman|helm|oras|buildah|skopeo)\s+(?:registry\s+)?login\b[^\n]*?\s(?:-p|--password)(?:\s+|=)["']?([^\s"']+)|redis-cli\b[^\n]*?\s-a\s+["']?([^\s"']+)|sqlcmd\b[^\n]*?\s-P\s+["']?([^\s"']+)|htpasswd\s+-[a-zA-Z]*b[a-zA-Z]*\s+\S+\s+\S+\s+["']?([^\s"']+)"#,
        Check::Loose,
    ),
    re(
        "sql-password",
        &["identified"],
        r#"(?i)\bidentified\s+(?:with\s+\w+\s+)?by\s+(?:password\s+)?["']([^"'\s]+)["']"#,
        Check::Loose,
    ),
    re(
        "redis-password",
        &["requirepass", "masterauth"],
        r#"(?i)^\s*(?:requirepass|masterauth)\s+["']?([^\s"']+)"#,
        Check::Loose,
    ),
    re(
        "netrc-credentials",
        &["machine", "password"],
        r#"(?i)\bmachine\s+\S+\s+(?:login\s+\S+\s+)?password\s+(\S+)|^\s*password\s+(\S+)\s*$"#,
        Check::Password,
    ),
    re(
        "pgpass-credentials",
        &[":5432:", ":*:", "pgpass", ":5433:"],
        r#"^\s*(?:echo\s+["']?)?[^:\s#"']+:(?:\d+|\*):[^:\s]+:[^:\s]+:([^\s"']+)"#,
        Check::Loose,
    ),
    re(
        "npmrc-auth",
        &["_auth", "_password"],
        r#"(?i)(?:^|[\s:])_(?:authToken|auth|password)\s*=\s*["']?([^\s"']+)"#,
        Check::Loose,
    ),
    re(
        "docker-config-auth",
        &["\"auth\""],
        r#""auth"\s*:\s*"([A-Za-z0-9+/]{8,}={0,2})""#,
        Check::BasicAuth,
    ),
    re(
        "webhook-url",
        &["/hooks/", "/webhook/", "/webhooks/"],
        r#"(https?://[^\s"'<>/`]+(?:/[^\s"'<>/`]+)*?/(?:hooks|webhooks?)/[^\s"'<>`]+)"#,
        Check::Webhook,
    ),
    // Generic assignments last: any specific rule above names a finding first.
    custom("generic-password", super::generic::HINTS, Custom::Generic),
    custom("generic-secret", &[], Custom::Label),
    custom("card-number", &[], Custom::Card),
];
