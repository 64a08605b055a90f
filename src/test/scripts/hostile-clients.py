# By-hand reproducer of issue 12 §5a (docs/benchmarks.md, "Hostile clients"):
# python3 hostile-clients.py WEFT_JAR DATA_DIR DEVICES CONNECTIONS_PER_DEVICE MIB_SENT_OF_16
# starts `java -Xmx512m -jar WEFT_JAR --server`, pairs one honest device and DEVICES copies, opens
# DEVICES x CONNECTIONS connections that each declare a 16 MiB frame and send MIB of it, then
# prints the server RSS and an honest synclist round trip every 5 s, and the answer to a 2^63-1 header.
import os, socket, struct, subprocess, sys, threading, time, base64, re, urllib.request, urllib.parse, ssl

JAR = sys.argv[1]; DATA = sys.argv[2]; N_DEV = int(sys.argv[3]); PER_DEV = int(sys.argv[4]); MIB = int(sys.argv[5])
port = 0
s = socket.socket(); s.bind(('127.0.0.1', 0)); port = s.getsockname()[1]; s.close()
srv = subprocess.Popen(['java', '-Xmx512m', '-jar', JAR, '--server', '--no-tls', '--bind', '127.0.0.1',
                        '--port', str(port), '--data', DATA], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
link = None
lines = []
def pump():
    for l in srv.stdout:
        lines.append(l)
threading.Thread(target=pump, daemon=True).start()
while link is None:
    for l in list(lines):
        m = re.search(r'code=([0-9A-Z]+)', l)
        if m: link = m.group(1)
    time.sleep(0.2)

def rss():
    for l in open('/proc/%d/status' % srv.pid):
        if l.startswith('VmRSS'): return l.split()[1] + ' kB'

def post(path, body=b'', headers={}):
    req = urllib.request.Request('http://127.0.0.1:%d%s' % (port, path), data=body, headers=headers, method='POST')
    return urllib.request.urlopen(req).read().decode()

ans = post('/v1/pair', urllib.parse.urlencode({'code': link, 'device_name': 'honest'}).encode(),
           {'Content-Type': 'application/x-www-form-urlencoded'})
honest = dict(l.split('=', 1) for l in ans.strip().split('\n'))['token']
tokens = []
for i in range(N_DEV):
    a = post('/v1/pair-copy', b'', {'Authorization': 'Bearer ' + honest})
    tokens.append(dict(l.split('=', 1) for l in a.strip().split('\n'))['token'])

def ws(token):
    c = socket.create_connection(('127.0.0.1', port))
    key = base64.b64encode(os.urandom(16)).decode()
    c.sendall(('GET /v1/sync HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
               'Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer %s\r\n\r\n' % (key, token)).encode())
    head = b''
    while b'\r\n\r\n' not in head: head += c.recv(1)
    assert b' 101 ' in head, head
    return c

def frame(payload):
    n = len(payload)
    h = bytes([0x82]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack('>H', n))
    return h + b'\0\0\0\0' + payload

def read_frame(c):
    def rn(k):
        b = b''
        while len(b) < k:
            x = c.recv(k - len(b))
            if not x: raise EOFError
            b += x
        return b
    b0, b1 = rn(2); n = b1 & 0x7f
    if n == 126: n = struct.unpack('>H', rn(2))[0]
    elif n == 127: n = struct.unpack('>Q', rn(8))[0]
    return b0, rn(n)

def honest_sync():
    t = time.time()
    try:
        c = ws(honest); c.settimeout(20)
    except Exception as e:
        return -1, -1
    try:
        c.sendall(frame(b'\0' * 9))
        b0, p = read_frame(c)
    except Exception as e:
        return -1, -1
    c.close()
    return (time.time() - t) * 1000, p[0]

print('rss at start', rss(), 'honest synclist: %.0f ms, reply type %d' % honest_sync())
sent = [0] * (N_DEV * PER_DEV); socks = []
def half(i, c):
    c.sendall(bytes([0x82, 0x80 | 127]) + struct.pack('>Q', 16 << 20) + b'\0\0\0\0')
    chunk = b'\x07' * (1 << 20)
    try:
        for k in range(MIB):
            c.sendall(chunk); sent[i] += len(chunk)
    except OSError:
        pass
for d in range(N_DEV):
    for k in range(PER_DEV):
        c = ws(tokens[d]); socks.append(c)
        threading.Thread(target=half, args=(len(socks) - 1, c), daemon=True).start()
for r in range(6):
    time.sleep(5)
    ms, typ = honest_sync()
    print('t=%2ds rss %s, hostile bytes written %d MiB, honest synclist %.0f ms (reply %d), server alive %s'
          % ((r + 1) * 5, rss(), sum(sent) >> 20, ms, typ, srv.poll() is None))
big = ws(honest)
big.sendall(bytes([0x82, 0x80 | 127]) + struct.pack('>Q', (1 << 63) - 1) + b'\0\0\0\0')
big.settimeout(20)
t = time.time()
try:
    b0, p = read_frame(big)
    print('2^63-1 header: close code %d after %.0f ms' % (struct.unpack('>H', p[:2])[0], (time.time() - t) * 1000))
except Exception as e:
    print('2^63-1 header: no close within 20 s (%r)' % e)
for c in socks: c.close()
srv.terminate(); srv.wait()
print(''.join(l for l in lines if 'OutOfMemory' in l or 'closing' in l or 'error' in l.lower())[:2000])
