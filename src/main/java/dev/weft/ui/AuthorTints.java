package dev.weft.ui;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "Who wrote what": one background tint per device, in the order the devices first appear, pale
 * in the light theme and deep in the dark one, so the text's own colour stays readable on each.
 */
final class AuthorTints {
    private static final int[] LIGHT = {0xd6e6ff, 0xffe0c2, 0xd3f0cd, 0xf0d6f5, 0xfff0a8, 0xc8eeee, 0xf7d0d0, 0xe2e2e2};
    private static final int[] DARK = {0x1f3d66, 0x5c3b17, 0x254d2b, 0x4d2a5a, 0x524716, 0x1c4d4d, 0x5c2626, 0x44474b};

    private final boolean dark;
    private final Map<String, Color> tints = new LinkedHashMap<>();

    AuthorTints(boolean dark) {
        this.dark = dark;
    }

    /** The tint of {@code device}: a new device takes the next colour, and past eight they repeat. */
    Color of(String device) {
        return tints.computeIfAbsent(device, d -> {
            int[] palette = dark ? DARK : LIGHT;
            return new Color(palette[tints.size() % palette.length]);
        });
    }

    /** Every device given a tint so far, in order. */
    Map<String, Color> all() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tints));
    }
}
