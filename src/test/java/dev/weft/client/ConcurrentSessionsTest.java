package dev.weft.client;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.OpSink;
import dev.weft.crdt.SequenceDoc;
import dev.weft.vault.NoteReplica;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two devices type, paste and delete at once through live sessions on a real server (65/66
 * forwarding, 69 acks) and must end with the text the CRDT alone gives for the same edits
 * (issue 11 §3). Alice edits before a separator she typed, Bob after it, counting from the end,
 * so every edit means the same whenever the other's ops arrive; Alice also replaces the
 * separator while Bob types right after it, the pattern that once scrambled a merge.
 */
class ConcurrentSessionsTest extends LiveServerTest {
    private static final int[] CODE_POINTS = "abcdefgh ijklmnop.,éß漢😀𝄞".codePoints().toArray();

    private record Device(Vault vault, SyncClient client) {
    }

    private Device device(String name) throws Exception {
        Vault vault = Vault.open(dir.resolve(name), VaultOptions.defaults());
        SyncClient client = new SyncClient(vault, SyncOptions.defaults().withRetry(Duration.ofMillis(50), Duration.ofMillis(300)));
        open.add(vault);
        open.add(client);
        client.pair(server.pairingLink(), name);
        return new Device(vault, client);
    }

    private static NoteReplica replica(Device d, UUID id) {
        try {
            return d.vault().replica(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(SplittableRandom random, int codePoints) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            sb.appendCodePoint(CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void twoSessionsEndWithTheTextOfTheCrdtAlone(long seed) throws Exception {
        Device alice = device("alice");
        Device bob = device("bob");
        String start = "alice's part|bob's part";
        UUID id = alice.vault().create("pad", start).id();
        alice.client().syncOnce(Duration.ofSeconds(60));
        bob.client().syncOnce(Duration.ofSeconds(60));
        // The CRDT alone: one replica per person, the same edits, merged at the end.
        SequenceDoc soloA = new SequenceDoc(1, new SplittableRandom(seed));
        soloA.insert(0, start, OpSink.NONE);
        SequenceDoc soloB = soloA.copy(2, new SplittableRandom(~seed));
        EditingSession sa = alice.client().openSession(id, new SessionListener() { });
        EditingSession sb = bob.client().openSession(id, new SessionListener() { });
        eventually("both sessions live", () -> sa.isLive() && sb.isLive());

        NoteReplica a = replica(alice, id);
        NoteReplica b = replica(bob, id);
        SplittableRandom random = new SplittableRandom(seed);
        int prefix = "alice's part".length(); // Alice's code points before the separator
        int suffix = "bob's part".length(); // Bob's code points after it
        int replaceAt = random.nextInt(40);
        for (int step = 0; step < 40; step++) {
            if (step == replaceAt) { // Alice replaces the separator, Bob types right after it
                a.delete(prefix, 1);
                soloA.delete(prefix, 1, OpSink.NONE);
                String retyped = text(random, 2) + "|";
                a.insert(prefix, retyped);
                soloA.insert(prefix, retyped, OpSink.NONE);
                prefix += retyped.codePointCount(0, retyped.length()) - 1;
                String typed = text(random, 3);
                synchronized (b) {
                    b.insert(b.length() - suffix, typed);
                }
                soloB.insert(soloB.length() - suffix, typed, OpSink.NONE);
                suffix += 3;
                continue;
            }
            int kind = random.nextInt(3);
            if (kind < 2) {
                int at = random.nextInt(prefix + 1);
                String t = text(random, 1 + random.nextInt(kind == 0 ? 1 : 12));
                a.insert(at, t);
                soloA.insert(at, t, OpSink.NONE);
                prefix += t.codePointCount(0, t.length());
            } else if (prefix > 0) {
                int at = random.nextInt(prefix);
                int n = 1 + random.nextInt(Math.min(4, prefix - at));
                a.delete(at, n);
                soloA.delete(at, n, OpSink.NONE);
                prefix -= n;
            }
            kind = random.nextInt(3);
            if (kind < 2) {
                int fromEnd = random.nextInt(suffix + 1);
                String t = text(random, 1 + random.nextInt(kind == 0 ? 1 : 12));
                synchronized (b) {
                    b.insert(b.length() - fromEnd, t);
                }
                soloB.insert(soloB.length() - fromEnd, t, OpSink.NONE);
                suffix += t.codePointCount(0, t.length());
            } else if (suffix > 0) {
                int fromEnd = 1 + random.nextInt(suffix);
                int n = 1 + random.nextInt(Math.min(4, fromEnd));
                synchronized (b) {
                    b.delete(b.length() - fromEnd, n);
                }
                soloB.delete(soloB.length() - fromEnd, n, OpSink.NONE);
                suffix -= n;
            }
        }
        SequenceDoc merged = soloA.copy(255, new SplittableRandom(0));
        soloB.forEachAtom((keys, offset, depth, codePoint) -> {
            dev.weft.crdt.Pid pid = dev.weft.crdt.Pid.ofRange(keys, offset, depth);
            if (codePoint < 0) {
                merged.applyDelete(pid);
            } else {
                merged.applyInsert(pid, codePoint);
            }
        });
        String expected = merged.text();
        assertThat(expected.codePointCount(0, expected.length())).isEqualTo(prefix + 1 + suffix);
        eventually("both devices show the CRDT's text", () -> expected.equals(a.text()) && expected.equals(b.text()));
        eventually("the server acknowledged every op",
                () -> a.log().pendingCount() == 0 && b.log().pendingCount() == 0);
        sa.close();
        sb.close();
    }
}
