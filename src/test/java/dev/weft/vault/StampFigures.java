package dev.weft.vault;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.vault.text.DebouncedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The figure of docs/vault.md, "Stamps"; not a test: the CPU time of opening NOTES notes (default
 * 10,000) when no stamp can be trusted (each file read and hashed once) against all trusted. {@code
 * mvn -q -B test-compile && java -cp target/classes:target/test-classes dev.weft.vault.StampFigures [NOTES]}
 */
public final class StampFigures {
    private static int notes = 10_000;
    private static final long LONG_AGO = 1_000_000_000_000L;

    private StampFigures() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0) {
            notes = Integer.parseInt(args[0]);
        }
        Path dir = Files.createTempDirectory("weft-stamps");
        try {
            for (int run = 1; run <= 3; run++) {
                System.out.printf("run %d: %d notes, open (thread CPU), stamps trusted %d ms; no stamps %d ms%n", run,
                        notes, open(dir, true), open(dir, false));
            }
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Writes the notes' logs, files and index (as ManyNotesTest does), then opens the vault: ms. */
    private static long open(Path dir, boolean stamped) throws IOException {
        VaultPaths paths = new VaultPaths(dir);
        Files.createDirectories(paths.docsDir());
        List<IndexFile.Entry> entries = new ArrayList<>();
        for (int i = 0; i < notes; i++) {
            UUID id = new UUID(0x4000L, i);
            String name = "folder " + (i % 100) + "/note " + i;
            String text = "note " + i + "\n" + "a line of a note of moderate length\n".repeat(40);
            RecordBuffer out = new RecordBuffer();
            RecordCodec.write(new LogRecord.Header(id, 0), out);
            RecordCodec.write(new LogRecord.RemoteName(name), out);
            int ident = 1;
            for (int cp : text.codePoints().toArray()) {
                RecordCodec.write(new LogRecord.RemoteInsert(new Atom(Pid.single(1, ident++), cp)), out);
            }
            RecordCodec.write(new LogRecord.CurrentTo(100 + i), out);
            byte[] bytes = new byte[out.size()];
            out.asByteBuffer().get(bytes);
            Files.write(paths.latestOps(id), bytes);
            Path md = paths.note(name);
            Files.createDirectories(md.getParent());
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            Files.write(md, utf8);
            Files.setLastModifiedTime(md, FileTime.fromMillis(LONG_AGO));
            entries.add(new IndexFile.Entry(id, name, false, null, false, 100 + i, bytes.length, name, true,
                    stamped ? utf8.length : -1, stamped ? LONG_AGO : -1,
                    stamped ? FileStamp.Attributes.of(md).change() : -1, DebouncedWriter.hashOf(text)));
        }
        IndexFile.write(paths.weftDir().resolve("index"), entries);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        try (Vault vault = Vault.open(dir, TestVaults.fast())) {
            long ms = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
            if (vault.replicaOpens() != 0 || vault.notes().size() != notes) {
                throw new IllegalStateException("replicas opened: " + vault.replicaOpens());
            }
            return ms;
        }
    }
}
