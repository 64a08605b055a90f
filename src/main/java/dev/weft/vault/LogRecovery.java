package dev.weft.vault;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What opening a record log found and did.
 *
 * @param keptBytes bytes of valid records kept
 * @param droppedBytes bytes cut off after them (a torn or corrupt tail, or everything after damage)
 * @param recordsAfterDamage valid records that followed the damage: more than 0 means the file was
 *     corrupt in the middle, not merely torn at its end
 * @param savedCopy where the whole file was copied before it was cut, when records were dropped
 *     that were whole and valid
 * @param headerLost the file was there but held no valid header (emptied, cut short or damaged at
 *     its start): everything it held since the structure file is gone
 */
public record LogRecovery(long keptBytes, long droppedBytes, int recordsAfterDamage, Optional<Path> savedCopy,
        boolean headerLost) {
    /** Nothing was dropped. */
    public boolean clean() {
        return droppedBytes == 0 && !headerLost;
    }

    /** Only an unfinished or damaged last record was dropped (what a kill or power loss can leave). */
    public boolean tornTail() {
        return droppedBytes > 0 && recordsAfterDamage == 0 && !headerLost;
    }

    /** Valid records followed damaged ones: they were dropped, kept in {@link #savedCopy}, and the time reset. */
    public boolean corruptInTheMiddle() {
        return recordsAfterDamage > 0;
    }

    /**
     * More than a kill can do was lost: records in the middle, or the whole log. The note's
     * {@code .md} then holds what the log lost (docs/record-log.md, "Damage").
     */
    public boolean damaged() {
        return corruptInTheMiddle() || headerLost;
    }
}
