//! Secrets with structure: private key blocks across lines (PEM, OpenSSH, PGP), PuTTY key
//! files, Kubernetes `Secret` data, and card numbers that pass the Luhn check.

use super::Scan;
use super::doc::find;
use bstr::ByteSlice;

/// Finds `-----BEGIN … PRIVATE KEY[ BLOCK]-----` (or `END`): the marker's start and end.
fn marker(c: &[u8], word: &[u8]) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(p) = c[from..].find(word) {
        let s = from + p;
        let rest = &c[s + word.len()..];
        if let Some(q) = rest.find(b"-----")
            && q <= 60
            && rest[..q].find(b"PRIVATE KEY").is_some()
        {
            return Some((s, s + word.len() + q + 5));
        }
        from = s + word.len();
    }
    None
}

/// Trims a line of a key block to its payload: indentation, quotes, commas, `+`
/// concatenation and `\n` escapes around it are kept.
fn payload(c: &[u8]) -> (usize, usize) {
    let mut a = 0;
    while a < c.len() && matches!(c[a], b' ' | b'\t' | b'"' | b'\'' | b'`') {
        a += 1;
    }
    let mut z = c.len();
    loop {
        while z > a
            && matches!(
                c[z - 1],
                b' ' | b'\t' | b'"' | b'\'' | b'`' | b',' | b';' | b'+' | b')'
            )
        {
            z -= 1;
        }
        if z >= a + 2 && &c[z - 2..z] == b"\\n" {
            z -= 2;
            continue;
        }
        break;
    }
    (a, z)
}

/// A line that can sit inside a key block: base64 armor, or a header such as
/// `Proc-Type: 4,ENCRYPTED`, `DEK-Info: …`, `Comment: …`.
fn block_line(p: &[u8]) -> bool {
    let base64 = p
        .iter()
        .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='));
    let header = p.first().is_some_and(u8::is_ascii_uppercase)
        && p.iter().take(24).any(|&b| b == b':')
        && p.iter()
            .take_while(|&&b| b != b':')
            .all(|&b| b.is_ascii_alphanumeric() || b == b'-');
    base64 || header
}

/// Redacts a private key block that starts or ends on this line.
pub(super) fn private_key(scan: &mut Scan<'_, '_>, ls: usize, le: usize, rule: u32) {
    let doc = scan.doc;
    let t = doc.text;
    let (cs, ce) = doc.content(ls, le);
    let content = &t[cs..ce];
    if let Some((_, begin_end)) = marker(content, b"-----BEGIN") {
        if let Some((end_start, _)) = marker(&content[begin_end..], b"-----END") {
            // The whole block on one line: JSON with `\n` escapes, or a one-line PEM.
            scan.push(cs + begin_end, cs + begin_end + end_start, rule, ls, false);
            return;
        }
        let rest = &content[begin_end..];
        if rest.find(b"\\n").is_some() {
            // Escaped newlines and no end here: the string runs to its closing quote.
            let end = rest
                .iter()
                .position(|&b| b == b'"' || b == b'\'')
                .unwrap_or(rest.len());
            scan.push(cs + begin_end, cs + begin_end + end, rule, ls, false);
            return;
        }
        let mut first = true;
        let mut cur = le;
        let mut lines = 0;
        while let Some((ns, ne)) = doc.next_line(cur) {
            if doc.is_header(ns, ne) || lines > 400 {
                break;
            }
            let (ncs, nce) = doc.content(ns, ne);
            let c = &t[ncs..nce];
            let (a, z) = payload(c);
            if let Some((end_start, _)) = marker(c, b"-----END") {
                if end_start > a {
                    scan.push(ncs + a, ncs + end_start, rule, ns, !first);
                }
                cur = ne;
                break;
            }
            if a < z {
                if !block_line(&c[a..z]) {
                    break;
                }
                scan.push(ncs + a, ncs + z, rule, ns, !first);
                first = false;
            }
            cur = ne;
            lines += 1;
        }
        if first {
            // Nothing followed the header: report the header line itself so the user hears
            // of it, without changing text that holds no key material.
            return;
        }
        scan.block_end = scan.block_end.max(cur + 1);
        return;
    }
    if let Some((end_start, _)) = marker(content, b"-----END") {
        // A hunk that starts inside a key: walk back over the armor above the end marker.
        let mut found = Vec::new();
        let (a, _) = payload(content);
        if end_start > a {
            found.push((cs + a, cs + end_start, ls));
        }
        let mut cur = ls;
        let mut lines = 0;
        while let Some((ps, pe)) = doc.prev_line(cur) {
            if doc.is_header(ps, pe) || lines > 400 {
                break;
            }
            let (pcs, pce) = doc.content(ps, pe);
            let c = &t[pcs..pce];
            let (a, z) = payload(c);
            if a < z {
                if !block_line(&c[a..z]) {
                    break;
                }
                found.push((pcs + a, pcs + z, ps));
            }
            cur = ps;
            lines += 1;
        }
        let last = found.len().saturating_sub(1);
        for (i, (s, e, line)) in found.into_iter().enumerate() {
            scan.push(s, e, rule, line, i != last);
        }
    }
}

