package dev.weft.store;

/**
 * A page of the store file does not match its checksum: the file was changed under the server (a
 * failing disk, another program). The store is read-only from then on: reads of what verifies go
 * on, every write is refused with this exception, until the store is rebuilt
 * ({@link StoreRepair}, {@code weft repair-store}).
 */
public final class StoreDamagedException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** What devices are told (protocol.md §4, code 500). */
    public static final String MESSAGE = "the server's store is damaged: it is read-only until repaired";

    StoreDamagedException(String detail) {
        super(detail);
    }

    /** The damage {@code error} or one of its causes reports, if any. */
    static java.util.Optional<StoreDamagedException> in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StoreDamagedException damaged) {
                return java.util.Optional.of(damaged);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return java.util.Optional.empty();
    }
}
