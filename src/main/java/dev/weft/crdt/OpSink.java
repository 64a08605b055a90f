package dev.weft.crdt;

/** Receives the operations a local edit produced, in the order they were made. */
public interface OpSink {
    /** Discards every operation. */
    OpSink NONE = new OpSink() {
        @Override
        public void inserted(Pid pid, int codePoint) {
        }

        @Override
        public void deleted(Pid pid) {
        }
    };

    void inserted(Pid pid, int codePoint);

    void deleted(Pid pid);
}
