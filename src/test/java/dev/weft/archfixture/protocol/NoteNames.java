package dev.weft.archfixture.protocol;

/** Stands for the name rules, the one protocol class that vault may use. */
public final class NoteNames {
    public static boolean valid(String name) {
        return !name.isEmpty();
    }
}
