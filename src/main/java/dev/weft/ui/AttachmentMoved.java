package dev.weft.ui;

/**
 * What follows an attachment's rename or move in the tree: the notes' links to it are rewritten (as
 * their own edits) by whoever the window is given here. {@link AttachmentActions#rename} is its one
 * caller, on the event thread, once the file is at its new path.
 */
@FunctionalInterface
interface AttachmentMoved {
    /** {@code from} and {@code to}: vault-relative {@code /}-separated paths of the file. */
    void moved(String from, String to);
}
