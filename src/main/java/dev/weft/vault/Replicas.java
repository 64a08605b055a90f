package dev.weft.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;

/**
 * Opens the vault's replicas: the cached ones that {@link Vault#replica} hands out, and replicas
 * opened for one job (a remote answer, a merge, an import) and closed right after, their time,
 * pending flag and log size copied to the note first. While a {@link #hold} is on (the sync engine
 * handling a burst of answers or uploads), a replica opened for a job stays open for the next job on
 * its note and is closed with the others at the hold's end (at most {@link #MAX_HELD} at a time),
 * their logs forced side by side: one open and one fsync per note instead of one per job. Each
 * hears of local edits through the listener given here, except those the vault makes itself
 * ({@link #ownEdits}).
 */
final class Replicas {
    /** Work on a replica. */
    @FunctionalInterface
    interface ReplicaWork {
        void run(NoteReplica r) throws IOException;
    }

    /** Hears of a note found damaged, right after it was marked. */
    @FunctionalInterface
    interface DamageFound {
        void found(NoteState n, NoteReplica r) throws IOException;
    }

    /** Edits the vault makes itself. */
    @FunctionalInterface
    interface Work {
        void run() throws IOException;
    }

    /**
     * The most replicas a hold keeps open: beyond, they are all closed and the hold goes on. Room for
     * the sync engine's uploads in flight (its {@code UPLOAD_WINDOW}, 48) and a batch answered (16).
     */
    static final int MAX_HELD = 64;

    private final Object state;
    private final Map<UUID, NoteReplica> open;
    private final Map<UUID, NoteReplica> held;
    /** Holds on now (under the operation lock). */
    private int holds;
    /** Replicas opened for the job running now (under the operation lock), closed when it ends. */
    private final Map<UUID, NoteReplica> borrowed = new HashMap<>();
    private final VaultPaths paths;
    private final VaultOptions options;
    private final VaultEvents events;
    private final DamagedLogs damaged;
    private final IntSupplier site;
    private final BiConsumer<NoteState, List<LocalOp>> localEdits;
    private final DamageFound damageFound;
    /** Set while the vault edits a replica itself (merging, importing): no LOCAL event for those. */
    private final ThreadLocal<Boolean> ownEdit = ThreadLocal.withInitial(() -> false);
    private final AtomicInteger replicaOpens = new AtomicInteger();

    Replicas(NoteTable table, VaultPaths paths, VaultOptions options, VaultEvents events, DamagedLogs damaged,
            IntSupplier site, BiConsumer<NoteState, List<LocalOp>> localEdits, DamageFound damageFound) {
        this.state = table.lock;
        this.open = table.open;
        this.held = table.held;
        this.paths = paths;
        this.options = options;
        this.events = events;
        this.damaged = damaged;
        this.site = site;
        this.localEdits = localEdits;
        this.damageFound = damageFound;
    }

    /** Whether the current thread is inside {@link #ownEdits}. */
    boolean ownEdit() {
        return ownEdit.get();
    }

    /** How many replicas were opened. */
    int opens() {
        return replicaOpens.get();
    }

    /** Runs {@code work} with the note's replica: the cached one, else one opened for it and closed after. */
    void withReplica(NoteState n, ReplicaWork work) throws IOException {
        NoteReplica r;
        boolean fromHold = false;
        synchronized (state) {
            r = open.get(n.id);
            if (r == null) {
                r = borrowed.get(n.id);
            }
            if (r == null) {
                r = held.remove(n.id);
                fromHold = r != null;
                if (fromHold) {
                    borrowed.put(n.id, r);
                }
            }
        }
        if (r != null && !fromHold) {
            work.run(r); // never a second replica on one log: a nested call gets the one open already
            return;
        }
        if (r == null) {
            r = openReplica(n, holds > 0);
            synchronized (state) {
                borrowed.put(n.id, r);
            }
        }
        boolean keep = false;
        try {
            work.run(r);
            keep = holds > 0;
        } finally {
            giveBack(n, r, keep ? GiveBack.HOLD : GiveBack.CLOSE);
        }
        if (keep && heldCount() > MAX_HELD) {
            closeHeld();
        }
    }

    /**
     * Runs {@code work} on the replica of note {@code n}, new and not in the table yet (an import),
     * and closes it with its log unforced: the log is added to {@code force}, which the caller runs
     * before the note enters the table (and so the index).
     */
    void withNewReplica(NoteState n, BatchedForce force, ReplicaWork work) throws IOException {
        NoteReplica r = openReplica(n, true);
        synchronized (state) {
            borrowed.put(n.id, r);
        }
        force.add(paths.latestOps(n.id));
        try {
            work.run(r);
        } finally {
            giveBack(n, r, GiveBack.CLOSE_UNFORCED);
        }
    }

    /** What becomes of a replica borrowed for one job. */
    private enum GiveBack { CLOSE, CLOSE_UNFORCED, HOLD }

