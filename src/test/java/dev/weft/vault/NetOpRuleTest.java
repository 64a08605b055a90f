package dev.weft.vault;

import static dev.weft.vault.TestReplicas.atom;
import static dev.weft.vault.TestReplicas.describe;
import static dev.weft.vault.TestReplicas.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The net-op rule, row by row: each script must leave exactly the expected pending set live, after
 * a reopen without close (a kill), and after a compaction and reopen.
 */
class NetOpRuleTest {
    @TempDir
    Path dir;

    @FunctionalInterface
    interface Script {
        void run(NoteReplica r) throws IOException;
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                row("an unsent insert that is deleted is dropped with no delete",
                        r -> {
                            r.insert(0, "a");
                            r.delete(0, 1);
                        }),
                row("a sent insert that is deleted sends its delete too",
                        r -> {
                            r.insert(0, "a");
                            r.log().markSent(1);
                            r.delete(0, 1);
                        }, "I1 a", "D2"),
                row("takeToSend marks what it takes sent in the same step: a delete right after is sent",
                        r -> {
                            r.insert(0, "a");
                            assertThat(r.log().takeToSend(false)).hasSize(1);
                            r.delete(0, 1);
                            assertThat(r.log().takeToSend(false)).hasSize(1);
                        }, "I1 a", "D2"),
                row("an acknowledged insert that is deleted sends only the delete",
                        r -> {
                            r.insert(0, "a");
                            r.log().markSent(1);
                            r.log().acknowledge(1);
                            r.delete(0, 1);
                        }, "D2"),
                row("a delete of a remote atom is pending",
                        r -> {
                            r.applyRemoteInsert(atom(9, 5, 'z'));
                            r.delete(0, 1);
                        }, "D1"),
                row("in a run sent halfway, the unsent part cancels and the sent part sends deletes",
                        r -> {
                            r.insert(0, "abc");
                            r.log().markSent(2);
                            r.delete(0, 3);
                        }, "I1 a", "I2 b", "D4", "D5"),
                row("acknowledgements trim the pending set",
                        r -> {
                            r.insert(0, "abc");
                            r.log().markSent(3);
                            r.log().acknowledge(2);
                        }, "I3 c"),
                row("a later rename replaces a pending one, sent or not",
                        r -> {
                            r.rename("draft");
                            r.log().markSent(1);
                            r.insert(0, "x");
                            r.rename("final");
                        }, "I2 x", "R3 final"),
                row("an acknowledged rename leaves the pending set",
                        r -> {
                            r.rename("draft");
                            r.log().acknowledge(1);
                        }),
                row("a sent rename leaves the pending set when the server sends another name: it must not be sent again",
                        r -> {
                            r.applyRemoteName("start");
                            r.rename("draft");
                            r.log().markSent(1);
                            r.applyRemoteName("newer");
                        }),
                row("a sent rename stays pending when the server sends the name known before it",
                        r -> {
                            r.applyRemoteName("start");
                            r.rename("draft");
                            r.log().markSent(1);
                            r.applyRemoteName("start");
                        }, "R1 draft"),
                row("an unsent rename stays pending whatever name the server sends",
                        r -> {
                            r.applyRemoteName("start");
                            r.rename("draft");
                            r.applyRemoteName("newer");
                        }, "R1 draft"),
                row("ops typed after a cancelled pair keep their own seqs",
                        r -> {
                            r.insert(0, "ab");
                            r.delete(1, 1);
                            r.insert(1, "c");
                        }, "I1 a", "I4 c"));
    }

    private static Arguments row(String rule, Script script, String... pending) {
        return Arguments.of(rule, script, List.of(pending));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void livePendingSetFollowsTheRule(String rule, Script script, List<String> expected) throws IOException {
        try (NoteReplica r = open(dir)) {
            script.run(r);
            assertThat(describe(r.log().pending())).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void replayRebuildsTheSamePendingSet(String rule, Script script, List<String> expected) throws IOException {
        NoteReplica killed = open(dir);
        script.run(killed);
        try (NoteReplica r = open(dir)) {
            assertThat(describe(r.log().pending())).isEqualTo(expected);
        }
        killed.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void compactionKeepsThePendingSetAndItsMarks(String rule, Script script, List<String> expected)
            throws IOException {
        long sent;
        long acked;
        try (NoteReplica r = open(dir)) {
            script.run(r);
            sent = r.log().sentThrough();
            acked = r.log().acknowledgedThrough();
            r.compact();
            assertThat(describe(r.log().pending())).isEqualTo(expected);
        }
        try (NoteReplica r = open(dir)) {
            assertThat(describe(r.log().pending())).isEqualTo(expected);
            assertThat(r.log().sentThrough()).isEqualTo(sent);
            assertThat(r.log().acknowledgedThrough()).isEqualTo(acked);
        }
    }

    @Test
    void aSentMarkSurvivesCompactionSoALaterDeleteIsStillSent() throws IOException {
        try (NoteReplica r = open(dir)) {
            r.insert(0, "ab");
            r.log().markSent(1);
            r.compact();
        }
        try (NoteReplica r = open(dir)) {
            r.delete(0, 2);
            assertThat(describe(r.log().pending())).containsExactly("I1 a", "D3");
        }
    }

    @Test
    void anAcknowledgedRenameIsTheNameUnlessTheServerAnsweredWithAnother() throws IOException {
        try (NoteReplica r = open(dir)) {
            r.rename("draft");
            r.log().acknowledge(1);
            assertThat(r.name()).hasValue("draft");
            r.rename("Inbox");
            r.applyRemoteName("Inbox (2)");
            assertThat(r.name()).as("a pending rename shows until acknowledged").hasValue("Inbox");
            r.compact();
        }
        try (NoteReplica r = open(dir)) {
            assertThat(r.name()).hasValue("Inbox");
            r.log().acknowledge(2);
            assertThat(r.name()).hasValue("Inbox (2)");
            r.compact();
        }
        try (NoteReplica r = open(dir)) {
            assertThat(r.name()).hasValue("Inbox (2)");
        }
    }

    @Test
    void unsentIsThePendingSetAboveTheSentMark() throws IOException {
        try (NoteReplica r = open(dir)) {
            r.insert(0, "abcd");
            r.log().markSent(2);
            assertThat(describe(r.log().unsent())).containsExactly("I3 c", "I4 d");
            r.log().markSent(1);
            assertThat(r.log().sentThrough()).as("marks never go back").isEqualTo(2);
        }
    }

    @Test
    void listenersHearAfterTheAppendWhatEnteredThePendingSet() throws IOException {
        try (NoteReplica r = open(dir)) {
            List<List<String>> heard = new ArrayList<>();
            r.log().addListener(ops -> {
                try {
                    assertThat(Files.size(r.log().file())).as("written before the listener runs")
                            .isEqualTo(r.log().sizeBytes());
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                heard.add(describe(ops));
            });
            r.insert(0, "ab");
            r.delete(0, 1);
            r.log().markSent(2);
            r.delete(0, 1);
            assertThat(heard).containsExactly(List.of("I1 a", "I2 b"), List.of(), List.of("D4"));
        }
    }
}
