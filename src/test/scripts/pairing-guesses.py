# By-hand reproducer of issue 12 §5b (docs/benchmarks.md, "Hostile clients"):
# python3 pairing-guesses.py WEFT_JAR DATA_DIR SECONDS
# starts `java -Xmx512m -jar WEFT_JAR --server` and posts wrong pairing codes from one address for
# SECONDS on one keep-alive connection; prints the answers by status and the log it caused.
import socket, subprocess, sys, threading, time, re, http.client
JAR = sys.argv[1]; DATA = sys.argv[2]; SECS = int(sys.argv[3])
s = socket.socket(); s.bind(('127.0.0.1', 0)); port = s.getsockname()[1]; s.close()
srv = subprocess.Popen(['java', '-Xmx512m', '-jar', JAR, '--server', '--no-tls', '--bind', '127.0.0.1',
                        '--port', str(port), '--data', DATA], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
lines = []
def pump():
    for l in srv.stdout: lines.append(l)
threading.Thread(target=pump, daemon=True).start()
while not any('pair:' in l for l in lines): time.sleep(0.2)
start_lines = len(lines)
counts = {}
c = http.client.HTTPConnection('127.0.0.1', port)
t0 = time.time(); i = 0
while time.time() - t0 < SECS:
    i += 1
    body = 'code=%026d&device_name=mallory' % i
    c.request('POST', '/v1/pair', body, {'Content-Type': 'application/x-www-form-urlencoded'})
    r = c.getresponse(); r.read()
    counts[r.status] = counts.get(r.status, 0) + 1
el = time.time() - t0
log = ''.join(lines[start_lines:])
print('%d requests in %.0f s (%.0f/s): %s; log %d bytes, %d lines' % (i, el, i / el, counts, len(log), log.count('\n')))
print(log[:600])
srv.terminate(); srv.wait()
