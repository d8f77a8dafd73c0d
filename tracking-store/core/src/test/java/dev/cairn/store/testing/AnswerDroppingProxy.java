package dev.cairn.store.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy to a PostgreSQL server that, once armed, forwards the next COMMIT and then closes the connection
 * instead of passing on the server's answer that it committed: the transaction is stored, but the client only sees
 * its connection break. While the server is down, a connection to the proxy is accepted and closed at once (the
 * proxy keeps listening, so the server coming back is seen through it).
 */
public final class AnswerDroppingProxy implements AutoCloseable {
    private static final byte[] COMMIT = "COMMIT".getBytes(StandardCharsets.US_ASCII);
    private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final String host;
    private final int port;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicInteger dropped = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public AnswerDroppingProxy(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        daemon("proxy-accept", this::accept);
    }

    /** The proxy's port on the loopback address. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Arms the proxy: the answer to the next COMMIT any client sends is dropped with its connection. */
    public void dropTheAnswerToTheNextCommit() {
        armed.set(true);
    }

    /** Answers to COMMIT dropped so far. */
    public int dropped() {
        return dropped.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return; // the proxy was closed
            }
            Socket upstream;
            try {
                upstream = new Socket(host, port);
            } catch (IOException down) {
                closeQuietly(client); // the server is down: the client sees its connection closed
                continue;
            }
            sockets.add(client);
            sockets.add(upstream);
            AtomicBoolean dropAnswer = new AtomicBoolean();
            daemon("proxy-up", () -> pump(client, upstream, true, dropAnswer));
            daemon("proxy-down", () -> pump(upstream, client, false, dropAnswer));
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient, AtomicBoolean dropAnswer) {
        byte[] buf = new byte[1 << 16];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                if (fromClient && armed.get() && contains(buf, n) && armed.compareAndSet(true, false)) {
                    dropAnswer.set(true);
                } else if (!fromClient && dropAnswer.get() && contains(buf, n)) {
                    dropped.incrementAndGet();
                    break; // the server's CommandComplete says COMMIT: it is stored; the client never hears so
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: close the other
        }
        closeQuietly(from);
        closeQuietly(to);
        sockets.remove(from);
        sockets.remove(to);
    }

    private static boolean contains(byte[] buf, int n) {
        outer:
        for (int i = 0; i + COMMIT.length <= n; i++) {
            for (int j = 0; j < COMMIT.length; j++) {
                if (buf[i + j] != COMMIT[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        sockets.forEach(AnswerDroppingProxy::closeQuietly);
    }
}
