package dev.weft.server.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An initialised server {@link SSLContext} whose engines, server sockets and default parameters
 * enable only the given protocols and cipher suites. An {@code SSLContext} has no setting for
 * that itself, and setting it on each engine would leave it to every caller.
 */
final class RestrictedSslContext extends SSLContextSpi {
    private final SSLContext base;
    private final String[] protocols;
    private final String[] suites;

    private RestrictedSslContext(SSLContext base, String[] protocols, String[] suites) {
        this.base = base;
        this.protocols = protocols.clone();
        this.suites = suites.clone();
    }

    static SSLContext of(SSLContext base, String[] protocols, String[] suites) {
        return new SSLContext(new RestrictedSslContext(base, protocols, suites), base.getProvider(), base.getProtocol()) {
        };
    }

    @Override
    protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random)
            throws KeyManagementException {
        throw new KeyManagementException("the server's TLS context is initialised once, from its identity");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
        throw new UnsupportedOperationException("the server's TLS context makes no client sockets");
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
        return new ServerSockets(base.getServerSocketFactory());
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
        return restrict(base.createSSLEngine());
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
        return restrict(base.createSSLEngine(host, port));
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
        return base.getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
        return base.getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
        return restrict(base.getDefaultSSLParameters());
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
        return restrict(base.getSupportedSSLParameters());
    }

    private SSLEngine restrict(SSLEngine engine) {
        engine.setEnabledProtocols(protocols);
        engine.setEnabledCipherSuites(suites);
        return engine;
    }

    private SSLParameters restrict(SSLParameters parameters) {
        parameters.setProtocols(protocols);
        parameters.setCipherSuites(suites);
        return parameters;
    }

    private ServerSocket restrict(ServerSocket socket) {
        SSLServerSocket tls = (SSLServerSocket) socket;
        tls.setEnabledProtocols(protocols);
        tls.setEnabledCipherSuites(suites);
        return tls;
    }

    /** Server sockets from the base context with the restrictions applied. */
    private final class ServerSockets extends SSLServerSocketFactory {
        private final SSLServerSocketFactory factory;

        ServerSockets(SSLServerSocketFactory factory) {
            this.factory = factory;
        }

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return restrict(factory.createServerSocket());
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return restrict(factory.createServerSocket(port));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return restrict(factory.createServerSocket(port, backlog));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            return restrict(factory.createServerSocket(port, backlog, address));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return suites.clone();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return suites.clone();
        }
    }
}
