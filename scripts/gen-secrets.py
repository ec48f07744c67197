#!/usr/bin/env python3
"""Generate the secret-redaction corpus in fixtures/secrets/ (seeded, Python stdlib only).

Every secret here is FAKE: random characters from a seeded generator, shaped like the real
format (prefix, length, alphabet, checksum where there is one) so that the rules see what they
would see, but issued by no one and valid nowhere. Nothing here is pushed anywhere.

Writes:
  positives.toml  one [[case]] per positive: the rule that must name it, the file it sits in,
                  the diff lines (each starting with `+`, `-` or ` `) and the secret strings;
                  at least 3 cases per rule, in different syntaxes and file types.
  negatives.toml  hard negatives: git SHAs, sha256/512 digests, lockfile integrity fields,
                  UUIDs, base64 image data, versions, URLs without credentials, code that only
                  mentions passwords, placeholders and references; none may be changed.
  positives.diff, negatives.diff
                  the same cases as one unified diff each, for `git herald redact --print`.

Run from the repository root:  python3 scripts/gen-secrets.py
"""

import base64
import json
import os
import random
import string

SEED = 20240611
R = random.Random(SEED)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "secrets")

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DI = string.digits
ALNUM = UP + LO + DI


def rs(chars, n):
    return "".join(R.choice(chars) for _ in range(n))


def fakeish(s):
    """Puts a FAKE marker into an alphanumeric body a third of the time (still format-valid)."""
    if len(s) >= 12 and R.random() < 0.33:
        at = R.randrange(0, len(s) - 4)
        s = s[:at] + "FAKE" + s[at + 4:]
    return s


def alnum(n):
    return fakeish(rs(ALNUM, n))


def hexl(n):
    return rs("0123456789abcdef", n)


def hexu(n):
    return rs("0123456789ABCDEF", n)


def b64(n):
    return rs(ALNUM + "+/", n)


def b64u(n):
    return rs(ALNUM + "-_", n)


def upper(n):
    return rs(UP + DI, n)


def lower(n):
    return rs(LO + DI, n)


def digits(n):
    return R.choice("123456789") + rs(DI, n - 1)


