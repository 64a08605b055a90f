package dev.weft.client;

import dev.weft.protocol.StoreHeader;
import dev.weft.vault.NoteInfo;
import dev.weft.vault.StoreMemory;
import dev.weft.vault.Vault;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The device's side of {@code Weft-Store} (docs/client.md, "A lost or rolled-back server store"):
 * names the store and run this vault last met, and the greatest sync time it holds, at each global
 * connection; reads the server's answer; when the store lost changes this vault holds, lowers the
 * vault's last sync time to what the store kept, has the notes uploaded again whole
 * ({@link ReuploadRule}) and says so; once the vault is current, remembers the store's new run.
 * Until then the old run stays remembered, so an interrupted recovery starts again. On the sync
 * thread only.
 */
final class StoreRecovery {
    private final Vault vault;
    private final SyncListener listener;
    /** The greatest time the vault held at the last request. */
    private long seen;
    /** The run to remember once the vault is current (a recovery is under way), or null. */
    private StoreMemory.Run owed;
    private int owedNotes;
    /** A note of the recovery under way was open in a live session and not sent whole. */
    private boolean leftOut;

    StoreRecovery(Vault vault, SyncListener listener) {
        this.vault = vault;
        this.listener = listener;
    }

    /** The header value of a global connection's upgrade. */
    String request() throws IOException {
        seen = ReuploadRule.seen(vault.device().lastSyncTime(), noteTimes());
        return new StoreHeader.Request(StoreMemory.read(vault.folder()).map(r -> new StoreHeader.Run(r.store(), r.run())),
                seen).format();
    }

    /**
     * The connection is open; {@code answer} is the server's header (null from a server that does
     * not name its store: nothing to check). Returns what to upload again, if the store lost changes.
     */
    Optional<ReuploadRule.Plan> opened(String answer) throws IOException {
        if (answer == null) {
            return Optional.empty();
        }
        StoreHeader.Answer store;
        try {
            store = StoreHeader.parseAnswer(answer);
        } catch (IllegalArgumentException e) {
            listener.problem("the server named its store in a way this Weft cannot read (" + answer + ")");
            return Optional.empty();
        }
        Optional<ReuploadRule.Plan> plan = ReuploadRule.plan(store.kept(), seen, noteTimes());
        if (plan.isEmpty()) {
            if (owed == null && !memory(store.current()).equals(StoreMemory.read(vault.folder()).orElse(null))) {
                StoreMemory.write(vault.folder(), memory(store.current()));
            }
            return plan;
        }
        owed = memory(store.current());
        leftOut = false;
        owedNotes = plan.get().notes().size();
        if (vault.device().lastSyncTime() > store.kept()) {
            vault.updateDevice(vault.device().withLastSyncTime(store.kept()));
        }
        for (UUID id : plan.get().notes()) {
            vault.trashAgain(id); // the store may not know it is in the trash
        }
        String message = "the server's store lacks changes this device holds (it was lost or put back from an"
                + " older copy; it holds " + (store.kept() == 0 ? "nothing this device synced" : "them up to sync time "
                + store.kept()) + "): uploading " + owedNotes + " note" + (owedNotes == 1 ? "" : "s") + " again";
        tell(message);
        return plan;
    }

    /** A note open in a live session was not sent whole: the next connection recovers again. */
    void leftOut() {
        leftOut = true;
    }

    /** The vault is current: a recovery under way is done, and the store's run is remembered. */
    void current() throws IOException {
        if (owed == null) {
            return;
        }
        if (leftOut) {
            owed = null; // the old run stays remembered: the next connection sends the notes left out
            String message = "the server has the notes of this device again, but for notes open in an editor:"
                    + " they go at the next connection";
            tell(message);
            return;
        }
        StoreMemory.write(vault.folder(), owed);
        owed = null;
        String message = "the server has every note of this device again (" + owedNotes + " uploaded again)";
        tell(message);
    }

    private static StoreMemory.Run memory(StoreHeader.Run run) {
        return new StoreMemory.Run(run.store(), run.run());
    }

    private Map<UUID, Long> noteTimes() {
        Map<UUID, Long> times = new HashMap<>();
        for (NoteInfo note : vault.notes()) {
            times.put(note.id(), vault.syncTime(note.id()));
        }
        return times;
    }

    private void tell(String message) {
        System.getLogger(StoreRecovery.class.getName()).log(System.Logger.Level.DEBUG, vault.folder() + ": " + message);
        listener.problem(message);
        listener.storeRecovery(message);
    }
}
