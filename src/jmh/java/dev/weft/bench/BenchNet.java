package dev.weft.bench;

import dev.weft.client.tls.PinnedTrustManager;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** What the server benchmarks share on the client side: JDK HTTP clients, pairing, URLs. */
final class BenchNet {
    private BenchNet() {
    }

    /** A paired device: its bearer token and site. */
    record Device(String name, String token, int site) {
    }

    /**
     * A JDK HttpClient that pins the server's certificate by {@code fingerprint} (as a device does)
     * and runs its callbacks on {@code executor}; plain when the server runs without TLS.
     */
    static HttpClient client(BenchServer server, Executor executor) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(executor);
        if (server.tls()) {
            try {
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, new TrustManager[] {new PinnedTrustManager(server.fingerprint)}, new SecureRandom());
                builder.sslContext(tls);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return builder.build();
    }

    static URI syncUri(BenchServer server, int port) {
        return URI.create((server.tls() ? "wss" : "ws") + "://127.0.0.1:" + port + "/v1/sync");
    }

    /** Pairs a device named {@code name} with a fresh code from the server (docs/protocol.md §7). */
    static Device pair(HttpClient http, BenchServer server, String name) throws IOException, InterruptedException {
        String code = server.pairingCode();
        URI uri = URI.create((server.tls() ? "https" : "http") + "://127.0.0.1:" + server.port + "/v1/pair");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("code=" + code + "&device_name="
                        + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("pairing " + name + ": HTTP " + response.statusCode() + " " + response.body());
        }
        Map<String, String> fields = new HashMap<>();
        for (String line : response.body().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new Device(name, fields.get("token"), Integer.parseInt(fields.get("site")));
    }

    /** This JVM's CPU time so far. */
    static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU seconds every process of the machine has used since boot (Linux {@code /proc/stat}: user,
     * nice, system, irq, softirq, steal at 100 ticks a second); NaN elsewhere. Other work on the
     * machine shows as the difference to the server's and the load generator's own CPU time.
     */
    static double machineBusySeconds() {
        try {
            String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static String machine() {
        String model = "?";
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cpus (" + model + "), "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }
}
