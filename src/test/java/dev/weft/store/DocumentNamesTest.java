package dev.weft.store;

import static dev.weft.store.Ops.text;
import static dev.weft.store.Ops.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentNamesTest {
    @TempDir
    Path dir;
    Store store;

    @BeforeEach
    void open() {
        store = Store.open(dir, new ManualClock(1_000_000));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String create(String name) {
        return upsert(store, UUID.randomUUID(), name, List.of(), List.of()).document().name();
    }

    @Test
    void aTakenNameGetsTheFirstFreeNumberWithoutRegardToCase() {
        assertThat(create("Notes/Todo")).isEqualTo("Notes/Todo");
        assertThat(create("notes/todo")).isEqualTo("notes/todo (2)");
        assertThat(create("NOTES/TODO")).isEqualTo("NOTES/TODO (3)");
        assertThat(create("Notes/Todo (2)")).isEqualTo("Notes/Todo (2) (2)");
    }

    @Test
    void namesThatOneFileSystemWouldMergeCollide() {
        assertThat(create("Straße")).isEqualTo("Straße");
        assertThat(create("STRASSE")).isEqualTo("STRASSE (2)");
        assertThat(create("Caf\u00e9")).isEqualTo("Caf\u00e9");
        assertThat(create("cafe\u0301")).isEqualTo("cafe\u0301 (2)");
    }

    @Test
    void aFreedNumberIsTakenAgain() {
        UUID second = UUID.randomUUID();
        create("a");
        assertThat(upsert(store, second, "A", List.of(), List.of()).document().name()).isEqualTo("A (2)");
        create("a (3)");
        store.write(batch -> batch.trash(second));
        assertThat(create("a")).isEqualTo("a (2)");
    }

    @Test
    void renamingToATakenNameNumbersItAndRepeatingTheRequestChangesNothing() {
        UUID doc = UUID.randomUUID();
        create("Plan");
        upsert(store, doc, "Draft", List.of(), List.of());
        UpsertResult renamed = upsert(store, doc, "plan", List.of(), List.of());
        assertThat(renamed.document().name()).isEqualTo("plan (2)");
        assertThat(renamed.renamed()).isTrue();
        UpsertResult again = upsert(store, doc, "plan", List.of(), List.of());
        assertThat(again.changed()).isFalse();
        assertThat(again.document()).isEqualTo(renamed.document());
        assertThat(create("Draft")).isEqualTo("Draft");
    }

    @Test
    void aDocumentMayChangeTheCaseOfItsOwnName() {
        UUID doc = UUID.randomUUID();
        upsert(store, doc, "readme", List.of(), List.of());
        assertThat(upsert(store, doc, "README", List.of(), List.of()).document().name()).isEqualTo("README");
        assertThat(create("Readme")).isEqualTo("Readme (2)");
    }

    @Test
    void trashFreesTheNameAndRestoreNumbersItIfTaken() {
        UUID doc = UUID.randomUUID();
        DocumentState created = upsert(store, doc, "Ideas", text(1, 1, "hi"), List.of()).document();
        DocumentState trashed = store.write(batch -> batch.trash(doc)).orElseThrow();
        assertThat(trashed.trashed()).isTrue();
        assertThat(trashed.syncTime()).isGreaterThan(created.syncTime());
        assertThat(store.changedSince(created.syncTime(), 10)).containsExactly(new SyncEntry(trashed.syncTime(), doc));

        assertThat(create("ideas")).isEqualTo("ideas");
        DocumentState restored = store.write(batch -> batch.restore(doc)).orElseThrow();
        assertThat(restored.trashed()).isFalse();
        assertThat(restored.name()).isEqualTo("Ideas (2)");
        assertThat(restored.syncTime()).isGreaterThan(trashed.syncTime());
        assertThat(Ops.textOf(store.changesSince(doc, 0, 2).orElseThrow())).isEqualTo("hi");
    }

    @Test
    void trashAndRestoreTwiceChangeNothingTheSecondTime() {
        UUID doc = UUID.randomUUID();
        upsert(store, doc, "x", List.of(), List.of());
        DocumentState trashed = store.write(batch -> batch.trash(doc)).orElseThrow();
        Optional<DocumentState> trashedAgain = store.write(batch -> batch.trash(doc));
        assertThat(trashedAgain).contains(trashed);
        DocumentState restored = store.write(batch -> batch.restore(doc)).orElseThrow();
        Optional<DocumentState> restoredAgain = store.write(batch -> batch.restore(doc));
        assertThat(restoredAgain).contains(restored);
        Optional<DocumentState> unknown = store.write(batch -> batch.trash(UUID.randomUUID()));
        assertThat(unknown).isEmpty();
    }

    @Test
    void aTrashedDocumentMayBeRenamedAndIsCheckedOnRestore() {
        UUID doc = UUID.randomUUID();
        upsert(store, doc, "one", List.of(), List.of());
        store.write(batch -> batch.trash(doc));
        create("two");
        assertThat(upsert(store, doc, "TWO", List.of(), List.of()).document().name()).isEqualTo("TWO");
        assertThat(store.write(batch -> batch.restore(doc)).orElseThrow().name()).isEqualTo("TWO (2)");
    }

    @Test
    void aNewDocumentNeedsAName() {
        UUID doc = UUID.randomUUID();
        assertThatThrownBy(() -> upsert(store, doc, null, text(1, 1, "x"), List.of()))
                .isInstanceOf(RefusedException.class).hasMessageContaining(doc.toString());
        assertThat(store.document(doc)).isEmpty();
    }
}
