package dev.weft.ui.editor;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.OpSink;
import dev.weft.crdt.Pid;
import dev.weft.crdt.SequenceDoc;
import dev.weft.vault.NoteReplica;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.awt.event.ActionEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import javax.swing.text.DefaultEditorKit;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.fife.ui.rsyntaxtextarea.SyntaxConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binding with a real vault and a real (undisplayed) RSyntaxTextArea, driven on the EDT. */
class NoteEditorBindingTest {
    @TempDir
    Path folder;

    private Vault vault;
    private UUID id;
    private NoteReplica replica;
    private RSyntaxTextArea area;
    private NoteEditorBinding binding;
    /** A collaborator's copy of the note, making real remote ops. */
    private SequenceDoc collaborator;

    @BeforeEach
    void open() throws Exception {
        vault = Vault.open(folder, VaultOptions.defaults());
        id = vault.create("Note", "hello").id();
        replica = vault.replica(id);
        collaborator = replica.copyDocument(2, new Random(7));
        area = onEdt(() -> new RSyntaxTextArea());
        onEdt(() -> area.setSyntaxEditingStyle(SyntaxConstants.SYNTAX_STYLE_MARKDOWN));
        binding = onEdt(() -> NoteEditorBinding.attach(area, replica));
    }

    @AfterEach
    void close() throws Exception {
        onEdt(() -> binding.close());
        vault.close();
    }

