package dev.weft.protocol;

import static dev.weft.protocol.SeedGoldenVectorsTest.DOC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Pid;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-written vectors for the extension messages of docs/protocol.md (marked (ext) there). */
class ExtensionGoldenVectorsTest {
    private final MessageCodec codec = new MessageCodec();

    @Test
    void syncDocTrashAndRestore() throws Exception {
        byte[] trash = Hex.bytes(
                "03",                                   // header: sync_doc_trash
                "0123456789abcdef fedcba9876543210");   // u128 document_id
        byte[] restore = Hex.bytes(
                "04",                                   // header: sync_doc_restore
                "0123456789abcdef fedcba9876543210");   // u128 document_id
        assertThat(decodeOne(trash)).isEqualTo(new SyncDocTrash(DOC));
        assertThat(decodeOne(restore)).isEqualTo(new SyncDocRestore(DOC));
        assertThat(codec.encode(new SyncDocTrash(DOC))).isEqualTo(trash);
        assertThat(codec.encode(new SyncDocRestore(DOC))).isEqualTo(restore);
    }

    @Test
    void syncDocDoneCarriesTheTrashedFlag() throws Exception {
        byte[] trashed = Hex.bytes(
                "22",                                   // header: sync_doc_done (34)
                "0123456789abcdef fedcba9876543210",    // u128 document_id
                "00060a24181e4000",                     // u64 sync_time = 1_700_000_000_000_000
                "01");                                  // u8 flags: bit 0 trashed
        byte[] alive = Hex.bytes(
                "22",                                   // header: sync_doc_done
                "0123456789abcdef fedcba9876543210",    // u128 document_id
                "0000000000000001",                     // u64 sync_time = 1
                "00");                                  // u8 flags: none
        SyncDocDone m = (SyncDocDone) decodeOne(trashed);
        assertThat(m.documentId()).isEqualTo(DOC);
        assertThat(m.syncTime()).isEqualTo(1_700_000_000_000_000L);
        assertThat(m.trashed()).isTrue();
        assertThat(decodeOne(alive)).isEqualTo(new SyncDocDone(DOC, 1, false));
        assertThat(codec.encode(m)).isEqualTo(trashed);
        assertThat(codec.encode(new SyncDocDone(DOC, 1, false))).isEqualTo(alive);
    }

    @Test
    void syncErrorWithAndWithoutText() throws Exception {
        byte[] notFound = Hex.bytes(
                "24",                                   // header: sync_error (36)
                "0123456789abcdef fedcba9876543210",    // u128 document_id
                "0194",                                 // u16 code = 404
                "6e6f7420666f756e64 0a");               // "not found" + \n
        byte[] bare = Hex.bytes(
                "24",                                   // header: sync_error
                "00000000000000000000000000000000",     // u128 document_id: none
                "ffff",                                 // u16 code = 65535
                "0a");                                  // "" + \n
        SyncError m = (SyncError) decodeOne(notFound);
        assertThat(m.documentId()).isEqualTo(DOC);
        assertThat(m.code()).isEqualTo(404);
        assertThat(m.message()).isEqualTo("not found");
        assertThat(decodeOne(bare)).isEqualTo(new SyncError(SyncError.NO_DOCUMENT, 65535, ""));
        assertThat(codec.encode(m)).isEqualTo(notFound);
        assertThat(codec.encode(new SyncError(SyncError.NO_DOCUMENT, 65535, ""))).isEqualTo(bare);
    }

    @Test
    void syncErrorDiskFull() throws Exception {
        byte[] full = Hex.bytes(
                "24",                                   // header: sync_error (36)
                "0123456789abcdef fedcba9876543210",    // u128 document_id
                "01fb",                                 // u16 code = 507
                "746865207365727665722773206469736b2069732066756c6c 0a"); // "the server's disk is full" + \n
        assertThat(decodeOne(full)).isEqualTo(new SyncError(DOC, SyncError.DISK_FULL, "the server's disk is full"));
        assertThat(codec.encode(new SyncError(DOC, SyncError.DISK_FULL, "the server's disk is full"))).isEqualTo(full);
    }

