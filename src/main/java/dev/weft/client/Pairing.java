package dev.weft.client;

import dev.weft.protocol.PairingLink;
import dev.weft.vault.DeviceState;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Pairs a device with a server from its {@code weft://HOST:PORT/pair?code=…&fp=…} link (docs/protocol.md
 * §7): {@code POST /v1/pair} over TLS that trusts only the certificate with the link's fingerprint.
 */
public final class Pairing {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** The problem of a paired vault whose token is not on this machine for this user (docs/vault.md). */
    static final String NO_TOKEN = "this vault's device token is not on this machine for this user (the folder was"
            + " copied here from elsewhere, or the settings folder was lost); pair it again with a fresh link from"
            + " 'weft pair-code' (weft sync --pair LINK)";

    private Pairing() {
    }

    /**
     * What a pairing gives: the state to keep in the vault and the name the server paired the device
     * under, which may differ from the asked name when another device has it ({@code NAME (2)}).
     */
    public record Paired(DeviceState device, String deviceName) {
    }

    /**
     * Pairs as {@code deviceName}; returns the paired state to keep in the vault and the name given
     * (the asked one from a server that predates the {@code device_name=} line).
     *
     * @throws SyncException with a message for the user: unreachable server, wrong certificate,
     *     wrong/used/expired code, unexpected answer
     */
    public static Paired pair(PairingLink link, String deviceName) throws SyncException {
        ServerAddress server = ServerAddress.of(link);
        HttpClient http = HttpClients.forServer(server);
        String body = "code=" + URLEncoder.encode(link.code(), StandardCharsets.UTF_8)
                + "&device_name=" + URLEncoder.encode(deviceName, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(server.uri("http", "/v1/pair")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("pairing was interrupted");
        } catch (IOException e) {
            throw new SyncException(ConnectFailures.describe(server, e), e);
        }
        return switch (response.statusCode()) {
            case 200 -> new Paired(paired(server, response.body()), answerFields(response.body())
                    .getOrDefault("device_name", deviceName));
            case 403 -> throw new SyncException("the server refused the pairing code: it is wrong, used or expired;"
                    + " get a fresh link with 'weft pair-code' on the server");
            default -> throw new SyncException("the server answered the pairing with HTTP " + response.statusCode()
                    + ": " + firstLine(response.body()));
        };
    }

    /**
     * Asks the server for a device of its own for this copy of a paired vault ({@code POST /v1/pair-copy},
     * docs/protocol.md §7), with the token the copy holds; returns the new state to keep, the
     * vault's global sync time kept (the copy holds what its original held).
     *
     * @throws SyncException with a message for the user, as {@link #pair}; {@code 401}: the token
     *     was revoked, or is not on this machine, so the copy must be paired with a link
     */
    public static DeviceState pairCopy(DeviceState copied) throws SyncException {
        if (copied.deviceToken() == null) { // a copy from another machine: its original's token stayed there
            throw new SyncException(NO_TOKEN, new dev.weft.client.ws.HandshakeException(401, "no device token here"));
        }
        ServerAddress server = ServerAddress.of(copied);
        HttpClient http = HttpClients.forServer(server);
        HttpRequest request = HttpRequest.newBuilder(server.uri("http", "/v1/pair-copy")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + copied.deviceToken())
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("pairing this copy was interrupted");
        } catch (IOException e) {
            throw new SyncException(ConnectFailures.describe(server, e), e);
        }
        return switch (response.statusCode()) {
            case 200 -> paired(server, response.body()).withLastSyncTime(copied.lastSyncTime());
            case 401 -> throw new SyncException("this folder is a copy of a vault whose device the server no longer"
                    + " accepts (revoked); pair it with a fresh link from 'weft pair-code' (weft sync --pair LINK)",
                    new dev.weft.client.ws.HandshakeException(401, "unknown or revoked token"));
            default -> throw new SyncException("the server answered the pairing of this copy with HTTP "
                    + response.statusCode() + ": " + firstLine(response.body()));
        };
    }

    private static DeviceState paired(ServerAddress server, String body) throws SyncException {
        Map<String, String> fields = answerFields(body);
        try {
            return DeviceState.paired(server.host(), server.port(), server.fingerprint(), fields.get("token"),
                    Integer.parseInt(fields.getOrDefault("site", "")));
        } catch (IllegalArgumentException e) {
            throw new SyncException("the server's pairing answer is not one Weft understands: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> answerFields(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String line : body.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return fields;
    }

    private static String firstLine(String body) {
        String line = body.lines().findFirst().orElse("").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
