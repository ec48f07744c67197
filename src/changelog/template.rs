//! Templates: releases rendered with a minijinja template that sees the JSON data.

use super::json::{JsonRelease, document};
use super::{Changelog, ChangelogError, Release, Remote};
use serde::Serialize;
use std::path::Path;

/// What a template sees: the JSON document's fields, and the command rendering it.
#[derive(Serialize)]
struct TemplateData<'a> {
    schema: u32,
    releases: &'a [JsonRelease],
    /// `changelog` or `release-notes`, so one template can serve both.
    command: &'a str,
}

/// Renders releases with a minijinja template (`source`, read from the file `name`). The
/// template sees the JSON document's `schema` and `releases` and `command` (`changelog` or
/// `release-notes`).
///
/// Blocks trim the newline after them and the indentation before them (`trim_blocks`,
/// `lstrip_blocks`), the template's final newline is kept, and an undefined name is an error,
/// so a misspelt field names its line instead of printing nothing. Values are not escaped,
/// except in templates whose name ends in `.html`, `.htm` or `.xml`, as minijinja does.
pub fn render_template(
    name: &str,
    source: &str,
    command: &str,
    releases: &[Release],
    remote: Option<&Remote>,
) -> Result<String, ChangelogError> {
    let fail = |source: minijinja::Error| ChangelogError::Template {
        file: name.to_owned(),
        line: source.line(),
        source: Box::new(source),
    };
    let mut env = minijinja::Environment::new();
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .map_err(fail)?;
    env.set_syntax(syntax);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_fuel(Some(FUEL));
    let template = env.template_from_named_str(name, source).map_err(fail)?;
    let document = document(releases, remote);
    let data = TemplateData {
        schema: document.schema,
        releases: &document.releases,
        command,
    };
    // A repository may name the template, so what it may cost is bounded (issue 14: two
    // nested `range(100000)` loops took 3.4 GB): so many steps, and so many bytes out.
    let mut out = Capped {
        text: Vec::new(),
        max: MAX_OUTPUT,
    };
    let rendered = template.render_captured_to(
        minijinja::Value::from(minijinja::value::Serde(&data)),
        &mut out,
    );
    match rendered {
        Ok(_) => Ok(String::from_utf8_lossy(&out.text).into_owned()),
        Err(err) if err.kind() == minijinja::ErrorKind::OutOfFuel => {
            Err(fail(minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                format!(
                    "the template ran out of fuel: it took more than {FUEL} steps (loops over \
                     large ranges are the usual cause)"
                ),
            )))
        }
        Err(_) if out.text.len() > MAX_OUTPUT => Err(fail(minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            format!(
                "the template wrote more than {} MiB",
                MAX_OUTPUT / (1024 * 1024)
            ),
        ))),
        Err(err) => Err(fail(err)),
    }
}

/// The most steps a template may take: far more than any changelog needs.
const FUEL: u64 = 20_000_000;
/// The most bytes a template may write.
const MAX_OUTPUT: usize = 16 * 1024 * 1024;

/// Collects a template's output, failing the write once it passes `max` bytes.
struct Capped {
    text: Vec<u8>,
    max: usize,
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.text.extend_from_slice(buf);
        if self.text.len() > self.max {
            return Err(std::io::Error::other("the output cap was reached"));
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Renders the releases with the minijinja template at `path` (see
/// [`render_template`]); `command` is `changelog` or `release-notes`.
pub fn render_template_file(
    path: &Path,
    command: &str,
    log: &Changelog,
) -> Result<String, ChangelogError> {
    // A repository may name the template: a regular file of at most 1 MiB (issue 14).
    let source = crate::files::read_capped(path, crate::files::MAX_BYTES)
        .and_then(|text| text.ok_or_else(|| std::io::ErrorKind::NotFound.into()))
        .map_err(ChangelogError::io("read the template", path))?;
    let name = path.display().to_string();
    render_template(&name, &source, command, &log.releases, log.remote.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changelog::test_support::{build_plain, commit, github};

    #[test]
    fn templates_see_the_json_data() {
        let release = build_plain(&[
            commit("t2", "fix(io): retry (#3)\n\nRefs #2", 2),
            commit("t1", "feat: pages", 1),
        ]);
        let source = "{% for r in releases %}\n\
                      # {{ r.version }} ({{ r.date or \"unreleased\" }}) via {{ command }}\n\
                      {% for s in r.sections %}\n\
                      {{ s.title | upper }}:\n\
                      \x20 {% for c in s.commits %}\n\
                      * {{ c.subject }}{% if c.pr %} #{{ c.pr }}{% endif %} [{{ c.short_id }}]\n\
                      \x20 {% endfor %}\n\
                      {% endfor %}\n\
                      {% endfor %}\n";
        let out =
            render_template("t.j2", source, "changelog", &[release], Some(&github())).unwrap();
        assert_eq!(
            out,
            "# 1.1.0 (2024-01-11) via changelog\nFEATURES:\n* pages [t100000]\n\
             BUG FIXES:\n* retry #3 [t200000]\n"
        );
    }

    #[test]
    fn template_errors_name_the_file_and_line() {
        let release = build_plain(&[commit("t1", "feat: pages", 1)]);
        let render = |source: &str| {
            render_template(
                "notes.j2",
                source,
                "changelog",
                std::slice::from_ref(&release),
                None,
            )
            .unwrap_err()
        };
        let err = render("ok\n{% for r in releases %}\n{{ r.version }\n");
        assert!(
            matches!(&err, ChangelogError::Template { file, line: Some(3), .. } if file == "notes.j2"),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            "cannot use the template `notes.j2` (line 3)"
        );
        // A misspelt field is an error at its line, not an empty string.
        let err = render("{% for r in releases %}\n{{ r.verison.x }}\n{% endfor %}\n");
        assert!(
            matches!(err, ChangelogError::Template { line: Some(2), .. }),
            "{err:?}"
        );
    }
}
