package dev.weft.store;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Whether the store file was found damaged, by the scan at open or by any read since: once it is,
 * the store stays read-only until it is rebuilt, and its listener hears of it once.
 */
final class Damage {
    private StoreDamagedException found;
    private Consumer<StoreDamagedException> listener = damage -> {
    };

    /** The damage found, if any. */
    synchronized Optional<StoreDamagedException> found() {
        return Optional.ofNullable(found);
    }

    /** Notes the damage {@code error} reports, if any: true if it does. */
    boolean note(Throwable error) {
        Optional<StoreDamagedException> damage = StoreDamagedException.in(error);
        damage.ifPresent(this::note);
        return damage.isPresent();
    }

    synchronized void note(StoreDamagedException damage) {
        if (found == null) {
            found = damage;
            listener.accept(damage);
        }
    }

    /** Sets the one listener; it hears at once of damage found before. */
    synchronized void listen(Consumer<StoreDamagedException> listener) {
        this.listener = listener;
        if (found != null) {
            listener.accept(found);
        }
    }
}
