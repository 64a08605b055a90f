package dev.weft.ui;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** What this computer is called, as other devices see it in "who else is here". */
final class DeviceName {
    private DeviceName() {
    }

    /** May ask the resolver: call it off the event thread. */
    static String guess() {
        String env = System.getenv(System.getProperty("os.name", "").startsWith("Windows") ? "COMPUTERNAME" : "HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return System.getProperty("user.name", "device");
        }
    }
}