/// Tells whether a line's payload looks like a line of a key's body: base64 of the width
/// PEM, OpenSSH and PGP armor use (60 to 76 characters), with upper case, lower case and
/// digits mixed as random bytes give them.
pub(super) fn is_key_line(p: &[u8]) -> bool {
    (60..=76).contains(&p.len())
        && p.iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
        && p.iter().filter(|b| b.is_ascii_uppercase()).count() >= 8
        && p.iter().filter(|b| b.is_ascii_lowercase()).count() >= 8
        && p.iter().filter(|b| b.is_ascii_digit()).count() >= 2
        && super::value::entropy(p) >= 4.5
}

/// Redacts the body of a key whose `BEGIN`/`END` lines are out of view (issue 14: an edit
/// inside a PEM block sent the lines around it): every run of two or more lines that look
/// like key armor ([`is_key_line`]), with the shorter line that ends such a run.
pub(super) fn key_body(scan: &mut Scan<'_, '_>, rule: u32) {
    let doc = scan.doc;
    let t = doc.text;
    let covered: std::collections::HashSet<usize> = scan.spans.iter().map(|s| s.line).collect();
    // A hunk header's function context is one line on its own: git may pick a line of a key
    // for it (issue 14), so there one such line is enough.
    let least = if !doc.diff && t.find_byte(b'\n').is_none() {
        1
    } else {
        2
    };
    let mut run: Vec<(usize, usize, usize)> = Vec::new();
    // Whether the line before the run opens armor in view: a `BEGIN` line (a private key's
    // block is handled from there; a certificate's or public key's is no secret) or PuTTY's
    // `Public-Lines:`.
    let mut opened = false;
    // Whether the run's shorter last line was taken.
    let mut tail = false;
    let flush = |scan: &mut Scan<'_, '_>, run: &mut Vec<(usize, usize, usize)>, skip: bool| {
        if run.len() >= least && !skip {
            let reported = run.iter().any(|(_, _, line)| covered.contains(line));
            let mut first = !reported;
            for &(s, e, line) in run.iter() {
                // Lines another rule already took (a block in view, PuTTY's) stay theirs.
                if !covered.contains(&line) {
                    scan.push(s, e, rule, line, !first);
                    first = false;
                }
            }
        }
        run.clear();
    };
    let armor = |c: &[u8]| find(c, b"-----BEGIN").is_some() || find(c, b"-Lines:").is_some();
    let mut at = 0;
    while at < t.len() {
        // Idle (no run, no armor opened above), a line too short for key armor and without a
        // dash changes nothing: skip the tests below, which most lines would pass through.
        // One search finds the line's end or a dash before it.
        if run.is_empty() && !opened && !tail {
            match t[at..].find_byteset(b"\n-") {
                Some(p) if t[at + p] == b'\n' && p < 60 => {
                    at += p + 1;
                    continue;
                }
                None if t.len() - at < 60 => break,
                _ => {}
            }
        }
        let le = t[at..].find_byte(b'\n').map_or(t.len(), |p| at + p);
        let (ls, next) = (at, le + 1);
        at = next;
        if doc.is_header(ls, le) {
            flush(scan, &mut run, opened);
            (opened, tail) = (false, false);
            continue;
        }
        let (cs, ce) = doc.content(ls, le);
        let c = &t[cs..ce];
        let (a, z) = payload(c);
        let p = &c[a..z];
        if is_key_line(p) && !tail {
            run.push((cs + a, cs + z, ls));
            continue;
        }
        // The last line of a block is shorter, often with `=` padding.
        if run.len() >= 2
            && !tail
            && (4..60).contains(&p.len())
            && p.iter()
                .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
        {
            run.push((cs + a, cs + z, ls));
            tail = true;
            continue;
        }
        tail = false;
        // Armor needs a `-`: most lines have none, and one memchr rules all three searches out.
        let dash = c.contains(&b'-');
        let closes = dash && find(c, b"-----END").is_some();
        flush(scan, &mut run, opened || closes);
        // Blank lines and `Version: …` headers sit between a `BEGIN` line and the armor.
        opened = (dash && armor(c)) || (opened && (p.is_empty() || block_line(p)));
    }
    flush(scan, &mut run, opened);
}

