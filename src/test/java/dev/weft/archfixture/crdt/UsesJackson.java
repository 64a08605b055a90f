package dev.weft.archfixture.crdt;

import com.fasterxml.jackson.core.JsonFactory;

/** Breaks the crdt rule: a library. */
public final class UsesJackson {
    public JsonFactory json;
}
