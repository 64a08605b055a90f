package dev.weft.ui.links;

import dev.weft.vault.NoteInfo;
import dev.weft.vault.NoteReplica;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultListener;
import dev.weft.vault.VaultPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.swing.SwingUtilities;

/**
 * Keeps a {@link LinkIndex} of a vault on its own thread ({@code weft-links}, the index's one
 * owner): built once from the {@code .md} files, then told each note whose text or name changed
 * (the vault's events, coalesced while one update runs), reading that note's replica text. After
 * each update it computes the backlinks of the watched note and hands them to the event thread.
 */
public final class LinkIndexFeed implements AutoCloseable {
    private final Vault vault;
    private final LinkIndex index = new LinkIndex();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "weft-links");
        t.setDaemon(true);
        return t;
    });
    private final Object lock = new Object();
    /** Guarded by {@link #lock}: notes to read again, and whether the names are to be compared. */
    private final Set<UUID> dirty = new LinkedHashSet<>();
    private boolean namesDirty;
    private boolean queued;
    /** The index's thread only. */
    private final Map<UUID, String> names = new HashMap<>();
    private volatile UUID watched;
    private volatile Consumer<LinkIndex.Backlinks> shown = b -> { };
    private volatile boolean built;
    private final VaultListener listener = new VaultListener() {
        @Override
        public void notesChanged() {
            synchronized (lock) {
                namesDirty = true;
            }
            schedule();
        }

        @Override
        public void textChanged(UUID id, Origin origin) {
            changed(java.util.List.of(id));
        }
    };

    public LinkIndexFeed(Vault vault) {
        this.vault = vault;
    }

    /** Builds the index in the background and follows the vault from now on. */
    public void start() {
        vault.addListener(listener);
        thread.execute(this::build);
    }

    /** Shows the backlinks of note {@code id} (null: none) through {@code onEventThread}, now and after each change. */
    public void watch(UUID id, Consumer<LinkIndex.Backlinks> onEventThread) {
        watched = id;
        shown = onEventThread;
        thread.execute(this::publish);
    }

    /** Notes edited without an event (a rewrite of a note no editor has open): read them again. */
    public void changed(Collection<UUID> ids) {
        synchronized (lock) {
            dirty.addAll(ids);
        }
        schedule();
    }

    /**
     * The notes whose links may lead to {@code paths}, or null until the index is built (then every
     * note is a candidate). Blocks until the index's thread answers: not on the event thread.
     */
    public Set<UUID> mayLinkTo(Collection<String> paths) throws InterruptedException {
        try {
            return thread.submit(() -> built ? index.mayLinkTo(paths) : null).get();
        } catch (ExecutionException e) {
            return null;
        }
    }

    private void schedule() {
        synchronized (lock) {
            if (queued) {
                return;
            }
            queued = true;
        }
        thread.execute(this::update);
    }

    private void build() {
        VaultPaths paths = new VaultPaths(vault.folder());
        for (NoteInfo note : vault.notes()) {
            if (note.trashed()) {
                continue;
            }
            String text;
            try {
                text = Files.readString(paths.note(note.name()), StandardCharsets.UTF_8);
            } catch (IOException | IllegalArgumentException e) {
                text = replicaText(note); // not written yet (a write waits), or unreadable
            }
            index.put(note.id(), note.name(), text);
            names.put(note.id(), note.name());
        }
        built = true;
        publish();
    }

    private String replicaText(NoteInfo note) {
        try {
            return vault.withReplica(note.id(), NoteReplica::text);
        } catch (IOException | RuntimeException e) {
            return ""; // a damaged note: the vault reports it; its next change brings its text
        }
    }

    /** Takes what changed since the last update and puts it in the index. */
    private void update() {
        Set<UUID> ids;
        boolean names;
        synchronized (lock) {
            ids = new LinkedHashSet<>(dirty);
            dirty.clear();
            names = namesDirty;
            namesDirty = false;
            queued = false;
        }
        if (!built) {
            return; // the build reads everything as it is now
        }
        if (names) {
            followNames(ids);
        }
        for (UUID id : ids) {
            read(id);
        }
        publish();
    }

    /** New, renamed, trashed and removed notes since the last look. */
    private void followNames(Set<UUID> reread) {
        Map<UUID, String> now = new HashMap<>();
        for (NoteInfo note : vault.notes()) {
            if (!note.trashed()) {
                now.put(note.id(), note.name());
            }
        }
        for (UUID gone : names.keySet().stream().filter(id -> !now.containsKey(id)).toList()) {
            index.remove(gone);
            names.remove(gone);
        }
        now.forEach((id, name) -> {
            if (!name.equals(names.get(id))) {
                reread.add(id);
            }
        });
    }

    private void read(UUID id) {
        NoteInfo note = vault.note(id).orElse(null);
        if (note == null || note.trashed()) {
            index.remove(id);
            names.remove(id);
            return;
        }
        try {
            index.put(id, note.name(), vault.withReplica(id, NoteReplica::text));
            names.put(id, note.name());
        } catch (IOException | NoSuchElementException e) {
            // unreadable or gone: the index keeps what it had; the vault reports the problem
        }
    }

    private void publish() {
        UUID id = watched;
        Consumer<LinkIndex.Backlinks> to = shown;
        LinkIndex.Backlinks links = id == null || !built ? LinkIndex.Backlinks.NONE : index.backlinks(id);
        SwingUtilities.invokeLater(() -> {
            if (id == null ? watched == null : id.equals(watched)) {
                to.accept(links);
            }
        });
    }

    /** The index's answer to {@code question}, on its thread (tests, the benchmark). */
    <T> T ask(Function<LinkIndex, T> question) throws Exception {
        return thread.submit(() -> question.apply(index)).get();
    }

    @Override
    public void close() {
        vault.removeListener(listener);
        thread.shutdownNow();
    }
}