/// Redacts the `Private-Lines: N` lines of a PuTTY key and its `Private-MAC`.
pub(super) fn putty(scan: &mut Scan<'_, '_>, ls: usize, le: usize, rule: u32) {
    let doc = scan.doc;
    let t = doc.text;
    let (cs, ce) = doc.content(ls, le);
    let content = &t[cs..ce];
    let Some(at) = content.find(b"Private-Lines:") else {
        return;
    };
    let count: usize = content[at + 14..]
        .trim_ascii()
        .to_str()
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
        .min(200);
    let mut cur = le;
    let mut first = true;
    for _ in 0..count {
        let Some((ns, ne)) = doc.next_line(cur) else {
            break;
        };
        let (ncs, nce) = doc.content(ns, ne);
        let (a, z) = payload(&t[ncs..nce]);
        scan.push(ncs + a, ncs + z, rule, ns, !first);
        first = false;
        cur = ne;
    }
    if let Some((ns, ne)) = doc.next_line(cur) {
        let (ncs, nce) = doc.content(ns, ne);
        let c = &t[ncs..nce];
        if let Some(p) = c.find(b"Private-MAC:") {
            let v = p + 12;
            let skip = c[v..]
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
            scan.push(ncs + v + skip, nce, rule, ns, true);
            cur = ne;
        }
    }
    scan.block_end = scan.block_end.max(cur + 1);
}

fn indent(c: &[u8]) -> usize {
    c.iter().take_while(|&&b| b == b' ' || b == b'\t').count()
}

/// `kind: Secret` (YAML, optionally quoted) and nothing else on the line.
fn is_secret_kind(c: &[u8]) -> bool {
    let t = c.trim_ascii();
    let t = t.strip_prefix(b"- ").unwrap_or(t);
    let Some(rest) = t.strip_prefix(b"kind:") else {
        return false;
    };
    let v = rest.trim_ascii();
    let v = v
        .strip_prefix(b"\"")
        .and_then(|v| v.strip_suffix(b"\""))
        .or_else(|| v.strip_prefix(b"'").and_then(|v| v.strip_suffix(b"'")))
        .unwrap_or(v);
    v == b"Secret"
}