    /** protocol.md §4: a write to, or a pull of damaged pages from, a damaged store. */
    @Test
    void syncErrorStoreDamaged() throws Exception {
        String text = "the server's store is damaged: it is read-only until repaired";
        byte[] damaged = Hex.bytes(
                "24",                                   // header: sync_error (36)
                "0123456789abcdef fedcba9876543210",    // u128 document_id
                "01f4",                                 // u16 code = 500
                "7468652073657276657227732073746f72652069732064616d616765643a20",
                "697420697320726561642d6f6e6c7920756e74696c207265706169726564 0a");
        assertThat(decodeOne(damaged)).isEqualTo(new SyncError(DOC, SyncError.STORE_DAMAGED, text));
        assertThat(codec.encode(new SyncError(DOC, SyncError.STORE_DAMAGED, text))).isEqualTo(damaged);
    }

    /** protocol.md §4: the answer for a document whose stored name breaks the name rule. */
    @Test
    void syncErrorNameNotSendable() throws Exception {
        String text = "its name '.x' is not a valid note name (segment .x starts with a dot: hidden, not part of the vault)";
        byte[] bytes = Hex.bytes(
                "24",                                   // header: sync_error (36)
                "0123456789abcdef fedcba9876543210",    // u128 document_id
                "01a6",                                 // u16 code = 422
                "697473206e616d6520272e7827206973206e6f7420612076616c6964206e6f7465206e616d6520",
                "287365676d656e74202e78207374617274732077697468206120646f743a2068696464656e2c20",
                "6e6f742070617274206f6620746865207661756c7429 0a"); // the text + \n
        assertThat(decodeOne(bytes)).isEqualTo(new SyncError(DOC, SyncError.NAME_NOT_SENDABLE, text));
        assertThat(codec.encode(new SyncError(DOC, SyncError.NAME_NOT_SENDABLE, text))).isEqualTo(bytes);
    }

    @Test
    void sessionReady() throws Exception {
        byte[] bytes = Hex.bytes(
                "44",                   // header: session_ready (68)
                "0c",                   // u8 site = 12
                "0000000000000100");    // u64 sync_time = 256
        assertThat(decodeOne(bytes)).isEqualTo(new SessionReady(12, 256));
        assertThat(codec.encode(new SessionReady(12, 256))).isEqualTo(bytes);
    }

    @Test
    void sessionAck() throws Exception {
        byte[] bytes = Hex.bytes(
                "45",                   // header: session_ack (69)
                "0000000000000003",     // u64 applied = 3
                "8000000000000000");    // u64 sync_time = 2^63 (unsigned)
        SessionAck m = (SessionAck) decodeOne(bytes);
        assertThat(m.applied()).isEqualTo(3);
        assertThat(m.syncTime()).isEqualTo(Long.MIN_VALUE);
        assertThat(codec.encode(m)).isEqualTo(bytes);
    }

    @Test
    void sessionPeerWithAccentedDeviceName() throws Exception {
        byte[] bytes = Hex.bytes(
                "46",                                   // header: session_peer (70)
                "02",                                   // u8 site = 2
                "01",                                   // u8 present = 1
                "5a6f c3ab 27 73 206c6170746f70 0a");   // "Zoë's laptop" + \n
        assertThat(decodeOne(bytes)).isEqualTo(new SessionPeer(2, true, "Zoë's laptop"));
        assertThat(codec.encode(new SessionPeer(2, true, "Zoë's laptop"))).isEqualTo(bytes);
    }

    @Test
    void sessionCursorAtStartAndAfterAnAtom() throws Exception {
        byte[] atStart = Hex.bytes(
                "47",           // header: session_cursor (71)
                "02",           // u8 site = 2
                "00");          // u8 pid_depth = 0: start of document
        byte[] afterAtom = Hex.bytes(
                "47",                           // header: session_cursor
                "02",                           // u8 site = 2
                "02 03 00000010 07 00000005");  // pid depth 2: (3, 16) (7, 5)
        assertThat(decodeOne(atStart)).isEqualTo(new SessionCursor(2, null));
        SessionCursor m = (SessionCursor) decodeOne(afterAtom);
        assertThat(m.pidOrNull()).isEqualTo(Pid.of(Pid.key(3, 16), Pid.key(7, 5)));
        assertThat(codec.encode(new SessionCursor(2, null))).isEqualTo(atStart);
        assertThat(codec.encode(m)).isEqualTo(afterAtom);
    }

    private Message decodeOne(byte[] bytes) throws ProtocolException {
        List<Message> frame = codec.decodeFrame(bytes);
        assertThat(frame).hasSize(1);
        return frame.get(0);
    }
}
