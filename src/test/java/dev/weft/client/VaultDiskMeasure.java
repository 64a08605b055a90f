package dev.weft.client;

import dev.weft.protocol.PairingLink;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * What a vault costs on disk (docs/benchmarks.md, "Runs on the device"): starts {@code JAR
 * --server --no-tls} as a child, device {@code a} takes in {@code NOTES} notes of about
 * {@code BYTES} bytes each and syncs once, then a fresh device {@code b} syncs once; prints the
 * size of each {@code .weft} against the text. Not a test; after {@code mvn -q -B package
 * -DskipTests} and {@code test-compile}:
 *
 * <pre>java -cp target/test-classes:target/weft.jar dev.weft.client.VaultDiskMeasure NOTES BYTES [JAR]</pre>
 */
public final class VaultDiskMeasure {
    public static void main(String[] args) throws Exception {
        int notes = Integer.parseInt(args[0]);
        int noteBytes = Integer.parseInt(args[1]);
        String jar = args.length > 2 ? args[2] : "target/weft.jar";
        String serverXmx = "512m";
        Path dir = Files.createTempDirectory("weft-disk");
        MeasureServer started = MeasureServer.start(jar, serverXmx, dir.resolve("s"));
        try {
            Path a = Files.createDirectories(dir.resolve("a"));
            long text = 0;
            for (int n = 0; n < notes; n++) {
                String note = BigNotes.text(noteBytes / 2 + (n * 7919) % noteBytes);
                text += note.getBytes(StandardCharsets.UTF_8).length;
                Files.writeString(a.resolve("note-" + n + ".md"), note, StandardCharsets.UTF_8);
            }
            System.out.printf("%d notes, %,d bytes of text%n", notes, text);
            sync("importing device (a)", a, started.link(), text);
            Process code = new ProcessBuilder("java", "-jar", jar, "pair-code", "--data", dir.resolve("s").toString())
                    .start();
            String second = new String(code.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("pair: ")).findFirst().orElseThrow().substring(6);
            code.waitFor();
            sync("second device (b)", dir.resolve("b"), PairingLink.parse(second), text);
            // a second open: what an old vault's migration leaves, and what a reopened vault keeps
            try (Vault vault = Vault.open(dir.resolve("b"), VaultOptions.defaults())) {
                vault.flush();
            }
            report("second device (b), reopened", dir.resolve("b"), text);
        } finally {
            started.stop();
        }
    }

    private static void sync(String what, Path folder, PairingLink link, long text) throws Exception {
        long start = System.nanoTime();
        try (Vault vault = Vault.open(folder, VaultOptions.defaults());
                SyncClient client = new SyncClient(vault, SyncOptions.defaults())) {
            client.pair(link, what);
            client.syncOnce(Duration.ofMinutes(30));
            vault.flush();
        }
        System.out.printf("%s: synced in %.1f s%n", what, (System.nanoTime() - start) / 1e9);
        report(what, folder, text);
    }

    private static void report(String what, Path folder, long text) throws IOException {
        long structure = 0;
        long logs = 0;
        long all = 0;
        try (Stream<Path> files = Files.walk(folder.resolve(".weft"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                long size = Files.size(file);
                all += size;
                String name = file.getFileName().toString();
                structure += name.endsWith(".md.structure") && file.getParent().endsWith("docs") ? size : 0;
                logs += name.endsWith(".md.latest_ops") ? size : 0;
            }
        }
        System.out.printf("%s: .weft %,d B = %.2f x the text (structure files %,d B, logs %,d B)%n", what, all,
                (double) all / text, structure, logs);
    }
}
