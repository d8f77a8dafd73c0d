package dev.cairn.app.serve;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator of {@code cairn bench --mode server}, in a JVM of its own so that building and sending requests
 * does not share the server's process: one thread and one keep-alive connection per client, each sending its
 * log-batch requests one after the other. Every request (headers and body) is encoded before the clock starts; runs,
 * steps and values are distinct, so nothing is deduplicated.
 *
 * <p>Protocol with the parent on standard input and output: arguments {@code port batches key run...}; the child
 * prints {@code ready}, waits for a line on standard input, sends, then prints
 * {@code done <ok> <failed> <wall ns> <cpu ns>} (its own process CPU time) and exits. A failed request's status and
 * body go to standard error.
 */
public final class LoadGenerator {
    private LoadGenerator() {
    }

    /** Starts a generator for {@code runs} (one client each) against the server on {@code port}. */
    static Process start(int port, int batches, String key, List<String> runs) throws IOException {
        Path javaPath = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!java.nio.file.Files.isExecutable(javaPath)) {
            // an installed Cairn's runtime has no java command (jpackage strips it): run the bench from a build
            throw new IllegalStateException("The load generator needs a java command, and this runtime has none ("
                    + javaPath + "); run cairn bench --mode server from a build (app/target/cairn/bin/cairn).");
        }
        String java = javaPath.toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), LoadGenerator.class.getName(),
                Integer.toString(port), Integer.toString(batches), key));
        cmd.addAll(runs);
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int batches = Integer.parseInt(args[1]);
        String key = args[2];
        List<byte[][]> requests = new ArrayList<>();
        for (int r = 3; r < args.length; r++) {
            byte[][] mine = new byte[batches][];
            for (int b = 0; b < batches; b++) {
                mine[b] = request(port, ServerBenchmark.batchBody(args[r], b, key, r));
            }
            requests.add(mine);
        }
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (byte[][] mine : requests) {
            Thread t = new Thread(() -> send(port, mine, ok, failed), "load-client");
            clients.add(t);
            t.start();
        }
        for (Thread t : clients) {
            t.join();
        }
        long wall = System.nanoTime() - t0;
        System.out.printf(Locale.ROOT, "done %d %d %d %d%n", ok.get(), failed.get(), wall, cpu() - cpu0);
        System.out.flush();
    }

    private static void send(int port, byte[][] mine, AtomicLong ok, AtomicLong failed) {
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            s.setSoTimeout(120_000);
            OutputStream out = s.getOutputStream();
            InputStream in = new BufferedInputStream(s.getInputStream());
            for (byte[] request : mine) {
                out.write(request);
                out.flush();
                Response r = read(in);
                if (r.status == 200) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    System.err.println("load generator: " + r.status + " " + r.body);
                }
            }
        } catch (IOException e) {
            System.err.println("load generator: " + e);
            failed.incrementAndGet();
        }
    }

    private record Response(int status, String body) {
    }

    /** One HTTP/1.1 response with a Content-Length (the tracking server always sends one). */
    private static Response read(InputStream in) throws IOException {
        String status = line(in);
        int length = 0;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(h.substring(colon + 1).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("connection closed in a response body");
        }
        return new Response(Integer.parseInt(status.split(" ")[1]), new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed in a response header");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    private static byte[] request(int port, String body) {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST /api/2.0/mlflow/runs/log-batch HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + json.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(json, 0, all, head.length, json.length);
        return all;
    }

    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

}
