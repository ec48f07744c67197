//! Issue 14, the rest: redaction misses closed and false positives dropped, file names that
//! hold a secret, repositories libgit2 cannot read, and what `doctor` prints. The real binary
//! on real repositories.

use crate::common::{TestRepo, show};

/// `git herald redact --print FILE`: the redacted text on stdout.
fn redact_print(repo: &TestRepo, file: &str, text: &str) -> String {
    repo.write(file, text);
    let out = repo.herald(["redact", "--print", file]).output().unwrap();
    assert!(out.status.success(), "{}", show(&out));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn values_below_their_name_passphrases_and_foreign_names_are_redacted() {
    let repo = TestRepo::with_commit();
    let cases = [
        (
            "config/app.yaml",
            "db:\n  password: |\n    Xk9#mP2vLq8!zR4w\n  user: app\n",
            vec!["Xk9#mP2vLq8!zR4w"],
        ),
        (
            "deploy/values.yml",
            "api_token: >-\n  q7Ld0Xv2Rk9sWm4TnB8yHc3J\n",
            vec!["q7Ld0Xv2Rk9sWm4TnB8yHc3J"],
        ),
        (
            "src/settings.py",
            "SECRET_KEY = (\n    \"Ab3dE5gH7jK9mN1p\"\n    \"Qr2sT4uV6wX8yZ0a\"\n)\n",
            vec!["Ab3dE5gH7jK9mN1p", "Qr2sT4uV6wX8yZ0a"],
        ),
        (
            ".env",
            "GPG_PASSPHRASE=\"correct horse battery staple\"\n",
            vec!["correct horse battery staple"],
        ),
        (
            "config/backup.yml",
            "passphrase: orbit maple copper falcon river\n",
            vec!["orbit maple copper falcon river"],
        ),
        (
            "config/es.yaml",
            "contraseña: Tiger-Kq7Zp93!\n",
            vec!["Tiger-Kq7Zp93!"],
        ),
        (
            "config/ru.yml",
            "пароль: Maple_Xw2Rt48~\n",
            vec!["Maple_Xw2Rt48~"],
        ),
    ];
    for (file, text, secrets) in cases {
        let out = redact_print(&repo, file, text);
        assert!(out.contains("[REDACTED:"), "{file}: {out}");
        for secret in secrets {
            assert!(!out.contains(secret), "{file} leaks `{secret}`:\n{out}");
        }
    }
}

#[test]
fn public_tokens_and_documented_examples_are_left_alone() {
    let repo = TestRepo::with_commit();
    let text = "mapboxgl.accessToken = \"pk.eyJ1IjoiZXhhbXBsZSIsImEiOiJjbDBhYmNkZWYwMTIzNDU2Nzg5MGFiY2QifQ.AbCdEfGhIjKlMnOpQrStUv\";\n\
                aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n\
                aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\
                db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  62313539643032353433323635396139383730363865386131386136373835\n\
                DB_PASSWORD = (\n    get_secret(\"prod/db/password\")\n)\n";
    let out = redact_print(&repo, "docs/setup.md", text);
    assert_eq!(out, text);
    // A Mapbox secret token still is one.
    let secret =
        "sk.eyJ1IjoiZXhhbXBsZSIsImEiOiJjbDBhYmNkZWYwMTIzNDU2Nzg5MGFiY2QifQ.AbCdEfGhIjKlMnOpQrStUv";
    let out = redact_print(
        &repo,
        "src/map.js",
        &format!("const token = \"{secret}\";\n"),
    );
    assert!(!out.contains(secret), "{out}");
}

#[test]
fn a_secret_in_a_file_name_is_never_printed() {
    let token = "ghp_0123456789abcdefABCDEF0123456789abcd";
    let repo = TestRepo::with_commit();
    let file = format!("config/{token}.txt");
    repo.write(
        &file,
        "token = \"ghp_R7x2Lq9ZkV4mT1pW8sN3cY6bH0jD5fGaE2uQ\"\n",
    );
    // A file given by name, then the same file staged.
    for args in [vec!["redact", file.as_str()], vec!["redact"]] {
        repo.add_all();
        let out = repo.herald(&args).output().unwrap();
        assert!(out.status.success(), "{}", show(&out));
        let all = show(&out);
        assert!(all.contains("github-pat"), "{all}");
        assert!(all.contains("config/[REDACTED:github-pat].txt"), "{all}");
        assert!(!all.contains(&token[4..12]), "{args:?}:\n{all}");
    }
    // Nor in an error about it.
    let missing = format!("config/{}X.txt", &token[..39]);
    let out = repo.herald(["redact", missing.as_str()]).output().unwrap();
    assert!(!out.status.success());
    assert!(!show(&out).contains(&token[4..12]), "{}", show(&out));
}
