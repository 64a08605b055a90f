package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import dev.weft.protocol.Limits;
import dev.weft.protocol.MessageCodec;
import dev.weft.protocol.RunForm;
import dev.weft.protocol.SyncDocResponse;
import dev.weft.protocol.SyncDocResponseRuns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A window's answer as runs ({@link Replies#runResponses}): every op once, in order, each message within the limit. */
class RunResponsesTest {
    @Test
    void runsAreCutWhereAMessageIsFull() {
        int limit = 64 * 1024;
        Replies replies = new Replies(limit);
        int[] text = new int[100_000];
        for (int k = 0; k < text.length; k++) {
            text[k] = k % 7 == 0 ? 'é' : k % 11 == 0 ? 0x1F600 : 'a';
        }
        Run big = new Run(new PidRange(Pid.single(3, 1), 2, text.length), text);
        Run small = new Run(new PidRange(Pid.of(Pid.key(3, 500_000), Pid.key(4, 1)), 1, 3), new int[] {'x', 'y', 'z'});
        PidRange deleted = new PidRange(Pid.single(5, 1), 1, 40_000);
        UUID doc = new UUID(3, 3);
        List<SyncDocResponseRuns> out = replies.runResponses(doc, "n", List.of(big, small), List.of(deleted));
        assertThat(out).hasSizeGreaterThan(2);
        MessageCodec codec = new MessageCodec(Limits.DEFAULT.withMaxMessageBytes(limit));
        List<Atom> atoms = new ArrayList<>();
        List<Pid> pids = new ArrayList<>();
        for (SyncDocResponseRuns m : out) {
            assertThat(codec.encode(m).length).isLessThanOrEqualTo(limit);
            SyncDocResponse seed = (SyncDocResponse) RunForm.expand(List.of(m)).get(0);
            atoms.addAll(seed.inserts());
            pids.addAll(seed.deletes());
        }
        List<Atom> expected = new ArrayList<>(big.atoms());
        expected.addAll(small.atoms());
        assertThat(atoms).isEqualTo(expected);
        assertThat(pids).hasSize(deleted.count()).startsWith(deleted.first()).endsWith(deleted.last());
        assertThat(Arrays.asList(out.get(out.size() - 1).deletes().toArray())).isNotEmpty();
    }
}
