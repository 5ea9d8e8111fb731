package org.certhub.routes.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.apache.camel.CamelExecutionException;
import org.certhub.connectors.distribution.spi.PermanentDeliveryException;
import org.certhub.connectors.distribution.spi.TransientDeliveryException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class InfrastructureFaultsTest {

    /** What HikariCP throws when no connection comes within its connection timeout (the database is down). */
    private static final SQLTransientConnectionException POOL_TIMEOUT = new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 10000ms.",
            "08001",
            new SQLException(
                    "Connection to 127.0.0.1:5432 refused.", "08001", new ConnectException("Connection refused")));

    @Test
    void noConnectionFromThePoolIsAnInfrastructureFaultHoweverSpringWrapsIt() {
        assertThat(InfrastructureFaults.isInfrastructureFault(POOL_TIMEOUT)).isTrue();
        assertThat(InfrastructureFaults.isInfrastructureFault(
                        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", POOL_TIMEOUT)))
                .isTrue();
        assertThat(InfrastructureFaults.isInfrastructureFault(new CannotCreateTransactionException(
                        "Could not open JDBC Connection for transaction", POOL_TIMEOUT)))
                .isTrue();
        assertThat(InfrastructureFaults.isInfrastructureFault(new CamelExecutionException(
                        "bean call failed", null, new CannotGetJdbcConnectionException("no connection", POOL_TIMEOUT))))
                .isTrue();
    }

    @Test
    void aConnectionThePostgresServerDroppedIsAnInfrastructureFaultByItsSqlState() {
        // what the driver throws on a pooled connection when the server shut down (57P01) or the socket broke (08006),
        // untranslated or left uncategorized by Spring
        SQLException shutdown = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        SQLException ioError =
                new SQLException("An I/O error occurred while sending to the backend.", "08006", new EOFException());
        SQLException startingUp = new SQLException("FATAL: the database system is starting up", "57P03");
        SQLException tooManyClients = new SQLException("FATAL: sorry, too many clients already", "53300");

        assertThat(InfrastructureFaults.isInfrastructureFault(shutdown)).isTrue();
        assertThat(InfrastructureFaults.isInfrastructureFault(
                        new UncategorizedSQLException("insert", "INSERT INTO t VALUES (?)", ioError)))
                .isTrue();
        assertThat(InfrastructureFaults.isInfrastructureFault(startingUp)).isTrue();
        assertThat(InfrastructureFaults.isInfrastructureFault(tooManyClients)).isTrue();
        assertThat(InfrastructureFaults.isInfrastructureFault(
                        new TransactionSystemException("Could not commit JDBC transaction", ioError)))
                .isTrue();
        assertThat(InfrastructureFaults.isInfrastructureFault(
                        new SQLNonTransientConnectionException("Connection is closed")))
                .isTrue();
    }

    @Test
    void transientDataAccessFailuresAreRetriedAsFaultsToo() {
        assertThat(InfrastructureFaults.isInfrastructureFault(new QueryTimeoutException("statement timed out")))
                .isTrue();
        assertThat(InfrastructureFaults.isInfrastructureFault(new CannotAcquireLockException("lock not available")))
                .isTrue();
    }

    @Test
    void badDataAndDefectsAreNotInfrastructureFaults() {
        SQLException uniqueViolation =
                new SQLException("ERROR: duplicate key value violates unique constraint", "23505");
        assertThat(InfrastructureFaults.isInfrastructureFault(new DuplicateKeyException("duplicate", uniqueViolation)))
                .isFalse();
        assertThat(InfrastructureFaults.isInfrastructureFault(new DataIntegrityViolationException(
                        "too long", new SQLException("ERROR: value too long", "22001"))))
                .isFalse();
        assertThat(InfrastructureFaults.isInfrastructureFault(
                        new SQLIntegrityConstraintViolationException("null value", "23502")))
                .isFalse();
        assertThat(InfrastructureFaults.isInfrastructureFault(new BadSqlGrammarException(
                        "select", "SELECT nope", new SQLException("ERROR: relation does not exist", "42P01"))))
                .isFalse();
        assertThat(InfrastructureFaults.isInfrastructureFault(new EmptyResultDataAccessException(1)))
                .isFalse();
        assertThat(InfrastructureFaults.isInfrastructureFault(new SQLException("no state")))
                .isFalse();
        assertThat(InfrastructureFaults.isInfrastructureFault(new IllegalArgumentException("not a certificate id")))
                .isFalse();
        assertThat(InfrastructureFaults.isInfrastructureFault(new IllegalStateException("Ops")))
                .isFalse();
        assertThat(InfrastructureFaults.isInfrastructureFault(null)).isFalse();
    }

    @Test
    void aReceiversOutageIsTheChannelsAffairNotTheDatabases() {
        // the channels' own retry policy and circuit breaker handle these, with bounded retries
        assertThat(InfrastructureFaults.isInfrastructureFault(new TransientDeliveryException(
                        "email: SMTP server unreachable", new ConnectException("Connection refused"))))
                .isFalse();
        assertThat(InfrastructureFaults.isInfrastructureFault(
                        new PermanentDeliveryException("sms: the receiver answered HTTP 422")))
                .isFalse();
    }

    @Test
    void aCauseChainWithACycleEnds() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.initCause(second);
        assertThat(InfrastructureFaults.isInfrastructureFault(first)).isFalse();
    }
}
