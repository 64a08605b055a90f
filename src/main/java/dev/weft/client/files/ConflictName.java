package dev.weft.client.files;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Predicate;

/**
 * The name of the copy a conflict keeps: {@code NAME (conflict DEVICE YYYY-MM-DD HHMM).EXT}, the
 * device that made it and when (its mtime, in the local zone), numbered {@code (2)}, … if taken.
 */
public final class ConflictName {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HHmm");

    private ConflictName() {
    }

    /** A name beside {@code path} that {@code taken} does not hold. */
    public static String of(String path, String device, long modified, ZoneId zone, Predicate<String> taken) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        boolean hasExtension = dot > slash + 1;
        String stem = hasExtension ? path.substring(0, dot) : path;
        String extension = hasExtension ? path.substring(dot) : "";
        String safeDevice = device.replaceAll("[\\\\/<>:\"|?*\\p{Cntrl}]", "_").strip();
        String tag = " (conflict " + (safeDevice.isEmpty() ? "device" : safeDevice) + " "
                + WHEN.format(Instant.ofEpochMilli(modified).atZone(zone));
        String name = stem + tag + ")" + extension;
        for (int n = 2; taken.test(name); n++) {
            name = stem + tag + " " + n + ")" + extension;
        }
        return name;
    }
}