/// Redacts the values under `data:` and `stringData:` in the YAML document (between `---`
/// lines) holding this `kind: Secret` line.
pub(super) fn kubernetes_secret(scan: &mut Scan<'_, '_>, ls: usize, le: usize, rule: u32) {
    let doc = scan.doc;
    let t = doc.text;
    let (cs, ce) = doc.content(ls, le);
    if !is_secret_kind(&t[cs..ce]) {
        return;
    }
    let is_separator = |s: usize, e: usize| {
        let (a, b) = doc.content(s, e);
        t[a..b].trim_ascii_end() == b"---" || doc.is_header(s, e)
    };
    let mut start = ls;
    for _ in 0..1000 {
        match doc.prev_line(start) {
            Some((ps, pe)) if !is_separator(ps, pe) => start = ps,
            _ => break,
        }
    }
    let mut line = Some(doc.line_at(start));
    let mut data_indent: Option<usize> = None;
    let mut block: Option<usize> = None;
    let mut first = true;
    let mut count = 0;
    while let Some((s, e)) = line {
        if count > 2000 || (s > ls && is_separator(s, e)) {
            break;
        }
        count += 1;
        let (a, b) = doc.content(s, e);
        let c = &t[a..b];
        let ind = indent(c);
        let body = c[ind..].trim_ascii_end();
        line = doc.next_line(e);
        if body.is_empty() || body.starts_with(b"#") {
            continue;
        }
        if let Some(key_indent) = block {
            if ind > key_indent {
                scan.push(a + ind, a + ind + body.len(), rule, s, !first);
                first = false;
                continue;
            }
            block = None;
        }
        if let Some(di) = data_indent {
            if ind <= di {
                data_indent = None;
            } else if let Some(colon) = body.find(b":") {
                let mut v = colon + 1;
                while v < body.len() && body[v] == b' ' {
                    v += 1;
                }
                let value = &body[v..];
                if value.starts_with(b"|") || value.starts_with(b">") {
                    block = Some(ind);
                    continue;
                }
                let (mut vs, mut ve) = (v, body.len());
                if let Some(comment) = body[v..].find(b" #") {
                    ve = v + comment;
                }
                if ve > vs + 1 && matches!(body[vs], b'"' | b'\'') && body[ve - 1] == body[vs] {
                    vs += 1;
                    ve -= 1;
                }
                let value = &body[vs..ve];
                if !value.is_empty() && value.find(b"{{").is_none() && value != b"\"\"" {
                    scan.push(a + ind + vs, a + ind + ve, rule, s, !first);
                    first = false;
                }
                continue;
            }
        }
        if body == b"data:" || body == b"stringData:" {
            data_indent = Some(ind);
        }
    }
}

/// The card brands by leading digits, with the lengths each issues.
fn brand_ok(d: &[u8]) -> bool {
    let n = d.len();
    let prefix = |k: usize| d[..k].iter().fold(0u32, |acc, &x| acc * 10 + u32::from(x));
    match d[0] {
        4 => matches!(n, 13 | 16 | 19),
        5 => {
            ((51..=55).contains(&prefix(2)) && n == 16)
                || (matches!(prefix(4), 5018 | 5020 | 5038 | 5893) && (13..=19).contains(&n))
        }
        2 => ((2221..=2720).contains(&prefix(4)) || (2200..=2204).contains(&prefix(4))) && n == 16,
        3 => {
            let p2 = prefix(2);
            let p3 = prefix(3);
            let p4 = prefix(4);
            (matches!(p2, 34 | 37) && n == 15)
                || ((3528..=3589).contains(&p4) && (16..=19).contains(&n))
                || (((300..=305).contains(&p3) || matches!(p2, 36 | 38 | 39))
                    && (14..=19).contains(&n))
        }
        6 => {
            let p2 = prefix(2);
            let p3 = prefix(3);
            let p4 = prefix(4);
            ((p4 == 6011 || p2 == 65 || (644..=649).contains(&p3) || p2 == 62)
                && (16..=19).contains(&n))
                || (matches!(p4, 6304 | 6759 | 6761 | 6762 | 6763) && (13..=19).contains(&n))
        }
        _ => false,
    }
}

