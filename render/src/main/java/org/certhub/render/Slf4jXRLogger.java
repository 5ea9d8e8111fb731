package org.certhub.render;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's log to SLF4J under its own logger names ({@code com.openhtmltopdf.load}, ...), so the
 * hub's logging configuration governs it. Its per-document INFO chatter ("Using fast-mode renderer") becomes
 * DEBUG; warnings stay warnings.
 */
final class Slf4jXRLogger implements XRLogger {

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable failure) {
        Logger logger = LoggerFactory.getLogger(where);
        int severity = level.intValue();
        if (severity >= Level.SEVERE.intValue()) {
            logger.error(message, failure);
        } else if (severity >= Level.WARNING.intValue()) {
            logger.warn(message, failure);
        } else if (severity >= Level.INFO.intValue()) {
            logger.debug(message, failure);
        } else {
            logger.trace(message, failure);
        }
    }

    /** Levels belong to the logging configuration, not to the library. */
    @Override
    public void setLevel(String logger, Level level) {
        // deliberately ignored: see the class comment
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int severity = diagnostic.getLevel().intValue();
        if (severity >= Level.WARNING.intValue()) {
            return logger.isWarnEnabled();
        }
        return severity >= Level.INFO.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
    }
}
