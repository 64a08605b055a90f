package dev.weft.store;

/**
 * The store cannot do its work: the data dir is in use or unreadable, the file is damaged, a write
 * to disk failed. The message says which, and where.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
