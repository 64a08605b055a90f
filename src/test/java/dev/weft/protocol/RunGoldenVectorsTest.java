package dev.weft.protocol;

import static dev.weft.protocol.SeedGoldenVectorsTest.DOC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Pid;
import dev.weft.crdt.PidRange;
import dev.weft.crdt.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vectors of the run messages of docs/protocol.md §8 (ext), decoded and encoded both ways. */
class RunGoldenVectorsTest {
    private final MessageCodec codec = new MessageCodec();

    static Pid pid(long... siteIdent) {
        long[] keys = new long[siteIdent.length / 2];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Pid.key((int) siteIdent[2 * i], siteIdent[2 * i + 1]);
        }
        return Pid.of(keys);
    }

    static Run run(Pid first, long stride, String text) {
        int[] cps = text.codePoints().toArray();
        return new Run(new PidRange(first, stride, cps.length), cps);
    }

    @Test
    void syncDocResponseRuns() throws Exception {
        byte[] bytes = Hex.bytes(
                "25",                                   // header: sync_doc_response_runs (37)
                "0123456789abcdef fedcba9876543210",    // u128 document_id
                "6e 0a",                                // name "n" + \n
                "02",                                   // varint number_of_insert_runs = 2
                "8110",                                 // shape 2049 = (3-1)*1024 + keep 0 + step 0 + more 1
                "02 0100000005 020000000a",             // u8 fresh 2, pairs (1,5) (2,10)
                "07",                                   // varint stride 7: pids (1,5)(2,10) (1,5)(2,17) (1,5)(2,24)
                "616263",                               // text "abc"
                "06",                                   // shape 6: count 1, keep 1 pair of (1,5)(2,24), step, no fresh
                "10",                                   // varint ident step 16: (1,5)(2,40)
                "64",                                   // text "d"
                "02",                                   // varint number_of_delete_ranges = 2
                "8108",                                 // shape 1025: count 2, keep 0, more
                "01 0100000003",                        // u8 fresh 1, pair (1,3)
                "01",                                   // varint stride 1: pids (1,3) (1,4)
                "01",                                   // shape 1: count 1, keep 0, no step (site 2 is not 1), more
                "01 0200000009");                       // u8 fresh 1, pair (2,9)
        SyncDocResponseRuns m = new SyncDocResponseRuns(DOC, "n",
                List.of(run(pid(1, 5, 2, 10), 7, "abc"), run(pid(1, 5, 2, 40), 1, "d")),
                List.of(new PidRange(pid(1, 3), 1, 2), new PidRange(pid(2, 9), 1, 1)));
        assertThat(decodeOne(bytes)).isEqualTo(m);
        assertThat(codec.encode(m)).isEqualTo(bytes);
    }

    @Test
    void syncDocUpsertRuns() throws Exception {
        byte[] bytes = Hex.bytes(
                "05",                                   // header: sync_doc_upsert_runs (5)
                "0123456789abcdef fedcba9876543210",    // u128 document_id
                "6e 0a",                                // name "n" + \n
                "0000000000000007",                     // u64 last_sync_time = 7
                "01",                                   // varint number_of_insert_runs = 1
                "01 01 0200000001",                     // shape 1 (count 1, more), u8 fresh 1, pair (2,1)
                "c3a9",                                 // text "é"
                "00");                                  // varint number_of_delete_ranges = 0
        SyncDocUpsertRuns m = new SyncDocUpsertRuns(DOC, "n", 7, List.of(run(pid(2, 1), 1, "é")), List.of());
        assertThat(decodeOne(bytes)).isEqualTo(m);
        assertThat(codec.encode(m)).isEqualTo(bytes);
    }

    @Test
    void sessionInsertRunsAndDeleteRanges() throws Exception {
        byte[] inserts = Hex.bytes(
                "48",                                   // header: session_insert_runs (72)
                "02",                                   // u8 site 2
                "01",                                   // varint number_of_insert_runs = 1
                "8110 02 0100000005 020000000a 07",     // count 3, pids (1,5)(2,10) stride 7
                "616263");                              // text "abc"
        byte[] deletes = Hex.bytes(
                "49",                                   // header: session_delete_ranges (73)
                "03",                                   // u8 site 3 (the deleter)
                "01",                                   // varint number_of_delete_ranges = 1
                "8108 01 0100000003 01");               // count 2, pid (1,3), stride 1
        SessionInsertRuns i = new SessionInsertRuns(2, List.of(run(pid(1, 5, 2, 10), 7, "abc")));
        SessionDeleteRanges d = new SessionDeleteRanges(3, List.of(new PidRange(pid(1, 3), 1, 2)));
        assertThat(decodeOne(inserts)).isEqualTo(i);
        assertThat(decodeOne(deletes)).isEqualTo(d);
        assertThat(codec.encode(i)).isEqualTo(inserts);
        assertThat(codec.encode(d)).isEqualTo(deletes);
    }

    @Test
    void runMessagesStandForTheSeedMessages() {
        SessionInsertRuns i = new SessionInsertRuns(2, List.of(run(pid(1, 5, 2, 10), 7, "abc")));
        assertThat(RunForm.expand(List.of(i))).containsExactly(
                new SessionInsert(2, new dev.weft.crdt.Atom(pid(1, 5, 2, 10), 'a')),
                new SessionInsert(2, new dev.weft.crdt.Atom(pid(1, 5, 2, 17), 'b')),
                new SessionInsert(2, new dev.weft.crdt.Atom(pid(1, 5, 2, 24), 'c')));
        assertThat(RunForm.ops(i)).isEqualTo(3);
    }

    private Message decodeOne(byte[] bytes) throws ProtocolException {
        List<Message> frame = codec.decodeFrame(bytes);
        assertThat(frame).hasSize(1);
        return frame.get(0);
    }
}
