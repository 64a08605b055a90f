package dev.weft.app;

import dev.weft.protocol.FileList;
import dev.weft.server.FileLimits;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the forms of {@code weft} that start with an option: the desktop app
 * ({@code [--vault DIR]}), {@code --server} with its options, and {@code --version}. Plain
 * {@code --no-tls} is refused on an address that is not loopback unless it is spelled
 * {@code --insecure-no-tls}.
 */
final class TopLevelLine {
    /** Port of {@code weft --server} without {@code --port}. */
    static final int DEFAULT_PORT = 7443;
    /** Address of {@code weft --server} without {@code --bind}: every interface. */
    static final String DEFAULT_BIND = "0.0.0.0";

    private static final List<String> SERVER_ONLY =
            List.of("--port", "--data", "--bind", "--tls-cert", "--tls-key", "--no-tls", "--insecure-no-tls", "--restore",
                    "--trash-days", "--history-days", "--file-limit", "--file-versions");
    private static final ArgScanner SCANNER = new ArgScanner("weft",
            Map.ofEntries(Map.entry("--vault", "DIR"), Map.entry("--port", "N"), Map.entry("--data", "DIR"),
                    Map.entry("--bind", "ADDR"), Map.entry("--tls-cert", "FILE"), Map.entry("--tls-key", "FILE"),
                    Map.entry("--restore", "FILE"), Map.entry("--trash-days", "N"), Map.entry("--history-days", "N"),
                    Map.entry("--file-limit", "SIZE"), Map.entry("--file-versions", "N")),
            Set.of("--server", "--no-tls", "--insecure-no-tls", "--version"));

    private TopLevelLine() {
    }

    static Command parse(List<String> args, Places places) throws UsageException {
        Scanned scanned = SCANNER.scan(args);
        scanned.noWordsAfter(0);
        if (scanned.has("--version")) {
            if (args.size() > 1) {
                throw new UsageException("--version takes no other arguments");
            }
            return new Command.ShowVersion();
        }
        if (scanned.has("--server")) {
            return server(scanned, places);
        }
        for (String option : SERVER_ONLY) {
            if (scanned.has(option)) {
                throw new UsageException(option + " only applies to --server");
            }
        }
        return new Command.Gui(Optional.ofNullable(scanned.path("--vault", null)));
    }

    private static Command server(Scanned scanned, Places places) throws UsageException {
        if (scanned.has("--vault")) {
            throw new UsageException("--vault does not apply to --server (its folder is --data DIR)");
        }
        String bind = scanned.value("--bind").orElse(DEFAULT_BIND);
        Command.Server server = new Command.Server(
                scanned.number("--port", DEFAULT_PORT, 1, 65535),
                scanned.path("--data", places.serverData()),
                bind,
                tls(scanned, bind),
                scanned.number("--trash-days", Command.Server.DEFAULT_TRASH_DAYS, 0, 36_500),
                scanned.number("--history-days", 0, 0, 36_500),
                new FileLimits(size(scanned.value("--file-limit"), FileLimits.DEFAULT.maxFileBytes()),
                        scanned.number("--file-versions", FileLimits.DEFAULT.keptVersions(), 1, FileList.MAX_ENTRIES)));
        if (!scanned.has("--restore")) {
            return server;
        }
        if (!scanned.has("--data")) {
            throw new UsageException("--restore needs --data NEWDIR: the new data dir to make from the backup");
        }
        return new Command.RestoredServer(scanned.path("--restore", null), server);
    }

    /** {@code --file-limit SIZE}: bytes, or with a binary suffix {@code K}, {@code M}, {@code G} ({@code 500M}). */
    static long size(Optional<String> value, long fallback) throws UsageException {
        if (value.isEmpty()) {
            return fallback;
        }
        String text = value.get().trim().toUpperCase(java.util.Locale.ROOT);
        int shift = text.endsWith("K") ? 10 : text.endsWith("M") ? 20 : text.endsWith("G") ? 30 : 0;
        try {
            long n = Long.parseLong(shift == 0 ? text : text.substring(0, text.length() - 1));
            if (n < 1 || n > Long.MAX_VALUE >> shift) {
                throw new NumberFormatException();
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw new UsageException("--file-limit takes a size in bytes, or with K, M or G (500M), not '" + value.get() + "'");
        }
    }

    private static Tls tls(Scanned scanned, String bind) throws UsageException {
        boolean cert = scanned.has("--tls-cert");
        boolean key = scanned.has("--tls-key");
        boolean insecure = scanned.has("--insecure-no-tls");
        if (scanned.has("--no-tls") || insecure) {
            String option = insecure ? "--insecure-no-tls" : "--no-tls";
            if (cert || key) {
                throw new UsageException(option + " cannot be combined with --tls-cert or --tls-key");
            }
            if (!insecure && !loopback(bind)) {
                // pairing codes and device tokens would cross the network in clear
                throw new UsageException("--no-tls refused on " + bind + ", which is not a loopback address: pairing codes,"
                        + " device tokens and notes would cross the network unencrypted; bind 127.0.0.1 behind a"
                        + " TLS-terminating proxy, or say --insecure-no-tls if you mean it");
            }
            return new Tls.Off();
        }
        if (cert != key) {
            throw new UsageException("--tls-cert and --tls-key go together: "
                    + (cert ? "--tls-key" : "--tls-cert") + " is missing");
        }
        if (!cert) {
            return new Tls.SelfSigned();
        }
        return new Tls.PemFiles(scanned.path("--tls-cert", null), scanned.path("--tls-key", null));
    }

    /** Whether {@code bind} is a loopback address (a name is looked up; one that does not resolve is not). */
    static boolean loopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
