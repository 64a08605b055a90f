package dev.weft.ui.notes;

import dev.weft.vault.NoteInfo;
import dev.weft.vault.NoteReplica;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultListener;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Every note not in the trash, in memory, for the search and the Tags panel: read once through the
 * vault, then kept current one changed note at a time (the vault's {@code textChanged} and
 * {@code notesChanged}). Its own thread, {@code weft-index}, does all reading and owns the tag
 * counts; searches read the notes from any thread (each {@link IndexedNote} is immutable).
 * Holds the vault's text twice (as written and folded): about 100 MB for a 50 MB vault.
 */
public final class NoteIndex implements AutoCloseable {
    private final Vault vault;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "weft-index");
        t.setDaemon(true);
        return t;
    });
    private final Map<UUID, IndexedNote> notes = new ConcurrentHashMap<>();
    private final TagIndex tags = new TagIndex();
    private final Set<UUID> dirty = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final List<Consumer<SortedMap<String, Integer>>> tagListeners = new CopyOnWriteArrayList<>();
    private volatile SortedMap<String, Integer> tagCounts = new TreeMap<>();
    private volatile boolean ready;
    private final VaultListener listener = new VaultListener() {
        @Override
        public void notesChanged() {
            submit(NoteIndex.this::namesChanged);
        }

        @Override
        public void textChanged(UUID id, Origin origin) {
            dirty.add(id);
            if (draining.compareAndSet(false, true)) {
                submit(NoteIndex.this::drain);
            }
        }
    };

    public NoteIndex(Vault vault) {
        this.vault = vault;
    }

    /** Listens to the vault and reads every note, in the background. */
    public void start() {
        vault.addListener(listener);
        submit(() -> {
            namesChanged();
            publish();
            ready = true; // after the counts: a reader that sees ready sees every note's tags
        });
    }

    /** Whether every note has been read once (before, a search sees only those read so far). */
    public boolean ready() {
        return ready;
    }

    /** The notes read so far; safe from any thread. */
    public Collection<IndexedNote> notes() {
        return notes.values();
    }

    /** Each tag (and parent of a nested tag) with how many notes carry it. */
    public SortedMap<String, Integer> tagCounts() {
        return tagCounts;
    }

    /** Told on the index thread each time the tag counts may have changed (and once all notes are read). */
    public void onTags(Consumer<SortedMap<String, Integer>> listener) {
        tagListeners.add(listener);
    }

    @Override
    public void close() {
        vault.removeListener(listener);
        thread.shutdownNow();
    }

    private void submit(Runnable job) {
        try {
            thread.execute(job);
        } catch (RejectedExecutionException e) {
            // closed: the window is going away
        }
    }

    private void namesChanged() {
        Set<UUID> live = new HashSet<>();
        for (NoteInfo info : vault.notes()) {
            if (info.trashed() || Thread.currentThread().isInterrupted()) {
                continue;
            }
            live.add(info.id());
            IndexedNote known = notes.get(info.id());
            if (known == null) {
                read(info);
            } else if (!known.name().equals(info.name())) {
                notes.put(info.id(), known.named(info.name()));
            }
        }
        for (UUID id : Set.copyOf(notes.keySet())) {
            if (!live.contains(id)) {
                notes.remove(id);
                tags.remove(id);
            }
        }
        if (ready) {
            publish();
        }
    }

    private void drain() {
        draining.set(false);
        for (UUID id : Set.copyOf(dirty)) {
            dirty.remove(id);
            vault.note(id).filter(n -> !n.trashed()).ifPresentOrElse(this::read, () -> {
                notes.remove(id);
                tags.remove(id);
            });
        }
        if (ready) {
            publish();
        }
    }

    private void read(NoteInfo info) {
        try {
            IndexedNote note = IndexedNote.of(info.id(), info.name(), vault.withReplica(info.id(), NoteReplica::text));
            notes.put(info.id(), note);
            tags.put(info.id(), note.tags());
        } catch (NoSuchElementException e) {
            notes.remove(info.id()); // gone meanwhile: its notesChanged follows
            tags.remove(info.id());
        } catch (IOException e) {
            // an unreadable note is the vault's to report; it stays out of the search until it changes
        }
    }

    private void publish() {
        SortedMap<String, Integer> now = tags.counts();
        if (!now.equals(tagCounts)) {
            tagCounts = now;
            tagListeners.forEach(l -> l.accept(now));
        }
    }
}
