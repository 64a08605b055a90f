package dev.weft.client;

import dev.weft.client.ws.*;
import dev.weft.protocol.*;
import dev.weft.vault.*;
import java.io.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;

/**
 * Server memory per sync connection, with and without permessage-deflate (docs/websocket-client.md):
 * starts {@code target/weft.jar --server --no-tls} as a child process (heap fixed and pre-touched),
 * opens 1 + N WebSocket connections of one device that each upload a typed 5 KB note's upsert
 * (~40 KB) and pull it back (~40 KB), and prints the growth of the server's resident size per
 * connection. Not a test; run after {@code mvn -q -B package -DskipTests}:
 *
 * <pre>java -cp target/test-classes:target/classes:target/weft.jar dev.weft.client.ServerMemoryMeasure true|false N PORT</pre>
 */
public class ServerMemoryMeasure {
    static long rss(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status")))
            if (l.startsWith("VmRSS")) return Long.parseLong(l.replaceAll("\\D", ""));
        return -1;
    }

    public static void main(String[] a) throws Exception {
        boolean deflate = Boolean.parseBoolean(a[0]);
        int n = Integer.parseInt(a[1]);
        Path data = Files.createTempDirectory("weft-mem");
        Process server = new ProcessBuilder("java", "-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch", "-jar",
                "target/weft.jar", "--server", "--port", a[2], "--bind", "127.0.0.1", "--no-tls", "--data",
                data.resolve("s").toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream()));
        String link = null;
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("pair: ")) { link = line.substring(6); break; }
        }
        Thread drain = new Thread(() -> { try { while (out.readLine() != null) { } } catch (IOException e) { } });
        drain.setDaemon(true);
        drain.start();
        try {
            Vault vault = Vault.open(data.resolve("v"), VaultOptions.defaults());
            SyncClient client = new SyncClient(vault, SyncOptions.defaults());
            client.pair(PairingLink.parse(link), "mem");
            String text = WireTransportTest.englishNote(5000);
            UUID id = vault.create("note", "").id();
            var r = vault.replica(id);
            for (int at = 0; at < text.length(); at += 7) r.insert(at, text.substring(at, Math.min(text.length(), at + 7)));
            byte[] upsert = new MessageCodec().encode(List.of(UpsertBuilder.part(id, "note", 0, r.log().pendingBetween(0, Long.MAX_VALUE, UpsertBuilder.OPS_PER_MESSAGE)).upsert()));
            byte[] pull = new MessageCodec().encode(List.of(new SyncDocPull(id, 0)));
            ServerAddress address = ServerAddress.of(vault.device());
            Map<String, String> auth = Map.of("Authorization", "Bearer " + vault.device().deviceToken());
            List<WebSocket> sockets = new ArrayList<>();
            long base = 0;
            for (int i = 0; i <= n; i++) {
                BlockingQueue<byte[]> got = new LinkedBlockingQueue<>();
                Listener l = new Listener() {
                    public void onBinary(byte[] m) { got.add(m); }
                    public void onText(String m) { }
                    public void onClose(int c, String why) { }
                    public void onError(Throwable e) { }
                };
                WebSocket ws = WebSocketClient.connect(address.uri("ws", "/v1/sync"), auth, null, l,
                        Options.DEFAULT.withDeflate(deflate)).get(10, TimeUnit.SECONDS);
                sockets.add(ws);
                ws.sendBinary(upsert);
                if (got.poll(30, TimeUnit.SECONDS) == null) throw new IllegalStateException("no ack");
                ws.sendBinary(pull);
                if (got.poll(30, TimeUnit.SECONDS) == null) throw new IllegalStateException("no pull answer");
                if (i == 0) { Thread.sleep(1000); base = rss(server.pid()); }
            }
            Thread.sleep(2000);
            long after = rss(server.pid());
            System.out.printf("deflate=%s: server RSS %d KiB with 1 connection, %d KiB with %d more: %.1f KiB per connection%n",
                    deflate, base, after, n, (after - base) / (double) n);
            for (WebSocket ws : sockets) ws.abort();
            client.close();
            vault.close();
        } finally {
            server.destroy();
            server.waitFor();
            try (var files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
