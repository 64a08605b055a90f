package dev.weft.archfixture.server;

import org.bouncycastle.openssl.PEMParser;

/** Obeys the server rule but breaks the BouncyCastle rule: BouncyCastle outside server.security. */
public final class ParsesPem {
    public PEMParser parser;
}
