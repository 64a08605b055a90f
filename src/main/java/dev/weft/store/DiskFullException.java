package dev.weft.store;

/**
 * A write failed because the disk under the store is full. Nothing of it was stored, the store
 * stays open for reads, and the next write tries again: once there is space it succeeds.
 */
public final class DiskFullException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** What devices and the log are told. */
    public static final String MESSAGE = "the server's disk is full";

    DiskFullException(Throwable cause) {
        super(MESSAGE, cause);
    }
}
