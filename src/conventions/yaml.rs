//! A tolerant reader for the subset of YAML that commitlint files use: block mappings and
//! sequences, flow sequences and mappings, plain and quoted scalars.

use serde_json::{Map, Value};

/// Reads block mappings, block sequences (`- a`, also `- - a`), flow sequences and mappings
/// (`[2, always, [a, b]]`) and plain or quoted scalars. Anchors, tags and multi-line scalars
/// are not supported; their values read as strings or are left out.
pub(super) fn read(text: &str) -> Result<Value, String> {
    let mut lines: Vec<(usize, String)> = Vec::new();
    for raw in text.lines() {
        let content = strip_yaml_comment(raw);
        let trimmed = content.trim_end();
        if trimmed.trim().is_empty() || trimmed == "---" || trimmed == "..." {
            continue;
        }
        if raw.starts_with('\t') {
            return Err("tabs used for indentation".into());
        }
        let indent = trimmed.len() - trimmed.trim_start().len();
        lines.push((indent, trimmed.trim_start().to_owned()));
    }
    if lines.is_empty() {
        return Err("it is empty".into());
    }
    let mut at = 0;
    let value = yaml_node(&mut lines, &mut at, 0, 0);
    Ok(value)
}

fn strip_yaml_comment(line: &str) -> String {
    let mut out = String::new();
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for c in line.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == '#' && prev.is_whitespace() => break,
            None => {}
        }
        out.push(c);
        prev = c;
    }
    out
}

/// Finds the `: ` (or final `:`) that ends a mapping key, outside quotes and brackets.
fn yaml_key_end(content: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut depth = 0i32;
    let bytes: Vec<(usize, char)> = content.char_indices().collect();
    for (n, &(i, c)) in bytes.iter().enumerate() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '\'' | '"' if n == 0 => quote = Some(c),
                '[' | '{' => depth += 1,
                ']' | '}' => depth -= 1,
                ':' if depth == 0 => {
                    let next = bytes.get(n + 1).map(|(_, c)| *c);
                    if next.is_none_or(char::is_whitespace) {
                        return Some(i);
                    }
                }
                _ => {}
            },
        }
    }
    None
}

fn is_item(content: &str) -> bool {
    content == "-" || content.starts_with("- ")
}

fn yaml_node(lines: &mut [(usize, String)], at: &mut usize, min: usize, depth: usize) -> Value {
    let Some((indent, content)) = lines.get(*at).cloned() else {
        return Value::Null;
    };
    if indent < min || depth > 32 {
        return Value::Null;
    }
    if is_item(&content) {
        let mut items = Vec::new();
        while let Some((i, c)) = lines.get(*at).cloned() {
            if i != indent || !is_item(&c) {
                break;
            }
            let rest = c[1..].trim_start();
            if rest.is_empty() {
                *at += 1;
                let nested = lines.get(*at).is_some_and(|(n, _)| *n > indent);
                items.push(if nested {
                    yaml_node(lines, at, indent + 1, depth + 1)
                } else {
                    Value::Null
                });
            } else {
                // `- x`: read `x` as if it stood on its own line, indented past the dash.
                let offset = c.len() - rest.len();
                lines[*at] = (indent + offset, rest.to_owned());
                items.push(yaml_node(lines, at, indent + offset, depth + 1));
            }
        }
        return Value::Array(items);
    }
    if yaml_key_end(&content).is_some() && !content.starts_with(['[', '{']) {
        let mut map = Map::new();
        while let Some((i, c)) = lines.get(*at).cloned() {
            if i != indent || is_item(&c) {
                break;
            }
            let Some(end) = yaml_key_end(&c) else { break };
            let key = yaml_scalar(c[..end].trim());
            let key = match key {
                Value::String(s) => s,
                other => other.to_string(),
            };
            let rest = c[end + 1..].trim();
            *at += 1;
            let value = if rest.is_empty() {
                let nested = lines
                    .get(*at)
                    .is_some_and(|(n, c)| *n > indent || (*n == indent && is_item(c)));
                if nested {
                    yaml_node(lines, at, indent, depth + 1)
                } else {
                    Value::Null
                }
            } else {
                yaml_inline(rest)
            };
            map.insert(key, value);
        }
        return Value::Object(map);
    }
    *at += 1;
    yaml_inline(&content)
}

fn yaml_inline(text: &str) -> Value {
    if text.starts_with(['[', '{']) {
        let chars: Vec<char> = text.chars().collect();
        let mut at = 0;
        yaml_flow(&chars, &mut at, 0)
    } else {
        yaml_scalar(text)
    }
}

fn yaml_flow(chars: &[char], at: &mut usize, depth: usize) -> Value {
    let skip_ws = |at: &mut usize| {
        while chars.get(*at).is_some_and(|c| c.is_whitespace()) {
            *at += 1;
        }
    };
    skip_ws(at);
    if depth > 32 {
        // Too deep to be a configuration: the rest is not read.
        *at = chars.len();
        return Value::Null;
    }
    match chars.get(*at) {
        Some(&open @ ('[' | '{')) => {
            *at += 1;
            let close = if open == '[' { ']' } else { '}' };
            let mut items = Vec::new();
            let mut map = Map::new();
            loop {
                skip_ws(at);
                match chars.get(*at) {
                    None => break,
                    Some(c) if *c == close => {
                        *at += 1;
                        break;
                    }
                    Some(',') => *at += 1,
                    Some(_) => {
                        let item = yaml_flow(chars, at, depth + 1);
                        if open == '{' {
                            skip_ws(at);
                            if chars.get(*at) == Some(&':') {
                                *at += 1;
                                let value = yaml_flow(chars, at, depth + 1);
                                let key = match item {
                                    Value::String(s) => s,
                                    other => other.to_string(),
                                };
                                map.insert(key, value);
                            }
                        } else {
                            items.push(item);
                        }
                    }
                }
            }
            if open == '[' {
                Value::Array(items)
            } else {
                Value::Object(map)
            }
        }
        Some(&q @ ('\'' | '"')) => {
            *at += 1;
            let mut s = String::new();
            while let Some(&c) = chars.get(*at) {
                *at += 1;
                if c == q {
                    break;
                }
                s.push(c);
            }
            Value::String(s)
        }
        Some(_) => {
            let start = *at;
            while chars
                .get(*at)
                .is_some_and(|c| !matches!(c, ',' | ']' | '}') && *c != ':')
            {
                *at += 1;
            }
            if *at == start {
                // A stray `:` or closing bracket: step over it, so reading always moves on.
                *at += 1;
                return Value::Null;
            }
            let text: String = chars[start..*at].iter().collect();
            yaml_scalar(text.trim())
        }
        None => Value::Null,
    }
}

fn yaml_scalar(text: &str) -> Value {
    let text = text.trim();
    for q in ['\'', '"'] {
        if text.len() >= 2 && text.starts_with(q) && text.ends_with(q) {
            return Value::String(text[1..text.len() - 1].to_owned());
        }
    }
    match text {
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        "null" | "~" | "" => return Value::Null,
        _ => {}
    }
    if let Ok(n) = text.parse::<i64>() {
        return Value::from(n);
    }
    if let Ok(n) = text.parse::<f64>()
        && let Some(n) = serde_json::Number::from_f64(n)
    {
        return Value::Number(n);
    }
    Value::String(text.to_owned())
}
