package dev.weft.protocol;

import java.util.HexFormat;

/** Hex for hand-written byte vectors: pieces are joined and spaces ignored. */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String... pieces) {
        return HexFormat.of().parseHex(String.join("", pieces).replaceAll("\\s+", ""));
    }

    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
