package dev.weft.app;

import dev.weft.client.DeviceHistory;
import dev.weft.client.NoteHistory.HistoryVersion;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code weft history NOTE [--at TIME]}: the note's versions as the server keeps them
 * (docs/protocol.md §10), or its text as of a version or a time. Asks the server; when it cannot be
 * reached, answers what this device fetched before with one line saying so on stderr, or says in
 * one line (exit 1) that it needs the server.
 */
final class HistoryCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final PrintStream out;
    private final PrintStream err;
    private final ZoneId zone;

    HistoryCommand(PrintStream out, PrintStream err, ZoneId zone) {
        this.out = out;
        this.err = err;
        this.zone = zone;
    }

    int run(Command.History command) {
        Optional<Instant> asked = Optional.empty();
        Optional<Integer> version = Optional.empty();
        if (command.at().isPresent()) {
            String at = command.at().get().strip();
            if (at.matches("[0-9]{1,9}")) {
                version = Optional.of(Integer.parseInt(at));
            } else {
                asked = parse(at);
                if (asked.isEmpty()) {
                    err.println("weft history: --at needs a version number or an ISO-8601 time"
                            + " (2026-12-07T21:30:00Z or 2026-12-07T22:30), not '" + at + "'");
                    return Launcher.USAGE;
                }
            }
        }
        try (Vault vault = Vault.open(command.vault(), VaultOptions.defaults())) {
            DeviceHistory history = new DeviceHistory(vault);
            if (command.at().isEmpty()) {
                list(said(history.versionsHeld(command.note())));
                return Launcher.OK;
            }
            Instant at;
            if (version.isPresent()) {
                List<HistoryVersion> versions = said(history.versionsHeld(command.note()));
                int n = version.get();
                if (n < 1 || n > versions.size()) {
                    err.println("weft history: '" + command.note() + "' has no version " + n + " (it has "
                            + versions.size() + ")");
                    return Launcher.FAILED;
                }
                at = versions.get(n - 1).to();
            } else {
                at = asked.get();
            }
            out.print(said(history.textHeld(command.note(), at)).text());
            out.flush();
            return Launcher.OK;
        } catch (IOException e) {
            err.println("weft history: " + e.getMessage());
            return Launcher.FAILED;
        }
    }

    /** The answer, after one line on stderr if it came from this device because the server was not reachable. */
    private <T> T said(DeviceHistory.Answer<T> answer) {
        answer.offline().ifPresent(line -> err.println("weft history: " + line));
        return answer.value();
    }

    private void list(List<HistoryVersion> versions) {
        out.println("VERSION\tFROM\tTO\tDEVICES\tCHANGES");
        for (HistoryVersion v : versions) {
            out.println(v.number() + "\t" + WHEN.format(v.from().atZone(zone)) + "\t" + WHEN.format(v.to().atZone(zone))
                    + "\t" + (v.devices().isEmpty() ? "-" : String.join(", ", v.devices())) + "\t+" + v.inserted()
                    + " -" + v.deleted());
        }
    }

    /** An ISO-8601 instant or offset time, or a local date-time in this computer's zone. */
    private Optional<Instant> parse(String at) {
        try {
            return Optional.of(OffsetDateTime.parse(at).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(at).atZone(zone).toInstant());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
