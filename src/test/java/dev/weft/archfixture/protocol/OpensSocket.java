package dev.weft.archfixture.protocol;

import java.net.Socket;

/** Breaks the protocol rule: a socket. */
public final class OpensSocket {
    public Socket socket;
}
