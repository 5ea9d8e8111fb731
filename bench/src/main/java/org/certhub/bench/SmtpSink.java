package org.certhub.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SMTP server of the email benchmark: accepts every mail on a loopback port and keeps nothing, so that the
 * hub's delivery rate is measured rather than a test mail server's (GreenMail, which the tests use, stores every
 * message and creates a mailbox per recipient, and at a few thousand recipients it became the bottleneck). It
 * speaks the part of SMTP (RFC 5321) the hub's mail client uses: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
 * The load generator counts deliveries from the hub's own delivery state, which turns {@code sent} only after
 * this server has answered 250 to the mail's data.
 *
 * <pre>
 * java -cp bench/target/certhub-bench.jar org.certhub.bench.SmtpSink 2525
 * </pre>
 */
public final class SmtpSink {

    private static final AtomicLong MAILS = new AtomicLong();

    private SmtpSink() {}

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 2525;
        ExecutorService sessions = Executors.newCachedThreadPool();
        try (ServerSocket server = new ServerSocket(port, 128, InetAddress.getLoopbackAddress())) {
            System.out.println("smtp sink ready at 127.0.0.1:" + port);
            while (true) {
                Socket client = server.accept();
                sessions.submit(() -> session(client));
            }
        }
    }

    private static Void session(Socket client) throws IOException {
        try (client) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = client.getOutputStream();
            reply(out, "220 certhub-bench smtp sink");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (verb) {
                    case "EHLO" -> reply(out, "250-certhub-bench\r\n250-8BITMIME\r\n250 SIZE 52428800");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                            // the mail is read and dropped
                        }
                        long count = MAILS.incrementAndGet();
                        if (count % 1000 == 0) {
                            System.out.println("mails accepted: " + count);
                        }
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return null;
                    }
                    default -> reply(out, "502 command not implemented");
                }
            }
        }
        return null;
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