def uuid():
    h = hexl(32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def b64enc(s):
    return base64.b64encode(s.encode()).decode()


def password():
    """A human-ish password: letters, digits, a symbol or two; nothing that needs quoting."""
    words = ["Blue", "Tiger", "Maple", "River", "Falcon", "Copper", "Orbit", "Cactus", "Fake"]
    return (
        R.choice(words)
        + R.choice(["-", "_", "!", "@", "%", "^", "*", "+", "."])
        + rs(LO + UP, R.randint(3, 6))
        + rs(DI, R.randint(2, 4))
        + R.choice(["!", "*", "^", "~", "-", "Z", "q"])
    )


def url_password():
    return R.choice(["Blue", "Tiger", "Maple", "Fake"]) + rs(ALNUM, 8) + R.choice(["-", "_", "~", "."]) + rs(DI, 3)


def random_secret():
    kind = R.randrange(4)
    if kind == 0:
        return alnum(R.randint(24, 48))
    if kind == 1:
        return hexl(R.choice([32, 40, 64]))
    if kind == 2:
        return b64(43) + "="
    return rs(ALNUM + "-_", R.randint(28, 44))


def luhn_complete(prefix, length):
    body = prefix + rs(DI, length - len(prefix) - 1)
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


# --- names ----------------------------------------------------------------------------------


def names(words):
    """UPPER_SNAKE, camelCase, snake_case, dotted.lower and PascalCase forms of a name."""
    return {
        "N": "_".join(w.upper() for w in words),
        "c": words[0].lower() + "".join(w.capitalize() for w in words[1:]),
        "s": "_".join(w.lower() for w in words),
        "d": ".".join(w.lower() for w in words),
        "P": "".join(w.capitalize() for w in words),
    }


# (file, template, works for context rules): {N} {c} {s} {d} {P} are the name, {v} the value.
ASSIGN = [
    ("app/settings.py", '{N} = "{v}"', True),
    ("src/config.js", "const {c} = '{v}';", True),
    ("config/app.yml", "  {s}: {v}", True),
    ("config/app.yaml", '  {s}: "{v}"', True),
    ("appsettings.json", '    "{c}": "{v}",', True),
    ("deploy/app.env", "{N}={v}", True),
    ("scripts/deploy.sh", 'export {N}="{v}"', True),
    ("Dockerfile", "ENV {N}={v}", True),
    ("docker-compose.yml", "      - {N}={v}", True),
    ("src/main/resources/application.properties", "{d}={v}", True),
    ("config.toml", '{s} = "{v}"', True),
    ("web.config", '    <add key="{P}" value="{v}" />', False),
    ("infra/main.tf", '  {s} = "{v}"', True),
    ("cmd/server/main.go", '\t{P}: "{v}",', True),
    ("src/main/java/App.java", '    private static final String {N} = "{v}";', True),
    ("lib/client.rb", '  {s}: "{v}",', True),
    ("src/lib.rs", 'const {N}: &str = "{v}";', True),
    ("config/services.php", "    '{s}' => '{v}',", True),
    (".github/workflows/ci.yml", "      {N}: {v}", True),
    ("Makefile", "{N} ?= {v}", True),
    ("README.md", "Set `{N}={v}` before running.", True),
    ("src/App.kt", 'val {c} = "{v}"', True),
    ("deploy/values.yaml", "  {c}: {v}", True),
    ("settings.ini", "{s} = {v}", True),
]

# Templates that need no name: the token's own shape is enough.
STANDALONE = [
    ("src/client.py", 'client = Client("{v}")'),
    ("scripts/call.sh", 'curl -s -H "X-Token: {v}" https://api.example.com/v1/me'),
    ("notes/rotation.txt", "rotated on Monday, old one was {v}"),
    ("src/index.ts", "init({{ credential: '{v}' }});"),
    ("test/requests.http", "Authorization: Bearer {v}"),
    ("config/keys.yml", "  - {v}"),
    ("docs/setup.md", "    {v}"),
    ("src/Main.cs", 'var client = new ApiClient("{v}");'),
]


# Tokens whose shape is common enough that their rule wants a word nearby.
STANDALONE_FOR = {
    "discord-bot-token": ("bot/main.py", 'client.run("{v}")'),
}


def prefix():
    x = R.random()
    return "+" if x < 0.7 else "-" if x < 0.9 else " "


CASES = []


def case(rule, file, lines, secrets):
    p = prefix()
    text = "".join(p + line + "\n" for line in lines)
    CASES.append({"rule": rule, "file": file, "text": text, "secrets": secrets})


def assign_cases(rule, gen, words_list, count=4, ctx=False, standalone=True):
    """Cases from assignment templates (names from `words_list`) and, for tokens with a shape
    of their own, standalone templates."""
    pool = [(f, t) for f, t, ok in ASSIGN if ok or not ctx]
    picks = R.sample(pool, count if ctx or not standalone else count - 1)
    for file, template in picks:
        v = gen()
        n = names(R.choice(words_list))
        case(rule, file, [template.format(v=v, **n)], [v])
    if standalone and not ctx:
        file, template = STANDALONE_FOR.get(rule) or R.choice(STANDALONE)
        v = gen()
        case(rule, file, [template.format(v=v)], [v])


# --- provider tokens --------------------------------------------------------------------------

PREFIXED = {
    "aws-access-key-id": (lambda: R.choice(["AKIA", "ASIA"]) + rs(UP + "234567", 16), [["aws", "access", "key", "id"]]),
    "aws-mws-key": (lambda: "amzn.mws." + uuid(), [["mws", "auth", "token"]]),
    "google-api-key": (lambda: "AIza" + b64u(35), [["google", "maps", "key"]]),
    "google-oauth-client-secret": (lambda: "GOCSPX-" + b64u(28), [["google", "client", "secret"]]),
    "google-oauth-access-token": (lambda: "ya29." + b64u(120), [["google", "access", "token"]]),
    "google-oauth-refresh-token": (lambda: "1//0" + b64u(96), [["google", "refresh", "token"]]),
    "firebase-cloud-messaging-key": (lambda: "AAAA" + b64u(7) + ":APA91b" + b64u(134), [["fcm", "server", "key"]]),
    "azure-ad-client-secret": (lambda: rs(ALNUM, 3) + R.choice(DI) + "Q~" + rs(ALNUM + "_~.-", 34), [["azure", "client", "secret"]]),
    "digitalocean-pat": (lambda: "dop_v1_" + hexl(64), [["do", "token"]]),
    "digitalocean-oauth-token": (lambda: "doo_v1_" + hexl(64), [["do", "oauth", "token"]]),
    "digitalocean-refresh-token": (lambda: "dor_v1_" + hexl(64), [["do", "refresh", "token"]]),
    "cloudflare-origin-ca-key": (lambda: "v1.0-" + hexl(24) + "-" + hexl(146), [["origin", "ca", "key"]]),
    "databricks-api-token": (lambda: "dapi" + hexl(32), [["databricks", "token"]]),
    "alibaba-access-key-id": (lambda: "LTAI" + alnum(20), [["ali", "access", "key", "id"]]),
    "tencent-cloud-secret-id": (lambda: "AKID" + alnum(32), [["tencent", "secret", "id"]]),
    "yandex-api-key": (lambda: "AQVN" + b64u(36), [["yc", "api", "key"]]),
    "yandex-access-token": (lambda: "t1." + b64u(40) + "." + b64u(86), [["yc", "iam", "token"]]),
    "flyio-access-token": (lambda: "fo1_" + b64u(43), [["fly", "api", "token"]]),
    "supabase-key": (lambda: R.choice(["sbp_" + hexl(40), "sb_secret_" + b64u(31)]), [["supabase", "service", "key"]]),
    "render-api-key": (lambda: "rnd_" + alnum(32), [["render", "api", "key"]]),
    "pulumi-access-token": (lambda: "pul-" + hexl(40), [["pulumi", "access", "token"]]),
    "terraform-cloud-token": (lambda: alnum(14) + ".atlasv1." + b64u(67), [["tfe", "token"]]),
    "doppler-token": (lambda: "dp." + R.choice(["pt", "st", "sa"]) + "." + alnum(43), [["doppler", "token"]]),
    "vault-batch-token": (lambda: "hvb." + b64u(150), [["vault", "batch", "token"]]),
    "onepassword-service-account-token": (lambda: "ops_eyJ" + b64(300), [["op", "service", "account", "token"]]),
    "onepassword-secret-key": (lambda: "A3-" + upper(6) + "-" + upper(11) + "-" + upper(5) + "-" + upper(5) + "-" + upper(5), [["op", "secret", "key"]]),
    "age-secret-key": (lambda: "AGE-SECRET-KEY-1" + rs("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58), [["sops", "age", "key"]]),
    "tailscale-key": (lambda: "tskey-auth-k" + alnum(10) + "CNTRL-" + alnum(30), [["ts", "authkey"]]),
    "github-pat": (lambda: "ghp_" + alnum(36), [["github", "token"], ["gh", "token"]]),
    "github-fine-grained-pat": (lambda: "github_pat_" + alnum(22) + "_" + alnum(59), [["github", "token"]]),
    "github-oauth-token": (lambda: "gho_" + alnum(36), [["github", "oauth", "token"]]),
    "github-app-user-token": (lambda: "ghu_" + alnum(36), [["github", "user", "token"]]),
    "github-app-installation-token": (lambda: "ghs_" + alnum(36), [["github", "app", "token"]]),
    "github-refresh-token": (lambda: "ghr_" + alnum(36), [["github", "refresh", "token"]]),
    "gitlab-pat": (lambda: "glpat-" + b64u(20), [["gitlab", "token"]]),
    "gitlab-deploy-token": (lambda: "gldt-" + b64u(20), [["gitlab", "deploy", "token"]]),
    "gitlab-runner-token": (lambda: "glrt-" + b64u(20), [["runner", "token"]]),
    "gitlab-runner-registration-token": (lambda: "GR1348941" + b64u(20), [["registration", "token"]]),
    "gitlab-pipeline-trigger-token": (lambda: "glptt-" + hexl(40), [["trigger", "token"]]),
    "gitlab-feed-token": (lambda: "glft-" + b64u(20), [["feed", "token"]]),
    "gitlab-oauth-app-secret": (lambda: "gloas-" + b64u(64), [["gitlab", "app", "secret"]]),
    "gitlab-agent-token": (lambda: "glagent-" + b64u(50), [["agent", "token"]]),
    "gitlab-scim-token": (lambda: "glsoat-" + b64u(20), [["scim", "token"]]),
    "gitlab-job-token": (lambda: "glcbt-" + lower(2) + "_" + b64u(20), [["ci", "job", "token"]]),
    "gitlab-incoming-mail-token": (lambda: "glimt-" + b64u(25), [["incoming", "mail", "token"]]),
    "gitlab-feature-flag-token": (lambda: "glffct-" + b64u(20), [["unleash", "token"]]),
    "bitbucket-app-password": (lambda: "ATBB" + alnum(32), [["bitbucket", "app", "password"]]),
    "sourcegraph-token": (lambda: "sgp_" + hexl(16) + "_" + hexl(40), [["src", "access", "token"]]),
    "slack-config-token": (lambda: "xoxe.xoxp-1-" + upper(150), [["slack", "config", "token"]]),
    "slack-bot-token": (lambda: "xoxb-" + digits(12) + "-" + digits(13) + "-" + alnum(24), [["slack", "bot", "token"]]),
    "slack-user-token": (lambda: "xoxp-" + digits(12) + "-" + digits(12) + "-" + digits(13) + "-" + hexl(32), [["slack", "user", "token"]]),
    "slack-app-token": (lambda: "xapp-1-A" + upper(10) + "-" + digits(13) + "-" + hexl(64), [["slack", "app", "token"]]),
    "slack-legacy-token": (lambda: R.choice(["xoxa-2-", "xoxr-", "xoxs-"]) + digits(12) + "-" + alnum(24), [["slack", "legacy", "token"]]),
    "discord-bot-token": (lambda: R.choice("MNO") + b64u(25) + "." + b64u(6) + "." + b64u(38), [["discord", "bot", "token"]]),
    "telegram-bot-token": (lambda: digits(10) + ":AA" + b64u(33), [["telegram", "bot", "token"]]),
    "stripe-secret-key": (lambda: "sk_" + R.choice(["live", "test"]) + "_" + alnum(R.choice([24, 99, 48])), [["stripe", "secret", "key"]]),
    "stripe-restricted-key": (lambda: "rk_" + R.choice(["live", "test"]) + "_" + alnum(R.choice([24, 99])), [["stripe", "restricted", "key"]]),
    "stripe-webhook-secret": (lambda: "whsec_" + alnum(32), [["stripe", "webhook", "secret"]]),
    "square-access-token": (lambda: R.choice(["EAAA" + b64u(60), "sq0atp-" + b64u(22)]), [["square", "access", "token"]]),
    "square-oauth-secret": (lambda: "sq0csp-" + b64u(43), [["square", "oauth", "secret"]]),
    "braintree-access-token": (lambda: "access_token$production$" + lower(16) + "$" + hexl(32), [["braintree", "token"]]),
    "razorpay-key": (lambda: "rzp_live_" + alnum(14), [["razorpay", "key", "id"]]),
    "flutterwave-secret-key": (lambda: "FLWSECK_TEST-" + hexl(32) + "-X", [["flw", "secret", "key"]]),
    "plaid-access-token": (lambda: "access-production-" + uuid(), [["plaid", "access", "token"]]),
    "shopify-access-token": (lambda: "shpat_" + hexl(32), [["shopify", "access", "token"]]),
    "shopify-custom-app-token": (lambda: "shpca_" + hexl(32), [["shopify", "custom", "token"]]),
    "shopify-private-app-token": (lambda: "shppa_" + hexl(32), [["shopify", "private", "token"]]),
    "shopify-shared-secret": (lambda: "shpss_" + hexl(32), [["shopify", "shared", "secret"]]),
    "sendgrid-api-key": (lambda: "SG." + b64u(22) + "." + b64u(43), [["sendgrid", "api", "key"]]),
    "mailgun-api-key": (lambda: "key-" + hexl(32), [["mailgun", "key"]]),
    "mailchimp-api-key": (lambda: hexl(32) + "-us" + str(R.randint(1, 21)), [["mailchimp", "key"]]),
    "twilio-api-key": (lambda: "SK" + hexl(32), [["twilio", "api", "key"]]),
    "sendinblue-api-key": (lambda: "xkeysib-" + hexl(64) + "-" + alnum(16), [["brevo", "api", "key"]]),
    "anthropic-api-key": (lambda: "sk-ant-api03-" + b64u(93) + "AA", [["anthropic", "api", "key"]]),
    "openrouter-api-key": (lambda: "sk-or-v1-" + hexl(64), [["openrouter", "api", "key"]]),
    "openai-api-key": (lambda: R.choice([
        "sk-proj-" + b64u(74) + "T3BlbkFJ" + b64u(74),
        "sk-svcacct-" + b64u(58) + "T3BlbkFJ" + b64u(58),
        "sk-" + alnum(20) + "T3BlbkFJ" + alnum(20),
        "sk-" + alnum(48),
    ]), [["openai", "api", "key"]]),
    "huggingface-token": (lambda: "hf_" + rs(UP + LO, 34), [["hf", "token"]]),
    "huggingface-org-token": (lambda: "api_org_" + rs(UP + LO, 34), [["hf", "org", "token"]]),
    "groq-api-key": (lambda: "gsk_" + alnum(52), [["groq", "api", "key"]]),
    "replicate-api-token": (lambda: "r8_" + alnum(37), [["replicate", "api", "token"]]),
    "perplexity-api-key": (lambda: "pplx-" + alnum(48), [["pplx", "api", "key"]]),
    "xai-api-key": (lambda: "xai-" + alnum(80), [["xai", "api", "key"]]),
    "pinecone-api-key": (lambda: "pcsk_" + alnum(6) + "_" + alnum(60), [["pinecone", "api", "key"]]),
    "langsmith-api-key": (lambda: "lsv2_pt_" + hexl(32) + "_" + hexl(10), [["langsmith", "api", "key"]]),
    "fireworks-api-key": (lambda: "fw_" + alnum(24), [["fireworks", "api", "key"]]),
    "npm-access-token": (lambda: "npm_" + alnum(36), [["npm", "token"]]),
    "pypi-upload-token": (lambda: "pypi-AgEIcHlwaS5vcmc" + b64u(120), [["pypi", "token"]]),
    "rubygems-api-key": (lambda: "rubygems_" + hexl(48), [["gem", "host", "api", "key"]]),
    "nuget-api-key": (lambda: "oy2" + lower(43), [["nuget", "api", "key"]]),
    "dockerhub-token": (lambda: "dckr_pat_" + b64u(27), [["docker", "hub", "token"]]),
    "crates-io-token": (lambda: "cio" + alnum(32), [["cargo", "registry", "token"]]),
    "artifactory-token": (lambda: R.choice(["AKCp" + alnum(69), "cmVmdGtu" + alnum(56)]), [["artifactory", "api", "key"]]),
    "clojars-token": (lambda: "CLOJARS_" + lower(60), [["clojars", "token"]]),
    "new-relic-user-api-key": (lambda: "NRAK-" + upper(27), [["new", "relic", "api", "key"]]),
    "new-relic-browser-key": (lambda: "NRJS-" + hexl(19), [["nr", "browser", "key"]]),
    "new-relic-insert-key": (lambda: "NRII-" + b64u(32), [["nr", "insert", "key"]]),
    "new-relic-license-key": (lambda: hexl(36) + "NRAL", [["nr", "license", "key"]]),
    "sentry-org-token": (lambda: "sntrys_eyJpYXQiOjE3MDAwMDAwMDAu" + b64(120) + "_" + b64(43), [["sentry", "auth", "token"]]),
    "sentry-user-token": (lambda: "sntryu_" + hexl(64), [["sentry", "auth", "token"]]),
    "grafana-api-key": (lambda: "eyJrIjoi" + alnum(80), [["grafana", "api", "key"]]),
    "grafana-cloud-token": (lambda: "glc_" + b64(110), [["grafana", "cloud", "token"]]),
    "grafana-service-account-token": (lambda: "glsa_" + alnum(32) + "_" + hexl(8), [["grafana", "sa", "token"]]),
    "dynatrace-api-token": (lambda: "dt0c01." + upper(24) + "." + upper(64), [["dt", "api", "token"]]),
    # Only `sk.` tokens are secret: `pk.` ones are public, meant for browsers (issue 14). The
    # choice is still drawn, so every case after this one stays as it was.
    "mapbox-token": (lambda: (R.choice(["pk", "sk"]), "sk")[1] + ".eyJ1Ijoi" + b64u(50) + "." + b64u(22), [["mapbox", "access", "token"]]),
    "linear-api-key": (lambda: "lin_api_" + alnum(40), [["linear", "api", "key"]]),
    "notion-token": (lambda: R.choice(["secret_" + alnum(43), "ntn_" + digits(11) + alnum(35)]), [["notion", "token"]]),
    "airtable-token": (lambda: "pat" + alnum(14) + "." + hexl(64), [["airtable", "token"]]),
    "dropbox-token": (lambda: "sl." + b64u(140), [["dropbox", "access", "token"]]),
    "figma-token": (lambda: "figd_" + b64u(40), [["figma", "token"]]),
    "postman-api-key": (lambda: "PMAK-" + hexl(24) + "-" + hexl(34), [["postman", "api", "key"]]),
    "twitter-bearer-token": (lambda: "A" * 22 + alnum(90), [["twitter", "bearer"]]),
    "facebook-access-token": (lambda: "EAAB" + alnum(150), [["fb", "page", "token"]]),
    "contentful-token": (lambda: "CFPAT-" + b64u(43), [["contentful", "token"]]),
    "typeform-token": (lambda: "tfp_" + b64u(59), [["typeform", "token"]]),
    "shippo-token": (lambda: "shippo_live_" + hexl(40), [["shippo", "token"]]),
    "easypost-api-key": (lambda: R.choice(["EZAK", "EZTK"]) + alnum(54), [["easypost", "api", "key"]]),
    "duffel-token": (lambda: "duffel_live_" + b64u(43), [["duffel", "token"]]),
    "frameio-token": (lambda: "fio-u-" + b64u(64), [["frameio", "token"]]),
    "octopus-deploy-key": (lambda: "API-" + upper(26), [["octopus", "api", "key"]]),
    "prefect-api-key": (lambda: "pnu_" + alnum(36), [["prefect", "api", "key"]]),
    "readme-api-key": (lambda: "rdme_" + lower(70), [["readme", "api", "key"]]),
    "scalingo-token": (lambda: "tk-us-" + b64u(48), [["scalingo", "token"]]),
    "infracost-token": (lambda: "ico-" + alnum(32), [["infracost", "api", "key"]]),
    "maxmind-license-key": (lambda: alnum(6) + "_" + alnum(29) + "_mmk", [["maxmind", "license", "key"]]),
    "sonarqube-token": (lambda: R.choice(["squ_", "sqp_", "sqa_"]) + hexl(40), [["sonar", "token"]]),
    "buildkite-token": (lambda: "bkua_" + hexl(40), [["buildkite", "token"]]),
    "harness-token": (lambda: "pat." + b64u(22) + "." + alnum(24) + "." + alnum(20), [["harness", "token"]]),
    "launchdarkly-key": (lambda: R.choice(["sdk-", "api-"]) + uuid(), [["ld", "sdk", "key"]]),
    "jwt": (lambda: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ" + b64u(80) + "." + b64u(43), [["session", "jwt"]]),
}

# Tokens that need a name around them.
CONTEXT = {
    "aws-secret-access-key": (lambda: b64(40), [["aws", "secret", "access", "key"]]),
    "aws-session-token": (lambda: "IQoJb3JpZ2luX2Vj" + b64(280), [["aws", "session", "token"]]),
    "azure-devops-pat": (lambda: rs("abcdefghijklmnopqrstuvwxyz234567", 52), [["azure", "devops", "pat"], ["azdo", "token"]]),
    "azure-cognitive-key": (lambda: hexl(32), [["azure", "openai", "api", "key"], ["azure", "speech", "key"]]),
    "cloudflare-global-api-key": (lambda: hexl(37), [["cloudflare", "api", "key"], ["cf", "api", "key"]]),
    "cloudflare-api-token": (lambda: b64u(40), [["cloudflare", "api", "token"], ["cf", "api", "token"]]),
    "heroku-api-key": (lambda: uuid(), [["heroku", "api", "key"]]),
    "alibaba-secret-key": (lambda: alnum(30), [["alibaba", "cloud", "access", "secret"], ["aliyun", "secret"]]),
    "ibm-cloud-api-key": (lambda: b64u(44), [["ibm", "cloud", "api", "key"]]),
    "scaleway-secret-key": (lambda: uuid(), [["scw", "secret", "key"], ["scaleway", "secret", "key"]]),
    "linode-token": (lambda: hexl(64), [["linode", "token"], ["linode", "api", "token"]]),
    "vercel-token": (lambda: alnum(24), [["vercel", "token"]]),
    "netlify-token": (lambda: b64u(43), [["netlify", "auth", "token"]]),
    "vault-service-token": (lambda: "s." + alnum(24), [["vault", "token"]]),
    "bitbucket-client-secret": (lambda: b64u(48), [["bitbucket", "client", "secret"]]),
    "atlassian-api-token": (lambda: alnum(24), [["jira", "api", "token"], ["confluence", "token"], ["atlassian", "token"]]),
    "gitea-token": (lambda: hexl(40), [["gitea", "token"]]),
    "discord-client-secret": (lambda: b64u(32), [["discord", "client", "secret"]]),
    "twitch-token": (lambda: lower(30), [["twitch", "client", "secret"]]),
    "paypal-client-secret": (lambda: "E" + b64u(79), [["paypal", "client", "secret"]]),
    "braintree-private-key": (lambda: hexl(32), [["braintree", "private", "key"]]),
    "plaid-secret": (lambda: lower(30), [["plaid", "secret"]]),
    "gocardless-token": (lambda: "live_" + b64u(40), [["gocardless", "access", "token"]]),
    "twilio-auth-token": (lambda: hexl(32), [["twilio", "auth", "token"]]),
    "postmark-token": (lambda: uuid(), [["postmark", "server", "token"]]),
    "mandrill-api-key": (lambda: b64u(22), [["mandrill", "api", "key"]]),
    "messagebird-api-key": (lambda: alnum(25), [["messagebird", "access", "key"]]),
    "vonage-api-secret": (lambda: alnum(16), [["vonage", "api", "secret"], ["nexmo", "api", "secret"]]),
    "cohere-api-key": (lambda: alnum(40), [["cohere", "api", "key"]]),
    "mistral-api-key": (lambda: alnum(32), [["mistral", "api", "key"]]),
    "jfrog-token": (lambda: alnum(64), [["jfrog", "access", "token"], ["artifactory", "token"]]),
    "datadog-api-key": (lambda: R.choice([hexl(32), hexl(40)]), [["dd", "api", "key"], ["datadog", "api", "key"], ["dd", "app", "key"]]),
    "honeycomb-api-key": (lambda: alnum(22), [["honeycomb", "api", "key"]]),
    "splunk-token": (lambda: uuid(), [["splunk", "hec", "token"]]),
    "pagerduty-token": (lambda: b64u(20), [["pagerduty", "api", "token"]]),
    "rollbar-token": (lambda: hexl(32), [["rollbar", "access", "token"]]),
    "bugsnag-key": (lambda: hexl(32), [["bugsnag", "api", "key"]]),
    "okta-api-token": (lambda: "00" + b64u(40), [["okta", "api", "token"]]),
    "auth0-client-secret": (lambda: b64u(64), [["auth0", "client", "secret"]]),
    "algolia-api-key": (lambda: hexl(32), [["algolia", "admin", "key"], ["algolia", "api", "key"]]),
    "asana-token": (lambda: "2/" + digits(16) + "/" + digits(16) + ":" + alnum(32), [["asana", "pat"], ["asana", "token"]]),
    "twitter-secret": (lambda: alnum(50), [["twitter", "api", "secret"], ["twitter", "consumer", "secret"]]),
    "facebook-app-secret": (lambda: hexl(32), [["facebook", "app", "secret"], ["fb", "app", "secret"]]),
    "snyk-token": (lambda: uuid(), [["snyk", "token"]]),
    "circleci-token": (lambda: hexl(40), [["circle", "token"], ["circleci", "token"]]),
    "codecov-token": (lambda: uuid(), [["codecov", "token"]]),
    "travis-token": (lambda: b64u(22), [["travis", "api", "token"]]),
    "hubspot-token": (lambda: "pat-na1-" + uuid(), [["hubspot", "access", "token"]]),
    "zendesk-token": (lambda: alnum(40), [["zendesk", "api", "token"]]),
    "intercom-token": (lambda: b64u(59) + "=", [["intercom", "access", "token"]]),
    "lob-api-key": (lambda: "live_" + hexl(35), [["lob", "api", "key"]]),
    "azure-cosmos-key": (lambda: b64(86) + "==", [["cosmos", "db", "key"], ["cosmos", "primary", "key"]]),
}

for rule, (gen, words) in PREFIXED.items():
    assign_cases(rule, gen, words)
for rule, (gen, words) in CONTEXT.items():
    assign_cases(rule, gen, words, ctx=True)


# --- structural secrets -----------------------------------------------------------------------


def pem_body(n_lines, width=64):
    lines = [b64(width) for _ in range(n_lines)]
    lines.append(b64(R.randint(20, width - 4)) + "==")
    return lines


def private_keys():
    kinds = ["RSA PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY", "ENCRYPTED PRIVATE KEY"]
    for file, kind in [("deploy/id_rsa.txt", kinds[0]), ("certs/server.key.tmpl", kinds[2]),
                       ("ops/ec.yaml", kinds[1]), ("test/keys.go", kinds[3])]:
        body = pem_body(R.randint(6, 14))
        if file.endswith(".yaml"):
            lines = ["tls_key: |", f"  -----BEGIN {kind}-----"] + ["  " + x for x in body] + [f"  -----END {kind}-----"]
        elif file.endswith(".go"):
            lines = ["const testKey = `-----BEGIN " + kind + "-----"] + body + ["-----END " + kind + "-----`"]
        else:
            lines = [f"-----BEGIN {kind}-----"] + body + [f"-----END {kind}-----"]
        case("private-key", file, lines, body)
    # OpenSSH.
    body = ["b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"] + [b64(70) for _ in range(5)] + [b64(30) + "="]
    case("private-key", "home/.ssh/id_ed25519.bak", ["-----BEGIN OPENSSH PRIVATE KEY-----"] + body + ["-----END OPENSSH PRIVATE KEY-----"], body)
    # PGP.
    body = [b64(64) for _ in range(8)] + ["=" + b64(4)]
    case("private-key", "keys/release.asc.txt", ["-----BEGIN PGP PRIVATE KEY BLOCK-----", "Version: GnuPG v2", ""] + body + ["-----END PGP PRIVATE KEY BLOCK-----"], body[:-1])
    # A GCP service-account JSON: the whole key on one line with `\n` escapes.
    body = pem_body(6)
    inline = "\\n".join(["-----BEGIN PRIVATE KEY-----"] + body + ["-----END PRIVATE KEY-----", ""])
    case("private-key", "gcp/service-account-prod.json.example", ['  "private_key": "' + inline + '",'], body)
    # A hunk that starts inside a key.
    body = pem_body(5)
    case("private-key", "docs/legacy-key.md", body + ["-----END RSA PRIVATE KEY-----", "```"], body)


def putty():
    for file in ["keys/deploy.ppk.txt", "ops/putty-key.txt", "docs/putty.md"]:
        private = [b64(64) for _ in range(3)]
        mac = hexl(64)
        lines = ["PuTTY-User-Key-File-3: ssh-ed25519", "Encryption: none", "Comment: deploy@build",
                 "Public-Lines: 2", b64(64), b64(24), f"Private-Lines: {len(private)}"] + private + [f"Private-MAC: {mac}"]
        case("putty-private-key", file, lines, private + [mac])


def kubernetes():
    for file in ["k8s/db-secret.yaml", "charts/app/templates/secret.yaml.rendered", "deploy/secrets.yml.orig", "ops/api-secret.yaml"]:
        pw = b64enc(password() + rs(ALNUM, 6))
        tok = alnum(32)
        key = b64(44)
        lines = ["apiVersion: v1", "kind: Secret", "metadata:", "  name: app-credentials", "type: Opaque", "data:",
                 "  username: " + b64enc("app"), "  password: " + pw, '  signing-key: "' + key + '"', "stringData:", "  api-token: " + tok]
        if R.random() < 0.5:
            lines = ["---"] + lines + ["---", "apiVersion: v1", "kind: ConfigMap", "data:", "  LOG_LEVEL: debug"]
        case("kubernetes-secret", file, lines, [pw, tok, key])


def webhooks():
    for _ in range(3):
        url = f"https://hooks.slack.com/services/T{upper(8)}/B{upper(10)}/{alnum(24)}"
        f, t = R.choice([("app/notify.py", 'SLACK_URL = "{v}"'), ("ci/notify.sh", "curl -X POST -d @payload.json {v}"), ("config/alerts.yml", "  webhook: {v}")])
        case("slack-webhook", f, [t.format(v=url)], [url])
        url = f"https://discord.com/api/webhooks/{digits(18)}/{b64u(68)}"
        f, t = R.choice([("bot/config.json", '  "hook": "{v}",'), ("scripts/ping.sh", "curl -H 'Content-Type: application/json' -d '{{}}' {v}"), ("bot.js", "await fetch('{v}', opts);")])
        case("discord-webhook", f, [t.format(v=url)], [url])
        url = f"https://contoso.webhook.office.com/webhookb2/{uuid()}@{uuid()}/IncomingWebhook/{hexl(32)}/{uuid()}"
        f, t = R.choice([("alerts/teams.py", 'TEAMS = "{v}"'), ("ops/alertmanager.yml", "    url: {v}"), ("notify.ps1", '$uri = "{v}"')])
        case("microsoft-teams-webhook", f, [t.format(v=url)], [url])
        url = f"https://prod-{R.randint(10, 99)}.westeurope.logic.azure.com:443/workflows/{hexl(32)}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={b64u(43)}"
        f, t = R.choice([("flows/notify.json", '  "endpoint": "{v}"'), ("ops/flow.sh", 'curl -X POST "{v}"'), ("ci/teams.yml", "  flow_url: {v}")])
        case("azure-logic-app-url", f, [t.format(v=url)], [url])
        url = f"https://chat.googleapis.com/v1/spaces/AAAA{alnum(7)}/messages?key=AIzaSy{b64u(33)}&token={b64u(43)}%3D"
        f, t = R.choice([("chat/notify.py", 'CHAT_WEBHOOK = "{v}"'), ("ops/gchat.sh", "curl -X POST '{v}'"), ("config/chat.yml", "  webhook: {v}")])
        case("google-chat-webhook", f, [t.format(v=url)], [url])
        url = f"https://hooks.zapier.com/hooks/catch/{digits(7)}/{lower(6)}/"
        f, t = R.choice([("zap/notify.js", "const ZAP = '{v}';"), ("ops/zap.sh", "curl -X POST {v}"), ("config/zap.yml", "  zap: {v}")])
        case("zapier-webhook", f, [t.format(v=url)], [url])
        url = f"https://maker.ifttt.com/trigger/door_open/with/key/{b64u(22)}"
        f, t = R.choice([("home/ifttt.py", 'IFTTT = "{v}"'), ("home/trigger.sh", "curl -X POST {v}"), ("home/config.yml", "  ifttt: {v}")])
        case("ifttt-webhook", f, [t.format(v=url)], [url])
        url = R.choice([f"https://chat.example.com/hooks/{lower(26)}", f"https://rocket.example.org/hooks/{alnum(17)}/{alnum(48)}"])
        f, t = R.choice([("ops/mattermost.sh", "curl -i -X POST -d 'payload={{}}' {v}"), ("alerts/config.yml", "  incoming: {v}"), ("notify.go", 'const hook = "{v}"')])
        case("webhook-url", f, [t.format(v=url)], [url])
    # Sentry DSNs.
    for f, t in [("src/sentry.ts", "Sentry.init({{ dsn: '{v}' }});"), ("app/settings.py", 'SENTRY_DSN = "{v}"'), (".env.example.local", "SENTRY_DSN={v}"), ("config/raven.rb", "  config.dsn = '{v}'")]:
        v = R.choice([f"https://{hexl(32)}@o{digits(6)}.ingest.sentry.io/{digits(7)}", f"https://{hexl(32)}@sentry.example.com/{R.randint(2, 99)}", f"https://{hexl(32)}:{hexl(32)}@sentry.io/{digits(6)}"])
        case("sentry-dsn", f, [t.format(v=v)], [v])


def urls():
    schemes = [("postgres", "db.internal:5432/app"), ("postgresql", "10.0.3.7/orders"), ("mysql", "mysql.prod:3306/shop"),
               ("mongodb+srv", "cluster0.ab1cd.mongodb.net/test?retryWrites=true"), ("redis", "cache.internal:6379/0"),
               ("amqp", "rabbit.internal:5672/vhost"), ("https", "registry.example.com/v2/"), ("ftp", "files.example.com/upload"),
               ("smtp", "smtp.example.com:587"), ("mssql", "sql.example.com:1433/db")]
    templates = [("app/settings.py", 'DATABASE_URL = "{v}"'), ("docker-compose.yml", "      DATABASE_URL: {v}"), ("config/db.yml", "  url: {v}"),
                 ("deploy/app.env", "BROKER_URL={v}"), ("src/db.ts", "const pool = new Pool({{ connectionString: '{v}' }});"),
                 ("README.md", "Connect with `psql {v}`."), ("main.go", 'dsn := "{v}"')]
    for scheme, rest in schemes:
        user = R.choice(["app", "admin", "svc_orders", "", "deploy"])
        pw = url_password()
        v = f"{scheme}://{user}:{pw}@{rest}"
        f, t = R.choice(templates)
        case("url-credentials", f, [t.format(v=v)], [pw])
    # A bare token before `@`.
    tok = alnum(40)
    case("url-credentials", "ci/clone.sh", [f"git clone https://{tok}@git.example.com/team/app.git"], [tok])
    # JDBC.
    for f, t in [("src/main/resources/application.yml", "    url: jdbc:oracle:thin:{u}/{p}@db.example.com:1521:ORCL"),
                 ("conf/db.properties", "db.url=jdbc:oracle:thin:{u}/{p}@//db.example.com:1521/SVC"),
                 ("Config.java", 'String url = "jdbc:oracle:oci:{u}/{p}@prod";')]:
        p = url_password()
        case("jdbc-oracle-credentials", f, [t.format(u="scott", p=p)], [p])
    for f, t in [("conf/app.properties", "spring.datasource.url=jdbc:mysql://app:{p}@db:3306/shop"),
                 ("conf/db.yml", "  url: jdbc:postgresql://deploy:{p}@db.example.com:5432/app")]:
        p = url_password()
        case("url-credentials", f, [t.format(p=p)], [p])
    for f, t in [("conf/db.properties", "db.url=jdbc:sqlserver://db.example.com:1433;databaseName=app;user=sa;password={p};encrypt=true"),
                 ("application.properties", "spring.datasource.url=jdbc:postgresql://db:5432/app?user=app&password={p}&ssl=true"),
                 ("settings.py", 'CONN = "Server=tcp:db.example.com,1433;Database=app;User ID=sa;Password={p};Encrypt=True"')]:
        p = url_password()
        case("generic-password", f, [t.format(p=p)], [p])


def headers():
    for f, t in [("scripts/api.sh", 'curl -H "Authorization: Basic {v}" https://api.example.com'), ("nginx/site.conf", '    proxy_set_header Authorization "Basic {v}";'),
                 ("test/api.http", "Authorization: Basic {v}"), ("src/client.py", 'headers = {{"Authorization": "Basic {v}"}}')]:
        v = b64enc(R.choice(["admin", "deploy", "ci"]) + ":" + password())
        case("basic-auth", f, [t.format(v=v)], [v])
    for f, t in [("scripts/api.sh", 'curl -H "Authorization: Bearer {v}" https://api.example.com/v2/items'), ("src/client.ts", "headers: {{ Authorization: `Bearer {v}` }},"),
                 ("test/api.http", "Authorization: Bearer {v}"), ("postman/env.json", '  "auth": "Bearer {v}",')]:
        v = b64u(R.randint(32, 64)) + "." + b64u(20)
        case("bearer-token", f, [t.format(v=v)], [v])
    for f, t in [("scripts/api.sh", 'curl -H "Authorization: Token {v}" https://api.example.com'), ("src/client.py", 'session.headers["Authorization"] = "token {v}"'),
                 ("test/api.http", "Authorization: sso-key {v}")]:
        v = hexl(40)
        case("authorization-header", f, [t.format(v=v)], [v])
    for f, t in [("src/fetch.py", 'r = requests.get(url, auth=("admin", "{p}"))'), ("src/Client.java", 'request.setBasicAuth("deploy", "{p}");'),
                 ("lib/sync.py", 'auth = HTTPBasicAuth("svc", "{p}")')]:
        p = password()
        case("basic-auth-credentials", f, [t.format(p=p)], [p])
    for f, t in [("scripts/upload.sh", "curl -u deploy:{p} -T build.tgz https://files.example.com/"), ("Makefile", '\tcurl --user "ci:{p}" https://ci.example.com/api'),
                 ("docs/api.md", "    curl -sS --user admin:{p} https://api.example.com/health")]:
        p = password()
        case("curl-credentials", f, [t.format(p=p)], [p])
    for f, t in [("scripts/backup.sh", "mysqldump -u root -p{p} shop > shop.sql"), ("deploy.sh", "sshpass -p '{p}' ssh deploy@10.0.0.5"),
                 (".gitlab-ci.yml", "    - docker login -u ci -p {p} registry.example.com"), ("ops/cache.sh", "redis-cli -h cache -a {p} FLUSHALL"),
                 ("ops/sql.ps1", "sqlcmd -S db -U sa -P {p} -Q 'SELECT 1'")]:
        p = password()
        case("cli-password", f, [t.format(p=p)], [p])
    for f, t in [("db/init.sql", "CREATE USER 'app'@'%' IDENTIFIED BY '{p}';"), ("migrations/0002_users.sql", "ALTER USER 'report'@'localhost' IDENTIFIED WITH mysql_native_password BY '{p}';"),
                 ("setup/db.sh", 'mysql -e "CREATE USER reader IDENTIFIED BY \'{p}\'"')]:
        p = password()
        case("sql-password", f, [t.format(p=p)], [p])


def credential_files():
    for f in ["dotfiles/netrc", "ci/netrc.tmpl", "docs/netrc.md"]:
        p = password()
        if R.random() < 0.5:
            case("netrc-credentials", f, [f"machine api.example.com login deploy password {p}"], [p])
        else:
            case("netrc-credentials", f, ["machine git.example.com", "  login ci-bot", f"  password {p}"], [p])
    for f, t in [("dotfiles/pgpass", "db.example.com:5432:app:admin:{p}"), ("scripts/setup-db.sh", "echo \"localhost:5432:*:postgres:{p}\" > ~/.pgpass"),
                 ("ops/pgpass.txt", "*:*:*:replicator:{p}")]:
        p = password()
        case("pgpass-credentials", f, [t.format(p=p)], [p])
    for f, t in [("frontend/npmrc", "//registry.npmjs.org/:_authToken={v}"), ("ci/npmrc.tmpl", "//npm.pkg.example.com/:_auth={v}"),
                 ("packages/ui/npmrc", "//registry.example.com/npm/:_password={v}")]:
        v = uuid() if "authToken" in t else b64enc("ci:" + password())
        case("npmrc-auth", f, [t.format(v=v)], [v])
    for f in ["ci/docker-config.json", "deploy/dockerconfig.json", "docs/registry.md"]:
        v = b64enc("robot$ci:" + password())
        case("docker-config-auth", f, ['{', '  "auths": {', '    "registry.example.com": {', f'      "auth": "{v}"', "    }", "  }", "}"], [v])


def azure():
    for f, t in [("appsettings.json", '    "Storage": "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={v};EndpointSuffix=core.windows.net",'),
                 ("deploy/app.env", "AZURE_STORAGE_KEY={v}"), ("infra/storage.tf", '  storage_account_key = "{v}"'),
                 ("src/blob.py", 'conn = "AccountName=acme;AccountKey={v}"')]:
        v = b64(86) + "=="
        case("azure-storage-account-key", f, [t.format(v=v)], [v])
    for f, t in [("local.settings.json", '    "ServiceBus": "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={v}",'),
                 ("config/iot.yml", "  connection: HostName=acme.azure-devices.net;DeviceId=dev1;SharedAccessKey={v}"),
                 ("src/events.cs", 'var cs = "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey={v}";')]:
        v = b64(43) + "="
        case("azure-shared-access-key", f, [t.format(v=v)], [v])
    for f, t in [("scripts/upload.sh", 'azcopy copy build.zip "https://acme.blob.core.windows.net/releases?sv=2022-11-02&ss=b&srt=o&sp=rwc&se=2030-01-01T00:00:00Z&spr=https&sig={v}"'),
                 ("config/app.yml", "  sas_url: https://acme.blob.core.windows.net/data?sv=2021-08-06&sr=c&sp=rl&sig={v}"),
                 ("src/blob.ts", "const url = `${{base}}?sv=2020-10-02&st=2024-01-01&se=2031-01-01&sr=b&sp=r&sig={v}`;")]:
        v = b64(43) + "%3D"
        case("azure-sas-token", f, [t.format(v=v)], [v])
    for f, t in [("scripts/ping.sh", "curl https://acme-fn.azurewebsites.net/api/HttpTrigger1?code={v}"),
                 ("src/client.py", 'headers = {{"x-functions-key": "{v}"}}'), ("config/app.yml", "  endpoint: https://acme-fn.azurewebsites.net/api/orders?code={v}&clientId=default")]:
        v = b64u(54) + "=="
        case("azure-function-key", f, [t.format(v=v)], [v])
    for f, t in [("test/e2e.http", "Cookie: _gitlab_session={v}"), ("scripts/scrape.py", 'cookies = "_gitlab_session={v}; other=1"'),
                 ("notes.md", "curl -b _gitlab_session={v} https://gitlab.example.com/api/v4/user")]:
        v = lower(32)
        case("gitlab-session-cookie", f, [t.format(v=v)], [v])


def encoded_keys():
    for f, t in [("ops/kubeconfig.yaml", "    client-key-data: {v}"), ("charts/app/values.yaml", '  tlsKey: "{v}"'),
                 ("deploy/app.env", "SIGNING_KEY_PEM_B64={v}"), ("terraform/certs.tf", '  private_key_pem_b64 = "{v}"')]:
        pem = "-----BEGIN " + R.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY"]) + "-----\n" + b64(64) + "\n" + b64(64) + "\n-----END PRIVATE KEY-----\n"
        v = b64enc(pem)
        case("private-key-base64", f, [t.format(v=v)], [v])
    # Some AWS key ids have no digit at all.
    v = "AKIA" + rs(UP, 16)
    case("aws-access-key-id", "deploy/terraform.tfstate.backup", [f'            "access_key": "{v}",'], [v])
    for f, t in [("redis/redis.conf", "requirepass {p}"), ("redis/replica.conf", "masterauth {p}"), ("docker/redis.conf", "  requirepass \"{p}\"")]:
        p = password()
        case("redis-password", f, [t.format(p=p)], [p])
    for f, t in [("wg0.conf", "PresharedKey = {v}"), ("wg0.conf", "PrivateKey = {v}"), ("etc/wpa_supplicant.conf", '    psk="{p}"')]:
        v = b64(43) + "="
        if "psk" in t:
            p = password()
            case("generic-password", f, [t.format(p=p)], [p])
        else:
            case("generic-secret", f, [t.format(v=v)], [v])


def sidekiq():
    for f, t in [("deploy/app.env", "BUNDLE_ENTERPRISE__CONTRIBSYS__COM={v}"), ("Dockerfile", "ENV BUNDLE_GEMS__CONTRIBSYS__COM={v}"),
                 (".github/workflows/ci.yml", "      BUNDLE_ENTERPRISE__CONTRIBSYS__COM: {v}")]:
        v = hexl(8) + ":" + hexl(8)
        case("sidekiq-secret", f, [t.format(v=v)], [v])


def cards():
    brands = [("4", 16), ("4", 13), ("51", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15), ("6011", 16), ("65", 16), ("3530", 16), ("36", 14),
              ("6759", 16), ("2201", 16), ("62", 19)]
    templates = [("test/payments_test.py", 'CARD = "{v}"'), ("fixtures/orders.json", '  "card_number": "{v}",'), ("docs/support.md", "Customer paid with {v} yesterday."),
                 ("seed.sql", "INSERT INTO cards VALUES (1, '{v}');"), ("spec/checkout_spec.rb", "  fill_in 'card', with: '{v}'"), ("support/ticket.txt", "card: {v} exp 04/27")]
    for pre, n in brands:
        num = luhn_complete(pre, n)
        if R.random() < 0.5 and n == 16:
            num = " ".join(num[i:i + 4] for i in range(0, 16, 4)) if R.random() < 0.5 else "-".join(num[i:i + 4] for i in range(0, 16, 4))
        elif n == 15 and R.random() < 0.5:
            num = f"{num[:4]} {num[4:10]} {num[10:]}"
        f, t = R.choice(templates)
        case("card-number", f, [t.format(v=num)], [num])


# --- generic assignments ------------------------------------------------------------------------

GENERIC_PASSWORD = [
    ("app/settings.py", '{N} = "{v}"', ["db", "password"]),
    ("src/config.js", "const {c} = '{v}';", ["admin", "password"]),
    ("src/app.ts", '  private readonly {c}: string = "{v}";', ["smtp", "password"]),
    ("config/database.yml", "  {s}: {v}", ["password"]),
    ("appsettings.json", '    "{P}": "{v}",', ["db", "password"]),
    ("deploy/app.env", "{N}={v}", ["postgres", "password"]),
    ("scripts/deploy.sh", "export {N}='{v}'", ["db", "pass"]),
    ("Dockerfile", "ENV {N} {v}", ["mysql", "root", "password"]),
    ("docker-compose.yml", "      - {N}={v}", ["redis", "password"]),
    ("src/main/resources/application.properties", "spring.datasource.{s}={v}", ["password"]),
    ("settings.ini", "{s} = {v}", ["password"]),
    ("config.toml", '{s} = "{v}"', ["db", "password"]),
    ("web.config", '    <add key="{P}" value="{v}" />', ["db", "password"]),
    ("pom.xml", "      <{s}>{v}</{s}>", ["password"]),
    ("infra/main.tf", '  {s} = "{v}"', ["administrator", "login", "password"]),
    ("cmd/server/main.go", '\t{P}: "{v}",', ["password"]),
    ("src/main/java/Db.java", '    private static final String {N} = "{v}";', ["db", "passwd"]),
    ("src/Db.cs", '        options.{P} = "{v}";', ["password"]),
    ("config/initializers/mail.rb", '  {s}: "{v}",', ["password"]),
    ("wp-config.php", "define( '{N}', '{v}' );", ["db", "password"]),
    ("src/db.rs", 'const {N}: &str = "{v}";', ["db", "password"]),
    ("scripts/run.sh", "./server --{k} {v} --port 8080", ["db", "password"]),
    ("Makefile", "\t./bin/migrate --{k}={v}", ["admin", "password"]),
    ("src/Login.java", 'client.set{P}("{v}");', ["password"]),
    ("db/roles.sql", "CREATE ROLE app LOGIN {N} '{v}';", ["password"]),
    ("k8s/deploy.yaml", None, ["db", "password"]),
    ("ecs/task.json", '        {{"name": "{N}", "value": "{v}"}},', ["db", "password"]),
    ("src/db.py", 'conn = psycopg2.connect(host="db", {s}="{v}")', ["password"]),
    ("scripts/setup.ps1", '${P} = ConvertTo-SecureString "{v}" -AsPlainText -Force', ["password"]),
    ("ansible/group_vars/all.yml", "{s}: {v}", ["ansible", "become", "password"]),
    ("ops/app.service", 'Environment="{N}={v}"', ["db", "password"]),
    ("lib/db.pl", "my ${s} = '{v}';", ["db", "pass"]),
    ("config/dev.exs", '  {s}: "{v}",', ["password"]),
    ("src/conf.lua", 'local {s} = "{v}"', ["password"]),
    ("include/config.h", '#define {N} "{v}"', ["wifi", "password"]),
    ("deploy/values.yaml", "  {c}: {v}", ["admin", "password"]),
    ("README.md", "Log in with `{N}={v}`.", ["admin", "password"]),
]

GENERIC_SECRET = [
    ("app/settings.py", '{N} = "{v}"', ["secret", "key"]),
    ("config/secrets.yml", "  {s}: {v}", ["secret", "key", "base"]),
    ("src/auth.ts", "const {c} = '{v}';", ["jwt", "secret"]),
    ("deploy/app.env", "{N}={v}", ["session", "secret"]),
    ("appsettings.json", '    "{P}": "{v}",', ["client", "secret"]),
    ("web.config", '    <add key="{P}" value="{v}" />', ["api", "key"]),
    ("config.toml", '{s} = "{v}"', ["encryption", "key"]),
    ("src/main/resources/application.properties", "app.{d}={v}", ["signing", "key"]),
    ("cmd/main.go", '\t{P}: "{v}",', ["api", "token"]),
    ("wp-config.php", "define( '{N}', '{v}' );", ["auth", "key"]),
    ("wp-config.php", "define( '{N}', '{v}' );", ["logged", "in", "salt"]),
    ("src/client.py", 'headers = {{"X-Api-Key": "{v}"}}', None),
    ("nginx/api.conf", '    proxy_set_header X-Auth-Token "{v}";', None),
    ("scripts/sync.sh", "curl 'https://api.example.com/v1/items?api_key={v}&page=2'", None),
    ("src/Webhook.java", 'private static final String {N} = "{v}";', ["webhook", "secret"]),
    ("lib/app.rb", "  config.{s} = '{v}'", ["secret", "key", "base"]),
    ("infra/main.tf", '  {s} = "{v}"', ["client", "secret"]),
    ("src/lib.rs", 'const {N}: &str = "{v}";', ["hmac", "key"]),
    ("docker-compose.yml", "      {N}: {v}", ["app", "secret"]),
    ("scripts/run.sh", "./worker --{k}={v}", ["access", "token"]),
    ("k8s/deploy.yaml", None, ["api", "token"]),
    ("ecs/task.json", '        {{"name": "{N}", "value": "{v}"}},', ["api", "token"]),
    ("src/Config.kt", 'val {c} = "{v}"', ["consumer", "secret"]),
    ("deploy/values.yaml", "  {c}: {v}", ["master", "key"]),
    ("config.ini", "{s} = {v}", ["private", "token"]),
    ("src/app.js", "app.use(session({{ {s}: '{v}' }}));", ["secret"]),
    ("ops/app.service", 'Environment="{N}={v}"', ["license", "key"]),
    ("postman/environment.json", '    {{"key": "{c}", "value": "{v}", "enabled": true}},', ["api", "key"]),
]


def generic():
    for rule, table, gen in [("generic-password", GENERIC_PASSWORD, password), ("generic-secret", GENERIC_SECRET, random_secret)]:
        for file, template, words in table:
            v = gen()
            if template is None:
                n = names(words)
                case(rule, file, ["        - name: " + n["N"], f'          value: "{v}"'], [v])
                continue
            if words is None:
                case(rule, file, [template.format(v=v)], [v])
                continue
            n = names(words)
            k = "-".join(words)
            case(rule, file, [template.format(v=v, k=k, **n)], [v])


private_keys()
putty()
kubernetes()
webhooks()
urls()
headers()
credential_files()
azure()
encoded_keys()
sidekiq()
cards()
generic()

# --- hard negatives -----------------------------------------------------------------------------

NEG = []


def neg(file, lines):
    p = prefix()
    NEG.append({"file": file, "text": "".join(p + line + "\n" for line in lines)})


SVG = b64enc("<svg xmlns='http://www.w3.org/2000/svg'></svg>")


def negatives():
    for _ in range(12):
        sha = hexl(40)
        neg(R.choice(["CHANGELOG.md", "docs/notes.txt", "RELEASE.md"]), [R.choice([
            f"commit {sha}", f"Fixed in {sha}.", f"Reverts {sha[:12]}", f"Merge: {sha[:7]} {hexl(7)}",
            f"git checkout {sha}", f"- uses: actions/checkout@{sha} # v4.1.1", f'rev = "{sha}"', f'  "sha": "{sha}",'])])
    for _ in range(6):
        neg("Cargo.lock", [f'source = "git+https://github.com/example/lib?rev={hexl(7)}#{hexl(40)}"'])
        neg(".github/workflows/ci.yml", [f"      - uses: actions/setup-node@{hexl(40)} # v4"])
    for _ in range(14):
        d = hexl(64)
        neg(R.choice(["SHA256SUMS", "Dockerfile", "deploy/k8s.yaml", "tools/versions.bzl", "scripts/fetch.sh"]), [R.choice([
            f"{d}  app-1.4.2-linux-amd64.tar.gz", f"FROM node:20@sha256:{d}", f"    image: nginx@sha256:{d}",
            f'    sha256 = "{d}",', f'echo "{d}  go.tar.gz" | sha256sum -c -', f"  digest: sha256:{d}",
            f"checksum: sha256:{d}", f"SHA512 ({'pkg.tgz'}) = {hexl(128)}", f'  "sha512": "{hexl(128)}",'])])
    for _ in range(14):
        integrity = "sha512-" + b64(86) + "=="
        neg(R.choice(["package-lock.json", "yarn.lock", "pnpm-lock.yaml", "Cargo.lock", "go.sum", "poetry.lock", "composer.lock"]), [R.choice([
            f'      "integrity": "{integrity}",', f"  integrity {integrity}", f"    resolution: {{integrity: {integrity}}}",
            f'checksum = "{hexl(64)}"', f"golang.org/x/text v0.14.0 h1:{b64(43)}=", f"golang.org/x/text v0.14.0/go.mod h1:{b64(43)}=",
            f'    {{file = "requests-2.31.0-py3-none-any.whl", hash = "sha256:{hexl(64)}"}},', f'            "shasum": "{hexl(40)}",',
            f'            "reference": "{hexl(40)}",', f'      "integrity": "sha1-{b64(27)}=",'])])
    for _ in range(16):
        u = uuid()
        neg(R.choice(["src/models.py", "fixtures/users.json", "App.csproj", "migrations/0007.sql", "config/app.yml", "src/api.ts"]), [R.choice([
            f'    "id": "{u}",', f'request_id = "{u}"', f"    <ProjectGuid>{{{u.upper()}}}</ProjectGuid>", f"  uuid: {u}",
            f'  tenant_id: "{u}"', f'client_id = "{u}"', f"INSERT INTO users (id) VALUES ('{u}');", f"const traceId = '{u}';",
            f'  "subscriptionId": "{u}",', f"    correlation_id: {u}"])])
    for _ in range(10):
        png = "iVBORw0KGgoAAAANSUhEUgAA" + b64(R.randint(120, 400))
        neg(R.choice(["src/styles.css", "public/index.html", "src/icons.ts", "README.md", "assets/theme.json"]), [R.choice([
            f".logo {{ background-image: url(data:image/png;base64,{png}); }}", f'<img alt="logo" src="data:image/png;base64,{png}">',
            f"export const ICON = 'data:image/png;base64,{png}';", f"![badge](data:image/png;base64,{png})",
            '  "icon": "data:image/svg+xml;base64,' + SVG + '",',
            f"@font-face {{ src: url(data:font/woff2;base64,{b64(300)}) format('woff2'); }}"])])
    for _ in range(14):
        v = f"{R.randint(0, 20)}.{R.randint(0, 40)}.{R.randint(0, 99)}"
        neg(R.choice(["Cargo.toml", "package.json", "pyproject.toml", "Dockerfile", "requirements.txt", "go.mod", "src/version.py"]), [R.choice([
            f'version = "{v}"', f'  "version": "{v}-beta.{R.randint(1, 9)}",', f'__version__ = "{v}"', f"FROM python:3.{R.randint(8, 13)}-slim",
            f"    image: node:{v}-alpine", f"go 1.{R.randint(18, 23)}", f'rust-version = "1.{R.randint(70, 90)}"', f'    "typescript": "^{v}",',
            f"requests=={v}", f"\tgithub.com/stretchr/testify v{v}", f"  tag: v{v}+build.{R.randint(100, 999)}"])])
    for _ in range(24):
        neg(R.choice(["README.md", "config/app.yml", ".gitmodules", "docker-compose.yml", "src/api.py", "docs/links.md", "deploy/app.env"]), [R.choice([
            "https://github.com/example/project.git", "  url = git@github.com:example/project.git", "DATABASE_URL=postgres://localhost:5432/app",
            "    REDIS_URL: redis://redis:6379/0", 'BASE_URL = "https://api.example.com/v1/users?page=2&per_page=50"',
            "  mongodb://mongo:27017/app", "amqp://rabbitmq:5672/", "ssh://git@git.example.com:2222/team/repo.git",
            "https://user@bitbucket.org/team/repo.git", "See https://docs.rs/regex/1.10.0/regex/#syntax for the syntax.",
            "http://[::1]:8080/health", "https://example.com/#/settings/profile", "https://cdn.example.com/assets/app.3f9a2b.js",
            "  homepage: https://www.example.org/about?ref=nav", "https://login.example.com/oauth2/authorize?client_id=web&response_type=code",
            "postgres://postgres@localhost/test", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
            "https://discord.com/api/webhooks/ID/TOKEN", "https://sentry.io/organizations/example/issues/", "mailto:security@example.com",
            "https://api.example.com/webhooks/github", "https://example.com/hooks/deploy"])])
    password_code = [
        ("src/auth.py", "def reset_password(user, new_password):"), ("src/auth.py", '    if not password: raise ValueError("password required")'),
        ("src/views.py", '    password = request.form["password"]'), ("src/views.py", "    password_hash = bcrypt.hashpw(password.encode(), bcrypt.gensalt())"),
        ("templates/login.html", '<input type="password" name="password" placeholder="Password" autocomplete="current-password">'),
        ("locales/en.json", '  "password": "Password",'), ("locales/fr.json", '  "password": "Mot de passe",'), ("locales/de.json", '  "password": "Passwort",'),
        ("locales/en.json", '  "forgotPassword": "Forgot your password?",'), ("src/constants.py", "PASSWORD_MIN_LENGTH = 12"),
        ("src/user.ts", "  password: string;"), ("src/entity.ts", "  @Column() password: string;"), ("cli.py", '    password = getpass.getpass("Password: ")'),
        ("src/db.js", "  password: process.env.DB_PASSWORD,"), (".github/workflows/deploy.yml", "          password: ${{ secrets.REGISTRY_PASSWORD }}"),
        ("ansible/vars.yml", 'db_password: "{{ vault_db_password }}"'), ("infra/main.tf", "  password = var.db_password"),
        ("deploy/app.env", "DB_PASSWORD=${DB_PASSWORD}"), ("config/app.yml", "  password: <your-password>"), ("config/app.yml", "  password: changeme"),
        ("config/app.yml", '  password: "********"'), ("src/settings.py", 'API_KEY = os.environ["API_KEY"]'), ("src/jwt.py", 'token = jwt.encode(payload, key, algorithm="HS256")'),
        ("src/middleware.ts", 'const token = req.headers.authorization?.split(" ")[1];'), ("src/secrets.py", 'secret_name = "prod/db/password"'),
        ("src/settings.py", "TOKEN_EXPIRY_SECONDS = 3600"), ("src/llm.py", "max_tokens = 1024"), ("src/views.py", 'csrf_token = request.cookies.get("csrftoken")'),
        ("test/LoginTest.java", "    passwordField.sendKeys(password);"), ("src/store.go", "\t// TODO: hash the password before storing it"),
        ("db/queries.sql", "SELECT id, password_hash FROM users WHERE email = $1;"), ("config/app.yml", "  api_key: ${API_KEY}"), ("config/cache.yml", "  key: value"),
        ("db/schema.yml", "  primary_key: id"), ("src/cache.py", 'cache_key = f"user:{user_id}:profile"'), ("src/model.py", 'sort_key = "created_at"'),
        ("src/auth.py", 'password_reset_url = "https://example.com/reset"'), ("config/auth.yml", "  auth_type: basic"), ("docs/api.md", "Authorization: Bearer <token>"),
        ("scripts/api.sh", 'curl -H "Authorization: Bearer $GITHUB_TOKEN" https://api.github.com/user'), ("scripts/upload.sh", 'curl -u "$USER:$PASS" https://files.example.com'),
        ("scripts/db.sh", "mysql -u root -p"), ("ci/login.sh", 'echo "$TOKEN" | docker login -u ci --password-stdin registry.example.com'),
        ("docs/aws.md", "aws_secret_access_key = <your secret key>"), ("src/forms.py", "    password = forms.CharField(widget=forms.PasswordInput)"),
        ("src/auth.rs", "    let password = prompt_password(\"Password: \")?;"), ("src/Auth.java", "    String password = request.getParameter(\"password\");"),
        ("src/auth.go", '\tpassword := r.FormValue("password")'), ("src/auth.rb", "    if user.authenticate(params[:password])"), ("src/hash.py", "hashed_password = pwd_context.hash(password)"),
        ("docs/faq.md", "If you forget your password, use the reset link on the login page."), ("src/login.vue", '<label for="password">{{ $t("password") }}</label>'),
        ("config/security.yml", "  password_policy: strong"), ("src/user.py", "    password_changed_at = models.DateTimeField(null=True)"),
        ("src/api.ts", "export async function rotateToken(tokenId: string) {"), ("src/settings.py", 'AUTH_USER_MODEL = "accounts.User"'),
        ("config/app.yml", "  secret_key_ref: app-secrets"), ("k8s/deploy.yaml", "              secretKeyRef:"), ("k8s/deploy.yaml", "                name: db-credentials"),
        ("config/app.yml", "  token_url: https://auth.example.com/oauth/token"), ("src/oauth.py", 'token_type = "Bearer"'), ("src/api.ts", "const apiKeyHeader = 'X-API-Key';"),
        ("src/auth.py", "    if password != confirm_password:"), ("src/tests/test_auth.py", '    assert response.json()["detail"] == "Invalid password"'),
        ("docs/setup.md", "Store the API key in a secret manager, never in the repository."), ("src/keys.py", "public_key = load_pem_public_key(data)"),
        ("config/ssh.yml", "  public_key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + b64(43) + " deploy@example.com"),
        ("config/app.yml", "  password: null"), ("config/app.yml", '  password: ""'), ("src/settings.py", "SECRET_KEY = env('SECRET_KEY')"),
        ("deploy/app.env", "API_TOKEN="), ("config/app.yml", "  token: {{ .Values.apiToken }}"), ("src/api.js", "const token = await getToken();"),
        ("src/passwords.py", "PASSWORD_HASHERS = ['django.contrib.auth.hashers.Argon2PasswordHasher']"), ("src/app.py", "app.secret_key = os.urandom(24)"),
        ("src/keys.ts", "const key = `${prefix}:${id}`;"), ("lib/x.rb", "  secret = Rails.application.credentials.dig(:aws, :secret_access_key)"),
        ("src/config.py", 'REDIS_PASSWORD = os.getenv("REDIS_PASSWORD")'), ("src/Config.java", '@Value("${db.password}") private String password;'),
        ("conf/app.properties", "db.password=${DB_PASSWORD}"), ("conf/app.properties", "spring.datasource.password=ENC(" + b64(44) + ")"),
        ("config/app.yml", "  password: !vault |"), ("conf/app.properties", "keystore.password=changeit"), ("src/i18n.ts", "  passwordTooShort: 'Password must be at least 12 characters',"),
        ("config/app.yml", "  password_file: /run/secrets/db_password"), ("src/app.py", "token = token.strip()"), ("src/lexer.rs", "    let token = self.next_token()?;"),
        ("src/parser.py", "tokens = tokenizer.tokenize(source)"), ("README.md", "Pass `--token-file` to read the token from a file."),
    ]
    password_code += [
        ("src/login.ts", "const { token } = await login(user, password);"), ("src/verify.py", "def verify(token: str, secret: bytes) -> bool:"),
        ("src/sign.rs", "fn sign(key: &[u8], msg: &[u8]) -> Vec<u8> {"), ("src/check.js", "if (apiKey.length !== 32) throw new Error('bad key');"),
        ("src/cache.py", 'key = "user:%s" % user_id'), ("src/cache.py", 'KEY_PREFIX = "cache:v2:"'), ("src/auth.py", "secret = None"), ("src/auth.py", 'token = ""'),
        ("src/cli.py", 'password = input("Password: ")'), ("web.config", '    <add key="ClientValidationEnabled" value="true" />'),
        ("web.config", '    <add key="PasswordLength" value="12" />'), ("src/rules.py", 'password_regex = r"^(?=.*[A-Z])(?=.*\\d).{12,}$"'),
        ("src/rules.py", 'token_pattern = re.compile(r"[A-Za-z0-9]{32}")'), ("src/http.py", 'AUTH_HEADER = "Authorization"'), ("src/env.py", 'SECRET_ENV_VAR = "APP_SECRET"'),
        ("infra/main.tf", '  secret_manager_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"'),
        (".github/workflows/ci.yml", "          key: ${{ runner.os }}-cargo-${{ hashFiles('**/Cargo.lock') }}"), (".circleci/config.yml", '          key: v1-deps-{{ checksum "package-lock.json" }}'),
        ("src/settings.py", 'keyboard_layout = "us"'), ("src/taxi.py", "passenger_count = 4"), ("src/nav.py", "compass_heading = 270"), ("config/app.yml", "  bypass_cache: true"),
        ("src/llm.py", "tokens_used = response.usage.total_tokens"), ("model/config.json", '  "tokenizer_class": "GPT2Tokenizer",'), ("config/ssh.yml", '  private_key_path: "~/.ssh/id_ed25519"'),
        ("infra/main.tf", '  ssh_key_name = "deploy"'), ("infra/main.tf", '  kms_key_id = "alias/app"'), ("keybindings.json", '    "key": "ctrl+shift+p",'), ("keybindings.json", '  {"key": "Escape", "command": "close"},'),
        ("src/i18n.ts", "  key: 'auth.login.title',"), ("config/features.json", '  "secret": false,'), ("config/app.yml", "  auth: true"), ("nginx/site.conf", '    auth_basic "Restricted Area";'),
        ("nginx/site.conf", "    auth_basic_user_file /etc/nginx/.htpasswd;"), ("etc/nsswitch.conf", "passwd:         files systemd"), ("etc/passwd", "root:x:0:0:root:/root:/bin/bash"),
        ("config/kafka.properties", "security.protocol=SASL_SSL"), ("config/kafka.properties", "ssl.keystore.location=/etc/kafka/keystore.jks"), ("config/kafka.properties", "ssl.truststore.type=JKS"),
        ("src/session.json", '  "sessionToken": null,'), ("config/oidc.yml", "  token_endpoint_auth_method: client_secret_basic"), ("docs/oauth.md", "grant_type=client_credentials&scope=read"),
        ("src/certs.py", "key_length = 2048"), ("test/test_b64.py", 'expected = base64.b64encode(b"hello world")'), ("docs/pkce.md", "code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"),
        ("CONTRIBUTING.md", "Signed-off-by: Jane Doe <jane@example.com>"), ("Dockerfile", "RUN gpg --keyserver keyserver.ubuntu.com --recv-keys 3B4FE6ACC0B21F32"),
        ("scripts/ssh.sh", "ssh-keyscan github.com >> ~/.ssh/known_hosts"), ("scripts/gen.sh", 'ssh-keygen -t ed25519 -C "deploy@example.com" -f deploy_key'),
        ("scripts/gen.sh", "openssl rand -hex 32 > .secret"), ("Dockerfile", "RUN install -m 0755 -d /etc/apt/keyrings && curl -fsSL https://download.docker.com/linux/debian/gpg -o /etc/apt/keyrings/docker.asc"),
        ("infra/policy.json", '    {"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}'), ("infra/main.tf", 'resource "aws_secretsmanager_secret" "db" {'),
        ("infra/main.tf", "  secret_string = jsonencode({ password = random_password.db.result })"), (".github/workflows/deploy.yml", "      TF_VAR_db_password: ${{ secrets.DB_PASSWORD }}"),
        ("src/auth.go", "	if token == \"\" {"), ("src/Auth.kt", "    val token = prefs.getString(\"token\", null)"), ("src/auth.swift", "    let password = passwordField.text ?? \"\""),
        ("src/App.java", "        String apiKey = System.getenv(\"API_KEY\");"), ("src/app.php", "$password = $_POST['password'];"), ("src/app.rb", "password = ENV.fetch('DB_PASSWORD')"),
        ("scripts/run.sh", 'read -s -p "Password: " PASSWORD'), ("scripts/run.sh", '--password "$DB_PASSWORD"'), ("scripts/run.sh", "psql --no-password -h db -U app"),
        ("docs/security.md", "Rotate the Stripe secret key in config/payments.yml after the incident."), ("docs/security.md", "The token is valid for 24 hours."),
        ("CHANGELOG.md", "- Fix token refresh when the secret key rotates (#1234)"), ("src/app.py", "jwt_secret = settings.JWT_SECRET"), ("src/app.ts", "const secret = process.env.SESSION_SECRET ?? '';"),
    ]
    for f, line in password_code:
        neg(f, [line])
    # Public keys and certificates are not secrets.
    body = [b64(64) for _ in range(6)] + [b64(20) + "=="]
    neg("certs/ca.pem", ["-----BEGIN CERTIFICATE-----"] + body + ["-----END CERTIFICATE-----"])
    body = [b64(64) for _ in range(5)] + [b64(12) + "=="]
    neg("keys/deploy.pub.pem", ["-----BEGIN PUBLIC KEY-----"] + body + ["-----END PUBLIC KEY-----"])
    neg("docs/keys.md", ["-----BEGIN PGP PUBLIC KEY BLOCK-----", "", b64(64), b64(64), "=" + b64(4), "-----END PGP PUBLIC KEY BLOCK-----"])
    # Kubernetes objects that are not Secrets, and Secrets whose values are templates.
    neg("k8s/config.yaml", ["apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: app", "data:", "  LOG_LEVEL: debug", "  FEATURE_FLAGS: " + b64(40)])
    neg("charts/app/templates/secret.yaml", ["kind: Secret", "data:", "  password: {{ .Values.password | b64enc }}", '  token: {{ required "token" .Values.token | b64enc | quote }}'])
    neg("k8s/sealed.yaml", ["kind: SealedSecret", "spec:", "  encryptedData:", "    password: AgB" + b64(400)])
    # Numbers that are not card numbers.
    for _ in range(20):
        neg(R.choice(["src/data.json", "logs/sample.log", "src/consts.py", "test/fixtures.yml"]), [R.choice([
            f'  "timestamp": {R.randint(1600000000000, 1800000000000)},', f"order_id = {digits(16)}1", f"  snowflake: {R.randint(10**17, 10**18)}",
            f"const MAX = {2**53 - 1};", f"phone: +1 555 {R.randint(100, 999)} {R.randint(1000, 9999)}", f"  ip: 10.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(0, 255)}",
            f"  isbn: 978-{R.randint(0, 9)}-{R.randint(100, 999)}-{R.randint(10000, 99999)}-{R.randint(0, 9)}", "card: 4111 1111 1111 1112",
            f"  amount_cents: {R.randint(100, 10**9)}", f"ts={R.randint(10**18, 2 * 10**18)}", f"  pi: 3.{rs(DI, 16)}", f"version: 2024.{R.randint(1, 12)}.{R.randint(1000000000000, 9999999999999)}",
            "  mac: 00:1A:2B:3C:4D:5E", f"  account: {R.randint(100000000000, 999999999999)}"])])
    # Identifiers and code that look like keys but are not.
    for _ in range(20):
        neg(R.choice(["src/app.py", "src/app.ts", "src/lib.rs", "src/main.go"]), [R.choice([
            f"    # see ticket KEY-{R.randint(100, 9999)}", "import { tokenize } from './lexer';", "def get_api_key_from_vault(vault, path):",
            f"const theme = '#{hexl(6)}';", "self.access_token_expires_at = now + ttl", "    let secret_len = secret.len();",
            f'  "hash": "{hexl(32)}",', f'ETAG = "{hexl(32)}"', f"  commit_sha: {hexl(40)}", f'  "_id": "{hexl(24)}",',
            "public_key_pem = serialize_public_key(key)", "tokenizer = AutoTokenizer.from_pretrained(model_name)", "if (!apiKey) throw new Error('missing key');",
            f'  "sha": "{hexl(40)}",', "auth.login(username, password)", "the_password_is_not_here = None", "export const SECRET_PLACEHOLDER = '<secret>';",
            "  password_min_length: 12", f"  cache_key: v2-{hexl(12)}", f"key_fingerprint = \"SHA256:{b64(43)}\""])])
    # Placeholders and examples that are not real.
    for line in ["AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX", "OPENAI_API_KEY=sk-...", "export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                 "STRIPE_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx", "api_key: your-api-key-here", "token: <TOKEN>", "password: ${PASSWORD:-}", "SECRET=%SECRET%",
                 "api_key = 'INSERT_KEY_HERE'", "DATABASE_URL=postgres://user:password@localhost:5432/app", "REDIS_URL=redis://:${REDIS_PASSWORD}@redis:6379",
                 "url: https://${USER}:${PASS}@git.example.com/repo.git", "  password: '{{ lookup(\"env\", \"DB_PASSWORD\") }}'", "curl -u user:password https://example.com",
                 "Authorization: Basic <base64>", "Authorization: Bearer YOUR_TOKEN_HERE", "machine example.com login me password XXXXXXXX",
                 "  client_secret: REPLACE_ME", "TOKEN=changeme", "jwt_secret: secret"]:
        neg(R.choice(["README.md", ".env.example", "docs/setup.md", "config/example.yml"]), [line])


negatives()


def key_bodies_out_of_view():
    """Issue 14: lines of a key whose BEGIN/END lines are outside the hunk (an edit inside a
    PEM block sends the lines around it). Drawn last, so every case above stays as it was."""
    def raw(file, lines, secrets):
        CASES.append({"rule": "private-key", "file": file, "text": "".join(l + "\n" for l in lines), "secrets": secrets})
    # One line of a 25-line RSA key changed: three lines of context either side.
    body = [b64(64) for _ in range(8)]
    new = b64(64)
    raw("deploy/id_rsa.txt", [" " + x for x in body[:3]] + ["-" + body[3], "+" + new] + [" " + x for x in body[4:7]], body[:7] + [new])
    # Context only around an added comment, the end of the block (shorter, padded) in view.
    body = [b64(64) for _ in range(4)] + [b64(40) + "=="]
    raw("certs/server.key.tmpl", ["+# rotated 2024-06"] + [" " + x for x in body], body)
    # OpenSSH armor is 70 wide; indented in YAML.
    body = [b64(70) for _ in range(5)]
    raw("ops/ssh.yaml", ["     " + x for x in body[:2]] + ["+    " + body[2]] + ["     " + x for x in body[3:]], body)


key_bodies_out_of_view()


def issue_14_misses():
    """Issue 14 (Medium 7): a prefixed token followed by `-` or `_` was missed; AWS's
    documented example keys were flagged. Drawn last, so every case above stays."""
    token = "ghp_" + alnum(36)
    CASES.append({"rule": "github-pat", "file": "scripts/branch.sh",
                  "text": f"+git checkout -b feature/{token}-login\n", "secrets": [token]})
    token = "glpat-" + alnum(20)
    CASES.append({"rule": "gitlab-pat", "file": "ci/notes.md",
                  "text": f"+see branch fix/{token}_hotfix\n", "secrets": [token]})
    for file, line in [("src/db.js", "const dbPassword = process.env.DB_PASSWORD || \"{}\";"),
                       ("src/db.py", "db_password = os.environ.get(\"DB_PASSWORD\") or \"{}\"")]:
        secret = password()
        CASES.append({"rule": "generic-password", "file": file,
                      "text": "+" + line.format(secret) + "\n", "secrets": [secret]})
    secret = password()
    CASES.append({"rule": "cli-password", "file": "scripts/backup.sh",
                  "text": f"+mysqldump -u root -p'{secret}' app > app.sql\n", "secrets": [secret]})
    for line in ["aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
                 "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                 "export AWS_ACCESS_KEY_ID=AKIAI44QH8DHBEXAMPLE",
                 'db_password = get_secret("prod/db/password")',
                 'const token = await fetchToken("github/ci-deploy-bot");']:
        NEG.append({"file": "docs/aws.md", "text": "+" + line + "\n"})


issue_14_misses()


def issue_14_more_misses():
    """Issue 14 (Medium 7), the rest: values on the lines below their name (YAML block
    scalars, parenthesised values), passphrases with spaces, names in other languages, a
    `--password=` flag in a quoted list item; Mapbox public tokens are no secret. Drawn
    last, so every case above stays."""
    def add(rule, file, lines, secrets):
        CASES.append({"rule": rule, "file": file, "text": "".join(l + "\n" for l in lines), "secrets": secrets})
    secret = password()
    add("generic-password", "config/app.yaml", [" db:", "+  password: |", "+    " + secret, "   user: app"], [secret])
    secret = random_secret()
    add("generic-secret", "deploy/values.yaml", ["+api_token: >-", "+  " + secret], [secret])
    secret = password()
    add("generic-password", "k8s/deploy.yaml", ["         env:", "         - name: DB_PASSWORD", "+          value: " + secret], [secret])
    secret = random_secret()
    add("generic-secret", "k8s/deploy.yaml", ['+  - name: "API_TOKEN"', '+    value: "' + secret + '"'], [secret])
    secret = password()
    add("generic-password", "src/settings.py", ["+DB_PASSWORD = (", '+    "' + secret + '"', "+)"], [secret])
    a, b = alnum(16), alnum(16)
    add("generic-secret", "src/config.py", ["+SECRET_KEY = (", '+    "' + a + '"', '+    "' + b + '"', "+)"], [a, b])
    words = ["correct", "horse", "battery", "staple", "orbit", "maple", "copper", "falcon", "river", "cactus", "lantern", "meadow"]
    phrase = " ".join(R.sample(words, 4))
    add("generic-password", ".env", ['+GPG_PASSPHRASE="' + phrase + '"'], [phrase])
    phrase = " ".join(R.sample(words, 5))
    add("generic-password", "config/backup.yml", ["+  passphrase: " + phrase], [phrase])
    phrase = " ".join(R.sample(words, 12))
    add("generic-secret", "wallet/seed.toml", ['+mnemonic = "' + phrase + '"'], [phrase])
    for file, line in [("config/app.yaml", "+  contraseña: {}"), ("config/db.properties", "+db.kennwort={}"),
                       ("config/app.yml", "+  пароль: {}"), ("config/app.json", '+  "密码": "{}",'),
                       ("config/app.yaml", "+  senha: {}"), ("src/config.py", '+CONTRASEÑA = "{}"')]:
        secret = password()
        add("generic-password", file, [line.format(secret)], [secret])
    for file, line in [("k8s/job.yaml", '+        args: ["migrate", "--password={}", "--verbose"]'),
                       ("docker-compose.yml", "+    command: ['server', '--db-password={}']"),
                       ("k8s/job.yaml", '+          - "--password={}"')]:
        secret = password()
        add("generic-password", file, [line.format(secret)], [secret])
    # Mapbox public tokens, a block scalar that is encrypted or templated, a phrase that
    # stands in for one, a call inside parentheses.
    for file, lines in [
        ("src/map.js", ['+mapboxgl.accessToken = "pk.eyJ1Ijoi' + b64u(50) + "." + b64u(22) + '";']),
        (".env.example", ["+MAPBOX_ACCESS_TOKEN=pk.eyJ1Ijoi" + b64u(50) + "." + b64u(22)]),
        ("ansible/vars.yml", ["+db_password: !vault |", "+  $ANSIBLE_VAULT;1.1;AES256", "+  " + hexl(64)]),
        ("charts/values.yaml", ["+password: |", "+  {{ .Values.db.password }}"]),
        (".env.example", ['+GPG_PASSPHRASE="your passphrase here"']),
        ("src/settings.py", ["+DB_PASSWORD = (", '+    get_secret("prod/db/password")', "+)"]),
        ("src/notes.py", ["+description = (", '+    "' + alnum(24) + '"', "+)"]),
        ("locales/es.yml", ["+  contraseña: Contraseña"]),
        ("config/app.yaml", ["+  contraseña: ${DB_PASSWORD}"]),
    ]:
        NEG.append({"file": file, "text": "".join(l + "\n" for l in lines)})


issue_14_more_misses()


# --- output -----------------------------------------------------------------------------------


def toml_str(s):
    return json.dumps(s, ensure_ascii=False)


HEADER = """# Generated by scripts/gen-secrets.py (seed {seed}); do not edit by hand.
# Every secret below is FAKE: random characters shaped like a real format, valid nowhere.
"""


def diff_of(cases):
    out = []
    for c in cases:
        lines = c["text"].splitlines(keepends=True)
        old = sum(1 for l in lines if l[0] in " -")
        new = sum(1 for l in lines if l[0] in " +")
        f = c["file"]
        out.append(f"diff --git a/{f} b/{f}\n--- a/{f}\n+++ b/{f}\n@@ -10,{old} +10,{new} @@\n")
        out.extend(lines)
    return "".join(out)


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "positives.toml"), "w") as f:
        f.write(HEADER.format(seed=SEED))
        for c in CASES:
            f.write("\n[[case]]\n")
            f.write(f"rule = {toml_str(c['rule'])}\nfile = {toml_str(c['file'])}\n")
            f.write(f"text = {toml_str(c['text'])}\n")
            f.write("secrets = [" + ", ".join(toml_str(s) for s in c["secrets"]) + "]\n")
    with open(os.path.join(OUT, "negatives.toml"), "w") as f:
        f.write(HEADER.format(seed=SEED))
        for c in NEG:
            f.write(f"\n[[case]]\nfile = {toml_str(c['file'])}\ntext = {toml_str(c['text'])}\n")
    with open(os.path.join(OUT, "positives.diff"), "w") as f:
        f.write(diff_of(CASES))
    with open(os.path.join(OUT, "negatives.diff"), "w") as f:
        f.write(diff_of(NEG))
    rules = {c["rule"] for c in CASES}
    print(f"{len(CASES)} positives over {len(rules)} rules, {len(NEG)} negatives -> {os.path.normpath(OUT)}")


main()
