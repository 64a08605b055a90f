package dev.weft.archfixture.vault;

import dev.weft.archfixture.protocol.MessageCodec;

/** Breaks the vault rule: a protocol class other than the file formats. */
public final class UsesTheCodec {
    public MessageCodec codec;
}
