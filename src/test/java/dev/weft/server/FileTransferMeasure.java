package dev.weft.server;

import dev.weft.protocol.FileChunk;
import dev.weft.protocol.FileCommit;
import dev.weft.protocol.FileEntry;
import dev.weft.protocol.PairingLink;
import dev.weft.protocol.Sha256;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * A big file through the endpoints of docs/protocol.md §11, measured (docs/benchmarks.md, "Files"):
 * starts {@code target/weft.jar --server} (TLS, self-signed) as a child with the heap given, pairs,
 * uploads a random file of {@code MB} megabytes in 1 MiB chunks (missing, PUT each, commit) read
 * from disk, then downloads it chunk by chunk to another file and checks its SHA-256. Prints MB/s
 * each way and the server's peak RSS. Not a test; after {@code mvn -q -B package -DskipTests} and
 * test-compile:
 *
 * <pre>java -Xmx256m -cp target/test-classes:target/weft.jar dev.weft.server.FileTransferMeasure 200 256m [plain]</pre>
 *
 * <p>{@code plain}: without TLS, to tell TLS's share.
 */
public final class FileTransferMeasure {
    private static final int CHUNK = 1 << 20;

    public static void main(String[] args) throws Exception {
        int mb = Integer.parseInt(args[0]);
        String xmx = args.length > 1 ? args[1] : "256m";
        Path dir = Files.createTempDirectory("weft-files");
        Path source = dir.resolve("source.bin");
        MessageDigest whole = MessageDigest.getInstance("SHA-256");
        List<FileChunk> chunks = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(source)) {
            Random random = new Random(1);
            byte[] piece = new byte[CHUNK];
            for (int i = 0; i < mb; i++) {
                random.nextBytes(piece);
                out.write(piece);
                whole.update(piece);
                chunks.add(new FileChunk(FileClient.sha(piece), CHUNK));
            }
        }
        Sha256 sha = Sha256.ofDigest(whole.digest());
        long t = System.nanoTime();
        Files.copy(source, dir.resolve("copy.bin"));
        double cpSeconds = (System.nanoTime() - t) / 1e9;
        Files.delete(dir.resolve("copy.bin"));

        int port = dev.weft.testing.WeftChild.freePort();
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + xmx, "-jar", "target/weft.jar", "--server",
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--data", dir.resolve("data").toString()));
        if (args.length > 2 && args[2].equals("plain")) {
            command.add("--no-tls");
        }
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> linkLine = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("pair: ")) {
                        linkLine.complete(line.substring(6));
                    }
                }
            } catch (java.io.IOException e) {
                // ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        try {
            PairingLink link = PairingLink.parse(linkLine.get());
            String answer = TestDevice.pairRequest(link, "code=" + link.code() + "&device_name=measure").body();
            String token = answer.lines().filter(l -> l.startsWith("token=")).findFirst().orElseThrow().substring(6);
            FileClient files = new FileClient(link, token);

            t = System.nanoTime();
            List<Sha256> lacking = files.missing(chunks.stream().map(FileChunk::hash).toList());
            try (InputStream in = Files.newInputStream(source)) {
                for (FileChunk c : chunks) {
                    byte[] piece = in.readNBytes(CHUNK);
                    if (lacking.contains(c.hash()) && files.put(c.hash(), piece).statusCode() != 204) {
                        throw new AssertionError("put failed");
                    }
                }
            }
            long version = files.committed(new FileCommit("big.bin", 0, false, (long) mb * CHUNK, sha, 1, chunks));
            double up = (System.nanoTime() - t) / 1e9;

            t = System.nanoTime();
            FileEntry entry = files.list(0).entries().get(0);
            MessageDigest got = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = Files.newOutputStream(dir.resolve("download.bin"))) {
                for (FileChunk c : entry.chunks()) {
                    HttpResponse<byte[]> r = files.get(c.hash(), null);
                    out.write(r.body());
                    got.update(r.body());
                }
            }
            double down = (System.nanoTime() - t) / 1e9;
            boolean equal = Sha256.ofDigest(got.digest()).equals(sha);
            System.out.printf("%d MB in %d chunks, version %d; cp %.2f s (%.0f MB/s)%n", mb, chunks.size(), version,
                    cpSeconds, mb / cpSeconds);
            System.out.printf("upload %.2f s (%.0f MB/s), download %.2f s (%.0f MB/s), file equal: %s%n", up, mb / up,
                    down, mb / down, equal);
            System.out.println("server (-Xmx" + xmx + ") " + status(server.pid()));
        } finally {
            server.destroy();
            server.waitFor();
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The process's peak RSS (VmHWM) as Linux reports it. */
    private static String status(long pid) throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .findFirst().orElse("VmHWM unknown").replaceAll("\\s+", " ");
    }
}
