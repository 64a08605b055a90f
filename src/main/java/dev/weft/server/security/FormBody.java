package dev.weft.server.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A strict reader of {@code application/x-www-form-urlencoded} bodies in UTF-8: printable ASCII
 * only, {@code name=value} pairs joined by {@code &}, {@code +} for a space, {@code %XX} for any
 * other byte, and every name and value valid UTF-8 once decoded. A name may appear once.
 *
 * <p>Reasons never echo the client's bytes, so a {@code 400} answer reflects nothing it was sent.
 */
final class FormBody {
    static final String MEDIA_TYPE = "application/x-www-form-urlencoded";

    private FormBody() {
    }

    /** Refuses any Content-Type but {@value #MEDIA_TYPE}, with no charset or charset UTF-8. */
    static void requireMediaType(String contentType) throws MalformedRequestException {
        String[] parts = contentType == null ? new String[] {""} : contentType.split(";", -1);
        if (!parts[0].strip().equalsIgnoreCase(MEDIA_TYPE)) {
            throw new MalformedRequestException("Content-Type must be " + MEDIA_TYPE);
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                throw new MalformedRequestException("malformed Content-Type parameter");
            }
            String name = parameter.substring(0, equals).strip();
            String value = unquote(parameter.substring(equals + 1).strip());
            if (name.equalsIgnoreCase("charset") && !value.equalsIgnoreCase("utf-8")) {
                throw new MalformedRequestException("only charset=utf-8 is supported");
            }
        }
    }

    /** The fields of {@code body}, by decoded name. */
    static Map<String, String> fields(byte[] body) throws MalformedRequestException {
        Map<String, String> fields = new HashMap<>();
        if (body.length == 0) {
            return fields;
        }
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                field(body, start, i, fields);
                start = i + 1;
            } else if (body[i] < 0x21 || body[i] > 0x7E) {
                throw new MalformedRequestException("body must be printable ASCII, other bytes percent-encoded");
            }
        }
        return fields;
    }

    private static void field(byte[] body, int from, int to, Map<String, String> fields)
            throws MalformedRequestException {
        int equals = from;
        while (equals < to && body[equals] != '=') {
            equals++;
        }
        if (from == to || equals == to) {
            throw new MalformedRequestException("every field must be name=value");
        }
        String name = decode(body, from, equals);
        String value = decode(body, equals + 1, to);
        if (fields.putIfAbsent(name, value) != null) {
            throw new MalformedRequestException("a field appears twice");
        }
    }

    private static String decode(byte[] body, int from, int to) throws MalformedRequestException {
        ByteBuffer bytes = ByteBuffer.allocate(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.put((byte) ' ');
            } else if (b == '%') {
                int high = i + 2 < to ? Character.digit(body[i + 1], 16) : -1;
                int low = high >= 0 ? Character.digit(body[i + 2], 16) : -1;
                if (low < 0) {
                    throw new MalformedRequestException("% must be followed by two hex digits");
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else {
                bytes.put(b);
            }
        }
        bytes.flip();
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder().decode(bytes);
            return text.toString();
        } catch (CharacterCodingException e) {
            throw new MalformedRequestException("a field is not valid UTF-8");
        }
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
