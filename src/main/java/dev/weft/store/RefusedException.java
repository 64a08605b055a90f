package dev.weft.store;

/**
 * The store refused a request that would break one of its rules (a device name in use, no site
 * left, a new document without a name). Nothing of the request was stored; the store works on.
 */
public final class RefusedException extends StoreException {
    private static final long serialVersionUID = 1L;

    public RefusedException(String message) {
        super(message);
    }
}
