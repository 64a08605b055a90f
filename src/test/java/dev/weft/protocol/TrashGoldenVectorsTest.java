package dev.weft.protocol;

import static dev.weft.protocol.SeedGoldenVectorsTest.DOC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The vectors of docs/protocol.md §9, the trash messages (ext). */
class TrashGoldenVectorsTest {
    private final MessageCodec codec = new MessageCodec();

    @Test
    void trashWithItsBatch() throws Exception {
        byte[] bytes = Hex.bytes(
                "06",                                   // header: sync_doc_trash_batch
                "0123456789abcdef fedcba9876543210",    // u128 document_id
                "0000000000000063",                     // u64 known_at = 99
                "0102030405060708");                    // u64 batch
        check(bytes, new SyncDocTrashBatch(DOC, 99, 0x0102030405060708L));
    }

    @Test
    void purge() throws Exception {
        check(Hex.bytes("07", "0123456789abcdef fedcba9876543210"), new SyncDocPurge(DOC));
    }

    @Test
    void trashInfoInTheTrashAndUndoneByAnEdit() throws Exception {
        byte[] inTrash = Hex.bytes(
                "26",                                   // header: sync_doc_trash_info (38)
                "0123456789abcdef fedcba9876543210",    // u128 document_id
                "00060a24181e4000",                     // u64 trashed_at = 1_700_000_000_000_000
                "0102030405060708",                     // u64 batch
                "70686f6e65 0a",                        // trashed_by "phone"
                "0a");                                  // edited_by "": still in the trash
        byte[] undone = Hex.bytes(
                "26",
                "0123456789abcdef fedcba9876543210",
                "00060a24181e4000",
                "0102030405060708",
                "70686f6e65 0a",                        // trashed_by "phone"
                "6c6170746f70 0a");                     // edited_by "laptop"
        check(inTrash, new SyncDocTrashInfo(DOC, 1_700_000_000_000_000L, 0x0102030405060708L, "phone", ""));
        check(undone, new SyncDocTrashInfo(DOC, 1_700_000_000_000_000L, 0x0102030405060708L, "phone", "laptop"));
        assertThat(((SyncDocTrashInfo) codec.decodeFrame(undone).get(0)).undoneByEdit()).isTrue();
    }

    @Test
    void purged() throws Exception {
        check(Hex.bytes("27", "0123456789abcdef fedcba9876543210", "00060a24181e4001"),
                new SyncDocPurged(DOC, 1_700_000_000_000_001L));
    }

    @Test
    void anEmptyTrashingDeviceIsRefused() {
        byte[] bytes = Hex.bytes("26", "0123456789abcdef fedcba9876543210", "0000000000000001", "0000000000000000",
                "0a", "0a");
        assertThatThrownBy(() -> codec.decodeFrame(bytes)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void theTrashMessagesAreKnownAsSuch() {
        assertThat(List.of(new SyncDocTrashBatch(DOC, 1, 2), new SyncDocPurge(DOC),
                new SyncDocTrashInfo(DOC, 1, 2, "a", ""), new SyncDocPurged(DOC, 3))).allMatch(TrashForm::isTrash);
        assertThat(TrashForm.isTrash(new SyncDocTrash(DOC))).isFalse();
    }

    private void check(byte[] bytes, Message message) throws Exception {
        assertThat(codec.decodeFrame(bytes)).containsExactly(message);
        assertThat(codec.encode(message)).isEqualTo(bytes);
    }
}
