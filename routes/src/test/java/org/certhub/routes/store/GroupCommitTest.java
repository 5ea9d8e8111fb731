package org.certhub.routes.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class GroupCommitTest {

    private final ExecutorService callers = Executors.newFixedThreadPool(8);
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger failingCommit = new AtomicInteger();
    private final AtomicInteger blockedInWork = new AtomicInteger();
    private JdbcTemplate jdbc;
    private JdbcTransactionManager transactions;
    private GroupCommit group;

    @BeforeEach
    void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:group-commit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(h2);
        jdbc.execute("CREATE TABLE row_written (id VARCHAR(20) PRIMARY KEY)");
        transactions = new JdbcTransactionManager(h2) {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                if (commits.incrementAndGet() == failingCommit.get()) {
                    doRollback(status); // as a database does when it cannot make the commit durable
                    throw new TransactionSystemException("the disk is full");
                }
                super.doCommit(status);
            }
        };
        group = new GroupCommit(transactions);
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void aloneIsOneTransactionOfItsOwn() {
        assertThat(group.inTransaction(() -> insert("a"))).isEqualTo("a");

        assertThat(commits).hasValue(1);
        assertThat(rows()).containsExactly("a");
    }

    @Test
    void worksWaitingWhileAnotherCommitsShareTheNextCommit() {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = call(() -> {
            blockUntil(release);
            return insert("first");
        });
        await().until(() -> commitsInProgress(first));
        List<CompletableFuture<String>> waiting =
                IntStream.range(0, 5).mapToObj(i -> call(() -> insert("w" + i))).toList();
        await().until(() -> group.waiting() == 5);

        release.countDown();

        assertThat(waiting.stream().map(CompletableFuture::join)).containsExactly("w0", "w1", "w2", "w3", "w4");
        assertThat(first.join()).isEqualTo("first");
        assertThat(commits).hasValue(2);
        assertThat(rows()).hasSize(6);
    }

    @Test
    void aFailingWorkIsRolledBackAloneAndOnlyItsCallerSeesTheFailure() {
        jdbc.update("INSERT INTO row_written VALUES ('taken')");
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = call(() -> {
            blockUntil(release);
            return insert("first");
        });
        await().until(() -> commitsInProgress(first));
        CompletableFuture<String> before = call(() -> insert("before"));
        await().until(() -> group.waiting() == 1);
        CompletableFuture<String> failing = call(() -> {
            insert("half-done");
            return insert("taken");
        });
        await().until(() -> group.waiting() == 2);
        CompletableFuture<String> after = call(() -> insert("after"));
        await().until(() -> group.waiting() == 3);

        release.countDown();

        assertThat(before.join()).isEqualTo("before");
        assertThat(after.join()).isEqualTo("after");
        assertThatThrownBy(failing::join).hasCauseInstanceOf(DuplicateKeyException.class);
        assertThat(rows()).containsExactlyInAnyOrder("taken", "first", "before", "after");
    }

    @Test
    void aFailedCommitReachesEveryCallerOfTheBatchAndNoOther() {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = call(() -> {
            blockUntil(release);
            return insert("first");
        });
        await().until(() -> commitsInProgress(first));
        List<CompletableFuture<String>> batch =
                IntStream.range(0, 3).mapToObj(i -> call(() -> insert("b" + i))).toList();
        await().until(() -> group.waiting() == 3);
        failingCommit.set(2);

        release.countDown();

        assertThat(first.join()).isEqualTo("first");
        batch.forEach(caller -> assertThatThrownBy(caller::join).hasCauseInstanceOf(TransactionSystemException.class));
        assertThat(rows()).containsExactly("first");
    }

    @Test
    void aCallerInATransactionRunsItsWorkInThatOne() {
        TransactionTemplate outer = new TransactionTemplate(transactions);

        assertThatThrownBy(() -> outer.executeWithoutResult(tx -> {
                    group.run(() -> insert("inside"));
                    throw new IllegalStateException("the caller gives up");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(rows()).isEmpty();
        assertThat(commits).hasValue(0);
    }

    private CompletableFuture<String> call(Supplier<String> work) {
        return CompletableFuture.supplyAsync(() -> group.inTransaction(work), callers);
    }

    /** The first caller is inside its transaction (its work blocked), so the next ones must wait in the queue. */
    private boolean commitsInProgress(CompletableFuture<String> first) {
        return !first.isDone() && group.waiting() == 0 && commits.get() == 0 && blockedInWork.get() > 0;
    }

    private void blockUntil(CountDownLatch release) {
        blockedInWork.incrementAndGet();
        try {
            if (!release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String insert(String id) {
        jdbc.update("INSERT INTO row_written VALUES (?)", id);
        return id;
    }

    private List<String> rows() {
        return jdbc.queryForList("SELECT id FROM row_written", String.class);
    }
}
