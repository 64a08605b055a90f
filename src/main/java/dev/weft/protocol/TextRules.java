package dev.weft.protocol;

import java.util.Optional;

/** The rules every text field shares: well-formed UTF-16, a UTF-8 length range, no control characters. */
final class TextRules {
    private TextRules() {
    }

    /**
     * Why {@code text} is not a valid field of {@code minBytes..maxBytes} bytes of UTF-8 without
     * control characters (Unicode category Cc), or empty if it is.
     */
    static Optional<String> plainText(String text, int minBytes, int maxBytes) {
        if (text == null) {
            return Optional.of("missing");
        }
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of("control character U+" + String.format("%04X", (int) c));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("unpaired surrogate, not encodable as UTF-8");
            } else {
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }
        if (bytes < minBytes || bytes > maxBytes) {
            return Optional.of(bytes + " bytes, outside " + minBytes + ".." + maxBytes);
        }
        return Optional.empty();
    }

    /** Returns {@code text} if {@link #plainText} accepts it, else throws naming {@code field}. */
    static String requirePlainText(String text, int minBytes, int maxBytes, String field) {
        plainText(text, minBytes, maxBytes).ifPresent(problem -> {
            throw new IllegalArgumentException(field + ": " + problem);
        });
        return text;
    }
}