    @Test
    void showsTheNoteAndTypingGoesToTheRecordLogFirst() throws Exception {
        onEdt(() -> {
            area.setCaretPosition(5);
            type(", world");
        });
        assertThat(areaText()).isEqualTo("hello, world");
        assertThat(replica.text()).isEqualTo("hello, world");
        assertThat(replica.log().pending()).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void textACollaboratorTypesBeforeTheCaretMovesItAlongAndAtTheCaretGoesAfterIt() throws Exception {
        onEdt(() -> area.setCaretPosition(3));
        remoteInsert(0, ">> ");
        assertThat(areaText()).isEqualTo(">> hello");
        assertThat(caret()).isEqualTo(6);
        remoteInsert(6, "XY");
        assertThat(areaText()).isEqualTo(">> helXYlo");
        assertThat(caret()).as("the caret stays after the character it followed").isEqualTo(6);
    }

    @Test
    void theSelectionStaysOnItsText() throws Exception {
        onEdt(() -> area.select(1, 4));
        remoteInsert(0, "abc");
        remoteDelete(7, 1);
        assertThat(areaText()).isEqualTo("abchell");
        assertThat(onEdt(() -> area.getSelectedText())).isEqualTo("ell");
    }

    @Test
    void anEditMadeWhileRemoteChangesAreQueuedLandsWhereTheUserMeantIt() throws Exception {
        List<Atom> atoms = collaboratorInserts(0, "XYZ ");
        onEdt(() -> {
            area.setCaretPosition(5);
            vault.applyRemote(id, null, atoms, List.of()); // queued for the EDT, which is busy here
            type("!");
            return null;
        });
        assertThat(areaText()).isEqualTo("XYZ hello!");
        assertThat(replica.text()).isEqualTo("XYZ hello!");
        assertThat(caret()).isEqualTo(10);
    }

    @Test
    void undoRevertsOnlyThisUsersEditsAndRedoBringsThemBack() throws Exception {
        onEdt(() -> {
            area.setCaretPosition(5);
            type(" world");
        });
        remoteInsert(2, "XYZ");
        assertThat(areaText()).isEqualTo("heXYZllo world");
        onEdt(() -> binding.undo());
        assertThat(areaText()).as("the collaborator's text stays").isEqualTo("heXYZllo");
        onEdt(() -> binding.redo());
        assertThat(areaText()).isEqualTo("heXYZllo world");
        assertThat(replica.text()).isEqualTo("heXYZllo world");
    }

    @Test
    void undoOfTextThatWasThereBeforeRemovesOnlyWhatThisUserTyped() throws Exception {
        onEdt(() -> {
            area.setCaretPosition(0);
            type("abc");
        });
        remoteInsert(1, "Q");
        onEdt(() -> binding.undo());
        assertThat(areaText()).isEqualTo("Qhello");
        assertThat(onEdt(() -> binding.undoAction().isEnabled())).isFalse();
    }

    @Test
    void undoOfErasingTypesTheTextBackInOnePiece() throws Exception {
        onEdt(() -> {
            area.setCaretPosition(5);
            backspace();
            backspace();
            backspace();
        });
        assertThat(areaText()).isEqualTo("he");
        // the collaborator's "!" goes right after the 'e' it follows, before this user's tombstones
        // (docs/crdt.md, "Where an insert goes"), so the erased text comes back where it stood: after it
        remoteInsert(2, "!");
        onEdt(() -> binding.undo());
        assertThat(areaText()).isEqualTo("he!llo");
        onEdt(() -> binding.redo());
        assertThat(areaText()).isEqualTo("he!");
        assertThat(replica.text()).isEqualTo("he!");
    }

    @Test
    void replacingTheTextIsFewEditsThatOneUndoRevertsAndKeepsACollaboratorsText() throws Exception {
        remoteInsert(5, " there");
        onEdt(() -> {
            area.setCaretPosition(0);
            type("Oh ");
        });
        assertThat(areaText()).isEqualTo("Oh hello there");
        onEdt(() -> binding.replaceText("hello there, all"));
        assertThat(areaText()).isEqualTo("hello there, all");
        assertThat(replica.text()).isEqualTo("hello there, all");
        onEdt(() -> binding.undo());
        assertThat(areaText()).as("one undo step").isEqualTo("Oh hello there");
        assertThat(replica.text()).isEqualTo("Oh hello there");
        onEdt(() -> binding.undo());
        assertThat(areaText()).as("then the typing before it").isEqualTo("hello there");
        onEdt(() -> binding.redo());
        onEdt(() -> binding.redo());
        assertThat(areaText()).isEqualTo("hello there, all");
    }

    @Test
    void typingAndErasingAreSeparateUndoSteps() throws Exception {
        onEdt(() -> {
            area.setCaretPosition(5);
            type("abc");
            backspace();
        });
        onEdt(() -> binding.undo());
        assertThat(areaText()).isEqualTo("helloabc");
        onEdt(() -> binding.undo());
        assertThat(areaText()).isEqualTo("hello");
    }

    @Test
    void anEditByAnotherProgramIsShownInPlace() throws Exception {
        onEdt(() -> area.setCaretPosition(5));
        Thread watcher = new Thread(() -> {
            try {
                replica.insertUtf16(0, "# ");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        watcher.start();
        watcher.join();
        onEdt(() -> { });
        assertThat(areaText()).isEqualTo("# hello");
        assertThat(caret()).isEqualTo(7);
        onEdt(() -> binding.undo());
        assertThat(areaText()).as("not this user's edit: nothing to undo").isEqualTo("# hello");
    }

    @Test
    void manyRemoteChangesAtOnceEndEqualToTheReplica() throws Exception {
        Random random = new Random(3);
        List<Atom> atoms = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int at = random.nextInt(collaborator.utf16Length() + 1);
            collaborator.insertUtf16(at, Character.toString('a' + random.nextInt(26)), collect(atoms, null));
        }
        vault.applyRemote(id, null, atoms, List.of());
        onEdt(() -> { });
        assertThat(areaText()).isEqualTo(replica.text()).hasSize(605);
    }

    @Test
    void charactersOutsideTheBasicPlaneAreTypedAndErasedWhole() throws Exception {
        onEdt(() -> {
            area.setCaretPosition(5);
            type("😀");
        });
        assertThat(replica.text()).isEqualTo("hello😀");
        onEdt(() -> backspace());
        assertThat(areaText()).isEqualTo("hello");
        assertThat(replica.text()).isEqualTo("hello");
    }

    @Test
    void thisUsersCaretIsReportedAsThePidBeforeIt() throws Exception {
        AtomicReference<Pid> reported = new AtomicReference<>();
        onEdt(() -> {
            binding.setOwnCaretListener(reported::set);
            area.setCaretPosition(3);
        });
        eventually("the caret reported", () -> reported.get() != null);
        assertThat(reported.get()).isEqualTo(replica.pidBeforeUtf16(3));
    }

    @Test
    void aCollaboratorsCaretIsShownAfterItsCharacterAndGoesWhenTheyLeave() throws Exception {
        Pid afterE = replica.pidBeforeUtf16(2);
        binding.collaborators(Map.of(2, "laptop"));
        binding.collaboratorCursor(2, afterE);
        onEdt(() -> { });
        assertThat(onEdt(() -> binding.collaboratorOffsets())).isEqualTo(Map.of(2, 2));
        remoteInsert(0, "__");
        assertThat(onEdt(() -> binding.collaboratorOffsets())).isEqualTo(Map.of(2, 4));
        binding.collaborators(Map.of());
        onEdt(() -> { });
        assertThat(onEdt(() -> binding.collaboratorOffsets())).isEmpty();
    }

    @Test
    void randomTypingInterleavedWithRemoteOpsKeepsTheAreaEqualToTheReplica() throws Exception {
        Random random = new Random(11);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread remote = new Thread(() -> {
            try {
                for (int i = 0; i < 300; i++) {
                    List<Atom> ins = new ArrayList<>();
                    List<Pid> del = new ArrayList<>();
                    synchronized (collaborator) {
                        int len = collaborator.utf16Length();
                        if (len > 0 && i % 3 == 0) {
                            collaborator.deleteUtf16(i * 7 % len, 1, collect(ins, del));
                        } else {
                            collaborator.insertUtf16(i * 13 % (len + 1), "r", collect(ins, del));
                        }
                    }
                    vault.applyRemote(id, null, ins, del);
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        });
        remote.start();
        for (int i = 0; i < 300; i++) {
            onEdt(() -> {
                int len = area.getDocument().getLength();
                area.setCaretPosition(random.nextInt(len + 1));
                if (random.nextInt(4) == 0 && len > 0) {
                    backspace();
                } else {
                    type(random.nextBoolean() ? "x" : "😀");
                }
                if (random.nextInt(20) == 0) {
                    binding.undo();
                }
            });
        }
        remote.join();
        onEdt(() -> { });
        assertThat(failures).isEmpty();
        assertThat(areaText()).isEqualTo(replica.text());
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void type(String text) {
        area.replaceSelection(text);
    }

    private void backspace() {
        area.getActionMap().get(DefaultEditorKit.deletePrevCharAction)
                .actionPerformed(new ActionEvent(area, ActionEvent.ACTION_PERFORMED, null));
    }

    private void remoteInsert(int offset, String text) throws Exception {
        vault.applyRemote(id, null, collaboratorInserts(offset, text), List.of());
        onEdt(() -> { });
    }

    private void remoteDelete(int offset, int length) throws Exception {
        List<Pid> deletes = new ArrayList<>();
        collaborator.deleteUtf16(offset, length, collect(null, deletes));
        vault.applyRemote(id, null, List.of(), deletes);
        onEdt(() -> { });
    }

    /** The collaborator types {@code text} at {@code offset} of its copy, which must match the area's text. */
    private List<Atom> collaboratorInserts(int offset, String text) {
        syncCollaborator();
        List<Atom> atoms = new ArrayList<>();
        collaborator.insertUtf16(offset, text, collect(atoms, null));
        return atoms;
    }

    /** Brings this user's edits to the collaborator's copy, as the server would. */
    private void syncCollaborator() {
        replica.forEachAtom((keys, offset, depth, codePoint) -> {
            Pid pid = Pid.ofRange(keys, offset, depth);
            if (codePoint >= 0) {
                collaborator.merge(pid, codePoint);
            } else {
                collaborator.mergeDelete(pid);
            }
        });
    }

    private static OpSink collect(List<Atom> inserts, List<Pid> deletes) {
        return new OpSink() {
            @Override
            public void inserted(Pid pid, int codePoint) {
                inserts.add(new Atom(pid, codePoint));
            }

            @Override
            public void deleted(Pid pid) {
                deletes.add(pid);
            }
        };
    }

    private String areaText() throws Exception {
        return onEdt(() -> area.getText());
    }

    private int caret() throws Exception {
        return onEdt(() -> area.getCaretPosition());
    }

    private interface EdtAction {
        void run() throws Exception;
    }

    private static void onEdt(EdtAction action) throws Exception {
        onEdt(() -> {
            action.run();
            return null;
        });
    }

    private static <T> T onEdt(Callable<T> call) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(call.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }
}
