#!/usr/bin/env python3
"""Latency git-herald adds to a model call, against a local server (stdlib only).

Starts an OpenAI-compatible server on 127.0.0.1 that streams a 60-token reply (one SSE chunk
per token, optionally after --server-ms of "thinking"), makes a scratch repository with a
one-line staged change, then runs, N times each (medians, min, p90):

  floor   a raw HTTP client in this process: the same request, read to the end
  herald  `git-herald` in a pseudo-terminal (so it streams), timing the first token on the
          terminal and the exit

and prints what git-herald adds beyond the server's own latency. Target: at most 30 ms.

    cargo build --release && python3 scripts/bench-provider.py [--runs 15] [--server-ms 0]
"""
import argparse, http.client, json, os, pty, select, shutil, statistics, subprocess, sys, \
    tempfile, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOKENS = ["feat", "(", "parser", "):", " add", " parse", "_pairs"] + \
    ["\n\n- split"] + [" word%d" % i for i in range(52)]  # 60 deltas


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: with Nagle on, a kept-alive connection waits
    # ~40 ms for the client's delayed ACK between them, which no real server does.
    disable_nagle_algorithm = True
    server_ms = 0

    def log_message(self, *args):
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get("content-length", 0)))
        if self.server_ms:
            time.sleep(self.server_ms / 1000)
        body = b""
        for t in TOKENS:
            chunk = {"choices": [{"index": 0, "delta": {"content": t}, "finish_reason": None}]}
            body += b"data: " + json.dumps(chunk).encode() + b"\n\n"
        body += b'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n'
        body += b'data: {"choices":[],"usage":{"prompt_tokens":200,"completion_tokens":60}}\n\n'
        body += b"data: [DONE]\n\n"
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def stats(xs):
    xs = sorted(xs)
    return {"median_ms": round(statistics.median(xs) * 1000, 2), "min_ms": round(xs[0] * 1000, 2),
            "p90_ms": round(xs[int(0.9 * (len(xs) - 1))] * 1000, 2)}


def floor(port):
    t = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("POST", "/v1/chat/completions", body=b'{"model":"m","stream":true}',
                 headers={"content-type": "application/json"})
    resp = conn.getresponse()
    first = None
    while True:
        chunk = resp.read1(65536)
        if first is None:
            first = time.perf_counter() - t
        if not chunk:
            break
    conn.close()
    return first, time.perf_counter() - t


def herald(binary, repo, env):
    """Runs git-herald on a pty; returns (time to first output byte, time to exit)."""
    t = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(repo)
        os.execve(binary, [binary, "--no-body"], env)
    first, out = None, b""
    while True:
        r, _, _ = select.select([fd], [], [], 10)
        if not r:
            break
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        if first is None and data.strip():
            first = time.perf_counter() - t
        out += data
    _, status = os.waitpid(pid, 0)
    total = time.perf_counter() - t
    os.close(fd)
    if status != 0 or b"feat(parser)" not in out:
        sys.exit(f"git-herald failed ({status}): {out.decode(errors='replace')}")
    return first, total


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--server-ms", type=int, default=0, help="server think time per request")
    ap.add_argument("--binary", default=os.path.join(ROOT, "target/release/git-herald"))
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    if not os.access(a.binary, os.X_OK):
        sys.exit(f"no binary at {a.binary}: run `cargo build --release` first")
    Handler.server_ms = a.server_ms
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()

    tmp = tempfile.mkdtemp(prefix="herald-bench-provider-")
    try:
        repo = os.path.join(tmp, "repo")
        env = {"PATH": os.environ.get("PATH", ""), "HOME": tmp, "XDG_CONFIG_HOME": tmp + "/cfg",
               "XDG_DATA_HOME": tmp + "/data", "GIT_CONFIG_NOSYSTEM": "1",
               "GIT_CONFIG_GLOBAL": "/dev/null", "TERM": "dumb",
               "OPENAI_API_KEY": "sk-bench", "OPENAI_BASE_URL": f"http://127.0.0.1:{port}/v1"}
        git = lambda *args: subprocess.run(["git", "-C", repo, *args], check=True, env=env,
                                           capture_output=True)
        os.makedirs(repo)
        git("init", "-q", "-b", "main")
        git("-c", "user.name=b", "-c", "user.email=b@b", "commit", "-q", "--allow-empty", "-m",
            "init")
        with open(os.path.join(repo, "lib.rs"), "w") as f:
            f.write("pub fn parse_pairs() {}\n")
        git("add", "lib.rs")
        for _ in range(3):  # warm-up: page cache, server threads
            floor(port)
            herald(a.binary, repo, env)
        f_first, f_total, h_first, h_total = [], [], [], []
        for _ in range(a.runs):
            x, y = floor(port)
            f_first.append(x)
            f_total.append(y)
            x, y = herald(a.binary, repo, env)
            h_first.append(x)
            h_total.append(y)
        result = {
            "runs": a.runs, "server_ms": a.server_ms,
            "floor_first_byte": stats(f_first), "floor_total": stats(f_total),
            "herald_first_token": stats(h_first), "herald_exit": stats(h_total),
        }
        added = result["herald_exit"]["median_ms"] - result["floor_total"]["median_ms"]
        result["added_ms_median"] = round(added, 2)
        result["target_added_ms"] = 30
        result["target_met"] = added <= 30
        if a.json:
            print(json.dumps(result, indent=1))
        else:
            print(f"{'':28}{'median':>10}{'min':>10}{'p90':>10}  (ms, {a.runs} runs)")
            for key in ("floor_first_byte", "floor_total", "herald_first_token", "herald_exit"):
                s = result[key]
                print(f"{key:28}{s['median_ms']:>10}{s['min_ms']:>10}{s['p90_ms']:>10}")
            print(f"git-herald adds {added:.1f} ms (median) beyond the server: "
                  f"target <= 30 ms: {'met' if added <= 30 else 'NOT met'}")
    finally:
        server.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
