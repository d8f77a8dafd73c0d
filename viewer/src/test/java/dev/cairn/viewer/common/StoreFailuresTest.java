package dev.cairn.viewer.common;

import dev.cairn.store.model.StoreException;
import dev.cairn.store.model.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "server unreachable" or "password", and that messages stay one line. */
class StoreFailuresTest {
    @Test
    void anUnreachableServerIsFoundAmongTheCauses() {
        StoreUnavailableException down = new StoreUnavailableException(
                "The store exp@db cannot be reached: Connection refused", null);
        assertThat(StoreFailures.unavailable(down)).isTrue();
        assertThat(StoreFailures.unavailable(new ExecutionException(down))).isTrue();
        assertThat(StoreFailures.unavailable(new StoreException("Store read failed on exp@db: syntax error"))).isFalse();
        assertThat(StoreFailures.unavailable(new IllegalStateException())).isFalse();
    }

    @Test
    void aMissingOrRefusedPasswordIsToldApartFromOtherLoginFailures() {
        // the messages PostgresBackend passes on from pgjdbc and the server
        assertThat(StoreFailures.passwordProblem(new StoreException("Cannot open the store postgresql://a@h:5432/exp: "
                + "Cannot connect to the PostgreSQL store h:5432/exp as a: The server requested SCRAM-based "
                + "authentication, but no password was provided.")))
                .isEqualTo(StoreFailures.PasswordProblem.MISSING);
        assertThat(StoreFailures.passwordProblem(new StoreException("Cannot open the store postgresql://a@h:5432/exp: "
                + "Cannot connect to the PostgreSQL store h:5432/exp as a: FATAL: password authentication failed "
                + "for user \"a\"")))
                .isEqualTo(StoreFailures.PasswordProblem.REFUSED);
        assertThat(StoreFailures.passwordProblem(new StoreException("Cannot open the store postgresql://a@h:5432/x: "
                + "FATAL: database \"x\" does not exist"))).isNull();
        assertThat(StoreFailures.passwordProblem(new RuntimeException((String) null))).isNull();
    }

    @Test
    void userMessagesKeepTheFirstLineOnly() {
        assertThat(UserMessages.of(new StoreException("Store write failed on exp@db: ERROR: value too long\n"
                + "  Detail: Failing row contains (…)\n  Where: SQL statement")))
                .isEqualTo("Store write failed on exp@db: ERROR: value too long");
        assertThat(UserMessages.of(new StoreException("\n  leading blank line\nsecond"))).isEqualTo("leading blank line");
        assertThat(UserMessages.of(new IllegalStateException())).startsWith("Something went wrong");
    }
}
