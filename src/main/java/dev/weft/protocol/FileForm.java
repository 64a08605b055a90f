package dev.weft.protocol;

/**
 * The files of docs/protocol.md §11: a global connection where the device announced {@value #HEADER}
 * and the server answered it in the {@code 101} gets {@code 42 files_changed}; a peer that never
 * announced gets what it got before, byte for byte.
 */
public final class FileForm {
    /** The upgrade header both ends send to announce the files; the 101 answers it in kind. */
    public static final String HEADER = "Weft-Files";
    /** The header's one value. */
    public static final String VERSION = "1";

    private FileForm() {
    }

    /** Whether {@code m} is one of the files messages. */
    public static boolean isFiles(Message m) {
        return m instanceof FilesChanged;
    }
}
