package dev.weft.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The records refuse values that cannot be encoded, so every instance is a valid message. */
class MessageRecordsTest {
    private static final UUID DOC = new UUID(1, 2);
    private static final Pid PID = Pid.single(7, 5);

    @Test
    void sitesMustBeOneTo255() {
        assertThatThrownBy(() -> new SessionDelete(0, PID)).hasMessageContaining("site 0 outside 1..255");
        assertThatThrownBy(() -> new SessionReady(256, 1)).hasMessageContaining("site 256");
        assertThatThrownBy(() -> new SessionPeer(-1, true, "x")).hasMessageContaining("site -1");
        assertThatThrownBy(() -> new SessionCursor(0, null)).hasMessageContaining("site 0");
        assertThat(new SessionCursor(255, null).pidOrNull()).isNull();
    }

    @Test
    void anInsertIsSentByTheSiteOfItsLastPair() {
        Atom atom = new Atom(Pid.of(Pid.key(3, 1), Pid.key(7, 5)), 'x');
        assertThat(new SessionInsert(7, atom).site()).isEqualTo(7);
        assertThatThrownBy(() -> new SessionInsert(3, atom)).hasMessageContaining("is not the site of the inserted pid");
    }

    @Test
    void errorCodeIsU16AndTextHasNoControlCharacters() {
        assertThat(new SyncError(DOC, 0, "").code()).isZero();
        assertThatThrownBy(() -> new SyncError(DOC, 65536, "x")).hasMessageContaining("code 65536");
        assertThatThrownBy(() -> new SyncError(DOC, -1, "x")).hasMessageContaining("code -1");
        assertThatThrownBy(() -> new SyncError(DOC, 1, "a\nb")).hasMessageContaining("control character");
        assertThatThrownBy(() -> new SyncError(DOC, 1, "x".repeat(1025))).hasMessageContaining("1025 bytes");
    }

    @Test
    void deviceNamesAreOneTo255Bytes() {
        assertThat(new SessionPeer(1, false, "é".repeat(127)).deviceName()).hasSize(127);
        assertThatThrownBy(() -> new SessionPeer(1, false, "")).hasMessageContaining("0 bytes");
        assertThatThrownBy(() -> new SessionPeer(1, false, "é".repeat(128))).hasMessageContaining("256 bytes");
        assertThatThrownBy(() -> new SessionPeer(1, false, "a\tb")).hasMessageContaining("control character");
    }

    @Test
    void namesAreWellFormedTextWhosePathRulesTheReceiverChecks() {
        assertThatThrownBy(() -> new NameChange("a\nb")).hasMessageContaining("control character");
        assertThatThrownBy(() -> new SyncDocResponse(DOC, "", List.of(), List.of())).hasMessageContaining("0 bytes");
        assertThatThrownBy(() -> new SyncDocUpsert(DOC, "x".repeat(1025), 0, List.of(), List.of()))
                .hasMessageContaining("1025 bytes");
        // A bad path is a per-document error the server answers with 36 (docs/protocol.md §4).
        assertThat(new NameChange("../etc").name()).isEqualTo("../etc");
        assertThat(NoteNames.validate("../etc")).isPresent();
    }

    @Test
    void missingFieldsAreRefused() {
        assertThatThrownBy(() -> new SyncDocPull(null, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SyncDocTrash(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SessionDelete(1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SyncDocResponse(DOC, "a", null, List.of())).isInstanceOf(NullPointerException.class);
        List<Pid> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> new SyncDocResponse(DOC, "a", List.of(), withNull)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void listsAreCopiedAndImmutable() {
        List<Atom> inserts = new ArrayList<>(List.of(new Atom(PID, 'a')));
        List<SynclistResponse.Entry> entries = new ArrayList<>(List.of(new SynclistResponse.Entry(1, DOC)));
        SyncDocUpsert upsert = new SyncDocUpsert(DOC, "a", 0, inserts, List.of());
        SynclistResponse list = new SynclistResponse(entries);
        inserts.clear();
        entries.clear();
        assertThat(upsert.inserts()).hasSize(1);
        assertThat(list.entries()).hasSize(1);
        assertThatThrownBy(() -> upsert.inserts().add(new Atom(PID, 'b'))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void eachRecordAnswersItsTypeCode() {
        assertThat(SampleFrames.messages()).extracting(Message::type).containsExactly(
                0, 1, 2, 3, 4, 32, 33, 34, 36, 64, 65, 66, 67, 68, 69, 70, 71, 5, 37, 72, 73);
    }
}
