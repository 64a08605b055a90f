package dev.weft.vault;

import java.io.IOException;

/** Lets a test stop a compaction at each of its steps, as a crash there would. */
@FunctionalInterface
interface CompactionHook {
    CompactionHook NONE = step -> {
    };

    /** The steps of a compaction, in order; files on disk are consistent after each. */
    enum Step {
        /** The old log was forced to disk. */
        OLD_LOG_FORCED,
        /** The structure file was replaced (the old log still in place). */
        STRUCTURE_WRITTEN,
        /** The fresh log was written to a temporary file and forced. */
        FRESH_LOG_WRITTEN,
        /** The fresh log was renamed over the old one (the folder not yet forced). */
        FRESH_LOG_RENAMED,
    }

    void reached(Step step) throws IOException;
}
