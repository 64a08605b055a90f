package dev.weft.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the forms of {@code weft} that start with an option: the desktop app
 * ({@code [--vault DIR]}), {@code --server} with its options, and {@code --version}.
 */
final class TopLevelLine {
    /** Port of {@code weft --server} without {@code --port}. */
    static final int DEFAULT_PORT = 7443;
    /** Address of {@code weft --server} without {@code --bind}: every interface. */
    static final String DEFAULT_BIND = "0.0.0.0";

    private static final List<String> SERVER_ONLY =
            List.of("--port", "--data", "--bind", "--tls-cert", "--tls-key", "--no-tls");
    private static final ArgScanner SCANNER = new ArgScanner("weft",
            Map.of("--vault", "DIR", "--port", "N", "--data", "DIR", "--bind", "ADDR",
                    "--tls-cert", "FILE", "--tls-key", "FILE"),
            Set.of("--server", "--no-tls", "--version"));

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
        return new Command.Server(
                scanned.number("--port", DEFAULT_PORT, 1, 65535),
                scanned.path("--data", places.serverData()),
                scanned.value("--bind").orElse(DEFAULT_BIND),
                tls(scanned));
    }

    private static Tls tls(Scanned scanned) throws UsageException {
        boolean cert = scanned.has("--tls-cert");
        boolean key = scanned.has("--tls-key");
        if (scanned.has("--no-tls")) {
            if (cert || key) {
                throw new UsageException("--no-tls cannot be combined with --tls-cert or --tls-key");
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
}
