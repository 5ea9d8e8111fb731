package org.certhub.bench;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A local SMTP server for the email benchmark: accepts every mail (GreenMail, the server the tests use) and drops
 * what it holds every ten seconds so that a long run does not fill the heap. The load generator counts deliveries
 * from the hub's own delivery state, which turns {@code sent} only once this server has accepted the mail.
 *
 * <pre>
 * java -cp bench/target/certhub-bench.jar org.certhub.bench.SmtpSink 2525
 * </pre>
 */
public final class SmtpSink {

    private SmtpSink() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 2525;
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        System.out.println("smtp sink ready at 127.0.0.1:" + port);
        ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor();
        purger.scheduleAtFixedRate(() -> {
            try {
                smtp.purgeEmailFromAllMailboxes();
            } catch (FolderException e) {
                System.err.println("could not drop the mails received: " + e.getMessage());
            }
        }, 10, 10, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            purger.shutdownNow();
            smtp.stop();
        }));
    }
}
