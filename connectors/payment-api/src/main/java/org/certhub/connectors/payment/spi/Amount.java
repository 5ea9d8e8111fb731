package org.certhub.connectors.payment.spi;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** A sum of money: a non-negative value in an ISO 4217 currency. */
public record Amount(BigDecimal value, Currency currency) {

    public Amount {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(currency, "currency");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("an amount is not negative: " + value);
        }
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + currency.getCurrencyCode();
    }
}
