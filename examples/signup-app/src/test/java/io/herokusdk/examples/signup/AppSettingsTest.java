package io.herokusdk.examples.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herokusdk.core.ConfigVars;
import io.herokusdk.core.InvalidConfigVarException;
import io.herokusdk.mail.InMemoryOutbox;
import io.herokusdk.testing.PostgresExtension;
import io.herokusdk.testing.RedisExtension;
import io.herokusdk.testing.TestDatabase;
import io.herokusdk.testing.TestRedis;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The app's own config vars: defaults, and a typed error naming a bad one. */
@ExtendWith({PostgresExtension.class, RedisExtension.class})
class AppSettingsTest {
  @Test
  void defaults() {
    AppSettings settings = AppSettings.from(ConfigVars.of(Map.of()));
    assertThat(settings.port()).isEqualTo(5000);
    assertThat(settings.signupLimit()).isEqualTo(10);
    assertThat(settings.signupWindow()).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.userCacheTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.emailMaxAttempts()).isEqualTo(5);
    assertThat(settings.emailRetryDelay()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.retention()).isEqualTo(Duration.ofDays(30));
    assertThat(settings.emailRequeueAfter()).isEqualTo(Duration.ofMinutes(10));
  }

  @ParameterizedTest
  @CsvSource({"PORT, 70000", "PORT, web", "SIGNUP_RATE_LIMIT, lots", "SIGNUP_RATE_LIMIT, 0",
      "SIGNUP_RATE_WINDOW, 0s", "SIGNUP_RATE_WINDOW, soon", "USER_CACHE_TTL, -1m",
      "EMAIL_MAX_ATTEMPTS, 0", "EMAIL_RETRY_DELAY, 0", "DATA_RETENTION, forever",
      "TRUST_X_FORWARDED_FOR, maybe", "EMAIL_REQUEUE_AFTER, 5m", "EMAIL_REQUEUE_AFTER, 0"})
  void aBadValueNamesItsVar(String name, String value) {
    InvalidConfigVarException e = catchThrowableOfType(InvalidConfigVarException.class,
        () -> AppSettings.from(ConfigVars.of(Map.of(name, value))));
    assertThat(e).isNotNull();
    assertThat(e.configVar()).hasValue(name);
    assertThat(e.getMessage()).contains(name);
  }

  @Test
  void anUnusableSenderStopsStartUpNamingMailFrom(TestDatabase db, TestRedis redis) {
    ConfigVars config = RunningApp.config(db, redis, Map.of("MAIL_FROM", "not an address"));
    InvalidConfigVarException e = catchThrowableOfType(InvalidConfigVarException.class,
        () -> SignupServices.fromConfig(config, new InMemoryOutbox()));
    assertThat(e).isNotNull();
    assertThat(e.configVar()).hasValue("MAIL_FROM");
  }
}
