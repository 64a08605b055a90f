package dev.weft.store;

import java.nio.file.Path;

/**
 * Compacts the store in {@code DIR} again and again, printing {@code compacted BEFORE AFTER} after
 * each, until killed ({@link CompactionKillTest}).
 */
public final class CompactionChild {
    private CompactionChild() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        while (true) {
            long[] sizes = StoreCompaction.compact(dir);
            System.out.println("compacted " + sizes[0] + " " + sizes[1]);
            System.out.flush();
        }
    }
}
