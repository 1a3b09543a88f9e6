package io.harbormaster.command.ssh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.SocketFactory;

/**
 * Closes the sockets it made when the SSH handshake is not over by the deadline. sshj waits for the server's
 * identification line without a timeout, so a listener that accepts but never speaks SSH would otherwise hold the
 * caller forever. Used as sshj's socket factory; {@link #close()} ends the watch.
 */
final class HandshakeDeadline extends SocketFactory implements AutoCloseable {

    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean expired = new AtomicBoolean();

    HandshakeDeadline(Duration limit, String name) {
        Thread.ofVirtual().name(name).start(() -> {
            try {
                if (!finished.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    expired.set(true);
                    sockets.forEach(HandshakeDeadline::closeQuietly);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Whether the deadline passed and the sockets were closed. */
    boolean expired() {
        return expired.get();
    }

    @Override
    public void close() {
        finished.countDown();
    }

    @Override
    public Socket createSocket() {
        var socket = new Socket();
        sockets.add(socket);
        if (expired.get()) {
            closeQuietly(socket);
        }
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) {
        throw unconnectedOnly();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw unconnectedOnly();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
        throw unconnectedOnly();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw unconnectedOnly();
    }

    private static UnsupportedOperationException unconnectedOnly() {
        return new UnsupportedOperationException("sshj asks for unconnected sockets only");
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all we want; the handshake fails either way.
        }
    }
}
