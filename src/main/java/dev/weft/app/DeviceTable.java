package dev.weft.app;

import dev.weft.store.Device;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The devices of {@code weft devices} as a table for a terminal: name, site, when last seen (in
 * local time, or {@code never}) and whether it has access or was revoked.
 */
final class DeviceTable {
    private static final DateTimeFormatter LAST_SEEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String[] HEADINGS = {"NAME", "SITE", "LAST SEEN", "ACCESS"};

    private DeviceTable() {
    }

    /** The table's lines, headings first; {@code zone} is where the reader's clock is. */
    static List<String> lines(List<Device> devices, ZoneId zone) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (Device device : devices) {
            rows.add(new String[] {device.name(), Integer.toString(device.site()), lastSeen(device, zone),
                    device.revoked() ? "revoked" : "active"});
        }
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - width(row[i]) + 2));
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String lastSeen(Device device, ZoneId zone) {
        if (device.lastSeenMicros() == 0) {
            return "never";
        }
        return LAST_SEEN.format(Instant.EPOCH.plus(device.lastSeenMicros(), ChronoUnit.MICROS).atZone(zone));
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
