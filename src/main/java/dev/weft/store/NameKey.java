package dev.weft.store;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The key under which a name is unique: two names that may land on the same file somewhere get the
 * same key.
 *
 * <p>Names are put in NFC first (macOS file systems treat composed and decomposed accents as the
 * same name), then case-folded by upper-casing and lower-casing with {@link Locale#ROOT}. That
 * round trip is full case folding for the cases {@code toLowerCase} alone misses ({@code ß} and
 * {@code SS}, final and medial sigma, {@code ﬁ} and {@code FI}); it may call two names equal that
 * one file system keeps apart, which only costs a {@code (2)}, never two documents on one file.
 */
final class NameKey {
    private NameKey() {
    }

    static String of(String name) {
        String composed = Normalizer.normalize(name, Normalizer.Form.NFC);
        return composed.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
