package dev.weft.vault;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** Replicas for tests: seeded pids, a fixed clock, no compaction unless asked for. */
final class TestReplicas {
    static final UUID DOC = UUID.fromString("0b0e5a5e-1111-4222-8333-444455556666");
    static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-02T03:04:05.123456Z"));

    private TestReplicas() {
    }

    static ReplicaOptions options(int site, long seed) {
        return new ReplicaOptions(site, new SplittableRandom(seed), CLOCK, Long.MAX_VALUE, Duration.ofSeconds(1));
    }

    static NoteReplica open(Path vault) throws IOException {
        return NoteReplica.open(new VaultPaths(vault), DOC, options(1, 7));
    }

    static NoteReplica open(Path vault, ReplicaOptions options) throws IOException {
        return NoteReplica.open(new VaultPaths(vault), DOC, options);
    }

    static Path logFile(Path vault) {
        return new VaultPaths(vault).latestOps(DOC);
    }

    /** The pending set as short strings ("I3 x", "D5", "R7 name"): easy to compare and to read in a failure. */
    static List<String> describe(List<LocalOp> ops) {
        return ops.stream().map(TestReplicas::describe).toList();
    }

    static String describe(LocalOp op) {
        if (op instanceof LocalOp.Insert i) {
            return "I" + i.seq() + " " + Character.toString(i.atom().codePoint());
        } else if (op instanceof LocalOp.Delete d) {
            return "D" + d.seq();
        }
        return "R" + op.seq() + " " + ((LocalOp.Rename) op).name();
    }

    static Atom atom(int site, long ident, char c) {
        return new Atom(Pid.single(site, ident), c);
    }
}
