package dev.weft.archfixture.protocol;

/** Stands for the wire codec, which vault may not use. */
public final class MessageCodec {
}
