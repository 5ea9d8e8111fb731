package org.certhub.routes.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Short transactions asked for at the same moment by concurrent threads share one commit: the durable commit, not
 * the statements, is what a stage pays for per record (an H2 commit writes a store chunk, a PostgreSQL one flushes
 * the WAL). A caller's work waits in a queue; the first thread free to commit runs every waiting work in one
 * transaction, each in a savepoint of its own, and commits once. So one work's failure rolls back only that work and
 * reaches only its caller, a failed commit reaches every caller of the batch, and each caller returns only after its
 * work is durable, as with a transaction of its own. With no concurrency a batch is one work and no savepoint.
 *
 * <p>The work runs on whichever thread commits, so it must touch the database only (no thread-bound state such as
 * the caller's trace, and no other side effects, which a rolled-back savepoint would not undo). A caller already in
 * a transaction runs its work in that one.
 */
@Component
public class GroupCommit {

    /** Bounds one transaction's size and how long its locks are held. */
    static final int MAX_BATCH = 64;

    private final TransactionTemplate batch;
    private final TransactionTemplate savepoint;
    private final ReentrantLock committer = new ReentrantLock();
    private final Queue<Work<?>> waiting = new ConcurrentLinkedQueue<>();

    public GroupCommit(PlatformTransactionManager transactions) {
        this.batch = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Runs {@code work} in a transaction, committed with those of other threads waiting at the same time. */
    public <T> T inTransaction(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        Work<T> mine = new Work<>(work);
        waiting.add(mine);
        while (!mine.done) {
            committer.lock();
            try {
                if (!mine.done) {
                    commitWaiting();
                }
            } finally {
                committer.unlock();
            }
        }
        return mine.outcome();
    }

    public void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Works queued and not yet taken by a committing thread. */
    int waiting() {
        return waiting.size();
    }

    private void commitWaiting() {
        List<Work<?>> taken = new ArrayList<>();
        for (Work<?> work; taken.size() < MAX_BATCH && (work = waiting.poll()) != null; ) {
            taken.add(work);
        }
        try {
            if (taken.size() == 1) {
                batch.executeWithoutResult(tx -> taken.get(0).runHere());
            } else {
                batch.executeWithoutResult(tx -> taken.forEach(work -> work.runIn(savepoint)));
            }
        } catch (RuntimeException | Error commitFailed) {
            taken.forEach(work -> work.failed(commitFailed));
        } finally {
            taken.forEach(Work::finish);
        }
    }

    private static final class Work<T> {
        private final Supplier<T> body;
        private T value;
        private Throwable failure;
        // written by the committing thread before it releases the lock, read by the caller after taking it
        private volatile boolean done;

        Work(Supplier<T> body) {
            this.body = body;
        }

        /** Alone in its transaction: a failure rolls the transaction back and reaches the caller. */
        void runHere() {
            try {
                value = body.get();
            } catch (RuntimeException | Error e) {
                failure = e;
                throw e;
            }
        }

        /** In a savepoint of the batch's transaction: a failure rolls back this work only. */
        void runIn(TransactionTemplate savepoint) {
            try {
                value = savepoint.execute(status -> body.get());
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }

        void failed(Throwable commitFailed) {
            if (failure == null) {
                failure = commitFailed;
                value = null;
            }
        }

        void finish() {
            done = true;
        }

        T outcome() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return value;
        }
    }
}
