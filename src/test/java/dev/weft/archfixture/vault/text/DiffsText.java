package dev.weft.archfixture.vault.text;

import com.github.difflib.algorithm.myers.MyersDiff;
import dev.weft.archfixture.protocol.NoteNames;

/** Keeps the vault rule: the diff library and NoteNames are allowed in vault. */
public final class DiffsText {
    public MyersDiff<Integer> diff = new MyersDiff<>();

    public boolean check(String name) {
        return NoteNames.valid(name);
    }
}
