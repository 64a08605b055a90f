package dev.weft.vault;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.NoteNames;
import dev.weft.vault.VaultListener.Origin;
import dev.weft.vault.text.DebouncedWriter;
import dev.weft.vault.text.NotePaths;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A vault: a folder of {@code .md} notes plus {@code .weft/} (docs/protocol.md §6, docs/vault.md).
 *
 * <p>The list of notes comes from {@code .weft/index}, so opening a vault of 10,000 notes loads no
 * structure file; replicas open lazily. Opening also brings in what changed while Weft was closed
 * (new {@code .md} files become notes, edited ones are merged as local ops, deleted ones go to the
 * trash, a file renamed is a rename), and {@link #startWatching} does the same while it runs.
 * Every change of a note's text is written to its {@code .md}, debounced and atomically; a rename
 * moves the file, never over another note's file.
 *
 * <p>Thread-safe. Changes of the list run one at a time (the operation lock); replicas handed out by
 * {@link #replica} are edited under their own lock; listeners are called on an event thread. The
 * parts: {@link IndexKeeper} (the index), {@link Replicas} (opening them), {@link NoteFiles} (what
 * Weft writes to the folder), {@link FolderChanges} (what other programs did to it),
 * {@link FolderWatcher}, {@link VaultEvents}, over one {@link NoteTable}.
 * Remote ops and renames must come through this class (not through the replica), so that the file
 * follows.
 */
public final class Vault implements Closeable {
    private static final System.Logger LOG = System.getLogger(Vault.class.getName());

    private final VaultPaths paths;
    private final NotePaths notePaths;
    private final VaultOptions options;
    /** One change of the notes at a time: reconciling, applying remote ops, renames, trash; opening replicas. */
    private final ReentrantLock ops = new ReentrantLock();
    private final NoteTable table;
    private final Object state;
    private final Map<UUID, NoteState> notes;
    private final Map<UUID, NoteReplica> open;
    private final Map<Path, NoteState> byFile;
    private DeviceState device;
    /** Set while this vault is a copy whose pending work is not under a site of its own yet (docs/vault.md). */
    private CopyMark copy;
    private UUID instance;
    /** Where this vault's token is kept, outside the vault. */
    private DeviceTokens tokens;
    private final ScheduledExecutorService io;
    private final VaultEvents events = new VaultEvents();
    private final Replicas replicas;
    private final IndexKeeper index;
    private final NoteFiles files;
    private final IncomingNotes incoming;
    private final FolderChanges changes;
    private final DamagedFileMerge damagedFiles;
    private final HeldChanges held;
    private final TrashBook trashBook;
    private FolderWatcher watcher;
    /** The pending decision on files the watcher saw vanish (guarded by the state lock). */
    private java.util.concurrent.ScheduledFuture<?> vanishedDecision;
    private volatile boolean closed;

    private Vault(VaultPaths paths, VaultOptions options, DeviceState device) throws IOException {
        this.paths = paths;
        this.notePaths = new NotePaths(paths.vault());
        this.options = options;
        this.device = device;
        this.table = new NoteTable(paths.vault());
        this.state = table.lock;
        this.notes = table.notes;
        this.open = table.open;
        this.byFile = table.byFile;
        IdFolder baseCopies = new IdFolder(paths.weftDir().resolve("base"));
        IdFolder movingAside = new IdFolder(paths.weftDir().resolve("moving"));
        this.io = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "weft-vault-io");
            t.setDaemon(true);
            return t;
        });
        DamagedLogs damaged = new DamagedLogs(paths);
        this.replicas = new Replicas(table, paths, options, events, damaged, this::site, this::localEdit,
                this::damageFound);
        this.index = new IndexKeeper(table, paths, options, io, events, replicas, baseCopies, movingAside, damaged);
        this.trashBook = TrashBook.load(paths.weftDir().resolve("trash"), events);
        this.incoming = new IncomingNotes(new IdFolder(paths.weftDir().resolve("incoming")));
        this.files = new NoteFiles(table, paths, options, io, replicas, index, events, baseCopies, movingAside,
                incoming, file -> runLater(() -> filesChanged(new FolderWatcher.Batch(Set.of(file), false))));
        this.held = new HeldChanges(paths.weftDir());
        this.changes = new FolderChanges(table, paths, replicas, files, index, events, this::newId, held,
                MassChangeGuard.read(paths.weftDir()), this::decideVanishedLater);
        this.damagedFiles = new DamagedFileMerge(table, paths, replicas, files, damaged, events);
    }

    /**
     * Opens the vault in {@code folder}, creating {@code .weft/} if needed; with
     * {@link VaultOptions#reconcileOnOpen} brings in what changed on disk while Weft was closed.
     * Writes nothing outside {@code .weft/} unless a note must be written (its text moved on).
     */
    public static Vault open(Path folder, VaultOptions options) throws IOException {
        VaultPaths paths = new VaultPaths(folder);
        Files.createDirectories(paths.docsDir());
        boolean fresh = !Files.exists(paths.deviceState());
        DeviceState stored = DeviceStateFile.read(paths.deviceState());
        if (fresh) {
            DeviceStateFile.write(paths.deviceState(), stored);
        }
        // before anything can make an id: a copy must not make them under the site of its original
        Optional<UUID> before = VaultInstance.existingId(paths);
        Optional<CopyMark> copy = CopyMark.read(paths.weftDir());
        if (VaultInstance.cameFromElsewhere(paths)) {
            if (stored.isPaired()) {
                copy = Optional.of(CopyMark.create(paths.weftDir(), stored.site(), before));
            }
            VaultInstance.bindHere(paths);
        }
        UUID instance = VaultInstance.id(paths);
        // a copy waiting for its identity may use its original's token, found on this machine only
        UUID tokenOwner = copy.filter(c -> c.site() == stored.site()).flatMap(CopyMark::original).orElse(instance);
        DeviceTokens tokens = DeviceTokens.current();
        Vault vault = new Vault(paths, options, tokens.settle(paths, stored, tokenOwner));
        vault.tokens = tokens;
        vault.copy = copy.orElse(null);
        vault.instance = instance;
        try {
            Set<UUID> finished = PurgeRecord.finish(paths.weftDir(), vault.notePaths, vault.trashBook);
            if (!finished.isEmpty()) {
                vault.events.problem("Finished deleting forever " + finished.size()
                        + " notes whose deletion was cut short when Weft stopped.");
            }
            vault.index.load();
            if (options.reconcileOnOpen()) {
                vault.ops.lock();
                try {
                    vault.changes.reconcile(null, true);
                    vault.files.settle();
                } finally {
                    vault.ops.unlock();
                }
            }
            if (vault.copy != null && !vault.awaitingIdentity()) {
                vault.finishCopy(); // cut short by a crash after the new identity was kept
            }
            if (!stored.isPaired()) {
                vault.damagedNotes().forEach(vault::mergeDamagedFile); // no server to restore from: the log and structure are all
            }
            vault.index.writeUnlessDiskFull(); // a cache: the vault opens on a full disk and says so
            vault.events.opened();
        } catch (IOException | RuntimeException e) {
            vault.abandon();
            throw e;
        }
        return vault;
    }

    public Path folder() {
        return paths.vault();
    }

    public DeviceState device() {
        synchronized (state) {
            return device;
        }
    }

    /**
     * Writes the device state atomically (a new token first, outside the vault: {@link DeviceTokens});
     * a new site goes to every open replica and every one opened later.
     */
    public void updateDevice(DeviceState newState) throws IOException {
        ops.lock();
        try {
            if (newState.deviceToken() != null && !newState.deviceToken().equals(device().deviceToken())) {
                tokens.write(instanceId(), newState.deviceToken(), paths.vault());
            }
            DeviceStateFile.write(paths.deviceState(), newState);
            List<NoteReplica> replicas;
            boolean siteChanged;
            synchronized (state) {
                siteChanged = device.site() != newState.site();
                device = newState;
                replicas = new ArrayList<>(open.values());
            }
            if (siteChanged) {
                int site = site();
                replicas.forEach(r -> r.setSite(site));
            }
        } finally {
            ops.unlock();
        }
    }

    /**
     * Whether this vault is a copy of a paired device (its folder was copied or moved here with its
     * {@code .weft/}) that has no device identity of its own yet: it must not connect with the
     * token it holds, and makes its ids under the provisional site 255 until
     * {@link #adoptIdentity} (docs/vault.md, "A copied vault").
     */
    public boolean awaitingIdentity() {
        synchronized (state) {
            return copy != null && device.isPaired() && device.site() == copy.site();
        }
    }

    /** This vault's instance id, sent at connect so that the server can tell two copies on one token apart. */
    public UUID instanceId() {
        synchronized (state) {
            return instance;
        }
    }

    /**
     * The server says another copy of this vault uses its device's token (the copy was made where
     * {@code .weft/instance.properties} could not tell, by an older Weft, say): from now on this
     * vault is a copy waiting for its identity, as if its folder had been copied here.
     */
    public void becomeCopy() throws IOException {
        ops.lock();
        try {
            DeviceState now = device();
            if (!now.isPaired() || awaitingIdentity()) {
                return;
            }
            CopyMark mark = CopyMark.create(paths.weftDir(), now.site(), Optional.of(instanceId()));
            VaultInstance.bindHere(paths);
            UUID id = VaultInstance.id(paths);
            List<NoteReplica> replicas;
            synchronized (state) {
                copy = mark;
                instance = id;
                replicas = new ArrayList<>(open.values());
            }
            replicas.forEach(r -> r.setSite(DeviceState.UNPAIRED_SITE));
        } finally {
            ops.unlock();
        }
    }

    /**
     * Takes the identity the server gave this copy (a new token and site) and moves the pending work
     * made before under it: each pending insert not of the new site is deleted and made again at the
     * same place under the new site, pending deletes and renames are made again, and the old ops
     * leave the pending set ({@link CopyResite}). The text stays as it is.
     */
    public void adoptIdentity(DeviceState fresh) throws IOException {
        ops.lock();
        try {
            if (!awaitingIdentity()) {
                throw new IllegalStateException("this vault is not a copy waiting for its identity");
            }
            if (!fresh.isPaired() || fresh.site() == device().site()) {
                throw new IllegalArgumentException("a copy needs a site of its own");
            }
            updateDevice(fresh);
            finishCopy();
        } finally {
            ops.unlock();
        }
    }

    private void finishCopy() throws IOException {
        ops.lock();
        try {
            CopyMark mark;
            List<NoteState> work = new ArrayList<>();
            synchronized (state) {
                mark = copy;
                for (NoteState n : notes.values()) {
                    if (n.hasPending || open.containsKey(n.id)) {
                        work.add(n);
                    }
                }
            }
            int site = site();
            for (NoteState n : work) {
                replicas.withReplica(n, r -> CopyResite.resite(n.id, r, site, mark));
            }
            mark.delete();
            synchronized (state) {
                copy = null;
            }
        } finally {
            ops.unlock();
        }
        index.schedule();
    }

    /** Every note, trashed ones included, sorted by name (from the index: no structure is loaded). */
    public List<NoteInfo> notes() {
        synchronized (state) {
            return notes.values().stream().map(NoteState::info)
                    .sorted(Comparator.comparing(NoteInfo::name).thenComparing(NoteInfo::id)).toList();
        }
    }

    public Optional<NoteInfo> note(UUID id) {
        synchronized (state) {
            return Optional.ofNullable(notes.get(id)).map(NoteState::info);
        }
    }

    /**
     * Notes whose {@code .md} the last attempt could not write or move where their name says (each
     * said through {@code problem()} as it happened), sorted by name; their text is safe in
     * {@code .weft}, and the next write or open tries again. Call {@link #flush()} first to try every
     * pending write.
     */
    public List<UnwrittenFile> unwrittenFiles() {
        Map<UUID, String> problems = files.unwritten();
        synchronized (state) {
            return problems.entrySet().stream().filter(e -> notes.containsKey(e.getKey()) && !notes.get(e.getKey()).trashed)
                    .map(e -> new UnwrittenFile(e.getKey(), notes.get(e.getKey()).name, e.getValue()))
                    .sorted(Comparator.comparing(UnwrittenFile::name)).toList();
        }
    }

    /** Creates a note here: {@code name}, made unique ({@code NAME (2)}), holding {@code text}; writes {@code NAME.md}. */
    public NoteInfo create(String name, String text) throws IOException {
        NotePaths.validate(name).ifPresent(problem -> {
            throw new IllegalArgumentException("invalid note name " + name + ": " + problem);
        });
        ops.lock();
        NoteState n;
        try {
            n = new NoteState(newId());
            n.name = uniqueName(name, null);
            synchronized (state) {
                notes.put(n.id, n);
            }
            replicas.withReplica(n, r -> {
                replicas.ownEdits(() -> {
                    r.rename(n.name);
                    r.insertUtf16(0, text);
                });
                files.placeFile(n, r);
            });
        } finally {
            ops.unlock();
        }
        index.schedule();
        events.fire(VaultListener::notesChanged);
        events.fire(l -> l.pendingWork(n.id));
        return n.info();
    }

    /** Renames a note here (made unique among the notes not in the trash) and moves its file. */
    public void rename(UUID id, String newName) throws IOException {
        NotePaths.validate(newName).ifPresent(problem -> {
            throw new IllegalArgumentException("invalid note name " + newName + ": " + problem);
        });
        ops.lock();
        try {
            NoteState n = table.require(id);
            String name = uniqueName(newName, n);
            if (name.equals(n.name)) {
                return;
            }
            replicas.withReplica(n, r -> {
                replicas.ownEdits(() -> r.rename(name));
                synchronized (state) {
                    n.name = name;
                    n.hasPending = true;
                }
                files.placeFile(n, r);
            });
        } finally {
            ops.unlock();
        }
        index.schedule();
        events.fire(VaultListener::notesChanged);
        events.fire(l -> l.pendingWork(id));
    }

    /**
     * The server refused the name the upload of note {@code id} through {@code throughSeq} carried
     * ({@code 36} code 400 or 409, for {@code reason}): nothing of that upload was stored. The note
     * takes back the server's name ({@link RefusedName}), a rename here that replaces the refused
     * one, so its pending edits can go again; the user is told once (listeners and log).
     *
     * @return what the user was told; empty if that name is no longer the note's pending rename
     */
    public Optional<String> nameRefused(UUID id, long throughSeq, String reason) throws IOException {
        if (note(id).isEmpty()) {
            return Optional.empty();
        }
        Optional<RefusedName> refused = withReplica(id,
                r -> RefusedName.of(r.log().pending(), r.log().remoteName(), throughSeq));
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        rename(id, refused.get().back());
        String message = refused.get().message(note(id).map(NoteInfo::name).orElse(refused.get().back()), reason);
        events.problem(message);
        return Optional.of(message);
    }

    /** Moves a note to the trash here: its {@code .md} goes, its text stays; durable before this returns. */
    public void trash(UUID id) throws IOException {
        trash(List.of(id), 0);
    }

    /**
     * Moves notes to the trash here as one user action: {@code batch} (non-zero) goes to the server
     * with each trash, so they can be restored together (docs/protocol.md §9); one index write.
     */
    public void trash(Collection<UUID> ids, long batch) throws IOException {
        List<UUID> trashed = new ArrayList<>();
        ops.lock();
        try {
            for (UUID id : ids) {
                NoteState n = table.require(id);
                if (n.trashed) {
                    continue;
                }
                deleteFile(n);
                synchronized (state) {
                    n.trashed = true;
                    n.pendingTrash = Boolean.TRUE;
                }
                trashBook.put(id, new TrashInfo(System.currentTimeMillis() * 1000, batch, "", true, false));
                trashed.add(id);
            }
            files.settle();
            index.write();
        } finally {
            ops.unlock();
        }
        events.fire(VaultListener::notesChanged);
        trashed.forEach(id -> events.fire(l -> l.pendingWork(id)));
    }

    /**
     * Removes a note the server never had (made here and never synced: its time is 0) without a
     * trace: its {@code .md}, its replica and its {@code .weft} files go, nothing goes to the trash
     * and nothing is sent. For a note made for this device alone (the desktop app's welcome note
     * when the device joins an account); an editor on it must be closed first.
     *
     * @throws IllegalStateException if the note has been synced
     */
    public void discard(UUID id) throws IOException {
        ops.lock();
        try {
            NoteState n = table.require(id);
            if (syncTime(id) != 0) {
                throw new IllegalStateException("note " + id + " has been synced: trash it instead");
            }
            NoteReplica r;
            synchronized (state) {
                r = open.remove(id);
            }
            if (r != null) {
                r.close();
            }
            files.removeFile(n);
            synchronized (state) {
                notes.remove(id);
            }
            Files.deleteIfExists(paths.structure(id));
            Files.deleteIfExists(paths.latestOps(id));
            index.write();
        } finally {
            ops.unlock();
        }
        events.fire(VaultListener::notesChanged);
    }

    /** Brings a note back from the trash here (renamed if its name is taken) and writes its {@code .md}; durable. */
    public void restore(UUID id) throws IOException {
        restore(List.of(id));
    }

    /**
     * Brings notes back from the trash here as one action (each renamed if its name is taken) and
     * writes their {@code .md}; one index write, durable before this returns.
     */
    public void restore(Collection<UUID> ids) throws IOException {
        List<UUID> restored = new ArrayList<>();
        ops.lock();
        try {
            for (UUID id : ids) {
                NoteState n = table.require(id);
                if (!n.trashed) {
                    continue;
                }
                String name = uniqueName(n.name, n);
                replicas.withReplica(n, r -> {
                    if (!name.equals(n.name)) {
                        replicas.ownEdits(() -> r.rename(name));
                    }
                    synchronized (state) {
                        n.name = name;
                        n.trashed = false;
                        n.pendingTrash = Boolean.FALSE;
                    }
                    files.placeFile(n, r);
                });
                trashBook.remove(id);
                restored.add(id);
            }
            index.write();
        } finally {
            ops.unlock();
        }
        events.fire(VaultListener::notesChanged);
        restored.forEach(id -> events.fire(l -> l.pendingWork(id)));
    }

    /** What this device knows of each trash: when, by which device, which batch (docs/vault.md, "The trash"). */
    public Map<UUID, TrashInfo> trashInfo() {
        return trashBook.all();
    }

    /**
     * The server's word on a note's trash ({@code 38}): when, by which device, in which batch; kept
     * for the trash view. Nothing changes in the note itself (the {@code 34} after it does that).
     */
    public void trashNews(UUID id, long at, long batch, String device) throws IOException {
        boolean asked = trashBook.get(id).map(TrashInfo::purgeAsked).orElse(false);
        trashBook.putUnwritten(id, new TrashInfo(at, batch, device, false, asked));
    }

    /** The server says an edit took the note out of its trash: what was known of that trash is dropped. */
    public void trashNewsUndone(UUID id) throws IOException {
        trashBook.remove(id);
    }

    /**
     * Asks to delete notes in the trash forever: a note the server never had goes at once, the others
     * at the next sync, once the server confirms ({@link #purge}); notes out of the trash are left.
     * Returns how many were asked.
     */
    public int askPurge(Collection<UUID> ids) throws IOException {
        int asked = 0;
        for (UUID id : ids) {
            Optional<NoteInfo> note = note(id).filter(NoteInfo::trashed);
            if (note.isEmpty()) {
                continue;
            }
            asked++;
            if (syncTime(id) == 0 && !device().isPaired()) {
                purge(id); // never on a server: nothing to wait for
                continue;
            }
            TrashInfo info = trashBook.get(id).orElse(new TrashInfo(0, 0, "", false, false));
            trashBook.putUnwritten(id, info.withPurgeAsked(true));
        }
        trashBook.writeIfUnwritten(); // once for an emptied trash, before the call returns
        if (asked > 0) {
            ids.forEach(id -> events.fire(l -> l.pendingWork(id)));
            events.fire(VaultListener::notesChanged);
        }
        return asked;
    }

    /** The notes the user asked to delete forever that the server has not confirmed yet. */
    public List<UUID> pendingPurges() {
        return trashBook.all().entrySet().stream().filter(e -> e.getValue().purgeAsked())
                .filter(e -> note(e.getKey()).isPresent()).map(Map.Entry::getKey).sorted().toList();
    }

    /** The server refused to delete a note forever (it is out of the trash there): the request is dropped. */
    public void purgeRefused(UUID id) throws IOException {
        Optional<TrashInfo> info = trashBook.get(id);
        if (info.isPresent() && info.get().purgeAsked()) {
            trashBook.put(id, info.get().withPurgeAsked(false));
        }
    }

    /**
     * Another device deleted the note forever (a {@code 39} this device did not ask for): one note's
     * {@link #purge(Collection, Collection)}. Returns the note kept in its place, or empty.
     */
    public Optional<NoteInfo> purgedElsewhere(UUID id) throws IOException {
        return Optional.ofNullable(purge(List.of(), List.of(id)).get(id));
    }

    /** The note was deleted forever at this device's request: one note's {@link #purge(Collection, Collection)}. */
    public void purge(UUID id) throws IOException {
        purge(List.of(id), List.of());
    }

    /**
     * Notes deleted forever (the server's {@code 39}s, docs/protocol.md §9), as one batch: {@code asked}
     * by this device, {@code elsewhere} by another. Each goes with its file, if it has one, and every
     * file of it under {@code .weft/}, unsent ops included; it leaves the list. A note of {@code
     * elsewhere} this device still wants, not in the trash here and with edits or a restore not sent
     * yet, first has its text kept as a new note of the same name (docs/vault.md, "The trash"): an edit
     * wins over a purge as over a trash, while the purged note, its id and its history stay gone on
     * the server. The batch is recorded first ({@link PurgeRecord}) and costs one write of the index
     * and of the trash book: a kill leaves every note of it purged at the next open, or none. Returns
     * the notes kept, by the id they replace. Unknown notes are skipped.
     */
    public Map<UUID, NoteInfo> purge(Collection<UUID> asked, Collection<UUID> elsewhere) throws IOException {
        Map<UUID, NoteInfo> kept = new LinkedHashMap<>();
        Set<UUID> all = new LinkedHashSet<>(asked);
        all.addAll(elsewhere);
        ops.lock();
        try {
            Map<UUID, String> names = new HashMap<>();
            for (UUID id : elsewhere) {
                keptText(id).ifPresent(note -> {
                    kept.put(id, note);
                    names.put(id, note(id).orElseThrow().name());
                });
            }
            List<NoteState> present = new ArrayList<>();
            synchronized (state) {
                for (UUID id : all) {
                    NoteState n = notes.get(id);
                    if (n != null) {
                        present.add(n);
                    }
                }
            }
            if (!present.isEmpty()) {
                index.write(); // the index names every file of the batch, and the notes kept, for the record's recovery
                PurgeRecord.write(paths.weftDir(), all);
            }
            for (NoteState n : present) {
                NoteReplica r;
                synchronized (state) {
                    r = open.remove(n.id);
                }
                if (r != null) {
                    r.close();
                }
                files.removeFile(n);
                synchronized (state) {
                    notes.remove(n.id);
                }
            }
            NotePurge.deleteFiles(paths.weftDir(), all);
            if (!present.isEmpty()) {
                index.write();
            }
            trashBook.removeAll(all);
            PurgeRecord.remove(paths.weftDir());
            for (Map.Entry<UUID, NoteInfo> e : kept.entrySet()) {
                // made before the batch, so a kill never loses the text: it takes the purged note's name now
                String wanted = names.get(e.getKey());
                if (!e.getValue().name().equals(wanted)) {
                    rename(e.getValue().id(), wanted);
                    e.setValue(note(e.getValue().id()).orElse(e.getValue()));
                }
            }
        } finally {
            ops.unlock();
        }
        events.fire(VaultListener::notesChanged);
        return kept;
    }

    /** The text of {@code id} kept as a new note, if this device still wants it (see {@link #purge(Collection, Collection)}). */
    private Optional<NoteInfo> keptText(UUID id) throws IOException {
        NoteState n;
        boolean restoring;
        synchronized (state) {
            n = notes.get(id);
            restoring = n != null && Boolean.FALSE.equals(n.pendingTrash);
        }
        if (n == null || n.trashed) {
            return Optional.empty();
        }
        String text = withReplica(id, r -> r.log().pendingCount() > 0 || restoring ? r.text() : null);
        if (text == null) {
            return Optional.empty();
        }
        String name;
        synchronized (state) {
            name = n.name;
        }
        return Optional.of(create(name, text));
    }

    /**
     * The replica of note {@code id}, opened on first use and kept open until {@link #close}; edit
     * through it (local edits reach the {@code .md} file and the listeners).
     *
     * @throws java.util.NoSuchElementException if there is no such note
     */
    public NoteReplica replica(UUID id) throws IOException {
        ops.lock();
        try {
            NoteState n = table.require(id);
            synchronized (state) {
                NoteReplica cached = open.get(id);
                if (cached != null) {
                    return cached;
                }
            }
            NoteReplica r = replicas.takeHeld(n);
            if (r == null) {
                r = replicas.openReplica(n);
            }
            String base = n.baseSaved ? files.baseCopy(n) : null;
            synchronized (state) {
                // the replica's text is the file's only if it is the text last written: typing
                // recovered from the log after a crash never reached the file
                n.baseText = base != null ? base
                        : n.fileWritten && DebouncedWriter.hashOf(r.text()).equals(n.baseHash) ? r.text() : null;
                open.put(id, r);
            }
            return r;
        } finally {
            ops.unlock();
        }
    }

    /** A job on a note's replica for {@link #withReplica}. */
    @FunctionalInterface
    public interface ReplicaJob<T> {
        T run(NoteReplica replica) throws IOException;
    }

    /**
     * Runs {@code job} with note {@code id}'s replica: the one open for an editor, else one opened
     * for the job and closed after. The sync engine's way to a record log: it never keeps a replica
     * open, so syncing 10,000 notes holds one at a time.
     *
     * @throws java.util.NoSuchElementException if there is no such note
     */
    public <T> T withReplica(UUID id, ReplicaJob<T> job) throws IOException {
        List<T> result = new ArrayList<>(1);
        ops.lock();
        try {
            replicas.withReplica(table.require(id), r -> result.add(job.run(r)));
        } finally {
            ops.unlock();
        }
        index.schedule();
        return result.get(0);
    }

    /**
     * Keeps the replicas that jobs open ({@link #withReplica}, {@link #applyRemote}, {@link #currentTo},
     * …) open until the hold is closed, a bounded number at a time, and closes them together: the sync
     * engine's jobs on one note in a burst (mark sent, send, acknowledge, apply, current to) then open
     * its files once and force its log once, side by side with the other notes' (docs/client.md,
     * "Many notes"). What each job wrote is in the log when it returns, as without a hold.
     */
    public ReplicaHold holdReplicas() {
        ops.lock();
        try {
            replicas.hold();
        } finally {
            ops.unlock();
        }
        return new ReplicaHold(this);
    }

    /**
     * Forces the record logs of {@code ids} to disk, side by side (a journaling file system commits
     * fsyncs that wait together at once): after {@link RecordLog#markToSendUnforced} on many notes,
     * before their ops leave. A note whose replica is not open (closed since: forced then) is skipped.
     */
    public void forceLogs(Collection<UUID> ids) throws IOException {
        List<NoteReplica> logs = new ArrayList<>();
        ops.lock();
        try {
            synchronized (state) {
                for (UUID id : ids) {
                    NoteReplica r = open.containsKey(id) ? open.get(id) : table.held.get(id);
                    if (r != null) {
                        logs.add(r);
                    }
                }
            }
            ParallelClose.forceAll(logs);
        } finally {
            ops.unlock();
        }
    }

    /**
     * Closes the replicas of {@code ids} that a hold keeps open, their logs forced side by side: the
     * sync engine is done with them (their uploads answered) while the hold goes on.
     */
    public void closeHeld(Collection<UUID> ids) throws IOException {
        ops.lock();
        try {
            replicas.closeHeld(ids);
        } finally {
            ops.unlock();
        }
    }

    /** Ends a hold of {@link #holdReplicas}. */
    void releaseHold() throws IOException {
        ops.lock();
        try {
            replicas.release();
        } finally {
            ops.unlock();
        }
        index.schedule();
    }

    /**
     * The server acknowledged note {@code id}'s local ops through {@code seq} ({@code 34} or
     * {@code 69}): they leave the pending set, and the note takes the server's name if the server
     * named it after this device's rename (a name it had to make unique, say), file included.
     */
    public void acknowledge(UUID id, long seq) throws IOException {
        withReplica(id, r -> {
            r.log().acknowledge(seq);
            r.settle();
            return null;
        });
        applyRemote(id, null, List.of(), List.of());
    }

    /**
     * Applies a server answer ({@code 33}) or forwarded session ops: creates the note if it is new
     * here, takes its name ({@code null}: unchanged) and ops, and moves or writes its {@code .md}.
     *
     * @throws NoteSetAside if {@code name} breaks the name rule: reported, nothing applied
     */
    public void applyRemote(UUID id, String name, Collection<Atom> inserts, Collection<Pid> deletes)
            throws IOException {
        requireTakeable(id, name);
        boolean listChanged;
        boolean textChanged;
        ops.lock();
        try {
            NoteState n;
            synchronized (state) {
                n = notes.get(id);
                listChanged = n == null;
                if (n == null) {
                    n = new NoteState(id);
                    n.name = name != null ? name : id.toString();
                    notes.put(id, n);
                }
            }
            NoteState note = n;
            boolean[] changed = new boolean[2];
            replicas.withReplica(note, r -> {
                // a replica open for this call only costs O(text) anyway; an open one is compared by counts
                boolean cached = table.isCached(note);
                String before = cached ? null : r.text();
                int length = r.utf16Length();
                int atoms = r.atomCount();
                if (name != null) {
                    r.applyRemoteName(name);
                }
                r.applyRemote(inserts, deletes);
                String newName = r.name().orElse(note.name);
                changed[0] = !newName.equals(note.name);
                changed[1] = r.utf16Length() != length || r.atomCount() != atoms;
                if (changed[1]) {
                    String fileText;
                    synchronized (state) {
                        // a replica opened for this call holds what the file holds only if its text
                        // is the one last written: typing recovered from the log after a crash is not
                        fileText = cached ? note.baseText
                                : DebouncedWriter.hashOf(before).equals(note.baseHash) ? before : null;
                    }
                    files.saveBase(note, fileText);
                }
                synchronized (state) {
                    note.name = newName;
                    if (changed[1]) {
                        note.version++;
                    }
                }
                files.placeFile(note, r);
                if (changed[1]) {
                    files.scheduleWrite(note, r);
                }
            });
            listChanged |= changed[0];
            textChanged = changed[1];
        } finally {
            ops.unlock();
        }
        if (listChanged) {
            index.schedule();
            events.fire(VaultListener::notesChanged);
        }
        if (textChanged) {
            events.fire(l -> l.textChanged(id, Origin.REMOTE));
        }
    }

    /**
     * Takes the name the server gave note {@code id} as of its sync time {@code asOf}, unless the
     * note has a name the server gave as of a later time: answers that come on two connections (the
     * global one and a session) arrive in no set order, and an answer read before a rename must not
     * bring back the name that rename replaced.
     *
     * @throws NoteSetAside if {@code name} breaks the name rule: reported, the note keeps its name
     */
    public void applyRemoteName(UUID id, String name, long asOf) throws IOException {
        requireTakeable(id, name);
        ops.lock();
        try {
            NoteState n = table.require(id);
            synchronized (state) {
                if (asOf < n.nameAsOf) {
                    return;
                }
                n.nameAsOf = asOf;
            }
            applyRemote(id, name, List.of(), List.of());
        } finally {
            ops.unlock();
        }
    }

    /**
     * The server would not send note {@code id}: the name it has stored breaks the rule
     * ({@code 36} code 422, {@code reason}). Reported like a name it sent that breaks the rule.
     */
    public void setAside(UUID id, String reason) {
        events.problem(NoteSetAside.unsent(id, note(id).map(NoteInfo::name), reason).getMessage());
    }

    /** Throws (and reports) {@link NoteSetAside} if a name from the server breaks the name rule. */
    private void requireTakeable(UUID id, String name) {
        if (name == null) {
            return;
        }
        Optional<String> problem = NotePaths.validate(name);
        if (problem.isPresent()) {
            NoteSetAside setAside = NoteSetAside.of(id, note(id).map(NoteInfo::name), name, problem.get());
            events.problem(setAside.getMessage());
            throw setAside;
        }
    }

    /** The server's trash flag ({@code 34} bit 0): moves the note to or from the trash here, not as a pending change. */
    public void applyRemoteTrashed(UUID id, boolean trashed) throws IOException {
        applyRemoteTrashed(Map.of(id, trashed));
    }

    /**
     * Several notes' trash flags from the server ({@code 34} bit 0), as {@link #applyRemoteTrashed(UUID, boolean)}:
     * one index write for all of them, done before the call returns, so a caller that then moves their sync
     * times on never has a time past a trash change the index lacks.
     */
    public void applyRemoteTrashed(Map<UUID, Boolean> flags) throws IOException {
        boolean changed = false;
        ops.lock();
        try {
            for (Map.Entry<UUID, Boolean> flag : flags.entrySet()) {
                changed |= moveRemoteTrashed(flag.getKey(), flag.getValue());
            }
        } finally {
            try {
                if (changed) {
                    index.write();
                    trashBook.writeIfUnwritten();
                }
            } finally {
                ops.unlock();
            }
        }
        if (changed) {
            events.fire(VaultListener::notesChanged);
        }
    }

    /** Moves one note to or from the trash in memory and in the folder; false if nothing changed. */
    private boolean moveRemoteTrashed(UUID id, boolean trashed) throws IOException {
        NoteState n;
        synchronized (state) {
            n = notes.get(id);
            if (n == null || n.trashed == trashed || (n.pendingTrash != null && n.pendingTrash != trashed)) {
                return false; // unknown, no change, or our own newer request is on its way
            }
        }
        if (trashed) {
            deleteFile(n);
            synchronized (state) {
                n.trashed = true;
            }
            files.settle();
        } else {
            replicas.withReplica(n, r -> {
                synchronized (state) {
                    n.trashed = false;
                }
                files.placeFile(n, r);
            });
        }
        return true;
    }

    /**
     * The time note {@code id} is current to; 0 if unknown, or while its log is damaged (every
     * request then brings back all the server has). Never ahead of what its log holds.
     */
    public long syncTime(UUID id) {
        NoteReplica r;
        synchronized (state) {
            NoteState n = notes.get(id);
            if (n == null || n.logDamaged) {
                return 0;
            }
            r = open.get(id);
            if (r == null) {
                return n.syncTime;
            }
        }
        return r.log().syncTime();
    }

    /** Records that note {@code id} holds every change up to {@code syncTime} (its log, then the index). */
    public void currentTo(UUID id, long syncTime) throws IOException {
        ops.lock();
        try {
            NoteState n = table.require(id);
            replicas.withReplica(n, r -> {
                r.log().currentTo(syncTime);
                r.settle();
                synchronized (state) {
                    n.syncTime = syncTime;
                }
            });
        } finally {
            ops.unlock();
        }
        index.schedule();
    }

    /**
     * The notes whose record log was found damaged (docs/record-log.md, "Damage"), their files not
     * merged in yet: the sync engine pulls each from time 0, then calls {@link #mergeDamagedFile}.
     */
    public List<UUID> damagedNotes() {
        synchronized (state) {
            return notes.values().stream().filter(n -> n.logDamaged).map(n -> n.id).sorted().toList();
        }
    }

    /**
     * After an answer that brought everything the server has of note {@code id} (a pull from time
     * 0) was applied and the note made current: if its log was damaged, merges its {@code .md} in as
     * local edits (pending, sent like typing) and lets Weft write the file again.
     *
     * @return whether that made edits to send
     */
    public boolean mergeDamagedFile(UUID id) {
        boolean[] merged = new boolean[1];
        ops.lock();
        try {
            NoteState n;
            synchronized (state) {
                n = notes.get(id);
                if (n == null || !n.logDamaged) {
                    return false;
                }
            }
            replicas.withReplica(n, r -> merged[0] = damagedFiles.merge(n, r));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "merging the file of " + id + " after its log was damaged", e);
            events.problem("Could not merge the file of a note whose record log was damaged (it stays as it is"
                    + " and is tried again at the next sync): " + e.getMessage());
            return false;
        } finally {
            ops.unlock();
        }
        index.schedule();
        return merged[0];
    }

    /**
     * An answer of the server for note {@code id} (a pull's or an upload's, perhaps in many parts)
     * starts coming in: the note's file is neither written nor moved until {@link #answerWhole}, so
     * a download cut short never leaves part of a note in it (docs/vault.md, "Big downloads").
     */
    public void answerComing(UUID id) {
        incoming.hold(id);
    }

    /** The answer for note {@code id} is whole: its file is brought up to date if a write waited. */
    public void answerWhole(UUID id) throws IOException {
        ops.lock();
        try {
            if (!incoming.release(id)) {
                return;
            }
            NoteState n;
            synchronized (state) {
                n = notes.get(id);
            }
            if (n == null) {
                return;
            }
            replicas.withReplica(n, r -> {
                boolean hadFile;
                synchronized (state) {
                    hadFile = n.file != null;
                }
                files.placeFile(n, r); // a new note's file is written here
                if (hadFile) {
                    files.scheduleWrite(n, r);
                }
            });
        } finally {
            ops.unlock();
        }
        index.schedule();
    }

    /** The names of the notes whose files wait for the rest of a download cut short. */
    public List<String> incompleteNotes() {
        List<String> names = new ArrayList<>();
        for (UUID id : incoming.waiting()) {
            note(id).ifPresent(n -> names.add(n.name()));
        }
        return names;
    }

    /** The notes whose logs may hold unacknowledged ops, without opening them. */
    public List<UUID> withPendingOps() {
        List<UUID> result = new ArrayList<>();
        Map<UUID, NoteReplica> replicas;
        synchronized (state) {
            replicas = new HashMap<>(open);
            for (NoteState n : notes.values()) {
                if (n.hasPending && !replicas.containsKey(n.id)) {
                    result.add(n.id);
                }
            }
        }
        replicas.forEach((id, r) -> {
            if (r.log().pendingCount() > 0) {
                result.add(id);
            }
        });
        result.sort(null);
        return result;
    }

    /** The trash and restore requests made here that the server has not acknowledged. */
    public List<TrashChange> pendingTrashChanges() {
        synchronized (state) {
            return notes.values().stream().filter(n -> n.pendingTrash != null)
                    .map(n -> new TrashChange(n.id, n.pendingTrash, n.pendingTrash
                            ? trashBook.get(n.id).filter(TrashInfo::local).map(TrashInfo::batch).orElse(0L) : 0L))
                    .sorted(Comparator.comparing(TrashChange::id))
                    .toList();
        }
    }

    /** Whether a trash or restore of {@code id} waits to be sent or acknowledged: {@link #pendingTrashChanges} for one note. */
    public boolean trashChangePending(UUID id) {
        synchronized (state) {
            NoteState n = notes.get(id);
            return n != null && n.pendingTrash != null;
        }
    }

    /** The server's {@code 34} for a trash or restore request: the pending change is done if it still is this one. */
    public void trashAcknowledged(UUID id, boolean trashed) throws IOException {
        synchronized (state) {
            NoteState n = notes.get(id);
            if (n == null || !Objects.equals(n.pendingTrash, trashed)) {
                return;
            }
            n.pendingTrash = null;
        }
        index.schedule();
    }

    /**
     * A note in the trash here is sent to the trash again (a store that lost changes may not know it
     * is there); nothing for a note out of the trash or with a trash change pending.
     */
    public void trashAgain(UUID id) {
        synchronized (state) {
            NoteState n = notes.get(id);
            if (n == null || !n.trashed || n.pendingTrash != null) {
                return;
            }
            n.pendingTrash = Boolean.TRUE;
        }
        index.schedule();
    }

    /**
     * The changes other programs made to the files that wait for the user's decision, by name: a
     * scan found too many notes' files gone or erased at once ({@link MassChangeGuard}). None of
     * them is sent until {@link #allowHeld} or {@link #restoreHeld}; a restart keeps them held.
     */
    public List<HeldChange> heldChanges() {
        Map<UUID, HeldChange.Kind> all = held.all();
        synchronized (state) {
            return all.entrySet().stream().filter(e -> notes.containsKey(e.getKey()) && !notes.get(e.getKey()).trashed)
                    .map(e -> new HeldChange(e.getKey(), notes.get(e.getKey()).name, e.getValue()))
                    .sorted(Comparator.comparing(HeldChange::name).thenComparing(HeldChange::id)).toList();
        }
    }

    /** Sends the held changes of {@code kind}: the gone notes go to the trash everywhere, the erased text is erased. */
    public void allowHeld(HeldChange.Kind kind) throws IOException {
        ops.lock();
        try {
            changes.allowHeld(kind);
        } finally {
            ops.unlock();
        }
    }

    /** Drops the held changes of {@code kind}: their files are written again from this device's text. */
    public void restoreHeld(HeldChange.Kind kind) throws IOException {
        ops.lock();
        try {
            changes.restoreHeld(kind);
        } finally {
            ops.unlock();
        }
        files.flush();
    }

    /** Adds a listener; it hears at once of the problems found while opening (a damaged index, files left out). */
    public void addListener(VaultListener listener) {
        events.add(listener);
    }

    public void removeListener(VaultListener listener) {
        events.remove(listener);
    }

    /** Watches the folder for other programs' edits; what changed since opening is brought in first. */
    public void startWatching() throws IOException {
        ops.lock();
        try {
            if (watcher != null || closed) {
                return;
            }
            watcher = new FolderWatcher(paths.vault(), options.watchSettle(), this::filesChanged);
            watcher.start();
            changes.reconcile(null, false);
        } finally {
            ops.unlock();
        }
    }

    /** Writes every pending {@code .md} and the index now. */
    public void flush() throws IOException {
        closeHeld();
        files.flush();
        index.write();
        trashBook.writeIfUnwritten();
    }

    private void closeHeld() throws IOException {
        ops.lock();
        try {
            replicas.closeHeld();
        } finally {
            ops.unlock();
        }
    }

    /** Stops watching, writes every pending {@code .md} and the index, closes every replica. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (watcher != null) {
            watcher.close();
        }
        index.stop();
        files.close();
        IOException failure = null;
        ops.lock();
        try {
            replicas.endHolds();
        } catch (IOException e) {
            failure = e;
        } finally {
            ops.unlock();
        }
        try {
            index.write();
            trashBook.writeIfUnwritten();
        } catch (IOException e) {
            failure = e;
        }
        ops.lock();
        try {
            List<NoteReplica> replicas;
            synchronized (state) {
                replicas = new ArrayList<>(open.values());
                open.clear();
            }
            for (NoteReplica r : replicas) {
                try {
                    r.close();
                } catch (IOException e) {
                    failure = failure == null ? e : failure;
                }
            }
        } finally {
            ops.unlock();
        }
        io.shutdownNow(); // a delayed index write is done already: close() wrote it
        events.close(false);
        try {
            io.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    // ---- package-private hooks for tests

    /** Stops every thread without writing anything: what a kill leaves (logs stay as appended). */
    void abandon() {
        closed = true;
        io.shutdownNow();
        events.close(true);
        try {
            if (watcher != null) {
                watcher.close();
            }
            synchronized (state) {
                for (NoteReplica r : open.values()) {
                    r.close();
                }
                open.clear();
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "abandoning " + paths.vault(), e);
        }
    }

    /** How many replicas this vault opened. */
    int replicaOpens() {
        return replicas.opens();
    }

    // ---- what other programs and the editor did

    private void filesChanged(FolderWatcher.Batch batch) {
        if (closed) {
            return;
        }
        ops.lock();
        try {
            changes.reconcile(batch.rescan() ? null : batch.paths(), false);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "handling file changes in " + paths.vault(), e);
            events.problem("Could not take in changed files: " + Reasons.of(e));
        } finally {
            ops.unlock();
        }
    }

    @FunctionalInterface
    private interface ReplicaWork {
        void run(NoteReplica r) throws IOException;
    }

    @FunctionalInterface
    private interface Work {
        void run() throws IOException;
    }

    /** A local edit through a replica (the editor's thread, under the replica's lock). */
    private void localEdit(NoteState n, List<LocalOp> nowPending) {
        if (replicas.ownEdit()) {
            return;
        }
        boolean text = nowPending.isEmpty() || nowPending.stream().anyMatch(op -> !(op instanceof LocalOp.Rename));
        NoteReplica r;
        boolean newlyPending;
        synchronized (state) {
            newlyPending = !n.hasPending && !nowPending.isEmpty();
            n.hasPending |= newlyPending;
            if (text) {
                n.version++;
            }
            r = open.get(n.id);
        }
        if (text && r != null) {
            String base;
            synchronized (state) {
                base = n.baseText;
            }
            if (base != null) {
                files.saveBase(n, base);
            }
            files.scheduleWrite(n, r);
            events.fire(l -> l.textChanged(n.id, Origin.LOCAL));
        }
        if (!nowPending.isEmpty()) {
            events.fire(l -> l.pendingWork(n.id));
        }
        if (newlyPending) {
            index.schedule(); // typing only grows the log, which the index need not follow (IndexKeeper)
        }
    }

    // ---- helpers

    /** A note just found damaged: with no server to restore it from, its file is merged in at once. */
    private void damageFound(NoteState n, NoteReplica r) throws IOException {
        if (!device().isPaired()) {
            damagedFiles.merge(n, r);
        }
    }

    /** Deletes the note's file, after taking in an edit another program made to it. */
    private void deleteFile(NoteState n) throws IOException {
        Path file;
        synchronized (state) {
            file = n.file;
        }
        if (file != null && !file.startsWith(paths.weftDir()) && Files.exists(file)) {
            changes.checkFile(n, false);
        }
        files.removeFile(n);
    }

    /** Restarts the wait after which the files the watcher saw vanish are decided on together. */
    private void decideVanishedLater() {
        synchronized (state) {
            if (vanishedDecision != null) {
                vanishedDecision.cancel(false);
            }
            try {
                vanishedDecision = io.schedule(this::decideVanished, options.watchSettle().toMillis() * 10,
                        TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closed: the next open finds the files gone
            }
        }
    }

    private void decideVanished() {
        if (closed) {
            return;
        }
        ops.lock();
        try {
            changes.decideVanished();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "handling deleted files in " + paths.vault(), e);
            events.problem("Could not take in deleted files: " + Reasons.of(e));
        } finally {
            ops.unlock();
        }
    }

    private void runLater(Runnable task) {
        try {
            io.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed
        }
    }

    private int site() {
        synchronized (state) {
            return copy != null && device.site() == copy.site() ? DeviceState.UNPAIRED_SITE : device.site();
        }
    }

    /**
     * {@code name}, or the first free {@code name (2)}, {@code name (3)}… among the notes not in the trash.
     *
     * @throws IllegalArgumentException if the name is taken and its numbered form breaks the name
     *     rule (too long), or another note's file would be a folder of it or the reverse (notes
     *     {@code x} and {@code x.md/y}), as the server refuses it too
     */
    private String uniqueName(String name, NoteState self) {
        synchronized (state) {
            Set<String> taken = new HashSet<>();
            for (NoteState n : notes.values()) {
                if (n != self && !n.trashed) {
                    taken.add(NotePaths.collisionKey(n.name));
                }
            }
            String candidate = name;
            for (int i = 2; taken.contains(NotePaths.collisionKey(candidate)) || foreignFileAt(candidate); i++) {
                candidate = name + " (" + i + ")";
                Optional<String> problem = NotePaths.validate(candidate);
                if (problem.isPresent()) {
                    throw new IllegalArgumentException("the name is taken and its numbered form is no valid name ("
                            + problem.get() + "): choose a shorter one");
                }
            }
            for (NoteState n : notes.values()) { // the server refuses it too (docs/protocol.md §1)
                if (n != self && !n.trashed && NoteNames.clash(candidate, n.name)) {
                    throw new IllegalArgumentException(NoteNames.clashProblem(candidate, n.name) + ": choose another name");
                }
            }
            return candidate;
        }
    }

    /** Whether a file not (yet) a note's is where note {@code name} would go: another program just made it. */
    private boolean foreignFileAt(String name) {
        Path file = notePaths.pathOf(name);
        return byFile.get(file) == null && Files.exists(file);
    }

    private UUID newId() {
        long msb = (options.random().nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (options.random().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