    /** Takes back a replica borrowed for one job, its time, pending flag and log size copied to the note. */
    private void giveBack(NoteState n, NoteReplica r, GiveBack how) throws IOException {
        synchronized (state) {
            borrowed.remove(n.id);
            if (how == GiveBack.HOLD) {
                held.put(n.id, r);
            }
        }
        long time = r.log().syncTime();
        boolean pending = r.log().pendingCount() > 0;
        switch (how) {
            case CLOSE -> r.close();
            case CLOSE_UNFORCED -> r.closeUnforced();
            case HOLD -> { }
        }
        long size = how == GiveBack.HOLD ? r.log().sizeBytes() : logSize(n.id);
        synchronized (state) {
            n.syncTime = time;
            n.hasPending = pending;
            n.logSize = size;
        }
    }

    /** Starts a hold (under the operation lock): replicas opened for a job stay open until its {@link #release}. */
    void hold() {
        holds++;
    }

    /** Ends a hold (under the operation lock); the last one closes the replicas held. */
    void release() throws IOException {
        if (holds > 0 && --holds == 0) {
            closeHeld();
        }
    }

    /** Ends every hold and closes what they held (the vault is closing; under the operation lock). */
    void endHolds() throws IOException {
        holds = 0;
        closeHeld();
    }

    /**
     * Closes every replica held (under the operation lock), their logs forced side by side: a
     * journaling file system commits the fsyncs of many files that wait together at once.
     */
    void closeHeld() throws IOException {
        List<NoteReplica> closing;
        synchronized (state) {
            closing = new java.util.ArrayList<>(held.values());
            held.clear();
        }
        if (!closing.isEmpty()) {
            ParallelClose.closeAll(closing);
        }
    }

    /** Closes the held replicas of {@code ids} (under the operation lock), their logs forced side by side. */
    void closeHeld(java.util.Collection<UUID> ids) throws IOException {
        List<NoteReplica> closing = new java.util.ArrayList<>();
        synchronized (state) {
            for (UUID id : ids) {
                NoteReplica r = held.remove(id);
                if (r != null) {
                    closing.add(r);
                }
            }
        }
        if (!closing.isEmpty()) {
            ParallelClose.closeAll(closing);
        }
    }

    private int heldCount() {
        synchronized (state) {
            return held.size();
        }
    }

    /** The held replica of {@code n}, taken out of the hold (to be kept open for an editor), else null. */
    NoteReplica takeHeld(NoteState n) {
        synchronized (state) {
            return held.remove(n.id);
        }
    }

    NoteReplica openReplica(NoteState n) throws IOException {
        return openReplica(n, false);
    }

    /**
     * {@link #openReplica}; {@code deferCreation}: a new note's log is forced later, with others (at
     * a hold's end, or by an import's {@link BatchedForce}).
     */
    private NoteReplica openReplica(NoteState n, boolean deferCreation) throws IOException {
        synchronized (state) {
            if (open.containsKey(n.id) || borrowed.containsKey(n.id) || held.containsKey(n.id)) {
                // two replicas appending to one log would overwrite each other's records
                throw new IllegalStateException("the replica of " + n.id + " is open already");
            }
        }
        int site = this.site.getAsInt();
        NoteReplica r = NoteReplica.open(paths, n.id, options.replicaOptions().apply(site), CompactionHook.NONE, false,
                deferCreation);
        replicaOpens.incrementAndGet();
        try {
            checkDamage(n, r);
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
        r.log().addListener(nowPending -> localEdits.accept(n, nowPending));
        return r;
    }

    /**
     * A log that lost more than a kill can (docs/record-log.md, "Damage") marks its note, with what
     * the replica holds now, before anything else touches it; a marked note's replica is current to
     * time 0 until its file is merged in, so every request for it brings back all the server has.
     */
    private void checkDamage(NoteState n, NoteReplica r) throws IOException {
        LogRecovery recovery = r.recovery();
        boolean marked;
        synchronized (state) {
            marked = n.logDamaged;
        }
        if (r.damaged() && !marked) {
            damaged.mark(n.id, r);
            synchronized (state) {
                n.logDamaged = true;
            }
            if (recovery.damaged()) {
                events.problem("The record log of " + n.name + " was damaged ("
                        + (recovery.headerLost() ? "no valid header" : recovery.droppedBytes() + " bytes dropped")
                        + recovery.savedCopy().map(p -> ", whole file kept in " + p).orElse("") + "): "
                        + DamagedLogs.KEPT);
            }
            r.structureSetAside().ifPresent(p -> events.problem("The structure file of " + n.name
                    + " was damaged (copied to " + p + "): " + DamagedLogs.KEPT));
        } else if (!recovery.clean() && !marked) {
            events.problem("The record log of " + n.name + " was damaged; " + recovery.droppedBytes() + " bytes dropped.");
        }
        if ((marked || r.damaged()) && r.log().syncTime() != 0) {
            r.log().currentTo(0);
        }
        if (r.structureSetAside().isPresent()) {
            r.compact(); // replaces the damaged structure file, now that the note is marked
        }
        if (r.damaged() && !marked) {
            damageFound.found(n, r);
        }
    }

    void ownEdits(Work work) throws IOException {
        ownEdit.set(true);
        try {
            work.run();
        } finally {
            ownEdit.set(false);
        }
    }

    long logSize(UUID id) throws IOException {
        try {
            return Files.size(paths.latestOps(id));
        } catch (NoSuchFileException e) {
            return 0;
        }
    }
}
