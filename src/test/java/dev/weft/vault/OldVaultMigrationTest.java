package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Pid;
import dev.weft.protocol.StructureFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vault written by the code before runs on disk ({@link SeedVaultFixture}: a structure file in
 * the seed's layout, logs of one record per character, a note typed, acknowledged, edited from
 * another site, current to 100, then typed on offline and partly sent; a note never sent) opens
 * with the same texts, pending ops, marks and times, and is rewritten in the new layout on that
 * first open.
 */
class OldVaultMigrationTest {
    private static final UUID SYNCED = UUID.fromString("ef05c65a-0b85-4a39-a60f-fc8d2193ca42");
    private static final UUID FRESH = UUID.fromString("d9a43fef-5e4b-4137-a757-c9f55a3761c9");

    @TempDir
    Path folder;

    /** What the code before runs reads from the fixture (printed with that code's jar). */
    private record Seen(int pending, long sent, long acked, long last, long time, int atoms, int unsent) {
        static Seen of(NoteReplica r) {
            RecordLog log = r.log();
            return new Seen(log.pendingCount(), log.sentThrough(), log.acknowledgedThrough(), log.lastSeq(),
                    log.syncTime(), r.atomCount(), log.unsent().size());
        }
    }

    private static final Map<UUID, Seen> BEFORE = Map.of(
            SYNCED, new Seen(19, 415, 406, 425, 100, 444, 10),
            FRESH, new Seen(27, 0, 0, 37, 0, 31, 27));

    @Test
    void anOldVaultOpensAsItWasAndIsRewrittenInRuns() throws Exception {
        copyFixture();
        Path docs = folder.resolve(".weft/docs");
        byte[] oldStructure = Files.readAllBytes(docs.resolve(SYNCED + ".md.structure"));
        assertThat(StructureFile.isCurrentLayout(oldStructure)).isFalse();
        long oldLogBytes = Files.size(docs.resolve(SYNCED + ".md.latest_ops"));
        Map<UUID, String> texts = Map.of(SYNCED, Files.readString(folder.resolve("synced.md")),
                FRESH, Files.readString(folder.resolve("fresh.md")));

        List<Pid> pendingPids;
        TestVaults.Recorder recorder = new TestVaults.Recorder();
        try (Vault vault = TestVaults.open(folder)) {
            vault.addListener(recorder);
            assertThat(vault.notes()).extracting(NoteInfo::name).containsExactlyInAnyOrder("synced", "fresh");
            for (UUID id : List.of(SYNCED, FRESH)) {
                vault.withReplica(id, r -> {
                    assertThat(r.text()).isEqualTo(texts.get(id));
                    assertThat(Seen.of(r)).isEqualTo(BEFORE.get(id));
                    return null;
                });
            }
            pendingPids = vault.withReplica(SYNCED, r -> r.log().pending().stream()
                    .filter(op -> op instanceof LocalOp.Insert).map(op -> ((LocalOp.Insert) op).atom().pid()).toList());
            assertThat(recorder.heard).noneMatch(heard -> heard.startsWith("problem"));
        }

        byte[] newStructure = Files.readAllBytes(docs.resolve(SYNCED + ".md.structure"));
        assertThat(StructureFile.isCurrentLayout(newStructure)).isTrue();
        assertThat(newStructure.length).isLessThan(oldStructure.length);
        assertThat(Files.size(docs.resolve(SYNCED + ".md.latest_ops"))).isLessThan(oldLogBytes / 4);

        try (Vault vault = TestVaults.open(folder)) {
            for (UUID id : List.of(SYNCED, FRESH)) {
                vault.withReplica(id, r -> {
                    assertThat(r.text()).isEqualTo(texts.get(id));
                    assertThat(Seen.of(r)).isEqualTo(BEFORE.get(id));
                    return null;
                });
            }
            List<Pid> again = vault.withReplica(SYNCED, r -> r.log().pending().stream()
                    .filter(op -> op instanceof LocalOp.Insert).map(op -> ((LocalOp.Insert) op).atom().pid()).toList());
            assertThat(again).isEqualTo(pendingPids).hasSize(19);
        }
    }

    private void copyFixture() throws IOException, URISyntaxException {
        Path fixture = Path.of(getClass().getResource("/vault-before-runs").toURI());
        try (Stream<Path> files = Files.walk(fixture)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                Path target = folder.resolve(fixture.relativize(file).toString().replace("dot-weft", ".weft"));
                try {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
