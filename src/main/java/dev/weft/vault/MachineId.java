package dev.weft.vault;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This machine's stable id, the way the operating system keeps one: {@code /etc/machine-id} (or
 * D-Bus's copy) on Linux and BSD, the platform UUID on macOS, {@code MachineGuid} on Windows; else
 * the host name. The system property {@value #PROPERTY} overrides it (tests simulate another
 * machine with it; a container whose machine id changes at each start can pin one).
 */
final class MachineId {
    /** System property that sets the machine id. */
    static final String PROPERTY = "weft.machine-id";

    private static final Pattern MAC_UUID = Pattern.compile("\"IOPlatformUUID\"\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern WINDOWS_GUID = Pattern.compile("MachineGuid\\s+REG_SZ\\s+(\\S+)");
    private static volatile String detected;

    private MachineId() {
    }

    static String current() {
        String forced = System.getProperty(PROPERTY);
        if (forced != null && !forced.isBlank()) {
            return forced.strip();
        }
        String id = detected;
        if (id == null) {
            id = detect();
            detected = id;
        }
        return id;
    }

    private static String detect() {
        for (String file : List.of("/etc/machine-id", "/var/lib/dbus/machine-id", "/var/db/dbus/machine-id")) {
            try {
                String id = Files.readString(Path.of(file), StandardCharsets.US_ASCII).strip();
                if (!id.isEmpty()) {
                    return id;
                }
            } catch (IOException | RuntimeException e) {
                // next source
            }
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Optional<String> id = os.startsWith("mac")
                ? run(MAC_UUID, "ioreg", "-rd1", "-c", "IOPlatformExpertDevice")
                : os.startsWith("windows")
                        ? run(WINDOWS_GUID, "reg", "query", "HKLM\\SOFTWARE\\Microsoft\\Cryptography", "/v", "MachineGuid")
                        : Optional.empty();
        return id.orElseGet(MachineId::hostName);
    }

    private static Optional<String> run(Pattern answer, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            Matcher m = answer.matcher(out);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String hostName() {
        try {
            return "host:" + InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "host:unknown";
        }
    }
}
