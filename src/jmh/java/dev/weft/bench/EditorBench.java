package dev.weft.bench;

import dev.weft.crdt.Atom;
import dev.weft.crdt.OpSink;
import dev.weft.crdt.Pid;
import dev.weft.crdt.SequenceDoc;
import dev.weft.ui.editor.NoteEditorBinding;
import dev.weft.ui.editor.NoteTextArea;
import dev.weft.vault.NoteReplica;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.awt.Dimension;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.fife.ui.rsyntaxtextarea.RSyntaxTextArea;
import org.fife.ui.rtextarea.RTextScrollPane;

/**
 * Editor figures (issue: desktop app) in a real window: opening a large note (binding attached
 * and the visible part painted) and keystroke latency in it (the key event handled, the edit in
 * the record log and the changed part repainted) while a collaborator types ten characters a
 * second before the caret, through the real vault.
 *
 * <pre>
 * xvfb-run -a java -cp target/weft-benchmarks.jar dev.weft.bench.EditorBench [--note-bytes 1000000] [--keys 2000] [--no-wrap]
 * </pre>
 */
public final class EditorBench {
    private EditorBench() {
    }

    public static void main(String[] args) throws Exception {
        int noteBytes = 1_000_000;
        int keys = 2_000;
        boolean wrap = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--note-bytes" -> noteBytes = Integer.parseInt(args[++i]);
                case "--keys" -> keys = Integer.parseInt(args[++i]);
                case "--no-wrap" -> wrap = false;
                default -> throw new IllegalArgumentException("usage: EditorBench [--note-bytes N] [--keys N] [--no-wrap]");
            }
        }
        System.out.println("== EditorBench note-bytes=" + noteBytes + " keys=" + keys + " wrap=" + wrap);
        System.out.println("machine: " + BenchNet.machine());
        Path dir = Files.createTempDirectory("weft-editor-bench");
        String text = MarkdownText.generate(new SplittableRandom(1), noteBytes);
        UUID big;
        UUID other;
        UUID unsynced;
        try (Vault vault = Vault.open(dir, VaultOptions.defaults())) {
            big = synced(vault, vault.create("Big", text).id());
            other = synced(vault, vault.create("Other", MarkdownText.generate(new SplittableRandom(2), noteBytes)).id());
            unsynced = vault.create("Never synced", MarkdownText.generate(new SplittableRandom(3), noteBytes)).id();
        }
        try (Vault vault = Vault.open(dir, VaultOptions.defaults())) {
            boolean lineWrap = wrap;
            RSyntaxTextArea area = onEdt(() -> window(lineWrap));
            open(vault, area, big, keys, text.length());
            openRepeatedly(vault, area, big, other);
            System.out.printf("open a never-synced %,d-char note (every character a pending op in its log): %d ms%n",
                    noteBytes, openMillis(vault, area, unsynced, new AtomicReference<>()));
        }
        System.exit(0); // the window's EDT would keep the JVM alive
    }

    /**
     * As a note is once the server has it: every op acknowledged, the log compacted into the
     * structure file.
     */
    private static UUID synced(Vault vault, UUID id) throws java.io.IOException {
        vault.withReplica(id, replica -> {
            replica.log().takeToSend(true);
            replica.log().acknowledge(replica.log().lastSeq());
            replica.log().currentTo(1);
            replica.compact();
            return null;
        });
        return id;
    }

    private static RSyntaxTextArea window(boolean wrap) {
        RSyntaxTextArea area = new NoteTextArea();
        area.setLineWrap(wrap);
        RTextScrollPane scroll = new RTextScrollPane(area, false);
        JFrame frame = new JFrame("EditorBench");
        frame.setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
        frame.add(scroll);
        frame.setSize(new Dimension(1100, 800));
        frame.setVisible(true);
        return area;
    }

    /**
     * Opening a note: its replica (read from its structure file and log the first time), the
     * binding attached (document filled) and the visible part painted.
     */
    private static long openMillis(Vault vault, RSyntaxTextArea area, UUID id, AtomicReference<NoteEditorBinding> binding)
            throws Exception {
        long t0 = System.nanoTime();
        NoteReplica replica = vault.replica(id); // loaded from its files the first time, then kept open
        return onEdt(() -> {
            if (binding.get() != null) {
                binding.get().close();
            }
            binding.set(NoteEditorBinding.attach(area, replica));
            area.paintImmediately(area.getVisibleRect());
            return (System.nanoTime() - t0) / 1_000_000;
        });
    }

    private static void openRepeatedly(Vault vault, RSyntaxTextArea area, UUID a, UUID b) throws Exception {
        AtomicReference<NoteEditorBinding> binding = new AtomicReference<>();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            times.add(openMillis(vault, area, i % 2 == 0 ? a : b, binding));
        }
        times.sort(null);
        System.out.printf("open a synced note again (20 opens, switching between two): p50 %d ms, max %d ms%n", times.get(10), times.get(19));
    }

    private static void open(Vault vault, RSyntaxTextArea area, UUID id, int keys, int length) throws Exception {
        AtomicReference<NoteEditorBinding> binding = new AtomicReference<>();
        long first = openMillis(vault, area, id, binding);
        System.out.printf("open a synced %,d-char note (first open: replica read from its files, cold JIT): %d ms%n", length, first);
        NoteReplica replica = vault.replica(id);
        onEdt(() -> {
            area.setCaretPosition(length / 2);
            return null;
        });
        AtomicBoolean typing = new AtomicBoolean(true);
        Thread collaborator = collaborator(vault, id, replica, length / 2 - 200, typing);
        collaborator.start();
        LatencyHistogram latency = new LatencyHistogram();
        Random random = new Random(5);
        for (int k = 0; k < keys; k++) {
            char c = k % 7 == 6 ? ' ' : (char) ('a' + random.nextInt(26));
            long nanos = onEdt(() -> {
                long t0 = System.nanoTime();
                area.dispatchEvent(new KeyEvent(area, KeyEvent.KEY_TYPED, System.currentTimeMillis(), 0,
                        KeyEvent.VK_UNDEFINED, c));
                area.paintImmediately(area.getVisibleRect());
                return System.nanoTime() - t0;
            });
            latency.recordNanos(nanos);
            Thread.sleep(8);
        }
        typing.set(false);
        collaborator.join();
        System.out.println("keystroke, 1 MB note, collaborator typing 10/s: " + latency.summary());
        if (!onEdt(area::getText).equals(replica.text())) {
            throw new IllegalStateException("the area and the replica differ");
        }
        onEdt(() -> {
            binding.get().close();
            return null;
        });
    }

    /** Another device typing ten characters a second a little before the caret, through the vault. */
    private static Thread collaborator(Vault vault, UUID id, NoteReplica replica, int at, AtomicBoolean typing) {
        SequenceDoc copy = replica.copyDocument(2, new Random(9));
        return new Thread(() -> {
            int offset = at;
            while (typing.get()) {
                List<Atom> atoms = new ArrayList<>();
                copy.insertUtf16(offset++, "z", new OpSink() {
                    @Override
                    public void inserted(Pid pid, int codePoint) {
                        atoms.add(new Atom(pid, codePoint));
                    }

                    @Override
                    public void deleted(Pid pid) {
                    }
                });
                try {
                    vault.applyRemote(id, null, atoms, List.of());
                    Thread.sleep(100);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }, "collaborator");
    }

    private interface EdtCall<T> {
        T call() throws Exception;
    }

    private static <T> T onEdt(EdtCall<T> call) throws Exception {
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
