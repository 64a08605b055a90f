package dev.weft.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Byte vectors written by hand from the layouts in seed/000_a82b1e9e78a0d5bc.txt: each must decode
 * to the expected fields and re-encode to exactly the same bytes.
 */
class SeedGoldenVectorsTest {
    static final UUID DOC = new UUID(0x0123456789abcdefL, 0xfedcba9876543210L);
    static final UUID OTHER = new UUID(0x00000000000000ffL, 0x8000000000000001L);

    private final MessageCodec codec = new MessageCodec();

    @Test
    void synclistCarriesAnUnsignedTime() throws Exception {
        byte[] bytes = Hex.bytes(
                "00",                   // header: synclist
                "fffffffffffffffe");    // u64 last_sync_time = 2^64 - 2
        Synclist m = (Synclist) decodeOne(bytes);
        assertThat(m.lastSyncTime()).isEqualTo(-2L);
        assertThat(Long.toUnsignedString(m.lastSyncTime())).isEqualTo("18446744073709551614");
        assertThat(codec.encode(m)).isEqualTo(bytes);
    }

    @Test
    void syncDocPull() throws Exception {
        byte[] bytes = Hex.bytes(
                "01",                                   // header: sync_doc_pull
                "0123456789abcdef fedcba9876543210",    // u128 document_id: msb, lsb
                "00060a24181e4000");                    // u64 last_sync_time = 1_700_000_000_000_000
        SyncDocPull m = (SyncDocPull) decodeOne(bytes);
        assertThat(m.documentId()).isEqualTo(DOC);
        assertThat(m.lastSyncTime()).isEqualTo(1_700_000_000_000_000L);
        assertThat(codec.encode(m)).isEqualTo(bytes);
    }

    @Test
    void syncDocUpsertWithMultiByteAtomsAndDeepPids() throws Exception {
        byte[] bytes = Hex.bytes(
                "02",                                   // header: sync_doc_upsert
                "0123456789abcdef fedcba9876543210",    // u128 document_id
                "63 61 66 c3a9 2f f09f9880 0a",         // name "café/😀" + \n
                "000000000000002a",                     // u64 last_sync_time = 42
                "0000000000000003",                     // u64 number_of_insert_atoms = 3
                "01 68",                                //   data_len 1, 'h'
                "01 07 00000010",                       //   pid depth 1: (site 7, ident 16)
                "02 c3a9",                              //   data_len 2, 'é'
                "02 07 00000010 03 ffffffff",           //   pid depth 2: (7, 16) (3, 2^32-1)
                "04 f09f9880",                          //   data_len 4, '😀'
                "01 ff 80000000",                       //   pid depth 1: (site 255, ident 2^31)
                "0000000000000001",                     // u64 number_of_delete_atoms = 1
                "02 01 00000000 fe 00000001");          //   pid depth 2: (1, 0) (254, 1)
        SyncDocUpsert m = (SyncDocUpsert) decodeOne(bytes);
        assertThat(m.documentId()).isEqualTo(DOC);
        assertThat(m.name()).isEqualTo("café/😀");
        assertThat(m.lastSyncTime()).isEqualTo(42);
        assertThat(m.inserts()).containsExactly(
                new Atom(Pid.of(Pid.key(7, 16)), 'h'),
                new Atom(Pid.of(Pid.key(7, 16), Pid.key(3, 0xFFFF_FFFFL)), 'é'),
                new Atom(Pid.of(Pid.key(255, 0x8000_0000L)), 0x1F600));
        assertThat(m.inserts().get(1).pid().depth()).isEqualTo(2);
        assertThat(m.deletes()).containsExactly(Pid.of(Pid.key(1, 0), Pid.key(254, 1)));
        assertThat(codec.encode(m)).isEqualTo(bytes);
    }

    @Test
    void synclistResponseWithTwoDocuments() throws Exception {
        byte[] bytes = Hex.bytes(
                "20",                                   // header: synclist_response (32)
                "0000000000000002",                     // u64 number_of_documents = 2
                "0000000000000007",                     //   u64 last_sync_time = 7
                "0123456789abcdef fedcba9876543210",    //   u128 document_id
                "00060a24181e4001",                     //   u64 last_sync_time = 1_700_000_000_000_001
                "00000000000000ff 8000000000000001");   //   u128 document_id
        SynclistResponse m = (SynclistResponse) decodeOne(bytes);
        assertThat(m.entries()).containsExactly(
                new SynclistResponse.Entry(7, DOC),
                new SynclistResponse.Entry(1_700_000_000_000_001L, OTHER));
        assertThat(codec.encode(m)).isEqualTo(bytes);
    }

