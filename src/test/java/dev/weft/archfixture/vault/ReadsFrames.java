package dev.weft.archfixture.vault;

import dev.weft.archfixture.protocol.OpensSocket;

/** Breaks the vault rule: a protocol class other than NoteNames. */
public final class ReadsFrames {
    public OpensSocket protocol;
}
