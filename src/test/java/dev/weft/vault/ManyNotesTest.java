package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.vault.text.DebouncedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vault of 10,000 notes lists them from its index: reopening loads no structure and replays no
 * log. The notes' files and the index are made here directly (a log of a name and a few remote
 * inserts each, the {@code .md}, an index line), since making 10,000 notes through replicas would
 * fsync each one twice; the smaller tests show the vault writing such an index itself.
 */
class ManyNotesTest {
    private static final int NOTES = 10_000;

    @TempDir
    Path dir;

    @Test
    void tenThousandNotesOpenWithoutOpeningAReplica() throws IOException {
        VaultPaths paths = new VaultPaths(dir);
        Files.createDirectories(paths.docsDir());
        long setup = System.nanoTime();
        List<IndexFile.Entry> entries = new ArrayList<>();
        for (int i = 0; i < NOTES; i++) {
            UUID id = new UUID(0x4000L, i);
            String name = "folder " + (i % 100) + "/note " + i;
            String text = "note " + i + "\n";
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
            Files.writeString(md, text, StandardCharsets.UTF_8);
            FileStamp.Attributes attrs = FileStamp.Attributes.of(md);
            entries.add(new IndexFile.Entry(id, name, false, null, false, 100 + i, bytes.length, name, true,
                    attrs.size(), attrs.mtime(), attrs.change(), DebouncedWriter.hashOf(text)));
        }
        IndexFile.write(paths.weftDir().resolve("index"), entries);

        System.out.printf("vault: setup %d ms%n", (System.nanoTime() - setup) / 1_000_000);
        long t1 = System.nanoTime();
        try (Vault vault = TestVaults.open(dir)) {
            long reopen = System.nanoTime() - t1;
            assertThat(vault.notes()).hasSize(NOTES);
            assertThat(vault.replicaOpens()).isZero();
            assertThat(vault.syncTime(new UUID(0x4000L, 17))).isEqualTo(117);
            assertThat(vault.withPendingOps()).isEmpty();
            System.out.printf("vault: %,d notes in 100 folders: reopen %d ms%n", NOTES, reopen / 1_000_000);
        }
    }
}