    @Test
    void emptySynclistResponse() throws Exception {
        byte[] bytes = Hex.bytes(
                "20",                   // header: synclist_response
                "0000000000000000");    // u64 number_of_documents = 0
        assertThat(((SynclistResponse) decodeOne(bytes)).entries()).isEmpty();
        assertThat(codec.encode(new SynclistResponse(List.of()))).isEqualTo(bytes);
    }

    @Test
    void syncDocResponseWithCjkName() throws Exception {
        byte[] bytes = Hex.bytes(
                "21",                                   // header: sync_doc_response (33)
                "0123456789abcdef fedcba9876543210",    // u128 document_id
                "6e6f746573 2f e697a5 e8a898 0a",       // name "notes/日記" + \n
                "0000000000000001",                     // u64 number_of_insert_atoms = 1
                "03 e282ac",                            //   data_len 3, '€'
                "01 05 00001000",                       //   pid depth 1: (5, 4096)
                "0000000000000002",                     // u64 number_of_delete_atoms = 2
                "01 05 00000fff",                       //   pid depth 1: (5, 4095)
                "02 05 00000001 09 00000002");          //   pid depth 2: (5, 1) (9, 2)
        SyncDocResponse m = (SyncDocResponse) decodeOne(bytes);
        assertThat(m.documentId()).isEqualTo(DOC);
        assertThat(m.name()).isEqualTo("notes/日記");
        assertThat(m.inserts()).containsExactly(new Atom(Pid.single(5, 4096), '€'));
        assertThat(m.deletes()).containsExactly(Pid.single(5, 4095), Pid.of(Pid.key(5, 1), Pid.key(9, 2)));
        assertThat(codec.encode(m)).isEqualTo(bytes);
    }

    @Test
    void sessionStart() throws Exception {
        byte[] bytes = Hex.bytes(
                "40",                                   // header: session_start (64)
                "0000000000000000",                     // u64 last_sync_time = 0
                "0123456789abcdef fedcba9876543210");   // u128 document_id
        SessionStart m = (SessionStart) decodeOne(bytes);
        assertThat(m.lastSyncTime()).isZero();
        assertThat(m.documentId()).isEqualTo(DOC);
        assertThat(codec.encode(m)).isEqualTo(bytes);
    }

    @Test
    void sessionInsertOfAnEmojiAtADepthTwoPid() throws Exception {
        byte[] bytes = Hex.bytes(
                "41",                           // header: session_insert (65)
                "07",                           // u8 site = 7
                "04 f09f9880",                  // data_len 4, '😀'
                "02 03 00000010 07 00000005");  // pid depth 2: (3, 16) (7, 5)
        SessionInsert m = (SessionInsert) decodeOne(bytes);
        assertThat(m.site()).isEqualTo(7);
        assertThat(m.atom()).isEqualTo(new Atom(Pid.of(Pid.key(3, 16), Pid.key(7, 5)), 0x1F600));
        assertThat(codec.encode(m)).isEqualTo(bytes);
    }

    @Test
    void sessionDelete() throws Exception {
        byte[] bytes = Hex.bytes(
                "42",               // header: session_delete (66)
                "09",               // u8 site = 9 (the deleting device)
                "01 07 00000005");  // pid depth 1: (7, 5)
        SessionDelete m = (SessionDelete) decodeOne(bytes);
        assertThat(m.site()).isEqualTo(9);
        assertThat(m.pid()).isEqualTo(Pid.single(7, 5));
        assertThat(codec.encode(m)).isEqualTo(bytes);
    }

    @Test
    void nameChange() throws Exception {
        byte[] bytes = Hex.bytes(
                "43",                   // header: name_change (67)
                "49 64 65 65 6e 2f",    // "Ideen/"
                "c39c",                 // 'Ü'
                "62 65 72 73 69 63 68 74 0a"); // "bersicht" + \n
        NameChange m = (NameChange) decodeOne(bytes);
        assertThat(m.name()).isEqualTo("Ideen/Übersicht");
        assertThat(codec.encode(m)).isEqualTo(bytes);
    }

    @Test
    void frameOfSeveralMessagesBackToBack() throws Exception {
        byte[] bytes = Hex.bytes(
                "00 0000000000000005",                  // synclist, last_sync_time 5
                "01 0123456789abcdef fedcba9876543210", // sync_doc_pull, document_id
                "0000000000000000",                     //   last_sync_time 0
                "43 61 0a");                            // name_change "a"
        List<Message> frame = codec.decodeFrame(bytes);
        assertThat(frame).containsExactly(new Synclist(5), new SyncDocPull(DOC, 0), new NameChange("a"));
        assertThat(codec.encode(frame)).isEqualTo(bytes);
    }

    private Message decodeOne(byte[] bytes) throws ProtocolException {
        List<Message> frame = codec.decodeFrame(bytes);
        assertThat(frame).hasSize(1);
        return frame.get(0);
    }
}
