package dev.weft.archfixture.client;

import dev.weft.archfixture.crdt.Doc;
import javax.net.ssl.SSLContext;

/** Obeys the client rule: crdt and javax.net.ssl. */
public final class Client {
    public Doc doc;
    public SSLContext tls;
}
