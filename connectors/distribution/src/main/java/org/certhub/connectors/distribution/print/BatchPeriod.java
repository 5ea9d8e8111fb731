package org.certhub.connectors.distribution.print;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How long a print batch stays open: it collects the certificates delivered from its start to the next. */
public enum BatchPeriod {
    DAY {
        @Override
        public LocalDate start(LocalDate day) {
            return day;
        }

        @Override
        public LocalDate next(LocalDate start) {
            return start.plusDays(1);
        }
    },
    /** ISO weeks, from Monday. */
    WEEK {
        @Override
        public LocalDate start(LocalDate day) {
            return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        @Override
        public LocalDate next(LocalDate start) {
            return start.plusWeeks(1);
        }
    },
    MONTH {
        @Override
        public LocalDate start(LocalDate day) {
            return day.withDayOfMonth(1);
        }

        @Override
        public LocalDate next(LocalDate start) {
            return start.plusMonths(1);
        }
    };

    /** The first day of the period holding {@code day}. */
    public abstract LocalDate start(LocalDate day);

    /** The first day of the period after the one starting on {@code start}. */
    public abstract LocalDate next(LocalDate start);
}
