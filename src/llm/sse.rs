//! A pure Server-Sent Events decoder: bytes in, events out, no I/O.
//!
//! Follows the WHATWG event-stream rules: lines end in LF, CRLF or CR; `:` starts a comment
//! (keep-alive); `data:` lines of one event join with `\n`; a blank line dispatches the event.
//! See: <https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation>

/// One dispatched event.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Event {
    /// The `event:` field; empty means the default type `message`.
    pub event: String,
    pub data: String,
}

/// Incremental decoder: feed it chunks as they arrive, in any split.
#[derive(Debug, Default)]
pub struct Decoder {
    /// Bytes of an incomplete line.
    partial: Vec<u8>,
    /// The previous chunk ended in CR: a LF at the start of the next one belongs to it.
    after_cr: bool,
    event: String,
    data: String,
    has_data: bool,
}

impl Decoder {
    /// Returns a decoder at the start of a stream.
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds a chunk and returns the events it completes.
    pub fn feed(&mut self, chunk: &[u8]) -> Vec<Event> {
        let mut events = Vec::new();
        let mut rest = chunk;
        if self.after_cr {
            self.after_cr = false;
            if let Some(stripped) = rest.strip_prefix(b"\n") {
                rest = stripped;
            }
        }
        while let Some(pos) = rest.iter().position(|&b| b == b'\n' || b == b'\r') {
            let (line, tail) = rest.split_at(pos);
            self.partial.extend_from_slice(line);
            let line = std::mem::take(&mut self.partial);
            self.line(&line, &mut events);
            rest = &tail[1..];
            if tail[0] == b'\r' {
                match rest.first() {
                    Some(b'\n') => rest = &rest[1..],
                    None => self.after_cr = true,
                    _ => {}
                }
            }
        }
        self.partial.extend_from_slice(rest);
        events
    }

    /// Ends the stream: an event not closed by a blank line is dispatched anyway, since
    /// servers that forget the final blank line are common.
    pub fn finish(&mut self) -> Option<Event> {
        let line = std::mem::take(&mut self.partial);
        let mut events = Vec::new();
        if !line.is_empty() {
            self.line(&line, &mut events);
        }
        self.line(b"", &mut events);
        events.pop()
    }

    fn line(&mut self, line: &[u8], events: &mut Vec<Event>) {
        if line.is_empty() {
            if self.has_data {
                let mut data = std::mem::take(&mut self.data);
                if data.ends_with('\n') {
                    data.pop();
                }
                events.push(Event {
                    event: std::mem::take(&mut self.event),
                    data,
                });
            }
            self.event.clear();
            self.has_data = false;
            return;
        }
        if line[0] == b':' {
            return;
        }
        let text = String::from_utf8_lossy(line);
        let (field, value) = match text.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (text.as_ref(), ""),
        };
        match field {
            "data" => {
                self.data.push_str(value);
                self.data.push('\n');
                self.has_data = true;
            }
            "event" => self.event = value.to_owned(),
            // `id` and `retry` do not matter to a single request's stream.
            _ => {}
        }
    }
}

/// Incremental decoder for newline-delimited JSON (Ollama's native API): complete lines out.
#[derive(Debug, Default)]
pub struct LineDecoder {
    partial: Vec<u8>,
}

impl LineDecoder {
    /// Returns a decoder at the start of a stream.
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds a chunk and returns the complete, non-blank lines it ends.
    pub fn feed(&mut self, chunk: &[u8]) -> Vec<String> {
        let mut lines = Vec::new();
        let mut rest = chunk;
        while let Some(pos) = rest.iter().position(|&b| b == b'\n') {
            self.partial.extend_from_slice(&rest[..pos]);
            let line = std::mem::take(&mut self.partial);
            let text = String::from_utf8_lossy(&line);
            let text = text.trim();
            if !text.is_empty() {
                lines.push(text.to_owned());
            }
            rest = &rest[pos + 1..];
        }
        self.partial.extend_from_slice(rest);
        lines
    }

    /// Ends the stream, returning a last line that had no newline.
    pub fn finish(&mut self) -> Option<String> {
        let line = std::mem::take(&mut self.partial);
        let text = String::from_utf8_lossy(&line).trim().to_owned();
        (!text.is_empty()).then_some(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_split(input: &[u8], at: &[usize]) -> Vec<Event> {
        let mut decoder = Decoder::new();
        let mut events = Vec::new();
        let mut start = 0;
        for &end in at.iter().chain(std::iter::once(&input.len())) {
            events.extend(decoder.feed(&input[start..end]));
            start = end;
        }
        events.extend(decoder.finish());
        events
    }

    const STREAM: &[u8] = b": keep-alive\r\n\r\ndata: {\"a\":1}\r\n\r\nevent: message_delta\ndata: line one\ndata: line two\n\n:ping\ndata:[DONE]\r\r";

    fn expected() -> Vec<Event> {
        vec![
            Event {
                event: String::new(),
                data: "{\"a\":1}".into(),
            },
            Event {
                event: "message_delta".into(),
                data: "line one\nline two".into(),
            },
            Event {
                event: String::new(),
                data: "[DONE]".into(),
            },
        ]
    }

    #[test]
    fn every_single_split_gives_the_same_events() {
        for i in 0..=STREAM.len() {
            assert_eq!(decode_split(STREAM, &[i]), expected(), "split at {i}");
        }
    }

    #[test]
    fn byte_by_byte_gives_the_same_events() {
        let at: Vec<usize> = (1..STREAM.len()).collect();
        assert_eq!(decode_split(STREAM, &at), expected());
    }

    #[test]
    fn missing_final_blank_line_still_dispatches() {
        assert_eq!(
            decode_split(b"data: last", &[]),
            vec![Event {
                event: String::new(),
                data: "last".into()
            }]
        );
    }

    #[test]
    fn garbage_yields_no_panic_and_no_phantom_events() {
        let junk: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
        let _ = decode_split(&junk, &[7, 100, 2000]);
        assert!(decode_split(b"retry: 10\nid: 4\n\n", &[]).is_empty());
        assert!(decode_split(b"<html>502 Bad Gateway</html>", &[]).is_empty());
    }

    #[test]
    fn ndjson_lines_split_anywhere() {
        let input = b"{\"a\":1}\n\n{\"b\":2}\r\n{\"c\":3}";
        for i in 0..=input.len() {
            let mut d = LineDecoder::new();
            let mut lines = d.feed(&input[..i]);
            lines.extend(d.feed(&input[i..]));
            lines.extend(d.finish());
            assert_eq!(
                lines,
                ["{\"a\":1}", "{\"b\":2}", "{\"c\":3}"],
                "split at {i}"
            );
        }
    }
}
