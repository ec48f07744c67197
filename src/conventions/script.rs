//! A tolerant reader for the literal values of a commitlint JavaScript or TypeScript
//! configuration, read as text and never run: arrays, objects, strings, numbers, booleans and
//! commitlint's `RuleConfigSeverity.*`; anything computed reads as `null`.

use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Str(String),
    Num(f64),
    Ident(String),
    Punct(char),
}

/// Splits script text into tokens, skipping comments. Regular-expression literals are not
/// recognised; their characters become punctuation, which the reader skips.
fn tokens(text: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\n' => {
                line += 1;
                i += 1;
            }
            c if c.is_whitespace() => i += 1,
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                i += 2;
                while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
                i += 2;
            }
            '\'' | '"' | '`' => {
                let start = line;
                let mut s = String::new();
                let mut interpolated = false;
                i += 1;
                loop {
                    let Some(&ch) = chars.get(i) else {
                        return Err(format!("unterminated string from line {start}"));
                    };
                    i += 1;
                    match ch {
                        '\\' => {
                            if let Some(&next) = chars.get(i) {
                                s.push(next);
                                i += 1;
                            }
                        }
                        ch if ch == c => break,
                        '\n' if c != '`' => {
                            return Err(format!("unterminated string on line {start}"));
                        }
                        '$' if c == '`' && chars.get(i) == Some(&'{') => {
                            interpolated = true;
                            s.push(ch);
                        }
                        ch => {
                            if ch == '\n' {
                                line += 1;
                            }
                            s.push(ch);
                        }
                    }
                }
                out.push(if interpolated {
                    Token::Ident("`template`".into())
                } else {
                    Token::Str(s)
                });
            }
            c if c.is_ascii_digit() => {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '.') {
                    i += 1;
                }
                let text: String = chars[start..i].iter().filter(|c| **c != '_').collect();
                out.push(text.parse().map_or(Token::Ident(text), Token::Num));
            }
            c if c.is_alphabetic() || c == '_' || c == '$' => {
                let start = i;
                while i < chars.len()
                    && (chars[i].is_alphanumeric()
                        || matches!(chars[i], '_' | '$')
                        || (chars[i] == '.' && chars.get(i + 1).is_some_and(|n| n.is_alphabetic())))
                {
                    i += 1;
                }
                out.push(Token::Ident(chars[start..i].iter().collect()));
            }
            c => {
                out.push(Token::Punct(c));
                i += 1;
            }
        }
    }
    Ok(out)
}

/// Reads literal values from tokens: arrays, objects, strings, numbers, `true`/`false`, and
/// commitlint's `RuleConfigSeverity.*`. Anything else (a variable, a call, a function) reads
/// as `null` and is skipped to the next `,` or closing bracket.
struct Reader<'a> {
    tokens: &'a [Token],
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn is(&self, c: char) -> bool {
        self.peek() == Some(&Token::Punct(c))
    }

    /// Skips to the next `,` or closing bracket at this depth.
    fn skip_rest(&mut self) {
        let mut depth = 0usize;
        while let Some(token) = self.peek() {
            match token {
                Token::Punct('(' | '[' | '{') => depth += 1,
                Token::Punct(')' | ']' | '}') if depth == 0 => return,
                Token::Punct(')' | ']' | '}') => depth -= 1,
                Token::Punct(',') if depth == 0 => return,
                _ => {}
            }
            self.at += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Value {
        if depth > 32 {
            self.skip_rest();
            return Value::Null;
        }
        let value = match self.peek().cloned() {
            Some(Token::Punct('[')) => {
                self.at += 1;
                let mut items = Vec::new();
                while self.peek().is_some() && !self.is(']') {
                    if self.is(',') {
                        self.at += 1;
                        continue;
                    }
                    if self.is('.') {
                        // A spread (`...list`): its items are not known here.
                        items.push(Value::Null);
                        self.skip_rest();
                        continue;
                    }
                    items.push(self.value(depth + 1));
                }
                self.at += 1;
                Value::Array(items)
            }
            Some(Token::Punct('{')) => {
                self.at += 1;
                let mut map = Map::new();
                while self.peek().is_some() && !self.is('}') {
                    if self.is(',') {
                        self.at += 1;
                        continue;
                    }
                    let key = match self.peek().cloned() {
                        Some(Token::Str(k) | Token::Ident(k)) => Some(k),
                        Some(Token::Num(n)) => Some(n.to_string()),
                        _ => None,
                    };
                    self.at += 1;
                    match key {
                        Some(key) if self.is(':') => {
                            self.at += 1;
                            let value = self.value(depth + 1);
                            map.insert(key, value);
                        }
                        _ => self.skip_rest(),
                    }
                }
                self.at += 1;
                Value::Object(map)
            }
            Some(Token::Str(s)) => {
                self.at += 1;
                Value::String(s)
            }
            Some(Token::Num(n)) => {
                self.at += 1;
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    // Whole numbers as integers, as JSON would read them.
                    #[allow(clippy::cast_possible_truncation)]
                    Value::from(n as i64)
                } else {
                    serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
                }
            }
            Some(Token::Ident(id)) => {
                self.at += 1;
                match id.as_str() {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    "RuleConfigSeverity.Disabled" => Value::from(0),
                    "RuleConfigSeverity.Warning" => Value::from(1),
                    "RuleConfigSeverity.Error" => Value::from(2),
                    _ => Value::Null,
                }
            }
            Some(_) => {
                // A stray `)`, `:` or the like: step over it, so reading always moves on.
                self.at += 1;
                Value::Null
            }
            None => Value::Null,
        };
        // `as const`, `satisfies UserConfig`, a call's arguments: not part of the value.
        if !(self.is(',') || self.is(']') || self.is('}') || self.is(')')) {
            self.skip_rest();
            return match value {
                Value::Object(_) | Value::Array(_) | Value::String(_) | Value::Number(_) => value,
                _ => Value::Null,
            };
        }
        value
    }
}

/// Reads the `extends` and `rules` of a commitlint JavaScript or TypeScript configuration as
/// text: the first `extends:` and `rules:` keys, wherever they are, with literal values.
pub(super) fn read(text: &str) -> Result<Value, String> {
    let tokens = tokens(text)?;
    let mut out = Map::new();
    for key in ["extends", "rules"] {
        let found = tokens.windows(2).position(|w| {
            matches!(&w[0], Token::Ident(k) | Token::Str(k) if k == key)
                && w[1] == Token::Punct(':')
        });
        if let Some(at) = found {
            let mut reader = Reader {
                tokens: &tokens,
                at: at + 2,
            };
            out.insert(key.to_owned(), reader.value(0));
        }
    }
    if out.is_empty() {
        return Err("no `rules` or `extends` written out in it".into());
    }
    Ok(Value::Object(out))
}