fn luhn(d: &[u8]) -> bool {
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            let x = u32::from(x);
            if i % 2 == 1 {
                let y = x * 2;
                if y > 9 { y - 9 } else { y }
            } else {
                x
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn grouping_ok(lens: &[usize]) -> bool {
    match lens {
        [_] => true,
        [4, 6, 5] | [4, 6, 4] => true,
        [init @ .., last] => init.iter().all(|&l| l == 4) && (1..=4).contains(last),
        [] => false,
    }
}

/// Tells whether a card-like number starting at `start` ends at a proper boundary; returns
/// its end.
fn card_at(t: &[u8], start: usize) -> Option<usize> {
    let n = t.len();
    let mut groups: Vec<(usize, usize)> = Vec::with_capacity(5);
    let mut sep: Option<u8> = None;
    let mut pos = start;
    let mut total = 0;
    loop {
        let g = pos;
        while pos < n && t[pos].is_ascii_digit() {
            pos += 1;
        }
        if pos == g {
            break;
        }
        total += pos - g;
        groups.push((g, pos));
        if total > 19 || groups.len() == 5 {
            break;
        }
        let next_sep = t.get(pos).copied();
        if let Some(s) = next_sep.filter(|&s| s == b' ' || s == b'-')
            && t.get(pos + 1).is_some_and(u8::is_ascii_digit)
            && sep.is_none_or(|x| x == s)
        {
            sep = Some(s);
            pos += 1;
            continue;
        }
        break;
    }
    for k in (1..=groups.len()).rev() {
        let gs = &groups[..k];
        let lens: Vec<usize> = gs.iter().map(|(a, b)| b - a).collect();
        let total: usize = lens.iter().sum();
        if !(13..=19).contains(&total) || !grouping_ok(&lens) {
            continue;
        }
        let end = gs[k - 1].1;
        let after = t.get(end).copied();
        let after_ok = match after {
            None => true,
            Some(b) if b.is_ascii_alphanumeric() || b == b'_' => false,
            Some(b'.' | b',') => !t.get(end + 1).is_some_and(u8::is_ascii_digit),
            Some(_) => true,
        };
        if !after_ok {
            continue;
        }
        let digits: Vec<u8> = gs
            .iter()
            .flat_map(|&(a, b)| t[a..b].iter().map(|&x| x - b'0'))
            .collect();
        if brand_ok(&digits) && luhn(&digits) {
            return Some(end);
        }
    }
    None
}

/// Finds card numbers anywhere in the text: 13 to 19 digits, plain or grouped by spaces or
/// dashes, of a known brand's prefix and length, passing the Luhn check.
pub(super) fn cards(scan: &mut Scan<'_, '_>, rule: u32) {
    let doc = scan.doc;
    let t = doc.text;
    let n = t.len();
    let mut i = 0;
    while i < n {
        // Eight bytes at a time while none is a digit (SWAR: a byte of `x` below 10).
        if let Some(chunk) = t.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let x = w ^ 0x3030_3030_3030_3030;
            let digits = x.wrapping_sub(0x0A0A_0A0A_0A0A_0A0A) & !x & 0x8080_8080_8080_8080;
            if digits == 0 {
                i += 8;
                continue;
            }
            // The lowest flagged byte is always a digit (borrows only flag bytes above it).
            i += (digits.trailing_zeros() / 8) as usize;
        }
        let b = t[i];
        if !b.is_ascii_digit() {
            i += 1;
            continue;
        }
        let at_line_start = i == 0 || t[i - 1] == b'\n';
        let prefix_start = i == 1 || (i >= 2 && t[i - 2] == b'\n');
        let prev_ok = at_line_start
            || match t[i - 1] {
                p if p.is_ascii_alphanumeric() => false,
                b'_' | b'.' | b'/' | b'#' | b'\\' | b'%' | b'&' => false,
                b'-' | b'+' => doc.diff && prefix_start,
                _ => true,
            };
        if prev_ok
            && (b'2'..=b'6').contains(&b)
            && let Some(end) = card_at(t, i)
        {
            let (ls, _) = doc.line_at(i);
            scan.push(i, end, rule, ls, false);
            i = end;
            continue;
        }
        while i < n && (t[i].is_ascii_alphanumeric() || t[i] == b'_') {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_and_brands() {
        let digits = |s: &str| s.bytes().map(|b| b - b'0').collect::<Vec<_>>();
        for card in [
            "4111111111111111",
            "5500000000000004",
            "340000000000009",
            "6011000000000004",
        ] {
            let d = digits(card);
            assert!(luhn(&d) && brand_ok(&d), "{card}");
        }
        assert!(!luhn(&digits("4111111111111112")));
        assert!(card_at(b"4111 1111 1111 1111 rest", 0).is_some());
        assert!(card_at(b"4111111111111111.5", 0).is_none());
    }
}
