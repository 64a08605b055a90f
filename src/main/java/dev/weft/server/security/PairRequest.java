package dev.weft.server.security;

import dev.weft.protocol.PairingLink;
import dev.weft.protocol.SessionPeer;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code POST /v1/pair} (docs/protocol.md §7), read and checked before the code is tried.
 *
 * <p>The body is {@code application/x-www-form-urlencoded} in UTF-8, at most {@value #MAX_BODY_BYTES}
 * bytes, with fields {@code code} and {@code device_name}, each once. Fields with other names are
 * ignored, so a newer client may send more. Anything else is malformed and gets {@code 400}.
 *
 * @param code a well-formed pairing code (not yet known to be issued, unused or unexpired)
 * @param deviceName 1..{@value SessionPeer#MAX_DEVICE_NAME_BYTES} bytes of UTF-8 without control characters
 */
public record PairRequest(String code, String deviceName) {
    /** Largest body read; the HTTP handler stops reading past it. */
    public static final int MAX_BODY_BYTES = 4096;

    /** Checks both fields; throws {@link IllegalArgumentException} naming the first bad one. */
    public PairRequest {
        PairingLink.validateCode(code).ifPresent(problem -> {
            throw new IllegalArgumentException("code " + problem);
        });
        deviceNameProblem(deviceName).ifPresent(problem -> {
            throw new IllegalArgumentException("device_name " + problem);
        });
    }

    /**
     * Reads a request from its {@code Content-Type} header ({@code null} if absent) and body.
     *
     * @throws MalformedRequestException with the reason for a {@code 400}
     */
    public static PairRequest parse(String contentType, byte[] body) throws MalformedRequestException {
        FormBody.requireMediaType(contentType);
        if (body.length > MAX_BODY_BYTES) {
            throw new MalformedRequestException("body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        Map<String, String> fields = FormBody.fields(body);
        String code = required(fields, "code");
        String deviceName = required(fields, "device_name");
        Optional<String> problem = PairingLink.validateCode(code)
                .map(p -> "code " + p)
                .or(() -> deviceNameProblem(deviceName).map(p -> "device_name " + p));
        if (problem.isPresent()) {
            throw new MalformedRequestException(problem.get());
        }
        return new PairRequest(code, deviceName);
    }

    private static String required(Map<String, String> fields, String name) throws MalformedRequestException {
        String value = fields.get(name);
        if (value == null) {
            throw new MalformedRequestException("missing field " + name);
        }
        return value;
    }

    private static Optional<String> deviceNameProblem(String name) {
        if (name == null) {
            return Optional.of("missing");
        }
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of("must not contain control characters");
            }
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                return Optional.of("is not valid UTF-16");
            }
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            i += Character.charCount(c);
        }
        int max = SessionPeer.MAX_DEVICE_NAME_BYTES;
        if (bytes < 1 || bytes > max) {
            return Optional.of("must be 1.." + max + " bytes of UTF-8");
        }
        return Optional.empty();
    }
}
