package org.certhub.routes.config;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells an infrastructure fault from a poison message: a failure that says the database is unreachable, or
 * momentarily unable to answer, says nothing about the message being processed, and the same message succeeds
 * once the database is back. Such a failure must never send a message to a dead-letter queue, nor be answered as
 * the sender's or the hub's error: it is retried (queues) or answered {@code 503} (HTTP).
 *
 * <p>The whole cause chain is examined, so that a fault is recognised however it is wrapped (a Spring
 * {@code CannotCreateTransactionException} around HikariCP's {@code SQLTransientConnectionException}, an
 * {@code UncategorizedSQLException} around a driver's {@code SQLException}, ...). Recognised are:
 * <ul>
 * <li>Spring's {@link DataAccessResourceFailureException} (among them {@code CannotGetJdbcConnectionException}),
 *     {@link TransientDataAccessException} (timeouts, lock and serialization failures),
 *     {@link RecoverableDataAccessException}, and {@link CannotCreateTransactionException} (no connection to begin
 *     a transaction on);</li>
 * <li>JDBC's {@link SQLTransientException} (HikariCP's connection timeout is a
 *     {@code SQLTransientConnectionException}), {@link SQLRecoverableException} and
 *     {@link SQLNonTransientConnectionException};</li>
 * <li>any {@link SQLException} whose SQLState is of class {@code 08} (connection exception), {@code 53}
 *     (insufficient resources) or {@code 57P} (PostgreSQL's server shutting down, crashed, or still starting).</li>
 * </ul>
 * Everything else, constraint violations and bad data included, is not an infrastructure fault.
 */
public final class InfrastructureFaults {

    private InfrastructureFaults() {}

    /** Whether {@code failure}, or any of its causes, says the database is unreachable or momentarily unable to answer. */
    public static boolean isInfrastructureFault(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
            if (isFault(current)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFault(Throwable failure) {
        return failure instanceof DataAccessResourceFailureException
                || failure instanceof TransientDataAccessException
                || failure instanceof RecoverableDataAccessException
                || failure instanceof CannotCreateTransactionException
                || failure instanceof SQLTransientException
                || failure instanceof SQLRecoverableException
                || failure instanceof SQLNonTransientConnectionException
                || failure instanceof SQLException sql && isUnavailableState(sql.getSQLState());
    }

    private static boolean isUnavailableState(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.startsWith("57P"));
    }
}
